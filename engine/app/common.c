/* common.c: helpers shared by commands: diagnostics, finding scenarios, parsing choices. */
#undef _POSIX_C_SOURCE
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"

void df_print_diags(const df_Diags *d, int min_severity) {
    for (int i = 0; i < d->n; i++) {
        if (d->v[i].severity > min_severity) continue;
        char buf[4096];
        df_diag_format(&d->v[i], buf, sizeof buf);
        fprintf(stderr, "defuse: %s\n", df_term_text(buf)); /* it quotes scenario text and paths */
    }
}

void df_report_broken_pipes(void) { signal(SIGPIPE, SIG_IGN); }

int df_stdout_done(const char *what) {
    errno = 0;
    int bad = fflush(stdout) != 0;
    int e = errno;
    if (!bad && !ferror(stdout)) return 0;
    if (!e) { /* an earlier write failed and stdio kept no reason: say so, not a made-up one */
        fprintf(stderr, "defuse: %s: could not write to standard output (a write failed part-way); the output is incomplete\n",
                what);
        return 1;
    }
    if (e == EPIPE)
        fprintf(stderr, "defuse: %s: the output was closed before everything was written (%s); it is incomplete\n", what,
                strerror(e));
    else fprintf(stderr, "defuse: %s: could not write to standard output: %s; the output is incomplete\n", what, strerror(e));
    return 1;
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *df_scenario_dir(void) {
    static char dir[PATH_MAX]; /* computed once per process; read-only afterwards */
    if (dir[0]) return dir;
    const char *env = getenv("DEFUSE_SCENARIOS");
    if (env && env[0]) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = {"/../scenarios", "/../../scenarios", "/../share/defuse/scenarios"};
        for (int i = 0; i < 3; i++) {
            char cand[PATH_MAX + 64];
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            if (is_dir(cand)) {
                char *real = realpath(cand, NULL);
                snprintf(dir, sizeof dir, "%s", real ? real : cand);
                free(real);
                return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "scenarios");
    return dir;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int df_list_lua(const char *dirpath, char ***paths) {
    *paths = NULL;
    DIR *d = opendir(dirpath);
    if (!d) return -1;
    int n = 0, cap = 0;
    char **v = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".lua") != 0 || e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) break;
            v = nv;
        }
        size_t need = strlen(dirpath) + l + 2;
        v[n] = malloc(need);
        if (!v[n]) break;
        snprintf(v[n], need, "%s/%s", dirpath, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 1) qsort(v, (size_t)n, sizeof *v, cmp_str); /* qsort(NULL, 0) is undefined */
    *paths = v;
    return n;
}

void df_free_list(char **paths, int n) {
    for (int i = 0; i < n; i++) free(paths[i]);
    free(paths);
}

/* Path of the scenario whose id is `id` in dir, or NULL. */
static char *find_in(const char *dir, const char *id) {
    char **paths;
    int n = df_list_lua(dir, &paths);
    char *found = NULL;
    for (int i = 0; i < n && !found; i++) {
        df_Diags d = {0};
        df_Script *s = df_script_load(paths[i], NULL, &d);
        if (s && !strcmp(df_script_scenario(s)->id, id)) found = strdup(paths[i]);
        df_script_free(s);
        df_diags_free(&d);
    }
    if (n > 0) df_free_list(paths, n);
    return found;
}

char *df_resolve_scenario(const char *arg) {
    struct stat st;
    if (strchr(arg, '/') || (strlen(arg) > 4 && !strcmp(arg + strlen(arg) - 4, ".lua")) || stat(arg, &st) == 0)
        return strdup(arg);
    const char *dir = df_scenario_dir();
    size_t need = strlen(dir) + strlen(arg) + 6;
    char *p = malloc(need);
    if (!p) return NULL;
    snprintf(p, need, "%s/%s.lua", dir, arg);
    if (stat(p, &st) == 0) return p;
    free(p);
    /* Not a file name: look for a scenario whose id matches. */
    char *found = find_in(dir, arg);
    if (!found)
        fprintf(stderr, "defuse: no scenario '%s' (not a file, nor an id in %s; try 'defuse list')\n", df_term_text(arg),
                df_term_text(dir));
    return found;
}

char *df_module_scenario(const char *module_path, const char *id, char *where, size_t cap) {
    /* A module in <folder>/modules/ plays the scenarios of <folder> first, so an author's
     * own set works without touching the bundled one. */
    char own[PATH_MAX];
    snprintf(own, sizeof own, "%s", module_path);
    char *slash = strrchr(own, '/');
    const char *local = NULL;
    if (slash) {
        *slash = '\0';
        char *up = strrchr(own, '/');
        const char *last = up ? up + 1 : own;
        if (!strcmp(last, "modules")) {
            if (up) *up = '\0';
            else snprintf(own, sizeof own, ".");
            local = own[0] ? own : "/";
        }
    }
    char *found = NULL;
    if (local) found = find_in(local, id);
    if (!found) found = find_in(df_scenario_dir(), id);
    if (where)
        snprintf(where, cap, "%s%s%s", local ? local : "", local ? " or " : "", df_scenario_dir());
    return found;
}

df_Script *df_open_scenario(const char *arg) {
    char *path = df_resolve_scenario(arg);
    if (!path) return NULL;
    df_Diags d = {0};
    df_Script *s = df_script_load(path, NULL, &d);
    df_print_diags(&d, DF_DIAG_ERROR);
    df_diags_free(&d);
    free(path);
    return s;
}

int df_parse_size(const char *s, int *w, int *h) {
    char *end;
    errno = 0;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X')) return -1;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || *end || errno || a < 320 || b < 200 || a > 7680 || b > 4320) return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int df_parse_choices(const char *s, int **out) {
    int n = 0, cap = 16;
    int *v = malloc((size_t)cap * sizeof *v);
    if (!v) return -1;
    const char *p = s;
    while (*p) {
        char *end;
        errno = 0;
        long x = strtol(p, &end, 10);
        if (end == p || errno || x < 1 || x > 9) {
            free(v);
            return -1;
        }
        if (n == cap) {
            if (cap >= 100000) {
                free(v);
                return -1;
            }
            cap *= 2;
            int *nv = realloc(v, (size_t)cap * sizeof *nv);
            if (!nv) {
                free(v);
                return -1;
            }
            v = nv;
        }
        v[n++] = (int)x;
        p = end;
        if (*p == ',') p++;
        else if (*p) {
            free(v);
            return -1;
        }
    }
    *out = v;
    return n;
}

/* A calendar date written YYYY-MM-DD: digits only, and a day that exists. */
bool df_valid_date(const char *s) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 2000 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

