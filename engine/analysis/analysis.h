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
    int max_per_beat;  /* choices made at one beat on one path before it is cut as a loop */
} df_WalkLimits;

typedef struct df_Walk {
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
/* Walks every path from the start. Returns 0, or -1 with err on a script error. */
int df_walk(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_WalkLimits *lim,
            df_Walk *out, df_Error *err);
void df_walk_free(df_Walk *w);
/* "1,2,1" into buf. */
void df_path_format(const df_Path *p, char *buf, size_t cap);

#endif
