/* forecast.c: the time to resolution still ahead of a run, found by playing its continuations.
 *
 * From the run's state every continuation is played to an ending with the engine itself (the
 * scenario's functions included), and three figures come out: best play (the model's best
 * option at every decision), the expected time of a typical novice (the best option half the
 * time), and the most. Continuations that circle are left out, as analysis leaves them out.
 * When there are too many to play (more than max_nodes choices in all), typical novices are
 * sampled instead from a stream seeded by the run's seed and its turn, so the same state
 * always gives the same forecast. */
#include "core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double df_forecast_best_total(const df_Forecast *f) { return f->spent + f->best; }
double df_forecast_typical_total(const df_Forecast *f) { return f->spent + f->typical; }

void df_minutes_text(double minutes, bool signed_change, char *buf, size_t cap) {
    const char *sign = "";
    if (!isfinite(minutes)) minutes = 0;
    if (signed_change) sign = minutes >= 0.005 ? "+" : minutes <= -0.005 ? "\u2212" : "\u00b1";
    long secs = lround(fabs(minutes) * 60);
    if (secs >= 3600)
        snprintf(buf, cap, "%s%ld:%02ld:%02ld", sign, secs / 3600, secs / 60 % 60, secs % 60);
    else
        snprintf(buf, cap, "%s%ld:%02ld", sign, secs / 60, secs % 60);
}

void df_forecast_limits_default(df_ForecastLimits *l) {
    l->max_nodes = 8000;
    l->samples = 600;
    l->max_depth = 40;
    l->best_share = DF_NOVICE_BEST_SHARE;
    l->cancel = NULL;
}

/* A resolving ending: what "best still reachable" aims for (a safety exit only when nothing
 * else is left: walking away is right after a threat, never a shortcut before one). */
static bool resolves(df_Outcome o) { return o <= DF_OUT_ROUTED; }

/* What a set of continuations from one point comes to. */
typedef struct Agg {
    bool any;            /* at least one continuation reached an ending */
    double best_res;     /* least minutes to a resolving ending (INFINITY: none) */
    double best_safe;    /* least minutes to a safety exit */
    double best_any;     /* least minutes to any ending */
    double mean;
    double worst_esc;    /* most minutes to an ending that is not a safety exit (-1: none) */
    double worst_any;
    long paths;
} Agg;

typedef struct Fc {
    const df_ForecastLimits *lim;
    double spent0;
    const int *visits0;  /* visits, then decisions per beat, when the forecast started */
    int beats[64];       /* beat of each decision on the current line of play */
    long nodes;
    bool over_budget;
    df_Error *err;
} Fc;

static void leaf(const df_Run *run, double spent0, Agg *a) {
    const df_Result *r = df_run_result(run);
    double t = r->total - spent0;
    if (t < 0) t = 0;
    a->any = true;
    a->best_any = a->mean = a->worst_any = t;
    a->best_res = resolves(r->outcome) ? t : INFINITY;
    a->best_safe = r->outcome == DF_OUT_SAFETY_EXIT ? t : INFINITY;
    a->worst_esc = r->outcome != DF_OUT_SAFETY_EXIT ? t : -1;
    a->paths = 1;
}

/* True when the line of play circles: enters a beat it had entered already, or decides at
 * one beat more than twice (a blocked task retried once); where the run itself has already
 * done so, no more than it did. The counts live in the state, so a fork of the run forecasts
 * exactly as the run does. From the start these are the paths analysis cuts, and a later
 * forecast sees a subset of the earlier one's paths. */
static bool circling(const Fc *f, const df_Run *run, int depth) {
    const df_State *st = df_run_state(run);
    int here = st->beat;
    if (here < 0) return false;
    (void)depth;
    int nb = st->sc->nbeats;
    int allowed = f->visits0[here] > 1 ? f->visits0[here] : 1;
    int decided_ok = f->visits0[nb + here] > 1 ? f->visits0[nb + here] : 1;
    return st->visits[here] > allowed || st->decided[here] > decided_ok;
}

static void merge_extremes(Agg *out, const Agg *a) {
    if (!out->any || a->worst_any > out->worst_any) out->worst_any = a->worst_any;
    if (!out->any || a->worst_esc > out->worst_esc) out->worst_esc = a->worst_esc;
    if (a->best_any < out->best_any) out->best_any = a->best_any;
    if (a->best_res < out->best_res) out->best_res = a->best_res;
    if (a->best_safe < out->best_safe) out->best_safe = a->best_safe;
}

static int novice_pick_best(const Fc *f, const df_Run *run, int n) {
    return f->lim->best_share > 0 && n > 1 ? df_run_best_choice(run) : 0;
}

static double novice_weight(const Fc *f, int n, bool is_best) {
    double q = f->lim->best_share;
    if (q <= 0 || n <= 1) return 1.0;
    return is_best ? q : (1.0 - q) / (n - 1);
}

/* Every continuation from run, depth decisions in. -1 on a script error; 1 over budget. */
static int walk(Fc *f, const df_Run *run, int depth, Agg *out) {
    memset(out, 0, sizeof *out);
    out->best_res = out->best_safe = out->best_any = INFINITY;
    out->worst_esc = -1;
    if (df_run_over(run)) {
        leaf(run, f->spent0, out);
        return 0;
    }
    if (depth >= f->lim->max_depth || depth >= (int)(sizeof f->beats / sizeof f->beats[0]) ||
        circling(f, run, depth))
        return 0;
    const int *vis;
    int n = df_run_visible(run, &vis);
    double wsum = 0;
    int best = novice_pick_best(f, run, n);
    f->beats[depth] = df_run_state(run)->beat;
    for (int i = 1; i <= n; i++) {
        if (++f->nodes > f->lim->max_nodes) return 1;
        if (f->lim->cancel && atomic_load_explicit(f->lim->cancel, memory_order_relaxed)) {
            df_error_set(f->err, "", 0, "stopped");
            return -1;
        }
        df_Run *next = df_run_fork(run);
        if (!next) {
            df_error_set(f->err, "", 0, "out of memory while forecasting");
            return -1;
        }
        Agg a;
        int rc = df_run_choose(next, i, f->err);
        if (rc == 0) rc = walk(f, next, depth + 1, &a);
        df_run_free(next);
        if (rc != 0) return rc;
        if (!a.any) continue;
        /* the novice: the best option with probability best_share, the others shared equally
         * (all equal when best_share is 0); options that lead nowhere drop out */
        double wgt = novice_weight(f, n, i == best);
        wsum += wgt;
        if (wsum > 0) out->mean += (a.mean - out->mean) * wgt / wsum;
        merge_extremes(out, &a);
        if (a.best_res < out->best_res) out->best_res = a.best_res;
        out->paths += a.paths;
        out->any = true;
    }
    return 0;
}

/* One player from run to an ending: the model's best option each time (pick == NULL), or a
 * random one. 0 with a->any set when it got there; -1 on a script error. */
/* The option a player takes among those not yet tried (bit k-1 of tried): best play takes the
 * best, then the others in order; a novice (pick) the best with probability best_share, one of
 * the others otherwise. 0 when none is left. */
static int pick_option(const Fc *f, const df_Run *r, int n, unsigned tried, df_Rng *pick) {
    int best = df_run_best_choice(r);
    if (best < 1 || best > n) best = 1;
    if (!pick) {
        if (!(tried & (1u << (best - 1)))) return best;
        for (int k = 1; k <= n; k++)
            if (!(tried & (1u << (k - 1)))) return k;
        return 0;
    }
    double w[DF_MAX_VISIBLE], sum = 0;
    for (int k = 1; k <= n; k++) {
        w[k - 1] = tried & (1u << (k - 1)) ? 0 : novice_weight(f, n, k == best);
        sum += w[k - 1];
    }
    if (sum <= 0) return 0;
    double u = df_rng_unit(pick) * sum;
    for (int k = 1; k <= n; k++) {
        if (u < w[k - 1]) return k;
        u -= w[k - 1];
    }
    for (int k = n; k >= 1; k--)
        if (w[k - 1] > 0) return k;
    return 0;
}

/* One player from run to an ending: best play (pick == NULL) or a typical novice. An option
 * whose road circles is put back and another drawn among the rest, as the exact walk leaves
 * circling roads out and shares their weight among the others; a decision where every option
 * circles ends the line uncounted. 0 with a->any set when it got there; -1 on a script error. */
static int rollout(Fc *f, const df_Run *run, df_Rng *pick, Agg *a) {
    memset(a, 0, sizeof *a);
    df_Run *r = df_run_fork(run);
    if (!r) {
        df_error_set(f->err, "", 0, "out of memory while forecasting");
        return -1;
    }
    int depth = 0;
    while (r && !df_run_over(r) && depth < f->lim->max_depth) {
        if (f->lim->cancel && atomic_load_explicit(f->lim->cancel, memory_order_relaxed)) {
            df_run_free(r);
            df_error_set(f->err, "", 0, "stopped");
            return -1;
        }
        const int *vis;
        int n = df_run_visible(r, &vis);
        unsigned tried = 0;
        df_Run *next = NULL;
        for (int ch; !next && (ch = pick_option(f, r, n, tried, pick)) > 0;) {
            tried |= 1u << (ch - 1);
            next = df_run_fork(r);
            if (!next) {
                df_run_free(r);
                df_error_set(f->err, "", 0, "out of memory while forecasting");
                return -1;
            }
            if (df_run_choose(next, ch, f->err) != 0) {
                df_run_free(next);
                df_run_free(r);
                return -1;
            }
            if (!df_run_over(next) && circling(f, next, depth + 1)) {
                df_run_free(next);
                next = NULL;
            }
        }
        df_run_free(r);
        r = next; /* NULL: every option circles here */
        depth++;
    }
    if (r && df_run_over(r)) leaf(r, f->spent0, a);
    df_run_free(r);
    return 0;
}

static int sample(Fc *f, const df_Run *run, Agg *out) {
    memset(out, 0, sizeof *out);
    out->best_res = out->best_safe = out->best_any = INFINITY;
    out->worst_esc = -1;
    /* seeded by the run and how far it is (a fork of the run gives the same figures) */
    df_Rng pick;
    df_rng_seed(&pick, df_run_seed(run) ^ (0x9E3779B97F4A7C15ull * (uint64_t)(df_run_state(run)->turn + 1)));
    int counted = 0;
    double sum = 0;
    for (int k = -1; k < f->lim->samples; k++) {
        Agg a;
        if (rollout(f, run, k < 0 ? NULL : &pick, &a) != 0) return -1;
        if (!a.any) continue;
        merge_extremes(out, &a);
        out->any = true;
        out->paths++;
        if (k >= 0) { /* the mean is the random players' alone */
            sum += a.mean;
            counted++;
        }
    }
    out->mean = counted ? sum / counted : out->best_any;
    return 0;
}

int df_forecast(const df_Run *run, const df_ForecastLimits *lim, df_Forecast *out, df_Error *err) {
    df_ForecastLimits dl;
    if (!lim) {
        df_forecast_limits_default(&dl);
        lim = &dl;
    }
    df_error_clear(err);
    memset(out, 0, sizeof *out);
    const df_State *st = df_run_state(run);
    if (df_run_over(run)) {
        const df_Result *r = df_run_result(run);
        out->valid = true;
        out->paths = 1;
        out->spent = r->total;
        out->resolves = resolves(r->outcome) || r->outcome == DF_OUT_SAFETY_EXIT;
        return 0;
    }
    if (df_run_broken(run)) return 0;
    Fc f = {lim, st->clock, st->visits, {0}, 0, false, err};
    out->spent = st->clock;
    Agg a;
    int rc = walk(&f, run, 0, &a);
    if (rc == 1) {
        out->sampled = true;
        rc = sample(&f, run, &a);
    }
    if (rc != 0) return -1;
    if (!a.any) return 0; /* every continuation circles: nothing to say */
    out->valid = true;
    out->paths = a.paths;
    /* Best play from here: the model's best option at every decision, to its ending. A safety
     * exit resolves only once there is a threat. When that road circles (rare), the least
     * time to a resolving ending stands in for it. */
    bool threat = st->tripwire && !st->disengaged;
    Agg g;
    if (rollout(&f, run, NULL, &g) != 0) return -1;
    if (g.any) {
        out->best = g.mean;
        out->resolves = isfinite(g.best_res) || (threat && isfinite(g.best_safe));
    } else {
        out->best = isfinite(a.best_res) ? a.best_res : threat && isfinite(a.best_safe) ? a.best_safe : a.best_any;
        out->resolves = isfinite(a.best_res) || (threat && isfinite(a.best_safe));
    }
    out->typical = a.mean;
    out->worst = a.worst_esc >= 0 ? a.worst_esc : a.worst_any;
    return 0;
}

int df_escalated_road(const df_Scenario *sc, const df_Host *host, uint64_t seed, df_Forecast *out, df_Error *err) {
    return df_escalated_road_cancel(sc, host, seed, NULL, out, err);
}

int df_escalated_road_cancel(const df_Scenario *sc, const df_Host *host, uint64_t seed, const atomic_bool *cancel,
                             df_Forecast *out, df_Error *err) {
    memset(out, 0, sizeof *out);
    df_Run *run = df_run_new(sc, host, seed, err);
    if (!run) return -1;
    df_ForecastLimits lim;
    df_forecast_limits_default(&lim);
    lim.max_nodes = DF_FORECAST_WHOLE_NODES;
    lim.samples = 20000;
    lim.cancel = cancel;
    int rc = df_forecast(run, &lim, out, err);
    df_run_free(run);
    return rc;
}
