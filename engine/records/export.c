/* export.c: an attempt as a CSV row for HR and as an xAPI statement for a Learning Record
 * Store. CSV cells are quoted per RFC 4180 and neutralised against spreadsheet formulas;
 * statements follow xAPI 1.0.3 (and are valid 2.0): an account actor, completed / passed /
 * failed, a scaled score, an ISO 8601 duration, and extensions under the town's own IRI. */
#define _GNU_SOURCE
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "records.h"

/* Text from the store is UTF-8 (the store checks it), but a file edited by hand may not be:
 * exports always are. Returns s, or a sanitised copy in a malloc'd *tmp. */
static const char *clean(const char *s, char **tmp) {
    *tmp = NULL;
    if (!s) return "";
    size_t len = strlen(s);
    if (df_utf8_valid(s, len)) return s;
    *tmp = malloc(len * 3 + 4);
    if (!*tmp) return "";
    df_sanitize(s, len, *tmp, len * 3 + 4);
    return *tmp;
}

size_t df_csv_cell(const char *raw, char *out, size_t cap) {
    char *tmp;
    const char *s = clean(raw, &tmp);
    size_t o = 0;
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
#define PUT(c)                        \
    do {                              \
        if (o + 1 < cap) out[o] = (c); \
        o++;                          \
    } while (0)
    if (quote) PUT('"');
    if (formula) PUT('\''); /* a leading apostrophe: spreadsheets show the text, never run it */
    for (const char *p = s; *p; p++) {
        if (*p == '"') PUT('"');
        PUT(*p);
    }
    if (quote) PUT('"');
#undef PUT
    if (cap) out[o < cap ? o : cap - 1] = '\0';
    free(tmp);
    return o;
}

/* Each rubric dimension: its score, then its evidence ("listening,listening_evidence"). */
#define CSV_DIM(id, key, label) "," key "," key "_evidence"

const char *df_csv_header(void) {
    return "attempt,registration,learner,display_name,scenario,scenario_title,scenario_sha256,mode,started,ended,"
           "outcome,score,passed,minutes_to_resolution,conversation,task,rework,follow_on,calm_baseline,ratio,steps"
           DF_DIMS(CSV_DIM);
}

/* The decisions (1-based) where dimension d showed evidence of kind e, in order. */
static int decisions_of(const df_AttemptRow *r, int d, int e, int *out) {
    int n = 0, steps = r->evidence_steps < DF_RECORDS_MAX_DECISIONS ? r->evidence_steps : DF_RECORDS_MAX_DECISIONS;
    for (int i = 0; i < steps; i++)
        if (r->evidence[i][d] == e) out[n++] = i + 1;
    return n;
}

/* Past DF_RECORDS_MAX_DECISIONS the evidence was not read back: the text and statement say so. */
static bool evidence_cut(const df_AttemptRow *r) {
    return r->evidence_kept && r->steps > DF_RECORDS_MAX_DECISIONS;
}

void df_rubric_evidence_text(const df_AttemptRow *r, int d, char *out, size_t cap) {
    size_t o = 0;
    if (!cap) return;
    out[0] = '\0';
    if (d < 0 || d >= DF_DIM_COUNT) return;
    int steps[DF_RECORDS_MAX_DECISIONS];
    for (int e = DF_EVIDENCE_NONE + 1; e < DF_EVIDENCE_COUNT && r->evidence_kept; e++) {
        int n = decisions_of(r, d, e, steps);
        if (n && o < cap) o += (size_t)snprintf(out + o, cap - o, "%s%s ", o ? "; " : "", df_evidence_key((df_Evidence)e));
        for (int i = 0; i < n && o < cap; i++) o += (size_t)snprintf(out + o, cap - o, "%s%d", i ? "," : "", steps[i]);
    }
    if (o >= cap) o = cap - 1; /* cut short (a cap below DF_RUBRIC_TEXT_MAX) */
    if (o == 0 && r->score >= 0 && r->dims[d] < 0) snprintf(out, cap, "%s", DF_RUBRIC_NOT_PART);
    else if (o && o < cap && evidence_cut(r))
        snprintf(out + o, cap - o, "; decisions after %d not shown", DF_RECORDS_MAX_DECISIONS);
}

int df_csv_row(const df_AttemptRow *r, char *out, size_t cap) {
    size_t o = 0;
    char num[400]; /* any finite double in %.2f (a hand-edited figure can be 1e308) */
    const char *texts[] = {r->uuid, r->learner, r->display_name, r->scenario_id, r->scenario_title, r->scenario_sha256,
                           r->mode, r->started, r->ended, r->outcome};
    o += (size_t)snprintf(out, cap, "%lld", (long long)r->id);
    for (size_t i = 0; i < sizeof texts / sizeof *texts && o < cap; i++) {
        out[o++] = ',';
        o += df_csv_cell(texts[i], out + o, o < cap ? cap - o : 0);
    }
    if (o >= cap) return -1;
    const double mins[] = {r->total, r->conversation, r->task, r->rework, r->follow_on, r->baseline};
    if (r->score >= 0) o += (size_t)snprintf(out + o, cap - o, ",%d,%s", r->score, r->passed > 0 ? "yes" : "no");
    else o += (size_t)snprintf(out + o, cap - o, ",,");
    for (size_t i = 0; i < sizeof mins / sizeof *mins && o < cap; i++) {
        snprintf(num, sizeof num, "%.2f", isfinite(mins[i]) ? mins[i] : 0.0);
        o += (size_t)snprintf(out + o, cap - o, ",%s", num);
    }
    double ratio = r->baseline > 0 && isfinite(r->total) && isfinite(r->baseline) ? r->total / r->baseline : 0.0;
    if (o < cap) o += (size_t)snprintf(out + o, cap - o, ",%.2f,%d", ratio, r->steps);
    char ev[DF_RUBRIC_TEXT_MAX];
    for (int d = 0; d < DF_DIM_COUNT && o < cap; d++) {
        if (r->dims[d] >= 0) o += (size_t)snprintf(out + o, cap - o, ",%d,", r->dims[d]);
        else o += (size_t)snprintf(out + o, cap - o, ",,");
        df_rubric_evidence_text(r, d, ev, sizeof ev);
        o += df_csv_cell(ev, out + o, o < cap ? cap - o : 0);
    }
    if (o + 3 > cap) return -1;
    out[o++] = '\r';
    out[o++] = '\n';
    out[o] = '\0';
    return (int)o;
}

void df_iso_duration(double minutes, char *out, size_t cap) {
    if (!isfinite(minutes) || minutes < 0) minutes = 0;
    /* only a hand-edited record holds more than a billion minutes: cap it rather than let
     * the hundredths overflow into a signed duration an LRS rejects */
    if (minutes > 1e9) minutes = 1e9;
    long cs = lround(minutes * 6000); /* hundredths of a second */
    long h = cs / 360000, m = cs / 6000 % 60, s = cs / 100 % 60, frac = cs % 100;
    int o = snprintf(out, cap, "PT");
    if (h) o += snprintf(out + o, cap - (size_t)o, "%ldH", h);
    if (m) o += snprintf(out + o, cap - (size_t)o, "%ldM", m);
    if (s || frac || (!h && !m)) {
        if (frac) snprintf(out + o, cap - (size_t)o, "%ld.%02ldS", s, frac);
        else snprintf(out + o, cap - (size_t)o, "%ldS", s);
    }
}

static time_t parse_time(const char *iso) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
    return timegm(&tm);
}

static void add_text(cJSON *o, const char *key, const char *text) {
    char *tmp;
    cJSON_AddStringToObject(o, key, clean(text, &tmp));
    free(tmp);
}

static void lang_map(cJSON *parent, const char *key, const char *text) {
    cJSON *m = cJSON_AddObjectToObject(parent, key);
    if (m) add_text(m, "en-US", text);
}

char *df_xapi_statement(const df_AttemptRow *r, const char *base_iri) {
    char iri[1024], ext[1024], dur[64];
    cJSON *st = cJSON_CreateObject();
    if (!st) return NULL;
    add_text(st, "id", r->statement_id); /* every text from the record is cleaned: a hand-edited file may hold any bytes */
    char ts[40];
    time_t a = parse_time(r->started), b = parse_time(r->ended);
    struct tm tm;
    gmtime_r(&b, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S.000Z", &tm); /* always with a zone */
    cJSON_AddStringToObject(st, "timestamp", ts);
    /* the actor: an account (an employee or login id), never an email address */
    cJSON *actor = cJSON_AddObjectToObject(st, "actor");
    cJSON_AddStringToObject(actor, "objectType", "Agent");
    add_text(actor, "name", r->display_name[0] ? r->display_name : r->learner);
    cJSON *acc = cJSON_AddObjectToObject(actor, "account");
    cJSON_AddStringToObject(acc, "homePage", base_iri);
    add_text(acc, "name", r->learner);
    /* the verb: an assessment passes or fails; practice and group runs are completed */
    bool assess = !strcmp(r->mode, "assess");
    const char *verb = assess ? (r->passed > 0 ? "passed" : "failed") : "completed";
    cJSON *v = cJSON_AddObjectToObject(st, "verb");
    snprintf(iri, sizeof iri, "http://adlnet.gov/expapi/verbs/%s", verb);
    cJSON_AddStringToObject(v, "id", iri);
    lang_map(v, "display", verb);
    /* the scenario as an activity */
    cJSON *obj = cJSON_AddObjectToObject(st, "object");
    cJSON_AddStringToObject(obj, "objectType", "Activity");
    {
        char *tmp;
        snprintf(iri, sizeof iri, "%s/scenarios/%s", base_iri, clean(r->scenario_id, &tmp));
        free(tmp);
    }
    cJSON_AddStringToObject(obj, "id", iri);
    cJSON *def = cJSON_AddObjectToObject(obj, "definition");
    cJSON_AddStringToObject(def, "type", "http://adlnet.gov/expapi/activities/simulation");
    lang_map(def, "name", r->scenario_title);
    /* the result */
    cJSON *res = cJSON_AddObjectToObject(st, "result");
    if (r->score >= 0) {
        cJSON *sc = cJSON_AddObjectToObject(res, "score");
        cJSON_AddNumberToObject(sc, "scaled", (r->score > 100 ? 100 : r->score) / 100.0);
        cJSON_AddNumberToObject(sc, "raw", r->score);
        cJSON_AddNumberToObject(sc, "min", 0);
        cJSON_AddNumberToObject(sc, "max", 100);
        cJSON_AddBoolToObject(res, "success", r->passed > 0);
    }
    cJSON_AddBoolToObject(res, "completion", true);
    df_iso_duration(b > a ? (double)(b - a) / 60.0 : 0, dur, sizeof dur);
    cJSON_AddStringToObject(res, "duration", dur);
    cJSON *rx = cJSON_AddObjectToObject(res, "extensions");
    snprintf(ext, sizeof ext, "%s/ext/outcome", base_iri);
    add_text(rx, ext, r->outcome);
    snprintf(ext, sizeof ext, "%s/ext/time-to-resolution", base_iri);
    df_iso_duration(r->total, dur, sizeof dur);
    cJSON_AddStringToObject(rx, ext, dur);
    snprintf(ext, sizeof ext, "%s/ext/time-breakdown", base_iri);
    cJSON *br = cJSON_AddObjectToObject(rx, ext);
    const struct { const char *k; double v; } parts[] = {{"conversation", r->conversation}, {"task", r->task},
                                                          {"rework", r->rework}, {"follow-on", r->follow_on}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        df_iso_duration(parts[i].v, dur, sizeof dur);
        cJSON_AddStringToObject(br, parts[i].k, dur);
    }
    snprintf(ext, sizeof ext, "%s/ext/calm-baseline", base_iri);
    df_iso_duration(r->baseline, dur, sizeof dur);
    cJSON_AddStringToObject(rx, ext, dur);
    /* the rubric: per dimension, its score and the decisions that raised, held, lowered or
     * missed it; a dimension never at stake is marked as not part of the run */
    if (r->score >= 0) {
        snprintf(ext, sizeof ext, "%s/ext/rubric", base_iri);
        cJSON *rub = cJSON_AddObjectToObject(rx, ext);
        int steps[DF_RECORDS_MAX_DECISIONS];
        for (int d = 0; d < DF_DIM_COUNT; d++) {
            cJSON *dim = cJSON_AddObjectToObject(rub, df_dim_key((df_Dim)d));
            bool part = r->dims[d] >= 0;
            cJSON_AddBoolToObject(dim, "part_of_run", part);
            if (!part) continue;
            cJSON_AddNumberToObject(dim, "score", r->dims[d] > 100 ? 100 : r->dims[d]);
            if (!r->evidence_kept) continue; /* saved before evidence was kept: unknown, so no lists */
            for (int e = DF_EVIDENCE_NONE + 1; e < DF_EVIDENCE_COUNT; e++) {
                int n = decisions_of(r, d, e, steps);
                cJSON_AddItemToObject(dim, df_evidence_key((df_Evidence)e), cJSON_CreateIntArray(steps, n));
            }
            if (evidence_cut(r)) cJSON_AddNumberToObject(dim, "evidence_until_decision", DF_RECORDS_MAX_DECISIONS);
        }
    }
    /* the context */
    cJSON *ctx = cJSON_AddObjectToObject(st, "context");
    add_text(ctx, "registration", r->uuid);
    cJSON_AddStringToObject(ctx, "platform", "defuse");
    cJSON_AddStringToObject(ctx, "language", "en-US");
    cJSON *cx = cJSON_AddObjectToObject(ctx, "extensions");
    snprintf(ext, sizeof ext, "%s/ext/mode", base_iri);
    add_text(cx, ext, r->mode);
    snprintf(ext, sizeof ext, "%s/ext/scenario-sha256", base_iri);
    add_text(cx, ext, r->scenario_sha256);
    char *text = cJSON_PrintUnformatted(st);
    cJSON_Delete(st);
    return text;
}
