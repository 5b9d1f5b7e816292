/* model.c: bands, needs, rubric dimensions, the technique table and the effect of a choice.
 * The numbers are the playtesting defaults described in docs/model.md. */
#include "core.h"

#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- bands */

static const char *const band_names[DF_BAND_COUNT] = {"Settled", "Uneasy", "Defensive",
                                                      "Venting", "Threatening"};
static const char *const band_keys[DF_BAND_COUNT] = {"settled", "uneasy", "defensive",
                                                     "venting", "threatening"};
static const double band_floor[DF_BAND_COUNT] = {0, 20, 40, 60, 80};

df_Band df_band_of(double a) {
    if (!(a >= 20)) return DF_BAND_SETTLED; /* NaN lands here too */
    if (a < 40) return DF_BAND_UNEASY;
    if (a < 60) return DF_BAND_DEFENSIVE;
    if (a < 80) return DF_BAND_VENTING;
    return DF_BAND_THREATENING;
}

const char *df_band_name(df_Band b) { return b < DF_BAND_COUNT ? band_names[b] : "?"; }
const char *df_band_key(df_Band b) { return b < DF_BAND_COUNT ? band_keys[b] : "?"; }
double df_band_floor(df_Band b) { return b < DF_BAND_COUNT ? band_floor[b] : 0; }

df_Channel df_channel_of(const char *setting) {
    if (setting && !strcmp(setting, "phone")) return DF_CHANNEL_PHONE;
    if (setting && !strcmp(setting, "email")) return DF_CHANNEL_WRITING;
    return DF_CHANNEL_IN_PERSON;
}

static const char *const band_signs[3][DF_BAND_COUNT] = {
    {"calm, open", "tense, guarded, short answers", "arguing, arms folded, voice raised",
     "shouting, pacing, not taking anything in", "threats, intrusion, coming over the counter"},
    {"calm, easy to follow", "clipped, sighing down the line", "talking over you, voice raised",
     "shouting down the line, not taking anything in", "threats down the line; about to hang up"},
    {"polite, to the point", "terse, a cold sign-off", "capitals, sarcasm, a deadline",
     "ALL CAPS, reply-all, the whole board copied in", "threats in writing; a reporter copied in"},
};

const char *df_contact_noun(df_Channel ch) {
    return ch == DF_CHANNEL_PHONE ? "call" : ch == DF_CHANNEL_WRITING ? "email exchange" : "visit";
}

const char *df_band_sign(df_Band b, df_Channel ch) {
    if (b >= DF_BAND_COUNT || ch > DF_CHANNEL_WRITING) return "";
    return band_signs[ch][b];
}

int df_band_from_key(const char *key) {
    for (int i = 0; i < DF_BAND_COUNT; i++)
        if (strcmp(key, band_keys[i]) == 0) return i;
    return -1;
}

/* ---------------------------------------------------------------- needs */

static const char *const need_keys[DF_NEED_COUNT] = {
    "none", "information", "recognition", "control", "fairness", "safety", "access"};

const char *df_need_key(df_Need n) { return n < DF_NEED_COUNT ? need_keys[n] : "?"; }

int df_need_from_key(const char *key) {
    for (int i = 0; i < DF_NEED_COUNT; i++)
        if (strcmp(key, need_keys[i]) == 0) return i;
    return -1;
}

/* ---------------------------------------------------------------- dims */

static const char *const dim_keys[DF_DIM_COUNT] = {
#define X(id, key, label) key,
    DF_DIMS(X)
#undef X
};
static const char *const dim_labels[DF_DIM_COUNT] = {
#define X(id, key, label) label,
    DF_DIMS(X)
#undef X
};

const char *df_dim_key(df_Dim d) { return d < DF_DIM_COUNT ? dim_keys[d] : "?"; }
const char *df_dim_label(df_Dim d) { return d < DF_DIM_COUNT ? dim_labels[d] : "?"; }

int df_dim_from_key(const char *key) {
    for (int i = 0; i < DF_DIM_COUNT; i++)
        if (strcmp(key, dim_keys[i]) == 0) return i;
    return -1;
}

/* ---------------------------------------------------------------- techniques */

#define D(x) (1u << DF_DIM_##x)
#define N(x) (1u << DF_NEED_##x)
#define C DF_KIND_CONSTRUCTIVE
#define M DF_KIND_MISTAKE

/* The one table of techniques. Columns: key, kind, agitation change in the five bands
 * (Settled, Uneasy, Defensive, Venting, Threatening), trust change, base minutes, flags,
 * rubric dimensions, needs it matches, points towards "felt heard", what it sounds like.
 * Informed by CONTENT.md section (b); tuned for play in docs/model.md. */
static const df_TagInfo tags[] = {
    {"listen", C, {-2, -5, -6, -8, -4}, 4, 1.5, DF_TF_VENT, D(LISTENING),
     N(RECOGNITION) | N(FAIRNESS), 2, "Let them finish; short encouragers; no interrupting"},
    {"acknowledge", C, {-3, -6, -6, -4, -2}, 3, 0.3, DF_TF_DECAY, D(EMPATHY), N(RECOGNITION), 1,
     "Acknowledge the specific situation or its impact"},
    {"label", C, {-3, -7, -8, -5, -2}, 4, 0.3, DF_TF_DECAY, D(EMPATHY) | D(LISTENING),
     N(RECOGNITION), 2, "Tentatively name the emotion or concern"},
    {"paraphrase", C, {-2, -5, -6, -2, 0}, 4, 0.7, 0, D(LISTENING), N(RECOGNITION) | N(FAIRNESS),
     3, "Summarise facts and feeling, then check"},
    {"apologize", C, {-3, -5, -4, -2, 0}, 2, 0.2, DF_TF_DECAY, D(EMPATHY) | D(RESPECT),
     N(RECOGNITION), 1, "Apologise for the experience, not the rule"},
    {"explain_why", C, {-2, -3, -3, 3, 5}, 2, 1.0, DF_TF_GATED, D(CLARITY),
     N(FAIRNESS) | N(INFORMATION), 0, "Give the reason behind the rule in plain words"},
    {"inform", C, {-3, -4, -4, 2, 4}, 3, 1.0, DF_TF_GATED, D(CLARITY) | D(ACCURACY),
     N(INFORMATION), 0, "Concrete next steps: process, form, deadline, who decides"},
    {"options", C, {-2, -6, -8, -3, 2}, 3, 1.0, DF_TF_GATED, D(OPTIONS), N(CONTROL) | N(FAIRNESS),
     0, "Two or three real choices within policy"},
    {"ask", C, {-2, -4, -4, 1, 3}, 2, 0.7, 0, D(LISTENING) | D(OPTIONS),
     N(CONTROL) | N(INFORMATION), 1, "An open what/how question about their needs"},
    {"limit", C, {3, 1, -5, -3, -2}, 1, 0.3, 0, D(BOUNDARIES) | D(SAFETY), N(SAFETY), 0,
     "A respectful, specific limit on behaviour, framed as a choice"},
    {"redirect", C, {0, -1, -4, -2, 0}, 1, 0.3, 0, D(BOUNDARIES) | D(SELF), N(CONTROL), 0,
     "Let a challenge pass and return to what can be done"},
    {"pause", C, {0, -2, -3, -5, -2}, 0, 0.5, DF_TF_VENT, D(SELF) | D(LISTENING), N(SAFETY), 0,
     "Deliberate silence; give them time"},
    {"own", C, {-3, -5, -4, 1, 3}, 5, 0.5, DF_TF_PROMISE, D(OWNERSHIP),
     N(RECOGNITION) | N(INFORMATION), 0, "Take ownership with a specific commitment you can keep"},
    {"handoff", C, {-1, -2, -4, -4, -2}, 2, 0.5, DF_TF_SUPERVISOR, D(OWNERSHIP),
     N(RECOGNITION) | N(FAIRNESS), 0, "Warm handoff to a supervisor or specialist, with context"},
    {"private", C, {0, -2, -4, -6, -2}, 1, 0.5, DF_TF_PRIVATE, D(SAFETY) | D(RESPECT),
     N(SAFETY) | N(RECOGNITION), 0, "Move the conversation away from onlookers, keeping an exit"},
    {"access", C, {-8, -10, -10, -6, -3}, 5, 2.0, DF_TF_ACCESS_ONLY, D(RESPECT) | D(CLARITY),
     N(ACCESS), 1, "Interpreter line, translated material, slower pace, written summary"},
    {"self_regulate", C, {0, 0, 0, 0, 0}, 0, 0.1, DF_TF_SELF, D(SELF), 0, 0,
     "Breathe, don't take the bait, think about their side"},
    {"thank", C, {-2, -3, -2, 0, 0}, 2, 0.2, 0, D(RESPECT), N(RECOGNITION), 0,
     "Thank them for raising it or for cooperating"},
    {"brief_reply", C, {-3, -6, -8, -5, -2}, 3, 10.0, 0, D(CLARITY) | D(BOUNDARIES),
     N(INFORMATION) | N(FAIRNESS), 0, "A written reply: brief, informative, friendly, firm"},
    {"disengage", DF_KIND_SAFETY, {0, 0, 0, 0, 0}, 0, 0.5, 0, D(SAFETY), 0, 0,
     "End the contact; get to safety and get help"},
    {"task", DF_KIND_TASK, {0, 0, 0, 0, 0}, 1, 0.0, 0, D(ACCURACY) | D(OWNERSHIP), 0, 0,
     "The work itself: look up the record, fill in the form, log the report"},
    {"calm_down", M, {6, 10, 12, 15, 15}, -5, 0.2, 0, D(RESPECT) | D(SELF), 0, 0,
     "\"Calm down.\" \"Relax.\" \"Lower your voice.\""},
    {"policy_wall", M, {3, 8, 10, 12, 12}, -5, 0.2, 0, D(CLARITY) | D(OPTIONS), 0, 0,
     "\"Rules are rules.\" \"There's nothing I can do.\""},
    {"argue", M, {3, 7, 10, 12, 12}, -4, 1.0, 0, D(SELF) | D(RESPECT), 0, 0,
     "Correct them point by point; defend the department"},
    {"interrupt", M, {2, 5, 7, 10, 10}, -3, 0.3, 0, D(LISTENING), 0, 0,
     "Talk over them; finish their sentences"},
    {"jargon", M, {1, 3, 4, 4, 4}, -1, 0.8, 0, D(CLARITY), 0, 0,
     "Form numbers, statute sections and acronyms"},
    {"overpromise", M, {-5, -5, -5, 0, 0}, 3, 0.3, DF_TF_FALSE_PROMISE, D(OWNERSHIP) | D(ACCURACY),
     0, 0, "\"I'll get that dropped.\" A promise nobody can keep"},
    {"buck_pass", M, {3, 6, 8, 8, 8}, -4, 0.3, DF_TF_REPEAT, D(OWNERSHIP), 0, 0,
     "\"Not my department.\" A cold transfer; blaming another office"},
    {"blame", M, {4, 8, 10, 12, 12}, -5, 0.5, 0, D(RESPECT), 0, 0,
     "\"You should have read the sign.\""},
    {"minimize", M, {4, 7, 9, 10, 10}, -4, 0.3, 0, D(EMPATHY), 0, 0,
     "\"It's only $40.\" \"Everyone's went up.\""},
    {"sarcasm", M, {5, 9, 12, 15, 15}, -8, 0.2, 0, D(RESPECT) | D(SELF), 0, 0,
     "A joke at their expense; \"Have a nice day\" said flat"},
    {"threaten_early", M, {5, 10, 6, 0, 5}, -5, 0.3, 0, D(BOUNDARIES), 0, 0,
     "\"Keep it up and I'll call the police\" before it is warranted"},
    {"why_question", M, {2, 4, 5, 6, 6}, -2, 0.5, 0, D(RESPECT), 0, 0,
     "\"Why didn't you just...?\""},
    {"hollow", M, {-1, -1, -1, 5, 5}, -3, 0.2, DF_TF_HOLLOW, D(EMPATHY), 0, 0,
     "Scripted empathy; the third \"I understand your frustration\""},
    {"ignore", M, {3, 5, 7, 8, 8}, -3, 1.0, DF_TF_HOLD, D(LISTENING) | D(RESPECT), 0, 0,
     "Keep typing; no eye contact; hold without saying why"},
    {"invade_space", M, {8, 10, 12, 15, 15}, -5, 0.2, 0, D(SAFETY), 0, 0,
     "Step closer, point, reach across"},
    {"disclose", M, {-3, -3, -3, -3, -3}, -2, 0.3, DF_TF_CRITICAL, D(ACCURACY), 0, 0,
     "Name the complainant; share another person's record"},
    {"stop_filming", M, {10, 10, 12, 15, 15}, -8, 0.3, DF_TF_REPEAT, D(BOUNDARIES) | D(ACCURACY),
     0, 0, "\"You can't film in here\" in a public area"},
};

#undef D
#undef N
#undef C
#undef M

const int DF_TAG_DISENGAGE = 19;
const int DF_TAG_TASK = 20;

int df_tag_count(void) { return (int)(sizeof tags / sizeof tags[0]); }

const df_TagInfo *df_tag(int id) {
    if (id < 0 || id >= df_tag_count()) return NULL;
    return &tags[id];
}

int df_tag_from_key(const char *key) {
    for (int i = 0; i < df_tag_count(); i++)
        if (strcmp(key, tags[i].key) == 0) return i;
    return -1;
}

/* ---------------------------------------------------------------- outcomes, grades */

static const char *const outcome_keys[DF_OUT_COUNT] = {
    "resolved_satisfied", "resolved_accepted", "routed", "unresolved",
    "escalated",          "safety_exit",       "breach"};
static const char *const outcome_labels[DF_OUT_COUNT] = {
    "Resolved, satisfied", "Resolved, accepted", "Routed correctly", "Unresolved",
    "Escalated",           "Safety exit",        "Policy breach"};

const char *df_outcome_key(df_Outcome o) { return o < DF_OUT_COUNT ? outcome_keys[o] : "?"; }
const char *df_outcome_label(df_Outcome o) { return o < DF_OUT_COUNT ? outcome_labels[o] : "?"; }

int df_outcome_from_key(const char *key) {
    for (int i = 0; i < DF_OUT_COUNT; i++)
        if (strcmp(key, outcome_keys[i]) == 0) return i;
    return -1;
}

static const char *const grade_keys[DF_GRADE_COUNT] = {"best", "good", "acceptable",
                                                       "poor", "harmful", "critical"};
static const int grade_points[DF_GRADE_COUNT] = {3, 2, 1, 0, -2, -3};

const char *df_grade_key(df_Grade g) { return g < DF_GRADE_COUNT ? grade_keys[g] : "?"; }
int df_grade_points(df_Grade g) { return g < DF_GRADE_COUNT ? grade_points[g] : 0; }

int df_grade_from_key(const char *key) {
    for (int i = 0; i < DF_GRADE_COUNT; i++)
        if (strcmp(key, grade_keys[i]) == 0) return i;
    return -1;
}

static const char *const fo_keys[DF_FO_COUNT] = {"supervisor", "repeat_contact", "complaint",
                                                 "police"};
static const char *const fo_labels[DF_FO_COUNT] = {"Supervisor time", "Repeat contact",
                                                   "Formal complaint", "Police call"};

const char *df_follow_on_key(df_FollowOn f) { return f < DF_FO_COUNT ? fo_keys[f] : "?"; }
const char *df_follow_on_label(df_FollowOn f) { return f < DF_FO_COUNT ? fo_labels[f] : "?"; }

int df_follow_on_from_key(const char *key) {
    for (int i = 0; i < DF_FO_COUNT; i++)
        if (strcmp(key, fo_keys[i]) == 0) return i;
    return -1;
}

/* ---------------------------------------------------------------- time */

void df_params_default(df_Params *p) {
    p->M = 5.0;
    p->task_minutes = 4.0;
    p->calm_turns = 4.0;
    p->resident_minutes = 0.25;
    p->follow_on[DF_FO_SUPERVISOR] = 5.0;
    p->follow_on[DF_FO_REPEAT_CONTACT] = 10.0;
    p->follow_on[DF_FO_COMPLAINT] = 20.0;
    p->follow_on[DF_FO_POLICE] = 30.0;
}

double df_multiplier(const df_Params *p, double a) {
    if (!(a > 0)) a = 0;
    if (a > 100) a = 100;
    double x = a / 100.0;
    return 1.0 + (p->M - 1.0) * x * x;
}

/* Calm baseline: the task plus a few exchanges of average length at agitation 10. */
double df_calm_baseline(const df_Params *p) {
    return p->task_minutes + p->calm_turns * (p->resident_minutes + 1.0) * df_multiplier(p, 10);
}

/* ---------------------------------------------------------------- state helpers */

const df_Flag *df_state_flag(const df_State *st, const char *name) {
    for (int i = 0; i < st->nflags; i++)
        if (strcmp(st->flags[i].name, name) == 0) return &st->flags[i];
    return NULL;
}

bool df_state_set_flag(df_State *st, const char *name, int type, double num, const char *str) {
    if (strlen(name) >= DF_FLAG_NAME) return false;
    df_Flag *f = NULL;
    for (int i = 0; i < st->nflags && !f; i++)
        if (strcmp(st->flags[i].name, name) == 0) f = &st->flags[i];
    if (!f) {
        if (st->nflags >= DF_MAX_FLAGS) return false;
        f = &st->flags[st->nflags++];
        strcpy(f->name, name);
    }
    f->type = type;
    f->num = num;
    f->str[0] = '\0';
    if (type == DF_VAL_STR && str) {
        strncpy(f->str, str, DF_FLAG_STR - 1);
        f->str[DF_FLAG_STR - 1] = '\0';
    }
    return true;
}

bool df_state_in_recovery(const df_State *st) { return st->recovery_turns > 0; }

/* Task work needs a resident who can take it in: agitation at most 45, and heard once
 * the resident is more than settled. */
bool df_state_task_ready(const df_State *st) {
    if (st->agitation > 45) return false;
    if (st->agitation >= 20 && !st->heard) return false;
    return true;
}

/* ---------------------------------------------------------------- effect of a choice */

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* The update rule of model.md: base change and minutes from the tags (main tag full,
 * further tags half), gates, need match, then persona and situation multipliers, then drift. */
void df_effect_predict(const df_State *st, const df_Choice *c, df_Effect *out) {
    const df_Scenario *sc = st->sc;
    df_Band band = df_band_of(st->agitation);
    bool open = st->heard || st->trust >= 40;
    double base_a = 0, base_t = 0, base_min = 0, drift = 0;
    memset(out, 0, sizeof *out);

    for (int i = 0; i < c->ntags; i++) {
        int id = c->tags[i];
        const df_TagInfo *t = df_tag(id);
        if (!t) continue;
        double w = i == 0 ? 1.0 : 0.5;
        double d = t->delta[band], tr = t->trust;
        if ((t->flags & DF_TF_ACCESS_ONLY) && sc->resident.need != DF_NEED_ACCESS) d = tr = 0;
        if ((t->flags & DF_TF_GATED) && !open) {
            out->gated = true;
            if (band >= DF_BAND_DEFENSIVE)
                d = d > 3 ? d : 3;
            else
                d *= 0.5;
            tr *= 0.5;
        }
        if ((t->flags & DF_TF_DECAY) && st->used[id] > 0) {
            double k = pow(0.5, st->used[id]);
            if (d < 0) d *= k;
            if (tr > 0) tr *= k;
        }
        if (t->flags & DF_TF_HOLLOW) {
            if (band >= DF_BAND_VENTING)
                d = 5;
            else
                d = st->used[id] == 0 ? -1 : 3;
        }
        if (id == DF_TAG_TASK) {
            out->task_attempt = true;
            if (!df_state_task_ready(st)) {
                out->task_blocked = true;
                d = 3;
                tr = -1;
                base_min += 0.5;
            }
        }
        if (sc->resident.need != DF_NEED_NONE && (t->needs & (1u << sc->resident.need))) {
            d *= 1.5;
            out->need_match = true;
        }
        if (!out->gated && !out->task_blocked) out->heard_points += t->heard;
        base_a += w * d;
        base_t += w * tr;
        base_min += w * t->minutes;
        if ((t->flags & DF_TF_VENT) && band == DF_BAND_VENTING) drift = -3;
        if (t->flags & DF_TF_HOLD) drift = drift > 0 ? drift : 2;
    }
    if (!isnan(c->eff_agitation)) base_a = c->eff_agitation;
    if (!isnan(c->eff_trust)) base_t = c->eff_trust;
    if (!isnan(c->eff_minutes)) base_min = c->eff_minutes;

    double rec = df_state_in_recovery(st) ? 1.5 : 1.0;
    double d;
    if (base_a > 0)
        d = base_a * sc->resident.volatility * (st->audience ? 1.3 : 1.0) * rec;
    else
        d = base_a * sc->resident.recovery * (0.75 + 0.5 * st->trust / 100.0) * rec;
    d += drift;
    /* No ordinary sentence takes a person from Uneasy to Threatening: one choice moves
     * agitation by at most DF_MAX_STEP either way, unless the scenario declares it an event
     * (a reveal, a threat: the choice's `event`). */
    if (!c->event) d = clampd(d, -DF_MAX_STEP, DF_MAX_STEP);
    out->d_agitation = clampd(st->agitation + d, 0, 100) - st->agitation;
    out->d_trust = clampd(st->trust + base_t, 0, 100) - st->trust;
    out->minutes = (sc->params.resident_minutes + base_min) * df_multiplier(&sc->params, st->agitation);
}
