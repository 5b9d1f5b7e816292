/* test_honest.c: the numbers a player sees tell one story: the forecast of time still ahead,
 * the walk-out rule, rubric evidence, and the calibration of every bundled scenario. */
#include "harness.h"

#include <dirent.h>
#include <math.h>

#include "../../engine/analysis/analysis.h"
#include "../../engine/ui/screens.h"

/* The quick "no" and the listening road (harness.h). */
static const char *const ROADS = ROADS_SCENARIO;

static df_Script *load_ok(const char *src) {
    df_Diags d = {0};
    df_Script *s = load_text("roads.lua", src, &d);
    if (!s) diags_dump(&d);
    df_diags_free(&d);
    assert_non_null(s);
    return s;
}

static double projected(const df_Forecast *f, int which) {
    return f->spent + (which == 0 ? f->best : f->typical);
}

static void forecast_is_deterministic_and_counts_follow_on(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    assert_non_null(run);
    df_Forecast a, b;
    assert_int_equal(df_forecast(run, NULL, &a, &err), 0);
    assert_int_equal(df_forecast(run, NULL, &b, &err), 0);
    assert_true(a.valid);
    assert_false(a.sampled);
    assert_true(a.best == b.best && a.typical == b.typical && a.worst == b.worst);
    /* best <= typical <= worst, and the worst road pays a complaint and a repeat contact */
    assert_true(a.best <= a.typical + 1e-9 && a.typical <= a.worst + 1e-9);
    const df_Params *p = &df_script_scenario(s)->params;
    assert_true(a.worst >= p->follow_on[DF_FO_COMPLAINT] + p->follow_on[DF_FO_REPEAT_CONTACT]);
    /* the best road resolves: it does the task, with no follow-on */
    assert_true(a.best < p->follow_on[DF_FO_COMPLAINT]);
    df_run_free(run);
    df_script_free(s);
}

/* The lesson in one test: the quick "no" costs less now and raises the forecast; listening
 * costs more now and lowers it. */
static void the_quick_no_raises_the_forecast_and_listening_lowers_it(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *start = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    df_run_keep_forecasts(start, true);
    const df_Forecast *f0 = df_run_start_forecast(start);
    assert_true(f0->valid);
    df_Run *listen = df_run_clone(start), *wall = df_run_clone(start);
    assert_int_equal(df_run_choose(listen, 1, &err), 0);
    assert_int_equal(df_run_choose(wall, 2, &err), 0);
    const df_Step *ls, *ws;
    df_run_steps(listen, &ls);
    df_run_steps(wall, &ws);
    assert_true(ls[0].conversation > ws[0].conversation); /* listening takes longer now */
    assert_true(ls[0].forecast.valid && ws[0].forecast.valid);
    assert_true(projected(&ws[0].forecast, 1) > projected(f0, 1));  /* the quick no: up */
    assert_true(projected(&ls[0].forecast, 1) < projected(f0, 1));  /* listening: down */
    assert_true(projected(&ws[0].forecast, 0) > projected(&ls[0].forecast, 0));
    df_run_free(listen);
    df_run_free(wall);
    df_run_free(start);
    df_script_free(s);
}

/* Once the run is over the forecast is the result: nothing ahead, the total spent. */
static void forecast_ends_at_the_result(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    df_run_keep_forecasts(run, true);
    int picks[] = {1, 1, 1};
    for (int i = 0; i < 3; i++) assert_int_equal(df_run_choose(run, picks[i], &err), 0);
    assert_true(df_run_over(run));
    const df_Step *st;
    int n = df_run_steps(run, &st);
    const df_Forecast *last = &st[n - 1].forecast;
    assert_true(last->valid);
    assert_true(last->best == 0 && last->typical == 0);
    assert_true(fabs(last->spent - df_run_result(run)->total) < 1e-9);
    df_run_free(run);
    df_script_free(s);
}

/* A fork of the run forecasts exactly as the run does (the counts the forecast needs live in
 * the state, not in the run's log), and a task tried again while blocked keeps a forecast. */
static void a_fork_forecasts_as_the_run_does(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    df_run_keep_forecasts(run, true);
    int picks[] = {2, 1, 1, 1}; /* the wall, an acknowledgement, then the task twice */
    for (int i = 0; i < 4 && !df_run_over(run); i++) {
        assert_int_equal(df_run_choose(run, picks[i], &err), 0);
        const df_Step *st;
        int n = df_run_steps(run, &st);
        assert_true(st[n - 1].forecast.valid);
        df_Run *fork = df_run_fork(run);
        df_Forecast a, b;
        df_ForecastLimits lim;
        df_forecast_limits_default(&lim);
        lim.max_nodes = 4; /* sampled too: seeded by the state, so the same */
        for (int k = 0; k < 2; k++) {
            assert_int_equal(df_forecast(run, k ? &lim : NULL, &a, &err), 0);
            assert_int_equal(df_forecast(fork, k ? &lim : NULL, &b, &err), 0);
            assert_true(a.valid == b.valid && a.best == b.best && a.typical == b.typical && a.worst == b.worst);
        }
        df_run_free(fork);
    }
    df_run_free(run);
    df_script_free(s);
}

/* A scenario too large to walk within the limits is sampled, and the sample says so and is
 * the same every time. */
static void a_large_scenario_is_sampled_and_says_so(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    df_ForecastLimits lim;
    df_forecast_limits_default(&lim);
    lim.max_nodes = 3; /* too few to walk this one */
    df_Forecast a, b, exact;
    assert_int_equal(df_forecast(run, &lim, &a, &err), 0);
    assert_int_equal(df_forecast(run, &lim, &b, &err), 0);
    assert_int_equal(df_forecast(run, NULL, &exact, &err), 0);
    assert_true(a.sampled && a.valid);
    assert_false(exact.sampled);
    assert_true(exact.resolves);
    assert_true(a.resolves); /* a sample never claims that no road resolves when one does */
    /* a walk another thread stops ends invalid, at once */
    atomic_bool stop;
    atomic_init(&stop, true);
    df_Forecast cut;
    assert_int_equal(df_escalated_road_cancel(df_script_scenario(s), df_script_host(s), 3, &stop, &cut, &err), -1);
    assert_false(cut.valid);
    assert_true(a.typical == b.typical && a.best == b.best);
    assert_true(a.best >= exact.best - 1e-9 && a.worst <= exact.worst + 1e-9);
    df_run_free(run);
    df_script_free(s);
}

/* Three exchanges in a row at Venting: the resident leaves by the walk-out ending. */
static const char *const HOT =
    "return scenario {\n"
    "  id = 'hot', title = 'Hot', setting = 'counter', role = 'Clerk',\n"
    "  resident = { name = 'Sam', agitation = 62, trust = 30 },\n"
    "  start = 'a', WALKOUT\n"
    "  beats = {\n"
    "    a = { says = 'No!', choices = { { 'Rules are rules.', tags = { 'policy_wall' }, effect = { agitation = 2 }, go = 'b', coach = 'c' },\n"
    "                                    { 'Take your time.', tags = { 'pause' }, go = 'b', coach = 'c' } } },\n"
    "    b = { says = 'No!', choices = { { 'Rules are rules.', tags = { 'policy_wall' }, effect = { agitation = 2 }, go = 'c', coach = 'c' },\n"
    "                                    { 'Take your time.', tags = { 'pause' }, go = 'c', coach = 'c' } } },\n"
    "    c = { says = 'No!', choices = { { 'It is what it is.', tags = { 'minimize' }, effect = { agitation = 2 }, go = 'd', coach = 'c' },\n"
    "                                    { 'Take your time.', tags = { 'pause' }, go = 'd', coach = 'c' } } },\n"
    "    d = { says = 'Fine.', choices = { { 'Bye.', tags = { 'thank' }, go = 'done', coach = 'c' } } },\n"
    "  },\n"
    "  endings = {\n"
    "    done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
    "    stormed = { outcome = 'escalated', debrief = 'd' },\n"
    "  },\n"
    "}\n";

static df_Script *load_hot(const char *walkout) {
    char src[4096];
    const char *at = strstr(HOT, "WALKOUT");
    snprintf(src, sizeof src, "%.*s%s%s", (int)(at - HOT), HOT, walkout, at + strlen("WALKOUT"));
    return load_ok(src);
}

static void sustained_venting_ends_in_a_walk_out(void **state) {
    (void)state;
    df_Script *s = load_hot("");
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    /* Three exchanges that keep her Venting (62, 64, 66, 68): she leaves by the walk-out
     * ending instead of reaching beat d. */
    for (int i = 0; i < 3; i++) assert_int_equal(df_run_choose(run, 1, &err), 0);
    const df_State *st = df_run_state(run);
    assert_false(st->tripwire);
    assert_true(df_run_over(run));
    assert_true(st->walked_out);
    assert_string_equal(df_script_scenario(s)->endings[df_run_result(run)->ending].id, "stormed");
    assert_int_equal(df_run_result(run)->outcome, DF_OUT_ESCALATED);
    df_run_free(run);
    /* Letting it burn off leaves Venting: no walk-out. */
    run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    for (int i = 0; i < 4 && !df_run_over(run); i++) assert_int_equal(df_run_choose(run, i < 3 ? 2 : 1, &err), 0);
    assert_true(df_run_over(run));
    assert_false(df_run_state(run)->walked_out);
    df_run_free(run);
    df_script_free(s);
    /* walkout = false turns the rule off */
    s = load_hot("walkout = false,");
    assert_int_equal(df_script_scenario(s)->walkout, -1);
    df_script_free(s);
    s = load_hot("walkout = 'stormed',");
    assert_int_equal(df_script_scenario(s)->walkout, 1);
    df_script_free(s);
}

static void walkout_must_name_an_ending(void **state) {
    (void)state;
    char src[4096];
    const char *at = strstr(HOT, "WALKOUT");
    snprintf(src, sizeof src, "%.*s%s%s", (int)(at - HOT), HOT, "walkout = 'a',", at + strlen("WALKOUT"));
    df_Diags d = {0};
    df_Script *s = load_text("hot.lua", src, &d);
    assert_null(s);
    assert_true(diags_have(&d, "the walk-out must be an ending"));
    df_diags_free(&d);
}

/* Rubric evidence: a dimension counts only where it was at stake, and says which choice
 * raised, lowered or missed it. */
static void rubric_dimensions_carry_their_evidence(void **state) {
    (void)state;
    df_Script *s = load_ok(ROADS);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    assert_int_equal(df_run_choose(run, 1, &err), 0); /* listen: listening raised */
    assert_int_equal(df_run_choose(run, 2, &err), 0); /* calm down: respect lowered, empathy missed */
    assert_int_equal(df_run_choose(run, 1, &err), 0); /* acknowledge */
    assert_int_equal(df_run_choose(run, 2, &err), 0); /* rules are rules: gone */
    const df_Step *st;
    int n = df_run_steps(run, &st);
    assert_true(n >= 3);
    assert_int_equal(st[0].evidence[DF_DIM_LISTENING], DF_EVIDENCE_RAISED);
    assert_int_equal(st[1].evidence[DF_DIM_RESPECT], DF_EVIDENCE_LOWERED);
    assert_int_equal(st[1].evidence[DF_DIM_EMPATHY], DF_EVIDENCE_MISSED);
    /* nothing in this scenario is a safety matter at a calm counter */
    const df_Result *r = df_run_result(run);
    assert_non_null(r);
    assert_int_equal(r->dims[DF_DIM_SAFETY], -1);
    assert_true(r->dims[DF_DIM_EMPATHY] < 100);
    /* listening: raised once, then missed where reflecting back was the right move */
    assert_int_equal(st[1].evidence[DF_DIM_LISTENING], DF_EVIDENCE_MISSED);
    assert_int_equal(r->dims[DF_DIM_LISTENING], 50);
    df_run_free(run);
    df_script_free(s);
}

/* The top band in its channel: an octagon in person; on the phone and in writing no octagon
 * (a handset going down, an envelope with an exclamation mark), and words that fit. */
static void top_band_looks_like_its_channel(void **state) {
    (void)state;
    int octagons[3] = {0};
    for (int ch = 0; ch < 3; ch++) {
        df_DrawList dl;
        df_dl_init(&dl);
        df_band_mark(&dl, 0, 20, 32, DF_BAND_THREATENING, (df_Channel)ch, (df_Color){200, 0, 0, 255});
        for (int i = 0; i < dl.n; i++) octagons[ch] += dl.v[i].kind == DF_CMD_POLY && dl.v[i].npts == 8;
        assert_true(dl.n > 0);
        df_dl_deinit(&dl);
    }
    assert_int_equal(octagons[DF_CHANNEL_IN_PERSON], 1);
    assert_int_equal(octagons[DF_CHANNEL_PHONE], 0);
    assert_int_equal(octagons[DF_CHANNEL_WRITING], 0);
    assert_int_equal(df_channel_of("phone"), DF_CHANNEL_PHONE);
    assert_int_equal(df_channel_of("email"), DF_CHANNEL_WRITING);
    assert_int_equal(df_channel_of("field"), DF_CHANNEL_IN_PERSON);
    assert_non_null(strstr(df_band_sign(DF_BAND_THREATENING, DF_CHANNEL_PHONE), "hang up"));
    assert_non_null(strstr(df_band_sign(DF_BAND_THREATENING, DF_CHANNEL_WRITING), "reporter"));
    assert_null(strstr(df_band_sign(DF_BAND_THREATENING, DF_CHANNEL_PHONE), "counter"));
    /* lower bands keep their shapes everywhere */
    for (int ch = 0; ch < 3; ch++) {
        df_DrawList a, b;
        df_dl_init(&a);
        df_dl_init(&b);
        df_band_mark(&a, 0, 20, 32, DF_BAND_VENTING, (df_Channel)ch, (df_Color){200, 0, 0, 255});
        df_band_shape(&b, 0, 20, 32, DF_BAND_VENTING, (df_Color){200, 0, 0, 255});
        assert_int_equal(a.n, b.n);
        assert_int_equal(a.v[0].kind, b.v[0].kind);
        df_dl_deinit(&a);
        df_dl_deinit(&b);
    }
}

/* One ordinary choice moves agitation by at most DF_MAX_STEP; a declared event may move more. */
static void one_choice_moves_agitation_at_most_twenty(void **state) {
    (void)state;
    static const char *const src =
        "return scenario {\n"
        "  id = 'jump', title = 'Jump', setting = 'counter', role = 'Clerk',\n"
        "  resident = { name = 'Sam', agitation = 30, trust = 30 },\n"
        "  start = 'a',\n"
        "  beats = { a = { says = 'Hm.', choices = {\n"
        "    { 'That is the rule.', tags = { 'policy_wall' }, effect = { agitation = 40 }, go = 'done', coach = 'c' },\n"
        "    { 'The record says you were there.', tags = { 'inform' }, event = 'reveal', effect = { agitation = 40 },\n"
        "      go = 'done', coach = 'c' } } } },\n"
        "  endings = { done = { outcome = 'unresolved', debrief = 'd' } },\n"
        "}\n";
    df_Script *s = load_ok(src);
    const df_Scenario *sc = df_script_scenario(s);
    df_Error err;
    df_Run *run = df_run_new(sc, df_script_host(s), 3, &err);
    assert_non_null(run);
    df_Effect e;
    df_effect_predict(df_run_state(run), &sc->beats[0].choices[0], &e);
    assert_true(e.d_agitation <= DF_MAX_STEP + 1e-9 && e.d_agitation > 0);
    df_effect_predict(df_run_state(run), &sc->beats[0].choices[1], &e);
    assert_true(e.d_agitation > DF_MAX_STEP);
    /* check tells the author whose override is capped, and not the one who declared the event */
    df_Diags d = {0};
    df_lint(sc, df_script_host(s), &d);
    assert_true(diags_have(&d, "choice 1, field 'effect': agitation +40 is capped at 20"));
    assert_false(diags_have(&d, "choice 2, field 'effect'"));
    df_diags_free(&d);
    df_run_free(run);
    df_script_free(s);
}

/* ---------------------------------------------------------------- the bundled library */

typedef void (*per_scenario)(const char *path, df_Script *s);

static int for_each_bundled(per_scenario fn) {
    DIR *dir = opendir("scenarios");
    assert_non_null(dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua")) continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s", e->d_name);
        df_Diags d = {0};
        df_Script *s = df_script_load(path, NULL, &d);
        if (!s) diags_dump(&d);
        df_diags_free(&d);
        assert_non_null(s);
        fn(path, s);
        df_script_free(s);
        n++;
    }
    closedir(dir);
    return n;
}

static df_Run *replay(df_Script *s, const df_Path *p) {
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    for (int i = 0; run && i < p->n; i++) assert_int_equal(df_run_choose(run, p->choices[i], &err), 0);
    assert_true(run && df_run_over(run));
    return run;
}

static void best_beats_worst_on_each_dimension(const char *path, df_Script *s) {
    df_Walk w;
    df_Error err;
    assert_int_equal(df_walk(df_script_scenario(s), df_script_host(s), 1, NULL, &w, &err), 0);
    df_Run *best = replay(s, &w.best), *worst = replay(s, &w.worst);
    const df_Result *b = df_run_result(best), *wr = df_run_result(worst);
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        if (b->dims[d] < 0 || wr->dims[d] < 0) continue;
        if (b->dims[d] < wr->dims[d])
            fail_msg("%s: %s is %d on the best path but %d on the worst", path, df_dim_label((df_Dim)d), b->dims[d],
                     wr->dims[d]);
    }
    df_run_free(best);
    df_run_free(worst);
    df_walk_free(&w);
}

static void every_bundled_scenario_ranks_its_rubric_honestly(void **state) {
    (void)state;
    assert_true(for_each_bundled(best_beats_worst_on_each_dimension) >= 10);
}

static int miscalibrated; /* scenarios that miss a target: all are listed, then the test fails */

static void calibrated(const char *path, df_Script *s) {
    df_Walk w;
    df_Error err;
    assert_int_equal(df_walk(df_script_scenario(s), df_script_host(s), 1, NULL, &w, &err), 0);
    df_Calibration c;
    assert_int_equal(df_calibrate(df_script_scenario(s), df_script_host(s), 1, &w, &c, &err), 0);
    double b = c.baseline;
    bool bad = false;
    if (!(c.best_ok && c.typical_ok && c.escalated_ok)) {
        fprintf(stderr, "%s: best %.2fx (at most %.0fx), typical %.2fx (between), most escalated %.2fx (%.0f-%.0fx)\n",
                path, c.best / b, DF_CAL_BEST_MAX, c.typical / b, c.escalated / b, DF_CAL_ESCALATED_MIN,
                DF_CAL_ESCALATED_MAX);
        bad = true;
    }
    for (int i = 0; i < c.nissues; i++) {
        if (c.issues[i].mistake)
            fprintf(stderr, "%s: on the best path, decision %d: option %d projects %.1f min but the mistake %d only %.1f\n",
                    path, c.issues[i].step + 1, c.issues[i].best, c.issues[i].best_total, c.issues[i].mistake,
                    c.issues[i].mistake_total);
        else
            fprintf(stderr, "%s: on the best path, decision %d: option %d raises the forecast from %.1f to %.1f min\n",
                    path, c.issues[i].step + 1, c.issues[i].best, c.issues[i].mistake_total, c.issues[i].best_total);
        bad = true;
    }
    miscalibrated += bad;
    df_walk_free(&w);
}

static void every_timed_bundled_scenario_meets_the_time_targets(void **state) {
    (void)state;
    miscalibrated = 0;
    assert_true(for_each_bundled(calibrated) >= 10);
    assert_int_equal(miscalibrated, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forecast_is_deterministic_and_counts_follow_on),
        cmocka_unit_test(the_quick_no_raises_the_forecast_and_listening_lowers_it),
        cmocka_unit_test(forecast_ends_at_the_result),
        cmocka_unit_test(a_large_scenario_is_sampled_and_says_so),
        cmocka_unit_test(a_fork_forecasts_as_the_run_does),
        cmocka_unit_test(sustained_venting_ends_in_a_walk_out),
        cmocka_unit_test(walkout_must_name_an_ending),
        cmocka_unit_test(rubric_dimensions_carry_their_evidence),
        cmocka_unit_test(top_band_looks_like_its_channel),
        cmocka_unit_test(one_choice_moves_agitation_at_most_twenty),
        cmocka_unit_test(every_bundled_scenario_ranks_its_rubric_honestly),
        cmocka_unit_test(every_timed_bundled_scenario_meets_the_time_targets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
