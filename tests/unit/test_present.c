/* test_present.c: render tests of the presenter's slides. Every slide type of every bundled
 * module (title, objectives, each step of each point, the exercise's line, vote, effect with
 * and without the coach note, and ending, the four debrief steps, wrap-up, thanks, and the
 * overlays) is drawn at 1920x1080 and 3840x2160 (and, to keep them clean, 1440x900 and
 * 1024x768) in both projector themes, saved to
 * build/screens/present-*.png ($DF_SCREENS overrides the folder), and checked: no text under
 * 4% of the screen height, no text outside its box or the screen, the options hidden until
 * revealed. The numbers are the engine's: the effect slide carries the forecast's move as
 * df_minutes_text writes it, and the debrief's time bars are a calm visit, the room's run and
 * the escalated road. */
#include <math.h>
#include <sys/stat.h>

#include "harness.h"
#include "../../engine/analysis/analysis.h"
#include "../../engine/app/app.h"
#include "../../engine/app/gui.h"
#include "../../engine/platform/platform.h"
#include "../../engine/ui/present.h"

static df_Fonts *fonts;
static df_TextMeasure tm;
static const char *screens = "build/screens";

static const char *const modules[] = {
    "scenarios/modules/great-service-every-day.lua",
    "scenarios/modules/defusing-a-volatile-interaction.lua",
    "scenarios/modules/enforcing-rules-serving-people.lua",
};

static const struct {
    int w, h;
} sizes[] = {{1920, 1080}, {3840, 2160}, {1440, 900}, {1024, 768}}; /* 16:9 first, then 16:10 and 4:3 */

static int setup(void **state) {
    (void)state;
    char err[512];
    fonts = df_fonts_open(NULL, err, sizeof err);
    if (!fonts) {
        fprintf(stderr, "test_present: %s\n", err);
        return -1;
    }
    tm = df_fonts_measure(fonts);
    if (getenv("DF_SCREENS") && getenv("DF_SCREENS")[0]) screens = getenv("DF_SCREENS");
    else mkdir("build", 0755);
    mkdir(screens, 0755);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    df_fonts_close(fonts);
    return 0;
}

static bool has_text(const df_DrawList *dl, const char *needle) {
    for (int i = 0; i < dl->n; i++)
        if (dl->v[i].kind == DF_CMD_TEXT && strstr(df_dl_str(dl, &dl->v[i]), needle)) return true;
    return false;
}

/* A text command that is exactly s (an option's letter badge). */
static bool has_exact(const df_DrawList *dl, const char *s) {
    for (int i = 0; i < dl->n; i++)
        if (dl->v[i].kind == DF_CMD_TEXT && !strcmp(df_dl_str(dl, &dl->v[i]), s)) return true;
    return false;
}

static int shots;

/* The text command that contains needle, or NULL. */
static const df_Cmd *find_text(const df_DrawList *dl, const char *needle) {
    for (int i = 0; i < dl->n; i++)
        if (dl->v[i].kind == DF_CMD_TEXT && strstr(df_dl_str(dl, &dl->v[i]), needle)) return &dl->v[i];
    return NULL;
}

static bool same_colour(df_Color a, df_Color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

/* What the engine says the last choice did to the time to resolution, written as the effect
 * slide must show it (df_minutes_text): the projected total before and after, the change,
 * the best still reachable before and after, and the exchange's own minutes. */
typedef struct Figures {
    char before[24], after[24], change[24], best_before[24], best_after[24], exchange[24];
    int dir; /* +1 longer, -1 shorter, 0 no change */
    double delta;
    bool sampled, over, resolves_before, resolves_after;
} Figures;

static void engine_figures(const df_Run *run, Figures *f) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    assert_true(n > 0);
    const df_Forecast *was = df_run_forecast_before(run, n - 1), *now = &steps[n - 1].forecast;
    assert_true(was->valid);
    assert_true(now->valid);
    double a = df_forecast_typical_total(was), b = df_forecast_typical_total(now);
    f->delta = b - a;
    df_minutes_text(a, false, f->before, sizeof f->before);
    df_minutes_text(b, false, f->after, sizeof f->after);
    df_minutes_text(f->delta, true, f->change, sizeof f->change);
    df_minutes_text(df_forecast_best_total(was), false, f->best_before, sizeof f->best_before);
    df_minutes_text(df_forecast_best_total(now), false, f->best_after, sizeof f->best_after);
    f->resolves_before = was->resolves;
    f->resolves_after = now->resolves;
    const df_Step *s = &steps[n - 1];
    df_minutes_text(s->conversation + s->task + s->rework, true, f->exchange, sizeof f->exchange);
    f->dir = lround(fabs(f->delta) * 60) == 0 ? 0 : f->delta > 0 ? 1 : -1;
    f->over = df_run_over(run);
    f->sampled = was->sampled || (now->sampled && !f->over);
}

/* The effect slide at the three projector shapes: the forecast's move in the engine's
 * figures, up reading as up in an arrow and a word as well as colour, the best still
 * reachable, the exchange's own minutes; and no text under the minimum size. */
static void effect_carries_forecast(df_PresentView *v, const char *name) {
    static const struct { int w, h; } shapes[] = {{1920, 1080}, {1440, 900}, {1024, 768}};
    Figures f;
    engine_figures(v->run, &f);
    df_DrawList dl;
    df_dl_init(&dl);
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
        v->w = shapes[k].w;
        v->h = shapes[k].h;
        df_present_build(v, &dl, &tm);
        int min = df_present_min_px(v->h);
        assert_int_equal(dl.overflows, 0);
        for (int i = 0; i < dl.n; i++)
            if (dl.v[i].kind == DF_CMD_TEXT) assert_true(dl.v[i].px >= min);
        char move[64];
        snprintf(move, sizeof move, "%s \u2192 %s", f.before, f.after);
        if (!has_text(&dl, move)) fprintf(stderr, "%s at %dx%d: the forecast '%s' is not on the slide\n", name, v->w, v->h, move);
        assert_true(has_text(&dl, move));
        assert_true(has_text(&dl, "Time to resolution"));
        const df_Cmd *c = NULL;
        if (f.dir > 0) {
            char up[64];
            snprintf(up, sizeof up, "\u25b2 %s longer", f.change);
            c = find_text(&dl, up);
            assert_non_null(c);
            assert_true(same_colour(c->color, v->theme->bad));
        } else if (f.dir < 0) {
            char down[64];
            snprintf(down, sizeof down, "\u25bc %s shorter", f.change);
            c = find_text(&dl, down);
            assert_non_null(c);
            assert_true(same_colour(c->color, v->theme->good));
        } else {
            assert_true(has_text(&dl, "no change"));
        }
        if (c) assert_true(c->px > min); /* the move is larger than the smallest text */
        if (!f.over && !f.resolves_after) { /* no 'best' that is a failure */
            assert_true(has_text(&dl, "No road from here resolves it now"));
            assert_false(has_text(&dl, "Best still reachable"));
        } else if (!f.over) {
            char best[64];
            if (f.resolves_before) snprintf(best, sizeof best, "%s \u2192 %s", f.best_before, f.best_after);
            else snprintf(best, sizeof best, "%s", f.best_after);
            assert_true(has_text(&dl, best));
            assert_true(has_text(&dl, "Best still reachable"));
        }
        assert_true(has_text(&dl, f.exchange));
        assert_true(has_text(&dl, "This exchange"));
        assert_int_equal(has_text(&dl, "(sampled)"), f.sampled);
    }
    df_dl_deinit(&dl);
}

/* Builds the view at every size, checks every text command, and saves one PNG per slide at
 * the first size (and every 4K one for the first module, to look at). */
static void check(df_PresentView *v, const char *name, bool save) {
    df_DrawList dl;
    df_dl_init(&dl);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        v->w = sizes[k].w;
        v->h = sizes[k].h;
        df_present_build(v, &dl, &tm);
        int min = df_present_min_px(v->h);
        if (dl.overflows) { /* keep the picture of the failure to look at */
            fprintf(stderr, "%s (%s) at %dx%d: %s\n", name, v->m->id, v->w, v->h, dl.overflow_what);
            char err[512], path[512];
            df_Canvas *c = df_canvas_offscreen(v->w, v->h, fonts, err, sizeof err);
            if (c) {
                df_canvas_draw(c, &dl, v->theme->bg);
                snprintf(path, sizeof path, "%s/present-FAILED-%s-%s-%dx%d.png", screens, v->m->id, name, v->w, v->h);
                df_canvas_save_png(c, path, err, sizeof err);
                df_canvas_free(c);
            }
        }
        assert_int_equal(dl.overflows, 0);
        assert_false(dl.oom);
        int ntext = 0;
        for (int i = 0; i < dl.n; i++) {
            const df_Cmd *c = &dl.v[i];
            if (c->kind != DF_CMD_TEXT) continue;
            ntext++;
            if (c->px < min) fprintf(stderr, "%s at %dx%d: '%s' is %d px, under %d\n", name, v->w, v->h, df_dl_str(&dl, c), c->px, min);
            assert_true(c->px >= min);
            const char *str = df_dl_str(&dl, c);
            float right = c->rect.x + tm.width(tm.ud, str, strlen(str), c->px, c->bold);
            float bottom = c->rect.y + tm.line_height(tm.ud, c->px);
            bool inside = c->rect.x >= 0 && c->rect.y >= 0 && right <= v->w + 1 && bottom <= v->h + 1;
            if (!inside) fprintf(stderr, "%s at %dx%d: '%s' at %.0f,%.0f..%.0f,%.0f leaves the screen\n", name, v->w, v->h, str, c->rect.x, c->rect.y, right, bottom);
            assert_true(inside);
        }
        if (!v->blank) assert_true(ntext > 0);
        assert_true(v->min_px_drawn == 0 || v->min_px_drawn >= min);
        if (save && (k == 0 || shots < 40)) {
            char err[512], path[512];
            df_Canvas *c = df_canvas_offscreen(v->w, v->h, fonts, err, sizeof err);
            assert_non_null(c);
            df_canvas_draw(c, &dl, v->theme->bg);
            snprintf(path, sizeof path, "%s/present-%s-%dx%d.png", screens, name, v->w, v->h);
            assert_int_equal(df_canvas_save_png(c, path, err, sizeof err), 0);
            df_canvas_free(c);
            shots++;
        }
    }
    df_dl_deinit(&dl);
}

/* A run as the presenter plays it: keeping the forecast after every choice. */
static df_Run *replay(df_Script *s, const int *choices, int n) {
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_non_null(run);
    df_run_keep_forecasts(run, true);
    for (int i = 0; i < n && !df_run_over(run); i++) assert_int_equal(df_run_choose(run, choices[i], &err), 0);
    return run;
}

/* Plays the exercise along a path, checking each phase of each decision. */
static void exercise(df_PresentView *v, df_Script *s, const df_Path *path, const char *tag, bool save) {
    df_Run *run = replay(s, NULL, 0);
    df_Tally t;
    v->run = run;
    v->tally = &t;
    char name[128];
    for (int i = 0; i < path->n && !df_run_over(run); i++) {
        const int *vis;
        int n = df_run_visible(run, &vis);
        const df_State *st = df_run_state(run);
        const char *first = v->sc->beats[st->beat].choices[vis[0]].text;
        df_DrawList dl;
        df_dl_init(&dl);
        /* the line: the options stay hidden */
        v->phase = DF_PX_LINE;
        snprintf(name, sizeof name, "%s-line%d", tag, i + 1);
        check(v, name, save && i == 0);
        v->w = 1920, v->h = 1080;
        df_present_build(v, &dl, &tm);
        assert_false(has_exact(&dl, "A"));
        assert_false(has_exact(&dl, "B"));
        assert_int_equal(v->noption_rects, 0);
        /* the trainer's notes name the engine's best option, as the debriefs grade it */
        {
            char nb[2048], want[64];
            const char *notes = df_present_notes(v, nb, sizeof nb);
            int best = df_run_best_choice(run);
            assert_true(best >= 1 && best <= n);
            snprintf(want, sizeof want, "The best option here: %c.", 'A' + best - 1);
            assert_non_null(notes);
            assert_non_null(strstr(notes, want));
        }
        /* the vote: letters, options and bars, with a typed count in progress */
        df_tally_init(&t, n);
        for (int k = 0; k < n; k++) df_tally_set(&t, k, k == path->choices[i] - 1 ? 7 : k);
        v->phase = DF_PX_VOTE;
        v->typed = i == 1 ? "12" : "";
        snprintf(name, sizeof name, "%s-vote%d", tag, i + 1);
        check(v, name, save && i < 2);
        df_present_build(v, &dl, &tm);
        assert_int_equal(v->noption_rects, n);
        for (int k = 0; k < n; k++) {
            char letter[2] = {(char)('A' + k), 0};
            assert_true(has_exact(&dl, letter));
        }
        char word[24];
        snprintf(word, sizeof word, "%.20s", first);
        assert_true(has_text(&dl, strtok(word, " ")));
        char votes[32];
        snprintf(votes, sizeof votes, "%d votes", df_tally_total(&t));
        assert_true(i == 1 || has_text(&dl, votes)); /* decision 2 shows the count being typed */
        /* the effect, then with the coach note */
        df_Error err;
        assert_int_equal(df_run_choose(run, path->choices[i], &err), 0);
        v->phase = DF_PX_EFFECT;
        v->coach = false;
        snprintf(name, sizeof name, "%s-effect%d", tag, i + 1);
        check(v, name, save && i == 0);
        effect_carries_forecast(v, name);
        v->w = 1920, v->h = 1080;
        df_present_build(v, &dl, &tm);
        assert_true(has_text(&dl, "Agitation"));
        assert_false(has_text(&dl, "choice here") || has_text(&dl, "Poor choice") || has_text(&dl, "Good choice"));
        v->coach = true;
        snprintf(name, sizeof name, "%s-coach%d", tag, i + 1);
        check(v, name, save && i == 0);
        effect_carries_forecast(v, name);
        df_dl_deinit(&dl);
        v->coach = false;
    }
    assert_true(df_run_over(run));
    v->phase = DF_PX_END;
    snprintf(name, sizeof name, "%s-end", tag);
    check(v, name, save);
    df_run_free(run);
    v->run = NULL;
}

/* The debrief's time step: three bars, all the engine's figures: a calm visit, the room's
 * run and the escalated road; no "calmest path", which need not resolve. */
static void time_step_is_honest(df_PresentView *v, const df_Run *room) {
    df_DrawList dl;
    df_dl_init(&dl);
    const df_Result *r = df_run_result(room);
    assert_non_null(r);
    char calm[24], mine[24], worst[24];
    df_minutes_text(df_calm_baseline(&v->sc->params), false, calm, sizeof calm);
    df_minutes_text(r->total, false, mine, sizeof mine);
    df_minutes_text(v->escalated.worst, false, worst, sizeof worst);
    static const struct { int w, h; } shapes[] = {{1920, 1080}, {1440, 900}, {1024, 768}};
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
        v->w = shapes[k].w;
        v->h = shapes[k].h;
        df_present_build(v, &dl, &tm);
        char calm_label[40]; /* "A calm visit", "A calm call", "A calm email exchange" */
        snprintf(calm_label, sizeof calm_label, "A calm %s", df_contact_noun(df_channel_of(v->sc->setting)));
        assert_true(has_exact(&dl, calm_label));
        assert_true(has_exact(&dl, "The room"));
        assert_true(has_exact(&dl, "The escalated road"));
        assert_true(has_text(&dl, calm));
        assert_true(has_text(&dl, mine));
        assert_true(has_text(&dl, worst));
        assert_false(has_text(&dl, "almest"));
        assert_false(has_text(&dl, "Most escalated"));
        assert_int_equal(has_text(&dl, "from a sample of paths"), v->escalated.sampled);
    }
    df_dl_deinit(&dl);
}

static void every_slide_of(const char *module_path, bool save) {
    df_Diags d = {0};
    df_Script *ms = df_script_load_module(module_path, NULL, &d);
    diags_dump(&d);
    df_diags_free(&d);
    assert_non_null(ms);
    const df_Module *m = df_script_module(ms);
    char *sp = df_module_scenario(module_path, m->exercise[0], NULL, 0);
    assert_non_null(sp);
    df_Script *s = df_script_load(sp, NULL, &d);
    df_diags_free(&d);
    assert_non_null(s);
    df_WalkLimits lim;
    df_walk_limits_default(&lim);
    df_Walk w;
    df_Error err;
    assert_int_equal(df_walk(df_script_scenario(s), df_script_host(s), 1, &lim, &w, &err), 0);
    df_Forecast road; /* the escalated road: once per exercise, as the presenter does */
    assert_int_equal(df_escalated_road(df_script_scenario(s), df_script_host(s), 1, &road, &err), 0);
    assert_true(road.valid);

    static const char *const themes[] = {"projector-dark", "projector-light"};
    for (int th = 0; th < 2; th++) {
        df_Deck deck;
        df_deck_init(&deck, m);
        df_PresentView v;
        memset(&v, 0, sizeof v);
        v.theme = df_theme_get(themes[th]);
        v.m = m;
        v.deck = &deck;
        v.sc = df_script_scenario(s);
        v.nexercise = m->nexercise;
        bool sv = save && th == 0;
        char name[160];
        const char *tag = th ? "light" : "dark";
        /* the slides before the exercise, step by step */
        do {
            const df_Slide *sl = df_deck_slide(&deck);
            if (sl->kind == DF_SLIDE_EXERCISE) break;
            snprintf(name, sizeof name, "%s-%s%d-step%d", tag, df_slide_key(sl->kind), sl->index + 1, deck.step + 1);
            check(&v, name, sv);
        } while (df_deck_next(&deck) == 0);
        assert_int_equal(df_deck_slide(&deck)->kind, DF_SLIDE_EXERCISE);
        /* the room plays the best path; the road not taken is the worst */
        snprintf(name, sizeof name, "%s-exercise", tag);
        exercise(&v, s, &w.best, name, sv);
        df_Run *room = replay(s, w.best.choices, w.best.n), *other = replay(s, w.worst.choices, w.worst.n);
        df_Tally votes[DF_PATH_MAX];
        for (int i = 0; i < DF_PATH_MAX; i++) {
            df_tally_init(&votes[i], 4);
            df_tally_set(&votes[i], i % 4, 6);
            df_tally_set(&votes[i], (i + 1) % 4, 3 + i % 2);
            if (i % 3 == 2) df_tally_override(&votes[i], (i + 2) % 4);
        }
        v.roads[DF_ROAD_ROOM] = (df_RoadView){"The room", room, votes, 0};
        v.escalated = road;
        assert_int_equal(df_deck_goto(&deck, DF_SLIDE_DEBRIEF, 0), 0);
        for (int step = 0; step < DF_DEBRIEF_STEPS; step++) {
            deck.step = step;
            if (step == DF_DEBRIEF_ROADS) v.roads[DF_ROAD_OTHER] = (df_RoadView){"The road not taken", other, NULL, 0};
            snprintf(name, sizeof name, "%s-debrief-step%d", tag, step + 1);
            check(&v, name, sv);
            if (step == DF_DEBRIEF_TIME) time_step_is_honest(&v, room);
        }
        /* the rest */
        while (df_deck_next(&deck) == 0) {
            const df_Slide *sl = df_deck_slide(&deck);
            snprintf(name, sizeof name, "%s-%s", tag, df_slide_key(sl->kind));
            check(&v, name, sv);
        }
        /* overlays on a talking point: timer, notes strip, notice; then help; leave?; blank */
        df_deck_goto(&deck, DF_SLIDE_POINT, 0);
        deck.step = 1;
        df_deck_tick(&deck, 1500); /* over the target, so the timer shows it in the warning colour */
        v.elapsed = 1500;
        v.timer = v.notes = true;
        v.notice = "One display: the notes strip is visible to the room. N hides it.";
        snprintf(name, sizeof name, "%s-overlay-timer-notes", tag);
        check(&v, name, sv);
        v.timer = v.notes = false;
        v.notice = NULL;
        v.help = true;
        snprintf(name, sizeof name, "%s-overlay-help", tag);
        check(&v, name, sv);
        v.help = false;
        v.confirm_quit = true;
        snprintf(name, sizeof name, "%s-overlay-leave", tag);
        check(&v, name, sv);
        v.confirm_quit = false;
        /* the trainer's window */
        df_DrawList dl;
        df_dl_init(&dl);
        v.w = 1280, v.h = 800;
        df_present_build_notes(&v, &dl, &tm);
        assert_int_equal(dl.overflows, 0);
        assert_true(has_text(&dl, "Now: Talking point 1"));
        assert_true(has_text(&dl, "Next:"));
        /* blanked: one black rectangle and nothing else */
        v.blank = true;
        v.w = 1920, v.h = 1080;
        df_present_build(&v, &dl, &tm);
        assert_int_equal(dl.n, 1);
        assert_int_equal(dl.v[0].color.r + dl.v[0].color.g + dl.v[0].color.b, 0);
        v.blank = false;
        df_dl_deinit(&dl);
        df_run_free(room);
        df_run_free(other);
    }
    df_walk_free(&w);
    df_script_free(s);
    free(sp);
    df_script_free(ms);
}

static void every_slide_type_fits_at_projector_sizes(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof modules / sizeof *modules; i++) every_slide_of(modules[i], i == 0);
}

/* Saves the view at w x h to the screens folder as present-NAME-WxH.png, to look at. */
static void shoot(df_PresentView *v, int w, int h, const char *name) {
    df_DrawList dl;
    df_dl_init(&dl);
    v->w = w;
    v->h = h;
    df_present_build(v, &dl, &tm);
    assert_int_equal(dl.overflows, 0);
    char err[512], path[512];
    df_Canvas *c = df_canvas_offscreen(w, h, fonts, err, sizeof err);
    assert_non_null(c);
    df_canvas_draw(c, &dl, v->theme->bg);
    snprintf(path, sizeof path, "%s/present-%s-%dx%d.png", screens, name, w, h);
    assert_int_equal(df_canvas_save_png(c, path, err, sizeof err), 0);
    df_canvas_free(c);
    df_dl_deinit(&dl);
}

/* The visible option (1-based) at the current decision that carries the tag; 0 if none. */
static int option_with_tag(const df_Run *run, const df_Scenario *sc, const char *key) {
    const int *vis;
    int n = df_run_visible(run, &vis), tag = df_tag_from_key(key);
    const df_Beat *b = &sc->beats[df_run_state(run)->beat];
    for (int i = 0; i < n; i++)
        for (int t = 0; t < b->choices[vis[i]].ntags; t++)
            if (b->choices[vis[i]].tags[t] == tag) return i + 1;
    return 0;
}

/* The quick "no" and the listening road (harness.h; test_honest.c checks the engine's
 * forecast on it). */
static const char *const ROADS = ROADS_SCENARIO;

/* A view of the exercise slide of great-service-every-day, showing sc. */
static void exercise_view(df_PresentView *v, df_Deck *deck, const df_Module *m, const df_Scenario *sc, const char *theme) {
    df_deck_init(deck, m);
    assert_int_equal(df_deck_goto(deck, DF_SLIDE_EXERCISE, 0), 0);
    memset(v, 0, sizeof *v);
    v->theme = df_theme_get(theme);
    v->m = m;
    v->deck = deck;
    v->sc = sc;
    v->nexercise = m->nexercise;
    v->phase = DF_PX_EFFECT;
}

static df_Script *module_script(const char *mp) {
    df_Diags d = {0};
    df_Script *ms = df_script_load_module(mp, NULL, &d);
    diags_dump(&d);
    df_diags_free(&d);
    assert_non_null(ms);
    return ms;
}

/* The lesson the room should see: the quick "no" is quick now and pushes the projected time
 * to resolution up (an arrow, a sign, "longer", in the warning colour); listening costs
 * minutes now and brings it down ("shorter", in the good colour). On a scenario built for it,
 * so the test holds whatever the bundled scenarios' calibration does. */
static void the_quick_no_reads_longer_and_listening_shorter(void **state) {
    (void)state;
    df_Script *ms = module_script("scenarios/modules/great-service-every-day.lua");
    df_Diags d = {0};
    df_Script *s = load_text("roads.lua", ROADS, &d);
    diags_dump(&d);
    df_diags_free(&d);
    assert_non_null(s);
    int listen = 1, no = 2;
    df_Run *quick = replay(s, &no, 1), *heard = replay(s, &listen, 1);
    Figures fq, fh;
    engine_figures(quick, &fq);
    engine_figures(heard, &fh);
    assert_true(fq.dir > 0);
    assert_true(fh.dir < 0);
    const df_Step *qs, *hs;
    df_run_steps(quick, &qs);
    df_run_steps(heard, &hs);
    assert_true(qs[0].conversation + qs[0].task + qs[0].rework < hs[0].conversation + hs[0].task + hs[0].rework);
    static const char *const themes[] = {"projector-dark", "projector-light"};
    for (int th = 0; th < 2; th++) {
        df_Deck deck;
        df_PresentView v;
        exercise_view(&v, &deck, df_script_module(ms), df_script_scenario(s), themes[th]);
        for (int coach = 0; coach < 2; coach++) {
            v.coach = coach;
            v.run = quick;
            effect_carries_forecast(&v, "roads-quick-no"); /* asserts the arrow, the word and the colour */
            check(&v, "roads-quick-no", false);
            v.run = heard;
            effect_carries_forecast(&v, "roads-listening");
            check(&v, "roads-listening", false);
        }
    }
    df_run_free(quick);
    df_run_free(heard);
    df_script_free(s);
    df_script_free(ms);
}

/* Every decision of every bundled scenario on the vote slide, as a room sees it: at 1920x1080
 * and 1024x768 every option must fit with its text at 4% of the screen height (the options are
 * read aloud, so they must also be short enough to read). The decision with the most words of
 * each scenario is saved to look at (present-vote-SCENARIO-*.png). */
static void every_bundled_decision_fits_the_vote_slide(void **state) {
    (void)state;
    static const struct { int w, h; } shapes[] = {{1920, 1080}, {1024, 768}};
    df_Script *ms = module_script("scenarios/modules/great-service-every-day.lua");
    char **paths;
    int np = df_list_lua("scenarios", &paths);
    assert_true(np >= 10);
    int decisions = 0, misfits = 0;
    for (int f = 0; f < np; f++) {
        df_Diags d = {0};
        df_Script *s = df_script_load(paths[f], NULL, &d);
        df_diags_free(&d);
        if (!s || df_script_module(s)) {
            df_script_free(s);
            continue;
        }
        const df_Scenario *sc = df_script_scenario(s);
        df_Deck deck;
        df_PresentView v;
        exercise_view(&v, &deck, df_script_module(ms), sc, "projector-dark");
        int longest_beat = -1;
        size_t longest = 0;
        for (int b = 0; b < sc->nbeats; b++) {
            if (sc->beats[b].nchoices < 2) continue;
            df_Error err;
            df_Run *run = df_run_new(sc, df_script_host(s), 1, &err);
            assert_non_null(run);
            assert_int_equal(df_run_jump(run, b, &err), 0);
            const int *vis;
            int n = df_run_visible(run, &vis);
            if (n < 2) {
                df_run_free(run);
                continue;
            }
            size_t chars = 0;
            for (int k = 0; k < n; k++) chars += strlen(sc->beats[b].choices[vis[k]].text);
            if (chars > longest) longest = chars, longest_beat = b;
            df_Tally t;
            df_tally_init(&t, n);
            for (int k = 0; k < n; k++) df_tally_set(&t, k, 3 + k);
            v.run = run;
            v.tally = &t;
            v.phase = DF_PX_VOTE;
            v.typed = "";
            df_DrawList dl;
            df_dl_init(&dl);
            for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
                v.w = shapes[k].w;
                v.h = shapes[k].h;
                df_present_build(&v, &dl, &tm);
                int min = df_present_min_px(v.h), small = 0;
                for (int i = 0; i < dl.n; i++) small += dl.v[i].kind == DF_CMD_TEXT && dl.v[i].px < min;
                if (dl.overflows || v.noption_rects != n || small) { /* every one that fails, then fail */
                    fprintf(stderr, "%s, beat '%s' at %dx%d: %s\n", paths[f], sc->beats[b].id, v.w, v.h,
                            dl.overflows ? dl.overflow_what : small ? "text under 4%" : "not every option is shown");
                    misfits++;
                }
            }
            df_dl_deinit(&dl);
            decisions++;
            v.run = NULL;
            df_run_free(run);
        }
        if (longest_beat >= 0) { /* the wordiest decision, to look at */
            df_Error err;
            df_Run *run = df_run_new(sc, df_script_host(s), 1, &err);
            assert_int_equal(df_run_jump(run, longest_beat, &err), 0);
            const int *vis;
            df_Tally t;
            df_tally_init(&t, df_run_visible(run, &vis));
            v.run = run;
            v.tally = &t;
            v.phase = DF_PX_VOTE;
            for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
                char e[512], path[512];
                df_DrawList dl;
                df_dl_init(&dl);
                v.w = shapes[k].w;
                v.h = shapes[k].h;
                df_present_build(&v, &dl, &tm);
                df_Canvas *c = df_canvas_offscreen(v.w, v.h, fonts, e, sizeof e);
                assert_non_null(c);
                df_canvas_draw(c, &dl, v.theme->bg);
                snprintf(path, sizeof path, "%s/present-vote-%s-%dx%d.png", screens, sc->id, v.w, v.h);
                assert_int_equal(df_canvas_save_png(c, path, e, sizeof e), 0);
                df_canvas_free(c);
                df_dl_deinit(&dl);
            }
            v.run = NULL;
            df_run_free(run);
        }
        df_script_free(s);
    }
    df_free_list(paths, np);
    df_script_free(ms);
    assert_int_equal(misfits, 0);
    assert_true(decisions >= 100);
}

/* The parking ticket's first decision played two ways, the quick no and listening, and the
 * debrief's time step: the engine's figures on the slides, saved at 1920x1080 and 1024x768 in
 * both themes to look at (present-lesson-*.png). */
static void the_parking_ticket_effect_slides_and_time_step(void **state) {
    (void)state;
    const char *mp = "scenarios/modules/great-service-every-day.lua";
    df_Script *ms = module_script(mp);
    const df_Module *m = df_script_module(ms);
    df_Diags d = {0};
    char *sp = df_module_scenario(mp, "parking-ticket-counter", NULL, 0);
    assert_non_null(sp);
    df_Script *s = df_script_load(sp, NULL, &d);
    df_diags_free(&d);
    assert_non_null(s);
    const df_Scenario *sc = df_script_scenario(s);
    df_Run *start = replay(s, NULL, 0);
    int no = option_with_tag(start, sc, "policy_wall"), listen = option_with_tag(start, sc, "listen");
    assert_true(no > 0 && listen > 0);
    df_run_free(start);
    df_Run *quick = replay(s, &no, 1), *heard = replay(s, &listen, 1);
    /* the room listened, then followed the engine's best option to the end */
    df_Run *room = replay(s, &listen, 1);
    df_Error err;
    while (!df_run_over(room)) assert_int_equal(df_run_choose(room, df_run_best_choice(room), &err), 0);
    df_Forecast road;
    assert_int_equal(df_escalated_road(sc, df_script_host(s), 1, &road, &err), 0);
    df_Tally votes[DF_PATH_MAX];
    for (int i = 0; i < DF_PATH_MAX; i++) df_tally_init(&votes[i], 4);
    static const char *const themes[] = {"projector-dark", "projector-light"};
    for (int th = 0; th < 2; th++) {
        const char *tag = th ? "light" : "dark";
        char name[96];
        df_Deck deck;
        df_PresentView v;
        exercise_view(&v, &deck, m, sc, themes[th]);
        for (int coach = 0; coach < 2; coach++) {
            v.coach = coach;
            v.run = quick;
            snprintf(name, sizeof name, "lesson-%s-effect-quick-no%s", tag, coach ? "-coach" : "");
            effect_carries_forecast(&v, name);
            check(&v, name, false);
            shoot(&v, 1920, 1080, name);
            shoot(&v, 1024, 768, name);
            v.run = heard;
            snprintf(name, sizeof name, "lesson-%s-effect-listening%s", tag, coach ? "-coach" : "");
            effect_carries_forecast(&v, name);
            check(&v, name, false);
            shoot(&v, 1920, 1080, name);
            shoot(&v, 1024, 768, name);
        }
        v.run = room;
        v.roads[DF_ROAD_ROOM] = (df_RoadView){"The room", room, votes, 0};
        v.escalated = road;
        assert_int_equal(df_deck_goto(&deck, DF_SLIDE_DEBRIEF, 0), 0);
        deck.step = DF_DEBRIEF_TIME;
        time_step_is_honest(&v, room);
        snprintf(name, sizeof name, "lesson-%s-debrief-time", tag);
        check(&v, name, false);
        shoot(&v, 1920, 1080, name);
        shoot(&v, 1024, 768, name);
    }
    df_run_free(room);
    df_run_free(quick);
    df_run_free(heard);
    df_script_free(s);
    free(sp);
    df_script_free(ms);
}

static void the_smallest_text_is_four_percent_of_the_height(void **state) {
    (void)state;
    assert_int_equal(df_present_min_px(1080), 44); /* 43.2 rounds up */
    assert_int_equal(df_present_min_px(2160), 87); /* 86.4 */
    assert_int_equal(df_present_min_px(768), 31);
    assert_int_equal(df_present_min_px(1000), 40);
}

static void projector_themes_have_strong_contrast(void **state) {
    (void)state;
    static const char *const names[] = {"projector-dark", "projector-light"};
    for (int i = 0; i < 2; i++) {
        const df_Theme *t = df_theme_get(names[i]);
        assert_non_null(t);
        /* projectors lose contrast: ask for more than WCAG AAA's 7:1 on the main text */
        assert_true(df_contrast_ratio(t->ink, t->bg) >= 12);
        assert_true(df_contrast_ratio(t->ink, t->surface) >= 9);
        assert_true(df_contrast_ratio(t->ink_soft, t->bg) >= 7);
        assert_true(df_contrast_ratio(t->accent, t->bg) >= 4.5);
        assert_true(df_contrast_ratio(t->on_accent, t->accent) >= 4.5);
        assert_true(df_contrast_ratio(t->bad, t->bg) >= 4.5);
        assert_true(df_contrast_ratio(t->good, t->bg) >= 4.5);
    }
    /* one is light text on dark, the other dark on light */
    assert_true(df_luminance(df_theme_get("projector-dark")->bg) < 0.05);
    assert_true(df_luminance(df_theme_get("projector-light")->bg) > 0.9);
}

static void the_default_display_is_the_largest_or_the_external(void **state) {
    (void)state;
    df_Display one[] = {{0, 0, 1920, 1080, "laptop"}};
    assert_int_equal(df_present_pick_display(one, 1), 0);
    df_Display two[] = {{0, 0, 1366, 768, "laptop"}, {1366, 0, 1920, 1080, "projector"}};
    assert_int_equal(df_present_pick_display(two, 2), 1);
    df_Display big_laptop[] = {{0, 0, 2560, 1600, "laptop"}, {2560, 0, 1920, 1080, "projector"}};
    assert_int_equal(df_present_pick_display(big_laptop, 2), 0);
    df_Display same[] = {{0, 0, 1920, 1080, "laptop"}, {1920, 0, 1920, 1080, "projector"}};
    assert_int_equal(df_present_pick_display(same, 2), 1); /* a tie: not the first */
    df_Display three[] = {{0, 0, 1920, 1080, "a"}, {0, 0, 1280, 720, "b"}, {0, 0, 1920, 1080, "c"}};
    assert_int_equal(df_present_pick_display(three, 3), 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_smallest_text_is_four_percent_of_the_height),
        cmocka_unit_test(projector_themes_have_strong_contrast),
        cmocka_unit_test(the_default_display_is_the_largest_or_the_external),
        cmocka_unit_test(the_quick_no_reads_longer_and_listening_shorter),
        cmocka_unit_test(the_parking_ticket_effect_slides_and_time_step),
        cmocka_unit_test(every_slide_type_fits_at_projector_sizes),
        cmocka_unit_test(every_bundled_decision_fits_the_vote_slide),
    };
    return cmocka_run_group_tests_name("present", tests, setup, teardown);
}
