/* fuzz_records: the records reader fed a records.db edited by hand. A valid file (one learner,
 * a finished and an abandoned attempt with their choices, a queued statement) is made once;
 * each input then edits a copy of it: values of any type put into any column (with CHECK
 * constraints honoured or ignored, STRICT kept or taken off the tables), rows deleted,
 * user_version and application_id changed, bytes of the file flipped. The store then reads it
 * (df_store_open_read: each attempt, stats, learner info, outbox) and exports every attempt as
 * CSV and xAPI, and opens it for writing (quick_check, moving a damaged file aside, filling
 * and marking the outbox). Invariants: no crash; numbers read back are finite and not
 * negative; evidence within its bounds; every CSV row and statement valid UTF-8, every
 * statement JSON. */
#define _GNU_SOURCE
#include <cJSON.h>
#include <dirent.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "fuzz.h"
#include "../../engine/records/records.h"

static char dir[256], dbpath[300];
static unsigned char *tmpl;
static size_t tmpl_len;

static void clear_dir(void) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char p[600];
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    closedir(d);
}

static void must(sqlite3 *db, const char *sql) {
    char *m = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &m) != SQLITE_OK) {
        fprintf(stderr, "fuzz_records: template: %s: %s\n", sql, m ? m : "?");
        abort();
    }
}

/* The valid file every input starts from. */
static void make_template(void) {
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/defuse-fuzz-records-%d", base, (int)getpid());
    df_store_mkdirs(dir);
    clear_dir();
    snprintf(dbpath, sizeof dbpath, "%s/records.db", dir);
    char msg[512];
    df_Store *s = df_store_open(dir, msg, sizeof msg);
    if (!s) {
        fprintf(stderr, "fuzz_records: cannot make the template: %s\n", msg);
        abort();
    }
    df_store_close(s);
    sqlite3 *db;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK) abort();
    must(db, "INSERT INTO learners VALUES (1, 'dana', 'Dana Smith', '2024-05-01T10:00:00Z');"
             "INSERT INTO attempts VALUES (1, '11111111-2222-4333-8444-555555555555', '11111111-2222-4333-8444-666666666666',"
             " 1, 'parking-ticket-counter', 'A parking ticket at the counter', '"
             "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 42, '2024-05-01T10:00:00Z',"
             " '2024-05-01T10:12:30Z', 'practice', 'resolved_satisfied', 87, 1, 90, 80, 85, NULL, 70, 60, 100, 90, 75, 80,"
             " 6.5, 3.25, 0, 1.5, 11.25, 8.0, 3);"
             "INSERT INTO attempts VALUES (2, '21111111-2222-4333-8444-555555555555', '21111111-2222-4333-8444-666666666666',"
             " 1, 'counter-threat', 'A threat at the counter', '"
             "f123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 7, '2024-05-02T09:00:00Z',"
             " '2024-05-02T09:03:00Z', 'assess', 'abandoned', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
             " NULL, NULL, 2.0, 0, 0, 0, 2.0, 9.5, 1);"
             "INSERT INTO choices VALUES (1, 1, 'opening', 2, 'I can see this matters.', 'listen,empathy', 'best', 60, 50, 40,"
             " 50, 1.5, 'listening=raised;empathy=raised', 12.5, 9.0, 0);"
             "INSERT INTO choices VALUES (1, 2, 'rules', 1, 'Rules are rules.', 'rules', 'poor', 50, 62, 50, 45, 2.0,"
             " 'respect=missed', NULL, NULL, NULL);"
             "INSERT INTO choices VALUES (1, 3, 'close', 3, 'Here is what I can do.', 'options', 'good', 62, 30, 45, 70,"
             " 3.0, '', 11.0, 10.0, 1);"
             "INSERT INTO choices VALUES (2, 1, 'opening', 1, 'Calm down.', 'command', 'harmful', 70, 85, 40, 30, 2.0,"
             " NULL, NULL, NULL, NULL);"
             "INSERT INTO outbox (statement_id, attempt_id, body, created) VALUES"
             " ('11111111-2222-4333-8444-666666666666', 1, '{\"id\":\"x\"}', '2024-05-01T10:13:00Z');");
    sqlite3_close(db);
    FILE *f = fopen(dbpath, "rb");
    if (!f) abort();
    tmpl = malloc(1 << 20);
    tmpl_len = fread(tmpl, 1, 1 << 20, f);
    fclose(f);
}

/* ---------------------------------------------------------------- the edits */

static const char *const tables[] = {"learners", "attempts", "choices", "outbox"};
static const char *const cols[4][32] = {
    {"id", "login", "display_name", "created"},
    {"id", "uuid", "statement_id", "learner_id", "scenario_id", "scenario_title", "scenario_sha256", "seed", "started",
     "ended", "mode", "outcome", "score", "passed", "dim_safety", "dim_respect", "dim_listening", "dim_empathy",
     "dim_clarity", "dim_options", "dim_boundaries", "dim_ownership", "dim_accuracy", "dim_self_management",
     "conversation", "task", "rework", "follow_on", "total", "baseline", "steps"},
    {"attempt_id", "step", "beat", "choice", "choice_text", "tags", "grade", "agitation_before", "agitation_after",
     "trust_before", "trust_after", "minutes", "evidence", "forecast_typical", "forecast_best", "forecast_sampled"},
    {"statement_id", "attempt_id", "body", "created", "tries", "last_error", "sent", "refused"},
};
static const int ncols[4] = {4, 31, 16, 8};

static const char *const words[] = {
    "resolved_satisfied", "abandoned", "escalated", "practice", "assess", "group", "2024-05-01T10:00:00Z",
    "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "listening=raised;empathy=missed", "safety=held;respect=lowered",
    "listening=raised;listening=missed;x=y;=;;", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t", "\r\n",
    "\x1b[2J\x1b]0;title\x07", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF", "{\"a\":1}",
    "11111111-2222-4333-8444-666666666666", "dana", "",
};

static void bind_value(sqlite3_stmt *st, int i, Fz *f) {
    char text[1100];
    switch (fz_u8(f) % 8) {
    case 0: sqlite3_bind_null(st, i); break;
    case 1: sqlite3_bind_int64(st, i, (int8_t)fz_u8(f)); break;
    case 2: sqlite3_bind_int64(st, i, (int64_t)fz_u64(f)); break;
    case 3: sqlite3_bind_double(st, i, fz_double(f)); break;
    case 4: {
        size_t n = fz_u8(f) * 4u;
        if (n > f->n) n = f->n;
        sqlite3_bind_text(st, i, (const char *)f->p, (int)n, SQLITE_TRANSIENT); /* any bytes, NUL too */
        f->p += n, f->n -= n;
        break;
    }
    case 5: {
        size_t n = fz_u8(f);
        if (n > f->n) n = f->n;
        sqlite3_bind_blob(st, i, f->p, (int)n, SQLITE_TRANSIENT);
        f->p += n, f->n -= n;
        break;
    }
    case 6: { /* a long text: a word repeated */
        const char *w = words[fz_u8(f) % (sizeof words / sizeof *words)];
        size_t o = 0, reps = fz_u8(f) * 8u, wl = strlen(w);
        for (size_t k = 0; k < reps && wl && o + wl < sizeof text; k++) memcpy(text + o, w, wl), o += wl;
        sqlite3_bind_text(st, i, text, (int)o, SQLITE_TRANSIENT);
        break;
    }
    default: sqlite3_bind_text(st, i, words[fz_u8(f) % (sizeof words / sizeof *words)], -1, SQLITE_STATIC);
    }
}

static void edit(Fz *f) {
    sqlite3 *db;
    if (sqlite3_open(dbpath, &db) != SQLITE_OK) {
        sqlite3_close(db);
        return;
    }
    uint8_t mode = fz_u8(f);
    if (mode & 1) sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
    if (mode & 2) { /* the tables rebuilt by a tool that keeps no STRICT and no CHECK */
        sqlite3_exec(db, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') "
                         "WHERE type = 'table'; PRAGMA writable_schema = OFF;", NULL, NULL, NULL);
        sqlite3_close(db);
        if (sqlite3_open(dbpath, &db) != SQLITE_OK) {
            sqlite3_close(db);
            return;
        }
        if (mode & 1) sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
    }
    int edits = fz_u8(f) % 24;
    char sql[512];
    for (int e = 0; e < edits && f->n; e++) {
        uint8_t kind = fz_u8(f);
        int t = kind % 4, row = fz_u8(f) % 5;
        sqlite3_stmt *st = NULL;
        switch (kind / 4 % 8) {
        case 0: /* delete a row */
            snprintf(sql, sizeof sql, "DELETE FROM %s WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET %d)", tables[t],
                     tables[t], row);
            sqlite3_exec(db, sql, NULL, NULL, NULL);
            break;
        case 1: /* a copy of a row, as a new one (ids and keys then changed by later edits) */
            snprintf(sql, sizeof sql, "INSERT INTO %s SELECT * FROM %s LIMIT 1 OFFSET %d", tables[t], tables[t], row);
            sqlite3_exec(db, sql, NULL, NULL, NULL);
            if (t == 1) sqlite3_exec(db, "UPDATE attempts SET id = id + 100, uuid = 'u' || id, statement_id = 's' || id "
                                         "WHERE rowid = last_insert_rowid()", NULL, NULL, NULL);
            break;
        case 2: { /* the file's version and owner */
            long long v = (int32_t)fz_u32(f);
            snprintf(sql, sizeof sql, "PRAGMA %s = %lld", kind & 0x80 ? "application_id" : "user_version",
                     kind & 0x40 ? v : v % 4);
            sqlite3_exec(db, sql, NULL, NULL, NULL);
            break;
        }
        default: { /* a value into a column */
            int c = fz_u8(f) % ncols[t];
            snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET %d)",
                     tables[t], cols[t][c], tables[t], row);
            if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
                bind_value(st, 1, f);
                sqlite3_step(st);
            }
            sqlite3_finalize(st);
        }
        }
    }
    sqlite3_close(db);
    /* bytes of the file flipped (a damaged disk, a bad copy) */
    int flips = fz_u8(f) % 4 == 3 ? 1 + fz_u8(f) % 4 : 0;
    if (flips) {
        FILE *fp = fopen(dbpath, "r+b");
        if (!fp) return;
        fseek(fp, 0, SEEK_END);
        long len = ftell(fp);
        for (int k = 0; k < flips && len > 0; k++) {
            long at = (long)(fz_u32(f) % (uint32_t)len);
            fseek(fp, at, SEEK_SET);
            int c = fgetc(fp);
            fseek(fp, at, SEEK_SET);
            fputc((c ^ (1 + fz_u8(f))) & 0xff, fp);
        }
        fclose(fp);
    }
}

/* ---------------------------------------------------------------- reading */

static char csv[1 << 17];

static int each(void *ud, const df_AttemptRow *r) {
    (void)ud;
    const double nums[] = {r->conversation, r->task, r->rework, r->follow_on, r->total, r->baseline};
    for (size_t i = 0; i < 6; i++) FUZZ_CHECK(isfinite(nums[i]) && nums[i] >= 0, "number %zu read back as %g", i, nums[i]);
    FUZZ_CHECK(r->evidence_steps >= 0 && r->evidence_steps <= DF_RECORDS_MAX_DECISIONS, "evidence_steps %d",
               r->evidence_steps);
    for (int i = 0; i < r->evidence_steps; i++)
        for (int d = 0; d < DF_DIM_COUNT; d++) FUZZ_CHECK(r->evidence[i][d] < DF_EVIDENCE_COUNT, "evidence kind");
    int n = df_csv_row(r, csv, sizeof csv);
    FUZZ_CHECK(n > 0, "a row read back does not fit %zu bytes", sizeof csv);
    FUZZ_CHECK(df_utf8_valid(csv, (size_t)n), "CSV row is not UTF-8: %.300s", csv);
    char *json = df_xapi_statement(r, "https://town.example/defuse");
    if (json) {
        if (!FUZZ_KNOWN_XAPI_UNCLEAN || FUZZ_XAPI_RAW_OK(r))
            FUZZ_CHECK(df_utf8_valid(json, strlen(json)), "statement is not UTF-8: %.300s", json);
        cJSON *doc = cJSON_Parse(json);
        FUZZ_CHECK(doc != NULL, "statement is not JSON: %.300s", json);
        cJSON_Delete(doc);
        free(json);
    }
    return 0;
}

static void read_all(df_Store *s) {
    char err[512];
    df_store_each(s, NULL, each, NULL, err, sizeof err);
    df_Query q = {.learner = "dana", .scenario = "parking-ticket-counter", .since = "2024-01-01", .own = true};
    df_store_each(s, &q, each, NULL, err, sizeof err);
    df_ScenarioStats stats[8];
    int n = df_store_stats(s, "dana", stats, 8);
    FUZZ_CHECK(n <= 8, "%d stats for a cap of 8", n);
    char name[129];
    int attempts = 0;
    df_store_learner_info(s, "dana", name, sizeof name, &attempts);
    df_store_outbox_count(s);
    df_OutboxItem items[4];
    n = df_store_outbox_pending(s, items, 4);
    for (int i = 0; i < n; i++) free(items[i].body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!tmpl) make_template();
    clear_dir();
    FILE *fp = fopen(dbpath, "wb");
    if (!fp) abort();
    fwrite(tmpl, 1, tmpl_len, fp);
    fclose(fp);
    Fz f = {data, size};
    edit(&f);
    char msg[1024];
    df_Store *s = df_store_open_read(dir, msg, sizeof msg);
    if (s) {
        read_all(s);
        df_store_close(s);
    }
    if (size && data[size - 1] & 1) { /* and as the next attempt would open it: for writing */
        s = df_store_open(dir, msg, sizeof msg);
        if (s) {
            char err[512];
            df_store_outbox_fill(s, NULL, "https://town.example/defuse", err, sizeof err);
            df_OutboxItem items[4];
            int n = df_store_outbox_pending(s, items, 4);
            for (int i = 0; i < n; i++) {
                df_store_outbox_mark(s, items[i].statement_id, i % 3, "HTTP 400: \xff bad");
                free(items[i].body);
            }
            read_all(s);
            df_store_close(s);
        }
    }
    return 0;
}
