/* fuzz.h: what the libFuzzer harnesses share (docs/reliability.md): a reader that takes
 * typed values from the fuzzer's bytes, the sandbox limits the harnesses load with (tighter
 * than libFuzzer's -rss_limit_mb and -timeout, so an OOM or a timeout libFuzzer reports is a
 * real escape from the engine's limits), and checks on text the engine makes safe. A
 * harness aborts (a crash libFuzzer keeps) when an invariant is broken. */
#ifndef DF_FUZZ_H
#define DF_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../engine/core/core.h"

/* A broken invariant: say which, and abort so libFuzzer saves the input. */
#define FUZZ_CHECK(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz invariant broken (%s:%d): %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* ---------------------------------------------------------------- a byte reader */

typedef struct Fz {
    const uint8_t *p;
    size_t n;
} Fz;

static inline uint8_t fz_u8(Fz *f) {
    if (!f->n) return 0;
    f->n--;
    return *f->p++;
}

static inline uint32_t fz_u32(Fz *f) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v = v << 8 | fz_u8(f);
    return v;
}

static inline uint64_t fz_u64(Fz *f) { return (uint64_t)fz_u32(f) << 32 | fz_u32(f); }

/* A double: often a plain figure, sometimes any bit pattern (NaN, Inf, -0, subnormals). */
static inline double fz_double(Fz *f) {
    uint8_t k = fz_u8(f);
    switch (k % 8) {
    case 0: {
        uint64_t b = fz_u64(f);
        double d;
        memcpy(&d, &b, sizeof d);
        return d;
    }
    case 1: return (double)(int32_t)fz_u32(f);
    case 2: return fz_u32(f) / 100.0;
    case 3: return 1e300 * (fz_u8(f) + 1);
    default: return fz_u8(f) + fz_u8(f) / 256.0;
    }
}

/* A string into out (cap bytes with the NUL): up to cap-1 bytes, never a NUL inside (the
 * store's strings come back through "%s"), cut where the input says. */
static inline void fz_str(Fz *f, char *out, size_t cap) {
    size_t want = fz_u8(f);
    if (want == 255) want = cap - 1; /* as long as the field holds */
    size_t o = 0;
    while (o + 1 < cap && o < want && f->n) {
        uint8_t c = fz_u8(f);
        out[o++] = c ? (char)c : '0';
    }
    out[o] = '\0';
}

/* ---------------------------------------------------------------- text checks */

/* Text the engine made safe to show: valid UTF-8, no control character but \n and \t (C0,
 * DEL, C1) and no bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069). */
static inline const char *fz_unsafe(const char *s, size_t len) {
    if (!df_utf8_valid(s, len)) return "invalid UTF-8";
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') || p[i] == 0x7f) return "a C0 control or DEL";
        if (p[i] == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] < 0xA0) return "a C1 control";
        if (p[i] == 0xE2 && i + 2 < len &&
            ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) || (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9)))
            return "a bidi control";
    }
    return NULL;
}

/* Every diagnostic a load left is safe to print in a terminal. */
static inline void fz_check_diags(const df_Diags *d) {
    for (int i = 0; i < d->n; i++) {
        const char *why = fz_unsafe(d->v[i].msg, strlen(d->v[i].msg));
        FUZZ_CHECK(!why, "diagnostic %d holds %s: %s", i, why, d->v[i].msg);
        why = fz_unsafe(d->v[i].file, strlen(d->v[i].file));
        FUZZ_CHECK(!why, "diagnostic %d's file holds %s", i, why);
    }
}

/* Fixed (docs/reliability.md, finding 3; the reproducer is corpus/export/regress-xapi-not-utf8): df_xapi_statement copies the
 * statement id, registration, scenario id (into the activity IRI), mode, outcome and
 * scenario hash into the statement as they are, so one that is not UTF-8 (a records file
 * edited by hand) makes a statement that is not UTF-8. The harnesses skip that check for
 * such rows until the fix is in engine/records/export.c; define it to 0 then. */
#ifndef FUZZ_KNOWN_XAPI_UNCLEAN
#define FUZZ_KNOWN_XAPI_UNCLEAN 0
#endif
#define FUZZ_XAPI_RAW_OK(r)                                                                                  \
    (df_utf8_valid((r)->statement_id, strlen((r)->statement_id)) && df_utf8_valid((r)->uuid, strlen((r)->uuid)) && \
     df_utf8_valid((r)->scenario_id, strlen((r)->scenario_id)) && df_utf8_valid((r)->mode, strlen((r)->mode)) &&   \
     df_utf8_valid((r)->outcome, strlen((r)->outcome)) &&                                                          \
     df_utf8_valid((r)->scenario_sha256, strlen((r)->scenario_sha256)))

#endif
