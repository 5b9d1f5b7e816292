/* record.c: the summary of a group session, saved as JSON and CSV in the data folder. Each
 * file is written to a temporary name, flushed to disk and renamed, so a crash or a full
 * disk leaves either the old file or the new one, never half of one. No attendee's name
 * is ever part of a record: the room is counted, not identified. */
#define _GNU_SOURCE
#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../records/records.h"
#include "app.h"

int df_data_dir(char *out, size_t cap) {
    const char *own = getenv("DEFUSE_DATA_DIR"), *x = getenv("XDG_DATA_HOME");
    int n;
    if (own && own[0] == '/') {
        n = snprintf(out, cap, "%s", own);
    } else if (x && x[0] == '/') { /* the spec ignores relative values */
        n = snprintf(out, cap, "%s/defuse", x);
    } else {
        const char *home = getenv("HOME");
        if (!home || home[0] != '/') return -1;
        n = snprintf(out, cap, "%s/.local/share/defuse", home);
    }
    return n < 0 || (size_t)n >= cap ? -1 : 0;
}

static int write_all(int fd, const char *data, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            if (w == 0) errno = EIO;
            return -1;
        }
        done += (size_t)w;
    }
    return 0;
}

/* Removes PATH.tmp-XXXXXX files (ours) that a run killed midway left: they can hold personal
 * data and nobody else will ever take them. */
static void remove_stale(const char *path) {
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : path;
    if (slash) *slash = '\0';
    size_t bl = strlen(base);
    DIR *d = opendir(slash ? (dir[0] ? dir : "/") : ".");
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, base, bl) != 0 || strncmp(e->d_name + bl, ".tmp-", 5) != 0 || strlen(e->d_name + bl + 5) != 6)
            continue;
        char f[8400];
        snprintf(f, sizeof f, "%s/%s", slash ? (dir[0] ? dir : "") : ".", e->d_name);
        struct stat sb;
        if (lstat(f, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid()) unlink(f);
    }
    closedir(d);
}

int df_write_atomic(const char *path, const char *data, size_t len, char *err, size_t cap) {
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
        /* a device or a FIFO (/dev/stdout, a pipe): it cannot be replaced, only written */
        int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            snprintf(err, cap, "%s was not written: cannot open it: %s", path, strerror(errno));
            return -1;
        }
        if (write_all(fd, data, len) != 0) {
            snprintf(err, cap, "%s was not written whole: %s", path, strerror(errno));
            close(fd);
            return -1;
        }
        if (close(fd) != 0) {
            snprintf(err, cap, "%s was not written whole: %s", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    remove_stale(path);
    char tmp[4200];
    /* a name nobody else can have made (mkstemp: O_EXCL, mode 0600): in a shared folder a
     * planted link cannot redirect the write, and exports of personal data stay private */
    snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, cap, "%s: cannot create: %s (it was not written)", path, strerror(errno));
        return -1;
    }
    if (write_all(fd, data, len) != 0) {
        snprintf(err, cap, "%s was not written: %s (nothing of it was left behind)", path, strerror(errno));
        close(fd);
        unlink(tmp);
        return -1;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        snprintf(err, cap, "%s was not written: cannot flush it to disk: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, cap, "%s was not written: cannot replace it: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    /* Make the rename itself durable. */
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = '\0';
        int dfd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    return 0;
}

static const char *decided_by(const df_Decision *d) {
    unsigned lead = 0;
    df_Tally t = d->tally;
    t.override = -1;
    int room = df_tally_result(&t, &lead);
    if (d->tally.override < 0) return "room";
    if (room == DF_TALLY_TIE && (lead >> d->tally.override & 1u)) return "trainer, breaking a tie";
    if (room == DF_TALLY_NONE) return "trainer, no votes";
    return room == d->tally.override ? "room" : "trainer, overriding the room";
}

static char *session_json(const df_Module *m, const df_Deck *deck, const df_Decision *dec, int ndec,
                          const char *date) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    cJSON_AddStringToObject(root, "module", m->id);
    cJSON_AddStringToObject(root, "title", m->title);
    cJSON_AddStringToObject(root, "date", date);
    cJSON_AddNumberToObject(root, "target_seconds", df_deck_budget(deck, -1));
    cJSON_AddNumberToObject(root, "seconds_used", (double)(long)df_deck_spent(deck, -1));
    cJSON *parts = cJSON_AddObjectToObject(root, "parts");
    for (int p = 0; parts && p < DF_PART_COUNT; p++) {
        cJSON *o = cJSON_AddObjectToObject(parts, df_part_key((df_Part)p));
        if (!o) continue;
        cJSON_AddNumberToObject(o, "seconds_used", (double)(long)df_deck_spent(deck, p));
        cJSON_AddNumberToObject(o, "budget_seconds", df_deck_budget(deck, p));
    }
    cJSON *arr = cJSON_AddArrayToObject(root, "decisions");
    for (int i = 0; arr && i < ndec; i++) {
        const df_Decision *d = &dec[i];
        cJSON *o = cJSON_CreateObject();
        if (!o) break;
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "scenario", d->scenario);
        cJSON_AddStringToObject(o, "road", d->road ? "not taken" : "room");
        cJSON_AddNumberToObject(o, "step", d->step + 1);
        cJSON_AddStringToObject(o, "beat", d->beat);
        cJSON *votes = cJSON_AddObjectToObject(o, "votes");
        for (int k = 0; votes && k < d->tally.noptions; k++) {
            char letter[2] = {(char)('A' + k), 0};
            cJSON_AddNumberToObject(votes, letter, d->tally.count[k]);
        }
        cJSON_AddNumberToObject(o, "total_votes", df_tally_total(&d->tally));
        char chosen[2] = {(char)(d->chosen >= 0 && d->chosen < DF_MAX_VISIBLE ? 'A' + d->chosen : '?'), 0};
        cJSON_AddStringToObject(o, "chosen", chosen);
        cJSON_AddStringToObject(o, "decided_by", decided_by(d));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

static char *session_csv(const df_Module *m, const df_Deck *deck, const df_Decision *dec, int ndec,
                         const char *date) {
    size_t cap = 512 + (size_t)ndec * 512;
    char *out = malloc(cap);
    if (!out) return NULL;
    size_t o = (size_t)snprintf(out, cap, "module,date,seconds_used,decision,scenario,road,step,beat,chosen,decided_by,total_votes");
    for (int k = 0; k < DF_MAX_VISIBLE; k++) o += (size_t)snprintf(out + o, cap - o, ",votes_%c", 'a' + k);
    o += (size_t)snprintf(out + o, cap - o, "\r\n");
    for (int i = 0; i < ndec && o < cap; i++) {
        const df_Decision *d = &dec[i];
        /* Ids are letters, digits, '-' and '_' (the loader checks), so no field needs quoting
         * except decided_by, which has a comma. */
        o += (size_t)snprintf(out + o, cap - o, "%s,%s,%ld,%d,%s,%s,%d,%s,%c,\"%s\",%d", m->id, date,
                              (long)df_deck_spent(deck, -1), i + 1, d->scenario, d->road ? "not taken" : "room",
                              d->step + 1, d->beat,
                              d->chosen >= 0 && d->chosen < DF_MAX_VISIBLE ? 'A' + d->chosen : '?',
                              decided_by(d), df_tally_total(&d->tally));
        for (int k = 0; k < DF_MAX_VISIBLE && o < cap; k++) {
            if (k < d->tally.noptions) o += (size_t)snprintf(out + o, cap - o, ",%d", d->tally.count[k]);
            else o += (size_t)snprintf(out + o, cap - o, ",");
        }
        if (o < cap) o += (size_t)snprintf(out + o, cap - o, "\r\n");
    }
    if (o >= cap) {
        free(out);
        return NULL;
    }
    return out;
}

int df_record_session(const char *dir, const df_Module *m, const df_Deck *deck, const df_Decision *dec,
                      int ndec, time_t when, char *path_out, size_t path_cap, char *err, size_t errcap) {
    char sessions[4096];
    snprintf(sessions, sizeof sessions, "%s/sessions", dir);
    if (df_store_mkdirs(sessions) != 0) {
        snprintf(err, errcap, "%s: cannot create the folder: %s", sessions, strerror(errno));
        return -1;
    }
    struct tm tm;
    gmtime_r(&when, &tm);
    char date[32], stamp[32];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char base[4300];
    snprintf(base, sizeof base, "%s/%s-%s", sessions, stamp, m->id);
    char *json = session_json(m, deck, dec, ndec, date);
    char *csv = session_csv(m, deck, dec, ndec, date);
    int rc = -1;
    if (!json || !csv) {
        snprintf(err, errcap, "out of memory writing the session record");
    } else {
        char jp[4400], cp[4400];
        snprintf(jp, sizeof jp, "%s.json", base);
        snprintf(cp, sizeof cp, "%s.csv", base);
        size_t jl = strlen(json);
        char *jn = realloc(json, jl + 2);
        if (jn) {
            json = jn;
            json[jl++] = '\n';
            json[jl] = '\0';
        }
        if (df_write_atomic(jp, json, jl, err, errcap) == 0) {
            if (df_write_atomic(cp, csv, strlen(csv), err, errcap) == 0) {
                rc = 0;
                if (path_out) snprintf(path_out, path_cap, "%s", jp);
            } else {
                unlink(jp); /* the summary is the pair: no JSON without its CSV */
            }
        }
    }
    free(json);
    free(csv);
    return rc;
}
