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
    df_Store *st = name ? df_store_open(dir, msg, sizeof msg) : df_store_open_read(dir, msg, sizeof msg);
    if (msg[0]) fprintf(stderr, "defuse: %s\n", msg);
    if (!st && msg[0]) return 1;
    if (name) {
        /* a name that is not text is wrong usage (2); a database that fails is not (1) */
        size_t n = strlen(name);
        bool bad = n == 0 || n > 128 || !df_utf8_valid(name, n);
        for (size_t i = 0; i < n && !bad; i++) bad = (unsigned char)name[i] < 0x20 || name[i] == 0x7f;
        int rc = df_store_set_name(st, id, name, err, sizeof err);
        if (rc != 0) fprintf(stderr, "defuse: --name: %s\n", err);
        else printf("Attempts by %s are shown as \"%s\".\n", id, name);
        df_store_close(st);
        return rc == 0 ? 0 : bad ? 2 : 1;
    }
    int attempts = 0;
    char kept[160];
    if (st && df_store_learner_info(st, id, kept, sizeof kept, &attempts) == 0)
        printf("Learner %s, shown as \"%s\": %d attempt%s in %s\n", id, kept, attempts, attempts == 1 ? "" : "s", df_store_path(st));
    else
        printf("Learner %s, shown as \"%s\": no attempts yet. Set the name with: defuse learner --name \"Your Name\"\n", id, display);
    df_store_close(st);
    return 0;
}
