/* screens.h: the GUI's screens built as draw lists from engine state: picker, play (with the
 * feedback card) and debrief. Pure: no SDL, no Lua; text is measured through df_TextMeasure. */
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

typedef enum df_Screen { DF_SCREEN_PICKER, DF_SCREEN_PLAY, DF_SCREEN_FEEDBACK, DF_SCREEN_DEBRIEF } df_Screen;

typedef struct df_PickItem {
    const char *id, *title, *setting, *role, *summary;
    double minutes;
} df_PickItem;

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
    /* debrief */
    const df_Walk *walk;
    int scroll;
    /* authoring aids: an error overlay that does not block play, a short notice, and the
     * "start from here" list of beats */
    const char *overlay;
    const char *notice;
    bool jump_open;
    int jump_focus;
    /* filled by df_ui_build: where the agitation meter and the portrait were drawn (tests) */
    df_Rect meter_rect, portrait_rect;
    /* ... and the debrief's bars: the "You" time bar, minutes per pixel of the time chart,
     * and each rubric bar's track and fill widths (tests compare them with the engine) */
    df_Rect time_you;
    double time_scale;
    float rubric_track[DF_DIM_COUNT], rubric_fill[DF_DIM_COUNT];
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
/* Base font size in pixels for the window height and text scale. */
int df_ui_body_px(const df_Ui *ui);

#endif
