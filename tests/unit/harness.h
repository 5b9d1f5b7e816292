/* harness.h: what every cmocka test file includes, plus helpers to load scenarios from text. */
#ifndef DF_TEST_HARNESS_H
#define DF_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "../../engine/core/core.h"
#include "../../engine/script/script.h"

/* Loads a scenario from a string; diags are kept for inspection by the caller. */
static inline df_Script *load_text(const char *name, const char *src, df_Diags *d) {
    return df_script_load_buffer(name, src, strlen(src), NULL, d);
}

/* True if any diagnostic's formatted text contains needle. */
static inline int diags_have(const df_Diags *d, const char *needle) {
    char buf[4096];
    for (int i = 0; i < d->n; i++) {
        df_diag_format(&d->v[i], buf, sizeof buf);
        if (strstr(buf, needle)) return 1;
    }
    return 0;
}

/* Prints every diagnostic (for failing tests). */
static inline void diags_dump(const df_Diags *d) {
    char buf[4096];
    for (int i = 0; i < d->n; i++) {
        df_diag_format(&d->v[i], buf, sizeof buf);
        fprintf(stderr, "  diag: %s\n", buf);
    }
}

static inline double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A counter matter with a quick "no" and a slower listening road: the quick no sends the
 * resident off to complain, listening leads to the task done together. Tests of the forecast
 * (test_honest.c) and of the faces that show it (test_present.c) share it. */
#define ROADS_SCENARIO                                                                                          \
    "return scenario {\n"                                                                                      \
    "  id = 'roads', title = 'The fee counter', setting = 'counter', role = 'Clerk',\n"                        \
    "  resident = { name = 'Sam', agitation = 50, trust = 30, need = 'recognition' },\n"                        \
    "  time = { task = 4 },\n"                                                                                 \
    "  start = 'a',\n"                                                                                         \
    "  beats = {\n"                                                                                            \
    "    a = { says = 'This fee is wrong.', choices = {\n"                                                     \
    "      { 'Tell me what happened.', tags = { 'listen' }, go = 'b', coach = 'Listening first.' },\n"        \
    "      { 'Fees are set by council.', tags = { 'policy_wall' }, go = 'c', coach = 'A closed door.' } } },\n" \
    "    b = { says = 'They charged me twice.', choices = {\n"                                                 \
    "      { 'Charged twice, and nobody noticed. That is maddening.', tags = { 'label', 'paraphrase' }, "      \
    "go = 'd', coach = 'c' },\n"                                                                               \
    "      { 'Calm down.', tags = { 'calm_down' }, go = 'c', coach = 'c' } } },\n"                              \
    "    c = { says = 'Unbelievable.', choices = {\n"                                                          \
    "      { 'I hear you. Let me look.', tags = { 'acknowledge' }, go = 'd', coach = 'c' },\n"                  \
    "      { 'Nothing I can do.', tags = { 'policy_wall' }, go = 'gone', coach = 'c' } } },\n"                  \
    "    d = { says = 'Okay.', choices = {\n"                                                                  \
    "      { '[Look up the record and refund the second charge.]', tags = { 'task' }, go = 'fixed', "          \
    "coach = 'c' },\n"                                                                                         \
    "      { 'Rules are rules.', tags = { 'policy_wall' }, go = 'gone', coach = 'c' } } },\n"                   \
    "  },\n"                                                                                                   \
    "  endings = {\n"                                                                                          \
    "    fixed = { outcome = 'resolved_satisfied', debrief = 'd' },\n"                                         \
    "    gone = { outcome = 'escalated', debrief = 'd' },\n"                                                   \
    "  },\n"                                                                                                   \
    "}\n"

/* A small valid scenario; tests splice parts into it. */
#define MINI_SCENARIO_HEAD                                                                  \
    "return scenario {\n"                                                                   \
    "  id = 'mini', title = 'Mini', setting = 'counter', role = 'Clerk',\n"                \
    "  resident = { name = 'Sam', agitation = 50, trust = 30, need = 'recognition' },\n"   \
    "  start = 'a',\n"
#define MINI_SCENARIO_BEATS                                                                 \
    "  beats = {\n"                                                                         \
    "    a = { says = { uneasy = 'Hm.', defensive = 'This is wrong.', venting = 'NO!' },\n"\
    "          choices = {\n"                                                               \
    "            { 'Tell me more.', tags = { 'listen' }, go = 'b', coach = 'Listen first.' },\n" \
    "            { 'Calm down.', tags = { 'calm_down' }, go = 'b', coach = 'Never works.' },\n"  \
    "          } },\n"                                                                      \
    "    b = { says = 'Fine.', choices = {\n"                                               \
    "            { 'Here is the form.', tags = { 'inform' }, go = 'done', coach = 'Next steps.' },\n" \
    "          } },\n"                                                                      \
    "  },\n"                                                                                \
    "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n"
#define MINI_SCENARIO MINI_SCENARIO_HEAD MINI_SCENARIO_BEATS "}\n"

#endif
