/* records.h: every practice attempt kept in SQLite (records.db in the data folder), read back
 * for progress, and exported as CSV for HR or as xAPI statements for a Learning Record Store.
 * Only this layer includes sqlite3.h. Records are personal data about employees: they stay
 * on the machine unless the user exports them. */
#ifndef DF_RECORDS_H
#define DF_RECORDS_H

#include <stdint.h>
#include <time.h>

#include "../core/core.h"

#define DF_RECORDS_SCHEMA 2 /* 2: each choice's rubric evidence and the forecast after it */
#define DF_RECORDS_APP_ID 0x44465553 /* "DFUS" in PRAGMA application_id */

typedef struct df_Store df_Store;

/* Opens DIR/records.db, creating the folder (mode 0700) and the database as needed; runs
 * PRAGMA quick_check. A damaged or foreign file is moved aside to
 * records.db.damaged-YYYYMMDD-HHMMSS (or .foreign-...) and a new one started; msg then says
 * so (print it). A file from a newer defuse is left alone and NULL is returned. NULL with
 * msg when records cannot be kept (an unwritable folder ...): practice goes on without. */
df_Store *df_store_open(const char *dir, char *msg, size_t cap);
/* The same for reading (stats, history, exports): it creates nothing and moves nothing.
 * NULL with msg empty when there is no records.db yet; NULL with msg when the file is
 * damaged, foreign or newer (it is left as it is). */
df_Store *df_store_open_read(const char *dir, char *msg, size_t cap);
/* records.db.lock is waited for at most this long (a message says so after half a second).
 * Then a reader reads anyway (read-only, the record as it is), and a writer gives up with
 * DF_STORE_OFF_BUSY. */
#define DF_STORE_LOCK_WAIT_MS 3000
/* Why df_store_open_why returned NULL. */
enum { DF_STORE_OFF_OTHER = 1, DF_STORE_OFF_BUSY, DF_STORE_OFF_READONLY };
/* df_store_open, saying why records are off in *why: BUSY (another defuse held the lock
 * longer than DF_STORE_LOCK_WAIT_MS), READONLY (the folder or file cannot be written), OTHER.
 * A writing open also adds the attempts kept in DIR/pending (df_store_save_pending) to the
 * record, and says so in msg. A reading open of a read-only or busy record opens it
 * read-only and says so in msg (print it; the store works). */
df_Store *df_store_open_why(const char *dir, int *why, char *msg, size_t cap);
void df_store_close(df_Store *s);
/* mkdir -p, each folder made readable by its owner only (0700: records are personal data);
 * 0 when the folder exists after. Also for the session summaries beside the record. */
int df_store_mkdirs(const char *path);
/* Sets a learner's display name (creating the learner when new): the name is entered once
 * and kept. 0, or -1 with err (the name must be 1 to 128 bytes of UTF-8). */
int df_store_set_name(df_Store *s, const char *learner, const char *display, char *err, size_t cap);
/* A learner's display name and number of attempts; -1 when the learner is not known. */
int df_store_learner_info(df_Store *s, const char *learner, char *display, size_t dcap, int *attempts);
const char *df_store_path(const df_Store *s);

/* What the app knows about an attempt besides the run itself. */
typedef struct df_AttemptInfo {
    const char *learner;       /* login or chosen id, 1..64 bytes */
    const char *display_name;  /* shown in history and exports; NULL: the learner id */
    const char *scenario_file; /* the file played */
    const char *scenario_sha256; /* SHA-256 of the version played (df_script_sha256); NULL: hash the file now */
    const char *mode;          /* practice, assess or group */
    uint64_t seed;
    time_t started, ended;
} df_AttemptInfo;

/* Saves a finished run, or an unfinished one as "abandoned" (no score), with every choice,
 * in one transaction. 0 only after COMMIT succeeded (then say "saved"); -1 with err and
 * nothing written. uuid_out (37 bytes) gets the attempt's registration id. */
int df_store_save(df_Store *s, const df_AttemptInfo *a, const df_Scenario *sc, const df_Run *run, char *uuid_out,
                  char *err, size_t cap);

/* Keeps an attempt that could not be saved because records.db was busy in
 * DIR/pending/attempt-STAMP-ID.db (written whole, then renamed); the next df_store_open adds
 * it to the record. 0 with the file in path_out, or -1 with err. */
int df_store_save_pending(const char *dir, const df_AttemptInfo *a, const df_Scenario *sc, const df_Run *run,
                          char *path_out, size_t pcap, char *err, size_t cap);

/* Decisions per attempt whose rubric evidence is read back for history and exports (the
 * database keeps every one). */
#define DF_RECORDS_MAX_DECISIONS 256

/* One attempt as read back. */
typedef struct df_AttemptRow {
    int64_t id;
    char uuid[37], statement_id[37];
    char learner[65], display_name[129];
    char scenario_id[128], scenario_title[256], scenario_sha256[65];
    char started[32], ended[32], mode[16], outcome[32];
    int score;     /* -1 when abandoned */
    int passed;    /* -1 when abandoned */
    int dims[DF_DIM_COUNT];
    double conversation, task, rework, follow_on, total, baseline;
    int steps;
    uint64_t seed;
    /* The rubric evidence of each decision, as saved: evidence[i][d] is the df_Evidence of
     * decision i + 1 for dimension d. evidence_kept is false for an attempt saved before
     * defuse kept evidence (schema 1): its evidence is unknown, not absent. evidence_steps
     * decisions were read (steps, or DF_RECORDS_MAX_DECISIONS when there were more). */
    bool evidence_kept;
    int evidence_steps;
    unsigned char evidence[DF_RECORDS_MAX_DECISIONS][DF_DIM_COUNT];
} df_AttemptRow;

typedef struct df_Query {
    const char *learner;   /* NULL: everyone */
    const char *scenario;  /* NULL: every scenario */
    const char *since;     /* "YYYY-MM-DD" (UTC) or NULL */
    bool own;              /* only the learner's own practice (no group sessions they ran) */
} df_Query;

/* Calls fn for each attempt matching q, oldest first, inside one read transaction (so an
 * export is a consistent snapshot). fn returns non-zero to stop. 0, or -1 with err. */
typedef int (*df_AttemptFn)(void *ud, const df_AttemptRow *row);
int df_store_each(df_Store *s, const df_Query *q, df_AttemptFn fn, void *ud, char *err, size_t cap);

/* Per scenario for one learner: attempts and the best score (for the picker); group
 * sessions the learner ran as a trainer are not their practice and are left out. */
typedef struct df_ScenarioStats {
    char scenario_id[128];
    int attempts, best; /* best -1 when no finished attempt */
} df_ScenarioStats;
int df_store_stats(df_Store *s, const char *learner, df_ScenarioStats *out, int cap);

/* ---------------------------------------------------------------- the xAPI outbox */

/* Queues the statement of every attempt (matching q) not queued yet; returns how many. */
int df_store_outbox_fill(df_Store *s, const df_Query *q, const char *base_iri, char *err, size_t cap);
typedef struct df_OutboxItem {
    char statement_id[37];
    char *body;  /* malloc'd JSON */
    int tries;
} df_OutboxItem;
/* Unsent statements, oldest first (up to cap); returns count; free bodies with free(). */
int df_store_outbox_pending(df_Store *s, df_OutboxItem *out, int cap);
enum { DF_OUTBOX_SENT, DF_OUTBOX_RETRY, DF_OUTBOX_REFUSED };
/* Records a try: sent; to retry later (network, auth, server trouble); or refused for good by
 * the LRS (400, 409: kept with the reason, never sent again). */
int df_store_outbox_mark(df_Store *s, const char *statement_id, int outcome, const char *error);
/* How many statements wait to be sent. */
int df_store_outbox_count(df_Store *s);

/* Where statements go: the LRS endpoint (its statements resource is endpoint + "statements")
 * and the Basic auth key and secret. */
typedef struct df_LrsConfig {
    char endpoint[2048];
    char key[256], secret[256];
    int timeout_s;
} df_LrsConfig;

typedef struct df_LrsReport {
    int sent, failed, refused, pending;
    char error[1024]; /* the first failure */
} df_LrsReport;

/* Sends the outbox, oldest first, with the X-Experience-API-Version header; a statement is
 * marked sent only on 204, or 200 with its id in the answer. Stops at the first failure that
 * would repeat for the rest (network, auth, server, a redirect, an answer that is not an
 * LRS's); a statement the LRS refuses for good (400, 409) is kept as refused and not sent
 * again. 0 when everything went, -1 otherwise (rep says what). */
int df_lrs_send(df_Store *s, const df_LrsConfig *c, df_LrsReport *rep);

/* ---------------------------------------------------------------- exports */

/* A cell safe for a spreadsheet: RFC 4180 quoting, and a leading =, +, -, @, tab or CR
 * neutralised with a ' so it is never taken for a formula. Appends to out (cap bytes). */
size_t df_csv_cell(const char *s, char *out, size_t cap);
/* The CSV header and one row per attempt: -1 when the row does not fit in cap (then
 * nothing usable is in out). Each rubric dimension has its score and, next to it, its
 * evidence (df_rubric_evidence_text). */
const char *df_csv_header(void);
int df_csv_row(const df_AttemptRow *r, char *out, size_t cap);
/* What an attempt shows of dimension d, as text: the decisions of each kind, "raised 1,3;
 * missed 2"; DF_RUBRIC_NOT_PART for a finished attempt where d was never at stake; "" when
 * nothing is known (an abandoned attempt that never reached d, or one saved before evidence
 * was kept). The result always fits when cap is DF_RUBRIC_TEXT_MAX. */
#define DF_RUBRIC_NOT_PART "not part of this run"
#define DF_RUBRIC_TEXT_MAX (DF_RECORDS_MAX_DECISIONS * 4 + 96)
void df_rubric_evidence_text(const df_AttemptRow *r, int d, char *out, size_t cap);
/* The xAPI statement of an attempt (malloc'd JSON), with activity ids under base_iri; the
 * rubric, with each dimension's score and evidence, is the result extension base_iri/ext/rubric
 * (docs/records.md). */
char *df_xapi_statement(const df_AttemptRow *r, const char *base_iri);
/* ISO 8601 duration of minutes, e.g. PT4M30S (0.01 s precision at most). */
void df_iso_duration(double minutes, char *out, size_t cap);

/* SHA-256 of a file as 64 hex digits; -1 if unreadable. */
int df_sha256_file(const char *path, char hex[65]);
/* A random (version 4) UUID from the system's random source. */
int df_uuid4(char out[37]);

#endif
