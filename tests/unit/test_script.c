/* test_script.c: loading scenarios: a valid load, every validation message with its line,
 * dynamic text, conditions and hooks, and the scenario contract. */
#include "harness.h"

#include <unistd.h>

#include "../../engine/analysis/analysis.h"

/* Loads src expecting failure and the given message (with its file:line prefix). */
static void expect_error(const char *src, const char *needle) {
    df_Diags d = {0};
    df_Script *s = load_text("t.lua", src, &d);
    if (s || !diags_have(&d, needle)) {
        fprintf(stderr, "expected: %s\n", needle);
        diags_dump(&d);
    }
    assert_null(s);
    assert_true(diags_have(&d, needle));
    df_diags_free(&d);
}

static void expect_warning(const char *src, const char *needle) {
    df_Diags d = {0};
    df_Script *s = load_text("t.lua", src, &d);
    if (!s || !diags_have(&d, needle)) {
        fprintf(stderr, "expected warning: %s\n", needle);
        diags_dump(&d);
    }
    assert_non_null(s);
    assert_true(diags_have(&d, needle));
    df_script_free(s);
    df_diags_free(&d);
}

static void a_valid_scenario_loads(void **state) {
    (void)state;
    df_Diags d = {0};
    df_Script *s = load_text("mini.lua", MINI_SCENARIO, &d);
    diags_dump(&d);
    assert_non_null(s);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    const df_Scenario *sc = df_script_scenario(s);
    assert_string_equal(sc->id, "mini");
    assert_int_equal(sc->nbeats, 2);
    assert_int_equal(sc->nendings, 1);
    assert_string_equal(sc->beats[sc->start].id, "a");
    assert_int_equal(sc->beats[0].nchoices, 2);
    assert_int_equal(sc->beats[0].choices[1].tags[0], df_tag_from_key("calm_down"));
    assert_int_equal(sc->beats[0].line, 6);
    assert_int_equal(sc->beats[0].choices[1].line, 9);
    assert_int_equal(sc->resident.need, DF_NEED_RECOGNITION);
    df_script_free(s);
    df_diags_free(&d);
}

/* Every validation message, with the line it must point at. */
static void validation_errors_name_file_line_beat_and_field(void **state) {
    (void)state;
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'acknowlege' }, go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:7: error: beat 'a', choice 1, field 'tags': unknown tag 'acknowlege' (did you mean "
                 "'acknowledge'?)");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' },\n"
                 "        go = 'dnoe', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:8: error: beat 'a', choice 1, field 'go': unknown beat or ending 'dnoe' (did you "
                 "mean 'done'?)");
    expect_error("return scenario {\n"
                 "  id = 'x', title = 'X', setting = 'counter', role = 'Clerk',\n"
                 "  resident = { name = 'Sam', agitation = 150 },\n"
                 "  start = 'a',\n" MINI_SCENARIO_BEATS "}\n",
                 "t.lua:3: error: field 'resident.agitation': 150 is out of range (0 to 100)");
    expect_error("return scenario {\n"
                 "  id = 'x', title = 'X', setting = 'kitchen', role = 'Clerk',\n"
                 "  resident = { name = 'Sam', agitation = 50 },\n"
                 "  start = 'a',\n" MINI_SCENARIO_BEATS "}\n",
                 "t.lua:2: error: field 'setting': 'kitchen' is not one of the allowed values");
    expect_error("return scenario {\n"
                 "  id = 'x', title = 'X', setting = 'counter', role = 'Clerk',\n"
                 "  resident = { name = 'Sam', agitation = '50' },\n"
                 "  start = 'a',\n" MINI_SCENARIO_BEATS "}\n",
                 "t.lua:3: error: field 'resident.agitation': expected a number, got string");
    expect_error("return scenario {\n"
                 "  id = 'x', setting = 'counter', role = 'Clerk',\n"
                 "  resident = { name = 'Sam', agitation = 50 },\n"
                 "  start = 'a',\n" MINI_SCENARIO_BEATS "}\n",
                 "t.lua:1: error: field 'title': required field is missing");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c', grade = 'great' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:7: error: beat 'a', choice 1, field 'grade': unknown grade 'great'");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:7: error: beat 'a', choice 1, field 'tags': every choice needs tags");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {} },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:6: error: beat 'a', field 'choices': every beat needs at least one choice");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'escalatd', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:10: error: ending 'done', field 'outcome': unknown outcome 'escalatd' (did you mean "
                 "'escalated'?)");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', tripwire = true, choices = {\n"
                 "      { 'Explain.', tags = { 'explain_why' }, go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'safety_exit', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:6: error: beat 'a': a tripwire beat needs a choice tagged 'disengage'");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'a', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { a = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "t.lua:10: error: ending 'a': 'a' is both a beat (line 6) and an ending; ids must be unique");
    expect_error("return scenario {\n"
                 "  id = 'x', title = 'X', setting = 'counter', role = 'Clerk',\n"
                 "  resident = { name = 'Sam', agitation = 50 },\n"
                 "  start = 'b1',\n" MINI_SCENARIO_BEATS "}\n",
                 "t.lua:4: error: field 'start': unknown beat or ending 'b1' (did you mean 'b'?)");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = { loud = 'x' }, choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "beat 'a', field 'says': give a line for at least one band");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    a = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'done', effect = { agitation = 0/0 } },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "field 'effect.agitation': must be a finite number");
    expect_error(MINI_SCENARIO_HEAD
                 "  beats = {\n"
                 "    ['bad id!'] = { says = 'x', choices = {\n"
                 "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
                 "    } },\n"
                 "  },\n"
                 "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                 "}\n",
                 "'bad id!' is not a valid id");
}

static void problems_are_all_listed_at_once(void **state) {
    (void)state;
    df_Diags d = {0};
    df_Script *s = load_text("t.lua",
                             MINI_SCENARIO_HEAD
                             "  beats = {\n"
                             "    a = { says = 'x', choices = {\n"
                             "      { 'Go.', tags = { 'lisen' }, go = 'nowhere' },\n"
                             "      { 'Go.', tags = { 'listen' }, go = 'done', grade = 'meh' },\n"
                             "    } },\n"
                             "  },\n"
                             "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                             "}\n",
                             &d);
    assert_null(s);
    assert_int_equal(d.errors, 3);
    df_diags_free(&d);
}

static void warnings_catch_typos_and_dead_parts(void **state) {
    (void)state;
    expect_warning(MINI_SCENARIO_HEAD
                   "  beats = {\n"
                   "    a = { says = 'x', choises = {}, choices = {\n"
                   "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
                   "    } },\n"
                   "  },\n"
                   "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                   "}\n",
                   "t.lua:6: warning: beat 'a', field 'choises': unknown field 'choises' (did you mean "
                   "'choices'?)");
    expect_warning(MINI_SCENARIO_HEAD
                   "  beats = {\n"
                   "    a = { says = 'x', choices = {\n"
                   "      { 'Go.', tags = { 'listen' }, go = 'done' },\n"
                   "    } },\n"
                   "    lost = { says = 'x', choices = {\n"
                   "      { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
                   "    } },\n"
                   "  },\n"
                   "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
                   "              never = { outcome = 'escalated' } },\n"
                   "}\n",
                   "t.lua:9: warning: beat 'lost': unreachable from the start beat 'a'");
    expect_warning(MINI_SCENARIO_HEAD
                   "  beats = {\n"
                   "    a = { says = 'x', choices = {\n"
                   "      { 'Go.', tags = { 'listen' }, go = 'done' },\n"
                   "    } },\n"
                   "  },\n"
                   "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
                   "              never = { outcome = 'escalated' } },\n"
                   "}\n",
                   "t.lua:11: warning: ending 'never': this ending is never reached");
    expect_warning(MINI_SCENARIO_HEAD
                   "  beats = {\n"
                   "    a = { says = 'x', choices = {\n"
                   "      { 'Go.', tags = { 'listen' }, go = 'done' },\n"
                   "    } },\n"
                   "  },\n"
                   "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
                   "}\n",
                   "t.lua:7: warning: beat 'a', choice 1: no coach note");
}

/* says by band and by function, when conditions, go functions, flags and visits. */
static void dynamic_parts_run_against_the_state(void **state) {
    (void)state;
    const char *src =
        "local RULES = { office = 'Permits' }\n"
        "return scenario {\n"
        "  id = 'dyn', title = 'Dyn', setting = 'phone', role = 'Clerk',\n"
        "  resident = { name = 'Sam', agitation = 65, trust = 20 },\n"
        "  start = 'a',\n"
        "  beats = {\n"
        "    a = { says = { uneasy = 'calmer', venting = 'LOUD' },\n"
        "          enter = function(s) s.flags.entered = (s.flags.entered or 0) + 1 end,\n"
        "          choices = {\n"
        "            { 'Listen.', tags = { 'listen' }, go = 'a', set = { listened = true }, coach = 'c' },\n"
        "            { 'Secret.', tags = { 'thank' }, when = function(s) return s.flags.listened end,\n"
        "              go = function(s) if s.visits.a >= 3 then return 'done' end return 'b' end,\n"
        "              targets = { 'done', 'b' }, coach = 'c' },\n"
        "          } },\n"
        "    b = { says = function(s) return 'at ' .. RULES.office .. ' ' .. s:line{ uneasy = 'u', venting = 'v' } .. ' ' .. s.flags.entered end,\n"
        "          choices = { { 'Bye.', tags = { 'thank' }, go = 'done', coach = 'c' } } },\n"
        "  },\n"
        "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
        "}\n";
    df_Diags d = {0};
    df_Script *s = load_text("dyn.lua", src, &d);
    diags_dump(&d);
    assert_non_null(s);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_non_null(run);
    assert_string_equal(df_run_line(run), "LOUD");
    const int *vis;
    assert_int_equal(df_run_visible(run, &vis), 1); /* 'Secret.' hidden until listened */
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_int_equal(df_run_visible(run, &vis), 2);
    assert_int_equal(df_run_choose(run, 2, &err), 0); /* visits.a == 2 -> b */
    assert_string_equal(df_run_line(run), "at Permits u 2"); /* defensive: the nearest lower band */
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_true(df_run_over(run));
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
}

/* An ending's debrief told from the path: a function of the state, evaluated once when the
 * run ends; fixed text is kept as it is; a failing function is the ending's failure, with
 * its line, and the run still ends. */
static void a_debrief_can_be_told_from_the_path(void **state) {
    (void)state;
    const char *src = MINI_SCENARIO_HEAD
        "  beats = {\n"
        "    a = { says = 'x', choices = {\n"
        "      { 'Offer the meadow.', tags = { 'options' }, set = { offered = true }, go = 'done', coach = 'c' },\n"
        "      { 'Say nothing of it.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
        "      { 'Fixed.', tags = { 'listen' }, go = 'plain', coach = 'c' },\n"
        "      { 'Broken.', tags = { 'listen' }, go = 'broken', coach = 'c' },\n"
        "    } },\n"
        "  },\n"
        "  endings = {\n"
        "    done = { outcome = 'resolved_accepted',\n"
        "      debrief = function(s) return s.flags.offered and 'She went to the meadow.' or 'Nobody told her where.' end },\n"
        "    plain = { outcome = 'resolved_accepted', debrief = 'Just this.' },\n"
        "    broken = { outcome = 'resolved_accepted', debrief = function(s) local t = nil; return t.x end },\n"
        "  },\n"
        "}\n";
    df_Diags d = {0};
    df_Script *s = load_text("deb.lua", src, &d);
    diags_dump(&d);
    assert_non_null(s);
    assert_int_equal(d.warnings, 0); /* a function is debrief text: no "no debrief text" */
    const char *want[3] = {"She went to the meadow.", "Nobody told her where.", "Just this."};
    df_Error err;
    for (int k = 1; k <= 4; k++) {
        df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
        assert_int_equal(df_run_choose(run, k, &err), 0);
        const df_Result *r = df_run_result(run);
        assert_non_null(r);
        if (k <= 3) {
            assert_non_null(r->debrief);
            assert_string_equal(r->debrief, want[k - 1]);
            assert_false(r->final_failed);
        } else {
            char msg[2048];
            assert_null(r->debrief);
            assert_true(r->final_failed);
            df_error_format(&r->final_error, msg, sizeof msg);
            if (!strstr(msg, "deb.lua:17: attempt to index a nil value")) fprintf(stderr, "got: %s\n", msg);
            assert_non_null(strstr(msg, "deb.lua:17: attempt to index a nil value"));
        }
        df_Run *c = df_run_clone(run); /* a copy keeps its own */
        assert_true(!r->debrief || !strcmp(df_run_result(c)->debrief, r->debrief));
        df_run_free(c);
        df_run_free(run);
    }
    df_script_free(s);
    df_diags_free(&d);
}

/* A runtime error in a scenario function ends the run with file:line, not the program. */
static void runtime_errors_name_the_line(void **state) {
    (void)state;
    const char *src = MINI_SCENARIO_HEAD
        "  beats = {\n"
        "    a = { says = 'x', choices = {\n"
        "      { 'Go.', tags = { 'listen' }, go = function(s) return 'nowhere' end, targets = { 'done' }, coach = 'c' },\n"
        "      { 'Boom.', tags = { 'listen' }, go = 'done', coach = 'c',\n"
        "        chosen = function(s) local t = nil; return t.x end },\n"
        "    } },\n"
        "  },\n"
        "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
        "}\n";
    df_Diags d = {0};
    df_Script *s = load_text("rt.lua", src, &d);
    assert_non_null(s);
    df_Error err;
    char msg[2048];
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_int_equal(df_run_choose(run, 1, &err), -1);
    df_error_format(&err, msg, sizeof msg);
    assert_non_null(strstr(msg, "rt.lua:7: go function returned unknown beat 'nowhere'"));
    df_run_free(run);
    run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_int_equal(df_run_choose(run, 2, &err), -1);
    df_error_format(&err, msg, sizeof msg);
    assert_non_null(strstr(msg, "rt.lua:9: attempt to index a nil value"));
    /* the run stopped there: nothing to choose, and choosing again is refused */
    const int *vis;
    assert_int_equal(df_run_visible(run, &vis), 0);
    assert_true(df_run_broken(run));
    assert_int_equal(df_run_choose(run, 1, &err), -1);
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
}

static void seeded_random_is_reproducible(void **state) {
    (void)state;
    const char *src = MINI_SCENARIO_HEAD
        "  beats = {\n"
        "    a = { says = function(s) return 'n=' .. s:random(1, 1000000) .. ' m=' .. math.random(6) end,\n"
        "          choices = { { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' } } },\n"
        "  },\n"
        "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
        "}\n";
    char lines[3][256];
    for (int k = 0; k < 3; k++) {
        df_Diags d = {0};
        df_Script *s = load_text("rnd.lua", src, &d);
        assert_non_null(s);
        df_Error err;
        df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), k < 2 ? 5 : 6, &err);
        assert_non_null(run);
        snprintf(lines[k], sizeof lines[k], "%s", df_run_line(run));
        df_run_free(run);
        df_script_free(s);
        df_diags_free(&d);
    }
    assert_string_equal(lines[0], lines[1]);
    assert_string_not_equal(lines[0], lines[2]);
}

/* A resident who arrives Threatening is a safety event: the beat's choices are judged as
 * after a tripwire, and a beat with no disengage choice hands over to the safety beat. */
static void arriving_threatening_is_a_safety_event(void **state) {
    (void)state;
    const char *src =
        "return scenario {\n"
        "  id = 'hot', title = 'Hot', setting = 'counter', role = 'Clerk',\n"
        "  resident = { name = 'Sam', agitation = 75, volatility = 1.5 },\n"
        "  start = 'a', safety = 'safe',\n"
        "  beats = {\n"
        "    a = { says = 'x', choices = {\n"
        "      { 'Calm down.', tags = { 'calm_down' }, go = 'b', coach = 'c' },\n"
        "      { 'Tell me.', tags = { 'listen' }, go = 'b', coach = 'c' } } },\n"
        "    b = { says = { venting = 'v', threatening = 'I will hurt you.' }, choices = {\n"
        "      { 'Explain.', tags = { 'explain_why' }, go = 'done', coach = 'c' } } },\n"
        "    safe = { says = 'He comes over the counter.', tripwire = true, choices = {\n"
        "      { '[Step back; press the duress button.]', tags = { 'disengage' }, go = 'out', coach = 'c' },\n"
        "      { '[Get to the back office.]', tags = { 'disengage' }, go = 'after', coach = 'c' } } },\n"
        "    after = { says = '[He storms out.]', choices = {\n"
        "      { '[Write down his exact words.]', tags = { 'own' }, go = 'out', coach = 'c' } } },\n"
        "  },\n"
        "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
        "              out = { outcome = 'safety_exit', debrief = 'd' } },\n"
        "}\n";
    df_Diags d = {0};
    df_Script *s = load_text("hot.lua", src, &d);
    diags_dump(&d);
    assert_non_null(s);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_int_equal(df_run_choose(run, 1, &err), 0); /* calm down: 75 -> over 80 */
    assert_true(df_run_state(run)->agitation >= 80);
    assert_true(df_run_state(run)->tripwire);
    assert_string_equal(df_script_scenario(s)->beats[df_run_state(run)->beat].id, "safe");
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_int_equal(df_run_result(run)->outcome, DF_OUT_SAFETY_EXIT);
    df_run_free(run);
    /* once the employee has got away the contact is over: the aftermath is theirs, however
     * upset he left, and does not send the run back to the safety beat */
    run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_int_equal(df_run_choose(run, 2, &err), 0);
    assert_true(df_run_state(run)->agitation >= 80);
    assert_string_equal(df_script_scenario(s)->beats[df_run_state(run)->beat].id, "after");
    assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_int_equal(df_run_result(run)->outcome, DF_OUT_SAFETY_EXIT);
    df_run_free(run);
    run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    assert_int_equal(df_run_choose(run, 2, &err), 0); /* listening keeps him below 80 */
    assert_false(df_run_state(run)->tripwire);
    assert_string_equal(df_script_scenario(s)->beats[df_run_state(run)->beat].id, "b");
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
}

/* Writes src to a temporary file for the loaders that take a path. */
static void write_temp(char *path, size_t cap, const char *src) {
    snprintf(path, cap, "/tmp/defuse-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(src, f);
    fclose(f);
}

static const char MODULE_SRC[] =
    "return module {\n"
    "  id = 'm1', title = 'First minute', minutes = 20,\n"
    "  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },\n"
    "  objectives = { 'Acknowledge first.', 'Offer a next step.' },\n"
    "  points = {\n"
    "    { title = 'Why', body = 'Anger has a reason.', question = 'What was it?', reveal = 'Often the second sentence.' },\n"
    "    { title = 'How', body = 'Say it back.' },\n"
    "  },\n"
    "  exercise = { 'mini' },\n"
    "  wrapup = { 'What changed?' },\n"
    "  debrief = { 'Which line turned it?', 'What did the votes split on?' },\n"
    "}\n";

static void a_module_loads_and_is_kept_apart_from_scenarios(void **state) {
    (void)state;
    char path[64];
    write_temp(path, sizeof path, MODULE_SRC);
    df_Diags d = {0};
    df_Script *s = df_script_load_module(path, NULL, &d);
    diags_dump(&d);
    assert_non_null(s);
    const df_Module *m = df_script_module(s);
    assert_non_null(m);
    assert_null(df_script_scenario(s));
    assert_string_equal(m->id, "m1");
    assert_true(m->minutes == 20);
    assert_int_equal(d.warnings, 0);
    assert_true(m->has_pace);
    assert_true(m->pace[DF_PART_EXERCISE] == 8);
    assert_string_equal(df_part_key(DF_PART_WRAPUP), "wrapup");
    assert_int_equal(m->nobjectives, 2);
    assert_int_equal(m->npoints, 2);
    assert_string_equal(m->points[0].reveal, "Often the second sentence.");
    assert_null(m->points[1].question);
    assert_int_equal(m->points[1].line, 7);
    assert_int_equal(m->nexercise, 1);
    assert_string_equal(m->exercise[0], "mini");
    assert_int_equal(m->exercise_line[0], 9);
    assert_int_equal(m->nwrapup, 1);
    assert_int_equal(m->ndebrief, 2);
    assert_string_equal(m->debrief[0], "Which line turned it?");
    assert_string_equal(m->debrief[1], "What did the votes split on?");
    df_script_free(s);
    df_diags_free(&d);

    /* A module is not a scenario, and a scenario is not a module. */
    d = (df_Diags){0};
    assert_null(df_script_load(path, NULL, &d));
    assert_true(diags_have(&d, "this is a module"));
    df_diags_free(&d);
    unlink(path);
    write_temp(path, sizeof path, MINI_SCENARIO);
    d = (df_Diags){0};
    assert_null(df_script_load_module(path, NULL, &d));
    assert_true(diags_have(&d, "this is a scenario, not a module"));
    df_diags_free(&d);
    d = (df_Diags){0};
    s = df_script_load_any(path, NULL, &d);
    assert_non_null(s);
    assert_null(df_script_module(s));
    assert_non_null(df_script_scenario(s));
    df_script_free(s);
    df_diags_free(&d);
    unlink(path);
}

/* The first nine lines of a valid module, up to its exercise; tests add the rest. */
#define MODULE_HEAD                                                                  \
    "return module {\n"                                                              \
    "  id = 'm1', title = 'First minute', minutes = 20,\n"                           \
    "  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },\n" \
    "  objectives = { 'Acknowledge first.' },\n"                                     \
    "  points = {\n"                                                                 \
    "    { title = 'Why', body = 'Anger has a reason.' },\n"                         \
    "    { title = 'How', body = 'Say it back.' },\n"                                \
    "  },\n"                                                                         \
    "  exercise = { 'mini' },\n"

/* Loads src as a module file. The diagnostics name a temporary file, so needles start at
 * the ':' before the line number. */
static df_Script *load_module_text(const char *src, df_Diags *d) {
    char path[64];
    write_temp(path, sizeof path, src);
    df_Script *s = df_script_load_module(path, NULL, d);
    unlink(path);
    return s;
}

/* Loads src as a module expecting it to load (or not) with the given message. */
static void expect_module_diag(const char *src, int loads, const char *needle) {
    df_Diags d = {0};
    df_Script *s = load_module_text(src, &d);
    if ((s != NULL) != loads || !diags_have(&d, needle)) {
        fprintf(stderr, "expected%s: %s\n", loads ? " (and a load)" : " (and no load)", needle);
        diags_dump(&d);
    }
    assert_int_equal(s != NULL, loads);
    assert_true(diags_have(&d, needle));
    df_script_free(s);
    df_diags_free(&d);
}

/* debrief: 1 to 4 questions for the room debrief slide, each a string; without it, a warning. */
static void a_module_debrief_is_checked_with_its_line(void **state) {
    (void)state;
    /* Read in order, with no warning; four is the most. */
    df_Diags d = {0};
    df_Script *s = load_module_text(MODULE_HEAD
                                    "  debrief = {\n"
                                    "    'Where did the agitation drop?',\n"
                                    "    'What did the votes split on?',\n"
                                    "    'What does the clock say about the calm path?',\n"
                                    "    'What would you try at the first beat?',\n"
                                    "  },\n"
                                    "}\n",
                                    &d);
    diags_dump(&d);
    assert_non_null(s);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    const df_Module *m = df_script_module(s);
    assert_int_equal(m->ndebrief, 4);
    assert_string_equal(m->debrief[0], "Where did the agitation drop?");
    assert_string_equal(m->debrief[3], "What would you try at the first beat?");
    df_script_free(s);
    df_diags_free(&d);

    /* More than four: an error at the list's line. */
    expect_module_diag(MODULE_HEAD
                       "  debrief = { 'a?', 'b?', 'c?', 'd?', 'e?' },\n"
                       "}\n",
                       0, ":10: error: field 'debrief': 5 items; at most 4");
    /* An item that is not a string: an error naming the item, at its line. */
    expect_module_diag(MODULE_HEAD
                       "  debrief = {\n"
                       "    'Where did the agitation drop?',\n"
                       "    42,\n"
                       "  },\n"
                       "}\n",
                       0, ":12: error: field 'debrief.2': expected a string");
    /* Not a list at all, and an empty list (the slide would have nothing to discuss). */
    expect_module_diag(MODULE_HEAD
                       "  debrief = 'What changed?',\n"
                       "}\n",
                       0, ":10: error: field 'debrief': expected a list of strings, got string");
    expect_module_diag(MODULE_HEAD
                       "  debrief = {},\n"
                       "}\n",
                       0, ":10: error: field 'debrief': give at least one");
    /* Missing: the module loads, with one warning at the module's first line. */
    expect_module_diag(MODULE_HEAD "}\n", 1,
                       ":1: warning: no debrief: the room debrief after the exercise will have no discussion questions");
    d = (df_Diags){0};
    s = load_module_text(MODULE_HEAD "}\n", &d);
    assert_non_null(s);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(df_script_module(s)->ndebrief, 0);
    df_script_free(s);
    df_diags_free(&d);
    /* A typo is an unknown field with a suggestion. */
    expect_module_diag(MODULE_HEAD
                       "  debreif = { 'What changed?' },\n"
                       "}\n",
                       1, ":10: warning: field 'debreif': unknown field 'debreif' (did you mean 'debrief'?)");
}

/* Loads src (expected to fail) and checks that each needle is among its diagnostics. */
static void expect_all(const char *src, const char *const *needles, int nerrors) {
    df_Diags d = {0};
    df_Script *s = load_text("t.lua", src, &d);
    int bad = s != NULL || (nerrors >= 0 && d.errors != nerrors);
    for (int i = 0; needles[i]; i++)
        if (!diags_have(&d, needles[i])) {
            fprintf(stderr, "expected: %s\n", needles[i]);
            bad = 1;
        }
    if (bad) {
        fprintf(stderr, "errors: %d\n", d.errors);
        diags_dump(&d);
    }
    assert_false(bad);
    df_script_free(s);
    df_diags_free(&d);
}

/* Independent errors of different kinds in one file: each is reported, at its own line, in one
 * run; the graph's own errors (a loop with no way out, a tripwire without an exit) too, but not
 * again for a beat whose mistake is already reported. */
static void every_independent_error_is_reported_at_its_line(void **state) {
    (void)state;
    static const char *const want[] = {
        "t.lua:3: error: field 'resident.trust': expected a number, got string",
        "t.lua:7: error: beat 'a', choice 1, field 'tags': unknown tag 'lisen' (did you mean 'listen'?)",
        "t.lua:10: error: beat 'b', choice 1, field 'go': unknown beat or ending 'nowhere'",
        "t.lua:12: error: beat 'c', field 'says': required field is missing",
        "t.lua:15: error: beat 'd': no ending can be reached from this beat (a loop with no way out)",
        "t.lua:15: error: beat 'd': a tripwire beat needs a choice tagged 'disengage'",
        "t.lua:20: error: ending 'done', field 'outcome': unknown outcome 'resolved_acepted' (did you mean "
        "'resolved_accepted'?)",
        "t.lua:21: error: ending 'bad', field 'debrief': expected a string, got number",
        NULL};
    expect_all("return scenario {\n"
               "  id = 'multi', title = 'Multi', setting = 'counter', role = 'Clerk',\n"
               "  resident = { name = 'Sam', agitation = 50, trust = 'high' },\n"
               "  start = 'a',\n"
               "  beats = {\n"
               "    a = { says = 'x', choices = {\n"
               "      { 'One.', tags = { 'lisen' }, go = 'b', coach = 'c' },\n"
               "    } },\n"
               "    b = { says = 'y', choices = {\n"
               "      { 'Two.', tags = { 'listen' }, go = 'nowhere', coach = 'c' },\n"
               "    } },\n"
               "    c = { choices = {\n"
               "      { 'Three.', tags = { 'listen' }, go = 'done', coach = 'c' },\n"
               "    } },\n"
               "    d = { says = 'z', tripwire = true, choices = {\n"
               "      { 'Four.', tags = { 'listen' }, go = 'd', coach = 'c' },\n"
               "    } },\n"
               "  },\n"
               "  endings = {\n"
               "    done = { outcome = 'resolved_acepted', debrief = 'd' },\n"
               "    bad = { outcome = 'escalated', debrief = 5 },\n"
               "  },\n"
               "}\n",
               want, 8);
}

/* Past DF_DIAG_CAP errors a file lists no more, but counts them and says how many. */
static void errors_past_the_cap_are_counted_not_listed(void **state) {
    (void)state;
    char *src = malloc(20000);
    assert_non_null(src);
    int o = snprintf(src, 20000, "%s  beats = {\n", MINI_SCENARIO_HEAD);
    for (int i = 1; i <= 60; i++)
        o += snprintf(src + o, 20000 - (size_t)o,
                      "    a%d = { says = 'x', choices = { { 'Go.', tags = { 'lisen' }, go = 'done', coach = 'c' } } },\n", i);
    snprintf(src + o, 20000 - (size_t)o, "    a = { says = 'x', choices = { { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' } } },\n"
                                         "  },\n  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n}\n");
    df_Diags d = {0};
    df_Script *s = load_text("t.lua", src, &d);
    assert_null(s);
    assert_int_equal(d.errors, 60);
    assert_int_equal(d.n, 51);
    assert_true(diags_have(&d, "t.lua:6: error: beat 'a1', choice 1, field 'tags': unknown tag 'lisen'"));
    assert_true(diags_have(&d, "t.lua:55: error: beat 'a50'"));
    assert_false(diags_have(&d, "beat 'a51'"));
    assert_true(diags_have(&d, "t.lua: error: \xe2\x80\xa6 and 10 more errors (a file lists at most 50 errors and 50 warnings)"));
    /* listed in line order, the count last */
    for (int i = 1; i < 50; i++) assert_true(d.v[i].line >= d.v[i - 1].line);
    df_diags_free(&d);
    free(src);
}

/* A beat written twice (Lua keeps the last without a word), a beat and an ending with one id,
 * and ids that differ only in case: errors that name both lines. */
static void duplicate_and_case_ids_name_both_lines(void **state) {
    (void)state;
    static const char *const want[] = {
        "t.lua:13: error: beat 'a': defined twice, at lines 6 and 13: Lua keeps only the last, so the first is lost",
        "t.lua:10: error: beat 'story': differs only in case from beat 'Story' (line 9); ids must differ by more than case",
        "t.lua:17: error: ending 'Done': differs only in case from ending 'done' (line 16)",
        "t.lua:12: error: beat 'b', choice 1, field 'go': given twice on line 12: Lua keeps only the last", NULL};
    expect_all(MINI_SCENARIO_HEAD
               "  beats = {\n"
               "    a = { says = 'x', choices = {\n"
               "      { 'Go.', tags = { 'listen' }, go = 'Story', coach = 'c' },\n"
               "    } },\n"
               "    Story = { says = 'x', choices = { { 'Go.', tags = { 'listen' }, go = 'story', coach = 'c' } } },\n"
               "    story = { says = 'x', choices = { { 'Go.', tags = { 'listen' }, go = 'b', coach = 'c' } } },\n"
               "    b = { says = 'x', choices = {\n"
               "      { 'Go.', tags = { 'listen' }, go = 'Done', coach = 'c', go = 'done' } } },\n"
               "    a = { says = 'y', choices = { { 'Go.', tags = { 'listen' }, go = 'done', coach = 'c' } } },\n"
               "  },\n"
               "  endings = {\n"
               "    done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
               "    Done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
               "  },\n"
               "}\n",
               want, 4);
    static const char *const both[] = {"t.lua:10: error: ending 'a': 'a' is both a beat (line 6) and an ending", NULL};
    expect_all(MINI_SCENARIO_HEAD
               "  beats = {\n"
               "    a = { says = 'x', choices = {\n"
               "      { 'Go.', tags = { 'listen' }, go = 'a', coach = 'c' },\n"
               "    } },\n"
               "  },\n"
               "  endings = { a = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
               "}\n",
               both, -1);
}

/* Tables built through helpers still carry the line the author wrote the value at: a helper
 * that returns its argument (choice { ... }), one that builds a beat from its arguments, one
 * that returns a list of choices, a table wrapped many levels deep; and a table that contains
 * itself is reported, without hanging. */
static void lines_survive_helpers_nesting_and_cycles(void **state) {
    (void)state;
    static const char *const want[] = {
        "t.lua:7: error: beat 'c', choice 1, field 'tags': unknown tag 'disengag' (did you mean 'disengage'?)",
        "t.lua:22: error: beat 'a', choice 1, field 'tags': unknown tag 'lisen'",
        "t.lua:25: error: beat 'b', field 'says': expected a string, a table by band or a function, got number",
        "t.lua:27: error: beat 'b', choice 1, field 'go': unknown beat or ending 'dnoe'",
        "t.lua:33: error: beat 'deep', choice 1, field 'grade': unknown grade 'grat'",
        "t.lua:29: error: beat 'loop', choice 1, field 'self': refers back to beat 'loop', choice 1 (the table built at line 13), which contains it",
        NULL};
    expect_all("local function choice(t)\n"
               "  t.coach = t.coach or 'c'\n"
               "  return t\n"
               "end\n"
               "local function leave(go)\n"
               "  return {\n"
               "    { 'Leave.', tags = { 'disengag' }, go = go, coach = 'c' },\n"
               "  }\n"
               "end\n"
               "local function beat(says, choices)\n"
               "  return { says = says, choices = choices }\n"
               "end\n"
               "local loop = { 'Loop.', tags = { 'listen' }, go = 'done', coach = 'c' }\n"
               "loop.self = loop\n"
               "local function wrap(t) return t end\n"
               "return scenario {\n"
               "  id = 'helpers', title = 'H', setting = 'counter', role = 'Clerk',\n"
               "  resident = { name = 'Sam', agitation = 50 },\n"
               "  start = 'a',\n"
               "  beats = {\n"
               "    a = { says = 'x', choices = {\n"
               "      choice { 'One.', tags = { 'lisen' },\n"
               "        go = 'b' },\n"
               "    } },\n"
               "    b = beat(42, {\n"
               "      { 'Two.', tags = { 'listen' },\n"
               "        go = 'dnoe', coach = 'c' },\n"
               "    }),\n"
               "    c = { says = 'c', choices = leave('done') }, loop = { says = 'l', choices = { loop } },\n"
               "    deep = wrap(wrap(wrap({ says = 'd', choices = wrap({\n"
               "      wrap(wrap({ 'Deep.',\n"
               "        tags = wrap({ 'listen' }),\n"
               "        go = 'done', coach = 'c', grade = 'grat' })),\n"
               "    }) }))),\n"
               "  },\n"
               "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' } },\n"
               "}\n",
               want, 6);
}

/* A function that fails on some path is reported like every other error, file:line, once per
 * failure, with the choices that reach it as defuse play --choices takes them. */
static void path_errors_name_the_line_and_the_choices(void **state) {
    (void)state;
    const char *src = MINI_SCENARIO_HEAD
        "  beats = {\n"
        "    a = { says = 'x', choices = {\n"
        "      { 'One.', tags = { 'listen' }, go = 'b', coach = 'c' },\n"
        "      { 'Two.', tags = { 'listen' }, go = 'c', coach = 'c' },\n"
        "    } },\n"
        "    b = { says = function(s) local t = nil; return t.x end, choices = {\n"
        "      { 'Three.', tags = { 'listen' }, go = 'done', coach = 'c' } } },\n"
        "    c = { says = 'c', choices = {\n"
        "      { 'Four.', tags = { 'listen' }, go = 'done', coach = 'c',\n"
        "        chosen = function(s) error({}) end },\n"
        "      { 'Five.', tags = { 'listen' }, go = 'bad', coach = 'c' } } },\n"
        "  },\n"
        "  endings = { done = { outcome = 'resolved_accepted', debrief = 'd' },\n"
        "              bad = { outcome = 'escalated', debrief = function(s) return 1 + nil end } },\n"
        "}\n";
    df_Diags d = {0};
    df_Script *s = load_text("p.lua", src, &d);
    assert_non_null(s);
    df_lint(df_script_scenario(s), df_script_host(s), &d);
    static const char *const want[] = {
        "p.lua:10: error: attempt to index a nil value (local 't') (found by playing every path); reached with defuse play --choices 1",
        "p.lua:13: error: beat 'c', choice 1: in a hook: (error object is a table value) (found by playing every path); "
        "reached with defuse play --choices 2,1",
        "p.lua:18: error: attempt to perform arithmetic on a nil value (found by playing every path); reached with "
        "defuse play --choices 2,2",
        NULL};
    int bad = d.errors != 3;
    for (int i = 0; want[i]; i++)
        if (!diags_have(&d, want[i])) fprintf(stderr, "expected: %s\n", want[i]), bad = 1;
    if (bad) diags_dump(&d);
    assert_false(bad);
    df_script_free(s);
    df_diags_free(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_valid_scenario_loads),
        cmocka_unit_test(validation_errors_name_file_line_beat_and_field),
        cmocka_unit_test(problems_are_all_listed_at_once),
        cmocka_unit_test(every_independent_error_is_reported_at_its_line),
        cmocka_unit_test(errors_past_the_cap_are_counted_not_listed),
        cmocka_unit_test(duplicate_and_case_ids_name_both_lines),
        cmocka_unit_test(lines_survive_helpers_nesting_and_cycles),
        cmocka_unit_test(path_errors_name_the_line_and_the_choices),
        cmocka_unit_test(warnings_catch_typos_and_dead_parts),
        cmocka_unit_test(dynamic_parts_run_against_the_state),
        cmocka_unit_test(a_debrief_can_be_told_from_the_path),
        cmocka_unit_test(runtime_errors_name_the_line),
        cmocka_unit_test(seeded_random_is_reproducible),
        cmocka_unit_test(arriving_threatening_is_a_safety_event),
        cmocka_unit_test(a_module_loads_and_is_kept_apart_from_scenarios),
        cmocka_unit_test(a_module_debrief_is_checked_with_its_line),
    };
    return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
