/* test_records.c: the training record. Saving and reading back a finished and an abandoned
 * attempt; each choice's rubric evidence and forecast; a database of schema 1 upgraded with
 * nothing lost; the database's settings; damaged, foreign and newer databases; folders that
 * are missing or cannot be written; invalid text refused; CSV cells that would be formulas;
 * the rubric's evidence in CSV and xAPI; xAPI statements and the outbox. */
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "harness.h"
#include "../../engine/records/records.h"

#define SCENARIO "scenarios/parking-ticket-counter.lua"
static const int calm[] = {3, 1, 4, 1, 2, 1, 3, 1};

static char dir[256];

static int fresh_dir(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/defuse-records-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int remove_dir(void **state) {
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static df_Script *load(void) {
    df_Diags d = {0};
    df_Script *s = df_script_load(SCENARIO, NULL, &d);
    df_diags_free(&d);
    assert_non_null(s);
    return s;
}

static df_Run *play(df_Script *s, const int *choices, int n) {
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 7, &err);
    assert_non_null(run);
    for (int i = 0; i < n; i++) assert_int_equal(df_run_choose(run, choices[i], &err), 0);
    return run;
}

static df_AttemptInfo info(const char *learner) {
    return (df_AttemptInfo){learner, "Dana Smith", SCENARIO, NULL, "practice", 7, 1795681800, 1795682100};
}

typedef struct Rows {
    df_AttemptRow r[16];
    int n;
} Rows;

static int collect(void *ud, const df_AttemptRow *row) {
    Rows *rs = ud;
    if (rs->n < 16) rs->r[rs->n++] = *row;
    return 0;
}

static long long scalar(const char *db, const char *sql) {
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

/* A text or real column of a one-row query (NULL: "" or NAN). */
static void text_of(const char *db, const char *sql, char *out, size_t cap) {
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(st, 0);
    snprintf(out, cap, "%s", t ? (const char *)t : "");
    sqlite3_finalize(st);
    sqlite3_close(h);
}

static double real_of(const char *db, const char *sql) {
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    double v = sqlite3_column_type(st, 0) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

/* Whether a statement is accepted by the database (its CHECKs). */
static bool accepted(const char *db, const char *sql) {
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
    sqlite3_close(h);
    return rc == SQLITE_OK;
}

static void attempts_are_saved_and_read_back(void **state) {
    (void)state;
    char msg[1024], err[512], uuid[37], data[300], db[400];
    snprintf(data, sizeof data, "%s/new/defuse", dir); /* a folder that does not exist yet */
    df_Store *st = df_store_open(data, msg, sizeof msg);
    assert_non_null(st);
    assert_string_equal(msg, "");
    struct stat sb;
    assert_int_equal(stat(data, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700); /* records are personal data */
    snprintf(db, sizeof db, "%s/records.db", data);
    assert_int_equal(stat(db, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);

    df_Script *s = load();
    df_Run *done = play(s, calm, 8), *half = play(s, calm, 2);
    assert_true(df_run_over(done));
    df_AttemptInfo a = info("dsmith");
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), done, uuid, err, sizeof err), 0);
    assert_int_equal(strlen(uuid), 36);
    a.started += 600, a.ended += 600;
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), half, NULL, err, sizeof err), 0);

    Rows rows = {0};
    df_Query q = {"dsmith", NULL, NULL};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 2);
    const df_AttemptRow *r = &rows.r[0];
    const df_Result *res = df_run_result(done);
    assert_string_equal(r->uuid, uuid);
    assert_string_equal(r->learner, "dsmith");
    assert_string_equal(r->display_name, "Dana Smith");
    assert_string_equal(r->scenario_id, "parking-ticket-counter");
    assert_string_equal(r->outcome, df_outcome_key(res->outcome));
    assert_string_equal(r->started, "2026-11-26T08:30:00Z");
    assert_string_equal(r->mode, "practice");
    assert_int_equal(r->score, res->score);
    assert_int_equal(r->passed, res->passed);
    assert_true(fabs(r->total - res->total) < 1e-9);
    assert_true(fabs(r->baseline - res->baseline) < 1e-9);
    assert_int_equal(r->steps, 8);
    assert_int_equal(strlen(r->scenario_sha256), 64);
    for (int d = 0; d < DF_DIM_COUNT; d++) assert_int_equal(r->dims[d], res->dims[d]);
    /* the unfinished one: kept as abandoned, without a score */
    assert_string_equal(rows.r[1].outcome, "abandoned");
    assert_int_equal(rows.r[1].score, -1);
    assert_int_equal(rows.r[1].steps, 2);
    /* each choice, with the numbers before and after */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM choices WHERE attempt_id = %lld", (long long)r->id);
    assert_int_equal(scalar(db, sql), 8);
    assert_int_equal(scalar(db, "SELECT choice FROM choices WHERE attempt_id = 1 AND step = 1"), 3);
    assert_int_equal(scalar(db, "SELECT count(*) FROM choices WHERE tags = '' OR grade = ''"), 0);
    /* the settings the records rely on */
    assert_int_equal(scalar(db, "PRAGMA application_id"), DF_RECORDS_APP_ID);
    assert_int_equal(scalar(db, "PRAGMA user_version"), DF_RECORDS_SCHEMA);
    sqlite3 *h;
    sqlite3_open(db, &h);
    sqlite3_stmt *stm;
    sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &stm, NULL);
    assert_int_equal(sqlite3_step(stm), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(stm, 0), "wal");
    sqlite3_finalize(stm);
    /* the schema refuses what the store would never write */
    assert_int_not_equal(sqlite3_exec(h, "UPDATE attempts SET score = 101 WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(h, "UPDATE attempts SET total = 0.0/0.0 WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(h, "UPDATE attempts SET mode = 'exam' WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(h, "UPDATE attempts SET score = 'high' WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    /* the picker's figures */
    df_ScenarioStats ss[4];
    assert_int_equal(df_store_stats(st, "dsmith", ss, 4), 1);
    assert_int_equal(ss[0].attempts, 2);
    assert_int_equal(ss[0].best, res->score);
    assert_int_equal(df_store_stats(st, "nobody", ss, 4), 0);
    /* a group session the learner ran as a trainer is not their own practice */
    df_AttemptInfo g = info("dsmith");
    g.mode = "group";
    assert_int_equal(df_store_save(st, &g, df_script_scenario(s), done, NULL, err, sizeof err), 0);
    assert_int_equal(df_store_stats(st, "dsmith", ss, 4), 1);
    assert_int_equal(ss[0].attempts, 2);
    rows.n = 0;
    q = (df_Query){"dsmith", NULL, NULL, true};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 2);
    rows.n = 0;
    q = (df_Query){"dsmith", NULL, NULL, false};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 3);
    /* filters */
    rows.n = 0;
    q = (df_Query){NULL, NULL, "2026-11-27"};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 0);
    q = (df_Query){NULL, "parking-ticket-counter", "2026-11-26", false};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 3);
    df_run_free(done);
    df_run_free(half);
    df_script_free(s);
    df_store_close(st);
}

static void the_version_played_is_recorded_even_if_the_file_goes(void **state) {
    (void)state;
    char msg[1024], err[512], copy[300], db[400];
    snprintf(copy, sizeof copy, "%s/p.lua", dir);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "cp %s '%s'", SCENARIO, copy);
    assert_int_equal(system(cmd), 0);
    df_Diags d = {0};
    df_Script *s = df_script_load(copy, NULL, &d);
    df_diags_free(&d);
    assert_non_null(s);
    char want[65];
    assert_int_equal(df_sha256_file(copy, want), 0);
    assert_string_equal(df_script_sha256(s), want);
    df_Run *run = play(s, calm, 8);
    unlink(copy); /* a checkout or an editor's rename while the attempt was played */
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    df_AttemptInfo a = info("dsmith");
    a.scenario_file = copy;
    a.scenario_sha256 = df_script_sha256(s);
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), 0);
    df_store_close(st);
    snprintf(db, sizeof db, "%s/records.db", dir);
    snprintf(cmd, sizeof cmd, "SELECT count(*) FROM attempts WHERE scenario_sha256 = '%s'", want);
    assert_int_equal(scalar(db, cmd), 1);
    df_run_free(run);
    df_script_free(s);
}

static void bad_text_never_reaches_the_database(void **state) {
    (void)state;
    char msg[1024], err[512];
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    df_Script *s = load();
    df_Run *run = play(s, calm, 8);
    df_AttemptInfo a = info("dsmith");
    a.display_name = "Dana \xff\xfe Smith"; /* not UTF-8 */
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "display_name"));
    a = info("");
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), -1);
    a = info("dsmith");
    a.scenario_file = "/nonexistent.lua";
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), -1);
    /* nothing half-written: no attempt, no learner, no choice */
    char db[400];
    snprintf(db, sizeof db, "%s/records.db", dir);
    assert_int_equal(scalar(db, "SELECT (SELECT count(*) FROM attempts) + (SELECT count(*) FROM learners) + (SELECT count(*) FROM choices)"), 0);
    df_run_free(run);
    df_script_free(s);
    df_store_close(st);
}

/* What each choice said about the rubric, and the forecast after it, are kept and read back
 * as the run had them. */
static void evidence_and_forecast_are_kept_per_choice(void **state) {
    (void)state;
    char msg[1024], err[512], db[400], sql[300], got[512];
    snprintf(db, sizeof db, "%s/records.db", dir);
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    df_Script *s = load();
    df_Error e;
    df_Run *done = df_run_new(df_script_scenario(s), df_script_host(s), 7, &e);
    assert_non_null(done);
    df_run_keep_forecasts(done, true); /* as the terminal and the window do */
    for (int i = 0; i < 8; i++) assert_int_equal(df_run_choose(done, calm[i], &e), 0);
    assert_true(df_run_over(done));
    df_Run *half = play(s, calm, 2); /* no forecasts kept */
    df_AttemptInfo a = info("dsmith");
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), done, NULL, err, sizeof err), 0);
    a.started += 600, a.ended += 600;
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), half, NULL, err, sizeof err), 0);

    const df_Step *steps;
    int n = df_run_steps(done, &steps);
    assert_int_equal(n, 8);
    int shown = 0;
    for (int i = 0; i < n; i++) {
        char want[512] = "";
        size_t o = 0;
        for (int d = 0; d < DF_DIM_COUNT; d++)
            if (steps[i].evidence[d] != DF_EVIDENCE_NONE) {
                o += (size_t)snprintf(want + o, sizeof want - o, "%s%s=%s", o ? ";" : "", df_dim_key((df_Dim)d),
                                      df_evidence_key((df_Evidence)steps[i].evidence[d]));
                shown++;
            }
        snprintf(sql, sizeof sql, "SELECT evidence FROM choices WHERE attempt_id = 1 AND step = %d", i + 1);
        text_of(db, sql, got, sizeof got);
        assert_string_equal(got, want);
        assert_true(steps[i].forecast.valid);
        snprintf(sql, sizeof sql, "SELECT forecast_typical FROM choices WHERE attempt_id = 1 AND step = %d", i + 1);
        assert_true(fabs(real_of(db, sql) - df_forecast_typical_total(&steps[i].forecast)) < 1e-9);
        snprintf(sql, sizeof sql, "SELECT forecast_best FROM choices WHERE attempt_id = 1 AND step = %d", i + 1);
        assert_true(fabs(real_of(db, sql) - df_forecast_best_total(&steps[i].forecast)) < 1e-9);
        snprintf(sql, sizeof sql, "SELECT forecast_sampled FROM choices WHERE attempt_id = 1 AND step = %d", i + 1);
        assert_int_equal(scalar(db, sql), steps[i].forecast.sampled ? 1 : 0);
    }
    assert_true(shown > 0);
    /* after the last choice the forecast is the run's own time: nothing is left ahead */
    assert_true(fabs(real_of(db, "SELECT forecast_typical FROM choices WHERE attempt_id = 1 AND step = 8") -
                     df_run_result(done)->total) < 1e-6);
    /* a run without forecasts: none saved, the evidence still is */
    assert_int_equal(scalar(db, "SELECT count(*) FROM choices WHERE attempt_id = 2 AND forecast_typical IS NULL "
                                "AND forecast_best IS NULL AND forecast_sampled IS NULL AND evidence IS NOT NULL"), 2);

    /* read back for history and exports: the same evidence, decision by decision */
    Rows rows = {0};
    df_Query q = {"dsmith", NULL, NULL};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 2);
    const df_AttemptRow *r = &rows.r[0];
    assert_true(r->evidence_kept);
    assert_int_equal(r->evidence_steps, 8);
    for (int i = 0; i < n; i++)
        for (int d = 0; d < DF_DIM_COUNT; d++) assert_int_equal(r->evidence[i][d], steps[i].evidence[d]);
    assert_true(rows.r[1].evidence_kept);
    assert_int_equal(rows.r[1].evidence_steps, 2);
    /* each dimension of the finished run: evidence where it was scored, "not part" where not */
    const df_Result *res = df_run_result(done);
    int notpart = 0;
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        char text[DF_RUBRIC_TEXT_MAX];
        df_rubric_evidence_text(r, d, text, sizeof text);
        if (res->dims[d] < 0) {
            assert_string_equal(text, DF_RUBRIC_NOT_PART);
            notpart++;
        } else {
            assert_true(text[0] && strcmp(text, DF_RUBRIC_NOT_PART) != 0);
        }
    }
    assert_true(notpart > 0 && notpart < DF_DIM_COUNT); /* this run has both */

    /* the schema refuses evidence and forecasts the store would never write */
    assert_true(accepted(db, "UPDATE choices SET evidence = 'listening=raised;empathy=missed' WHERE attempt_id = 1 AND step = 1"));
    assert_true(accepted(db, "UPDATE choices SET evidence = '' WHERE attempt_id = 1 AND step = 1"));
    static const char *const bad[] = {"listening=great", "listening", "listening=raised;", "=raised", "hearing=raised",
                                      "listening=raised;;empathy=held", "listening=raised empathy=held", "raised"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(sql, sizeof sql, "UPDATE choices SET evidence = '%s' WHERE attempt_id = 1 AND step = 1", bad[i]);
        if (accepted(db, sql)) fprintf(stderr, "accepted: %s\n", bad[i]);
        assert_false(accepted(db, sql));
    }
    assert_false(accepted(db, "UPDATE choices SET forecast_typical = -1 WHERE attempt_id = 1 AND step = 1"));
    assert_false(accepted(db, "UPDATE choices SET forecast_best = NULL WHERE attempt_id = 1 AND step = 1"));
    assert_false(accepted(db, "UPDATE choices SET forecast_sampled = 2 WHERE attempt_id = 1 AND step = 1"));
    df_run_free(done);
    df_run_free(half);
    df_script_free(s);
    df_store_close(st);
}

/* A database as defuse wrote it at schema 1 (the tables exactly as they were made then). */
static const char *const schema_1 =
    "CREATE TABLE learners ( id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64), "
    "display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 128), created TEXT NOT NULL) STRICT;"
    "CREATE TABLE attempts ( id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36), statement_id "
    "TEXT NOT NULL UNIQUE CHECK (length(statement_id) = 36), learner_id INTEGER NOT NULL REFERENCES learners(id), "
    "scenario_id TEXT NOT NULL CHECK (length(scenario_id) BETWEEN 1 AND 127), scenario_title TEXT NOT NULL, "
    "scenario_sha256 TEXT NOT NULL CHECK (length(scenario_sha256) = 64), seed INTEGER NOT NULL, started TEXT NOT NULL, "
    "ended TEXT NOT NULL CHECK (ended >= started), mode TEXT NOT NULL CHECK (mode IN ('practice','assess','group')), "
    "outcome TEXT NOT NULL CHECK (outcome IN ('resolved_satisfied','resolved_accepted','routed','unresolved','escalated',"
    "'safety_exit','breach','abandoned')), score INTEGER CHECK (score BETWEEN 0 AND 100), passed INTEGER CHECK (passed "
    "IN (0, 1)), dim_safety INTEGER CHECK (dim_safety BETWEEN 0 AND 100), dim_respect INTEGER CHECK (dim_respect BETWEEN "
    "0 AND 100), dim_listening INTEGER CHECK (dim_listening BETWEEN 0 AND 100), dim_empathy INTEGER CHECK (dim_empathy "
    "BETWEEN 0 AND 100), dim_clarity INTEGER CHECK (dim_clarity BETWEEN 0 AND 100), dim_options INTEGER CHECK "
    "(dim_options BETWEEN 0 AND 100), dim_boundaries INTEGER CHECK (dim_boundaries BETWEEN 0 AND 100), dim_ownership "
    "INTEGER CHECK (dim_ownership BETWEEN 0 AND 100), dim_accuracy INTEGER CHECK (dim_accuracy BETWEEN 0 AND 100), "
    "dim_self_management INTEGER CHECK (dim_self_management BETWEEN 0 AND 100), conversation REAL NOT NULL CHECK "
    "(conversation >= 0 AND conversation < 1e7), task REAL NOT NULL CHECK (task >= 0 AND task < 1e7), rework REAL NOT "
    "NULL CHECK (rework >= 0 AND rework < 1e7), follow_on REAL NOT NULL CHECK (follow_on >= 0 AND follow_on < 1e7), "
    "total REAL NOT NULL CHECK (total >= 0 AND total < 1e7), baseline REAL NOT NULL CHECK (baseline > 0 AND baseline < "
    "1e6), steps INTEGER NOT NULL CHECK (steps >= 0), CHECK ((outcome = 'abandoned') = (score IS NULL))) STRICT;"
    "CREATE INDEX attempts_by_learner ON attempts(learner_id, scenario_id, started);"
    "CREATE TABLE choices ( attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE, step INTEGER NOT "
    "NULL CHECK (step >= 1), beat TEXT NOT NULL, choice INTEGER NOT NULL CHECK (choice BETWEEN 1 AND 9), choice_text "
    "TEXT NOT NULL, tags TEXT NOT NULL, grade TEXT NOT NULL CHECK (grade IN ('best','good','acceptable','poor','harmful',"
    "'critical')), agitation_before REAL NOT NULL CHECK (agitation_before BETWEEN 0 AND 100), agitation_after REAL NOT "
    "NULL CHECK (agitation_after BETWEEN 0 AND 100), trust_before REAL NOT NULL CHECK (trust_before BETWEEN 0 AND 100), "
    "trust_after REAL NOT NULL CHECK (trust_after BETWEEN 0 AND 100), minutes REAL NOT NULL CHECK (minutes >= 0), "
    "PRIMARY KEY (attempt_id, step)) STRICT;"
    "CREATE TABLE outbox ( statement_id TEXT PRIMARY KEY CHECK (length(statement_id) = 36), attempt_id INTEGER NOT NULL "
    "REFERENCES attempts(id) ON DELETE CASCADE, body TEXT NOT NULL CHECK (json_valid(body)), created TEXT NOT NULL, "
    "tries INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0), last_error TEXT, sent TEXT, refused TEXT) STRICT;"
    "PRAGMA user_version = 1;"
    "INSERT INTO learners VALUES (1, 'dsmith', 'Dana Smith', '2026-11-01T09:00:00Z');"
    "INSERT INTO attempts VALUES (1, '9b0d3c6a-4e1f-4c2a-8f57-1d2e3f4a5b6c', '2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10', 1, "
    "'parking-ticket-counter', 'The ticket', '" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "', 7, "
    "'2026-11-01T09:00:00Z', '2026-11-01T09:05:00Z', 'practice', 'resolved_accepted', 88, 1, NULL, 90, 75, 100, 67, 50, "
    "NULL, 33, 60, 80, 11.8, 4, 0, 0, 15.8, 9.2, 2);"
    "INSERT INTO attempts VALUES (2, '1b0d3c6a-4e1f-4c2a-8f57-1d2e3f4a5b6c', '3f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10', 1, "
    "'parking-ticket-counter', 'The ticket', '" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "', 7, "
    "'2026-11-02T09:00:00Z', '2026-11-02T09:01:00Z', 'practice', 'abandoned', NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, 2, 0, 0, 0, 2, 9.2, 1);"
    "INSERT INTO choices VALUES (1, 1, 'arrives', 3, 'I can see this is frustrating.', 'acknowledge', 'best', 60, 52, 30, "
    "36, 1.5), (1, 2, 'queue', 1, 'Let me look.', 'task', 'good', 52, 45, 36, 40, 4.5), (2, 1, 'arrives', 1, 'Rules are "
    "rules.', 'rules', 'poor', 60, 70, 30, 25, 2);"
    "INSERT INTO outbox VALUES ('2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10', 1, '{\"id\":\"2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10\"}', "
    "'2026-11-01T09:06:00Z', 0, NULL, NULL, NULL);";

/* An old database opened by this defuse: upgraded in place to the current schema, every
 * attempt, choice and queued statement still there, the old choices without evidence
 * (unknown, not "none"), and new attempts saved with it. */
static void a_database_of_schema_1_is_upgraded_with_nothing_lost(void **state) {
    (void)state;
    char msg[1024], err[512], db[400], sql[16384];
    snprintf(db, sizeof db, "%s/records.db", dir);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    snprintf(sql, sizeof sql, "PRAGMA journal_mode = WAL; PRAGMA application_id = %d; %s", DF_RECORDS_APP_ID, schema_1);
    char *m = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &m) != SQLITE_OK) fprintf(stderr, "%s\n", m);
    assert_null(m);
    sqlite3_close(h);
    assert_int_equal(scalar(db, "PRAGMA user_version"), 1);

    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_string_equal(msg, ""); /* an upgrade is no news: nothing was moved aside */
    assert_int_equal(scalar(db, "PRAGMA user_version"), DF_RECORDS_SCHEMA);
    assert_int_equal(scalar(db, "SELECT count(*) FROM learners"), 1);
    assert_int_equal(scalar(db, "SELECT count(*) FROM attempts"), 2);
    assert_int_equal(scalar(db, "SELECT count(*) FROM choices"), 3);
    assert_int_equal(scalar(db, "SELECT count(*) FROM choices WHERE evidence IS NULL AND forecast_typical IS NULL "
                                "AND forecast_best IS NULL AND forecast_sampled IS NULL"), 3);
    assert_int_equal(scalar(db, "SELECT round(sum(minutes) * 10) FROM choices"), 80);
    assert_int_equal(df_store_outbox_count(st), 1); /* the queued statement is kept as it was */

    Rows rows = {0};
    df_Query q = {"dsmith", NULL, NULL};
    assert_int_equal(df_store_each(st, &q, collect, &rows, err, sizeof err), 0);
    assert_int_equal(rows.n, 2);
    df_AttemptRow *r = &rows.r[0];
    assert_string_equal(r->uuid, "9b0d3c6a-4e1f-4c2a-8f57-1d2e3f4a5b6c");
    assert_string_equal(r->display_name, "Dana Smith");
    assert_int_equal(r->score, 88);
    assert_int_equal(r->dims[DF_DIM_SAFETY], -1);
    assert_int_equal(r->dims[DF_DIM_LISTENING], 75);
    assert_int_equal(r->steps, 2);
    assert_false(r->evidence_kept);
    assert_string_equal(rows.r[1].outcome, "abandoned");
    /* exports: the scores as they were, no evidence made up */
    char row[8192];
    assert_true(df_csv_row(r, row, sizeof row) > 0);
    assert_non_null(strstr(row, ",2,,not part of this run,90,,75,,100,,67,,50,,,not part of this run,33,,60,,80,\r\n"));
    char *text = df_xapi_statement(r, "https://x.example/xapi");
    cJSON *stj = cJSON_Parse(text);
    cJSON *rub = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(stj, "result"), "extensions"),
                                     "https://x.example/xapi/ext/rubric");
    assert_non_null(rub);
    cJSON *lis = cJSON_GetObjectItem(rub, "listening");
    assert_int_equal(cJSON_GetObjectItem(lis, "score")->valueint, 75);
    assert_null(cJSON_GetObjectItem(lis, "raised")); /* unknown, not empty */
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetObjectItem(rub, "safety"), "part_of_run")));
    cJSON_Delete(stj);
    free(text);

    /* a new attempt in the upgraded file keeps its evidence */
    df_Script *s = load();
    df_Run *run = play(s, calm, 8);
    df_AttemptInfo a = info("dsmith");
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), 0);
    assert_int_equal(scalar(db, "SELECT count(*) FROM choices WHERE attempt_id = 3 AND evidence IS NOT NULL"), 8);
    df_store_close(st);
    /* opening again changes nothing */
    st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_int_equal(scalar(db, "PRAGMA user_version"), DF_RECORDS_SCHEMA);
    assert_int_equal(scalar(db, "SELECT count(*) FROM attempts"), 3);
    df_store_close(st);
    df_run_free(run);
    df_script_free(s);
}

static void write_file(const char *path, const char *data, size_t n) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static int count_prefix(const char *prefix) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -d '%s'* 2>/dev/null | wc -l", prefix);
    FILE *p = popen(cmd, "r");
    int n = 0;
    assert_int_equal(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

static void broken_and_foreign_files_are_kept_aside(void **state) {
    (void)state;
    char msg[1024], db[400], prefix[420];
    snprintf(db, sizeof db, "%s/records.db", dir);
    /* not a database at all */
    write_file(db, "these are somebody's notes, not a database\n", 43);
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_non_null(strstr(msg, "not a defuse database"));
    assert_non_null(strstr(msg, "kept as"));
    df_store_close(st);
    snprintf(prefix, sizeof prefix, "%s.foreign-", db);
    assert_int_equal(count_prefix(prefix), 1);
    /* another program's SQLite file */
    unlink(db);
    sqlite3 *h;
    sqlite3_open(db, &h);
    sqlite3_exec(h, "CREATE TABLE photos(id INTEGER); INSERT INTO photos VALUES (1);", NULL, NULL, NULL);
    sqlite3_close(h);
    /* within the same second as the first: kept under a name of its own, never over it */
    st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_non_null(strstr(msg, "not a defuse database"));
    df_store_close(st);
    assert_int_equal(count_prefix(prefix), 2);
    /* ours, damaged: a page overwritten in the middle */
    df_Script *s = load();
    df_Run *run = play(s, calm, 8);
    st = df_store_open(dir, msg, sizeof msg);
    char err[512];
    df_AttemptInfo a = info("dsmith");
    for (int i = 0; i < 40; i++) assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), 0);
    df_store_close(st);
    sqlite3_open(db, &h);
    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(h);
    int fd = open(db, O_WRONLY);
    char junk[4096];
    memset(junk, 0xA5, sizeof junk);
    assert_int_equal(pwrite(fd, junk, sizeof junk, 4096 * 3), (ssize_t)sizeof junk);
    close(fd);
    st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_non_null(strstr(msg, "damaged"));
    snprintf(prefix, sizeof prefix, "%s.damaged-", db);
    assert_int_equal(count_prefix(prefix), 1);
    /* and the new one works */
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), run, NULL, err, sizeof err), 0);
    df_store_close(st);
    df_run_free(run);
    df_script_free(s);
}

static void a_newer_database_is_left_alone(void **state) {
    (void)state;
    char msg[1024], db[400];
    snprintf(db, sizeof db, "%s/records.db", dir);
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    df_store_close(st);
    sqlite3 *h;
    sqlite3_open(db, &h);
    sqlite3_exec(h, "PRAGMA user_version = 7", NULL, NULL, NULL);
    sqlite3_close(h);
    struct stat before, after;
    stat(db, &before);
    assert_null(df_store_open(dir, msg, sizeof msg));
    assert_non_null(strstr(msg, "newer defuse"));
    assert_non_null(strstr(msg, "left as it is"));
    stat(db, &after);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_mtime, after.st_mtime);
    assert_int_equal(scalar(db, "PRAGMA user_version"), 7);
}

static void a_folder_that_cannot_be_written_turns_records_off(void **state) {
    (void)state;
    char msg[1024], path[400];
    /* a file where the folder should be (permissions would not stop root) */
    snprintf(path, sizeof path, "%s/file", dir);
    write_file(path, "x", 1);
    snprintf(path, sizeof path, "%s/file/defuse", dir);
    assert_null(df_store_open(path, msg, sizeof msg));
    assert_non_null(strstr(msg, "records are off"));
    /* records.db is a folder */
    snprintf(path, sizeof path, "%s/records.db", dir);
    mkdir(path, 0700);
    assert_null(df_store_open(dir, msg, sizeof msg));
    assert_non_null(strstr(msg, "records are off"));
}

static void csv_cells_are_quoted_and_never_formulas(void **state) {
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"+1", "\"'+1\""},
        {"-2+3", "\"'-2+3\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\tcmd", "\"'\tcmd\""},
        {"\rcmd", "\"'\rcmd\""},
        {"", ""},
        {"caf\xc3\xa9", "caf\xc3\xa9"},
        {"bad \xff byte", "bad \xef\xbf\xbd byte"}, /* invalid UTF-8 becomes U+FFFD */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[256];
        df_csv_cell(cases[i].in, out, sizeof out);
        if (strcmp(out, cases[i].out)) fprintf(stderr, "case %zu: got [%s]\n", i, out);
        assert_string_equal(out, cases[i].out);
    }
    char small[4];
    df_csv_cell("=abcdef", small, sizeof small); /* never overruns */
    assert_int_equal(strlen(small), 3);
}

static df_AttemptRow sample_row(void) {
    df_AttemptRow r;
    memset(&r, 0, sizeof r);
    r.id = 3;
    strcpy(r.uuid, "9b0d3c6a-4e1f-4c2a-8f57-1d2e3f4a5b6c");
    strcpy(r.statement_id, "2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10");
    strcpy(r.learner, "E10442");
    strcpy(r.display_name, "=cmd|' /C calc'!A0");
    strcpy(r.scenario_id, "parking-ticket-counter");
    strcpy(r.scenario_title, "The ticket, \"voided\"");
    memset(r.scenario_sha256, 'a', 64);
    strcpy(r.started, "2026-11-26T08:30:00Z");
    strcpy(r.ended, "2026-11-26T08:34:30Z");
    strcpy(r.mode, "assess");
    strcpy(r.outcome, "resolved_accepted");
    r.score = 82;
    r.passed = 1;
    for (int d = 0; d < DF_DIM_COUNT; d++) r.dims[d] = d == 0 ? -1 : 50 + d;
    r.conversation = 11.8;
    r.task = 4;
    r.total = 15.8;
    r.baseline = 9.2;
    r.steps = 8;
    /* listening raised at decisions 1 and 3 and missed at 2; empathy lowered at 2 */
    r.evidence_kept = true;
    r.evidence_steps = 8;
    r.evidence[0][DF_DIM_LISTENING] = DF_EVIDENCE_RAISED;
    r.evidence[1][DF_DIM_LISTENING] = DF_EVIDENCE_MISSED;
    r.evidence[2][DF_DIM_LISTENING] = DF_EVIDENCE_RAISED;
    r.evidence[1][DF_DIM_EMPATHY] = DF_EVIDENCE_LOWERED;
    r.evidence[6][DF_DIM_RESPECT] = DF_EVIDENCE_HELD;
    return r;
}

static void exports_are_well_formed(void **state) {
    (void)state;
    df_AttemptRow r = sample_row();
    char row[4096];
    assert_true(df_csv_row(&r, row, sizeof row) > 0);
    assert_non_null(strstr(row, ",\"'=cmd|' /C calc'!A0\","));
    assert_non_null(strstr(row, ",\"The ticket, \"\"voided\"\"\","));
    assert_non_null(strstr(row, ",82,yes,15.80,"));
    assert_non_null(strstr(row, "\r\n"));
    /* each rubric dimension: its score, and its evidence beside it; safety (-1) was never at
     * stake in this run, so no score and says so */
    assert_non_null(strstr(df_csv_header(), ",steps,safety,safety_evidence,respect,respect_evidence,listening,listening_evidence,"));
    assert_non_null(strstr(df_csv_header(), ",self_management,self_management_evidence"));
    assert_non_null(strstr(row, ",8,,not part of this run,51,held 7,52,\"raised 1,3; missed 2\",53,lowered 2,54,,55,,"));
    assert_non_null(strstr(row, ",59,\r\n"));
    int commas = 0, header_commas = 0;
    for (const char *p = df_csv_header(); *p; p++) header_commas += *p == ',';
    for (const char *p = row; *p; p++) commas += *p == ',';
    assert_int_equal(commas, header_commas + 2); /* as many cells as columns: the title and listening's evidence hold one comma each */
    char evtext[DF_RUBRIC_TEXT_MAX];
    df_rubric_evidence_text(&r, DF_DIM_LISTENING, evtext, sizeof evtext);
    assert_string_equal(evtext, "raised 1,3; missed 2");
    df_rubric_evidence_text(&r, DF_DIM_LISTENING, evtext, 8); /* a short buffer is cut, never overrun */
    assert_int_equal(strlen(evtext), 7);
    /* an abandoned attempt has no scores: a dimension it never reached is not known to be out */
    df_AttemptRow ab = r;
    ab.score = ab.passed = -1;
    for (int d = 0; d < DF_DIM_COUNT; d++) ab.dims[d] = -1;
    df_rubric_evidence_text(&ab, DF_DIM_SAFETY, evtext, sizeof evtext);
    assert_string_equal(evtext, "");
    df_rubric_evidence_text(&ab, DF_DIM_EMPATHY, evtext, sizeof evtext);
    assert_string_equal(evtext, "lowered 2");
    /* the database keeps every decision; past DF_RECORDS_MAX_DECISIONS the export says it stops */
    df_AttemptRow *lng = malloc(sizeof *lng);
    *lng = r;
    lng->steps = DF_RECORDS_MAX_DECISIONS + 40;
    lng->evidence_steps = DF_RECORDS_MAX_DECISIONS;
    for (int i = 0; i < DF_RECORDS_MAX_DECISIONS; i++) lng->evidence[i][DF_DIM_OWNERSHIP] = DF_EVIDENCE_RAISED;
    df_rubric_evidence_text(lng, DF_DIM_OWNERSHIP, evtext, sizeof evtext);
    assert_non_null(strstr(evtext, "raised 1,2,3,"));
    assert_non_null(strstr(evtext, ",255,256; decisions after 256 not shown"));
    char *big = malloc(65536);
    assert_true(df_csv_row(lng, big, 65536) > 0);
    assert_int_equal(df_csv_row(lng, big, 512), -1); /* too small: said, not cut */
    free(big);
    char *lt = df_xapi_statement(lng, "https://x.example/xapi");
    cJSON *lj = cJSON_Parse(lt);
    cJSON *own = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(lj, "result"), "extensions"),
                                                         "https://x.example/xapi/ext/rubric"), "ownership");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(own, "raised")), DF_RECORDS_MAX_DECISIONS);
    assert_int_equal(cJSON_GetObjectItem(own, "evidence_until_decision")->valueint, DF_RECORDS_MAX_DECISIONS);
    cJSON_Delete(lj);
    free(lt);
    free(lng);
    /* a NaN from a hand-edited file comes out as a number, never "nan" */
    r.total = NAN;
    r.baseline = INFINITY;
    df_csv_row(&r, row, sizeof row);
    assert_null(strstr(row, "nan"));
    assert_null(strstr(row, "inf"));
    r = sample_row();

    char d[64];
    df_iso_duration(4.5, d, sizeof d);
    assert_string_equal(d, "PT4M30S");
    df_iso_duration(0, d, sizeof d);
    assert_string_equal(d, "PT0S");
    df_iso_duration(75.25, d, sizeof d);
    assert_string_equal(d, "PT1H15M15S");
    df_iso_duration(1.0 / 3.0, d, sizeof d);
    assert_string_equal(d, "PT20S");
    df_iso_duration(0.5042, d, sizeof d);
    assert_string_equal(d, "PT30.25S");
    df_iso_duration(NAN, d, sizeof d);
    assert_string_equal(d, "PT0S");

    char *text = df_xapi_statement(&r, "https://training.example-town.gov/xapi");
    cJSON *st = cJSON_Parse(text);
    assert_non_null(st);
    assert_string_equal(cJSON_GetObjectItem(st, "id")->valuestring, r.statement_id);
    assert_string_equal(cJSON_GetObjectItem(st, "timestamp")->valuestring, "2026-11-26T08:34:30.000Z");
    cJSON *acc = cJSON_GetObjectItem(cJSON_GetObjectItem(st, "actor"), "account");
    assert_string_equal(cJSON_GetObjectItem(acc, "name")->valuestring, "E10442");
    assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(st, "actor"), "mbox")); /* an account, never an email */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(st, "verb"), "id")->valuestring, "http://adlnet.gov/expapi/verbs/passed");
    cJSON *res = cJSON_GetObjectItem(st, "result");
    assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(res, "score"), "scaled")->valuedouble == 0.82);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(res, "success")));
    assert_string_equal(cJSON_GetObjectItem(res, "duration")->valuestring, "PT4M30S");
    cJSON *ext = cJSON_GetObjectItem(res, "extensions");
    assert_string_equal(cJSON_GetObjectItem(ext, "https://training.example-town.gov/xapi/ext/outcome")->valuestring, "resolved_accepted");
    assert_string_equal(cJSON_GetObjectItem(ext, "https://training.example-town.gov/xapi/ext/time-to-resolution")->valuestring, "PT15M48S");
    /* the rubric: per dimension its score and the decisions of each kind; safety was not part */
    cJSON *rub = cJSON_GetObjectItem(ext, "https://training.example-town.gov/xapi/ext/rubric");
    assert_non_null(rub);
    assert_int_equal(cJSON_GetArraySize(rub), DF_DIM_COUNT);
    cJSON *safety = cJSON_GetObjectItem(rub, "safety");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(safety, "part_of_run")));
    assert_null(cJSON_GetObjectItem(safety, "score"));
    assert_null(cJSON_GetObjectItem(safety, "raised"));
    cJSON *lis = cJSON_GetObjectItem(rub, "listening");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(lis, "part_of_run")));
    assert_int_equal(cJSON_GetObjectItem(lis, "score")->valueint, 52);
    char *arr = cJSON_PrintUnformatted(cJSON_GetObjectItem(lis, "raised"));
    assert_string_equal(arr, "[1,3]");
    free(arr);
    arr = cJSON_PrintUnformatted(cJSON_GetObjectItem(lis, "missed"));
    assert_string_equal(arr, "[2]");
    free(arr);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(lis, "held")), 0); /* none, and said so */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(lis, "lowered")), 0);
    assert_int_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(rub, "empathy"), "lowered"), 0)->valueint, 2);
    assert_null(cJSON_GetObjectItem(lis, "evidence_until_decision"));
    cJSON *ctx = cJSON_GetObjectItem(st, "context");
    assert_string_equal(cJSON_GetObjectItem(ctx, "registration")->valuestring, r.uuid);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(ctx, "extensions"), "https://training.example-town.gov/xapi/ext/mode")->valuestring, "assess");
    cJSON_Delete(st);
    free(text);
    /* practice runs are completed; a failed assessment fails */
    strcpy(r.mode, "practice");
    text = df_xapi_statement(&r, "https://x.example/xapi");
    assert_non_null(strstr(text, "verbs/completed"));
    free(text);
    strcpy(r.mode, "assess");
    r.passed = 0;
    text = df_xapi_statement(&r, "https://x.example/xapi");
    assert_non_null(strstr(text, "verbs/failed"));
    free(text);
    /* invalid UTF-8 from a hand-edited file never reaches the JSON */
    strcpy(r.display_name, "D\xff");
    text = df_xapi_statement(&r, "https://x.example/xapi");
    assert_true(df_utf8_valid(text, strlen(text)));
    free(text);
}

static void the_outbox_keeps_each_statement_once_with_its_id(void **state) {
    (void)state;
    char msg[1024], err[512];
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    df_Script *s = load();
    df_Run *done = play(s, calm, 8), *half = play(s, calm, 2);
    df_AttemptInfo a = info("dsmith");
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), done, NULL, err, sizeof err), 0);
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), half, NULL, err, sizeof err), 0);
    assert_int_equal(df_store_save(st, &a, df_script_scenario(s), done, NULL, err, sizeof err), 0);
    /* two finished attempts: two statements; the abandoned one has none */
    assert_int_equal(df_store_outbox_fill(st, NULL, "https://x.example/xapi", err, sizeof err), 2);
    assert_int_equal(df_store_outbox_fill(st, NULL, "https://x.example/xapi", err, sizeof err), 0);
    assert_int_equal(df_store_outbox_count(st), 2);
    df_OutboxItem it[4];
    int n = df_store_outbox_pending(st, it, 4);
    assert_int_equal(n, 2);
    char first[37];
    strcpy(first, it[0].statement_id);
    assert_non_null(strstr(it[0].body, first)); /* the id inside the body is the queued one */
    for (int i = 0; i < n; i++) free(it[i].body);
    /* a failed try keeps it pending with the same id; a success removes it */
    assert_int_equal(df_store_outbox_mark(st, first, DF_OUTBOX_RETRY, "HTTP 503"), 0);
    n = df_store_outbox_pending(st, it, 4);
    assert_int_equal(n, 2);
    assert_string_equal(it[0].statement_id, first);
    assert_int_equal(it[0].tries, 1);
    for (int i = 0; i < n; i++) free(it[i].body);
    assert_int_equal(df_store_outbox_mark(st, first, DF_OUTBOX_SENT, NULL), 0);
    assert_int_equal(df_store_outbox_count(st), 1);
    /* one the LRS refuses for good is kept but never offered again */
    n = df_store_outbox_pending(st, it, 4);
    assert_int_equal(n, 1);
    char second[37];
    strcpy(second, it[0].statement_id);
    free(it[0].body);
    assert_int_equal(df_store_outbox_mark(st, second, DF_OUTBOX_REFUSED, "HTTP 400: bad"), 0);
    assert_int_equal(df_store_outbox_count(st), 0);
    assert_int_equal(df_store_outbox_pending(st, it, 4), 0);
    assert_int_equal(df_store_outbox_mark(st, "00000000-0000-4000-8000-000000000000", DF_OUTBOX_SENT, NULL), -1); /* unknown id */
    df_run_free(done);
    df_run_free(half);
    df_script_free(s);
    df_store_close(st);
}

static void uuids_are_version_4(void **state) {
    (void)state;
    char a[37], b[37];
    assert_int_equal(df_uuid4(a), 0);
    assert_int_equal(df_uuid4(b), 0);
    assert_int_equal(strlen(a), 36);
    assert_string_not_equal(a, b);
    assert_int_equal(a[14], '4');
    assert_true(strchr("89ab", a[19]) != NULL);
    char h[65];
    write_file("/tmp/defuse-sha-test", "abc", 3);
    assert_int_equal(df_sha256_file("/tmp/defuse-sha-test", h), 0);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unlink("/tmp/defuse-sha-test");
    assert_int_equal(df_sha256_file("/nonexistent", h), -1);
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, fresh_dir, remove_dir)
    const struct CMUnitTest tests[] = {
        T(attempts_are_saved_and_read_back),
        T(evidence_and_forecast_are_kept_per_choice),
        T(a_database_of_schema_1_is_upgraded_with_nothing_lost),
        T(bad_text_never_reaches_the_database),
        T(the_version_played_is_recorded_even_if_the_file_goes),
        T(broken_and_foreign_files_are_kept_aside),
        T(a_newer_database_is_left_alone),
        T(a_folder_that_cannot_be_written_turns_records_off),
        cmocka_unit_test(csv_cells_are_quoted_and_never_formulas),
        cmocka_unit_test(exports_are_well_formed),
        T(the_outbox_keeps_each_statement_once_with_its_id),
        cmocka_unit_test(uuids_are_version_4),
    };
    return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
