/* analysis.h: walking every path of a scenario with the engine (for the checker, the
 * analyser and the debrief's calmest and most escalated comparison paths). */
#ifndef DF_ANALYSIS_H
#define DF_ANALYSIS_H

#include "../core/core.h"

#define DF_PATH_MAX 64

/* One complete path: the choices as shown (1-based), and what it led to. */
typedef struct df_Path {
    int choices[DF_PATH_MAX];
    int n;
    df_Outcome outcome;
    double total, ratio, peak;
    double interaction, ratio_interaction; /* without follow-on */
    int score;
    bool critical;
} df_Path;

typedef struct df_WalkLimits {
    int max_depth;     /* choices per path; longer paths are cut and counted */
    long max_paths;    /* stop after this many complete paths */
    long max_nodes;    /* ... or after visiting this many steps in all (cut paths included) */
    int max_per_beat;  /* times a path may enter one beat (1: no loops; a blocked task may be
                          retried once) before it is cut as circling */
} df_WalkLimits;

/* Per beat: how often paths arrive and how upset the resident is on arrival. */
typedef struct df_BeatStats {
    long arrivals;
    double agitation_sum;
    unsigned bands; /* bit per df_Band the resident was in on arrival */
} df_BeatStats;

/* Per choice: how often paths take it, and what the paths through it cost in the end. */
typedef struct df_ChoiceStats {
    long taken;
    double total_sum, score_sum;
} df_ChoiceStats;

/* Per outcome: every path's total time and score (sorted after the walk, for medians). */
typedef struct df_OutcomeStats {
    double *totals, *scores;
    long n, cap;
} df_OutcomeStats;

typedef struct df_Walk {
    bool random;            /* a sample of random paths, not every path */
    df_BeatStats *beats;    /* sc->nbeats */
    df_ChoiceStats *choices;/* flattened: choice k of beat b at choice_base[b] + k */
    int *choice_base;
    int nchoices;
    df_OutcomeStats by_outcome[DF_OUT_COUNT];
    long paths;             /* complete paths walked */
    long cut;               /* paths cut at max_depth */
    bool truncated;         /* max_paths reached: figures cover part of the tree */
    long outcomes[DF_OUT_COUNT];
    df_Path calmest;        /* least time to resolution, no safety exit */
    df_Path escalated;      /* most time to resolution, no safety exit */
    df_Path best, worst;    /* highest and lowest score */
    bool has_timed;         /* any path without a safety exit */
    double *ratios;         /* every timed path's ratio, sorted (for medians) */
    double *iratios;        /* the same without follow-on, sorted */
    long nratios;
} df_Walk;

void df_walk_limits_default(df_WalkLimits *l);
/* Walks every path from the start (depth first, cutting loops). Returns 0, or -1 with err on a
 * script error; out->truncated says the path limit was reached. */
int df_walk(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_WalkLimits *lim,
            df_Walk *out, df_Error *err);
/* n random paths instead: at each step a choice drawn uniformly from the visible ones with a
 * stream seeded by walk_seed (the run itself uses seed). */
int df_walk_random(const df_Scenario *sc, const df_Host *host, uint64_t seed, uint64_t walk_seed, long n,
                   const df_WalkLimits *lim, df_Walk *out, df_Error *err);
void df_walk_free(df_Walk *w);
/* ---------------------------------------------------------------- scenario tests */

typedef struct df_TestResult {
    bool ok;
    char why[768];        /* every expectation that failed, with the figure that differed */
    char got[256];        /* the run's figures, for the report */
} df_TestResult;

/* Runs one of the scenario's own tests (a path test walks the scenario first). 0, or -1
 * with err when the run itself failed (a script error, or choices out of range). */
int df_test_run(const df_Scenario *sc, const df_Host *host, const df_Test *t, df_TestResult *res, df_Error *err);

/* ---------------------------------------------------------------- lint */

/* The checker's checks that need the engine: bands a beat is reached in without a line for
 * them, text too long for the play screen, effect overrides that saturate a meter. Adds
 * warnings to d (file:line, beat, field). */
void df_lint(const df_Scenario *sc, const df_Host *host, df_Diags *d);

/* "1,2,1" into buf. */
void df_path_format(const df_Path *p, char *buf, size_t cap);

#endif
