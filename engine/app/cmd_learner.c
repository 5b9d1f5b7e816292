/* cmd_learner.c: defuse learner: who the training record files attempts under, and the name
 * shown for them in history and exports (entered once, kept). */
#define _GNU_SOURCE
#include <getopt.h>
#include <string.h>

#include "../records/records.h"
#include "app.h"

static void learner_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse learner [--learner ID] [--name \"DISPLAY NAME\"]\n"
            "\n"
            "Show who your attempts are saved for (your login name, or --learner /\n"
            "$DEFUSE_LEARNER on a shared computer) and the name shown in history and in\n"
            "exports; --name sets that name once, for every attempt after and before.\n"
            "\n"
            "Options:\n"
            "  --learner ID     the learner (default: your login name)\n"
            "  --name NAME      the display name to keep for this learner (1 to 128 characters)\n"
            "  -h, --help       show this help\n");
}

int df_cmd_learner(int argc, char **argv) {
    static const struct option opts[] = {{"learner", required_argument, 0, 'l'}, {"name", required_argument, 0, 'n'},
                                         {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    const char *given = NULL, *name = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': given = optarg; break;
        case 'n': name = optarg; break;
        case 'h': learner_usage(stdout); return 0;
        default: learner_usage(stderr); return 2;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "defuse: learner takes no arguments besides options\n");
        return 2;
    }
    if (given && (!*given || strlen(given) > 64)) {
        fprintf(stderr, "defuse: --learner: expected an id of 1 to 64 characters\n");
        return 2;
    }
    char id[80], display[160], dir[4096], msg[8192], err[512];
    df_learner(given, id, sizeof id, display, sizeof display);
    if (df_data_dir(dir, sizeof dir) != 0) {
        fprintf(stderr, "defuse: no data folder (set HOME, XDG_DATA_HOME or DEFUSE_DATA_DIR)\n");
        return 1;
    }
    if (name) { /* a name that is not plain text is wrong usage (2), refused before anything is opened */
        size_t n = strlen(name);
        if (n == 0 || n > 128 || !df_utf8_valid(name, n)) {
            fprintf(stderr, "defuse: --name: a name is 1 to 128 bytes of text (UTF-8)\n");
            return 2;
        }
        if (df_text_unsafe(name, n, false)) {
            fprintf(stderr, "defuse: --name: a name cannot hold control characters (C0 or C1, such as ESC, U+0085 or "
                            "U+009B) or bidirectional overrides (U+202A-U+202E, U+2066-U+2069): \"%s\"\n",
                    df_term_text(name));
            return 2;
        }
    }
    df_Store *st = name ? df_store_open(dir, msg, sizeof msg) : df_store_open_read(dir, msg, sizeof msg);
    if (msg[0]) fprintf(stderr, "defuse: %s\n", df_term_text(msg));
    if (!st && msg[0]) return 1;
    if (name) {
        int rc = df_store_set_name(st, id, name, err, sizeof err);
        if (rc != 0) fprintf(stderr, "defuse: --name: %s\n", df_term_text(err));
        else printf("Attempts by %s are shown as \"%s\".\n", df_term_text(id), df_term_text(name));
        df_store_close(st);
        int out = df_stdout_done("learner");
        return rc == 0 ? out : 1;
    }
    int attempts = 0;
    char kept[160];
    if (st && df_store_learner_info(st, id, kept, sizeof kept, &attempts) == 0)
        printf("Learner %s, shown as \"%s\": %d attempt%s in %s\n", df_term_text(id), df_term_text(kept), attempts,
               attempts == 1 ? "" : "s", df_term_text(df_store_path(st)));
    else
        printf("Learner %s, shown as \"%s\": no attempts yet. Set the name with: defuse learner --name \"Your Name\"\n",
               df_term_text(id), df_term_text(display));
    df_store_close(st);
    return df_stdout_done("learner");
}
