/* cmd_check.c: defuse check PATH...: validate scenario and module files or folders. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../analysis/analysis.h"
#include "app.h"

static void check_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse check [OPTIONS] PATH...\n"
            "\n"
            "Load and validate scenario files and module files (a trainer's session plan), or\n"
            "every *.lua file in a folder. Problems are printed as\n"
            "file:line: error|warning: message. Each scenario's item cues (how often the\n"
            "best option is the longest, the shortest, at each position, with a stock\n"
            "phrase) are summed up per file and, for a folder, over the folder.\n"
            "\n"
            "Options:\n"
            "  --werror      treat warnings as errors\n"
            "  -q, --quiet   print problems only, not the per-file summary\n"
            "  -h, --help    show this help\n"
            "  --version     show the version\n"
            "\n"
            "Exit status: 0 clean, 1 problems found, 2 wrong usage.\n");
}

/* The ids of the scenarios checked so far in one folder, to find duplicates. */
typedef struct Seen {
    char id[80];
    char path[512];
} Seen;

/* A module's exercise must name scenarios that exist in the scenario folder and load. */
static void check_module(const df_Module *m, const char *path, df_Diags *d) {
    for (int k = 0; k < m->nexercise; k++) {
        char where[8400];
        char *found = df_module_scenario(path, m->exercise[k], where, sizeof where);
        if (!found)
            df_diags_add(d, DF_DIAG_ERROR, path, m->exercise_line[k],
                         "exercise: no scenario with id '%s' loads from %s (see 'defuse list')", m->exercise[k], where);
        free(found);
    }
}

/* One line of item-analysis figures (docs/authoring.md, "Writing options"). */
static void print_cues(const char *path, int points, int longest, int shortest, const int *position, int stock_best,
                       int stock_other, int others) {
    if (!points) return;
    printf("%s: item cues: %d decision%s; best option longest at %d (%.0f%%), shortest at %d (%.0f%%); at positions",
           df_term_text(path), points, points == 1 ? "" : "s", longest, 100.0 * longest / points, shortest, 100.0 * shortest / points);
    int last = 0;
    for (int k = 0; k < DF_MAX_VISIBLE; k++)
        if (position[k]) last = k;
    for (int k = 0; k <= last; k++) printf("%s%d", k ? "/" : " ", position[k]);
    printf("; stock phrases in %d of %d best, %d of %d other options\n", stock_best, points, stock_other, others);
}

static int check_file(const char *path, int quiet, int werror, Seen *seen, int *nseen, df_ItemsFolder *folder) {
    df_Diags d = {0};
    df_Script *s = df_script_load_any(path, NULL, &d);
    if (s && df_script_module(s)) {
        check_module(df_script_module(s), path, &d);
    } else if (s) {
        const df_Scenario *sc = df_script_scenario(s);
        df_Items it;
        df_lint_with_items(sc, df_script_host(s), &d, &it);
        if (!quiet)
            print_cues(path, it.npoints, it.longest, it.shortest, it.position, it.stock_best, it.stock_other, it.others);
        if (folder && df_items_folder_add(folder, sc, &it) != 0)
            df_diags_add(&d, DF_DIAG_NOTE, path, 0, "out of memory: left out of the folder's item analysis");
        df_items_free(&it);
        for (int i = 0; seen && i < *nseen; i++)
            if (!strcmp(seen[i].id, sc->id))
                df_diags_add(&d, DF_DIAG_ERROR, path, 0, "scenario id '%s' is also used by %s; ids must be unique", sc->id,
                             seen[i].path);
        if (seen && *nseen < 512) {
            snprintf(seen[*nseen].id, sizeof seen[0].id, "%s", sc->id);
            snprintf(seen[*nseen].path, sizeof seen[0].path, "%s", path);
            (*nseen)++;
        }
    }
    df_print_diags(&d, DF_DIAG_WARNING);
    if (s) {
        const char *const *lines;
        int n = df_script_log(s, &lines);
        for (int i = 0; i < n; i++) fprintf(stderr, "defuse: %s: note: print: %s\n", df_term_text(path), df_term_text(lines[i]));
    }
    int bad = !s || d.errors || (werror && d.warnings);
    if (!quiet)
        printf("%s: %s (%d error%s, %d warning%s)\n", df_term_text(path), bad ? "FAILED" : "ok", d.errors, d.errors == 1 ? "" : "s",
               d.warnings, d.warnings == 1 ? "" : "s");
    df_script_free(s);
    df_diags_free(&d);
    return bad;
}

int df_cmd_check(int argc, char **argv) {
    static const struct option opts[] = {{"werror", no_argument, 0, 'W'}, {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'},   {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    int werror = 0, quiet = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
        switch (c) {
        case 'W': werror = 1; break;
        case 'q': quiet = 1; break;
        case 'h': check_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: check_usage(stderr); return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "defuse: check needs at least one PATH\n");
        check_usage(stderr);
        return 2;
    }
    int bad = 0;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char **paths;
            int n = df_list_lua(argv[i], &paths);
            if (n <= 0) {
                fprintf(stderr, "defuse: %s: no scenario files (*.lua) in this folder\n", df_term_text(argv[i]));
                bad = 1;
            }
            Seen *seen = calloc(512, sizeof *seen);
            df_ItemsFolder *folder = calloc(1, sizeof *folder);
            int nseen = 0;
            for (int k = 0; k < n; k++) bad |= check_file(paths[k], quiet, werror, seen, &nseen, folder);
            if (folder && folder->nscen > 1) { /* the cues a player learns across scenarios */
                df_Diags d = {0};
                df_lint_items_folder(folder, argv[i], &d);
                df_print_diags(&d, DF_DIAG_WARNING);
                if (!quiet)
                    print_cues(argv[i], folder->points, folder->longest, folder->shortest, folder->position,
                               folder->stock_best, folder->stock_other, folder->others);
                bad |= d.errors || (werror && d.warnings);
                df_diags_free(&d);
            }
            if (folder) df_items_folder_free(folder);
            free(folder);
            free(seen);
            if (n > 0) df_free_list(paths, n);
        } else {
            bad |= check_file(argv[i], quiet, werror, NULL, NULL, NULL);
        }
    }
    return bad ? 1 : 0;
}
