/* core.h: the simulation core's public API: state, bands, techniques, time, score, runs. */
#ifndef DF_CORE_H
#define DF_CORE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- errors */

/* Every fallible call fills a df_Error; callers print "file:line: message". */
typedef struct df_Error {
    char file[256];
    int line;         /* 0 when unknown */
    char msg[1024];
} df_Error;

void df_error_set(df_Error *err, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void df_error_clear(df_Error *err);
/* "file:line: msg" (or "file: msg", or "msg") into buf. */
void df_error_format(const df_Error *err, char *buf, size_t cap);

/* Diagnostics: a list of "file:line: error|warning: message" lines. */
enum { DF_DIAG_ERROR, DF_DIAG_WARNING, DF_DIAG_NOTE };

typedef struct df_DiagEntry {
    int severity;
    char *file;
    int line;
    char *msg;
} df_DiagEntry;

typedef struct df_Diags {
    df_DiagEntry *v;
    int n, cap;
    int errors, warnings;
} df_Diags;

void df_diags_add(df_Diags *d, int severity, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void df_diags_free(df_Diags *d);
/* "file:line: error: message" */
void df_diag_format(const df_DiagEntry *e, char *buf, size_t cap);

/* Makes text safe to show: invalid UTF-8 becomes U+FFFD, control characters other than
 * newline and tab (C0, DEL and C1) and bidi embeddings, overrides and isolates are dropped, and the result is cut to fit cap (with "..."). Returns the
 * length written. */
size_t df_sanitize(const char *in, size_t len, char *out, size_t cap);
/* True if text holds what has no place in a name or a one-line value: invalid UTF-8, C0
 * controls (newline and tab allowed when allow_newline), DEL, C1 controls (U+0080-U+009F,
 * among them the one-byte CSI U+009B and NEL U+0085) or bidirectional embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069). Used to refuse such text at entry. */
bool df_text_unsafe(const char *s, size_t len, bool allow_newline);
/* Text that came from a user or a file, made safe to print on a terminal: each C0 control
 * but newline and tab is shown as its control picture (ESC as U+241B, DEL as U+2421), each
 * C1 control as the text \x9B, bidi embeddings, overrides and isolates are removed, and
 * invalid UTF-8 becomes U+FFFD; cut at a whole character to fit cap. Returns the length. */
size_t df_term_safe(const char *in, size_t len, char *out, size_t cap);
/* df_term_safe into one of eight rotating buffers (4096 bytes each, per thread), for use as
 * printf arguments: printf("%s %s", df_term_text(a), df_term_text(b)). */
const char *df_term_text(const char *s);
/* True if s is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
bool df_utf8_valid(const char *s, size_t len);
/* Edit distance, for "did you mean". */
int df_edit_distance(const char *a, const char *b);

/* ---------------------------------------------------------------- rng */

/* PCG32: one seeded stream per run; everything random a scenario sees comes from it. */
typedef struct df_Rng {
    uint64_t state, inc;
} df_Rng;

void df_rng_seed(df_Rng *r, uint64_t seed);
uint32_t df_rng_next(df_Rng *r);
double df_rng_unit(df_Rng *r); /* [0, 1) */

/* ---------------------------------------------------------------- bands */

typedef enum df_Band {
    DF_BAND_SETTLED,
    DF_BAND_UNEASY,
    DF_BAND_DEFENSIVE,
    DF_BAND_VENTING,
    DF_BAND_THREATENING,
    DF_BAND_COUNT
} df_Band;

df_Band df_band_of(double agitation);
const char *df_band_name(df_Band b);  /* "Settled" */
const char *df_band_key(df_Band b);   /* "settled" */
int df_band_from_key(const char *key); /* -1 if unknown */
double df_band_floor(df_Band b);       /* lowest agitation in the band */

/* Where a contact happens, as far as the bands are concerned: in person (counter, field,
 * enforcement, internal), on the phone, or in writing (email). */
typedef enum df_Channel { DF_CHANNEL_IN_PERSON, DF_CHANNEL_PHONE, DF_CHANNEL_WRITING } df_Channel;
df_Channel df_channel_of(const char *setting);
/* What a band looks and sounds like in a channel, in a few words ("threats down the line; a
 * hang-up"): the top band is words on the phone and by email, never a body across the counter. */
const char *df_band_sign(df_Band b, df_Channel ch);
/* What one contact is called in a channel, for "a calm visit" and the like: "visit", "call",
 * "email exchange". */
const char *df_contact_noun(df_Channel ch);

/* ---------------------------------------------------------------- needs, dims */

typedef enum df_Need {
    DF_NEED_NONE,
    DF_NEED_INFORMATION,
    DF_NEED_RECOGNITION,
    DF_NEED_CONTROL,
    DF_NEED_FAIRNESS,
    DF_NEED_SAFETY,
    DF_NEED_ACCESS,
    DF_NEED_COUNT
} df_Need;

const char *df_need_key(df_Need n);
int df_need_from_key(const char *key);

#define DF_DIMS(X)                                                        \
    X(SAFETY, "safety", "Safety judgement")                               \
    X(RESPECT, "respect", "Respect and dignity")                          \
    X(LISTENING, "listening", "Listening")                                \
    X(EMPATHY, "empathy", "Acknowledgement and empathy")                  \
    X(CLARITY, "clarity", "Clarity and reasons")                          \
    X(OPTIONS, "options", "Options and voice")                            \
    X(BOUNDARIES, "boundaries", "Boundaries")                             \
    X(OWNERSHIP, "ownership", "Ownership and follow-through")             \
    X(ACCURACY, "accuracy", "Accuracy and compliance")                    \
    X(SELF, "self_management", "Self-management")

typedef enum df_Dim {
#define X(id, key, label) DF_DIM_##id,
    DF_DIMS(X)
#undef X
    DF_DIM_COUNT
} df_Dim;

const char *df_dim_key(df_Dim d);
const char *df_dim_label(df_Dim d);
int df_dim_from_key(const char *key);

/* ---------------------------------------------------------------- techniques */

/* Tag kinds. */
enum { DF_KIND_CONSTRUCTIVE, DF_KIND_MISTAKE, DF_KIND_SAFETY, DF_KIND_TASK };

/* Tag behaviour flags. */
enum {
    DF_TF_GATED = 1 << 0,      /* information: lands only once heard or trusted */
    DF_TF_DECAY = 1 << 1,      /* repeating it halves its effect each time */
    DF_TF_PROMISE = 1 << 2,    /* records a promise that can be kept */
    DF_TF_FALSE_PROMISE = 1 << 3, /* records a promise that will break */
    DF_TF_SUPERVISOR = 1 << 4, /* brings in a supervisor (follow-on minutes) */
    DF_TF_REPEAT = 1 << 5,     /* sends the resident away to call again */
    DF_TF_PRIVATE = 1 << 6,    /* removes the audience */
    DF_TF_SELF = 1 << 7,       /* self-regulation: fewer task errors */
    DF_TF_VENT = 1 << 8,       /* lets venting burn off (drift -3 in Venting) */
    DF_TF_HOLD = 1 << 9,       /* leaves them waiting (drift +2) */
    DF_TF_HOLLOW = 1 << 10,    /* helps once, then grates */
    DF_TF_CRITICAL = 1 << 11,  /* a critical breach whatever the band */
    DF_TF_ACCESS_ONLY = 1 << 12, /* only works when the need is access */
};

typedef struct df_TagInfo {
    const char *key;      /* snake_case id used in scenario files */
    int kind;
    double delta[DF_BAND_COUNT]; /* agitation change by band */
    double trust;         /* trust change */
    double minutes;       /* base minutes of the turn */
    unsigned flags;       /* DF_TF_* */
    unsigned dims;        /* bit per df_Dim */
    unsigned needs;       /* bit per df_Need it matches */
    int heard;            /* points towards "felt heard" (4 = heard) */
    const char *summary;  /* what it sounds like */
} df_TagInfo;

int df_tag_count(void);
const df_TagInfo *df_tag(int id);
int df_tag_from_key(const char *key); /* -1 if unknown */
extern const int DF_TAG_TASK, DF_TAG_DISENGAGE;

/* ---------------------------------------------------------------- outcomes, grades */

typedef enum df_Outcome {
    DF_OUT_RESOLVED_SATISFIED,
    DF_OUT_RESOLVED_ACCEPTED,
    DF_OUT_ROUTED,
    DF_OUT_UNRESOLVED,
    DF_OUT_ESCALATED,
    DF_OUT_SAFETY_EXIT,
    DF_OUT_BREACH,
    DF_OUT_COUNT
} df_Outcome;

const char *df_outcome_key(df_Outcome o);
const char *df_outcome_label(df_Outcome o);
int df_outcome_from_key(const char *key);

typedef enum df_Grade {
    DF_GRADE_BEST,
    DF_GRADE_GOOD,
    DF_GRADE_ACCEPTABLE,
    DF_GRADE_POOR,
    DF_GRADE_HARMFUL,
    DF_GRADE_CRITICAL,
    DF_GRADE_COUNT
} df_Grade;

const char *df_grade_key(df_Grade g);
int df_grade_from_key(const char *key);
int df_grade_points(df_Grade g); /* best 3 ... harmful -2, critical -3 */

typedef enum df_FollowOn {
    DF_FO_SUPERVISOR,
    DF_FO_REPEAT_CONTACT,
    DF_FO_COMPLAINT,
    DF_FO_POLICE,
    DF_FO_COUNT
} df_FollowOn;

const char *df_follow_on_key(df_FollowOn f);
const char *df_follow_on_label(df_FollowOn f);
int df_follow_on_from_key(const char *key);

/* ---------------------------------------------------------------- parameters */

/* Model parameters; df_params_default fills the documented defaults.  */
typedef struct df_Params {
    double M;               /* m(100); range 2..8 */
    double task_minutes;    /* T_task; 0..120 */
    double calm_turns;      /* exchanges in a calm visit; 1..12 */
    double resident_minutes;/* minutes of the resident's side of each exchange */
    double follow_on[DF_FO_COUNT];
} df_Params;

void df_params_default(df_Params *p);
double df_multiplier(const df_Params *p, double agitation); /* m(A) */
double df_calm_baseline(const df_Params *p);

/* ---------------------------------------------------------------- scenario (pure data) */

/* A piece of resident text: fixed, by band, or computed by a host callback. */
typedef struct df_Text {
    const char *fixed;                 /* or NULL */
    const char *by_band[DF_BAND_COUNT];/* any may be NULL */
    const char *recovery;              /* optional line for the recovery window */
    int fn;                            /* host callback handle, 0 = none */
} df_Text;

typedef struct df_FlagSet {
    const char *name;
    int type;          /* DF_VAL_BOOL, DF_VAL_NUM, DF_VAL_STR */
    double num;
    const char *str;
} df_FlagSet;

enum { DF_VAL_NIL, DF_VAL_BOOL, DF_VAL_NUM, DF_VAL_STR };

/* A target is a beat (index >= 0) or an ending (DF_END(i)). */
#define DF_END(i) (-2 - (i))
#define DF_IS_END(t) ((t) <= -2)
#define DF_END_INDEX(t) (-2 - (t))
#define DF_NO_TARGET (-1)

typedef struct df_Choice {
    const char *text;
    int line;
    int tags[4];
    int ntags;
    int go;             /* target, or DF_NO_TARGET when go_fn is used */
    int go_fn;          /* host callback handle */
    int *targets;       /* declared possible targets of go_fn */
    int ntargets;
    int when_fn;
    int chosen_fn;
    const char *coach;
    int grade;          /* -1 = computed by the model */
    const char *event;  /* a declared event ("reveal", "threat", "tripwire", "news") that may move
                           agitation by more than an ordinary choice; NULL = ordinary */
    double eff_agitation, eff_trust, eff_minutes; /* NAN = not overridden */
    df_FlagSet *set;
    int nset;
    const char *promise;
    unsigned dims;      /* 0 = from the tags */
} df_Choice;

typedef struct df_Beat {
    const char *id;
    int line;
    df_Text says;
    df_Choice *choices;
    int nchoices;
    bool tripwire;
    int enter_fn;
    const char *note;
} df_Beat;

typedef struct df_Ending {
    const char *id;
    int line;
    df_Outcome outcome;
    df_Text says;
    const char *debrief;  /* what happened next, for the learner; or */
    int debrief_fn;       /* host callback giving it from the state (the path's own story), 0 = none */
    unsigned follow_on;   /* bit per df_FollowOn */
    bool follow_on_set;   /* false: defaults by outcome */
    int task;             /* -1 default by outcome, 0 no, 1 yes */
} df_Ending;

typedef struct df_Resident {
    const char *name;
    double agitation, trust;
    df_Need need;
    double volatility, recovery;
    bool audience;
    double waited;
    int skin;               /* 1..6, portrait */
    const char *hair, *hair_colour, *top;
} df_Resident;

#define DF_MAX_OBJECTIVES 6

/* A scenario's own test: a run and what must hold at its end (NAN / -1 = not checked). */
enum { DF_TESTPATH_NONE, DF_TESTPATH_CALMEST, DF_TESTPATH_ESCALATED, DF_TESTPATH_BEST, DF_TESTPATH_WORST };

typedef struct df_Test {
    const char *name;
    int line;
    int *choices;
    int nchoices;
    int path;                  /* DF_TESTPATH_*: a path found by walking, instead of choices */
    uint64_t seed;
    unsigned outcomes;         /* bit per df_Outcome; 0 = any */
    int ending;                /* ending index or -1 */
    int passed, critical;      /* -1, 0 or 1 */
    double min_score, max_score, min_minutes, max_minutes;
    double min_ratio, max_ratio, min_ratio_interaction, max_ratio_interaction;
} df_Test;

typedef struct df_Scenario {
    const char *file;       /* as given to the loader */
    const char *id, *title, *setting, *role, *summary, *difficulty;
    double minutes;
    const char *objectives[DF_MAX_OBJECTIVES];
    int nobjectives;
    df_Resident resident;
    df_Params params;
    int start;              /* beat index */
    int safety;             /* beat index or -1 */
    int walkout;            /* ending a resident leaves by after DF_WALKOUT_TURNS hot turns, or -1 */
    df_Beat *beats;
    int nbeats;
    df_Ending *endings;
    int nendings;
    df_Test *tests;
    int ntests;
    struct df_Arena *arena; /* owns every string and array above */
} df_Scenario;

/* A trainer's 20-minute module: the session plan defuse present runs. Pure data. */
#define DF_MAX_POINTS 8
#define DF_MAX_EXERCISE 4
#define DF_MAX_WRAPUP 6
#define DF_MAX_ROLES 8
#define DF_MAX_DEBRIEF 4

typedef struct df_Point {
    const char *title, *body, *notes, *question, *reveal;
    int line;
} df_Point;

/* The parts of a session, in order; a module's pace gives each its minutes. */
typedef enum { DF_PART_OPENING, DF_PART_POINTS, DF_PART_EXERCISE, DF_PART_WRAPUP, DF_PART_CLOSING,
               DF_PART_COUNT } df_Part;
const char *df_part_key(df_Part p);

typedef struct df_Module {
    const char *file, *id, *title, *audience, *closing;
    double minutes;
    double pace[DF_PART_COUNT]; /* minutes per part; all 0 when the module gives no pace */
    int has_pace;
    const char *roles[DF_MAX_ROLES];
    int nroles;
    const char *objectives[DF_MAX_OBJECTIVES];
    int nobjectives;
    df_Point points[DF_MAX_POINTS];
    int npoints;
    const char *exercise[DF_MAX_EXERCISE]; /* scenario ids */
    int exercise_line[DF_MAX_EXERCISE];
    int nexercise;
    const char *wrapup[DF_MAX_WRAPUP];
    int nwrapup;
    const char *debrief[DF_MAX_DEBRIEF]; /* questions for the room debrief after the exercise */
    int ndebrief;
    struct df_Scenario *store; /* owns the strings (through its arena) */
} df_Module;

void df_module_free(df_Module *m);

/* The scenario owns an arena; the loader allocates through these. */
df_Scenario *df_scenario_new(void);
void df_scenario_free(df_Scenario *sc);
void *df_scenario_alloc(df_Scenario *sc, size_t size); /* zeroed; NULL on OOM or over the cap */
/* Caps the bytes the arena hands out (the loader uses the sandbox's memory limit). */
void df_scenario_set_cap(df_Scenario *sc, size_t bytes);
const char *df_scenario_strdup(df_Scenario *sc, const char *s, size_t len);
int df_scenario_find_beat(const df_Scenario *sc, const char *id);
int df_scenario_find_ending(const df_Scenario *sc, const char *id);
/* Resolves a beat or ending id to a target; DF_NO_TARGET if unknown. */
int df_scenario_target(const df_Scenario *sc, const char *id);
const char *df_scenario_target_id(const df_Scenario *sc, int target);
/* Starting agitation after the wait. */
double df_scenario_start_agitation(const df_Scenario *sc);

/* A resident who stays Venting or worse for this many exchanges in a row, with no safety
 * event, gives up on the conversation and leaves by the scenario's walk-out ending. */
#define DF_WALKOUT_TURNS 3

/* ---------------------------------------------------------------- state */

#define DF_MAX_FLAGS 64
#define DF_FLAG_NAME 48
#define DF_FLAG_STR 64
#define DF_MAX_PROMISES 16

typedef struct df_Flag {
    char name[DF_FLAG_NAME];
    int type;
    double num;
    char str[DF_FLAG_STR];
} df_Flag;

/* Everything that changes during a run; a run is (scenario, seed, choices). */
typedef struct df_State {
    const df_Scenario *sc;
    double agitation, trust;
    bool heard;
    int heard_points;
    double peak;
    int recovery_turns;     /* > 0 while in the recovery window */
    int b5_turns;           /* consecutive turns at Threatening */
    int hot_turns;          /* consecutive turns at Venting or above (the walk-out rule) */
    bool walked_out;        /* the resident gave up on the conversation and left */
    bool tripwire;
    bool disengaged;        /* disengaged after the tripwire: the safety moment is over */
    bool audience;
    bool self_regulated;
    bool task_done;
    int turn;
    int beat;               /* current beat, or an ending target when over */
    int *visits;            /* per beat, sc->nbeats */
    int *decided;           /* per beat: decisions made there (a blocked task decides twice);
                               the same allocation as visits, after it */
    int used[64];           /* per tag */
    int promises, false_promises;
    double clock;           /* conversation + task + rework so far */
    double conversation, task, rework;
    unsigned follow_on;     /* events that add follow-on costs */
    df_Rng rng;
    int nflags;
    df_Flag flags[DF_MAX_FLAGS]; /* last: copies of a state copy only the flags in use */
} df_State;

const df_Flag *df_state_flag(const df_State *st, const char *name);
/* The line of a text table for the state: the recovery line in the recovery window, else
 * the band's line, else the nearest band's (lower first); "" if there is none. */
const char *df_text_for(const df_Text *t, const df_State *st);
/* Sets a flag; returns false if the table is full or the name too long. */
bool df_state_set_flag(df_State *st, const char *name, int type, double num, const char *str);
bool df_state_in_recovery(const df_State *st);
bool df_state_task_ready(const df_State *st);

/* ---------------------------------------------------------------- host callbacks */

/* The core asks its host (the script layer) to evaluate dynamic parts. Every callback
 * returns 0 on success or -1 with err filled. Callbacks may draw from st->rng; only hook
 * may change anything else (flags). Strings written to buf are NUL-terminated. */
typedef struct df_Host {
    void *ud;
    int (*text)(void *ud, int fn, df_State *st, char *buf, size_t cap, df_Error *err);
    int (*target)(void *ud, int fn, df_State *st, char *buf, size_t cap, df_Error *err);
    int (*when)(void *ud, int fn, df_State *st, bool *out, df_Error *err);
    int (*hook)(void *ud, int fn, df_State *st, df_Error *err);
} df_Host;

/* ---------------------------------------------------------------- effects */

/* What a choice would do from a given state, before any randomness. */
typedef struct df_Effect {
    double d_agitation, d_trust;   /* after all multipliers and drift */
    double minutes;                /* conversation minutes (already x m(A)) */
    bool task_attempt, task_blocked, gated;
    bool need_match;
    int heard_points;
} df_Effect;

/* The most one choice moves agitation, either way, unless the choice declares an event. */
#define DF_MAX_STEP 20.0

void df_effect_predict(const df_State *st, const df_Choice *c, df_Effect *out);

/* ---------------------------------------------------------------- runs */

#define DF_LINE_MAX 4096
#define DF_MAX_VISIBLE 9

/* The forecast: time to resolution still ahead from a state, follow-on included, found by
 * playing the continuations with the engine (never authored). "Best" is best play from here:
 * the model's best option at every decision to the ending (resolves says whether that road
 * resolves: resolved or routed, or a safety exit once there is a threat); "typical" is the
 * expected time of a typical novice (DF_NOVICE_BEST_SHARE); "worst" the most of any
 * continuation (of those that are not a safety exit, when there are any). Paths that circle
 * (re-enter a beat, retry a blocked task twice) are left out, as in analysis. When the
 * continuations are too many to walk (max_nodes), typical and worst come from a fixed sample
 * (best play plus typical novices) and sampled says so. Deterministic: the same state gives
 * the same figures. */
typedef struct df_Forecast {
    bool valid;          /* false: not computed, or a scenario function failed on the way */
    bool sampled;
    bool resolves;       /* best play from here resolves (or exits safely after a threat) */
    long paths;          /* continuations counted */
    double spent;        /* minutes so far when it was made (the run's total once over) */
    double best, typical, worst; /* minutes still ahead; worst avoids safety exits when it can */
} df_Forecast;

/* The typical novice of the forecast and of calibration picks the option the model rates
 * best half the time, and one of the others, equally likely, otherwise. */
#define DF_NOVICE_BEST_SHARE 0.5

typedef struct df_ForecastLimits {
    long max_nodes;      /* choices tried before the forecast samples instead */
    int samples;         /* random players in a sample */
    int max_depth;       /* choices per continuation */
    double best_share;   /* how often the typical player picks the model's best option (0: at random) */
    const atomic_bool *cancel; /* another thread may set it to stop the walk (the forecast is then invalid) */
} df_ForecastLimits;

/* The limits the faces use: well inside 50 ms a choice for the bundled scenarios. */
void df_forecast_limits_default(df_ForecastLimits *l);

/* What one decision says about one rubric dimension (docs/model.md, "The rubric"). */
typedef enum df_Evidence {
    DF_EVIDENCE_NONE,    /* the dimension was not at stake here */
    DF_EVIDENCE_RAISED,  /* the choice showed it well (graded best or good) */
    DF_EVIDENCE_HELD,    /* showed it, no more (acceptable) */
    DF_EVIDENCE_LOWERED, /* the choice carried it and went wrong (poor or worse) */
    DF_EVIDENCE_MISSED,  /* the right move here showed it, and the choice did not */
    DF_EVIDENCE_COUNT
} df_Evidence;

const char *df_evidence_key(df_Evidence e); /* "raised", "held", "lowered", "missed" */

typedef struct df_Step {
    int beat;
    int choice;          /* index in the beat */
    int shown;           /* 1-based number the player saw */
    int nvisible;
    int visible[DF_MAX_VISIBLE];
    char *said;          /* resident line shown before the choice */
    df_Grade grade;
    int best;            /* index of the best visible choice */
    double a_before, a_after, t_before, t_after;
    double conversation, task, rework; /* minutes this step added */
    bool task_blocked, gated, tripwire, need_match;
    df_Band band_before, band_after;
    double clock_after;
    df_Forecast forecast; /* after the choice, when the run keeps forecasts */
    unsigned char evidence[DF_DIM_COUNT]; /* df_Evidence per rubric dimension */
} df_Step;

typedef struct df_Result {
    df_Outcome outcome;
    df_Outcome declared;    /* what the ending said, before safety checks */
    int ending;
    char *final_line;
    char *debrief;          /* the ending's debrief for this run (its function's words on this
                               path), or NULL when it has none */
    bool final_failed;      /* the says function of the ending failed: final_line is empty, */
    df_Error final_error;   /* and this says why (file:line), for the author */
    double conversation, task, rework, follow_on, total;
    double follow_on_parts[DF_FO_COUNT];
    double baseline;
    double ratio;           /* total (with follow-on) / calm baseline */
    double ratio_interaction; /* conversation + task + rework / calm baseline */
    double choice_quality, outcome_score, time_score; /* 0..1 each */
    bool time_scored;
    bool critical;
    bool passed;
    int score;              /* 0..100 */
    int dims[DF_DIM_COUNT]; /* 0..100, -1 = not part of this run (never at stake) */
} df_Result;

typedef struct df_Run df_Run;

/* Creates a run at the start beat (runs its enter hook). NULL with err on failure. */
df_Run *df_run_new(const df_Scenario *sc, const df_Host *host, uint64_t seed, df_Error *err);
void df_run_free(df_Run *run);
/* A deep copy, for exploring branches from the same point. NULL on OOM. */
df_Run *df_run_clone(const df_Run *run);
bool df_run_over(const df_Run *run);
const df_State *df_run_state(const df_Run *run);
/* The current beat's resident line and the visible choices (indices into the beat). */
const char *df_run_line(const df_Run *run);
int df_run_visible(const df_Run *run, const int **idx);
/* Picks the n-th visible choice (1-based). -1 with err on a script error; 1 when n is out of range. */
int df_run_choose(df_Run *run, int n, df_Error *err);
int df_run_steps(const df_Run *run, const df_Step **steps);
/* True after a scenario function failed: the run takes no more choices. */
bool df_run_broken(const df_Run *run);
/* Authoring aid ("start from here"): moves a run to a beat as if it had just been entered,
 * keeping the state. 0, or -1 with err. */
int df_run_jump(df_Run *run, int beat, df_Error *err);
const df_Result *df_run_result(const df_Run *run); /* NULL until over */
/* The 1-based number of the visible choice the model rates best now (the author's `grade =
 * "best"` when set; disengaging after a safety event); 0 when the run takes no choices. */
int df_run_best_choice(const df_Run *run);
/* A copy for exploring from this point that keeps the state but not the log of earlier
 * steps, and grades nothing (its result has times and an outcome, but no grades, score or
 * rubric): cheaper than df_run_clone. NULL on OOM. */
df_Run *df_run_fork(const df_Run *run);

/* Forecast from the run's current state. lim NULL = the defaults. 0, or -1 with err when a
 * scenario function failed on a continuation (out->valid is then false). */
int df_forecast(const df_Run *run, const df_ForecastLimits *lim, df_Forecast *out, df_Error *err);
/* The whole scenario from its start, walked exactly up to DF_FORECAST_WHOLE_NODES choices
 * (sampled past them, and saying so): worst is the escalated road (the most time to
 * resolution of any path that is not a safety exit), typical the typical novice, best the
 * best play from the start. The debrief's bars and analysis's calibration use it. */
#define DF_FORECAST_WHOLE_NODES 3000000L
int df_escalated_road(const df_Scenario *sc, const df_Host *host, uint64_t seed, df_Forecast *out, df_Error *err);
/* The same, stopped early (returning -1, out invalid) when another thread sets *cancel. */
int df_escalated_road_cancel(const df_Scenario *sc, const df_Host *host, uint64_t seed, const atomic_bool *cancel,
                             df_Forecast *out, df_Error *err);
/* The same for the scenario, host and seed of a run. */
int df_run_escalated_road(const df_Run *run, df_Forecast *out, df_Error *err);
/* Asks the run to keep a forecast at the start and after every choice (the faces turn it on;
 * analysis does not, as it costs a walk per choice). A forecast that fails is kept invalid;
 * the run goes on. */
void df_run_keep_forecasts(df_Run *run, bool on);
/* The forecast before the first choice (invalid unless kept). */
const df_Forecast *df_run_start_forecast(const df_Run *run);
/* The forecast in force before step i was chosen: the start's for step 0, else step i-1's. */
const df_Forecast *df_run_forecast_before(const df_Run *run, int step);
/* Projected time to resolution: minutes spent plus the best or the typical still ahead. */
double df_forecast_best_total(const df_Forecast *f);
double df_forecast_typical_total(const df_Forecast *f);
/* Minutes as "m:ss" ("1:05:00" past an hour); signed adds "+" or "-" (U+2212) to a change. */
void df_minutes_text(double minutes, bool signed_change, char *buf, size_t cap);
uint64_t df_run_seed(const df_Run *run);

/* ---------------------------------------------------------------- room votes */

/* The tally of a room's votes on one decision in a group session. The trainer presses an
 * option's letter once per raised hand (or types a count); Backspace undoes the last
 * press or typed count; the trainer may override the room and pick any option. */
#define DF_TALLY_UNDO 512
#define DF_TALLY_MAX_COUNT 999

typedef enum { DF_TALLY_NONE = -1, DF_TALLY_TIE = -2 } df_TallyOutcome;

typedef struct df_Tally {
    int noptions;
    int count[DF_MAX_VISIBLE];
    struct { int option, before; } undo[DF_TALLY_UNDO];
    int nundo;
    int override;          /* the trainer's pick, or -1 */
} df_Tally;

void df_tally_init(df_Tally *t, int noptions);
/* One more vote for option (0-based); -1 if option is out of range or the count is full. */
int df_tally_vote(df_Tally *t, int option);
/* Sets option's count to a typed number (0..DF_TALLY_MAX_COUNT); -1 if out of range. */
int df_tally_set(df_Tally *t, int option, int count);
/* Undoes the last vote or typed count; returns its option, or -1 when there is nothing. */
int df_tally_undo(df_Tally *t);
/* The trainer picks option whatever the votes say; -1 clears the override. */
int df_tally_override(df_Tally *t, int option);
int df_tally_total(const df_Tally *t);
/* Share of the votes for option, 0..1 (0 when nobody voted). */
double df_tally_share(const df_Tally *t, int option);
/* The option the room goes with: the override when set, else the one with most votes.
 * DF_TALLY_NONE without votes, DF_TALLY_TIE when two or more options share the most votes
 * (the trainer must pick); *leaders, if given, gets a bit per option with the most votes. */
int df_tally_result(const df_Tally *t, unsigned *leaders);

/* ---------------------------------------------------------------- a module's deck */

/* The slides of a group session in order: title, objectives, one per point, one per
 * exercise scenario, the room debrief, wrap-up, thanks. A point steps through its body,
 * then its question, then its reveal, so a clicker's Next uncovers one thing at a time. */
typedef enum { DF_SLIDE_TITLE, DF_SLIDE_OBJECTIVES, DF_SLIDE_POINT, DF_SLIDE_EXERCISE,
               DF_SLIDE_DEBRIEF, DF_SLIDE_WRAPUP, DF_SLIDE_THANKS } df_SlideKind;

typedef struct df_Slide {
    df_SlideKind kind;
    int index;  /* the point or exercise it shows; 0 otherwise */
    int nsteps; /* 1; up to 3 for a point with a question and a reveal; DF_DEBRIEF_STEPS */
    df_Part part;
} df_Slide;

#define DF_MAX_SLIDES (5 + DF_MAX_POINTS + DF_MAX_EXERCISE)
/* The room debrief steps through the path and votes, the time beside a calm visit and the
 * escalated road, the road not taken beside the room's, and the discussion questions. */
#define DF_DEBRIEF_STEPS 4

typedef struct df_Deck {
    const df_Module *m;
    df_Slide slides[DF_MAX_SLIDES];
    int n, cur, step;
    double spent[DF_PART_COUNT]; /* seconds spent in each part */
} df_Deck;

const char *df_slide_key(df_SlideKind k);
void df_deck_init(df_Deck *d, const df_Module *m);
const df_Slide *df_deck_slide(const df_Deck *d);
/* Next step, or the next slide's first; 0 when it moved, -1 at the end. */
int df_deck_next(df_Deck *d);
/* Previous step, or the previous slide's last; 0 when it moved, -1 at the start. */
int df_deck_back(df_Deck *d);
/* Jumps to the first slide of a kind (index for points and exercises); -1 if none. */
int df_deck_goto(df_Deck *d, df_SlideKind kind, int index);
/* Adds seconds of wall time to the part on screen. */
void df_deck_tick(df_Deck *d, double seconds);
/* Seconds spent and budgeted (from the pace; the whole module when part < 0). A budget of
 * 0 means the module gives no pace for that part. */
double df_deck_spent(const df_Deck *d, int part);
double df_deck_budget(const df_Deck *d, int part);

#endif
