/* script.h: loading scenario files in the Lua sandbox and evaluating their callbacks. */
#ifndef DF_SCRIPT_H
#define DF_SCRIPT_H

#include "../core/core.h"

/* Sandbox limits (RELIABILITY.md section 1.7); df_limits_default fills the defaults. */
typedef struct df_Limits {
    size_t memory;          /* bytes per Lua state */
    long long load_instr;   /* instructions for loading the file */
    long long call_instr;   /* instructions per callback */
    double load_seconds;    /* wall clock for loading */
    double call_seconds;    /* wall clock per callback */
    size_t max_source;      /* bytes of source */
} df_Limits;

void df_limits_default(df_Limits *lim);

typedef struct df_Script df_Script;

/* Loads, validates and freezes a scenario file (a module file is refused with a message). Every problem goes to diags (errors and
 * warnings, each with file and line). Returns NULL if there was any error. */
df_Script *df_script_load(const char *path, const df_Limits *lim, df_Diags *diags);
/* The same from memory; name is used in messages. */
df_Script *df_script_load_buffer(const char *name, const char *buf, size_t len,
                                 const df_Limits *lim, df_Diags *diags);
void df_script_free(df_Script *s);

/* Loads a module file (return module { ... }): the plan of a trainer's session. NULL on
 * errors (in diags). */
df_Script *df_script_load_module(const char *path, const df_Limits *lim, df_Diags *diags);
/* Loads either kind, for the checker: exactly one of scenario or module is set after. */
df_Script *df_script_load_any(const char *path, const df_Limits *lim, df_Diags *diags);
const df_Module *df_script_module(const df_Script *s);
/* SHA-256 of the source that was loaded (64 hex digits): which version of the file is played,
 * even if the file changes or goes away afterwards. */
const char *df_script_sha256(const df_Script *s);

const df_Scenario *df_script_scenario(const df_Script *s);
/* Host callbacks for df_run_new: they evaluate the scenario's functions in the sandbox. */
const df_Host *df_script_host(df_Script *s);
/* Lines the scenario printed with print() (capped). */
int df_script_log(const df_Script *s, const char *const **lines);
/* Bytes the Lua state holds now, and its peak. */
size_t df_script_memory(const df_Script *s, size_t *peak);

#endif
