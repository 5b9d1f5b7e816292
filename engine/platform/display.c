/* display.c: is the display that DISPLAY / WAYLAND_DISPLAY name really there? Asked before
 * SDL is started, because SDL cannot be asked safely: with an X server that is gone it
 * quietly picks its invisible "offscreen" driver (the window opens nowhere and the program
 * seems to hang), and with a server that accepts but never answers, or a remote host that
 * drops packets, its connect blocks for minutes. Plain POSIX sockets, no SDL: each probe
 * runs on a helper thread that is abandoned at the deadline, so nothing here can hang. */
#define _GNU_SOURCE
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

enum { PROBE_OK, PROBE_GONE, PROBE_SILENT, PROBE_UNKNOWN };

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int left_ms(double deadline) {
    double l = deadline - now_ms();
    return l <= 0 ? 0 : (int)l + 1;
}

/* Connects without blocking past the deadline. The socket, or -1 with *gone (refused, no
 * such socket, unreachable) or *silent (no answer in time). */
static int connect_by(int family, const struct sockaddr *sa, socklen_t len, double deadline, int *silent) {
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    if (connect(fd, sa, len) == 0) return fd;
    if (errno != EINPROGRESS && errno != EAGAIN) {
        close(fd);
        return -1;
    }
    struct pollfd p = {fd, POLLOUT, 0};
    int r;
    while ((r = poll(&p, 1, left_ms(deadline))) < 0 && errno == EINTR) {}
    int soerr = 0;
    socklen_t sl = sizeof soerr;
    if (r == 0) *silent = 1;
    if (r <= 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0 || soerr != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends a request and waits for any answer (or the server closing): a server that accepts
 * connections but is stopped or wedged never answers, and would hang SDL. */
static int answers(int fd, const void *req, size_t n, double deadline) {
    if (send(fd, req, n, MSG_NOSIGNAL) != (ssize_t)n) return PROBE_GONE;
    struct pollfd p = {fd, POLLIN, 0};
    int r;
    while ((r = poll(&p, 1, left_ms(deadline))) < 0 && errno == EINTR) {}
    if (r == 0) return PROBE_SILENT;
    char b[8];
    return r > 0 && recv(fd, b, sizeof b, MSG_DONTWAIT) >= 0 ? PROBE_OK : PROBE_GONE;
}

/* A UNIX socket by path, or in the abstract namespace when abstract. */
static int probe_unix(const char *path, bool abstract, const void *req, size_t n, double deadline) {
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    size_t len = strlen(path);
    if (len + 2 > sizeof sa.sun_path) return PROBE_GONE;
    memcpy(sa.sun_path + (abstract ? 1 : 0), path, len);
    socklen_t sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + (abstract ? 1 : 0));
    int silent = 0;
    int fd = connect_by(AF_UNIX, (struct sockaddr *)&sa, sl, deadline, &silent);
    if (fd < 0) return silent ? PROBE_SILENT : PROBE_GONE;
    int rc = answers(fd, req, n, deadline);
    close(fd);
    return rc;
}

/* X11's connection set-up without credentials (little-endian, protocol 11.0). Any server
 * answers it at once: Success, or Failed when it wants a cookie; either way it is there. */
static const unsigned char x11_hello[12] = {'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* TCP host:port. Only connected, not spoken to: for an ssh-forwarded display (localhost:10)
 * a set-up without the cookie would make ssh print a warning on the user's terminal. */
static int probe_tcp(const char *host, int port, double deadline) {
    char ps[16];
    snprintf(ps, sizeof ps, "%d", port);
    struct addrinfo hints, *ai = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, ps, &hints, &ai) != 0 || !ai) return PROBE_GONE;
    int rc = PROBE_GONE;
    for (struct addrinfo *a = ai; a && rc != PROBE_OK && left_ms(deadline) > 0; a = a->ai_next) {
        int silent = 0;
        int fd = connect_by(a->ai_family, a->ai_addr, a->ai_addrlen, deadline, &silent);
        if (fd >= 0) {
            close(fd);
            rc = PROBE_OK;
        } else if (silent) {
            rc = PROBE_SILENT;
        }
    }
    freeaddrinfo(ai);
    return rc;
}

/* DISPLAY is [protocol/][host]:number[.screen]. */
static int probe_x11(const char *display, double deadline) {
    const char *colon = strrchr(display, ':');
    if (!colon || colon[1] < '0' || colon[1] > '9') return PROBE_GONE; /* Xlib cannot parse it either */
    char *end;
    long num = strtol(colon + 1, &end, 10);
    if (num < 0 || num > 59535 || (*end && *end != '.')) return PROBE_GONE;
    char host[256] = "", proto[16] = "";
    const char *h = display;
    const char *slash = memchr(display, '/', (size_t)(colon - display));
    if (slash) {
        snprintf(proto, sizeof proto, "%.*s", (int)(slash - display), display);
        h = slash + 1;
    }
    if (colon > h && colon[-1] == ':') return PROBE_UNKNOWN; /* host::n is DECnet: leave it to SDL */
    size_t hl = (size_t)(colon - h);
    if (hl >= sizeof host) return PROBE_UNKNOWN;
    memcpy(host, h, hl);
    host[hl] = '\0';
    if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') { /* [v6 address] */
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = '\0';
    }
    bool local = !host[0] || !strcmp(host, "unix") || !strcmp(proto, "unix") || !strcmp(proto, "local");
    if (local) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/.X11-unix/X%ld", num);
        int a = probe_unix(path, true, x11_hello, sizeof x11_hello, deadline); /* as Xlib: abstract first */
        if (a == PROBE_OK || a == PROBE_SILENT) return a;
        int p = probe_unix(path, false, x11_hello, sizeof x11_hello, deadline);
        if (p == PROBE_OK || p == PROBE_SILENT || host[0] || proto[0]) return p;
        host[0] = '\0';
        snprintf(host, sizeof host, "localhost"); /* ":n" also means TCP on this machine */
    }
    return probe_tcp(host, 6000 + (int)num, deadline);
}

/* WAYLAND_DISPLAY: a socket name in $XDG_RUNTIME_DIR, or an absolute path. */
static int probe_wayland(const char *name, const char *runtime, double deadline) {
    char path[4096];
    if (name[0] == '/') snprintf(path, sizeof path, "%s", name);
    else if (runtime && runtime[0] == '/') snprintf(path, sizeof path, "%s/%s", runtime, name);
    else return PROBE_GONE; /* libwayland cannot find it either */
    /* wl_display.sync (object 1, opcode 0, 12 bytes, new id 2): a compositor answers with
     * the callback's done event at once. */
    const unsigned int req[3] = {1u, (12u << 16) | 0u, 2u};
    return probe_unix(path, false, req, sizeof req, deadline);
}

typedef struct Probe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int refs;
    bool done;
    int x11, wl;
    char display[256], wayland[256], runtime[4096];
    double deadline;
} Probe;

static void probe_unref(Probe *p) {
    pthread_mutex_lock(&p->mu);
    int left = --p->refs;
    pthread_mutex_unlock(&p->mu);
    if (left == 0) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->cv);
        free(p);
    }
}

static void *probe_main(void *arg) {
    Probe *p = arg;
    int x = p->display[0] ? probe_x11(p->display, p->deadline) : PROBE_GONE;
    int w = p->wayland[0] && x != PROBE_OK ? probe_wayland(p->wayland, p->runtime, p->deadline) : PROBE_GONE;
    pthread_mutex_lock(&p->mu);
    p->x11 = x;
    p->wl = w;
    p->done = true;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    probe_unref(p);
    return NULL;
}

static const char *x11_reason(int r) {
    return r == PROBE_SILENT ? "the X server does not answer" : "X server not reachable";
}

static const char *wl_reason(int r) {
    return r == PROBE_SILENT ? "the Wayland compositor does not answer" : "no Wayland compositor there";
}

int df_display_probe(const char *x11, const char *wayland, const char *runtime_dir, int timeout_ms, char *why,
                     size_t cap) {
    bool hx = x11 && *x11, hw = wayland && *wayland;
    if (!hx && !hw) {
        snprintf(why, cap, "no display (DISPLAY and WAYLAND_DISPLAY are not set)");
        return 0;
    }
    Probe *p = calloc(1, sizeof *p);
    if (!p) return 1; /* cannot tell: let SDL try */
    pthread_mutex_init(&p->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cv, &ca);
    pthread_condattr_destroy(&ca);
    p->refs = 2;
    snprintf(p->display, sizeof p->display, "%s", hx ? x11 : "");
    snprintf(p->wayland, sizeof p->wayland, "%s", hw ? wayland : "");
    snprintf(p->runtime, sizeof p->runtime, "%s", runtime_dir ? runtime_dir : "");
    p->deadline = now_ms() + timeout_ms;
    pthread_t th;
    pthread_attr_t ta;
    pthread_attr_init(&ta);
    pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&th, &ta, probe_main, p) != 0) {
        pthread_attr_destroy(&ta);
        p->refs = 1;
        probe_unref(p);
        return 1;
    }
    pthread_attr_destroy(&ta);
    /* The thread keeps its own deadline; this one is a little later, for a name lookup
     * (getaddrinfo) that cannot be interrupted: then the thread is left behind. */
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    long long ns = (long long)until.tv_nsec + (long long)(timeout_ms + 100) * 1000000LL;
    until.tv_sec += (time_t)(ns / 1000000000LL);
    until.tv_nsec = (long)(ns % 1000000000LL);
    pthread_mutex_lock(&p->mu);
    while (!p->done)
        if (pthread_cond_timedwait(&p->cv, &p->mu, &until) != 0) break;
    bool done = p->done;
    int x = p->x11, w = p->wl;
    pthread_mutex_unlock(&p->mu);
    probe_unref(p);
    if (!done) { /* the name lookup is stuck */
        x = hx ? PROBE_SILENT : PROBE_GONE;
        w = PROBE_GONE;
    }
    if ((hx && (x == PROBE_OK || x == PROBE_UNKNOWN)) || (hw && (w == PROBE_OK || w == PROBE_UNKNOWN))) return 1;
    if (hx && hw)
        snprintf(why, cap, "no display at %s (%s) nor at %s (%s)", x11, x11_reason(x), wayland, wl_reason(w));
    else if (hx) snprintf(why, cap, "no display at %s (%s)", x11, x11_reason(x));
    else snprintf(why, cap, "no display at %s (%s)", wayland, wl_reason(w));
    return 0;
}
