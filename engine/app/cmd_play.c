/* cmd_play.c: defuse play SCENARIO: one playthrough in the terminal. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "gui.h"

/* --watch: the file's identity, to notice a save (also a save by renaming). */
typedef struct Watched {
    const char *path;
    struct stat st;
    bool have;
} Watched;

static int file_changed(void *ud) {
    Watched *w = ud;
    struct stat st;
    if (stat(w->path, &st) != 0) return 0; /* mid-rename: look again next time */
    bool changed = w->have && (st.st_mtim.tv_sec != w->st.st_mtim.tv_sec || st.st_mtim.tv_nsec != w->st.st_mtim.tv_nsec ||
                               st.st_size != w->st.st_size || st.st_ino != w->st.st_ino);
    w->st = st;
    w->have = true;
    return changed;
}

static void play_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse play SCENARIO [OPTIONS]\n"
            "\n"
            "Play a scenario. SCENARIO is a file path or a catalog id (see 'defuse list').\n"
            "\n"
            "Options:\n"
            "  --text               play in the terminal (also chosen when there is no display)\n"
            "  --choices 2,1,3      play these choices in order (in the terminal), then ask\n"
            "  --seed N             seed of the run's random stream (default 1)\n"
            "  --transcript FILE    write the whole run as JSON ('-' for stdout)\n"
            "  --assess             hide coaching until the debrief\n"
            "  --watch              (terminal) reload the file when it is saved, keeping your place\n"
            "  --learner ID         whose training record this attempt goes to (default: your\n"
            "                       login name; also $DEFUSE_LEARNER)\n"
            "  --no-record          do not save this attempt to the training record\n"
            "  --screenshot FILE    render a screen to a PNG without a display, then exit\n"
            "  --size WxH           window or screenshot size (default 1280x720)\n"
            "  --screen NAME        screenshot of play, feedback or debrief (after --choices)\n"
            "  --fullscreen         open full screen (F11 toggles)\n"
            "  --font PATH          use this TrueType font instead of DejaVu Sans\n"
            "  --theme NAME         light (default) or contrast (Ctrl+T toggles)\n"
            "  --reduce-motion      no animations\n"
            "  --trace FILE         log screen changes and choices (for tests)\n"
            "  -h, --help           show this help\n"
            "  --version            show the version\n");
}

int df_cmd_play(int argc, char **argv) {
    static const struct option opts[] = {
        {"text", no_argument, 0, 't'},        {"choices", required_argument, 0, 'c'},
        {"seed", required_argument, 0, 's'},  {"transcript", required_argument, 0, 'j'},
        {"assess", no_argument, 0, 'a'},      {"help", no_argument, 0, 'h'},
        {"screenshot", required_argument, 0, 'P'}, {"size", required_argument, 0, 'S'},
        {"screen", required_argument, 0, 'N'}, {"fullscreen", no_argument, 0, 'F'},
        {"font", required_argument, 0, 'f'},  {"theme", required_argument, 0, 'T'},
        {"reduce-motion", no_argument, 0, 'R'}, {"trace", required_argument, 0, 'r'},
        {"watch", no_argument, 0, 'w'},       {"learner", required_argument, 0, 'l'},
        {"no-record", no_argument, 0, 'n'},
        {"version", no_argument, 0, 'V'},     {0, 0, 0, 0}};
    df_TermOpts to;
    df_term_opts_default(&to);
    unsigned long long seed = 1;
    const char *transcript = NULL;
    int *choices = NULL, nchoices = 0, c, text = 0, watch = 0;
    df_GuiOpts go;
    memset(&go, 0, sizeof go);
    go.width = 1280;
    go.height = 720;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 't': text = 1; break;
        case 'w': watch = 1; break;
        case 'l':
            if (!*optarg || strlen(optarg) > 64) {
                fprintf(stderr, "defuse: --learner: expected an id of 1 to 64 characters\n");
                free(choices);
                return 2;
            }
            go.learner = optarg;
            break;
        case 'n': go.no_record = true; break;
        case 'a': to.assess = 1; go.assess = true; break;
        case 'j': transcript = optarg; break;
        case 's': {
            char *end;
            errno = 0;
            seed = strtoull(optarg, &end, 10);
            if (errno || *end || !*optarg || optarg[0] == '-') {
                fprintf(stderr, "defuse: --seed: '%s' is not a whole number\n", optarg);
                free(choices);
                return 2;
            }
            break;
        }
        case 'c':
            free(choices);
            nchoices = df_parse_choices(optarg, &choices);
            if (nchoices < 0) {
                fprintf(stderr, "defuse: --choices: expected numbers 1-9 separated by commas, got '%s'\n", optarg);
                return 2;
            }
            break;
        case 'h': play_usage(stdout); free(choices); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); free(choices); return 0;
        default: {
            int r = df_gui_option(c, optarg, &go);
            if (r == 1) break;
            if (r == 0) play_usage(stderr);
            free(choices);
            return 2;
        }
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: play needs exactly one SCENARIO\n");
        play_usage(stderr);
        free(choices);
        return 2;
    }
    to.choices = choices;
    to.nchoices = nchoices;
    char *path = df_resolve_scenario(argv[optind]);
    if (!path) {
        free(choices);
        return 1;
    }
    go.scenario = path;
    go.seed = seed;
    go.assess = to.assess;
    go.choices = choices;
    go.nchoices = nchoices;
    if (go.screenshot) {
        int rc = df_gui_open_screenshot(&go);
        free(path);
        free(choices);
        return rc;
    }
    if (!text && !choices && !watch) {
        int rc = df_gui_open_run(&go);
        if (rc != DF_GUI_NO_DISPLAY && rc != DF_GUI_NO_FONT) {
            free(path);
            free(choices);
            return rc;
        }
    }
    df_Diags d = {0};
    df_Script *s = df_script_load(path, NULL, &d);
    df_print_diags(&d, s ? DF_DIAG_ERROR : DF_DIAG_WARNING);
    df_diags_free(&d);
    if (!s) {
        free(path);
        free(choices);
        return 1;
    }
    df_Run *run = NULL;
    df_Error err;
    df_error_clear(&err);
    Watched wst = {go.scenario, {0}, false};
    if (watch) {
        to.watch = file_changed;
        to.watch_ud = &wst;
        file_changed(&wst);
        setvbuf(to.in, NULL, _IONBF, 0); /* so waiting on the descriptor sees every line */
    }
    int rc, replay[1024];
    time_t started = time(NULL);
    while ((rc = df_term_play(s, seed, &to, &run, &err)) == DF_PLAY_RELOAD) {
        /* keep the place: the choices so far, replayed silently in the new version */
        const df_Step *steps;
        int n = df_run_steps(run, &steps);
        if (n > 1024) n = 1024;
        for (int i = 0; i < n; i++) replay[i] = steps[i].shown;
        df_run_free(run);
        run = NULL;
        df_Diags d2 = {0};
        df_Script *ns = df_script_load(go.scenario, NULL, &d2);
        if (!ns) {
            fprintf(stderr, "defuse: not reloaded; the last good version keeps running:\n");
            df_print_diags(&d2, DF_DIAG_ERROR);
        } else {
            df_script_free(s);
            s = ns;
            fprintf(to.out, "\n(reloaded %s; restoring your %d choice%s)\n", go.scenario, n, n == 1 ? "" : "s");
        }
        df_diags_free(&d2);
        to.choices = replay;
        to.nchoices = n;
        to.replay_quiet = 1;
    }
    int status = 0;
    if (rc == DF_PLAY_ERROR) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        status = 1;
    } else if (rc == DF_PLAY_USAGE) {
        status = 2;
    }
    if (transcript && run && df_write_transcript(transcript, s, run) != 0) status = 1;
    if (!go.no_record && run && !df_run_broken(run)) { /* "saved" only once the store committed */
        char msg[1400];
        if (df_record_attempt(s, go.scenario, run, started, to.assess, go.learner, msg, sizeof msg) != 1)
            fprintf(stderr, "defuse: %s\n", msg);
    }
    df_run_free(run);
    df_script_free(s);
    free(choices);
    free(path);
    return status;
}
