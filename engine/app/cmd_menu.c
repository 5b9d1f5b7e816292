/* cmd_menu.c: defuse with no command: pick a scenario, play it, read the debrief, again. */
#include <stdlib.h>
#include <string.h>

#include "app.h"

int df_cmd_menu(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("Usage: defuse [menu]\n\nPick a scenario, play it in the terminal, read the debrief, pick again.\n"
                   "Type a number and press Enter; q leaves.\n");
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("defuse %s\n", DF_VERSION);
            return 0;
        }
        if (strcmp(argv[i], "--text") != 0) {
            fprintf(stderr, "defuse: menu: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    df_TermOpts to;
    df_term_opts_default(&to);
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
    int status = 0;
    for (;;) {
        int k = df_term_menu(items, m, &to);
        if (k < 0) break;
        df_Script *s = scripts[from[k]];
        df_Run *run = NULL;
        df_Error err;
        df_error_clear(&err);
        int rc = df_term_play(s, 1, &to, &run, &err);
        if (rc == DF_PLAY_ERROR) {
            char msg[1400];
            df_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "defuse: %s\n", msg);
            /* A script error can leave the state unusable: reload the file for next time. */
            df_script_free(s);
            df_Diags d = {0};
            scripts[from[k]] = df_script_load(paths[from[k]], NULL, &d);
            df_diags_free(&d);
            if (!scripts[from[k]]) {
                memmove(&items[k], &items[k + 1], (size_t)(m - k - 1) * sizeof *items);
                memmove(&from[k], &from[k + 1], (size_t)(m - k - 1) * sizeof *from);
                m--;
            }
        }
        df_run_free(run);
        if (rc == DF_PLAY_QUIT && feof(to.in)) break;
    }
    for (int i = 0; i < n; i++) df_script_free(scripts[i]);
    free(scripts);
    free(items);
    free(from);
    df_free_list(paths, n);
    return status;
}
