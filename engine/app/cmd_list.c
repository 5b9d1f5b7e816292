/* cmd_list.c: defuse list: the catalog of bundled scenarios or modules, or the technique table. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "app.h"

static void list_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse list [OPTIONS]\n"
            "\n"
            "List the bundled scenarios: id, title, setting, role and typical minutes.\n"
            "\n"
            "Options:\n"
            "  --modules     list the trainer's modules (group sessions) in the modules\n"
            "                folder instead: id, minutes, exercise and title\n"
            "  --tags        list the technique tags and their default effects instead\n"
            "  --markdown    print the tag table as Markdown (used for docs/model.md)\n"
            "  --catalog     print the scenario catalogue as Markdown, with each scenario's\n"
            "                analysis figures (used for docs/scenarios.md)\n"
            "  -h, --help    show this help\n"
            "  --version     show the version\n");
}

static void fmt_delta(char *buf, size_t cap, double d) {
    if (d > 0) snprintf(buf, cap, "+%g", d);
    else snprintf(buf, cap, "%g", d);
}

static void tags_table(int markdown) {
    if (markdown) {
        printf("| tag | kind | Settled | Uneasy | Defensive | Venting | Threatening | trust | minutes | matches need | what it sounds like |\n");
        printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    }
    static const char *const kinds[] = {"technique", "mistake", "safety", "task"};
    for (int i = 0; i < df_tag_count(); i++) {
        const df_TagInfo *t = df_tag(i);
        char d[5][16], tr[16], needs[128] = "";
        for (int b = 0; b < 5; b++) fmt_delta(d[b], sizeof d[b], t->delta[b]);
        fmt_delta(tr, sizeof tr, t->trust);
        for (int n = 1; n < DF_NEED_COUNT; n++)
            if (t->needs & (1u << n)) {
                if (needs[0]) strcat(needs, ", ");
                strcat(needs, df_need_key((df_Need)n));
            }
        if (markdown)
            printf("| `%s` | %s | %s | %s | %s | %s | %s | %s | %g | %s | %s |\n", t->key, kinds[t->kind], d[0],
                   d[1], d[2], d[3], d[4], tr, t->minutes, needs[0] ? needs : "-", t->summary);
        else
            printf("%-15s %-9s %4s %4s %4s %4s %4s  trust %3s  %4g min  %s\n", t->key, kinds[t->kind], d[0],
                   d[1], d[2], d[3], d[4], tr, t->minutes, t->summary);
    }
}

/* Markdown-safe copy of a table cell: pipes escaped, newlines as spaces. */
static void cell(const char *s) {
    for (; s && *s; s++) {
        if (*s == '|') fputs("\\|", stdout);
        else if (*s == '\n') fputc(' ', stdout);
        else fputc(*s, stdout);
    }
}

/* The catalogue of docs/scenarios.md: generated, never typed by hand; make test checks it. */
static int catalog_table(char **paths, int n) {
    static const char *const order[] = {"counter", "phone", "email", "field", "enforcement", "internal"};
    int status = 0;
    printf("| scenario | setting | role | difficulty | objectives | minutes | calm visit | best path | typical novice | "
           "most escalated | item cues |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    int points = 0, longest = 0, shortest = 0, passed[DF_STRAT_COUNT] = {0}, nsc = 0;
    for (int g = 0; g < 6; g++)
        for (int i = 0; i < n; i++) {
            df_Diags d = {0};
            df_Script *s = df_script_load(paths[i], NULL, &d);
            df_diags_free(&d);
            if (!s) {
                if (g == 0) {
                    fprintf(stderr, "defuse: %s does not load; run defuse check\n", df_term_text(paths[i]));
                    status = 1;
                }
                continue;
            }
            const df_Scenario *sc = df_script_scenario(s);
            if (strcmp(sc->setting, order[g]) != 0) {
                df_script_free(s);
                continue;
            }
            df_Walk w;
            df_Error err;
            int rc = df_walk(sc, df_script_host(s), 1, NULL, &w, &err);
            char base[16];
            df_format_minutes(df_calm_baseline(&sc->params), base, sizeof base);
            printf("| **");
            cell(sc->title);
            printf("**<br>`%s` | %s | ", sc->id, sc->setting);
            cell(sc->role);
            printf(" | %s | ", sc->difficulty);
            for (int k = 0; k < sc->nobjectives; k++) {
                if (k) printf("<br>");
                printf("%d. ", k + 1);
                cell(sc->objectives[k]);
            }
            printf(" | %g | %s | ", sc->minutes, base);
            df_Calibration cal;
            if (rc == 0 && w.paths && df_calibrate(sc, df_script_host(s), 1, &w, &cal, &err) == 0) {
                double b = cal.baseline > 0 ? cal.baseline : 1;
                char t1[16], t2[16], t3[16];
                df_format_minutes(cal.best, t1, sizeof t1);
                df_format_minutes(cal.typical, t2, sizeof t2);
                df_format_minutes(cal.escalated, t3, sizeof t3);
                printf("%s, %.1f× (score %d)%s | %s, %.1f× | ", t1, cal.best / b, w.best.score,
                       cal.timed ? "" : ", a safety exit: not timed", t2, cal.typical / b);
                if (cal.has_escalated)
                    printf("%s, %.1f× | ", t3, cal.escalated / b);
                else
                    printf("safety exits only | ");
            } else {
                printf("– | – | – | ");
                status = 1;
            }
            /* the item cues (docs/authoring.md, "Writing options"): how often the best option is
             * the longest and the shortest, and any surface strategy that passes */
            df_Items it;
            if (rc == 0 && df_items(sc, &w, &it) == 0) {
                printf("%d decisions: best option longest at %d, shortest at %d; ", it.npoints, it.longest, it.shortest);
                points += it.npoints;
                longest += it.longest;
                shortest += it.shortest;
                df_items_free(&it);
            }
            int np = 0;
            for (int k = 0; k < DF_STRAT_COUNT; k++) {
                df_StrategyRun r;
                if (df_play_strategy(sc, df_script_host(s), (df_Strategy)k, &r, &err) != 0 || !r.passed) continue;
                printf("%s'%s'", np++ ? ", " : "", df_strategy_key((df_Strategy)k));
                passed[k]++;
            }
            printf(np ? " passes |\n" : "no surface strategy passes |\n");
            nsc++;
            df_walk_free(&w);
            df_script_free(s);
        }
    if (points) {
        int most = 0;
        for (int k = 0; k < DF_STRAT_COUNT; k++)
            if (passed[k] > passed[most]) most = k;
        printf("\nAcross the %d scenarios: %d decisions; the best option is the longest at %d (%.0f%%) and the shortest "
               "at %d (%.0f%%); the most successful surface strategy ('%s') passes %d of them.\n",
               nsc, points, longest, 100.0 * longest / points, shortest, 100.0 * shortest / points,
               df_strategy_key((df_Strategy)most), passed[most]);
    }
    return status;
}

/* The modules in <scenario folder>/modules: id, minutes, the scenarios of the exercise. */
static int modules_table(void) {
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/modules", df_scenario_dir());
    char **paths;
    int n = df_list_lua(dir, &paths);
    if (n < 0) {
        fprintf(stderr, "defuse: cannot open the module folder %s\n", df_term_text(dir));
        return 1;
    }
    int status = 0;
    printf("%-32s %-5s %-48s %s\n", "ID", "MIN", "EXERCISE", "TITLE");
    for (int i = 0; i < n; i++) {
        df_Diags d = {0};
        df_Script *s = df_script_load_module(paths[i], NULL, &d);
        if (!s) {
            df_print_diags(&d, DF_DIAG_ERROR);
            status = 1;
        } else {
            const df_Module *m = df_script_module(s);
            char ex[256] = "";
            for (int k = 0; k < m->nexercise; k++) {
                size_t l = strlen(ex);
                snprintf(ex + l, sizeof ex - l, "%s%s", k ? ", " : "", m->exercise[k]);
            }
            printf("%-32s %-5g %-48s %s\n", df_term_text(m->id), m->minutes, df_term_text(ex), df_term_text(m->title));
        }
        df_script_free(s);
        df_diags_free(&d);
    }
    if (n == 0) printf("(no modules in %s)\n", df_term_text(dir));
    df_free_list(paths, n);
    return status;
}

int df_cmd_list(int argc, char **argv) {
    static const struct option opts[] = {{"tags", no_argument, 0, 't'},    {"markdown", no_argument, 0, 'm'},
                                         {"catalog", no_argument, 0, 'c'},  {"modules", no_argument, 0, 'M'},
                                         {"help", no_argument, 0, 'h'},    {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    int tags = 0, md = 0, catalog = 0, modules = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 't': tags = 1; break;
        case 'm': md = 1; break;
        case 'c': catalog = 1; break;
        case 'M': modules = 1; break;
        case 'h': list_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: list_usage(stderr); return 2;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "defuse: list takes no arguments\n");
        return 2;
    }
    if (tags || md) {
        tags_table(md);
        return 0;
    }
    if (modules) return modules_table();
    const char *dir = df_scenario_dir();
    char **paths;
    int n = df_list_lua(dir, &paths);
    if (n < 0) {
        fprintf(stderr, "defuse: cannot open the scenario folder %s\n", df_term_text(dir));
        return 1;
    }
    int status = 0;
    if (catalog) {
        status = catalog_table(paths, n);
        df_free_list(paths, n);
        return status;
    }
    printf("%-28s %-12s %-6s %s\n", "ID", "SETTING", "MIN", "TITLE (ROLE)");
    for (int i = 0; i < n; i++) {
        df_Diags d = {0};
        df_Script *s = df_script_load(paths[i], NULL, &d);
        if (!s) {
            df_print_diags(&d, DF_DIAG_ERROR);
            status = 1;
        } else {
            const df_Scenario *sc = df_script_scenario(s);
            printf("%-28s %-12s %-6g %s (%s)\n", df_term_text(sc->id), df_term_text(sc->setting), sc->minutes, df_term_text(sc->title),
                   df_term_text(sc->role));
        }
        df_script_free(s);
        df_diags_free(&d);
    }
    df_free_list(paths, n);
    return status;
}
