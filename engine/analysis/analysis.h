/* analysis.h: walking every path of a scenario with the engine (for the checker, the
 * analyser, the calibration figures and scenario tests). */
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
    long led_in;                 /* arrivals by a step (not the start) */
    double min_led_in, max_led_in; /* minutes of the step that led here (valid once led_in > 0) */
} df_BeatStats;

/* Per choice: how often paths take it, and what the paths through it cost in the end. The
 * ranges are valid once taken > 0. */
typedef struct df_ChoiceStats {
    long taken;
    double total_sum, score_sum;
    double min_minutes, max_minutes; /* what the step itself took: conversation + task + rework */
    double min_total, max_total;     /* time to resolution of the paths through it */
    double jump;                     /* the largest agitation change of one step (signed) */
    df_Band jump_band;               /* the band it was made in */
} df_ChoiceStats;

/* Per ending: the paths that reach it (ranges valid once reached > 0). */
typedef struct df_EndingStats {
    long reached;
    double min_total, max_total;     /* time to resolution, follow-on included */
    double min_inter, max_inter;     /* conversation + task + rework */
    unsigned follow_on;              /* bit per df_FollowOn some path added */
    unsigned bands;                  /* bit per df_Band the resident was in at the end */
} df_EndingStats;

/* A line a says function gave on some path: each distinct line once per beat (or ending) and
 * band. Lines of fixed text and band tables are not collected (they can be read directly). */
typedef struct df_SaidLine {
    int target;     /* beat index, or DF_END(i) for an ending's last words */
    df_Band band;   /* the resident's band when it was said */
    char *text;
} df_SaidLine;

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
    df_EndingStats *endings;/* sc->nendings */
    df_SaidLine *said;      /* lines of says functions, in the order first seen */
    long nsaid;
    df_OutcomeStats by_outcome[DF_OUT_COUNT];
    long paths;             /* complete paths walked */
    long cut;               /* paths cut at max_depth */
    bool truncated;         /* max_paths reached: figures cover part of the tree */
    long outcomes[DF_OUT_COUNT];
    df_Path calmest;        /* least time to resolution of a path that resolves (resolved or
                               routed); has_calmest says there is one */
    bool has_calmest;
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
/* ---------------------------------------------------------------- calibration */

/* The three figures docs/model.md calibrates a scenario by, against its calm visit: the
 * best-score path, a typical novice (the expected time of a player who picks the model's best
 * option half the time: the forecast at the start) and the most escalated path (the most time to
 * resolution of any path that is not a safety exit), all with follow-on. A scenario is timed
 * unless its best path is a safety exit (time is then not scored, and the targets do not
 * apply). */
#define DF_CAL_BEST_MAX 2.0
#define DF_CAL_ESCALATED_MIN 4.0
#define DF_CAL_ESCALATED_MAX 6.0

typedef struct df_Calibration {
    double baseline;                 /* the calm visit, minutes */
    double best, typical, escalated; /* minutes, follow-on included */
    bool typical_sampled;
    bool timed;
    bool has_escalated;
    bool best_ok, typical_ok, escalated_ok; /* within the targets (true when not timed) */
    /* The lesson the forecast must show, checked along the best-score path: at each decision
     * the option taken there projects no more typical time than any mistake on offer (an
     * option whose main tag is a mistake), and does not raise the forecast the player saw
     * before it, each give or take DF_CAL_DIRECTION_SLACK minutes. Up to DF_CAL_MAX_ISSUES
     * places where it fails (mistake 0: the option raised the forecast from mistake_total). */
    int nissues;
    struct {
        int step;                   /* 0-based decision on the best path */
        int best, mistake;          /* 1-based visible numbers */
        double best_total, mistake_total; /* projected typical totals after each */
    } issues[8];
} df_Calibration;
#define DF_CAL_MAX_ISSUES 8
/* A mistake may project up to a minute less (a curt close that still resolves is a little
 * quicker); more than that contradicts the lesson. */
#define DF_CAL_DIRECTION_SLACK 1.0

/* From a finished exhaustive or random walk of sc (for the paths) and a fresh forecast. 0, or
 * -1 with err when a scenario function failed. */
int df_calibrate(const df_Scenario *sc, const df_Host *host, uint64_t seed, const df_Walk *w, df_Calibration *out,
                 df_Error *err);

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

/* Honest numbers (df_lint runs them on its walk; w may be NULL when the walk failed, and then
 * only the checks that need no walk run). Warnings, each at the line of the choice, beat or
 * ending:
 * - durations stated in coach notes, beat notes and debriefs ("about two minutes", "an hour",
 *   "90 seconds") that the model's clock contradicts: outside DF_LINT_TIME_TOLERANCE times
 *   what the walk found for that choice, beat or ending;
 * - choices that move agitation by more than DF_LINT_JUMP in one step without a declared
 *   event (a choice's `event`) or a tripwire beat;
 * - physical acts in resident stage directions ("[Slams the counter.]") in a phone or email
 *   scenario, or in person below Venting. */
#define DF_LINT_TIME_TOLERANCE 1.5
#define DF_LINT_JUMP DF_MAX_STEP /* the model's own cap on an ordinary choice */
void df_lint_text(const df_Scenario *sc, const df_Walk *w, df_Diags *d);

/* The stated durations the minutes check recognises in text, for tests and tools: each as an
 * interval of minutes [lo, hi] (hi is INFINITY for "over ten minutes") with the words that
 * state it. Returns how many were found (at most cap). */
typedef struct df_Duration {
    double lo, hi;
    bool later;     /* its sentence is about what follows the conversation (a complaint, a
                       supervisor, a call back): compared with follow-on and whole-path times too */
    char words[64];
} df_Duration;
int df_durations(const char *text, df_Duration *out, int cap);

/* "1,2,1" into buf. */
void df_path_format(const df_Path *p, char *buf, size_t cap);

#endif
