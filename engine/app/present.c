/* present.c: defuse present: runs a module in front of a room. The deck (core) says which
 * slide is on; the engine plays the exercise; the tally (core) counts the room's votes; the
 * slides are built by ui/present.c. This file turns the trainer's keys into those calls, keeps
 * the two roads of each exercise, opens the windows and saves the session summary at the end.
 * A scripted run (--keys) feeds the same key handler and renders offscreen, with no display. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../platform/platform.h"
#include "../ui/present.h"
#include "gui.h"

typedef struct Road {
    df_Run *run;
    df_Tally votes[DF_PATH_MAX]; /* per decision: the room's votes (and the trainer's pick) */
    int from;                    /* first decision voted on this road */
} Road;

typedef struct Exercise {
    char *path;
    df_Script *script;
    Road room, other;
    bool has_other, playing_other;
    /* the finished road not taken, kept while a new one has made no choice yet (so O then
     * Left loses nothing) */
    Road prev;
    bool has_prev;
    char broken[1024]; /* why the scenario stopped, when it did: the exercise is skipped */
    time_t started;    /* when the room began it (its attempt's start in the training record) */
    df_Forecast road; /* the whole scenario from its start: its worst is the escalated road */
    bool walked;
} Exercise;

typedef struct Pres {
    const df_PresentOpts *o;
    df_Script *module;
    const df_Module *m;
    df_Deck deck;
    Exercise ex[DF_MAX_EXERCISE];
    int nex;
    /* drawing */
    df_Fonts *fonts;
    df_Canvas *canvas, *notes_win;
    df_TextMeasure tm;
    df_DrawList dl, dl_notes;
    df_PresentView v;
    /* where the room is inside an exercise */
    df_ExPhase phase;
    bool coach;
    df_Tally tally;
    char typed[8];
    int debrief_ex, focus;
    /* overlays */
    bool blank, timer, notes, help, confirm;
    char notice[512];
    unsigned long notice_until;
    /* displays */
    df_Display displays[8];
    int ndisplays, display;
    bool scripted, saved, dirty, quit;
    time_t started;
    uint64_t seed;
    char saved_path[4400];
} Pres;

/* ---------------------------------------------------------------- helpers */

int df_present_pick_display(const df_Display *d, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
        long a = (long)d[i].w * d[i].h, b = (long)d[best].w * d[best].h;
        if (a > b || (a == b && best == 0)) best = i;
    }
    return best;
}

static void say(Pres *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(Pres *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->notice, sizeof p->notice, fmt, ap);
    va_end(ap);
    p->notice_until = df_ticks_ms() + 5000;
}

static Exercise *cur_ex(Pres *p) {
    const df_Slide *s = df_deck_slide(&p->deck);
    if (s && s->kind == DF_SLIDE_EXERCISE) return &p->ex[s->index];
    if (s && s->kind == DF_SLIDE_DEBRIEF) return &p->ex[p->debrief_ex];
    return NULL;
}

static Road *cur_road(Exercise *e) { return e->playing_other ? &e->other : &e->room; }

/* An empty road: no run, every vote slot empty (override -1: nobody picked). */
static void road_clear(Road *r) {
    df_run_free(r->run);
    r->run = NULL;
    r->from = 0;
    for (int i = 0; i < DF_PATH_MAX; i++) df_tally_init(&r->votes[i], 0);
}

static int decisions(const df_Run *run) {
    const df_Step *steps;
    return run ? df_run_steps(run, &steps) : 0;
}

static void fresh_tally(Pres *p, const df_Run *run) {
    const int *vis;
    df_tally_init(&p->tally, run && !df_run_over(run) ? df_run_visible(run, &vis) : 0);
    p->typed[0] = '\0';
}

/* A run replayed through the choices (1-based, as shown); NULL with a message. */
static df_Run *replay(Pres *p, Exercise *e, const int *choices, int n) {
    df_Error err;
    df_error_clear(&err);
    df_Run *run = df_run_new(df_script_scenario(e->script), df_script_host(e->script), p->seed, &err);
    if (run) df_run_keep_forecasts(run, true);
    for (int i = 0; run && i < n && !df_run_over(run); i++)
        if (df_run_choose(run, choices[i], &err) != 0) {
            df_run_free(run);
            run = NULL;
        }
    if (!run) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        say(p, "The scenario stopped: %s", m);
    }
    return run;
}

static int shown_choices(const df_Run *run, int *out, int upto) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    if (upto < n) n = upto;
    for (int i = 0; i < n; i++) out[i] = steps[i].shown;
    return n;
}

/* The escalated road for the debrief's time bars: the whole scenario walked by the engine,
 * once per exercise. When a scenario function fails on the way the bar is left out. */
static void ensure_walk(Pres *p, Exercise *e) {
    if (e->walked) return;
    e->walked = true;
    df_Error err;
    df_error_clear(&err);
    if (df_escalated_road(df_script_scenario(e->script), df_script_host(e->script), p->seed, &e->road, &err) != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: the escalated road is left out of the debrief: %s\n", m);
        e->road.valid = false;
    }
}

/* ---------------------------------------------------------------- the session record */

static int collect(Pres *p, df_Decision *out, int cap) {
    int n = 0;
    for (int i = 0; i < p->nex; i++) {
        Exercise *e = &p->ex[i];
        const df_Scenario *sc = df_script_scenario(e->script);
        for (int road = 0; road < 2; road++) {
            Road *r = road ? &e->other : &e->room;
            if (!r->run || (road && !e->has_other)) continue;
            const df_Step *steps;
            int k = df_run_steps(r->run, &steps);
            for (int j = r->from; j < k && j < DF_PATH_MAX && n < cap; j++)
                out[n++] = (df_Decision){sc->id, sc->beats[steps[j].beat].id, r->votes[j], steps[j].shown - 1, road, j};
        }
    }
    return n;
}

/* Saves the summary; says where (or why not) on screen and on stdout/stderr. Saving again
 * after more was played (the road not taken after the thanks) replaces the earlier files. */
static void save(Pres *p) {
    if ((p->saved && !p->dirty) || p->o->no_record) return;
    char old[4400];
    snprintf(old, sizeof old, "%s", p->saved ? p->saved_path : "");
    p->saved = true;
    p->dirty = false;
    char dir[4096], err[1024];
    if (df_data_dir(dir, sizeof dir) != 0) {
        fprintf(stderr, "defuse: warning: no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR); the session summary was not saved\n");
        say(p, "The session summary was not saved: no data folder");
        return;
    }
    int cap = p->nex * 2 * DF_PATH_MAX;
    df_Decision *dec = calloc((size_t)(cap ? cap : 1), sizeof *dec);
    if (!dec) return;
    int n = collect(p, dec, cap);
    if (df_record_session(dir, p->m, &p->deck, dec, n, time(NULL), p->saved_path, sizeof p->saved_path, err, sizeof err) == 0) {
        printf("Session summary: %s\n", p->saved_path);
        fflush(stdout);
        if (old[0] && strcmp(old, p->saved_path) != 0) { /* the new files replace the earlier ones */
            unlink(old);
            size_t l = strlen(old);
            if (l > 5) {
                snprintf(old + l - 5, sizeof old - (l - 5), ".csv");
                unlink(old);
            }
        }
        say(p, "Session summary saved. Next leaves (Esc asks first).");
    } else {
        fprintf(stderr, "defuse: warning: the session summary was not saved: %s\n", err);
        say(p, "The session summary was not saved: %s", err);
    }
    free(dec);
}

/* At the end of the session: each exercise the room played goes into the trainer's training
 * record as a group attempt (the room's road; the road not taken was a discussion). */
static void record_group(Pres *p) {
    if (p->o->no_record) return;
    for (int i = 0; i < p->nex; i++) {
        Exercise *e = &p->ex[i];
        if (!e->room.run || decisions(e->room.run) == 0 || df_run_broken(e->room.run)) continue;
        char msg[1400];
        if (df_record_group_attempt(e->script, e->path, e->room.run, e->started ? e->started : p->started, msg, sizeof msg) < 0)
            fprintf(stderr, "defuse: %s\n", msg);
    }
}

/* ---------------------------------------------------------------- the deck */

/* After any move of the deck: set up what the new slide needs. */
static void entered(Pres *p) {
    const df_Slide *s = df_deck_slide(&p->deck);
    p->coach = false;
    if (s->kind == DF_SLIDE_EXERCISE) {
        Exercise *e = &p->ex[s->index];
        Road *r = cur_road(e);
        p->debrief_ex = s->index;
        if (!r->run && !e->broken[0]) {
            r->run = replay(p, e, NULL, 0);
            if (r == &e->room) e->started = time(NULL);
        }
        if (!r->run) {
            if (!e->broken[0]) snprintf(e->broken, sizeof e->broken, "%s", p->notice);
            p->phase = DF_PX_END;
            return;
        }
        p->phase = df_run_over(r->run) ? DF_PX_END : DF_PX_LINE;
        fresh_tally(p, r->run);
    } else if (s->kind == DF_SLIDE_DEBRIEF) {
        for (int i = 0; i < p->nex; i++) p->ex[i].playing_other = false;
        if (p->debrief_ex >= p->nex) p->debrief_ex = 0;
        Exercise *e = &p->ex[p->debrief_ex];
        ensure_walk(p, e);
        int n = decisions(e->room.run);
        if (p->focus >= n) p->focus = n ? n - 1 : 0;
    }
}

static bool has_other(Pres *p) { return p->ex[p->debrief_ex].has_other; }

static void next_slide(Pres *p) {
    const df_Slide *s = df_deck_slide(&p->deck);
    int before = p->deck.cur;
    if (s->kind == DF_SLIDE_DEBRIEF && p->deck.step == DF_DEBRIEF_TIME && !has_other(p)) p->deck.step++;
    if (df_deck_next(&p->deck) != 0) { /* past the thanks: save; a second Next leaves */
        if (p->saved || p->o->no_record) p->quit = true;
        else save(p);
        return;
    }
    if (p->deck.cur != before) {
        if (df_deck_slide(&p->deck)->kind == DF_SLIDE_DEBRIEF) p->debrief_ex = 0, p->focus = 0; /* the debrief starts at the first exercise */
        entered(p);
    }
}

static void back_slide(Pres *p) {
    const df_Slide *s = df_deck_slide(&p->deck);
    int before = p->deck.cur;
    if (s->kind == DF_SLIDE_DEBRIEF && p->deck.step == DF_DEBRIEF_DISCUSS && !has_other(p)) p->deck.step--;
    if (df_deck_back(&p->deck) != 0) return;
    if (p->deck.cur != before) entered(p);
}

/* ---------------------------------------------------------------- the exercise */

/* Plays option k (0-based) of the current decision; the votes go with it. */
static void play_option(Pres *p, int k, bool trainer) {
    Exercise *e = cur_ex(p);
    Road *r = cur_road(e);
    int n = decisions(r->run);
    if (n >= DF_PATH_MAX) {
        say(p, "This road is too long to keep playing (%d decisions)", n);
        return;
    }
    df_Tally t = p->tally;
    if (trainer) df_tally_override(&t, k);
    df_Error err;
    df_error_clear(&err);
    int rc = df_run_choose(r->run, k + 1, &err);
    if (rc < 0) { /* the scenario failed on this choice: take it back, so the room can pick another */
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        int ch[DF_PATH_MAX];
        int kk = shown_choices(r->run, ch, n);
        df_Run *run = replay(p, e, ch, kk);
        if (run) {
            df_run_free(r->run);
            r->run = run;
            say(p, "The scenario stopped on option %c (%s): pick another", 'A' + k, m);
        } else {
            snprintf(e->broken, sizeof e->broken, "%s", m);
            p->phase = DF_PX_END;
        }
        return;
    }
    if (rc > 0) return;
    r->votes[n] = t;
    p->dirty = true;
    if (e->playing_other && e->has_prev) { /* the new road is under way: the old one goes */
        road_clear(&e->prev);
        e->has_prev = false;
    }
    p->phase = DF_PX_EFFECT;
    p->coach = false;
    p->typed[0] = '\0';
}

/* Takes back the last choice of the road: the run is replayed without it and the votes
 * come back as they were. */
static void undo_choice(Pres *p) {
    Exercise *e = cur_ex(p);
    Road *r = cur_road(e);
    int n = decisions(r->run);
    if (n <= r->from) return;
    int ch[DF_PATH_MAX];
    int k = shown_choices(r->run, ch, n - 1);
    df_Run *run = replay(p, e, ch, k);
    if (!run) return;
    df_run_free(r->run);
    r->run = run;
    p->tally = r->votes[n - 1];
    p->tally.override = -1;
    p->phase = DF_PX_VOTE;
    p->dirty = true;
    say(p, "Decision %d is open again", n);
}

/* From the debrief: the room's path up to decision k, then the room votes again. */
static void take_other_road(Pres *p, int k) {
    Exercise *e = &p->ex[p->debrief_ex];
    if (!e->room.run || k < 0 || k >= decisions(e->room.run)) return;
    int ch[DF_PATH_MAX];
    int n = shown_choices(e->room.run, ch, k + 1);
    df_Run *run = replay(p, e, ch, k);
    if (!run) return;
    if (e->has_prev) road_clear(&e->prev);
    e->has_prev = e->has_other && e->other.run;
    if (e->has_prev) e->prev = e->other; /* kept until the new road makes its first choice */
    else road_clear(&e->other);
    e->other.run = run;
    for (int i = 0; i < DF_PATH_MAX; i++) df_tally_init(&e->other.votes[i], 0);
    e->other.from = k;
    memcpy(e->other.votes, e->room.votes, sizeof e->other.votes[0] * (size_t)k);
    e->has_other = true;
    e->playing_other = true;
    df_deck_goto(&p->deck, DF_SLIDE_EXERCISE, p->debrief_ex);
    p->phase = DF_PX_LINE;
    p->coach = false;
    fresh_tally(p, run);
    say(p, "The road not taken: decision %d again. The room chose %c last time.", k + 1, 'A' + ch[n - 1] - 1);
}

static void exercise_next(Pres *p) {
    Exercise *e = cur_ex(p);
    Road *r = cur_road(e);
    if (!r->run || e->broken[0]) { /* a scenario that stopped: move on */
        e->playing_other = false;
        next_slide(p);
        return;
    }
    switch (p->phase) {
    case DF_PX_LINE: p->phase = DF_PX_VOTE; break;
    case DF_PX_VOTE: {
        if (p->typed[0]) {
            say(p, "Finish the count with a letter (%s then A), or Backspace", p->typed);
            break;
        }
        unsigned lead = 0;
        int res = df_tally_result(&p->tally, &lead);
        if (res == DF_TALLY_NONE) say(p, "No votes yet: a letter per raised hand, or Shift+letter to pick an option");
        else if (res == DF_TALLY_TIE) {
            char who[32] = "";
            size_t o = 0;
            for (int i = 0; i < p->tally.noptions && o + 6 < sizeof who; i++)
                if (lead >> i & 1u) o += (size_t)snprintf(who + o, sizeof who - o, "%s%c", o ? " and " : "", 'A' + i);
            say(p, "A tie between %s: the trainer picks with Shift+letter", who);
        } else play_option(p, res, p->tally.override >= 0);
        break;
    }
    case DF_PX_EFFECT:
        if (!p->coach) p->coach = true;
        else if (df_run_over(r->run)) p->phase = DF_PX_END;
        else {
            p->phase = DF_PX_LINE;
            p->coach = false;
            fresh_tally(p, r->run);
        }
        break;
    case DF_PX_END:
        if (e->playing_other) { /* back to the debrief, to see the two roads side by side */
            e->playing_other = false;
            df_deck_goto(&p->deck, DF_SLIDE_DEBRIEF, 0);
            p->deck.step = DF_DEBRIEF_ROADS;
            entered(p);
        } else {
            next_slide(p);
        }
        break;
    }
}

static void exercise_back(Pres *p) {
    Exercise *e = cur_ex(p);
    Road *r = cur_road(e);
    switch (p->phase) {
    case DF_PX_VOTE: p->phase = DF_PX_LINE; break;
    case DF_PX_EFFECT: undo_choice(p); break;
    case DF_PX_END:
        if (r->run && decisions(r->run) > r->from) {
            p->phase = DF_PX_EFFECT;
            p->coach = true;
        } else back_slide(p);
        break;
    case DF_PX_LINE:
    default:
        if (e->playing_other) { /* leave the road not taken: back to the debrief */
            e->playing_other = false;
            if (decisions(e->other.run) <= e->other.from) { /* nothing played on it: as if O was never pressed */
                road_clear(&e->other);
                if (e->has_prev) {
                    e->other = e->prev;
                    e->prev.run = NULL;
                    e->has_prev = false;
                } else {
                    e->has_other = false;
                }
            }
            df_deck_goto(&p->deck, DF_SLIDE_DEBRIEF, 0);
            entered(p);
        } else back_slide(p);
        break;
    }
}

/* Keys of the vote: a letter per hand, digits then a letter for a count, Backspace undoes,
 * Shift+letter is the trainer's pick. True when handled. */
static bool vote_key(Pres *p, const df_Event *ev) {
    int n = p->tally.noptions;
    if (ev->key == DF_KEY_CHAR && ev->ch >= 'a' && ev->ch < 'a' + n) {
        int k = ev->ch - 'a';
        if (ev->mods & DF_MOD_SHIFT) {
            if (p->typed[0]) say(p, "Finish the count with a letter (%s then A), or Backspace", p->typed);
            else play_option(p, k, true);
        } else if (p->typed[0]) {
            if (df_tally_set(&p->tally, k, atoi(p->typed)) != 0) say(p, "A count goes from 0 to %d", DF_TALLY_MAX_COUNT);
            p->typed[0] = '\0';
        } else if (df_tally_vote(&p->tally, k) != 0) {
            say(p, "%c has the most votes a decision can hold", 'A' + k);
        }
        return true;
    }
    if ((ev->key == DF_KEY_CHAR && ev->ch >= '1' && ev->ch <= '9') || ev->key == DF_KEY_0) {
        size_t l = strlen(p->typed);
        if (l < 3) {
            p->typed[l] = ev->key == DF_KEY_0 ? '0' : ev->ch;
            p->typed[l + 1] = '\0';
        } else {
            say(p, "A count goes from 0 to %d", DF_TALLY_MAX_COUNT);
        }
        return true;
    }
    if (ev->key == DF_KEY_CHAR && ev->ch >= 'a' && ev->ch <= 'i' && n > 0 && ev->ch != 'b' && ev->ch != 'h') {
        say(p, "There %s only %d option%s here (A to %c)", n == 1 ? "is" : "are", n, n == 1 ? "" : "s", 'A' + n - 1);
        return true;
    }
    if (ev->key == DF_KEY_BACKSPACE) {
        size_t l = strlen(p->typed);
        if (l) p->typed[l - 1] = '\0';
        else if (df_tally_undo(&p->tally) < 0) say(p, "No vote to undo");
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------- keys */

static void open_notes_window(Pres *p);

static void toggle_notes(Pres *p) {
    if (p->notes_win) {
        df_canvas_free(p->notes_win);
        p->notes_win = NULL;
        p->notes = false;
        return;
    }
    p->notes = !p->notes;
    if (p->notes && !p->scripted && (p->ndisplays >= 2 || p->o->notes_window)) {
        open_notes_window(p);
        if (p->notes_win) p->notes = false; /* the notes are on the trainer's screen only */
    } else if (p->notes) {
        say(p, "One display: the notes strip is visible to the room. N hides it.");
    }
}

static bool handle_key(Pres *p, const df_Event *ev) {
    int key = ev->key;
    bool next = key == DF_KEY_RIGHT || key == DF_KEY_SPACE || key == DF_KEY_PAGEDOWN;
    bool back = key == DF_KEY_LEFT || key == DF_KEY_PAGEUP;
    if (ev->repeat) return false; /* a held key or clicker button must not add votes or skip slides */
    p->notice[0] = '\0';
    if (p->confirm) {
        if (key == DF_KEY_ENTER) {
            save(p);
            p->quit = true;
        }
        p->confirm = false;
        return true;
    }
    if (p->blank) { /* any key brings the picture back, and does nothing else */
        p->blank = false;
        return true;
    }
    if (p->help && (key == DF_KEY_ESCAPE || key == DF_KEY_F1 || (key == DF_KEY_CHAR && ev->ch == 'h'))) {
        p->help = false;
        return true;
    }
    const df_Slide *s = df_deck_slide(&p->deck);
    bool voting = s->kind == DF_SLIDE_EXERCISE && p->phase == DF_PX_VOTE && cur_ex(p) && cur_road(cur_ex(p))->run &&
                  !df_run_over(cur_road(cur_ex(p))->run);
    if (voting && vote_key(p, ev)) return true;
    if (key == DF_KEY_ESCAPE) {
        p->confirm = true;
        return true;
    }
    if (key == DF_KEY_F11) {
        if (p->canvas && !p->scripted) df_canvas_toggle_fullscreen(p->canvas);
        return true;
    }
    if (key == DF_KEY_F1) {
        p->help = !p->help;
        return true;
    }
    if (key == DF_KEY_CHAR) {
        switch (ev->ch) {
        case 'b':
        case '.': p->blank = true; return true;
        case 't': p->timer = !p->timer; return true;
        case 'n': toggle_notes(p); return true;
        case 'h': p->help = !p->help; return true;
        default: break;
        }
    }
    if (s->kind == DF_SLIDE_EXERCISE) {
        if (next || key == DF_KEY_ENTER) exercise_next(p);
        else if (back) exercise_back(p);
        else return false;
        return true;
    }
    if (s->kind == DF_SLIDE_DEBRIEF) {
        Exercise *e = &p->ex[p->debrief_ex];
        int n = decisions(e->room.run);
        if (p->deck.step == DF_DEBRIEF_PATH && key == DF_KEY_DOWN && p->focus + 1 < n) p->focus++;
        else if (p->deck.step == DF_DEBRIEF_PATH && key == DF_KEY_UP && p->focus > 0) p->focus--;
        else if (key == DF_KEY_CHAR && ev->ch == 'o') {
            if (n == 0) say(p, "Play the exercise first: the road not taken starts from one of the room's decisions");
            else if (p->deck.step != DF_DEBRIEF_PATH) say(p, "Pick the decision on the path step first (Left), then press O");
            else take_other_road(p, p->focus);
        } else if (key == DF_KEY_TAB && p->nex > 1) {
            p->debrief_ex = (p->debrief_ex + 1) % p->nex;
            p->focus = 0;
            entered(p);
        } else if (next || key == DF_KEY_ENTER) next_slide(p);
        else if (back) back_slide(p);
        else return false;
        return true;
    }
    if (next || key == DF_KEY_ENTER) next_slide(p);
    else if (back) back_slide(p);
    else return false;
    return true;
}

/* ---------------------------------------------------------------- drawing */

static void fill_view(Pres *p) {
    df_PresentView *v = &p->v;
    const df_Slide *s = df_deck_slide(&p->deck);
    v->m = p->m;
    v->deck = &p->deck;
    v->phase = p->phase;
    v->coach = p->coach;
    v->trainer_pick = false;
    v->tally = &p->tally;
    v->typed = p->typed;
    v->blank = p->blank;
    v->timer = p->timer;
    v->notes = p->notes;
    v->help = p->help;
    v->confirm_quit = p->confirm;
    v->elapsed = df_deck_spent(&p->deck, -1);
    v->notice = p->notice[0] ? p->notice : NULL;
    v->nexercise = p->nex;
    v->exercise = p->debrief_ex;
    v->focus = p->focus;
    v->sc = NULL;
    v->run = NULL;
    memset(v->roads, 0, sizeof v->roads);
    memset(&v->escalated, 0, sizeof v->escalated);
    Exercise *e = cur_ex(p);
    if (!e) return;
    v->sc = df_script_scenario(e->script);
    v->run = cur_road(e)->run;
    v->broken = e->broken[0] ? e->broken : NULL;
    int n = decisions(v->run);
    if (n > 0) { /* who decided the last choice: the trainer when the pick differs from the room's */
        df_Tally room = cur_road(e)->votes[n - 1];
        int pick = room.override;
        room.override = -1;
        v->trainer_pick = pick >= 0 && df_tally_result(&room, NULL) != pick;
    }
    v->other_road = s->kind == DF_SLIDE_EXERCISE && e->playing_other;
    v->roads[DF_ROAD_ROOM] = (df_RoadView){"The room", e->room.run, e->room.votes, 0};
    v->escalated = e->road;
    if (e->has_other) v->roads[DF_ROAD_OTHER] = (df_RoadView){"The road not taken", e->other.run, e->other.votes, e->other.from};
}

static void render(Pres *p) {
    fill_view(p);
    df_canvas_size(p->canvas, &p->v.w, &p->v.h);
    df_present_build(&p->v, &p->dl, &p->tm);
    df_canvas_draw(p->canvas, &p->dl, p->v.theme->bg);
    if (p->notes_win) {
        df_PresentView nv = p->v;
        df_canvas_size(p->notes_win, &nv.w, &nv.h);
        df_present_build_notes(&nv, &p->dl_notes, &p->tm);
        df_canvas_draw(p->notes_win, &p->dl_notes, nv.theme->bg);
    }
}

static void open_notes_window(Pres *p) {
    int d = p->display; /* the laptop's screen: any display but the room's (--notes-window: the same) */
    for (int i = 0; i < p->ndisplays; i++)
        if (i != p->display) {
            d = i;
            break;
        }
    char err[512];
    int w = p->displays[d].w * 6 / 10, h = p->displays[d].h * 6 / 10;
    p->notes_win = df_canvas_window_on("defuse: trainer notes", d, w < 640 ? 640 : w, h < 400 ? 400 : h, false, p->fonts, err, sizeof err);
    if (!p->notes_win) say(p, "No notes window (%s): the notes strip is visible to the room", err);
}

/* ---------------------------------------------------------------- the scripted run */

/* One token of --keys as an event; 0, 1 for a tick (seconds in *tick), 2 for a screenshot
 * (path in *shot), or -1 if unknown. */
static int parse_token(const char *t, df_Event *ev, double *tick, const char **shot) {
    static const struct { const char *name; int key; } named[] = {
        {"right", DF_KEY_RIGHT}, {"left", DF_KEY_LEFT}, {"up", DF_KEY_UP}, {"down", DF_KEY_DOWN},
        {"space", DF_KEY_SPACE}, {"enter", DF_KEY_ENTER}, {"esc", DF_KEY_ESCAPE}, {"backspace", DF_KEY_BACKSPACE},
        {"bksp", DF_KEY_BACKSPACE}, {"tab", DF_KEY_TAB}, {"pgup", DF_KEY_PAGEUP}, {"pgdn", DF_KEY_PAGEDOWN},
        {"home", DF_KEY_HOME}, {"end", DF_KEY_END}, {"f1", DF_KEY_F1}, {"f11", DF_KEY_F11},
    };
    memset(ev, 0, sizeof *ev);
    ev->kind = DF_EV_KEY;
    if (!strncmp(t, "tick:", 5)) { /* plain decimal seconds, 0 to a day */
        const char *v = t + 5;
        if (!*v || strspn(v, "0123456789.") != strlen(v)) return -1;
        *tick = strtod(v, NULL);
        return *tick >= 0 && *tick <= 86400 ? 1 : -1;
    }
    if (!strncmp(t, "shot:", 5)) {
        *shot = t + 5;
        return **shot ? 2 : -1;
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (!strcmp(t, named[i].name)) {
            ev->key = named[i].key;
            return 0;
        }
    if (strlen(t) == 1) {
        char c = t[0];
        if (c >= 'A' && c <= 'Z') {
            ev->key = DF_KEY_CHAR;
            ev->ch = (char)(c + 32);
            ev->mods = DF_MOD_SHIFT;
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '1' && c <= '9') || c == '.') {
            ev->key = DF_KEY_CHAR;
            ev->ch = c;
            return 0;
        }
        if (c == '0') {
            ev->key = DF_KEY_0;
            return 0;
        }
    }
    return -1;
}

static int shoot(Pres *p, const char *path) {
    render(p);
    if (p->dl.overflows) fprintf(stderr, "defuse: warning: text overflow on a slide: %s\n", p->dl.overflow_what);
    char err[1024];
    if (df_canvas_save_png(p->canvas, path, err, sizeof err) != 0) {
        fprintf(stderr, "defuse: %s\n", err);
        return -1;
    }
    return 0;
}

/* Splits --keys into tokens (a run of digits becomes one token per digit) and checks them
 * all before anything runs, so a typo never leaves half a rehearsal and its screenshots. */
static char **tokens(const char *keys, int *n) {
    char *copy = strdup(keys);
    size_t cap = strlen(keys) + 1;
    char **out = calloc(cap, sizeof *out);
    *n = 0;
    if (!copy || !out) {
        free(copy);
        free(out);
        return NULL;
    }
    int pos = 0;
    for (char *sp = NULL, *t = strtok_r(copy, " \t\n,", &sp); t; t = strtok_r(NULL, " \t\n,", &sp)) {
        pos++;
        df_Event ev;
        double tick;
        const char *shot;
        bool digits = strlen(t) > 1 && strspn(t, "0123456789") == strlen(t);
        if (!digits && parse_token(t, &ev, &tick, &shot) < 0) {
            if (!strncmp(t, "tick:", 5))
                fprintf(stderr, "defuse: --keys: key %d, '%s': a tick is 0 to 86400 seconds, e.g. tick:300\n", pos, t);
            else fprintf(stderr, "defuse: --keys: key %d, '%s', is not a key (see defuse present --help)\n", pos, t);
            for (int i = 0; i < *n; i++) free(out[i]);
            free(out);
            free(copy);
            *n = -1;
            return NULL;
        }
        if (digits)
            for (const char *c = t; *c; c++) out[(*n)++] = strndup(c, 1);
        else out[(*n)++] = strdup(t);
    }
    free(copy);
    return out;
}

static int run_script(Pres *p) {
    int n;
    char **keys = tokens(p->o->keys, &n);
    if (!keys) return n < 0 ? DF_GUI_USAGE : DF_GUI_ERROR;
    int rc = DF_GUI_OK, i = 0;
    for (; i < n && !p->quit && rc == DF_GUI_OK; i++) {
        df_Event ev;
        double tick = 0;
        const char *shot = NULL;
        int kind = parse_token(keys[i], &ev, &tick, &shot);
        if (kind == 1) df_deck_tick(&p->deck, tick);
        else if (kind == 2) rc = shoot(p, shot) == 0 ? DF_GUI_OK : DF_GUI_ERROR;
        else handle_key(p, &ev);
    }
    if (i < n && p->quit) fprintf(stderr, "defuse: --keys: the session ended at key %d; the %d after it were not used\n", i, n - i);
    for (int k = 0; k < n; k++) free(keys[k]);
    free(keys);
    if (rc == DF_GUI_OK && p->o->screenshot && shoot(p, p->o->screenshot) != 0) rc = DF_GUI_ERROR;
    /* the session ends with the script: keep its summary like a real one */
    if (rc == DF_GUI_OK) {
        save(p);
        record_group(p);
    }
    return rc;
}

/* ---------------------------------------------------------------- set-up */

static void pres_free(Pres *p) {
    for (int i = 0; i < p->nex; i++) {
        Exercise *e = &p->ex[i];
        df_run_free(e->room.run);
        df_run_free(e->other.run);
        df_run_free(e->prev.run);
        df_script_free(e->script);
        free(e->path);
    }
    df_script_free(p->module);
    df_dl_deinit(&p->dl);
    df_dl_deinit(&p->dl_notes);
    if (p->notes_win) df_canvas_free(p->notes_win);
    df_canvas_free(p->canvas);
    df_fonts_close(p->fonts);
    free(p);
}

static int load(Pres *p) {
    df_Diags d = {0};
    p->module = df_script_load_module(p->o->module, NULL, &d);
    df_print_diags(&d, DF_DIAG_ERROR);
    df_diags_free(&d);
    if (!p->module) return DF_GUI_ERROR;
    p->m = df_script_module(p->module);
    for (int i = 0; i < p->m->nexercise; i++) {
        char where[8192];
        Exercise *e = &p->ex[p->nex];
        e->path = df_module_scenario(p->o->module, p->m->exercise[i], where, sizeof where);
        if (!e->path) {
            fprintf(stderr, "defuse: %s:%d: the exercise '%s' names no scenario in %s\n", p->m->file,
                    p->m->exercise_line[i], p->m->exercise[i], where);
            return DF_GUI_ERROR;
        }
        df_Diags sd = {0};
        e->script = df_script_load(e->path, NULL, &sd);
        df_print_diags(&sd, DF_DIAG_ERROR);
        df_diags_free(&sd);
        road_clear(&e->room);
        road_clear(&e->other);
        road_clear(&e->prev);
        p->nex++;
        if (!e->script) return DF_GUI_ERROR;
    }
    df_deck_init(&p->deck, p->m);
    return 0;
}

int df_present_run(const df_PresentOpts *o) {
    Pres *p = calloc(1, sizeof *p);
    if (!p) return DF_GUI_ERROR;
    p->o = o;
    p->seed = o->seed;
    p->scripted = o->keys != NULL || o->screenshot != NULL;
    p->started = time(NULL);
    df_dl_init(&p->dl);
    df_dl_init(&p->dl_notes);
    p->v.theme = df_theme_get(o->theme && !strcmp(o->theme, "light") ? "projector-light" : "projector-dark");
    char err[1024];
    if (o->list_displays) {
        int n = df_displays(p->displays, 8, err, sizeof err);
        if (n < 0) {
            fprintf(stderr, "defuse: %s\n", err);
            pres_free(p);
            return DF_GUI_ERROR;
        }
        int pick = df_present_pick_display(p->displays, n);
        for (int i = 0; i < n; i++)
            printf("%d  %dx%d at %d,%d  %s%s\n", i + 1, p->displays[i].w, p->displays[i].h, p->displays[i].x, p->displays[i].y,
                   p->displays[i].name, i == pick ? "  (the default)" : "");
        pres_free(p);
        return DF_GUI_OK;
    }
    int rc = load(p);
    if (rc) {
        pres_free(p);
        return rc;
    }
    p->fonts = df_fonts_open(o->font, err, sizeof err);
    if (!p->fonts) {
        fprintf(stderr, "defuse: %s\n", err);
        pres_free(p);
        return DF_GUI_ERROR;
    }
    p->tm = df_fonts_measure(p->fonts);
    if (p->scripted) {
        p->canvas = df_canvas_offscreen(o->width, o->height, p->fonts, err, sizeof err);
        if (!p->canvas) {
            fprintf(stderr, "defuse: %s\n", err);
            pres_free(p);
            return DF_GUI_ERROR;
        }
        entered(p);
        rc = o->keys ? run_script(p) : shoot(p, o->screenshot);
        pres_free(p);
        return rc;
    }
    char why[256];
    if (!df_display_available(why, sizeof why)) {
        fprintf(stderr, "defuse: %s: a presentation needs a screen (try --keys with --screenshot to rehearse without one)\n", why);
        pres_free(p);
        return DF_GUI_NO_DISPLAY;
    }
    p->ndisplays = df_displays(p->displays, 8, err, sizeof err);
    if (p->ndisplays < 1) p->ndisplays = 1, p->displays[0] = (df_Display){0, 0, o->width, o->height, "display"};
    if (o->display > p->ndisplays) {
        fprintf(stderr, "defuse: --display %d: there %s %d display%s (defuse present --list-displays)\n", o->display,
                p->ndisplays == 1 ? "is" : "are", p->ndisplays, p->ndisplays == 1 ? "" : "s");
        pres_free(p);
        return DF_GUI_USAGE;
    }
    p->display = o->display > 0 ? o->display - 1 : df_present_pick_display(p->displays, p->ndisplays);
    p->canvas = df_canvas_window_on(p->m->title, p->display, o->width, o->height, !o->windowed, p->fonts, err, sizeof err);
    if (!p->canvas) {
        fprintf(stderr, "defuse: %s\n", err);
        pres_free(p);
        return DF_GUI_NO_DISPLAY;
    }
    entered(p);
    unsigned long last = df_ticks_ms();
    bool dirty = true;
    while (!p->quit) {
        unsigned long now = df_ticks_ms();
        df_deck_tick(&p->deck, (double)(now - last) / 1000.0);
        last = now;
        if (p->notice[0] && now >= p->notice_until) {
            p->notice[0] = '\0';
            dirty = true;
        }
        if (dirty || p->timer || p->notes_win) render(p);
        dirty = false;
        int wait = p->timer || p->notes_win ? 1000 : -1;
        if (p->notice[0]) {
            int left = (int)(p->notice_until > now ? p->notice_until - now : 0);
            if (wait < 0 || left < wait) wait = left;
        }
        df_Event ev;
        bool got = df_wait_event(p->canvas, &ev, wait);
        while (got && !p->quit) {
            if (ev.kind == DF_EV_QUIT) {
                save(p);
                p->quit = true;
            } else if (ev.kind == DF_EV_CLOSE) {
                if (ev.window && ev.window == p->notes_win) toggle_notes(p);
                else {
                    save(p);
                    p->quit = true;
                }
            } else if (ev.kind == DF_EV_KEY) {
                handle_key(p, &ev);
            } else if (ev.kind == DF_EV_RESIZE || ev.kind == DF_EV_EXPOSE) {
                df_canvas_invalidate(ev.window ? ev.window : p->canvas);
            }
            dirty = true;
            got = df_wait_event(p->canvas, &ev, 0);
        }
    }
    record_group(p);
    pres_free(p);
    return DF_GUI_OK;
}
