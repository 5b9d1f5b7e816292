/* gui.h: the windowed face of defuse and its headless screenshot mode. */
#ifndef DF_GUI_H
#define DF_GUI_H

#include "app.h"

typedef struct df_GuiOpts {
    const char *scenario;   /* path: open straight into it; NULL: the picker */
    const char *font;       /* --font PATH, or NULL for fontconfig's DejaVu Sans */
    const char *theme;      /* "light" (default) or "contrast" */
    const char *trace;      /* --trace FILE: a line per screen change and choice */
    const char *learner;    /* --learner ID, or NULL */
    bool no_record;
    int width, height;
    bool fullscreen, assess, reduce_motion;
    unsigned long long seed;
    /* headless screenshots */
    const char *screenshot; /* PNG path */
    const char *screen;     /* play | feedback | debrief */
    const int *choices;
    int nchoices;
} df_GuiOpts;

enum { DF_GUI_OK = 0, DF_GUI_ERROR = 1, DF_GUI_USAGE = 2, DF_GUI_NO_DISPLAY = 10, DF_GUI_NO_FONT = 11 };

/* Runs the window until the user quits. DF_GUI_NO_DISPLAY / DF_GUI_NO_FONT mean: fall back
 * to the terminal (a one-line reason was printed). */
int df_gui_run(const df_GuiOpts *o);
/* Renders one screen with the software renderer into o->screenshot; no display needed. */
int df_gui_screenshot(const df_GuiOpts *o);

/* The same two, through the window plugin (libdefuse-gui.so), loaded on first use. When the
 * plugin cannot be loaded, _run says so and returns DF_GUI_NO_DISPLAY (use the terminal). */
int df_gui_open_run(const df_GuiOpts *o);

/* The window options both play and the menu take, by getopt letter: P screenshot, N screen,
 * F fullscreen, f font, R reduce-motion, r trace, a assess, T theme, S size, l learner,
 * n no-record. Returns 1 when handled, 0 when c is not one of them, -1 after printing a
 * usage error. */
int df_gui_option(int c, const char *arg, df_GuiOpts *go);
int df_gui_open_screenshot(const df_GuiOpts *o);

/* defuse present: a module in front of a room. */
typedef struct df_PresentOpts {
    const char *module;     /* path of the module file */
    const char *font;
    const char *theme;      /* "dark" (default: light text on dark) or "light" */
    const char *keys;       /* a scripted run: keys to press, no display needed */
    const char *screenshot; /* PNG of the last screen (with --keys, or of the title) */
    int width, height;      /* window or screenshot size */
    int display;            /* 1-based; 0: the largest (an external one on a tie) */
    bool windowed, no_record, list_displays;
    bool notes_window;      /* notes in a window of their own even on one display */
    unsigned long long seed;
} df_PresentOpts;

/* In the plugin: runs the session (a window, or the scripted run). DF_GUI_* codes. */
int df_present_run(const df_PresentOpts *o);
int df_gui_open_present(const df_PresentOpts *o);

struct df_Display;
/* The display a presenter opens on when none is named: the largest; on a tie, not the
 * first (the first is usually the laptop's own screen). */
int df_present_pick_display(const struct df_Display *d, int n);

#endif
