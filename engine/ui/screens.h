/* screens.h: the GUI's screens built as draw lists from engine state: picker, play (with the
 * feedback card), debrief and progress. Pure: no SDL, no Lua, no SQLite; text is measured
 * through df_TextMeasure, and the training record arrives as plain data (df_Progress). */
#ifndef DF_SCREENS_H
#define DF_SCREENS_H

#include <string.h>

#include "../analysis/analysis.h"
#include "../core/core.h"
#include "ui.h"

typedef struct df_Theme {
    const char *name;
    df_Color bg, surface, surface2, ink, ink_soft, accent, on_accent, focus;
    df_Color band[DF_BAND_COUNT];
    df_Color good, bad;
    df_Color parts[4]; /* time chart: conversation, task, rework, follow-on */
    df_Color line;
} df_Theme;

const df_Theme *df_theme_get(const char *name); /* "light", "contrast", "projector-dark", "projector-light"; NULL if unknown */
double df_luminance(df_Color c);
double df_contrast_ratio(df_Color a, df_Color b);

typedef enum df_Screen { DF_SCREEN_PICKER, DF_SCREEN_PLAY, DF_SCREEN_FEEDBACK, DF_SCREEN_DEBRIEF, DF_SCREEN_PROGRESS } df_Screen;

typedef struct df_PickItem {
    const char *id, *title, *setting, *role, *summary;
    double minutes;
    /* from the training record: this learner's attempts (0: never played, no stats shown)
     * and best score (-1: no finished attempt) */
    int attempts, best;
} df_PickItem;

/* The progress screen's data: one learner's attempts at one scenario, oldest first, copied
 * out of the training record by the app (ui/ never reads the record itself). */
#define DF_PROGRESS_MAX 50 /* attempts charted; older ones are counted, not drawn */

typedef struct df_ProgressPoint {
    int number;        /* 1-based attempt number in the whole record */
    int score;         /* 0..100; -1 when abandoned (unfinished) */
    double total;      /* minutes to resolution (so far, when abandoned) */
    double baseline;   /* the calm baseline of the scenario as it was played */
    char outcome[32];  /* an outcome key (df_outcome_key) or "abandoned" */
    char date[24];     /* local date, e.g. "9 Mar 2025" */
} df_ProgressPoint;

typedef struct df_Progress {
    const char *title;            /* the scenario's title */
    const char *learner;          /* whose attempts */
    const df_ProgressPoint *v;    /* the last n attempts, oldest first */
    int n;                        /* 0..DF_PROGRESS_MAX */
    int total;                    /* all attempts in the record (more than n when capped) */
    int unfinished;               /* of total */
    int best;                     /* best score of all attempts; -1 when none finished */
    /* time to resolution of the first and the latest finished attempt (finished > 0) */
    int finished;
    double first_total, latest_total, first_baseline, latest_baseline;
    char first_date[24], latest_date[24];
    const char *error;            /* the record could not be read: shown instead */
} df_Progress;

/* What a click or key on a region does. */
enum { DF_ACT_NONE, DF_ACT_PICK, DF_ACT_CHOOSE, DF_ACT_CONTINUE, DF_ACT_REPLAY, DF_ACT_BACK };

#define DF_MAX_HITS 64

typedef struct df_Hit {
    df_Rect r;
    int action, arg;
} df_Hit;

typedef struct df_Ui {
    df_Screen screen;
    const df_Theme *theme;
    float text_scale;   /* 1.0 .. 2.0 (Ctrl +/-) */
    int w, h;
    /* picker */
    const df_PickItem *items;
    int nitems;
    char filter[64];
    int focus;          /* index into the filtered list (picker) or visible choices (play) */
    /* play */
    const df_Run *run;
    const df_Scenario *sc;
    bool assess;
    float shown_agitation, shown_trust; /* animated values */
    float t;            /* seconds, for idle motion */
    /* debrief: the escalated road, the most time to resolution of any path from the start
     * that is not a safety exit (df_escalated_road, worked out once per scenario by the app);
     * NULL while road_pending (the bar says it is being worked out) or when not available */
    const df_Forecast *road;
    bool road_pending;
    int scroll;
    /* progress */
    const df_Progress *progress;
    /* authoring aids: an error overlay that does not block play, a short notice, and the
     * "start from here" list of beats */
    const char *overlay;
    const char *notice;
    bool jump_open;
    int jump_focus;
    /* filled by df_ui_build: where the agitation meter and the portrait were drawn (tests) */
    df_Rect meter_rect, portrait_rect;
    /* ... and the debrief's bars: each time bar as drawn (a calm visit, this run, the
     * escalated road; w = 0 when not drawn), minutes per pixel of the time chart, each rubric
     * bar's track and fill widths, and the forecast chart's plot area, the minutes at its top
     * and how many forecast points it drew (tests compare them with the engine) */
    df_Rect time_rows[3];
    double time_scale;
    float rubric_track[DF_DIM_COUNT], rubric_fill[DF_DIM_COUNT];
    df_Rect forecast_plot, agitation_plot;
    double forecast_max;
    int forecast_points;
    /* ... and the progress charts: their plot areas, the calm baseline's y in the time chart
     * (-1 when not drawn), and how many attempt markers were drawn */
    df_Rect score_plot, time_plot;
    float baseline_y;
    int markers;
    /* filled by df_ui_build: clickable regions */
    df_Hit hits[DF_MAX_HITS];
    int nhits;
} df_Ui;

/* Builds the current screen into dl (cleared first). */
void df_ui_build(df_Ui *ui, df_DrawList *dl, const df_TextMeasure *tm);
/* Items of the picker that match the filter; returns count, fills idx (cap entries). */
int df_ui_filtered(const df_Ui *ui, int *idx, int cap);
/* The action under a point, or DF_ACT_NONE. */
int df_ui_hit(const df_Ui *ui, float x, float y, int *arg);
/* "m:ss" of minutes; "+4", "\u22124", "\u00b10" of a change. */
void df_fmt_min(double minutes, char *buf, size_t cap);
void df_fmt_delta(double d, char *buf, size_t cap);
/* The shape that marks a band (circle, square, triangle, diamond, octagon: colour is never
 * the only cue), s pixels wide, left edge x, centred on cy. */
void df_band_shape(df_DrawList *dl, float x, float cy, float s, df_Band b, df_Color c);
/* The same in a channel: on the phone and in writing the top band is a handset going down or
 * an envelope with an exclamation mark, not the in-person octagon. */
void df_band_mark(df_DrawList *dl, float x, float cy, float s, df_Band b, df_Channel ch, df_Color c);
/* Base font size in pixels for the window height and text scale. */
int df_ui_body_px(const df_Ui *ui);

#endif
