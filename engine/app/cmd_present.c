/* cmd_present.c: defuse present MODULE: a trainer's group session on a projector. The
 * options are read here; the session itself runs in the window plugin. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "gui.h"

static void present_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse present MODULE [OPTIONS]\n"
            "\n"
            "Run a module (a 20-minute group session) full screen for a room: objectives,\n"
            "talking points, the exercise the room votes on, the room debrief, wrap-up and\n"
            "thanks. MODULE is a file path or a module id (see 'defuse list --modules').\n"
            "At the end a session summary (no names) is saved as JSON and CSV in\n"
            "$XDG_DATA_HOME/defuse/sessions.\n"
            "\n"
            "Keys: Right, Space, Page Down next; Left, Page Up back; B or . blank; T timer;\n"
            "N trainer notes; H help; Esc leave. In a vote: A-D a vote per hand, digits then\n"
            "a letter a count, Backspace undo, Enter the majority, Shift+letter the trainer's\n"
            "pick. On the debrief: Up/Down pick a decision, O play the road not taken.\n"
            "\n"
            "Options:\n"
            "  --display N          the display to use (1, 2, ...; default: the largest)\n"
            "  --list-displays      list the displays and exit\n"
            "  --theme NAME         dark (light text on dark, default) or light\n"
            "  --windowed           a window instead of full screen (rehearsal)\n"
            "  --size WxH           window size, or the size of a scripted run (1920x1080)\n"
            "  --keys \"KEYS\"        a scripted run without a display: keys separated by\n"
            "                       spaces: right left up down space enter esc backspace\n"
            "                       tab pgup pgdn f1, a letter (A-Z: Shift+letter), digits,\n"
            "                       '.', tick:SECONDS (time passes), shot:FILE (a PNG now)\n"
            "  --screenshot FILE    a PNG of the last screen of the scripted run (or the title)\n"
            "  --seed N             seed of the scenarios' random stream (default 1)\n"
            "  --notes-window       N opens the notes in a window of their own even on one\n"
            "                       display (with two, they always go to the other one)\n"
            "  --no-record          do not save the session summary\n"
            "  --font PATH          use this TrueType font instead of DejaVu Sans\n"
            "  -h, --help           show this help\n");
}

/* A path, or an id of a bundled module. NULL with a message. */
static char *resolve_module(const char *arg) {
    char path[PATH_MAX];
    if (strchr(arg, '/') || strstr(arg, ".lua")) snprintf(path, sizeof path, "%s", arg);
    else snprintf(path, sizeof path, "%s/modules/%s.lua", df_scenario_dir(), arg);
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "defuse: %s: %s (modules: defuse list --modules)\n", path, strerror(errno));
        return NULL;
    }
    return strdup(path);
}

int df_cmd_present(int argc, char **argv) {
    static const struct option opts[] = {
        {"display", required_argument, 0, 'd'}, {"list-displays", no_argument, 0, 'L'},
        {"theme", required_argument, 0, 'T'},   {"windowed", no_argument, 0, 'w'},
        {"size", required_argument, 0, 'S'},    {"keys", required_argument, 0, 'k'},
        {"screenshot", required_argument, 0, 'P'}, {"seed", required_argument, 0, 's'},
        {"no-record", no_argument, 0, 'n'},     {"font", required_argument, 0, 'f'},
        {"notes-window", no_argument, 0, 'W'},  {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    df_PresentOpts o;
    memset(&o, 0, sizeof o);
    o.width = 1920;
    o.height = 1080;
    o.seed = 1;
    bool sized = false;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || end == optarg || n < 1 || n > 16) {
                fprintf(stderr, "defuse: --display: expected a display number from 1 (see --list-displays), got '%s'\n", optarg);
                return 2;
            }
            o.display = (int)n;
            break;
        }
        case 'L': o.list_displays = true; break;
        case 'T':
            if (strcmp(optarg, "dark") && strcmp(optarg, "light")) {
                fprintf(stderr, "defuse: --theme: expected dark or light, got '%s'\n", optarg);
                return 2;
            }
            o.theme = optarg;
            break;
        case 'w': o.windowed = true; break;
        case 'S':
            if (df_parse_size(optarg, &o.width, &o.height) != 0) {
                fprintf(stderr, "defuse: --size: expected WIDTHxHEIGHT between 320x200 and 7680x4320, got '%s'\n", optarg);
                return 2;
            }
            sized = true;
            break;
        case 'k': o.keys = optarg; break;
        case 'P': o.screenshot = optarg; break;
        case 's': {
            char *end;
            errno = 0;
            o.seed = strtoull(optarg, &end, 10);
            if (errno || *end || !*optarg || optarg[0] == '-') {
                fprintf(stderr, "defuse: --seed: '%s' is not a whole number\n", optarg);
                return 2;
            }
            break;
        }
        case 'n': o.no_record = true; break;
        case 'W': o.notes_window = true; break;
        case 'f': o.font = optarg; break;
        case 'h': present_usage(stdout); return 0;
        default: present_usage(stderr); return 2;
        }
    }
    if (o.list_displays) return df_gui_open_present(&o) == 0 ? 0 : 1;
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: present needs exactly one MODULE\n");
        present_usage(stderr);
        return 2;
    }
    if (!sized && !o.keys && !o.screenshot) o.width = 1280, o.height = 720; /* the window before full screen */
    char *path = resolve_module(argv[optind]);
    if (!path) return 1;
    o.module = path;
    int rc = df_gui_open_present(&o);
    free(path);
    return rc == DF_GUI_OK ? 0 : rc == DF_GUI_USAGE ? 2 : 1;
}
