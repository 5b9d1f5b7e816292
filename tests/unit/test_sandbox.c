/* test_sandbox.c: every attack class on the scenario sandbox fails clearly, fast, within memory, and the engine plays on. */
#include "harness.h"

#define NAME "attack.lua"
#define T_MAX 3.0   /* seconds any attack may take */
#define MSG_MAX 2200 /* a displayed diagnostic, "file:line: error: " plus a ~2 KiB message */

/* A scenario whose only beat 'a' has the given Lua fields (on line 5), e.g. says = ... */
/* MINI_SCENARIO_HEAD without "return scenario", to bind the table to a local (4 lines). */
#define TABLE_HEAD                                                                          \
    "{\n"                                                                                   \
    "  id = 'mini', title = 'Mini', setting = 'counter', role = 'Clerk',\n"                 \
    "  resident = { name = 'Sam', agitation = 50, trust = 30, need = 'recognition' },\n"    \
    "  start = 'a',\n"

#define ONE_BEAT(fields)                                                                    \
    MINI_SCENARIO_HEAD                                                                      \
    "  beats = { a = { " fields ",\n"                                                       \
    "    choices = { { 'Go on.', tags = { 'listen' }, go = 'done' } } } },\n"               \
    "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n"         \
    "}\n"

/* ---------------------------------------------------------------- helpers */

static df_Limits small_limits(void) {
    df_Limits lim;
    df_limits_default(&lim);
    lim.memory = 16u << 20;
    return lim;
}

static int at_line; /* the test line that called a helper, for failure messages */

/* Fails the test, showing the diagnostics, unless one of them contains needle. */
static void need_diag(const df_Diags *d, const char *needle) {
    if (diags_have(d, needle)) return;
    fprintf(stderr, "  (line %d) missing diagnostic containing \"%s\"; got:\n", at_line, needle);
    diags_dump(d);
    fail();
}

/* No diagnostic may carry terminal control bytes or exceed the display cap. */
static void diags_are_safe(const df_Diags *d) {
    static char buf[1 << 16];
    for (int i = 0; i < d->n; i++) {
        df_diag_format(&d->v[i], buf, sizeof buf);
        size_t n = strlen(buf);
        if (n > MSG_MAX) fprintf(stderr, "  diagnostic %d is %zu bytes\n", i, n);
        assert_true(n <= MSG_MAX);
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)buf[k];
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
                fprintf(stderr, "  control byte 0x%02x in: %s\n", c, buf);
                fail();
            }
        }
    }
}

/* The known-good scenario still loads and plays to its ending in this process. */
static void mini_still_plays(void) {
    df_Diags d = {0};
    df_Script *s = load_text("mini.lua", MINI_SCENARIO, &d);
    if (!s) diags_dump(&d);
    assert_non_null(s);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 42, &err);
    assert_non_null(run);
    for (int i = 0; i < 20 && !df_run_over(run); i++) assert_int_equal(df_run_choose(run, 1, &err), 0);
    assert_true(df_run_over(run));
    const df_Result *r = df_run_result(run);
    assert_non_null(r);
    assert_int_equal(r->declared, DF_OUT_RESOLVED_ACCEPTED);
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
}

/* Loads len bytes of src under lim (NULL: defaults) and asserts that the load is refused
 * within T_MAX with a diagnostic containing each needle (NULL-terminated); then the good
 * scenario must still play. */
static void refused_n(const char *src, size_t len, const df_Limits *lim, ...) {
    df_Diags d = {0};
    double t0 = now_s();
    df_Script *s = df_script_load_buffer(NAME, src, len, lim, &d);
    double dt = now_s() - t0;
    if (s) {
        fprintf(stderr, "  loaded, but should have been refused\n");
        diags_dump(&d);
        df_script_free(s);
        fail();
    }
    assert_true(d.errors > 0);
    va_list ap;
    va_start(ap, lim);
    for (const char *needle; (needle = va_arg(ap, const char *));) need_diag(&d, needle);
    va_end(ap);
    diags_are_safe(&d);
    if (dt >= T_MAX) fprintf(stderr, "  took %.2f s\n", dt);
    assert_true(dt < T_MAX);
    df_diags_free(&d);
    mini_still_plays();
}
#define refused(src, lim, ...) \
    (at_line = __LINE__, refused_n(src, strlen(src), lim, __VA_ARGS__, (const char *)NULL))

/* Loads src (it must succeed, within T_MAX) and returns the script; diags go to d. */
static df_Script *loads(const char *src, const df_Limits *lim, df_Diags *d) {
    double t0 = now_s();
    df_Script *s = df_script_load_buffer(NAME, src, strlen(src), lim, d);
    double dt = now_s() - t0;
    if (!s) diags_dump(d);
    assert_non_null(s);
    assert_true(dt < T_MAX);
    diags_are_safe(d);
    return s;
}

/* True if the script's print() log has a line starting with prefix. */
static int log_has(const df_Script *s, const char *prefix) {
    const char *const *lines;
    int n = df_script_log(s, &lines);
    for (int i = 0; i < n; i++)
        if (!strncmp(lines[i], prefix, strlen(prefix))) return 1;
    for (int i = 0; i < n; i++) fprintf(stderr, "  log: %s\n", lines[i]);
    return 0;
}

/* Loads src, which prints its findings; every expected log line must appear. */
static void probe_n(const char *src, ...) {
    df_Diags d = {0};
    df_Script *s = loads(src, NULL, &d);
    va_list ap;
    va_start(ap, src);
    for (const char *want; (want = va_arg(ap, const char *));) {
        if (!log_has(s, want)) fprintf(stderr, "  (line %d) missing log line \"%s\"\n", at_line, want);
        assert_true(log_has(s, want));
    }
    va_end(ap);
    df_script_free(s);
    df_diags_free(&d);
    mini_still_plays();
}
/* The probe code runs before the mini scenario. */
#define probe(code, ...) (at_line = __LINE__, probe_n(code "\n" MINI_SCENARIO, __VA_ARGS__, (const char *)NULL))
#define probe_file(src, ...) (at_line = __LINE__, probe_n(src, __VA_ARGS__, (const char *)NULL))

/* Loads src, starts a run and asserts that starting it (beat a's hook or says function)
 * fails within T_MAX, within the memory cap, with an error containing each needle. */
static void run_fails_n(const char *src, const df_Limits *lim, ...) {
    df_Diags d = {0};
    df_Script *s = loads(src, lim, &d);
    df_Error err;
    df_error_clear(&err);
    double t0 = now_s();
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    double dt = now_s() - t0;
    char msg[2048];
    df_error_format(&err, msg, sizeof msg);
    if (run) fprintf(stderr, "  run started, but should have failed\n");
    assert_null(run);
    va_list ap;
    va_start(ap, lim);
    for (const char *needle; (needle = va_arg(ap, const char *));) {
        if (!strstr(msg, needle)) fprintf(stderr, "  (line %d) \"%s\" not in: %s\n", at_line, needle, msg);
        assert_non_null(strstr(msg, needle));
    }
    va_end(ap);
    for (const char *p = msg; *p; p++) assert_false((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t');
    assert_true(dt < T_MAX);
    size_t peak;
    df_script_memory(s, &peak);
    assert_true(peak <= (lim ? lim->memory : 64u << 20));
    df_script_free(s);
    df_diags_free(&d);
    mini_still_plays();
}
#define run_fails(src, lim, ...) (at_line = __LINE__, run_fails_n(src, lim, __VA_ARGS__, (const char *)NULL))

/* ---------------------------------------------------------------- 1. capabilities */

/* Class 1: no library that reaches the host, the loader or the collector is visible. */
static void test_capabilities_absent(void **st) {
    (void)st;
    static const char *const names[] = {"io", "os", "package", "require", "dofile", "loadfile",
                                        "load", "loadstring", "debug", "collectgarbage",
                                        "coroutine", "_G", "rawset", "warn", "setfenv", "newproxy",
                                        NULL};
    for (const char *const *n = names; *n; n++) {
        char src[4096], want[128];
        snprintf(src, sizeof src, "local x = %s\n%s", *n, MINI_SCENARIO);
        snprintf(want, sizeof want, NAME ":1: error: undeclared global '%s'", *n);
        refused(src, NULL, want);
    }
    refused("local f = string.dump(function() end)\n" MINI_SCENARIO, NULL, NAME ":1:",
            "string.dump is not available");
    refused("local x = os.execute('true')\n" MINI_SCENARIO, NULL, NAME ":1:", "undeclared global 'os'");
}

/* Class 1: print is harmless: it only appends a sanitised, capped line to the log. */
static void test_print_is_harmless(void **st) {
    (void)st;
    probe("print('hello', 1, nil, true)\nprint('\\27[2Jclear')\n"
          "for i = 1, 1000 do print(('x'):rep(100000)) end",
          "hello\t1\tnil\ttrue", "[2Jclear");
    df_Diags d = {0};
    df_Script *s = loads("for i = 1, 1000 do print(('x'):rep(100000)) end\n" MINI_SCENARIO, NULL, &d);
    const char *const *lines;
    int n = df_script_log(s, &lines);
    assert_true(n <= 64);
    for (int i = 0; i < n; i++) assert_true(strlen(lines[i]) < 600);
    df_script_free(s);
    df_diags_free(&d);
}

/* ---------------------------------------------------------------- 2. bytecode */

/* Class 2: precompiled chunks are refused, with or without a BOM in front. */
static void test_bytecode_refused(void **st) {
    (void)st;
    static const char chunk[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08xV\x00\x00\x00";
    refused_n(chunk, sizeof chunk - 1, NULL, "binary (precompiled) chunks are not accepted", (const char *)NULL);
    static const char bom[] = "\xEF\xBB\xBF\x1bLua\x54\x01\x19\x93\r\n\x1a\n";
    refused_n(bom, sizeof bom - 1, NULL, "binary", (const char *)NULL);
    /* and no way to make one from inside */
    refused("local f = load(string.dump(function() return 1 end))\n" MINI_SCENARIO, NULL,
            NAME ":1: error: undeclared global 'load'");
    refused("local f = load\n" MINI_SCENARIO, NULL, NAME ":1: error: undeclared global 'load'");
}

/* ---------------------------------------------------------------- 3. string metatable */

/* Class 3: the string metatable is hidden and the string library cannot be changed. */
static void test_string_metatable(void **st) {
    (void)st;
    probe("print(type(getmetatable('')), tostring(getmetatable('')))\n"
          "print('rep', ('ab'):rep(2), ('abc'):len())",
          "boolean\tfalse", "rep\tabab\t3");
    refused("local f = ('').dump\nf(function() end)\n" MINI_SCENARIO, NULL, NAME ":2:", "not available");
    refused("string.len = function() return 0 end\n" MINI_SCENARIO, NULL, NAME ":1:", "read-only", "'len'");
    refused("string.len = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "read-only");
    refused("getmetatable('').__index = {}\n" MINI_SCENARIO, NULL, NAME ":1:", "boolean value");
    refused("setmetatable('', {})\n" MINI_SCENARIO, NULL, NAME ":1:", "table expected");
    refused("setmetatable(string, {})\n" MINI_SCENARIO, NULL, NAME ":1:", "protected metatable");
    refused("local s = ''; s.len = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "string value");
    /* even after failed attempts, strings behave */
    probe("pcall(function() string.rep = nil end)\nprint('still', ('x'):rep(3))", "still\txxx");
}

/* ---------------------------------------------------------------- 4. finalizers */

/* Class 4: a __gc metamethod (which would run with hooks off) is refused. */
static void test_gc_finalizer_refused(void **st) {
    (void)st;
    refused("local t = setmetatable({}, {__gc = function() while true do end end})\n" MINI_SCENARIO, NULL,
            NAME ":1:", "__gc");
    /* a __gc added after setmetatable is never called (Lua marks objects at setmetatable) */
    df_Diags d = {0};
    double t0 = now_s();
    df_Script *s = loads("local mt = {}\nlocal t = setmetatable({}, mt)\n"
                         "mt.__gc = function() while true do end end\nt = nil\n" MINI_SCENARIO,
                         NULL, &d);
    df_script_free(s); /* runs a full collection */
    assert_true(now_s() - t0 < T_MAX);
    df_diags_free(&d);
    refused("local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__gc = print\nsetmetatable(t, mt)\n" MINI_SCENARIO,
            NULL, NAME ":4:", "__gc");
    mini_still_plays();
}

/* ---------------------------------------------------------------- 5. pcall and the budget */

/* Class 5: pcall cannot swallow the budget error at load time. */
static void test_pcall_cannot_swallow_budget_at_load(void **st) {
    (void)st;
    refused("while true do pcall(function() while true do end end) end\n" MINI_SCENARIO, NULL,
            NAME ":1:", "instruction budget exceeded");
    refused("local ok = true\nwhile ok do ok = pcall(error) ; ok = true end\n" MINI_SCENARIO, NULL,
            NAME ":2:", "exceeded");
}

/* Class 5: xpcall with a looping handler cannot swallow it either. */
static void test_xpcall_looping_handler(void **st) {
    (void)st;
    refused("while true do\n"
            "  xpcall(function() while true do end end, function(e) while true do end end)\n"
            "end\n" MINI_SCENARIO,
            NULL, NAME ":", "budget");
}

/* Class 5: a says function that loops inside pcall fails the run with the budget error. */
static void test_pcall_cannot_swallow_budget_in_says(void **st) {
    (void)st;
    run_fails(ONE_BEAT("says = function(s)\n"
                       "      while true do pcall(function() while true do end end) end end"),
              NULL, NAME ":6:", "instruction budget exceeded");
    run_fails(ONE_BEAT("says = function(s)\n"
                       "      while true do xpcall(function() while true do end end,\n"
                       "        function() while true do end end) end end"),
              NULL, "budget");
}

/* Class 5: a to-be-closed variable whose __close loops cannot outlive the budget. */
static void test_close_metamethod_loop(void **st) {
    (void)st;
    refused("do local x <close> = setmetatable({}, {__close = function() while true do end end})\n"
            "  while true do end end\n" MINI_SCENARIO,
            NULL, NAME ":", "budget");
}

/* ---------------------------------------------------------------- 6. coroutines */

/* Class 6: there is no way to create a coroutine (which would escape the hook). */
static void test_no_coroutines(void **st) {
    (void)st;
    refused("local co = coroutine.create(function() end)\n" MINI_SCENARIO, NULL,
            NAME ":1: error: undeclared global 'coroutine'");
    refused("local w = coroutine.wrap\n" MINI_SCENARIO, NULL, NAME ":1: error: undeclared global 'coroutine'");
    /* no library value leads to one either */
    probe("local found = {}\n"
          "for _, lib in ipairs({string, table, math, utf8}) do\n"
          "  for k, v in pairs(lib) do if k == 'create' or k == 'wrap' then found[#found + 1] = k end end\n"
          "end\n"
          "print('coroutine entries', #found)",
          "coroutine entries\t0");
}

/* ---------------------------------------------------------------- 7. patterns */

/* Class 7: pattern matching (unbounded C time) is disabled; plain find works. */
static void test_patterns_disabled(void **st) {
    (void)st;
    refused("local r = string.find(('a'):rep(1e5), '.-.-.-.-b$')\n" MINI_SCENARIO, NULL, NAME ":1:",
            "patterns are disabled");
    refused("local r = ('a'):rep(1e5):find('.-.-.-.-b$')\n" MINI_SCENARIO, NULL, NAME ":1:",
            "patterns are disabled");
    static const char *const fns[] = {"match", "gmatch", "gsub", NULL};
    for (const char *const *f = fns; *f; f++) {
        char src[4096], want[128];
        snprintf(src, sizeof src, "local r = string.%s(('a'):rep(1e5), '.-.-.-.-b$', '')\n%s", *f, MINI_SCENARIO);
        snprintf(want, sizeof want, "string.%s is not available", *f);
        refused(src, NULL, NAME ":1:", want);
        snprintf(src, sizeof src, "local r = ('abc'):%s('b', '')\n%s", *f, MINI_SCENARIO);
        refused(src, NULL, NAME ":1:", want);
    }
    probe("local s = ('a'):rep(1e5) .. 'x.-b'\n"
          "print('plain', string.find(s, 'x.-b', 1, true), s:find('zz', 1, true), ('abc'):find('', 2, true))\n"
          "print('neg', ('hello'):find('l', -2, true))",
          "plain\t100001\tnil\t2\t1", "neg\t4\t4");
}

/* ---------------------------------------------------------------- 8. memory */

/* Class 8: every way of growing memory ends in "not enough memory" at the cap. */
static void test_memory_exhaustion(void **st) {
    (void)st;
    df_Limits lim = small_limits();
    refused("local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end\n" MINI_SCENARIO, &lim,
            "not enough memory", "16 MiB");
    refused("local s = ('x'):rep(2^31 - 1)\n" MINI_SCENARIO, &lim, "not enough memory", "16 MiB");
    refused("local s = ('x'):rep(2^31)\n" MINI_SCENARIO, &lim, NAME ":1:", "resulting string too large");
    refused("local s = 'x' while true do s = s .. s end\n" MINI_SCENARIO, &lim, "not enough memory");
    refused("local t = {} for i = 1, 1e9 do t[i] = {} end\n" MINI_SCENARIO, &lim, "not enough memory");
    /* catching the memory error only loops until the instruction budget or the clock */
    refused("while true do pcall(function() local s = 'x' while true do s = s .. s end end) end\n" MINI_SCENARIO,
            &lim, "exceeded");
}

/* Class 8: the same in a says function: the run fails and the peak stays under the cap (big
 * strings, so the cap is reached long before the time limit even under a sanitizer). */
static void test_memory_exhaustion_in_run(void **st) {
    (void)st;
    df_Limits lim = small_limits();
    run_fails(ONE_BEAT("says = function(s) local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(200000) .. i end end"),
              &lim, "not enough memory");
}

/* ---------------------------------------------------------------- 9. recursion */

/* Class 9: Lua recursion and C recursion through metamethods stop with an error. */
static void test_recursion(void **st) {
    (void)st;
    /* Lua's own limit (1M stack slots) needs more than the default 64 MiB cap, which trips
     * first; Lua gives no position for memory errors */
    df_Limits big;
    df_limits_default(&big);
    big.memory = 256u << 20;
    refused("local function f() return f() + 1 end\nf()\n" MINI_SCENARIO, &big, NAME ":1: error: stack overflow");
    refused("local function f() return f() + 1 end\nf()\n" MINI_SCENARIO, NULL, NAME ": in loading the file",
            "not enough memory (limit 64 MiB)");
    refused("local t = setmetatable({}, {__index = function(t, k) return t[k] end})\nlocal x = t.x\n" MINI_SCENARIO,
            NULL, NAME ":1: error: C stack overflow");
    refused("local t = setmetatable({}, {__tostring = function(t) return tostring(t) end})\nprint(t)\n" MINI_SCENARIO,
            NULL, NAME ":1: error: C stack overflow");
    refused("local mt = {} mt.__lt = function(a, b) return a < b end\n"
            "local x = setmetatable({}, mt) < setmetatable({}, mt)\n" MINI_SCENARIO,
            NULL, NAME ":1: error: C stack overflow");
    /* deep nesting in the source is the parser's business */
    char *src = malloc(1 << 20);
    assert_non_null(src);
    size_t n = (size_t)sprintf(src, "local x = ");
    for (int i = 0; i < 100000; i++) src[n++] = '{';
    strcpy(src + n, "\n");
    refused(src, NULL, NAME ": error: C stack overflow"); /* the parser knows no line here */
    free(src);
}

/* ---------------------------------------------------------------- 10. error objects */

/* Class 10: error objects never run their metamethods; huge messages are capped. */
static void test_hostile_error_objects(void **st) {
    (void)st;
    refused("error(setmetatable({}, {__tostring = function() while true do end end}))\n" MINI_SCENARIO, NULL,
            "(error object is a table value)");
    refused("error(nil)\n" MINI_SCENARIO, NULL, "(error object is a nil value)");
    refused("error()\n" MINI_SCENARIO, NULL, "error object is a nil value");
    refused("error(function() while true do end end)\n" MINI_SCENARIO, NULL, "(error object is a function value)");
    refused("error(('y'):rep(10 * 1024 * 1024))\n" MINI_SCENARIO, NULL, NAME ":1: error: yyyy"); /* capped */
    refused("error(('y'):rep(10 * 1024 * 1024), 0)\n" MINI_SCENARIO, NULL, "yyyy");
    run_fails(ONE_BEAT("says = function(s) error(setmetatable({}, {__tostring = function() while true do end end})) end"),
              NULL, "(error object is a table value)");
    run_fails(ONE_BEAT("says = function(s) error(('z'):rep(1e7)) end"), NULL, NAME ":5: zzz");
}

/* ---------------------------------------------------------------- 11. metamethods on tables */

/* Class 11: the loader reads raw, so metamethods on the scenario table never run. */
static void test_loader_ignores_metamethods(void **st) {
    (void)st;
    refused("return scenario(setmetatable({}, {__index = function() error('boom') end}))\n", NULL,
            "required field is missing");
    refused("local loop = function() while true do end end\n"
            "return scenario(setmetatable({}, {__index = loop, __pairs = loop, __len = loop, __newindex = loop}))\n",
            NULL, "required field is missing");
    /* a complete scenario whose tables all carry looping metamethods loads and plays */
    df_Diags d = {0};
    df_Script *s = loads("local real = scenario\n"
                         "local loop = function() while true do end end\n"
                         "local mt = {__index = loop, __pairs = loop, __len = loop, __newindex = loop, __eq = loop}\n"
                         "local function scenario(t)\n"
                         "  setmetatable(t, mt) setmetatable(t.beats, mt) setmetatable(t.beats.a, mt)\n"
                         "  setmetatable(t.beats.a.choices, mt) setmetatable(t.beats.a.choices[1].tags, mt)\n"
                         "  setmetatable(t.resident, mt) setmetatable(t.endings, mt)\n"
                         "  return real(t)\n"
                         "end\n" MINI_SCENARIO,
                         NULL, &d);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 3, &err);
    assert_non_null(run);
    while (!df_run_over(run)) assert_int_equal(df_run_choose(run, 1, &err), 0);
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
    mini_still_plays();
}

/* ---------------------------------------------------------------- 12. cyclic and deep tables */

/* Class 12: a table that contains itself is an error naming the path back (besides the type
 * error it causes), even in an unknown field; deep nesting in unknown fields is only a
 * warning (a DAG 10000 levels deep is walked once per table, not once per path). */
static void test_cyclic_and_deep_tables(void **st) {
    (void)st;
    refused("local t = " TABLE_HEAD
            MINI_SCENARIO_BEATS "}\n"
            "t.beats.a.says = t\nt.beats.b.choices[1].tags = t.beats.b.choices\n"
            "return scenario(t)\n",
            NULL, "beat 'a', field 'says'", "beat 'b', choice 1, field 'tags'",
            "beat 'a', field 'says': refers back to the scenario table",
            "beat 'b', choice 1, field 'tags': refers back to beat 'b', field 'choices'");
    refused("local c = {} c[1] = c\n" MINI_SCENARIO_HEAD "  cyc = c,\n" MINI_SCENARIO_BEATS "}\n", NULL,
            "attack.lua:6: error: field 'cyc.1': refers back to field 'cyc' (the table built at line 1)");
    df_Diags d = {0};
    df_Script *s = loads("local d = {} for i = 1, 10000 do d = { d, deep = d } end\n"
                         MINI_SCENARIO_HEAD "  extra = d,\n" MINI_SCENARIO_BEATS "}\n",
                         NULL, &d);
    need_diag(&d, "unknown field 'extra'");
    df_script_free(s);
    df_diags_free(&d);
    mini_still_plays();
}

/* Every table constructor is numbered for its lines (srcmap.c): the numbering must not change
 * what the file computes. Braces in strings, comments and long strings, \z escapes, the call
 * forms f{...}, f"s"{...}, o:m{...} and f(){...}, and a chunk the wrapping would take past a
 * Lua limit (it is then run unwrapped). */
static void test_constructor_numbering_keeps_meaning(void **st) {
    (void)st;
    probe("local function id(t) return t end\n"
          "local o = { m = function(self, t) return #t end }\n"
          "local function k() return id end\n"
          "local a = id{ 'x', '{', [[ } ]], --[[ { ]] y = '}' }\n"
          "local b = id'z' and 'q\\z\n  {' .. o:m{ 1, 2, 3 } .. #k(){ 4 } .. #({ {}, {} })\n"
          "local c = ({ [1] = 'one', ['two'] = { 2 } })\n"
          "print(a[1] .. a[2] .. a[3] .. a.y .. b .. c[1] .. c.two[1])",
          "x{ } }q{312one2");
    /* 150 nested constructors: wrapped, past the parser's nesting limit; unwrapped, within it */
    char *src = malloc(8000);
    assert_non_null(src);
    int o = snprintf(src, 8000, "local t = ");
    for (int i = 0; i < 150; i++) o += snprintf(src + o, 8000 - (size_t)o, "{");
    for (int i = 0; i < 150; i++) o += snprintf(src + o, 8000 - (size_t)o, "}");
    snprintf(src + o, 8000 - (size_t)o, "\nprint('deep ok')\n%s", MINI_SCENARIO);
    probe_file(src, "deep ok");
    free(src);
}

/* ---------------------------------------------------------------- 13. huge inputs */

/* Class 13: oversized sources, strings and lists are refused with their limit. */
static void test_huge_inputs(void **st) {
    (void)st;
    size_t n = 5u << 20;
    char *src = malloc(n + 1);
    assert_non_null(src);
    memset(src, 'x', n);
    memcpy(src, "--[[", 4);
    memcpy(src + n - 4, "]]\n\n", 4);
    src[n] = '\0';
    refused_n(src, n, NULL, "5242880 bytes; the limit is 1048576", (const char *)NULL);
    free(src);
    refused(ONE_BEAT("says = ('x'):rep(1024 * 1024)"), NULL, NAME ":5:", "beat 'a', field 'says'",
            "1048576 bytes; the limit is");
    refused("local cs = {} for i = 1, 1e5 do cs[i] = { 'Hi.', tags = { 'listen' }, go = 'done' } end\n"
            MINI_SCENARIO_HEAD
            "  beats = { a = { says = 'x', choices = cs } },\n"
            "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n}\n",
            NULL, NAME ":6:", "100000 choices; at most 9");
}

/* ---------------------------------------------------------------- 14. invalid UTF-8 */

/* Class 14: invalid UTF-8 (overlong, surrogate, stray byte) is an error naming the field. */
static void test_invalid_utf8(void **st) {
    (void)st;
    refused("return scenario {\n"
            "  id = 'u', title = 'Bad \\xC0\\xAF', setting = 'counter', role = 'Clerk',\n"
            "  resident = { name = 'Sam\\xFF', agitation = 50, trust = 30, need = 'recognition' },\n"
            "  start = 'a',\n"
            "  beats = { a = { says = 'Surrogate \\xED\\xA0\\x80', choices = {\n"
            "    { 'Ok \\xFF', tags = { 'listen' }, go = 'done' } } } },\n"
            "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n}\n",
            NULL, NAME ":2: error: field 'title': text is not valid UTF-8",
            NAME ":3: error: field 'resident.name': text is not valid UTF-8",
            "beat 'a', field 'says': text is not valid UTF-8", "beat 'a', choice 1");
}

/* ---------------------------------------------------------------- 15. escape sequences */

/* Class 15: terminal escapes never reach a message, whoever wrote them. */
static void test_escape_sequences(void **st) {
    (void)st;
    refused("error('\\27[2J\\27]0;pwned\\7')\n" MINI_SCENARIO, NULL, NAME ":1: error: [2J]0;pwned");
    refused("error('\\xC2\\x9b31m csi')\n" MINI_SCENARIO, NULL, "31m csi");
    refused(ONE_BEAT("says = 'red \\27[31m text'"), NULL, NAME ":5:", "control character");
    refused("return scenario {\n  id = 'e', title = 'T\\27]0;x\\7', setting = 's', role = 'r',\n"
            "  resident = { name = 'n', agitation = 50, trust = 30 },\n  start = 'a',\n"
            "  beats = { ['\\27[31ma'] = { says = 'x', choices = { { 'y', tags = { 'listen' }, go = '\\27[0m' } } } },\n"
            "  endings = { ['\\27[2J'] = { outcome = 'resolved_accepted' } },\n"
            "  ['\\27[1mfield'] = 1,\n}\n",
            NULL, "field 'title': text contains a control character", "not a valid id");
    refused("local x = undefined_\\27[2J\n" MINI_SCENARIO, NULL, NAME ":1:");
    refused("local x = '\\27[2J\n" MINI_SCENARIO, NULL, NAME ":1:", "unfinished string");
}

/* ---------------------------------------------------------------- 16. strict globals */

/* Class 16: undeclared globals can be neither read nor written; _ENV cannot be unlocked. */
static void test_strict_globals(void **st) {
    (void)st;
    refused("local x = undefined_name\n" MINI_SCENARIO, NULL, NAME ":1: error: undeclared global 'undefined_name'");
    refused("\nfoo = 1\n" MINI_SCENARIO, NULL, NAME ":2: error: assignment to undeclared global 'foo'");
    refused("_ENV[1] = 1\n" MINI_SCENARIO, NULL, NAME ":1: error: assignment to undeclared global");
    refused("setmetatable(_ENV, {})\n" MINI_SCENARIO, NULL, NAME ":1:", "protected metatable");
    refused("getmetatable(_ENV).__newindex = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "boolean value");
    refused("rawset(string, 'len', nil)\n" MINI_SCENARIO, NULL, NAME ":1: error: undeclared global 'rawset'");
    refused("string.len = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "read-only");
    refused("table.insert = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "read-only");
    refused("math.random = nil\n" MINI_SCENARIO, NULL, NAME ":1:", "read-only");
    refused("setmetatable(math, nil)\n" MINI_SCENARIO, NULL, NAME ":1:", "protected metatable");
    refused("scenario = nil\n" MINI_SCENARIO, NULL, NAME ":1: error: assignment to undeclared global 'scenario'");
    probe("print('env', getmetatable(_ENV), rawget(_ENV, 'string'), rawget(string, 'len'))", "env\tfalse\tnil\tnil");
    /* a local _ENV only hides the library from the script itself */
    refused("local _ENV = {}\nx = 1\nreturn scenario {}\n", NULL, NAME ":3:", "global 'scenario'");
}

/* ---------------------------------------------------------------- 17. frozen scenario, state */

/* Class 17: the scenario table is read-only once loaded, even through a hook. */
static void test_frozen_scenario_table(void **st) {
    (void)st;
    run_fails("local S\nS = scenario " TABLE_HEAD
              "  beats = {\n"
              "    a = { says = 'Hi.', enter = function(s) S.beats.a.says = 'x' end,\n"
              "          choices = { { 'Go on.', tags = { 'listen' }, go = 'done' } } },\n"
              "  },\n"
              "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n}\nreturn S\n",
              NULL, NAME ":7:", "read-only");
    run_fails("local S\nS = scenario " TABLE_HEAD
              "  beats = {\n"
              "    a = { says = 'Hi.', enter = function(s) rawset(S, 'x', 1) end,\n"
              "          choices = { { 'Go on.', tags = { 'listen' }, go = 'done' } } },\n"
              "  },\n"
              "  endings = { done = { outcome = 'resolved_accepted', debrief = 'Done.' } },\n}\nreturn S\n",
              NULL, NAME ":7:", "undeclared global 'rawset'");
    refused("local S = scenario " TABLE_HEAD MINI_SCENARIO_BEATS "}\nS.title = 'x'\nreturn S\n", NULL,
            NAME ":17:", "read-only");
    refused("local S = scenario " TABLE_HEAD MINI_SCENARIO_BEATS "}\nsetmetatable(S, nil)\nreturn S\n", NULL,
            NAME ":17:", "table expected");
    probe_file("local S = scenario " TABLE_HEAD MINI_SCENARIO_BEATS "}\n"
               "print('frozen', S.title, S.beats.b.says, #S.beats.a.choices, getmetatable(S))\n"
               "local n = 0 for k in pairs(S.beats) do n = n + 1 end print('pairs', n)\nreturn S\n",
          "frozen\tMini\tFine.\t2\tfalse", "pairs\t2");
}

/* Class 17: the run state is read-only; flags are writable only in hooks. */
static void test_state_proxy(void **st) {
    (void)st;
    run_fails(ONE_BEAT("says = 'Hi.', enter = function(s) s.agitation = 0 end"), NULL, NAME ":5:", "read-only");
    run_fails(ONE_BEAT("says = function(s) s.flags.x = true return 'x' end"), NULL, NAME ":5:",
              "flags can only be set in enter and chosen hooks");
    run_fails(ONE_BEAT("says = function(s) return s.nosuchfield end"), NULL, NAME ":5:", "no field 'nosuchfield'");
    run_fails(ONE_BEAT("says = 'Hi.', enter = function(s) setmetatable(s, {}) end"), NULL, NAME ":5:",
              "table expected");
    run_fails(ONE_BEAT("says = 'Hi.', enter = function(s) s.flags.f = {} end"), NULL, NAME ":5:",
              "must be a boolean, number or short string");
    /* flags set in an enter hook are kept and visible to says */
    df_Diags d = {0};
    df_Script *s = loads(ONE_BEAT("says = function(s) return 'x is ' .. tostring(s.flags.x) end,\n"
                                  "    enter = function(s) s.flags.x = true end"),
                         NULL, &d);
    df_Error err;
    df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
    if (!run) fprintf(stderr, "  %s\n", err.msg);
    assert_non_null(run);
    const df_Flag *f = df_state_flag(df_run_state(run), "x");
    assert_non_null(f);
    assert_int_equal(f->type, DF_VAL_BOOL);
    assert_string_equal(df_run_line(run), "x is true");
    df_run_free(run);
    df_script_free(s);
    df_diags_free(&d);
    mini_still_plays();
}

/* ---------------------------------------------------------------- 18. wall clock */

/* Class 18: a load under the instruction budget is still cut by the time limit. */
static void test_wall_clock(void **st) {
    (void)st;
    df_Limits lim;
    df_limits_default(&lim);
    lim.load_instr = 1LL << 60;
    lim.load_seconds = 0.2;
    /* the load is cut close to its limit: a few times the limit, whatever else the machine
     * is doing, and far below what the loops below would take uncut (minutes) */
    const double cut = lim.load_seconds * 5 + 0.5;
    double t0 = now_s();
    refused("while true do end\n" MINI_SCENARIO, &lim, NAME ":1: error: time limit exceeded");
    assert_true(now_s() - t0 < cut);
    /* few instructions, each a C call over megabytes: the clock is still checked in time */
    t0 = now_s();
    refused("local s = ('x'):rep(8e6)\nfor i = 1, 1e9 do local u = s:upper() end\n" MINI_SCENARIO, &lim,
            NAME ":2: error: time limit exceeded");
    assert_true(now_s() - t0 < cut);
    t0 = now_s();
    refused("local s = ('x'):rep(2.5e7)\nfor i = 1, 1e9 do s:find('y', 1, true) end\n" MINI_SCENARIO, &lim,
            NAME ":2: error: time limit exceeded");
    assert_true(now_s() - t0 < cut);
}

/* ---------------------------------------------------------------- long C functions */

/* Long-running C library loops that the count hook cannot interrupt must still be bounded. */
static void test_long_c_functions(void **st) {
    (void)st;
    /* 2^40 nominal length with 44 entries: the border search finds it */
    static const char sparse[] = "local t = {} for _, k in ipairs({1, 2, 4, 5, 8, 9}) do t[k] = 1 end\n"
                                 "for e = 4, 40 do t[1 << e] = 1 end\n";
    probe("print('empty', #(''):rep(1 << 50), #string.rep('', 1 << 62, ''))", "empty\t0\t0");
    refused("table.move({}, 1, 1 << 50, 2)\n" MINI_SCENARIO, NULL, NAME ":1:", "exceeded");
    refused("local t = {} table.move(t, 1, 1 << 50, 2, {})\n" MINI_SCENARIO, NULL, NAME ":1:", "exceeded");
    char src[8192];
    snprintf(src, sizeof src, "%stable.remove(t, 1)\n%s", sparse, MINI_SCENARIO);
    refused(src, NULL, NAME ":3:", "exceeded");
    snprintf(src, sizeof src, "%stable.insert(t, 1, 'x')\n%s", sparse, MINI_SCENARIO);
    refused(src, NULL, NAME ":3:", "exceeded");
    refused("local n = 0\nlocal t = setmetatable({}, {__len = function() n = n + 1 return n == 1 and 3 or 1 << 50 end})\n"
            "table.remove(t, 1) table.insert(t, 1, 'x')\n" MINI_SCENARIO,
            NULL, NAME ":3:", "without a __len metamethod");
    refused("local t = setmetatable({}, {__len = function() return 1 << 50 end})\ntable.remove(t, 1)\n" MINI_SCENARIO,
            NULL, NAME ":2:", "without a __len metamethod");
    /* quadratic plain find */
    refused("local h = ('a'):rep(4e6)\nlocal n = ('a'):rep(2e6) .. 'b'\n"
            "for i = 1, 1000 do string.find(h, n, 1, true) end\n" MINI_SCENARIO,
            NULL, "exceeded");
    /* the ordinary uses still work */
    probe("local t = {1, 2, 3} table.insert(t, 1, 0) table.insert(t, 4) local r = table.remove(t, 1)\n"
          "print('tab', r, table.concat(t, ','), table.concat(table.move({1, 2, 3}, 1, 3, 2), ','))\n"
          "print('rep', ('ab'):rep(3, '-'), (''):rep(5), ('x'):rep(0), #(''):rep(1e9, ''))\n"
          "print('find', ('aaab'):find('aab', 1, true), ('abcabd'):find('abd', 1, true))\n",
          "tab\t0\t1,2,3,4\t1,1,2,3", "rep\tab-ab-ab\t\t\t0", "find\t2\t4\t6");
}

/* ---------------------------------------------------------------- allocation failures */

/* RELIABILITY 2.2: every memory cap either loads the scenario or fails with "memory". */
static void test_allocation_failure_sweep(void **st) {
    (void)st;
    df_Limits lim;
    df_limits_default(&lim);
    int ok = 0, tries = 0;
    for (size_t cap = 1024; !ok && cap <= (64u << 20); cap += 256, tries++) {
        lim.memory = cap;
        df_Diags d = {0};
        df_Script *s = df_script_load_buffer("mini.lua", MINI_SCENARIO, strlen(MINI_SCENARIO), &lim, &d);
        if (s) {
            ok = 1;
            df_Error err;
            df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), 1, &err);
            if (run) { /* a run may also meet the cap: never a crash */
                while (!df_run_over(run) && df_run_choose(run, 1, &err) == 0) {}
                df_run_free(run);
            } else {
                assert_non_null(strstr(err.msg, "memory"));
            }
            df_script_free(s);
        } else {
            if (!diags_have(&d, "memory")) diags_dump(&d);
            assert_true(diags_have(&d, "memory"));
            assert_int_equal(d.errors, 1);
        }
        df_diags_free(&d);
    }
    assert_true(ok);
    assert_true(tries > 1);
    mini_still_plays();
}

/* ---------------------------------------------------------------- many loads */

/* Loading 200 scenarios in a row neither leaks (checked under ASan) nor drifts. */
static void test_many_loads(void **st) {
    (void)st;
    size_t first = 0;
    for (int i = 0; i < 200; i++) {
        df_Diags d = {0};
        df_Script *s = load_text("mini.lua", MINI_SCENARIO, &d);
        assert_non_null(s);
        size_t used = df_script_memory(s, NULL);
        if (i == 0) first = used;
        assert_true(used <= first + 4096);
        df_script_free(s);
        df_diags_free(&d);
        if (i % 20 == 0) { /* hostile loads in between leave nothing behind either */
            df_Diags e = {0};
            df_Limits lim = small_limits();
            lim.load_instr = 1000000;
            static const char hostile[] = "local t = {} while true do pcall(error, t) t[#t + 1] = ('x'):rep(100) end";
            assert_null(df_script_load_buffer(NAME, hostile, sizeof hostile - 1, &lim, &e));
            assert_true(diags_have(&e, "exceeded"));
            df_diags_free(&e);
        }
    }
    mini_still_plays();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capabilities_absent),
        cmocka_unit_test(test_print_is_harmless),
        cmocka_unit_test(test_bytecode_refused),
        cmocka_unit_test(test_string_metatable),
        cmocka_unit_test(test_gc_finalizer_refused),
        cmocka_unit_test(test_pcall_cannot_swallow_budget_at_load),
        cmocka_unit_test(test_xpcall_looping_handler),
        cmocka_unit_test(test_pcall_cannot_swallow_budget_in_says),
        cmocka_unit_test(test_close_metamethod_loop),
        cmocka_unit_test(test_no_coroutines),
        cmocka_unit_test(test_patterns_disabled),
        cmocka_unit_test(test_memory_exhaustion),
        cmocka_unit_test(test_memory_exhaustion_in_run),
        cmocka_unit_test(test_recursion),
        cmocka_unit_test(test_hostile_error_objects),
        cmocka_unit_test(test_loader_ignores_metamethods),
        cmocka_unit_test(test_cyclic_and_deep_tables),
        cmocka_unit_test(test_constructor_numbering_keeps_meaning),
        cmocka_unit_test(test_huge_inputs),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_escape_sequences),
        cmocka_unit_test(test_strict_globals),
        cmocka_unit_test(test_frozen_scenario_table),
        cmocka_unit_test(test_state_proxy),
        cmocka_unit_test(test_wall_clock),
        cmocka_unit_test(test_long_c_functions),
        cmocka_unit_test(test_allocation_failure_sweep),
        cmocka_unit_test(test_many_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
