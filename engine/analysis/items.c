/* items.c: item analysis. Each decision of a scenario is a test item; a test-wise player
 * looks for cues that give the answer away without judging the situation: the longest
 * option, a position, a stock phrase, a sentence the right answers share. These are the
 * figures and the surface strategies that measure them (docs/authoring.md, "Writing
 * options"). */
#include "analysis.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- words */

/* Lowercase ASCII words of text: letters, digits and inner apostrophes (curly ones folded);
 * everything else separates. Returns how many were written (at most cap), each cut to fit. */
static int split_words(const char *text, char (*out)[32], int cap) {
    int n = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        while (*p && !isalnum(*p)) p++;
        if (!*p) break;
        int len = 0;
        while (*p) {
            if (isalnum(*p)) {
                if (n < cap && len < 31) out[n][len++] = (char)tolower(*p);
                p++;
            } else if ((*p == '\'' && isalnum(p[1])) ||
                       (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99 && isalnum(p[3]))) { /* it's, it’s */
                if (n < cap && len < 31) out[n][len++] = '\'';
                p += *p == '\'' ? 1 : 3;
            } else {
                break;
            }
        }
        if (n < cap) out[n][len] = '\0';
        n++;
    }
    return n < cap ? n : cap;
}

int df_word_count(const char *text) {
    int n = 0;
    bool in = false;
    for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
        bool w = isalnum(*p) || *p >= 0x80;
        if (w && !in) n++;
        in = w || (in && *p == '\'');
    }
    return n;
}

/* What a test-wise player scans for: sympathy and apology formulas, and the hedges of a
 * "careful" answer. Matched as lowercase word sequences. */
static const char *const stock_phrases[] = {
    "sounds like", "i hear", "i understand", "i get it", "i get that", "have i got that right", "did i get that right",
    "is that right", "sorry", "apologise", "apologize", "let me", "i can see", "i can hear", "that must",
    "must be", "frustrating", "frustrated", "frustration", "i appreciate", "thank you for", "makes sense", "fair enough",
    "i want to make sure", "what i'm hearing",
};

int df_stock_phrases(const char *text) {
    char w[96][32];
    int n = split_words(text, w, 96), hits = 0;
    for (size_t k = 0; k < sizeof stock_phrases / sizeof stock_phrases[0]; k++) {
        char pw[8][32];
        int m = split_words(stock_phrases[k], pw, 8);
        for (int i = 0; i + m <= n; i++) {
            int j = 0;
            while (j < m && (!strcmp(w[i + j], pw[j]) ||
                             /* "frustrat..", "apologis..": a stem matches its endings */
                             (j == m - 1 && strlen(pw[j]) >= 8 && !strncmp(w[i + j], pw[j], strlen(pw[j])))))
                j++;
            if (j == m) hits++;
        }
    }
    return hits;
}

/* ---------------------------------------------------------------- cues of one scenario */

static int point_cmp_line(const void *a, const void *b) {
    const df_ItemPoint *x = a, *y = b;
    return x->line - y->line;
}

int df_items(const df_Scenario *sc, const df_Walk *w, df_Items *out) {
    memset(out, 0, sizeof *out);
    out->points = calloc((size_t)sc->nbeats + 1, sizeof *out->points);
    if (!out->points) return -1;
    for (int b = 0; b < sc->nbeats; b++) {
        const df_BeatStats *bs = &w->beats[b];
        int m = -1;
        for (int k = 0; k < bs->nshown; k++) /* the set most steps met (the first on a tie) */
            if (bs->shown[k].n >= 2 && (m < 0 || bs->shown[k].seen > bs->shown[m].seen)) m = k;
        if (m < 0) continue;
        df_ItemPoint *p = &out->points[out->npoints++];
        p->beat = b;
        p->line = sc->beats[b].line;
        p->n = bs->shown[m].n;
        int maxw = 0, minw = 1 << 30;
        for (int k = 0; k < p->n; k++) {
            p->order[k] = bs->shown[m].order[k];
            p->words[k] = df_word_count(sc->beats[b].choices[p->order[k]].text);
            p->stock[k] = df_stock_phrases(sc->beats[b].choices[p->order[k]].text);
            if (p->order[k] == bs->shown[m].best) p->best = k;
            if (p->words[k] > maxw) maxw = p->words[k];
            if (p->words[k] < minw) minw = p->words[k];
        }
        p->longest = p->words[p->best] == maxw;
        p->shortest = p->words[p->best] == minw;
        p->spread = minw > 0 ? (double)maxw / minw : maxw;
        out->longest += p->longest;
        out->shortest += p->shortest;
        if (p->best < DF_MAX_VISIBLE) out->position[p->best]++;
        out->stock_best += p->stock[p->best] > 0;
        for (int k = 0; k < p->n; k++)
            if (k != p->best) {
                out->stock_other += p->stock[k] > 0;
                out->others++;
            }
    }
    qsort(out->points, (size_t)out->npoints, sizeof *out->points, point_cmp_line);
    return 0;
}

void df_items_free(df_Items *it) {
    free(it->points);
    memset(it, 0, sizeof *it);
}

/* ---------------------------------------------------------------- shared phrases */

typedef struct Gram {
    char key[DF_PHRASE_WORDS * 32];
    int groups, best, other; /* distinct groups whose best options use it; best and other texts */
    int last_group;          /* the last group counted (texts come grouped in order) */
    int first;               /* index of the first best text that has it */
} Gram;

typedef struct Grams {
    Gram *v;
    int n, cap;
} Grams;

static Gram *gram_find(Grams *g, const char *key, bool add) {
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->v[i].key, key)) return &g->v[i];
    if (!add) return NULL;
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 256;
        Gram *v = realloc(g->v, (size_t)cap * sizeof *v);
        if (!v) return NULL;
        g->v = v;
        g->cap = cap;
    }
    Gram *x = &g->v[g->n++];
    memset(x, 0, sizeof *x);
    snprintf(x->key, sizeof x->key, "%s", key);
    x->last_group = -1;
    x->first = -1;
    return x;
}

/* The DF_PHRASE_WORDS-word sequences of text, each once. */
static int grams_of(const char *text, char (*out)[DF_PHRASE_WORDS * 32], int cap) {
    char w[128][32];
    int n = split_words(text, w, 128), m = 0;
    for (int i = 0; i + DF_PHRASE_WORDS <= n && m < cap; i++) {
        char key[DF_PHRASE_WORDS * 32];
        size_t o = 0;
        for (int j = 0; j < DF_PHRASE_WORDS; j++)
            o += (size_t)snprintf(key + o, sizeof key - o, "%s%s", j ? " " : "", w[i + j]);
        int dup = 0;
        for (int k = 0; k < m && !dup; k++) dup = !strcmp(out[k], key);
        if (!dup) snprintf(out[m++], sizeof out[0], "%s", key);
    }
    return m;
}

/* Joins a phrase with the sequence after it when the second continues the first ("have i got
 * that" + "i got that right" -> "have i got that right") and both are used by the same
 * groups: one finding, not two. */
static bool extend(df_Phrase *p, const char *next, int groups) {
    const char *tail = p->words + strlen(p->words);
    for (int seen = 0; tail > p->words; tail--)
        if (tail[-1] == ' ' && ++seen == DF_PHRASE_WORDS - 1) break;
    size_t tl = strlen(tail);
    if (strncmp(tail, next, tl) || next[tl] != ' ') return false;
    size_t o = strlen(p->words);
    snprintf(p->words + o, sizeof p->words - o, "%s", next + tl);
    if (groups > p->groups) p->groups = groups;
    return true;
}

int df_shared_phrases(const df_ItemText *texts, int n, int min_groups, df_Phrase *out, int cap) {
    Grams g = {0};
    static char gr[128][DF_PHRASE_WORDS * 32];
    for (int i = 0; i < n; i++) {
        int m = grams_of(texts[i].text, gr, 128);
        for (int k = 0; k < m; k++) {
            Gram *x = gram_find(&g, gr[k], texts[i].best);
            if (!x) continue;
            if (!texts[i].best) {
                x->other++;
                continue;
            }
            x->best++;
            if (x->first < 0) x->first = i;
            if (x->last_group != texts[i].group) {
                x->groups++;
                x->last_group = texts[i].group;
            }
        }
    }
    int found = 0;
    /* in the order they first appear, so that consecutive grams of one sentence join */
    for (int i = 0; i < n; i++) {
        if (!texts[i].best) continue;
        int m = grams_of(texts[i].text, gr, 128);
        for (int k = 0; k < m; k++) {
            Gram *x = gram_find(&g, gr[k], false);
            if (!x || x->first != i || x->groups < min_groups || x->other >= x->best) continue;
            if (found && extend(&out[found - 1], x->key, x->groups)) continue;
            if (found == cap) continue;
            df_Phrase *p = &out[found++];
            snprintf(p->words, sizeof p->words, "%s", x->key);
            p->groups = x->groups;
            p->best = x->best;
            p->other = x->other;
            p->first = i;
        }
    }
    free(g.v);
    return found;
}

/* ---------------------------------------------------------------- surface strategies */

static const char *const strategy_keys[DF_STRAT_COUNT] = {"longest", "shortest", "first", "second", "third", "fourth", "stock"};
static const char *const strategy_names[DF_STRAT_COUNT] = {
    "always the longest option",      "always the shortest option",   "always option 1",
    "always option 2",                "always option 3",              "always option 4",
    "the option richest in stock empathy phrases",
};

const char *df_strategy_key(df_Strategy s) { return s < DF_STRAT_COUNT ? strategy_keys[s] : "?"; }
const char *df_strategy_name(df_Strategy s) { return s < DF_STRAT_COUNT ? strategy_names[s] : "?"; }

size_t df_char_count(const char *s) {
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The visible option (1-based) the strategy picks: ties go to the first shown. */
static int strategy_pick(const df_Scenario *sc, const df_Run *run, df_Strategy s) {
    const int *vis;
    int n = df_run_visible(run, &vis);
    if (n <= 0) return 0;
    if (s >= DF_STRAT_FIRST && s <= DF_STRAT_FOURTH) {
        int k = 1 + (int)(s - DF_STRAT_FIRST);
        return k <= n ? k : n;
    }
    const df_Beat *b = &sc->beats[df_run_state(run)->beat];
    int pick = 1;
    double v0 = 0;
    for (int k = 1; k <= n; k++) {
        const char *t = b->choices[vis[k - 1]].text;
        double v = s == DF_STRAT_LONGEST    ? (double)df_char_count(t)
                   : s == DF_STRAT_SHORTEST ? -(double)df_char_count(t)
                                            : df_stock_phrases(t) * 1000.0 + df_word_count(t); /* then the longer */
        if (k == 1 || v > v0) {
            v0 = v;
            pick = k;
        }
    }
    return pick;
}

int df_play_strategy(const df_Scenario *sc, const df_Host *host, df_Strategy s, df_StrategyRun *out, df_Error *err) {
    memset(out, 0, sizeof *out);
    out->strategy = s;
    df_Run *run = df_run_new(sc, host, 1, err);
    if (!run) return -1;
    while (!df_run_over(run) && out->n < DF_PATH_MAX) {
        int k = strategy_pick(sc, run, s);
        if (k < 1) break;
        out->choices[out->n++] = k;
        if (df_run_choose(run, k, err) != 0) {
            df_run_free(run);
            return -1;
        }
    }
    const df_Result *r = df_run_result(run);
    if (r) {
        out->finished = true;
        out->outcome = r->outcome;
        out->score = r->score;
        out->passed = r->passed;
        out->ratio = r->ratio;
    }
    df_run_free(run);
    return 0;
}

/* ---------------------------------------------------------------- warnings for defuse check */

static double share(int k, int n) { return n ? (double)k / n : 0; }

/* The line of the first decision point that has the cue (or the scenario's first beat). */
static int first_line(const df_Items *it, int which) {
    for (int i = 0; i < it->npoints; i++) {
        const df_ItemPoint *p = &it->points[i];
        if ((which == 0 && p->longest) || (which == 1) || (which >= 2 && p->best == which - 2))
            return p->line;
    }
    return it->npoints ? it->points[0].line : 0;
}

static int biggest_position(const int *pos, int *which) {
    int m = 0;
    *which = 0;
    for (int k = 0; k < DF_MAX_VISIBLE; k++)
        if (pos[k] > m) {
            m = pos[k];
            *which = k;
        }
    return m;
}

static void word_cue_warning(df_Diags *d, const char *file, int line, const char *scope, const df_WordCue *wc) {
    df_WordCue q = *wc, *w = &q;
    if (w->word[0] != '(') snprintf(w->word, sizeof w->word, "'%.28s'", wc->word);
    if (w->marks_best)
        df_diags_add(d, DF_DIAG_WARNING, file, line,
                     "item cues%s: %s is in %d best option%s and only %d other%s: a player picks by it. Use it in "
                     "some wrong answers too, or take it out of some right ones",
                     scope, w->word, w->best, w->best == 1 ? "" : "s", w->other, w->other == 1 ? "" : "s");
    else
        df_diags_add(d, DF_DIAG_WARNING, file, line,
                     "item cues%s: %s is in %d wrong option%s and only %d best one%s: a player rules options out by "
                     "it. Use it in some right answers too, or take it out of some wrong ones",
                     scope, w->word, w->other, w->other == 1 ? "" : "s", w->best, w->best == 1 ? "" : "s");
}

/* The cues of one scenario against the thresholds; words of the objectives, title and summary
 * that repeat a best option. */
void df_lint_items(const df_Scenario *sc, const df_Items *it, df_Diags *d) {
    int n = it->npoints;
    if (n >= DF_CUE_MIN_POINTS) {
        if (share(it->longest, n) > DF_CUE_LONGEST_MAX)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, first_line(it, 0),
                         "item cues: the best option is the longest at %d of %d decisions (%.0f%%; at most %.0f%%): "
                         "a player who picks the longest option wins without reading. Make a wrong answer the long "
                         "one (a lecture, a policy recital, an over-promise) or a right one short",
                         it->longest, n, 100 * share(it->longest, n), 100 * DF_CUE_LONGEST_MAX);
        if (share(it->shortest, n) < DF_CUE_SHORTEST_MIN)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, first_line(it, 1),
                         "item cues: the best option is the shortest at %d of %d decisions (%.0f%%; at least %.0f%%): "
                         "a player learns to rule out the short answer. Some right answers are short (a pause, one "
                         "open question)",
                         it->shortest, n, 100 * share(it->shortest, n), 100 * DF_CUE_SHORTEST_MIN);
        if (share(it->longest, n) < DF_CUE_SHORTEST_MIN)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, first_line(it, 1),
                         "item cues: the best option is the longest at only %d of %d decisions (%.0f%%; at least %.0f%%): "
                         "a player learns to rule out the longest option. Let some right answers be the fullest (the "
                         "one that explains, offers or does the work) and cut the longest wrong ones to length",
                         it->longest, n, 100 * share(it->longest, n), 100 * DF_CUE_SHORTEST_MIN);
        if (share(it->shortest, n) > DF_CUE_LONGEST_MAX)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, first_line(it, 1),
                         "item cues: the best option is the shortest at %d of %d decisions (%.0f%%; at most %.0f%%): a "
                         "player who picks the shortest option does well without reading. Make some wrong answers short "
                         "(a curt no, a brush-off) too",
                         it->shortest, n, 100 * share(it->shortest, n), 100 * DF_CUE_LONGEST_MAX);
        int pos, most = biggest_position(it->position, &pos);
        if (share(most, n) > DF_CUE_POSITION_MAX)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, first_line(it, 2 + pos),
                         "item cues: the best option is shown at position %d at %d of %d decisions (%.0f%%; at most "
                         "%.0f%%): move some", pos + 1, most, n, 100 * share(most, n), 100 * DF_CUE_POSITION_MAX);
        double rb = share(it->stock_best, n), ro = share(it->stock_other, it->others);
        if (rb >= DF_CUE_STOCK_MIN && rb > DF_CUE_STOCK_RATIO * ro)
            df_diags_add(d, DF_DIAG_WARNING, sc->file, n ? it->points[0].line : 0,
                         "item cues: %d of %d best options use a stock empathy phrase (\"sounds like\", \"sorry\", "
                         "\"let me\", ...) against %d of %d others: the phrase, not the judgement, picks the answer. "
                         "Put formulas in some wrong answers (a brush-off, the wrong moment) and take them out of some "
                         "right ones",
                         it->stock_best, n, it->stock_other, it->others);
    }
    /* phrases the best options of this scenario share */
    df_ItemText *t = calloc((size_t)n * DF_MAX_VISIBLE + DF_MAX_OBJECTIVES + 3, sizeof *t);
    if (!t) return;
    int nt = 0;
    for (int i = 0; i < n; i++) {
        const df_ItemPoint *p = &it->points[i];
        for (int k = 0; k < p->n; k++)
            t[nt++] = (df_ItemText){sc->beats[p->beat].choices[p->order[k]].text, i, k == p->best};
    }
    df_Phrase ph[16];
    int np = df_shared_phrases(t, nt, DF_CUE_PHRASE_POINTS, ph, 16);
    for (int k = 0; k < np; k++) {
        const df_ItemPoint *p = &it->points[t[ph[k].first].group];
        df_diags_add(d, DF_DIAG_WARNING, sc->file, p->line,
                     "item cues: the best options of %d decisions share the words '%s' (the other options use them %d "
                     "time%s): a player can pick by the phrase. Say it differently each time, or give it to a wrong "
                     "answer too",
                     ph[k].groups, ph[k].words, ph[k].other, ph[k].other == 1 ? "" : "s");
    }
    /* single words that mark the best options, or the others */
    {
        const char **nm = calloc((size_t)nt + 1, sizeof *nm);
        for (int i = 0; nm && i < nt; i++) nm[i] = sc->resident.name;
        df_WordCue wc[8];
        int nw = nm ? df_word_cues(t, nt, nm, DF_CUE_WORD_ALPHA, DF_CUE_WORD_MIN, wc, 8) : 0;
        for (int k = 0; k < nw; k++) word_cue_warning(d, sc->file, it->npoints ? it->points[0].line : 0, "", &wc[k]);
        free(nm);
    }
    /* the briefing must not hand out the answers: objectives, title and summary against each
     * best option (a group per text: the briefing text is its own group and counts as "best") */
    for (int i = 0; i < n; i++) {
        const df_ItemPoint *p = &it->points[i];
        const char *best = sc->beats[p->beat].choices[p->order[p->best]].text;
        const char *brief[DF_MAX_OBJECTIVES + 2];
        const char *what[DF_MAX_OBJECTIVES + 2];
        int nb = 0;
        char names[DF_MAX_OBJECTIVES + 2][24];
        for (int o = 0; o < sc->nobjectives && nb < DF_MAX_OBJECTIVES; o++) {
            snprintf(names[nb], sizeof names[0], "objective %d", o + 1);
            what[nb] = names[nb];
            brief[nb++] = sc->objectives[o];
        }
        if (sc->summary) what[nb] = "the summary", brief[nb++] = sc->summary;
        if (sc->title) what[nb] = "the title", brief[nb++] = sc->title;
        for (int b = 0; b < nb; b++) {
            df_ItemText pair[2] = {{best, 0, true}, {brief[b], 1, true}};
            df_Phrase same[1];
            if (brief[b] && df_shared_phrases(pair, 2, 2, same, 1) > 0)
                df_diags_add(d, DF_DIAG_WARNING, sc->file, sc->beats[p->beat].choices[p->order[p->best]].line,
                             "item cues: %s gives this answer away ('%s' is in both): say what the employee will "
                             "practise, not the line that wins",
                             what[b], same[0].words);
        }
    }
    free(t);
}

/* ---------------------------------------------------------------- a folder */

int df_items_folder_add(df_ItemsFolder *f, const df_Scenario *sc, const df_Items *it) {
    if (f->nscen >= DF_FOLDER_MAX) return -1;
    int s = f->nscen++;
    snprintf(f->files[s], sizeof f->files[0], "%s", sc->file);
    snprintf(f->names[s], sizeof f->names[0], "%s", sc->resident.name ? sc->resident.name : "");
    f->points += it->npoints;
    f->longest += it->longest;
    f->shortest += it->shortest;
    for (int k = 0; k < DF_MAX_VISIBLE; k++) f->position[k] += it->position[k];
    f->stock_best += it->stock_best;
    f->stock_other += it->stock_other;
    f->others += it->others;
    for (int i = 0; i < it->npoints; i++) {
        const df_ItemPoint *p = &it->points[i];
        for (int k = 0; k < p->n; k++) {
            if (f->ntexts == f->captexts) {
                int cap = f->captexts ? f->captexts * 2 : 512;
                df_ItemText *v = realloc(f->texts, (size_t)cap * sizeof *v);
                int *l = realloc(f->lines, (size_t)cap * sizeof *l);
                if (v) f->texts = v;
                if (l) f->lines = l;
                if (!v || !l) return -1;
                f->captexts = cap;
            }
            char *copy = strdup(sc->beats[p->beat].choices[p->order[k]].text);
            if (!copy) return -1;
            f->lines[f->ntexts] = sc->beats[p->beat].choices[p->order[k]].line;
            f->texts[f->ntexts++] = (df_ItemText){copy, s, k == p->best};
        }
    }
    return 0;
}

void df_lint_items_folder(const df_ItemsFolder *f, const char *folder, df_Diags *d) {
    int n = f->points;
    if (n >= DF_CUE_MIN_POINTS) {
        if (share(f->longest, n) > DF_CUE_FOLDER_LONGEST_MAX)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios the best option is the longest at %d of %d decisions (%.0f%%; "
                         "at most %.0f%%)", f->nscen, f->longest, n, 100 * share(f->longest, n),
                         100 * DF_CUE_FOLDER_LONGEST_MAX);
        if (share(f->shortest, n) < DF_CUE_FOLDER_SHORTEST_MIN)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios the best option is the shortest at %d of %d decisions "
                         "(%.0f%%; at least %.0f%%)", f->nscen, f->shortest, n, 100 * share(f->shortest, n),
                         100 * DF_CUE_FOLDER_SHORTEST_MIN);
        if (share(f->longest, n) < DF_CUE_FOLDER_SHORTEST_MIN)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios the best option is the longest at only %d of %d decisions "
                         "(%.0f%%; at least %.0f%%): a player learns to rule out the longest option", f->nscen,
                         f->longest, n, 100 * share(f->longest, n), 100 * DF_CUE_FOLDER_SHORTEST_MIN);
        if (share(f->shortest, n) > DF_CUE_FOLDER_LONGEST_MAX)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios the best option is the shortest at %d of %d decisions (%.0f%%; "
                         "at most %.0f%%)", f->nscen, f->shortest, n, 100 * share(f->shortest, n),
                         100 * DF_CUE_FOLDER_LONGEST_MAX);
        int pos, most = biggest_position(f->position, &pos);
        if (share(most, n) > DF_CUE_FOLDER_POSITION_MAX)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios the best option is shown at position %d at %d of %d "
                         "decisions (%.0f%%; at most %.0f%%)", f->nscen, pos + 1, most, n, 100 * share(most, n),
                         100 * DF_CUE_FOLDER_POSITION_MAX);
        double rb = share(f->stock_best, n), ro = share(f->stock_other, f->others);
        if (rb >= DF_CUE_STOCK_MIN && rb > DF_CUE_STOCK_RATIO * ro)
            df_diags_add(d, DF_DIAG_WARNING, folder, 0,
                         "item cues: across %d scenarios %d of %d best options use a stock empathy phrase against %d "
                         "of %d others", f->nscen, f->stock_best, n, f->stock_other, f->others);
    }
    /* single words across the folder (a scenario's own resident counts as "the resident's name") */
    const char **nm = calloc((size_t)f->ntexts + 1, sizeof *nm);
    if (nm) {
        for (int i = 0; i < f->ntexts; i++) nm[i] = f->names[f->texts[i].group];
        df_WordCue wc[12];
        int nw = df_word_cues(f->texts, f->ntexts, nm, DF_CUE_FOLDER_WORD_ALPHA, DF_CUE_FOLDER_WORD_MIN, wc, 12);
        char scope[64];
        snprintf(scope, sizeof scope, " across %d scenarios", f->nscen);
        for (int k = 0; k < nw; k++) word_cue_warning(d, folder, 0, scope, &wc[k]);
        free(nm);
    }
    df_Phrase ph[64];
    int np = df_shared_phrases(f->texts, f->ntexts, 2, ph, 64);
    for (int k = 0; k < np; k++) {
        int words = 1;
        for (const char *c = ph[k].words; *c; c++) words += *c == ' ';
        if (ph[k].groups < DF_CUE_PHRASE_SCENARIOS && words < DF_CUE_PHRASE_LONG) continue;
        /* name every scenario whose best options use it */
        char also[1024];
        size_t o = 0;
        also[0] = '\0';
        int last = -1;
        for (int i = 0; i < f->ntexts; i++) {
            if (!f->texts[i].best || f->texts[i].group == last || i == ph[k].first) continue;
            df_ItemText one[2] = {{f->texts[i].text, 0, true}, {ph[k].words, 1, true}};
            df_Phrase hit[1];
            if (df_shared_phrases(one, 2, 2, hit, 1) == 0 || f->texts[i].group == f->texts[ph[k].first].group) continue;
            last = f->texts[i].group;
            if (o + 8 < sizeof also)
                o += (size_t)snprintf(also + o, sizeof also - o, "%s%s:%d", o ? ", " : "", f->files[last], f->lines[i]);
        }
        const df_ItemText *first = &f->texts[ph[k].first];
        df_diags_add(d, DF_DIAG_WARNING, f->files[first->group], f->lines[ph[k].first],
                     "item cues: best options in %d scenarios share the words '%s' (also %s): a player who has seen "
                     "one scenario can pick by the phrase in the next. Write each answer in its own words",
                     ph[k].groups, ph[k].words, also);
    }
}

void df_items_folder_free(df_ItemsFolder *f) {
    for (int i = 0; i < f->ntexts; i++) free((char *)(uintptr_t)f->texts[i].text);
    free(f->texts);
    free(f->lines);
    memset(f, 0, sizeof *f);
}

/* ---------------------------------------------------------------- single-word cues */

/* Words too common to tell options apart (their share follows an option's length, not its
 * judgement). */
static const char *const stop_words[] = {
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as", "it",
    "it's", "its", "is", "are", "was", "were", "be", "been", "being", "i", "i'm", "i'll", "i've", "i'd", "me", "my",
    "you", "you're", "you'll", "you've", "your", "we", "we're", "we'll", "our", "us", "he", "he's", "she", "she's",
    "his", "her", "him", "they", "they're", "them", "their", "this", "that", "that's", "these", "those", "there",
    "there's", "here", "what", "what's", "when", "where", "who", "how", "why", "not", "no", "do", "does", "did",
    "don't", "doesn't", "didn't", "can", "can't", "will", "won't", "would", "could", "should", "have", "has",
    "had", "if", "so", "just", "now", "then", "all", "any", "get", "got", "about", "up", "out", "one", "it'll",
    "let's", "than", "too", "very", "into", "over", "more", "some", "only", "also", "been", "let", NULL,
};

static bool is_stop(const char *w) {
    for (int k = 0; stop_words[k]; k++)
        if (!strcmp(w, stop_words[k])) return true;
    return false;
}

/* The probability of k or fewer (below) or k or more (!below) successes in n draws at p. */
static double binom_tail(int n, int k, double p, bool below) {
    double sum = 0;
    for (int i = below ? 0 : k; below ? i <= k : i <= n; i++)
        sum += exp(lgamma(n + 1.0) - lgamma(i + 1.0) - lgamma(n - i + 1.0) + i * log(p) + (n - i) * log1p(-p));
    return sum > 1 ? 1 : sum;
}

/* The words of one option as features: content words, plus three marks a test-wise player
 * sees at a glance: the resident's name (or a title before it), a stage direction, a
 * question. Each once. */
#define CUE_NAME "(the resident's name)"
#define CUE_STAGE "(a stage direction in brackets)"
#define CUE_QUESTION "(a question)"

static int features(const char *text, const char *name, char (*out)[32], int cap) {
    char w[128][32], nm[8][32];
    int n = split_words(text, w, 128), nn = name ? split_words(name, nm, 8) : 0, m = 0;
    for (int i = 0; i < n && m < cap; i++) {
        const char *f = w[i];
        for (int j = 0; j < nn; j++)
            if (!strcmp(w[i], nm[j])) f = CUE_NAME;
        if (f == w[i] && (!strcmp(f, "mr") || !strcmp(f, "mrs") || !strcmp(f, "ms") || !strcmp(f, "miss"))) f = CUE_NAME;
        if (f == w[i] && (is_stop(f) || strlen(f) < 3)) continue;
        int dup = 0;
        for (int k = 0; k < m && !dup; k++) dup = !strcmp(out[k], f);
        if (!dup) snprintf(out[m++], 32, "%s", f);
    }
    if (strchr(text, '[') && m < cap) snprintf(out[m++], 32, "%s", CUE_STAGE);
    if (strchr(text, '?') && m < cap) snprintf(out[m++], 32, "%s", CUE_QUESTION);
    return m;
}

int df_word_cues(const df_ItemText *texts, int n, const char *const *names, double alpha, int min_n, df_WordCue *out,
                 int cap) {
    typedef struct {
        char w[32];
        int best, other;
    } Count;
    Count *c = NULL;
    int nc = 0, capc = 0, keys = 0;
    char f[160][32];
    for (int i = 0; i < n; i++) {
        keys += texts[i].best;
        int m = features(texts[i].text, names ? names[i] : NULL, f, 160);
        for (int k = 0; k < m; k++) {
            int j = 0;
            while (j < nc && strcmp(c[j].w, f[k])) j++;
            if (j == nc) {
                if (nc == capc) {
                    int nw = capc ? capc * 2 : 512;
                    Count *v = realloc(c, (size_t)nw * sizeof *v);
                    if (!v) break;
                    c = v;
                    capc = nw;
                }
                snprintf(c[nc].w, sizeof c[nc].w, "%s", f[k]);
                c[nc].best = c[nc].other = 0;
                nc++;
            }
            if (texts[i].best) c[j].best++;
            else c[j].other++;
        }
    }
    int found = 0;
    double p = n ? (double)keys / n : 0;
    for (int j = 0; j < nc && p > 0 && p < 1; j++) {
        int tot = c[j].best + c[j].other;
        if (tot < min_n) continue;
        bool keyish = c[j].best > p * tot;
        double tail = binom_tail(tot, c[j].best, p, !keyish);
        if (tail >= alpha || found == cap) continue;
        /* strongest first */
        int at = found;
        while (at > 0 && out[at - 1].p > tail) {
            if (at < cap) out[at] = out[at - 1];
            at--;
        }
        out[at] = (df_WordCue){{0}, c[j].best, c[j].other, tail, keyish};
        snprintf(out[at].word, sizeof out[at].word, "%s", c[j].w);
        found++;
    }
    free(c);
    return found;
}
