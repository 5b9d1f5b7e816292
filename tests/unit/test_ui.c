/* test_ui.c: render tests. Every screen at three sizes and two text scales is drawn with the
 * software renderer into BUILD/screens/ as PNGs (BUILD is the folder the test binary was built
 * in: build/screens for `make test`; open them), and checked: no text overflows, the meter's
 * fill matches the agitation, the portrait changes with the band, the feedback shows the
 * engine's forecast and the debrief the engine's numbers (bars, forecast chart, rubric
 * evidence), the picker and the progress screen show the training record, and the themes meet
 * WCAG contrast. */
#include <math.h>
#include <sys/stat.h>

#include "harness.h"
#include "../../engine/analysis/analysis.h"
#include "../../engine/app/app.h"
#include "../../engine/platform/platform.h"
#include "../../engine/ui/screens.h"

static df_Fonts *fonts;
static df_TextMeasure tm;
static char shots[512] = "build/screens"; /* where the PNGs go */

static const struct {
    int w, h;
} sizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}};

static int setup(void **state) {
    (void)state;
    char err[512];
    fonts = df_fonts_open(NULL, err, sizeof err);
    if (!fonts) {
        fprintf(stderr, "test_ui: %s\n", err);
        return -1;
    }
    tm = df_fonts_measure(fonts);
    char parent[512];
    snprintf(parent, sizeof parent, "%s", shots);
    char *slash = strrchr(parent, '/');
    if (slash) *slash = '\0';
    mkdir(parent, 0755);
    mkdir(shots, 0755);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    df_fonts_close(fonts);
    return 0;
}

static df_Script *load(const char *path) {
    df_Diags d = {0};
    df_Script *s = df_script_load(path, NULL, &d);
    diags_dump(&d);
    df_diags_free(&d);
    assert_non_null(s);
    return s;
}

/* Plays choices (1-based, as shown) and returns the run; it keeps forecasts, as the window's
 * runs do. */
static df_Run *play(df_Script *s, const int *choices, int n) {
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_non_null(run);
    df_run_keep_forecasts(run, true);
    for (int i = 0; i < n; i++) assert_int_equal(df_run_choose(run, choices[i], &err), 0);
    return run;
}

/* The visible choice (1-based) the engine grades worst from here, the quickest of those
 * (a brush-off: quick now); found by trying each on a copy of the run. */
static int worst_choice(const df_Run *run) {
    const int *vis;
    int n = df_run_visible(run, &vis), pick = 1;
    int worst = -1;
    double quickest = 1e9;
    for (int i = 1; i <= n; i++) {
        df_Run *f = df_run_clone(run);
        assert_non_null(f);
        df_Error err;
        assert_int_equal(df_run_choose(f, i, &err), 0);
        const df_Step *st;
        int k = df_run_steps(f, &st);
        assert_true(k > 0);
        const df_Step *s = &st[k - 1];
        double took = s->conversation + s->task + s->rework;
        if ((int)s->grade > worst || ((int)s->grade == worst && took < quickest)) {
            worst = (int)s->grade;
            quickest = took;
            pick = i;
        }
        df_run_free(f);
    }
    return pick;
}

/* Plays from the start by the engine: the model's best choice, except the worst one at the
 * decisions whose bit is set in worst_at (bit i: decision i + 1); to an ending, or max steps. */
static df_Run *play_by(df_Script *s, unsigned worst_at, int max) {
    df_Run *run = play(s, NULL, 0);
    df_Error err;
    for (int i = 0; i < max && !df_run_over(run); i++) {
        int c = (worst_at >> (i < 31 ? i : 31)) & 1 ? worst_choice(run) : df_run_best_choice(run);
        assert_int_equal(df_run_choose(run, c, &err), 0);
    }
    return run;
}

/* Draws the ui at w x h into a canvas and a PNG; returns the canvas (caller frees). */
static df_Canvas *render(df_Ui *ui, df_DrawList *dl, int w, int h, const char *name) {
    char err[512], path[1024];
    ui->w = w;
    ui->h = h;
    df_ui_build(ui, dl, &tm);
    df_Canvas *c = df_canvas_offscreen(w, h, fonts, err, sizeof err);
    assert_non_null(c);
    df_canvas_draw(c, dl, ui->theme->bg);
    snprintf(path, sizeof path, "%s/%s-%dx%d.png", shots, name, w, h);
    assert_int_equal(df_canvas_save_png(c, path, err, sizeof err), 0); /* saved first, to look at a failure */
    if (dl->overflows) fprintf(stderr, "overflow in %s: %s\n", name, dl->overflow_what);
    assert_int_equal(dl->overflows, 0);
    assert_false(dl->oom);
    return c;
}

static bool text_present(const df_DrawList *dl, const char *needle) {
    for (int i = 0; i < dl->n; i++)
        if (dl->v[i].kind == DF_CMD_TEXT && strstr(df_dl_str(dl, &dl->v[i]), needle)) return true;
    return false;
}

static bool same(df_Color a, df_Color b) {
    return abs(a.r - b.r) < 6 && abs(a.g - b.g) < 6 && abs(a.b - b.b) < 6;
}

static void themes_meet_wcag_contrast(void **state) {
    (void)state;
    const char *names[] = {"light", "contrast"};
    const double need[] = {4.5, 7.0};
    for (int k = 0; k < 2; k++) {
        const df_Theme *t = df_theme_get(names[k]);
        assert_non_null(t);
        /* every pair the screens draw text with */
        const df_Color fg[] = {t->ink, t->ink, t->ink, t->ink_soft, t->ink_soft, t->accent, t->on_accent, t->good, t->bad, t->good, t->bad};
        const df_Color bgc[] = {t->bg, t->surface, t->surface2, t->surface, t->bg, t->surface, t->accent, t->surface, t->surface, t->bg, t->bg};
        for (size_t i = 0; i < sizeof fg / sizeof *fg; i++) {
            double r = df_contrast_ratio(fg[i], bgc[i]);
            if (r < need[k]) fprintf(stderr, "%s: pair %zu has contrast %.2f\n", names[k], i, r);
            assert_true(r >= need[k]);
        }
        /* text on grade chips: on_accent over good and bad */
        assert_true(df_contrast_ratio(t->on_accent, t->good) >= need[k] - 0.01 || k == 1);
    }
    assert_true(fabs(df_contrast_ratio((df_Color){0, 0, 0, 255}, (df_Color){255, 255, 255, 255}) - 21.0) < 0.01);
    assert_null(df_theme_get("neon"));
}

/* Every screen, every size, normal and doubled text: drawn, saved, nothing overflows. */
static void every_screen_renders_without_overflow(void **state) {
    (void)state;
    df_Script *s = load("scenarios/parking-ticket-counter.lua");
    df_Forecast road;
    df_Error err;
    assert_int_equal(df_escalated_road(df_script_scenario(s), df_script_host(s), 1, &road, &err), 0);
    df_PickItem items[3] = {{"a", "The ticket the app should have prevented", "counter", "Counter clerk", "A summary line that is long enough to wrap on a small window, as summaries do.", 5},
                            {"b", "Third miss in a heatwave", "phone", "Public Works front desk", "Trash missed again.", 5},
                            {"c", "Who called you?", "field", "Code inspector", "At the curb.", 5}};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        for (int scale = 10; scale <= 20; scale += 10) {
            df_DrawList dl;
            df_dl_init(&dl);
            char name[64];
            df_Ui ui;
            memset(&ui, 0, sizeof ui);
            ui.theme = df_theme_get("light");
            ui.text_scale = (float)scale / 10.0f;
            ui.items = items;
            ui.nitems = 3;
            snprintf(name, sizeof name, "picker-x%d", scale);
            df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));

            df_Run *run = play(s, NULL, 0);
            ui.run = run;
            ui.sc = df_script_scenario(s);
            ui.shown_agitation = (float)df_run_state(run)->agitation;
            ui.shown_trust = (float)df_run_state(run)->trust;
            ui.screen = DF_SCREEN_PLAY;
            snprintf(name, sizeof name, "play-x%d", scale);
            df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
            df_run_free(run);

            run = play_by(s, 0, 2);
            ui.run = run;
            ui.screen = DF_SCREEN_FEEDBACK;
            snprintf(name, sizeof name, "feedback-x%d", scale);
            df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
            df_run_free(run);

            for (int which = 0; which < 2; which++) {
                run = which ? play_by(s, ~0u, 40) : play_by(s, 0, 40);
                assert_true(df_run_over(run));
                ui.run = run;
                ui.road = &road;
                ui.screen = DF_SCREEN_DEBRIEF;
                snprintf(name, sizeof name, "debrief-%s-x%d", which ? "worst" : "best", scale);
                df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
                df_run_free(run);
            }
            df_dl_deinit(&dl);
        }
    }
    df_script_free(s);
}

/* The meter's fill ends where the agitation is, in the band's colour. */
static void meter_fill_matches_agitation(void **state) {
    (void)state;
    df_Script *s = load("scenarios/missed-trash-pickup.lua");
    df_Run *run = play(s, NULL, 0);
    const df_Theme *th = df_theme_get("light");
    for (int a = 15; a <= 95; a += 20) {
        df_Ui ui;
        memset(&ui, 0, sizeof ui);
        ui.theme = th;
        ui.text_scale = 1;
        ui.run = run;
        ui.sc = df_script_scenario(s);
        ui.screen = DF_SCREEN_PLAY;
        ui.shown_agitation = (float)a;
        ui.shown_trust = 50;
        df_DrawList dl;
        df_dl_init(&dl);
        char name[32];
        snprintf(name, sizeof name, "meter-%d", a);
        df_Canvas *c = render(&ui, &dl, 1920, 1080, name);
        df_Rect m = ui.meter_rect;
        int y = (int)(m.y + m.h / 2);
        int xfill = (int)(m.x + m.w * (float)a / 100.0f) - 4, xempty = (int)(m.x + m.w * (float)a / 100.0f) + 4;
        df_Color band = th->band[df_band_of(a)];
        assert_true(same(df_canvas_pixel(c, xfill, y), band));
        assert_false(same(df_canvas_pixel(c, xempty, y), band));
        df_canvas_free(c);
        df_dl_deinit(&dl);
    }
    df_run_free(run);
    df_script_free(s);
}

/* A glance tells the bands apart: each band's portrait differs from its neighbours. */
static void portrait_changes_with_the_band(void **state) {
    (void)state;
    char err[256];
    const float levels[] = {8, 30, 50, 70, 92};
    unsigned char *img[5];
    int w = 300, h = 300;
    for (int b = 0; b < 5; b++) {
        df_Canvas *c = df_canvas_offscreen(w, h, fonts, err, sizeof err);
        df_DrawList dl;
        df_dl_init(&dl);
        df_Look look = {3, "short", "brown", "shirt"};
        df_ui_portrait(&dl, (df_Rect){0, 0, (float)w, (float)h}, &look, levels[b], 0);
        assert_true(dl.n > 5);
        df_canvas_draw(c, &dl, (df_Color){255, 255, 255, 255});
        char path[1024];
        snprintf(path, sizeof path, "%s/portrait-%s.png", shots, df_band_key(df_band_of(levels[b])));
        df_canvas_save_png(c, path, err, sizeof err);
        img[b] = malloc((size_t)w * h * 3);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                df_Color p = df_canvas_pixel(c, x, y);
                unsigned char *q = img[b] + 3 * ((size_t)y * w + x);
                q[0] = p.r, q[1] = p.g, q[2] = p.b;
            }
        df_dl_deinit(&dl);
        df_canvas_free(c);
    }
    for (int b = 0; b + 1 < 5; b++) {
        long diff = 0;
        for (size_t i = 0; i < (size_t)w * h; i++) {
            const unsigned char *p = img[b] + 3 * i, *q = img[b + 1] + 3 * i;
            if (abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) > 30) diff++;
        }
        /* at least 1% of the pixels change between neighbouring bands */
        if (diff < (long)w * h / 100) fprintf(stderr, "bands %d and %d differ in %ld pixels\n", b, b + 1, diff);
        assert_true(diff >= (long)w * h / 100);
    }
    for (int b = 0; b < 5; b++) free(img[b]);
}

/* The first TEXT command containing needle, or NULL. */
static const df_Cmd *text_cmd(const df_DrawList *dl, const char *needle) {
    for (int i = 0; i < dl->n; i++)
        if (dl->v[i].kind == DF_CMD_TEXT && strstr(df_dl_str(dl, &dl->v[i]), needle)) return &dl->v[i];
    return NULL;
}

static const char *const theme_names[] = {"light", "contrast"};

/* A view of a run in a theme and a text scale (10 = 100%), for the feedback and debrief tests. */
static void run_ui(df_Ui *ui, const char *theme, int scale, df_Run *run, const df_Scenario *sc) {
    memset(ui, 0, sizeof *ui);
    ui->theme = df_theme_get(theme);
    ui->text_scale = (float)scale / 10.0f;
    ui->run = run;
    ui->sc = sc;
}

/* After each choice the feedback shows what the exchange took and the engine's forecast after
 * it: the typical projected total, the best still reachable and how the choice moved the
 * typical one, as df_minutes_text writes them, with an arrow and the warning colour for a rise
 * and the good colour for a fall. A brush-off (the choice the engine grades worst, the quickest
 * of those) and listening (the model's best choice) from the start, in both themes, at every
 * size and at 200% text. */
static void feedback_shows_the_forecast(void **state) {
    (void)state;
    df_Script *s = load("scenarios/parking-ticket-counter.lua");
    df_Run *start = play(s, NULL, 0);
    const int picks[2] = {worst_choice(start), df_run_best_choice(start)};
    const char *what[2] = {"brushoff", "listening"};
    df_run_free(start);
    for (int which = 0; which < 2; which++) {
        df_Run *run = play(s, &picks[which], 1);
        const df_Step *steps;
        assert_int_equal(df_run_steps(run, &steps), 1);
        const df_Step *st = &steps[0];
        const df_Forecast *f = &st->forecast, *before = df_run_forecast_before(run, 0);
        assert_true(f->valid && before->valid);
        char took[32], typ[32], best[32], chg[32], want[96];
        df_minutes_text(st->conversation + st->task + st->rework, true, took, sizeof took);
        df_minutes_text(df_forecast_typical_total(f), false, typ, sizeof typ);
        df_minutes_text(df_forecast_best_total(f), false, best, sizeof best);
        double d = df_forecast_typical_total(f) - df_forecast_typical_total(before);
        df_minutes_text(d, true, chg, sizeof chg);
        fprintf(stderr, "feedback %s (choice %d, %s): this exchange %s, forecast %s typical (%s), best %s%s\n", what[which], picks[which],
                df_grade_key(st->grade), took, typ, chg, best, f->sampled ? " (sampled)" : "");
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
            for (int scale = 10; scale <= 20; scale += 10)
                for (int th = 0; th < 2; th++) {
                    df_Ui ui;
                    run_ui(&ui, theme_names[th], scale, run, df_script_scenario(s));
                    ui.shown_agitation = (float)df_run_state(run)->agitation;
                    ui.shown_trust = (float)df_run_state(run)->trust;
                    ui.screen = DF_SCREEN_FEEDBACK;
                    df_DrawList dl;
                    df_dl_init(&dl);
                    char name[96];
                    snprintf(name, sizeof name, "feedback-%s-%s-x%d", what[which], theme_names[th], scale);
                    df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
                    snprintf(want, sizeof want, "This exchange %s", took);
                    assert_true(text_present(&dl, want));
                    assert_true(text_present(&dl, "Time to resolution from here"));
                    assert_true(text_present(&dl, f->sampled ? "(sampled)" : "from here") && (f->sampled || !text_present(&dl, "(sampled)")));
                    snprintf(want, sizeof want, "%s typical", typ);
                    assert_true(text_present(&dl, want));
                    snprintf(want, sizeof want, "best %s", best);
                    assert_true(text_present(&dl, f->resolves ? want : "no road from here resolves it now"));
                    if (fabs(d) >= 0.5 / 60) { /* a rise reads as a rise, a fall as a fall: arrow, sign and colour */
                        snprintf(want, sizeof want, "%s %s", d > 0 ? "\u2191" : "\u2193", chg);
                        const df_Cmd *c = text_cmd(&dl, want);
                        if (!c) fprintf(stderr, "missing \"%s\"\n", want);
                        assert_non_null(c);
                        assert_true(same(c->color, d > 0 ? ui.theme->bad : ui.theme->good));
                    } else {
                        assert_true(text_present(&dl, "unchanged by this choice"));
                    }
                    /* the coaching note is still there, unchanged */
                    const df_Choice *ch = &ui.sc->beats[st->beat].choices[st->choice];
                    if (ch->coach) {
                        char head[24];
                        snprintf(head, sizeof head, "%.12s", ch->coach);
                        assert_true(text_present(&dl, head));
                    }
                    df_dl_deinit(&dl);
                }
        df_run_free(run);
    }
    df_script_free(s);
}

/* "raised at 1, 3" for the decisions whose evidence on d was e (written here, not by the UI). */
static void expect_evidence(const df_Run *run, int d, df_Evidence e, char *buf, size_t cap) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps), k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        if (steps[i].evidence[d] == e) {
            size_t o = strlen(buf);
            if (k++) snprintf(buf + o, cap - o, ", %d", i + 1);
            else snprintf(buf + o, cap - o, "%s at %d", df_evidence_key(e), i + 1);
        }
}

/* The summed width of the rectangles drawn on a time bar's row from its left end, in the
 * given colours (any colour when cols is NULL). */
static double row_width(const df_DrawList *dl, df_Rect row, const df_Color *cols, int ncols) {
    double w = 0;
    for (int i = 0; i < dl->n; i++) {
        const df_Cmd *c = &dl->v[i];
        if (c->kind != DF_CMD_RECT || fabsf(c->rect.y - row.y) > 0.5f || c->rect.x < row.x - 1) continue;
        if (!cols) w += c->rect.w;
        for (int k = 0; k < ncols && cols; k++)
            if (!memcmp(&c->color, &cols[k], sizeof c->color)) w += c->rect.w;
    }
    return w;
}

/* The debrief shows the engine's own numbers: outcome, ratio, score; three bars in the
 * engine's proportions (a calm visit, this run in its parts, the escalated road), and no
 * "calmest" path; the forecast at each decision on a chart beside the agitation; and for
 * every dimension its bar and the decisions that raised, held, lowered or missed it, with the
 * ones not at stake listed as not part of this run. Both themes, every size, 200% text. */
static void debrief_shows_the_engine_numbers(void **state) {
    (void)state;
    df_Script *s = load("scenarios/code-enforcement-notice.lua");
    df_Run *run = play_by(s, 0x2 | 0x8 | 0x20, 40); /* mostly the best, a poor choice at 2, 4 and 6 */
    const df_Result *r = df_run_result(run);
    assert_non_null(r);
    df_Forecast road;
    df_Error err;
    assert_int_equal(df_escalated_road(df_script_scenario(s), df_script_host(s), 1, &road, &err), 0);
    assert_true(road.valid);
    double road_total = road.spent + road.worst;
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    char t1[32], t2[32], t3[32];
    df_minutes_text(r->baseline, false, t1, sizeof t1);
    df_minutes_text(r->total, false, t2, sizeof t2);
    df_minutes_text(road_total, false, t3, sizeof t3);
    fprintf(stderr, "debrief: %d decisions, %s; a calm visit %s, this run %s, the escalated road %s%s\n", n, df_outcome_label(r->outcome), t1, t2,
            t3, road.sampled ? " (sampled)" : "");
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        for (int scale = 10; scale <= 20; scale += 10)
            for (int th = 0; th < 2; th++) {
                df_Ui ui;
                run_ui(&ui, theme_names[th], scale, run, df_script_scenario(s));
                ui.road = &road;
                ui.screen = DF_SCREEN_DEBRIEF;
                df_DrawList dl;
                df_dl_init(&dl);
                char name[96], buf[160];
                snprintf(name, sizeof name, "debrief-%s-x%d", theme_names[th], scale);
                df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
                snprintf(buf, sizeof buf, "%.1f\u00d7 a calm visit", r->ratio);
                assert_true(text_present(&dl, buf));
                snprintf(buf, sizeof buf, "score %d/100", r->score);
                assert_true(text_present(&dl, buf));
                assert_true(text_present(&dl, df_outcome_label(r->outcome)));
                /* the three bars, labelled, with the engine's minutes, and no calmest path */
                assert_true(text_present(&dl, "A calm visit") && text_present(&dl, "This run") && text_present(&dl, "The escalated road"));
                assert_true(text_present(&dl, t1) && text_present(&dl, t2) && text_present(&dl, t3));
                assert_true(road.sampled == text_present(&dl, "road (sampled)"));
                assert_false(text_present(&dl, "almest"));
                /* their widths as drawn are in the engine's proportions */
                double w0 = row_width(&dl, ui.time_rows[0], NULL, 0), w1 = row_width(&dl, ui.time_rows[1], ui.theme->parts, 4),
                       w2 = row_width(&dl, ui.time_rows[2], NULL, 0);
                assert_true(w0 > 0 && w1 > 0 && w2 > 0);
                if (fabs(w0 / w1 - r->baseline / r->total) > 0.02 || fabs(w2 / w1 - road_total / r->total) > 0.02)
                    fprintf(stderr, "bars %.1f %.1f %.1f px for %.2f %.2f %.2f min\n", w0, w1, w2, r->baseline, r->total, road_total);
                assert_true(fabs(w0 / w1 - r->baseline / r->total) <= 0.02);
                assert_true(fabs(w2 / w1 - road_total / r->total) <= 0.02);
                assert_true(fabs(w1 * ui.time_scale - r->total) <= 0.01 * r->total + 0.05);
                /* this run's bar in its parts, each at the engine's minutes */
                const double parts[4] = {r->conversation, r->task, r->rework, r->follow_on};
                for (int p = 0; p < 4; p++) {
                    double minutes = row_width(&dl, ui.time_rows[1], &ui.theme->parts[p], 1) * ui.time_scale;
                    if (fabs(minutes - parts[p]) > 0.02 * r->total + 0.05)
                        fprintf(stderr, "time part %d: drawn %.2f min, engine %.2f min\n", p, minutes, parts[p]);
                    assert_true(fabs(minutes - parts[p]) <= 0.02 * r->total + 0.05);
                }
                /* the forecast chart: a dot per decision point (the start, then each choice) at
                 * the engine's typical projected total, and a square at the best still reachable
                 * wherever some road still resolves */
                int valid = 0;
                bool any_sampled = false;
                df_Rect plot = ui.forecast_plot;
                assert_true(plot.w > 0 && plot.h > 0 && ui.forecast_max > 0);
                for (int i = 0; i <= n; i++) {
                    const df_Forecast *f = i == 0 ? df_run_start_forecast(run) : &steps[i - 1].forecast;
                    if (!f->valid) continue;
                    valid++;
                    any_sampled |= f->sampled;
                    float ex = plot.x + plot.w * (float)i / (float)n;
                    float ey = plot.y + plot.h * (float)(1 - df_forecast_typical_total(f) / ui.forecast_max);
                    float by = plot.y + plot.h * (float)(1 - df_forecast_best_total(f) / ui.forecast_max);
                    bool dot = false, square = false;
                    for (int c = 0; c < dl.n; c++) {
                        const df_Cmd *cm = &dl.v[c];
                        float cx = cm->rect.x + cm->rect.w / 2, cy = cm->rect.y + cm->rect.h / 2;
                        if (fabsf(cx - ex) > 1 || cm->rect.w > plot.w / 4) continue;
                        if (cm->kind == DF_CMD_ELLIPSE && same(cm->color, ui.theme->ink) && fabsf(cy - ey) <= 1) dot = true;
                        if (cm->kind == DF_CMD_RECT && same(cm->color, ui.theme->accent) && fabsf(cy - by) <= 1) square = true;
                    }
                    if (!dot || square != f->resolves) fprintf(stderr, "forecast point %d: dot %d square %d\n", i, dot, square);
                    assert_true(dot);
                    assert_true(square == f->resolves); /* the best only where some road still resolves */
                }
                assert_true(valid == n + 1); /* the window's runs keep every forecast */
                assert_int_equal(ui.forecast_points, valid);
                bool says_sampled = false; /* "(sampled)" beside the chart's title */
                for (int c = 0; c < dl.n; c++) says_sampled |= dl.v[c].kind == DF_CMD_TEXT && !strcmp(df_dl_str(&dl, &dl.v[c]), "(sampled)");
                assert_true(any_sampled == says_sampled);
                assert_true(text_present(&dl, " min") && text_present(&dl, "start"));
                assert_true(text_present(&dl, "Settled") && text_present(&dl, "Threatening"));
                /* the rubric: each scored dimension's bar and its evidence; the rest not part */
                bool unscored = false;
                for (int d = 0; d < DF_DIM_COUNT; d++) {
                    assert_true(text_present(&dl, df_dim_label((df_Dim)d)));
                    if (r->dims[d] < 0) {
                        unscored = true;
                        assert_true(ui.rubric_track[d] == 0);
                        continue;
                    }
                    assert_true(fabsf(ui.rubric_fill[d] / ui.rubric_track[d] - (float)r->dims[d] / 100.0f) < 0.01f);
                    for (int e = DF_EVIDENCE_RAISED; e < DF_EVIDENCE_COUNT; e++) {
                        expect_evidence(run, d, (df_Evidence)e, buf, sizeof buf);
                        if (!buf[0]) continue;
                        if (!text_present(&dl, buf)) fprintf(stderr, "%s: missing \"%s\"\n", df_dim_key((df_Dim)d), buf);
                        assert_true(text_present(&dl, buf));
                    }
                }
                assert_true(unscored == text_present(&dl, "Not part of this run"));
                /* one column that scrolls (large text): every page drawn, nothing overflows */
                for (int page = 1; page < 12 && text_present(&dl, "Page Up/Down scroll"); page++) {
                    int want = page * 4;
                    ui.scroll = want;
                    snprintf(name, sizeof name, "debrief-%s-x%d-page%d", theme_names[th], scale, page);
                    df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
                    if (ui.scroll < want) break; /* that was the last page */
                }
                df_dl_deinit(&dl);
            }
    /* while the escalated road is still being worked out, its row says so */
    df_Ui ui;
    memset(&ui, 0, sizeof ui);
    ui.theme = df_theme_get("light");
    ui.text_scale = 1;
    ui.run = run;
    ui.sc = df_script_scenario(s);
    ui.road_pending = true;
    ui.screen = DF_SCREEN_DEBRIEF;
    df_DrawList dl;
    df_dl_init(&dl);
    df_canvas_free(render(&ui, &dl, 1280, 720, "debrief-road-pending"));
    assert_true(text_present(&dl, "The escalated road") && text_present(&dl, "being worked out"));
    assert_true(ui.time_rows[2].w == 0);
    df_dl_deinit(&dl);
    df_run_free(run);
    df_script_free(s);
}

/* Nothing is rasterised twice: drawing the same frame again hits the cache only. */
/* Every bundled scenario's debrief after its longest, most escalated run (the worst option
 * the engine sees at every decision): the largest times and the most decisions any learner
 * sees, at 1280x720 and 1920x1080, with nothing overflowing (the forecast chart's axis reads
 * "240 min" on one line) and the channel's own word for the calm baseline. */
static void every_bundled_debrief_fits_its_worst_run(void **state) {
    (void)state;
    char **paths;
    int np = df_list_lua("scenarios", &paths);
    assert_true(np >= 10);
    for (int f = 0; f < np; f++) {
        df_Script *s = load(paths[f]);
        const df_Scenario *sc = df_script_scenario(s);
        df_Run *run = play_by(s, ~0u, 40);
        assert_true(df_run_over(run));
        for (int k = 0; k < 2; k++) {
            df_Ui ui;
            run_ui(&ui, "light", 10, run, sc);
            ui.screen = DF_SCREEN_DEBRIEF;
            df_DrawList dl;
            df_dl_init(&dl);
            char name[128], calm[48];
            snprintf(name, sizeof name, "debrief-worst-%s", sc->id);
            df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
            snprintf(calm, sizeof calm, "a calm %s", df_contact_noun(df_channel_of(sc->setting)));
            assert_true(text_present(&dl, calm));
            df_dl_deinit(&dl);
        }
        df_run_free(run);
        df_script_free(s);
    }
    df_free_list(paths, np);
}

static void text_is_cached_between_frames(void **state) {
    (void)state;
    df_Script *s = load("scenarios/parking-ticket-counter.lua");
    df_Run *run = play(s, NULL, 0);
    df_Ui ui;
    memset(&ui, 0, sizeof ui);
    ui.theme = df_theme_get("light");
    ui.text_scale = 1;
    ui.run = run;
    ui.sc = df_script_scenario(s);
    ui.screen = DF_SCREEN_PLAY;
    ui.shown_agitation = 48;
    df_DrawList dl;
    df_dl_init(&dl);
    df_Canvas *c = render(&ui, &dl, 1920, 1080, "cache");
    long before = df_fonts_rasterised(fonts);
    df_canvas_draw(c, &dl, ui.theme->bg);
    assert_int_equal(df_fonts_rasterised(fonts), before);
    /* only the changed string is rasterised when a meter moves */
    ui.shown_agitation = 47;
    df_ui_build(&ui, &dl, &tm);
    df_canvas_draw(c, &dl, ui.theme->bg);
    assert_true(df_fonts_rasterised(fonts) - before <= 2);
    df_canvas_free(c);
    df_dl_deinit(&dl);
    df_run_free(run);
    df_script_free(s);
}

/* Accented Spanish renders: every character has a glyph wider than nothing, and the text
 * draws ink where it should. */
static void spanish_text_renders(void **state) {
    (void)state;
    const char *es = "¿Cómo está? Señora Núñez pagó la multa — ¡ya!";
    float w = tm.width(tm.ud, es, strlen(es), 32, false);
    assert_true(w > 32 * 10);
    const char *letters[] = {"ó", "á", "ñ", "ú", "¿", "¡"};
    for (size_t i = 0; i < 6; i++) assert_true(tm.width(tm.ud, letters[i], strlen(letters[i]), 32, false) > 4);
    char err[256];
    df_Canvas *c = df_canvas_offscreen(900, 100, fonts, err, sizeof err);
    df_DrawList dl;
    df_dl_init(&dl);
    df_dl_text(&dl, &tm, (df_Rect){10, 10, 880, 80}, es, 32, false, (df_Color){0, 0, 0, 255}, DF_ALIGN_LEFT);
    df_canvas_draw(c, &dl, (df_Color){255, 255, 255, 255});
    char path[1024];
    snprintf(path, sizeof path, "%s/spanish.png", shots);
    df_canvas_save_png(c, path, err, sizeof err);
    long ink = 0;
    for (int y = 0; y < 100; y++)
        for (int x = 0; x < 900; x++) ink += df_canvas_pixel(c, x, y).r < 128;
    assert_true(ink > 500);
    assert_int_equal(dl.overflows, 0);
    df_dl_deinit(&dl);
    df_canvas_free(c);
}

/* When only a meter moves, only what changed is redrawn, and the result is the same as a
 * full redraw. */
static void only_what_changed_is_redrawn(void **state) {
    (void)state;
    df_Script *s = load("scenarios/parking-ticket-counter.lua");
    df_Run *run = play(s, NULL, 0);
    df_Ui ui;
    memset(&ui, 0, sizeof ui);
    ui.theme = df_theme_get("light");
    ui.text_scale = 1;
    ui.run = run;
    ui.sc = df_script_scenario(s);
    ui.screen = DF_SCREEN_PLAY;
    ui.shown_agitation = 48;
    ui.shown_trust = 30;
    df_DrawList dl;
    df_dl_init(&dl);
    df_Canvas *c = render(&ui, &dl, 1920, 1080, "partial-before");
    df_Rect r = df_canvas_last_redraw(c);
    assert_true(r.w * r.h >= 1920.0f * 1080.0f * 0.99f); /* the first frame is whole */
    df_canvas_draw(c, &dl, ui.theme->bg);
    assert_true(df_canvas_last_redraw(c).w == 0); /* nothing changed, nothing drawn */
    ui.shown_trust = 55;
    df_ui_build(&ui, &dl, &tm);
    df_canvas_draw(c, &dl, ui.theme->bg);
    r = df_canvas_last_redraw(c);
    assert_true(r.w > 0 && r.w * r.h < 1920.0f * 1080.0f * 0.05f);
    /* the same pixels as drawing the new frame from scratch */
    char err[128];
    df_Canvas *fresh = df_canvas_offscreen(1920, 1080, fonts, err, sizeof err);
    df_canvas_draw(fresh, &dl, ui.theme->bg);
    long diff = 0;
    for (int y = 0; y < 1080; y += 3)
        for (int x = 0; x < 1920; x += 3) diff += !same(df_canvas_pixel(c, x, y), df_canvas_pixel(fresh, x, y));
    assert_true(diff < 20);
    df_canvas_free(fresh);
    df_canvas_free(c);
    df_dl_deinit(&dl);
    df_run_free(run);
    df_script_free(s);
}

/* The authoring overlays: reload errors, a notice and the start-from-here list fit. */
static void authoring_overlays_render(void **state) {
    (void)state;
    df_Script *s = load("scenarios/parking-ticket-counter.lua");
    df_Run *run = play(s, NULL, 0);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        df_Ui ui;
        memset(&ui, 0, sizeof ui);
        ui.theme = df_theme_get("light");
        ui.text_scale = 1;
        ui.run = run;
        ui.sc = df_script_scenario(s);
        ui.screen = DF_SCREEN_PLAY;
        ui.shown_agitation = 48;
        ui.overlay = "Not reloaded; the last good version keeps running:\nscenarios/mine.lua:42: error: beat 'desk', choice 2, "
                     "field 'tags': unknown tag 'acknowlege' (did you mean 'acknowledge'?)";
        ui.notice = "Reloaded scenarios/mine.lua; restored step 3";
        ui.jump_open = true;
        ui.jump_focus = 5;
        df_DrawList dl;
        df_dl_init(&dl);
        df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, "overlays"));
        assert_true(text_present(&dl, "Not reloaded"));
        assert_true(text_present(&dl, ui.sc->beats[5].id));
        df_dl_deinit(&dl);
    }
    df_run_free(run);
    df_script_free(s);
}

/* The picker's cards say how often this learner played each scenario and the best score;
 * a scenario never played says nothing. */
static void picker_shows_the_record(void **state) {
    (void)state;
    df_PickItem items[4] = {
        {"a", "The ticket the app should have prevented", "counter", "Counter clerk", "A summary line that is long enough to wrap on a small window, as summaries do.", 5, 3, 88},
        {"b", "Third miss in a heatwave", "phone", "Public Works front desk", "Trash missed again.", 5, 1, -1},
        {"c", "Who called you?", "field", "Code inspector with a rather long role name for the meta line", "At the curb.", 5, 0, -1},
        {"d", "A permit that expired on a holiday", "counter", "Permits desk", "The office was closed.", 7, 127, 100}};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        for (int scale = 10; scale <= 20; scale += 10) {
            df_DrawList dl;
            df_dl_init(&dl);
            df_Ui ui;
            memset(&ui, 0, sizeof ui);
            ui.theme = df_theme_get("light");
            ui.text_scale = (float)scale / 10.0f;
            ui.items = items;
            ui.nitems = 4;
            char name[64];
            snprintf(name, sizeof name, "picker-stats-x%d", scale);
            df_canvas_free(render(&ui, &dl, sizes[k].w, sizes[k].h, name));
            assert_true(text_present(&dl, "3 attempts \u00b7 best 88"));
            assert_true(text_present(&dl, "1 attempt \u00b7 none finished"));
            assert_true(text_present(&dl, "127 attempts \u00b7 best 100"));
            assert_false(text_present(&dl, "0 attempts"));
            assert_true(text_present(&dl, "Ctrl P progress"));
            df_dl_deinit(&dl);
        }
}

/* A learner's attempts for the progress screen: n of them (the last 50 charted), scores
 * rising and times falling, every outcome once early on, and an unfinished one at 5. */
static df_ProgressPoint pts[DF_PROGRESS_MAX];

static df_Progress progress_of(int total) {
    static const char *const early[] = {"escalated", "unresolved", "breach", "safety_exit", "abandoned", "routed", "resolved_accepted"};
    df_Progress p;
    memset(&p, 0, sizeof p);
    p.title = "The ticket the app should have prevented";
    p.learner = "Alex Example";
    p.total = total;
    p.n = total < DF_PROGRESS_MAX ? total : DF_PROGRESS_MAX;
    p.best = -1;
    for (int a = 0; a < total; a++) {
        df_ProgressPoint q;
        memset(&q, 0, sizeof q);
        q.number = a + 1;
        q.baseline = 5;
        q.total = 18.0 - 12.0 * a / (total > 1 ? total - 1 : 1) + (a % 3) * 0.7;
        q.score = 35 + 57 * a / (total > 1 ? total - 1 : 1) - (a % 4) * 3;
        snprintf(q.outcome, sizeof q.outcome, "%s", a < 7 && total > 1 ? early[a] : "resolved_satisfied");
        if (!strcmp(q.outcome, "abandoned")) q.score = -1;
        static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        snprintf(q.date, sizeof q.date, "%d %s 2025", 1 + (a * 5) % 28, mon[(a * 5 / 28) % 12]);
        if (q.score < 0) p.unfinished++;
        else {
            if (q.score > p.best) p.best = q.score;
            if (p.finished++ == 0) {
                p.first_total = q.total;
                p.first_baseline = q.baseline;
                snprintf(p.first_date, sizeof p.first_date, "%s", q.date);
            }
            p.latest_total = q.total;
            p.latest_baseline = q.baseline;
            snprintf(p.latest_date, sizeof p.latest_date, "%s", q.date);
        }
        if (a >= total - p.n) pts[a - (total - p.n)] = q;
    }
    p.v = pts;
    return p;
}

/* A dashed line drawn at the baseline's height across the time chart. */
static bool baseline_drawn(const df_DrawList *dl, const df_Ui *ui) {
    int dashes = 0;
    for (int i = 0; i < dl->n; i++) {
        const df_Cmd *c = &dl->v[i];
        if (c->kind == DF_CMD_LINE && fabsf(c->pts[1] - ui->baseline_y) < 0.5f && fabsf(c->pts[3] - ui->baseline_y) < 0.5f &&
            c->pts[0] >= ui->time_plot.x - 1 && c->pts[2] <= ui->time_plot.x + ui->time_plot.w + 1)
            dashes++;
    }
    return dashes >= 3;
}

/* The progress screen: empty, one attempt, twelve with an unfinished one, and sixty (the
 * last fifty charted, and said so), at every size and both text scales. */
static void progress_renders_the_record(void **state) {
    (void)state;
    const int counts[] = {0, 1, 12, 60};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
            for (int scale = 10; scale <= 20; scale += 10) {
                df_Progress p = progress_of(counts[c]);
                df_DrawList dl;
                df_dl_init(&dl);
                df_Ui ui;
                memset(&ui, 0, sizeof ui);
                ui.theme = df_theme_get("light");
                ui.text_scale = (float)scale / 10.0f;
                ui.screen = DF_SCREEN_PROGRESS;
                ui.progress = &p;
                char name[64], buf[128];
                snprintf(name, sizeof name, "progress-%d-x%d", counts[c], scale);
                df_Canvas *cv = render(&ui, &dl, sizes[k].w, sizes[k].h, name);
                assert_true(text_present(&dl, "Progress \u00b7 The ticket"));
                assert_true(text_present(&dl, "Esc back"));
                if (counts[c] == 0) {
                    assert_true(text_present(&dl, "No attempts yet"));
                    assert_int_equal(ui.markers, 0);
                    assert_true(ui.baseline_y < 0);
                    df_canvas_free(cv);
                    df_dl_deinit(&dl);
                    continue;
                }
                assert_true(text_present(&dl, "Best score"));
                snprintf(buf, sizeof buf, "%d", p.best);
                assert_true(text_present(&dl, buf));
                /* a marker per charted attempt in each chart */
                assert_int_equal(ui.markers, 2 * p.n);
                /* the calm baseline: inside the time chart, where 5:00 is on its scale, dashed */
                assert_true(ui.baseline_y > ui.time_plot.y && ui.baseline_y < ui.time_plot.y + ui.time_plot.h);
                assert_true(baseline_drawn(&dl, &ui));
                assert_true(text_present(&dl, "calm baseline 5:00"));
                assert_true(ui.score_plot.w > 0 && ui.score_plot.h >= 2 * tm.line_height(tm.ud, df_ui_body_px(&ui)));
                /* the baseline's line is drawn in ink: a pixel of its first dash */
                bool inked = false;
                for (int dy = -1; dy <= 1; dy++)
                    inked |= same(df_canvas_pixel(cv, (int)(ui.time_plot.x + 3), (int)ui.baseline_y + dy), ui.theme->ink);
                assert_true(inked);
                if (counts[c] == 1) {
                    assert_true(text_present(&dl, "Time to resolution"));
                    assert_false(text_present(&dl, "First time"));
                }
                if (counts[c] >= 12) {
                    assert_true(text_present(&dl, "First time to resolution"));
                    assert_true(text_present(&dl, "quicker"));
                }
                if (counts[c] == 12) {
                    /* each outcome in the legend, with its own shape */
                    assert_true(text_present(&dl, "Unfinished (no score)"));
                    assert_true(text_present(&dl, "Escalated") && text_present(&dl, "Policy breach"));
                    int kinds[16] = {0};
                    for (int i = 0; i < dl.n; i++) kinds[dl.v[i].kind]++;
                    assert_true(kinds[DF_CMD_ELLIPSE] > 0 && kinds[DF_CMD_POLY] > 0);
                }
                if (counts[c] == 60) {
                    assert_true(text_present(&dl, "the last 50 of 60"));
                    assert_true(text_present(&dl, "#11"));
                    assert_false(text_present(&dl, "#10 "));
                } else {
                    assert_false(text_present(&dl, "the last"));
                }
                df_canvas_free(cv);
                df_dl_deinit(&dl);
            }
}

/* The record cannot be read: the screen says why instead of charts. */
static void progress_says_when_the_record_is_unreadable(void **state) {
    (void)state;
    df_Progress p = progress_of(0);
    p.error = "cannot open /home/alex/.local/share/defuse/records.db: permission denied";
    df_DrawList dl;
    df_dl_init(&dl);
    df_Ui ui;
    memset(&ui, 0, sizeof ui);
    ui.theme = df_theme_get("contrast");
    ui.text_scale = 1;
    ui.screen = DF_SCREEN_PROGRESS;
    ui.progress = &p;
    df_canvas_free(render(&ui, &dl, 1280, 720, "progress-error"));
    assert_true(text_present(&dl, "cannot be read"));
    assert_true(text_present(&dl, "permission denied"));
    df_dl_deinit(&dl);
}

static void a_broken_font_is_reported(void **state) {
    (void)state;
    char err[512];
    assert_null(df_fonts_open("/nonexistent/font.ttf", err, sizeof err));
    assert_non_null(strstr(err, "cannot open font"));
    char path[1024];
    snprintf(path, sizeof path, "%s/garbage.ttf", shots);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 5000; i++) fputc((i * 7919) & 0xFF, f);
    fclose(f);
    assert_null(df_fonts_open(path, err, sizeof err));
    assert_non_null(strstr(err, "font"));
    assert_null(df_fonts_open(shots, err, sizeof err));
}

int main(int argc, char **argv) {
    /* BUILD/tests/test_ui writes its PNGs to BUILD/screens */
    const char *t = argc > 0 ? strstr(argv[0], "/tests/") : NULL;
    if (t && t > argv[0]) snprintf(shots, sizeof shots, "%.*s/screens", (int)(t - argv[0]), argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(themes_meet_wcag_contrast),
        cmocka_unit_test(every_screen_renders_without_overflow),
        cmocka_unit_test(meter_fill_matches_agitation),
        cmocka_unit_test(portrait_changes_with_the_band),
        cmocka_unit_test(feedback_shows_the_forecast),
        cmocka_unit_test(debrief_shows_the_engine_numbers),
        cmocka_unit_test(every_bundled_debrief_fits_its_worst_run),
        cmocka_unit_test(text_is_cached_between_frames),
        cmocka_unit_test(spanish_text_renders),
        cmocka_unit_test(only_what_changed_is_redrawn),
        cmocka_unit_test(authoring_overlays_render),
        cmocka_unit_test(picker_shows_the_record),
        cmocka_unit_test(progress_renders_the_record),
        cmocka_unit_test(progress_says_when_the_record_is_unreadable),
        cmocka_unit_test(a_broken_font_is_reported),
    };
    return cmocka_run_group_tests_name("ui", tests, setup, teardown);
}
