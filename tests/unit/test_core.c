/* test_core.c: unit tests of the pure simulation core (no Lua): bands, time, tags, gates, score. */
#include <math.h>

#include "harness.h"

/* A one-beat scenario whose choices each carry one tag and loop back, plus an exit. */
static df_Scenario *make_scenario(double agitation, double trust, df_Need need) {
    df_Scenario *sc = df_scenario_new();
    assert_non_null(sc);
    sc->file = "test";
    sc->id = "t";
    sc->title = "T";
    sc->setting = "counter";
    sc->role = "Clerk";
    sc->resident.name = "R";
    sc->resident.agitation = agitation;
    sc->resident.trust = trust;
    sc->resident.need = need;
    sc->resident.volatility = 1.0;
    sc->resident.recovery = 1.0;
    int nt = df_tag_count();
    sc->nbeats = 1;
    sc->beats = df_scenario_alloc(sc, sizeof *sc->beats);
    sc->beats[0].id = "a";
    sc->beats[0].says.fixed = "Hello";
    sc->beats[0].choices = df_scenario_alloc(sc, sizeof(df_Choice) * (size_t)nt);
    sc->beats[0].nchoices = nt;
    for (int i = 0; i < nt; i++) {
        df_Choice *c = &sc->beats[0].choices[i];
        c->text = df_tag(i)->key;
        c->tags[0] = i;
        c->ntags = 1;
        c->go = i == DF_TAG_DISENGAGE ? DF_END(0) : 0;
        c->grade = -1;
        c->eff_agitation = c->eff_trust = c->eff_minutes = NAN;
    }
    sc->nendings = 1;
    sc->endings = df_scenario_alloc(sc, sizeof *sc->endings);
    sc->endings[0].id = "end";
    sc->endings[0].outcome = DF_OUT_RESOLVED_ACCEPTED;
    sc->endings[0].task = -1;
    sc->start = 0;
    return sc;
}

/* A scenario for runs: one beat whose choices carry the given tags, in order (at most 9);
 * "disengage" goes to the ending, every other choice loops back. */
static df_Scenario *make_run_scenario(double agitation, double trust, const char *const *tags, int n) {
    df_Scenario *sc = make_scenario(agitation, trust, DF_NEED_NONE);
    df_Choice *cs = df_scenario_alloc(sc, sizeof(df_Choice) * (size_t)n);
    for (int i = 0; i < n; i++) {
        int id = df_tag_from_key(tags[i]);
        assert_true(id >= 0);
        cs[i] = sc->beats[0].choices[id];
    }
    sc->beats[0].choices = cs;
    sc->beats[0].nchoices = n;
    return sc;
}

/* 1-based position of a tag in a run scenario's beat. */
static int pos(const df_Scenario *sc, const char *tag) {
    for (int i = 0; i < sc->beats[0].nchoices; i++)
        if (!strcmp(df_tag(sc->beats[0].choices[i].tags[0])->key, tag)) return i + 1;
    fail_msg("tag %s not in the beat", tag);
    return 0;
}

static df_State make_state(const df_Scenario *sc, double a, double t, bool heard) {
    df_State st;
    memset(&st, 0, sizeof st);
    st.sc = sc;
    st.agitation = a;
    st.trust = t;
    st.heard = heard;
    return st;
}

static const df_Choice *choice_for(const df_Scenario *sc, const char *tag) {
    int id = df_tag_from_key(tag);
    assert_true(id >= 0);
    return &sc->beats[0].choices[id];
}

static void bands_have_their_thresholds(void **state) {
    (void)state;
    assert_int_equal(df_band_of(0), DF_BAND_SETTLED);
    assert_int_equal(df_band_of(19.9), DF_BAND_SETTLED);
    assert_int_equal(df_band_of(20), DF_BAND_UNEASY);
    assert_int_equal(df_band_of(39.9), DF_BAND_UNEASY);
    assert_int_equal(df_band_of(40), DF_BAND_DEFENSIVE);
    assert_int_equal(df_band_of(60), DF_BAND_VENTING);
    assert_int_equal(df_band_of(80), DF_BAND_THREATENING);
    assert_int_equal(df_band_of(100), DF_BAND_THREATENING);
    assert_int_equal(df_band_of(NAN), DF_BAND_SETTLED);
    assert_string_equal(df_band_name(DF_BAND_VENTING), "Venting");
    assert_int_equal(df_band_from_key("threatening"), DF_BAND_THREATENING);
    assert_int_equal(df_band_from_key("angry"), -1);
}

static void multiplier_runs_from_one_to_M(void **state) {
    (void)state;
    df_Params p;
    df_params_default(&p);
    assert_true(fabs(df_multiplier(&p, 0) - 1.0) < 1e-12);
    assert_true(fabs(df_multiplier(&p, 100) - p.M) < 1e-12);
    assert_true(fabs(df_multiplier(&p, 50) - 2.0) < 1e-12);
    p.M = 3;
    assert_true(fabs(df_multiplier(&p, 100) - 3.0) < 1e-12);
    /* clamped outside the range, monotonic inside it */
    assert_true(df_multiplier(&p, -5) == 1.0);
    assert_true(df_multiplier(&p, 500) == 3.0);
    for (int a = 1; a <= 100; a++) assert_true(df_multiplier(&p, a) > df_multiplier(&p, a - 1));
}

static void calm_baseline_is_task_plus_calm_turns(void **state) {
    (void)state;
    df_Params p;
    df_params_default(&p);
    double expect = p.task_minutes + p.calm_turns * (p.resident_minutes + 1.0) * df_multiplier(&p, 10);
    assert_true(fabs(df_calm_baseline(&p) - expect) < 1e-9);
}

static void tag_table_is_consistent(void **state) {
    (void)state;
    assert_string_equal(df_tag(DF_TAG_DISENGAGE)->key, "disengage");
    assert_string_equal(df_tag(DF_TAG_TASK)->key, "task");
    for (int i = 0; i < df_tag_count(); i++) {
        const df_TagInfo *t = df_tag(i);
        assert_int_equal(df_tag_from_key(t->key), i);
        for (const char *c = t->key; *c; c++) assert_true((*c >= 'a' && *c <= 'z') || *c == '_');
        assert_true(t->minutes >= 0);
        assert_non_null(t->summary);
        if (t->kind == DF_KIND_MISTAKE) assert_true(t->trust < 0 || (t->flags & DF_TF_FALSE_PROMISE));
    }
    assert_null(df_tag(-1));
    assert_null(df_tag(df_tag_count()));
}

/* Each constructive tag calms (or is neutral) in Uneasy; each mistake escalates there,
 * except the ones that buy calm now and cost later. */
static void each_tag_moves_agitation_the_documented_way(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(30, 50, DF_NEED_NONE);
    for (int b = 0; b < 4; b++) {
        double a = df_band_floor((df_Band)b) + 10;
        df_State st = make_state(sc, a, 50, true);
        for (int i = 0; i < df_tag_count(); i++) {
            const df_TagInfo *t = df_tag(i);
            df_Effect e;
            df_effect_predict(&st, choice_for(sc, t->key), &e);
            double base = t->delta[b];
            if (t->flags & DF_TF_ACCESS_ONLY) base = 0;
            if (t->flags & DF_TF_HOLLOW) base = b >= DF_BAND_VENTING ? 5 : -1;
            if (base > 0) assert_true(e.d_agitation > 0);
            if (base < 0) assert_true(e.d_agitation < 0);
        }
    }
    df_scenario_free(sc);
}

static void explaining_to_a_venting_resident_makes_it_worse(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(65, 20, DF_NEED_NONE);
    df_State st = make_state(sc, 65, 20, false);
    df_Effect e;
    df_effect_predict(&st, choice_for(sc, "explain_why"), &e);
    assert_true(e.d_agitation > 0);
    df_effect_predict(&st, choice_for(sc, "listen"), &e);
    assert_true(e.d_agitation < 0);
    df_scenario_free(sc);
}

/* Gate: information lands only once the resident feels heard or trusts the employee. */
static void information_is_gated_until_heard(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(45, 20, DF_NEED_NONE);
    df_State closed = make_state(sc, 45, 20, false);
    df_State heard = make_state(sc, 45, 20, true);
    df_State trusted = make_state(sc, 45, 45, false);
    df_Effect e1, e2, e3;
    df_effect_predict(&closed, choice_for(sc, "inform"), &e1);
    df_effect_predict(&heard, choice_for(sc, "inform"), &e2);
    df_effect_predict(&trusted, choice_for(sc, "inform"), &e3);
    assert_true(e1.gated);
    assert_true(e1.d_agitation > 0); /* Defensive and not heard: +3 */
    assert_false(e2.gated);
    assert_true(e2.d_agitation < 0);
    assert_false(e3.gated);
    assert_true(e3.d_agitation < 0);
    /* In Uneasy the gate halves the effect instead. */
    df_State uneasy = make_state(sc, 30, 20, false), uneasy_heard = make_state(sc, 30, 20, true);
    df_effect_predict(&uneasy, choice_for(sc, "options"), &e1);
    df_effect_predict(&uneasy_heard, choice_for(sc, "options"), &e2);
    assert_true(e1.d_agitation < 0 && e1.d_agitation > e2.d_agitation);
    df_scenario_free(sc);
}

static void task_is_blocked_above_the_gate(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(50, 30, DF_NEED_NONE);
    df_State hot = make_state(sc, 50, 30, true);
    df_State unheard = make_state(sc, 30, 30, false);
    df_State ready = make_state(sc, 40, 30, true);
    df_State settled = make_state(sc, 10, 30, false);
    assert_false(df_state_task_ready(&hot));
    assert_false(df_state_task_ready(&unheard));
    assert_true(df_state_task_ready(&ready));
    assert_true(df_state_task_ready(&settled));
    df_Effect e;
    df_effect_predict(&hot, choice_for(sc, "task"), &e);
    assert_true(e.task_attempt && e.task_blocked && e.d_agitation > 0);
    df_effect_predict(&ready, choice_for(sc, "task"), &e);
    assert_true(e.task_attempt && !e.task_blocked);
    df_scenario_free(sc);
}

static void need_match_strengthens_the_move(void **state) {
    (void)state;
    df_Scenario *plain = make_scenario(30, 50, DF_NEED_NONE);
    df_Scenario *matched = make_scenario(30, 50, DF_NEED_RECOGNITION);
    df_State a = make_state(plain, 30, 50, true), b = make_state(matched, 30, 50, true);
    df_Effect e1, e2;
    df_effect_predict(&a, choice_for(plain, "acknowledge"), &e1);
    df_effect_predict(&b, choice_for(matched, "acknowledge"), &e2);
    assert_true(e2.need_match && !e1.need_match);
    assert_true(fabs(e2.d_agitation - 1.5 * e1.d_agitation) < 1e-9);
    df_scenario_free(plain);
    df_scenario_free(matched);
}

static void volatility_and_audience_scale_escalation(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(30, 50, DF_NEED_NONE);
    df_State st = make_state(sc, 30, 50, true);
    df_Effect e1, e2, e3;
    df_effect_predict(&st, choice_for(sc, "blame"), &e1);
    sc->resident.volatility = 1.5;
    df_effect_predict(&st, choice_for(sc, "blame"), &e2);
    st.audience = true;
    df_effect_predict(&st, choice_for(sc, "blame"), &e3);
    assert_true(fabs(e2.d_agitation - 1.5 * e1.d_agitation) < 1e-9);
    assert_true(fabs(e3.d_agitation - 1.3 * e2.d_agitation) < 1e-9);
    df_scenario_free(sc);
}

static void repeated_acknowledgement_loses_force(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(30, 50, DF_NEED_NONE);
    df_State st = make_state(sc, 30, 50, true);
    df_Effect e1, e2;
    df_effect_predict(&st, choice_for(sc, "acknowledge"), &e1);
    st.used[df_tag_from_key("acknowledge")] = 1;
    df_effect_predict(&st, choice_for(sc, "acknowledge"), &e2);
    assert_true(fabs(e2.d_agitation - 0.5 * e1.d_agitation) < 1e-9);
    df_scenario_free(sc);
}

/* Time: turn minutes grow with agitation; the clock never runs backwards. */
static void conversation_time_grows_with_agitation(void **state) {
    (void)state;
    df_Scenario *sc = make_scenario(10, 50, DF_NEED_NONE);
    double prev = 0;
    for (int a = 0; a <= 100; a += 10) {
        df_State st = make_state(sc, a, 50, true);
        df_Effect e;
        df_effect_predict(&st, choice_for(sc, "listen"), &e);
        assert_true(e.minutes > prev);
        prev = e.minutes;
    }
    df_scenario_free(sc);
}

static void clock_is_monotonic_and_parts_add_up(void **state) {
    (void)state;
    /* a mix of moves, then the task, then leave */
    const char *seq[] = {"argue", "listen", "paraphrase", "listen", "acknowledge", "task", "thank"};
    const char *tags[] = {"argue", "listen", "paraphrase", "acknowledge", "task", "thank", "disengage"};
    df_Scenario *sc = make_run_scenario(55, 30, tags, 7);
    df_Error err;
    df_Run *run = df_run_new(sc, NULL, 7, &err);
    assert_non_null(run);
    double last = 0;
    for (size_t i = 0; i < sizeof seq / sizeof *seq; i++) {
        assert_int_equal(df_run_choose(run, pos(sc, seq[i]), &err), 0);
        const df_State *st = df_run_state(run);
        assert_true(st->clock >= last);
        last = st->clock;
        assert_true(fabs(st->clock - (st->conversation + st->task + st->rework)) < 1e-9);
    }
    assert_true(df_run_state(run)->task_done);
    assert_int_equal(df_run_choose(run, pos(sc, "disengage"), &err), 0);
    const df_Result *r = df_run_result(run);
    assert_non_null(r);
    assert_true(fabs(r->total - (r->conversation + r->task + r->rework + r->follow_on)) < 1e-9);
    assert_true(r->baseline > 0 && fabs(r->ratio - r->total / r->baseline) < 1e-9);
    df_run_free(run);
    df_scenario_free(sc);
}

static void follow_on_costs_come_from_outcome_and_events(void **state) {
    (void)state;
    const char *tags[] = {"handoff", "disengage"};
    df_Scenario *sc = make_run_scenario(30, 30, tags, 2);
    sc->endings[0].outcome = DF_OUT_ESCALATED;
    df_Error err;
    df_Run *run = df_run_new(sc, NULL, 1, &err);
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_int_equal(df_run_choose(run, 2, &err), 0);
    const df_Result *r = df_run_result(run);
    assert_true(r->follow_on_parts[DF_FO_SUPERVISOR] == sc->params.follow_on[DF_FO_SUPERVISOR]);
    assert_true(r->follow_on_parts[DF_FO_COMPLAINT] == sc->params.follow_on[DF_FO_COMPLAINT]);
    assert_true(r->follow_on_parts[DF_FO_REPEAT_CONTACT] == sc->params.follow_on[DF_FO_REPEAT_CONTACT]);
    assert_true(r->follow_on_parts[DF_FO_POLICE] == 0);
    df_run_free(run);
    df_scenario_free(sc);
}

/* A safety exit counts only after a tripwire; otherwise walking away is unresolved. */
static void safety_exit_needs_a_tripwire(void **state) {
    (void)state;
    const char *tags[] = {"explain_why", "disengage"};
    df_Scenario *sc = make_run_scenario(30, 30, tags, 2);
    sc->endings[0].outcome = DF_OUT_SAFETY_EXIT;
    df_Error err;
    df_Run *run = df_run_new(sc, NULL, 1, &err);
    assert_int_equal(df_run_choose(run, 2, &err), 0);
    const df_Result *r = df_run_result(run);
    assert_int_equal(r->outcome, DF_OUT_UNRESOLVED);
    assert_int_equal(r->declared, DF_OUT_SAFETY_EXIT);
    assert_int_equal(df_run_steps(run, &(const df_Step *){0}), 1);
    df_run_free(run);

    sc->beats[0].tripwire = true;
    sc->beats[0].choices[0].grade = DF_GRADE_BEST; /* an author's "best" cannot outrank safety */
    run = df_run_new(sc, NULL, 1, &err);
    /* On a tripwire anything but disengaging is critical. */
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    const df_Step *steps;
    df_run_steps(run, &steps);
    assert_int_equal(steps[0].grade, DF_GRADE_CRITICAL);
    assert_int_equal(df_run_choose(run, 2, &err), 0);
    df_run_steps(run, &steps);
    assert_int_equal(steps[1].grade, DF_GRADE_BEST);
    r = df_run_result(run);
    assert_int_equal(r->outcome, DF_OUT_SAFETY_EXIT);
    assert_false(r->time_scored);
    assert_true(r->critical);
    assert_true(r->score <= 20);
    df_run_free(run);
    df_scenario_free(sc);
}

/* Arriving Threatening trips the wire; below it, nothing does. */
static void threat_trips_the_wire(void **state) {
    (void)state;
    const char *tags[] = {"sarcasm", "disengage"};
    df_Scenario *sc = make_run_scenario(66, 10, tags, 2);
    df_Error err;
    df_Run *run = df_run_new(sc, NULL, 1, &err);
    assert_false(df_run_state(run)->tripwire);
    assert_int_equal(df_run_choose(run, 1, &err), 0); /* sarcasm while Venting: over 80 */
    assert_true(df_run_state(run)->agitation >= 80);
    assert_true(df_run_state(run)->tripwire);
    const df_Step *steps;
    df_run_steps(run, &steps);
    assert_int_equal(df_run_choose(run, 1, &err), 0); /* more sarcasm now is critical */
    df_run_steps(run, &steps);
    assert_int_equal(steps[1].grade, DF_GRADE_CRITICAL);
    df_run_free(run);
    df_scenario_free(sc);
}

static void scores_stay_in_bounds(void **state) {
    (void)state;
    /* Every single-tag path of length 1..6 from several starting points. */
    for (int a0 = 10; a0 <= 90; a0 += 40) {
        for (int tag = 0; tag < df_tag_count(); tag++) {
            const char *tags[] = {df_tag(tag)->key, "disengage"};
            df_Scenario *sc = make_run_scenario(a0, 30, tags, 2);
            sc->resident.need = DF_NEED_FAIRNESS;
            df_Error err;
            df_Run *run = df_run_new(sc, NULL, (uint64_t)tag, &err);
            for (int k = 0; k < 5 && !df_run_over(run); k++) df_run_choose(run, 1, &err);
            if (!df_run_over(run)) df_run_choose(run, 2, &err);
            const df_Result *r = df_run_result(run);
            assert_non_null(r);
            assert_true(r->score >= 0 && r->score <= 100);
            assert_true(r->choice_quality >= 0 && r->choice_quality <= 1);
            assert_true(r->time_score >= 0 && r->time_score <= 1);
            for (int d = 0; d < DF_DIM_COUNT; d++) assert_true(r->dims[d] >= -1 && r->dims[d] <= 100);
            const df_State *st = df_run_state(run);
            assert_true(st->agitation >= 0 && st->agitation <= 100);
            assert_true(st->trust >= 0 && st->trust <= 100);
            df_run_free(run);
            df_scenario_free(sc);
        }
    }
}

static void good_moves_outscore_bad_moves(void **state) {
    (void)state;
    const char *tags[] = {"listen", "paraphrase", "task", "disengage", "calm_down", "blame"};
    df_Scenario *sc = make_run_scenario(50, 30, tags, 6);
    int good[] = {1, 2, 3, 4}, bad[] = {5, 6, 3, 4};
    int scores[2];
    for (int k = 0; k < 2; k++) {
        df_Error err;
        df_Run *run = df_run_new(sc, NULL, 3, &err);
        for (int i = 0; i < 4 && !df_run_over(run); i++) df_run_choose(run, (k ? bad : good)[i], &err);
        scores[k] = df_run_result(run)->score;
        df_run_free(run);
    }
    assert_true(scores[0] > scores[1]);
    df_scenario_free(sc);
}

/* Same scenario, seed and choices: the same run, to the last bit. */
static void runs_are_deterministic_for_a_seed(void **state) {
    (void)state;
    const char *tags[] = {"listen", "label", "paraphrase", "task", "disengage"};
    df_Scenario *sc = make_run_scenario(60, 20, tags, 5);
    int seq[] = {1, 2, 3, 4, 5};
    double totals[3];
    for (int k = 0; k < 3; k++) {
        df_Error err;
        df_Run *run = df_run_new(sc, NULL, k < 2 ? 42 : 43, &err);
        for (int i = 0; i < 5; i++) df_run_choose(run, seq[i], &err);
        totals[k] = df_run_result(run)->total;
        df_run_free(run);
    }
    assert_true(totals[0] == totals[1]);
    df_scenario_free(sc);
    (void)totals[2];
    df_Rng a, b;
    df_rng_seed(&a, 9);
    df_rng_seed(&b, 9);
    for (int i = 0; i < 1000; i++) assert_int_equal(df_rng_next(&a), df_rng_next(&b));
    for (int i = 0; i < 1000; i++) {
        double u = df_rng_unit(&a);
        assert_true(u >= 0 && u < 1);
    }
}

/* Text for a terminal: C0 as control pictures, C1 as \x9B text, bidi overrides gone, invalid
 * UTF-8 as U+FFFD; and the entry check that refuses them in names. */
static void term_safe_neutralises_every_class(void **state) {
    (void)state;
    char out[128];
    df_term_safe("a\x1b[2J\x07\tb\n", 9, out, sizeof out);
    assert_string_equal(out, "a\xE2\x90\x9B[2J\xE2\x90\x87\tb\n"); /* ESC U+241B, BEL U+2407 */
    df_term_safe("\xC2\x9B" "2J\xC2\x85!", 7, out, sizeof out);
    assert_string_equal(out, "\\x9B2J\\x85!");
    df_term_safe("txt\xE2\x80\xAE" "exe\xE2\x81\xA6x\xE2\x81\xA9", 16, out, sizeof out);
    assert_string_equal(out, "txtexex");
    df_term_safe("a\xFF\x7F", 3, out, sizeof out);
    assert_string_equal(out, "a\xEF\xBF\xBD\xE2\x90\xA1");
    df_term_safe("h\xC3\xA9\xE2\x80\x8F", 6, out, sizeof out); /* text and an RLM mark stay */
    assert_string_equal(out, "h\xC3\xA9\xE2\x80\x8F");
    size_t n = df_term_safe("\x1b\x1b\x1b", 3, out, 7); /* cut at a whole character */
    assert_int_equal(n, 6);
    assert_string_equal(df_term_text("x\x1by"), "x\xE2\x90\x9By");
    assert_true(df_text_unsafe("Dana\xC2\x9B", 6, false));
    assert_true(df_text_unsafe("a\xC2\x85" "b", 4, false));
    assert_true(df_text_unsafe("\xE2\x80\xAA", 3, false));
    assert_true(df_text_unsafe("\xE2\x81\xA9", 3, false));
    assert_true(df_text_unsafe("a\tb", 3, false));
    assert_false(df_text_unsafe("a\tb", 3, true));
    assert_true(df_text_unsafe("\xFF", 1, true));
    assert_false(df_text_unsafe("Dana Sm\xC3\xADth", 11, false));
    df_sanitize("a\xE2\x80\xAE" "b", 5, out, sizeof out); /* df_sanitize drops bidi overrides too */
    assert_string_equal(out, "ab");
}

static void sanitize_removes_controls_and_bad_utf8(void **state) {
    (void)state;
    char out[64];
    df_sanitize("a\x1b[2Jb\x07\tc\n", 10, out, sizeof out);
    assert_string_equal(out, "a[2Jb\tc\n");
    df_sanitize("x\xC0\xAFy", 4, out, sizeof out);
    assert_string_equal(out, "x\xEF\xBF\xBD\xEF\xBF\xBDy");
    df_sanitize("\xC2\x9B" "z", 3, out, sizeof out); /* C1 CSI */
    assert_string_equal(out, "z");
    char big[200];
    memset(big, 'q', sizeof big);
    size_t n = df_sanitize(big, sizeof big, out, 16);
    assert_true(n < 16 && strlen(out) == n && strstr(out, "..."));
    assert_true(df_utf8_valid("h\xC3\xA9llo", 6));
    assert_false(df_utf8_valid("\xED\xA0\x80", 3));
    assert_false(df_utf8_valid("\xF4\x90\x80\x80", 4));
    assert_false(df_utf8_valid("\xE2\x82", 2));
    assert_int_equal(df_edit_distance("acknowlege", "acknowledge"), 1);
    assert_int_equal(df_edit_distance("", "abc"), 3);
}

/* The room's vote: majority, ties, undo of presses and typed counts, and the override. */
static void tally_majority_ties_undo_and_override(void **state) {
    (void)state;
    df_Tally t;
    unsigned lead;
    df_tally_init(&t, 4);
    assert_int_equal(df_tally_result(&t, &lead), DF_TALLY_NONE);
    assert_int_equal(lead, 0);
    assert_true(df_tally_share(&t, 0) == 0);
    /* A, B, B: B leads. */
    assert_int_equal(df_tally_vote(&t, 0), 0);
    assert_int_equal(df_tally_vote(&t, 1), 0);
    assert_int_equal(df_tally_vote(&t, 1), 0);
    assert_int_equal(df_tally_total(&t), 3);
    assert_int_equal(df_tally_result(&t, &lead), 1);
    assert_int_equal(lead, 1u << 1);
    assert_true(fabs(df_tally_share(&t, 1) - 2.0 / 3) < 1e-9);
    /* One more A ties it: the trainer must pick. */
    df_tally_vote(&t, 0);
    assert_int_equal(df_tally_result(&t, &lead), DF_TALLY_TIE);
    assert_int_equal(lead, (1u << 0) | (1u << 1));
    /* Backspace takes back the last press. */
    assert_int_equal(df_tally_undo(&t), 0);
    assert_int_equal(df_tally_result(&t, NULL), 1);
    /* A typed count replaces the presses, and undo restores what was there. */
    assert_int_equal(df_tally_set(&t, 3, 7), 0);
    assert_int_equal(df_tally_result(&t, NULL), 3);
    assert_int_equal(df_tally_undo(&t), 3);
    assert_int_equal(t.count[3], 0);
    assert_int_equal(df_tally_result(&t, NULL), 1);
    /* The trainer overrides the room (the instructor-driven branch), then changes mind. */
    assert_int_equal(df_tally_override(&t, 2), 0);
    assert_int_equal(df_tally_result(&t, &lead), 2);
    assert_int_equal(lead, 1u << 1); /* the bars still show who the room backed */
    assert_int_equal(df_tally_override(&t, -1), 0);
    assert_int_equal(df_tally_result(&t, NULL), 1);
    /* Bad input is refused and changes nothing. */
    assert_int_equal(df_tally_vote(&t, 4), -1);
    assert_int_equal(df_tally_vote(&t, -1), -1);
    assert_int_equal(df_tally_set(&t, 0, -3), -1);
    assert_int_equal(df_tally_set(&t, 0, DF_TALLY_MAX_COUNT + 1), -1);
    assert_int_equal(df_tally_override(&t, 9), -1);
    assert_int_equal(df_tally_total(&t), 3);
    /* Undo all the way back, then once more: nothing left to undo. */
    while (df_tally_undo(&t) >= 0) {}
    assert_int_equal(df_tally_total(&t), 0);
    assert_int_equal(df_tally_undo(&t), -1);
    /* A full count stops at the limit; a long history drops only its oldest undo. */
    assert_int_equal(df_tally_set(&t, 0, DF_TALLY_MAX_COUNT), 0);
    assert_int_equal(df_tally_vote(&t, 0), -1);
    df_tally_init(&t, 2);
    for (int i = 0; i < DF_TALLY_UNDO + 10; i++) df_tally_vote(&t, i % 2);
    assert_int_equal(df_tally_total(&t), DF_TALLY_UNDO + 10);
    int undone = 0;
    while (df_tally_undo(&t) >= 0) undone++;
    assert_int_equal(undone, DF_TALLY_UNDO);
    assert_int_equal(df_tally_total(&t), 10);
    /* More options than a screen shows are clamped. */
    df_tally_init(&t, 50);
    assert_int_equal(t.noptions, DF_MAX_VISIBLE);
}

/* A module's deck: the slide order, one step at a time through a point, and the clock. */
static void deck_orders_slides_steps_points_and_times_parts(void **state) {
    (void)state;
    df_Module m;
    memset(&m, 0, sizeof m);
    m.minutes = 20;
    m.has_pace = 1;
    m.pace[DF_PART_OPENING] = 2, m.pace[DF_PART_POINTS] = 6, m.pace[DF_PART_EXERCISE] = 8;
    m.pace[DF_PART_WRAPUP] = 3, m.pace[DF_PART_CLOSING] = 1;
    m.npoints = 2;
    m.points[0] = (df_Point){"One", "Body", NULL, "Why?", "Because.", 1};
    m.points[1] = (df_Point){"Two", "Body", NULL, NULL, NULL, 2};
    m.nexercise = 1;
    m.exercise[0] = "mini";
    m.nwrapup = 1;
    m.wrapup[0] = "What changed?";
    df_Deck d;
    df_deck_init(&d, &m);
    static const df_SlideKind want[] = {DF_SLIDE_TITLE, DF_SLIDE_OBJECTIVES, DF_SLIDE_POINT, DF_SLIDE_POINT,
                                        DF_SLIDE_EXERCISE, DF_SLIDE_DEBRIEF, DF_SLIDE_WRAPUP, DF_SLIDE_THANKS};
    assert_int_equal(d.n, 8);
    for (int i = 0; i < 8; i++) assert_int_equal(d.slides[i].kind, want[i]);
    assert_int_equal(d.slides[2].nsteps, 3); /* body, question, reveal */
    assert_int_equal(d.slides[3].nsteps, 1);
    assert_int_equal(df_deck_back(&d), -1); /* nothing before the title */
    /* 20 s on the title, then through the objectives into the first point. */
    df_deck_tick(&d, 20);
    assert_int_equal(df_deck_next(&d), 0);
    assert_int_equal(df_deck_next(&d), 0);
    assert_int_equal(df_deck_slide(&d)->kind, DF_SLIDE_POINT);
    assert_int_equal(d.step, 0);
    df_deck_tick(&d, 90);
    assert_int_equal(df_deck_next(&d), 0); /* the question */
    assert_int_equal(d.step, 1);
    assert_int_equal(df_deck_next(&d), 0); /* the reveal */
    assert_int_equal(d.step, 2);
    assert_int_equal(df_deck_next(&d), 0); /* the second point */
    assert_int_equal(df_deck_slide(&d)->index, 1);
    /* Back from the second point lands on the first point's reveal, not its body. */
    assert_int_equal(df_deck_back(&d), 0);
    assert_int_equal(df_deck_slide(&d)->index, 0);
    assert_int_equal(d.step, 2);
    /* Jump to the debrief (the road not taken starts there), then run off the end. */
    assert_int_equal(df_deck_goto(&d, DF_SLIDE_DEBRIEF, 0), 0);
    df_deck_tick(&d, 30);
    df_deck_tick(&d, -5);      /* a clock that went backwards adds nothing */
    df_deck_tick(&d, 1e9);     /* nor does a jump of days */
    assert_int_equal(df_deck_goto(&d, DF_SLIDE_EXERCISE, 3), -1);
    while (df_deck_next(&d) == 0) {}
    assert_int_equal(df_deck_slide(&d)->kind, DF_SLIDE_THANKS);
    assert_true(df_deck_spent(&d, DF_PART_OPENING) == 20);
    assert_true(df_deck_spent(&d, DF_PART_POINTS) == 90);
    assert_true(df_deck_spent(&d, DF_PART_EXERCISE) == 30);
    assert_true(df_deck_spent(&d, -1) == 140);
    assert_true(df_deck_budget(&d, DF_PART_EXERCISE) == 480);
    assert_true(df_deck_budget(&d, -1) == 1200);
    assert_string_equal(df_slide_key(DF_SLIDE_DEBRIEF), "debrief");
    /* No wrap-up questions: no wrap-up slide. No pace: no budget per part. */
    m.nwrapup = 0;
    m.has_pace = 0;
    df_deck_init(&d, &m);
    assert_int_equal(d.n, 7);
    assert_int_equal(d.slides[6].kind, DF_SLIDE_THANKS);
    assert_true(df_deck_budget(&d, DF_PART_POINTS) == 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bands_have_their_thresholds),
        cmocka_unit_test(multiplier_runs_from_one_to_M),
        cmocka_unit_test(calm_baseline_is_task_plus_calm_turns),
        cmocka_unit_test(tag_table_is_consistent),
        cmocka_unit_test(each_tag_moves_agitation_the_documented_way),
        cmocka_unit_test(explaining_to_a_venting_resident_makes_it_worse),
        cmocka_unit_test(information_is_gated_until_heard),
        cmocka_unit_test(task_is_blocked_above_the_gate),
        cmocka_unit_test(need_match_strengthens_the_move),
        cmocka_unit_test(volatility_and_audience_scale_escalation),
        cmocka_unit_test(repeated_acknowledgement_loses_force),
        cmocka_unit_test(conversation_time_grows_with_agitation),
        cmocka_unit_test(clock_is_monotonic_and_parts_add_up),
        cmocka_unit_test(follow_on_costs_come_from_outcome_and_events),
        cmocka_unit_test(safety_exit_needs_a_tripwire),
        cmocka_unit_test(threat_trips_the_wire),
        cmocka_unit_test(scores_stay_in_bounds),
        cmocka_unit_test(good_moves_outscore_bad_moves),
        cmocka_unit_test(runs_are_deterministic_for_a_seed),
        cmocka_unit_test(sanitize_removes_controls_and_bad_utf8),
        cmocka_unit_test(term_safe_neutralises_every_class),
        cmocka_unit_test(tally_majority_ties_undo_and_override),
        cmocka_unit_test(deck_orders_slides_steps_points_and_times_parts),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
