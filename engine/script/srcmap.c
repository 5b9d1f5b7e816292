/* srcmap.c: finds the line of every field of the table given to scenario { ... } by reading
 * the file's tokens, so that validation messages can say file:line for a beat or a choice.
 * It only needs to be right for literal tables; code-built tables fall back to a parent. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_EOF, T_NAME, T_STRING, T_NUMBER, T_SYM };

typedef struct Tok {
    int type;
    int line;
    const char *p; /* into the source (names and symbols); strings: content start */
    size_t len;
} Tok;

typedef struct Entry {
    char *path;
    int line;
} Entry;

struct df_SrcMap {
    Entry *v;
    int n, cap;
    int root_line;
};

typedef struct Lexer {
    const char *s, *end;
    int line;
} Lexer;

/* Level of a long bracket at p ("[==[" -> 2), or -1. */
static int long_bracket(const char *p, const char *end) {
    if (p >= end || *p != '[') return -1;
    int lvl = 0;
    p++;
    while (p < end && *p == '=') lvl++, p++;
    return p < end && *p == '[' ? lvl : -1;
}

static void skip_long(Lexer *lx, int lvl) {
    while (lx->s < lx->end) {
        if (*lx->s == '\n') lx->line++;
        if (*lx->s == ']') {
            const char *q = lx->s + 1;
            int n = 0;
            while (q < lx->end && *q == '=') n++, q++;
            if (n == lvl && q < lx->end && *q == ']') {
                lx->s = q + 1;
                return;
            }
        }
        lx->s++;
    }
}

static Tok next_tok(Lexer *lx) {
    Tok t = {T_EOF, 0, NULL, 0};
    for (;;) {
        while (lx->s < lx->end && isspace((unsigned char)*lx->s)) {
            if (*lx->s == '\n') lx->line++;
            lx->s++;
        }
        if (lx->end - lx->s >= 2 && lx->s[0] == '-' && lx->s[1] == '-') {
            lx->s += 2;
            int lvl = long_bracket(lx->s, lx->end);
            if (lvl >= 0) {
                lx->s += lvl + 2;
                skip_long(lx, lvl);
            } else {
                while (lx->s < lx->end && *lx->s != '\n') lx->s++;
            }
            continue;
        }
        break;
    }
    t.line = lx->line;
    if (lx->s >= lx->end) return t;
    const char *p = lx->s;
    if (isalpha((unsigned char)*p) || *p == '_') {
        while (p < lx->end && (isalnum((unsigned char)*p) || *p == '_')) p++;
        t.type = T_NAME;
        t.p = lx->s;
        t.len = (size_t)(p - lx->s);
        lx->s = p;
        return t;
    }
    if (isdigit((unsigned char)*p) || (*p == '.' && p + 1 < lx->end && isdigit((unsigned char)p[1]))) {
        while (p < lx->end && (isalnum((unsigned char)*p) || *p == '.' ||
                               ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E' || p[-1] == 'p' || p[-1] == 'P'))))
            p++;
        t.type = T_NUMBER;
        t.p = lx->s;
        t.len = (size_t)(p - lx->s);
        lx->s = p;
        return t;
    }
    if (*p == '"' || *p == '\'') {
        char q = *p++;
        t.p = p;
        while (p < lx->end && *p != q && *p != '\n') {
            if (*p == '\\' && p + 1 < lx->end) {
                if (p[1] == '\n') lx->line++;
                p++;
            }
            p++;
        }
        t.type = T_STRING;
        t.len = (size_t)(p - t.p);
        lx->s = p < lx->end ? p + 1 : p;
        return t;
    }
    int lvl = long_bracket(p, lx->end);
    if (lvl >= 0) {
        lx->s = p + lvl + 2;
        t.type = T_STRING;
        t.p = lx->s;
        skip_long(lx, lvl);
        t.len = 0;
        return t;
    }
    t.type = T_SYM;
    t.p = p;
    t.len = 1;
    if (lx->end - p >= 2 && (memcmp(p, "==", 2) == 0 || memcmp(p, "~=", 2) == 0 ||
                             memcmp(p, "<=", 2) == 0 || memcmp(p, ">=", 2) == 0 ||
                             memcmp(p, "..", 2) == 0 || memcmp(p, "::", 2) == 0 ||
                             memcmp(p, "//", 2) == 0 || memcmp(p, "<<", 2) == 0 ||
                             memcmp(p, ">>", 2) == 0))
        t.len = 2;
    lx->s = p + t.len;
    return t;
}

static int is_sym(const Tok *t, const char *s) {
    return t->type == T_SYM && t->len == strlen(s) && memcmp(t->p, s, t->len) == 0;
}

static int is_name(const Tok *t, const char *s) {
    return t->type == T_NAME && t->len == strlen(s) && memcmp(t->p, s, t->len) == 0;
}

#define MAX_ENTRIES 200000 /* beyond this, lines fall back to a parent's: memory stays bounded */

static void add(df_SrcMap *m, const char *path, int line) {
    if (m->n >= MAX_ENTRIES) return;
    if (m->n == m->cap) {
        int cap = m->cap ? m->cap * 2 : 256;
        Entry *v = realloc(m->v, (size_t)cap * sizeof *v);
        if (!v) return;
        m->v = v;
        m->cap = cap;
    }
    char *p = strdup(path);
    if (!p) return;
    m->v[m->n].path = p;
    m->v[m->n].line = line;
    m->n++;
}

static int cmp_entry(const void *a, const void *b) {
    return strcmp(((const Entry *)a)->path, ((const Entry *)b)->path);
}

#define MAX_DEPTH 64
#define PATH_MAX_LEN 512

static int is_opener(const Tok *t) {
    return is_sym(t, "(") || is_sym(t, "[") || is_sym(t, "{") || is_name(t, "function") ||
           is_name(t, "if") || is_name(t, "do") || is_name(t, "repeat");
}

static int is_closer(const Tok *t) {
    return is_sym(t, ")") || is_sym(t, "]") || is_sym(t, "}") || is_name(t, "end") ||
           is_name(t, "until");
}

static int is_keyword_value(const Tok *t) {
    return is_name(t, "function") || is_name(t, "nil") || is_name(t, "true") ||
           is_name(t, "false") || is_name(t, "not");
}

typedef struct Frame {
    size_t plen;  /* length of the path naming this table */
    int index;    /* positional items so far */
} Frame;

typedef struct Reader {
    Lexer lx;
    Tok back;
    int has_back;
} Reader;

static Tok rd_next(Reader *r) {
    if (r->has_back) {
        r->has_back = 0;
        return r->back;
    }
    return next_tok(&r->lx);
}

static void rd_push(Reader *r, Tok t) {
    r->back = t;
    r->has_back = 1;
}

/* Walks the tokens after "scenario {" (or "module {") and records each key's path and line. Commas and
 * braces inside parentheses, brackets or function bodies do not count as table items. */
df_SrcMap *df_srcmap_build(const char *src, size_t len) {
    df_SrcMap *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    Reader rd = {{src, src + len, 1}, {T_EOF, 0, NULL, 0}, 0};
    Tok prev = {T_EOF, 0, NULL, 0}, t;
    for (;;) { /* find "scenario {", "scenario({" or the same for module */
        t = rd_next(&rd);
        if (t.type == T_EOF) return m;
        int decl = is_name(&prev, "scenario") || is_name(&prev, "module");
        if (decl && is_sym(&t, "(")) {
            Tok u = rd_next(&rd);
            if (is_sym(&u, "{")) {
                t = u;
                break;
            }
            rd_push(&rd, u);
        }
        if (decl && is_sym(&t, "{")) break;
        prev = t;
    }
    m->root_line = t.line;
    char path[PATH_MAX_LEN] = "";
    Frame st[MAX_DEPTH];
    int depth = 0, opaque = 0, at_item = 1;
    st[0].plen = 0;
    st[0].index = 0;
    for (;;) {
        t = rd_next(&rd);
        if (t.type == T_EOF) break;
        if (opaque > 0) {
            if (is_opener(&t)) opaque++;
            else if (is_closer(&t)) opaque--;
            continue;
        }
        if (is_sym(&t, "}")) {
            if (depth == 0) break;
            depth--;
            path[st[depth].plen] = '\0';
            at_item = 0;
            continue;
        }
        if (is_sym(&t, ",") || is_sym(&t, ";")) {
            at_item = 1;
            continue;
        }
        if (!at_item) {
            if (is_opener(&t)) opaque = 1;
            continue;
        }
        at_item = 0;
        char key[128];
        int kline = t.line;
        Tok value = t;
        if (t.type == T_NAME && !is_keyword_value(&t)) {
            Tok u = rd_next(&rd);
            if (is_sym(&u, "=")) {
                snprintf(key, sizeof key, "%.*s", (int)t.len, t.p);
                value = rd_next(&rd);
            } else {
                rd_push(&rd, u);
                snprintf(key, sizeof key, "%d", ++st[depth].index);
            }
        } else if (is_sym(&t, "[")) {
            Tok k = rd_next(&rd), c = rd_next(&rd);
            if ((k.type == T_STRING || k.type == T_NUMBER) && is_sym(&c, "]")) {
                snprintf(key, sizeof key, "%.*s", (int)k.len, k.p);
                rd_next(&rd); /* = */
                value = rd_next(&rd);
            } else {
                opaque = is_sym(&c, "]") ? 0 : 1; /* a computed key: skip it */
                if (is_opener(&k)) opaque++;
                continue;
            }
        } else {
            snprintf(key, sizeof key, "%d", ++st[depth].index);
        }
        char full[PATH_MAX_LEN];
        snprintf(full, sizeof full, "%s%s%s", path, path[0] ? "." : "", key);
        add(m, full, kline);
        if (is_sym(&value, "{")) {
            if (depth + 1 >= MAX_DEPTH) break;
            depth++;
            snprintf(path, sizeof path, "%s", full);
            st[depth].plen = strlen(path);
            st[depth].index = 0;
            at_item = 1;
        } else if (is_opener(&value)) {
            opaque = 1;
        } else if (is_sym(&value, "}") || is_sym(&value, ",")) {
            rd_push(&rd, value);
        }
    }
    if (m->n > 1) qsort(m->v, (size_t)m->n, sizeof *m->v, cmp_entry);
    return m;
}

void df_srcmap_free(df_SrcMap *m) {
    if (!m) return;
    for (int i = 0; i < m->n; i++) free(m->v[i].path);
    free(m->v);
    free(m);
}

static int find(const df_SrcMap *m, const char *path) {
    int lo = 0, hi = m->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(m->v[mid].path, path);
        if (c == 0) return m->v[mid].line;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return 0;
}

int df_srcmap_line(const df_SrcMap *m, const char *path) {
    if (!m) return 0;
    char buf[PATH_MAX_LEN];
    snprintf(buf, sizeof buf, "%s", path);
    for (;;) {
        int line = find(m, buf);
        if (line > 0) return line;
        char *dot = strrchr(buf, '.');
        if (!dot) return m->root_line;
        *dot = '\0';
    }
}

int df_srcmap_root_line(const df_SrcMap *m) { return m ? m->root_line : 0; }
