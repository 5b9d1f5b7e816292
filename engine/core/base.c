/* base.c: errors, the seeded random stream, and the scenario arena. */
#include "core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void df_error_clear(df_Error *err) {
    if (!err) return;
    err->file[0] = '\0';
    err->line = 0;
    err->msg[0] = '\0';
}

void df_error_set(df_Error *err, const char *file, int line, const char *fmt, ...) {
    if (!err) return;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

void df_error_format(const df_Error *err, char *buf, size_t cap) {
    if (err->file[0] && err->line > 0)
        snprintf(buf, cap, "%s:%d: %s", err->file, err->line, err->msg);
    else if (err->file[0])
        snprintf(buf, cap, "%s: %s", err->file, err->msg);
    else
        snprintf(buf, cap, "%s", err->msg);
}

/* PCG32 (O'Neill): small, fast and with a documented reference output. */
void df_rng_seed(df_Rng *r, uint64_t seed) {
    r->state = 0;
    r->inc = (seed << 1u) | 1u;
    df_rng_next(r);
    r->state += seed ^ 0x853c49e6748fea9bULL;
    df_rng_next(r);
}

uint32_t df_rng_next(df_Rng *r) {
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

double df_rng_unit(df_Rng *r) {
    return df_rng_next(r) / 4294967296.0;
}

/* ---------------------------------------------------------------- arena */

typedef struct df_Block {
    struct df_Block *next;
    size_t used, cap;
    _Alignas(max_align_t) unsigned char data[];
} df_Block;

struct df_Arena {
    df_Block *head;
    size_t total, cap; /* bytes handed out; cap 0 = no limit */
};

void df_scenario_set_cap(df_Scenario *sc, size_t bytes) { sc->arena->cap = bytes; }

df_Scenario *df_scenario_new(void) {
    df_Scenario *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    sc->arena = calloc(1, sizeof *sc->arena);
    if (!sc->arena) {
        free(sc);
        return NULL;
    }
    sc->start = -1;
    sc->safety = -1;
    sc->walkout = -1;
    df_params_default(&sc->params);
    return sc;
}

void df_scenario_free(df_Scenario *sc) {
    if (!sc) return;
    if (sc->arena) {
        df_Block *b = sc->arena->head;
        while (b) {
            df_Block *n = b->next;
            free(b);
            b = n;
        }
        free(sc->arena);
    }
    free(sc);
}

void *df_scenario_alloc(df_Scenario *sc, size_t size) {
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0) size = align;
    if (sc->arena->cap && size > sc->arena->cap - (sc->arena->total < sc->arena->cap ? sc->arena->total : sc->arena->cap))
        return NULL;
    sc->arena->total += size;
    df_Block *b = sc->arena->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > 16384 ? size : 16384;
        b = malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = sc->arena->head;
        sc->arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

const char *df_scenario_strdup(df_Scenario *sc, const char *s, size_t len) {
    char *p = df_scenario_alloc(sc, len + 1);
    if (!p) return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

const char *df_part_key(df_Part p) {
    static const char *const keys[DF_PART_COUNT] = {"opening", "points", "exercise", "wrapup", "closing"};
    return p >= 0 && p < DF_PART_COUNT ? keys[p] : "?";
}

void df_module_free(df_Module *m) {
    if (!m) return;
    df_scenario_free(m->store);
    free(m);
}

int df_scenario_find_beat(const df_Scenario *sc, const char *id) {
    for (int i = 0; i < sc->nbeats; i++)
        if (strcmp(sc->beats[i].id, id) == 0) return i;
    return -1;
}

int df_scenario_find_ending(const df_Scenario *sc, const char *id) {
    for (int i = 0; i < sc->nendings; i++)
        if (strcmp(sc->endings[i].id, id) == 0) return i;
    return -1;
}

int df_scenario_target(const df_Scenario *sc, const char *id) {
    int b = df_scenario_find_beat(sc, id);
    if (b >= 0) return b;
    int e = df_scenario_find_ending(sc, id);
    if (e >= 0) return DF_END(e);
    return DF_NO_TARGET;
}

const char *df_scenario_target_id(const df_Scenario *sc, int target) {
    if (target >= 0 && target < sc->nbeats) return sc->beats[target].id;
    if (DF_IS_END(target) && DF_END_INDEX(target) < sc->nendings)
        return sc->endings[DF_END_INDEX(target)].id;
    return "?";
}

double df_scenario_start_agitation(const df_Scenario *sc) {
    double extra = sc->resident.waited / 5.0;
    if (extra > 15) extra = 15;
    if (extra < 0) extra = 0;
    double a = sc->resident.agitation + extra;
    return a > 100 ? 100 : a;
}

/* ---------------------------------------------------------------- diagnostics */

static char *dupstr(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

void df_diags_add(df_Diags *d, int severity, const char *file, int line, const char *fmt, ...) {
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (severity == DF_DIAG_ERROR) d->errors++;
    if (severity == DF_DIAG_WARNING) d->warnings++;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        df_DiagEntry *v = realloc(d->v, (size_t)cap * sizeof *v);
        if (!v) return; /* counted, not kept */
        d->v = v;
        d->cap = cap;
    }
    df_DiagEntry *e = &d->v[d->n];
    e->severity = severity;
    e->file = dupstr(file ? file : "");
    e->line = line;
    e->msg = dupstr(msg);
    if (!e->file || !e->msg) {
        free(e->file);
        free(e->msg);
        return;
    }
    d->n++;
}

void df_diags_free(df_Diags *d) {
    for (int i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].msg);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

void df_diag_format(const df_DiagEntry *e, char *buf, size_t cap) {
    static const char *const sev[] = {"error", "warning", "note"};
    const char *s = sev[e->severity < 0 || e->severity > 2 ? 0 : e->severity];
    if (e->file[0] && e->line > 0)
        snprintf(buf, cap, "%s:%d: %s: %s", e->file, e->line, s, e->msg);
    else if (e->file[0])
        snprintf(buf, cap, "%s: %s: %s", e->file, s, e->msg);
    else
        snprintf(buf, cap, "%s: %s", s, e->msg);
}

/* ---------------------------------------------------------------- text safety */

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
static int utf8_seq(const unsigned char *s, size_t len) {
    unsigned c = s[0];
    if (c < 0x80) return 1;
    int n;
    unsigned min, cp;
    if ((c & 0xE0) == 0xC0) n = 2, min = 0x80, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000, cp = c & 0x07;
    else return 0;
    if (len < (size_t)n) return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool df_utf8_valid(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int n = utf8_seq(p + i, len - i);
        if (!n) return false;
        i += (size_t)n;
    }
    return true;
}

/* U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates): they reorder what
 * follows on screen, so "txt.exe" can be shown as "exe.txt". */
static bool is_bidi(const unsigned char *p, int n) {
    return n == 3 && p[0] == 0xE2 &&
           ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) || (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9));
}

bool df_text_unsafe(const char *s, size_t len, bool allow_newline) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int n = utf8_seq(p + i, len - i);
        if (n == 0) return true;
        if (n == 1 && (p[i] < 0x20 || p[i] == 0x7F) && !(allow_newline && (p[i] == '\n' || p[i] == '\t'))) return true;
        if (n == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) return true;
        if (is_bidi(p + i, n)) return true;
        i += (size_t)n;
    }
    return false;
}

size_t df_term_safe(const char *in, size_t len, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)in;
    size_t o = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < len;) {
        int n = utf8_seq(p + i, len - i);
        char tmp[8];
        size_t plen;
        if (n == 0) { /* invalid UTF-8: U+FFFD */
            memcpy(tmp, "\xEF\xBF\xBD", 3);
            plen = 3;
            n = 1;
        } else if (n == 1 && p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') { /* C0: its control picture, ESC is U+241B */
            tmp[0] = (char)0xE2;
            tmp[1] = (char)0x90;
            tmp[2] = (char)(0x80 + p[i]);
            plen = 3;
        } else if (n == 1 && p[i] == 0x7F) { /* DEL: U+2421 */
            memcpy(tmp, "\xE2\x90\xA1", 3);
            plen = 3;
        } else if (n == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) { /* C1, as the text \x9B */
            plen = (size_t)snprintf(tmp, sizeof tmp, "\\x%02X", p[i + 1]);
        } else if (is_bidi(p + i, n)) {
            i += 3;
            continue;
        } else {
            memcpy(tmp, p + i, (size_t)n);
            plen = (size_t)n;
        }
        if (o + plen >= cap) break; /* cut at a whole character */
        memcpy(out + o, tmp, plen);
        o += plen;
        i += (size_t)n;
    }
    out[o] = '\0';
    return o;
}

const char *df_term_text(const char *s) {
    static _Thread_local char ring[8][4096];
    static _Thread_local int next;
    char *out = ring[next];
    next = (next + 1) % 8;
    if (!s) s = "(null)";
    df_term_safe(s, strlen(s), out, sizeof ring[0]);
    return out;
}

size_t df_sanitize(const char *in, size_t len, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)in;
    size_t o = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < len;) {
        int n = utf8_seq(p + i, len - i);
        const char *piece;
        size_t plen;
        char tmp[4];
        if (n == 0) {
            piece = "\xEF\xBF\xBD";
            plen = 3;
            n = 1;
        } else if (n == 1 && ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') || p[i] == 0x7F)) {
            i += 1;
            continue;
        } else if (n == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) { /* C1 controls */
            i += 2;
            continue;
        } else if (is_bidi(p + i, n)) { /* embeddings, overrides and isolates */
            i += 3;
            continue;
        } else {
            memcpy(tmp, p + i, (size_t)n);
            piece = tmp;
            plen = (size_t)n;
        }
        if (cap < 4 || o + plen > cap - 4) { /* keep room for "..." and the NUL */
            if (cap >= 4) {
                memcpy(out + o, "...", 3);
                o += 3;
            }
            break;
        }
        memcpy(out + o, piece, plen);
        o += plen;
        i += (size_t)n;
    }
    out[o] = '\0';
    return o;
}

int df_edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 99;
    int row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cur = row[j];
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev + cost;
            if (row[j] + 1 < v) v = row[j] + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            prev = cur;
        }
    }
    return row[lb];
}
