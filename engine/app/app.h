/* app.h: shared by the command files of defuse (one file per command). */
#ifndef DF_APP_H
#define DF_APP_H

#include "../script/script.h"
#include "../term/term.h"

#define DF_VERSION "0.1.0"

/* Prints diagnostics to stderr as "defuse: file:line: error: message". */
void df_print_diags(const df_Diags *d, int min_severity);

/* The bundled scenario folder: $DEFUSE_SCENARIOS, next to the binary, or the install prefix. */
const char *df_scenario_dir(void);
/* Resolves a path or a catalog id to a file path (malloc'd), or NULL with a message. */
char *df_resolve_scenario(const char *arg);
/* Resolves and loads a scenario for a command, printing any errors; NULL on failure. */
df_Script *df_open_scenario(const char *arg);
/* Lists *.lua files of a folder (not recursive), sorted; returns count, fills *paths. */
int df_list_lua(const char *dir, char ***paths);
void df_free_list(char **paths, int n);

/* Writes the run as JSON. Returns 0 or -1 with a message on stderr. */
int df_write_transcript(const char *path, const df_Script *s, const df_Run *run);

int df_cmd_play(int argc, char **argv);
int df_cmd_list(int argc, char **argv);
int df_cmd_check(int argc, char **argv);
int df_cmd_menu(int argc, char **argv);
int df_cmd_analyze(int argc, char **argv);
int df_cmd_graph(int argc, char **argv);
int df_cmd_test(int argc, char **argv);
int df_cmd_new(int argc, char **argv);

/* Parses "1920x1080"; 0 or -1. */
int df_parse_size(const char *s, int *w, int *h);
/* Parses "2,1,3" into a malloc'd array; returns count or -1. */
int df_parse_choices(const char *s, int **out);

#endif
