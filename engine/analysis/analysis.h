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
    /* The decisions made here, for the item analysis: each distinct set of visible options
     * (a bit per choice index) with the option the model rated best, and how many steps of
     * the walk met it (the first DF_WALK_SHOWN distinct ones are kept). */
    struct {
        unsigned mask;
        int best;                /* choice index in the beat */
        int order[DF_MAX_VISIBLE]; /* the visible options in the order shown */
        int n;
        long seen;
    } shown[4];
    int nshown;
} df_BeatStats;
#define DF_WALK_SHOWN 4

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
/* The same, also giving the item analysis of its walk (items may be NULL; on a failed walk
 * items is left empty). */
struct df_Items;
void df_lint_with_items(const df_Scenario *sc, const df_Host *host, df_Diags *d, struct df_Items *items);

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

/* ---------------------------------------------------------------- item analysis */

/* Each decision is a test item. A decision point is a beat where the player chooses among two
 * or more options; where the visible options or the best one differ by path, the set most
 * steps of the walk met stands for the beat. The best option is the one the model rates best
 * (df_run_best_choice). Cue figures are in words, as a player sees them. */
typedef struct df_ItemPoint {
    int beat, line;
    int n;                          /* options shown */
    int order[DF_MAX_VISIBLE];      /* choice indices in the order shown */
    int words[DF_MAX_VISIBLE];      /* words of each */
    int stock[DF_MAX_VISIBLE];      /* stock phrases in each (df_stock_phrases) */
    int best;                       /* position of the best option (0-based) */
    bool longest, shortest;         /* the best has the most (fewest) words, ties included */
    double spread;                  /* longest / shortest option, in words */
} df_ItemPoint;

typedef struct df_Items {
    df_ItemPoint *points;           /* in file order */
    int npoints;
    int longest, shortest;          /* decision points where the best option is the longest (shortest) */
    int position[DF_MAX_VISIBLE];   /* ... where it is shown at position k */
    int stock_best, stock_other, others; /* best (other) options with a stock phrase; other options */
} df_Items;

/* The thresholds defuse check warns past (docs/authoring.md, "Writing options"). For one
 * scenario, share figures need DF_CUE_MIN_POINTS decision points to mean anything. */
#define DF_CUE_MIN_POINTS 5
#define DF_CUE_LONGEST_MAX 0.45        /* one scenario: best is the longest at most this share, */
#define DF_CUE_SHORTEST_MIN 0.10       /* ... and the shortest at least this share; and the other */
                                       /* way round (length must say nothing either way): the */
                                       /* longest at least DF_CUE_SHORTEST_MIN, the shortest at */
                                       /* most DF_CUE_LONGEST_MAX */
#define DF_CUE_POSITION_MAX 0.50       /* ... and at one position at most this share */
#define DF_CUE_FOLDER_LONGEST_MAX 0.35 /* a folder of scenarios, the same figures (both the */
#define DF_CUE_FOLDER_SHORTEST_MIN 0.15 /* longest and the shortest share between the two) */
#define DF_CUE_FOLDER_POSITION_MAX 0.40
#define DF_CUE_STOCK_RATIO 2.0         /* best options use stock phrases at most this many times as */
#define DF_CUE_STOCK_MIN 0.30          /* often as the others, once over this share of best options */
#define DF_CUE_PHRASE_POINTS 3         /* a phrase the best options of this many decisions share */
#define DF_CUE_PHRASE_SCENARIOS 3      /* ... or of this many scenarios in one folder, */
#define DF_CUE_PHRASE_LONG 6           /* ... or of two when it is this many words or more */
#define DF_CUE_SPREAD_MAX 3.0          /* longest / shortest option at one decision, in words */
#define DF_PHRASE_WORDS 4

/* From a finished walk of sc. 0, or -1 out of memory. */
int df_items(const df_Scenario *sc, const df_Walk *w, df_Items *out);
void df_items_free(df_Items *it);
/* Characters as shown (code points): what "the longest" looks like on screen. */
size_t df_char_count(const char *text);
/* Words in text (letters and digits; "it's" is one word). */
int df_word_count(const char *text);
/* Stock phrases in text: sympathy and apology formulas a test-wise player scans for ("sounds
 * like", "have I got that right", "sorry", "let me", ...). */
int df_stock_phrases(const char *text);

/* Phrases of DF_PHRASE_WORDS words or more that best options share. texts are grouped (a
 * decision point, or a scenario) and come in group order; a phrase is reported when the best
 * texts of min_groups groups or more use it and the other texts use it less often than the
 * best ones (a phrase every option uses is no cue). Returns how many (at most cap). */
typedef struct df_ItemText {
    const char *text;
    int group;
    bool best;
} df_ItemText;
typedef struct df_Phrase {
    char words[256];
    int groups, best, other;
    int first;      /* index in texts of the first best text that uses it */
} df_Phrase;
int df_shared_phrases(const df_ItemText *texts, int n, int min_groups, df_Phrase *out, int cap);

/* Warnings past the thresholds above for one scenario (at the line of the first decision
 * with the cue), phrases its best options share, and briefing text (objectives, title,
 * summary) that repeats a best option. */
void df_lint_items(const df_Scenario *sc, const df_Items *it, df_Diags *d);

/* The same over a folder: figures summed, and phrases best options share across scenarios.
 * Texts are copied (scenarios may be freed after df_items_folder_add). */
#define DF_FOLDER_MAX 512
typedef struct df_ItemsFolder {
    int nscen;
    char files[DF_FOLDER_MAX][256];
    char names[DF_FOLDER_MAX][80]; /* each scenario's resident */
    int points, longest, shortest, position[DF_MAX_VISIBLE], stock_best, stock_other, others;
    df_ItemText *texts; /* every option of every decision point, group = scenario */
    int *lines;
    int ntexts, captexts;
} df_ItemsFolder;
int df_items_folder_add(df_ItemsFolder *f, const df_Scenario *sc, const df_Items *it);
void df_lint_items_folder(const df_ItemsFolder *f, const char *folder, df_Diags *d);
void df_items_folder_free(df_ItemsFolder *f);

/* Single words (and three marks: the resident's name, a stage direction, a question) that
 * tell the best options from the others: a word is a cue when the share of best options
 * among the options that use it is so far from their share among all options that chance
 * would give it less than alpha of the time (binomial), in min_n options or more. Common
 * function words are left out (their share follows length). names[i] is the resident's name
 * for texts[i] (or NULL). Strongest first; returns how many (at most cap). */
typedef struct df_WordCue {
    char word[32];
    int best, other;  /* options with it: best, other */
    double p;         /* the chance of a split this uneven */
    bool marks_best;  /* true: it points at the best option; false: away from it */
} df_WordCue;
#define DF_CUE_WORD_ALPHA 0.005     /* one scenario */
#define DF_CUE_WORD_MIN 6
#define DF_CUE_FOLDER_WORD_ALPHA 0.0002
#define DF_CUE_FOLDER_WORD_MIN 10
int df_word_cues(const df_ItemText *texts, int n, const char *const *names, double alpha, int min_n, df_WordCue *out,
                 int cap);

/* Surface strategies: a player who never reads the situation. Each plays the scenario once
 * (seed 1) picking by the shape of the options alone: the longest or shortest on screen (in
 * characters), a fixed position (the last shown when there are fewer), or the most stock
 * phrases; ties go to the first shown (the stock strategy breaks ties by length in words). */
typedef enum {
    DF_STRAT_LONGEST,
    DF_STRAT_SHORTEST,
    DF_STRAT_FIRST,
    DF_STRAT_SECOND,
    DF_STRAT_THIRD,
    DF_STRAT_FOURTH,
    DF_STRAT_STOCK,
    DF_STRAT_COUNT
} df_Strategy;
/* The library passes when no strategy passes more than this many bundled scenarios, and none
 * averages this score or more. */
#define DF_STRAT_MAX_PASSED 2
#define DF_STRAT_MAX_AVERAGE 50

typedef struct df_StrategyRun {
    df_Strategy strategy;
    int choices[DF_PATH_MAX];
    int n;
    bool finished;  /* reached an ending within DF_PATH_MAX choices */
    df_Outcome outcome;
    int score;
    bool passed;
    double ratio;
} df_StrategyRun;
const char *df_strategy_key(df_Strategy s);
const char *df_strategy_name(df_Strategy s);
int df_play_strategy(const df_Scenario *sc, const df_Host *host, df_Strategy s, df_StrategyRun *out, df_Error *err);

/* "1,2,1" into buf. */
void df_path_format(const df_Path *p, char *buf, size_t cap);

#endif
