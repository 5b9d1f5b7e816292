/* tally.c: the room's votes on one decision of a group session. Pure arithmetic, so the
 * presenter, its tests and the session record share one set of rules for ties, undo and
 * the trainer's override. */
#include "core.h"

#include <string.h>

void df_tally_init(df_Tally *t, int noptions) {
    memset(t, 0, sizeof *t);
    t->noptions = noptions < 0 ? 0 : noptions > DF_MAX_VISIBLE ? DF_MAX_VISIBLE : noptions;
    t->override = -1;
}

static int valid(const df_Tally *t, int option) { return option >= 0 && option < t->noptions; }

/* Records the count before a change so Backspace can restore it. When the history is
 * full the oldest entry is dropped: the votes stay, only the oldest undo is lost. */
static void remember(df_Tally *t, int option) {
    if (t->nundo == DF_TALLY_UNDO) {
        memmove(t->undo, t->undo + 1, sizeof t->undo[0] * (DF_TALLY_UNDO - 1));
        t->nundo--;
    }
    t->undo[t->nundo].option = option;
    t->undo[t->nundo].before = t->count[option];
    t->nundo++;
}

int df_tally_vote(df_Tally *t, int option) {
    if (!valid(t, option) || t->count[option] >= DF_TALLY_MAX_COUNT) return -1;
    remember(t, option);
    t->count[option]++;
    return 0;
}

int df_tally_set(df_Tally *t, int option, int count) {
    if (!valid(t, option) || count < 0 || count > DF_TALLY_MAX_COUNT) return -1;
    if (t->count[option] == count) return 0;
    remember(t, option);
    t->count[option] = count;
    return 0;
}

int df_tally_undo(df_Tally *t) {
    if (t->nundo == 0) return -1;
    t->nundo--;
    int o = t->undo[t->nundo].option;
    t->count[o] = t->undo[t->nundo].before;
    return o;
}

int df_tally_override(df_Tally *t, int option) {
    if (option != -1 && !valid(t, option)) return -1;
    t->override = option;
    return 0;
}

int df_tally_total(const df_Tally *t) {
    int n = 0;
    for (int i = 0; i < t->noptions; i++) n += t->count[i];
    return n;
}

double df_tally_share(const df_Tally *t, int option) {
    int total = df_tally_total(t);
    if (!valid(t, option) || total == 0) return 0;
    return (double)t->count[option] / total;
}

int df_tally_result(const df_Tally *t, unsigned *leaders) {
    int most = 0, best = DF_TALLY_NONE, ties = 0;
    unsigned mask = 0;
    for (int i = 0; i < t->noptions; i++) {
        if (t->count[i] == 0) continue;
        if (t->count[i] > most) {
            most = t->count[i], best = i, ties = 1;
            mask = 1u << i;
        } else if (t->count[i] == most) {
            ties++;
            mask |= 1u << i;
        }
    }
    if (leaders) *leaders = mask;
    if (t->override >= 0) return t->override;
    return ties > 1 ? DF_TALLY_TIE : best;
}
