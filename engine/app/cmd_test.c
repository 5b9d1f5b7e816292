/* cmd_test.c: defuse test PATH...: run the tests scenarios declare; "N passed, M failed". */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../analysis/analysis.h"
#include "app.h"

static void test_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse test [OPTIONS] PATH...\n"
            "\n"
            "Run the tests that scenario files declare (tests = { ... }; see docs/authoring.md),\n"
            "for files or every *.lua file in folders. Prints a line per test, each failing\n"
            "test with the figures that differed, then 'N passed, M failed'.\n"
            "\n"
            "Options:\n"
            "  -q, --quiet   print failures and the summary only\n"
            "  -h, --help    show this help\n"
            "  --version     show the version\n"
            "\n"
            "Exit status: 0 all passed, 1 a test failed or a scenario has errors, 2 wrong usage.\n");
}

static void run_file(const char *path, int quiet, int *pass, int *fail) {
    df_Diags d = {0};
    df_Script *s = df_script_load(path, NULL, &d);
    if (!s) {
        df_print_diags(&d, DF_DIAG_ERROR);
        printf("FAIL  %s: the scenario does not load\n", path);
        (*fail)++;
        df_diags_free(&d);
        return;
    }
    df_diags_free(&d);
    const df_Scenario *sc = df_script_scenario(s);
    if (sc->ntests == 0 && !quiet) printf("      %s: no tests\n", path);
    for (int i = 0; i < sc->ntests; i++) {
        const df_Test *t = &sc->tests[i];
        df_TestResult r;
        df_Error err;
        df_error_clear(&err);
        if (df_test_run(sc, df_script_host(s), t, &r, &err) != 0) {
            char m[1400];
            df_error_format(&err, m, sizeof m);
            printf("FAIL  %s:%d: %s: %s\n", path, t->line, t->name, m);
            (*fail)++;
            continue;
        }
        if (r.ok) {
            (*pass)++;
            if (!quiet) printf("ok    %s: %s\n", path, t->name);
        } else {
            (*fail)++;
            printf("FAIL  %s:%d: %s: %s\n", path, t->line, t->name, r.why);
            if (r.got[0]) printf("      the run: %s\n", r.got);
        }
    }
    df_script_free(s);
}

int df_cmd_test(int argc, char **argv) {
    static const struct option opts[] = {{"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'},
                                         {"version", no_argument, 0, 'V'}, {0, 0, 0, 0}};
    int quiet = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = 1; break;
        case 'h': test_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: test_usage(stderr); return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "defuse: test needs at least one PATH\n");
        test_usage(stderr);
        return 2;
    }
    int pass = 0, fail = 0;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char **paths;
            int n = df_list_lua(argv[i], &paths);
            if (n <= 0) {
                fprintf(stderr, "defuse: %s: no scenario files (*.lua) in this folder\n", argv[i]);
                fail++;
            }
            for (int k = 0; k < n; k++) run_file(paths[k], quiet, &pass, &fail);
            if (n > 0) df_free_list(paths, n);
        } else {
            run_file(argv[i], quiet, &pass, &fail);
        }
    }
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
