/* test_lint.c: the checker's honest-numbers checks: times stated in coach notes, notes and
 * debriefs against the model's clock, agitation jumps over 20 without a declared event, and
 * physical acts the channel or the band rules out. */
#include <math.h>

#include "harness.h"
#include "../../engine/analysis/analysis.h"

/* Loads src (which must load) and runs the checker's engine checks; diags in d. */
static void lint_text(const char *src, df_Diags *d) {
    df_Script *s = load_text("t.lua", src, d);
    if (!s) diags_dump(d);
    assert_non_null(s);
    df_lint(df_script_scenario(s), df_script_host(s), d);
    df_script_free(s);
}

static void expect_has(const df_Diags *d, const char *needle) {
    if (!diags_have(d, needle)) {
        fprintf(stderr, "expected: %s\n", needle);
        diags_dump(d);
    }
    assert_true(diags_have(d, needle));
}

static void expect_not(const df_Diags *d, const char *needle) {
    if (diags_have(d, needle)) {
        fprintf(stderr, "not expected: %s\n", needle);
        diags_dump(d);
    }
    assert_false(diags_have(d, needle));
}

/* A settled resident with no time of their own: an acknowledgement takes 0.3 x m(10) of a
 * minute, about 19 seconds. */
#define HEAD(setting, agitation)                                                                             \
    "return scenario {\n"                                                                                    \
    "  id = 't', title = 'T', setting = '" setting "', role = 'Clerk',\n"                                    \
    "  resident = { name = 'Sam', agitation = " #agitation ", trust = 30, need = 'recognition' },\n"         \
    "  time = { resident = 0 },\n"                                                                           \
    "  start = 'a',\n"

static void a_coach_note_the_clock_contradicts_is_flagged(void **state) {
    (void)state;
    df_Diags d = {0};
    lint_text(
        HEAD("counter", 10) "  beats = { a = { says = 'Hi.', choices = {\n"
                            "    { 'I see.', tags = { 'acknowledge' }, go = 'done',\n"
                            "      coach = 'Saying so takes five minutes.' },\n"
                            "    { 'Right.', tags = { 'acknowledge' }, go = 'done',\n"
                            "      coach = 'Saying so takes about twenty seconds, and it lands.' },\n"
                            "  } } },\n"
                            "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n"
                            "}\n",
        &d);
    expect_has(
        &d,
        "t.lua:7: warning: beat 'a', choice 1: coach note says \"five minutes\" but this choice takes 0:19 "
        "in the model");
    expect_not(&d, "choice 2: coach note");
    df_diags_free(&d);
}

static void notes_and_debriefs_are_checked_too(void **state) {
    (void)state;
    df_Diags d = {0};
    lint_text(
        HEAD("counter", 10) "  beats = { a = { says = 'Hi.', note = 'Each answer here takes a couple of "
                            "hours.', choices = {\n"
                            "    { 'I see.', tags = { 'acknowledge' }, go = 'done', coach = 'Short.' },\n"
                            "  } } },\n"
                            "  endings = {\n"
                            "    done = { outcome = 'resolved_accepted',\n"
                            "             debrief = 'It took three hours. Ten minutes later he rang back; "
                            "his two minutes mattered.' },\n"
                            "  },\n"
                            "}\n",
        &d);
    expect_has(&d, "t.lua:6: warning: beat 'a': note says \"a couple of hours\" but its choices take 0:19");
    expect_has(&d, "ending 'done': debrief says \"three hours\" but the paths that reach this ending take");
    expect_not(&d, "Ten minutes");
    expect_not(&d, "two minutes");
    df_diags_free(&d);
}

/* The durations the check reads, and the words it leaves alone. */
static void durations_are_read_from_english(void **state) {
    (void)state;
    static const struct {
        const char *text;
        double lo, hi; /* NAN: nothing found */
    } cases[] = {
        {"It takes a minute.", 1, 1},
        {"One minute, no more.", 1, 1},
        {"Two minutes to say it.", 2, 2},
        {"That's 3 minutes.", 3, 3},
        {"About 10 min of listening.", 10, 10},
        {"Half a minute of silence.", 0.5, 0.5},
        {"It costs an hour.", 60, 60},
        {"90 seconds, then the form.", 1.5, 1.5},
        {"A minute and a half well spent.", 1.5, 1.5},
        {"Two or three minutes.", 2, 3},
        {"Allow 5-10 minutes.", 5, 10},
        {"Allow 5\xE2\x80\x93"
         "10 minutes.",
         5, 10},
        {"In under two minutes.", 0, 2},
        {"A ten-minute call.", 10, 10},
        {"Forty-five minutes of complaint.", 45, 45},
        {"The clock reads 34:58 by then.", 34 + 58 / 60.0, 34 + 58 / 60.0},
        {"The minutes of the meeting.", NAN, NAN},
        {"A second visit follows.", NAN, NAN},
        {"She got a $100 second citation.", NAN, NAN},
        {"Ticket stamped 9:40.", NAN, NAN},
        {"He rang back ten minutes later.", NAN, NAN},
        {"She waited 15 minutes first.", NAN, NAN},
        {"It says his two minutes don't matter.", NAN, NAN},
        {"Five minutes at the counter would have avoided it.", NAN, NAN},
        {"She called it 'a minute ago' twice.", NAN, NAN},
        {"Every minute counts.", NAN, NAN},
        {"Forty-eight hours to respond.", NAN, NAN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        df_Duration v[4];
        int n = df_durations(cases[i].text, v, 4);
        if (isnan(cases[i].lo)) {
            if (n) fprintf(stderr, "'%s': found \"%s\"\n", cases[i].text, v[0].words);
            assert_int_equal(n, 0);
        } else {
            if (n != 1) fprintf(stderr, "'%s': %d found\n", cases[i].text, n);
            assert_int_equal(n, 1);
            if (fabs(v[0].lo - cases[i].lo) > 1e-9 || fabs(v[0].hi - cases[i].hi) > 1e-9)
                fprintf(stderr, "'%s': [%g, %g]\n", cases[i].text, v[0].lo, v[0].hi);
            assert_true(fabs(v[0].lo - cases[i].lo) < 1e-9);
            if (isinf(cases[i].hi))
                assert_true(isinf(v[0].hi));
            else
                assert_true(fabs(v[0].hi - cases[i].hi) < 1e-9);
        }
    }
}

/* A choice that asks for 25 points: effect 25, volatility 1, no audience, no need match. The
 * model itself holds an ordinary choice to 20 (DF_MAX_STEP); a declared event moves the full 25. */
#define JUMPER(extra)                                                                                        \
    "{ 'No.', tags = { 'argue' }, effect = { agitation = 25 }, go = 'done', coach = 'Hard.'" extra " }"

#define JUMPS                                                                                                \
    HEAD("counter", 30)                                                                                      \
    "  beats = { a = { says = 'Hi.', choices = {\n"                                                          \
    "    " JUMPER(                                                                                           \
        "") ",\n"                                                                                            \
            "    " JUMPER(                                                                                   \
                ", event = 'reveal'") ",\n"                                                                  \
                                      "    { 'Go on.', tags = { 'listen' }, go = 'b', coach = 'Listen.' "    \
                                      "},\n"                                                                 \
                                      "  } },\n"                                                             \
                                      "  b = { says = 'He pulls a knife.', tripwire = true, choices = {\n"   \
                                      "    " JUMPER("") ",\n"                                                \
                                                        "    { '[Leave.]', tags = { 'disengage' }, go = "    \
                                                        "'done', coach = 'Get out.' },\n"                    \
                                                        "  } } },\n"                                         \
                                                        "  endings = { done = { outcome = "                  \
                                                        "'resolved_accepted', debrief = 'Done.' } },\n"      \
                                                        "}\n"

static void a_jump_over_20_is_flagged_unless_declared(void **state) {
    (void)state;
    df_Diags d = {0};
    df_Script *s = load_text("t.lua", JUMPS, &d);
    if (!s) diags_dump(&d);
    assert_non_null(s);
    assert_int_equal(d.warnings, 0); /* 'event' is a known field */
    const df_Scenario *sc = df_script_scenario(s);
    int a = df_scenario_find_beat(sc, "a"), b = df_scenario_find_beat(sc, "b");
    df_Walk w;
    df_Error err;
    assert_int_equal(df_walk(sc, df_script_host(s), 1, NULL, &w, &err), 0);
    /* the walk records each choice's largest step: the declared reveal moves the full 25 */
    const df_ChoiceStats *reveal = &w.choices[w.choice_base[a] + 1];
    assert_true(reveal->taken > 0);
    assert_true(fabs(reveal->jump - 25) < 1e-9);
    assert_int_equal(reveal->jump_band, DF_BAND_UNEASY);
    df_lint_text(sc, &w, &d);
    expect_not(&d, "moves agitation"); /* the model held the ordinary one to 20; the reveal is declared */
    /* an ordinary choice that did move 25 (a model without the cap, an old walk) is reported;
     * a tripwire beat's is not */
    w.choices[w.choice_base[a]].jump = 25;
    w.choices[w.choice_base[a]].jump_band = DF_BAND_UNEASY;
    w.choices[w.choice_base[b]].jump = 25;
    df_lint_text(sc, &w, &d);
    expect_has(&d, "t.lua:7: warning: beat 'a', choice 1: moves agitation by +25 in one step (from Uneasy)");
    expect_not(&d, "beat 'a', choice 2: moves agitation"); /* declared: a reveal */
    expect_not(&d, "beat 'b', choice 1: moves agitation"); /* a tripwire beat */
    df_walk_free(&w);
    df_script_free(s);
    df_diags_free(&d);
}

static void an_unknown_event_is_an_error(void **state) {
    (void)state;
    df_Diags d = {0};
    df_Script *s =
        load_text("t.lua",
                  HEAD("counter",
                       30) "  beats = { a = { says = 'Hi.', choices = {\n"
                           "    " JUMPER(", event = 'revael'") ",\n"
                                                               "  } } },\n"
                                                               "  endings = { done = { outcome = "
                                                               "'resolved_accepted', debrief = 'Done.' } },\n"
                                                               "}\n",
                  &d);
    assert_null(s);
    expect_has(
        &d,
        "t.lua:7: error: beat 'a', choice 1, field 'event': unknown event 'revael' (did you mean 'reveal'?)");
    expect_not(&d, "unknown field 'event'");
    df_diags_free(&d);
}

#define ACTS_BEATS                                                                                           \
    "  beats = { a = { says = {\n"                                                                           \
    "      uneasy  = '[Slams the counter.] Well?',\n"                                                        \
    "      venting = '[He slams his palm on the counter.] WELL?',\n"                                         \
    "      defensive = '[Drawers banging; his son grabs his leg.] Hang on.',\n"                              \
    "    }, choices = {\n"                                                                                   \
    "      { 'Go on.', tags = { 'listen' }, go = 'done', coach = 'Listen.' },\n"                             \
    "  } } },\n"                                                                                             \
    "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.',\n"                             \
    "                       says = '[She slams the phone down.]' } },\n"                                     \
    "}\n"

static void physical_acts_need_presence_and_escalation(void **state) {
    (void)state;
    df_Diags d = {0};
    lint_text(HEAD("phone", 30) ACTS_BEATS, &d);
    expect_has(
        &d,
        "t.lua:6: warning: beat 'a', field 'says.uneasy': \"[Slams the counter.]\" is a physical act (slam), "
        "which cannot happen on a phone call");
    expect_has(
        &d,
        "beat 'a', field 'says.venting': \"[He slams his palm on the counter.]\" is a physical act (slam)");
    expect_not(&d, "says.defensive"); /* heard down the line; and the boy's act, not hers */
    expect_not(&d, "ending 'done'");  /* a slammed-down phone is heard */
    df_diags_free(&d);

    memset(&d, 0, sizeof d);
    lint_text(HEAD("email", 30) ACTS_BEATS, &d);
    expect_has(&d, "\"[Slams the counter.]\" is a physical act (slam), which cannot happen in an email");
    expect_has(&d, "ending 'done', field 'says': \"[She slams the phone down.]\"");
    df_diags_free(&d);

    memset(&d, 0, sizeof d);
    lint_text(HEAD("counter", 30) ACTS_BEATS, &d);
    expect_has(&d,
               "beat 'a', field 'says.uneasy': \"[Slams the counter.]\" is a physical act (slam) while the "
               "resident is Uneasy; physical acts come only after sustained escalation (Venting or above)");
    expect_not(&d, "says.venting");
    expect_not(&d, "says.defensive");
    df_diags_free(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_coach_note_the_clock_contradicts_is_flagged),
        cmocka_unit_test(notes_and_debriefs_are_checked_too),
        cmocka_unit_test(durations_are_read_from_english),
        cmocka_unit_test(a_jump_over_20_is_flagged_unless_declared),
        cmocka_unit_test(an_unknown_event_is_an_error),
        cmocka_unit_test(physical_acts_need_presence_and_escalation),
    };
    return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
