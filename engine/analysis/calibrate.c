/* calibrate.c: the three time figures a scenario is calibrated by (docs/model.md). */
#include "analysis.h"

#include <string.h>

int df_calibrate(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_Walk *w, df_Calibration *out,
                 df_Error *err) {
    memset(out, 0, sizeof *out);
    out->baseline = df_calm_baseline(&sc->params);
    out->best = w->paths ? w->best.total : 0;
    out->has_escalated = w->has_timed;
    out->escalated = w->has_timed ? w->escalated.total : 0;
    out->timed = w->paths && w->best.outcome != DF_OUT_SAFETY_EXIT;
    df_Run *run = df_run_new(sc, host, seed, err);
    if (!run) return -1;
    /* The typical novice from the start: exact unless the scenario is too big to walk. */
    df_ForecastLimits lim;
    df_forecast_limits_default(&lim);
    lim.max_nodes = 3000000;
    lim.samples = 20000;
    df_Forecast fc;
    int rc = df_forecast(run, &lim, &fc, err);
    df_run_free(run);
    if (rc != 0) return -1;
    out->typical = fc.valid ? fc.typical : 0;
    out->typical_sampled = fc.sampled;
    double b = out->baseline > 0 ? out->baseline : 1;
    out->best_ok = !out->timed || out->best / b <= DF_CAL_BEST_MAX + 0.005;
    out->escalated_ok = !out->timed || (out->escalated / b >= DF_CAL_ESCALATED_MIN - 0.005 &&
                                        out->escalated / b <= DF_CAL_ESCALATED_MAX + 0.005);
    out->typical_ok = !out->timed || (out->typical > out->best && out->typical < out->escalated);
    return 0;
}
