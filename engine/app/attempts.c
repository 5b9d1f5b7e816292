/* attempts.c: who is practising, and keeping each attempt in the records store. Shared by the
 * terminal player and the window, which both say "saved" only when the store says so. */
#define _GNU_SOURCE
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../records/records.h"
#include "app.h"

void df_learner(const char *given, char *id, size_t idcap, char *display, size_t dcap) {
    const char *env = getenv("DEFUSE_LEARNER");
    const char *pick = given && *given ? given : env && *env ? env : NULL;
    struct passwd *pw = getpwuid(getuid());
    if (!pick) pick = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : getenv("USER");
    if (!pick || !*pick) pick = "learner";
    /* an id is what HR matches on: printable, no spaces, at most 64 bytes */
    size_t o = 0;
    for (const char *p = pick; *p && o + 1 < idcap && o < 64; p++) {
        unsigned char c = (unsigned char)*p;
        id[o++] = c > ' ' && c != 0x7f ? (char)c : '_';
    }
    id[o] = '\0';
    if (df_text_unsafe(id, o, false)) { /* invalid UTF-8, C1 controls, bidi overrides: never part of an id */
        char clean[80];
        df_sanitize(id, o, clean, sizeof clean < idcap ? sizeof clean : idcap);
        snprintf(id, idcap, "%s", clean[0] ? clean : "learner");
    }
    /* the display name: the account's full name when it is this account, else the id */
    const char *name = NULL;
    char gecos[256] = "";
    if (!given && !(env && *env) && pw && pw->pw_gecos && *pw->pw_gecos) {
        snprintf(gecos, sizeof gecos, "%.*s", (int)strcspn(pw->pw_gecos, ","), pw->pw_gecos);
        if (gecos[0]) name = gecos;
    }
    df_sanitize(name ? name : id, strlen(name ? name : id), display, dcap < 129 ? dcap : 129);
}

bool df_records_off(void) {
    const char *e = getenv("DEFUSE_NO_RECORD");
    return e && *e && strcmp(e, "0") != 0;
}

static int record(const df_Script *s, const char *path, const df_Run *run, time_t started, const char *mode,
                  const char *learner, char *msg, size_t cap);

int df_record_attempt(const df_Script *s, const char *path, const df_Run *run, time_t started, bool assess,
                      const char *learner, char *msg, size_t cap) {
    return record(s, path, run, started, assess ? "assess" : "practice", learner, msg, cap);
}

int df_record_group_attempt(const df_Script *s, const char *path, const df_Run *run, time_t started, char *msg,
                            size_t cap) {
    return record(s, path, run, started, "group", NULL, msg, cap);
}

static int record(const df_Script *s, const char *path, const df_Run *run, time_t started, const char *mode,
                  const char *learner, char *msg, size_t cap) {
    msg[0] = '\0';
    const df_Step *steps;
    if (!run || df_records_off() || df_run_steps(run, &steps) == 0) return 1; /* nothing to keep */
    char dir[4096];
    if (df_data_dir(dir, sizeof dir) != 0) {
        snprintf(msg, cap, "warning: not saved: no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR)");
        return -1;
    }
    char note[8192], id[80], display[160], err[1024], uuid[37];
    int why = 0;
    df_Store *st = df_store_open_why(dir, &why, note, sizeof note);
    if (st && note[0]) fprintf(stderr, "defuse: %s\n", note); /* a file moved aside, pending attempts added: said once */
    df_learner(learner, id, sizeof id, display, sizeof display);
    df_AttemptInfo a = {id, display, path, df_script_sha256(s), mode, df_run_seed(run), started, time(NULL)};
    if (!st && why == DF_STORE_OFF_BUSY) { /* kept aside, added by the next defuse that saves */
        char kept[4500];
        if (df_store_save_pending(dir, &a, df_script_scenario(s), run, kept, sizeof kept, err, sizeof err) == 0) {
            snprintf(msg, cap, "warning: %s; this attempt is kept in %s and will be added to your training record the next "
                     "time defuse saves an attempt", note, kept);
            return -1; /* not in the record yet */
        }
        snprintf(msg, cap, "warning: this attempt was not saved (%s; and it could not be kept aside: %s); --transcript FILE "
                 "keeps it elsewhere", note, err);
        return -1;
    }
    if (!st) { /* one warning, which says why */
        snprintf(msg, cap, "warning: this attempt was not saved (%s); --transcript FILE keeps it elsewhere", note);
        return -1;
    }
    int rc = df_store_save(st, &a, df_script_scenario(s), run, uuid, err, sizeof err);
    if (rc == 0)
        snprintf(msg, cap, "%s saved to your training record (%s)", df_run_over(run) ? "attempt" : "unfinished attempt",
                 df_store_path(st));
    else snprintf(msg, cap, "warning: this attempt was not saved: %s; --transcript FILE keeps it elsewhere", err);
    df_store_close(st);
    return rc;
}
