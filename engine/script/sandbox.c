/* sandbox.c: the Lua state for one scenario: capped memory, instruction and time budgets,
 * an allow-listed library set, strict globals, and the callbacks the core calls. */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <lauxlib.h>
#include <lualib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <nettle/sha2.h>

#define HOOK_STEP 1000

void df_limits_default(df_Limits *lim) {
    lim->memory = 64u << 20;
    lim->load_instr = 50000000;
    lim->call_instr = 10000000;
    lim->load_seconds = 2.0;
    lim->call_seconds = 0.25;
    lim->max_source = 1u << 20;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static df_Script *script_of(lua_State *L) { return *(df_Script **)lua_getextraspace(L); }

/* ---------------------------------------------------------------- allocator */

static void trip(lua_State *L, df_Script *s, const char *why);

/* Caps the bytes a scenario may hold. osize is a type tag when ptr is NULL. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    df_Script *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    if (nsize > old && (s->used >= s->cap || nsize - old > s->cap - s->used)) return NULL;
    /* The hook checks the clock only every HOOK_STEP instructions, and one instruction can
     * be a C call over megabytes; big allocations mark such work, so check it here too. */
    if (nsize >= (1u << 20) && s->L && !s->aborting && now_seconds() > s->deadline)
        trip(s->L, s, "time limit exceeded");
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->used = s->used - old + nsize;
    if (s->used > s->peak) s->peak = s->used;
    return p;
}

/* ---------------------------------------------------------------- budget hook */

/* Counts instructions and checks the clock. Once a limit trips it re-arms itself to run
 * on every instruction, so a script that catches the error with pcall meets it again at
 * once and control comes back to the host. */
static void budget_hook(lua_State *L, lua_Debug *ar);

#define WHY_BUDGET "instruction budget exceeded (an endless loop?)"

static void trip(lua_State *L, df_Script *s, const char *why) {
    s->aborting = 1;
    snprintf(s->abort_why, sizeof s->abort_why, "%s", why);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    df_Script *s = script_of(L);
    if (!s->aborting) {
        s->instr += HOOK_STEP;
        const char *why = NULL;
        if (s->instr > s->budget)
            why = WHY_BUDGET;
        else if (now_seconds() > s->deadline)
            why = "time limit exceeded";
        if (!why) return;
        trip(L, s, why);
    }
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, s->abort_why);
    else
        lua_pushstring(L, s->abort_why);
    lua_error(L);
}

/* The count hook never fires inside a C function, so library loops whose length the script
 * controls without paying memory for it (table.move over nils, table.insert/remove on a
 * table whose border is 2^40) are paid for before they start: each step counts as one
 * instruction of the budget. */
static void charge(lua_State *L, lua_Unsigned steps) {
    df_Script *s = script_of(L);
    int late = steps >= 100000 && now_seconds() > s->deadline;
    if (!s->aborting && !late && s->instr < s->budget && steps <= (lua_Unsigned)(s->budget - s->instr)) {
        s->instr += (long long)steps;
        return;
    }
    if (!s->aborting) trip(L, s, late ? "time limit exceeded" : WHY_BUDGET);
    luaL_where(L, 1);
    lua_pushstring(L, s->abort_why);
    lua_concat(L, 2);
    lua_error(L);
}

/* Never calls metamethods of a hostile error object. */
static int msg_handler(lua_State *L) {
    int t = lua_type(L, 1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        lua_tostring(L, -1);
    } else {
        lua_pushfstring(L, "(error object is a %s value)", lua_typename(L, t));
    }
    return 1;
}

/* True if msg starts with "something:123:". */
static int has_position(const char *msg) {
    const char *c = strchr(msg, ':');
    if (!c || c == msg) return 0;
    const char *d = c + 1;
    while (isdigit((unsigned char)*d)) d++;
    return d > c + 1 && *d == ':';
}

void df_sb_diag(df_Diags *d, const char *name, const char *msg) {
    if (has_position(msg)) {
        const char *c = strchr(msg, ':');
        char file[256];
        snprintf(file, sizeof file, "%.*s", (int)(c - msg), msg);
        int line = atoi(c + 1);
        const char *rest = strchr(c + 1, ':') + 1;
        while (*rest == ' ') rest++;
        df_diags_add(d, DF_DIAG_ERROR, file, line, "%s", rest);
    } else {
        df_diags_add(d, DF_DIAG_ERROR, name, 0, "%s", msg);
    }
}

int df_sb_pcall(df_Script *s, int nargs, int nresults, long long instr, double seconds,
                const char *what, df_Error *err) {
    lua_State *L = s->L;
    if (s->broken) {
        lua_pop(L, nargs + 1);
        df_error_set(err, s->name, 0, "scenario disabled after an earlier error (%s)", what);
        return -1;
    }
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msg_handler);
    lua_insert(L, base);
    s->instr = 0;
    s->budget = instr;
    s->deadline = now_seconds() + seconds;
    s->aborting = 0;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    int rc = lua_pcall(L, nargs, nresults, base);
    int aborted = s->aborting;
    s->aborting = 0;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    lua_remove(L, base);
    if (rc == LUA_OK) return 0;

    char msg[2048];
    if (rc == LUA_ERRMEM) {
        if (s->cap >= (1u << 20))
            snprintf(msg, sizeof msg, "not enough memory (limit %zu MiB)", s->cap >> 20);
        else
            snprintf(msg, sizeof msg, "not enough memory (limit %zu KiB)", s->cap >> 10);
        s->broken = 1;
    } else if (rc == LUA_ERRERR) {
        snprintf(msg, sizeof msg, "error while handling an error in %s", what);
    } else {
        size_t len = 0;
        const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : NULL;
        if (!m) m = "(no message)", len = strlen(m);
        df_sanitize(m, len, msg, sizeof msg);
    }
    if (aborted) s->broken = 1;
    lua_pop(L, 1);
    /* Lua's messages start with "chunk:line:" when it knows the line; otherwise name
     * the file and what was running. */
    if (rc != LUA_ERRMEM && has_position(msg))
        df_error_set(err, "", 0, "%s", msg);
    else
        df_error_set(err, s->name, 0, "in %s: %s", what, msg);
    return -1;
}

/* ---------------------------------------------------------------- safe library */

static int l_readonly(lua_State *L) {
    return luaL_error(L, "attempt to modify a read-only table (field '%s')",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

/* Pushes a read-only proxy of the table at idx: reads go through, writes raise. */
static void push_readonly(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_readonly);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

static int l_setmetatable(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in scenarios");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static int l_print(lua_State *L) {
    df_Script *s = script_of(L);
    luaL_Buffer b;
    int n = lua_gettop(L);
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    if (s->nlog < DF_LOG_MAX) {
        size_t len;
        const char *m = lua_tolstring(L, -1, &len);
        char buf[512];
        df_sanitize(m, len, buf, sizeof buf);
        s->log[s->nlog] = strdup(buf);
        if (s->log[s->nlog]) s->nlog++;
    }
    return 0;
}

/* Draws from the run's random stream (or a fixed one while loading). */
static int l_random(lua_State *L) {
    df_Script *s = script_of(L);
    /* Every callback draws from the run's one stream, so a run stays (scenario, seed, choices). */
    df_Rng *r = s->cur ? &s->cur->rng : &s->load_rng;
    int first = lua_type(L, 1) == LUA_TUSERDATA ? 2 : 1; /* s:random(...) */
    int n = lua_gettop(L) - first + 1;
    double u = df_rng_unit(r);
    if (n <= 0) {
        lua_pushnumber(L, u);
        return 1;
    }
    lua_Integer lo = 1, hi;
    if (n == 1) {
        hi = luaL_checkinteger(L, first);
    } else {
        lo = luaL_checkinteger(L, first);
        hi = luaL_checkinteger(L, first + 1);
    }
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo; /* unsigned: no overflow */
    luaL_argcheck(L, lo <= hi && span < (lua_Unsigned)1 << 40, first, "interval is empty or too large");
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + (lua_Unsigned)(u * (double)(span + 1))));
    return 1;
}

/* Plain find in linear time (Knuth-Morris-Pratt): a naive search is quadratic, and the count
 * hook cannot interrupt it (a 4 MB haystack and a 2 MB needle took hours). */
static int l_find_plain(lua_State *L) {
    size_t ls, lp;
    const char *str = luaL_checklstring(L, 1, &ls);
    const char *pat = luaL_checklstring(L, 2, &lp);
    lua_Integer init = luaL_optinteger(L, 3, 1);
    if (!lua_toboolean(L, 4))
        return luaL_error(L, "patterns are disabled in scenarios; use string.find(s, text, init, true)");
    if (init < 0) init = (lua_Integer)ls + init + 1;
    if (init < 1) init = 1;
    if ((size_t)init > ls + 1) {
        lua_pushnil(L);
        return 1;
    }
    const char *hay = str + init - 1;
    size_t lh = ls - (size_t)init + 1;
    if (lp == 0) {
        lua_pushinteger(L, init);
        lua_pushinteger(L, init - 1);
        return 2;
    }
    if (lp > lh) {
        lua_pushnil(L);
        return 1;
    }
    charge(L, (lh + lp) / 16); /* linear work: 16 bytes per instruction of the budget */
    size_t *fail = lua_newuserdatauv(L, lp * sizeof *fail, 0); /* counts against the cap */
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < lp; i++) {
        while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
        if (pat[i] == pat[k]) k++;
        fail[i] = k;
    }
    for (size_t i = 0, k = 0; i < lh; i++) {
        while (k > 0 && hay[i] != pat[k]) k = fail[k - 1];
        if (hay[i] == pat[k]) k++;
        if (k == lp) {
            lua_pushinteger(L, init + (lua_Integer)(i + 1 - lp));
            lua_pushinteger(L, init + (lua_Integer)i);
            return 2;
        }
    }
    lua_pushnil(L);
    return 1;
}

static int l_no_patterns(lua_State *L) {
    return luaL_error(L, "%s is not available in scenarios (patterns are disabled)",
                      lua_tostring(L, lua_upvalueindex(1)));
}

static int l_unavailable(lua_State *L) {
    return luaL_error(L, "%s is not available in scenarios", lua_tostring(L, lua_upvalueindex(1)));
}

/* xpcall whose handler runs after the stack unwinds. Lua calls a message handler while the
 * error is being raised; when the budget hook raised it, hooks stay off (allowhook = 0)
 * until the protected call returns, so a looping handler could never be stopped. Without
 * the debug library a handler cannot tell the difference. */
static int l_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1);
    for (int i = 3; i <= n; i++) lua_pushvalue(L, i);
    int base = n + 1;
    if (lua_pcall(L, n > 2 ? n - 2 : 0, LUA_MULTRET, 0) == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_insert(L, base);
        return lua_gettop(L) - base + 1;
    }
    lua_pushboolean(L, 0);
    lua_pushvalue(L, 2);
    lua_rotate(L, -3, 2); /* false, handler, error */
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        lua_pop(L, 1);
        lua_pushliteral(L, "error in error handling");
    }
    return 2;
}

/* Guards around four library functions whose C loops the script sizes without paying
 * memory for the work: each checks its arguments, charges the loop to the budget, then
 * calls the stock function (upvalue 1). */

/* Calls the original function with the current arguments; returns its results. */
static int call_original(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* string.rep: Lua loops n times even when every piece is empty; answer that at once. */
static int l_rep(lua_State *L) {
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    if ((double)n * (double)(l + lsep) > (double)INT_MAX) /* raised here to carry the line */
        return luaL_error(L, "resulting string too large");
    return call_original(L); /* the result is allocated, so the memory cap bounds it */
}

/* table.move over nils allocates nothing: charge one budget step per element first. */
static int l_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    luaL_checkinteger(L, 4);
    if (e >= f) charge(L, (lua_Unsigned)e - (lua_Unsigned)f + 1u);
    return call_original(L);
}

/* table.insert and table.remove shift every element after the position. Only plain tables
 * are accepted (a __len could report a different border on each call), and the shift is
 * charged before it runs. */
static lua_Integer plain_length(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        luaL_error(L, "table.insert and table.remove need a table without a __len metamethod");
    return (lua_Integer)lua_rawlen(L, 1);
}

/* concat, unpack and sort walk a range the script chooses; with C functions as __index
 * (table.concat itself, say) no instruction runs and nothing is allocated, so neither the
 * hook nor the memory cap would stop them. They take plain tables, and pay for the range. */
static void plain_table(lua_State *L, const char *fn) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (luaL_getmetafield(L, 1, "__index") != LUA_TNIL || luaL_getmetafield(L, 1, "__newindex") != LUA_TNIL ||
        luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        luaL_error(L, "table.%s needs a table without __index, __newindex or __len metamethods", fn);
}

static int l_concat(lua_State *L) {
    plain_table(L, "concat");
    lua_Integer i = luaL_optinteger(L, 3, 1), j = luaL_optinteger(L, 4, (lua_Integer)lua_rawlen(L, 1));
    if (i <= j) charge(L, (lua_Unsigned)j - (lua_Unsigned)i + 1u);
    return call_original(L);
}

static int l_unpack(lua_State *L) {
    plain_table(L, "unpack");
    lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, (lua_Integer)lua_rawlen(L, 1));
    if (i <= j) charge(L, (lua_Unsigned)j - (lua_Unsigned)i + 1u);
    return call_original(L);
}

static int l_sort(lua_State *L) {
    plain_table(L, "sort");
    lua_Unsigned n = lua_rawlen(L, 1);
    charge(L, n * 20u); /* about n log n comparisons for the lengths a memory cap allows */
    return call_original(L);
}

static int l_insert(lua_State *L) {
    lua_Integer len = plain_length(L);
    if (lua_gettop(L) == 3) {
        lua_Integer pos = luaL_checkinteger(L, 2);
        if (pos >= 1 && pos <= len) charge(L, (lua_Unsigned)(len - pos) + 1u);
    }
    return call_original(L);
}

static int l_remove(lua_State *L) {
    lua_Integer len = plain_length(L);
    lua_Integer pos = luaL_optinteger(L, 2, len);
    if (pos >= 1 && pos < len) charge(L, (lua_Unsigned)(len - pos));
    return call_original(L);
}

static int l_undeclared_get(lua_State *L) {
    /* __index of a chunk's environment: the safe library or an error. */
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "undeclared global '%s' (is it spelled right? use local for your own names)",
                          lua_tostring(L, 2));
    return luaL_error(L, "undeclared global");
}

static int l_undeclared_set(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "assignment to undeclared global '%s' (use local)", lua_tostring(L, 2));
    return luaL_error(L, "assignment to undeclared global");
}

/* ---------------------------------------------------------------- frozen scenario table */

static void push_frozen(lua_State *L, int idx);

static int l_frozen_index(lua_State *L) {
    lua_getiuservalue(L, 1, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    if (lua_type(L, -1) == LUA_TTABLE) push_frozen(L, -1);
    return 1;
}

static int l_frozen_newindex(lua_State *L) {
    return luaL_error(L, "scenario tables are read-only once loaded");
}

static int l_frozen_len(lua_State *L) {
    lua_getiuservalue(L, 1, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int l_frozen_next(lua_State *L) {
    lua_getiuservalue(L, 1, 1);
    lua_pushvalue(L, 2);
    if (!lua_next(L, -2)) return 0;
    if (lua_type(L, -1) == LUA_TTABLE) {
        push_frozen(L, -1);
        lua_replace(L, -2);
    }
    return 2;
}

static int l_frozen_pairs(lua_State *L) {
    lua_pushcfunction(L, l_frozen_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* A userdata that reads through to the table and refuses writes, nested tables too. */
static void push_frozen(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_newuserdatauv(L, 0, 1);
    lua_pushvalue(L, idx);
    lua_setiuservalue(L, -2, 1);
    if (luaL_newmetatable(L, "defuse.frozen")) {
        lua_pushcfunction(L, l_frozen_index);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, l_frozen_newindex);
        lua_setfield(L, -2, "__newindex");
        lua_pushcfunction(L, l_frozen_len);
        lua_setfield(L, -2, "__len");
        lua_pushcfunction(L, l_frozen_pairs);
        lua_setfield(L, -2, "__pairs");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

static int declare(lua_State *L, int is_module) {
    df_Script *s = script_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    if (s->scenario_ref != LUA_NOREF) return luaL_error(L, "a file declares one scenario or one module");
    lua_pushvalue(L, 1);
    s->scenario_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    s->is_module = is_module;
    push_frozen(L, 1);
    return 1;
}

static int l_scenario(lua_State *L) { return declare(L, 0); }
static int l_module(lua_State *L) { return declare(L, 1); }

/* ---------------------------------------------------------------- the state proxy */

static df_State *check_cur(lua_State *L) {
    df_Script *s = script_of(L);
    if (!s->cur) luaL_error(L, "the run state is only available inside a scenario function");
    return s->cur;
}

static void push_flag(lua_State *L, const df_Flag *f) {
    if (!f || f->type == DF_VAL_NIL) lua_pushnil(L);
    else if (f->type == DF_VAL_BOOL) lua_pushboolean(L, f->num != 0);
    else if (f->type == DF_VAL_NUM && f->num == (double)(lua_Integer)f->num && fabs(f->num) < 9e15)
        lua_pushinteger(L, (lua_Integer)f->num); /* counters read back as integers */
    else if (f->type == DF_VAL_NUM) lua_pushnumber(L, f->num);
    else lua_pushstring(L, f->str);
}

static int l_flags_index(lua_State *L) {
    df_State *st = check_cur(L);
    const char *k = luaL_checkstring(L, 2);
    push_flag(L, df_state_flag(st, k));
    return 1;
}

static int l_flags_newindex(lua_State *L) {
    df_Script *s = script_of(L);
    df_State *st = check_cur(L);
    const char *k = luaL_checkstring(L, 2);
    if (!s->writable) return luaL_error(L, "flags can only be set in enter and chosen hooks");
    if (strlen(k) >= DF_FLAG_NAME) return luaL_error(L, "flag name '%s' is too long", k);
    int t = lua_type(L, 3);
    bool ok;
    if (t == LUA_TNIL || t == LUA_TBOOLEAN) {
        ok = df_state_set_flag(st, k, t == LUA_TNIL ? DF_VAL_NIL : DF_VAL_BOOL, lua_toboolean(L, 3), NULL);
    } else if (t == LUA_TNUMBER) {
        double v = lua_tonumber(L, 3);
        if (!isfinite(v)) return luaL_error(L, "flag '%s' must be a finite number", k);
        ok = df_state_set_flag(st, k, DF_VAL_NUM, v, NULL);
    } else if (t == LUA_TSTRING) {
        size_t len;
        const char *v = lua_tolstring(L, 3, &len);
        if (len >= DF_FLAG_STR) return luaL_error(L, "flag '%s': string longer than %d bytes", k, DF_FLAG_STR - 1);
        ok = df_state_set_flag(st, k, DF_VAL_STR, 0, v);
    } else {
        return luaL_error(L, "flag '%s' must be a boolean, number or short string, not %s", k,
                          luaL_typename(L, 3));
    }
    if (!ok) return luaL_error(L, "too many flags (at most %d)", DF_MAX_FLAGS);
    return 0;
}

static int l_visits_index(lua_State *L) {
    df_Script *s = script_of(L);
    df_State *st = check_cur(L);
    const char *k = luaL_checkstring(L, 2);
    int b = df_scenario_find_beat(s->sc, k);
    if (b < 0) return luaL_error(L, "s.visits: unknown beat '%s'", k);
    lua_pushinteger(L, st->visits[b]);
    return 1;
}

static int l_used_index(lua_State *L) {
    df_State *st = check_cur(L);
    const char *k = luaL_checkstring(L, 2);
    int t = df_tag_from_key(k);
    if (t < 0) return luaL_error(L, "s.used: unknown tag '%s'", k);
    lua_pushinteger(L, st->used[t]);
    return 1;
}

/* s:line{ uneasy = "...", venting = "..." }: the engine's own choice of line for the
 * resident's band (nearest band, lower first; recovery in the recovery window). */
static int l_state_line(lua_State *L) {
    df_State *st = check_cur(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    df_Text t;
    memset(&t, 0, sizeof t);
    for (int b = 0; b < DF_BAND_COUNT; b++) {
        if (lua_getfield(L, 2, df_band_key((df_Band)b)) == LUA_TSTRING) t.by_band[b] = lua_tostring(L, -1);
        else lua_pop(L, 1); /* the strings stay on the stack while t points at them */
    }
    if (lua_getfield(L, 2, "recovery") == LUA_TSTRING) t.recovery = lua_tostring(L, -1);
    else lua_pop(L, 1);
    lua_pushstring(L, df_text_for(&t, st));
    return 1;
}

static int l_state_index(lua_State *L) {
    df_State *st = check_cur(L);
    const char *k = luaL_checkstring(L, 2);
    if (!strcmp(k, "agitation")) lua_pushnumber(L, st->agitation);
    else if (!strcmp(k, "trust")) lua_pushnumber(L, st->trust);
    else if (!strcmp(k, "band")) lua_pushstring(L, df_band_key(df_band_of(st->agitation)));
    else if (!strcmp(k, "recovery")) lua_pushboolean(L, df_state_in_recovery(st));
    else if (!strcmp(k, "heard")) lua_pushboolean(L, st->heard);
    else if (!strcmp(k, "tripwire")) lua_pushboolean(L, st->tripwire);
    else if (!strcmp(k, "need")) lua_pushstring(L, df_need_key(st->sc->resident.need));
    else if (!strcmp(k, "turn")) lua_pushinteger(L, st->turn);
    else if (!strcmp(k, "minutes")) lua_pushnumber(L, st->clock);
    else if (!strcmp(k, "promises")) lua_pushinteger(L, st->promises + st->false_promises);
    else if (!strcmp(k, "task_done")) lua_pushboolean(L, st->task_done);
    else if (!strcmp(k, "flags") || !strcmp(k, "visits") || !strcmp(k, "used")) {
        lua_getiuservalue(L, 1, !strcmp(k, "flags") ? 1 : !strcmp(k, "visits") ? 2 : 3);
    } else if (!strcmp(k, "random")) lua_pushcfunction(L, l_random);
    else if (!strcmp(k, "line")) lua_pushcfunction(L, l_state_line);
    else return luaL_error(L, "the state has no field '%s'", k);
    return 1;
}

static int l_state_newindex(lua_State *L) {
    return luaL_error(L, "the state is read-only (set flags with s.flags.NAME = value)");
}

static void push_proxy(lua_State *L, const char *mtname, lua_CFunction idx, lua_CFunction nidx) {
    lua_newuserdatauv(L, 0, 3);
    if (luaL_newmetatable(L, mtname)) {
        lua_pushcfunction(L, idx);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, nidx);
        lua_setfield(L, -2, "__newindex");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

static int l_no_write(lua_State *L) { return luaL_error(L, "this table is read-only"); }

/* Creates the state proxy once and keeps it in the registry. */
static void make_state_proxy(lua_State *L) {
    push_proxy(L, "defuse.state", l_state_index, l_state_newindex);
    push_proxy(L, "defuse.flags", l_flags_index, l_flags_newindex);
    lua_setiuservalue(L, -2, 1);
    push_proxy(L, "defuse.visits", l_visits_index, l_no_write);
    lua_setiuservalue(L, -2, 2);
    push_proxy(L, "defuse.used", l_used_index, l_no_write);
    lua_setiuservalue(L, -2, 3);
    lua_setfield(L, LUA_REGISTRYINDEX, "defuse.stateproxy");
}

void df_sb_push_state(df_Script *s) { lua_getfield(s->L, LUA_REGISTRYINDEX, "defuse.stateproxy"); }

/* ---------------------------------------------------------------- building the sandbox */

static const char *const base_allowed[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "tostring", "type",
    "pcall", "rawequal", "rawget", "rawlen", "getmetatable", "_VERSION", NULL};

static const char *const string_allowed[] = {"byte", "char", "format", "len", "lower", "upper",
                                             "rep", "reverse", "sub", NULL};
static const char *const table_allowed[] = {"concat", "insert", "remove", "sort", "unpack",
                                            "pack", "move", NULL};
static const char *const math_allowed[] = {
    "abs", "ceil", "floor", "fmod", "huge", "max", "min", "maxinteger", "mininteger", "modf",
    "pi", "sqrt", "tointeger", "type", "ult", "exp", "log", "sin", "cos", "tan", "asin",
    "acos", "atan", NULL};
static const char *const utf8_allowed[] = {"char", "charpattern", "codepoint", "codes", "len",
                                           "offset", NULL};

/* Copies the allowed fields of the table at src into a fresh table on the stack. */
static void copy_allowed(lua_State *L, int src, const char *const *names) {
    src = lua_absindex(L, src);
    lua_newtable(L);
    for (const char *const *n = names; *n; n++) {
        lua_getfield(L, src, *n);
        lua_setfield(L, -2, *n);
    }
}

/* Runs inside lua_pcall so that memory errors while building are caught. */
static int build_sandbox(lua_State *L) {
    df_Script *s = script_of(L);
    /* Only these libraries are ever opened: base, table, string, math, utf8. */
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
    int g = lua_absindex(L, -5), tab = g + 1, str = g + 2, mth = g + 3, utf = g + 4;

    lua_newtable(L); /* safe: what scenarios see */
    int safe = lua_gettop(L);
    for (const char *const *n = base_allowed; *n; n++) {
        lua_getfield(L, g, *n);
        lua_setfield(L, safe, *n);
    }
    lua_pushcfunction(L, l_setmetatable);
    lua_setfield(L, safe, "setmetatable");
    lua_pushcfunction(L, l_xpcall);
    lua_setfield(L, safe, "xpcall");
    lua_pushcfunction(L, l_print);
    lua_setfield(L, safe, "print");
    lua_pushcfunction(L, l_scenario);
    lua_setfield(L, safe, "scenario");
    lua_pushcfunction(L, l_module);
    lua_setfield(L, safe, "module");

    copy_allowed(L, str, string_allowed);
    lua_pushcfunction(L, l_find_plain);
    lua_setfield(L, -2, "find");
    static const char *const pat_fns[] = {"match", "gmatch", "gsub", NULL};
    for (const char *const *n = pat_fns; *n; n++) {
        lua_pushfstring(L, "string.%s", *n);
        lua_pushcclosure(L, l_no_patterns, 1);
        lua_setfield(L, -2, *n);
    }
    static const char *const gone_fns[] = {"dump", "pack", "unpack", NULL};
    for (const char *const *n = gone_fns; *n; n++) {
        lua_pushfstring(L, "string.%s", *n);
        lua_pushcclosure(L, l_unavailable, 1);
        lua_setfield(L, -2, *n);
    }
    lua_getfield(L, str, "rep");
    lua_pushcclosure(L, l_rep, 1);
    lua_setfield(L, -2, "rep");
    int clean_str = lua_gettop(L);
    push_readonly(L, clean_str);
    lua_setfield(L, safe, "string");

    copy_allowed(L, tab, table_allowed);
    static const struct { const char *name; lua_CFunction fn; } guarded[] = {
        {"move", l_move}, {"insert", l_insert}, {"remove", l_remove},
        {"concat", l_concat}, {"unpack", l_unpack}, {"sort", l_sort}};
    for (size_t i = 0; i < sizeof guarded / sizeof *guarded; i++) {
        lua_getfield(L, tab, guarded[i].name);
        lua_pushcclosure(L, guarded[i].fn, 1);
        lua_setfield(L, -2, guarded[i].name);
    }
    push_readonly(L, -1);
    lua_setfield(L, safe, "table");
    lua_pop(L, 1);

    copy_allowed(L, mth, math_allowed);
    lua_pushcfunction(L, l_random);
    lua_setfield(L, -2, "random");
    push_readonly(L, -1);
    lua_setfield(L, safe, "math");
    lua_pop(L, 1);

    copy_allowed(L, utf, utf8_allowed);
    push_readonly(L, -1);
    lua_setfield(L, safe, "utf8");
    lua_pop(L, 1);

    /* Strings index the cleaned table; their metatable cannot be fetched or changed. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, clean_str);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* Empty the real globals table: nothing unsafe stays reachable from C either. */
    lua_pushnil(L);
    while (lua_next(L, g)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, g);
    }
    /* The environment metatable shared by every chunk: strict reads and writes. */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, safe);
    lua_pushcclosure(L, l_undeclared_get, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_undeclared_set);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, "defuse.envmt");

    make_state_proxy(L);
    (void)s;
    return 0;
}

static void warn_sink(void *ud, const char *msg, int tocont) {
    (void)ud;
    (void)msg;
    (void)tocont; /* warnings (including from finalizers) are dropped: scenarios have none */
}

static df_Script *script_new(const char *name, const df_Limits *lim, df_Error *err) {
    df_Script *s = calloc(1, sizeof *s);
    if (!s) goto oom;
    s->name = strdup(name);
    if (!s->name) goto oom;
    if (lim)
        s->limits = *lim;
    else
        df_limits_default(&s->limits);
    s->cap = s->limits.memory;
    s->scenario_ref = LUA_NOREF;
    df_rng_seed(&s->load_rng, 0);
    s->L = lua_newstate(capped_alloc, s);
    if (!s->L) goto oom;
    *(df_Script **)lua_getextraspace(s->L) = s;
    lua_sethook(s->L, budget_hook, LUA_MASKCOUNT, HOOK_STEP); /* before any script code */
    lua_setwarnf(s->L, warn_sink, NULL);
    lua_pushcfunction(s->L, build_sandbox);
    if (df_sb_pcall(s, 0, 0, s->limits.load_instr, s->limits.load_seconds, "setting up the sandbox", err) != 0) {
        df_script_free(s);
        return NULL;
    }
    return s;
oom:
    df_error_set(err, name, 0, "out of memory");
    if (s) free(s->name);
    free(s);
    return NULL;
}

void df_script_free(df_Script *s) {
    if (!s) return;
    if (s->L) {
        lua_gc(s->L, LUA_GCCOLLECT);
        lua_close(s->L);
    }
    df_scenario_free(s->sc);
    df_module_free(s->mod);
    df_srcmap_free(s->map);
    for (int i = 0; i < s->nlog; i++) free(s->log[i]);
    free(s->name);
    free(s);
}

const df_Scenario *df_script_scenario(const df_Script *s) { return s->sc; }
const df_Module *df_script_module(const df_Script *s) { return s->mod; }

int df_script_log(const df_Script *s, const char *const **lines) {
    *lines = (const char *const *)s->log;
    return s->nlog;
}

size_t df_script_memory(const df_Script *s, size_t *peak) {
    if (peak) *peak = s->peak;
    return s->used;
}

/* ---------------------------------------------------------------- callbacks for the core */

static int call_fn(df_Script *s, int fn, df_State *st, int writable, const char *what, df_Error *err) {
    lua_State *L = s->L;
    if (!lua_checkstack(L, 8)) {
        df_error_set(err, s->name, 0, "Lua stack exhausted");
        return -1;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    df_sb_push_state(s);
    s->cur = st;
    s->writable = writable;
    int rc = df_sb_pcall(s, 1, 1, s->limits.call_instr, s->limits.call_seconds, what, err);
    s->cur = NULL;
    s->writable = 0;
    return rc;
}

/* Names the function's own line when Lua's message has none. */
static void name_function(df_Script *s, int fn, const char *what, df_Error *err) {
    lua_State *L = s->L;
    lua_Debug ar;
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    if (lua_getinfo(L, ">S", &ar)) df_error_set(err, s->name, ar.linedefined, "%s", what);
    else lua_pop(L, 0);
}

static int host_text(void *ud, int fn, df_State *st, char *buf, size_t cap, df_Error *err) {
    df_Script *s = ud;
    if (call_fn(s, fn, st, 0, "a says function", err) != 0) return -1;
    size_t len;
    const char *v = lua_type(s->L, -1) == LUA_TSTRING ? lua_tolstring(s->L, -1, &len) : NULL;
    if (!v) {
        char what[128];
        snprintf(what, sizeof what, "says function returned %s, not a string", luaL_typename(s->L, -1));
        lua_pop(s->L, 1);
        name_function(s, fn, what, err);
        return -1;
    }
    df_sanitize(v, len, buf, cap);
    lua_pop(s->L, 1);
    return 0;
}

static int host_target(void *ud, int fn, df_State *st, char *buf, size_t cap, df_Error *err) {
    df_Script *s = ud;
    if (call_fn(s, fn, st, 0, "a go function", err) != 0) return -1;
    size_t len;
    const char *v = lua_type(s->L, -1) == LUA_TSTRING ? lua_tolstring(s->L, -1, &len) : NULL;
    if (!v || len >= cap) {
        char what[128];
        snprintf(what, sizeof what, "go function returned %s, not a beat id", luaL_typename(s->L, -1));
        lua_pop(s->L, 1);
        name_function(s, fn, what, err);
        return -1;
    }
    memcpy(buf, v, len + 1);
    lua_pop(s->L, 1);
    return 0;
}

static int host_when(void *ud, int fn, df_State *st, bool *out, df_Error *err) {
    df_Script *s = ud;
    if (call_fn(s, fn, st, 0, "a when function", err) != 0) return -1;
    *out = lua_toboolean(s->L, -1);
    lua_pop(s->L, 1);
    return 0;
}

static int host_hook(void *ud, int fn, df_State *st, df_Error *err) {
    df_Script *s = ud;
    if (call_fn(s, fn, st, 1, "a hook", err) != 0) return -1;
    lua_pop(s->L, 1);
    return 0;
}

const df_Host *df_script_host(df_Script *s) {
    s->host.ud = s;
    s->host.text = host_text;
    s->host.target = host_target;
    s->host.when = host_when;
    s->host.hook = host_hook;
    return &s->host;
}

/* ---------------------------------------------------------------- loading */

/* __defuse_ctor(k, t): the wrapper srcmap.c puts around constructor k. While the file runs,
 * remembers that t was built there (in a weak table: a table dropped is forgotten); returns
 * t. A script that calls it itself only mislabels its own lines. */
static int l_ctor(lua_State *L) {
    df_Script *s = script_of(L);
    lua_settop(L, 2);
    if (s->marking && lua_type(L, 2) == LUA_TTABLE && lua_isinteger(L, 1)) {
        if (lua_getfield(L, LUA_REGISTRYINDEX, "defuse.ctors") != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_createtable(L, 0, 1);
            lua_pushliteral(L, "k");
            lua_setfield(L, -2, "__mode");
            lua_setmetatable(L, -2);
            lua_pushvalue(L, -1);
            lua_setfield(L, LUA_REGISTRYINDEX, "defuse.ctors");
        }
        lua_pushvalue(L, 2);
        lua_pushvalue(L, 1);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }
    return 1;
}

/* Diagnostics of one load in line order (file-level ones first), stable. */
typedef struct Ranked {
    df_DiagEntry e;
    int i;
} Ranked;

static int cmp_ranked(const void *a, const void *b) {
    const Ranked *x = a, *y = b;
    if (x->e.line != y->e.line) return x->e.line < y->e.line ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static void sort_diags(df_Diags *d, int first) {
    int n = d->n - first;
    if (n < 2) return;
    Ranked *r = malloc((size_t)n * sizeof *r);
    if (!r) return;
    for (int i = 0; i < n; i++) r[i] = (Ranked){d->v[first + i], i};
    qsort(r, (size_t)n, sizeof *r, cmp_ranked);
    for (int i = 0; i < n; i++) d->v[first + i] = r[i].e;
    free(r);
}

/* After the cap: one line saying how many more there were (counted as they were). */
static void finish_diags(df_Diags *d, int first, const char *name, const df_DiagCount *c) {
    sort_diags(d, first);
    if (c->hidden[0] || c->hidden[1]) {
        char more[160];
        if (c->hidden[0] && c->hidden[1])
            snprintf(more, sizeof more, "%d more error%s and %d more warning%s", c->hidden[0],
                     c->hidden[0] == 1 ? "" : "s", c->hidden[1], c->hidden[1] == 1 ? "" : "s");
        else if (c->hidden[0])
            snprintf(more, sizeof more, "%d more error%s", c->hidden[0], c->hidden[0] == 1 ? "" : "s");
        else
            snprintf(more, sizeof more, "%d more warning%s", c->hidden[1], c->hidden[1] == 1 ? "" : "s");
        int sev = c->hidden[0] ? DF_DIAG_ERROR : DF_DIAG_WARNING;
        df_diags_add(d, sev, name, 0, "\xe2\x80\xa6 and %s (a file lists at most %d errors and %d warnings)", more,
                     DF_DIAG_CAP, DF_DIAG_CAP);
        if (sev == DF_DIAG_ERROR) d->errors--; /* already counted */
        else d->warnings--;
    }
}

enum { WANT_SCENARIO, WANT_MODULE, WANT_ANY };

static void hash_source(df_Script *s, const char *buf, size_t len);

static df_Script *load_buffer(const char *name, const char *buf, size_t len, const df_Limits *lim,
                              df_Diags *diags, int want, df_DiagCount *count) {
    df_Error err;
    df_error_clear(&err);
    df_Limits l;
    if (lim) l = *lim;
    else df_limits_default(&l);
    size_t blank = 0;
    while (blank < len && (buf[blank] == ' ' || buf[blank] == '\t' || buf[blank] == '\r' || buf[blank] == '\n')) blank++;
    if (len == 0 || blank == len) {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "file is empty (expected: return scenario { ... })");
        return NULL;
    }
    if (len > l.max_source) {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "file is %zu bytes; the limit is %zu", len, l.max_source);
        return NULL;
    }
    if (buf[0] == '\x1b') {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "binary (precompiled) chunks are not accepted");
        return NULL;
    }
    if (memchr(buf, '\0', len)) {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "file contains NUL bytes; is it a text file?");
        return NULL;
    }
    /* A BOM is skipped; a "#!" first line becomes a comment, so line numbers hold. */
    char *src = malloc(len + 1);
    if (!src) {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "out of memory");
        return NULL;
    }
    size_t off = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) off = 3;
    memcpy(src, buf + off, len - off);
    size_t slen = len - off;
    src[slen] = '\0';
    if (slen >= 1 && src[0] == '#') /* a "#!" line: blank it, keeping its newline */
        for (size_t i = 0; i < slen && src[i] != '\n'; i++) src[i] = ' ';

    df_Script *s = script_new(name, &l, &err);
    if (s) hash_source(s, buf, len);
    if (!s) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        df_diags_add(diags, DF_DIAG_ERROR, name, 0, "%s", m);
        free(src);
        return NULL;
    }
    lua_State *L = s->L;
    char chunk[300];
    snprintf(chunk, sizeof chunk, "@%s", name);
    int rc = luaL_loadbufferx(L, src, slen, chunk, "t");
    if (rc != LUA_OK) {
        size_t ml = 0;
        const char *m = lua_tolstring(L, -1, &ml);
        char clean[1024];
        df_sanitize(m ? m : "syntax error", m ? ml : 11, clean, sizeof clean);
        /* most syntax errors start with "name:line:"; a few (the parser's C stack limit) do not */
        df_sb_diag(diags, name, clean);
        free(src);
        df_script_free(s);
        return NULL;
    }
    s->map = df_srcmap_build(src, slen);
    s->count = count;
    /* The same source with every table constructor numbered (srcmap.c), so a table built by
     * a helper still has its lines; if Lua refuses it (a limit the wrapping reaches), the
     * original is run as it was. */
    size_t rlen = 0;
    char *rewritten = s->map ? df_srcmap_rewrite(s->map, src, slen, &rlen) : NULL;
    int nargs = 0;
    if (rewritten) {
        lua_pop(L, 1);
        if (luaL_loadbufferx(L, rewritten, rlen, chunk, "t") == LUA_OK) {
            lua_pushcfunction(L, l_ctor);
            nargs = 1;
        } else {
            lua_pop(L, 1);
            if (luaL_loadbufferx(L, src, slen, chunk, "t") != LUA_OK) { /* cannot happen: it loaded above */
                df_diags_add(diags, DF_DIAG_ERROR, name, 0, "cannot load the file twice");
                free(rewritten);
                free(src);
                df_script_free(s);
                return NULL;
            }
        }
        free(rewritten);
    }
    free(src);
    /* The chunk's _ENV: a fresh table with strict access to the safe library. */
    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "defuse.envmt");
    lua_setmetatable(L, -2);
    if (!lua_setupvalue(L, -2 - nargs, 1)) lua_pop(L, 1);
    s->marking = 1;
    int rc_run = df_sb_pcall(s, nargs, 1, l.load_instr, l.load_seconds, "loading the file", &err);
    s->marking = 0;
    if (rc_run != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        df_sb_diag(diags, name, m);
        df_script_free(s);
        return NULL;
    }
    if (s->scenario_ref == LUA_NOREF) {
        df_diags_add(diags, DF_DIAG_ERROR, name, df_srcmap_root_line(s->map),
                     want == WANT_MODULE ? "the file must end with: return module { ... }"
                                         : "the file must end with: return scenario { ... }");
        df_script_free(s);
        return NULL;
    }
    if ((want == WANT_SCENARIO && s->is_module) || (want == WANT_MODULE && !s->is_module)) {
        df_diags_add(diags, DF_DIAG_ERROR, name, 0,
                     s->is_module ? "this is a module (a trainer's session plan), not a scenario"
                                  : "this is a scenario, not a module");
        df_script_free(s);
        return NULL;
    }
    lua_pop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->scenario_ref);
    int errors_before = diags->errors;
    if (s->is_module) {
        s->mod = df_loader_convert_module(s, diags);
        lua_settop(L, 0);
        if (!s->mod || diags->errors > errors_before) {
            df_script_free(s);
            return NULL;
        }
        return s;
    }
    s->sc = df_loader_convert(s, diags);
    lua_settop(L, 0);
    if (s->sc && diags->errors > errors_before) {
        /* the graph's own errors too (a loop with no way out, a tripwire without an exit),
         * around the beats that already have one */
        df_loader_check_graph(s, s->sc, diags, 1);
    }
    if (!s->sc || diags->errors > errors_before) {
        df_script_free(s);
        return NULL;
    }
    df_loader_check_graph(s, s->sc, diags, 0);
    if (diags->errors > errors_before) {
        df_script_free(s);
        return NULL;
    }
    return s;
}

/* Diagnostics quote ids, keys and messages written by the scenario: strip control bytes
 * (terminal escapes) and invalid UTF-8 from every one this load added. */
static void sanitize_diags(df_Diags *d, int first) {
    for (int i = first; i < d->n; i++) {
        char **field[2] = {&d->v[i].file, &d->v[i].msg};
        for (int k = 0; k < 2; k++) {
            char buf[2048];
            size_t len = strlen(*field[k]);
            size_t n = df_sanitize(*field[k], len, buf, sizeof buf);
            if (n == len && !memcmp(buf, *field[k], len)) continue;
            char *c = strdup(buf);
            if (!c) continue;
            free(*field[k]);
            *field[k] = c;
        }
    }
}

df_Script *df_script_load_buffer(const char *name, const char *buf, size_t len,
                                 const df_Limits *lim, df_Diags *diags) {
    int first = diags->n;
    df_DiagCount count = {{0, 0}, {0, 0}};
    df_Script *s = load_buffer(name, buf, len, lim, diags, WANT_SCENARIO, &count);
    if (s) s->count = NULL;
    finish_diags(diags, first, name, &count);
    sanitize_diags(diags, first);
    return s;
}

static df_Script *load_file(const char *path, const df_Limits *lim, df_Diags *diags, int want);

df_Script *df_script_load(const char *path, const df_Limits *lim, df_Diags *diags) {
    return load_file(path, lim, diags, WANT_SCENARIO);
}

df_Script *df_script_load_module(const char *path, const df_Limits *lim, df_Diags *diags) {
    return load_file(path, lim, diags, WANT_MODULE);
}

df_Script *df_script_load_any(const char *path, const df_Limits *lim, df_Diags *diags) {
    return load_file(path, lim, diags, WANT_ANY);
}

static df_Script *load_file(const char *path, const df_Limits *lim, df_Diags *diags, int want) {
    df_Limits l;
    if (lim) l = *lim;
    else df_limits_default(&l);
    FILE *f = fopen(path, "rb");
    if (!f) {
        df_diags_add(diags, DF_DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    char *buf = malloc(l.max_source + 1);
    if (!buf) {
        fclose(f);
        df_diags_add(diags, DF_DIAG_ERROR, path, 0, "out of memory");
        return NULL;
    }
    errno = 0;
    size_t n = fread(buf, 1, l.max_source + 1, f);
    int rerr = ferror(f), e = errno;
    fclose(f);
    if (rerr) {
        df_diags_add(diags, DF_DIAG_ERROR, path, 0, "cannot read: %s", strerror(e ? e : EIO));
        free(buf);
        return NULL;
    }
    if (n > l.max_source) {
        df_diags_add(diags, DF_DIAG_ERROR, path, 0, "file is larger than the %zu-byte limit", l.max_source);
        free(buf);
        return NULL;
    }
    int first = diags->n;
    df_DiagCount count = {{0, 0}, {0, 0}};
    df_Script *s = load_buffer(path, buf, n, &l, diags, want, &count);
    if (s) s->count = NULL;
    finish_diags(diags, first, path, &count);
    sanitize_diags(diags, first);
    free(buf);
    return s;
}

const char *df_script_sha256(const df_Script *s) { return s->sha256; }

static void hash_source(df_Script *s, const char *buf, size_t len) {
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)buf);
    sha256_digest(&ctx, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) snprintf(s->sha256 + 2 * i, 3, "%02x", d[i]);
}
