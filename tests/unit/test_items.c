/* test_items.c: item analysis. The cues a test-wise player picks by (the best option the
 * longest, the shortest, at one position, rich in stock phrases, sharing a phrase), the
 * surface strategies that exploit them, the checker's warnings about both, and the bundled
 * library held to the thresholds. */
#include <math.h>

#include "harness.h"
#include "../../engine/analysis/analysis.h"
#include "../../engine/app/app.h"

/* Words no two options share: option o of beat b gets "b<b>o<o>w<i>" ("s<salt>b.." in a
 * scenario of its own), so a 4-word phrase only repeats where a test puts one on purpose. */
static void words(char *out, size_t cap, int salt, int b, int o, int n) {
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n && k + 24 < cap; i++)
        k += salt ? (size_t)snprintf(out + k, cap - k, "%ss%db%do%dw%d", i ? " " : "", salt, b, o, i)
                  : (size_t)snprintf(out + k, cap - k, "%sb%do%dw%d", i ? " " : "", b, o, i);
}

typedef struct Shape {
    int nbeats;
    int salt;                /* 1-9: words of a scenario of its own */
    int best_words[16];      /* words of the best option at each beat */
    int other_words;         /* words of the middle wrong option (the others: 2 fewer, 2 more) */
    int best_pos[16];        /* where the best option is shown (0-based) */
    const char *best_tail;   /* appended to every best option (a shared phrase), or NULL */
    const char *other_tail;  /* appended to every other option, or NULL */
    const char *objective;
} Shape;

/* A chain of beats, each with four options: the best listens and moves on; the others are
 * mistakes that also move on. */
static char *fixture(const Shape *sh) {
    size_t cap = 65536, o = 0;
    char *src = malloc(cap);
    o += (size_t)snprintf(src + o, cap - o,
                          "return scenario {\n"
                          "  id = 'items', title = 'Items', setting = 'counter', role = 'Clerk',\n"
                          "  objectives = { '%s' },\n"
                          "  resident = { name = 'Sam', agitation = 40, trust = 40, need = 'recognition' },\n"
                          "  start = 'b0',\n  beats = {\n",
                          sh->objective ? sh->objective : "Practise listening.");
    static const char *const wrong[3] = {"blame", "policy_wall", "calm_down"};
    for (int b = 0; b < sh->nbeats; b++) {
        char next[16];
        snprintf(next, sizeof next, b + 1 < sh->nbeats ? "b%d" : "done", b + 1);
        o += (size_t)snprintf(src + o, cap - o, "    b%d = { says = 'Line %d.', choices = {\n", b, b);
        for (int pos = 0, w = 0; pos < 4; pos++) {
            char text[1024];
            bool best = pos == sh->best_pos[b];
            /* the wrong options are two words shorter, as long as, and two words longer than other_words */
            words(text, sizeof text, sh->salt, b, pos, best ? sh->best_words[b] : sh->other_words + 2 * (w - 1));
            const char *tail = best ? sh->best_tail : sh->other_tail;
            if (tail) {
                size_t l = strlen(text);
                snprintf(text + l, sizeof text - l, " %s", tail);
            }
            o += (size_t)snprintf(src + o, cap - o, "      { '%s', tags = { '%s' }, go = '%s', coach = 'c' },\n", text,
                                  best ? (b + 1 == sh->nbeats ? "task" : "acknowledge") : wrong[w++], next);
        }
        o += (size_t)snprintf(src + o, cap - o, "    } },\n");
    }
    snprintf(src + o, cap - o,
             "  },\n  endings = { done = { outcome = 'resolved_satisfied', debrief = 'Done.' } },\n}\n");
    return src;
}

static df_Script *load_shape(const Shape *sh) {
    char *src = fixture(sh);
    df_Diags d = {0};
    df_Script *s = load_text("items.lua", src, &d);
    if (!s) {
        diags_dump(&d);
        fprintf(stderr, "%s\n", src);
    }
    assert_non_null(s);
    df_diags_free(&d);
    free(src);
    return s;
}

static void items_of(df_Script *s, df_Items *it) {
    df_Walk w;
    df_Error err;
    assert_int_equal(df_walk(df_script_scenario(s), df_script_host(s), 1, NULL, &w, &err), 0);
    assert_int_equal(df_items(df_script_scenario(s), &w, it), 0);
    df_walk_free(&w);
}

static void lint_shape(const Shape *sh, df_Diags *d) {
    df_Script *s = load_shape(sh);
    df_lint(df_script_scenario(s), df_script_host(s), d);
    df_script_free(s);
}

static void expect(const df_Diags *d, const char *needle, bool want) {
    if (diags_have(d, needle) != want) {
        fprintf(stderr, "%s: %s\n", want ? "expected" : "not expected", needle);
        diags_dump(d);
    }
    assert_int_equal(diags_have(d, needle), want);
}

/* ---------------------------------------------------------------- words and phrases */

static void words_and_stock_phrases_are_counted(void **state) {
    (void)state;
    assert_int_equal(df_word_count("Take your time."), 3);
    assert_int_equal(df_word_count("[Say nothing; let her finish.]"), 5);
    assert_int_equal(df_word_count("It's $215, isn't it?"), 4);
    assert_int_equal(df_word_count(""), 0);
    assert_int_equal(df_stock_phrases("Go on."), 0);
    assert_int_equal(df_stock_phrases("It sounds like a long night. Have I got that right?"), 2);
    assert_int_equal(df_stock_phrases("I'm so sorry, I understand how frustrating this is."), 3);
    assert_int_equal(df_stock_phrases("I'm sorry"), 1);
    /* curly apostrophes read as straight ones */
    assert_int_equal(df_stock_phrases("What I\xe2\x80\x99m hearing is that the bin was missed."), 1);
}

static void shared_phrases_are_joined_and_weighed_against_the_others(void **state) {
    (void)state;
    df_ItemText t[] = {
        {"Okay. Have I got that right?", 0, true},  {"No.", 0, false},
        {"A fee, then. Have I got that right?", 1, true}, {"Rules.", 1, false},
        {"Three weeks. Have I got that right?", 2, true}, {"Calm down.", 2, false},
    };
    df_Phrase p[4];
    int n = df_shared_phrases(t, 6, 3, p, 4);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].words, "have i got that right"); /* two 4-word sequences, one finding */
    assert_int_equal(p[0].groups, 3);
    assert_int_equal(df_shared_phrases(t, 6, 4, p, 4), 0); /* in three groups, not four */
    /* the same words in the wrong answers as often: no cue */
    df_ItemText u[] = {
        {"Okay. Have I got that right?", 0, true}, {"Policy. Have I got that right?", 0, false},
        {"Fine. Have I got that right?", 1, true}, {"Rules. Have I got that right?", 1, false},
        {"Sure. Have I got that right?", 2, true}, {"Calm. Have I got that right?", 2, false},
    };
    assert_int_equal(df_shared_phrases(u, 6, 3, p, 4), 0);
}

/* ---------------------------------------------------------------- one scenario */

static void the_longest_best_option_is_a_cue(void **state) {
    (void)state;
    Shape sh = {.nbeats = 6, .other_words = 4};
    for (int b = 0; b < 6; b++) {
        sh.best_words[b] = 9;
        sh.best_pos[b] = b % 4;
    }
    df_Script *s = load_shape(&sh);
    df_Items it;
    items_of(s, &it);
    assert_int_equal(it.npoints, 6);
    assert_int_equal(it.longest, 6);
    assert_int_equal(it.shortest, 0);
    assert_int_equal(it.position[0] + it.position[1] + it.position[2] + it.position[3], 6);
    assert_int_equal(it.position[0], 2);
    df_items_free(&it);
    /* and a player who always picks the longest passes it */
    df_StrategyRun r;
    df_Error err;
    assert_int_equal(df_play_strategy(df_script_scenario(s), df_script_host(s), DF_STRAT_LONGEST, &r, &err), 0);
    assert_true(r.finished);
    assert_true(r.passed);
    assert_int_equal(r.n, 6);
    assert_int_equal(df_play_strategy(df_script_scenario(s), df_script_host(s), DF_STRAT_SHORTEST, &r, &err), 0);
    assert_false(r.passed);
    df_script_free(s);

    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues: the best option is the longest at 6 of 6 decisions (100%; at most 45%)", true);
    expect(&d, "item cues: the best option is the shortest at 0 of 6 decisions", true);
    expect(&d, "shown at position", false);
    df_diags_free(&d);
}

static void a_library_of_short_and_long_right_answers_is_not_flagged(void **state) {
    (void)state;
    /* best: the longest at two beats, the shortest at two, between the others at two; spread
     * over the positions */
    Shape sh = {.nbeats = 6, .other_words = 6, .best_words = {3, 9, 5, 2, 9, 5}, .best_pos = {0, 1, 2, 3, 2, 1}};
    df_Script *s = load_shape(&sh);
    df_Items it;
    items_of(s, &it);
    assert_int_equal(it.longest, 2);
    assert_int_equal(it.shortest, 2);
    df_items_free(&it);
    for (int k = 0; k < DF_STRAT_COUNT; k++) {
        df_StrategyRun r;
        df_Error err;
        assert_int_equal(df_play_strategy(df_script_scenario(s), df_script_host(s), (df_Strategy)k, &r, &err), 0);
        if (r.passed) fail_msg("strategy '%s' passes", df_strategy_key((df_Strategy)k));
    }
    df_script_free(s);
    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues", false);
    df_diags_free(&d);
}

static void one_position_and_a_shared_phrase_are_cues(void **state) {
    (void)state;
    Shape sh = {.nbeats = 6, .other_words = 6, .best_words = {3, 9, 5, 2, 9, 5}, .best_pos = {1, 1, 1, 1, 2, 0},
                .best_tail = "Have I got that right?"};
    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues: the best option is shown at position 2 at 4 of 6 decisions (67%; at most 50%)", true);
    expect(&d, "item cues: the best options of 6 decisions share the words 'have i got that right' (the other options "
               "use them 0 times)", true);
    /* every best option with a stock phrase, no other: the formula picks the answer */
    expect(&d, "item cues: 6 of 6 best options use a stock empathy phrase", true);
    df_diags_free(&d);
    /* the same phrase in every wrong answer too: no longer a cue */
    sh.other_tail = "Have I got that right?";
    sh.best_pos[0] = 0;
    sh.best_pos[1] = 3;
    d = (df_Diags){0};
    lint_shape(&sh, &d);
    expect(&d, "share the words", false);
    expect(&d, "stock empathy phrase", false);
    expect(&d, "shown at position", false);
    df_diags_free(&d);
}

static void a_briefing_that_quotes_an_answer_is_flagged(void **state) {
    (void)state;
    /* the best option at beat 2 is "b2o2w0 b2o2w1 ..."; the objective quotes four of its words */
    Shape sh = {.nbeats = 6, .other_words = 6, .best_words = {3, 9, 5, 2, 9, 5}, .best_pos = {0, 1, 2, 3, 2, 1},
                .objective = "Say b2o2w1 b2o2w2 b2o2w3 b2o2w4 when it matters."};
    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues: objective 1 gives this answer away ('b2o2w1 b2o2w2 b2o2w3 b2o2w4' is in both)", true);
    df_diags_free(&d);
}

static void a_sentence_starting_lowercase_is_flagged(void **state) {
    (void)state;
    df_Diags d = {0};
    df_Script *s = load_text("t.lua",
                             "local D = 'the Parking Clerk'\n"
                             "return scenario {\n"
                             "  id = 't', title = 'T', setting = 'counter', role = 'Clerk',\n"
                             "  resident = { name = 'Sam', agitation = 30, trust = 40, need = 'recognition' },\n"
                             "  start = 'a',\n"
                             "  beats = { a = { says = 'Can you void it? It is 10 a.m. and I am late.', choices = {\n"
                             "    { 'No, I can\\'t. ' .. D .. ' decides, e.g. on a hearing.', tags = { 'explain_why' }, "
                             "go = 'done', coach = 'Plain... but late.' },\n"
                             "    { 'Yes. The clerk can.', tags = { 'acknowledge' }, go = 'done', coach = 'c' },\n"
                             "  } } },\n"
                             "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n"
                             "}\n",
                             &d);
    if (!s) diags_dump(&d);
    assert_non_null(s);
    df_lint(df_script_scenario(s), df_script_host(s), &d);
    expect(&d, "t.lua:7: warning: beat 'a', choice 1: a sentence starts with a lowercase letter (\"can't. the Parking\")",
           true);
    /* "a.m. and", "e.g. on" and an ellipsis are not sentence ends */
    expect(&d, "beat 'a', field 'says'", false);
    expect(&d, "field 'coach'", false);
    expect(&d, "choice 2: a sentence", false);
    df_script_free(s);
    df_diags_free(&d);
}

/* Length says nothing either way: a scenario whose best option is never the longest teaches
 * a player to strike the longest out, and one whose best is mostly the shortest to pick it. */
static void a_best_option_never_the_longest_is_a_cue_too(void **state) {
    (void)state;
    /* best: the shortest (or as short) at four of six beats, never the longest */
    Shape sh = {.nbeats = 6, .other_words = 6, .best_words = {3, 5, 2, 4, 5, 3}, .best_pos = {0, 1, 2, 3, 2, 1}};
    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues: the best option is the longest at only 0 of 6 decisions (0%; at least 10%)", true);
    expect(&d, "item cues: the best option is the shortest at 4 of 6 decisions (67%; at most 45%)", true);
    df_diags_free(&d);
}

/* A single word that only wrong answers use ("sir") or only right ones ("thanks") is a cue; so
 * is the resident's name, whatever it is; a word both use is not. */
static void single_words_that_mark_an_answer_are_cues(void **state) {
    (void)state;
    df_ItemText t[40];
    const char *names[40];
    char buf[40][96];
    for (int i = 0; i < 10; i++) { /* ten decisions: one best, three others */
        for (int k = 0; k < 4; k++) {
            int j = i * 4 + k;
            bool best = k == i % 4;
            snprintf(buf[j], sizeof buf[j], "%s option w%dx%d counter%s", best ? "Thanks, Dana." : "Sir, the",
                     i, k, k == 3 ? "?" : "");
            t[j] = (df_ItemText){buf[j], i, best};
            names[j] = "Dana Whitfield";
        }
    }
    df_WordCue w[8];
    int n = df_word_cues(t, 40, names, 0.01, 6, w, 8);
    bool sir = false, thanks = false, name = false, counter = false;
    for (int k = 0; k < n; k++) {
        if (!strcmp(w[k].word, "sir")) sir = !w[k].marks_best && w[k].other == 30 && w[k].best == 0;
        if (!strcmp(w[k].word, "thanks")) thanks = w[k].marks_best && w[k].best == 10 && w[k].other == 0;
        if (!strcmp(w[k].word, "(the resident's name)")) name = w[k].marks_best;
        if (!strcmp(w[k].word, "counter")) counter = true;
        assert_true(w[k].p < 0.01);
        if (k) assert_true(w[k - 1].p <= w[k].p); /* strongest first */
    }
    assert_true(sir);
    assert_true(thanks);
    assert_true(name);
    assert_false(counter); /* in every option */
    /* function words are never reported, however uneven */
    for (int k = 0; k < n; k++) assert_true(strcmp(w[k].word, "the") != 0);
    /* through the checker: a scenario whose right answers all say "Thanks" */
    Shape sh = {.nbeats = 8, .other_words = 6, .best_words = {3, 9, 5, 2, 9, 5, 4, 7},
                .best_pos = {0, 1, 2, 3, 2, 1, 0, 3}, .best_tail = "Thanks."};
    df_Diags d = {0};
    lint_shape(&sh, &d);
    expect(&d, "item cues: 'thanks' is in", true);
    expect(&d, "best options and only", true);
    expect(&d, "the best option is the longest", false); /* only the word */
    expect(&d, "the best option is the shortest", false);
    df_diags_free(&d);
}

/* ---------------------------------------------------------------- a folder */

static void a_phrase_best_options_share_across_scenarios_is_flagged(void **state) {
    (void)state;
    df_ItemsFolder *f = calloc(1, sizeof *f);
    const char *tails[2] = {"Right. It sounds like what stings is being treated as a number.",
                            "It sounds like what stings is being treated as a number, then."};
    for (int k = 0; k < 3; k++) {
        Shape sh = {.nbeats = 6, .other_words = 6, .best_words = {3, 9, 5, 2, 9, 5}, .best_pos = {0, 1, 2, 3, 2, 1}};
        sh.salt = k + 1; /* three different scenarios */
        df_Script *s = load_shape(&sh);
        df_Items it;
        items_of(s, &it);
        assert_int_equal(df_items_folder_add(f, df_script_scenario(s), &it), 0);
        df_items_free(&it);
        df_script_free(s);
    }
    /* the texts were copied: give one best option of each of the first two scenarios the same
     * template (a long phrase: two scenarios are enough) */
    int done = 0;
    for (int i = 0; i < f->ntexts && done < 2; i++)
        if (f->texts[i].best && f->texts[i].group == done) {
            free((char *)(uintptr_t)f->texts[i].text);
            f->texts[i].text = strdup(tails[done]);
            done++;
        }
    df_Diags d = {0};
    df_lint_items_folder(f, "lib", &d);
    expect(&d, "item cues: best options in 2 scenarios share the words 'it sounds like what stings is being treated as a "
               "number'", true);
    expect(&d, "across 3 scenarios the best option is the longest", false);
    df_diags_free(&d);
    assert_int_equal(f->nscen, 3);
    assert_int_equal(f->points, 18);
    df_items_folder_free(f);
    free(f);
}

/* ---------------------------------------------------------------- the bundled library */

static void the_bundled_library_gives_no_shortcut(void **state) {
    (void)state;
    char **paths;
    int n = df_list_lua("scenarios", &paths);
    assert_true(n >= 10);
    int passed[DF_STRAT_COUNT] = {0}, sum[DF_STRAT_COUNT] = {0};
    df_ItemsFolder *f = calloc(1, sizeof *f);
    for (int i = 0; i < n; i++) {
        df_Diags d = {0};
        df_Script *s = df_script_load(paths[i], NULL, &d);
        if (!s) diags_dump(&d);
        df_diags_free(&d);
        assert_non_null(s);
        for (int k = 0; k < DF_STRAT_COUNT; k++) {
            df_StrategyRun r;
            df_Error err;
            assert_int_equal(df_play_strategy(df_script_scenario(s), df_script_host(s), (df_Strategy)k, &r, &err), 0);
            passed[k] += r.passed;
            sum[k] += r.score;
            if (r.passed) fprintf(stderr, "  %s: '%s' passes (score %d)\n", paths[i], df_strategy_key((df_Strategy)k), r.score);
        }
        df_Items it;
        items_of(s, &it);
        assert_int_equal(df_items_folder_add(f, df_script_scenario(s), &it), 0);
        df_items_free(&it);
        df_script_free(s);
    }
    df_free_list(paths, n);
    for (int k = 0; k < DF_STRAT_COUNT; k++) {
        if (passed[k] > DF_STRAT_MAX_PASSED || (double)sum[k] / n >= DF_STRAT_MAX_AVERAGE)
            fail_msg("surface strategy '%s' passes %d of %d bundled scenarios, average score %.1f (at most %d, under %d)",
                     df_strategy_key((df_Strategy)k), passed[k], n, (double)sum[k] / n, DF_STRAT_MAX_PASSED,
                     DF_STRAT_MAX_AVERAGE);
    }
    /* the library-wide thresholds (check --werror over the folder holds them too) */
    df_Diags d = {0};
    df_lint_items_folder(f, "scenarios", &d);
    if (d.warnings) diags_dump(&d);
    assert_int_equal(d.warnings, 0);
    assert_true(f->longest <= DF_CUE_FOLDER_LONGEST_MAX * f->points);
    assert_true(f->shortest >= DF_CUE_FOLDER_SHORTEST_MIN * f->points);
    df_diags_free(&d);
    df_items_folder_free(f);
    free(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_stock_phrases_are_counted),
        cmocka_unit_test(shared_phrases_are_joined_and_weighed_against_the_others),
        cmocka_unit_test(the_longest_best_option_is_a_cue),
        cmocka_unit_test(a_library_of_short_and_long_right_answers_is_not_flagged),
        cmocka_unit_test(one_position_and_a_shared_phrase_are_cues),
        cmocka_unit_test(a_briefing_that_quotes_an_answer_is_flagged),
        cmocka_unit_test(a_best_option_never_the_longest_is_a_cue_too),
        cmocka_unit_test(single_words_that_mark_an_answer_are_cues),
        cmocka_unit_test(a_sentence_starting_lowercase_is_flagged),
        cmocka_unit_test(a_phrase_best_options_share_across_scenarios_is_flagged),
        cmocka_unit_test(the_bundled_library_gives_no_shortcut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
