/* drawlist.c: the draw-command list and text wrapping (measured through a callback). */
#include "ui.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void df_dl_init(df_DrawList *dl) { memset(dl, 0, sizeof *dl); }

void df_dl_deinit(df_DrawList *dl) {
    free(dl->v);
    free(dl->text);
    memset(dl, 0, sizeof *dl);
}

void df_dl_clear(df_DrawList *dl) {
    dl->n = 0;
    dl->tlen = 0;
    dl->overflows = 0;
    dl->nbounds = 0;
    dl->overflow_what[0] = '\0';
    dl->oom = false;
}

static df_Cmd *push(df_DrawList *dl, df_CmdKind kind) {
    if (dl->n == dl->cap) {
        int cap = dl->cap ? dl->cap * 2 : 256;
        df_Cmd *v = realloc(dl->v, (size_t)cap * sizeof *v);
        if (!v) {
            dl->oom = true;
            return NULL;
        }
        dl->v = v;
        dl->cap = cap;
    }
    df_Cmd *c = &dl->v[dl->n++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

void df_dl_rect(df_DrawList *dl, df_Rect r, df_Color col, float radius) {
    df_Cmd *c = push(dl, DF_CMD_RECT);
    if (!c) return;
    c->rect = r;
    c->color = col;
    c->radius = radius;
}

void df_dl_frame(df_DrawList *dl, df_Rect r, df_Color col, float radius, float thickness) {
    df_Cmd *c = push(dl, DF_CMD_FRAME);
    if (!c) return;
    c->rect = r;
    c->color = col;
    c->radius = radius;
    c->thickness = thickness;
}

void df_dl_ellipse(df_DrawList *dl, float cx, float cy, float rx, float ry, df_Color col) {
    df_Cmd *c = push(dl, DF_CMD_ELLIPSE);
    if (!c) return;
    c->rect = (df_Rect){cx - rx, cy - ry, 2 * rx, 2 * ry};
    c->color = col;
}

void df_dl_poly(df_DrawList *dl, const float *pts, int n, df_Color col) {
    if (n < 3 || n > DF_POLY_MAX) return;
    df_Cmd *c = push(dl, DF_CMD_POLY);
    if (!c) return;
    memcpy(c->pts, pts, sizeof(float) * 2 * (size_t)n);
    c->npts = n;
    c->color = col;
}

void df_dl_line(df_DrawList *dl, float x1, float y1, float x2, float y2, float thickness, df_Color col) {
    df_Cmd *c = push(dl, DF_CMD_LINE);
    if (!c) return;
    c->pts[0] = x1, c->pts[1] = y1, c->pts[2] = x2, c->pts[3] = y2;
    c->npts = 2;
    c->thickness = thickness;
    c->color = col;
}

void df_dl_clip(df_DrawList *dl, df_Rect r) {
    df_Cmd *c = push(dl, DF_CMD_CLIP);
    if (c) c->rect = r;
}

void df_dl_layer_begin(df_DrawList *dl, df_Rect r, uint64_t key) {
    df_Cmd *c = push(dl, DF_CMD_LAYER);
    if (!c) return;
    c->rect = r;
    c->key = key;
}

void df_dl_layer_end(df_DrawList *dl) { push(dl, DF_CMD_LAYER_END); }

void df_dl_push_bounds(df_DrawList *dl, df_Rect r) {
    if (dl->nbounds < 16) dl->bounds[dl->nbounds] = r;
    dl->nbounds++;
}

void df_dl_pop_bounds(df_DrawList *dl) {
    if (dl->nbounds > 0) dl->nbounds--;
}

static void overflow(df_DrawList *dl, const char *s, const char *why, float need, float have) {
    if (!dl->overflows) snprintf(dl->overflow_what, sizeof dl->overflow_what, "%.60s (%s: needs %.0f px, has %.0f)", s, why, need, have);
    dl->overflows++;
}

const char *df_dl_str(const df_DrawList *dl, const df_Cmd *c) { return dl->text + c->toff; }

/* Strings live in one growing buffer; commands keep offsets into it. Returns the offset,
 * or (size_t)-1 when out of memory. */
static size_t keep(df_DrawList *dl, const char *s, size_t len) {
    if (dl->tlen + len + 1 > dl->tcap) {
        size_t cap = dl->tcap ? dl->tcap * 2 : 8192;
        while (cap < dl->tlen + len + 1) cap *= 2;
        char *t = realloc(dl->text, cap);
        if (!t) {
            dl->oom = true;
            return (size_t)-1;
        }
        dl->text = t;
        dl->tcap = cap;
    }
    size_t off = dl->tlen;
    memcpy(dl->text + off, s, len);
    dl->text[off + len] = '\0';
    dl->tlen += len + 1;
    return off;
}

void df_dl_text_line(df_DrawList *dl, float x, float y, const char *s, size_t len, int px, bool bold, df_Color col) {
    size_t t = keep(dl, s, len);
    if (t == (size_t)-1) return;
    df_Cmd *c = push(dl, DF_CMD_TEXT);
    if (!c) return;
    c->rect = (df_Rect){x, y, 0, 0};
    c->toff = t;
    c->px = px;
    c->bold = bold;
    c->color = col;
}

/* Finds the end of the next line of s that fits w: breaks at spaces, or inside a word too
 * long for the line; a newline always breaks. Returns the byte length; *next is where the
 * following line starts. */
static size_t next_line(const df_TextMeasure *tm, const char *s, float w, int px, bool bold, const char **next) {
    size_t best = 0;
    const char *p = s;
    for (;;) {
        const char *q = p;
        while (*q && *q != ' ' && *q != '\n') q++;
        size_t len = (size_t)(q - s);
        if (tm->width(tm->ud, s, len, px, bold) > w && best > 0) break;
        if (tm->width(tm->ud, s, len, px, bold) > w) {
            /* one word longer than the line: cut it at a character boundary */
            size_t cut = 0;
            for (size_t i = 1; i <= len; i++) {
                if (((unsigned char)s[i] & 0xC0) == 0x80 && i < len) continue;
                if (tm->width(tm->ud, s, i, px, bold) > w) break;
                cut = i;
            }
            if (cut == 0) cut = 1;
            while (cut < len && ((unsigned char)s[cut] & 0xC0) == 0x80) cut++;
            *next = s + cut;
            return cut;
        }
        best = len;
        if (*q != ' ') {
            *next = *q == '\n' ? q + 1 : q;
            return best;
        }
        p = q + 1;
    }
    const char *n = s + best;
    while (*n == ' ') n++;
    *next = n;
    return best;
}

static float wrap(df_DrawList *dl, const df_TextMeasure *tm, df_Rect box, const char *s, int px, bool bold,
                  df_Color c, int align) {
    float lh = tm->line_height(tm->ud, px), y = box.y;
    const char *p = s;
    if (!*p) return 0;
    while (*p) {
        const char *next;
        size_t len = next_line(tm, p, box.w, px, bold, &next);
        if (dl) {
            float x = box.x, tw = tm->width(tm->ud, p, len, px, bold);
            if (align != DF_ALIGN_LEFT) x = align == DF_ALIGN_CENTER ? box.x + (box.w - tw) / 2 : box.x + box.w - tw;
            df_dl_text_line(dl, x, y, p, len, px, bold, c);
            if (dl->nbounds > 0 && dl->nbounds <= 16) {
                df_Rect b = dl->bounds[dl->nbounds - 1];
                if (x < b.x - 1 || x + tw > b.x + b.w + 1) overflow(dl, p, "wider than its container", tw, b.w);
                else if (y < b.y - 1 || y + lh > b.y + b.h + 1) overflow(dl, p, "outside its container", y + lh - b.y, b.h);
            }
        }
        y += lh;
        p = next;
    }
    return y - box.y;
}

float df_dl_text(df_DrawList *dl, const df_TextMeasure *tm, df_Rect box, const char *s, int px, bool bold,
                 df_Color c, int align) {
    float h = wrap(dl, tm, box, s, px, bold, c, align);
    if (h > box.h + 0.5f) overflow(dl, s, "taller than its box", h, box.h);
    return h;
}

float df_text_height(const df_TextMeasure *tm, const char *s, float w, int px, bool bold) {
    return wrap(NULL, tm, (df_Rect){0, 0, w, 0}, s, px, bold, (df_Color){0, 0, 0, 0}, DF_ALIGN_LEFT);
}
