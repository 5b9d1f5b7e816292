/* cmd_analyze.c: defuse analyze SCENARIO: walk every path (or a seeded sample) with the
 * engine and report outcomes, times, scores, the calmest and most escalated paths, coverage
 * and what each choice costs downstream; as a table or as JSON. */
#define _GNU_SOURCE
#include <cJSON.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../analysis/analysis.h"
#include "app.h"

static void analyze_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse analyze SCENARIO [OPTIONS]\n"
            "       defuse analyze FOLDER [--json]\n"
            "\n"
            "Walk every path through a scenario with the engine and report the outcomes, the\n"
            "time to resolution against the calm visit with the three calibration figures\n"
            "(best path, typical novice, most escalated) and the forecast's direction, the\n"
            "surface strategies (always the longest option, the shortest, one position, the\n"
            "most stock phrases) and whether any passes, the calmest path that resolves and\n"
            "the most escalated path (as choice lists for 'defuse play --choices'),\n"
            "coverage, and what each choice costs downstream. Given a FOLDER, it plays the\n"
            "surface strategies through every scenario in it and totals them.\n"
            "A path may enter each beat once (a blocked task may be\n"
            "retried once); --loops allows more. When there are too many paths, a seeded\n"
            "random sample is analysed instead, and the report says so.\n"
            "\n"
            "Options:\n"
            "  --json           machine-readable output (schema in docs/cli.md)\n"
            "  --random N       analyse N random paths instead of every path\n"
            "  --seed S         seed of the random sample (default 1)\n"
            "  --loops N        times a path may enter one beat (default 1, at most 4)\n"
            "  --max-paths N    paths to walk before sampling instead (default 200000)\n"
            "  --max-depth N    cut paths longer than N choices (default 40)\n"
            "  -h, --help       show this help\n"
            "  --version        show the version\n");
}

static double median(const double *v, long n) { return n ? v[n / 2] : 0; }

static void path_json(cJSON *o, const char *name, const df_Path *p) {
    char list[DF_PATH_MAX * 3 + 1];
    df_path_format(p, list, sizeof list);
    cJSON *j = cJSON_AddObjectToObject(o, name);
    cJSON *ch = cJSON_AddArrayToObject(j, "choices");
    for (int i = 0; i < p->n; i++) cJSON_AddItemToArray(ch, cJSON_CreateNumber(p->choices[i]));
    cJSON_AddStringToObject(j, "play", list);
    cJSON_AddStringToObject(j, "outcome", df_outcome_key(p->outcome));
    cJSON_AddNumberToObject(j, "minutes", round(p->total * 100) / 100);
    cJSON_AddNumberToObject(j, "interaction_minutes", round(p->interaction * 100) / 100);
    cJSON_AddNumberToObject(j, "follow_on_minutes", round((p->total - p->interaction) * 100) / 100);
    cJSON_AddNumberToObject(j, "ratio", round(p->ratio * 100) / 100);
    cJSON_AddNumberToObject(j, "ratio_interaction", round(p->ratio_interaction * 100) / 100);
    cJSON_AddNumberToObject(j, "score", p->score);
    cJSON_AddNumberToObject(j, "peak_agitation", round(p->peak * 10) / 10);
}

static void print_path(const char *label, const df_Path *p) {
    char list[DF_PATH_MAX * 3 + 1], t[16];
    df_path_format(p, list, sizeof list);
    df_format_minutes(p->total, t, sizeof t);
    printf("  %-15s %-19s %5.2fx %5.2fx %7s %5d %5.0f  %s\n", label, df_outcome_key(p->outcome), p->ratio_interaction,
           p->ratio, t, p->score, p->peak, list);
}

/* The three figures a scenario is calibrated by, beside their targets (docs/model.md). */
static void print_calibration(const df_Calibration *c) {
    double b = c->baseline > 0 ? c->baseline : 1;
    char t[16];
    printf("\ntime to resolution against the calm visit%s\n",
           c->timed ? "" : " (not timed: the best path is a safety exit, so no targets apply)");
    df_format_minutes(c->best, t, sizeof t);
    printf("  best path        %7s %6.2fx   target at most %.0fx%s\n", t, c->best / b, DF_CAL_BEST_MAX,
           c->best_ok ? "" : "   <- outside");
    df_format_minutes(c->typical, t, sizeof t);
    printf("  typical novice   %7s %6.2fx   between the two%s%s\n", t, c->typical / b,
           c->typical_sampled ? " (sampled)" : "", c->typical_ok ? "" : "   <- outside");
    if (c->has_escalated) {
        df_format_minutes(c->escalated, t, sizeof t);
        printf("  most escalated   %7s %6.2fx   target %.0f-%.0fx%s\n", t, c->escalated / b, DF_CAL_ESCALATED_MIN,
               DF_CAL_ESCALATED_MAX, c->escalated_ok ? "" : "   <- outside");
    }
    printf("  (typical novice: the expected time of a player who picks the option the model rates best\n"
           "  half the time, and one of the others otherwise)\n");
}

/* Where the forecast would contradict the lesson along the best path. */
static void print_direction(const df_Scenario *sc, const df_Calibration *c) {
    (void)sc;
    if (!c->nissues) {
        printf("\nforecast direction: along the best path, every choice lowers the forecast or keeps it,\n"
               "  and projects no more time than the mistakes beside it\n");
        return;
    }
    printf("\nforecast direction: %d place%s on the best path where the forecast tells the wrong story:\n", c->nissues,
           c->nissues == 1 ? "" : "s");
    for (int i = 0; i < c->nissues; i++) {
        char a[16], b[16];
        df_format_minutes(c->issues[i].best_total, a, sizeof a);
        df_format_minutes(c->issues[i].mistake_total, b, sizeof b);
        if (c->issues[i].mistake)
            printf("  decision %d: option %d projects %s, the mistake %d only %s\n", c->issues[i].step + 1,
                   c->issues[i].best, a, c->issues[i].mistake, b);
        else
            printf("  decision %d: option %d raises the forecast from %s to %s\n", c->issues[i].step + 1,
                   c->issues[i].best, b, a);
    }
}

/* ---------------------------------------------------------------- surface strategies */

/* Plays every surface strategy through sc. 0, or -1 with err. */
static int play_strategies(const df_Scenario *sc, const df_Host *host, df_StrategyRun *runs, df_Error *err) {
    for (int k = 0; k < DF_STRAT_COUNT; k++)
        if (df_play_strategy(sc, host, (df_Strategy)k, &runs[k], err) != 0) return -1;
    return 0;
}

static const char *strategy_outcome(const df_StrategyRun *r) {
    return r->finished ? df_outcome_key(r->outcome) : "(went round in circles)";
}

static void print_strategies(const df_StrategyRun *runs) {
    printf("\nsurface strategies (a player who picks by the shape of the options, not the situation):\n");
    for (int k = 0; k < DF_STRAT_COUNT; k++) {
        const df_StrategyRun *r = &runs[k];
        df_Path p = {.n = r->n};
        memcpy(p.choices, r->choices, sizeof(int) * (size_t)r->n);
        char list[DF_PATH_MAX * 3 + 1];
        df_path_format(&p, list, sizeof list);
        printf("  %-44s %-19s score %3d  %-6s  %s\n", df_strategy_name(r->strategy), strategy_outcome(r), r->score,
               r->passed ? "PASSES" : "fails", list);
    }
}

static cJSON *strategies_json(const df_StrategyRun *runs) {
    cJSON *a = cJSON_CreateArray();
    for (int k = 0; k < DF_STRAT_COUNT; k++) {
        const df_StrategyRun *r = &runs[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "strategy", df_strategy_key(r->strategy));
        cJSON_AddStringToObject(o, "name", df_strategy_name(r->strategy));
        cJSON_AddStringToObject(o, "outcome", strategy_outcome(r));
        cJSON_AddNumberToObject(o, "score", r->score);
        cJSON_AddBoolToObject(o, "passed", r->passed);
        cJSON *ch = cJSON_AddArrayToObject(o, "choices");
        for (int i = 0; i < r->n; i++) cJSON_AddItemToArray(ch, cJSON_CreateNumber(r->choices[i]));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static int report_text(const df_Scenario *sc, const df_Walk *w, const df_WalkLimits *lim, const char *how,
                       const df_Calibration *cal, const df_StrategyRun *runs) {
    char base[16];
    df_format_minutes(df_calm_baseline(&sc->params), base, sizeof base);
    printf("%s (%s)\n", df_term_text(sc->title), df_term_text(sc->id));
    printf("%s: %ld paths", how, w->paths);
    if (w->cut) printf(" (%ld more cut: circling back to a beat, or over %d choices)", w->cut, lim->max_depth);
    printf("\ncalm baseline: %s\n", base);
    printf("\n%-22s %7s %6s   %-23s %-17s\n", "outcome", "paths", "share", "time min/median/max", "score min/med/max");
    for (int o = 0; o < DF_OUT_COUNT; o++) {
        const df_OutcomeStats *os = &w->by_outcome[o];
        if (!os->n) continue;
        char a[16], b[16], c[16];
        df_format_minutes(os->totals[0], a, sizeof a);
        df_format_minutes(median(os->totals, os->n), b, sizeof b);
        df_format_minutes(os->totals[os->n - 1], c, sizeof c);
        printf("%-22s %7ld %5.1f%%   %6s %6s %7s   %3.0f %3.0f %3.0f\n", df_outcome_key((df_Outcome)o), os->n,
               100.0 * (double)os->n / (double)w->paths, a, b, c, os->scores[0], median(os->scores, os->n),
               os->scores[os->n - 1]);
    }
    if (w->nratios) {
        printf("\ntime / calm baseline        min  median     max\n");
        printf("  in the interaction    %6.2fx %6.2fx %6.2fx\n", w->iratios[0], median(w->iratios, w->nratios),
               w->iratios[w->nratios - 1]);
        printf("  with follow-on        %6.2fx %6.2fx %6.2fx\n", w->ratios[0], median(w->ratios, w->nratios),
               w->ratios[w->nratios - 1]);
    }
    print_calibration(cal);
    print_direction(sc, cal);
    print_strategies(runs);
    printf("\n  %-15s %-19s %6s %6s %7s %5s %5s  %s\n", "path", "outcome", "inter.", "total", "time", "score", "peak",
           "choices (defuse play --choices)");
    if (w->has_calmest) print_path("calmest", &w->calmest);
    if (w->has_timed) print_path("most escalated", &w->escalated);
    if (w->paths) {
        print_path("best score", &w->best);
        print_path("worst score", &w->worst);
    }
    int hb = 0, hc = 0;
    for (int b = 0; b < sc->nbeats; b++) hb += w->beats[b].arrivals > 0;
    for (int k = 0; k < w->nchoices; k++) hc += w->choices[k].taken > 0;
    printf("\ncoverage: %d of %d beats, %d of %d choices\n", hb, sc->nbeats, hc, w->nchoices);
    for (int b = 0; b < sc->nbeats; b++)
        if (!w->beats[b].arrivals) printf("  never reached: beat '%s'\n", sc->beats[b].id);
    printf("\nchoices by average downstream time (the costliest first):\n");
    /* sort choice indices by average total */
    int *idx = malloc(sizeof(int) * (size_t)(w->nchoices ? w->nchoices : 1));
    int n = 0;
    for (int k = 0; k < w->nchoices; k++)
        if (w->choices[k].taken) idx[n++] = k;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            const df_ChoiceStats *a = &w->choices[idx[i]], *b = &w->choices[idx[j]];
            if (b->total_sum / (double)b->taken > a->total_sum / (double)a->taken) {
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
    for (int i = 0; i < n && i < 12; i++) {
        int k = idx[i], b = 0;
        while (b + 1 < sc->nbeats && w->choice_base[b + 1] <= k) b++;
        const df_ChoiceStats *cs = &w->choices[k];
        char t[16];
        df_format_minutes(cs->total_sum / (double)cs->taken, t, sizeof t);
        const df_Choice *ch = &sc->beats[b].choices[k - w->choice_base[b]];
        printf("  %7s  score %3.0f  %s #%d  %.50s%s\n", t, cs->score_sum / (double)cs->taken, sc->beats[b].id,
               k - w->choice_base[b] + 1, df_term_text(ch->text), strlen(ch->text) > 50 ? "..." : "");
    }
    if (n > 12) printf("  ... %d more (--json lists every choice)\n", n - 12);
    free(idx);
    return 0;
}

static int report_json(const df_Scenario *sc, const df_Walk *w, const df_WalkLimits *lim, const df_Calibration *cal,
                       const df_StrategyRun *runs) {
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "scenario", sc->id);
    cJSON_AddStringToObject(root, "method", w->random ? "random" : "exhaustive");
    cJSON_AddNumberToObject(root, "paths", (double)w->paths);
    cJSON_AddNumberToObject(root, "cut", (double)w->cut);
    cJSON_AddNumberToObject(root, "loops", lim->max_per_beat);
    cJSON_AddNumberToObject(root, "calm_baseline", round(df_calm_baseline(&sc->params) * 100) / 100);
    cJSON *outs = cJSON_AddObjectToObject(root, "outcomes");
    for (int o = 0; o < DF_OUT_COUNT; o++) {
        const df_OutcomeStats *os = &w->by_outcome[o];
        if (!os->n) continue;
        cJSON *j = cJSON_AddObjectToObject(outs, df_outcome_key((df_Outcome)o));
        cJSON_AddNumberToObject(j, "paths", (double)os->n);
        cJSON_AddNumberToObject(j, "share", round(1000.0 * (double)os->n / (double)w->paths) / 1000);
        cJSON *t = cJSON_AddObjectToObject(j, "minutes");
        cJSON_AddNumberToObject(t, "min", round(os->totals[0] * 100) / 100);
        cJSON_AddNumberToObject(t, "median", round(median(os->totals, os->n) * 100) / 100);
        cJSON_AddNumberToObject(t, "max", round(os->totals[os->n - 1] * 100) / 100);
        cJSON *s = cJSON_AddObjectToObject(j, "score");
        cJSON_AddNumberToObject(s, "min", os->scores[0]);
        cJSON_AddNumberToObject(s, "median", median(os->scores, os->n));
        cJSON_AddNumberToObject(s, "max", os->scores[os->n - 1]);
    }
    if (w->nratios) {
        cJSON *r = cJSON_AddObjectToObject(root, "ratio");
        cJSON_AddNumberToObject(r, "interaction_min", round(w->iratios[0] * 100) / 100);
        cJSON_AddNumberToObject(r, "interaction_median", round(median(w->iratios, w->nratios) * 100) / 100);
        cJSON_AddNumberToObject(r, "interaction_max", round(w->iratios[w->nratios - 1] * 100) / 100);
        cJSON_AddNumberToObject(r, "total_min", round(w->ratios[0] * 100) / 100);
        cJSON_AddNumberToObject(r, "total_median", round(median(w->ratios, w->nratios) * 100) / 100);
        cJSON_AddNumberToObject(r, "total_max", round(w->ratios[w->nratios - 1] * 100) / 100);
    }
    cJSON *cj = cJSON_AddObjectToObject(root, "calibration");
    double cb = cal->baseline > 0 ? cal->baseline : 1;
    cJSON_AddBoolToObject(cj, "timed", cal->timed);
    cJSON_AddNumberToObject(cj, "best_minutes", round(cal->best * 100) / 100);
    cJSON_AddNumberToObject(cj, "best_ratio", round(cal->best / cb * 100) / 100);
    cJSON_AddNumberToObject(cj, "typical_minutes", round(cal->typical * 100) / 100);
    cJSON_AddNumberToObject(cj, "typical_ratio", round(cal->typical / cb * 100) / 100);
    cJSON_AddBoolToObject(cj, "typical_sampled", cal->typical_sampled);
    if (cal->has_escalated) {
        cJSON_AddNumberToObject(cj, "escalated_minutes", round(cal->escalated * 100) / 100);
        cJSON_AddNumberToObject(cj, "escalated_ratio", round(cal->escalated / cb * 100) / 100);
    }
    cJSON_AddBoolToObject(cj, "within_targets", cal->best_ok && cal->typical_ok && cal->escalated_ok);
    cJSON *dir = cJSON_AddArrayToObject(cj, "forecast_direction_issues");
    for (int i = 0; i < cal->nissues; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "decision", cal->issues[i].step + 1);
        cJSON_AddNumberToObject(o, "option", cal->issues[i].best);
        cJSON_AddNumberToObject(o, "mistake", cal->issues[i].mistake);
        cJSON_AddNumberToObject(o, "option_minutes", round(cal->issues[i].best_total * 100) / 100);
        cJSON_AddNumberToObject(o, "mistake_minutes", round(cal->issues[i].mistake_total * 100) / 100);
        cJSON_AddItemToArray(dir, o);
    }
    cJSON_AddItemToObject(root, "strategies", strategies_json(runs));
    cJSON *paths = cJSON_AddObjectToObject(root, "paths_of_note");
    if (w->has_calmest) path_json(paths, "calmest", &w->calmest);
    if (w->has_timed) path_json(paths, "most_escalated", &w->escalated);
    if (w->paths) {
        path_json(paths, "best_score", &w->best);
        path_json(paths, "worst_score", &w->worst);
    }
    cJSON *cov = cJSON_AddObjectToObject(root, "coverage");
    int hb = 0, hc = 0;
    for (int b = 0; b < sc->nbeats; b++) hb += w->beats[b].arrivals > 0;
    for (int k = 0; k < w->nchoices; k++) hc += w->choices[k].taken > 0;
    cJSON_AddNumberToObject(cov, "beats", hb);
    cJSON_AddNumberToObject(cov, "beats_total", sc->nbeats);
    cJSON_AddNumberToObject(cov, "choices", hc);
    cJSON_AddNumberToObject(cov, "choices_total", w->nchoices);
    cJSON *beats = cJSON_AddArrayToObject(root, "beats");
    for (int b = 0; b < sc->nbeats; b++) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", sc->beats[b].id);
        cJSON_AddNumberToObject(j, "arrivals", (double)w->beats[b].arrivals);
        if (w->beats[b].arrivals)
            cJSON_AddNumberToObject(j, "agitation_on_arrival",
                                    round(w->beats[b].agitation_sum / (double)w->beats[b].arrivals * 10) / 10);
        cJSON *chs = cJSON_AddArrayToObject(j, "choices");
        for (int k = 0; k < sc->beats[b].nchoices; k++) {
            const df_ChoiceStats *cs = &w->choices[w->choice_base[b] + k];
            cJSON *c = cJSON_CreateObject();
            cJSON_AddNumberToObject(c, "number", k + 1);
            /* where it can lead: its go, the targets a go function declares, or "?" */
            const df_Choice *ch = &sc->beats[b].choices[k];
            cJSON *to = cJSON_AddArrayToObject(c, "to");
            if (!ch->go_fn) cJSON_AddItemToArray(to, cJSON_CreateString(df_scenario_target_id(sc, ch->go)));
            for (int t = 0; ch->go_fn && t < ch->ntargets; t++)
                cJSON_AddItemToArray(to, cJSON_CreateString(df_scenario_target_id(sc, ch->targets[t])));
            if (ch->go_fn && !ch->ntargets) cJSON_AddItemToArray(to, cJSON_CreateString("?"));
            cJSON_AddNumberToObject(c, "paths", (double)cs->taken);
            if (cs->taken) {
                cJSON_AddNumberToObject(c, "average_minutes", round(cs->total_sum / (double)cs->taken * 100) / 100);
                cJSON_AddNumberToObject(c, "average_score", round(cs->score_sum / (double)cs->taken * 10) / 10);
            }
            cJSON_AddItemToArray(chs, c);
        }
        cJSON_AddItemToArray(beats, j);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) return 1;
    puts(text);
    free(text);
    return 0;
}

/* A folder: the surface strategies through every scenario in it, and how each fares across
 * them (docs/authoring.md, "Writing options"). */
static int analyze_folder(const char *dir, int json) {
    char **paths;
    int n = df_list_lua(dir, &paths);
    if (n <= 0) {
        fprintf(stderr, "defuse: %s: no scenario files (*.lua) in this folder\n", dir);
        return 1;
    }
    int passed[DF_STRAT_COUNT] = {0}, sum[DF_STRAT_COUNT] = {0}, nsc = 0, status = 0;
    cJSON *root = json ? cJSON_CreateObject() : NULL, *list = root ? cJSON_AddArrayToObject(root, "scenarios") : NULL;
    if (!json) {
        printf("surface strategies: a player who picks by the shape of the options, not the situation\n\n%-26s",
               "scenario");
        for (int k = 0; k < DF_STRAT_COUNT; k++) printf(" %9s", df_strategy_key((df_Strategy)k));
        printf("\n");
    }
    for (int i = 0; i < n; i++) {
        df_Script *s = df_open_scenario(paths[i]);
        if (!s) {
            status = 1;
            continue;
        }
        if (df_script_module(s)) { /* a module file: no options to play */
            df_script_free(s);
            continue;
        }
        const df_Scenario *sc = df_script_scenario(s);
        df_StrategyRun runs[DF_STRAT_COUNT];
        df_Error err;
        df_error_clear(&err);
        if (play_strategies(sc, df_script_host(s), runs, &err) != 0) {
            char m[1400];
            df_error_format(&err, m, sizeof m);
            fprintf(stderr, "defuse: %s\n", m);
            df_script_free(s);
            status = 1;
            continue;
        }
        nsc++;
        for (int k = 0; k < DF_STRAT_COUNT; k++) {
            passed[k] += runs[k].passed;
            sum[k] += runs[k].score;
        }
        if (json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "scenario", sc->id);
            cJSON_AddStringToObject(o, "file", paths[i]);
            cJSON_AddItemToObject(o, "strategies", strategies_json(runs));
            cJSON_AddItemToArray(list, o);
        } else {
            printf("%-26.26s", df_term_text(sc->id));
            for (int k = 0; k < DF_STRAT_COUNT; k++) printf(" %7d%s", runs[k].score, runs[k].passed ? " P" : "  ");
            printf("\n");
        }
        df_script_free(s);
    }
    df_free_list(paths, n);
    bool ok = true;
    for (int k = 0; k < DF_STRAT_COUNT; k++)
        if (passed[k] > DF_STRAT_MAX_PASSED || (nsc && (double)sum[k] / nsc >= DF_STRAT_MAX_AVERAGE)) ok = false;
    if (json) {
        cJSON *tot = cJSON_AddArrayToObject(root, "strategies");
        for (int k = 0; k < DF_STRAT_COUNT; k++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "strategy", df_strategy_key((df_Strategy)k));
            cJSON_AddStringToObject(o, "name", df_strategy_name((df_Strategy)k));
            cJSON_AddNumberToObject(o, "passed", passed[k]);
            cJSON_AddNumberToObject(o, "scenarios", nsc);
            cJSON_AddNumberToObject(o, "average_score", nsc ? round((double)sum[k] / nsc * 10) / 10 : 0);
            cJSON_AddItemToArray(tot, o);
        }
        cJSON_AddBoolToObject(root, "no_strategy_works", ok);
        char *text = cJSON_Print(root);
        if (text) puts(text);
        free(text);
        cJSON_Delete(root);
    } else {
        printf("%-26s", "passed");
        for (int k = 0; k < DF_STRAT_COUNT; k++) printf(" %6d/%-2d", passed[k], nsc);
        printf("\n%-26s", "average score");
        for (int k = 0; k < DF_STRAT_COUNT; k++) printf(" %9.1f", nsc ? (double)sum[k] / nsc : 0);
        printf("\n\n(P: the strategy passes that scenario. Target: none passes more than %d scenarios or averages\n"
               "%d or more; %s)\n",
               DF_STRAT_MAX_PASSED, DF_STRAT_MAX_AVERAGE,
               ok ? "met" : "NOT met: see docs/authoring.md, 'Writing options'");
    }
    return status;
}

int df_cmd_analyze(int argc, char **argv) {
    static const struct option opts[] = {{"json", no_argument, 0, 'j'},         {"random", required_argument, 0, 'r'},
                                         {"seed", required_argument, 0, 's'},   {"loops", required_argument, 0, 'l'},
                                         {"max-paths", required_argument, 0, 'p'}, {"max-depth", required_argument, 0, 'd'},
                                         {"help", no_argument, 0, 'h'},         {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    df_WalkLimits lim;
    df_walk_limits_default(&lim);
    unsigned long long wseed = 1;
    long nrandom = 0;
    int json = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        char *end = NULL;
        long v = 0;
        if (c == 'r' || c == 's' || c == 'l' || c == 'p' || c == 'd') {
            v = strtol(optarg, &end, 10);
            if (!*optarg || *end || v < 0) {
                fprintf(stderr, "defuse: --%s: '%s' is not a whole number\n",
                        c == 'r' ? "random" : c == 's' ? "seed" : c == 'l' ? "loops" : c == 'p' ? "max-paths" : "max-depth", optarg);
                return 2;
            }
        }
        switch (c) {
        case 'j': json = 1; break;
        case 'r':
            if (v < 1 || v > 10000000) { fprintf(stderr, "defuse: --random: 1 to 10000000 paths\n"); return 2; }
            nrandom = v;
            break;
        case 's': wseed = (unsigned long long)v; break;
        case 'l':
            if (v < 1 || v > 4) { fprintf(stderr, "defuse: --loops: 1 to 4\n"); return 2; }
            lim.max_per_beat = (int)v;
            break;
        case 'p':
            if (v < 1) { fprintf(stderr, "defuse: --max-paths: at least 1\n"); return 2; }
            lim.max_paths = v;
            break;
        case 'd':
            if (v < 1 || v > DF_PATH_MAX) { fprintf(stderr, "defuse: --max-depth: 1 to %d\n", DF_PATH_MAX); return 2; }
            lim.max_depth = (int)v;
            break;
        case 'h': analyze_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: analyze_usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: analyze needs exactly one SCENARIO (or a FOLDER)\n");
        return 2;
    }
    struct stat fst;
    if (stat(argv[optind], &fst) == 0 && S_ISDIR(fst.st_mode)) return analyze_folder(argv[optind], json);
    df_Script *s = df_open_scenario(argv[optind]);
    if (!s) return 1;
    const df_Scenario *sc = df_script_scenario(s);
    df_Walk w;
    df_Error err;
    df_error_clear(&err);
    int rc;
    char how[128];
    if (nrandom) {
        rc = df_walk_random(sc, df_script_host(s), 1, wseed, nrandom, &lim, &w, &err);
        snprintf(how, sizeof how, "random sample (seed %llu)", wseed);
    } else {
        rc = df_walk(sc, df_script_host(s), 1, &lim, &w, &err);
        snprintf(how, sizeof how, "every path");
        if (rc == 0 && w.truncated) {
            fprintf(stderr, "defuse: too many paths to walk them all (over %ld, or %ld steps): analysing %ld random paths (seed %llu) instead\n", lim.max_paths, lim.max_nodes,
                    lim.max_paths, wseed);
            df_walk_free(&w);
            rc = df_walk_random(sc, df_script_host(s), 1, wseed, lim.max_paths, &lim, &w, &err);
            snprintf(how, sizeof how, "random sample (seed %llu; too many paths to walk them all)", wseed);
        }
    }
    df_Calibration cal;
    df_StrategyRun runs[DF_STRAT_COUNT];
    if (rc != 0 || df_calibrate(sc, df_script_host(s), 1, &w, &cal, &err) != 0 ||
        play_strategies(sc, df_script_host(s), runs, &err) != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        df_walk_free(&w);
        df_script_free(s);
        return 1;
    }
    int status = json ? report_json(sc, &w, &lim, &cal, runs) : report_text(sc, &w, &lim, how, &cal, runs);
    df_walk_free(&w);
    df_script_free(s);
    return status;
}
