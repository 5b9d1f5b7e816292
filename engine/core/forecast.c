/* forecast.c: the time to resolution still ahead of a run, found by playing its continuations.
 *
 * From the run's state every continuation is played to an ending with the engine itself (the
 * scenario's functions included), and three figures come out: the least time to an ending that
 * resolves, the expected time for a player who picks at random, and the most. Continuations
 * that circle are left out, as analysis leaves them out. When there are too many to play
 * (more than max_nodes choices in all), a fixed sample is played instead: the model's best
 * option at every decision, then random players drawn from a stream seeded by the run's seed
 * and its step count, so the same state always gives the same forecast. */
#include "core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void df_forecast_limits_default(df_ForecastLimits *l) {
    l->max_nodes = 10000;
    l->samples = 240;
    l->max_depth = 40;
}

/* A resolving ending: what "best still reachable" aims for. */
static bool resolves(df_Outcome o) { return o <= DF_OUT_ROUTED || o == DF_OUT_SAFETY_EXIT; }

/* What a set of continuations from one point comes to. */
typedef struct Agg {
    bool any;            /* at least one continuation reached an ending */
    double best_res;     /* least minutes to a resolving ending (INFINITY: none) */
    double best_any;     /* least minutes to any ending */
    double mean, worst;
    long paths;
} Agg;

typedef struct Fc {
    const df_ForecastLimits *lim;
    double spent0;
    const int *visits0;  /* visits when the forecast started */
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
    a->best_any = a->mean = a->worst = t;
    a->best_res = resolves(r->outcome) ? t : INFINITY;
    a->paths = 1;
}

/* True when the line of play circles: enters a beat it entered already since the forecast
 * began, or decides at one beat more than twice (a blocked task retried once). */
static bool circling(const Fc *f, const df_Run *run, int depth) {
    const df_State *st = df_run_state(run);
    int here = st->beat;
    if (here < 0) return false;
    int at = 0;
    for (int i = 0; i < depth; i++) at += f->beats[i] == here;
    return st->visits[here] - f->visits0[here] > 1 || at > 1;
}

/* Every continuation from run, depth decisions in. -1 on a script error; 1 over budget. */
static int walk(Fc *f, const df_Run *run, int depth, Agg *out) {
    memset(out, 0, sizeof *out);
    out->best_res = out->best_any = INFINITY;
    if (df_run_over(run)) {
        leaf(run, f->spent0, out);
        return 0;
    }
    if (depth >= f->lim->max_depth || depth >= (int)(sizeof f->beats / sizeof f->beats[0]) ||
        circling(f, run, depth))
        return 0;
    const int *vis;
    int n = df_run_visible(run, &vis);
    int counted = 0;
    f->beats[depth] = df_run_state(run)->beat;
    for (int i = 1; i <= n; i++) {
        if (++f->nodes > f->lim->max_nodes) return 1;
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
        /* a player picking at random: each option that leads anywhere is equally likely */
        counted++;
        out->mean += (a.mean - out->mean) / counted;
        if (!out->any || a.worst > out->worst) out->worst = a.worst;
        if (a.best_any < out->best_any) out->best_any = a.best_any;
        if (a.best_res < out->best_res) out->best_res = a.best_res;
        out->paths += a.paths;
        out->any = true;
    }
    return 0;
}

/* One player from run to an ending: the model's best option each time (pick == NULL), or a
 * random one. 0 with a->any set when it got there; -1 on a script error. */
static int rollout(Fc *f, const df_Run *run, df_Rng *pick, Agg *a) {
    memset(a, 0, sizeof *a);
    df_Run *r = df_run_fork(run);
    if (!r) {
        df_error_set(f->err, "", 0, "out of memory while forecasting");
        return -1;
    }
    int depth = 0;
    while (!df_run_over(r) && depth < f->lim->max_depth && depth < (int)(sizeof f->beats / sizeof f->beats[0]) &&
           !circling(f, r, depth)) {
        const int *vis;
        int n = df_run_visible(r, &vis);
        int ch = pick ? 1 + (int)(df_rng_unit(pick) * n) : df_run_best_choice(r);
        if (ch < 1 || ch > n) ch = 1;
        f->beats[depth++] = df_run_state(r)->beat;
        if (df_run_choose(r, ch, f->err) != 0) {
            df_run_free(r);
            return -1;
        }
    }
    if (df_run_over(r)) leaf(r, f->spent0, a);
    df_run_free(r);
    return 0;
}

static int sample(Fc *f, const df_Run *run, Agg *out) {
    memset(out, 0, sizeof *out);
    out->best_res = out->best_any = INFINITY;
    const df_Step *steps;
    int nsteps = df_run_steps(run, &steps);
    df_Rng pick;
    df_rng_seed(&pick, df_run_seed(run) ^ (0x9E3779B97F4A7C15ull * (uint64_t)(nsteps + 1)));
    int counted = 0;
    double sum = 0;
    for (int k = -1; k < f->lim->samples; k++) {
        Agg a;
        if (rollout(f, run, k < 0 ? NULL : &pick, &a) != 0) return -1;
        if (!a.any) continue;
        if (a.best_any < out->best_any) out->best_any = a.best_any;
        if (a.best_res < out->best_res) out->best_res = a.best_res;
        if (!out->any || a.worst > out->worst) out->worst = a.worst;
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
        out->valid = true;
        out->paths = 1;
        out->spent = df_run_result(run)->total;
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
    out->best = isfinite(a.best_res) ? a.best_res : a.best_any;
    out->typical = a.mean;
    out->worst = a.worst;
    return 0;
}
