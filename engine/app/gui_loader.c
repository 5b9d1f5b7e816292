/* gui_loader.c: finds and opens the window plugin (libdefuse-gui.so) only when a window is
 * wanted, so the terminal player, the checker and the analyser never load SDL. */
#define _DEFAULT_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gui.h"

typedef int (*GuiFn)(const void *);

/* The plugin next to the executable, or in ../lib/defuse, or $DEFUSE_GUI_LIB. */
static void *open_plugin(char *why, size_t cap) {
    const char *env = getenv("DEFUSE_GUI_LIB");
    char exe[PATH_MAX], path[PATH_MAX + 64];
    why[0] = '\0';
    if (env && *env) {
        void *h = dlopen(env, RTLD_NOW | RTLD_LOCAL);
        if (!h) snprintf(why, cap, "%s", dlerror());
        return h;
    }
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(why, cap, "cannot find the executable's folder");
        return NULL;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    static const char *const rel[] = {"/libdefuse-gui.so", "/../lib/defuse/libdefuse-gui.so"};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s%s", exe, rel[i]);
        if (access(path, R_OK) != 0) continue;
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (h) return h;
        snprintf(why, cap, "%s", dlerror());
        return NULL;
    }
    snprintf(why, cap, "libdefuse-gui.so not found next to %s", exe);
    return NULL;
}

static int call(const char *name, const void *o, int fallback) {
    char why[512];
    void *h = open_plugin(why, sizeof why);
    if (!h) {
        fprintf(stderr, "defuse: the window is not available (%s)%s\n", why,
                fallback == DF_GUI_NO_DISPLAY ? "; using the terminal" : "");
        return fallback;
    }
    GuiFn fn;
    *(void **)&fn = dlsym(h, name); /* POSIX: function pointers through void * */
    if (!fn) {
        fprintf(stderr, "defuse: the window plugin lacks %s\n", name);
        dlclose(h);
        return fallback;
    }
    int rc = fn(o);
    /* The plugin stays loaded: SDL may keep threads or handlers until exit. */
    return rc;
}

int df_gui_option(int c, const char *arg, df_GuiOpts *go) {
    switch (c) {
    case 'P': go->screenshot = arg; return 1;
    case 'N': go->screen = arg; return 1;
    case 'F': go->fullscreen = true; return 1;
    case 'f': go->font = arg; return 1;
    case 'R': go->reduce_motion = true; return 1;
    case 'r': go->trace = arg; return 1;
    case 'a': go->assess = true; return 1;
    case 'l':
        if (!*arg || strlen(arg) > 64) {
            fprintf(stderr, "defuse: --learner: expected an id of 1 to 64 characters\n");
            return -1;
        }
        go->learner = arg;
        return 1;
    case 'n': go->no_record = true; return 1;
    case 'T':
        if (strcmp(arg, "light") && strcmp(arg, "contrast")) {
            fprintf(stderr, "defuse: --theme: expected light or contrast, got '%s'\n", arg);
            return -1;
        }
        go->theme = arg;
        return 1;
    case 'S':
        if (df_parse_size(arg, &go->width, &go->height) != 0) {
            fprintf(stderr, "defuse: --size: expected WIDTHxHEIGHT between 320x200 and 7680x4320, got '%s'\n", arg);
            return -1;
        }
        return 1;
    default: return 0;
    }
}

int df_gui_open_run(const df_GuiOpts *o) { return call("df_gui_run", o, DF_GUI_NO_DISPLAY); }

int df_gui_open_screenshot(const df_GuiOpts *o) { return call("df_gui_screenshot", o, DF_GUI_ERROR); }

int df_gui_open_present(const df_PresentOpts *o) { return call("df_present_run", o, DF_GUI_ERROR); }
