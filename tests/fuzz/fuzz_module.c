/* fuzz_module: bytes as a module file (a trainer's session plan). The module loader reads
 * from a path, so each input is written to a memory file (memfd) and loaded through
 * /proc/self/fd. Invariants: diagnostics are safe to print; a loaded module's counts stay
 * within their arrays and its strings are valid UTF-8. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "../../engine/script/script.h"

static int fd = -1;
static char path[64];

static void check_text(const char *what, const char *s) {
    if (!s) return;
    FUZZ_CHECK(df_utf8_valid(s, strlen(s)), "module %s is not UTF-8", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (fd < 0) {
        fd = memfd_create("fuzz-module.lua", 0);
        if (fd < 0) abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
    df_Limits lim;
    df_limits_default(&lim);
    lim.memory = 16u << 20;
    lim.load_instr = 2000000;
    lim.load_seconds = 1.0;
    lim.max_source = 256u << 10;
    df_Diags d = {0};
    df_Script *s = df_script_load_module(path, &lim, &d);
    fz_check_diags(&d);
    if (s) {
        const df_Module *m = df_script_module(s);
        FUZZ_CHECK(m != NULL, "a loaded module file has no module");
        FUZZ_CHECK(m->npoints >= 0 && m->npoints <= DF_MAX_POINTS, "%d points", m->npoints);
        FUZZ_CHECK(m->nroles >= 0 && m->nroles <= DF_MAX_ROLES, "%d roles", m->nroles);
        FUZZ_CHECK(m->nexercise >= 0 && m->nexercise <= DF_MAX_EXERCISE, "%d exercise", m->nexercise);
        FUZZ_CHECK(m->nwrapup >= 0 && m->nwrapup <= DF_MAX_WRAPUP, "%d wrapup", m->nwrapup);
        FUZZ_CHECK(m->ndebrief >= 0 && m->ndebrief <= DF_MAX_DEBRIEF, "%d debrief", m->ndebrief);
        FUZZ_CHECK(m->nobjectives >= 0 && m->nobjectives <= DF_MAX_OBJECTIVES, "%d objectives", m->nobjectives);
        check_text("id", m->id);
        check_text("title", m->title);
        check_text("audience", m->audience);
        check_text("closing", m->closing);
        for (int i = 0; i < m->npoints; i++) {
            check_text("point title", m->points[i].title);
            check_text("point body", m->points[i].body);
            check_text("point notes", m->points[i].notes);
            check_text("point question", m->points[i].question);
            check_text("point reveal", m->points[i].reveal);
        }
        for (int i = 0; i < m->nroles; i++) check_text("role", m->roles[i]);
        for (int i = 0; i < m->nexercise; i++) check_text("exercise", m->exercise[i]);
        for (int i = 0; i < m->nwrapup; i++) check_text("wrapup", m->wrapup[i]);
        for (int i = 0; i < m->ndebrief; i++) check_text("debrief", m->debrief[i]);
        for (int i = 0; i < m->nobjectives; i++) check_text("objective", m->objectives[i]);
        FUZZ_CHECK(df_script_scenario(s) == NULL, "a module file gave a scenario");
        df_script_free(s);
    }
    df_diags_free(&d);
    return 0;
}
