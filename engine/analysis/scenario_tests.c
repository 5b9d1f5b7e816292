/* scenario_tests.c: runs the tests a scenario declares and says which figure differed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"

static void note(df_TestResult *r, const char *what, const char *side, double got, double want) {
    size_t n = strlen(r->why);
    snprintf(r->why + n, sizeof r->why - n, "%s%s is %.2f, %s %.2f", n ? "; " : "", what, got, side, want);
    r->ok = false;
}

static void check_range(df_TestResult *r, const char *what, double got, double lo, double hi) {
    if (!isnan(lo) && got < lo - 1e-9) note(r, what, "below the minimum", got, lo);
    if (!isnan(hi) && got > hi + 1e-9) note(r, what, "above the maximum", got, hi);
}

int df_test_run(const df_Scenario *sc, const df_Host *host, const df_Test *t, df_TestResult *res, df_Error *err) {
    memset(res, 0, sizeof *res);
    res->ok = true;
    const int *choices = t->choices;
    int n = t->nchoices;
    df_Path found;
    if (t->path) {
        df_Walk w;
        if (df_walk(sc, host, t->seed, NULL, &w, err) != 0) {
            df_walk_free(&w);
            return -1;
        }
        bool have = t->path == DF_TESTPATH_CALMEST ? w.has_calmest
                    : t->path == DF_TESTPATH_ESCALATED ? w.has_timed : w.paths > 0;
        found = t->path == DF_TESTPATH_CALMEST ? w.calmest : t->path == DF_TESTPATH_ESCALATED ? w.escalated
                : t->path == DF_TESTPATH_BEST  ? w.best : w.worst;
        df_walk_free(&w);
        if (!have) {
            df_error_set(err, sc->file, t->line, "test '%s': the scenario has no such path", t->name);
            return -1;
        }
        choices = found.choices;
        n = found.n;
    }
    df_Run *run = df_run_new(sc, host, t->seed, err);
    if (!run) return -1;
    for (int i = 0; i < n && !df_run_over(run); i++) {
        int rc = df_run_choose(run, choices[i], err);
        if (rc < 0) {
            df_run_free(run);
            return -1;
        }
        if (rc > 0) {
            const int *vis;
            int nv = df_run_visible(run, &vis);
            df_error_set(err, sc->file, t->line, "test '%s': step %d: choice %d is out of range (1-%d at beat '%s')",
                         t->name, i + 1, choices[i], nv, sc->beats[df_run_state(run)->beat].id);
            df_run_free(run);
            return -1;
        }
    }
    const df_Result *r = df_run_result(run);
    if (!r) {
        snprintf(res->why, sizeof res->why, "the choices end at beat '%s' without reaching an ending",
                 sc->beats[df_run_state(run)->beat].id);
        res->ok = false;
        df_run_free(run);
        return 0;
    }
    snprintf(res->got, sizeof res->got, "%s via '%s', score %d, %.1f min, %.2fx the calm baseline (%.2fx in the interaction)",
             df_outcome_key(r->outcome), sc->endings[r->ending].id, r->score, r->total, r->ratio, r->ratio_interaction);
    if (t->outcomes && !(t->outcomes & (1u << r->outcome))) {
        size_t len = strlen(res->why);
        snprintf(res->why + len, sizeof res->why - len, "%soutcome is %s", len ? "; " : "", df_outcome_key(r->outcome));
        res->ok = false;
    }
    if (t->ending >= 0 && t->ending != r->ending) {
        size_t len = strlen(res->why);
        snprintf(res->why + len, sizeof res->why - len, "%sending is '%s', not '%s'", len ? "; " : "",
                 sc->endings[r->ending].id, sc->endings[t->ending].id);
        res->ok = false;
    }
    if (t->passed >= 0 && t->passed != (int)r->passed) {
        size_t len = strlen(res->why);
        snprintf(res->why + len, sizeof res->why - len, "%sthe run %s", len ? "; " : "", r->passed ? "passed" : "did not pass");
        res->ok = false;
    }
    if (t->critical >= 0 && t->critical != (int)r->critical) {
        size_t len = strlen(res->why);
        snprintf(res->why + len, sizeof res->why - len, "%s%s", len ? "; " : "",
                 r->critical ? "there was a critical error" : "there was no critical error");
        res->ok = false;
    }
    check_range(res, "score", r->score, t->min_score, t->max_score);
    check_range(res, "time to resolution (minutes)", r->total, t->min_minutes, t->max_minutes);
    check_range(res, "ratio to the calm baseline", r->ratio, t->min_ratio, t->max_ratio);
    check_range(res, "ratio in the interaction", r->ratio_interaction, t->min_ratio_interaction, t->max_ratio_interaction);
    df_run_free(run);
    return 0;
}
