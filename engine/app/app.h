/* app.h: shared by the command files of defuse (one file per command). */
#ifndef DF_APP_H
#define DF_APP_H

#include "../script/script.h"
#include "../term/term.h"

#include <time.h>

#define DF_VERSION "0.1.0"

/* Output the user asked for is checked to the end: SIGPIPE is ignored (so a closed pipe is an
 * error reported, not a silent death), and df_stdout_done flushes stdout and, when anything
 * failed, says on stderr what was not written ("defuse: WHAT: ..."); 0, or 1 on failure. */
void df_report_broken_pipes(void);
int df_stdout_done(const char *what);

/* Prints diagnostics to stderr as "defuse: file:line: error: message". */
void df_print_diags(const df_Diags *d, int min_severity);

/* The bundled scenario folder: $DEFUSE_SCENARIOS, next to the binary, or the install prefix. */
const char *df_scenario_dir(void);
/* Resolves a path or a catalog id to a file path (malloc'd), or NULL with a message. */
char *df_resolve_scenario(const char *arg);
/* Resolves and loads a scenario for a command, printing any errors; NULL on failure. */
df_Script *df_open_scenario(const char *arg);
/* The scenario file a module's exercise id names: looked for in the folder above the
 * module's modules/ folder, then in the bundled folder. NULL if none loads; where (if
 * given) gets the folders searched, for messages. */
char *df_module_scenario(const char *module_path, const char *id, char *where, size_t cap);
/* Lists *.lua files of a folder (not recursive), sorted; returns count, fills *paths. */
int df_list_lua(const char *dir, char ***paths);
void df_free_list(char **paths, int n);

/* Writes the run as JSON. Returns 0 or -1 with a message on stderr. */
int df_write_transcript(const char *path, const df_Script *s, const df_Run *run);

/* Where records live: $DEFUSE_DATA_DIR, else $XDG_DATA_HOME/defuse, else
 * ~/.local/share/defuse (relative values are ignored). -1 if unknown. */
int df_data_dir(char *out, size_t cap);
/* Writes a file through a temporary name in the same folder (PATH.tmp-XXXXXX, mode 0600),
 * fsync and rename; temporary files of PATH an earlier run left (killed midway) are removed
 * first. A target that exists and is not a regular file (a device, a FIFO) is written
 * directly. -1 with a message in err that names the file not written. */
int df_write_atomic(const char *path, const char *data, size_t len, char *err, size_t cap);

/* True when $DEFUSE_NO_RECORD asks for no training record (like --no-record). */
bool df_records_off(void);
/* Who is practising: given (--learner), else $DEFUSE_LEARNER, else the login name; the
 * display name is the account's full name when there is one. */
void df_learner(const char *given, char *id, size_t idcap, char *display, size_t dcap);
/* Saves a run (finished, or unfinished as abandoned) to the records store. 0 saved, 1
 * nothing to save (no choice made, or DEFUSE_NO_RECORD), -1 not saved (or kept aside in the
 * pending folder while records.db is busy, to be added later); msg says which, for
 * the user (the caller prints or shows it). */
int df_record_attempt(const df_Script *s, const char *path, const df_Run *run, time_t started, bool assess,
                      const char *learner, char *msg, size_t cap);
/* The room's run of a group exercise, in the trainer's record with mode "group" (the room's
 * votes are never attributed to anyone in it). */
int df_record_group_attempt(const df_Script *s, const char *path, const df_Run *run, time_t started, char *msg,
                            size_t cap);

/* One decision of a group session: where it was, how the room voted, what was played. */
typedef struct df_Decision {
    const char *scenario, *beat;
    df_Tally tally;
    int chosen; /* 0-based option played */
    int road;   /* 0: the room's path; 1: the road not taken, played from the debrief */
    int step;   /* 0-based decision number within its road */
} df_Decision;

/* Saves the session summary (module, date, time per part, each decision's votes) as
 * DIR/sessions/<date>-<module>.json and .csv. No attendee names exist to be saved.
 * 0 with the JSON path in path_out, or -1 with a message in err. */
int df_record_session(const char *dir, const df_Module *m, const df_Deck *deck, const df_Decision *dec,
                      int ndec, time_t when, char *path_out, size_t path_cap, char *err, size_t errcap);

int df_cmd_play(int argc, char **argv);
int df_cmd_list(int argc, char **argv);
int df_cmd_check(int argc, char **argv);
int df_cmd_menu(int argc, char **argv);
int df_cmd_analyze(int argc, char **argv);
int df_cmd_graph(int argc, char **argv);
int df_cmd_test(int argc, char **argv);
int df_cmd_new(int argc, char **argv);
int df_cmd_present(int argc, char **argv);
int df_cmd_history(int argc, char **argv);
int df_cmd_export(int argc, char **argv);
int df_cmd_learner(int argc, char **argv);

/* A calendar date written YYYY-MM-DD (from 2000, a day that exists). */
bool df_valid_date(const char *s);
/* Parses "1920x1080"; 0 or -1. */
int df_parse_size(const char *s, int *w, int *h);
/* Parses "2,1,3" into a malloc'd array; returns count or -1. */
int df_parse_choices(const char *s, int **out);

#endif
