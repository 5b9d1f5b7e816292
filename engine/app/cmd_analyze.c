/* cmd_analyze.c: defuse analyze SCENARIO: walk every path and report times, scores, outcomes. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "app.h"

static void analyze_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse analyze SCENARIO [OPTIONS]\n"
            "\n"
            "Walk every path through a scenario with the engine and report the outcomes, the\n"
            "time to resolution against the calm baseline, and the calmest, most escalated,\n"
            "best- and worst-scoring paths (as choice lists for 'defuse play --choices').\n"
            "\n"
            "Options:\n"
            "  --seed N         seed of the random stream (default 1)\n"
            "  --max-depth N    cut paths longer than N choices (default 40)\n"
            "  -h, --help       show this help\n"
            "  --version        show the version\n");
}

static void print_path(const char *label, const df_Path *p) {
    char list[DF_PATH_MAX * 3 + 1], t[16];
    df_path_format(p, list, sizeof list);
    df_format_minutes(p->total, t, sizeof t);
    printf("%-15s %-19s %5.2fx %5.2fx %7s %5d %5.0f  %s\n", label, df_outcome_key(p->outcome), p->ratio_interaction,
           p->ratio, t, p->score, p->peak, list);
}

int df_cmd_analyze(int argc, char **argv) {
    static const struct option opts[] = {{"seed", required_argument, 0, 's'},
                                         {"max-depth", required_argument, 0, 'd'},
                                         {"help", no_argument, 0, 'h'},
                                         {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    unsigned long long seed = 1;
    df_WalkLimits lim;
    df_walk_limits_default(&lim);
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        char *end = NULL;
        switch (c) {
        case 's':
            seed = strtoull(optarg, &end, 10);
            if (!*optarg || *end || optarg[0] == '-') {
                fprintf(stderr, "defuse: --seed: '%s' is not a whole number\n", optarg);
                return 2;
            }
            break;
        case 'd':
            lim.max_depth = (int)strtol(optarg, &end, 10);
            if (!*optarg || *end || lim.max_depth < 1 || lim.max_depth > DF_PATH_MAX) {
                fprintf(stderr, "defuse: --max-depth: expected 1 to %d\n", DF_PATH_MAX);
                return 2;
            }
            break;
        case 'h': analyze_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: analyze_usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: analyze needs exactly one SCENARIO\n");
        return 2;
    }
    char *path = df_resolve_scenario(argv[optind]);
    if (!path) return 1;
    df_Diags d = {0};
    df_Script *s = df_script_load(path, NULL, &d);
    df_print_diags(&d, DF_DIAG_ERROR);
    df_diags_free(&d);
    free(path);
    if (!s) return 1;
    const df_Scenario *sc = df_script_scenario(s);
    df_Walk w;
    df_Error err;
    df_error_clear(&err);
    if (df_walk(sc, df_script_host(s), seed, &lim, &w, &err) != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        df_walk_free(&w);
        df_script_free(s);
        return 1;
    }
    char base[16];
    df_format_minutes(df_calm_baseline(&sc->params), base, sizeof base);
    printf("%s (%s)\n", sc->title, sc->id);
    printf("paths: %ld%s", w.paths, w.truncated ? " (stopped at the path limit: figures cover part of the tree)" : "");
    if (w.cut) printf(", %ld cut (circling back to a beat, or over %d choices)", w.cut, lim.max_depth);
    printf("\ncalm baseline: %s\n\noutcomes:\n", base);
    for (int o = 0; o < DF_OUT_COUNT; o++)
        if (w.outcomes[o]) printf("  %-22s %8ld  %5.1f%%\n", df_outcome_key((df_Outcome)o), w.outcomes[o], 100.0 * w.outcomes[o] / (double)w.paths);
    if (w.nratios) {
        printf("\ntime / calm baseline        min  median     max\n");
        printf("  in the interaction    %6.2fx %6.2fx %6.2fx\n", w.iratios[0], w.iratios[w.nratios / 2],
               w.iratios[w.nratios - 1]);
        printf("  with follow-on        %6.2fx %6.2fx %6.2fx\n", w.ratios[0], w.ratios[w.nratios / 2],
               w.ratios[w.nratios - 1]);
    }
    printf("\n%-15s %-19s %6s %6s %7s %5s %5s  %s\n", "path", "outcome", "inter.", "total", "time", "score", "peak",
           "choices");
    if (w.has_timed) {
        print_path("calmest", &w.calmest);
        print_path("most escalated", &w.escalated);
    }
    if (w.paths) {
        print_path("best score", &w.best);
        print_path("worst score", &w.worst);
    }
    df_walk_free(&w);
    df_script_free(s);
    return 0;
}
