/* fuzz_sanitize: the terminal text sanitiser (df_sanitize) and the UTF-8 check
 * (df_utf8_valid). The first two bytes choose the output's capacity; the rest is the text.
 * Invariants: df_utf8_valid agrees with an independent reading of Unicode's table 3-7;
 * df_sanitize writes within cap (an exact-size heap buffer, so ASan sees one byte over),
 * returns the length of a NUL-terminated result shorter than cap, valid UTF-8 with no control
 * but \n and \t (C0, DEL, C1), leaves text that is already safe and fits unchanged, and is
 * idempotent. */
#include "fuzz.h"

/* Unicode 15, table 3-7 (well-formed UTF-8 byte sequences), written out independently. */
static size_t ref_seq(const unsigned char *p, size_t n) {
    unsigned char b = p[0];
    if (b < 0x80) return 1;
    struct { unsigned char lo, hi, lo1, hi1; size_t len; } rows[] = {
        {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3}, {0xE1, 0xEC, 0x80, 0xBF, 3},
        {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
        {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4},
    };
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        if (b < rows[r].lo || b > rows[r].hi) continue;
        if (n < rows[r].len) return 0;
        if (p[1] < rows[r].lo1 || p[1] > rows[r].hi1) return 0;
        for (size_t k = 2; k < rows[r].len; k++)
            if (p[k] < 0x80 || p[k] > 0xBF) return 0;
        return rows[r].len;
    }
    return 0;
}

static int ref_valid(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n;) {
        size_t k = ref_seq(p + i, n - i);
        if (!k) return 0;
        i += k;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    size_t cap = (size_t)(data[0] | (data[1] & 0x0f) << 8); /* 0 .. 4095 */
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    /* the check agrees with the reference, on the whole text and on every prefix cut */
    int valid = df_utf8_valid(text, len);
    FUZZ_CHECK(valid == ref_valid((const unsigned char *)text, len), "df_utf8_valid says %d", valid);

    char *out = malloc(cap ? cap : 1);
    if (!out) return 0;
    size_t n = df_sanitize(text, len, out, cap);
    if (cap == 0) {
        FUZZ_CHECK(n == 0, "cap 0 gave %zu bytes", n);
        free(out);
        return 0;
    }
    FUZZ_CHECK(n < cap, "%zu bytes in a cap of %zu", n, cap);
    FUZZ_CHECK(out[n] == '\0' && strlen(out) == n, "not NUL-terminated at %zu", n);
    const char *why = fz_unsafe(out, n);
    FUZZ_CHECK(!why, "output holds %s", why);

    /* safe text that fits (with room for "..." and the NUL) comes back as it was */
    if (!fz_unsafe(text, len) && !memchr(text, '\0', len) && len + 4 <= cap)
        FUZZ_CHECK(n == len && !memcmp(out, text, len), "safe text of %zu bytes changed", len);

    /* idempotent: the output is already safe, so sanitising it again changes nothing */
    char *again = malloc(n + 4);
    if (again) {
        size_t m = df_sanitize(out, n, again, n + 4);
        FUZZ_CHECK(m == n && !memcmp(again, out, n), "sanitising twice changed the text");
        free(again);
    }
    free(out);
    return 0;
}
