# tillit - build, set-up, tests, benchmarks.
#   make run    install missing Debian packages, build, start on the shipped content
#   make test   the same set-up, then every test (normal build and ASan+UBSan build)
# See README.md and docs/ for the rest.

VERSION    := 0.1.0
CC         ?= cc
PKGS       := ncursesw sqlite3 yaml-0.1 libxml-2.0 libxslt libexslt
# Debian packages the build and the tests need; `deps` installs the missing ones.
# The tests also call pgrep (procps), man (man-db, with groff), bash's
# completion (bash-completion) and text-to-speech (espeak-ng).
DEB_PKGS   := build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev \
              libxml2-dev libxml2-utils libcmocka-dev sqlite3 tmux util-linux gettext \
              procps man-db groff-base bash-completion espeak-ng libxslt1-dev xsltproc poppler-utils
# Wanted by the tests but not required: without Chromium the HTML report's
# browser test is skipped with a message (tests/report/run.sh).
OPTIONAL_DEB_PKGS := chromium
TOP        := $(abspath .)

BASE_CFLAGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
               -Wmissing-prototypes -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED \
               -D_DEFAULT_SOURCE -DTILLIT_VERSION='"$(VERSION)"' \
               -ffile-prefix-map=$(TOP)=. -Icore -Itui -Iexport
PKG_CFLAGS  = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# Two build trees from the same sources: build/ (optimised) and build-asan/.
MODE ?= release
ifeq ($(MODE),fuzz)
  OUT     := build-fuzz
  CC      := clang
  MFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
             -fno-sanitize-recover=all
else ifeq ($(MODE),asan)
  OUT     := build-asan
  MFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=all
else
  OUT     := build
  MFLAGS  := -O2 -g
endif
# BUILD=dir puts the build tree elsewhere (e.g. one per person building in
# parallel in the same checkout).
ifdef BUILD
  OUT := $(BUILD)
endif
CFLAGS_ALL = $(BASE_CFLAGS) $(MFLAGS) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(MFLAGS) $(LDFLAGS)

CORE_SRC := $(wildcard core/*.c)
TUI_SRC  := $(wildcard tui/*.c)
EXP_SRC  := $(wildcard export/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(OUT)/%.o)
EXP_OBJ  := $(EXP_SRC:%.c=$(OUT)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(OUT)/%.o)
APP_OBJ  := $(filter-out $(OUT)/tui/main.o,$(TUI_OBJ))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)

# Translations: po/LANG.po -> $(OUT)/locale/LANG/LC_MESSAGES/tillit.mo.
PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(OUT)/locale/%/LC_MESSAGES/tillit.mo)

.PHONY: all deps run test check unit term report-test clean bench fuzz fuzz-build pot po-check install uninstall deb
all: $(OUT)/tillit $(MO_FILES)

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $@"; $(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# Run from the build tree, a program finds the content, the schema and the
# translations through this link to the source tree, next to it or one folder
# up (core/datafiles.h, docs/files.md); the binary names no build folder.
$(OUT)/tillit-source-tree:
	@mkdir -p $(OUT); ln -sfn "$$(realpath -m --relative-to=$(abspath $(OUT)) $(TOP))" $@

$(OUT)/libtillit.a: $(CORE_OBJ) $(EXP_OBJ) $(APP_OBJ) | $(OUT)/tillit-source-tree
	@rm -f $@
	ar rcs $@ $^

$(OUT)/tillit: $(OUT)/tui/main.o $(OUT)/libtillit.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(OUT)/locale/%/LC_MESSAGES/tillit.mo: po/%.po
	@mkdir -p $(dir $@)
	@echo "  MSGFMT $@"; msgfmt --check -o $@ $<

# make pot: the texts marked in the code -> po/tillit.pot, merged into each
# po/LANG.po (new and changed texts appear untranslated; the old translation of
# a changed text stays at the end as an obsolete "#~" entry to copy from).
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=_n:1,2 \
                  --add-comments=TRANSLATORS: --package-name=tillit --package-version=$(VERSION) \
                  --msgid-bugs-address=docs/i18n.md --sort-by-file
pot:
	xgettext $(XGETTEXT_FLAGS) -o po/tillit.pot core/*.c tui/*.c
	@for po in $(PO_FILES); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$po po/tillit.pot; done

# Every text of the code has a translation that is neither missing nor fuzzy.
po-check:
	@XGETTEXT_FLAGS="$(XGETTEXT_FLAGS)" tests/check-po.sh

$(OUT)/tests/%: tests/unit/%.c $(OUT)/libtillit.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(OUT)/libtillit.a $(PKG_LIBS) $(CMOCKA_LIBS)

-include $(shell find $(OUT) -name '*.d' 2>/dev/null)

# Install only what is missing; apt-get update only when something is.
deps:
	@missing=""; for p in $(DEB_PKGS) $(EXTRA_DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing missing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; \
	fi
	@missing=""; for p in $(OPTIONAL_DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing optional Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  { $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	    $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing; } || \
	    echo "could not install$$missing: the tests that need it will be skipped"; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	./$(OUT)/tillit

# The whole suite twice: the optimised build, then under ASan+UBSan.
test: deps
	@$(MAKE) --no-print-directory check MODE=release
	@$(MAKE) --no-print-directory check MODE=asan

# A sanitized build draws several times slower: its screens get longer to
# appear (seconds a terminal test waits for one, in `make test` and `make term`).
TERM_WAIT = $(if $(filter asan,$(MODE)),30,10)

check: $(OUT)/tillit $(MO_FILES) $(UNIT_BIN) $(OUT)/report/fixture_db
	@$(MAKE) --no-print-directory po-check
	@tests/run-unit.sh $(OUT) $(UNIT_BIN)
	@tests/plain/run.sh $(OUT)
	@T_WAIT_SECONDS=$(TERM_WAIT) tests/term/run.sh $(OUT)
	@tests/report/run.sh $(OUT)

# The HTML report in a browser and against its golden files (tests/report/).
report-test: $(OUT)/tillit $(OUT)/report/fixture_db
	@tests/report/run.sh $(OUT)

$(OUT)/report/fixture_db: tests/report/fixture_db.c $(OUT)/libtillit.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(OUT)/libtillit.a $(PKG_LIBS) $(CMOCKA_LIBS)

unit: $(OUT)/tillit $(MO_FILES) $(UNIT_BIN)
	@tests/run-unit.sh $(OUT) $(UNIT_BIN)

term: $(OUT)/tillit $(MO_FILES)
	@T_WAIT_SECONDS=$(TERM_WAIT) tests/term/run.sh $(OUT)

# ---- Installing (docs/files.md) ----
# GNU conventions: PREFIX (default /usr/local) and DESTDIR; the directory
# variables can be set one by one. The program finds its files in
# bindir/../share (or through XDG_DATA_DIRS), so keep bindir and datarootdir
# side by side under one prefix.
PREFIX      ?= /usr/local
prefix      ?= $(PREFIX)
exec_prefix ?= $(prefix)
bindir      ?= $(exec_prefix)/bin
datarootdir ?= $(prefix)/share
datadir     ?= $(datarootdir)
localedir   ?= $(datarootdir)/locale
mandir      ?= $(datarootdir)/man
# bash-completion looks in XDG_DATA_DIRS/bash-completion/completions.
bashcompdir ?= $(datarootdir)/bash-completion/completions
INSTALL         ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA    ?= $(INSTALL) -m 644
# Shipped data beside the content: the report schema and any stylesheet in export/.
SHARE_FILES := export/tillit-report.xsd $(wildcard export/*.xsl)
MAN_PAGES   := man/tillit.1 man/tillit-content.5
LANGS       := $(PO_FILES:po/%.po=%)

install: all
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(datadir)/tillit/curricula \
	  $(DESTDIR)$(datadir)/tillit/checklists $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5 \
	  $(DESTDIR)$(bashcompdir)
	$(INSTALL_PROGRAM) $(OUT)/tillit $(DESTDIR)$(bindir)/tillit
	$(INSTALL_DATA) curricula/*.yaml $(DESTDIR)$(datadir)/tillit/curricula/
	$(INSTALL_DATA) checklists/*.yaml $(DESTDIR)$(datadir)/tillit/checklists/
	$(INSTALL_DATA) $(SHARE_FILES) $(DESTDIR)$(datadir)/tillit/
	@for l in $(LANGS); do \
	  echo "$(INSTALL_DATA) $(OUT)/locale/$$l/LC_MESSAGES/tillit.mo $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/"; \
	  $(INSTALL) -d $(DESTDIR)$(localedir)/$$l/LC_MESSAGES && \
	  $(INSTALL_DATA) $(OUT)/locale/$$l/LC_MESSAGES/tillit.mo $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/ || exit 1; \
	done
	$(INSTALL_DATA) man/tillit.1 $(DESTDIR)$(mandir)/man1/
	$(INSTALL_DATA) man/tillit-content.5 $(DESTDIR)$(mandir)/man5/
	$(INSTALL_DATA) completion/tillit.bash $(DESTDIR)$(bashcompdir)/tillit

# Removes what install put there, and tillit's own folders when empty.
uninstall:
	rm -f $(DESTDIR)$(bindir)/tillit $(DESTDIR)$(mandir)/man1/tillit.1 \
	  $(DESTDIR)$(mandir)/man5/tillit-content.5 $(DESTDIR)$(bashcompdir)/tillit
	rm -rf $(DESTDIR)$(datadir)/tillit
	for l in $(LANGS); do rm -f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/tillit.mo; done

# The Debian package (debian/): dpkg-buildpackage writes it to the folder
# above, from where it is moved to $(OUT)/deb/; then lintian on it. Slow; not
# part of `make test`. The version is debian/changelog's (keep it VERSION).
deb: EXTRA_DEB_PKGS := debhelper dpkg-dev lintian
deb: deps
	dpkg-buildpackage -us -uc -b
	@mkdir -p $(OUT)/deb && for f in ../tillit_$(VERSION)_* ../tillit-dbgsym_$(VERSION)_*; do \
	  [ -e "$$f" ] && mv "$$f" $(OUT)/deb/; done; ls $(OUT)/deb/
	debian/rules clean
	lintian --info $(OUT)/deb/tillit_$(VERSION)_*.deb

# Benchmarks: figures and ratios printed, never asserted (docs/performance.md).
BENCH_BIN := $(OUT)/bench/gen $(OUT)/bench/runstat $(OUT)/bench/yaml_floor $(OUT)/bench/commit_rate \
             $(OUT)/bench/load
$(OUT)/bench/%: tests/bench/%.c $(OUT)/libtillit.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libtillit.a $(PKG_LIBS)

bench: deps
	@$(MAKE) --no-print-directory $(OUT)/tillit $(BENCH_BIN)
	@OUT=$(OUT) tests/bench/run.sh

# Fuzzing (clang's libFuzzer): each target runs FUZZ_SECONDS on a seed corpus
# made from the shipped content, the test fixtures and tests/fuzz/seeds/.
# Findings are written to FUZZ_OUT/findings/ (build-fuzz, or BUILD=dir), the
# whole fuzzer output to FUZZ_OUT/NAME.log; each finding becomes a
# regression test.
FUZZ_SECONDS ?= 60
FUZZ_OUT := $(if $(BUILD),$(BUILD),build-fuzz)
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(FUZZ_OUT)/%,$(wildcard tests/fuzz/fuzz_*.c))
# libFuzzer comes with clang's runtime; only `make fuzz` needs them.
fuzz: EXTRA_DEB_PKGS := clang libclang-rt-14-dev
fuzz: deps
	@$(MAKE) --no-print-directory MODE=fuzz fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  name=$$(basename $$t); corpus=$(FUZZ_OUT)/corpus/$$name; mkdir -p $$corpus $(FUZZ_OUT)/findings; \
	  tests/fuzz/seed.sh $$name $$corpus; \
	  echo "fuzzing $$name for $(FUZZ_SECONDS) s"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(FUZZ_OUT)/findings/$$name- -print_final_stats=1 $$corpus 2>&1 | \
	    tee $(FUZZ_OUT)/$$name.log | grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' || true; \
	done
	@if ls $(FUZZ_OUT)/findings/* >/dev/null 2>&1; then echo "fuzz: findings in $(FUZZ_OUT)/findings/"; exit 1; \
	else echo "fuzz: no findings"; fi

fuzz-build: $(OUT)/libtillit.a
	@for src in tests/fuzz/fuzz_*.c; do \
	  $(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -o $(OUT)/$$(basename $$src .c) $$src $(OUT)/libtillit.a $(PKG_LIBS) || exit 1; \
	done

clean:
	rm -rf build build-asan build-*
