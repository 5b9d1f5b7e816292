/* gui.c: the windowed face: picker -> play -> feedback -> debrief (and progress), driven by
 * keys and mouse; every attempt goes to the training record once; and the headless
 * screenshot path (software renderer into a PNG, no display needed, nothing recorded). */
#define _DEFAULT_SOURCE /* timegm, for the record's UTC times */
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

#include "../analysis/analysis.h"
#include "../platform/platform.h"
#include "../records/records.h"
#include "../ui/screens.h"
#include "gui.h"

typedef struct Gui {
    bool eat_text; /* the key that changed the screen also arrives as text: drop that text */
    const df_GuiOpts *o;
    df_Fonts *fonts;
    df_Canvas *canvas;
    df_TextMeasure tm;
    df_DrawList dl;
    df_Ui ui;
    /* scenarios */
    char **paths;
    int npaths;
    df_Script **scripts;
    df_PickItem *items;
    int *item_script;
    int nitems;
    /* the current run */
    int cur;            /* index into scripts */
    df_Run *run;
    uint64_t seed;
    /* the escalated road of each scenario (the debrief's third bar), per script index: worked
     * out once, by a helper thread so no frame waits for it (see road_pump) */
    df_Forecast *roads;
    unsigned char *road_state;  /* ROAD_* */
    struct RoadJob *road_job;   /* the helper thread's job, or NULL when none runs */
    thrd_t road_thread;
    /* the training record: whether this session records (a window without --no-record),
     * when the run started, and whether it was kept already (or must never be: a run
     * started from a chosen beat) so no run is saved twice */
    bool record;
    time_t started;
    bool recorded;
    df_Store *store;              /* open for the picker's stats and the progress screen */
    char store_msg[1024];         /* why it is not open */
    char learner[80], learner_name[160];
    /* the progress screen: what it shows and where Esc goes back to */
    df_ProgressPoint prog_pts[DF_PROGRESS_MAX];
    df_Progress prog;
    char prog_title[256], prog_err[1100];
    df_Screen prog_back;
    /* authoring: the reload overlay and notice, and when the notice goes */
    char overlay[2048], notice[1600];
    unsigned long notice_until;
    /* animation */
    float from_a, to_a, from_t, to_t;
    unsigned long anim_start;
    bool animating;
    FILE *trace;
} Gui;

static double mono_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Start-up phases in the trace, for the benchmark. */
static void trace_phase(Gui *g, const char *what, double since) {
    if (!g->trace) return;
    fprintf(g->trace, "phase %s %.1f ms\n", what, mono_ms() - since);
    fflush(g->trace);
}

static void trace(Gui *g, const char *what, int arg) {
    if (!g->trace) return;
    fprintf(g->trace, "%s %d\n", what, arg);
    fflush(g->trace);
}

static const char *screen_name(df_Screen s) {
    switch (s) {
    case DF_SCREEN_PICKER: return "picker";
    case DF_SCREEN_PLAY: return "play";
    case DF_SCREEN_FEEDBACK: return "feedback";
    case DF_SCREEN_DEBRIEF: return "debrief";
    case DF_SCREEN_PROGRESS: return "progress";
    }
    return "?";
}

static void set_screen(Gui *g, df_Screen s) {
    g->ui.screen = s;
    g->ui.focus = 0;
    g->ui.scroll = 0;
    if (g->trace) {
        fprintf(g->trace, "screen %s\n", screen_name(s));
        fflush(g->trace);
    }
}

/* ---------------------------------------------------------------- scenarios */

static int load_all(Gui *g, const char *only) {
    if (only) {
        g->paths = malloc(sizeof *g->paths);
        if (!g->paths) return -1;
        g->paths[0] = strdup(only);
        g->npaths = 1;
    } else {
        g->npaths = df_list_lua(df_scenario_dir(), &g->paths);
        if (g->npaths <= 0) {
            fprintf(stderr, "defuse: no scenarios found in %s\n", df_scenario_dir());
            return -1;
        }
    }
    g->scripts = calloc((size_t)g->npaths, sizeof *g->scripts);
    g->items = calloc((size_t)g->npaths, sizeof *g->items);
    g->item_script = calloc((size_t)g->npaths, sizeof *g->item_script);
    g->roads = calloc((size_t)g->npaths, sizeof *g->roads);
    g->road_state = calloc((size_t)g->npaths, sizeof *g->road_state);
    if (!g->scripts || !g->items || !g->item_script || !g->roads || !g->road_state) return -1;
    for (int i = 0; i < g->npaths; i++) {
        df_Diags d = {0};
        g->scripts[i] = df_script_load(g->paths[i], NULL, &d);
        df_print_diags(&d, DF_DIAG_ERROR);
        df_diags_free(&d);
        if (!g->scripts[i]) continue;
        const df_Scenario *sc = df_script_scenario(g->scripts[i]);
        g->items[g->nitems] = (df_PickItem){sc->id, sc->title, sc->setting, sc->role, sc->summary, sc->minutes};
        g->item_script[g->nitems++] = i;
    }
    return g->nitems ? 0 : -1;
}

/* ---------------------------------------------------------------- the training record */

static void set_notice(Gui *g, const char *text);

/* This learner's attempts and best score per scenario, onto the picker's cards. */
static void refresh_stats(Gui *g) {
    for (int i = 0; i < g->nitems; i++) {
        g->items[i].attempts = 0;
        g->items[i].best = -1;
    }
    if (!g->store) return;
    enum { CAP = 4096 }; /* scenario ids in the record, also of files no longer here */
    df_ScenarioStats *st = malloc(CAP * sizeof *st);
    if (!st) return;
    int n = df_store_stats(g->store, g->learner, st, CAP);
    for (int i = 0; i < g->nitems; i++)
        for (int k = 0; k < n; k++)
            if (!strcmp(st[k].scenario_id, g->items[i].id)) {
                g->items[i].attempts = st[k].attempts;
                g->items[i].best = st[k].best;
                break;
            }
    free(st);
}

/* Opens the record for reading (stats, progress); when it cannot be opened, the window
 * works without, and says why once on stderr. Saving opens its own connection. */
static void open_store(Gui *g) {
    char dir[4096];
    g->store_msg[0] = '\0';
    if (df_data_dir(dir, sizeof dir) != 0) {
        snprintf(g->store_msg, sizeof g->store_msg, "no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR)");
        fprintf(stderr, "defuse: the training record is not available: %s\n", g->store_msg);
        return;
    }
    /* with --no-record nothing may be created; without it, the first save creates the file */
    g->store = g->record ? df_store_open(dir, g->store_msg, sizeof g->store_msg)
                         : df_store_open_read(dir, g->store_msg, sizeof g->store_msg);
    if (g->store_msg[0]) fprintf(stderr, "defuse: %s\n", g->store_msg);
    /* the name entered once with 'defuse learner --name' wins over the account's */
    char kept[160];
    int n;
    if (g->store && df_store_learner_info(g->store, g->learner, kept, sizeof kept, &n) == 0)
        snprintf(g->learner_name, sizeof g->learner_name, "%s", kept);
}

/* Keeps the current run in the training record, once: as finished when it reached an end,
 * else as unfinished (the store keeps it as abandoned). A run with no choice made is not
 * an attempt. The message says "saved" only when the store committed; it becomes the
 * notice (after prefix), or goes to stderr when the window is closing. Returns
 * df_record_attempt's code: 0 saved, -1 not saved, 1 nothing to save. */
static int record_run(Gui *g, const char *prefix, bool closing) {
    const df_Step *steps;
    if (!g->record || !g->run || g->recorded || df_run_broken(g->run) || df_run_steps(g->run, &steps) == 0) return 1;
    g->recorded = true; /* also after a failure: the warning was given; no second try, no double */
    char msg[1400];
    int rc = df_record_attempt(g->scripts[g->cur], g->paths[g->cur], g->run, g->started, g->o->assess, g->o->learner, msg,
                               sizeof msg);
    trace(g, "record", rc);
    if (rc == 1) return 1;
    if (closing || rc != 0) fprintf(stderr, "defuse: %s\n", msg);
    if (!closing) {
        char note[1600];
        if (msg[0] >= 'a' && msg[0] <= 'z') msg[0] = (char)(msg[0] - 32);
        snprintf(note, sizeof note, "%s%s", prefix ? prefix : "", msg);
        set_notice(g, note);
        if (rc != 0) g->notice_until = df_ticks_ms() + 10000; /* a warning stays longer */
    }
    if (rc == 0) refresh_stats(g);
    return rc;
}

/* The record keeps UTC times ("2025-03-09T14:05:00Z"); the screen says the local date. */
static void local_date(const char *iso, char *out, size_t cap) {
    static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tm, lt;
    memset(&tm, 0, sizeof tm);
    if (sscanf(iso, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
        snprintf(out, cap, "%.10s", iso);
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    if (t == (time_t)-1 || !localtime_r(&t, &lt) || lt.tm_mon < 0 || lt.tm_mon > 11) {
        snprintf(out, cap, "%.10s", iso);
        return;
    }
    snprintf(out, cap, "%d %s %d", lt.tm_mday, mon[lt.tm_mon], lt.tm_year + 1900);
}

/* df_store_each's callback: the last DF_PROGRESS_MAX attempts in a ring, and the figures
 * over all of them. */
static int collect(void *ud, const df_AttemptRow *r) {
    Gui *g = ud;
    df_Progress *p = &g->prog;
    df_ProgressPoint *q = &g->prog_pts[p->total % DF_PROGRESS_MAX];
    memset(q, 0, sizeof *q);
    q->number = ++p->total;
    q->score = r->score;
    q->total = r->total;
    q->baseline = r->baseline;
    snprintf(q->outcome, sizeof q->outcome, "%s", r->outcome);
    local_date(r->started, q->date, sizeof q->date);
    if (r->score < 0) {
        p->unfinished++;
        return 0;
    }
    if (r->score > p->best) p->best = r->score;
    if (p->finished++ == 0) {
        p->first_total = r->total;
        p->first_baseline = r->baseline;
        snprintf(p->first_date, sizeof p->first_date, "%s", q->date);
    }
    p->latest_total = r->total;
    p->latest_baseline = r->baseline;
    snprintf(p->latest_date, sizeof p->latest_date, "%s", q->date);
    return 0;
}

/* Shows this learner's attempts at scenario k (script index); Esc comes back here. */
static void open_progress(Gui *g, int k) {
    const df_Scenario *sc = df_script_scenario(g->scripts[k]);
    df_Progress *p = &g->prog;
    memset(p, 0, sizeof *p);
    p->best = -1;
    snprintf(g->prog_title, sizeof g->prog_title, "%s", sc->title);
    p->title = g->prog_title;
    p->learner = g->learner_name;
    if (!g->store && g->store_msg[0]) {
        snprintf(g->prog_err, sizeof g->prog_err, "%s", g->store_msg);
        p->error = g->prog_err;
    } else if (g->store) { /* no store and no message: nothing recorded yet, the empty state */
        df_Query q = {g->learner, sc->id, NULL, true}; /* own practice, not the group sessions run */
        char err[1024];
        if (df_store_each(g->store, &q, collect, g, err, sizeof err) != 0) {
            snprintf(g->prog_err, sizeof g->prog_err, "%s", err);
            p->error = g->prog_err;
        }
    }
    if (p->total > DF_PROGRESS_MAX) { /* unroll the ring: oldest first */
        df_ProgressPoint tmp[DF_PROGRESS_MAX];
        int first = p->total % DF_PROGRESS_MAX;
        for (int i = 0; i < DF_PROGRESS_MAX; i++) tmp[i] = g->prog_pts[(first + i) % DF_PROGRESS_MAX];
        memcpy(g->prog_pts, tmp, sizeof tmp);
    }
    p->v = g->prog_pts;
    p->n = p->total < DF_PROGRESS_MAX ? p->total : DF_PROGRESS_MAX;
    g->ui.progress = p;
    g->prog_back = g->ui.screen;
    set_screen(g, DF_SCREEN_PROGRESS);
}

static void end_run(Gui *g) {
    df_run_free(g->run);
    g->run = NULL;
    g->ui.run = NULL;
}

/* ---------------------------------------------------------------- the escalated road */

/* The debrief's third bar is the escalated road from the start (df_escalated_road): a walk
 * of up to a few million choices, about a second for the largest bundled scenario. It is
 * worked out once per scenario, as soon as the scenario starts, by a helper thread, so no
 * frame waits for it; the debrief says "being worked out" until it is there. The thread loads
 * its own copy of the scenario file (a Lua state is never shared between threads); a reload
 * starts it again. Screenshots work it out in line. */
enum { ROAD_NONE, ROAD_PENDING, ROAD_READY, ROAD_FAILED };

typedef struct RoadJob {
    char *path;
    uint64_t seed;
    int script;       /* the script index it is for */
    bool stale;       /* the scenario was reloaded meanwhile: the result is dropped */
    df_Forecast f;
    int rc;
    atomic_bool done;
    atomic_bool cancel; /* the window is closing: stop the walk */
} RoadJob;

static int road_main(void *arg) {
    RoadJob *j = arg;
    df_Diags d = {0};
    df_Script *s = df_script_load(j->path, NULL, &d);
    df_diags_free(&d);
    df_Error err;
    df_error_clear(&err);
    j->rc = s ? df_escalated_road_cancel(df_script_scenario(s), df_script_host(s), j->seed, &j->cancel, &j->f, &err) : -1;
    df_script_free(s);
    atomic_store(&j->done, true);
    return 0;
}

/* What the debrief shows of the current scenario's road. */
static void road_sync_ui(Gui *g) {
    int st = g->run && g->road_state ? g->road_state[g->cur] : ROAD_FAILED;
    g->ui.road = st == ROAD_READY ? &g->roads[g->cur] : NULL;
    g->ui.road_pending = st == ROAD_PENDING || st == ROAD_NONE;
}

static void road_store(Gui *g, int k, int rc, const df_Forecast *f) {
    g->roads[k] = *f;
    g->road_state[k] = rc == 0 && f->valid ? ROAD_READY : ROAD_FAILED;
    trace(g, "road", g->road_state[k] == ROAD_READY);
}

/* In line, on this thread (screenshots, or when no thread can be started). */
static void road_now(Gui *g, int k) {
    df_Forecast f;
    df_Error err;
    df_error_clear(&err);
    df_Script *s = g->scripts[k];
    int rc = df_escalated_road(df_script_scenario(s), df_script_host(s), g->seed, &f, &err);
    road_store(g, k, rc, &f);
}

/* Collects a finished helper (wait: also one still running) and starts one for the current
 * scenario when its road is not known. True when a road arrived. */
static bool road_pump(Gui *g, bool wait) {
    bool arrived = false;
    RoadJob *j = g->road_job;
    if (j && (wait || atomic_load(&j->done))) {
        thrd_join(g->road_thread, NULL);
        if (!j->stale) {
            road_store(g, j->script, j->rc, &j->f);
            arrived = true;
        }
        free(j->path);
        free(j);
        g->road_job = NULL;
    }
    if (!wait && !g->road_job && g->run && g->road_state[g->cur] != ROAD_READY && g->road_state[g->cur] != ROAD_FAILED) {
        j = calloc(1, sizeof *j);
        if (j) j->path = strdup(g->paths[g->cur]);
        if (j && j->path) {
            j->seed = g->seed;
            j->script = g->cur;
            atomic_init(&j->done, false);
            atomic_init(&j->cancel, false);
            g->road_state[g->cur] = ROAD_PENDING;
            if (thrd_create(&g->road_thread, road_main, j) == thrd_success) g->road_job = j;
        }
        if (!g->road_job) { /* no thread: work it out here */
            if (j) free(j->path);
            free(j);
            road_now(g, g->cur);
            arrived = true;
        }
    }
    road_sync_ui(g);
    return arrived;
}

/* The scenario k changed: its road is worked out again. */
static void road_forget(Gui *g, int k) {
    g->road_state[k] = ROAD_NONE;
    if (g->road_job && g->road_job->script == k) g->road_job->stale = true;
}

/* Starts a run of script index k (the run before it is recorded first). 0, or -1 with a
 * message printed. */
static int start_run(Gui *g, int k) {
    record_run(g, NULL, false);
    end_run(g);
    df_Error err;
    df_error_clear(&err);
    g->cur = k;
    const df_Scenario *sc = df_script_scenario(g->scripts[k]);
    if (g->canvas && g->paths[k]) df_watch_file(g->canvas, g->paths[k]); /* hot reload */
    g->run = df_run_new(sc, df_script_host(g->scripts[k]), g->seed, &err);
    if (g->run) df_run_keep_forecasts(g->run, true);
    if (!g->run) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        snprintf(g->overlay, sizeof g->overlay, "The scenario stopped: %s", m);
        g->ui.overlay = g->overlay;
        g->ui.run = NULL;
        set_screen(g, DF_SCREEN_PICKER);
        return -1;
    }
    g->ui.run = g->run;
    g->ui.sc = sc;
    g->started = time(NULL);
    g->recorded = false;
    g->ui.shown_agitation = g->to_a = (float)df_run_state(g->run)->agitation;
    g->ui.shown_trust = g->to_t = (float)df_run_state(g->run)->trust;
    g->animating = false;
    set_screen(g, DF_SCREEN_PLAY);
    if (g->canvas && !g->o->screenshot) road_pump(g, false);
    return 0;
}

/* The choices taken so far, as shown, to replay after a reload. */
static int taken(const df_Run *run, int *out, int cap) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    for (int i = 0; i < n && i < cap; i++) out[i] = steps[i].shown;
    return n < cap ? n : cap;
}

static void set_notice(Gui *g, const char *text) {
    snprintf(g->notice, sizeof g->notice, "%s", text);
    g->ui.notice = g->notice;
    g->notice_until = df_ticks_ms() + 4000;
    trace(g, "notice", 0);
}

/* The scenario file changed: load it again; on errors keep playing the last good version
 * and show them; otherwise replay the choices so far in the new version. */
static void reload(Gui *g) {
    if (!g->run) return;
    const char *path = g->paths[g->cur];
    df_Diags d = {0};
    df_Script *ns = df_script_load(path, NULL, &d);
    if (!ns) {
        size_t o = 0;
        g->overlay[0] = '\0';
        o += (size_t)snprintf(g->overlay, sizeof g->overlay, "Not reloaded; the last good version keeps running:\n");
        for (int i = 0; i < d.n && o + 2 < sizeof g->overlay; i++) {
            if (d.v[i].severity != DF_DIAG_ERROR) continue;
            char line[1024];
            df_diag_format(&d.v[i], line, sizeof line);
            o += (size_t)snprintf(g->overlay + o, sizeof g->overlay - o, "%s\n", line);
        }
        g->ui.overlay = g->overlay;
        int nerr = d.errors;
        df_diags_free(&d);
        trace(g, "reload-error", nerr);
        return;
    }
    df_diags_free(&d);
    g->overlay[0] = '\0';
    g->ui.overlay = NULL;
    int choices[DF_PATH_MAX * 4];
    int n = taken(g->run, choices, (int)(sizeof choices / sizeof *choices));
    bool was_feedback = g->ui.screen == DF_SCREEN_FEEDBACK;
    df_Error err;
    df_error_clear(&err);
    df_Run *run = df_run_new(df_script_scenario(ns), df_script_host(ns), g->seed, &err);
    if (run) df_run_keep_forecasts(run, true);
    int done = 0;
    while (run && done < n && !df_run_over(run) && df_run_choose(run, choices[done], &err) == 0) done++;
    if (run && df_run_broken(run)) { /* the new version fails on the way back: keep the old one */
        char m[1400];
        df_error_format(&err, m, sizeof m);
        snprintf(g->overlay, sizeof g->overlay, "Not reloaded: replaying your choices failed: %s", m);
        g->ui.overlay = g->overlay;
        df_run_free(run);
        df_script_free(ns);
        return;
    }
    if (!run) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        snprintf(g->overlay, sizeof g->overlay, "Not reloaded: %s", m);
        g->ui.overlay = g->overlay;
        df_script_free(ns);
        return;
    }
    end_run(g);
    df_script_free(g->scripts[g->cur]);
    g->scripts[g->cur] = ns;
    road_forget(g, g->cur);
    for (int i = 0; i < g->nitems; i++)
        if (g->item_script[i] == g->cur) {
            const df_Scenario *sc = df_script_scenario(ns);
            df_PickItem old = g->items[i];
            g->items[i] = (df_PickItem){sc->id, sc->title, sc->setting, sc->role, sc->summary, sc->minutes};
            g->items[i].attempts = old.attempts, g->items[i].best = old.best; /* the record did not change */
        }
    g->run = run;
    g->ui.run = run;
    g->ui.sc = df_script_scenario(ns);
    g->ui.shown_agitation = g->to_a = (float)df_run_state(run)->agitation;
    g->ui.shown_trust = g->to_t = (float)df_run_state(run)->trust;
    g->animating = false;
    char msg[4400];
    if (done == n) snprintf(msg, sizeof msg, "Reloaded %s; restored step %d", path, n);
    else snprintf(msg, sizeof msg, "Reloaded %s; the scenario changed at step %d of %d, so play goes on from there", path, done + 1, n);
    set_notice(g, msg);
    /* the same attempt goes on: started and recorded stay; it is saved when the new
     * version's replay reaches an end it had not reached before */
    df_Screen to = df_run_over(run) ? DF_SCREEN_DEBRIEF : (was_feedback && done == n && n ? DF_SCREEN_FEEDBACK : DF_SCREEN_PLAY);
    if (df_run_over(run)) record_run(g, NULL, false);
    road_pump(g, false);
    if (g->ui.screen == DF_SCREEN_PROGRESS) g->prog_back = to; /* stay on progress; Esc goes to the run */
    else set_screen(g, to);
}

static int choose(Gui *g, int n) {
    df_Error err;
    df_error_clear(&err);
    int rc = df_run_choose(g->run, n, &err);
    if (rc < 0) { /* the run stopped: say why, and go back to the scenarios */
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        snprintf(g->overlay, sizeof g->overlay, "The scenario stopped: %s", m);
        g->ui.overlay = g->overlay;
        end_run(g);
        set_screen(g, DF_SCREEN_PICKER);
        return -1;
    }
    if (rc > 0) return 1;
    trace(g, "choose", n);
    g->from_a = g->ui.shown_agitation;
    g->from_t = g->ui.shown_trust;
    g->to_a = (float)df_run_state(g->run)->agitation;
    g->to_t = (float)df_run_state(g->run)->trust;
    g->anim_start = df_ticks_ms();
    g->animating = !g->o->reduce_motion;
    if (!g->animating) {
        g->ui.shown_agitation = g->to_a;
        g->ui.shown_trust = g->to_t;
    }
    set_screen(g, DF_SCREEN_FEEDBACK);
    return 0;
}

/* Leaves the run for the picker: an attempt left before its end is kept as unfinished. */
static void leave_run(Gui *g) {
    record_run(g, NULL, false);
    end_run(g);
    set_screen(g, DF_SCREEN_PICKER);
}

static void cont(Gui *g) {
    if (df_run_over(g->run)) {
        record_run(g, NULL, false); /* before the screen changes: the debrief's attempt is kept */
        set_screen(g, DF_SCREEN_DEBRIEF);
    } else {
        set_screen(g, DF_SCREEN_PLAY);
    }
}

/* ---------------------------------------------------------------- drawing */

static void render(Gui *g) {
    int w, h;
    df_canvas_size(g->canvas, &w, &h);
    g->ui.w = w;
    g->ui.h = h;
    road_sync_ui(g);
    df_ui_build(&g->ui, &g->dl, &g->tm);
    df_canvas_draw(g->canvas, &g->dl, g->ui.theme->bg);
}

static void step_animation(Gui *g) {
    if (!g->animating) return;
    float u = (float)(df_ticks_ms() - g->anim_start) / 260.0f;
    if (u >= 1) {
        u = 1;
        g->animating = false;
    }
    float e = 1 - (1 - u) * (1 - u) * (1 - u); /* ease out */
    g->ui.shown_agitation = g->from_a + (g->to_a - g->from_a) * e;
    g->ui.shown_trust = g->from_t + (g->to_t - g->from_t) * e;
}

/* ---------------------------------------------------------------- input */

static bool handle(Gui *g, const df_Event *ev, bool *quit) {
    df_Ui *ui = &g->ui;
    if (ev->kind == DF_EV_QUIT) {
        *quit = true;
        return false;
    }
    if (ev->kind == DF_EV_FILE) {
        reload(g);
        return true;
    }
    if (ev->kind == DF_EV_RESIZE || ev->kind == DF_EV_EXPOSE) {
        df_canvas_invalidate(g->canvas); /* the window system may have lost our pixels */
        return true;
    }
    if (ev->kind == DF_EV_CLICK) {
        int arg, act = df_ui_hit(ui, ev->x, ev->y, &arg);
        if (act == DF_ACT_PICK) {
            int idx[512];
            int n = df_ui_filtered(ui, idx, 512);
            if (arg < n) start_run(g, g->item_script[idx[arg]]);
        } else if (act == DF_ACT_CHOOSE) {
            choose(g, arg);
        } else if (act == DF_ACT_CONTINUE) {
            cont(g);
        }
        return act != DF_ACT_NONE;
    }
    if (ev->kind == DF_EV_TEXT && g->eat_text) { /* P left the progress screen: not a filter letter */
        g->eat_text = false;
        return false;
    }
    if (ev->kind != DF_EV_TEXT) g->eat_text = false;
    if (ev->kind == DF_EV_TEXT && ui->screen == DF_SCREEN_PICKER) {
        if ((unsigned char)ev->text[0] >= 0x20 && strlen(ui->filter) + strlen(ev->text) < sizeof ui->filter - 1) {
            strcat(ui->filter, ev->text);
            ui->focus = 0;
        }
        return true;
    }
    if (ev->kind != DF_EV_KEY) return false;
    int key = ev->key;
    if ((ev->mods & DF_MOD_CTRL) && ev->key == DF_KEY_CHAR && ev->ch == 'q') {
        *quit = true;
        return false;
    }
    if (ev->mods & DF_MOD_CTRL) {
        if (key == DF_KEY_PLUS && ui->text_scale < 2.0f) ui->text_scale += 0.1f;
        else if (key == DF_KEY_MINUS && ui->text_scale > 0.81f) ui->text_scale -= 0.1f;
        else if (key == DF_KEY_0) ui->text_scale = 1.0f;
        else if (key == DF_KEY_CHAR && ev->ch == 't')
            ui->theme = df_theme_get(strcmp(ui->theme->name, "light") ? "light" : "contrast");
        else if (key == DF_KEY_CHAR && ev->ch == 'p' && ui->screen == DF_SCREEN_PICKER) {
            /* Ctrl P, since a plain P types into the filter */
            int idx[512];
            int n = df_ui_filtered(ui, idx, 512);
            if (!n) return false;
            open_progress(g, g->item_script[idx[ui->focus < n ? ui->focus : 0]]);
        } else if (key == DF_KEY_CHAR && ev->ch == 'p' && ui->screen == DF_SCREEN_DEBRIEF && g->run) open_progress(g, g->cur);
        else return false;
        return true;
    }
    if (key == DF_KEY_F11) {
        df_canvas_toggle_fullscreen(g->canvas);
        return true;
    }
    if (ui->jump_open) { /* the "start from here" list takes the keys while open */
        if (key == DF_KEY_DOWN) ui->jump_focus++;
        else if (key == DF_KEY_UP && ui->jump_focus > 0) ui->jump_focus--;
        else if (key == DF_KEY_ESCAPE) ui->jump_open = false;
        else if (key == DF_KEY_ENTER && g->run) {
            ui->jump_open = false;
            df_Error err;
            if (start_run(g, g->cur) != 0) return true;
            if (df_run_jump(g->run, ui->jump_focus, &err) == 0) {
                g->recorded = true; /* an author's test from a chosen beat is not an attempt */
                char msg[160];
                snprintf(msg, sizeof msg, "Started from beat '%s' (the resident's state is the start's)", ui->sc->beats[ui->jump_focus].id);
                set_notice(g, msg);
                trace(g, "jump", ui->jump_focus);
            } else {
                char m[1400];
                df_error_format(&err, m, sizeof m);
                snprintf(g->overlay, sizeof g->overlay, "The scenario stopped: %s", m);
                g->ui.overlay = g->overlay;
                end_run(g);
                set_screen(g, DF_SCREEN_PICKER);
            }
        }
        return true;
    }
    if (key == DF_KEY_F5 && g->run && ui->screen != DF_SCREEN_PROGRESS) { /* restart from the beginning */
        int rc = record_run(g, "Restarted. ", false);
        start_run(g, g->cur);
        if (rc == 1) set_notice(g, "Restarted");
        return true;
    }
    if (key == DF_KEY_F6 && g->run && ui->screen != DF_SCREEN_PROGRESS) {
        ui->jump_open = true;
        ui->jump_focus = df_run_state(g->run)->beat >= 0 ? df_run_state(g->run)->beat : 0;
        return true;
    }
    if (ui->screen != DF_SCREEN_PICKER && ui->screen != DF_SCREEN_PROGRESS && !g->run) set_screen(g, DF_SCREEN_PICKER);
    switch (ui->screen) {
    case DF_SCREEN_PICKER: {
        int idx[512];
        int n = df_ui_filtered(ui, idx, 512);
        if (key == DF_KEY_DOWN || key == DF_KEY_TAB) ui->focus = n ? (ui->focus + ((ev->mods & DF_MOD_SHIFT) ? n - 1 : 1)) % n : 0;
        else if (key == DF_KEY_UP) ui->focus = n ? (ui->focus + n - 1) % n : 0;
        else if (key == DF_KEY_HOME) ui->focus = 0;
        else if (key == DF_KEY_END) ui->focus = n ? n - 1 : 0;
        else if (key == DF_KEY_BACKSPACE && ui->filter[0]) ui->filter[strlen(ui->filter) - 1] = '\0';
        else if (key == DF_KEY_ENTER && n) start_run(g, g->item_script[idx[ui->focus]]);
        else if (key == DF_KEY_ESCAPE) {
            if (ui->filter[0]) ui->filter[0] = '\0';
            else *quit = true;
        } else return false;
        return true;
    }
    case DF_SCREEN_PLAY: {
        const int *vis;
        int n = df_run_visible(g->run, &vis);
        if (n == 0) return false;
        if (key == DF_KEY_CHAR && ev->ch >= '1' && ev->ch <= '9') {
            if (ev->ch - '0' <= n) choose(g, ev->ch - '0');
        } else if (key == DF_KEY_DOWN || (key == DF_KEY_TAB && !(ev->mods & DF_MOD_SHIFT))) ui->focus = (ui->focus + 1) % n;
        else if (key == DF_KEY_UP || key == DF_KEY_TAB) ui->focus = (ui->focus + n - 1) % n;
        else if (key == DF_KEY_ENTER || key == DF_KEY_SPACE) choose(g, ui->focus + 1);
        else if (key == DF_KEY_ESCAPE) {
            if (g->npaths > 1 || !g->o->scenario) leave_run(g);
            else *quit = true;
        } else return false;
        return true;
    }
    case DF_SCREEN_FEEDBACK:
        if (key == DF_KEY_ENTER || key == DF_KEY_SPACE || key == DF_KEY_RIGHT) cont(g);
        else if (key == DF_KEY_ESCAPE) {
            if (g->npaths > 1 || !g->o->scenario) leave_run(g);
            else *quit = true;
        } else return false;
        return true;
    case DF_SCREEN_DEBRIEF:
        if (key == DF_KEY_CHAR && ev->ch == 'r') start_run(g, g->cur);
        else if (key == DF_KEY_CHAR && ev->ch == 'p') open_progress(g, g->cur);
        else if (key == DF_KEY_PAGEDOWN || key == DF_KEY_DOWN) ui->scroll++;
        else if ((key == DF_KEY_PAGEUP || key == DF_KEY_UP) && ui->scroll > 0) ui->scroll--;
        else if (key == DF_KEY_ESCAPE) {
            if (g->npaths > 1 || !g->o->scenario) leave_run(g);
            else *quit = true;
        } else return false;
        return true;
    case DF_SCREEN_PROGRESS:
        if (key == DF_KEY_ESCAPE || key == DF_KEY_BACKSPACE || (key == DF_KEY_CHAR && ev->ch == 'p')) {
            set_screen(g, g->prog_back == DF_SCREEN_PICKER || g->run ? g->prog_back : DF_SCREEN_PICKER);
            g->eat_text = key == DF_KEY_CHAR; /* its text event follows */
        }
        else return false;
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------- entry points */

static void gui_free(Gui *g) {
    if (g->road_job) { /* a helper still at work: stop it and wait for it */
        atomic_store(&g->road_job->cancel, true);
        road_pump(g, true);
    }
    free(g->roads);
    free(g->road_state);
    end_run(g);
    df_store_close(g->store);
    for (int i = 0; i < g->npaths; i++) df_script_free(g->scripts ? g->scripts[i] : NULL);
    free(g->scripts);
    free(g->items);
    free(g->item_script);
    if (g->paths) df_free_list(g->paths, g->npaths);
    df_dl_deinit(&g->dl);
    df_canvas_free(g->canvas);
    df_fonts_close(g->fonts);
    if (g->trace) fclose(g->trace);
}

static int setup(Gui *g, const df_GuiOpts *o) {
    memset(g, 0, sizeof *g);
    g->o = o;
    g->seed = o->seed;
    df_dl_init(&g->dl);
    g->ui.theme = df_theme_get(o->theme ? o->theme : "light");
    g->ui.text_scale = 1.0f;
    g->ui.assess = o->assess;
    g->ui.items = NULL;
    if (o->trace && !(g->trace = fopen(o->trace, "w"))) {
        fprintf(stderr, "defuse: cannot write the trace to %s\n", o->trace);
        return DF_GUI_ERROR;
    }
    char err[1024];
    double t0 = mono_ms();
    g->fonts = df_fonts_open(o->font, err, sizeof err);
    trace_phase(g, "fonts", t0);
    if (!g->fonts) {
        fprintf(stderr, "defuse: %s\n", err);
        return DF_GUI_NO_FONT;
    }
    g->tm = df_fonts_measure(g->fonts);
    t0 = mono_ms();
    if (load_all(g, o->scenario) != 0) return DF_GUI_ERROR;
    trace_phase(g, "scenarios", t0);
    g->ui.items = g->items;
    g->ui.nitems = g->nitems;
    for (int i = 0; i < g->nitems; i++) g->items[i].best = -1;
    df_learner(o->learner, g->learner, sizeof g->learner, g->learner_name, sizeof g->learner_name);
    return 0;
}

int df_gui_screenshot(const df_GuiOpts *o) {
    Gui g;
    int rc = setup(&g, o);
    if (rc) {
        gui_free(&g);
        return rc == DF_GUI_NO_FONT ? DF_GUI_ERROR : rc;
    }
    char err[1024];
    g.canvas = df_canvas_offscreen(o->width, o->height, g.fonts, err, sizeof err);
    if (!g.canvas) {
        fprintf(stderr, "defuse: %s\n", err);
        gui_free(&g);
        return DF_GUI_ERROR;
    }
    if (o->scenario) {
        if (start_run(&g, 0) != 0) {
            gui_free(&g);
            return DF_GUI_ERROR;
        }
        for (int i = 0; i < o->nchoices; i++) {
            int r = choose(&g, o->choices[i]);
            if (r != 0) {
                if (r > 0) fprintf(stderr, "defuse: --choices: step %d: choice %d is out of range\n", i + 1, o->choices[i]);
                gui_free(&g);
                return r > 0 ? DF_GUI_USAGE : DF_GUI_ERROR;
            }
            if (df_run_over(g.run) && i + 1 < o->nchoices) break;
        }
        g.animating = false;
        g.ui.shown_agitation = (float)df_run_state(g.run)->agitation;
        g.ui.shown_trust = (float)df_run_state(g.run)->trust;
        const char *want = o->screen ? o->screen : (o->nchoices ? "feedback" : "play");
        if (!strcmp(want, "debrief")) {
            if (!df_run_over(g.run)) {
                fprintf(stderr, "defuse: --screen debrief: the choices do not reach an ending\n");
                gui_free(&g);
                return DF_GUI_USAGE;
            }
            road_now(&g, g.cur);
            g.ui.screen = DF_SCREEN_DEBRIEF;
        } else if (!strcmp(want, "feedback") && o->nchoices) {
            g.ui.screen = DF_SCREEN_FEEDBACK;
        } else if (!strcmp(want, "play")) {
            if (df_run_over(g.run)) {
                fprintf(stderr, "defuse: --screen play: the run has already ended; use --screen debrief\n");
                gui_free(&g);
                return DF_GUI_USAGE;
            }
            g.ui.screen = DF_SCREEN_PLAY;
        } else {
            fprintf(stderr, "defuse: --screen: expected play, feedback (after a choice) or debrief\n");
            gui_free(&g);
            return DF_GUI_USAGE;
        }
    } else {
        g.ui.screen = DF_SCREEN_PICKER;
    }
    render(&g);
    if (g.dl.overflows) fprintf(stderr, "defuse: warning: text overflow on the %s screen: %s\n", screen_name(g.ui.screen), g.dl.overflow_what);
    rc = df_canvas_save_png(g.canvas, o->screenshot, err, sizeof err) == 0 ? 0 : DF_GUI_ERROR;
    if (rc) fprintf(stderr, "defuse: %s\n", err);
    gui_free(&g);
    return rc;
}

int df_gui_run(const df_GuiOpts *o) {
    char why[256];
    if (!df_display_available(why, sizeof why)) {
        fprintf(stderr, "defuse: %s; using the terminal\n", why);
        return DF_GUI_NO_DISPLAY;
    }
    Gui g;
    int rc = setup(&g, o);
    if (rc) {
        if (rc == DF_GUI_NO_FONT) fprintf(stderr, "defuse: using the terminal instead\n");
        gui_free(&g);
        return rc;
    }
    char err[1024];
    double t0 = mono_ms();
    g.canvas = df_canvas_window("defuse", o->width, o->height, o->fullscreen, g.fonts, err, sizeof err);
    trace_phase(&g, "window", t0);
    if (!g.canvas) {
        fprintf(stderr, "defuse: %s; using the terminal\n", err);
        gui_free(&g);
        return DF_GUI_NO_DISPLAY;
    }
    if (g.trace) {
        fprintf(g.trace, "renderer %s\n", df_canvas_renderer_name(g.canvas));
        fflush(g.trace);
    }
    g.record = !o->no_record && !df_records_off();
    open_store(&g);
    refresh_stats(&g);
    if (o->scenario) {
        if (start_run(&g, 0) != 0) {
            gui_free(&g);
            return DF_GUI_ERROR;
        }
    } else {
        set_screen(&g, DF_SCREEN_PICKER);
    }
    bool quit = false, dirty = true, first = true;
    while (!quit) {
        if (dirty || g.animating) {
            double tr = mono_ms();
            step_animation(&g);
            render(&g);
            dirty = false;
            if (first) trace_phase(&g, "first frame", tr);
            if (first && g.trace) { /* for the benchmark: when the first screen was shown */
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                fprintf(g.trace, "presented %.3f\n", (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
                fflush(g.trace);
            }
            first = false;
        }
        df_Event ev;
        /* Sleep until something happens; only an animation in progress wakes us per frame. */
        /* a notice hides itself: wake once when it is due */
        int wait = g.animating ? 16 : -1;
        if (g.road_job && (wait < 0 || wait > 50)) wait = 50; /* a helper at work: look in on it */
        if (g.ui.notice) {
            unsigned long now = df_ticks_ms();
            if (now >= g.notice_until) {
                g.ui.notice = NULL;
                dirty = true;
                continue;
            }
            unsigned long left = g.notice_until - now;
            if (wait < 0 || (unsigned long)wait > left) wait = (int)left;
        }
        bool got = df_wait_event(g.canvas, &ev, wait);
        while (got) {
            dirty |= handle(&g, &ev, &quit);
            got = !quit && df_wait_event(g.canvas, &ev, 0);
        }
        if (g.road_job || (g.run && g.road_state[g.cur] == ROAD_NONE))
            dirty |= road_pump(&g, false) && g.ui.screen == DF_SCREEN_DEBRIEF;
    }
    record_run(&g, NULL, true); /* closing the window or quitting leaves the run: keep it */
    gui_free(&g);
    return 0;
}
