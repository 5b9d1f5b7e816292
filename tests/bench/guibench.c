/* guibench.c: measures a GUI program as a user would meet it: launch to the first presented
 * frame, peak RSS, and CPU ticks while idle. Usage: guibench TRACEFILE|- IDLE_S PROGRAM ARGS...
 * The program must write "presented <CLOCK_MONOTONIC ms>" to TRACEFILE (or stdout for '-'). */
#define _DEFAULT_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long ticks(pid_t pid) {
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    long ut = 0, st = 0;
    /* fields after the command: state(3) ... utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &ut, &st) != 2) return -1;
    return ut + st;
}

static long hwm_kib(pid_t pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long v = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmHWM:", 6)) v = atol(line + 6);
    fclose(f);
    return v;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: guibench TRACE|- IDLE_SECONDS PROGRAM ARGS...\n");
        return 2;
    }
    const char *trace = argv[1];
    int idle = atoi(argv[2]);
    int fds[2];
    if (pipe(fds) != 0) return 1;
    if (strcmp(trace, "-")) unlink(trace);
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    close(fds[1]);
    double shown = -1;
    for (int i = 0; i < 1000 && shown < 0; i++) { /* up to 10 s */
        char line[256];
        if (!strcmp(trace, "-")) {
            FILE *f = fdopen(fds[0], "r");
            while (f && fgets(line, sizeof line, f))
                if (!strncmp(line, "presented ", 10)) {
                    shown = atof(line + 10);
                    break;
                }
            break;
        }
        FILE *f = fopen(trace, "r");
        while (f && fgets(line, sizeof line, f))
            if (!strncmp(line, "presented ", 10)) shown = atof(line + 10);
        if (f) fclose(f);
        if (shown < 0) usleep(10000);
    }
    if (shown < 0) {
        fprintf(stderr, "guibench: %s never presented a frame\n", argv[3]);
        kill(pid, SIGKILL);
        return 1;
    }
    usleep(300000); /* let start-up settle */
    long t1 = ticks(pid);
    sleep((unsigned)idle);
    long t2 = ticks(pid);
    long hwm = hwm_kib(pid);
    kill(pid, SIGTERM);
    int st;
    waitpid(pid, &st, 0);
    printf("first_frame_ms %.1f peak_rss_mib %.1f idle_ticks %ld\n", shown - t0, hwm / 1024.0, t2 - t1);
    return 0;
}
