/* cmd_menu.c: defuse with no command: pick a scenario, play it, read the debrief, again;
 * each attempt goes to the training record (in the window and in the terminal). */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../records/records.h"
#include "app.h"
#include "gui.h"

/* The learner's attempts and best score per scenario onto the menu's items (the terminal
 * menu shows them); nothing when the record is not open. */
static void menu_stats(df_Store *st, const char *learner, df_MenuItem *items, int m) {
    for (int i = 0; i < m; i++) {
        items[i].attempts = 0;
        items[i].best = -1;
    }
    if (!st) return;
    enum { CAP = 4096 };
    df_ScenarioStats *v = malloc(CAP * sizeof *v);
    if (!v) return;
    int n = df_store_stats(st, learner, v, CAP);
    for (int i = 0; i < m; i++)
        for (int k = 0; k < n; k++)
            if (!strcmp(v[k].scenario_id, items[i].id)) {
                items[i].attempts = v[k].attempts;
                items[i].best = v[k].best;
                break;
            }
    free(v);
}

static void menu_usage(FILE *f) {
    fprintf(f, "Usage: defuse [menu] [OPTIONS]\n\n"
               "Pick a scenario, play it, read the debrief, pick again. Opens a window when\n"
               "there is a display, otherwise the terminal menu (type a number, q leaves).\n\n"
               "Options:\n"
               "  --text               use the terminal menu\n"
               "  --screenshot FILE    render the picker to a PNG without a display, then exit\n"
               "  --size WxH           window or screenshot size (default 1280x720)\n"
               "  --fullscreen         open full screen (F11 toggles)\n"
               "  --font PATH          use this TrueType font instead of DejaVu Sans\n"
               "  --theme NAME         light (default) or contrast (Ctrl+T toggles)\n"
               "  --assess             hide coaching until the debrief\n"
               "  --learner ID         whose training record attempts go to (default: your\n"
               "                       login name; also $DEFUSE_LEARNER)\n"
               "  --no-record          do not save attempts to the training record\n"
               "  --reduce-motion      no animations\n"
               "  --trace FILE         log screen changes and choices (for tests)\n"
               "  -h, --help           show this help\n"
               "  --version            show the version\n");
}

int df_cmd_menu(int argc, char **argv) {
    static const struct option opts[] = {
        {"text", no_argument, 0, 't'},          {"screenshot", required_argument, 0, 'P'},
        {"size", required_argument, 0, 'S'},    {"fullscreen", no_argument, 0, 'F'},
        {"font", required_argument, 0, 'f'},    {"theme", required_argument, 0, 'T'},
        {"assess", no_argument, 0, 'a'},        {"reduce-motion", no_argument, 0, 'R'},
        {"trace", required_argument, 0, 'r'},   {"help", no_argument, 0, 'h'},
        {"learner", required_argument, 0, 'l'}, {"no-record", no_argument, 0, 'n'},
        {"version", no_argument, 0, 'V'},       {0, 0, 0, 0}};
    df_GuiOpts go;
    memset(&go, 0, sizeof go);
    go.width = 1280;
    go.height = 720;
    go.seed = 1;
    int text = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 't': text = 1; break;
        case 'h': menu_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: {
            int r = df_gui_option(c, optarg, &go);
            if (r == 1) break;
            if (r == 0) menu_usage(stderr);
            return 2;
        }
        }
    }
    if (optind < argc) {
        fprintf(stderr, "defuse: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    if (df_records_off()) go.no_record = true; /* $DEFUSE_NO_RECORD: nothing made, nothing read into */
    if (go.screenshot) return df_gui_open_screenshot(&go);
    if (!text) {
        int rc = df_gui_open_run(&go);
        if (rc != DF_GUI_NO_DISPLAY && rc != DF_GUI_NO_FONT) return rc;
    }
    df_TermOpts to;
    df_term_opts_default(&to);
    to.assess = go.assess;
    const char *dir = df_scenario_dir();
    char **paths;
    int n = df_list_lua(dir, &paths);
    if (n <= 0) {
        fprintf(stderr, "defuse: no scenarios found in %s (set DEFUSE_SCENARIOS to a folder of *.lua files)\n", dir);
        return 1;
    }
    df_Script **scripts = calloc((size_t)n, sizeof *scripts);
    df_MenuItem *items = calloc((size_t)n, sizeof *items);
    int *from = calloc((size_t)n, sizeof *from);
    int m = 0;
    if (!scripts || !items || !from) {
        fprintf(stderr, "defuse: out of memory\n");
        free(scripts), free(items), free(from);
        df_free_list(paths, n);
        return 1;
    }
    for (int i = 0; i < n; i++) {
        df_Diags d = {0};
        scripts[i] = df_script_load(paths[i], NULL, &d);
        if (!scripts[i]) df_print_diags(&d, DF_DIAG_ERROR); /* a broken file is skipped, not fatal */
        df_diags_free(&d);
        if (!scripts[i]) continue;
        const df_Scenario *sc = df_script_scenario(scripts[i]);
        items[m] = (df_MenuItem){sc->id, sc->title, sc->setting, sc->role, sc->summary, sc->minutes};
        from[m++] = i;
    }
    /* the record, read for the menu's stats; saving opens its own connection */
    char datadir[4096], note[1024] = "", learner[80], display[160];
    df_Store *store = NULL;
    df_learner(go.learner, learner, sizeof learner, display, sizeof display);
    if (df_data_dir(datadir, sizeof datadir) == 0) {
        store = go.no_record ? df_store_open_read(datadir, note, sizeof note) : df_store_open(datadir, note, sizeof note);
        if (note[0]) fprintf(stderr, "defuse: %s\n", note);
    }
    menu_stats(store, learner, items, m);
    int status = 0;
    for (;;) {
        int k = df_term_menu(items, m, &to);
        if (k < 0) break;
        df_Script *s = scripts[from[k]];
        df_Run *run = NULL;
        df_Error err;
        df_error_clear(&err);
        time_t started = time(NULL);
        int rc = df_term_play(s, 1, &to, &run, &err);
        if (!go.no_record && run && !df_run_broken(run)) { /* "saved" only once the store committed */
            char msg[1400];
            int saved = df_record_attempt(s, paths[from[k]], run, started, go.assess, go.learner, msg, sizeof msg);
            if (saved != 1) fprintf(stderr, "defuse: %s\n", msg);
            if (saved == 0) menu_stats(store, learner, items, m);
        }
        df_run_free(run); /* before its scenario can go */
        run = NULL;
        if (rc == DF_PLAY_ERROR) {
            char msg[1400];
            df_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "defuse: %s\n", msg);
            /* A script error can leave the state unusable: reload the file for next time. The
             * menu's entry pointed into the old scenario: it is rebuilt from the new one. */
            df_script_free(s);
            df_Diags d = {0};
            scripts[from[k]] = df_script_load(paths[from[k]], NULL, &d);
            df_diags_free(&d);
            if (!scripts[from[k]]) {
                memmove(&items[k], &items[k + 1], (size_t)(m - k - 1) * sizeof *items);
                memmove(&from[k], &from[k + 1], (size_t)(m - k - 1) * sizeof *from);
                m--;
            } else {
                const df_Scenario *sc = df_script_scenario(scripts[from[k]]);
                items[k] = (df_MenuItem){sc->id, sc->title, sc->setting, sc->role, sc->summary, sc->minutes};
                menu_stats(store, learner, items, m);
            }
        }
        if (rc == DF_PLAY_QUIT && feof(to.in)) break;
    }
    df_store_close(store);
    for (int i = 0; i < n; i++) df_script_free(scripts[i]);
    free(scripts);
    free(items);
    free(from);
    df_free_list(paths, n);
    return status;
}
