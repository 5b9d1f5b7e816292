/* platform.h: the only code that touches SDL: fonts and a text cache, executing draw lists,
 * windows and events, and PNG screenshots. */
#ifndef DF_PLATFORM_H
#define DF_PLATFORM_H

#include "../ui/ui.h"

typedef struct df_Fonts df_Fonts;

/* Opens the UI font: path, or DejaVu Sans found through fontconfig when path is NULL (bold
 * from the same family when available). NULL with a message in err on failure. */
df_Fonts *df_fonts_open(const char *path, char *err, size_t cap);
void df_fonts_close(df_Fonts *f);
df_TextMeasure df_fonts_measure(df_Fonts *f);
/* Strings rasterised so far (for tests and the benchmark). */
long df_fonts_rasterised(const df_Fonts *f);

/* A drawing target: a window or an offscreen surface. */
typedef struct df_Canvas df_Canvas;

/* An offscreen canvas (software renderer into a surface): needs no display. */
df_Canvas *df_canvas_offscreen(int w, int h, df_Fonts *fonts, char *err, size_t cap);
/* A window; title in UTF-8. NULL with a message (no display, ...). */
df_Canvas *df_canvas_window(const char *title, int w, int h, bool fullscreen, df_Fonts *fonts, char *err,
                            size_t cap);
/* The same on a display (0-based; -1: the window system's choice). */
df_Canvas *df_canvas_window_on(const char *title, int display, int w, int h, bool fullscreen, df_Fonts *fonts,
                               char *err, size_t cap);

typedef struct df_Display {
    int x, y, w, h; /* bounds in the desktop's coordinates */
    char name[64];
} df_Display;

/* The connected displays, in the window system's order (up to cap); -1 with err. */
int df_displays(df_Display *out, int cap, char *err, size_t errcap);
void df_canvas_free(df_Canvas *c);
void df_canvas_size(const df_Canvas *c, int *w, int *h);
/* Clears to bg, executes the list and presents (windows) or keeps the pixels (offscreen). */
void df_canvas_draw(df_Canvas *c, const df_DrawList *dl, df_Color bg);
/* The part of the last df_canvas_draw that was actually redrawn: the whole canvas after a
 * change of size or of the number of commands, the union of what changed otherwise (w = 0:
 * nothing changed and nothing was drawn). */
df_Rect df_canvas_last_redraw(const df_Canvas *c);
/* Forgets the previous frame, so the next draw repaints everything (after an expose). */
void df_canvas_invalidate(df_Canvas *c);
/* Writes the current pixels as PNG, checking every write and the close. 0, or -1 with err
 * naming the file ("cannot write F: No space left on device"); a partial file is removed. */
int df_canvas_save_png(df_Canvas *c, const char *path, char *err, size_t cap);
/* Reads one pixel of the last frame (offscreen canvases), for render tests. */
df_Color df_canvas_pixel(df_Canvas *c, int x, int y);
void df_canvas_toggle_fullscreen(df_Canvas *c);
const char *df_canvas_renderer_name(const df_Canvas *c);

/* ---------------------------------------------------------------- events */

typedef enum df_EvKind {
    DF_EV_NONE,
    DF_EV_QUIT,
    DF_EV_KEY,      /* key + mods */
    DF_EV_TEXT,     /* text typed (UTF-8) */
    DF_EV_CLICK,    /* x, y */
    DF_EV_MOVE,     /* x, y (mouse motion) */
    DF_EV_WHEEL,    /* dy */
    DF_EV_RESIZE,   /* the window changed size */
    DF_EV_EXPOSE,   /* redraw needed */
    DF_EV_FILE,     /* the watched file changed */
    DF_EV_TICK,     /* a timer the app asked for */
    DF_EV_CLOSE,    /* the user closed one window (window says which) */
} df_EvKind;

enum {
    DF_KEY_OTHER, DF_KEY_UP, DF_KEY_DOWN, DF_KEY_LEFT, DF_KEY_RIGHT, DF_KEY_TAB, DF_KEY_ENTER,
    DF_KEY_ESCAPE, DF_KEY_BACKSPACE, DF_KEY_F11, DF_KEY_F1, DF_KEY_PAGEUP, DF_KEY_PAGEDOWN,
    DF_KEY_HOME, DF_KEY_END, DF_KEY_SPACE, DF_KEY_PLUS, DF_KEY_MINUS, DF_KEY_0,
    DF_KEY_F5, DF_KEY_F6,
    DF_KEY_CHAR /* ch holds an ASCII letter, digit or '.' */
};
enum { DF_MOD_SHIFT = 1, DF_MOD_CTRL = 2, DF_MOD_ALT = 4 };

typedef struct df_Event {
    df_EvKind kind;
    int key, mods;
    char ch;
    char text[32];
    float x, y, dy;
    df_Canvas *window; /* the window a key or window event is for; NULL if unknown */
    bool repeat;       /* a key held down, repeating */
} df_Event;

/* Watches one file through its folder (so editors that save by renaming are seen too); each
 * change arrives as DF_EV_FILE. Replaces any earlier watch. 0, or -1 if watching is not
 * available. */
int df_watch_file(df_Canvas *c, const char *path);
void df_unwatch(df_Canvas *c);

/* Waits for the next event, at most timeout_ms (-1: forever; 0: poll). Returns false on timeout. */
bool df_wait_event(df_Canvas *c, df_Event *ev, int timeout_ms);
unsigned long df_ticks_ms(void);
/* True if a video display can be opened (without opening a window): DISPLAY and/or
 * WAYLAND_DISPLAY are set and the server they name answers within 1.5 s
 * ($DEFUSE_DISPLAY_TIMEOUT_MS). False with a reason ("no display at :99 (X server not
 * reachable)") otherwise. SDL_VIDEODRIVER naming another driver (dummy) counts as available. */
bool df_display_available(char *why, size_t cap);
/* The probe behind it, without the environment: 1 when the X server x11 (a DISPLAY value) or
 * the Wayland compositor wayland (a WAYLAND_DISPLAY value, in runtime_dir unless absolute) is
 * there, or cannot be judged; 0 with why. Never takes much longer than timeout_ms. */
int df_display_probe(const char *x11, const char *wayland, const char *runtime_dir, int timeout_ms, char *why,
                     size_t cap);

#endif
