/* walk.c: depth-first walk over every choice sequence, cloning the run at each branch. */
#include "analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void df_walk_limits_default(df_WalkLimits *l) {
    l->max_depth = 40;
    l->max_paths = 1000000;
    l->max_nodes = 10000000;
    l->max_per_beat = 1;
}

typedef struct Ctx {
    const df_Scenario *sc;
    const df_WalkLimits *lim;
    df_Walk *w;
    df_Error *err;
    int prefix[DF_PATH_MAX];
    long cap;
    long nodes;
    uint64_t *said_set; /* open addressing: hashes of the (target, band, line) seen; 0 = empty */
    long said_setcap, said_cap;
} Ctx;

static uint64_t said_hash(int target, df_Band band, const char *text) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)target * 1099511628211ull ^ (uint64_t)band;
    for (const char *p = text; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h ? h : 1;
}

/* Keeps a line a says function gave, once per (target, band, text). Out of memory just drops
 * it: the lines feed warnings, not the figures. */
static void keep_said(Ctx *c, int target, df_Band band, const char *text) {
    if (!text || !text[0]) return;
    df_Walk *w = c->w;
    if ((w->nsaid + 1) * 2 > c->said_setcap) {
        long cap = c->said_setcap ? c->said_setcap * 2 : 256;
        uint64_t *set = calloc((size_t)cap, sizeof *set);
        if (!set) return;
        for (long i = 0; i < c->said_setcap; i++) {
            if (!c->said_set[i]) continue;
            long j = (long)(c->said_set[i] % (uint64_t)cap);
            while (set[j]) j = (j + 1) % cap;
            set[j] = c->said_set[i];
        }
        free(c->said_set);
        c->said_set = set;
        c->said_setcap = cap;
    }
    uint64_t h = said_hash(target, band, text);
    long j = (long)(h % (uint64_t)c->said_setcap);
    while (c->said_set[j]) {
        if (c->said_set[j] == h) return;
        j = (j + 1) % c->said_setcap;
    }
    if (w->nsaid == c->said_cap) {
        long cap = c->said_cap ? c->said_cap * 2 : 64;
        df_SaidLine *v = realloc(w->said, (size_t)cap * sizeof *v);
        if (!v) return;
        w->said = v;
        c->said_cap = cap;
    }
    char *t = strdup(text);
    if (!t) return;
    c->said_set[j] = h;
    w->said[w->nsaid++] = (df_SaidLine){target, band, t};
}

static void record(Ctx *c, const df_Run *run, int depth) {
    df_Walk *w = c->w;
    const df_Result *r = df_run_result(run);
    df_Path p;
    memset(&p, 0, sizeof p);
    memcpy(p.choices, c->prefix, sizeof(int) * (size_t)depth);
    p.n = depth;
    p.outcome = r->outcome;
    p.total = r->total;
    p.ratio = r->ratio;
    p.interaction = r->conversation + r->task + r->rework;
    p.ratio_interaction = r->ratio_interaction;
    p.score = r->score;
    p.critical = r->critical;
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    p.peak = df_scenario_start_agitation(df_run_state(run)->sc);
    for (int i = 0; i < n; i++)
        if (steps[i].a_after > p.peak) p.peak = steps[i].a_after;
    /* beat and choice statistics along the path */
    for (int i = 0; i < n; i++) {
        const df_Step *s = &steps[i];
        if (w->beats) {
            w->beats[s->beat].arrivals++;
            w->beats[s->beat].agitation_sum += s->a_before;
            w->beats[s->beat].bands |= 1u << s->band_before;
            if (i > 0) {
                df_BeatStats *bs = &w->beats[s->beat];
                double in = steps[i - 1].conversation + steps[i - 1].task + steps[i - 1].rework;
                if (!bs->led_in || in < bs->min_led_in) bs->min_led_in = in;
                if (!bs->led_in || in > bs->max_led_in) bs->max_led_in = in;
                bs->led_in++;
            }
        }
        if (w->choices) {
            df_ChoiceStats *cs = &w->choices[w->choice_base[s->beat] + s->choice];
            double mins = s->conversation + s->task + s->rework, jump = s->a_after - s->a_before;
            if (!cs->taken) {
                cs->min_minutes = cs->max_minutes = mins;
                cs->min_total = cs->max_total = p.total;
            }
            if (mins < cs->min_minutes) cs->min_minutes = mins;
            if (mins > cs->max_minutes) cs->max_minutes = mins;
            if (p.total < cs->min_total) cs->min_total = p.total;
            if (p.total > cs->max_total) cs->max_total = p.total;
            if (!cs->taken || fabs(jump) > fabs(cs->jump)) {
                cs->jump = jump;
                cs->jump_band = s->band_before;
            }
            cs->taken++;
            cs->total_sum += p.total;
            cs->score_sum += p.score;
        }
    }
    if (w->endings && r->ending >= 0 && r->ending < c->sc->nendings) {
        df_EndingStats *es = &w->endings[r->ending];
        if (!es->reached) {
            es->min_total = es->max_total = p.total;
            es->min_inter = es->max_inter = p.interaction;
        }
        if (p.total < es->min_total) es->min_total = p.total;
        if (p.total > es->max_total) es->max_total = p.total;
        if (p.interaction < es->min_inter) es->min_inter = p.interaction;
        if (p.interaction > es->max_inter) es->max_inter = p.interaction;
        for (int k = 0; k < DF_FO_COUNT; k++)
            if (r->follow_on_parts[k] > 0) es->follow_on |= 1u << k;
        es->bands |= 1u << df_band_of(df_run_state(run)->agitation);
        es->reached++;
        if (c->sc->endings[r->ending].says.fn && r->final_line)
            keep_said(c, DF_END(r->ending), df_band_of(df_run_state(run)->agitation), r->final_line);
    }
    df_OutcomeStats *os = &w->by_outcome[p.outcome];
    if (os->n == os->cap) {
        long cap = os->cap ? os->cap * 2 : 256;
        double *t = realloc(os->totals, (size_t)cap * sizeof *t);
        if (t) os->totals = t;
        double *sc2 = t ? realloc(os->scores, (size_t)cap * sizeof *sc2) : NULL;
        if (sc2) os->scores = sc2;
        if (t && sc2) os->cap = cap;
    }
    if (os->n < os->cap) {
        os->totals[os->n] = p.total;
        os->scores[os->n++] = p.score;
    }
    if (w->paths == 0 || p.score > w->best.score) w->best = p;
    if (w->paths == 0 || p.score < w->worst.score) w->worst = p;
    w->paths++;
    w->outcomes[p.outcome]++;
    if (p.outcome == DF_OUT_SAFETY_EXIT) return;
    /* "calmest" only ever names a path that resolves: the quickest road is often a failure */
    if (p.outcome <= DF_OUT_ROUTED && (!w->has_calmest || p.total < w->calmest.total)) {
        w->calmest = p;
        w->has_calmest = true;
    }
    if (!w->has_timed || p.total > w->escalated.total) w->escalated = p;
    w->has_timed = true;
    if (w->nratios == c->cap) {
        long cap = c->cap ? c->cap * 2 : 1024;
        double *v = realloc(w->ratios, (size_t)cap * sizeof *v);
        if (!v) return;
        w->ratios = v;
        v = realloc(w->iratios, (size_t)cap * sizeof *v);
        if (!v) return;
        w->iratios = v;
        c->cap = cap;
    }
    w->iratios[w->nratios] = p.ratio_interaction;
    w->ratios[w->nratios++] = p.ratio;
}

/* After each step (once per step of the tree, not once per path through it): the line a says
 * function gave there. */
static void on_step(Ctx *c, const df_Run *run) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    if (n > 0 && c->w->beats) { /* the decision just made, for the item analysis */
        const df_Step *s = &steps[n - 1];
        df_BeatStats *bs = &c->w->beats[s->beat];
        unsigned mask = 0;
        for (int k = 0; k < s->nvisible; k++) mask |= 1u << (s->visible[k] & 31);
        int k = 0;
        while (k < bs->nshown && !(bs->shown[k].mask == mask && bs->shown[k].best == s->best)) k++;
        if (k == bs->nshown && k < DF_WALK_SHOWN) {
            bs->shown[k].mask = mask;
            bs->shown[k].best = s->best;
            bs->shown[k].n = s->nvisible;
            memcpy(bs->shown[k].order, s->visible, sizeof s->visible);
            bs->nshown++;
        }
        if (k < bs->nshown) bs->shown[k].seen++;
    }
    if (n > 0 && c->sc->beats[steps[n - 1].beat].says.fn)
        keep_said(c, steps[n - 1].beat, steps[n - 1].band_before, steps[n - 1].said);
}

/* A path that keeps circling (re-entering a beat, or retrying a blocked task) says nothing
 * new after a few rounds: both walks cut it. A path may enter a beat max_per_beat times and
 * retry there once. */
static bool circling(const df_Run *run, const df_WalkLimits *lim) {
    const df_Step *steps;
    int ns = df_run_steps(run, &steps), here = df_run_state(run)->beat, at_beat = 0;
    if (here < 0) return false;
    for (int i = 0; i < ns; i++) at_beat += steps[i].beat == here;
    return df_run_state(run)->visits[here] > lim->max_per_beat || at_beat > lim->max_per_beat;
}

static int visit(Ctx *c, const df_Run *run, int depth) {
    if (c->w->paths >= c->lim->max_paths || ++c->nodes > c->lim->max_nodes) {
        c->w->truncated = true;
        return 0;
    }
    if (df_run_over(run)) {
        const df_Result *r = df_run_result(run);
        if (r && r->final_failed) { /* an ending whose words fail is a script error, found here by check */
            *c->err = r->final_error;
            return -1;
        }
        record(c, run, depth);
        return 0;
    }
    if (depth >= c->lim->max_depth || depth >= DF_PATH_MAX) {
        c->w->cut++;
        return 0;
    }
    if (circling(run, c->lim)) {
        c->w->cut++;
        return 0;
    }
    const int *vis;
    int n = df_run_visible(run, &vis);
    for (int i = 1; i <= n; i++) {
        df_Run *next = df_run_clone(run);
        if (!next) {
            df_error_set(c->err, "", 0, "out of memory while walking paths");
            return -1;
        }
        int rc = df_run_choose(next, i, c->err);
        c->prefix[depth] = i;
        if (rc == 0) on_step(c, next);
        if (rc == 0) rc = visit(c, next, depth + 1);
        df_run_free(next);
        if (rc != 0) return -1;
    }
    return 0;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int prepare(const df_Scenario *sc, df_Walk *out, df_Error *err) {
    memset(out, 0, sizeof *out);
    out->beats = calloc((size_t)sc->nbeats + 1, sizeof *out->beats);
    out->choice_base = calloc((size_t)sc->nbeats + 1, sizeof *out->choice_base);
    for (int b = 0; b < sc->nbeats; b++) {
        if (out->choice_base) out->choice_base[b] = out->nchoices;
        out->nchoices += sc->beats[b].nchoices;
    }
    out->choices = calloc((size_t)out->nchoices + 1, sizeof *out->choices);
    out->endings = calloc((size_t)sc->nendings + 1, sizeof *out->endings);
    if (!out->beats || !out->choice_base || !out->choices || !out->endings) {
        df_error_set(err, sc->file, 0, "out of memory");
        return -1;
    }
    return 0;
}

static void finish_walk(df_Walk *out) {
    if (out->nratios) {
        qsort(out->ratios, (size_t)out->nratios, sizeof *out->ratios, cmp_double);
        qsort(out->iratios, (size_t)out->nratios, sizeof *out->iratios, cmp_double);
    }
    for (int o = 0; o < DF_OUT_COUNT; o++) {
        df_OutcomeStats *os = &out->by_outcome[o];
        if (os->n) {
            qsort(os->totals, (size_t)os->n, sizeof *os->totals, cmp_double);
            qsort(os->scores, (size_t)os->n, sizeof *os->scores, cmp_double);
        }
    }
}

int df_walk(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_WalkLimits *lim,
            df_Walk *out, df_Error *err) {
    df_WalkLimits dl;
    if (!lim) {
        df_walk_limits_default(&dl);
        lim = &dl;
    }
    if (prepare(sc, out, err) != 0) return -1;
    df_Run *run = df_run_new(sc, host, seed, err);
    if (!run) return -1;
    Ctx c = {sc, lim, out, err, {0}, 0, 0, NULL, 0, 0};
    int rc = visit(&c, run, 0);
    df_run_free(run);
    free(c.said_set);
    finish_walk(out);
    return rc;
}

int df_walk_random(const df_Scenario *sc, const df_Host *host, uint64_t seed, uint64_t walk_seed, long n,
                   const df_WalkLimits *lim, df_Walk *out, df_Error *err) {
    df_WalkLimits dl;
    if (!lim) {
        df_walk_limits_default(&dl);
        lim = &dl;
    }
    if (prepare(sc, out, err) != 0) return -1;
    out->random = true;
    df_Rng pick;
    df_rng_seed(&pick, walk_seed);
    Ctx c = {sc, lim, out, err, {0}, 0, 0, NULL, 0, 0};
    for (long k = 0; k < n; k++) {
        df_Run *run = df_run_new(sc, host, seed, err);
        if (!run) {
            free(c.said_set);
            return -1;
        }
        int depth = 0;
        while (!df_run_over(run) && depth < lim->max_depth && depth < DF_PATH_MAX && !circling(run, lim)) {
            const int *vis;
            int nv = df_run_visible(run, &vis);
            int ch = 1 + (int)(df_rng_unit(&pick) * nv);
            c.prefix[depth++] = ch;
            if (df_run_choose(run, ch, err) < 0) {
                df_run_free(run);
                free(c.said_set);
                return -1;
            }
            on_step(&c, run);
        }
        if (df_run_over(run)) record(&c, run, depth);
        else out->cut++;
        df_run_free(run);
    }
    free(c.said_set);
    finish_walk(out);
    return 0;
}

void df_walk_free(df_Walk *w) {
    free(w->ratios);
    free(w->iratios);
    free(w->beats);
    free(w->choices);
    free(w->choice_base);
    free(w->endings);
    for (long i = 0; i < w->nsaid; i++) free(w->said[i].text);
    free(w->said);
    for (int o = 0; o < DF_OUT_COUNT; o++) {
        free(w->by_outcome[o].totals);
        free(w->by_outcome[o].scores);
    }
    memset(w, 0, sizeof *w);
}

void df_path_format(const df_Path *p, char *buf, size_t cap) {
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < p->n && o + 4 < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%d", i ? "," : "", p->choices[i]);
}
