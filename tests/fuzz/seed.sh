#!/bin/sh
# Fills a fuzzing corpus folder with seeds for one target.
name=$1; corpus=$2
case $name in
  fuzz_content) cp curricula/*.yaml checklists/*.yaml tests/fixtures/good/*.yaml tests/fixtures/bad/*.yaml "$corpus"/ 2>/dev/null ;;
  *) for f in tests/fuzz/seeds/$name/*; do [ -e "$f" ] && cp "$f" "$corpus"/; done ;;
esac
exit 0
