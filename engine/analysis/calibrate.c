/* calibrate.c: the three time figures a scenario is calibrated by (docs/model.md). */
#include "analysis.h"

#include <math.h>
#include <string.h>

/* Projected typical total after option n of run (1-based; 0: of run itself, before any
 * choice): exact up to a large budget. */
static int project(const df_Run *run, int n, double *out, df_Error *err) {
    df_Run *next = df_run_fork(run);
    if (!next) {
        df_error_set(err, "", 0, "out of memory");
        return -1;
    }
    df_ForecastLimits lim;
    df_forecast_limits_default(&lim);
    lim.max_nodes = 400000;
    lim.samples = 4000;
    df_Forecast fc;
    int rc = n > 0 ? df_run_choose(next, n, err) : 0;
    if (rc == 0) rc = df_forecast(next, &lim, &fc, err);
    df_run_free(next);
    if (rc != 0) return -1;
    *out = fc.valid ? df_forecast_typical_total(&fc) : NAN;
    return 0;
}

static void add_issue(df_Calibration *out, int step, int took, int mistake, double mine, double other) {
    if (out->nissues >= DF_CAL_MAX_ISSUES) return;
    out->issues[out->nissues].step = step;
    out->issues[out->nissues].best = took;
    out->issues[out->nissues].mistake = mistake;
    out->issues[out->nissues].best_total = mine;
    out->issues[out->nissues].mistake_total = other;
    out->nissues++;
}

static bool is_mistake(const df_Choice *c) {
    return c->ntags > 0 && df_tag(c->tags[0])->kind == DF_KIND_MISTAKE;
}

/* Walks the best-score path and compares, at each decision, the option it takes with the
 * mistakes on offer. */
static int forecast_direction(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_Path *best,
                              df_Calibration *out, df_Error *err) {
    df_Run *run = df_run_new(sc, host, seed, err);
    if (!run) return -1;
    int rc = 0;
    for (int i = 0; i < best->n && rc == 0 && !df_run_over(run); i++) {
        const int *vis;
        int n = df_run_visible(run, &vis);
        const df_Beat *b = &sc->beats[df_run_state(run)->beat];
        int took = best->choices[i];
        double mine = NAN;
        if (took >= 1 && took <= n && !is_mistake(&b->choices[vis[took - 1]])) rc = project(run, took, &mine, err);
        /* the right move must not raise the forecast the player sees (before it, after it) */
        double before = NAN;
        if (rc == 0 && !isnan(mine)) rc = project(run, 0, &before, err);
        if (rc == 0 && !isnan(before) && mine > before + DF_CAL_DIRECTION_SLACK) add_issue(out, i, took, 0, mine, before);
        for (int k = 1; k <= n && rc == 0 && !isnan(mine); k++) {
            if (k == took || !is_mistake(&b->choices[vis[k - 1]])) continue;
            double other;
            rc = project(run, k, &other, err);
            if (rc == 0 && !isnan(other) && other < mine - DF_CAL_DIRECTION_SLACK) add_issue(out, i, took, k, mine, other);
        }
        if (rc == 0) rc = df_run_choose(run, took, err);
    }
    df_run_free(run);
    return rc;
}

int df_calibrate(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_Walk *w, df_Calibration *out,
                 df_Error *err) {
    memset(out, 0, sizeof *out);
    out->baseline = df_calm_baseline(&sc->params);
    out->best = w->paths ? w->best.total : 0;
    out->has_escalated = w->has_timed;
    out->escalated = w->has_timed ? w->escalated.total : 0;
    out->timed = w->paths && w->best.outcome != DF_OUT_SAFETY_EXIT;
    /* The typical novice and the escalated road from the start: exact unless the scenario is
     * too big to walk (then sampled, and typical_sampled says so). */
    df_Forecast fc;
    if (df_escalated_road(sc, host, seed, &fc, err) != 0) return -1;
    /* the escalated road from the same walk the debrief uses, exact where the path walk
     * had to sample */
    if (fc.valid) out->escalated = fc.worst;
    out->typical = fc.valid ? fc.typical : 0;
    out->typical_sampled = fc.sampled;
    double b = out->baseline > 0 ? out->baseline : 1;
    out->best_ok = !out->timed || out->best / b <= DF_CAL_BEST_MAX + 0.005;
    out->escalated_ok = !out->timed || (out->escalated / b >= DF_CAL_ESCALATED_MIN - 0.005 &&
                                        out->escalated / b <= DF_CAL_ESCALATED_MAX + 0.005);
    out->typical_ok = !out->timed || (out->typical > out->best && out->typical < out->escalated);
    if (w->paths && forecast_direction(sc, host, seed, &w->best, out, err) != 0) return -1;
    return 0;
}
