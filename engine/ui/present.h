/* present.h: the presenter's slides (defuse present) as draw lists: the module's title,
 * objectives, points, the group exercise (resident line, the room's vote, the effect, the
 * ending), the room debrief, wrap-up and thanks, and the overlays a trainer calls up (timer,
 * notes, key help, blank, leave?). Pure like screens.c: no SDL, no Lua, no files. Every
 * text is at least df_present_min_px(h) pixels tall so the back of a room can read it. */
#ifndef DF_PRESENT_H
#define DF_PRESENT_H

#include "screens.h"

/* Where the group is inside one decision of an exercise. */
typedef enum df_ExPhase {
    DF_PX_LINE,   /* the resident's line and the meters; the options are hidden */
    DF_PX_VOTE,   /* the options A, B, C ... with the room's votes */
    DF_PX_EFFECT, /* what the choice did (and the coach note once revealed) */
    DF_PX_END,    /* the ending of the scenario */
} df_ExPhase;

/* A path through the exercise, shown on the debrief. */
typedef struct df_RoadView {
    const char *label;
    const df_Run *run;      /* NULL: not available */
    const df_Tally *votes;  /* per decision (the run's steps), or NULL when nobody voted */
    int from;               /* the first decision this road voted on (a road not taken) */
} df_RoadView;

enum { DF_ROAD_ROOM, DF_ROAD_OTHER, DF_ROAD_COUNT };

/* The steps of the debrief slide (the deck gives it DF_DEBRIEF_STEPS). */
enum { DF_DEBRIEF_PATH, DF_DEBRIEF_TIME, DF_DEBRIEF_ROADS, DF_DEBRIEF_DISCUSS };

typedef struct df_PresentView {
    const df_Theme *theme;
    int w, h;
    const df_Module *m;
    const df_Deck *deck;
    /* the exercise on screen (exercise and debrief slides) */
    const df_Scenario *sc;
    const df_Run *run;        /* the road being played */
    const df_Tally *tally;    /* the current decision's votes (VOTE phase) */
    df_ExPhase phase;
    bool coach;               /* the coach note is revealed (EFFECT phase) */
    bool trainer_pick;        /* the last choice was the trainer's, not the room's majority */
    const char *typed;        /* digits typed for a count, or NULL */
    bool other_road;          /* the road being played is the road not taken */
    const char *broken;       /* why the exercise's scenario stopped, or NULL */
    /* debrief */
    df_RoadView roads[DF_ROAD_COUNT];
    df_Forecast escalated;    /* the scenario from its start (df_escalated_road): its worst is the
                                 escalated road; invalid when not known */
    int focus;                /* the decision picked for the road not taken */
    int exercise, nexercise;  /* which exercise the debrief shows, of how many */
    /* overlays */
    bool blank, timer, notes, help, confirm_quit;
    double elapsed;           /* seconds in the session */
    const char *notice;
    /* filled by the builder: the smallest text drawn, and where the exercise's options were */
    int min_px_drawn;
    df_Rect option_rects[DF_MAX_VISIBLE];
    int noption_rects;
} df_PresentView;

/* The smallest text size allowed on a projected screen of height h: 4% of the height. */
int df_present_min_px(int h);
/* Builds the projected screen into dl (cleared first). */
void df_present_build(df_PresentView *v, df_DrawList *dl, const df_TextMeasure *tm);
/* Builds the trainer's own window (a laptop screen): where the session is, the notes for it,
 * what comes next and the timer. */
void df_present_build_notes(df_PresentView *v, df_DrawList *dl, const df_TextMeasure *tm);
/* "Talking point 2 of 3: title", for the notes window and the trace. */
void df_present_slide_label(const df_Deck *d, int slide, char *buf, size_t cap);
/* The trainer's notes for the current slide and step (NULL when there are none); for an
 * exercise, tips built from the scenario and the engine's best option (df_run_best_choice,
 * as the debriefs grade it). Uses buf. */
const char *df_present_notes(const df_PresentView *v, char *buf, size_t cap);

#endif
