/* test_present.c: render tests of the presenter's slides. Every slide type of every bundled
 * module (title, objectives, each step of each point, the exercise's line, vote, effect with
 * and without the coach note, and ending, the four debrief steps, wrap-up, thanks, and the
 * overlays) is drawn at 1920x1080 and 3840x2160 (and, to keep them clean, 1440x900 and
 * 1024x768) in both projector themes, saved to
 * build/screens/present-*.png, and checked: no text under 4% of the screen height, no text
 * outside its box or the screen, the options hidden until revealed. */
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
    mkdir("build", 0755);
    mkdir("build/screens", 0755);
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
                snprintf(path, sizeof path, "build/screens/present-FAILED-%s-%s-%dx%d.png", v->m->id, name, v->w, v->h);
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
            bool inside = c->rect.x >= 0 && c->rect.y >= 0 && c->rect.x < v->w && c->rect.y < v->h;
            if (!inside) fprintf(stderr, "%s at %dx%d: '%s' at %.0f,%.0f is off the screen\n", name, v->w, v->h, df_dl_str(&dl, c), c->rect.x, c->rect.y);
            assert_true(inside);
        }
        if (!v->blank) assert_true(ntext > 0);
        assert_true(v->min_px_drawn == 0 || v->min_px_drawn >= min);
        if (save && (k == 0 || shots < 40)) {
            char err[512], path[512];
            df_Canvas *c = df_canvas_offscreen(v->w, v->h, fonts, err, sizeof err);
            assert_non_null(c);
            df_canvas_draw(c, &dl, v->theme->bg);
            snprintf(path, sizeof path, "build/screens/present-%s-%dx%d.png", name, v->w, v->h);
            assert_int_equal(df_canvas_save_png(c, path, err, sizeof err), 0);
            df_canvas_free(c);
            shots++;
        }
    }
    df_dl_deinit(&dl);
}

static df_Run *replay(df_Script *s, const int *choices, int n) {
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_non_null(run);
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
        v->w = 1920, v->h = 1080;
        df_present_build(v, &dl, &tm);
        assert_true(has_text(&dl, "Agitation"));
        assert_false(has_text(&dl, "choice here") || has_text(&dl, "Poor choice") || has_text(&dl, "Good choice"));
        v->coach = true;
        snprintf(name, sizeof name, "%s-coach%d", tag, i + 1);
        check(v, name, save && i == 0);
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
        df_Run *calm = replay(s, w.calmest.choices, w.calmest.n), *esc = replay(s, w.escalated.choices, w.escalated.n);
        df_Tally votes[DF_PATH_MAX];
        for (int i = 0; i < DF_PATH_MAX; i++) {
            df_tally_init(&votes[i], 4);
            df_tally_set(&votes[i], i % 4, 6);
            df_tally_set(&votes[i], (i + 1) % 4, 3 + i % 2);
            if (i % 3 == 2) df_tally_override(&votes[i], (i + 2) % 4);
        }
        v.roads[DF_ROAD_ROOM] = (df_RoadView){"The room", room, votes, 0};
        v.roads[DF_ROAD_CALMEST] = (df_RoadView){"Calmest path", calm, NULL, 0};
        v.roads[DF_ROAD_ESCALATED] = (df_RoadView){"Most escalated", esc, NULL, 0};
        assert_int_equal(df_deck_goto(&deck, DF_SLIDE_DEBRIEF, 0), 0);
        for (int step = 0; step < DF_DEBRIEF_STEPS; step++) {
            deck.step = step;
            if (step == DF_DEBRIEF_ROADS) v.roads[DF_ROAD_OTHER] = (df_RoadView){"The road not taken", other, NULL, 0};
            snprintf(name, sizeof name, "%s-debrief-step%d", tag, step + 1);
            check(&v, name, sv);
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
        df_run_free(calm);
        df_run_free(esc);
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
        cmocka_unit_test(every_slide_type_fits_at_projector_sizes),
    };
    return cmocka_run_group_tests_name("present", tests, setup, teardown);
}
