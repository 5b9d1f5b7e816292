/* lint.c: checks that need the engine's walk or the screen's limits, for defuse check. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

/* Longest texts that fit the play screen at its default size (1280x720, 100% text): the
 * speech card takes about four lines of ~75 characters, a choice card three of ~95. */
#define FIT_LINE 300
#define FIT_CHOICE 240
/* The presenter's vote slide at 1024x768, text at 4% of the height: about 48 characters a line,
 * and room for about 17 lines, each option's card taking three quarters of a line besides its
 * text (four options: 14 lines of text). tests/unit/test_present.c lays out every bundled
 * decision with the real fonts; this estimate only catches the clear misses. */
#define VOTE_LINE 48
#define VOTE_ROOM 17.0
#define VOTE_CARD 0.75

static void text_fits(const df_Scenario *sc, df_Diags *d, int line, const char *where, const char *s, size_t max) {
    if (s && df_char_count(s) > max)
        df_diags_add(d, DF_DIAG_WARNING, sc->file, line, "%s: %zu characters; at the default window size only about %zu fit",
                     where, df_char_count(s), max);
}

/* Plays a path; fills a fingerprint of what the learner saw and the result. 0 or -1. */
static int replay(const df_Scenario *sc, const df_Host *host, const df_Path *p, unsigned long *hash) {
    df_Error err;
    df_Run *run = df_run_new(sc, host, 1, &err);
    if (!run) return -1;
    for (int i = 0; i < p->n && !df_run_over(run); i++)
        if (df_run_choose(run, p->choices[i], &err) != 0) break;
    unsigned long h = 5381;
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    for (int i = 0; i < n; i++) {
        for (const char *c = steps[i].said; *c; c++) h = h * 33 + (unsigned char)*c;
        h = h * 33 + (unsigned long)steps[i].choice;
    }
    const df_Result *r = df_run_result(run);
    if (r) h = h * 33 + (unsigned long)lround(r->total * 100) + (unsigned long)r->score;
    *hash = h;
    df_run_free(run);
    return 0;
}

/* ---------------------------------------------------------------- failing paths */

/* A function that fails on some path (a hook, a says, a go, an ending's words) is found by
 * playing every path. Each distinct failure is reported once, as file:line: error: like every
 * other problem, with the first path (in the walk's order) that reaches it, written as
 * defuse play --choices takes it. */
#define FAIL_MAX 50
#define FAIL_NODES 200000L

typedef struct Fail {
    df_Error err;
    int path[DF_PATH_MAX];
    int n;
    int beat, choice; /* where it failed: the beat entered or left, and the choice (-1: none) */
} Fail;

typedef struct FailSearch {
    const df_Scenario *sc;
    Fail *v;
    int n;
    long nodes;
    int prefix[DF_PATH_MAX];
} FailSearch;

static void add_fail(FailSearch *f, const df_Error *err, int depth, int beat, int choice) {
    for (int i = 0; i < f->n; i++)
        if (f->v[i].err.line == err->line && !strcmp(f->v[i].err.file, err->file) && !strcmp(f->v[i].err.msg, err->msg))
            return;
    if (f->n >= FAIL_MAX) return;
    Fail *x = &f->v[f->n++];
    x->err = *err;
    memcpy(x->path, f->prefix, (size_t)depth * sizeof *x->path);
    x->n = depth;
    x->beat = beat;
    x->choice = choice;
}

static void find_fails(FailSearch *f, const df_Run *run, int depth) {
    if (df_run_over(run)) {
        const df_Result *r = df_run_result(run);
        if (r && r->final_failed) add_fail(f, &r->final_error, depth, -1, -1);
        return;
    }
    if (depth >= 40 || depth >= DF_PATH_MAX || ++f->nodes > FAIL_NODES) return;
    const df_State *st = df_run_state(run);
    if (st->beat >= 0 && st->visits[st->beat] > 1) return; /* circling, as the walk cuts it */
    const int *vis;
    int n = df_run_visible(run, &vis);
    for (int i = 1; i <= n; i++) {
        df_Run *next = df_run_clone(run);
        if (!next) return;
        df_Error err;
        f->prefix[depth] = i;
        if (df_run_choose(next, i, &err) != 0) add_fail(f, &err, depth + 1, st->beat, vis[i - 1]);
        else find_fails(f, next, depth + 1);
        df_run_free(next);
    }
}

/* "file:12: message" (what Lua writes) into file, line and the message. */
static void split_position(df_Error *e) {
    if (e->line > 0 && e->file[0]) return;
    const char *m = e->msg, *c = strchr(m, ':');
    if (!c || c == m) return;
    const char *d = c + 1;
    while (*d >= '0' && *d <= '9') d++;
    if (d == c + 1 || *d != ':') return;
    df_Error x;
    snprintf(x.file, sizeof x.file, "%.*s", (int)(c - m), m);
    x.line = atoi(c + 1);
    d++;
    while (*d == ' ') d++;
    snprintf(x.msg, sizeof x.msg, "%s", d);
    *e = x;
}

static void report_fails(const df_Scenario *sc, const df_Host *host, const df_Error *walk_err, df_Diags *d) {
    FailSearch f = {sc, calloc(FAIL_MAX, sizeof(Fail)), 0, 0, {0}};
    if (f.v) {
        df_Error err;
        df_Run *run = df_run_new(sc, host, 1, &err); /* the walk's seed, and play's by default */
        if (!run) add_fail(&f, &err, 0, sc->start, -1);
        else find_fails(&f, run, 0);
        df_run_free(run);
    }
    if (!f.v || f.n == 0) { /* not found again (out of memory, or past the search's reach): the walk's */
        if (f.v) free(f.v);
        f.v = calloc(1, sizeof(Fail));
        if (!f.v) return;
        f.v[0].err = *walk_err;
        f.v[0].beat = f.v[0].choice = -1;
        f.v[0].n = -1;
        f.n = 1;
    }
    for (int i = 0; i < f.n; i++) {
        Fail *x = &f.v[i];
        split_position(&x->err);
        char how[DF_PATH_MAX * 3 + 96];
        if (x->n < 0) {
            how[0] = '\0';
        } else if (x->n == 0) {
            snprintf(how, sizeof how, "; it fails at the start");
        } else {
            int o = snprintf(how, sizeof how, "; reached with defuse play --choices ");
            for (int k = 0; k < x->n && o < (int)sizeof how - 4; k++)
                o += snprintf(how + o, sizeof how - (size_t)o, "%s%d", k ? "," : "", x->path[k]);
        }
        const char *file = x->err.file[0] ? x->err.file : sc->file;
        int line = x->err.line;
        char where[200] = "";
        if (line <= 0 && x->beat >= 0 && x->beat < sc->nbeats) { /* no line from Lua: the choice's, or the beat's */
            const df_Beat *b = &sc->beats[x->beat];
            if (x->choice >= 0 && x->choice < b->nchoices) {
                line = b->choices[x->choice].line;
                snprintf(where, sizeof where, "beat '%s', choice %d: ", b->id, x->choice + 1);
            } else {
                line = b->line;
                snprintf(where, sizeof where, "beat '%s': ", b->id);
            }
        }
        df_diags_add(d, DF_DIAG_ERROR, file, line, "%s%s (found by playing every path)%s", where, x->err.msg, how);
    }
    free(f.v);
}

void df_lint(const df_Scenario *sc, const df_Host *host, df_Diags *d) { df_lint_with_items(sc, host, d, NULL); }

void df_lint_with_items(const df_Scenario *sc, const df_Host *host, df_Diags *d, df_Items *items) {
    char where[256];
    if (items) memset(items, 0, sizeof *items);
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        snprintf(where, sizeof where, "beat '%s', field 'says'", bt->id);
        text_fits(sc, d, bt->line, where, bt->says.fixed, FIT_LINE);
        for (int k = 0; k < DF_BAND_COUNT; k++) text_fits(sc, d, bt->line, where, bt->says.by_band[k], FIT_LINE);
        for (int c = 0; c < bt->nchoices; c++) {
            const df_Choice *ch = &bt->choices[c];
            snprintf(where, sizeof where, "beat '%s', choice %d", bt->id, c + 1);
            text_fits(sc, d, ch->line, where, ch->text, FIT_CHOICE);
            if (!isnan(ch->eff_agitation) && fabs(ch->eff_agitation) > DF_MAX_STEP && !ch->event)
                df_diags_add(d, DF_DIAG_WARNING, sc->file, ch->line,
                             "%s, field 'effect': agitation %+g is capped at %g points a choice; if the story "
                             "means a bigger jump, declare it (event = \"reveal\", \"threat\", \"news\" or "
                             "\"tripwire\")",
                             where, ch->eff_agitation, DF_MAX_STEP);
            if (!isnan(ch->eff_trust) && fabs(ch->eff_trust) > 25)
                df_diags_add(d, DF_DIAG_WARNING, sc->file, ch->line,
                             "%s, field 'effect': a trust change over 25 can push the meter from the middle to its "
                             "end in one move (it is clamped at 0 or 100)",
                             where);
        }
    }
    /* Bands each beat is reached in, from the walk, against the lines it has. */
    df_Walk w;
    df_Error err;
    if (df_walk(sc, host, 1, NULL, &w, &err) != 0) {
        /* a function that fails on some path (a hook, a says, an ending's words) breaks a
         * learner's run there: an error, at the line that failed */
        report_fails(sc, host, &err, d);
        df_walk_free(&w);
        df_lint_text(sc, NULL, d); /* the checks that need no walk */
        return;
    }
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        if (bt->says.fixed || bt->says.fn || !w.beats[b].arrivals) continue;
        for (int k = 0; k < DF_BAND_COUNT; k++) {
            if (!(w.beats[b].bands & (1u << k)) || bt->says.by_band[k]) continue;
            int near = -1;
            for (int dd = 1; dd < DF_BAND_COUNT && near < 0; dd++) {
                if (k - dd >= 0 && bt->says.by_band[k - dd]) near = k - dd;
                else if (k + dd < DF_BAND_COUNT && bt->says.by_band[k + dd]) near = k + dd;
            }
            df_diags_add(d, DF_DIAG_WARNING, sc->file, bt->line,
                         "beat '%s', field 'says': the resident can arrive here %s but there is no %s line (the %s "
                         "line is used)",
                         bt->id, df_band_key((df_Band)k), df_band_key((df_Band)k), near >= 0 ? df_band_key((df_Band)near) : "?");
        }
    }
    /* the options shown together at each beat (every set the walk met) on the presenter's vote slide */
    for (int b = 0; b < sc->nbeats; b++) {
        double most = 0;
        int nmost = 0;
        for (int k = 0; k < w.beats[b].nshown; k++) {
            size_t lines = 0;
            for (int i = 0; i < w.beats[b].shown[k].n; i++)
                lines += (df_char_count(sc->beats[b].choices[w.beats[b].shown[k].order[i]].text) + VOTE_LINE - 1) / VOTE_LINE;
            double need = (double)lines + VOTE_CARD * w.beats[b].shown[k].n;
            if (need > most) most = need, nmost = w.beats[b].shown[k].n;
        }
        if (most > VOTE_ROOM)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, sc->beats[b].line,
                         "beat '%s': its %d options take about %.0f lines on the presenter's vote slide at 1024x768, "
                         "where about %.0f fit (the room reads them aloud): shorten some",
                         sc->beats[b].id, nmost, most, VOTE_ROOM);
    }
    /* honest numbers: stated times, agitation jumps, physical acts (on the same walk) */
    df_lint_text(sc, &w, d);
    /* item cues: what a test-wise player could pick by */
    df_Items it;
    if (df_items(sc, &w, &it) == 0) {
        df_lint_items(sc, &it, d);
        if (items) *items = it;
        else df_items_free(&it);
    }
    if (w.truncated)
        df_diags_add(d, DF_DIAG_NOTE, sc->file, 0,
                     "too many paths to walk them all; band lines, stated times and agitation jumps were checked "
                     "on part of them");
    /* A run must be (scenario, seed, choices): the same path twice must look the same. A
     * function that keeps its own memory in a local (instead of s.flags) breaks that, and
     * with it replays after a reload, the analysis and the tests. */
    const df_Path *probe[2] = {&w.best, &w.worst};
    for (int k = 0; k < 2 && w.paths; k++) {
        unsigned long h1, h2;
        if (replay(sc, host, probe[k], &h1) == 0 && replay(sc, host, probe[k], &h2) == 0 && h1 != h2) {
            df_diags_add(d, DF_DIAG_WARNING, sc->file, 0,
                         "playing the same choices twice gave different runs: a scenario function keeps state of "
                         "its own (use s.flags); replays, analysis and tests cannot be trusted");
            break;
        }
    }
    df_walk_free(&w);
}
