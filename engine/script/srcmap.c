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

/* A key written in a table constructor: constructor k (numbered in source order from 1),
 * the key ("tags", or "2" for the second positional item) and its line. */
typedef struct CtorKey {
    int ctor, seq, line;
    int forward; /* in a function, the value is a single variable (a helper passing its argument on) */
    int named;   /* name = or ["string"] =, not a positional item */
    char *key;
} CtorKey;

struct df_SrcMap {
    Entry *v;
    int n, cap;
    int root_line;
    int *ctor_line; /* [k], k from 1 */
    int nctor, ctor_cap;
    CtorKey *keys;  /* sorted by (ctor, key, seq) */
    int nkeys, keys_cap;
    df_SrcDup *dups; /* sorted by ctor */
    int ndups;
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
            if (*p == '\\' && p + 1 < lx->end && p[1] == 'z') { /* \z skips the white space after it */
                p += 2;
                while (p < lx->end && isspace((unsigned char)*p)) {
                    if (*p == '\n') lx->line++;
                    p++;
                }
                continue;
            }
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
    for (int i = 0; i < m->nkeys; i++) free(m->keys[i].key);
    free(m->keys);
    free(m->ctor_line);
    free(m->dups);
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

/* ---------------------------------------------------------------- constructors */

/* Every table constructor of the file is numbered, and the source handed to Lua wraps each
 * one as __defuse_ctor(k, { ... }) (f { ... } becomes f(__defuse_ctor(k, { ... }))), on the
 * same line, so the sandbox learns which constructor built each table at run time. A table a
 * helper function built, a list of choices a function returned, a table shared or nested
 * deeply: each still has the lines its keys were written at. */

#define MAX_CTORS 200000
#define MAX_CTOR_KEYS 400000
#define CTOR_DEPTH 250

static const char *const lua_keywords[] = {"and", "break", "do", "else", "elseif", "end", "false", "for",
                                           "function", "goto", "if", "in", "local", "nil", "not", "or",
                                           "repeat", "return", "then", "true", "until", "while", NULL};

static int is_keyword(const Tok *t) {
    if (t->type != T_NAME) return 0;
    for (int i = 0; lua_keywords[i]; i++)
        if (is_name(t, lua_keywords[i])) return 1;
    return 0;
}

typedef struct Buf {
    char *p;
    size_t n, cap;
    int failed;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static int add_ctor_key(df_SrcMap *m, int ctor, const char *key, size_t klen, int line, int named) {
    if (m->nkeys >= MAX_CTOR_KEYS) return 0; /* lines fall back to the constructor's */
    if (m->nkeys == m->keys_cap) {
        int cap = m->keys_cap ? m->keys_cap * 2 : 256;
        CtorKey *v = realloc(m->keys, (size_t)cap * sizeof *v);
        if (!v) return -1;
        m->keys = v;
        m->keys_cap = cap;
    }
    char *k = malloc(klen + 1);
    if (!k) return -1;
    memcpy(k, key, klen);
    k[klen] = '\0';
    m->keys[m->nkeys] = (CtorKey){ctor, m->nkeys, line, 0, named, k};
    m->nkeys++;
    return 1;
}

static int cmp_ctor_key(const void *a, const void *b) {
    const CtorKey *x = a, *y = b;
    if (x->ctor != y->ctor) return x->ctor < y->ctor ? -1 : 1;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

typedef struct RFrame {
    int ctor;  /* > 0: a table constructor; 0: (, [ or a block */
    int index; /* positional items so far */
    int call;  /* written f { ... }: closed with one more ')' */
    char open; /* '{', '(', '[', 'f' (function ... end) or 'b' (if/do/repeat ... end/until) */
} RFrame;

/* Peeks ahead without consuming (up to 4 tokens). */
typedef struct Look {
    Lexer lx;
    Tok q[4];
    int nq;
} Look;

static Tok look_at(Look *l, int i) {
    while (l->nq <= i) l->q[l->nq++] = next_tok(&l->lx);
    return l->q[i];
}

static Tok look_next(Look *l) {
    Tok t = look_at(l, 0);
    memmove(l->q, l->q + 1, (size_t)(l->nq - 1) * sizeof *l->q);
    l->nq--;
    return t;
}

static int closes(const Tok *t, char open) {
    switch (open) {
    case '{': return is_sym(t, "}");
    case '(': return is_sym(t, ")");
    case '[': return is_sym(t, "]");
    default: return is_name(t, "end") || is_name(t, "until");
    }
}

char *df_srcmap_rewrite(df_SrcMap *m, const char *src, size_t len, size_t *outlen) {
    static const char prefix[] = "local __defuse_ctor=...;";
    Buf out = {0};
    buf_add(&out, prefix, sizeof prefix - 1);
    Look lk = {{src, src + len, 1}, {{0}}, 0};
    RFrame *st = malloc(CTOR_DEPTH * sizeof *st);
    if (!st) return NULL;
    int depth = 0, at_item = 0, ok = 1, in_function = 0;
    size_t copied = 0;
    Tok prev = {T_EOF, 0, NULL, 0};
    for (;;) {
        Tok t = look_next(&lk);
        if (t.type == T_EOF) break;
        RFrame *top = depth ? &st[depth - 1] : NULL;
        if (top && top->ctor && at_item && !is_sym(&t, "}") && !is_sym(&t, ",") && !is_sym(&t, ";")) {
            /* the first token of an item: its key and line */
            at_item = 0;
            Tok a = look_at(&lk, 0);
            int r;
            if (t.type == T_NAME && !is_keyword(&t) && is_sym(&a, "=")) {
                r = add_ctor_key(m, top->ctor, t.p, t.len, t.line, 1);
                Tok v = look_at(&lk, 1), after = look_at(&lk, 2);
                if (r > 0 && in_function && v.type == T_NAME && !is_keyword(&v) &&
                    (is_sym(&after, ",") || is_sym(&after, ";") || is_sym(&after, "}")))
                    m->keys[m->nkeys - 1].forward = 1;
            } else if (is_sym(&t, "[")) { /* [key] = value; a computed key is not recorded */
                Tok c = look_at(&lk, 1), e = look_at(&lk, 2);
                r = 0;
                if ((a.type == T_STRING || a.type == T_NUMBER) && a.len > 0 && is_sym(&c, "]") && is_sym(&e, "="))
                    r = add_ctor_key(m, top->ctor, a.p, a.len, t.line, a.type == T_STRING);
            } else {
                char num[16];
                int nl = snprintf(num, sizeof num, "%d", ++top->index);
                r = add_ctor_key(m, top->ctor, num, (size_t)nl, t.line, 0);
                if (r > 0 && in_function && t.type == T_NAME && !is_keyword(&t) && (is_sym(&a, ",") || is_sym(&a, ";") || is_sym(&a, "}")))
                    m->keys[m->nkeys - 1].forward = 1;
            }
            if (r < 0) {
                ok = 0;
                break;
            }
        }
        if (is_sym(&t, "{")) {
            if (depth >= CTOR_DEPTH || m->nctor + 1 >= MAX_CTORS) {
                ok = 0;
                break;
            }
            if (m->nctor + 1 >= m->ctor_cap) {
                int cap = m->ctor_cap ? m->ctor_cap * 2 : 256;
                int *v = realloc(m->ctor_line, (size_t)cap * sizeof *v);
                if (!v) {
                    ok = 0;
                    break;
                }
                m->ctor_line = v;
                m->ctor_cap = cap;
            }
            int k = ++m->nctor;
            m->ctor_line[k] = t.line;
            /* f { ... }, f "s" { ... }, t[k] { ... }, f() { ... }: a call with one table */
            int call = (prev.type == T_NAME && !is_keyword(&prev)) || prev.type == T_STRING ||
                       is_sym(&prev, ")") || is_sym(&prev, "]") || is_sym(&prev, "}");
            size_t at = (size_t)(t.p - src);
            buf_add(&out, src + copied, at - copied);
            char pre[48];
            int pl = snprintf(pre, sizeof pre, "%s__defuse_ctor(%d,", call ? "(" : "", k);
            buf_add(&out, pre, (size_t)pl);
            copied = at;
            st[depth++] = (RFrame){k, 0, call, '{'};
            at_item = 1;
        } else if (is_sym(&t, "(") || is_sym(&t, "[") || is_name(&t, "function") || is_name(&t, "if") ||
                   is_name(&t, "do") || is_name(&t, "repeat")) {
            if (depth >= CTOR_DEPTH) {
                ok = 0;
                break;
            }
            char open = t.type == T_SYM ? *t.p : is_name(&t, "function") ? 'f' : 'b';
            in_function += open == 'f';
            st[depth++] = (RFrame){0, 0, 0, open};
        } else if (is_sym(&t, "}") || is_sym(&t, ")") || is_sym(&t, "]") || is_name(&t, "end") ||
                   is_name(&t, "until")) {
            if (!top || !closes(&t, top->open)) { /* not Lua, or not lexed as Lua does: leave it */
                ok = 0;
                break;
            }
            if (top->ctor) {
                size_t at = (size_t)(t.p - src) + 1;
                buf_add(&out, src + copied, at - copied);
                buf_add(&out, top->call ? "))" : ")", top->call ? 2 : 1);
                copied = at;
            }
            in_function -= top->open == 'f';
            depth--;
            at_item = 0;
        } else if (top && top->ctor && (is_sym(&t, ",") || is_sym(&t, ";"))) {
            at_item = 1;
        }
        prev = t;
    }
    free(st);
    if (!ok || depth != 0 || out.failed) {
        free(out.p);
        return NULL;
    }
    buf_add(&out, src + copied, len - copied);
    if (out.failed) {
        free(out.p);
        return NULL;
    }
    if (m->nkeys > 1) qsort(m->keys, (size_t)m->nkeys, sizeof *m->keys, cmp_ctor_key);
    /* the same name twice in one constructor: Lua keeps the last without a word */
    for (int i = 1; i < m->nkeys; i++) {
        CtorKey *a = &m->keys[i - 1], *b = &m->keys[i];
        if (a->ctor != b->ctor || !b->named || !a->named || strcmp(a->key, b->key)) continue;
        df_SrcDup *v = realloc(m->dups, (size_t)(m->ndups + 1) * sizeof *v);
        if (!v) break;
        m->dups = v;
        m->dups[m->ndups++] = (df_SrcDup){b->ctor, b->key, a->line, b->line};
    }
    *outlen = out.n;
    return out.p;
}

int df_srcmap_ctor_line(const df_SrcMap *m, int k) {
    return m && k > 0 && k <= m->nctor ? m->ctor_line[k] : 0;
}

int df_srcmap_key_line(const df_SrcMap *m, int k, const char *key) {
    if (!m || k <= 0) return 0;
    int lo = 0, hi = m->nkeys - 1, found = -1;
    while (lo <= hi) { /* the last of equal keys: the one Lua keeps */
        int mid = (lo + hi) / 2;
        const CtorKey *e = &m->keys[mid];
        int c = e->ctor != k ? (e->ctor < k ? -1 : 1) : strcmp(e->key, key);
        if (c <= 0) {
            if (c == 0) found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found >= 0 && !m->keys[found].forward ? m->keys[found].line : 0;
}

const df_SrcDup *df_srcmap_dups(const df_SrcMap *m, int k, int *n) {
    *n = 0;
    if (!m || k <= 0) return NULL;
    int lo = 0, hi = m->ndups;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (m->dups[mid].ctor < k) lo = mid + 1;
        else hi = mid;
    }
    int e = lo;
    while (e < m->ndups && m->dups[e].ctor == k) e++;
    *n = e - lo;
    return *n ? &m->dups[lo] : NULL;
}
