/* cmd_export.c: defuse export: the training record as CSV for HR or as xAPI statements,
 * to a file (written to a temporary name, then renamed) or to a Learning Record Store. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../records/records.h"
#include "app.h"

#define DEFAULT_BASE_IRI "https://defuse.example.org/xapi"

static void export_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse export --format csv|xapi [OPTIONS]\n"
            "\n"
            "Export the training record: CSV (one row per attempt, safe to open in a\n"
            "spreadsheet) or xAPI statements (one per finished attempt, as JSON, or sent to\n"
            "a Learning Record Store).\n"
            "\n"
            "Options:\n"
            "  --format csv|xapi  what to write\n"
            "  --out FILE         write to FILE (through a temporary file and a rename);\n"
            "                     default: standard output\n"
            "  --since DATE       only attempts from DATE on (YYYY-MM-DD, UTC)\n"
            "  --learner ID       only this learner's attempts\n"
            "  --scenario ID      only this scenario's attempts\n"
            "  --base-iri IRI     where the activity and extension ids live (default: the\n"
            "                     config's base_iri, else " DEFAULT_BASE_IRI ")\n"
            "  --lrs URL          (xapi) send the statements to this LRS endpoint; unsent ones\n"
            "                     stay in the outbox and go, with the same ids, next time\n"
            "  --send             (xapi) send to the endpoint of the config file\n"
            "  --config FILE      LRS settings (default $XDG_CONFIG_HOME/defuse/lrs.conf):\n"
            "                     endpoint, key, secret, base_iri, timeout (seconds) as\n"
            "                     'name = value' lines; to send, it must be readable by you\n"
            "                     only (chmod 600)\n"
            "  -h, --help         show this help\n"
            "\n"
            "Exit status: 0 written or sent, 1 a problem (nothing half-written), 2 wrong usage.\n");
}

typedef struct Sink {
    char *buf;
    size_t n, cap;
    bool xapi, oom, too_long;
    const char *base;
    int count;
} Sink;

static void put(Sink *s, const char *text, size_t len) {
    if (s->oom) return;
    if (s->n + len + 1 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 65536;
        while (cap < s->n + len + 1) cap *= 2;
        char *nb = realloc(s->buf, cap);
        if (!nb) {
            s->oom = true;
            return;
        }
        s->buf = nb;
        s->cap = cap;
    }
    memcpy(s->buf + s->n, text, len);
    s->n += len;
    s->buf[s->n] = '\0';
}

static int add_row(void *ud, const df_AttemptRow *r) {
    Sink *s = ud;
    if (s->xapi) {
        if (r->score < 0) return 0; /* an abandoned attempt was not completed: no statement */
        char *st = df_xapi_statement(r, s->base);
        if (!st) {
            s->oom = true;
            return 1;
        }
        put(s, s->count ? ",\n  " : "\n  ", s->count ? 4 : 3);
        put(s, st, strlen(st));
        free(st);
    } else {
        /* a row with every rubric dimension's evidence can be long: never cut, never dropped */
        size_t cap = 65536;
        char *row = malloc(cap);
        int n = row ? df_csv_row(r, row, cap) : -1;
        if (n > 0) {
            put(s, row, (size_t)n);
        } else { /* stops the export: nothing half-written */
            s->too_long = row != NULL;
            s->oom = true;
        }
        free(row);
    }
    s->count++;
    return s->oom;
}

/* Reads name = value lines; refuses a file others can read (it holds the LRS secret). */
/* strict: the file will give the LRS secret, so it must be the user's alone and every line
 * must make sense; otherwise only base_iri is taken from it and nothing else is checked. */
static int read_config(const char *path, bool required, bool strict, df_LrsConfig *c, char *base, size_t bcap) {
    struct stat st;
    if (stat(path, &st) != 0) {
        if (!required && errno == ENOENT) return 0;
        fprintf(stderr, "defuse: %s: %s\n", df_term_text(path), strerror(errno));
        return -1;
    }
    if (strict && (st.st_mode & 077)) {
        fprintf(stderr, "defuse: %s can be read by others (mode %03o) and holds the LRS secret; run: chmod 600 %s\n", df_term_text(path),
                (unsigned)(st.st_mode & 0777), df_term_text(path));
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "defuse: %s: %s\n", df_term_text(path), strerror(errno));
        return -1;
    }
    char line[2400];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == '\0') continue;
        char *eq = strchr(p, '=');
        if (!eq) {
            if (strict) fprintf(stderr, "defuse: %s:%d: expected 'name = value'\n", df_term_text(path), lineno);
            rc = strict ? -1 : rc;
            continue;
        }
        char *kend = eq;
        while (kend > p && (kend[-1] == ' ' || kend[-1] == '\t')) kend--;
        *kend = '\0';
        char *v = eq + 1;
        while (*v == ' ' || *v == '\t') v++;
        v[strcspn(v, "\r\n")] = '\0';
        for (char *e = v + strlen(v); e > v && (e[-1] == ' ' || e[-1] == '\t'); e--) e[-1] = '\0';
        if (!strcmp(p, "base_iri")) snprintf(base, bcap, "%s", v);
        else if (!strict) continue;
        else if (!strcmp(p, "endpoint")) snprintf(c->endpoint, sizeof c->endpoint, "%s", v);
        else if (!strcmp(p, "timeout")) {
            char *end;
            long t = strtol(v, &end, 10);
            if (*end || end == v || t < 1 || t > 600) {
                fprintf(stderr, "defuse: %s:%d: timeout: expected seconds from 1 to 600, got '%s'\n", df_term_text(path), lineno, df_term_text(v));
                rc = -1;
            } else {
                c->timeout_s = (int)t;
            }
        }
        else if (!strcmp(p, "key")) snprintf(c->key, sizeof c->key, "%s", v);
        else if (!strcmp(p, "secret")) snprintf(c->secret, sizeof c->secret, "%s", v);
        else {
            fprintf(stderr, "defuse: %s:%d: unknown setting '%s' (endpoint, key, secret, base_iri, timeout)\n", df_term_text(path), lineno, df_term_text(p));
            rc = -1;
        }
    }
    fclose(f);
    return rc;
}

static bool valid_iri(const char *s) {
    if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7)) return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\') return false;
    return s[strlen(s) - 1] != '/';
}

static int send_to_lrs(df_Store *st, const df_Query *q, const char *base, const df_LrsConfig *c) {
    char err[1024];
    int added = df_store_outbox_fill(st, q, base, err, sizeof err);
    if (added < 0) {
        fprintf(stderr, "defuse: %s: %s\n", df_term_text(df_store_path(st)), df_term_text(err));
        return 1;
    }
    df_LrsReport rep;
    int rc = df_lrs_send(st, c, &rep);
    printf("%d statement%s sent to %s", rep.sent, rep.sent == 1 ? "" : "s", df_term_text(c->endpoint));
    if (rep.refused) printf("; %d refused by the LRS (kept in the outbox, not sent again: see the error)", rep.refused);
    if (rep.pending) printf("; %d wait%s in the outbox and will be sent, with the same ids, next time", rep.pending, rep.pending == 1 ? "s" : "");
    printf("\n");
    if (rc != 0) fprintf(stderr, "defuse: the LRS did not take every statement: %s\n", df_term_text(rep.error));
    return rc == 0 ? 0 : 1;
}

int df_cmd_export(int argc, char **argv) {
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, {"out", required_argument, 0, 'o'},      {"since", required_argument, 0, 'S'},
        {"learner", required_argument, 0, 'l'}, {"scenario", required_argument, 0, 's'}, {"base-iri", required_argument, 0, 'b'},
        {"lrs", required_argument, 0, 'L'},    {"send", no_argument, 0, 'D'},    {"config", required_argument, 0, 'c'},   {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *format = NULL, *out = NULL, *lrs = NULL, *config = NULL, *base_opt = NULL;
    bool send = false;
    char learner[80], shown[160];
    df_Query q = {0};
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "csv") && strcmp(optarg, "xapi")) {
                fprintf(stderr, "defuse: --format: expected csv or xapi, got '%s'\n", df_term_text(optarg));
                return 2;
            }
            format = optarg;
            break;
        case 'o': out = optarg; break;
        case 'S':
            if (!df_valid_date(optarg)) {
                fprintf(stderr, "defuse: --since: expected a date YYYY-MM-DD, got '%s'\n", df_term_text(optarg));
                return 2;
            }
            q.since = optarg;
            break;
        case 'l': /* the same id play would have saved under ("jo smith" is jo_smith) */
            df_learner(optarg, learner, sizeof learner, shown, sizeof shown);
            q.learner = learner;
            break;
        case 'D': send = true; break;
        case 's': q.scenario = optarg; break;
        case 'b': base_opt = optarg; break;
        case 'L': lrs = optarg; break;
        case 'c': config = optarg; break;
        case 'h': export_usage(stdout); return 0;
        default: export_usage(stderr); return 2;
        }
    }
    if (!format || optind != argc) {
        fprintf(stderr, "defuse: export needs --format csv or --format xapi, and no other arguments\n");
        export_usage(stderr);
        return 2;
    }
    if (send && !lrs) lrs = ""; /* the endpoint of the config file */
    if (lrs && strcmp(format, "xapi")) {
        fprintf(stderr, "defuse: --lrs sends xAPI statements: use --format xapi\n");
        return 2;
    }
    if (lrs && out) {
        fprintf(stderr, "defuse: --lrs and --out: choose one\n");
        return 2;
    }
    /* settings: the config file, then the options */
    df_LrsConfig lc;
    memset(&lc, 0, sizeof lc);
    char base[1024] = DEFAULT_BASE_IRI, cfg[4096];
    if (config) snprintf(cfg, sizeof cfg, "%s", config);
    else {
        const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
        if (x && x[0] == '/') snprintf(cfg, sizeof cfg, "%s/defuse/lrs.conf", x);
        else snprintf(cfg, sizeof cfg, "%s/.config/defuse/lrs.conf", home ? home : "");
    }
    if (lrs && *lrs && strncmp(lrs, "https://", 8) && strncmp(lrs, "http://", 7)) {
        fprintf(stderr, "defuse: --lrs: expected an http:// or https:// URL, got '%s'\n", df_term_text(lrs));
        return 2;
    }
    if (read_config(cfg, config != NULL, lrs != NULL, &lc, base, sizeof base) != 0) return 1;
    if (base_opt) snprintf(base, sizeof base, "%s", base_opt);
    if (!valid_iri(base)) {
        fprintf(stderr, "defuse: the base IRI '%s' must start with http:// or https://, have no spaces and no trailing /\n", df_term_text(base));
        return 2;
    }
    if (lrs) {
        if (*lrs) snprintf(lc.endpoint, sizeof lc.endpoint, "%s", lrs);
        if (!lc.endpoint[0] || (strncmp(lc.endpoint, "https://", 8) && strncmp(lc.endpoint, "http://", 7))) {
            fprintf(stderr, "defuse: --send: no LRS endpoint (an http:// or https:// URL) in %s; or give --lrs URL\n", df_term_text(cfg));
            return 2;
        }
        lrs = lc.endpoint;
        if (!lc.key[0] || !lc.secret[0]) {
            fprintf(stderr, "defuse: --lrs: no key and secret; put them in %s (key = ..., secret = ...; chmod 600)\n", df_term_text(cfg));
            return 1;
        }
    }
    char dir[4096], msg[8192], err[1024];
    if (df_data_dir(dir, sizeof dir) != 0) {
        fprintf(stderr, "defuse: no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR)\n");
        return 1;
    }
    df_Store *st = df_store_open_read(dir, msg, sizeof msg);
    if (msg[0]) fprintf(stderr, "defuse: %s\n", df_term_text(msg));
    if (!st && msg[0]) return 1;
    if (!st && lrs) { /* nothing recorded on this machine yet */
        printf("0 statements sent to %s: there is nothing in the training record yet\n", lrs);
        return 0;
    }
    if (lrs) {
        int rc = send_to_lrs(st, &q, base, &lc);
        df_store_close(st);
        return rc;
    }
    /* one read transaction for the whole export, then one write of the file */
    Sink s = {0};
    s.xapi = !strcmp(format, "xapi");
    s.base = base;
    if (s.xapi) put(&s, "[", 1);
    else {
        put(&s, df_csv_header(), strlen(df_csv_header()));
        put(&s, "\r\n", 2);
    }
    int rc = st ? df_store_each(st, &q, add_row, &s, err, sizeof err) : 0; /* no record yet: an empty export */
    df_store_close(st);
    if (s.xapi) put(&s, s.count ? "\n]\n" : "]\n", s.count ? 3 : 2);
    if (rc != 0 || s.oom) {
        fprintf(stderr, "defuse: export failed: %s\n", s.too_long ? "an attempt's row is too long for CSV" : s.oom ? "out of memory" : err);
        free(s.buf);
        return 1;
    }
    int status = 0;
    if (out) {
        char werr[4600];
        if (df_write_atomic(out, s.buf, s.n, werr, sizeof werr) != 0) {
            fprintf(stderr, "defuse: export: %s\n", df_term_text(werr));
            status = 1;
        } else {
            fprintf(stderr, "defuse: %d %s%s written to %s\n", s.count, s.xapi ? "statement" : "attempt", s.count == 1 ? "" : "s",
                    df_term_text(out));
        }
    } else {
        df_report_broken_pipes(); /* "defuse export | head -c1": said, exit 1, never a silent death */
        if (isatty(STDOUT_FILENO)) { /* names and titles shown on a terminal cannot drive it */
            char *safe = malloc(s.n * 4 + 1);
            if (safe) {
                size_t n = df_term_safe(s.buf, s.n, safe, s.n * 4 + 1);
                fwrite(safe, 1, n, stdout);
                free(safe);
            } else {
                fwrite(s.buf, 1, s.n, stdout);
            }
        } else {
            fwrite(s.buf, 1, s.n, stdout);
        }
        status = df_stdout_done("export");
    }
    free(s.buf);
    return status;
}
