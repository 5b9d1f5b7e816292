/* loader.c: turns the table given to scenario { ... } into a frozen df_Scenario, with a
 * message naming the file, line, beat and field for every problem. Tables are read with
 * raw access along a fixed schema, so no script metamethod runs and depth is bounded. */
#include "internal.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_BEATS 20000
#define MAX_ENDINGS 2000
#define MAX_ID 64
#define MAX_LINE 2000    /* a resident line */
#define MAX_CHOICE 600   /* a choice's text */
#define MAX_NOTE 1500    /* coach notes, debriefs */
#define MAX_SHORT 160    /* titles, names */
#define MAX_SET 16

typedef struct Ld {
    df_Script *s;
    lua_State *L;
    df_Scenario *sc;
    df_Diags *d;
} Ld;

/* "beats.arrives.choices.2.tags" -> "beat 'arrives', choice 2, field 'tags'" */
static void describe(const char *path, char *out, size_t cap) {
    char parts[8][96];
    int n = 0;
    const char *p = path;
    while (*p && n < 8) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - p) : strlen(p);
        snprintf(parts[n++], sizeof parts[0], "%.*s", (int)(l < 95 ? l : 95), p);
        if (!dot) break;
        p = dot + 1;
    }
    out[0] = '\0';
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        const char *sep = o ? ", " : "";
        int w;
        if ((!strcmp(parts[i], "beats") || !strcmp(parts[i], "endings")) && i + 1 < n) {
            w = snprintf(out + o, cap - o, "%s%s '%s'", sep, parts[i][0] == 'b' ? "beat" : "ending",
                         parts[i + 1]);
            i++;
        } else if (!strcmp(parts[i], "choices") && i + 1 < n) {
            w = snprintf(out + o, cap - o, "%schoice %s", sep, parts[i + 1]);
            i++;
        } else {
            char rest[400] = "";
            for (int j = i; j < n; j++) {
                size_t rl = strlen(rest);
                snprintf(rest + rl, sizeof rest - rl, "%s%s", j > i ? "." : "", parts[j]);
            }
            w = snprintf(out + o, cap - o, "%sfield '%s'", sep, rest);
            i = n;
        }
        if (w < 0 || o + (size_t)w >= cap) break;
        o += (size_t)w;
    }
}

/* Where the author wrote the value at path: the tables are followed from the scenario's
 * along the path, and each one built by a numbered constructor (srcmap.c) gives the line its
 * key was written at; the deepest such line wins. A table a helper built or a function returned
 * still points into the file; a key only passing a helper's argument on keeps the caller's
 * line. 0 when no table on the path was numbered. Raw access: no script code runs. */
typedef struct LineQ {
    df_Script *s;
    const char *path;
    int line;
} LineQ;

static int line_walk(lua_State *L) {
    LineQ *q = lua_touserdata(L, 1);
    if (q->s->scenario_ref == LUA_NOREF || lua_getfield(L, LUA_REGISTRYINDEX, "defuse.ctors") != LUA_TTABLE) return 0;
    int ct = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, q->s->scenario_ref);
    const char *p = q->path;
    int best = 0;
    for (int depth = 0; depth < 32 && lua_type(L, -1) == LUA_TTABLE; depth++) {
        lua_pushvalue(L, -1);
        lua_rawget(L, ct);
        int k = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (k > 0 && !best) best = df_srcmap_ctor_line(q->s->map, k);
        if (!*p) break;
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        char key[128];
        if (n >= sizeof key) break;
        memcpy(key, p, n);
        key[n] = '\0';
        int kl = k > 0 ? df_srcmap_key_line(q->s->map, k, key) : 0;
        if (kl) best = kl;
        char *end;
        long long i = strtoll(key, &end, 10);
        int ty = LUA_TNIL;
        if (n && !*end) {
            lua_pushinteger(L, i);
            ty = lua_rawget(L, -2);
            if (ty == LUA_TNIL) lua_pop(L, 1);
        }
        if (ty == LUA_TNIL) {
            lua_pushstring(L, key);
            lua_rawget(L, -2);
        }
        lua_remove(L, -2);
        p = dot ? dot + 1 : p + n;
    }
    q->line = best;
    return 0;
}

static int src_line(df_Script *s, const char *path) {
    lua_State *L = s->L;
    LineQ q = {s, path, 0};
    if (s->map && lua_checkstack(L, 8)) {
        int top = lua_gettop(L);
        lua_pushcfunction(L, line_walk);
        lua_pushlightuserdata(L, &q);
        if (lua_pcall(L, 1, 0, 0) != LUA_OK) q.line = 0;
        lua_settop(L, top);
    }
    return q.line ? q.line : df_srcmap_line(s->map, path);
}

static void diag(Ld *ld, int sev, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void diag(Ld *ld, int sev, const char *path, const char *fmt, ...) {
    char msg[1200], where[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    df_DiagCount *c = ld->s->count;
    int k = sev == DF_DIAG_ERROR ? 0 : 1;
    if (c && sev != DF_DIAG_NOTE && c->shown[k] >= DF_DIAG_CAP) { /* counted, not listed */
        c->hidden[k]++;
        if (k == 0) ld->d->errors++;
        else ld->d->warnings++;
        return;
    }
    if (c && sev != DF_DIAG_NOTE) c->shown[k]++;
    describe(path, where, sizeof where);
    int line = src_line(ld->s, path);
    if (where[0])
        df_diags_add(ld->d, sev, ld->s->name, line, "%s: %s", where, msg);
    else
        df_diags_add(ld->d, sev, ld->s->name, line, "%s", msg);
}

#define ERR(ld, path, ...) diag(ld, DF_DIAG_ERROR, path, __VA_ARGS__)
#define WARN(ld, path, ...) diag(ld, DF_DIAG_WARNING, path, __VA_ARGS__)

/* Closest candidate within a small edit distance, or NULL. */
static const char *did_you_mean(const char *word, const char *const *cands, int n) {
    const char *best = NULL;
    int bd = 99, limit = (int)strlen(word) / 3;
    if (limit < 2) limit = 2;
    for (int i = 0; i < n; i++) {
        int d = df_edit_distance(word, cands[i]);
        if (d < bd) bd = d, best = cands[i];
    }
    return bd <= limit ? best : NULL;
}

static void join(char *out, size_t cap, const char *a, const char *b) {
    snprintf(out, cap, "%s%s%s", a, a[0] ? "." : "", b);
}

/* Length of a list, saturated so a huge border cannot wrap an int (every loop is capped). */
static int list_len(lua_State *L, int idx) {
    lua_Unsigned n = lua_rawlen(L, idx);
    return n > 1000000 ? 1000000 : (int)n;
}

/* Warns about keys that are not in the schema. */
static void check_keys(Ld *ld, int t, const char *path, const char *const *allowed, int positional) {
    lua_State *L = ld->L;
    t = lua_absindex(L, t);
    int nallowed = 0;
    while (allowed[nallowed]) nallowed++;
    lua_Integer n = (lua_Integer)lua_rawlen(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            int ok = 0;
            for (int i = 0; i < nallowed && !ok; i++) ok = !strcmp(k, allowed[i]);
            if (!ok) {
                char sub[512];
                join(sub, sizeof sub, path, k);
                const char *m = did_you_mean(k, allowed, nallowed);
                if (m)
                    WARN(ld, sub, "unknown field '%s' (did you mean '%s'?)", k, m);
                else
                    WARN(ld, sub, "unknown field '%s'", k);
            }
        } else if (lua_isinteger(L, -1)) {
            lua_Integer i = lua_tointeger(L, -1);
            if (i < 1 || i > n || i > positional) WARN(ld, path, "unexpected list item [%lld]", (long long)i);
        } else {
            WARN(ld, path, "unexpected %s key", luaL_typename(L, -1));
        }
    }
}

/* Validates a string value at the top of the stack and copies it into the arena. */
static const char *take_string(Ld *ld, const char *path, size_t maxlen, int multiline) {
    size_t len;
    const char *v = lua_tolstring(ld->L, -1, &len);
    if (len > maxlen) {
        ERR(ld, path, "text is %zu bytes; the limit is %zu", len, maxlen);
        return NULL;
    }
    if (!df_utf8_valid(v, len)) {
        ERR(ld, path, "text is not valid UTF-8");
        return NULL;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)v[i];
        if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) || c == 0x7F ||
            (c == 0xC2 && i + 1 < len && (unsigned char)v[i + 1] < 0xA0)) {
            ERR(ld, path, "text contains a control character (byte %zu)", i + 1);
            return NULL;
        }
    }
    const char *p = df_scenario_strdup(ld->sc, v, len);
    if (!p) luaL_error(ld->L, "scenario is too large: its text exceeds the %d MiB limit", (int)(ld->s->limits.memory >> 20));
    return p;
}

/* Reads t[key] as a string. Required fields missing are errors. */
static const char *get_string(Ld *ld, int t, const char *key, const char *path, int required,
                              size_t maxlen, int multiline) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    const char *r = NULL;
    if (ty == LUA_TNIL) {
        if (required) ERR(ld, sub, "required field is missing");
    } else if (ty != LUA_TSTRING) {
        ERR(ld, sub, "expected a string, got %s", lua_typename(L, ty));
    } else {
        r = take_string(ld, sub, maxlen, multiline);
    }
    lua_pop(L, 1);
    return r;
}

static double get_number(Ld *ld, int t, const char *key, const char *path, int required,
                         double lo, double hi, double def) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    double r = def;
    if (ty == LUA_TNIL) {
        if (required) ERR(ld, sub, "required field is missing");
    } else if (ty != LUA_TNUMBER) {
        ERR(ld, sub, "expected a number, got %s", lua_typename(L, ty));
    } else {
        double v = lua_tonumber(L, -1);
        if (!isfinite(v))
            ERR(ld, sub, "must be a finite number");
        else if (v < lo || v > hi)
            ERR(ld, sub, "%g is out of range (%g to %g)", v, lo, hi);
        else
            r = v;
    }
    lua_pop(L, 1);
    return r;
}

static int get_bool(Ld *ld, int t, const char *key, const char *path, int def) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    int r = def;
    if (ty == LUA_TBOOLEAN)
        r = lua_toboolean(L, -1);
    else if (ty != LUA_TNIL)
        ERR(ld, sub, "expected true or false, got %s", lua_typename(L, ty));
    lua_pop(L, 1);
    return r;
}

/* Keeps a function value alive in the registry; returns its handle. */
static int take_function(Ld *ld) {
    lua_pushvalue(ld->L, -1);
    return luaL_ref(ld->L, LUA_REGISTRYINDEX);
}

static int get_function(Ld *ld, int t, const char *key, const char *path) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    int r = 0;
    if (ty == LUA_TFUNCTION)
        r = take_function(ld);
    else if (ty != LUA_TNIL)
        ERR(ld, sub, "expected a function, got %s", lua_typename(L, ty));
    lua_pop(L, 1);
    return r;
}

static int valid_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > MAX_ID) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              (c >= 'A' && c <= 'Z')))
            return 0;
    }
    return 1;
}

/* says/debrief text: a string, a table by band, or a function. */
static void get_text(Ld *ld, int t, const char *key, const char *path, df_Text *out, int required) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    if (ty == LUA_TNIL) {
        if (required) ERR(ld, sub, "required field is missing");
    } else if (ty == LUA_TSTRING) {
        out->fixed = take_string(ld, sub, MAX_LINE, 1);
    } else if (ty == LUA_TFUNCTION) {
        out->fn = take_function(ld);
    } else if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L), any = 0;
        static const char *const keys[] = {"settled", "uneasy", "defensive", "venting",
                                           "threatening", "recovery", NULL};
        check_keys(ld, tt, sub, keys, 0);
        for (int b = 0; b < DF_BAND_COUNT; b++) {
            out->by_band[b] = get_string(ld, tt, df_band_key((df_Band)b), sub, 0, MAX_LINE, 1);
            any |= out->by_band[b] != NULL;
        }
        out->recovery = get_string(ld, tt, "recovery", sub, 0, MAX_LINE, 1);
        if (!any && !out->recovery) ERR(ld, sub, "give a line for at least one band");
        if (!any && out->recovery) ERR(ld, sub, "a recovery line needs at least one band line too");
    } else {
        ERR(ld, sub, "expected a string, a table by band or a function, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

/* ---------------------------------------------------------------- ids */

typedef struct IdEntry {
    const char *id;
    int target;
    int line;
} IdEntry;

static int cmp_id(const void *a, const void *b) {
    return strcmp(((const IdEntry *)a)->id, ((const IdEntry *)b)->id);
}

static int cmp_line(const void *a, const void *b) {
    const IdEntry *x = a, *y = b;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return strcmp(x->id, y->id);
}

typedef struct Ids {
    IdEntry *v; /* sorted by id */
    int n;
    const char **names; /* for did-you-mean */
} Ids;

static int ids_find(const Ids *ids, const char *id) {
    IdEntry key = {id, 0, 0};
    IdEntry *e = bsearch(&key, ids->v, (size_t)ids->n, sizeof key, cmp_id);
    return e ? e->target : DF_NO_TARGET;
}

/* Resolves a target id, reporting unknown ones with a suggestion. */
static int resolve(Ld *ld, const Ids *ids, const char *id, const char *path) {
    int t = ids_find(ids, id);
    if (t == DF_NO_TARGET) {
        /* suggestions compare with every id: only for the first few errors, so a file full
         * of bad targets cannot make the check quadratic */
        const char *m = ld->d->errors < 20 ? did_you_mean(id, ids->names, ids->n) : NULL;
        if (m)
            ERR(ld, path, "unknown beat or ending '%s' (did you mean '%s'?)", id, m);
        else
            ERR(ld, path, "unknown beat or ending '%s'", id);
    }
    return t;
}

/* Collects the keys of beats or endings, sorted by their line in the file. */
static IdEntry *collect(Ld *ld, int t, const char *what, int max, int *count) {
    lua_State *L = ld->L;
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        n++;
    }
    if (n > max) {
        ERR(ld, what, "%d entries; the limit is %d", n, max);
        n = max;
    }
    IdEntry *v = df_scenario_alloc(ld->sc, (size_t)(n ? n : 1) * sizeof *v);
    if (!v) luaL_error(L, "not enough memory");
    int k = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (k >= n) { /* over the limit: already reported */
            lua_pop(L, 1);
            break;
        }
        if (lua_type(L, -1) != LUA_TSTRING) {
            ERR(ld, what, "keys must be names, found a %s key", luaL_typename(L, -1));
            continue;
        }
        const char *id = lua_tostring(L, -1);
        char sub[512];
        join(sub, sizeof sub, what, id);
        if (!valid_id(id)) {
            ERR(ld, what, "'%.64s' is not a valid id (letters, digits, '_' and '-', at most %d)", id, MAX_ID);
            continue;
        }
        v[k].id = df_scenario_strdup(ld->sc, id, strlen(id));
        if (!v[k].id) luaL_error(L, "not enough memory");
        v[k].line = src_line(ld->s, sub);
        k++;
    }
    qsort(v, (size_t)k, sizeof *v, cmp_line);
    *count = k;
    return v;
}

static int cmp_id_nocase(const void *a, const void *b) {
    const IdEntry *x = a, *y = b;
    int c = strcasecmp(x->id, y->id);
    if (c) return c;
    return x->line != y->line ? (x->line < y->line ? -1 : 1) : strcmp(x->id, y->id);
}

/* Ids that differ only in case ("Story" and "story"): a reader, a transcript or a file system
 * would take them for one. Each later one is an error naming the earlier one's line. */
static void check_case(Ld *ld, const Ids *ids) {
    if (ids->n < 2) return;
    IdEntry *v = malloc((size_t)ids->n * sizeof *v);
    if (!v) return;
    memcpy(v, ids->v, (size_t)ids->n * sizeof *v);
    qsort(v, (size_t)ids->n, sizeof *v, cmp_id_nocase);
    for (int i = 1; i < ids->n; i++) {
        const IdEntry *a = &v[i - 1], *b = &v[i];
        if (strcasecmp(a->id, b->id) || !strcmp(a->id, b->id)) continue;
        int j = i - 1; /* the first of the group */
        while (j > 0 && !strcasecmp(v[j - 1].id, b->id)) j--;
        a = &v[j];
        char sub[512];
        snprintf(sub, sizeof sub, "%s.%s", DF_IS_END(b->target) ? "endings" : "beats", b->id);
        ERR(ld, sub, "differs only in case from %s '%s' (line %d); ids must differ by more than case",
            DF_IS_END(a->target) ? "ending" : "beat", a->id, a->line);
    }
    free(v);
}

/* ---------------------------------------------------------------- the whole table */

/* Walks every table reachable from the scenario's (raw, depth first, each table once) for
 * what no schema read can see: a key written twice in one constructor (Lua keeps the last
 * without a word: a second beat 'a' silently replaces the first), and a table that contains
 * itself. seen maps a table on the current path to its path, a finished one to true. */
static void scan_table(Ld *ld, int t, int seen, int ctors, char *path, size_t plen, int depth) {
    lua_State *L = ld->L;
    luaL_checkstack(L, 8, "scenario tables");
    t = lua_absindex(L, t);
    lua_pushvalue(L, t);
    lua_pushstring(L, path);
    lua_rawset(L, seen);
    if (ctors) {
        lua_pushvalue(L, t);
        lua_rawget(L, ctors);
        int k = (int)lua_tointeger(L, -1), n;
        lua_pop(L, 1);
        const df_SrcDup *dup = df_srcmap_dups(ld->s->map, k, &n);
        for (int i = 0; i < n; i++) {
            char sub[600];
            join(sub, sizeof sub, path, dup[i].key);
            if ((!strcmp(path, "beats") || !strcmp(path, "endings")) && valid_id(dup[i].key))
                ERR(ld, sub, "defined twice, at lines %d and %d: Lua keeps only the last, so the first is lost; ids must be unique",
                    dup[i].first, dup[i].line);
            else if (dup[i].first == dup[i].line)
                ERR(ld, sub, "given twice on line %d: Lua keeps only the last", dup[i].line);
            else
                ERR(ld, sub, "given twice, at lines %d and %d: Lua keeps only the last", dup[i].first, dup[i].line);
        }
    }
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -1) == LUA_TTABLE) {
            char key[96] = "";
            if (lua_type(L, -2) == LUA_TSTRING) snprintf(key, sizeof key, "%s", lua_tostring(L, -2));
            else if (lua_isinteger(L, -2)) snprintf(key, sizeof key, "%lld", (long long)lua_tointeger(L, -2));
            lua_pushvalue(L, -1);
            int st = lua_rawget(L, seen);
            char sub[600];
            join(sub, sizeof sub, path, key[0] ? key : "?");
            if (st == LUA_TSTRING) {
                char where[400], built[48] = "";
                describe(lua_tostring(L, -1), where, sizeof where);
                int k = 0;
                if (ctors) {
                    lua_pushvalue(L, -2);
                    lua_rawget(L, ctors);
                    k = (int)lua_tointeger(L, -1);
                    lua_pop(L, 1);
                }
                if (df_srcmap_ctor_line(ld->s->map, k))
                    snprintf(built, sizeof built, " (the table built at line %d)", df_srcmap_ctor_line(ld->s->map, k));
                ERR(ld, sub, "refers back to %s%s, which contains it: scenario tables must not form a cycle",
                    where[0] ? where : "the scenario table", built);
            }
            lua_pop(L, 1);
            if (st == LUA_TNIL && key[0] && depth < 40 && strlen(sub) < 400) {
                scan_table(ld, -1, seen, ctors, sub, strlen(sub), depth + 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    (void)plen;
}

static void scan_tables(Ld *ld, int t) {
    lua_State *L = ld->L;
    int top = lua_gettop(L);
    lua_newtable(L);
    int seen = lua_gettop(L);
    int ctors = lua_getfield(L, LUA_REGISTRYINDEX, "defuse.ctors") == LUA_TTABLE ? lua_gettop(L) : 0;
    char path[8] = "";
    scan_table(ld, t, seen, ctors, path, 0, 0);
    lua_settop(L, top);
}

/* ---------------------------------------------------------------- choices */

static const char *const choice_keys[] = {"tags", "go", "targets", "coach", "grade", "event", "when", "set",
                                          "effect", "promise", "dims", "chosen", NULL};
/* A choice's declared event: a moment the story means to move agitation by more than an ordinary
 * choice may (more than 20 points; see defuse check). */
static const char *const choice_events[] = {"reveal", "threat", "tripwire", "news", NULL};

static void get_tags(Ld *ld, int t, const char *path, df_Choice *c) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, "tags");
    lua_pushliteral(L, "tags");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TSTRING) { /* a single tag is forgiven */
        lua_createtable(L, 1, 0);
        lua_insert(L, -2);
        lua_rawseti(L, -2, 1);
        ty = LUA_TTABLE;
    }
    if (ty == LUA_TNIL) {
        ERR(ld, sub, "every choice needs tags (the techniques it uses)");
    } else if (ty != LUA_TTABLE) {
        ERR(ld, sub, "expected a list of tag names, got %s", lua_typename(L, ty));
    } else {
        int n = list_len(L, -1);
        if (n == 0) ERR(ld, sub, "every choice needs at least one tag");
        if (n > 4) ERR(ld, sub, "%d tags; at most 4 (main tag first)", n);
        const char *names[64];
        int nt = df_tag_count();
        for (int i = 0; i < nt && i < 64; i++) names[i] = df_tag(i)->key;
        for (int i = 1; i <= n && i <= 4; i++) {
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING) {
                ERR(ld, sub, "tag %d: expected a tag name, got %s", i, luaL_typename(L, -1));
            } else {
                const char *k = lua_tostring(L, -1);
                int id = df_tag_from_key(k);
                if (id < 0) {
                    const char *m = did_you_mean(k, names, nt);
                    if (m)
                        ERR(ld, sub, "unknown tag '%.64s' (did you mean '%s'?)", k, m);
                    else
                        ERR(ld, sub, "unknown tag '%.64s' (see docs/model.md for the list)", k);
                } else {
                    c->tags[c->ntags++] = id;
                }
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void get_set(Ld *ld, int t, const char *path, df_Choice *c) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, "set");
    lua_pushliteral(L, "set");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L);
        c->set = df_scenario_alloc(ld->sc, MAX_SET * sizeof *c->set);
        if (!c->set) luaL_error(L, "not enough memory");
        lua_pushnil(L);
        while (lua_next(L, tt)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_rawlen(L, -2) >= DF_FLAG_NAME) {
                ERR(ld, sub, "flag names must be strings shorter than %d bytes", DF_FLAG_NAME);
            } else if (c->nset >= MAX_SET) {
                ERR(ld, sub, "at most %d flags per choice", MAX_SET);
            } else {
                df_FlagSet *fs = &c->set[c->nset];
                size_t kl;
                const char *k = lua_tolstring(L, -2, &kl);
                fs->name = df_scenario_strdup(ld->sc, k, kl);
                int vt = lua_type(L, -1);
                if (vt == LUA_TBOOLEAN) {
                    fs->type = DF_VAL_BOOL;
                    fs->num = lua_toboolean(L, -1);
                    c->nset++;
                } else if (vt == LUA_TNUMBER && isfinite(lua_tonumber(L, -1))) {
                    fs->type = DF_VAL_NUM;
                    fs->num = lua_tonumber(L, -1);
                    c->nset++;
                } else if (vt == LUA_TSTRING && lua_rawlen(L, -1) < DF_FLAG_STR) {
                    fs->type = DF_VAL_STR;
                    fs->str = take_string(ld, sub, DF_FLAG_STR - 1, 0);
                    c->nset++;
                } else {
                    ERR(ld, sub, "flag '%s': a boolean, finite number or short string", k);
                }
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a table of flags, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

static void get_effect(Ld *ld, int t, const char *path, df_Choice *c) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, "effect");
    c->eff_agitation = c->eff_trust = c->eff_minutes = NAN;
    lua_pushliteral(L, "effect");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L);
        static const char *const keys[] = {"agitation", "trust", "minutes", NULL};
        check_keys(ld, tt, sub, keys, 0);
        c->eff_agitation = get_number(ld, tt, "agitation", sub, 0, -40, 40, NAN);
        c->eff_trust = get_number(ld, tt, "trust", sub, 0, -40, 40, NAN);
        c->eff_minutes = get_number(ld, tt, "minutes", sub, 0, 0, 60, NAN);
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a table { agitation = , trust = , minutes = }, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

static void get_dims(Ld *ld, int t, const char *path, df_Choice *c) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, "dims");
    lua_pushliteral(L, "dims");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int n = list_len(L, -1);
        const char *names[DF_DIM_COUNT];
        for (int i = 0; i < DF_DIM_COUNT; i++) names[i] = df_dim_key((df_Dim)i);
        for (int i = 1; i <= n && i <= DF_DIM_COUNT; i++) {
            const char *k = lua_rawgeti(L, -1, i) == LUA_TSTRING ? lua_tostring(L, -1) : "";
            int d = df_dim_from_key(k);
            if (d < 0) {
                const char *m = did_you_mean(k, names, DF_DIM_COUNT);
                ERR(ld, sub, "unknown rubric dimension '%.64s'%s%s%s", k, m ? " (did you mean '" : "",
                    m ? m : "", m ? "'?)" : "");
            } else {
                c->dims |= 1u << d;
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a list of rubric dimensions, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

static void get_choice(Ld *ld, int t, const char *path, const Ids *ids, df_Choice *c) {
    lua_State *L = ld->L;
    char sub[512];
    c->line = src_line(ld->s, path);
    c->grade = -1;
    c->go = DF_NO_TARGET;
    check_keys(ld, t, path, choice_keys, 1);
    join(sub, sizeof sub, path, "1");
    int ty = lua_rawgeti(L, t, 1);
    if (ty == LUA_TSTRING)
        c->text = take_string(ld, sub, MAX_CHOICE, 0);
    else
        ERR(ld, path, "the first item must be the employee's words (a string), got %s", lua_typename(L, ty));
    lua_pop(L, 1);
    get_tags(ld, t, path, c);
    join(sub, sizeof sub, path, "go");
    lua_pushliteral(L, "go");
    ty = lua_rawget(L, t);
    if (ty == LUA_TSTRING) {
        c->go = resolve(ld, ids, lua_tostring(L, -1), sub);
    } else if (ty == LUA_TFUNCTION) {
        c->go_fn = take_function(ld);
    } else if (ty == LUA_TNIL) {
        ERR(ld, sub, "every choice needs go = \"beat or ending id\"");
    } else {
        ERR(ld, sub, "expected a beat id or a function, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    join(sub, sizeof sub, path, "targets");
    lua_pushliteral(L, "targets");
    ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int n = list_len(L, -1);
        if (n > 64) n = 64;
        c->targets = df_scenario_alloc(ld->sc, (size_t)(n ? n : 1) * sizeof(int));
        if (!c->targets) luaL_error(L, "not enough memory");
        for (int i = 1; i <= n; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                int tg = resolve(ld, ids, lua_tostring(L, -1), sub);
                if (tg != DF_NO_TARGET) c->targets[c->ntargets++] = tg;
            } else {
                ERR(ld, sub, "item %d: expected a beat id", i);
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a list of beat ids, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    c->coach = get_string(ld, t, "coach", path, 0, MAX_NOTE, 0);
    const char *g = get_string(ld, t, "grade", path, 0, 32, 0);
    if (g) {
        c->grade = df_grade_from_key(g);
        if (c->grade < 0) {
            join(sub, sizeof sub, path, "grade");
            ERR(ld, sub, "unknown grade '%s' (best, good, acceptable, poor, harmful, critical)", g);
        }
    }
    const char *ev = get_string(ld, t, "event", path, 0, 32, 0);
    if (ev) {
        int n = 0, ok = 0;
        while (choice_events[n]) ok |= !strcmp(choice_events[n], ev), n++;
        if (ok) {
            c->event = ev;
        } else {
            const char *m = did_you_mean(ev, choice_events, n);
            join(sub, sizeof sub, path, "event");
            if (m)
                ERR(ld, sub, "unknown event '%s' (did you mean '%s'?)", ev, m);
            else
                ERR(ld, sub, "unknown event '%s' (reveal, threat, tripwire, news)", ev);
        }
    }
    c->when_fn = get_function(ld, t, "when", path);
    c->chosen_fn = get_function(ld, t, "chosen", path);
    get_set(ld, t, path, c);
    get_effect(ld, t, path, c);
    c->promise = get_string(ld, t, "promise", path, 0, MAX_CHOICE, 0);
    get_dims(ld, t, path, c);
}

/* ---------------------------------------------------------------- beats and endings */

static const char *const beat_keys[] = {"says", "choices", "tripwire", "enter", "note", NULL};
static const char *const ending_keys[] = {"outcome", "says", "debrief", "follow_on", "task", NULL};

static void get_beat(Ld *ld, int t, const char *path, const Ids *ids, df_Beat *b) {
    lua_State *L = ld->L;
    char sub[512];
    check_keys(ld, t, path, beat_keys, 0);
    get_text(ld, t, "says", path, &b->says, 1);
    b->tripwire = get_bool(ld, t, "tripwire", path, 0);
    b->enter_fn = get_function(ld, t, "enter", path);
    b->note = get_string(ld, t, "note", path, 0, MAX_NOTE, 1);
    join(sub, sizeof sub, path, "choices");
    lua_pushliteral(L, "choices");
    int ty = lua_rawget(L, t);
    if (ty != LUA_TTABLE) {
        ERR(ld, sub, ty == LUA_TNIL ? "every beat needs choices" : "expected a list of choices");
    } else {
        int ct = lua_gettop(L);
        int n = list_len(L, ct);
        if (n == 0) ERR(ld, sub, "every beat needs at least one choice");
        if (n > DF_MAX_VISIBLE) ERR(ld, sub, "%d choices; at most %d (keys 1-9)", n, DF_MAX_VISIBLE);
        if (n > DF_MAX_VISIBLE) n = DF_MAX_VISIBLE;
        b->choices = df_scenario_alloc(ld->sc, (size_t)(n ? n : 1) * sizeof *b->choices);
        if (!b->choices) luaL_error(L, "not enough memory");
        b->nchoices = n;
        check_keys(ld, ct, sub, (const char *const[]){NULL}, n);
        for (int i = 1; i <= n; i++) {
            char cp[512];
            snprintf(cp, sizeof cp, "%s.%d", sub, i);
            if (lua_rawgeti(L, ct, i) != LUA_TTABLE)
                ERR(ld, cp, "expected a choice table { \"words\", tags = {...}, go = ... }");
            else
                get_choice(ld, lua_gettop(L), cp, ids, &b->choices[i - 1]);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void get_ending(Ld *ld, int t, const char *path, df_Ending *e) {
    lua_State *L = ld->L;
    char sub[512];
    check_keys(ld, t, path, ending_keys, 0);
    const char *o = get_string(ld, t, "outcome", path, 1, 32, 0);
    if (o) {
        int k = df_outcome_from_key(o);
        if (k < 0) {
            const char *names[DF_OUT_COUNT];
            for (int i = 0; i < DF_OUT_COUNT; i++) names[i] = df_outcome_key((df_Outcome)i);
            const char *m = did_you_mean(o, names, DF_OUT_COUNT);
            join(sub, sizeof sub, path, "outcome");
            ERR(ld, sub, "unknown outcome '%s'%s%s%s", o, m ? " (did you mean '" : "", m ? m : "", m ? "'?)" : "");
        } else {
            e->outcome = (df_Outcome)k;
        }
    }
    get_text(ld, t, "says", path, &e->says, 0);
    lua_pushliteral(L, "debrief");
    if (lua_rawget(L, t) == LUA_TFUNCTION) { /* told from the path */
        e->debrief_fn = take_function(ld);
        lua_pop(L, 1);
    } else {
        lua_pop(L, 1);
        e->debrief = get_string(ld, t, "debrief", path, 0, MAX_NOTE, 1);
    }
    e->task = -1;
    lua_pushliteral(L, "task");
    if (lua_rawget(L, t) == LUA_TBOOLEAN) e->task = lua_toboolean(L, -1);
    lua_pop(L, 1);
    join(sub, sizeof sub, path, "follow_on");
    lua_pushliteral(L, "follow_on");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        e->follow_on_set = true;
        int n = list_len(L, -1);
        for (int i = 1; i <= n && i <= 8; i++) {
            const char *k = lua_rawgeti(L, -1, i) == LUA_TSTRING ? lua_tostring(L, -1) : "";
            int f = df_follow_on_from_key(k);
            if (f < 0)
                ERR(ld, sub, "unknown follow-on '%.64s' (supervisor, repeat_contact, complaint, police)", k);
            else
                e->follow_on |= 1u << f;
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a list such as { \"complaint\" }");
    }
    lua_pop(L, 1);
}

/* ---------------------------------------------------------------- tests */

static const char *const test_keys[] = {"name", "choices", "path", "seed", "expect", NULL};
static const char *const expect_keys[] = {"outcome", "ending", "passed", "critical", "min_score", "max_score",
                                          "min_minutes", "max_minutes", "min_ratio", "max_ratio",
                                          "min_ratio_interaction", "max_ratio_interaction", NULL};

static int get_tristate(Ld *ld, int t, const char *key, const char *path) {
    lua_State *L = ld->L;
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t), r = -1;
    if (ty == LUA_TBOOLEAN) r = lua_toboolean(L, -1);
    else if (ty != LUA_TNIL) {
        char sub[512];
        join(sub, sizeof sub, path, key);
        ERR(ld, sub, "expected true or false");
    }
    lua_pop(L, 1);
    return r;
}

static void get_test(Ld *ld, int t, const char *path, int index, df_Test *ts) {
    lua_State *L = ld->L;
    char sub[512];
    check_keys(ld, t, path, test_keys, 0);
    ts->line = src_line(ld->s, path);
    ts->name = get_string(ld, t, "name", path, 0, MAX_SHORT, 0);
    if (!ts->name) {
        char nm[32];
        snprintf(nm, sizeof nm, "test %d", index);
        ts->name = df_scenario_strdup(ld->sc, nm, strlen(nm));
    }
    ts->seed = (uint64_t)get_number(ld, t, "seed", path, 0, 0, 9007199254740991.0, 1);
    ts->ending = -1;
    const char *p = get_string(ld, t, "path", path, 0, 32, 0);
    if (p) {
        static const char *const kinds[] = {"calmest", "escalated", "best", "worst", NULL};
        for (int k = 0; kinds[k]; k++)
            if (!strcmp(p, kinds[k])) ts->path = k + 1;
        if (!ts->path) {
            join(sub, sizeof sub, path, "path");
            ERR(ld, sub, "unknown path '%s' (calmest, escalated, best, worst)", p);
        }
    }
    join(sub, sizeof sub, path, "choices");
    lua_pushliteral(L, "choices");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int n = list_len(L, -1);
        if (n > 200) n = 200;
        ts->choices = df_scenario_alloc(ld->sc, (size_t)(n ? n : 1) * sizeof(int));
        if (!ts->choices) luaL_error(L, "not enough memory");
        for (int i = 1; i <= n; i++) {
            lua_Integer v = 0;
            int isnum = 0;
            if (lua_rawgeti(L, -1, i) == LUA_TNUMBER) v = lua_tointegerx(L, -1, &isnum);
            if (!isnum || v < 1 || v > DF_MAX_VISIBLE) ERR(ld, sub, "choice %d: a number from 1 to %d", i, DF_MAX_VISIBLE);
            else ts->choices[ts->nchoices++] = (int)v;
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "expected a list of choice numbers such as { 1, 3, 2 }");
    }
    lua_pop(L, 1);
    if (!ts->path && !ts->nchoices) ERR(ld, path, "a test needs choices = { ... } or path = \"calmest\" (or escalated, best, worst)");
    if (ts->path && ts->nchoices) ERR(ld, path, "a test has either choices or a path, not both");
    join(sub, sizeof sub, path, "expect");
    lua_pushliteral(L, "expect");
    ty = lua_rawget(L, t);
    ts->min_score = ts->max_score = ts->min_minutes = ts->max_minutes = NAN;
    ts->min_ratio = ts->max_ratio = ts->min_ratio_interaction = ts->max_ratio_interaction = NAN;
    ts->passed = ts->critical = -1;
    if (ty != LUA_TTABLE) {
        ERR(ld, sub, ty == LUA_TNIL ? "a test needs expect = { ... }" : "expected a table");
        lua_pop(L, 1);
        return;
    }
    int et = lua_gettop(L);
    check_keys(ld, et, sub, expect_keys, 0);
    lua_pushliteral(L, "outcome");
    ty = lua_rawget(L, et);
    if (ty == LUA_TSTRING || ty == LUA_TTABLE) {
        int n = ty == LUA_TSTRING ? 1 : list_len(L, -1);
        for (int i = 1; i <= n && i <= DF_OUT_COUNT; i++) {
            const char *o;
            if (ty == LUA_TSTRING) o = lua_tostring(L, -1);
            else o = lua_rawgeti(L, -1, i) == LUA_TSTRING ? lua_tostring(L, -1) : "";
            int k = df_outcome_from_key(o);
            char osub[512];
            join(osub, sizeof osub, sub, "outcome");
            if (k < 0) ERR(ld, osub, "unknown outcome '%.40s'", o);
            else ts->outcomes |= 1u << k;
            if (ty == LUA_TTABLE) lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, sub, "outcome: expected an outcome or a list of outcomes");
    }
    lua_pop(L, 1);
    const char *e = get_string(ld, et, "ending", sub, 0, MAX_ID, 0);
    if (e) {
        ts->ending = df_scenario_find_ending(ld->sc, e);
        if (ts->ending < 0) {
            char esub[512];
            join(esub, sizeof esub, sub, "ending");
            ERR(ld, esub, "unknown ending '%s'", e);
        }
    }
    ts->passed = get_tristate(ld, et, "passed", sub);
    ts->critical = get_tristate(ld, et, "critical", sub);
    ts->min_score = get_number(ld, et, "min_score", sub, 0, 0, 100, NAN);
    ts->max_score = get_number(ld, et, "max_score", sub, 0, 0, 100, NAN);
    ts->min_minutes = get_number(ld, et, "min_minutes", sub, 0, 0, 10000, NAN);
    ts->max_minutes = get_number(ld, et, "max_minutes", sub, 0, 0, 10000, NAN);
    ts->min_ratio = get_number(ld, et, "min_ratio", sub, 0, 0, 1000, NAN);
    ts->max_ratio = get_number(ld, et, "max_ratio", sub, 0, 0, 1000, NAN);
    ts->min_ratio_interaction = get_number(ld, et, "min_ratio_interaction", sub, 0, 0, 1000, NAN);
    ts->max_ratio_interaction = get_number(ld, et, "max_ratio_interaction", sub, 0, 0, 1000, NAN);
    lua_pop(L, 1);
}

static void get_tests(Ld *ld, int t) {
    lua_State *L = ld->L;
    lua_pushliteral(L, "tests");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L), n = list_len(L, tt);
        if (n > 200) {
            ERR(ld, "tests", "%d tests; at most 200", n);
            n = 200;
        }
        ld->sc->tests = df_scenario_alloc(ld->sc, (size_t)(n ? n : 1) * sizeof *ld->sc->tests);
        if (!ld->sc->tests) luaL_error(L, "not enough memory");
        for (int i = 1; i <= n; i++) {
            char path[64];
            snprintf(path, sizeof path, "tests.%d", i);
            luaL_checkstack(L, 10, "tests");
            if (lua_rawgeti(L, tt, i) != LUA_TTABLE) ERR(ld, path, "expected a test table { choices = ..., expect = ... }");
            else get_test(ld, lua_gettop(L), path, i, &ld->sc->tests[ld->sc->ntests++]);
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, "tests", "expected a list of tests");
    }
    lua_pop(L, 1);
}

/* walkout = "ending" names the ending a resident leaves by after sustained venting; false turns
 * the rule off; by default it is the first ending whose outcome is escalated (none: off). */
static void get_walkout(Ld *ld, int t, const Ids *ids) {
    lua_State *L = ld->L;
    df_Scenario *sc = ld->sc;
    sc->walkout = -1;
    lua_pushliteral(L, "walkout");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    if (ty == LUA_TNIL || ty == LUA_TBOOLEAN) {
        if (ty == LUA_TBOOLEAN) ERR(ld, "walkout", "expected an ending id or false, got true");
        for (int i = 0; i < sc->nendings; i++)
            if (sc->endings[i].outcome == DF_OUT_ESCALATED) {
                sc->walkout = i;
                break;
            }
        return;
    }
    const char *w = get_string(ld, t, "walkout", "", 0, MAX_ID, 0);
    if (!w) return;
    int target = resolve(ld, ids, w, "walkout");
    if (target == DF_NO_TARGET) return;
    if (!DF_IS_END(target)) ERR(ld, "walkout", "the walk-out must be an ending, not a beat");
    else sc->walkout = DF_END_INDEX(target);
}

/* ---------------------------------------------------------------- the scenario */

static const char *const top_keys[] = {"id", "title", "setting", "role", "minutes", "difficulty",
                                       "summary", "objectives", "resident", "time", "start",
                                       "safety", "walkout", "beats", "endings", "tests", NULL};
static const char *const resident_keys[] = {"name", "agitation", "trust", "need", "volatility",
                                            "recovery", "audience", "waited", "look", NULL};
static const char *const time_keys[] = {"task", "calm_turns", "M", "follow_on", "resident", NULL};
static const char *const settings[] = {"counter", "phone", "email", "field", "enforcement", "internal", NULL};

static void get_enum(Ld *ld, int t, const char *key, const char *const *allowed, const char **out, int required) {
    const char *v = get_string(ld, t, key, "", required, 32, 0);
    if (!v) return;
    int n = 0, ok = 0;
    while (allowed[n]) ok |= !strcmp(allowed[n], v), n++;
    if (!ok) {
        const char *m = did_you_mean(v, allowed, n);
        ERR(ld, key, "'%s' is not one of the allowed values%s%s%s", v, m ? " (did you mean '" : "",
            m ? m : "", m ? "'?)" : "");
        return;
    }
    *out = v;
}

static void get_resident(Ld *ld, int t, df_Resident *r) {
    lua_State *L = ld->L;
    lua_pushliteral(L, "resident");
    int ty = lua_rawget(L, t);
    r->volatility = r->recovery = 1.0;
    r->agitation = 40;
    r->trust = 30;
    if (ty != LUA_TTABLE) {
        ERR(ld, "resident", ty == LUA_TNIL ? "required field is missing" : "expected a table");
        lua_pop(L, 1);
        return;
    }
    int rt = lua_gettop(L);
    check_keys(ld, rt, "resident", resident_keys, 0);
    r->name = get_string(ld, rt, "name", "resident", 1, MAX_SHORT, 0);
    r->agitation = get_number(ld, rt, "agitation", "resident", 1, 0, 100, 40);
    r->trust = get_number(ld, rt, "trust", "resident", 0, 0, 100, 30);
    r->volatility = get_number(ld, rt, "volatility", "resident", 0, 0.6, 1.5, 1.0);
    r->recovery = get_number(ld, rt, "recovery", "resident", 0, 0.6, 1.2, 1.0);
    r->waited = get_number(ld, rt, "waited", "resident", 0, 0, 600, 0);
    r->audience = get_bool(ld, rt, "audience", "resident", 0);
    const char *need = get_string(ld, rt, "need", "resident", 0, 32, 0);
    if (need) {
        int n = df_need_from_key(need);
        if (n < 0) {
            const char *names[DF_NEED_COUNT];
            for (int i = 0; i < DF_NEED_COUNT; i++) names[i] = df_need_key((df_Need)i);
            const char *m = did_you_mean(need, names, DF_NEED_COUNT);
            ERR(ld, "resident.need", "unknown need '%s'%s%s%s", need, m ? " (did you mean '" : "",
                m ? m : "", m ? "'?)" : "");
        } else {
            r->need = (df_Need)n;
        }
    }
    lua_pushliteral(L, "look");
    if (lua_rawget(L, rt) == LUA_TTABLE) {
        int lt = lua_gettop(L);
        static const char *const look_keys[] = {"skin", "hair", "hair_colour", "top", NULL};
        check_keys(ld, lt, "resident.look", look_keys, 0);
        r->skin = (int)get_number(ld, lt, "skin", "resident.look", 0, 1, 6, 3);
        r->hair = get_string(ld, lt, "hair", "resident.look", 0, 32, 0);
        r->hair_colour = get_string(ld, lt, "hair_colour", "resident.look", 0, 32, 0);
        r->top = get_string(ld, lt, "top", "resident.look", 0, 32, 0);
    }
    lua_pop(L, 2);
}

static void get_time(Ld *ld, int t, df_Params *p) {
    lua_State *L = ld->L;
    lua_pushliteral(L, "time");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int tt = lua_gettop(L);
        check_keys(ld, tt, "time", time_keys, 0);
        p->task_minutes = get_number(ld, tt, "task", "time", 0, 0, 120, p->task_minutes);
        p->calm_turns = get_number(ld, tt, "calm_turns", "time", 0, 1, 12, p->calm_turns);
        p->M = get_number(ld, tt, "M", "time", 0, 2, 8, p->M);
        p->resident_minutes = get_number(ld, tt, "resident", "time", 0, 0, 5, p->resident_minutes);
        lua_pushliteral(L, "follow_on");
        if (lua_rawget(L, tt) == LUA_TTABLE) {
            int ft = lua_gettop(L);
            static const char *const fk[] = {"supervisor", "repeat_contact", "complaint", "police", NULL};
            check_keys(ld, ft, "time.follow_on", fk, 0);
            for (int k = 0; k < DF_FO_COUNT; k++)
                p->follow_on[k] = get_number(ld, ft, fk[k], "time.follow_on", 0, 0, 240, p->follow_on[k]);
        }
        lua_pop(L, 1);
    } else if (ty != LUA_TNIL) {
        ERR(ld, "time", "expected a table");
    }
    lua_pop(L, 1);
}

static int convert(lua_State *L) {
    Ld *ld = lua_touserdata(L, 1);
    df_Scenario *sc = ld->sc;
    int t = 2;
    luaL_checkstack(L, 40, "scenario conversion");
    scan_tables(ld, t);
    check_keys(ld, t, "", top_keys, 0);
    sc->file = df_scenario_strdup(sc, ld->s->name, strlen(ld->s->name));
    sc->id = get_string(ld, t, "id", "", 1, MAX_ID, 0);
    if (sc->id && !valid_id(sc->id)) ERR(ld, "id", "'%s' is not a valid id (letters, digits, '_' and '-')", sc->id);
    sc->title = get_string(ld, t, "title", "", 1, MAX_SHORT, 0);
    get_enum(ld, t, "setting", settings, &sc->setting, 1);
    sc->role = get_string(ld, t, "role", "", 1, MAX_SHORT, 0);
    sc->summary = get_string(ld, t, "summary", "", 0, MAX_NOTE, 0);
    static const char *const diffs[] = {"intro", "standard", "advanced", NULL};
    sc->difficulty = "standard";
    get_enum(ld, t, "difficulty", diffs, &sc->difficulty, 0);
    sc->minutes = get_number(ld, t, "minutes", "", 0, 1, 60, 5);
    lua_pushliteral(L, "objectives");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int n = list_len(L, -1);
        if (n > DF_MAX_OBJECTIVES) ERR(ld, "objectives", "%d objectives; at most %d", n, DF_MAX_OBJECTIVES);
        for (int i = 1; i <= n && i <= DF_MAX_OBJECTIVES; i++) {
            char sub[64];
            snprintf(sub, sizeof sub, "objectives.%d", i);
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                const char *o = take_string(ld, sub, MAX_NOTE, 0);
                if (o) sc->objectives[sc->nobjectives++] = o;
            } else {
                ERR(ld, sub, "expected a string");
            }
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        ERR(ld, "objectives", "expected a list of strings");
    }
    lua_pop(L, 1);
    get_resident(ld, t, &sc->resident);
    get_time(ld, t, &sc->params);

    /* Ids first, so choices can name beats defined later in the file. */
    lua_pushliteral(L, "beats");
    int bt = lua_rawget(L, t) == LUA_TTABLE ? lua_gettop(L) : 0;
    if (!bt) ERR(ld, "beats", "required table is missing");
    lua_pushliteral(L, "endings");
    int et = lua_rawget(L, t) == LUA_TTABLE ? lua_gettop(L) : 0;
    if (!et) ERR(ld, "endings", "required table is missing");
    if (!bt || !et) return 0;
    int nb, ne;
    IdEntry *beats = collect(ld, bt, "beats", MAX_BEATS, &nb);
    IdEntry *ends = collect(ld, et, "endings", MAX_ENDINGS, &ne);
    if (nb == 0) ERR(ld, "beats", "a scenario needs at least one beat");
    if (ne == 0) ERR(ld, "endings", "a scenario needs at least one ending");
    Ids ids;
    ids.n = nb + ne;
    ids.v = df_scenario_alloc(sc, (size_t)(ids.n ? ids.n : 1) * sizeof *ids.v);
    ids.names = df_scenario_alloc(sc, (size_t)(ids.n ? ids.n : 1) * sizeof *ids.names);
    if (!ids.v || !ids.names) return luaL_error(L, "not enough memory");
    for (int i = 0; i < nb; i++) ids.v[i] = (IdEntry){beats[i].id, i, beats[i].line};
    for (int i = 0; i < ne; i++) ids.v[nb + i] = (IdEntry){ends[i].id, DF_END(i), ends[i].line};
    for (int i = 0; i < ids.n; i++) ids.names[i] = ids.v[i].id;
    qsort(ids.v, (size_t)ids.n, sizeof *ids.v, cmp_id);
    for (int i = 1; i < ids.n; i++)
        if (!strcmp(ids.v[i].id, ids.v[i - 1].id)) {
            const IdEntry *b = DF_IS_END(ids.v[i].target) ? &ids.v[i - 1] : &ids.v[i];
            char sub[512];
            snprintf(sub, sizeof sub, "endings.%s", ids.v[i].id);
            ERR(ld, sub, "'%s' is both a beat (line %d) and an ending; ids must be unique", ids.v[i].id, b->line);
        }
    check_case(ld, &ids);

    sc->beats = df_scenario_alloc(sc, (size_t)(nb ? nb : 1) * sizeof *sc->beats);
    sc->endings = df_scenario_alloc(sc, (size_t)(ne ? ne : 1) * sizeof *sc->endings);
    if (!sc->beats || !sc->endings) return luaL_error(L, "not enough memory");
    ld->s->faulty = df_scenario_alloc(sc, (size_t)(nb ? nb : 1));
    if (!ld->s->faulty) return luaL_error(L, "not enough memory");
    memset(ld->s->faulty, 0, (size_t)(nb ? nb : 1));
    sc->nbeats = nb;
    sc->nendings = ne;
    for (int i = 0; i < nb; i++) {
        char path[512];
        snprintf(path, sizeof path, "beats.%s", beats[i].id);
        df_Beat *b = &sc->beats[i];
        b->id = beats[i].id;
        b->line = beats[i].line;
        luaL_checkstack(L, 20, "beats");
        lua_pushstring(L, b->id);
        int before = ld->d->errors;
        if (lua_rawget(L, bt) != LUA_TTABLE)
            ERR(ld, path, "expected a beat table { says = ..., choices = {...} }");
        else
            get_beat(ld, lua_gettop(L), path, &ids, b);
        ld->s->faulty[i] = ld->d->errors > before;
        lua_pop(L, 1);
    }
    for (int i = 0; i < ne; i++) {
        char path[512];
        snprintf(path, sizeof path, "endings.%s", ends[i].id);
        df_Ending *e = &sc->endings[i];
        e->id = ends[i].id;
        e->line = ends[i].line;
        lua_pushstring(L, e->id);
        if (lua_rawget(L, et) != LUA_TTABLE)
            ERR(ld, path, "expected an ending table { outcome = ..., debrief = ... }");
        else
            get_ending(ld, lua_gettop(L), path, e);
        lua_pop(L, 1);
    }
    const char *start = get_string(ld, t, "start", "", 1, MAX_ID, 0);
    if (start) {
        int s = resolve(ld, &ids, start, "start");
        if (DF_IS_END(s)) ERR(ld, "start", "the start must be a beat, not an ending");
        else sc->start = s;
    }
    get_tests(ld, t);
    const char *safety = get_string(ld, t, "safety", "", 0, MAX_ID, 0);
    if (safety) {
        int s = resolve(ld, &ids, safety, "safety");
        if (DF_IS_END(s)) ERR(ld, "safety", "the safety beat must be a beat, not an ending");
        else sc->safety = s;
    }
    get_walkout(ld, t, &ids);
    return 0;
}

df_Scenario *df_loader_convert(df_Script *s, df_Diags *diags) {
    lua_State *L = s->L;
    Ld ld = {s, L, df_scenario_new(), diags};
    if (!ld.sc) {
        df_diags_add(diags, DF_DIAG_ERROR, s->name, 0, "out of memory");
        return NULL;
    }
    /* Text copied out of Lua is held to the same limit as the Lua state itself: a file
     * that reuses one long string in every beat cannot make the host allocate without end. */
    df_scenario_set_cap(ld.sc, s->limits.memory);
    s->sc = NULL;
    int t = lua_gettop(L);
    lua_pushcfunction(L, convert);
    lua_pushlightuserdata(L, &ld);
    lua_pushvalue(L, t);
    df_Error err;
    df_error_clear(&err);
    if (df_sb_pcall(s, 2, 0, s->limits.load_instr, s->limits.load_seconds, "reading the scenario", &err) != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        df_sb_diag(diags, s->name, m);
        df_scenario_free(ld.sc);
        return NULL;
    }
    return ld.sc;
}

/* ---------------------------------------------------------------- modules */

/* Reads t[key] as a list of strings into out (at most max); returns the count. */
static int get_string_list(Ld *ld, int t, const char *key, const char *path, const char **out,
                           int *lines, int max, size_t maxlen, int required) {
    lua_State *L = ld->L;
    char sub[512];
    join(sub, sizeof sub, path, key);
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t), count = 0;
    if (ty == LUA_TTABLE) {
        int n = list_len(L, -1);
        check_keys(ld, -1, sub, (const char *const[]){NULL}, n);
        if (n > max) ERR(ld, sub, "%d items; at most %d", n, max);
        if (n == 0 && required) ERR(ld, sub, "give at least one");
        for (int i = 1; i <= n && i <= max; i++) {
            char item[560];
            snprintf(item, sizeof item, "%s.%d", sub, i);
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                const char *v = take_string(ld, item, maxlen, 0);
                if (v) {
                    if (lines) lines[count] = src_line(ld->s, item);
                    out[count++] = v;
                }
            } else {
                ERR(ld, item, "expected a string");
            }
            lua_pop(L, 1);
        }
    } else if (ty == LUA_TNIL) {
        if (required) ERR(ld, sub, "required list is missing");
    } else {
        ERR(ld, sub, "expected a list of strings, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return count;
}

/* pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 }: the minutes
 * of each part, which must add up to the module's minutes (the timer compares against it). */
static void get_pace(Ld *ld, int t, df_Module *m) {
    lua_State *L = ld->L;
    lua_pushliteral(L, "pace");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int pt = lua_gettop(L);
        static const char *const keys[] = {"opening", "points", "exercise", "wrapup", "closing", NULL};
        check_keys(ld, pt, "pace", keys, 0);
        double sum = 0;
        for (int i = 0; i < DF_PART_COUNT; i++) {
            m->pace[i] = get_number(ld, pt, df_part_key((df_Part)i), "pace", 1, 0, 120, 0);
            sum += m->pace[i];
        }
        m->has_pace = 1;
        if (fabs(sum - m->minutes) > 0.01)
            ERR(ld, "pace", "the parts add up to %g minutes, but the module is %g", sum, m->minutes);
    } else if (ty == LUA_TNIL) {
        WARN(ld, "", "no pace: give the minutes of each part (pace = { opening = ..., points = ..., exercise = ..., wrapup = ..., closing = ... }) so the timer can tell the trainer which part runs long");
    } else {
        ERR(ld, "pace", "expected a table of minutes { opening = ..., points = ..., exercise = ..., wrapup = ..., closing = ... }, got %s",
            lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

/* debrief = { "...", ... }: 1 to DF_MAX_DEBRIEF questions for the room debrief slide after the
 * exercise. Optional, but without it that slide has nothing to discuss, so check warns. */
static void get_debrief(Ld *ld, int t, df_Module *m) {
    lua_State *L = ld->L;
    lua_pushliteral(L, "debrief");
    int ty = lua_rawget(L, t);
    lua_pop(L, 1);
    if (ty == LUA_TNIL) {
        WARN(ld, "",
             "no debrief: the room debrief after the exercise will have no discussion questions "
             "(give 1 to %d with debrief = { \"...\" })",
             DF_MAX_DEBRIEF);
        return;
    }
    /* Present, so required: an empty list is an error rather than a silent empty slide. */
    m->ndebrief = get_string_list(ld, t, "debrief", "", m->debrief, NULL, DF_MAX_DEBRIEF, MAX_NOTE, 1);
}

static const char *const module_keys[] = {"id", "title", "minutes", "audience", "roles", "pace",
                                          "objectives", "points", "exercise", "wrapup",
                                          "debrief", "closing", NULL};
static const char *const point_keys[] = {"title", "body", "notes", "question", "reveal", NULL};

static int convert_module(lua_State *L) {
    Ld *ld = lua_touserdata(L, 1);
    df_Module *m = lua_touserdata(L, 2);
    int t = 3;
    luaL_checkstack(L, 40, "module conversion");
    scan_tables(ld, t);
    check_keys(ld, t, "", module_keys, 0);
    m->file = df_scenario_strdup(ld->sc, ld->s->name, strlen(ld->s->name));
    m->id = get_string(ld, t, "id", "", 1, MAX_ID, 0);
    if (m->id && !valid_id(m->id)) ERR(ld, "id", "'%s' is not a valid id (letters, digits, '_' and '-')", m->id);
    m->title = get_string(ld, t, "title", "", 1, MAX_SHORT, 0);
    m->minutes = get_number(ld, t, "minutes", "", 0, 5, 120, 20);
    m->audience = get_string(ld, t, "audience", "", 0, MAX_NOTE, 0);
    get_pace(ld, t, m);
    m->closing = get_string(ld, t, "closing", "", 0, MAX_NOTE, 1);
    m->nroles = get_string_list(ld, t, "roles", "", m->roles, NULL, DF_MAX_ROLES, MAX_SHORT, 0);
    m->nobjectives = get_string_list(ld, t, "objectives", "", m->objectives, NULL,
                                     DF_MAX_OBJECTIVES, MAX_NOTE, 1);
    m->nexercise = get_string_list(ld, t, "exercise", "", m->exercise, m->exercise_line,
                                   DF_MAX_EXERCISE, MAX_ID, 1);
    for (int i = 0; i < m->nexercise; i++)
        if (!valid_id(m->exercise[i])) {
            char sub[64];
            snprintf(sub, sizeof sub, "exercise.%d", i + 1);
            ERR(ld, sub, "'%s' is not a scenario id", m->exercise[i]);
        }
    m->nwrapup = get_string_list(ld, t, "wrapup", "", m->wrapup, NULL, DF_MAX_WRAPUP, MAX_NOTE, 0);
    get_debrief(ld, t, m);

    lua_pushliteral(L, "points");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TTABLE) {
        int pt = lua_gettop(L), n = list_len(L, pt);
        check_keys(ld, pt, "points", (const char *const[]){NULL}, n);
        if (n == 0) ERR(ld, "points", "give at least one teaching point");
        if (n > DF_MAX_POINTS) ERR(ld, "points", "%d points; at most %d fit a 20-minute session", n, DF_MAX_POINTS);
        for (int i = 1; i <= n && i <= DF_MAX_POINTS; i++) {
            char path[64];
            snprintf(path, sizeof path, "points.%d", i);
            df_Point *p = &m->points[m->npoints];
            memset(p, 0, sizeof *p);
            p->line = src_line(ld->s, path);
            if (lua_rawgeti(L, pt, i) != LUA_TTABLE) {
                ERR(ld, path, "expected a point table { title = ..., body = ... }");
            } else {
                int it = lua_gettop(L);
                check_keys(ld, it, path, point_keys, 0);
                p->title = get_string(ld, it, "title", path, 1, MAX_SHORT, 0);
                p->body = get_string(ld, it, "body", path, 1, MAX_NOTE, 1);
                p->notes = get_string(ld, it, "notes", path, 0, MAX_NOTE, 1);
                p->question = get_string(ld, it, "question", path, 0, MAX_NOTE, 1);
                p->reveal = get_string(ld, it, "reveal", path, 0, MAX_NOTE, 1);
                if (p->reveal && !p->question) ERR(ld, path, "a reveal answers a question: give the question too");
                m->npoints++;
            }
            lua_pop(L, 1);
        }
    } else if (ty == LUA_TNIL) {
        ERR(ld, "points", "required list is missing");
    } else {
        ERR(ld, "points", "expected a list of point tables, got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return 0;
}

df_Module *df_loader_convert_module(df_Script *s, df_Diags *diags) {
    lua_State *L = s->L;
    df_Module *m = calloc(1, sizeof *m);
    Ld ld = {s, L, df_scenario_new(), diags};
    if (!m || !ld.sc) {
        free(m);
        df_scenario_free(ld.sc);
        df_diags_add(diags, DF_DIAG_ERROR, s->name, 0, "out of memory");
        return NULL;
    }
    df_scenario_set_cap(ld.sc, s->limits.memory);
    m->store = ld.sc;
    int t = lua_gettop(L);
    lua_pushcfunction(L, convert_module);
    lua_pushlightuserdata(L, &ld);
    lua_pushlightuserdata(L, m);
    lua_pushvalue(L, t);
    df_Error err;
    df_error_clear(&err);
    if (df_sb_pcall(s, 3, 0, s->limits.load_instr, s->limits.load_seconds, "reading the module", &err) != 0) {
        char msg[1400];
        df_error_format(&err, msg, sizeof msg);
        df_sb_diag(diags, s->name, msg);
        df_module_free(m);
        return NULL;
    }
    return m;
}

/* ---------------------------------------------------------------- graph checks */

static int has_disengage(const df_Beat *b) {
    for (int i = 0; i < b->nchoices; i++)
        for (int k = 0; k < b->choices[i].ntags; k++)
            if (b->choices[i].tags[k] == DF_TAG_DISENGAGE) return 1;
    return 0;
}

/* Reachability from the start and to an ending, iteratively (scenarios may have 20k beats). */
void df_loader_check_graph(df_Script *s, const df_Scenario *sc, df_Diags *diags, int errors_only) {
    Ld ld = {s, s->L, NULL, diags}; /* diag() only needs the file */
    int nb = sc->nbeats, ne = sc->nendings, n = nb + ne;
    /* node ids: beats 0..nb-1, endings nb..nb+ne-1 */
    /* A go function without declared targets may lead anywhere: such a beat is marked
     * "wild" (reaches every node, and is taken to reach an ending) instead of getting an
     * edge to every node, which would be quadratic in a large file. */
    size_t nedges = 0;
    for (int i = 0; i < nb; i++)
        for (int k = 0; k < sc->beats[i].nchoices; k++) {
            const df_Choice *c = &sc->beats[i].choices[k];
            nedges += c->go_fn ? (size_t)c->ntargets : 1;
        }
    int *from = malloc(sizeof(int) * (nedges + 1)), *to = malloc(sizeof(int) * (nedges + 1));
    char *fwd = calloc((size_t)n + 1, 1), *back = calloc((size_t)n + 1, 1), *wild = calloc((size_t)n + 1, 1);
    int *queue = malloc(sizeof(int) * (size_t)(n + 1));
    if (!from || !to || !fwd || !back || !wild || !queue) {
        df_diags_add(diags, DF_DIAG_ERROR, s->name, 0, "out of memory while checking the graph");
        goto done;
    }
    int m = 0;
    for (int i = 0; i < nb; i++) {
        const df_Beat *b = &sc->beats[i];
        for (int k = 0; k < b->nchoices; k++) {
            const df_Choice *c = &b->choices[k];
            if (c->go_fn && !c->ntargets) {
                wild[i] = 1;
                char path[512];
                snprintf(path, sizeof path, "beats.%s.choices.%d.go", b->id, k + 1);
                WARN(&ld, path, "go is a function without targets = {...}; the checker cannot follow it");
            } else if (c->go_fn) {
                for (int j = 0; j < c->ntargets; j++) {
                    int tg = c->targets[j];
                    from[m] = i, to[m++] = DF_IS_END(tg) ? nb + DF_END_INDEX(tg) : tg;
                }
            } else if (c->go != DF_NO_TARGET) {
                from[m] = i, to[m++] = DF_IS_END(c->go) ? nb + DF_END_INDEX(c->go) : c->go;
            }
        }
    }
    /* CSR adjacency, forward and backward. */
    int *fs = calloc((size_t)n + 2, sizeof(int)), *bs = calloc((size_t)n + 2, sizeof(int));
    int *fa = malloc(sizeof(int) * (size_t)(m + 1)), *ba = malloc(sizeof(int) * (size_t)(m + 1));
    if (!fs || !bs || !fa || !ba) {
        df_diags_add(diags, DF_DIAG_ERROR, s->name, 0, "out of memory while checking the graph");
        free(fs), free(bs), free(fa), free(ba);
        goto done;
    }
    for (int e = 0; e < m; e++) fs[from[e] + 1]++, bs[to[e] + 1]++;
    for (int i = 0; i < n; i++) fs[i + 1] += fs[i], bs[i + 1] += bs[i];
    {
        int *fp = calloc((size_t)n + 1, sizeof(int)), *bp = calloc((size_t)n + 1, sizeof(int));
        if (fp && bp) {
            for (int e = 0; e < m; e++) {
                fa[fs[from[e]] + fp[from[e]]++] = to[e];
                ba[bs[to[e]] + bp[to[e]]++] = from[e];
            }
        }
        free(fp);
        free(bp);
    }
    /* Forward from the start and from the safety beat (reachable whenever agitation is). */
    int qh = 0, qt = 0;
    if (sc->start >= 0) fwd[sc->start] = 1, queue[qt++] = sc->start;
    if (sc->safety >= 0 && !fwd[sc->safety]) fwd[sc->safety] = 1, queue[qt++] = sc->safety;
    bool any_wild = false;
    while (qh < qt) {
        int u = queue[qh++];
        if (wild[u] && !any_wild) { /* a reached wild beat may go anywhere */
            any_wild = true;
            for (int j = 0; j < n; j++)
                if (!fwd[j]) fwd[j] = 1, queue[qt++] = j;
        }
        for (int e = fs[u]; e < fs[u + 1]; e++)
            if (!fwd[fa[e]]) fwd[fa[e]] = 1, queue[qt++] = fa[e];
    }
    qh = qt = 0;
    for (int i = 0; i < ne; i++) back[nb + i] = 1, queue[qt++] = nb + i;
    /* A beat that already has an error (a misspelt target, a missing table) is taken to reach
     * an ending, so one mistake is not reported again as a loop in every beat before it. */
    const unsigned char *faulty = errors_only ? s->faulty : NULL;
    for (int i = 0; i < nb; i++)
        if (wild[i] || (faulty && faulty[i])) back[i] = 1, queue[qt++] = i;
    while (qh < qt) {
        int u = queue[qh++];
        for (int e = bs[u]; e < bs[u + 1]; e++)
            if (!back[ba[e]]) back[ba[e]] = 1, queue[qt++] = ba[e];
    }
    for (int i = 0; i < nb; i++) {
        const df_Beat *b = &sc->beats[i];
        char path[512];
        snprintf(path, sizeof path, "beats.%s", b->id);
        if (errors_only && faulty && faulty[i]) continue;
        if (!back[i])
            ERR(&ld, path, "no ending can be reached from this beat (a loop with no way out)");
        if (b->tripwire && !has_disengage(b))
            ERR(&ld, path, "a tripwire beat needs a choice tagged 'disengage'");
        if (errors_only) continue; /* the file has errors already: its warnings come once they are fixed */
        if (!fwd[i] && sc->start >= 0) WARN(&ld, path, "unreachable from the start beat '%s'", sc->beats[sc->start].id);
        for (int k = 0; b->tripwire && k < b->nchoices; k++)
            for (int t = 0; t < b->choices[k].ntags; t++)
                if (b->choices[k].tags[t] == DF_TAG_TASK) {
                    char cp[512];
                    snprintf(cp, sizeof cp, "%s.choices.%d", path, k + 1);
                    WARN(&ld, cp, "task work on a tripwire beat is blocked and keeps the learner here; "
                                  "tag it with what it does instead");
                }
        for (int k = 0; k < b->nchoices; k++) {
            char cp[512];
            snprintf(cp, sizeof cp, "%s.choices.%d", path, k + 1);
            if (!b->choices[k].coach) WARN(&ld, cp, "no coach note");
        }
    }
    if (errors_only) goto freed;
    if (sc->safety >= 0) {
        const df_Beat *b = &sc->beats[sc->safety];
        if (!b->tripwire) WARN(&ld, "safety", "the safety beat '%s' should have tripwire = true", b->id);
    }
    for (int i = 0; i < ne; i++) {
        char path[512];
        snprintf(path, sizeof path, "endings.%s", sc->endings[i].id);
        if (!fwd[nb + i]) WARN(&ld, path, "this ending is never reached");
        if (!sc->endings[i].debrief && !sc->endings[i].debrief_fn) WARN(&ld, path, "no debrief text");
    }
freed:
    free(fs), free(bs), free(fa), free(ba);
done:
    free(from);
    free(to);
    free(fwd);
    free(back);
    free(wild);
    free(queue);
}
