/* lint_text.c: honest numbers for defuse check: times stated in author text against the clock,
 * agitation jumps too big for an ordinary choice, physical acts the channel or band rules out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"

/* ---------------------------------------------------------------- reading durations */

/* Tokens of author text: words (lowercase ASCII, cut), numbers, m:ss clock figures, a hyphen
 * inside a word ("forty-five", "ten-minute"), an en dash between figures ("2–3"), clause and
 * sentence breaks. Quoted speech inside a note is skipped: it is somebody's words, not a claim. */
enum { T_WORD, T_NUM, T_CLOCK, T_DASH, T_RANGE, T_COMMA, T_STOP };

typedef struct Tok {
    int kind;
    double num;     /* T_NUM; T_CLOCK in minutes */
    char w[24];     /* T_WORD */
    size_t at, end; /* bytes of the text it covers */
} Tok;

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return is_alpha(c) || is_digit(c) || c >= 0x80; }

static int tokenize(const char *s, Tok *t, int cap) {
    size_t i = 0, n = strlen(s);
    int k = 0, quote = 0; /* 0, '"' (straight or curly double), '\'' (straight or curly single) */
    while (i < n && k < cap) {
        unsigned char c = (unsigned char)s[i];
        unsigned char prev = i ? (unsigned char)s[i - 1] : ' ',
                      next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
        /* quotation marks: straight, and U+2018/2019/201C/201D */
        if (c == '"' || (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                         ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))) {
            int curly = c == 0xE2;
            if (!quote)
                quote = '"';
            else if (quote == '"')
                quote = 0;
            i += curly ? 3 : 1;
            continue;
        }
        if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x98) {
            if (!quote) quote = '\'';
            i += 3;
            continue;
        }
        if ((c == '\'' ||
             (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99))) {
            size_t len = c == '\'' ? 1 : 3;
            unsigned char after = i + len < n ? (unsigned char)s[i + len] : ' ';
            if (!quote && !is_alnum(prev) && is_alnum(after))
                quote = '\'';
            else if (quote == '\'' && !is_alnum(after))
                quote = 0;
            i += len;
            continue;
        }
        if (quote) {
            i++;
            continue;
        }
        Tok *tk = &t[k];
        memset(tk, 0, sizeof *tk);
        tk->at = i;
        if (is_alpha(c)) {
            size_t j = i, o = 0;
            while (j < n && (is_alpha((unsigned char)s[j]) ||
                             (s[j] == '\'' && j + 1 < n && is_alpha((unsigned char)s[j + 1]) && j > i))) {
                if (o + 1 < sizeof tk->w) tk->w[o++] = (char)(s[j] | 0x20);
                j++;
            }
            tk->kind = T_WORD;
            tk->end = i = j;
            k++;
        } else if (is_digit(c) &&
                   (prev == '$' || prev == 0xA3 || prev == 0xAC)) { /* "$100", "£5", "€5": money */
            size_t j = i;
            while (j < n && (is_digit((unsigned char)s[j]) || s[j] == '.' || s[j] == ','))
                j++;
            tk->kind = T_WORD;
            strcpy(tk->w, "money");
            tk->end = i = j;
            k++;
        } else if (is_digit(c)) {
            size_t j = i;
            double v = 0;
            while (j < n && is_digit((unsigned char)s[j]))
                v = v * 10 + (s[j++] - '0');
            if (j + 3 <= n && s[j] == ':' && is_digit((unsigned char)s[j + 1]) &&
                is_digit((unsigned char)s[j + 2]) &&
                !(j + 3 < n && is_digit((unsigned char)s[j + 3]))) { /* m:ss */
                tk->kind = T_CLOCK;
                tk->num = v + ((s[j + 1] - '0') * 10 + (s[j + 2] - '0')) / 60.0;
                j += 3;
            } else {
                if (j + 1 < n && s[j] == '.' &&
                    is_digit((unsigned char)s[j + 1])) { /* "2.5", not "takes 5." */
                    double f = 0.1;
                    for (j++; j < n && is_digit((unsigned char)s[j]); j++, f /= 10)
                        v += (s[j] - '0') * f;
                }
                tk->kind = T_NUM;
                tk->num = v;
            }
            tk->end = i = j;
            k++;
        } else if (c == '-') {
            tk->kind = is_alnum(prev) && is_alnum(next) ? T_DASH : T_COMMA;
            tk->end = ++i;
            k++;
        } else if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
            unsigned char after = i + 3 < n ? (unsigned char)s[i + 3] : ' ';
            tk->kind =
                (unsigned char)s[i + 2] == 0x93 && is_alnum(prev) && is_alnum(after) ? T_RANGE : T_COMMA;
            tk->end = i += 3;
            k++;
        } else if (c == ',' || c == '(' || c == ')') {
            tk->kind = T_COMMA;
            tk->end = ++i;
            k++;
        } else if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
            tk->kind = T_STOP;
            tk->end = ++i;
            k++;
        } else {
            i++;
        }
    }
    return k;
}

static int word(const Tok *t, int i, int n, const char *w) {
    return i < n && t[i].kind == T_WORD && !strcmp(t[i].w, w);
}

static int word_in(const Tok *t, int i, int n, const char *const *list) {
    if (i < 0 || i >= n || t[i].kind != T_WORD) return 0;
    for (; *list; list++)
        if (!strcmp(t[i].w, *list)) return 1;
    return 0;
}

static const char *const small_words[] = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens_words[] = {"",      "",        "twenty", "thirty", "forty", "fifty",
                                         "sixty", "seventy", "eighty", "ninety", NULL};

static int index_of(const Tok *t, int i, int n, const char *const *list) {
    if (i >= n || t[i].kind != T_WORD) return -1;
    for (int k = 0; list[k]; k++)
        if (list[k][0] && !strcmp(t[i].w, list[k])) return k;
    return -1;
}

/* A number at i ("3", "2.5", "seven", "forty-five", "two and a half"); the index after it, or -1. */
static int parse_num(const Tok *t, int i, int n, double *v) {
    int k;
    if (i < n && t[i].kind == T_NUM) {
        *v = t[i].num;
        i++;
    } else if ((k = index_of(t, i, n, small_words)) >= 0) {
        *v = k;
        i++;
    } else if ((k = index_of(t, i, n, tens_words)) >= 0) {
        *v = 10 * k;
        i++;
        int u, j = i < n && t[i].kind == T_DASH ? i + 1 : i;
        if ((u = index_of(t, j, n, small_words)) >= 1 && u <= 9) {
            *v += u;
            i = j + 1;
        }
    } else {
        return -1;
    }
    if (word(t, i, n, "and") && word(t, i + 1, n, "a") && word(t, i + 2, n, "half")) {
        *v += 0.5;
        i += 3;
    }
    return i;
}

/* Minutes per unit word; 0 if not a unit. Singular "second" only as an adjective ("a
 * 30-second pause"): "a second visit" is an ordinal. */
static double unit_at(const Tok *t, int i, int n, int adjective) {
    static const char *const minute[] = {"minute", "minutes", "min", "mins", NULL};
    static const char *const hour[] = {"hour", "hours", "hr", "hrs", NULL};
    static const char *const seconds[] = {"seconds", "secs", NULL};
    static const char *const second[] = {"second", "sec", NULL};
    if (word_in(t, i, n, minute)) return 1;
    if (word_in(t, i, n, hour)) return 60;
    if (word_in(t, i, n, seconds) || (adjective && word_in(t, i, n, second))) return 1.0 / 60;
    return 0;
}

enum { Q_PLAIN, Q_UPTO, Q_ATLEAST };

/* Words before a figure that make it at most, at least, or about that long. Longer first. */
static const struct {
    const char *w[3];
    int kind;
} modifiers[] = {
    {{"no", "more", "than"}, Q_UPTO},
    {{"not", "more", "than"}, Q_UPTO},
    {{"less", "than"}, Q_UPTO},
    {{"fewer", "than"}, Q_UPTO},
    {{"at", "most"}, Q_UPTO},
    {{"up", "to"}, Q_UPTO},
    {{"in", "under"}, Q_UPTO},
    {{"just", "under"}, Q_UPTO},
    {{"under"}, Q_UPTO},
    {{"within"}, Q_UPTO},
    {{"more", "than"}, Q_ATLEAST},
    {{"at", "least"}, Q_ATLEAST},
    {{"well", "over"}, Q_ATLEAST},
    {{"just", "over"}, Q_ATLEAST},
    {{"upwards", "of"}, Q_ATLEAST},
    {{"a", "good"}, Q_ATLEAST},
    {{"over"}, Q_ATLEAST},
    {{"about"}, Q_PLAIN},
    {{"around"}, Q_PLAIN},
    {{"roughly"}, Q_PLAIN},
    {{"approximately"}, Q_PLAIN},
    {{"nearly"}, Q_PLAIN},
    {{"almost"}, Q_PLAIN},
    {{"some"}, Q_PLAIN},
    {{"maybe"}, Q_PLAIN},
    {{"perhaps"}, Q_PLAIN},
    {{"only"}, Q_PLAIN},
    {{"just"}, Q_PLAIN},
    {{"barely"}, Q_PLAIN},
    {{"another"}, Q_PLAIN},
};

/* A figure is not a claim about this choice's time when the word before it makes it a
 * particular stretch ("his two minutes", "the first ten seconds"), a rate ("every two
 * minutes"), a saving ("saves five minutes") or the resident's wait ("waited 15 minutes"). */
static const char *const skip_before[] = {"first",  "last",    "next", "every", "each",  "per",    "waited",
                                          "wait",   "waiting", "save", "saves", "saved", "saving", "shave",
                                          "shaves", "cut",     "cuts", "extra", "spare", NULL};
/* A possessive or determiner before it is a particular stretch too ("his two minutes don't
 * matter"), except in a sentence about the follow-on ("his eight minutes are the follow-on
 * cost of a handoff"), where it is the model's figure. */
static const char *const particular[] = {"his", "her",   "their", "my",   "your", "its", "our",
                                         "the", "those", "these", "that", "this", NULL};
/* ... or the word after it makes it a point in time ("ten minutes later"), a difference ("a
 * minute longer"), a distance ("five minutes away"), someone's wait ("a ten-minute wait") or
 * a rate ("ten minutes a day"). */
static const char *const skip_after[] = {
    "ago",     "later",  "earlier", "before",  "after", "past",  "late",  "early", "away",
    "from",    "sooner", "longer",  "shorter", "more",  "less",  "extra", "fewer", "faster",
    "quicker", "slower", "over",    "off",     "walk",  "drive", "ride",  "wait",  "break",
    "lunch",   "each",   "apiece",  "per",     "a",     "every", "early", NULL};
/* Sentences about what follows the conversation. */
static const char *const later_words[] = {
    "later",  "complaint", "complaints", "complain", "complained", "supervisor", "manager", "callback",
    "again",  "return",    "returns",    "returned", "visit",      "visits",     "police",  "reply",
    "repeat", "back",      "follow",     "appeal",   "hearing",    NULL};

static int parse_at(const Tok *t, int i, int n, df_Duration *d, int *endp) {
    int start = i, kind = Q_PLAIN;
    for (size_t m = 0; m < sizeof modifiers / sizeof modifiers[0]; m++) {
        int k = 0;
        while (k < 3 && modifiers[m].w[k] && word(t, i + k, n, modifiers[m].w[k]))
            k++;
        if (k == 3 || !modifiers[m].w[k]) {
            kind = modifiers[m].kind;
            i += k;
            break;
        }
    }
    double lo, hi;
    int article = 0, j;
    if (word(t, i, n, "between") && (j = parse_num(t, i + 1, n, &lo)) > 0 && word(t, j, n, "and") &&
        (j = parse_num(t, j + 1, n, &hi)) > 0) {
        i = j;
    } else if (word(t, i, n, "half") && (word(t, i + 1, n, "a") || word(t, i + 1, n, "an"))) {
        lo = hi = 0.5;
        i += 2;
        article = 1;
    } else if (word(t, i, n, "half") || word(t, i, n, "quarter")) { /* "half an hour", "a half-hour" */
        lo = hi = t[i].w[0] == 'h' ? 0.5 : 0.25;
        i++;
        if (i < n && t[i].kind == T_DASH)
            i++;
        else if (word(t, i, n, "of") && (word(t, i + 1, n, "a") || word(t, i + 1, n, "an")))
            i += 2;
        article = 1;
    } else if ((word(t, i, n, "a") && word(t, i + 1, n, "couple")) || word(t, i, n, "couple")) {
        i += word(t, i, n, "a") ? 2 : 1;
        if (word(t, i, n, "of")) i++;
        lo = 2, hi = 3;
        article = 1;
    } else if (word(t, i, n, "a") && word(t, i + 1, n, "few")) {
        lo = 2, hi = 5;
        i += 2;
        article = 1;
    } else if (word(t, i, n, "several")) {
        lo = 3, hi = 10;
        i++;
        article = 1;
    } else if (word(t, i, n, "a") || word(t, i, n, "an")) {
        lo = hi = 1;
        i++;
        article = 1;
    } else if (i < n && t[i].kind == T_CLOCK) {
        lo = hi = t[i].num;
        i++;
        /* a clock figure is a time of day ("stamped 9:40", "6:45 a.m.") unless it is plainly the
         * clock's: "took 12:30", "the clock reads 34:58", "34:58 on the clock" */
        static const char *const cues[] = {"clock",  "clocked", "took",  "takes", "taking",
                                           "lasted", "lasts",   "spent", "total", "totals",
                                           "ran",    "runs",    "reads", "shows", NULL};
        int cued = word_in(t, start - 1, n, cues) || word_in(t, start - 2, n, cues) ||
                   (word(t, i, n, "on") && word(t, i + 2, n, "clock")) || unit_at(t, i, n, 0) > 0;
        if (!cued) return 0;
        if (unit_at(t, i, n, 0) > 0) i++; /* "12:30 minutes" */
        d->lo = d->hi = lo;
        *endp = i;
        return 1;
    } else if ((j = parse_num(t, i, n, &lo)) > 0) {
        hi = lo;
        i = j;
        double v;
        if ((word(t, i, n, "or") || word(t, i, n, "to") ||
             (i < n && (t[i].kind == T_DASH || t[i].kind == T_RANGE))) &&
            (j = parse_num(t, i + 1, n, &v)) > 0 && v > lo) {
            hi = v;
            i = j;
        }
    } else {
        return 0;
    }
    int adjective = 0;
    if (i < n && t[i].kind == T_DASH && !article) {
        adjective = 1;
        i++;
    }
    double unit = unit_at(t, i, n, adjective);
    if (unit <= 0 || (article && lo == 1 && !word(t, i, n, "minute") && !word(t, i, n, "hour") &&
                      !word(t, i, n, "min") && !word(t, i, n, "hr")))
        return 0;
    i++;
    if (word(t, i, n, "and") && word(t, i + 1, n, "a") && word(t, i + 2, n, "half") && lo == hi) {
        lo += 0.5, hi += 0.5;
        i += 3;
    }
    lo *= unit, hi *= unit;
    if (kind == Q_UPTO) lo = 0;
    if (kind == Q_ATLEAST) hi = INFINITY;
    d->lo = lo;
    d->hi = hi;
    *endp = i;
    return 1;
}

/* A figure near a counterfactual ("five minutes at the counter would have avoided it", "could
 * have been done in five minutes") is about another path: a "would/could/should/might have"
 * within COUNTERFACTUAL_NEAR words of it, in the same clause. */
#define COUNTERFACTUAL_NEAR 8
static int counterfactual(const Tok *t, int from, int to, int s, int e) {
    static const char *const modal[] = {"would", "could", "should", "might", NULL};
    static const char *const contracted[] = {"would've", "could've", "should've", "might've", NULL};
    for (int i = from - 1; i >= s && i >= from - COUNTERFACTUAL_NEAR && t[i].kind != T_COMMA; i--)
        if ((word_in(t, i, e, modal) && word(t, i + 1, e, "have")) || word_in(t, i, e, contracted)) return 1;
    for (int i = to; i < e && i < to + COUNTERFACTUAL_NEAR && t[i].kind != T_COMMA; i++)
        if ((word_in(t, i, e, modal) && word(t, i + 1, e, "have")) || word_in(t, i, e, contracted)) return 1;
    return 0;
}

int df_durations(const char *text, df_Duration *out, int cap) {
    if (!text || cap <= 0) return 0;
    int max = (int)strlen(text) + 1;
    Tok *t = malloc((size_t)max * sizeof *t);
    if (!t) return 0;
    int n = tokenize(text, t, max), found = 0;
    for (int s = 0; s < n && found < cap;) {
        int e = s;
        while (e < n && t[e].kind != T_STOP)
            e++;
        /* the sentence [s, e) */
        int later = 0;
        for (int i = s; i < e; i++)
            if (word_in(t, i, e, later_words)) later = 1;
        for (int i = s; i < e && found < cap;) {
            df_Duration d;
            int end;
            memset(&d, 0, sizeof d);
            if (!parse_at(t, i, e, &d, &end)) {
                i++;
                continue;
            }
            int skip =
                word_in(t, i - 1, e, skip_before) || (!later && word_in(t, i - 1, e, particular)) ||
                word_in(t, end, e, skip_after) ||
                (word(t, end, e, "in") && (word(t, end + 1, e, "line") || word(t, end + 1, e, "queue") ||
                                           word(t, end + 2, e, "line") || word(t, end + 2, e, "queue"))) ||
                (word(t, end, e, "of") && word(t, end + 1, e, "waiting")) || d.lo >= 24 * 60 ||
                counterfactual(t, i, end, s, e);
            if (!skip) {
                d.later = later;
                size_t from = t[i].at, to = t[end - 1].end, len = to - from;
                if (len >= sizeof d.words) len = sizeof d.words - 1;
                memcpy(d.words, text + from, len);
                d.words[len] = '\0';
                out[found++] = d;
            }
            i = end;
        }
        s = e + 1;
    }
    free(t);
    return found;
}

/* ---------------------------------------------------------------- the minutes check */

/* "m:ss" */
static void fmt_minutes(double m, char *buf, size_t cap) {
    long s = lround(m * 60);
    snprintf(buf, cap, "%ld:%02ld", s / 60, s % 60);
}

static void fmt_range(double lo, double hi, char *buf, size_t cap) {
    char a[32], b[32];
    fmt_minutes(lo, a, sizeof a);
    fmt_minutes(hi, b, sizeof b);
    if (!strcmp(a, b))
        snprintf(buf, cap, "%s", a);
    else
        snprintf(buf, cap, "%s\xE2\x80\x93%s", a, b);
}

/* Does the stated interval meet the model's [lo, hi] widened by the tolerance? */
static int agrees(const df_Duration *d, double lo, double hi) {
    return !(d->hi < lo / DF_LINT_TIME_TOLERANCE - 1e-9 || d->lo > hi * DF_LINT_TIME_TOLERANCE + 1e-9);
}

/* Follow-on minutes a stated time may name when its sentence is about what comes later. */
static int agrees_follow_on(const df_Scenario *sc, const df_Duration *d, unsigned parts) {
    for (int k = 0; k < DF_FO_COUNT; k++)
        if ((parts & (1u << k)) && sc->params.follow_on[k] > 0 &&
            agrees(d, sc->params.follow_on[k], sc->params.follow_on[k]))
            return 1;
    return 0;
}

typedef struct Range {
    double lo, hi, tlo, thi; /* the steps' minutes; the whole paths' */
    int any;
} Range;

static void range_add(Range *r, const df_ChoiceStats *cs) {
    if (!cs->taken) return;
    if (!r->any) {
        r->lo = cs->min_minutes, r->hi = cs->max_minutes, r->tlo = cs->min_total, r->thi = cs->max_total;
        r->any = 1;
        return;
    }
    r->lo = fmin(r->lo, cs->min_minutes), r->hi = fmax(r->hi, cs->max_minutes);
    r->tlo = fmin(r->tlo, cs->min_total), r->thi = fmax(r->thi, cs->max_total);
}

/* Checks the durations in one note against the steps it is about (what, e.g. "this choice");
 * led_in, if given, is a second range a note may name (a beat's note: the step that led in). */
static void check_note(const df_Scenario *sc, df_Diags *d, int line, const char *where, const char *field,
                       const char *text, const Range *r, const Range *led_in, const char *what) {
    df_Duration v[16];
    int n = df_durations(text, v, 16);
    for (int i = 0; i < n; i++) {
        if (agrees(&v[i], r->lo, r->hi) || (led_in && led_in->any && agrees(&v[i], led_in->lo, led_in->hi)))
            continue;
        if (v[i].later && (agrees(&v[i], r->tlo, r->thi) || agrees_follow_on(sc, &v[i], ~0u))) continue;
        char a[64], b[64];
        fmt_range(r->lo, r->hi, a, sizeof a);
        fmt_range(r->tlo, r->thi, b, sizeof b);
        if (v[i].later)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, line,
                         "%s: %s says \"%s\" but %s %s in the model (the paths through it take %s in all, "
                         "follow-on included)",
                         where, field, v[i].words, what, a, b);
        else
            df_diags_add(d, DF_DIAG_WARNING, sc->file, line, "%s: %s says \"%s\" but %s %s in the model",
                         where, field, v[i].words, what, a);
    }
}

static void check_minutes(const df_Scenario *sc, const df_Walk *w, df_Diags *d) {
    char where[256];
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        Range beat = {0};
        for (int c = 0; c < bt->nchoices; c++) {
            const df_Choice *ch = &bt->choices[c];
            const df_ChoiceStats *cs = &w->choices[w->choice_base[b] + c];
            range_add(&beat, cs);
            if (!ch->coach || !cs->taken) continue;
            Range r = {0};
            range_add(&r, cs);
            snprintf(where, sizeof where, "beat '%s', choice %d", bt->id, c + 1);
            check_note(sc, d, ch->line, where, "coach note", ch->coach, &r, NULL, "this choice takes");
        }
        if (bt->note && beat.any) {
            snprintf(where, sizeof where, "beat '%s'", bt->id);
            /* a beat's note may also describe how it was reached ("four minutes of hold music") */
            const df_BeatStats *bs = &w->beats[b];
            Range in = {bs->min_led_in, bs->max_led_in, 0, 0, bs->led_in > 0};
            check_note(sc, d, bt->line, where, "note", bt->note, &beat, &in, "its choices take");
        }
    }
    for (int e = 0; e < sc->nendings; e++) {
        const df_Ending *en = &sc->endings[e];
        const df_EndingStats *es = &w->endings[e];
        if (!en->debrief || !es->reached) continue;
        df_Duration v[16];
        int n = df_durations(en->debrief, v, 16);
        for (int i = 0; i < n; i++) {
            /* a debrief may name the whole time, the time in front of the resident, one of the
             * follow-on parts those paths add, or the task */
            if (agrees(&v[i], es->min_total, es->max_total) || agrees(&v[i], es->min_inter, es->max_inter) ||
                agrees_follow_on(sc, &v[i], es->follow_on) ||
                (sc->params.task_minutes > 0 &&
                 agrees(&v[i], sc->params.task_minutes, sc->params.task_minutes)))
                continue;
            char a[64], b[64];
            fmt_range(es->min_total, es->max_total, a, sizeof a);
            fmt_range(es->min_inter, es->max_inter, b, sizeof b);
            df_diags_add(
                d, DF_DIAG_WARNING, sc->file, en->line,
                "ending '%s': debrief says \"%s\" but the paths that reach this ending take %s in the "
                "model (%s in the conversation and task)",
                en->id, v[i].words, a, b);
        }
    }
}

/* ---------------------------------------------------------------- the jump check */

static void check_jumps(const df_Scenario *sc, const df_Walk *w, df_Diags *d) {
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        if (bt->tripwire) continue; /* a safety event is declared by the beat */
        for (int c = 0; c < bt->nchoices; c++) {
            const df_Choice *ch = &bt->choices[c];
            const df_ChoiceStats *cs = &w->choices[w->choice_base[b] + c];
            if (ch->event || !cs->taken || fabs(cs->jump) <= DF_LINT_JUMP + 1e-9) continue;
            /* one decimal when rounding would show the limit itself ("+20") */
            int prec = fabs(cs->jump - round(cs->jump)) >= 0.05 && fabs(round(cs->jump)) <= DF_LINT_JUMP;
            df_diags_add(
                d, DF_DIAG_WARNING, sc->file, ch->line,
                "beat '%s', choice %d: moves agitation by %+.*f in one step (from %s); an ordinary choice "
                "moves it by at most %.0f: soften it, or declare the event (event = \"reveal\", "
                "\"threat\", \"tripwire\" or \"news\")",
                bt->id, c + 1, prec, cs->jump, df_band_name(cs->jump_band), DF_LINT_JUMP);
        }
    }
}

/* ---------------------------------------------------------------- the physical-acts check */

enum {
    ACT_NOISE = 1, /* makes a noise a phone line carries: fine on the phone as a sound ("drawers
                      banging", "slams the phone down"), not as a blow ("slams the counter") */
    ACT_AT_YOU = 2 /* counts only when aimed at the employee ("pushes his phone at your face",
                      not "pushes the bill across") */
};

/* Physical acts in stage directions: one row per act, with its word forms and, for some, the
 * words one of which must follow within three words ("raises his hand", "leans over"). */
static const struct Act {
    const char *name;
    const char *forms;
    const char *next;
    unsigned flags;
} acts[] = {
    {"slam", "slam slams slammed slamming", NULL, ACT_NOISE},
    {"slap", "slap slaps slapped slapping", NULL, ACT_NOISE},
    {"bang", "bang bangs banged banging", NULL, ACT_NOISE},
    {"kick", "kick kicks kicked kicking", NULL, ACT_NOISE},
    {"punch", "punch punches punched punching", NULL, 0},
    {"shove", "shove shoves shoved shoving", NULL, 0},
    {"push", "push pushes pushed pushing", NULL, ACT_AT_YOU},
    {"grab", "grab grabs grabbed grabbing", NULL, 0},
    {"throw", "throw throws threw thrown throwing", NULL, 0},
    {"raised hand", "raise raises raised raising", "hand hands fist fists arm", 0},
    {"raised hand", "hand hands fist fists", "raised up", 0},
    {"lean over", "lean leans leaned leant leaning", "over across toward towards into forward", 0},
    {"reach across", "reach reaches reached reaching", "across over through", 0},
    {"point at", "point points pointed pointing jab jabs jabbed jabbing", "finger at", 0},
    {"step closer", "step steps stepped stepping", "closer toward towards forward", 0},
    {"step closer", "come comes came coming move moves moved moving", "closer", 0},
};

/* Body parts: "his fist slams the counter" is the resident's act, "his son grabs his leg" is
 * not. */
static const char *const body_parts[] = {"hand", "hands", "fist", "fists",  "palm",    "arm",
                                         "arms", "foot",  "feet", "finger", "fingers", NULL};
static const char *const determiners[] = {"his",     "her",      "their",  "the",      "a", "an",
                                          "someone", "somebody", "people", "everyone", NULL};
static const char *const clause_words[] = {"and", "then", "while", "as", "but", NULL};

/* Is the act at i, in the clause starting at c, the resident's? "[Slams the counter]", "[He
 * slams...]", "[His fist slams...]" and "[Dana slams...]" are; "[His son grabs his leg]" and
 * "[Drawers banging]" (a thing's noise, or someone else's act) are not. */
static int residents_act(const Tok *t, int c, int i, int n) {
    static const char *const pronouns[] = {"he", "she", "they", "he's", "she's", "they're", NULL};
    if (i == c || word_in(t, c, n, pronouns) || word_in(t, c, n, body_parts)) return 1;
    if (word_in(t, c, n, determiners)) return word_in(t, c + 1, n, body_parts);
    size_t l = strlen(t[i].w);
    return !(l > 3 && !strcmp(t[i].w + l - 3, "ing"));
}

static int in_list(const char *w, const char *list) {
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        const char *sp = strchr(p, ' ');
        size_t l = sp ? (size_t)(sp - p) : strlen(p);
        if (l == n && !strncmp(p, w, n)) return 1;
        p += l;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* The first physical act in one stage direction (the text between brackets) that the channel
 * rules out (remote: 0 in person, 'p' phone, 'e' email); NULL if none. */
static const char *act_in(const char *dir, int remote) {
    int max = (int)strlen(dir) + 1;
    Tok *t = malloc((size_t)max * sizeof *t);
    if (!t) return NULL;
    int n = tokenize(dir, t, max);
    int phone_named = 0;
    static const char *const phone_words[] = {"phone", "receiver", "handset", NULL};
    for (int i = 0; i < n; i++)
        phone_named |= word_in(t, i, n, phone_words);
    const char *found = NULL;
    int clause = 0; /* start of the current clause */
    for (int i = 0; i < n && !found; i++) {
        if (t[i].kind == T_COMMA || t[i].kind == T_STOP || word_in(t, i, n, clause_words)) {
            clause = i + 1;
            continue;
        }
        if (t[i].kind != T_WORD) continue;
        for (size_t a = 0; a < sizeof acts / sizeof acts[0] && !found; a++) {
            const struct Act *act = &acts[a];
            if (!in_list(t[i].w, act->forms)) continue;
            if (act->next) {
                int ok = 0;
                for (int k = i + 1; k <= i + 3 && k < n && t[k].kind == T_WORD; k++)
                    ok |= in_list(t[k].w, act->next);
                if (!ok) continue;
            }
            if (act->flags & ACT_AT_YOU) {
                int ok = 0;
                for (int k = i + 1; k < n && t[k].kind == T_WORD; k++)
                    ok |= !strcmp(t[k].w, "you") || !strcmp(t[k].w, "your") || !strcmp(t[k].w, "past");
                if (!ok) continue;
            }
            if (!residents_act(t, clause, i, n)) continue;
            if (remote == 'p' && (act->flags & ACT_NOISE)) {
                size_t l = strlen(t[i].w);
                if (phone_named || (l > 3 && !strcmp(t[i].w + l - 3, "ing")))
                    continue; /* heard down the line */
            }
            found = act->name;
        }
    }
    free(t);
    return found;
}

/* The first [stage direction] in a line with a physical act the channel rules out: the act's
 * name, with the direction copied to quote; NULL if none. */
static const char *line_act(const char *line, int remote, char *quote, size_t cap) {
    if (!line) return NULL;
    for (const char *p = strchr(line, '['); p; p = strchr(p + 1, '[')) {
        const char *q = strchr(p, ']');
        size_t len = q ? (size_t)(q - p + 1) : strlen(p);
        char dir[2048];
        if (len >= sizeof dir) len = sizeof dir - 1;
        memcpy(dir, p, len);
        dir[len] = '\0';
        const char *act = act_in(dir, remote);
        if (act) {
            if (len > 100)
                snprintf(quote, cap, "%.96s...]", dir);
            else
                snprintf(quote, cap, "%s", dir);
            return act;
        }
        if (!q) break;
    }
    return NULL;
}

typedef struct ActCtx {
    const df_Scenario *sc;
    df_Diags *d;
    int remote;
} ActCtx;

static void report_act(const ActCtx *a, int line, const char *where, const char *text, int band) {
    char quote[160];
    const char *act = line_act(text, a->remote, quote, sizeof quote);
    if (!act) return;
    if (a->remote)
        df_diags_add(
            a->d, DF_DIAG_WARNING, a->sc->file, line,
            "%s: \"%s\" is a physical act (%s), which cannot happen %s; say what the employee %s instead",
            where, quote, act, a->remote == 'p' ? "on a phone call" : "in an email",
            a->remote == 'p' ? "hears" : "reads");
    else
        df_diags_add(
            a->d, DF_DIAG_WARNING, a->sc->file, line,
            "%s: \"%s\" is a physical act (%s) while the resident is %s; physical acts come only after "
            "sustained escalation (Venting or above)",
            where, quote, act, band >= 0 ? df_band_name((df_Band)band) : "in the recovery window");
}

/* One piece of resident text: every line on a phone or in an email; in person, the lines a
 * resident below Venting is shown (their own bands, and fixed or borrowed lines in the bands
 * the walk reaches the beat or ending in). */
static void check_text_acts(const ActCtx *a, int line, const char *owner, const df_Text *tx,
                            unsigned reached) {
    char where[256];
    if (a->remote) {
        snprintf(where, sizeof where, "%s, field 'says'", owner);
        report_act(a, line, where, tx->fixed, -1);
        for (int k = 0; k < DF_BAND_COUNT; k++) {
            snprintf(where, sizeof where, "%s, field 'says.%s'", owner, df_band_key((df_Band)k));
            report_act(a, line, where, tx->by_band[k], k);
        }
        snprintf(where, sizeof where, "%s, field 'says.recovery'", owner);
        report_act(a, line, where, tx->recovery, -1);
        return;
    }
    for (int k = 0; k < DF_BAND_VENTING; k++) {
        const char *text = tx->by_band[k];
        int from = k;
        if (!text && (reached & (1u << k))) {
            text = tx->fixed;
            /* the nearest band's line, lower first (as df_text_for) */
            for (int dd = 1; !text && dd < DF_BAND_COUNT; dd++) {
                if (k - dd >= 0 && tx->by_band[k - dd])
                    text = tx->by_band[from = k - dd];
                else if (k + dd < DF_BAND_COUNT && tx->by_band[k + dd])
                    text = tx->by_band[from = k + dd];
            }
            if (from < k) continue; /* a lower band's own line, reported there */
        }
        if (!text) continue;
        if (text == tx->fixed)
            snprintf(where, sizeof where, "%s, field 'says' (reached %s)", owner, df_band_key((df_Band)k));
        else if (from == k)
            snprintf(where, sizeof where, "%s, field 'says.%s'", owner, df_band_key((df_Band)k));
        else
            snprintf(where, sizeof where, "%s, field 'says.%s' (used when the resident arrives %s)", owner,
                     df_band_key((df_Band)from), df_band_key((df_Band)k));
        report_act(a, line, where, text, k);
        if (text == tx->fixed) break; /* once for a fixed line */
    }
    snprintf(where, sizeof where, "%s, field 'says.recovery'", owner);
    report_act(a, line, where, tx->recovery, -1);
}

static void check_acts(const df_Scenario *sc, const df_Walk *w, df_Diags *d) {
    ActCtx a = {sc, d, 0};
    if (sc->setting && !strcmp(sc->setting, "phone")) a.remote = 'p';
    if (sc->setting && !strcmp(sc->setting, "email")) a.remote = 'e';
    char owner[160];
    for (int b = 0; b < sc->nbeats; b++) {
        /* in person, a tripwire beat is the scenario declaring its safety event: the lean
         * across the counter is the threat itself */
        if (!a.remote && sc->beats[b].tripwire) continue;
        snprintf(owner, sizeof owner, "beat '%s'", sc->beats[b].id);
        check_text_acts(&a, sc->beats[b].line, owner, &sc->beats[b].says,
                        w && w->beats ? w->beats[b].bands : 0);
    }
    for (int e = 0; e < sc->nendings; e++) {
        snprintf(owner, sizeof owner, "ending '%s'", sc->endings[e].id);
        check_text_acts(&a, sc->endings[e].line, owner, &sc->endings[e].says,
                        w && w->endings ? w->endings[e].bands : 0);
    }
    /* lines of says functions, as the walk saw them: once per target (the first offending line) */
    if (!w) return;
    unsigned char *done = calloc((size_t)sc->nbeats + (size_t)sc->nendings + 1, 1);
    if (!done) return;
    for (long i = 0; i < w->nsaid; i++) {
        const df_SaidLine *s = &w->said[i];
        int slot = DF_IS_END(s->target) ? sc->nbeats + DF_END_INDEX(s->target) : s->target;
        if (done[slot] || (!a.remote && s->band >= DF_BAND_VENTING)) continue;
        if (!a.remote && !DF_IS_END(s->target) && sc->beats[s->target].tripwire) continue;
        int line =
            DF_IS_END(s->target) ? sc->endings[DF_END_INDEX(s->target)].line : sc->beats[s->target].line;
        if (DF_IS_END(s->target))
            snprintf(owner, sizeof owner, "ending '%s', field 'says' (a function)",
                     sc->endings[DF_END_INDEX(s->target)].id);
        else
            snprintf(owner, sizeof owner, "beat '%s', field 'says' (a function)", sc->beats[s->target].id);
        int before = d->warnings;
        report_act(&a, line, owner, s->text, s->band);
        if (d->warnings > before) done[slot] = 1;
    }
    free(done);
}

/* ---------------------------------------------------------------- sentences */

/* Abbreviations a lowercase word may follow ("10 a.m. on", "e.g. a permit"). */
static const char *const abbreviations[] = {"etc", "vs", "approx", "cf", "no", "st", "dept", "ext", NULL};

/* A sentence that starts lowercase: "No, I can't. the Parking Clerk decided it", usually a
 * RULES value spliced in at the start of a sentence. Quotes the words around it. */
static bool lowercase_start(const char *text, char *quote, size_t cap) {
    if (!text) return false;
    for (const char *p = text; *p; p++) {
        if (*p != '.' && *p != '!' && *p != '?') continue;
        if (p > text && p[-1] == '.') continue;   /* an ellipsis */
        if (p[1] == '.') continue;
        const char *q = p + 1;
        if (*q != ' ') continue;
        while (*q == ' ') q++;
        if (*q == '\'' || *q == '"') q++;
        if (!(*q >= 'a' && *q <= 'z')) continue;
        /* the word the stop ends: an abbreviation ("a.m.", "e.g.", "etc.") is no sentence end */
        const char *w = p;
        while (w > text && (is_alnum((unsigned char)w[-1]) || w[-1] == '.' || w[-1] == '\'')) w--;
        bool abbrev = memchr(w, '.', (size_t)(p - w)) != NULL;
        for (int k = 0; !abbrev && abbreviations[k]; k++)
            abbrev = (size_t)(p - w) == strlen(abbreviations[k]) && !strncasecmp(w, abbreviations[k], (size_t)(p - w));
        if (abbrev) continue;
        const char *e = q;
        while (*e && *e != ' ') e++;
        if (*e) e++;
        while (*e && *e != ' ') e++;
        snprintf(quote, cap, "%.*s", (int)(e - w), w);
        return true;
    }
    return false;
}

static void sentence(const df_Scenario *sc, df_Diags *d, int line, const char *where, const char *text) {
    char q[120];
    if (lowercase_start(text, q, sizeof q))
        df_diags_add(d, DF_DIAG_WARNING, sc->file, line,
                     "%s: a sentence starts with a lowercase letter (\"%s\"); a value spliced in at the start of a "
                     "sentence needs its capital",
                     where, q);
}

static void sentences_of(const df_Scenario *sc, df_Diags *d, int line, const char *owner, const df_Text *tx) {
    char where[256];
    snprintf(where, sizeof where, "%s, field 'says'", owner);
    sentence(sc, d, line, where, tx->fixed);
    for (int k = 0; k < DF_BAND_COUNT; k++) {
        snprintf(where, sizeof where, "%s, field 'says.%s'", owner, df_band_key((df_Band)k));
        sentence(sc, d, line, where, tx->by_band[k]);
    }
    snprintf(where, sizeof where, "%s, field 'says.recovery'", owner);
    sentence(sc, d, line, where, tx->recovery);
}

static void check_sentences(const df_Scenario *sc, const df_Walk *w, df_Diags *d) {
    char where[256];
    sentence(sc, d, 0, "field 'summary'", sc->summary);
    for (int o = 0; o < sc->nobjectives; o++) {
        snprintf(where, sizeof where, "objective %d", o + 1);
        sentence(sc, d, 0, where, sc->objectives[o]);
    }
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        snprintf(where, sizeof where, "beat '%s'", bt->id);
        sentences_of(sc, d, bt->line, where, &bt->says);
        snprintf(where, sizeof where, "beat '%s', field 'note'", bt->id);
        sentence(sc, d, bt->line, where, bt->note);
        for (int c = 0; c < bt->nchoices; c++) {
            snprintf(where, sizeof where, "beat '%s', choice %d", bt->id, c + 1);
            sentence(sc, d, bt->choices[c].line, where, bt->choices[c].text);
            snprintf(where, sizeof where, "beat '%s', choice %d, field 'coach'", bt->id, c + 1);
            sentence(sc, d, bt->choices[c].line, where, bt->choices[c].coach);
        }
    }
    for (int e = 0; e < sc->nendings; e++) {
        snprintf(where, sizeof where, "ending '%s'", sc->endings[e].id);
        sentences_of(sc, d, sc->endings[e].line, where, &sc->endings[e].says);
        snprintf(where, sizeof where, "ending '%s', field 'debrief'", sc->endings[e].id);
        sentence(sc, d, sc->endings[e].line, where, sc->endings[e].debrief);
    }
    if (!w) return;
    for (long i = 0; i < w->nsaid; i++) { /* lines of says functions, as the walk saw them */
        const df_SaidLine *s = &w->said[i];
        bool end = DF_IS_END(s->target);
        int line = end ? sc->endings[DF_END_INDEX(s->target)].line : sc->beats[s->target].line;
        snprintf(where, sizeof where, "%s '%s', field 'says' (a function)", end ? "ending" : "beat",
                 end ? sc->endings[DF_END_INDEX(s->target)].id : sc->beats[s->target].id);
        int before = d->warnings;
        sentence(sc, d, line, where, s->text);
        if (d->warnings > before) break; /* one is enough to find the function */
    }
}

void df_lint_text(const df_Scenario *sc, const df_Walk *w, df_Diags *d) {
    if (w && w->choices && w->beats && w->endings) {
        check_minutes(sc, w, d);
        check_jumps(sc, w, d);
    }
    check_acts(sc, w, d);
    check_sentences(sc, w, d);
}
