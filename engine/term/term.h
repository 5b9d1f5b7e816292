/* term.h: the terminal player: the scenario menu, a playthrough, and the debrief as text.
 * It is also the screen-reader path and the scripted path used by tests. */
#ifndef DF_TERM_H
#define DF_TERM_H

#include <stdio.h>

#include "../script/script.h"

typedef struct df_TermOpts {
    FILE *in, *out, *err;
    int color;      /* ANSI colour (only on a terminal without NO_COLOR) */
    int assess;     /* hide coaching until the debrief */
    int width;      /* wrap width in columns */
    const int *choices; /* scripted choices (1-based), or NULL */
    int nchoices;
    int replay_quiet;   /* replay the scripted choices silently (after a reload) */
    /* --watch: asked about four times a second while waiting at the prompt; returning 1
     * ends the play with DF_PLAY_RELOAD so the caller can reload and replay */
    int (*watch)(void *ud);
    void *watch_ud;
} df_TermOpts;

/* Fills opts for the process's stdin/stdout/stderr, deciding colour from NO_COLOR and isatty. */
void df_term_opts_default(df_TermOpts *o);

enum { DF_PLAY_DONE = 0, DF_PLAY_ERROR = 1, DF_PLAY_USAGE = 2, DF_PLAY_QUIT = 3, DF_PLAY_RELOAD = 4 };

/* Plays one run to its end (or until the user quits or input ends). The run is returned in
 * *out (also when unfinished) for the caller to free; err names any script problem. */
int df_term_play(df_Script *s, unsigned long long seed, const df_TermOpts *o, df_Run **out,
                 df_Error *err);
/* Prints the debrief of a finished run. */
void df_term_debrief(const df_Run *run, const df_TermOpts *o);

/* One entry of the scenario menu. */
typedef struct df_MenuItem {
    const char *id, *title, *setting, *role, *summary;
    double minutes;
    int attempts, best; /* the learner's record: 0 attempts when never played; best -1 without a finished one */
} df_MenuItem;

/* Shows the menu and returns the chosen index, or -1 to quit. */
int df_term_menu(const df_MenuItem *items, int n, const df_TermOpts *o);

/* Minutes as "m:ss". */
void df_format_minutes(double minutes, char *buf, size_t cap);

#endif
