/* ui.h: screens as data. ui/ turns engine state and input into a list of draw commands
 * (rectangles, shapes, lines, text already wrapped into lines); platform/ executes them.
 * Nothing here touches SDL, Lua or files, so layout is testable without pixels. */
#ifndef DF_UI_H
#define DF_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct df_Color {
    uint8_t r, g, b, a;
} df_Color;

typedef struct df_Rect {
    float x, y, w, h;
} df_Rect;

typedef enum df_CmdKind {
    DF_CMD_RECT,     /* filled rectangle, optional corner radius */
    DF_CMD_FRAME,    /* rectangle outline of a thickness, optional radius (focus rings) */
    DF_CMD_ELLIPSE,  /* filled ellipse centred in rect */
    DF_CMD_POLY,     /* filled convex polygon, up to DF_POLY_MAX points */
    DF_CMD_LINE,     /* a segment of a thickness, round ends */
    DF_CMD_TEXT,     /* one line of text at (rect.x, rect.y) top-left; never wraps */
    DF_CMD_CLIP,     /* clip following commands to rect (w = 0: no clip) */
    DF_CMD_LAYER,    /* begin a cacheable layer: the commands up to LAYER_END draw an opaque
                        picture of rect; the platform may reuse its last picture for key */
    DF_CMD_LAYER_END,
} df_CmdKind;

#define DF_POLY_MAX 8

typedef struct df_Cmd {
    df_CmdKind kind;
    df_Rect rect;
    df_Color color;
    float radius;     /* RECT/FRAME corner radius */
    float thickness;  /* FRAME/LINE */
    float pts[DF_POLY_MAX * 2]; /* POLY points; LINE uses pts[0..3] */
    int npts;
    /* TEXT */
    size_t toff;      /* text: offset in the list's string buffer (see df_dl_str) */
    int px;           /* font size in pixels */
    bool bold;
    uint64_t key;     /* LAYER: same key, same picture */
} df_Cmd;

/* Measures text for layout; the platform supplies it (SDL_ttf), tests supply a fake. */
typedef struct df_TextMeasure {
    void *ud;
    /* width in pixels of s[0..len) at size px */
    float (*width)(void *ud, const char *s, size_t len, int px, bool bold);
    /* distance between baselines of two lines at size px */
    float (*line_height)(void *ud, int px);
} df_TextMeasure;

typedef struct df_DrawList {
    df_Cmd *v;
    int n, cap;
    char *text;       /* arena for strings */
    size_t tlen, tcap;
    int overflows;    /* text that did not fit its box or left its container */
    df_Rect bounds[16]; /* containers (cards, the screen): text must stay inside the innermost */
    int nbounds;
    char overflow_what[256]; /* the first one, for messages */
    bool oom;
} df_DrawList;

void df_dl_init(df_DrawList *dl);
void df_dl_deinit(df_DrawList *dl);
void df_dl_clear(df_DrawList *dl);

void df_dl_rect(df_DrawList *dl, df_Rect r, df_Color c, float radius);
void df_dl_frame(df_DrawList *dl, df_Rect r, df_Color c, float radius, float thickness);
void df_dl_ellipse(df_DrawList *dl, float cx, float cy, float rx, float ry, df_Color c);
/* pts: n points (x, y), convex, n <= DF_POLY_MAX */
void df_dl_poly(df_DrawList *dl, const float *pts, int n, df_Color c);
void df_dl_line(df_DrawList *dl, float x1, float y1, float x2, float y2, float thickness, df_Color c);
void df_dl_clip(df_DrawList *dl, df_Rect r);
/* Containers: text drawn by df_dl_text must stay inside the innermost one, or it counts as
 * an overflow. */
void df_dl_push_bounds(df_DrawList *dl, df_Rect r);
void df_dl_pop_bounds(df_DrawList *dl);
/* A layer: everything between begin and end must paint every pixel of r opaquely, and
 * depend only on key (the executor may replay a cached picture instead). */
void df_dl_layer_begin(df_DrawList *dl, df_Rect r, uint64_t key);
void df_dl_layer_end(df_DrawList *dl);
/* The string of a TEXT command. */
const char *df_dl_str(const df_DrawList *dl, const df_Cmd *c);
/* One line of text, unwrapped. */
void df_dl_text_line(df_DrawList *dl, float x, float y, const char *s, size_t len, int px, bool bold,
                     df_Color c);

enum { DF_ALIGN_LEFT, DF_ALIGN_CENTER, DF_ALIGN_RIGHT };

/* Wraps text to box.w at size px and emits one command per line, aligned; returns the
 * height used. If the text does not fit box.h it is still drawn in full and counted as an
 * overflow (tests assert there are none). */
float df_dl_text(df_DrawList *dl, const df_TextMeasure *tm, df_Rect box, const char *s, int px, bool bold,
                 df_Color c, int align);
/* Height the wrapped text needs at width w. */
float df_text_height(const df_TextMeasure *tm, const char *s, float w, int px, bool bold);

/* ---------------------------------------------------------------- the resident portrait */

typedef struct df_Look {
    int skin;                 /* 1..6 */
    const char *hair;         /* short, long, curly, bald, bun */
    const char *hair_colour;  /* black, brown, blonde, grey, red */
    const char *top;          /* shirt, cardigan, jacket, hoodie, uniform */
    bool remote;              /* on the phone or in writing: no hand raised or pointed at anyone */
} df_Look;

/* Draws a head-and-shoulders figure in box for an agitation of 0..100 (a continuous value,
 * so animations pass in-between values). Brows, eyes, mouth, flush, shoulders and lean
 * change with the five bands; t is seconds, for small idle motion (pass 0 for stills). */
void df_ui_portrait(df_DrawList *dl, df_Rect box, const df_Look *look, float agitation, float t);

#endif
