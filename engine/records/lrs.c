/* lrs.c: sending queued xAPI statements to a Learning Record Store with libcurl. Each
 * statement keeps the id it was given when queued, so a retry after a failure can never
 * store an attempt twice: the LRS answers a known id without changing anything.
 *
 * libcurl is opened with dlopen when statements are sent: linked in, it would map some
 * thirty libraries (TLS, Kerberos, LDAP ...) into every run of defuse, the terminal player
 * included, for a command most people never use. */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"

typedef struct Buf {
    char data[512];
    size_t n;
} Buf;

/* Keeps the start of the answer, for the error message. */
static size_t keep(char *p, size_t size, size_t n, void *ud) {
    Buf *b = ud;
    size_t len = size * n;
    size_t room = sizeof b->data - 1 - b->n;
    size_t take = len < room ? len : room;
    memcpy(b->data + b->n, p, take);
    b->n += take;
    b->data[b->n] = '\0';
    return len;
}

/* The libcurl functions used, resolved from the library at run time. */
static struct {
    CURLcode (*global_init)(long);
    void (*global_cleanup)(void);
    CURL *(*init)(void);
    void (*reset)(CURL *);
    CURLcode (*setopt)(CURL *, CURLoption, ...);
    CURLcode (*perform)(CURL *);
    CURLcode (*getinfo)(CURL *, CURLINFO, ...);
    void (*cleanup)(CURL *);
    const char *(*strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} cu;

static int load_curl(char *why, size_t cap) {
    static void *lib;
    if (lib) return 0;
    lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(why, cap, "libcurl is not installed (%s)", dlerror());
        return -1;
    }
    struct { const char *name; void **slot; } fns[] = {
        {"curl_global_init", (void **)&cu.global_init}, {"curl_global_cleanup", (void **)&cu.global_cleanup},
        {"curl_easy_init", (void **)&cu.init},           {"curl_easy_reset", (void **)&cu.reset},
        {"curl_easy_setopt", (void **)&cu.setopt},       {"curl_easy_perform", (void **)&cu.perform},
        {"curl_easy_getinfo", (void **)&cu.getinfo},     {"curl_easy_cleanup", (void **)&cu.cleanup},
        {"curl_easy_strerror", (void **)&cu.strerror},   {"curl_slist_append", (void **)&cu.slist_append},
        {"curl_slist_free_all", (void **)&cu.slist_free_all},
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        if (!(*fns[i].slot = dlsym(lib, fns[i].name))) { /* POSIX: function pointers through void * */
            snprintf(why, cap, "libcurl lacks %s", fns[i].name);
            dlclose(lib);
            lib = NULL;
            return -1;
        }
    return 0;
}

int df_lrs_send(df_Store *s, const df_LrsConfig *c, df_LrsReport *rep) {
    memset(rep, 0, sizeof *rep);
    if (load_curl(rep->error, sizeof rep->error) != 0) {
        rep->pending = df_store_outbox_count(s);
        return -1;
    }
    char url[2100];
    size_t el = strlen(c->endpoint);
    snprintf(url, sizeof url, "%s%sstatements", c->endpoint, el && c->endpoint[el - 1] == '/' ? "" : "/");
    if (cu.global_init(CURL_GLOBAL_DEFAULT) != 0) {
        snprintf(rep->error, sizeof rep->error, "libcurl could not start");
        return -1;
    }
    CURL *h = cu.init();
    if (!h) {
        cu.global_cleanup();
        snprintf(rep->error, sizeof rep->error, "libcurl could not start");
        return -1;
    }
    struct curl_slist *hdr = NULL;
    hdr = cu.slist_append(hdr, "Content-Type: application/json");
    hdr = cu.slist_append(hdr, "X-Experience-API-Version: 1.0.3");
    char userpwd[600];
    snprintf(userpwd, sizeof userpwd, "%s:%s", c->key, c->secret);
    df_OutboxItem items[64];
    int stop = 0;
    while (!stop) {
        int n = df_store_outbox_pending(s, items, 64);
        if (n <= 0) break;
        for (int i = 0; i < n; i++) {
            if (stop) {
                free(items[i].body);
                continue;
            }
            Buf b = {{0}, 0};
            cu.reset(h);
            cu.setopt(h, CURLOPT_URL, url);
            cu.setopt(h, CURLOPT_HTTPHEADER, hdr);
            cu.setopt(h, CURLOPT_USERPWD, userpwd);
            cu.setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
            cu.setopt(h, CURLOPT_POSTFIELDS, items[i].body);
            cu.setopt(h, CURLOPT_WRITEFUNCTION, keep);
            cu.setopt(h, CURLOPT_WRITEDATA, &b);
            cu.setopt(h, CURLOPT_TIMEOUT, (long)(c->timeout_s > 0 ? c->timeout_s : 20));
            cu.setopt(h, CURLOPT_NOSIGNAL, 1L);
            cu.setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
            CURLcode rc = cu.perform(h);
            long status = 0;
            cu.getinfo(h, CURLINFO_RESPONSE_CODE, &status);
            char why[800] = "";
            int outcome = DF_OUTBOX_SENT;
            if (rc != CURLE_OK) {
                snprintf(why, sizeof why, "%s", cu.strerror(rc));
                outcome = DF_OUTBOX_RETRY, stop = 1; /* the LRS is not reachable: keep the rest for next time */
            } else if (status == 204 || (status == 200 && strstr(b.data, items[i].statement_id))) {
                /* stored: an LRS answers a POST with the ids it stored */
            } else if (status == 200) {
                snprintf(why, sizeof why, "HTTP 200 without the statement's id in the answer: is %s an LRS's endpoint?", c->endpoint);
                outcome = DF_OUTBOX_RETRY, stop = 1;
            } else if (status >= 300 && status < 400) {
                snprintf(why, sizeof why, "HTTP %ld: the server redirects; check the endpoint", status);
                outcome = DF_OUTBOX_RETRY, stop = 1;
            } else if (status == 401 || status == 403 || status == 408 || status == 429 || status >= 500) {
                snprintf(why, sizeof why, "HTTP %ld: %.300s", status, b.data);
                outcome = DF_OUTBOX_RETRY, stop = 1; /* the same for every statement: try again later */
            } else {
                /* 400, 409 ...: this statement will never be taken as it is; keep it, stop retrying it */
                snprintf(why, sizeof why, "HTTP %ld: %.300s", status, b.data);
                outcome = DF_OUTBOX_REFUSED;
            }
            if (df_store_outbox_mark(s, items[i].statement_id, outcome, why[0] ? why : NULL) != 0) {
                /* not marked: it would go again at once; stop, it stays pending for next time */
                if (!rep->error[0]) snprintf(rep->error, sizeof rep->error, "the outbox could not be updated");
                rep->failed++;
                stop = 1;
            } else if (outcome == DF_OUTBOX_SENT) {
                rep->sent++;
            } else {
                if (outcome == DF_OUTBOX_REFUSED) rep->refused++;
                else rep->failed++;
                if (!rep->error[0]) snprintf(rep->error, sizeof rep->error, "%s", why);
            }
            free(items[i].body);
        }
        if (rep->failed || rep->refused) break; /* the rest wait for the next try */
    }
    rep->pending = df_store_outbox_count(s);
    cu.slist_free_all(hdr);
    cu.cleanup(h);
    cu.global_cleanup();
    return rep->failed || rep->refused ? -1 : 0;
}
