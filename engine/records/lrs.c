/* lrs.c: sending queued xAPI statements to a Learning Record Store with libcurl. Each
 * statement keeps the id it was given when queued, so a retry after a failure can never
 * store an attempt twice: the LRS answers a known id without changing anything. */
#include <curl/curl.h>
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

int df_lrs_send(df_Store *s, const df_LrsConfig *c, df_LrsReport *rep) {
    memset(rep, 0, sizeof *rep);
    char url[2100];
    size_t el = strlen(c->endpoint);
    snprintf(url, sizeof url, "%s%sstatements", c->endpoint, el && c->endpoint[el - 1] == '/' ? "" : "/");
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
        snprintf(rep->error, sizeof rep->error, "libcurl could not start");
        return -1;
    }
    CURL *h = curl_easy_init();
    if (!h) {
        curl_global_cleanup();
        snprintf(rep->error, sizeof rep->error, "libcurl could not start");
        return -1;
    }
    struct curl_slist *hdr = NULL;
    hdr = curl_slist_append(hdr, "Content-Type: application/json");
    hdr = curl_slist_append(hdr, "X-Experience-API-Version: 1.0.3");
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
            curl_easy_reset(h);
            curl_easy_setopt(h, CURLOPT_URL, url);
            curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
            curl_easy_setopt(h, CURLOPT_USERPWD, userpwd);
            curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, items[i].body);
            curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
            curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
            curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)(c->timeout_s > 0 ? c->timeout_s : 20));
            curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
            CURLcode rc = curl_easy_perform(h);
            long status = 0;
            curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
            char why[800];
            if (rc != CURLE_OK) {
                snprintf(why, sizeof why, "%s", curl_easy_strerror(rc));
                stop = 1; /* the LRS is not reachable: keep the rest for next time */
            } else if (status == 200 || status == 204) {
                why[0] = '\0';
            } else {
                snprintf(why, sizeof why, "HTTP %ld: %.300s", status, b.data);
                if (status == 401 || status == 403 || status >= 500) stop = 1; /* the same for every statement */
            }
            df_store_outbox_mark(s, items[i].statement_id, why[0] == '\0', why[0] ? why : NULL);
            if (why[0]) {
                rep->failed++;
                if (!rep->error[0]) snprintf(rep->error, sizeof rep->error, "%s", why);
            } else {
                rep->sent++;
            }
            free(items[i].body);
        }
        if (rep->failed) break; /* failed items stay pending; do not loop on them now */
    }
    rep->pending = df_store_outbox_count(s);
    curl_slist_free_all(hdr);
    curl_easy_cleanup(h);
    curl_global_cleanup();
    return rep->failed ? -1 : 0;
}
