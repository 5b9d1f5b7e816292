/* store.c: the SQLite store of attempts. WAL with synchronous=FULL, so a committed attempt
 * survives a crash or a power cut; one transaction per attempt, so an attempt is all there or
 * not at all; STRICT tables with CHECK constraints, and every number checked finite and every
 * string checked UTF-8 before it is bound, so bad data stops at the door. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <sqlite3.h>

#include "records.h"

struct df_Store {
    sqlite3 *db;
    char path[4200];
};

const char *df_store_path(const df_Store *s) { return s->path; }

/* ---------------------------------------------------------------- small helpers */

static void col_text(sqlite3_stmt *st, int i, char *out, size_t cap);
static df_Store *open_locked(df_Store *s, bool reading, char *msg, size_t cap);

int df_uuid4(char out[37]) {
    unsigned char b[16];
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, b, sizeof b);
    close(fd);
    if (n != (ssize_t)sizeof b) return -1;
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
             b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return 0;
}

int df_sha256_file(const char *path, char hex[65]) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sha256_update(&ctx, n, buf);
    int bad = ferror(f);
    fclose(f);
    if (bad) return -1;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return 0;
}

static void iso_time(time_t t, char *out, size_t cap) {
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void stamp(char *out, size_t cap) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y%m%d-%H%M%S", &tm);
}

static int exec(df_Store *s, const char *sql, char *err, size_t cap) {
    char *m = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &m) == SQLITE_OK) return 0;
    snprintf(err, cap, "%s", m ? m : sqlite3_errmsg(s->db));
    sqlite3_free(m);
    return -1;
}

/* A single integer from a query (PRAGMA user_version ...); -1 with err on failure. */
static long long int_of(sqlite3 *db, const char *sql, int *rc_out) {
    sqlite3_stmt *st = NULL;
    long long v = -1;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            v = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    if (rc_out) *rc_out = rc;
    return v;
}

/* ---------------------------------------------------------------- schema */

#define OUTCOMES "'resolved_satisfied','resolved_accepted','routed','unresolved','escalated','safety_exit','breach','abandoned'"
#define GRADES "'best','good','acceptable','poor','harmful','critical'"
#define DIM(n) " " n " INTEGER CHECK (" n " BETWEEN 0 AND 100),"

static const char *const schema_v1 =
    "CREATE TABLE learners ("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),"
    " display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 128),"
    " created TEXT NOT NULL) STRICT;"
    "CREATE TABLE attempts ("
    " id INTEGER PRIMARY KEY,"
    " uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),"
    " statement_id TEXT NOT NULL UNIQUE CHECK (length(statement_id) = 36),"
    " learner_id INTEGER NOT NULL REFERENCES learners(id),"
    " scenario_id TEXT NOT NULL CHECK (length(scenario_id) BETWEEN 1 AND 127),"
    " scenario_title TEXT NOT NULL,"
    " scenario_sha256 TEXT NOT NULL CHECK (length(scenario_sha256) = 64),"
    " seed INTEGER NOT NULL,"
    " started TEXT NOT NULL, ended TEXT NOT NULL CHECK (ended >= started),"
    " mode TEXT NOT NULL CHECK (mode IN ('practice','assess','group')),"
    " outcome TEXT NOT NULL CHECK (outcome IN (" OUTCOMES ")),"
    " score INTEGER CHECK (score BETWEEN 0 AND 100),"
    " passed INTEGER CHECK (passed IN (0, 1)),"
    DIM("dim_safety") DIM("dim_respect") DIM("dim_listening") DIM("dim_empathy") DIM("dim_clarity")
    DIM("dim_options") DIM("dim_boundaries") DIM("dim_ownership") DIM("dim_accuracy") DIM("dim_self_management")
    " conversation REAL NOT NULL CHECK (conversation >= 0 AND conversation < 1e7),"
    " task REAL NOT NULL CHECK (task >= 0 AND task < 1e7),"
    " rework REAL NOT NULL CHECK (rework >= 0 AND rework < 1e7),"
    " follow_on REAL NOT NULL CHECK (follow_on >= 0 AND follow_on < 1e7),"
    " total REAL NOT NULL CHECK (total >= 0 AND total < 1e7),"
    " baseline REAL NOT NULL CHECK (baseline > 0 AND baseline < 1e6),"
    " steps INTEGER NOT NULL CHECK (steps >= 0),"
    " CHECK ((outcome = 'abandoned') = (score IS NULL))) STRICT;"
    "CREATE INDEX attempts_by_learner ON attempts(learner_id, scenario_id, started);"
    "CREATE TABLE choices ("
    " attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
    " step INTEGER NOT NULL CHECK (step >= 1),"
    " beat TEXT NOT NULL,"
    " choice INTEGER NOT NULL CHECK (choice BETWEEN 1 AND 9),"
    " choice_text TEXT NOT NULL,"
    " tags TEXT NOT NULL,"
    " grade TEXT NOT NULL CHECK (grade IN (" GRADES ")),"
    " agitation_before REAL NOT NULL CHECK (agitation_before BETWEEN 0 AND 100),"
    " agitation_after REAL NOT NULL CHECK (agitation_after BETWEEN 0 AND 100),"
    " trust_before REAL NOT NULL CHECK (trust_before BETWEEN 0 AND 100),"
    " trust_after REAL NOT NULL CHECK (trust_after BETWEEN 0 AND 100),"
    " minutes REAL NOT NULL CHECK (minutes >= 0),"
    " PRIMARY KEY (attempt_id, step)) STRICT;"
    "CREATE TABLE outbox ("
    " statement_id TEXT PRIMARY KEY CHECK (length(statement_id) = 36),"
    " attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
    " body TEXT NOT NULL CHECK (json_valid(body)),"
    " created TEXT NOT NULL,"
    " tries INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),"
    " last_error TEXT,"
    " sent TEXT,"
    " refused TEXT) STRICT;";

/* Version 2: what each choice said about the rubric, and the forecast after it. Evidence is
 * "listening=raised;empathy=missed" (dimension keys in rubric order, each once; "" when no
 * dimension was at stake; NULL for choices saved before it was kept). The CHECK takes every
 * "key=" apart and then every "#kind;", and wants nothing left. The forecast is the projected
 * time to resolution after the choice (minutes spent plus the typical, or the best, still
 * ahead) and whether it was sampled; NULL when the run kept no forecast. */
#define EV_KEY(id, key, label) "replace("
#define EV_KEY_END(id, key, label) ",'" key "=','#')"
#define EVIDENCE_WELL_FORMED                                                                                \
    "(evidence = '' OR replace(replace(replace(replace(" DF_DIMS(EV_KEY) "evidence || ';'" DF_DIMS(EV_KEY_END) \
    ",'#raised;',''),'#held;',''),'#lowered;',''),'#missed;','') = '')"
#define FORECAST(n) " " n " REAL CHECK (" n " >= 0 AND " n " < 1e7)"

static const char *const schema_v2 =
    "ALTER TABLE choices ADD COLUMN evidence TEXT"
    " CHECK (evidence IS NULL OR (length(evidence) <= 400 AND " EVIDENCE_WELL_FORMED "));"
    "ALTER TABLE choices ADD COLUMN" FORECAST("forecast_typical") ";"
    "ALTER TABLE choices ADD COLUMN" FORECAST("forecast_best") ";"
    "ALTER TABLE choices ADD COLUMN forecast_sampled INTEGER CHECK (forecast_sampled IN (0, 1)"
    " AND (forecast_typical IS NULL) = (forecast_sampled IS NULL) AND (forecast_best IS NULL) = (forecast_sampled IS NULL));";

/* Brings the schema up to DF_RECORDS_SCHEMA, one version per transaction: an old file is
 * either at its old version or at the next one, never half-way. */
static int migrate(df_Store *s, char *err, size_t cap) {
    for (;;) {
        /* The version is read inside the write transaction: two first runs at once cannot
         * both create the tables, nor two upgrades both alter them. */
        if (exec(s, "BEGIN IMMEDIATE", err, cap) != 0) return -1;
        int rc;
        long long from = int_of(s->db, "PRAGMA user_version", &rc);
        if (rc != SQLITE_OK) {
            snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        char sql[8192];
        if (from < 1)
            snprintf(sql, sizeof sql, "%s PRAGMA application_id = %d; PRAGMA user_version = 1;", schema_v1, DF_RECORDS_APP_ID);
        else if (from == 1)
            snprintf(sql, sizeof sql, "%s PRAGMA user_version = 2;", schema_v2);
        else /* up to date (a newer file never gets here: open_locked leaves it alone) */
            sql[0] = '\0';
        if (exec(s, sql, err, cap) != 0 || exec(s, "COMMIT", err, cap) != 0) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        if (!sql[0]) return 0;
    }
}

/* ---------------------------------------------------------------- opening */

typedef enum { FILE_OK, FILE_NEW, FILE_DAMAGED, FILE_FOREIGN, FILE_FUTURE, FILE_UNREADABLE } FileState;

/* Looks at an existing file, in one read transaction so another process creating or
 * writing it cannot be seen half-way. Only SQLite's own verdicts (not a database, corrupt,
 * quick_check rows) make a file damaged or foreign; busy, I/O or memory errors only turn
 * records off for this run, and never move anything. */
static FileState inspect(const char *path, long long *version, char *why, size_t cap) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        snprintf(why, cap, "%s", db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return FILE_UNREADABLE;
    }
    sqlite3_busy_timeout(db, 5000);
    FileState state = FILE_OK;
    int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    long long app = rc == SQLITE_OK ? int_of(db, "PRAGMA application_id", &rc) : 0;
    long long tables = rc == SQLITE_OK ? int_of(db, "SELECT count(*) FROM sqlite_schema", &rc) : 0;
    if (rc == SQLITE_OK) *version = int_of(db, "PRAGMA user_version", &rc);
    if (rc != SQLITE_OK) {
        int code = sqlite3_errcode(db) & 0xff;
        snprintf(why, cap, "%s", code == SQLITE_NOTADB ? "not a database" : sqlite3_errmsg(db));
        state = code == SQLITE_NOTADB ? FILE_FOREIGN : code == SQLITE_CORRUPT ? FILE_DAMAGED : FILE_UNREADABLE;
    } else if (app != DF_RECORDS_APP_ID && (app != 0 || tables > 0)) {
        snprintf(why, cap, "application_id %lld is not defuse's", app);
        state = FILE_FOREIGN;
    } else if (app == 0 && tables == 0) {
        state = FILE_NEW;
    } else {
        /* quick_check: the structure, without the cost of checking every index entry */
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK) {
            int code = sqlite3_errcode(db) & 0xff;
            snprintf(why, cap, "%s", sqlite3_errmsg(db));
            state = code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? FILE_DAMAGED : FILE_UNREADABLE;
        } else {
            int r = sqlite3_step(st);
            const unsigned char *t = r == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
            if (r == SQLITE_ROW && t && strcmp((const char *)t, "ok") != 0) {
                snprintf(why, cap, "quick_check: %s", (const char *)t);
                state = FILE_DAMAGED;
            } else if (r != SQLITE_ROW) {
                int code = sqlite3_errcode(db) & 0xff;
                snprintf(why, cap, "%s", sqlite3_errmsg(db));
                state = code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? FILE_DAMAGED : FILE_UNREADABLE;
            }
        }
        sqlite3_finalize(st);
        if (state == FILE_OK && *version > DF_RECORDS_SCHEMA) state = FILE_FUTURE;
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    return state;
}

/* Moves the file (and any -wal and -shm beside it) to path.KIND-STAMP, never over an
 * earlier one (-2, -3 ... within the same second); 0, or -1 with errno. */
static int move_aside(const char *path, const char *kind, char *moved, size_t cap) {
    char st[32];
    stamp(st, sizeof st);
    bool renamed = false;
    for (int k = 1;; k++) {
        if (k == 1) snprintf(moved, cap, "%s.%s-%s", path, kind, st);
        else snprintf(moved, cap, "%s.%s-%s-%d", path, kind, st, k);
        if (link(path, moved) == 0) break; /* link fails rather than replace: the name is ours */
        if ((errno == EPERM || errno == ENOTSUP) && access(moved, F_OK) != 0) { /* no hard links here */
            if (rename(path, moved) != 0) return -1;
            renamed = true;
            break;
        }
        if (errno != EEXIST || k > 99) return -1;
    }
    static const char *const side[] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        char a[4400], b[4400];
        snprintf(a, sizeof a, "%s%s", path, side[i]);
        snprintf(b, sizeof b, "%s%s", moved, side[i]);
        if (access(a, F_OK) == 0 && rename(a, b) != 0) return -1;
    }
    return renamed ? 0 : unlink(path);
}

int df_store_mkdirs(const char *path) {
    char buf[4096];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf) return -1;
    memcpy(buf, path, len + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
    struct stat sb;
    return stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode) ? 0 : -1;
}

/* Waits for records.db.lock at most DF_STORE_LOCK_WAIT_MS, saying so after half a second;
 * 1 when this process holds it, 0 when another process kept it all that time. */
static int wait_lock(int fd, const char *dir) {
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool said = false;
    for (;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) return 1;
        if (errno != EWOULDBLOCK && errno != EINTR) return 1; /* no locking here (a file system without it): go on as before */
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ms = (long)(now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
        if (ms >= DF_STORE_LOCK_WAIT_MS) return 0;
        if (ms >= 500 && !said) {
            fprintf(stderr, "defuse: waiting for another defuse using the training record in %s (at most %d s)...\n", dir,
                    DF_STORE_LOCK_WAIT_MS / 1000);
            said = true;
        }
        struct timespec nap = {0, 50 * 1000000L};
        nanosleep(&nap, NULL);
    }
}

/* file:PATH?mode=ro for sqlite3_open_v2 with SQLITE_OPEN_URI ('%', '?' and '#' escaped). */
static void ro_uri(const char *path, bool immutable, char *out, size_t cap) {
    size_t o = (size_t)snprintf(out, cap, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < cap; p++) {
        if (*p == '%' || *p == '?' || *p == '#') o += (size_t)snprintf(out + o, cap - o, "%%%02X", *p);
        else out[o++] = (char)*p;
    }
    out[o < cap ? o : cap - 1] = '\0';
    snprintf(out + strlen(out), cap - strlen(out), "?mode=ro%s", immutable ? "&immutable=1" : "");
}

/* Opens records.db for reading only, without the lock and without writing anything (not even
 * the -shm beside it when the folder is read-only): first as a normal read-only connection,
 * which sees what other processes commit; if that cannot work here, as an immutable file. The
 * file's kind and version are checked as inspect would. NULL with msg on failure. */
static df_Store *open_readonly(df_Store *s, char *msg, size_t cap) {
    char uri[8600];
    for (int imm = 0; imm < 2; imm++) {
        ro_uri(s->path, imm == 1, uri, sizeof uri);
        if (sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK) {
            sqlite3_busy_timeout(s->db, DF_STORE_LOCK_WAIT_MS);
            int rc;
            long long app = int_of(s->db, "PRAGMA application_id", &rc);
            long long version = rc == SQLITE_OK ? int_of(s->db, "PRAGMA user_version", &rc) : 0;
            if (rc == SQLITE_OK) {
                if (app != DF_RECORDS_APP_ID) {
                    snprintf(msg, cap, "%s is not a defuse database: it is left as it is", s->path);
                } else if (version > DF_RECORDS_SCHEMA) {
                    snprintf(msg, cap, "%s was written by a newer defuse (schema %lld; this one knows %d); it is left as it is",
                             s->path, version, DF_RECORDS_SCHEMA);
                } else {
                    return s;
                }
                df_store_close(s);
                return NULL;
            }
            if (imm == 1) snprintf(msg, cap, "cannot read %s: %s", s->path, sqlite3_errmsg(s->db));
        } else if (imm == 1) {
            snprintf(msg, cap, "cannot read %s: %s", s->path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        }
        sqlite3_close(s->db);
        s->db = NULL;
    }
    free(s);
    return NULL;
}

/* True when nothing can be written to the folder or the file (a read-only mount, a
 * locked-down profile, a restored backup): reading needs no lock then, and saving is off. */
static bool read_only_here(const char *dir, const char *path) {
    if (access(dir, W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM)) return true;
    return access(path, W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM);
}

static int merge_pending(df_Store *s, const char *dir, char *note, size_t cap);

static df_Store *open_store(const char *dir, bool reading, int *why, char *msg, size_t cap) {
    msg[0] = '\0';
    int dummy;
    if (!why) why = &dummy;
    *why = 0;
    char path[4200];
    snprintf(path, sizeof path, "%s/records.db", dir);
    if (reading) { /* a reader creates nothing: no folder, no file */
        if (access(path, F_OK) != 0 && errno == ENOENT) return NULL;
    } else if (df_store_mkdirs(dir) != 0) {
        snprintf(msg, cap, "records are off: cannot create the data folder %s: %s", dir, strerror(errno));
        *why = errno == EROFS || errno == EACCES ? DF_STORE_OFF_READONLY : DF_STORE_OFF_OTHER;
        return NULL;
    }
    df_Store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(msg, cap, "records are off: out of memory");
        *why = DF_STORE_OFF_OTHER;
        return NULL;
    }
    snprintf(s->path, sizeof s->path, "%s", path);
    bool ro = read_only_here(dir, path);
    if (ro && reading) {
        df_Store *r = open_readonly(s, msg, cap);
        if (r) snprintf(msg, cap, "%s is read-only here: it is read as it is (saving attempts is off)", path);
        return r;
    }
    if (ro) {
        snprintf(msg, cap, "records are off: the data folder %s is read-only", dir);
        *why = DF_STORE_OFF_READONLY;
        free(s);
        return NULL;
    }
    /* One process at a time looks at, moves aside or creates the file; saving does not
     * take this lock (SQLite's own locking covers it). It is waited for a bounded time. */
    char lockpath[4300];
    snprintf(lockpath, sizeof lockpath, "%s/records.db.lock", dir);
    int lock = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock >= 0 && !wait_lock(lock, dir)) {
        close(lock);
        if (reading) { /* a reader needs no lock: it reads what is committed, and moves nothing */
            df_Store *r = open_readonly(s, msg, cap);
            if (r)
                snprintf(msg, cap, "another defuse has held records.db.lock in %s for %d s: showing the record read-only, as it is now",
                         dir, DF_STORE_LOCK_WAIT_MS / 1000);
            return r;
        }
        snprintf(msg, cap, "records.db is in use by another defuse (it has held records.db.lock in %s for %d s)", dir,
                 DF_STORE_LOCK_WAIT_MS / 1000);
        *why = DF_STORE_OFF_BUSY;
        free(s);
        return NULL;
    }
    df_Store *r = open_locked(s, reading, msg, cap);
    if (!r) *why = DF_STORE_OFF_OTHER;
    if (r && !reading) merge_pending(r, dir, msg, cap);
    if (lock >= 0) close(lock); /* closing releases the lock */
    return r;
}

df_Store *df_store_open(const char *dir, char *msg, size_t cap) { return open_store(dir, false, NULL, msg, cap); }

df_Store *df_store_open_why(const char *dir, int *why, char *msg, size_t cap) { return open_store(dir, false, why, msg, cap); }

df_Store *df_store_open_read(const char *dir, char *msg, size_t cap) { return open_store(dir, true, NULL, msg, cap); }

static df_Store *open_locked(df_Store *s, bool reading, char *msg, size_t cap) {
    if (access(s->path, F_OK) == 0) {
        long long version = 0;
        char why[512] = "";
        FileState fs = inspect(s->path, &version, why, sizeof why);
        if (fs == FILE_FUTURE) {
            snprintf(msg, cap, "records are off: %s was written by a newer defuse (schema %lld; this one knows %d); it is left as it is",
                     s->path, version, DF_RECORDS_SCHEMA);
            free(s);
            return NULL;
        }
        if (fs == FILE_UNREADABLE) {
            snprintf(msg, cap, "records are off: cannot open %s: %s", s->path, why);
            free(s);
            return NULL;
        }
        if ((fs == FILE_DAMAGED || fs == FILE_FOREIGN) && reading) { /* a reader never moves a file */
            snprintf(msg, cap, "%s is %s (%s): it is left as it is; the next attempt saved will keep it aside and start a new one",
                     s->path, fs == FILE_DAMAGED ? "damaged" : "not a defuse database", why);
            free(s);
            return NULL;
        }
        if (fs == FILE_DAMAGED || fs == FILE_FOREIGN) {
            char moved[4400];
            const char *kind = fs == FILE_DAMAGED ? "damaged" : "foreign";
            if (move_aside(s->path, kind, moved, sizeof moved) != 0) {
                snprintf(msg, cap, "records are off: %s is %s (%s) and could not be moved aside: %s", s->path,
                         fs == FILE_DAMAGED ? "damaged" : "not a defuse database", why, strerror(errno));
                free(s);
                return NULL;
            }
            snprintf(msg, cap, "%s was %s (%s): it is kept as %s and a new records.db was started",
                     s->path, fs == FILE_DAMAGED ? "damaged" : "not a defuse database", why, moved);
        }
    }
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
        snprintf(msg, cap, "records are off: cannot open %s: %s", s->path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        df_store_close(s);
        return NULL;
    }
    chmod(s->path, 0600);
    sqlite3_busy_timeout(s->db, 5000);
    char err[512];
    if (exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", err, sizeof err) != 0 ||
        migrate(s, err, sizeof err) != 0) {
        snprintf(msg + strlen(msg), cap - strlen(msg), "%srecords are off: %s: %s", msg[0] ? "; " : "", s->path, err);
        df_store_close(s);
        return NULL;
    }
    return s;
}

int df_store_set_name(df_Store *s, const char *learner, const char *display, char *err, size_t cap) {
    size_t n = display ? strlen(display) : 0;
    if (!learner || !*learner || strlen(learner) > 64) {
        snprintf(err, cap, "the learner id must be 1 to 64 bytes");
        return -1;
    }
    if (n == 0 || n > 128 || !df_utf8_valid(display, n)) {
        snprintf(err, cap, "a name is 1 to 128 bytes of text");
        return -1;
    }
    if (df_text_unsafe(display, n, false)) { /* C0, C1 (U+009B is a one-byte CSI), bidi overrides */
        snprintf(err, cap, "a name cannot hold control characters or bidirectional overrides");
        return -1;
    }
    sqlite3_stmt *st = NULL;
    char now[32];
    iso_time(time(NULL), now, sizeof now);
    if (sqlite3_prepare_v2(s->db, "INSERT INTO learners (login, display_name, created) VALUES (?, ?, ?) "
                                  "ON CONFLICT(login) DO UPDATE SET display_name = excluded.display_name", -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
        return -1;
    }
    sqlite3_bind_text(st, 1, learner, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, display, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc) snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return rc;
}

int df_store_learner_info(df_Store *s, const char *learner, char *display, size_t dcap, int *attempts) {
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT l.display_name, (SELECT count(*) FROM attempts a WHERE a.learner_id = l.id) "
                                  "FROM learners l WHERE l.login = ?", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, learner, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, display, dcap);
        *attempts = sqlite3_column_int(st, 1);
        rc = 0;
    }
    sqlite3_finalize(st);
    return rc;
}

void df_store_close(df_Store *s) {
    if (!s) return;
    sqlite3_close(s->db);
    free(s);
}

/* ---------------------------------------------------------------- saving */

typedef struct Binder {
    sqlite3_stmt *st;
    int i;
    const char *bad; /* the first field that was not finite or not UTF-8 */
} Binder;

static void b_text(Binder *b, const char *field, const char *v) {
    b->i++;
    if (!v) {
        sqlite3_bind_null(b->st, b->i);
        return;
    }
    if (!df_utf8_valid(v, strlen(v))) {
        if (!b->bad) b->bad = field;
        sqlite3_bind_null(b->st, b->i);
        return;
    }
    sqlite3_bind_text(b->st, b->i, v, -1, SQLITE_TRANSIENT);
}

static void b_real(Binder *b, const char *field, double v) {
    b->i++;
    if (!isfinite(v)) { /* NaN would become NULL and Inf 9e999: stop them here */
        if (!b->bad) b->bad = field;
        sqlite3_bind_null(b->st, b->i);
        return;
    }
    sqlite3_bind_double(b->st, b->i, v);
}

static void b_int(Binder *b, long long v) { sqlite3_bind_int64(b->st, ++b->i, v); }

static void b_null(Binder *b) { sqlite3_bind_null(b->st, ++b->i); }

static int prepare(df_Store *s, const char *sql, Binder *b, char *err, size_t cap) {
    memset(b, 0, sizeof *b);
    if (sqlite3_prepare_v2(s->db, sql, -1, &b->st, NULL) == SQLITE_OK) return 0;
    snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
    return -1;
}

/* Steps a prepared insert; 0, or -1 with err (a rejected value names its field). */
static int finish(df_Store *s, Binder *b, char *err, size_t cap) {
    int rc = -1;
    if (b->bad) snprintf(err, cap, "the field '%s' is not a finite number or valid UTF-8", b->bad);
    else if (sqlite3_step(b->st) != SQLITE_DONE) snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
    else rc = 0;
    sqlite3_finalize(b->st);
    b->st = NULL;
    return rc;
}

static int64_t learner_id(df_Store *s, const df_AttemptInfo *a, char *err, size_t cap) {
    Binder b;
    char now[32];
    iso_time(time(NULL), now, sizeof now);
    if (prepare(s, "INSERT INTO learners (login, display_name, created) VALUES (?, ?, ?) "
                   "ON CONFLICT(login) DO NOTHING", &b, err, cap) != 0)
        return -1;
    b_text(&b, "learner", a->learner);
    b_text(&b, "display_name", a->display_name && a->display_name[0] ? a->display_name : a->learner);
    b_text(&b, "created", now);
    if (finish(s, &b, err, cap) != 0) return -1;
    sqlite3_stmt *st = NULL;
    int64_t id = -1;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM learners WHERE login = ?", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, a->learner, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (id < 0) snprintf(err, cap, "learner '%s' not found after insert", a->learner);
    return id;
}

/* "listening=raised;empathy=missed": what the choice said about each rubric dimension at
 * stake, in rubric order ("" when none was). A value the engine never gives is left out. */
static void evidence_text(const df_Step *t, char *out, size_t cap) {
    size_t o = 0;
    out[0] = '\0';
    for (int d = 0; d < DF_DIM_COUNT && o < cap; d++) {
        int e = t->evidence[d];
        if (e <= DF_EVIDENCE_NONE || e >= DF_EVIDENCE_COUNT) continue;
        o += (size_t)snprintf(out + o, cap - o, "%s%s=%s", o ? ";" : "", df_dim_key((df_Dim)d), df_evidence_key((df_Evidence)e));
    }
}

static int save_choices(df_Store *s, int64_t attempt, const df_Scenario *sc, const df_Run *run, char *err, size_t cap) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    for (int i = 0; i < n; i++) {
        const df_Step *t = &steps[i];
        const df_Choice *c = &sc->beats[t->beat].choices[t->choice];
        char tags[256] = "", evidence[512];
        size_t o = 0;
        for (int k = 0; k < c->ntags && o < sizeof tags; k++)
            o += (size_t)snprintf(tags + o, sizeof tags - o, "%s%s", k ? "," : "", df_tag(c->tags[k])->key);
        evidence_text(t, evidence, sizeof evidence);
        /* The forecast is an aid, never a reason to lose the attempt: one that was not kept,
         * failed or is out of range is saved as none. */
        const df_Forecast *f = &t->forecast;
        double typical = f->valid ? df_forecast_typical_total(f) : -1, best = f->valid ? df_forecast_best_total(f) : -1;
        bool forecast = f->valid && isfinite(typical) && isfinite(best) && typical >= 0 && best >= 0 && typical < 1e7 &&
                        best < 1e7;
        Binder b;
        if (prepare(s, "INSERT INTO choices (attempt_id, step, beat, choice, choice_text, tags, grade, agitation_before, "
                       "agitation_after, trust_before, trust_after, minutes, evidence, forecast_typical, forecast_best, "
                       "forecast_sampled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &b, err, cap) != 0)
            return -1;
        b_int(&b, attempt);
        b_int(&b, i + 1);
        b_text(&b, "beat", sc->beats[t->beat].id);
        b_int(&b, t->shown);
        b_text(&b, "choice_text", c->text);
        b_text(&b, "tags", tags);
        b_text(&b, "grade", df_grade_key(t->grade));
        b_real(&b, "agitation_before", t->a_before);
        b_real(&b, "agitation_after", t->a_after);
        b_real(&b, "trust_before", t->t_before);
        b_real(&b, "trust_after", t->t_after);
        b_real(&b, "minutes", t->conversation + t->task + t->rework);
        b_text(&b, "evidence", evidence);
        if (forecast) {
            b_real(&b, "forecast_typical", typical);
            b_real(&b, "forecast_best", best);
            b_int(&b, f->sampled ? 1 : 0);
        } else {
            b_null(&b);
            b_null(&b);
            b_null(&b);
        }
        if (finish(s, &b, err, cap) != 0) return -1;
    }
    return 0;
}

int df_store_save(df_Store *s, const df_AttemptInfo *a, const df_Scenario *sc, const df_Run *run, char *uuid_out,
                  char *err, size_t cap) {
    char uuid[37], sid[37], hash[65], started[32], ended[32];
    if (!a->learner || !a->learner[0] || strlen(a->learner) > 64) {
        snprintf(err, cap, "the learner id must be 1 to 64 bytes");
        return -1;
    }
    if (df_uuid4(uuid) != 0 || df_uuid4(sid) != 0) {
        snprintf(err, cap, "no random source for the attempt's id");
        return -1;
    }
    if (a->scenario_sha256 && strlen(a->scenario_sha256) == 64) {
        memcpy(hash, a->scenario_sha256, 65);
    } else if (df_sha256_file(a->scenario_file, hash) != 0) {
        snprintf(err, cap, "cannot read %s to record its version", a->scenario_file);
        return -1;
    }
    iso_time(a->started, started, sizeof started);
    iso_time(a->ended < a->started ? a->started : a->ended, ended, sizeof ended);
    const df_Result *r = df_run_over(run) ? df_run_result(run) : NULL;
    const df_State *st = df_run_state(run);
    const df_Step *steps;
    int nsteps = df_run_steps(run, &steps);
    if (exec(s, "BEGIN IMMEDIATE", err, cap) != 0) return -1;
    int64_t lid = learner_id(s, a, err, cap);
    Binder b;
    int rc = -1;
    if (lid >= 0 &&
        prepare(s, "INSERT INTO attempts (uuid, statement_id, learner_id, scenario_id, scenario_title, scenario_sha256, seed, "
                   "started, ended, mode, outcome, score, passed, dim_safety, dim_respect, dim_listening, dim_empathy, "
                   "dim_clarity, dim_options, dim_boundaries, dim_ownership, dim_accuracy, dim_self_management, "
                   "conversation, task, rework, follow_on, total, baseline, steps) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &b, err, cap) == 0) {
        b_text(&b, "uuid", uuid);
        b_text(&b, "statement_id", sid);
        b_int(&b, lid);
        b_text(&b, "scenario_id", sc->id);
        b_text(&b, "scenario_title", sc->title);
        b_text(&b, "scenario_sha256", hash);
        b_int(&b, (long long)a->seed); /* stored as the same 64 bits; read back as unsigned */
        b_text(&b, "started", started);
        b_text(&b, "ended", ended);
        b_text(&b, "mode", a->mode ? a->mode : "practice");
        b_text(&b, "outcome", r ? df_outcome_key(r->outcome) : "abandoned");
        if (r) {
            b_int(&b, r->score);
            b_int(&b, r->passed ? 1 : 0);
        } else {
            b_null(&b);
            b_null(&b);
        }
        for (int d = 0; d < DF_DIM_COUNT; d++) {
            if (r && r->dims[d] >= 0) b_int(&b, r->dims[d]);
            else b_null(&b);
        }
        double baseline = df_calm_baseline(&sc->params);
        b_real(&b, "conversation", r ? r->conversation : st->conversation);
        b_real(&b, "task", r ? r->task : st->task);
        b_real(&b, "rework", r ? r->rework : st->rework);
        b_real(&b, "follow_on", r ? r->follow_on : 0);
        b_real(&b, "total", r ? r->total : st->clock);
        b_real(&b, "baseline", r ? r->baseline : baseline);
        b_int(&b, nsteps);
        if (finish(s, &b, err, cap) == 0 && save_choices(s, sqlite3_last_insert_rowid(s->db), sc, run, err, cap) == 0)
            rc = exec(s, "COMMIT", err, cap);
    }
    if (rc != 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (uuid_out) memcpy(uuid_out, uuid, 37);
    return 0;
}

/* ---------------------------------------------------------------- attempts kept aside */

/* An attempt saved while records.db was busy goes into a small database of its own,
 * DIR/pending/attempt-STAMP-ID.db, with the same schema and checks. It is written under a
 * name the merge never takes (.writing-...) and renamed when whole, so a merge can never
 * take half of it. The next df_store_open (which holds the lock) adds every pending attempt
 * to records.db, in one transaction per file, and removes the file: an attempt already there
 * (the same uuid) is not added twice. */
int df_store_save_pending(const char *dir, const df_AttemptInfo *a, const df_Scenario *sc, const df_Run *run,
                          char *path_out, size_t pcap, char *err, size_t cap) {
    char pend[4200], tmp[4400], final[4400], st[32], id[37];
    snprintf(pend, sizeof pend, "%s/pending", dir);
    if (df_store_mkdirs(pend) != 0) {
        snprintf(err, cap, "cannot create %s: %s", pend, strerror(errno));
        return -1;
    }
    if (df_uuid4(id) != 0) {
        snprintf(err, cap, "no random source for the file's name");
        return -1;
    }
    stamp(st, sizeof st);
    snprintf(tmp, sizeof tmp, "%s/.writing-%s-%.8s.db", pend, st, id);
    snprintf(final, sizeof final, "%s/attempt-%s-%.8s.db", pend, st, id);
    df_Store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    snprintf(s->path, sizeof s->path, "%s", tmp);
    int rc = -1;
    if (sqlite3_open_v2(tmp, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXCLUSIVE,
                        NULL) != SQLITE_OK)
        snprintf(err, cap, "cannot create %s: %s", tmp, s->db ? sqlite3_errmsg(s->db) : "out of memory");
    else if (chmod(tmp, 0600), exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", err, cap) == 0 &&
             migrate(s, err, cap) == 0 && df_store_save(s, a, sc, run, NULL, err, cap) == 0)
        rc = 0;
    sqlite3_close(s->db);
    free(s);
    if (rc == 0 && rename(tmp, final) != 0) {
        snprintf(err, cap, "cannot rename %s: %s", tmp, strerror(errno));
        rc = -1;
    }
    if (rc != 0) {
        unlink(tmp);
        char j[4500];
        snprintf(j, sizeof j, "%s-journal", tmp);
        unlink(j);
        return -1;
    }
    int dfd = open(pend, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    if (path_out) snprintf(path_out, pcap, "%s", final);
    return 0;
}

#define ATTEMPT_COLS                                                                                                     \
    "uuid, statement_id, scenario_id, scenario_title, scenario_sha256, seed, started, ended, mode, outcome, score, "   \
    "passed, dim_safety, dim_respect, dim_listening, dim_empathy, dim_clarity, dim_options, dim_boundaries, "          \
    "dim_ownership, dim_accuracy, dim_self_management, conversation, task, rework, follow_on, total, baseline, steps"
#define CHOICE_COLS                                                                                                      \
    "step, beat, choice, choice_text, tags, grade, agitation_before, agitation_after, trust_before, trust_after, "     \
    "minutes, evidence, forecast_typical, forecast_best, forecast_sampled"

/* Adds one pending file to records.db; the number of attempts added, or -1 (the file stays). */
static int merge_one(df_Store *s, const char *file) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "ATTACH ?1 AS pend", -1, &st, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(st, 1, file, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    int added = -1;
    char err[256];
    int qrc;
    long long app = int_of(s->db, "PRAGMA pend.application_id", &qrc);
    long long version = qrc == SQLITE_OK ? int_of(s->db, "PRAGMA pend.user_version", &qrc) : 0;
    if (qrc == SQLITE_OK && app == DF_RECORDS_APP_ID && version == DF_RECORDS_SCHEMA && exec(s, "BEGIN IMMEDIATE", err, sizeof err) == 0) {
        long long before = int_of(s->db, "SELECT count(*) FROM main.attempts", &qrc);
        const char *sql =
            "CREATE TEMP TABLE IF NOT EXISTS merging (uuid TEXT PRIMARY KEY);"
            "DELETE FROM temp.merging;"
            "INSERT INTO temp.merging SELECT uuid FROM pend.attempts WHERE uuid NOT IN (SELECT uuid FROM main.attempts);"
            "INSERT INTO main.learners (login, display_name, created) SELECT login, display_name, created FROM pend.learners"
            " WHERE true ON CONFLICT(login) DO NOTHING;"
            "INSERT INTO main.attempts (learner_id, " ATTEMPT_COLS ") SELECT (SELECT m.id FROM main.learners m WHERE m.login = pl.login), "
            ATTEMPT_COLS " FROM pend.attempts JOIN pend.learners pl ON pl.id = pend.attempts.learner_id"
            " WHERE uuid IN (SELECT uuid FROM temp.merging) ORDER BY pend.attempts.id;"
            "INSERT INTO main.choices (attempt_id, " CHOICE_COLS ") SELECT (SELECT m.id FROM main.attempts m WHERE m.uuid = pa.uuid), "
            CHOICE_COLS " FROM pend.choices c JOIN pend.attempts pa ON pa.id = c.attempt_id"
            " WHERE pa.uuid IN (SELECT uuid FROM temp.merging);";
        if (qrc == SQLITE_OK && exec(s, sql, err, sizeof err) == 0) {
            long long after = int_of(s->db, "SELECT count(*) FROM main.attempts", &qrc);
            if (qrc == SQLITE_OK && exec(s, "COMMIT", err, sizeof err) == 0) added = (int)(after - before);
        }
        if (added < 0) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_exec(s->db, "DETACH pend", NULL, NULL, NULL);
    return added;
}

static int merge_pending(df_Store *s, const char *dir, char *note, size_t cap) {
    char pend[4200];
    snprintf(pend, sizeof pend, "%s/pending", dir);
    DIR *d = opendir(pend);
    if (!d) return 0;
    int total = 0, failed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (strncmp(e->d_name, "attempt-", 8) != 0 || l < 12 || strcmp(e->d_name + l - 3, ".db") != 0) continue;
        char file[4500];
        snprintf(file, sizeof file, "%s/%s", pend, e->d_name);
        int n = merge_one(s, file);
        if (n < 0) {
            failed++;
            continue;
        }
        total += n;
        unlink(file);
    }
    closedir(d);
    size_t o = strlen(note);
    if (total > 0)
        snprintf(note + o, cap - o, "%s%d attempt%s kept in %s while the record was busy %s now in %s", o ? "; " : "", total,
                 total == 1 ? "" : "s", pend, total == 1 ? "is" : "are", s->path);
    o = strlen(note);
    if (failed > 0)
        snprintf(note + o, cap - o, "%s%d file%s in %s could not be added to the record yet (kept there)", o ? "; " : "", failed,
                 failed == 1 ? "" : "s", pend);
    return total;
}

/* ---------------------------------------------------------------- reading */

static void col_text(sqlite3_stmt *st, int i, char *out, size_t cap) {
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, cap, "%s", t ? (const char *)t : "");
}

#define SELECT_ATTEMPTS                                                                                                    \
    "SELECT a.id, a.uuid, a.statement_id, l.login, l.display_name, a.scenario_id, a.scenario_title, a.scenario_sha256, "  \
    "a.started, a.ended, a.mode, a.outcome, a.score, a.passed, a.dim_safety, a.dim_respect, a.dim_listening, "            \
    "a.dim_empathy, a.dim_clarity, a.dim_options, a.dim_boundaries, a.dim_ownership, a.dim_accuracy, "                    \
    "a.dim_self_management, a.conversation, a.task, a.rework, a.follow_on, a.total, a.baseline, a.steps, a.seed "         \
    "FROM attempts a JOIN learners l ON l.id = a.learner_id "                                                              \
    "WHERE (?1 IS NULL OR l.login = ?1) AND (?2 IS NULL OR a.scenario_id = ?2) AND (?3 IS NULL OR a.started >= ?3) "  \
    "AND (?4 = 0 OR a.mode != 'group') "

static void read_row(sqlite3_stmt *st, df_AttemptRow *r) {
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    col_text(st, 1, r->uuid, sizeof r->uuid);
    col_text(st, 2, r->statement_id, sizeof r->statement_id);
    col_text(st, 3, r->learner, sizeof r->learner);
    col_text(st, 4, r->display_name, sizeof r->display_name);
    col_text(st, 5, r->scenario_id, sizeof r->scenario_id);
    col_text(st, 6, r->scenario_title, sizeof r->scenario_title);
    col_text(st, 7, r->scenario_sha256, sizeof r->scenario_sha256);
    col_text(st, 8, r->started, sizeof r->started);
    col_text(st, 9, r->ended, sizeof r->ended);
    col_text(st, 10, r->mode, sizeof r->mode);
    col_text(st, 11, r->outcome, sizeof r->outcome);
    r->score = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 12);
    r->passed = sqlite3_column_type(st, 13) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 13);
    for (int d = 0; d < DF_DIM_COUNT; d++)
        r->dims[d] = sqlite3_column_type(st, 14 + d) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 14 + d);
    r->conversation = sqlite3_column_double(st, 24);
    r->task = sqlite3_column_double(st, 25);
    r->rework = sqlite3_column_double(st, 26);
    r->follow_on = sqlite3_column_double(st, 27);
    r->total = sqlite3_column_double(st, 28);
    r->baseline = sqlite3_column_double(st, 29);
    /* a file edited by hand can hold what the store never writes: no NaN or Inf gets out */
    double *nums[] = {&r->conversation, &r->task, &r->rework, &r->follow_on, &r->total, &r->baseline};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
        if (!isfinite(*nums[i]) || *nums[i] < 0) *nums[i] = 0;
    r->steps = sqlite3_column_int(st, 30);
    r->seed = (uint64_t)sqlite3_column_int64(st, 31);
}

/* "listening=raised;empathy=missed" into ev (a df_Evidence per dimension); a part a
 * hand-edited file could hold that is not a known dimension and kind is left out. */
static void parse_evidence(const char *text, unsigned char *ev) {
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, ";");
        char item[64];
        if (len < sizeof item) {
            memcpy(item, p, len);
            item[len] = '\0';
            char *eq = strchr(item, '=');
            int d = -1;
            if (eq) {
                *eq = '\0';
                d = df_dim_from_key(item);
            }
            for (int e = DF_EVIDENCE_NONE + 1; d >= 0 && e < DF_EVIDENCE_COUNT; e++)
                if (!strcmp(eq + 1, df_evidence_key((df_Evidence)e))) ev[d] = (unsigned char)e;
        }
        p += len;
        if (*p) p++;
    }
}

/* Reads the rubric evidence of r's choices into r, with *ev prepared on first use (the
 * caller finalizes it). 0, or -1 on a database error. */
static int read_evidence(df_Store *s, sqlite3_stmt **ev, df_AttemptRow *r) {
    if (!*ev && sqlite3_prepare_v2(s->db, "SELECT step, evidence FROM choices WHERE attempt_id = ? AND step <= ? ORDER BY step",
                                   -1, ev, NULL) != SQLITE_OK)
        return -1;
    sqlite3_reset(*ev);
    sqlite3_bind_int64(*ev, 1, r->id);
    sqlite3_bind_int(*ev, 2, DF_RECORDS_MAX_DECISIONS);
    int rc;
    while ((rc = sqlite3_step(*ev)) == SQLITE_ROW) {
        int step = sqlite3_column_int(*ev, 0);
        const unsigned char *t = sqlite3_column_text(*ev, 1);
        if (step < 1 || step > DF_RECORDS_MAX_DECISIONS || !t) continue; /* NULL: saved before evidence was kept */
        r->evidence_kept = true;
        if (step > r->evidence_steps) r->evidence_steps = step;
        parse_evidence((const char *)t, r->evidence[step - 1]);
    }
    sqlite3_reset(*ev);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_query(sqlite3_stmt *st, const df_Query *q) {
    char since[32];
    if (q && q->learner) sqlite3_bind_text(st, 1, q->learner, -1, SQLITE_TRANSIENT);
    if (q && q->scenario) sqlite3_bind_text(st, 2, q->scenario, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, q && q->own ? 1 : 0);
    if (q && q->since) {
        snprintf(since, sizeof since, "%.10sT00:00:00Z", q->since);
        sqlite3_bind_text(st, 3, since, -1, SQLITE_TRANSIENT);
    }
}

int df_store_each(df_Store *s, const df_Query *q, df_AttemptFn fn, void *ud, char *err, size_t cap) {
    if (exec(s, "BEGIN", err, cap) != 0) return -1; /* one snapshot for the whole read */
    sqlite3_stmt *st = NULL, *ev = NULL;
    df_AttemptRow *row = malloc(sizeof *row); /* a few kB: not on the caller's stack */
    int rc = -1;
    if (!row) {
        snprintf(err, cap, "out of memory");
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        return -1;
    }
    if (sqlite3_prepare_v2(s->db, SELECT_ATTEMPTS "ORDER BY a.started, a.id", -1, &st, NULL) == SQLITE_OK) {
        bind_query(st, q);
        int r;
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            read_row(st, row);
            if (read_evidence(s, &ev, row) != 0) {
                r = SQLITE_ERROR;
                break;
            }
            if (fn(ud, row)) break;
        }
        rc = r == SQLITE_ROW || r == SQLITE_DONE ? 0 : -1;
    }
    if (rc) snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
    sqlite3_finalize(ev);
    sqlite3_finalize(st);
    free(row);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    return rc;
}

int df_store_stats(df_Store *s, const char *learner, df_ScenarioStats *out, int cap) {
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT a.scenario_id, count(*), max(a.score) FROM attempts a JOIN learners l ON l.id = a.learner_id "
                           "WHERE l.login = ? AND a.mode != 'group' GROUP BY a.scenario_id ORDER BY a.scenario_id", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, learner, -1, SQLITE_TRANSIENT);
    while (n < cap && sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, out[n].scenario_id, sizeof out[n].scenario_id);
        out[n].attempts = sqlite3_column_int(st, 1);
        out[n].best = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

/* ---------------------------------------------------------------- the outbox */

typedef struct Fill {
    df_Store *s;
    const char *base;
    int added;
    char *err;
    size_t cap;
    int failed;
} Fill;

static int fill_one(void *ud, const df_AttemptRow *r) {
    Fill *f = ud;
    char *body = df_xapi_statement(r, f->base);
    if (!body) {
        snprintf(f->err, f->cap, "out of memory building a statement");
        f->failed = 1;
        return 1;
    }
    sqlite3_stmt *st = NULL;
    char now[32];
    iso_time(time(NULL), now, sizeof now);
    if (sqlite3_prepare_v2(f->s->db, "INSERT INTO outbox (statement_id, attempt_id, body, created) VALUES (?,?,?,?) "
                                     "ON CONFLICT(statement_id) DO NOTHING", -1, &st, NULL) != SQLITE_OK) {
        snprintf(f->err, f->cap, "%s", sqlite3_errmsg(f->s->db));
        f->failed = 1;
    } else {
        sqlite3_bind_text(st, 1, r->statement_id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, r->id);
        sqlite3_bind_text(st, 3, body, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_DONE) f->added += sqlite3_changes(f->s->db);
        else {
            snprintf(f->err, f->cap, "%s", sqlite3_errmsg(f->s->db));
            f->failed = 1;
        }
    }
    sqlite3_finalize(st);
    free(body);
    return f->failed;
}

int df_store_outbox_fill(df_Store *s, const df_Query *q, const char *base_iri, char *err, size_t cap) {
    /* read the attempts first (one snapshot), then queue them in one write transaction */
    if (exec(s, "BEGIN IMMEDIATE", err, cap) != 0) return -1;
    Fill f = {s, base_iri, 0, err, cap, 0};
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, SELECT_ATTEMPTS "AND a.outcome != 'abandoned' "
                                  "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.statement_id = a.statement_id) "
                                  "ORDER BY a.started, a.id", -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    bind_query(st, q);
    sqlite3_stmt *ev = NULL;
    df_AttemptRow *row = malloc(sizeof *row);
    if (!row) {
        snprintf(err, cap, "out of memory");
        f.failed = 1;
    }
    while (!f.failed && sqlite3_step(st) == SQLITE_ROW) {
        read_row(st, row);
        if (read_evidence(s, &ev, row) != 0) {
            snprintf(err, cap, "%s", sqlite3_errmsg(s->db));
            f.failed = 1;
            break;
        }
        fill_one(&f, row);
    }
    free(row);
    sqlite3_finalize(ev);
    sqlite3_finalize(st);
    if (f.failed || exec(s, "COMMIT", err, cap) != 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return f.added;
}

int df_store_outbox_pending(df_Store *s, df_OutboxItem *out, int cap) {
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT statement_id, body, tries FROM outbox WHERE sent IS NULL AND refused IS NULL "
                                  "ORDER BY created, rowid",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    while (n < cap && sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, out[n].statement_id, sizeof out[n].statement_id);
        const unsigned char *b = sqlite3_column_text(st, 1);
        out[n].body = strdup(b ? (const char *)b : "{}");
        out[n].tries = sqlite3_column_int(st, 2);
        if (!out[n].body) break;
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

int df_store_outbox_mark(df_Store *s, const char *statement_id, int outcome, const char *error) {
    sqlite3_stmt *st = NULL;
    char now[32];
    iso_time(time(NULL), now, sizeof now);
    if (sqlite3_prepare_v2(s->db, "UPDATE outbox SET tries = tries + 1, last_error = ?, sent = ?, refused = ? WHERE statement_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (error && df_utf8_valid(error, strlen(error))) sqlite3_bind_text(st, 1, error, -1, SQLITE_TRANSIENT);
    if (outcome == DF_OUTBOX_SENT) sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    if (outcome == DF_OUTBOX_REFUSED) sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, statement_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ? 0 : -1;
    sqlite3_finalize(st);
    return rc;
}

int df_store_outbox_count(df_Store *s) {
    int rc;
    long long n = int_of(s->db, "SELECT count(*) FROM outbox WHERE sent IS NULL AND refused IS NULL", &rc);
    return rc == SQLITE_OK ? (int)n : -1;
}
