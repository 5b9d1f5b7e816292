/* fuzz_scenario: bytes as a scenario file. df_script_load_buffer loads them in the sandbox
 * (tight limits); what loads is played for up to 16 choices picked by the input's own bytes,
 * then walked (bounded) and checked by the text and item-cue lints. Invariants: every
 * diagnostic is safe to print; a run's line and choices are safe to print after sanitising;
 * nothing crashes, leaks past the limits or hangs. */
#include "fuzz.h"
#include "../../engine/analysis/analysis.h"
#include "../../engine/script/script.h"

static void limits(df_Limits *lim) {
    df_limits_default(lim);
    lim->memory = 16u << 20;
    lim->load_instr = 2000000;
    lim->call_instr = 100000;
    lim->load_seconds = 1.0;
    lim->call_seconds = 0.05;
    lim->max_source = 256u << 10;
}

static void play(const df_Scenario *sc, const df_Host *host, const uint8_t *data, size_t size) {
    df_Error err;
    df_error_clear(&err);
    uint64_t seed = size ? data[0] : 1;
    df_Run *run = df_run_new(sc, host, seed, &err);
    if (!run) return;
    char clean[4096];
    for (int step = 0; step < 16 && !df_run_over(run) && !df_run_broken(run); step++) {
        const char *line = df_run_line(run);
        if (line) {
            size_t n = df_sanitize(line, strlen(line), clean, sizeof clean);
            const char *why = fz_unsafe(clean, n);
            FUZZ_CHECK(!why && n < sizeof clean, "sanitised line holds %s", why ? why : "too much");
        }
        const int *idx;
        int nv = df_run_visible(run, &idx);
        if (nv <= 0) break;
        FUZZ_CHECK(nv <= DF_MAX_VISIBLE, "%d visible choices", nv);
        int best = df_run_best_choice(run);
        FUZZ_CHECK(best >= 0 && best <= nv, "best choice %d of %d", best, nv);
        /* the choice: from the input's bytes, so the fuzzer steers the path too */
        int pick = 1 + (int)(data[(size_t)(step * 7 + 1) % size] % (unsigned)nv);
        if (df_run_choose(run, pick, &err) < 0) break;
    }
    if (df_run_over(run)) {
        const df_Result *r = df_run_result(run);
        FUZZ_CHECK(r != NULL, "an over run has no result");
        if (r->score >= 0) FUZZ_CHECK(r->score <= 100, "score %d", r->score);
    }
    df_run_free(run);
}

static void analyse(const df_Scenario *sc, const df_Host *host, df_Diags *d) {
    df_WalkLimits wl = {.max_depth = 16, .max_paths = 500, .max_nodes = 5000, .max_per_beat = 1};
    df_Walk w;
    df_Error err;
    df_error_clear(&err);
    if (df_walk(sc, host, 1, &wl, &w, &err) == 0) {
        df_lint_text(sc, &w, d);
        df_Items it;
        if (df_items(sc, &w, &it) == 0) {
            df_lint_items(sc, &it, d);
            df_items_free(&it);
        }
    } else {
        df_lint_text(sc, NULL, d);
    }
    df_walk_free(&w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    df_Limits lim;
    limits(&lim);
    df_Diags d = {0};
    df_Script *s = df_script_load_buffer("fuzz.lua", (const char *)data, size, &lim, &d);
    fz_check_diags(&d);
    if (s) {
        FUZZ_CHECK(d.errors == 0, "loaded with %d errors", d.errors);
        const df_Scenario *sc = df_script_scenario(s);
        FUZZ_CHECK(sc && sc->nbeats > 0 && sc->start >= 0 && sc->start < sc->nbeats, "no start beat");
        size_t peak = 0;
        df_script_memory(s, &peak);
        FUZZ_CHECK(peak <= lim.memory + (1u << 20), "Lua state peaked at %zu bytes (cap %zu)", peak, lim.memory);
        play(sc, df_script_host(s), data, size);
        analyse(sc, df_script_host(s), &d);
        df_script_free(s);
    }
    df_diags_free(&d);
    return 0;
}
