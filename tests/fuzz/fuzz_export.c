/* fuzz_export: the CSV and xAPI writers (engine/records/export.c) fed attempts whose values
 * come from the input: names, ids, titles, times and outcomes of any bytes (a records file
 * edited by hand), numbers of any size, any scores, and rubric evidence as the reader leaves
 * it. Invariants:
 * - df_csv_cell writes within cap, returns the length it needed, and reads back (RFC 4180)
 *   as the cleaned text, with a leading ' when the text starts like a formula;
 * - df_csv_row fits within cap or returns -1; a row is valid UTF-8, ends in CRLF and has as
 *   many fields as the header; no text field starts like a formula;
 * - df_rubric_evidence_text fits DF_RUBRIC_TEXT_MAX, as records.h promises;
 * - df_xapi_statement is valid UTF-8 and parses as JSON; every ISO 8601 duration is
 *   PT[nH][nM][n[.nn]S] with no sign. */
#include <cJSON.h>
#include <math.h>

#include "fuzz.h"
#include "../../engine/records/records.h"

static char out[1 << 17];

/* RFC 4180: reads one field at *p (quoted or not) into f; returns 1 if quoted. */
static int csv_field(const char **p, char *f, size_t cap) {
    const char *s = *p;
    size_t o = 0;
    int quoted = *s == '"';
    if (quoted) {
        s++;
        for (;;) {
            FUZZ_CHECK(*s, "unterminated quoted field");
            if (*s == '"' && s[1] == '"') {
                if (o + 1 < cap) f[o++] = '"';
                s += 2;
            } else if (*s == '"') {
                s++;
                break;
            } else {
                if (o + 1 < cap) f[o++] = *s;
                s++;
            }
        }
    } else {
        while (*s && *s != ',' && *s != '\r' && *s != '\n') {
            FUZZ_CHECK(*s != '"', "a quote inside an unquoted field");
            if (o + 1 < cap) f[o++] = *s;
            s++;
        }
    }
    f[o] = '\0';
    *p = s;
    return quoted;
}

static int formula_start(const char *s) {
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

static void check_cell(const char *s, size_t cap) {
    char *buf = malloc(cap ? cap : 1);
    if (!buf) return;
    size_t need = df_csv_cell(s, buf, cap);
    if (cap) FUZZ_CHECK(strlen(buf) == (need < cap ? need : cap - 1), "cell of %zu bytes, cap %zu", need, cap);
    if (need < cap) {
        static char field[1 << 14];
        const char *p = buf;
        csv_field(&p, field, sizeof field);
        FUZZ_CHECK(*p == '\0', "one cell read as more than one field");
        /* what the cell should say: the text (cleaned when not UTF-8), after a ' for a formula */
        char *clean = NULL;
        const char *want = s;
        size_t len = strlen(s);
        if (!df_utf8_valid(s, len)) {
            clean = malloc(len * 3 + 4);
            if (!clean) abort();
            df_sanitize(s, len, clean, len * 3 + 4);
            want = clean;
        }
        if (formula_start(want)) FUZZ_CHECK(field[0] == '\'' && !strcmp(field + 1, want), "formula cell reads back wrong");
        else FUZZ_CHECK(!strcmp(field, want), "cell reads back as something else");
        FUZZ_CHECK(df_utf8_valid(field, strlen(field)), "cell is not UTF-8");
        free(clean);
    }
    free(buf);
}

static int header_fields(void) {
    int n = 1;
    for (const char *h = df_csv_header(); *h; h++) n += *h == ',';
    return n;
}

/* Fixed (docs/reliability.md, finding 2; kept as a switch to show what the check guards): df_csv_row prints each minutes figure with "%.2f" into a
 * 64-byte buffer, so a figure of 1e62 minutes or more is cut to its first digits and the
 * CSV shows a wrong number. Defined to 0 once fixed. */
#ifndef FUZZ_KNOWN_CSV_NUMBER_CUT
#define FUZZ_KNOWN_CSV_NUMBER_CUT 0
#endif

static void check_row(const df_AttemptRow *r, size_t cap) {
    const double mins[] = {r->total, r->conversation, r->task, r->rework, r->follow_on, r->baseline};
    int n = df_csv_row(r, out, cap);
    if (n < 0) return;
    FUZZ_CHECK((size_t)n < cap && strlen(out) == (size_t)n, "row of %d bytes, cap %zu", n, cap);
    FUZZ_CHECK(n >= 2 && out[n - 2] == '\r' && out[n - 1] == '\n', "row does not end in CRLF");
    FUZZ_CHECK(df_utf8_valid(out, (size_t)n), "row is not UTF-8");
    static char field[1 << 14];
    const char *p = out;
    int fields = 0;
    for (;;) {
        csv_field(&p, field, sizeof field);
        fields++;
        /* the text columns: registration .. outcome, and every evidence column */
        int text = (fields >= 2 && fields <= 11) || (fields > 22 && (fields - 22) % 2 == 1);
        if (text) FUZZ_CHECK(!formula_start(field), "field %d starts like a formula: %.40s", fields, field);
        if (fields >= 14 && fields <= 19) { /* the minutes, as printed: the figure, to 0.01 */
            double want = isfinite(mins[fields - 14]) ? mins[fields - 14] : 0.0, got = strtod(field, NULL);
            if (!(FUZZ_KNOWN_CSV_NUMBER_CUT && fabs(want) >= 1e50))
                FUZZ_CHECK(fabs(got - want) <= 0.006 + fabs(want) * 1e-12, "field %d says %s for %g", fields, field, want);
        }
        if (*p == ',') {
            p++;
            continue;
        }
        break;
    }
    FUZZ_CHECK(p[0] == '\r' && p[1] == '\n' && p[2] == '\0', "row has more after its fields");
    FUZZ_CHECK(fields == header_fields(), "row has %d fields, the header %d", fields, header_fields());
}

/* Fixed (docs/reliability.md, finding 1; the reproducer is corpus/export/regress-iso-duration-overflow): past about 1.5e15 minutes
 * df_iso_duration's lround overflows and the duration comes out signed. Defined to 0 once
 * the fix is in engine/records/export.c, so the harness checks every size again. */
#ifndef FUZZ_KNOWN_DURATION_OVERFLOW
#define FUZZ_KNOWN_DURATION_OVERFLOW 0
#endif

static void check_duration(double minutes) {
    char d[64];
    if (FUZZ_KNOWN_DURATION_OVERFLOW && isfinite(minutes) && minutes > 1e15) return;
    df_iso_duration(minutes, d, sizeof d);
    FUZZ_CHECK(!strncmp(d, "PT", 2), "duration %s", d);
    const char *p = d + 2;
    int parts = 0;
    char last = 0;
    while (*p) {
        const char *q = p;
        while (*q >= '0' && *q <= '9') q++;
        FUZZ_CHECK(q > p, "duration %s of %g minutes has a part that is not a number", d, minutes);
        if (*q == '.') {
            q++;
            FUZZ_CHECK(q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9' && q[2] == 'S', "duration %s", d);
            q += 2;
        }
        FUZZ_CHECK(*q == 'H' || *q == 'M' || *q == 'S', "duration %s of %g minutes", d, minutes);
        FUZZ_CHECK(!last || (last == 'H' && *q != 'H') || (last == 'M' && *q == 'S'), "duration %s out of order", d);
        last = *q;
        parts++;
        p = q + 1;
    }
    FUZZ_CHECK(parts > 0, "empty duration %s", d);
}

static void check_statement(const df_AttemptRow *r, const char *base) {
    char *json = df_xapi_statement(r, base);
    if (!json) return; /* out of memory */
    size_t len = strlen(json);
    if (!FUZZ_KNOWN_XAPI_UNCLEAN || FUZZ_XAPI_RAW_OK(r))
        FUZZ_CHECK(df_utf8_valid(json, len), "statement is not UTF-8: %.200s", json);
    cJSON *doc = cJSON_Parse(json);
    FUZZ_CHECK(doc != NULL, "statement is not JSON: %.200s", json);
    cJSON *score = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "result"), "score");
    if (score) {
        double scaled = cJSON_GetNumberValue(cJSON_GetObjectItem(score, "scaled"));
        FUZZ_CHECK(scaled >= -1 && scaled <= 1, "scaled score %g", scaled);
    }
    cJSON_Delete(doc);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Fz f = {data, size};
    static df_AttemptRow r;
    memset(&r, 0, sizeof r);
    r.id = (int64_t)fz_u64(&f);
    fz_str(&f, r.uuid, sizeof r.uuid);
    fz_str(&f, r.statement_id, sizeof r.statement_id);
    fz_str(&f, r.learner, sizeof r.learner);
    fz_str(&f, r.display_name, sizeof r.display_name);
    fz_str(&f, r.scenario_id, sizeof r.scenario_id);
    fz_str(&f, r.scenario_title, sizeof r.scenario_title);
    fz_str(&f, r.scenario_sha256, sizeof r.scenario_sha256);
    fz_str(&f, r.started, sizeof r.started);
    fz_str(&f, r.ended, sizeof r.ended);
    fz_str(&f, r.mode, sizeof r.mode);
    fz_str(&f, r.outcome, sizeof r.outcome);
    r.score = (int)fz_u32(&f);
    r.passed = (int)fz_u32(&f);
    if (fz_u8(&f) & 1) r.score = r.score % 102 - 1, r.passed = r.passed % 3 - 1; /* often in range */
    for (int d = 0; d < DF_DIM_COUNT; d++) r.dims[d] = (fz_u8(&f) & 1) ? (int)fz_u32(&f) : fz_u8(&f) % 102 - 1;
    double *nums[] = {&r.conversation, &r.task, &r.rework, &r.follow_on, &r.total, &r.baseline};
    for (size_t i = 0; i < 6; i++) *nums[i] = fz_double(&f);
    r.steps = (int)fz_u32(&f);
    r.seed = fz_u64(&f);
    /* evidence as the reader leaves it: known kinds only, at most DF_RECORDS_MAX_DECISIONS */
    r.evidence_kept = fz_u8(&f) & 1;
    r.evidence_steps = fz_u8(&f) | (fz_u8(&f) & 1) << 8;
    if (r.evidence_steps > DF_RECORDS_MAX_DECISIONS) r.evidence_steps = DF_RECORDS_MAX_DECISIONS;
    for (int i = 0; i < r.evidence_steps && f.n; i++)
        for (int d = 0; d < DF_DIM_COUNT; d++) r.evidence[i][d] = (unsigned char)(fz_u8(&f) % DF_EVIDENCE_COUNT);
    if (fz_u8(&f) & 1) /* a long decision list: every step evidence of some kind */
        for (int i = 0; i < r.evidence_steps; i++)
            for (int d = 0; d < DF_DIM_COUNT; d++) r.evidence[i][d] = (unsigned char)(1 + (i + d) % (DF_EVIDENCE_COUNT - 1));
    size_t cap = 1 + (fz_u32(&f) % sizeof out);
    char base[256];
    fz_str(&f, base, sizeof base);
    if (!base[0]) snprintf(base, sizeof base, "https://town.example/defuse");
    else { /* the base IRI is the town's setting, not a record's value: text, as the caller checks it */
        char tmp[256];
        df_sanitize(base, strlen(base), tmp, sizeof tmp);
        memcpy(base, tmp, sizeof base);
    }

    const char *texts[] = {r.uuid, r.learner, r.display_name, r.scenario_id, r.scenario_title, r.mode, r.outcome};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        check_cell(texts[i], strlen(texts[i]) * 3 + 8);
        check_cell(texts[i], cap % 64);
    }
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        char ev[DF_RUBRIC_TEXT_MAX], big[DF_RUBRIC_TEXT_MAX * 4];
        df_rubric_evidence_text(&r, d, ev, sizeof ev);
        df_rubric_evidence_text(&r, d, big, sizeof big);
        FUZZ_CHECK(!strcmp(ev, big), "evidence text of dimension %d does not fit DF_RUBRIC_TEXT_MAX (%zu bytes)", d,
                   strlen(big));
    }
    check_row(&r, sizeof out);
    check_row(&r, cap);
    for (size_t i = 0; i < 6; i++) check_duration(*nums[i]);
    check_statement(&r, base);
    return 0;
}
