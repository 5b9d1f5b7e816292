/* internal.h: shared between the files of the script layer only. */
#ifndef DF_SCRIPT_INTERNAL_H
#define DF_SCRIPT_INTERNAL_H

#include "script.h"

#include <lua.h>

#define DF_LOG_MAX 64

/* A source map: "beats.arrives.choices.2.go" -> line, built from the file's tokens. */
typedef struct df_SrcMap df_SrcMap;
df_SrcMap *df_srcmap_build(const char *src, size_t len);
void df_srcmap_free(df_SrcMap *m);
/* Line of the path, or of its nearest recorded ancestor; 0 when unknown. */
int df_srcmap_line(const df_SrcMap *m, const char *path);
int df_srcmap_root_line(const df_SrcMap *m);
/* Numbers every table constructor of the file and returns the source to run, in which each
 * is wrapped as __defuse_ctor(k, {...}) on its own line (the chunk's first argument is that
 * function); NULL when the file cannot be rewritten safely (then the original is run, and lines
 * come from df_srcmap_line alone). Malloc'd. */
char *df_srcmap_rewrite(df_SrcMap *m, const char *src, size_t len, size_t *outlen);
/* Line of constructor k, and of the key written in it (the last, when written twice; 0 when
 * the key is not written there or only passes a variable on). */
int df_srcmap_ctor_line(const df_SrcMap *m, int k);
int df_srcmap_key_line(const df_SrcMap *m, int k, const char *key);
/* Names written twice in constructor k. */
typedef struct df_SrcDup {
    int ctor;
    const char *key;
    int first, line;
} df_SrcDup;
const df_SrcDup *df_srcmap_dups(const df_SrcMap *m, int k, int *n);

/* Diagnostics one load lists before it only counts them (docs/authoring.md). */
#define DF_DIAG_CAP 50
typedef struct df_DiagCount {
    int shown[2];  /* errors, warnings listed */
    int hidden[2]; /* and counted only */
} df_DiagCount;

struct df_Script {
    lua_State *L;
    char *name;
    char sha256[65];        /* of the source bytes loaded: the version that is played */
    /* allocator accounting */
    size_t used, peak, cap;
    /* budget for the current protected call */
    long long instr, budget;
    double deadline;
    int aborting;           /* a limit tripped: raise again on every instruction */
    char abort_why[64];
    int broken;             /* a limit or memory error happened: refuse further calls */
    const df_Limits *lim;
    df_Limits limits;
    /* run context */
    df_State *cur;          /* state visible to the callback being run */
    int writable;           /* flags may be set (hooks only) */
    df_Rng load_rng;
    df_Scenario *sc;
    df_Host host;
    df_SrcMap *map;
    int marking;            /* the file is running: __defuse_ctor records its tables */
    df_DiagCount *count;    /* of this load's diagnostics (the cap) */
    unsigned char *faulty;  /* [beat]: had an error while converting (graph checks skip it) */
    char *log[DF_LOG_MAX];
    int nlog;
    int scenario_ref;       /* registry ref of the table given to scenario() or module() */
    int is_module;          /* it was module() */
    df_Module *mod;
};

/* Runs fn(L) with nargs already pushed under the budget; 0 or -1 with err. */
int df_sb_pcall(df_Script *s, int nargs, int nresults, long long instr, double seconds,
                const char *what, df_Error *err);
/* Builds a df_Scenario from the table at the top of the stack; problems go to diags. */
df_Scenario *df_loader_convert(df_Script *s, df_Diags *diags);
/* Builds a df_Module from the table at the top of the stack. */
df_Module *df_loader_convert_module(df_Script *s, df_Diags *diags);
/* Graph checks on a converted scenario. errors_only: conversion found errors already; report
 * only the graph's errors, and none for a beat that has one (it counts as reaching an ending). */
void df_loader_check_graph(df_Script *s, const df_Scenario *sc, df_Diags *diags, int errors_only);
/* Adds a Lua message ("chunk:line: text", or plain text) as a diagnostic with its file and
 * line in their own fields, so every problem prints as file:line: error: text. */
void df_sb_diag(df_Diags *d, const char *name, const char *msg);
/* Pushes the read-only proxy for the run state. */
void df_sb_push_state(df_Script *s);

#endif
