/* main.c: defuse's entry point: dispatches to one file per command. */
#include <stdio.h>
#include <string.h>

#include "app.h"

static void usage(FILE *f) {
    fprintf(f,
            "Usage: defuse [COMMAND] [OPTIONS]\n"
            "\n"
            "Practise de-escalation with simulated residents. With no command, opens the\n"
            "scenario menu.\n"
            "\n"
            "Commands:\n"
            "  play SCENARIO   play a scenario (a path or a catalog id)\n"
            "  list            list the bundled scenarios (--tags: the technique table)\n"
            "  check PATH...   validate scenario and module files or folders\n"
            "  analyze SCENARIO  walk every path: outcomes, times, best and worst paths\n"
            "  graph SCENARIO  the scenario as a Graphviz DOT graph (--heat: agitation)\n"
            "  test PATH...    run the tests that scenarios declare\n"
            "  new NAME        write a commented starter scenario to NAME.lua\n"
            "  present MODULE  run a group session on a projector (a trainer's module)\n"
            "  history         your attempts and progress (the training record)\n"
            "  export          the training record as CSV or xAPI (or to a Learning Record Store)\n"
            "  learner         who your attempts are saved for, and the name shown for them\n"
            "\n"
            "Run 'defuse COMMAND --help' for a command's options.\n"
            "Exit status: 0 success, 1 a scenario or data problem, 2 wrong usage.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) return df_cmd_menu(argc, argv);
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("defuse %s\n", DF_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "play")) return df_cmd_play(argc - 1, argv + 1);
    if (!strcmp(cmd, "list")) return df_cmd_list(argc - 1, argv + 1);
    if (!strcmp(cmd, "check")) return df_cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "analyze")) return df_cmd_analyze(argc - 1, argv + 1);
    if (!strcmp(cmd, "graph")) return df_cmd_graph(argc - 1, argv + 1);
    if (!strcmp(cmd, "test")) return df_cmd_test(argc - 1, argv + 1);
    if (!strcmp(cmd, "new")) return df_cmd_new(argc - 1, argv + 1);
    if (!strcmp(cmd, "history")) return df_cmd_history(argc - 1, argv + 1);
    if (!strcmp(cmd, "learner")) return df_cmd_learner(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return df_cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "present")) return df_cmd_present(argc - 1, argv + 1);
    if (!strcmp(cmd, "menu")) return df_cmd_menu(argc - 1, argv + 1);
    if (cmd[0] == '-') return df_cmd_menu(argc, argv); /* options of the menu itself */
    fprintf(stderr, "defuse: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
