/* deck.c: the order of a group session's slides and the time spent in each part, so the
 * presenter, its scripted runs and the session record agree on where the room is. */
#include "core.h"

#include <string.h>

const char *df_slide_key(df_SlideKind k) {
    static const char *const keys[] = {"title", "objectives", "point", "exercise", "debrief", "wrapup", "thanks"};
    return k >= DF_SLIDE_TITLE && k <= DF_SLIDE_THANKS ? keys[k] : "?";
}

static void add(df_Deck *d, df_SlideKind kind, int index, int nsteps, df_Part part) {
    if (d->n < DF_MAX_SLIDES) d->slides[d->n++] = (df_Slide){kind, index, nsteps, part};
}

void df_deck_init(df_Deck *d, const df_Module *m) {
    memset(d, 0, sizeof *d);
    d->m = m;
    add(d, DF_SLIDE_TITLE, 0, 1, DF_PART_OPENING);
    add(d, DF_SLIDE_OBJECTIVES, 0, 1, DF_PART_OPENING);
    for (int i = 0; i < m->npoints; i++) {
        const df_Point *p = &m->points[i];
        add(d, DF_SLIDE_POINT, i, 1 + (p->question != NULL) + (p->question && p->reveal), DF_PART_POINTS);
    }
    for (int i = 0; i < m->nexercise; i++) add(d, DF_SLIDE_EXERCISE, i, 1, DF_PART_EXERCISE);
    add(d, DF_SLIDE_DEBRIEF, 0, DF_DEBRIEF_STEPS, DF_PART_EXERCISE);
    if (m->nwrapup > 0) add(d, DF_SLIDE_WRAPUP, 0, 1, DF_PART_WRAPUP);
    add(d, DF_SLIDE_THANKS, 0, 1, DF_PART_CLOSING);
}

const df_Slide *df_deck_slide(const df_Deck *d) { return d->n ? &d->slides[d->cur] : NULL; }

int df_deck_next(df_Deck *d) {
    if (d->n == 0) return -1;
    if (d->step + 1 < d->slides[d->cur].nsteps) {
        d->step++;
        return 0;
    }
    if (d->cur + 1 >= d->n) return -1;
    d->cur++;
    d->step = 0;
    return 0;
}

int df_deck_back(df_Deck *d) {
    if (d->n == 0) return -1;
    if (d->step > 0) {
        d->step--;
        return 0;
    }
    if (d->cur == 0) return -1;
    d->cur--;
    d->step = d->slides[d->cur].nsteps - 1;
    return 0;
}

int df_deck_goto(df_Deck *d, df_SlideKind kind, int index) {
    for (int i = 0; i < d->n; i++)
        if (d->slides[i].kind == kind && d->slides[i].index == index) {
            d->cur = i;
            d->step = 0;
            return 0;
        }
    return -1;
}

void df_deck_tick(df_Deck *d, double seconds) {
    if (d->n == 0 || !(seconds > 0) || seconds > 86400) return; /* ignore clock jumps */
    d->spent[d->slides[d->cur].part] += seconds;
}

double df_deck_spent(const df_Deck *d, int part) {
    if (part >= DF_PART_COUNT) return 0;
    if (part >= 0) return d->spent[part];
    double t = 0;
    for (int i = 0; i < DF_PART_COUNT; i++) t += d->spent[i];
    return t;
}

double df_deck_budget(const df_Deck *d, int part) {
    if (!d->m || part >= DF_PART_COUNT) return 0;
    if (part < 0) return d->m->minutes * 60;
    return d->m->has_pace ? d->m->pace[part] * 60 : 0;
}
