/* run.c: one playthrough: applying choices, the clock, the run log, the ending and the score. */
#include "core.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct df_Run {
    const df_Scenario *sc;
    df_Host host;
    uint64_t seed;
    df_State st;
    char line[DF_LINE_MAX];
    int visible[DF_MAX_VISIBLE];
    int nvisible;
    df_Step *steps;
    int nsteps, capsteps;
    bool over;
    bool broken; /* a scenario function failed: the run stops where it is */
    bool keep_forecasts;
    bool lean;   /* a fork for exploring: keeps no log of steps and grades nothing */
    df_Forecast start_forecast;
    df_Result result;
};

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* ---------------------------------------------------------------- text */

const char *df_text_for(const df_Text *t, const df_State *st) {
    if (t->recovery && df_state_in_recovery(st)) return t->recovery;
    if (t->fixed) return t->fixed;
    int b = df_band_of(st->agitation);
    for (int d = 0; d < DF_BAND_COUNT; d++) {
        if (b - d >= 0 && t->by_band[b - d]) return t->by_band[b - d];
        if (b + d < DF_BAND_COUNT && t->by_band[b + d]) return t->by_band[b + d];
    }
    return "";
}

static int eval_text(df_Run *run, const df_Text *t, char *buf, size_t cap, df_Error *err) {
    if (t->fn && run->host.text) return run->host.text(run->host.ud, t->fn, &run->st, buf, cap, err);
    snprintf(buf, cap, "%s", df_text_for(t, &run->st));
    return 0;
}

/* ---------------------------------------------------------------- entering beats */

static void finish(df_Run *run, int ending);

/* Computes the visible choices of the current beat. */
static int refresh_view(df_Run *run, df_Error *err) {
    const df_Beat *b = &run->sc->beats[run->st.beat];
    run->nvisible = 0;
    for (int i = 0; i < b->nchoices && run->nvisible < DF_MAX_VISIBLE; i++) {
        const df_Choice *c = &b->choices[i];
        bool show = true;
        if (c->when_fn && run->host.when &&
            run->host.when(run->host.ud, c->when_fn, &run->st, &show, err) != 0)
            return -1;
        if (show) run->visible[run->nvisible++] = i;
    }
    if (run->nvisible == 0) {
        df_error_set(err, run->sc->file, b->line, "beat '%s' has no visible choices", b->id);
        return -1;
    }
    return eval_text(run, &b->says, run->line, sizeof run->line, err);
}

static int enter(df_Run *run, int target, df_Error *err) {
    if (DF_IS_END(target)) {
        finish(run, DF_END_INDEX(target));
        return 0;
    }
    const df_Beat *b = &run->sc->beats[target];
    /* A resident who arrives Threatening is a safety event (a threat, intrusion): from here
     * only disengaging is right. A beat with no way to disengage hands over to the
     * scenario's safety beat. Once the employee has disengaged the contact is over: what
     * follows (the report, a break) is theirs, however upset the resident left. */
    if (df_band_of(run->st.agitation) == DF_BAND_THREATENING && !b->tripwire && !run->st.disengaged) {
        run->st.tripwire = true;
        bool can_leave = false;
        for (int i = 0; i < b->nchoices && !can_leave; i++)
            for (int k = 0; k < b->choices[i].ntags; k++) can_leave |= b->choices[i].tags[k] == DF_TAG_DISENGAGE;
        if (!can_leave && run->sc->safety >= 0 && run->sc->safety != target) {
            target = run->sc->safety;
            b = &run->sc->beats[target];
        }
    }
    run->st.beat = target;
    run->st.visits[target]++;
    if (b->tripwire) run->st.tripwire = true;
    if (b->enter_fn && run->host.hook &&
        run->host.hook(run->host.ud, b->enter_fn, &run->st, err) != 0)
        return -1;
    return refresh_view(run, err);
}

df_Run *df_run_new(const df_Scenario *sc, const df_Host *host, uint64_t seed, df_Error *err) {
    df_error_clear(err);
    if (sc->start < 0 || sc->start >= sc->nbeats) {
        df_error_set(err, sc->file, 0, "scenario has no start beat");
        return NULL;
    }
    df_Run *run = calloc(1, sizeof *run);
    if (!run) goto oom;
    run->st.visits = calloc(2 * (size_t)sc->nbeats + 1, sizeof *run->st.visits);
    if (!run->st.visits) goto oom;
    run->st.decided = run->st.visits + sc->nbeats;
    run->sc = sc;
    if (host) run->host = *host;
    run->seed = seed;
    df_State *st = &run->st;
    st->sc = sc;
    st->agitation = df_scenario_start_agitation(sc);
    st->trust = clampd(sc->resident.trust, 0, 100);
    st->peak = st->agitation;
    st->audience = sc->resident.audience;
    df_rng_seed(&st->rng, seed);
    if (enter(run, sc->start, err) != 0) {
        df_run_free(run);
        return NULL;
    }
    return run;
oom:
    if (run) free(run->st.visits);
    free(run);
    df_error_set(err, sc->file, 0, "out of memory");
    return NULL;
}

/* A copy's own visit and decision counts (one allocation, as in df_run_new). */
static int copy_counts(df_Run *c, const df_Run *run) {
    size_t n = 2 * (size_t)run->sc->nbeats + 1;
    c->st.visits = malloc(n * sizeof *c->st.visits);
    if (!c->st.visits) return -1;
    memcpy(c->st.visits, run->st.visits, n * sizeof *c->st.visits);
    c->st.decided = c->st.visits + run->sc->nbeats;
    return 0;
}

df_Run *df_run_clone(const df_Run *run) {
    df_Run *c = malloc(sizeof *c);
    if (!c) return NULL;
    *c = *run;
    c->steps = NULL;
    c->nsteps = c->capsteps = 0;
    c->result.final_line = c->result.debrief = NULL;
    if (copy_counts(c, run) != 0) goto fail;
    if (run->nsteps) {
        c->steps = malloc((size_t)run->nsteps * sizeof *c->steps);
        if (!c->steps) goto fail;
        c->capsteps = run->nsteps;
        for (int i = 0; i < run->nsteps; i++) {
            c->steps[i] = run->steps[i];
            c->steps[i].said = strdup(run->steps[i].said);
            if (!c->steps[i].said) goto fail;
            c->nsteps = i + 1;
        }
    }
    if (run->result.final_line && !(c->result.final_line = strdup(run->result.final_line))) goto fail;
    if (run->result.debrief && !(c->result.debrief = strdup(run->result.debrief))) goto fail;
    return c;
fail:
    df_run_free(c);
    return NULL;
}

df_Run *df_run_fork(const df_Run *run) {
    df_Run *c = malloc(sizeof *c);
    if (!c) return NULL;
    /* Everything but the parts of the big buffers that are not in use: the flag table past
     * nflags and the resident's line past its end (forks explore; they are made by the
     * thousand). The state's flags come last in it, and the line follows the state. */
    _Static_assert(offsetof(df_Run, line) == offsetof(df_Run, st) + sizeof(df_State),
                   "the line must follow the state");
    size_t flags_at = offsetof(df_Run, st) + offsetof(df_State, flags);
    memcpy(c, run, flags_at);
    memcpy(c->st.flags, run->st.flags, (size_t)run->st.nflags * sizeof run->st.flags[0]);
    size_t len = strnlen(run->line, sizeof run->line - 1);
    memcpy(c->line, run->line, len);
    c->line[len] = '\0';
    memcpy((char *)c + offsetof(df_Run, line) + sizeof c->line, (const char *)run + offsetof(df_Run, line) + sizeof run->line,
           sizeof *c - offsetof(df_Run, line) - sizeof c->line);
    c->steps = NULL;
    c->nsteps = c->capsteps = 0;
    c->keep_forecasts = false;
    c->lean = true;
    c->result.final_line = c->result.debrief = NULL;
    if (copy_counts(c, run) != 0) goto fail;
    if (run->result.final_line && !(c->result.final_line = strdup(run->result.final_line))) goto fail;
    if (run->result.debrief && !(c->result.debrief = strdup(run->result.debrief))) goto fail;
    return c;
fail:
    df_run_free(c);
    return NULL;
}

void df_run_free(df_Run *run) {
    if (!run) return;
    for (int i = 0; i < run->nsteps; i++) free(run->steps[i].said);
    free(run->steps);
    free(run->result.final_line);
    free(run->result.debrief);
    free(run->st.visits);
    free(run);
}

bool df_run_over(const df_Run *run) { return run->over; }
const df_State *df_run_state(const df_Run *run) { return &run->st; }
const char *df_run_line(const df_Run *run) { return run->line; }
uint64_t df_run_seed(const df_Run *run) { return run->seed; }

int df_run_visible(const df_Run *run, const int **idx) {
    *idx = run->visible;
    return run->over || run->broken ? 0 : run->nvisible;
}

bool df_run_broken(const df_Run *run) { return run->broken; }

int df_run_jump(df_Run *run, int beat, df_Error *err) {
    df_error_clear(err);
    if (run->over || run->broken || beat < 0 || beat >= run->sc->nbeats) {
        df_error_set(err, run->sc->file, 0, "cannot jump to that beat");
        return -1;
    }
    int rc = enter(run, beat, err);
    if (rc < 0) {
        run->broken = true;
        run->nvisible = 0;
    }
    return rc;
}

int df_run_steps(const df_Run *run, const df_Step **steps) {
    *steps = run->steps;
    return run->nsteps;
}

const df_Result *df_run_result(const df_Run *run) { return run->over ? &run->result : NULL; }

/* ---------------------------------------------------------------- grading */

static unsigned tag_flags(const df_Choice *c);

static bool has_tag(const df_Choice *c, int id) {
    for (int i = 0; i < c->ntags; i++)
        if (c->tags[i] == id) return true;
    return false;
}

static unsigned tag_flags(const df_Choice *c) {
    unsigned f = 0;
    for (int i = 0; i < c->ntags; i++) f |= df_tag(c->tags[i])->flags;
    return f;
}

/* How much good a choice does now: calmer, more trusted, and the task done. */
static double choice_value(const df_State *st, const df_Choice *c) {
    df_Effect e;
    df_effect_predict(st, c, &e);
    double v = -e.d_agitation + 0.5 * e.d_trust;
    if (e.task_attempt && !e.task_blocked && !st->task_done) v += 6;
    /* Calm bought with a promise nobody can keep, or with a breach, is never the best move. */
    if (tag_flags(c) & (DF_TF_FALSE_PROMISE | DF_TF_CRITICAL)) v -= 100;
    return v;
}

/* The model's grade, used unless the author set one. Safety rules come first. */
static df_Grade model_grade(const df_State *st, const df_Choice *c, double v, double vbest) {
    df_Band band = df_band_of(st->agitation);
    bool dis = has_tag(c, DF_TAG_DISENGAGE);
    if (st->tripwire && !st->disengaged) return dis ? DF_GRADE_BEST : DF_GRADE_CRITICAL;
    unsigned f = tag_flags(c);
    if (f & DF_TF_CRITICAL) return DF_GRADE_CRITICAL;
    if (dis) return band >= DF_BAND_THREATENING ? DF_GRADE_BEST
                    : band >= DF_BAND_VENTING   ? DF_GRADE_ACCEPTABLE
                                                : DF_GRADE_POOR;
    if (f & DF_TF_FALSE_PROMISE) return DF_GRADE_HARMFUL;
    df_Effect e;
    df_effect_predict(st, c, &e);
    if (e.d_agitation >= 8) return DF_GRADE_HARMFUL;
    if (v > 0 && v >= vbest - 0.01) return DF_GRADE_BEST;
    if (v >= 4) return DF_GRADE_GOOD;
    if (v > 0) return DF_GRADE_ACCEPTABLE;
    return DF_GRADE_POOR;
}

/* The best visible choice (its index in the beat) and the value the model gives it: the
 * author's "best" when set, else the one doing the most good now; after a safety event, the
 * way out. */
static int best_visible(const df_Run *run, double *value) {
    const df_Beat *b = &run->sc->beats[run->st.beat];
    double vbest = -1e9;
    int ibest = run->visible[0], author_best = -1;
    for (int k = 0; k < run->nvisible; k++) {
        const df_Choice *c = &b->choices[run->visible[k]];
        double v = choice_value(&run->st, c);
        if (run->st.tripwire && !run->st.disengaged) v = has_tag(c, DF_TAG_DISENGAGE) ? 100 : -100;
        if (c->grade == DF_GRADE_BEST && author_best < 0) author_best = run->visible[k];
        if (c->grade >= 0 && c->grade != DF_GRADE_BEST) v -= 50; /* authored non-best */
        if (v > vbest) {
            vbest = v;
            ibest = run->visible[k];
        }
    }
    *value = vbest;
    return author_best >= 0 && !(run->st.tripwire && !run->st.disengaged) ? author_best : ibest;
}

int df_run_best_choice(const df_Run *run) {
    if (run->over || run->broken || run->nvisible == 0) return 0;
    double v;
    int best = best_visible(run, &v);
    for (int k = 0; k < run->nvisible; k++)
        if (run->visible[k] == best) return k + 1;
    return 0;
}

/* Grades the chosen option and finds the best visible one. */
static void grade_step(const df_Run *run, int chosen, df_Grade *grade, int *best) {
    const df_Beat *b = &run->sc->beats[run->st.beat];
    double vbest;
    int author_best = -1;
    for (int k = 0; k < run->nvisible && author_best < 0; k++)
        if (b->choices[run->visible[k]].grade == DF_GRADE_BEST) author_best = run->visible[k];
    *best = best_visible(run, &vbest);
    const df_Choice *c = &b->choices[chosen];
    if (run->st.tripwire && !run->st.disengaged) { /* safety comes first: no authored grade overrides it */
        *grade = has_tag(c, DF_TAG_DISENGAGE) ? DF_GRADE_BEST : DF_GRADE_CRITICAL;
        return;
    }
    if (c->grade >= 0) {
        *grade = (df_Grade)c->grade;
        /* task work the resident is not ready for is premature, whatever the author hoped */
        df_Effect e;
        df_effect_predict(&run->st, c, &e);
        if (e.task_blocked && *grade < DF_GRADE_POOR) *grade = DF_GRADE_POOR;
        return;
    }
    double v = choice_value(&run->st, c);
    *grade = model_grade(&run->st, c, v, vbest);
    if (*grade == DF_GRADE_BEST && author_best >= 0 && author_best != chosen) *grade = DF_GRADE_GOOD;
}

/* ---------------------------------------------------------------- the rubric */

const char *df_evidence_key(df_Evidence e) {
    static const char *const keys[DF_EVIDENCE_COUNT] = {"none", "raised", "held", "lowered", "missed"};
    return e < DF_EVIDENCE_COUNT ? keys[e] : "?";
}

static unsigned choice_dims(const df_Choice *c) {
    unsigned dims = c->dims;
    if (!dims)
        for (int k = 0; k < c->ntags; k++) dims |= df_tag(c->tags[k])->dims;
    return dims;
}

/* What the decision about to be made says about each dimension. A dimension is at stake
 * when the chosen option carries it (its grade says how it went) or when the model's best
 * option carries it and the chosen one does not (a chance missed where it was the right
 * call). Safety judgement earns credit only where there is a safety element: a tripwire, a
 * resident Venting or worse, or a way to disengage on offer; a choice that carries it and
 * goes wrong always counts. */
static void rubric_evidence(const df_Run *run, int chosen, int best, df_Grade grade, unsigned char *ev) {
    const df_Beat *b = &run->sc->beats[run->st.beat];
    bool danger = run->st.tripwire || df_band_of(run->st.agitation) >= DF_BAND_VENTING;
    for (int k = 0; k < run->nvisible && !danger; k++) danger = has_tag(&b->choices[run->visible[k]], DF_TAG_DISENGAGE);
    unsigned mine = choice_dims(&b->choices[chosen]), right = choice_dims(&b->choices[best]);
    if (run->st.tripwire) mine |= 1u << DF_DIM_SAFETY, right |= 1u << DF_DIM_SAFETY;
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        unsigned bit = 1u << d;
        df_Evidence e = DF_EVIDENCE_NONE;
        if (mine & bit)
            e = grade <= DF_GRADE_GOOD ? DF_EVIDENCE_RAISED : grade == DF_GRADE_ACCEPTABLE ? DF_EVIDENCE_HELD : DF_EVIDENCE_LOWERED;
        else if ((right & bit) && chosen != best)
            e = DF_EVIDENCE_MISSED;
        if (d == DF_DIM_SAFETY && !danger && e != DF_EVIDENCE_LOWERED) e = DF_EVIDENCE_NONE;
        ev[d] = (unsigned char)e;
    }
}

/* ---------------------------------------------------------------- applying a choice */

static int push_step(df_Run *run, df_Step *s) {
    if (run->nsteps == run->capsteps) {
        int cap = run->capsteps ? run->capsteps * 2 : 16;
        df_Step *n = realloc(run->steps, (size_t)cap * sizeof *n);
        if (!n) return -1;
        run->steps = n;
        run->capsteps = cap;
    }
    run->steps[run->nsteps++] = *s;
    return 0;
}

/* Does the task at the current agitation: T_task plus rework when agitation causes an error. */
static void do_task(df_Run *run, double *task, double *rework) {
    df_State *st = &run->st;
    const df_Params *p = &run->sc->params;
    double perr = 0.05 + 0.25 * st->agitation / 100.0 - (st->self_regulated ? 0.10 : 0.0);
    if (perr < 0) perr = 0;
    *task = p->task_minutes;
    *rework = 0;
    if (df_rng_unit(&st->rng) < perr) *rework = p->task_minutes * (0.3 + 0.2 * df_rng_unit(&st->rng));
    st->task += *task;
    st->rework += *rework;
    st->clock += *task + *rework;
    st->task_done = true;
}

static void update_recovery(df_State *st) {
    if (st->recovery_turns > 0) st->recovery_turns--;
    if (st->agitation >= 60) st->recovery_turns = 0;
    if (st->peak >= 60 && st->agitation < 45) {
        st->recovery_turns = 3;
        st->peak = st->agitation;
    }
    if (st->agitation > st->peak) st->peak = st->agitation;
}

static int choose(df_Run *run, int n, df_Error *err);

/* A failed choice leaves the state half-applied (a hook or the next beat failed), so the
 * run stops there for good: no more choices, no visible choices. */
int df_run_choose(df_Run *run, int n, df_Error *err) {
    df_error_clear(err);
    if (run->broken) {
        df_error_set(err, run->sc->file, 0, "the run stopped after a scenario error");
        return -1;
    }
    int rc = choose(run, n, err);
    if (rc < 0) {
        run->broken = true;
        run->nvisible = 0;
    }
    if (rc == 0 && run->keep_forecasts && run->nsteps > 0) {
        df_Error ferr;
        df_forecast(run, NULL, &run->steps[run->nsteps - 1].forecast, &ferr);
    }
    return rc;
}

void df_run_keep_forecasts(df_Run *run, bool on) {
    run->keep_forecasts = on;
    if (on && run->nsteps == 0 && !run->start_forecast.valid) {
        df_Error ferr;
        df_forecast(run, NULL, &run->start_forecast, &ferr);
    }
}

const df_Forecast *df_run_start_forecast(const df_Run *run) { return &run->start_forecast; }

int df_run_escalated_road(const df_Run *run, df_Forecast *out, df_Error *err) {
    return df_escalated_road(run->sc, &run->host, run->seed, out, err);
}

const df_Forecast *df_run_forecast_before(const df_Run *run, int step) {
    if (step <= 0 || step > run->nsteps) return &run->start_forecast;
    return &run->steps[step - 1].forecast;
}

static int choose(df_Run *run, int n, df_Error *err) {
    if (run->over || n < 1 || n > run->nvisible) return 1;
    const df_Scenario *sc = run->sc;
    df_State *st = &run->st;
    int bi = st->beat;
    const df_Beat *b = &sc->beats[bi];
    int ci = run->visible[n - 1];
    const df_Choice *c = &b->choices[ci];

    df_Step s;
    memset(&s, 0, sizeof s);
    s.beat = bi;
    s.choice = ci;
    s.shown = n;
    s.nvisible = run->nvisible;
    memcpy(s.visible, run->visible, sizeof s.visible);
    s.said = run->lean ? NULL : strdup(run->line);
    if (!s.said && !run->lean) {
        df_error_set(err, sc->file, 0, "out of memory");
        return -1;
    }
    st->decided[bi]++;
    s.a_before = st->agitation;
    s.t_before = st->trust;
    s.band_before = df_band_of(st->agitation);
    s.tripwire = st->tripwire;
    if (!run->lean) {
        grade_step(run, ci, &s.grade, &s.best);
        rubric_evidence(run, ci, s.best, s.grade, s.evidence);
    }

    df_Effect e;
    df_effect_predict(st, c, &e);
    s.gated = e.gated;
    s.need_match = e.need_match;
    s.task_blocked = e.task_blocked;
    if (st->tripwire && has_tag(c, DF_TAG_DISENGAGE)) st->disengaged = true;
    st->agitation += e.d_agitation;
    st->trust += e.d_trust;
    st->heard_points += e.heard_points;
    if (st->heard_points >= 4) st->heard = true;
    st->conversation += e.minutes;
    st->clock += e.minutes;
    s.conversation = e.minutes;
    for (int i = 0; i < c->ntags; i++) {
        int id = c->tags[i];
        unsigned f = df_tag(id)->flags;
        if (e.task_blocked && id == DF_TAG_TASK) continue;
        st->used[id]++;
        if (f & DF_TF_PRIVATE) st->audience = false;
        if (f & DF_TF_SELF) st->self_regulated = true;
        if (f & DF_TF_PROMISE) st->promises++;
        if (f & DF_TF_FALSE_PROMISE) st->false_promises++;
        if (f & DF_TF_SUPERVISOR) st->follow_on |= 1u << DF_FO_SUPERVISOR;
        if (f & DF_TF_REPEAT) st->follow_on |= 1u << DF_FO_REPEAT_CONTACT;
    }
    if (c->promise && !(tag_flags(c) & (DF_TF_PROMISE | DF_TF_FALSE_PROMISE))) st->promises++;
    if (e.task_attempt && !e.task_blocked && !st->task_done) do_task(run, &s.task, &s.rework);
    for (int i = 0; i < c->nset; i++) {
        const df_FlagSet *fs = &c->set[i];
        if (!df_state_set_flag(st, fs->name, fs->type, fs->num, fs->str)) {
            df_error_set(err, sc->file, c->line, "too many flags (at most %d)", DF_MAX_FLAGS);
            free(s.said);
            return -1;
        }
    }
    st->turn++;
    update_recovery(st);
    if (df_band_of(st->agitation) == DF_BAND_THREATENING)
        st->b5_turns++;
    else
        st->b5_turns = 0;
    s.a_after = st->agitation;
    s.t_after = st->trust;
    s.band_after = df_band_of(st->agitation);
    s.clock_after = st->clock;
    if (!run->lean && push_step(run, &s) != 0) {
        free(s.said);
        df_error_set(err, sc->file, 0, "out of memory");
        return -1;
    }

    if (c->chosen_fn && run->host.hook && run->host.hook(run->host.ud, c->chosen_fn, st, err) != 0)
        return -1;

    /* Where next: blocked task work stays put; sustained threat jumps to safety. */
    int target = c->go;
    if (e.task_blocked) {
        target = bi;
    } else if (c->go_fn) {
        char id[256];
        if (!run->host.target || run->host.target(run->host.ud, c->go_fn, st, id, sizeof id, err) != 0)
            return -1;
        target = df_scenario_target(sc, id);
        if (target == DF_NO_TARGET) {
            df_error_set(err, sc->file, c->line, "go function returned unknown beat '%s'", id);
            return -1;
        }
    }
    /* Walk-out: three exchanges in a row at Venting or worse, ending at Venting, and nobody is
     * in danger: the resident gives up on this conversation and leaves (a complaint and a
     * repeat contact follow from the escalated ending). Threatening is the safety rules' (on
     * arrival, and two turns in a row below); a story heading into its own safety event (a
     * tripwire beat) or its own ending goes there, and a warm handoff hands the resident on. */
    st->hot_turns = df_band_of(st->agitation) >= DF_BAND_VENTING ? st->hot_turns + 1 : 0;
    /* the story's own ending, its own safety event and a warm handoff come first */
    bool story_goes_on = target >= 0 && !sc->beats[target].tripwire && !(tag_flags(c) & DF_TF_SUPERVISOR);
    if (st->hot_turns >= DF_WALKOUT_TURNS && df_band_of(st->agitation) == DF_BAND_VENTING && !st->tripwire &&
        story_goes_on && sc->walkout >= 0) {
        st->walked_out = true;
        target = DF_END(sc->walkout);
    }
    if (st->b5_turns >= 2 && !st->tripwire) {
        st->tripwire = true;
        if (sc->safety >= 0) target = sc->safety;
    }
    if (run->nsteps > 10000) {
        df_error_set(err, sc->file, b->line, "run exceeded 10000 steps");
        return -1;
    }
    if (e.task_blocked && !st->walked_out) {
        /* still here; but a resident now Threatening is a safety event, as on arrival */
        if (df_band_of(st->agitation) == DF_BAND_THREATENING && !st->tripwire) return enter(run, bi, err);
        return refresh_view(run, err);
    }
    return enter(run, target, err);
}

/* ---------------------------------------------------------------- ending and score */

static const double outcome_score[DF_OUT_COUNT] = {1.0, 1.0, 0.85, 0.35, 0.1, 1.0, 0.0};

static void finish(df_Run *run, int ei) {
    const df_Scenario *sc = run->sc;
    const df_Ending *end = &sc->endings[ei];
    df_State *st = &run->st;
    df_Result *r = &run->result;
    run->over = true;
    run->nvisible = 0;
    st->beat = DF_END(ei);
    memset(r, 0, sizeof *r);
    r->ending = ei;
    r->declared = end->outcome;
    r->outcome = end->outcome;

    unsigned fo = st->follow_on;
    /* Disengaging after a safety event is a safety exit, whichever ending the story took. */
    if (st->disengaged) r->outcome = DF_OUT_SAFETY_EXIT;
    if (r->outcome == DF_OUT_SAFETY_EXIT && !st->tripwire) {
        /* Walking away from someone who was never a danger is not a safety exit. */
        r->outcome = DF_OUT_UNRESOLVED;
        fo |= 1u << DF_FO_COMPLAINT;
    }
    bool task = end->task >= 0 ? end->task == 1
                               : (r->outcome == DF_OUT_RESOLVED_SATISFIED ||
                                  r->outcome == DF_OUT_RESOLVED_ACCEPTED);
    if (task && !st->task_done) {
        double t, w;
        do_task(run, &t, &w);
    }
    if (end->follow_on_set) {
        fo |= end->follow_on;
    } else {
        if (r->outcome == DF_OUT_UNRESOLVED) fo |= 1u << DF_FO_REPEAT_CONTACT;
        if (r->outcome == DF_OUT_ESCALATED) fo |= (1u << DF_FO_REPEAT_CONTACT) | (1u << DF_FO_COMPLAINT);
        if (r->outcome == DF_OUT_BREACH) fo |= 1u << DF_FO_COMPLAINT;
    }
    if (st->false_promises > 0) fo |= (1u << DF_FO_REPEAT_CONTACT) | (1u << DF_FO_COMPLAINT);
    for (int k = 0; k < DF_FO_COUNT; k++)
        if (fo & (1u << k)) {
            r->follow_on_parts[k] = sc->params.follow_on[k];
            r->follow_on += sc->params.follow_on[k];
        }
    st->follow_on = fo;
    r->conversation = st->conversation;
    r->task = st->task;
    r->rework = st->rework;
    r->total = r->conversation + r->task + r->rework + r->follow_on;
    r->baseline = df_calm_baseline(&sc->params);
    r->ratio = r->baseline > 0 ? r->total / r->baseline : 0;
    r->ratio_interaction = r->baseline > 0 ? (r->conversation + r->task + r->rework) / r->baseline : 0;

    /* Choice quality and the rubric profile. */
    int pts = 0, dsum[DF_DIM_COUNT] = {0}, dn[DF_DIM_COUNT] = {0};
    for (int i = 0; i < run->nsteps; i++) {
        const df_Step *s = &run->steps[i];
        int p = df_grade_points(s->grade);
        pts += p;
        if (s->grade == DF_GRADE_CRITICAL) r->critical = true;
        /* a dimension scores the chosen option's points where it showed, 0 where missed */
        for (int d = 0; d < DF_DIM_COUNT; d++) {
            if (s->evidence[d] == DF_EVIDENCE_NONE) continue;
            dsum[d] += s->evidence[d] == DF_EVIDENCE_MISSED ? 0 : p;
            dn[d]++;
        }
    }
    for (int d = 0; d < DF_DIM_COUNT; d++)
        r->dims[d] = dn[d] ? (int)lround(clampd(dsum[d] / (3.0 * dn[d]), 0, 1) * 100) : -1;
    r->choice_quality = run->nsteps ? clampd(pts / (3.0 * run->nsteps), 0, 1) : 0;
    r->outcome_score = outcome_score[r->outcome];
    r->time_scored = r->outcome != DF_OUT_SAFETY_EXIT;
    r->time_score = clampd((5.0 - r->ratio) / 3.5, 0, 1);
    double score = r->time_scored
                       ? 0.5 * r->choice_quality + 0.3 * r->outcome_score + 0.2 * r->time_score
                       : (0.5 * r->choice_quality + 0.3 * r->outcome_score) / 0.8;
    if (r->critical && score > 0.2) score = 0.2;
    r->score = (int)lround(score * 100);
    r->passed = !r->critical && r->score >= 70 &&
                (r->outcome <= DF_OUT_ROUTED || r->outcome == DF_OUT_SAFETY_EXIT);

    char buf[DF_LINE_MAX];
    df_Error err;
    df_error_clear(&err);
    if (eval_text(run, &end->says, buf, sizeof buf, &err) != 0) { /* the run is over anyway: say why */
        buf[0] = '\0';
        r->final_failed = true;
        r->final_error = err;
    }
    r->final_line = strdup(buf);
    /* the debrief: fixed, or told from the path (a function failing is the ending's failure) */
    if (end->debrief_fn && run->host.text) {
        df_error_clear(&err);
        if (run->host.text(run->host.ud, end->debrief_fn, &run->st, buf, sizeof buf, &err) != 0) {
            if (!r->final_failed) {
                r->final_failed = true;
                r->final_error = err;
            }
        } else if (buf[0]) {
            r->debrief = strdup(buf);
        }
    } else if (end->debrief) {
        r->debrief = strdup(end->debrief);
    }
}
