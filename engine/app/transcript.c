/* transcript.c: a whole run as JSON (cJSON), numbers rounded so files compare exactly. */
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static double r2(double x) { return isfinite(x) ? round(x * 100) / 100 : 0; }

static cJSON *pair(double before, double after) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "before", r2(before));
    cJSON_AddNumberToObject(o, "after", r2(after));
    return o;
}

/* The forecast as projected totals (minutes spent plus the best and typical still ahead). */
static cJSON *forecast_json(const df_Forecast *f) {
    if (!f->valid) return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "best", r2(df_forecast_best_total(f)));
    cJSON_AddNumberToObject(o, "typical", r2(df_forecast_typical_total(f)));
    if (f->sampled) cJSON_AddBoolToObject(o, "sampled", 1);
    if (!f->resolves) cJSON_AddBoolToObject(o, "resolvable", 0);
    return o;
}

static cJSON *build(const df_Script *s, const df_Run *run) {
    const df_Scenario *sc = df_script_scenario(s);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "defuse", DF_VERSION);
    cJSON *scn = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(scn, "id", sc->id);
    cJSON_AddStringToObject(scn, "title", sc->title);
    cJSON_AddNumberToObject(root, "seed", (double)df_run_seed(run));
    const df_Step *st;
    int n = df_run_steps(run, &st);
    cJSON *ch = cJSON_AddArrayToObject(root, "choices"); /* replays the run with --choices */
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(ch, cJSON_CreateNumber(st[i].shown));
    cJSON_AddItemToObject(root, "forecast_at_start", forecast_json(df_run_start_forecast(run)));
    cJSON *steps = cJSON_AddArrayToObject(root, "steps");
    for (int i = 0; i < n; i++) {
        const df_Step *s1 = &st[i];
        const df_Beat *b = &sc->beats[s1->beat];
        const df_Choice *c = &b->choices[s1->choice];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "step", i + 1);
        cJSON_AddStringToObject(o, "beat", b->id);
        cJSON_AddStringToObject(o, "resident", s1->said);
        cJSON_AddNumberToObject(o, "chose", s1->shown);
        cJSON_AddStringToObject(o, "said", c->text);
        cJSON *tags = cJSON_AddArrayToObject(o, "tags");
        for (int k = 0; k < c->ntags; k++) cJSON_AddItemToArray(tags, cJSON_CreateString(df_tag(c->tags[k])->key));
        cJSON_AddStringToObject(o, "grade", df_grade_key(s1->grade));
        cJSON_AddStringToObject(o, "best", b->choices[s1->best].text);
        cJSON_AddItemToObject(o, "agitation", pair(s1->a_before, s1->a_after));
        cJSON_AddItemToObject(o, "trust", pair(s1->t_before, s1->t_after));
        cJSON *band = cJSON_AddObjectToObject(o, "band");
        cJSON_AddStringToObject(band, "before", df_band_key(s1->band_before));
        cJSON_AddStringToObject(band, "after", df_band_key(s1->band_after));
        cJSON *m = cJSON_AddObjectToObject(o, "minutes");
        cJSON_AddNumberToObject(m, "conversation", r2(s1->conversation));
        cJSON_AddNumberToObject(m, "task", r2(s1->task));
        cJSON_AddNumberToObject(m, "rework", r2(s1->rework));
        cJSON_AddNumberToObject(o, "clock", r2(s1->clock_after));
        if (s1->gated) cJSON_AddBoolToObject(o, "gated", 1);
        if (s1->task_blocked) cJSON_AddBoolToObject(o, "task_blocked", 1);
        if (s1->tripwire) cJSON_AddBoolToObject(o, "tripwire", 1);
        if (c->coach) cJSON_AddStringToObject(o, "coach", c->coach);
        cJSON_AddItemToObject(o, "forecast", forecast_json(&s1->forecast));
        cJSON *ev = cJSON_AddObjectToObject(o, "rubric");
        for (int d = 0; d < DF_DIM_COUNT; d++)
            if (s1->evidence[d] != DF_EVIDENCE_NONE)
                cJSON_AddStringToObject(ev, df_dim_key((df_Dim)d), df_evidence_key((df_Evidence)s1->evidence[d]));
        cJSON_AddItemToArray(steps, o);
    }
    const df_Result *r = df_run_result(run);
    if (!r) {
        cJSON_AddNullToObject(root, "result");
        return root;
    }
    cJSON *res = cJSON_AddObjectToObject(root, "result");
    cJSON_AddStringToObject(res, "ending", sc->endings[r->ending].id);
    cJSON_AddStringToObject(res, "outcome", df_outcome_key(r->outcome));
    if (r->declared != r->outcome) cJSON_AddStringToObject(res, "declared_outcome", df_outcome_key(r->declared));
    cJSON_AddStringToObject(res, "final_line", r->final_line ? r->final_line : "");
    cJSON_AddStringToObject(res, "debrief", r->debrief ? r->debrief : "");
    cJSON_AddNumberToObject(res, "score", r->score);
    cJSON_AddBoolToObject(res, "passed", r->passed);
    cJSON_AddBoolToObject(res, "critical", r->critical);
    cJSON *parts = cJSON_AddObjectToObject(res, "scores");
    cJSON_AddNumberToObject(parts, "choices", r2(r->choice_quality));
    cJSON_AddNumberToObject(parts, "outcome", r2(r->outcome_score));
    if (r->time_scored) cJSON_AddNumberToObject(parts, "time", r2(r->time_score));
    else cJSON_AddNullToObject(parts, "time");
    cJSON *t = cJSON_AddObjectToObject(res, "time");
    cJSON_AddNumberToObject(t, "conversation", r2(r->conversation));
    cJSON_AddNumberToObject(t, "task", r2(r->task));
    cJSON_AddNumberToObject(t, "rework", r2(r->rework));
    cJSON_AddNumberToObject(t, "follow_on", r2(r->follow_on));
    cJSON *fo = cJSON_AddObjectToObject(t, "follow_on_parts");
    for (int k = 0; k < DF_FO_COUNT; k++)
        if (r->follow_on_parts[k] > 0)
            cJSON_AddNumberToObject(fo, df_follow_on_key((df_FollowOn)k), r2(r->follow_on_parts[k]));
    cJSON_AddNumberToObject(t, "total", r2(r->total));
    cJSON_AddNumberToObject(t, "calm_baseline", r2(r->baseline));
    cJSON_AddNumberToObject(t, "ratio", r2(r->ratio));
    cJSON_AddNumberToObject(t, "ratio_interaction", r2(r->ratio_interaction));
    df_Forecast road;
    df_Error err;
    if (df_run_escalated_road(run, &road, &err) == 0 && road.valid) {
        cJSON *bars = cJSON_AddObjectToObject(t, "compare");
        cJSON_AddNumberToObject(bars, "calm_visit", r2(r->baseline));
        cJSON_AddNumberToObject(bars, "this_run", r2(r->total));
        cJSON_AddNumberToObject(bars, "escalated_road", r2(road.worst));
        if (road.sampled) cJSON_AddBoolToObject(bars, "sampled", 1);
    }
    /* each dimension: its score where it was at stake, with the decisions that moved it; null
     * when this run never put it at stake */
    cJSON *dims = cJSON_AddObjectToObject(res, "dimensions");
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        if (r->dims[d] < 0) {
            cJSON_AddNullToObject(dims, df_dim_key((df_Dim)d));
            continue;
        }
        cJSON *dj = cJSON_AddObjectToObject(dims, df_dim_key((df_Dim)d));
        cJSON_AddNumberToObject(dj, "score", r->dims[d]);
        for (int e = DF_EVIDENCE_RAISED; e < DF_EVIDENCE_COUNT; e++) {
            cJSON *list = NULL;
            for (int i = 0; i < n; i++)
                if (st[i].evidence[d] == e) {
                    if (!list) list = cJSON_AddArrayToObject(dj, df_evidence_key((df_Evidence)e));
                    cJSON_AddItemToArray(list, cJSON_CreateNumber(i + 1));
                }
        }
    }
    return root;
}

int df_write_transcript(const char *path, const df_Script *s, const df_Run *run) {
    cJSON *root = build(s, run);
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text) {
        fprintf(stderr, "defuse: out of memory writing the transcript; it was not written\n");
        return -1;
    }
    size_t n = strlen(text);
    char *full = realloc(text, n + 2);
    if (!full) {
        free(text);
        fprintf(stderr, "defuse: out of memory writing the transcript; it was not written\n");
        return -1;
    }
    full[n++] = '\n';
    full[n] = '\0';
    int rc = 0;
    if (!strcmp(path, "-")) {
        df_report_broken_pipes();
        if (fwrite(full, 1, n, stdout) != n) (void)0; /* reported below, with the reason */
        rc = df_stdout_done("the transcript") ? -1 : 0;
    } else {
        char err[4600];
        if (df_write_atomic(path, full, n, err, sizeof err) != 0) {
            fprintf(stderr, "defuse: the transcript: %s\n", df_term_text(err));
            rc = -1;
        }
    }
    free(full);
    return rc;
}
