# defuse: a de-escalation training simulator. Hand-written Makefile; settings first.

CC       ?= cc
PKG      ?= pkg-config
BUILD    ?= build
OPT      ?= -O2 -g
WARN     ?= -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wvla -Wundef -Wcast-qual -Wno-missing-field-initializers -Wno-format-truncation
STD      ?= -std=c11 -D_POSIX_C_SOURCE=200809L
SANITIZE ?=
PREFIX   ?= /usr/local

# The terminal, the tools and the engine need Lua, cJSON, SQLite and nettle (records); the window lives in a
# plugin (libdefuse-gui.so, SDL2 + SDL_ttf + SDL_image + fontconfig) loaded when a window
# is wanted, so terminal use stays small.
LIBS_PC  := lua5.4 libcjson sqlite3 nettle
CURL_PC  := libcurl
GUI_PC   := sdl2 SDL2_ttf SDL2_image fontconfig
CFLAGS_PC = $(shell $(PKG) --cflags $(LIBS_PC) $(CURL_PC) $(GUI_PC) 2>/dev/null)
LIBS_PC_L = $(shell $(PKG) --libs $(LIBS_PC) 2>/dev/null)
GUI_L     = $(shell $(PKG) --libs $(GUI_PC) 2>/dev/null)
CMOCKA_L  = $(shell $(PKG) --libs cmocka 2>/dev/null)

CFLAGS  += $(STD) $(OPT) $(WARN) $(SANITIZE) -fPIC -MMD -MP
LDLIBS  += $(LIBS_PC_L) -lm
LDFLAGS += $(SANITIZE)

# Objects grouped by layer (dependency direction: app -> {term, analysis} -> script -> core).
CORE_SRC   := $(wildcard engine/core/*.c)
SCRIPT_SRC := $(wildcard engine/script/*.c)
ANALYSIS_SRC := $(wildcard engine/analysis/*.c)
RECORDS_SRC := $(wildcard engine/records/*.c)
UI_SRC     := $(wildcard engine/ui/*.c)
PLATFORM_SRC := $(wildcard engine/platform/*.c)
TERM_SRC   := $(wildcard engine/term/*.c)
APP_SRC    := $(wildcard engine/app/*.c)

CORE_OBJ   := $(CORE_SRC:%.c=$(BUILD)/%.o)
SCRIPT_OBJ := $(SCRIPT_SRC:%.c=$(BUILD)/%.o)
ANALYSIS_OBJ := $(ANALYSIS_SRC:%.c=$(BUILD)/%.o)
RECORDS_OBJ := $(RECORDS_SRC:%.c=$(BUILD)/%.o)
UI_OBJ     := $(UI_SRC:%.c=$(BUILD)/%.o)
PLATFORM_OBJ := $(PLATFORM_SRC:%.c=$(BUILD)/%.o)
TERM_OBJ   := $(TERM_SRC:%.c=$(BUILD)/%.o)
APP_OBJ    := $(APP_SRC:%.c=$(BUILD)/%.o)
GUI_APP    := $(BUILD)/engine/app/gui.o $(BUILD)/engine/app/present.o
MAIN_OBJ   := $(CORE_OBJ) $(SCRIPT_OBJ) $(ANALYSIS_OBJ) $(RECORDS_OBJ) $(TERM_OBJ) $(filter-out $(BUILD)/engine/app/main.o $(GUI_APP),$(APP_OBJ))
GUI_OBJ    := $(UI_OBJ) $(PLATFORM_OBJ) $(GUI_APP)
LIB_OBJ    := $(MAIN_OBJ) $(GUI_OBJ)

TEST_SRC   := $(wildcard tests/unit/*.c)
TEST_BIN   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all deps run test unit golden golden-update check-layers asan bench clean docs docs-check \
        fuzz fuzz-build fuzz-smoke fuzz-bins

all: $(BUILD)/defuse $(BUILD)/libdefuse-gui.so

deps:
	@./tools/deps.sh

$(BUILD)/defuse: $(MAIN_OBJ) $(BUILD)/engine/app/main.o
	$(CC) $(LDFLAGS) -rdynamic -o $@ $^ $(LDLIBS) -ldl

# The window plugin; it uses the engine's symbols from the executable (-rdynamic).
$(BUILD)/libdefuse-gui.so: $(GUI_OBJ)
	$(CC) $(LDFLAGS) -shared -o $@ $^ $(GUI_L) -lm

# Objects are rebuilt when the compiler flags change, not only when sources do.
FLAGS_FILE := $(BUILD)/.cflags
$(FLAGS_FILE): FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(CFLAGS) $(CFLAGS_PC)' | cmp -s - $@ || echo '$(CC) $(CFLAGS) $(CFLAGS_PC)' > $@

$(BUILD)/%.o: %.c $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CFLAGS_PC) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) tests/unit/harness.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CFLAGS_PC) -Wno-missing-prototypes -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS) $(GUI_L) -ldl $(CMOCKA_L)

# Small developer tools (tests/tools/NAME.c -> build/tools/NAME), e.g. the portrait sheet.
$(BUILD)/tools/%: tests/tools/%.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CFLAGS_PC) -Wno-missing-prototypes -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS) $(GUI_L) -ldl

$(BUILD)/bench: tests/bench/bench.c $(LIB_OBJ)
	$(CC) $(CFLAGS) $(CFLAGS_PC) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS) $(GUI_L) -ldl

run: deps
	@$(MAKE) --no-print-directory all
	@$(BUILD)/defuse

# Every test, then one summary line; non-zero exit on any failure.
test: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@./tests/run-all.sh $(BUILD)

unit: all $(TEST_BIN)
	@for t in $(TEST_BIN); do $$t || exit 1; done

golden: all
	@./tests/golden.sh check $(BUILD)/defuse

golden-update: all
	@./tests/golden.sh update $(BUILD)/defuse

# The layering rule of DESIGN.md, checked on the include lines.
check-layers:
	@./tools/check-layers.sh

asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" all \
	    $(TEST_BIN:$(BUILD)/%=build/asan/%)
	@DEFUSE_TEST_TIMEOUT=120 ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 ./tests/run-all.sh build/asan

bench: all
	@./tests/bench.sh $(BUILD)/defuse

docs: all
	@./tools/gen-docs.sh update $(BUILD)/defuse

docs-check: all
	@./tools/gen-docs.sh check $(BUILD)/defuse

# Fuzzing (docs/reliability.md): libFuzzer harnesses (tests/fuzz/fuzz_NAME.c) built with
# clang, ASan and UBSan into $(FUZZ_BUILD), linked against the core, script, analysis and
# records layers only (no SDL). `make fuzz` runs each for FUZZ_SECONDS; `make fuzz-smoke`
# replays the corpus (tests/fuzz/corpus/NAME) and fuzzes FUZZ_SMOKE_SECONDS each, as
# `make test` does. FUZZ_TARGETS picks harnesses, FUZZ_ARGS passes libFuzzer options.
FUZZ_CC       ?= clang
FUZZ_BUILD    ?= $(BUILD)/fuzz
FUZZ_SECONDS  ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_RSS_MB   ?= 2048
FUZZ_TARGETS  ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_ARGS     ?=
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJ      := $(CORE_OBJ) $(SCRIPT_OBJ) $(ANALYSIS_OBJ) $(RECORDS_OBJ)
FUZZ_BIN      := $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/fuzz_%,$(wildcard tests/fuzz/fuzz_*.c))
export FUZZ_SECONDS FUZZ_SMOKE_SECONDS FUZZ_RSS_MB FUZZ_TARGETS FUZZ_ARGS

# The harnesses, built by a sub-make with BUILD=$(FUZZ_BUILD), clang and the sanitizers; the
# engine's warnings stay warnings here (another compiler warns about other things).
fuzz-build:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "fuzz: $(FUZZ_CC) not installed (make deps installs clang)" >&2; exit 1; }
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT="-O1 -g" \
	    WARN="-Wall -Wextra -Wno-unknown-warning-option -Wno-missing-field-initializers" \
	    SANITIZE="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" fuzz-bins

fuzz-bins: $(FUZZ_BIN)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(CC) $(CFLAGS) $(CFLAGS_PC) -Wno-missing-prototypes -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDFLAGS) -fsanitize=fuzzer $(LDLIBS)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@./tests/fuzz/fuzz.sh run $(FUZZ_BUILD)

fuzz-smoke:
	@./tests/fuzz/fuzz.sh smoke $(BUILD)

clean:
	rm -rf $(BUILD)

FORCE:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
