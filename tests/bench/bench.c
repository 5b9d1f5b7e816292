/* bench.c: performance figures for docs/performance.md: load + validate, a 20-step scripted
 * playthrough, and the peak memory of the terminal player. Prints; never fails on timing. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../engine/analysis/analysis.h"
#include "../../engine/platform/platform.h"
#include "../../engine/records/records.h"
#include "../../engine/script/script.h"
#include "../../engine/ui/screens.h"

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double wall_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A chain of 20 beats, each with three choices, ending after the last. */
static char *chain_scenario(void) {
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n,
                          "return scenario { id = 'chain', title = 'Chain', setting = 'phone', role = 'Clerk',\n"
                          "resident = { name = 'Ana', agitation = 55, need = 'recognition' }, start = 'b1',\n"
                          "beats = {\n");
    for (int i = 1; i <= 20; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              " b%d = { says = { uneasy = 'u%d', defensive = 'd%d', venting = 'v%d' }, choices = {\n"
                              "  { 'Listen.', tags = { 'listen', 'label' }, go = '%s', coach = 'c' },\n"
                              "  { 'Explain.', tags = { 'explain_why' }, go = '%s', coach = 'c' },\n"
                              "  { 'Wall.', tags = { 'policy_wall' }, when = function(s) return s.agitation < 90 end, go = '%s', coach = 'c' } } },\n",
                              i, i, i, i, i < 20 ? "" : "end", i < 20 ? "" : "end", i < 20 ? "" : "end");
    n += (size_t)snprintf(s + n, cap - n, "},\nendings = { ['end'] = { outcome = 'resolved_accepted', debrief = 'd' } } }\n");
    /* fill the go targets of beats 1..19 */
    char *out = malloc(cap * 2);
    size_t o = 0;
    int beat = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && i + 3 < n && s[i + 1] == ' ' && s[i + 2] == 'b') beat++;
        if (s[i] == 'g' && !strncmp(s + i, "go = ''", 7)) {
            o += (size_t)sprintf(out + o, "go = 'b%d'", beat + 1);
            i += 6;
            continue;
        }
        out[o++] = s[i];
    }
    out[o] = '\0';
    free(s);
    return out;
}

int main(int argc, char **argv) {
    const char *bin = argc > 1 ? argv[1] : "build/defuse";
    const int N = 200;
    printf("defuse benchmark (%d repetitions; CPU time of this process)\n\n", N);
    printf("%-34s %10s %10s\n", "load + validate", "mean ms", "min ms");
    for (int a = 2; a < argc; a++) {
        double total = 0, best = 1e9;
        for (int i = 0; i < N; i++) {
            df_Diags d = {0};
            double t0 = cpu_ms();
            df_Script *s = df_script_load(argv[a], NULL, &d);
            double t = cpu_ms() - t0;
            if (!s) {
                fprintf(stderr, "bench: %s does not load\n", argv[a]);
                return 1;
            }
            df_script_free(s);
            df_diags_free(&d);
            total += t;
            if (t < best) best = t;
        }
        const char *base = strrchr(argv[a], '/');
        printf("%-34s %10.3f %10.3f\n", base ? base + 1 : argv[a], total / N, best);
    }

    char *src = chain_scenario();
    df_Diags d = {0};
    df_Script *s = df_script_load_buffer("chain.lua", src, strlen(src), NULL, &d);
    if (!s) {
        char buf[2048];
        for (int i = 0; i < d.n; i++) df_diag_format(&d.v[i], buf, sizeof buf), fprintf(stderr, "%s\n", buf);
        return 1;
    }
    double total = 0, best = 1e9;
    for (int i = 0; i < N; i++) {
        df_Error err;
        double t0 = cpu_ms();
        df_Run *run = df_run_new(df_script_scenario(s), df_script_host(s), (uint64_t)i, &err);
        int steps = 0;
        while (run && !df_run_over(run)) {
            if (df_run_choose(run, 1 + (steps % 2), &err) != 0) break;
            steps++;
        }
        double t = cpu_ms() - t0;
        if (!run || !df_run_over(run) || steps != 20) {
            fprintf(stderr, "bench: the chain run did not finish in 20 steps (%d)\n", steps);
            return 1;
        }
        df_run_free(run);
        total += t;
        if (t < best) best = t;
    }
    printf("\n%-34s %10.3f %10.3f\n", "20-step scripted playthrough", total / N, best);
    size_t peak;
    df_script_memory(s, &peak);
    printf("%-34s %10.1f KiB\n", "Lua heap peak (chain scenario)", peak / 1024.0);
    df_script_free(s);
    df_diags_free(&d);

    /* The training record: one attempt saved (one transaction, fsync'd: synchronous=FULL)
     * and the export of all of them, in wall time since the disk's flush is the cost. */
    if (argc > 2) {
        char dir[] = "/tmp/defuse-bench-XXXXXX", msg[1024], err[512];
        df_Diags dd = {0};
        df_Script *sr = mkdtemp(dir) ? df_script_load(argv[2], NULL, &dd) : NULL;
        df_diags_free(&dd);
        df_Store *st = sr ? df_store_open(dir, msg, sizeof msg) : NULL;
        if (st) {
            const int M = 100;
            double tsum = 0, tbest = 1e9;
            for (int i = 0; i < M; i++) {
                df_Error err2;
                df_Run *run = df_run_new(df_script_scenario(sr), df_script_host(sr), (uint64_t)i, &err2);
                for (int k = 0; run && k < 8 && !df_run_over(run); k++) df_run_choose(run, 1, &err2);
                df_AttemptInfo a = {"bench", "Bench", argv[2], df_script_sha256(sr), "practice", (uint64_t)i, 0, 0};
                double t0 = wall_ms();
                if (run && df_store_save(st, &a, df_script_scenario(sr), run, NULL, err, sizeof err) != 0)
                    fprintf(stderr, "bench: save: %s\n", err);
                double t = wall_ms() - t0;
                tsum += t;
                if (t < tbest) tbest = t;
                df_run_free(run);
            }
            printf("\n%-34s %10.3f %10.3f (wall ms, %d saves)\n", "save an attempt (records.db)", tsum / M, tbest, M);
            df_store_close(st);
            double t0 = wall_ms();
            st = df_store_open(dir, msg, sizeof msg);
            printf("%-34s %10.1f (wall ms, open + quick_check, %d attempts)\n", "open the record", wall_ms() - t0, M);
            df_store_close(st);
        }
        df_script_free(sr);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "bench: could not remove %s\n", dir);
    }
    free(src);

    /* The forecast after every choice (issue: <= 50 ms a choice): the best path and 30
     * random players through each bundled scenario, one forecast per state they reach, in
     * CPU time of this process (a busy machine inflates wall time, not this). */
    printf("\n%-34s %8s %8s %8s %9s\n", "forecast per choice (goal 50 ms)", "mean ms", "max ms", "states", "sampled");
    for (int a = 2; a < argc; a++) {
        df_Diags dd = {0};
        df_Script *sa = df_script_load(argv[a], NULL, &dd);
        df_diags_free(&dd);
        if (!sa) continue;
        df_Rng pick;
        df_rng_seed(&pick, 11);
        double sum = 0, worst = 0;
        long states = 0, sampled = 0;
        for (int p = 0; p <= 30; p++) {
            df_Error fe;
            df_Run *run = df_run_new(df_script_scenario(sa), df_script_host(sa), 1, &fe);
            for (int k = 0; run && k < 40; k++) {
                df_Forecast fc;
                double t0 = cpu_ms();
                df_forecast(run, NULL, &fc, &fe);
                double t = cpu_ms() - t0;
                sum += t;
                if (t > worst) worst = t;
                states++;
                sampled += fc.sampled;
                if (df_run_over(run)) break;
                const int *vis;
                int nv = df_run_visible(run, &vis);
                int ch = p == 0 ? df_run_best_choice(run) : 1 + (int)(df_rng_unit(&pick) * nv);
                if (df_run_choose(run, ch, &fe) != 0) break;
            }
            df_run_free(run);
        }
        const char *base = strrchr(argv[a], '/');
        printf("%-34s %8.2f %8.2f %8ld %9ld\n", base ? base + 1 : argv[a], states ? sum / states : 0, worst, states,
               sampled);
        df_script_free(sa);
    }

    /* The analyser: every loop-free path of each bundled scenario, and random-walk
     * throughput (steps per second of CPU) on the largest. */
    printf("\n%-34s %10s %10s\n", "analysis (every path)", "paths", "ms");
    const char *largest = NULL;
    long most = -1;
    for (int a = 2; a < argc; a++) {
        df_Diags dd = {0};
        df_Script *sa = df_script_load(argv[a], NULL, &dd);
        df_diags_free(&dd);
        if (!sa) continue;
        df_Walk w;
        df_Error we;
        double t0 = cpu_ms();
        df_walk(df_script_scenario(sa), df_script_host(sa), 1, NULL, &w, &we);
        double t = cpu_ms() - t0;
        const char *base = strrchr(argv[a], '/');
        printf("%-34s %10ld %10.1f%s\n", base ? base + 1 : argv[a], w.paths, t, w.truncated ? " (truncated)" : "");
        if (w.paths > most) most = w.paths, largest = argv[a];
        df_walk_free(&w);
        df_script_free(sa);
    }
    if (largest) {
        df_Diags dd = {0};
        df_Script *sa = df_script_load(largest, NULL, &dd);
        df_diags_free(&dd);
        df_Walk w;
        df_Error we;
        long n = 20000;
        double t0 = cpu_ms();
        df_walk_random(df_script_scenario(sa), df_script_host(sa), 1, 7, n, NULL, &w, &we);
        double t = cpu_ms() - t0;
        long steps = 0;
        for (int b = 0; b < df_script_scenario(sa)->nbeats; b++) steps += w.beats[b].arrivals;
        const char *base = strrchr(largest, '/');
        printf("%-34s %10.0f steps/s (%ld paths, %ld steps)\n", "random walk", steps / (t / 1000.0), w.paths, steps);
        printf("  (on %s)\n", base ? base + 1 : largest);
        df_walk_free(&w);
        df_script_free(sa);
    }

    /* The terminal player as a user runs it: one process, whole run, peak RSS. Measured
     * before this process loads fonts, since a child starts out counting our pages. */
    if (argc > 2) {
        /* The child plays one choice, then waits at the prompt; its VmHWM is read from
         * /proc while it waits (a spawned child's rusage would count this process's pages). */
        fflush(stdout);
        int in[2];
        if (pipe(in) != 0) return 1;
        double t0 = wall_ms();
        pid_t pid = fork();
        if (pid == 0) {
            dup2(in[0], 0);
            close(in[1]);
            if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
            execl(bin, bin, "play", argv[2], "--text", "--choices", "1", (char *)NULL);
            _exit(127);
        }
        close(in[0]);
        long hwm = -1;
        char path[64], line[256];
        snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
        for (int i = 0; i < 200; i++) { /* until it is asleep at the prompt */
            usleep(10000);
            FILE *f = fopen(path, "r");
            if (!f) break;
            char state = 0;
            while (fgets(line, sizeof line, f)) {
                if (!strncmp(line, "VmHWM:", 6)) hwm = atol(line + 6);
                if (!strncmp(line, "State:", 6)) state = line[7];
            }
            fclose(f);
            if (state == 'S' && hwm > 0) break;
        }
        close(in[1]);
        int status;
        struct rusage ru;
        wait4(pid, &status, 0, &ru);
        double wall = wall_ms() - t0;
        double cpu = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
                     ru.ru_stime.tv_usec / 1e3;
        printf("\n%-34s %10.1f MiB\n", "terminal play: peak RSS", hwm / 1024.0);
        printf("%-34s %10.1f ms (wall %.1f ms, includes a 10 ms poll)\n", "terminal play: process CPU time", cpu, wall);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fprintf(stderr, "bench: play exited with %d\n", status);
    }
    /* The play screen drawn with the software renderer offscreen: the first (cold) frame
     * rasterises every string; later frames reuse the text cache. */
    if (argc > 2) {
        char err[512];
        df_Fonts *fonts = df_fonts_open(NULL, err, sizeof err);
        df_Diags d2 = {0};
        df_Script *ps = df_script_load(argv[argc - 1], NULL, &d2);
        if (fonts && ps) {
            df_TextMeasure tm = df_fonts_measure(fonts);
            printf("\n%-34s %10s %10s %10s\n", "play screen, software renderer", "cold ms", "median ms", "strings/area");
            const int sizes[2][2] = {{1920, 1080}, {3840, 2160}};
            for (int k = 0; k < 2; k++) {
                df_Error err2;
                df_Run *run = df_run_new(df_script_scenario(ps), df_script_host(ps), 1, &err2);
                df_Canvas *cv = df_canvas_offscreen(sizes[k][0], sizes[k][1], fonts, err, sizeof err);
                df_Ui ui;
                memset(&ui, 0, sizeof ui);
                ui.theme = df_theme_get("light");
                ui.text_scale = 1;
                ui.run = run;
                ui.sc = df_script_scenario(ps);
                ui.screen = DF_SCREEN_PLAY;
                ui.shown_agitation = 48;
                ui.shown_trust = 30;
                ui.w = sizes[k][0];
                ui.h = sizes[k][1];
                df_DrawList dl;
                df_dl_init(&dl);
                double t0 = wall_ms();
                df_ui_build(&ui, &dl, &tm);
                df_canvas_draw(cv, &dl, ui.theme->bg);
                double cold = wall_ms() - t0;
                double v[31];
                long r0 = df_fonts_rasterised(fonts);
                double mv[31];
                for (int i = 0; i < 31; i++) {
                    df_canvas_invalidate(cv); /* a full redraw */
                    t0 = wall_ms();
                    df_ui_build(&ui, &dl, &tm);
                    df_canvas_draw(cv, &dl, ui.theme->bg);
                    v[i] = wall_ms() - t0;
                }
                for (int i = 0; i < 31; i++) { /* an animation frame: only the meters move */
                    ui.shown_trust = 30.0f + (float)(i % 2);
                    t0 = wall_ms();
                    df_ui_build(&ui, &dl, &tm);
                    df_canvas_draw(cv, &dl, ui.theme->bg);
                    mv[i] = wall_ms() - t0;
                }
                df_Rect dr = df_canvas_last_redraw(cv);
                for (int i = 0; i < 31; i++)
                    for (int j = i + 1; j < 31; j++)
                        if (mv[j] < mv[i]) {
                            double t = mv[i];
                            mv[i] = mv[j];
                            mv[j] = t;
                        }
                for (int i = 0; i < 31; i++)
                    for (int j = i + 1; j < 31; j++)
                        if (v[j] < v[i]) {
                            double t = v[i];
                            v[i] = v[j];
                            v[j] = t;
                        }
                char label[64];
                snprintf(label, sizeof label, "  %dx%d", sizes[k][0], sizes[k][1]);
                printf("%-34s %10.2f %10.2f %10ld\n", label, cold, v[15], df_fonts_rasterised(fonts) - r0);
                printf("%-34s %10s %10.2f %9.1f%%\n", "    only the trust meter moves", "", mv[15],
                       100.0 * dr.w * dr.h / ((double)sizes[k][0] * sizes[k][1]));
                df_dl_deinit(&dl);
                df_canvas_free(cv);
                df_run_free(run);
            }
        }
        df_script_free(ps);
        df_diags_free(&d2);
        df_fonts_close(fonts);
    }

    return 0;
}
