/* test_crash.c: a child process records attempts in a loop and is killed with SIGKILL at a
 * random moment, 200 times over. After each kill the database must pass integrity_check and
 * hold every attempt the child reported as saved (it reports only after COMMIT returned). */
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "../../engine/records/records.h"

#define SCENARIO "scenarios/parking-ticket-counter.lua"
#define ROUNDS 200

static const int calm[] = {3, 1, 4, 1, 2, 1, 3, 1};

/* The child: saves attempts (finished and unfinished in turn) until it is killed. */
static void child(const char *dir, df_Script *s, int out) {
    char msg[1024], err[512], uuid[37];
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    if (!st) _exit(2);
    for (int k = 0;; k++) {
        df_Error e;
        df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), (uint64_t)k, &e);
        int n = k % 3 == 2 ? 3 : 8; /* every third one is left unfinished */
        for (int i = 0; run && i < n; i++) df_run_choose(run, calm[i], &e);
        df_AttemptInfo a = {"crash-test", "Crash Test", SCENARIO, df_script_sha256(s), "practice", (uint64_t)k, 1795681800, 1795681900};
        if (run && df_store_save(st, &a, df_script_scenario(s), run, uuid, err, sizeof err) == 0) {
            char line[40];
            snprintf(line, sizeof line, "%s %d\n", uuid, n);
            if (write(out, line, strlen(line)) < 0) _exit(3);
        }
        df_run_free(run);
    }
}

static long long count_of(sqlite3 *db, const char *sql, const char *arg) {
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (arg) sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void killed_at_random_moments_it_loses_nothing_it_saved(void **state) {
    (void)state;
    char dir[] = "/tmp/defuse-crash-XXXXXX", db[256];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/records.db", dir);
    df_Diags d = {0};
    df_Script *s = df_script_load(SCENARIO, NULL, &d);
    df_diags_free(&d);
    assert_non_null(s);
    srand(20261126);
    long total = 0, rounds_with_saves = 0;
    static char reported[1 << 20];
    for (int round = 0; round < ROUNDS; round++) {
        int fd[2];
        assert_int_equal(pipe(fd), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fd[0]);
            child(dir, s, fd[1]);
        }
        close(fd[1]);
        /* anywhere from before the database is open to deep into a run of saves: every other
         * round waits until the child has reported its first save (a condition, not a
         * guess at how fast this machine is today), then kills it a moment later */
        size_t n = 0;
        ssize_t got;
        if (round % 2)
            while (!memchr(reported, '\n', n) && n < sizeof reported - 1 &&
                   (got = read(fd[0], reported + n, sizeof reported - 1 - n)) > 0)
                n += (size_t)got;
        struct timespec nap = {0, (long)(rand() % 40000) * 1000L};
        nanosleep(&nap, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0));
        while (n < sizeof reported - 1 && (got = read(fd[0], reported + n, sizeof reported - 1 - n)) > 0) n += (size_t)got;
        close(fd[0]);
        reported[n] = '\0';
        /* the store opens the file as it was left (a hot WAL, a half-made schema): never
         * calling it damaged, never moving it */
        char msg[1024];
        df_Store *reopened = df_store_open(dir, msg, sizeof msg);
        if (msg[0]) fprintf(stderr, "round %d: %s\n", round, msg);
        assert_non_null(reopened);
        assert_string_equal(msg, "");
        df_store_close(reopened);
        /* the file is sound, and every reported attempt is there with all its choices */
        sqlite3 *h;
        assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
        int saved = 0;
        for (char *line = strtok(reported, "\n"); line; line = strtok(NULL, "\n")) {
            char uuid[37];
            int steps;
            if (sscanf(line, "%36s %d", uuid, &steps) != 2) continue; /* a line cut by the kill */
            assert_int_equal(count_of(h, "SELECT count(*) FROM attempts WHERE uuid = ?", uuid), 1);
            assert_int_equal(count_of(h, "SELECT count(*) FROM choices c JOIN attempts a ON a.id = c.attempt_id WHERE a.uuid = ?", uuid), steps);
            saved++;
        }
        /* no attempt is ever half there: every attempt has all the choices it says it has */
        assert_int_equal(count_of(h, "SELECT count(*) FROM attempts a WHERE a.steps != (SELECT count(*) FROM choices c WHERE c.attempt_id = a.id)", NULL), 0);
        sqlite3_close(h);
        total += saved;
        rounds_with_saves += saved > 0;
    }
    /* and the store still opens cleanly (quick_check) after all that */
    char msg[1024];
    df_Store *st = df_store_open(dir, msg, sizeof msg);
    assert_non_null(st);
    assert_string_equal(msg, "");
    df_store_close(st);
    fprintf(stderr, "crash test: %d kills, %ld attempts reported saved and found (%ld rounds saved something)\n", ROUNDS, total,
            rounds_with_saves);
    assert_true(rounds_with_saves >= ROUNDS / 2); /* the kills did land in the middle of saving */
    df_script_free(s);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(killed_at_random_moments_it_loses_nothing_it_saved),
    };
    return cmocka_run_group_tests_name("crash", tests, NULL, NULL);
}
