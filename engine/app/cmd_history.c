/* cmd_history.c: defuse history: the attempts in the training record as a table, and how
 * each scenario went over time (best score, first and latest time to resolution). */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../records/records.h"
#include "app.h"

static void history_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse history [OPTIONS]\n"
            "\n"
            "Show the attempts kept in the training record (records.db in the data folder),\n"
            "oldest first, and each scenario's progress.\n"
            "\n"
            "Options:\n"
            "  --learner ID     only this learner's attempts (default: everyone's on this machine)\n"
            "  --scenario ID    only this scenario's attempts\n"
            "  --since DATE     only attempts from DATE on (YYYY-MM-DD, UTC)\n"
            "  -h, --help       show this help\n"
            "\n"
            "Exit status: 0 shown (also when there is nothing yet), 1 the record cannot be read,\n"
            "2 wrong usage.\n");
}

typedef struct Prog {
    char scenario[128];
    int n, best;
    double first, last;
} Prog;

typedef struct Hist {
    int n;
    Prog prog[256];
    int nprog;
} Hist;

static int print_row(void *ud, const df_AttemptRow *r) {
    Hist *h = ud;
    if (h->n++ == 0)
        printf("%-16s  %-12s  %-28s  %-8s  %-18s  %5s  %8s  %6s\n", "date (UTC)", "learner", "scenario", "mode", "outcome",
               "score", "minutes", "x calm");
    char date[20], score[8], mins[16], ratio[16];
    snprintf(date, sizeof date, "%.10s %.5s", r->started, r->started + 11);
    if (r->score >= 0) snprintf(score, sizeof score, "%d", r->score);
    else snprintf(score, sizeof score, "-");
    df_format_minutes(r->total, mins, sizeof mins);
    if (r->score >= 0 && r->baseline > 0) snprintf(ratio, sizeof ratio, "%.1f", r->total / r->baseline);
    else snprintf(ratio, sizeof ratio, "-");
    /* everything from the file is shown terminal-safe: a hand-edited or restored record can hold anything */
    printf("%-16s  %-12.12s  %-28.28s  %-8s  %-18s  %5s  %8s  %6s\n", df_term_text(date), df_term_text(r->learner),
           df_term_text(r->scenario_id), df_term_text(r->mode), df_term_text(r->outcome), score, mins, ratio);
    if (r->score < 0) return 0;
    Prog *p = NULL;
    for (int i = 0; i < h->nprog; i++)
        if (!strcmp(h->prog[i].scenario, r->scenario_id)) p = &h->prog[i];
    if (!p && h->nprog < 256) {
        p = &h->prog[h->nprog++];
        snprintf(p->scenario, sizeof p->scenario, "%s", r->scenario_id);
        p->first = r->total;
        p->best = -1;
    }
    if (p) {
        p->n++;
        if (r->score > p->best) p->best = r->score;
        p->last = r->total;
    }
    return 0;
}

int df_cmd_history(int argc, char **argv) {
    static const struct option opts[] = {{"learner", required_argument, 0, 'l'}, {"scenario", required_argument, 0, 's'},
                                         {"since", required_argument, 0, 'S'},   {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    df_Query q = {0};
    char learner[80], shown[160];
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': /* the same id play would have saved under ("jo smith" is jo_smith) */
            df_learner(optarg, learner, sizeof learner, shown, sizeof shown);
            q.learner = learner;
            break;
        case 's': q.scenario = optarg; break;
        case 'S':
            if (!df_valid_date(optarg)) {
                fprintf(stderr, "defuse: --since: expected a date YYYY-MM-DD, got '%s'\n", df_term_text(optarg));
                return 2;
            }
            q.since = optarg;
            break;
        case 'h': history_usage(stdout); return 0;
        default: history_usage(stderr); return 2;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "defuse: history takes no arguments besides options\n");
        return 2;
    }
    char dir[4096], msg[8192], err[1024];
    if (df_data_dir(dir, sizeof dir) != 0) {
        fprintf(stderr, "defuse: no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR)\n");
        return 1;
    }
    df_report_broken_pipes();
    df_Store *st = df_store_open_read(dir, msg, sizeof msg);
    if (msg[0]) fprintf(stderr, "defuse: %s\n", df_term_text(msg));
    if (!st && !msg[0]) { /* nothing recorded on this machine yet */
        printf("No attempts yet. Play one with: defuse play SCENARIO\n");
        return df_stdout_done("history");
    }
    if (!st) return 1;
    Hist *h = calloc(1, sizeof *h);
    if (!h) {
        df_store_close(st);
        return 1;
    }
    int rc = df_store_each(st, &q, print_row, h, err, sizeof err);
    if (rc != 0) fprintf(stderr, "defuse: %s: %s\n", df_term_text(df_store_path(st)), df_term_text(err));
    else if (h->n == 0) printf("No attempts yet%s. Play one with: defuse play SCENARIO\n", q.learner || q.scenario || q.since ? " that match" : "");
    else {
        printf("\n%d attempt%s. Progress by scenario (finished attempts):\n", h->n, h->n == 1 ? "" : "s");
        for (int i = 0; i < h->nprog; i++) {
            char a[16], b[16];
            df_format_minutes(h->prog[i].first, a, sizeof a);
            df_format_minutes(h->prog[i].last, b, sizeof b);
            printf("  %-28.28s  %d attempt%s, best score %d, time to resolution %s first, %s latest\n", df_term_text(h->prog[i].scenario),
                   h->prog[i].n, h->prog[i].n == 1 ? "" : "s", h->prog[i].best, a, b);
        }
    }
    free(h);
    df_store_close(st);
    int out = df_stdout_done("history");
    return rc == 0 && out == 0 ? 0 : 1;
}
