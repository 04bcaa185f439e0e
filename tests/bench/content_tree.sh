#!/bin/sh
# content_tree.sh DIR N_CURRICULA MODULES: writes a large synthetic content
# tree (DIR/curricula/*.yaml) of valid curricula for the loading benchmark.
dir=$1; n=${2:-200}; modules=${3:-10}
mkdir -p "$dir/curricula" "$dir/checklists"
awk -v dir="$dir" -v n="$n" -v modules="$modules" 'BEGIN {
  for (c = 1; c <= n; c++) {
    f = sprintf("%s/curricula/c%03d.yaml", dir, c)
    printf "kind: curriculum\nid: bench-%d\nversion: 1\nreviewed: 2026-11-26\n", c > f
    printf "sources:\n  - id: s1\n    title: Benchmark source\n    year: 2026\n" > f
    printf "title: {sv: Kurs %d, en: Course %d}\naudience: {sv: Alla, en: Everyone}\nmodules:\n", c, c > f
    for (m = 1; m <= modules; m++) {
      printf "  - id: m%d\n    title: {sv: Modul %d, en: Module %d}\n    minutes: 30\n    pages:\n", m, m, m > f
      for (p = 1; p <= 3; p++) {
        printf "      - id: p%d\n        title: {sv: Sida %d, en: Page %d}\n        sources: [s1]\n", p, p, p > f
        printf "        body:\n          sv: |\n            Ett stycke med **fet** text om ämnet, rad ett.\n\n            - en punkt\n            - en punkt till\n" > f
        printf "          en: |\n            A paragraph with **bold** text on the subject, line one.\n\n            - a bullet\n            - another bullet\n" > f
      }
      printf "    check:\n      pass_mark: 70\n      questions:\n" > f
      for (q = 1; q <= 5; q++) {
        printf "        - id: q%d\n          type: single\n          text: {sv: Fråga %d?, en: Question %d?}\n", q, q, q > f
        printf "          choices:\n            - text: {sv: Ja, en: \"Yes\"}\n              correct: true\n            - text: {sv: Nej, en: \"No\"}\n" > f
        printf "          explanation: {sv: Därför., en: Because.}\n" > f
      }
    }
    close(f)
  }
}'
