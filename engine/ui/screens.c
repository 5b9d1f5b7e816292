/* screens.c: layout of the picker, play, feedback and debrief screens as draw lists. Sizes
 * are fractions of the window height so every size looks designed; text heights are measured,
 * so cards grow with their text and nothing overflows. */
#include "screens.h"

#include <math.h>
#include <stdio.h>

/* ---------------------------------------------------------------- helpers */

typedef struct L {
    df_Ui *ui;
    df_DrawList *dl;
    const df_TextMeasure *tm;
    const df_Theme *th;
    float m;                  /* margin */
    int body, small, head, big;
} L;

static int px_of(const df_Ui *ui, float frac) {
    int px = (int)lroundf(frac * (float)ui->h * ui->text_scale);
    return px < 14 ? 14 : px;
}

int df_ui_body_px(const df_Ui *ui) { return px_of(ui, 0.026f); }

static void hit(L *l, df_Rect r, int action, int arg) {
    if (l->ui->nhits >= DF_MAX_HITS) return;
    l->ui->hits[l->ui->nhits++] = (df_Hit){r, action, arg};
}

int df_ui_hit(const df_Ui *ui, float x, float y, int *arg) {
    for (int i = ui->nhits - 1; i >= 0; i--) {
        const df_Hit *h = &ui->hits[i];
        if (x >= h->r.x && x < h->r.x + h->r.w && y >= h->r.y && y < h->r.y + h->r.h) {
            *arg = h->arg;
            return h->action;
        }
    }
    return DF_ACT_NONE;
}

static df_Color with_alpha(df_Color c, uint8_t a) {
    c.a = a;
    return c;
}

static void card(L *l, df_Rect r) {
    float rad = l->m * 0.45f;
    /* the soft shadow only where it shows, under the bottom edge: blending a whole card's
     * area costs the software renderer more than the rest of the card */
    float sh = 2 * rad + 2 < r.h ? 2 * rad + 2 : r.h;
    df_dl_rect(l->dl, (df_Rect){r.x, r.y + r.h + 2 - sh, r.w, sh}, with_alpha(l->th->ink, 18), rad);
    df_dl_rect(l->dl, r, l->th->surface, rad);
}

/* A card whose text must stay inside it (checked by the draw list). */
static void card_begin(L *l, df_Rect r) {
    card(l, r);
    df_dl_push_bounds(l->dl, r);
}

static void card_end(L *l) { df_dl_pop_bounds(l->dl); }

static float text(L *l, df_Rect box, const char *s, int px, bool bold, df_Color c, int align) {
    return df_dl_text(l->dl, l->tm, box, s, px, bold, c, align);
}

static float text_h(L *l, const char *s, float w, int px, bool bold) {
    return df_text_height(l->tm, s, w, px, bold);
}

static float line_h(L *l, int px) { return l->tm->line_height(l->tm->ud, px); }

static float text_w(L *l, const char *s, int px, bool bold) { return l->tm->width(l->tm->ud, s, strlen(s), px, bold); }

/* A run of text in pieces of their own colour and weight, laid out left to right (sep, or a
 * space, between two pieces on the same line) and onto the next line when the next piece does
 * not fit; a piece wider than the whole width wraps on lines of its own. Returns the height;
 * draw false only measures. */
typedef struct Seg {
    const char *s;
    df_Color c;
    bool bold;
} Seg;

static float flow(L *l, float x, float y, float w, const Seg *seg, int n, int px, const char *sep, df_Color sep_c, bool draw) {
    float lh = line_h(l, px), sp = text_w(l, " ", px, false);
    float sepw = sep ? text_w(l, sep, px, false) + 2 * sp : sp;
    float cx = 0, cy = 0;
    bool fresh = true, any = false;
    for (int i = 0; i < n; i++) {
        if (!seg[i].s || !seg[i].s[0]) continue;
        float sw = text_w(l, seg[i].s, px, seg[i].bold);
        if (sw > w) { /* too wide for any line: it wraps on lines of its own */
            if (!fresh) cy += lh;
            cy += draw ? text(l, (df_Rect){x, y + cy, w, 1e6f}, seg[i].s, px, seg[i].bold, seg[i].c, DF_ALIGN_LEFT)
                       : text_h(l, seg[i].s, w, px, seg[i].bold);
            cx = 0;
            fresh = true;
            any = false;
            continue;
        }
        if (!fresh && cx + sepw + sw > w) {
            cy += lh;
            cx = 0;
            fresh = true;
        }
        if (!fresh) {
            if (sep && draw) text(l, (df_Rect){x + cx + sp, y + cy, sepw - sp, lh}, sep, px, false, sep_c, DF_ALIGN_LEFT);
            cx += sepw;
        }
        if (draw) text(l, (df_Rect){x + cx, y + cy, sw + 1, lh}, seg[i].s, px, seg[i].bold, seg[i].c, DF_ALIGN_LEFT);
        cx += sw;
        fresh = false;
        any = true;
    }
    return any ? cy + lh : cy;
}

void df_fmt_min(double m, char *buf, size_t cap) {
    if (!isfinite(m) || m < 0) m = 0;
    long s = lround(m * 60);
    snprintf(buf, cap, "%ld:%02ld", s / 60, s % 60);
}

void df_fmt_delta(double d, char *buf, size_t cap) {
    long v = lround(d);
    if (v > 0) snprintf(buf, cap, "+%ld", v);
    else if (v < 0) snprintf(buf, cap, "\u2212%ld", -v);
    else snprintf(buf, cap, "\u00b10");
}

/* A small band marker: a shape per band (so colour is never the only cue) and the name. */
void df_band_shape(df_DrawList *dl, float x, float cy, float s, df_Band b, df_Color c) {
    switch (b) {
    case DF_BAND_SETTLED: df_dl_ellipse(dl, x + s / 2, cy, s / 2, s / 2, c); break;
    case DF_BAND_UNEASY: df_dl_rect(dl, (df_Rect){x, cy - s / 2, s, s}, c, s * 0.2f); break;
    case DF_BAND_DEFENSIVE: {
        float p[6] = {x + s / 2, cy - s / 2, x + s, cy + s / 2, x, cy + s / 2};
        df_dl_poly(dl, p, 3, c);
        break;
    }
    case DF_BAND_VENTING: {
        float p[8] = {x + s / 2, cy - s / 2, x + s, cy, x + s / 2, cy + s / 2, x, cy};
        df_dl_poly(dl, p, 4, c);
        break;
    }
    default: {
        float p[16];
        for (int i = 0; i < 8; i++) {
            float a = 3.14159265f / 8 + (float)i * 3.14159265f / 4;
            p[2 * i] = x + s / 2 + s / 2 * cosf(a);
            p[2 * i + 1] = cy + s / 2 * sinf(a);
        }
        df_dl_poly(dl, p, 8, c);
        break;
    }
    }
}

static float band_chip(L *l, float x, float y, df_Band b, int px) {
    float s = (float)px * 0.8f, cy = y + line_h(l, px) / 2;
    df_band_mark(l->dl, x, cy, s, b, df_channel_of(l->ui->sc ? l->ui->sc->setting : NULL), l->th->band[b]);
    const char *name = df_band_name(b);
    df_dl_text_line(l->dl, x + s * 1.4f, y, name, strlen(name), px, true, l->th->ink);
    return s * 1.4f + l->tm->width(l->tm->ud, name, strlen(name), px, true);
}

/* The agitation meter: band-tinted track, fill to the value, band names under it. */
static float agitation_meter(L *l, df_Rect r, float value) {
    float bh = r.h;
    for (int b = 0; b < DF_BAND_COUNT; b++) {
        float x0 = r.x + r.w * (float)df_band_floor((df_Band)b) / 100.0f;
        float x1 = b + 1 < DF_BAND_COUNT ? r.x + r.w * (float)df_band_floor((df_Band)(b + 1)) / 100.0f : r.x + r.w;
        df_dl_rect(l->dl, (df_Rect){x0, r.y, x1 - x0, bh}, with_alpha(l->th->band[b], 50), 0);
    }
    float v = value < 0 ? 0 : value > 100 ? 100 : value;
    df_Band b = df_band_of(v);
    df_dl_rect(l->dl, (df_Rect){r.x, r.y, r.w * v / 100.0f, bh}, l->th->band[b], 0);
    df_dl_frame(l->dl, r, l->th->ink_soft, 0, 1);
    for (int k = 1; k < DF_BAND_COUNT; k++) {
        float x = r.x + r.w * (float)df_band_floor((df_Band)k) / 100.0f;
        df_dl_line(l->dl, x, r.y, x, r.y + bh, 1, with_alpha(l->th->ink, 90));
    }
    /* band names under the bar, each centred in its segment, small */
    int px = l->small;
    float y = r.y + bh + 2, hgt = line_h(l, px);
    for (int k = 0; k < DF_BAND_COUNT; k++) {
        float x0 = r.x + r.w * (float)df_band_floor((df_Band)k) / 100.0f;
        float x1 = k + 1 < DF_BAND_COUNT ? r.x + r.w * (float)df_band_floor((df_Band)(k + 1)) / 100.0f : r.x + r.w;
        const char *n = df_band_name((df_Band)k);
        /* abbreviate when the segment is narrow */
        char ab[4] = {n[0], n[1], n[2], 0};
        const char *show = l->tm->width(l->tm->ud, n, strlen(n), px, k == (int)b) <= x1 - x0 ? n : ab;
        float tw = l->tm->width(l->tm->ud, show, strlen(show), px, k == (int)b);
        df_dl_text_line(l->dl, (x0 + x1 - tw) / 2, y, show, strlen(show), px, k == (int)b,
                        k == (int)b ? l->th->ink : l->th->ink_soft);
    }
    return bh + 2 + hgt;
}

static void plain_meter(L *l, df_Rect r, float value, df_Color c) {
    df_dl_rect(l->dl, r, l->th->surface2, 0);
    float v = value < 0 ? 0 : value > 100 ? 100 : value;
    df_dl_rect(l->dl, (df_Rect){r.x, r.y, r.w * v / 100.0f, r.h}, c, 0);
    df_dl_frame(l->dl, r, l->th->ink_soft, 0, 1);
}

/* The key hints at the bottom right; the short form when the long one does not fit. */
static void footer2(L *l, const char *hint, const char *brief) {
    float fw = (float)l->ui->w - 2 * l->m;
    if (brief && l->tm->width(l->tm->ud, hint, strlen(hint), l->small, false) > fw) hint = brief;
    float y = (float)l->ui->h - l->m * 0.5f - line_h(l, l->small);
    text(l, (df_Rect){l->m, y, (float)l->ui->w - 2 * l->m, line_h(l, l->small)}, hint, l->small, false,
         l->th->ink_soft, DF_ALIGN_RIGHT);
}

static void footer(L *l, const char *hint) { footer2(l, hint, NULL); }

/* ---------------------------------------------------------------- picker */

int df_ui_filtered(const df_Ui *ui, int *idx, int cap) {
    static const char *const order[] = {"counter", "phone", "email", "field", "enforcement", "internal"};
    int n = 0;
    for (int g = 0; g < 6; g++)
        for (int i = 0; i < ui->nitems && n < cap; i++) {
            const df_PickItem *it = &ui->items[i];
            if (strcmp(it->setting, order[g]) != 0) continue;
            if (ui->filter[0]) {
                /* case-insensitive match on title, role, setting or summary */
                const char *fields[4] = {it->title, it->role, it->setting, it->summary ? it->summary : ""};
                bool ok = false;
                for (int f = 0; f < 4 && !ok; f++) {
                    size_t fl = strlen(fields[f]), ql = strlen(ui->filter);
                    for (size_t s = 0; s + ql <= fl && !ok; s++) {
                        size_t k = 0;
                        while (k < ql) {
                            char a = fields[f][s + k], b = ui->filter[k];
                            if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
                            if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
                            if (a != b) break;
                            k++;
                        }
                        ok = k == ql;
                    }
                }
                if (!ok) continue;
            }
            idx[n++] = i;
        }
    return n;
}

/* A scenario's record in a few words, e.g. "3 attempts \u00b7 best 88"; empty when never played. */
static void pick_stats(const df_PickItem *it, char *buf, size_t cap) {
    buf[0] = '\0';
    if (it->attempts <= 0) return;
    if (it->best >= 0) snprintf(buf, cap, "%d attempt%s \u00b7 best %d", it->attempts, it->attempts == 1 ? "" : "s", it->best);
    else snprintf(buf, cap, "%d attempt%s \u00b7 none finished", it->attempts, it->attempts == 1 ? "" : "s");
}

/* The stats pill: its width, and whether it fits at the right of the meta line (else it
 * takes a line of its own under it). */
static float stats_pill_w(L *l, const char *stats) {
    return l->tm->width(l->tm->ud, stats, strlen(stats), l->small, true) + l->m * 0.5f;
}

static bool stats_inline(L *l, const char *meta, const char *stats, float tw) {
    float mw = l->tm->width(l->tm->ud, meta, strlen(meta), l->small, false);
    return mw + l->m * 0.5f + stats_pill_w(l, stats) <= tw;
}

static float meta_h(L *l, const df_PickItem *it, const char *meta, float tw) {
    char stats[96];
    pick_stats(it, stats, sizeof stats);
    float h = text_h(l, meta, tw, l->small, false);
    if (stats[0] && !stats_inline(l, meta, stats, tw)) h += line_h(l, l->small) * 1.15f;
    return h;
}

/* The meta line (role, minutes) and the record's pill; returns the height used. */
static float meta_draw(L *l, const df_PickItem *it, const char *meta, float x, float y, float tw) {
    char stats[96];
    pick_stats(it, stats, sizeof stats);
    float lh = line_h(l, l->small);
    if (!stats[0]) return text(l, (df_Rect){x, y, tw, 1e6f}, meta, l->small, false, l->th->accent, DF_ALIGN_LEFT);
    float pw = stats_pill_w(l, stats);
    bool in = stats_inline(l, meta, stats, tw);
    float h = text(l, (df_Rect){x, y, in ? tw - pw - l->m * 0.5f : tw, 1e6f}, meta, l->small, false, l->th->accent, DF_ALIGN_LEFT);
    float py = in ? y : y + h + lh * 0.15f, px = in ? x + tw - pw : x;
    if (pw > tw) pw = tw;
    df_dl_rect(l->dl, (df_Rect){px, py, pw, lh}, l->th->surface2, lh * 0.5f);
    text(l, (df_Rect){px, py, pw, lh}, stats, l->small, true, l->th->ink, DF_ALIGN_CENTER);
    return in ? h : h + lh * 1.15f;
}

static void build_picker(L *l) {
    df_Ui *ui = l->ui;
    float m = l->m, w = (float)ui->w;
    float cw = w * 0.62f < px_of(ui, 0.9f) ? w - 2 * m : w * 0.62f;
    if (cw > w - 2 * m) cw = w - 2 * m;
    float x = (w - cw) / 2, y = m;
    y += text(l, (df_Rect){x, y, cw, line_h(l, l->big)}, "defuse", l->big, true, l->th->ink, DF_ALIGN_LEFT);
    y += text(l, (df_Rect){x, y, cw, line_h(l, l->body) * 2}, "Practise staying calm with upset residents. Pick a scenario.",
              l->body, false, l->th->ink_soft, DF_ALIGN_LEFT);
    y += m * 0.5f;
    /* the filter field */
    float fh = line_h(l, l->body) + m * 0.5f;
    df_dl_rect(l->dl, (df_Rect){x, y, cw, fh}, l->th->surface, m * 0.3f);
    df_dl_frame(l->dl, (df_Rect){x, y, cw, fh}, ui->filter[0] ? l->th->accent : l->th->line, m * 0.3f, 2);
    char ft[128];
    snprintf(ft, sizeof ft, "%s%s", ui->filter[0] ? ui->filter : "Type to filter", ui->filter[0] ? "\u258f" : "");
    text(l, (df_Rect){x + m * 0.4f, y + m * 0.25f, cw - m * 0.8f, line_h(l, l->body)}, ft, l->body, false,
         ui->filter[0] ? l->th->ink : l->th->ink_soft, DF_ALIGN_LEFT);
    y += fh + m * 0.6f;

    int idx[512];
    int n = df_ui_filtered(ui, idx, 512);
    if (ui->focus >= n) ui->focus = n ? n - 1 : 0;
    if (ui->focus < 0) ui->focus = 0;
    float top = y, bottom = (float)ui->h - m - line_h(l, l->small);
    /* measure every entry, then scroll so the focused one is visible */
    float ys[512], hs[512], total = 0;
    const char *last = "";
    float pad = m * 0.4f, tw = cw - 2 * pad;
    for (int k = 0; k < n; k++) {
        const df_PickItem *it = &ui->items[idx[k]];
        float head = strcmp(last, it->setting) ? line_h(l, l->small) * 1.6f : 0;
        last = it->setting;
        char meta[256];
        snprintf(meta, sizeof meta, "%s \u00b7 %.0f min", it->role, it->minutes);
        float h = pad + text_h(l, it->title, tw, l->body, true) + meta_h(l, it, meta, tw) +
                  (it->summary ? text_h(l, it->summary, tw, l->small, false) : 0) + pad;
        ys[k] = total + head;
        hs[k] = h;
        total += head + h + m * 0.3f;
    }
    float off = 0;
    if (n && ys[ui->focus] + hs[ui->focus] > bottom - top) off = ys[ui->focus] + hs[ui->focus] - (bottom - top);
    df_dl_clip(l->dl, (df_Rect){0, top, w, bottom - top});
    /* the list scrolls under a clip: a card cut at the bottom is clipped, not overflowing */
    df_dl_push_bounds(l->dl, (df_Rect){0, top - off - total, w, 3 * total + (bottom - top) + 3 * off});
    last = "";
    for (int k = 0; k < n; k++) {
        const df_PickItem *it = &ui->items[idx[k]];
        float cy = top + ys[k] - off;
        if (strcmp(last, it->setting)) {
            char g[64];
            snprintf(g, sizeof g, "%c%s", it->setting[0] - 32, it->setting + 1);
            float gy = cy - line_h(l, l->small) * 1.4f;
            if (gy + line_h(l, l->small) > top && gy < bottom)
                df_dl_text_line(l->dl, x, gy, g, strlen(g), l->small, true, l->th->accent);
        }
        last = it->setting;
        if (cy + hs[k] < top || cy > bottom) continue;
        df_Rect r = {x, cy, cw, hs[k]};
        card(l, r);
        if (k == ui->focus) df_dl_frame(l->dl, (df_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, l->th->focus, m * 0.5f, 3);
        float ty = cy + pad;
        ty += text(l, (df_Rect){x + pad, ty, tw, 1e6f}, it->title, l->body, true, l->th->ink, DF_ALIGN_LEFT);
        char meta[256];
        snprintf(meta, sizeof meta, "%s \u00b7 %.0f min", it->role, it->minutes);
        ty += meta_draw(l, it, meta, x + pad, ty, tw);
        if (it->summary) text(l, (df_Rect){x + pad, ty, tw, 1e6f}, it->summary, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        hit(l, r, DF_ACT_PICK, k);
    }
    df_dl_pop_bounds(l->dl);
    df_dl_clip(l->dl, (df_Rect){0, 0, 0, 0});
    if (n == 0)
        text(l, (df_Rect){x, top, cw, line_h(l, l->body) * 2}, "No scenario matches. Backspace clears the filter.",
             l->body, false, l->th->ink_soft, DF_ALIGN_LEFT);
    footer2(l, "\u2191\u2193 move \u00b7 Enter play \u00b7 Ctrl P progress \u00b7 type to filter \u00b7 Ctrl +/\u2212 text size \u00b7 F11 full screen \u00b7 Esc quit",
            "\u2191\u2193 move \u00b7 Enter play \u00b7 Ctrl P progress \u00b7 type to filter \u00b7 Esc quit");
}

/* ---------------------------------------------------------------- play */

/* The left rail: portrait, name and band, meters, clock. */
static void build_rail(L *l, df_Rect rail) {
    df_Ui *ui = l->ui;
    const df_State *st = df_run_state(ui->run);
    const df_Scenario *sc = ui->sc;
    float m = l->m, y = rail.y;
    /* what goes under the portrait decides how tall the portrait may be */
    float below = m * 0.4f + text_h(l, sc->resident.name, rail.w, l->body, true) + line_h(l, l->small) + m * 0.4f +
                  line_h(l, l->small) + m * 0.7f + 2 + line_h(l, l->small) + m * 0.35f + line_h(l, l->small) + m * 0.95f +
                  line_h(l, l->head) + 2 * line_h(l, l->small);
    float ph = rail.h - below;
    if (ph > rail.h * 0.55f) ph = rail.h * 0.55f;
    if (ph > rail.w * 1.05f) ph = rail.w * 1.05f;
    if (ph < m * 2) ph = m * 2;
    df_Rect pc = {floorf(rail.x), floorf(y), ceilf(rail.w), ceilf(ph)};
    df_Look look = {sc->resident.skin, sc->resident.hair, sc->resident.hair_colour, sc->resident.top,
                    df_channel_of(sc->setting) != DF_CHANNEL_IN_PERSON};
    ui->portrait_rect = (df_Rect){pc.x + m * 0.3f, pc.y + m * 0.3f, pc.w - m * 0.6f, pc.h - m * 0.3f};
    /* The portrait is the costliest drawing on screen: a layer, so an unchanged face is
     * replayed from a cached picture. Its key is everything the picture depends on. */
    uint64_t key = 1469598103934665603ull;
    const uint64_t parts[] = {(uint64_t)(uintptr_t)l->th, (uint64_t)pc.w, (uint64_t)pc.h,
                              (uint64_t)lroundf(ui->shown_agitation * 8), (uint64_t)lroundf(ui->t * 30),
                              (uint64_t)(uintptr_t)sc, (uint64_t)lroundf(m * 10)};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) key = (key ^ parts[i]) * 1099511628211ull;
    df_dl_layer_begin(l->dl, pc, key);
    df_dl_rect(l->dl, pc, l->th->bg, 0);
    df_dl_rect(l->dl, pc, l->th->surface2, m * 0.45f);
    df_ui_portrait(l->dl, ui->portrait_rect, &look, ui->shown_agitation, ui->t);
    df_dl_layer_end(l->dl);
    y += ph + m * 0.4f;
    y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, sc->resident.name, l->body, true, l->th->ink, DF_ALIGN_LEFT);
    band_chip(l, rail.x, y, df_band_of(ui->shown_agitation), l->small);
    if (df_state_in_recovery(st)) {
        const char *rec = "recovering";
        float tw = l->tm->width(l->tm->ud, rec, strlen(rec), l->small, false);
        df_dl_text_line(l->dl, rail.x + rail.w - tw, y, rec, strlen(rec), l->small, false, l->th->ink_soft);
    }
    y += line_h(l, l->small) + m * 0.4f;
    if (df_band_of(ui->shown_agitation) == DF_BAND_THREATENING) { /* what the top band is in this channel */
        const char *sign = df_band_sign(DF_BAND_THREATENING, df_channel_of(sc->setting));
        y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, sign, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) +
             m * 0.3f;
    }
    char lab[64];
    snprintf(lab, sizeof lab, "Agitation %d", (int)lroundf(ui->shown_agitation));
    y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, lab, l->small, true, l->th->ink, DF_ALIGN_LEFT);
    ui->meter_rect = (df_Rect){rail.x, y, rail.w, m * 0.7f};
    y += agitation_meter(l, ui->meter_rect, ui->shown_agitation) + m * 0.35f;
    snprintf(lab, sizeof lab, "Trust %d", (int)lroundf(ui->shown_trust));
    y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, lab, l->small, true, l->th->ink, DF_ALIGN_LEFT);
    plain_meter(l, (df_Rect){rail.x, y, rail.w, m * 0.45f}, ui->shown_trust, l->th->accent);
    y += m * 0.45f + m * 0.5f;
    /* the clock */
    char clock[32], base[32], add[32], line[128];
    df_fmt_min(st->clock, clock, sizeof clock);
    df_fmt_min(df_calm_baseline(&sc->params), base, sizeof base);
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps);
    double last = n ? steps[n - 1].conversation + steps[n - 1].task + steps[n - 1].rework : 0;
    df_fmt_min(last, add, sizeof add);
    snprintf(line, sizeof line, "Clock %s", clock);
    y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, line, l->head, true, l->th->ink, DF_ALIGN_LEFT);
    if (n) {
        snprintf(line, sizeof line, "+%s last exchange", add);
        y += text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, line, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    }
    snprintf(line, sizeof line, "A calm %s: %s", df_contact_noun(df_channel_of(sc->setting)), base);
    text(l, (df_Rect){rail.x, y, rail.w, 1e6f}, line, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
}

/* The speech card: what the resident just said. Returns its height. */
static float speech(L *l, df_Rect area, const char *said, int px, bool draw) {
    float pad = l->m * 0.5f;
    char q[DF_LINE_MAX + 8];
    snprintf(q, sizeof q, "\u201c%s\u201d", said);
    float th = text_h(l, q, area.w - 2 * pad, px, false);
    float h = pad + line_h(l, l->small) + th + pad;
    if (!draw) return h;
    card(l, (df_Rect){area.x, area.y, area.w, h});
    df_dl_rect(l->dl, (df_Rect){area.x, area.y + pad, 5, h - 2 * pad}, l->th->band[df_band_of(l->ui->shown_agitation)], 2);
    text(l, (df_Rect){area.x + pad, area.y + pad, area.w - 2 * pad, line_h(l, l->small)}, l->ui->sc->resident.name,
         l->small, true, l->th->ink_soft, DF_ALIGN_LEFT);
    text(l, (df_Rect){area.x + pad, area.y + pad + line_h(l, l->small), area.w - 2 * pad, th}, q, px, false,
         l->th->ink, DF_ALIGN_LEFT);
    return h;
}

static void build_choices(L *l, df_Rect area) {
    df_Ui *ui = l->ui;
    const int *vis;
    int n = df_run_visible(ui->run, &vis);
    const df_Beat *b = &ui->sc->beats[df_run_state(ui->run)->beat];
    if (ui->focus >= n) ui->focus = n - 1;
    if (ui->focus < 0) ui->focus = 0;
    /* shrink the text until every choice fits the area */
    int px = l->body;
    float pad = l->m * 0.4f, badge = 0, gap = l->m * 0.3f, total = 0;
    for (int tries = 0; tries < 12; tries++) {
        badge = line_h(l, px) * 1.3f;
        total = 0;
        for (int i = 0; i < n; i++) {
            float th = text_h(l, b->choices[vis[i]].text, area.w - badge - 3 * pad, px, false);
            float h = th + 2 * pad;
            total += (h > badge + pad ? h : badge + pad) + gap;
        }
        if (total <= area.h || px <= 14) break;
        px = (int)((float)px * 0.92f);
        if (px < 14) px = 14;
    }
    float y = area.y;
    for (int i = 0; i < n; i++) {
        const char *t = b->choices[vis[i]].text;
        float th = text_h(l, t, area.w - badge - 3 * pad, px, false);
        float h = th + 2 * pad;
        if (h < badge + pad) h = badge + pad;
        df_Rect r = {area.x, y, area.w, h};
        card(l, r);
        if (i == ui->focus) df_dl_frame(l->dl, (df_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, l->th->focus, l->m * 0.5f, 3);
        float bx = r.x + pad, by = r.y + (h - badge) / 2;
        df_dl_ellipse(l->dl, bx + badge / 2, by + badge / 2, badge / 2, badge / 2, l->th->accent);
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        text(l, (df_Rect){bx, by + (badge - line_h(l, px)) / 2, badge, line_h(l, px)}, num, px, true, l->th->on_accent,
             DF_ALIGN_CENTER);
        text(l, (df_Rect){bx + badge + pad, r.y + (h - th) / 2, area.w - badge - 3 * pad, th}, t, px, false, l->th->ink,
             DF_ALIGN_LEFT);
        hit(l, r, DF_ACT_CHOOSE, i + 1);
        y += h + gap;
    }
    if (total > area.h + 0.5f) {
        l->dl->overflows++;
        snprintf(l->dl->overflow_what, sizeof l->dl->overflow_what, "choices need %.0f px, have %.0f", total, area.h);
    }
}

static float feedback_at(L *l, df_Rect area, bool draw);

/* The resident's line over the feedback card: both fit the column, the line's text shrinking
 * first (it stays larger than the card's), then the card's; what still does not fit counts as an overflow. */
static void build_feedback(L *l, float x, float y, float cw, float bottom, const char *said) {
    L t = *l;
    int spx = px_of(l->ui, 0.03f);
    df_Rect area = {0};
    for (int tries = 0; tries < 40; tries++) {
        float sh = speech(l, (df_Rect){x, y, cw, 0}, said, spx, false) + l->m * 0.5f;
        area = (df_Rect){x, y + sh, cw, bottom - (y + sh)};
        if (feedback_at(&t, area, false) <= area.h) break;
        if (spx > 14 && (float)spx > (float)t.body * 1.15f) spx = spx * 92 / 100 < 14 ? 14 : spx * 92 / 100;
        else if (t.body > 14 || t.small > 14) {
            t.body = t.body * 92 / 100 < 14 ? 14 : t.body * 92 / 100;
            t.small = t.small * 92 / 100 < 14 ? 14 : t.small * 92 / 100;
        } else break;
    }
    speech(l, (df_Rect){x, y, cw, 0}, said, spx, true);
    float need = feedback_at(&t, area, true);
    if (need > area.h + 0.5f) {
        l->dl->overflows++;
        snprintf(l->dl->overflow_what, sizeof l->dl->overflow_what, "the feedback needs %.0f px, has %.0f", need, area.h);
    }
}

/* What the choice did to the time: the minutes the exchange took, and the engine's forecast
 * of the time to resolution after it (typical and best), with how the choice moved the
 * typical forecast: an arrow and a sign as well as a colour. Returns the height. */
static float feedback_time(L *l, int step, float x, float y, float w, bool draw) {
    df_Ui *ui = l->ui;
    const df_Step *steps;
    df_run_steps(ui->run, &steps);
    const df_Step *s = &steps[step];
    float y0 = y;
    char took[24], clock[24], line[256];
    df_minutes_text(s->conversation + s->task + s->rework, true, took, sizeof took);
    /* the clock as the rail shows it: after the last choice the ending may still do the task
     * (the form, the lookup), and that is said, so the two clocks never disagree */
    bool last = step == df_run_steps(ui->run, &steps) - 1;
    double now = last ? df_run_state(ui->run)->clock : s->clock_after, owed = now - s->clock_after;
    df_minutes_text(now, false, clock, sizeof clock);
    if (owed > 0.005) {
        char w2[24];
        df_minutes_text(owed, true, w2, sizeof w2);
        snprintf(line, sizeof line, "This exchange %s \u00b7 the work at the end %s \u00b7 clock %s", took, w2, clock);
    } else {
        snprintf(line, sizeof line, "This exchange %s \u00b7 clock %s%s", took, clock,
                 s->rework > 0 ? ", with rework after a mistake" : "");
    }
    y += draw ? text(l, (df_Rect){x, y, w, 1e6f}, line, l->body, false, l->th->ink, DF_ALIGN_LEFT) : text_h(l, line, w, l->body, false);
    const df_Forecast *f = &s->forecast, *before = df_run_forecast_before(ui->run, step);
    if (!f->valid) return y - y0;
    bool over = df_run_over(ui->run);
    char lab[96], typ[24], typ_t[48], chg[24], chg_t[64], best[24], best_t[48];
    snprintf(lab, sizeof lab, "%s%s", over ? "Time to resolution" : "Time to resolution from here", f->sampled ? " (sampled)" : "");
    y += l->m * 0.15f;
    y += draw ? text(l, (df_Rect){x, y, w, 1e6f}, lab, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) : text_h(l, lab, w, l->small, false);
    double total = df_forecast_typical_total(f);
    df_minutes_text(total, false, typ, sizeof typ);
    snprintf(typ_t, sizeof typ_t, "%s %s", typ, over ? "in all" : "typical");
    Seg seg[3];
    int n = 0;
    seg[n++] = (Seg){typ_t, l->th->ink, true};
    if (before->valid && over) { /* the final figure is a result, not a move: no arrow to praise or blame */
        df_minutes_text(df_forecast_typical_total(before), false, chg, sizeof chg);
        snprintf(chg_t, sizeof chg_t, "\u00b7 forecast before the last choice %s", chg);
        seg[n++] = (Seg){chg_t, l->th->ink_soft, false};
    } else if (before->valid) {
        double d = total - df_forecast_typical_total(before);
        if (fabs(d) < 0.5 / 60) d = 0; /* under a second: no change worth an arrow */
        df_minutes_text(d, true, chg, sizeof chg);
        if (d > 0) snprintf(chg_t, sizeof chg_t, "\u2191 %s with this choice", chg);
        else if (d < 0) snprintf(chg_t, sizeof chg_t, "\u2193 %s with this choice", chg);
        else snprintf(chg_t, sizeof chg_t, "unchanged by this choice");
        seg[n++] = (Seg){chg_t, d > 0 ? l->th->bad : d < 0 ? l->th->good : l->th->ink_soft, true};
    }
    if (!over && f->resolves) {
        df_minutes_text(df_forecast_best_total(f), false, best, sizeof best);
        snprintf(best_t, sizeof best_t, "\u00b7 best %s", best);
        seg[n++] = (Seg){best_t, l->th->ink, false};
    } else if (!over) { /* the quickest way to any ending is no "best" to aim for */
        seg[n++] = (Seg){"\u00b7 no road from here resolves it now", l->th->ink_soft, false};
    }
    y += flow(l, x, y, w, seg, n, l->body, NULL, l->th->ink, draw);
    return y - y0;
}

static float feedback_at(L *l, df_Rect area, bool draw) {
    df_Ui *ui = l->ui;
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps);
    if (!n) return 0;
    const df_Step *s = &steps[n - 1];
    const df_Choice *c = &ui->sc->beats[s->beat].choices[s->choice];
    float pad = l->m * 0.6f, w = area.w - 2 * pad, y = area.y + pad;
    char da[16], dt[16], line[256];
    df_fmt_delta(s->a_after - s->a_before, da, sizeof da);
    df_fmt_delta(s->t_after - s->t_before, dt, sizeof dt);
    /* measure first, so the card fits its content */
    char you[DF_LINE_MAX + 16];
    snprintf(you, sizeof you, "You: \u201c%s\u201d", c->text);
    const char *coach = (!ui->assess && c->coach) ? c->coach : NULL;
    float h = pad + text_h(l, you, w, l->small, false) + l->m * 0.3f + 2 * line_h(l, l->body) +
              feedback_time(l, n - 1, 0, 0, w, false) + l->m * 0.3f;
    if (s->task_blocked) h += text_h(l, "The resident isn't taking this in yet: they need to feel heard and calmer first.", w, l->small, false);
    if (!ui->assess) h += line_h(l, l->body) * 1.3f;
    if (coach) h += text_h(l, coach, w, l->body, false) + l->m * 0.2f;
    float bh = line_h(l, l->body) + l->m * 0.5f;
    h += l->m * 0.4f + bh + pad;
    if (!draw) return h;
    card_begin(l, (df_Rect){area.x, area.y, area.w, h});
    y += text(l, (df_Rect){area.x + pad, y, w, 1e6f}, you, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) + l->m * 0.3f;
    snprintf(line, sizeof line, "Agitation %d \u2192 %d  (%s)", (int)lround(s->a_before), (int)lround(s->a_after), da);
    df_dl_text_line(l->dl, area.x + pad, y, line, strlen(line), l->body, true, s->a_after > s->a_before + 0.5 ? l->th->bad : s->a_after < s->a_before - 0.5 ? l->th->good : l->th->ink);
    float tw = l->tm->width(l->tm->ud, line, strlen(line), l->body, true);
    if (s->band_after != s->band_before) band_chip(l, area.x + pad + tw + l->m * 0.5f, y, s->band_after, l->body);
    y += line_h(l, l->body);
    snprintf(line, sizeof line, "Trust %d \u2192 %d  (%s)", (int)lround(s->t_before), (int)lround(s->t_after), dt);
    y += text(l, (df_Rect){area.x + pad, y, w, 1e6f}, line, l->body, false, l->th->ink, DF_ALIGN_LEFT);
    y += feedback_time(l, n - 1, area.x + pad, y, w, true);
    if (s->task_blocked)
        y += text(l, (df_Rect){area.x + pad, y, w, 1e6f}, "The resident isn't taking this in yet: they need to feel heard and calmer first.",
                  l->small, false, l->th->bad, DF_ALIGN_LEFT);
    y += l->m * 0.3f;
    if (!ui->assess) {
        char g[32];
        snprintf(g, sizeof g, "%s", df_grade_key(s->grade));
        g[0] = (char)(g[0] - 32);
        float gw = l->tm->width(l->tm->ud, g, strlen(g), l->body, true) + l->m;
        df_Color gc = s->grade <= DF_GRADE_GOOD ? l->th->good : s->grade == DF_GRADE_ACCEPTABLE ? l->th->ink_soft : l->th->bad;
        df_dl_rect(l->dl, (df_Rect){area.x + pad, y, gw, line_h(l, l->body) * 1.1f}, gc, l->m * 0.25f);
        text(l, (df_Rect){area.x + pad, y + line_h(l, l->body) * 0.05f, gw, line_h(l, l->body)}, g, l->body, true,
             l->th->on_accent, DF_ALIGN_CENTER);
        y += line_h(l, l->body) * 1.3f;
    }
    if (coach) y += text(l, (df_Rect){area.x + pad, y, w, 1e6f}, coach, l->body, false, l->th->ink, DF_ALIGN_LEFT) + l->m * 0.2f;
    y += l->m * 0.4f;
    const char *label = df_run_over(ui->run) ? "See the debrief  (Enter)" : "Continue  (Enter)";
    float bw = l->tm->width(l->tm->ud, label, strlen(label), l->body, true) + 2 * l->m;
    df_Rect br = {area.x + pad, y, bw, bh};
    df_dl_rect(l->dl, br, l->th->accent, l->m * 0.3f);
    df_dl_frame(l->dl, (df_Rect){br.x - 3, br.y - 3, br.w + 6, br.h + 6}, l->th->focus, l->m * 0.4f, 3);
    text(l, (df_Rect){br.x, br.y + l->m * 0.25f, br.w, line_h(l, l->body)}, label, l->body, true, l->th->on_accent,
         DF_ALIGN_CENTER);
    hit(l, br, DF_ACT_CONTINUE, 0);
    card_end(l);
    return h;
}

static void build_play(L *l) {
    df_Ui *ui = l->ui;
    float m = l->m, w = (float)ui->w, h = (float)ui->h;
    float rw = w * 0.30f;
    df_Rect rail = {m, m, rw, h - 2 * m - line_h(l, l->small)};
    build_rail(l, rail);
    float x = m + rw + m * 1.2f, cw = w - x - m, y = m;
    char head[512];
    snprintf(head, sizeof head, "%s \u00b7 %s", ui->sc->title, ui->sc->role);
    y += text(l, (df_Rect){x, y, cw, 1e6f}, head, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) + m * 0.3f;
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps);
    const char *said = ui->screen == DF_SCREEN_FEEDBACK && n ? (df_run_over(ui->run) && df_run_result(ui->run)->final_line && df_run_result(ui->run)->final_line[0] ? df_run_result(ui->run)->final_line : df_run_line(ui->run)) : df_run_line(ui->run);
    if (ui->screen == DF_SCREEN_FEEDBACK) {
        build_feedback(l, x, y, cw, h - m - line_h(l, l->small), said);
        footer(l, "Enter continue \u00b7 Esc scenarios \u00b7 Ctrl +/\u2212 text size");
    } else {
        y += speech(l, (df_Rect){x, y, cw, 0}, said, px_of(ui, 0.03f), true) + m * 0.5f;
        df_Rect area = {x, y, cw, h - y - m - line_h(l, l->small)};
        build_choices(l, area);
        footer(l, "1\u20139 choose \u00b7 \u2191\u2193/Tab move \u00b7 Enter select \u00b7 Esc scenarios");
    }
}

/* ---------------------------------------------------------------- debrief */

static void time_bar(L *l, df_Rect r, const double parts[4], double scale_max) {
    float x = r.x;
    for (int k = 0; k < 4; k++) {
        float wpart = scale_max > 0 ? (float)(parts[k] / scale_max) * r.w : 0;
        if (wpart < 0.5f) continue;
        df_dl_rect(l->dl, (df_Rect){x, r.y, wpart, r.h}, l->th->parts[k], 0);
        x += wpart;
    }
}

static double time_step(double max);

/* Debrief sections. Each draws its content from (x, y) in width w and returns the height
 * it used; a section given a height (the course, turning points) fits itself into it. */

/* The decisions (1-based) whose evidence on dimension d was e: "raised at 1, 3"; "" if none. */
static void evidence_text(const df_Step *steps, int n, int d, df_Evidence e, char *buf, size_t cap) {
    size_t o = 0;
    int k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && o + 16 < cap; i++) {
        if (steps[i].evidence[d] != e) continue;
        int w = k++ ? snprintf(buf + o, cap - o, ", %d", i + 1) : snprintf(buf + o, cap - o, "%s at %d", df_evidence_key(e), i + 1);
        if (w > 0) o += (size_t)w;
    }
}

/* One dimension's evidence as pieces: raised (good), held, lowered and missed (bad). */
static int evidence_segs(L *l, const df_Step *steps, int n, int d, char buf[4][512], Seg *seg) {
    static const df_Evidence kinds[4] = {DF_EVIDENCE_RAISED, DF_EVIDENCE_HELD, DF_EVIDENCE_LOWERED, DF_EVIDENCE_MISSED};
    int k = 0;
    for (int i = 0; i < 4; i++) {
        evidence_text(steps, n, d, kinds[i], buf[i], sizeof buf[i]);
        if (!buf[i][0]) continue;
        df_Color c = kinds[i] == DF_EVIDENCE_RAISED ? l->th->good : kinds[i] == DF_EVIDENCE_HELD ? l->th->ink_soft : l->th->bad;
        seg[k++] = (Seg){buf[i], c, false};
    }
    return k;
}

static float sec_rubric(L *l, float x, float y, float w) {
    df_Ui *ui = l->ui;
    const df_Result *r = df_run_result(ui->run);
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps);
    float m = l->m, pad = m * 0.5f, y0 = y, tw = w - 2 * pad, lh = line_h(l, l->small);
    y += pad;
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "Rubric", l->body, true, l->th->ink, DF_ALIGN_LEFT);
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "Evidence by decision, 1 = your first choice", l->small, false, l->th->ink_soft,
              DF_ALIGN_LEFT) + m * 0.2f;
    /* per dimension: its name, its bar and score, and the decisions that showed it beside
     * them; on one line when the card is wide, else the name above (and the decisions under
     * the bar when there is no room beside it) */
    float vw = text_w(l, "100", l->small, true), gap = m * 0.3f, labw = 0;
    for (int d = 0; d < DF_DIM_COUNT; d++)
        if (r->dims[d] >= 0 && text_w(l, df_dim_label((df_Dim)d), l->small, false) > labw) labw = text_w(l, df_dim_label((df_Dim)d), l->small, false);
    labw += gap;
    float bw = tw * 0.32f;
    bool wide = labw + tw * 0.2f + gap + vw + gap + 10 * (float)l->small <= tw;
    if (wide) bw = tw * 0.2f < 12 * (float)l->small ? tw * 0.2f : 12 * (float)l->small;
    float bx = wide ? labw : 0, ex = bx + bw + gap + vw + gap, ew = tw - ex;
    if (ew < 10 * (float)l->small) ew = tw, ex = 0;
    const char *sep = "\u00b7";
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        if (r->dims[d] < 0) continue;
        float lab_h = text(l, (df_Rect){x + pad, y, wide ? labw : tw, 1e6f}, df_dim_label((df_Dim)d), l->small, false, l->th->ink, DF_ALIGN_LEFT);
        if (!wide) y += lab_h;
        float bar = m * 0.3f > 4 ? m * 0.3f : 4, by = y + (lh - bar) / 2;
        df_dl_rect(l->dl, (df_Rect){x + pad + bx, by, bw, bar}, l->th->surface2, 0);
        df_dl_rect(l->dl, (df_Rect){x + pad + bx, by, bw * (float)r->dims[d] / 100.0f, bar}, l->th->accent, 0);
        ui->rubric_track[d] = bw;
        ui->rubric_fill[d] = bw * (float)r->dims[d] / 100.0f;
        char v[8];
        snprintf(v, sizeof v, "%d", r->dims[d]);
        text(l, (df_Rect){x + pad + bx + bw + gap, y, vw, lh}, v, l->small, true, l->th->ink, DF_ALIGN_RIGHT);
        char buf[4][512];
        Seg seg[4];
        int k = evidence_segs(l, steps, n, d, buf, seg);
        float eh = k ? flow(l, x + pad + ex, ex > 0 ? y : y + lh, ew, seg, k, l->small, sep, l->th->ink_soft, true) : 0;
        float row = ex > 0 ? (eh > lh ? eh : lh) : lh + eh;
        if (wide && lab_h > row) row = lab_h;
        y += row + m * (wide ? 0.18f : 0.22f);
    }
    /* the dimensions nothing in this run put at stake: listed, muted, never scored */
    Seg seg[DF_DIM_COUNT + 1];
    char lab[DF_DIM_COUNT][96];
    int k = 0, last = -1;
    seg[k++] = (Seg){"Not part of this run:", l->th->ink_soft, true};
    for (int d = 0; d < DF_DIM_COUNT; d++)
        if (r->dims[d] < 0) last = d;
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        if (r->dims[d] >= 0) continue;
        snprintf(lab[d], sizeof lab[d], "%s%s", df_dim_label((df_Dim)d), d == last ? "" : ",");
        seg[k++] = (Seg){lab[d], l->th->ink_soft, false};
    }
    if (k > 1) y += flow(l, x + pad, y, tw, seg, k, l->small, NULL, l->th->ink_soft, true) + m * 0.1f;
    y += m * 0.3f;
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "Score", l->body, true, l->th->ink, DF_ALIGN_LEFT);
    char sl[3][128];
    snprintf(sl[0], sizeof sl[0], "Choices %d%% (half the score)", (int)lround(r->choice_quality * 100));
    snprintf(sl[1], sizeof sl[1], "Outcome %d%% (30%%)", (int)lround(r->outcome_score * 100));
    if (r->time_scored) snprintf(sl[2], sizeof sl[2], "Time %d%% (20%%)", (int)lround(r->time_score * 100));
    else snprintf(sl[2], sizeof sl[2], "Time not scored: a safety exit");
    const Seg parts[3] = {{sl[0], l->th->ink, false}, {sl[1], l->th->ink, false}, {sl[2], l->th->ink, false}};
    y += flow(l, x + pad, y, tw, parts, 3, l->small, sep, l->th->ink_soft, true);
    if (r->critical)
        y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "A critical error caps the score at 20.", l->small, true, l->th->bad, DF_ALIGN_LEFT);
    return y + pad - y0;
}

/* The time card: this run's time to resolution in its parts, between a calm visit (the
 * scenario's calm baseline) and the escalated road (the most time to resolution of any path
 * that is not a safety exit), all three as the engine gave them, on one scale. */
static float sec_time(L *l, float x, float y, float w) {
    df_Ui *ui = l->ui;
    const df_Result *r = df_run_result(ui->run);
    const df_Forecast *road = ui->road && ui->road->valid ? ui->road : NULL;
    float m = l->m, pad = m * 0.5f, y0 = y, tw = w - 2 * pad;
    char line[512], t1[24], t2[24];
    y += pad;
    df_minutes_text(r->total, false, t1, sizeof t1);
    df_minutes_text(r->baseline, false, t2, sizeof t2);
    const char *noun = df_contact_noun(df_channel_of(ui->sc ? ui->sc->setting : NULL));
    snprintf(line, sizeof line, "Time to resolution %s \u00b7 %.1f\u00d7 a calm %s (%s)", t1, r->ratio, noun, t2);
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, line, l->body, true, l->th->ink, DF_ALIGN_LEFT);
    if (r->follow_on > 0)
        snprintf(line, sizeof line, "%.1f\u00d7 in the conversation itself; the follow-on work it caused (complaints, call-backs, supervisor time) adds the rest.", r->ratio_interaction);
    else
        snprintf(line, sizeof line, "No follow-on work: the interaction was the whole cost.");
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, line, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) + m * 0.2f;
    /* the road leaves out paths that go back over ground already covered; a run that did so
     * can take longer, and then the label says why */
    bool circled = road && r->total > road->spent + road->worst + 0.005;
    char calm_label[40];
    snprintf(calm_label, sizeof calm_label, "A calm %s", noun);
    const char *names[3] = {calm_label, "This run",
                            circled         ? "The escalated road, without going round in circles"
                            : road && road->sampled ? "The escalated road (sampled)"
                                                    : "The escalated road"};
    double you[4] = {r->conversation, r->task, r->rework, r->follow_on};
    double totals[3] = {r->baseline, r->total, road ? road->spent + road->worst : 0};
    bool shown[3] = {true, true, road || ui->road_pending};
    double scale_max = 0;
    for (int k = 0; k < 3; k++)
        if (shown[k] && totals[k] > scale_max) scale_max = totals[k];
    float valw = text_w(l, "0:00:00", l->small, true) + m * 0.2f;
    float labw = 0;
    for (int k = 0; k < 3; k++) {
        float lw = text_w(l, names[k], l->small, k == 1) + m * 0.3f;
        if (shown[k] && lw > labw) labw = lw;
    }
    bool stacked = labw > tw * 0.4f; /* narrow: label above its bar */
    float barw = stacked ? tw - valw : tw - labw - valw;
    float rowh = line_h(l, l->small);
    ui->time_scale = scale_max > 0 ? scale_max / barw : 0;
    for (int k = 0; k < 3; k++) {
        ui->time_rows[k] = (df_Rect){0, 0, 0, 0};
        if (!shown[k]) continue;
        float by = y;
        if (stacked) {
            y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, names[k], l->small, k == 1, l->th->ink, DF_ALIGN_LEFT);
            by = y;
        } else {
            text(l, (df_Rect){x + pad, y, labw, rowh}, names[k], l->small, k == 1, l->th->ink, DF_ALIGN_LEFT);
        }
        float bx = x + pad + (stacked ? 0 : labw);
        df_Rect bar = {bx, by + rowh * 0.15f, 0, rowh * 0.7f};
        if (k == 2 && !road) { /* still being worked out: say so where the bar will be */
            text(l, (df_Rect){bx, by, barw + valw, rowh}, "being worked out\u2026", l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
            y = by + rowh + m * 0.2f;
            continue;
        }
        bar.w = scale_max > 0 ? (float)(totals[k] / scale_max) * barw : 0;
        if (k == 1) time_bar(l, (df_Rect){bar.x, bar.y, barw, bar.h}, you, scale_max);
        else if (bar.w >= 0.5f) df_dl_rect(l->dl, bar, with_alpha(l->th->ink_soft, 150), 0); /* the references, muted */
        ui->time_rows[k] = bar;
        df_minutes_text(totals[k], false, t1, sizeof t1);
        text(l, (df_Rect){bx + barw, by, valw, rowh}, t1, l->small, true, l->th->ink, DF_ALIGN_RIGHT);
        y = by + rowh + m * 0.2f;
    }
    /* legend of this run's parts, wrapping when narrow */
    const char *legend[4] = {"conversation", "task", "rework", "follow-on"};
    float lx = x + pad, sw = rowh * 0.5f;
    const char *lead = "This run:";
    float leadw = text_w(l, lead, l->small, false) + m * 0.3f;
    text(l, (df_Rect){lx, y, leadw, rowh}, lead, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    lx += leadw;
    for (int k = 0; k < 4; k++) {
        float need = sw * 1.4f + text_w(l, legend[k], l->small, false) + m * 0.6f;
        if (lx + need > x + pad + tw && lx > x + pad) {
            lx = x + pad;
            y += rowh;
        }
        df_dl_rect(l->dl, (df_Rect){lx, y + rowh * 0.25f, sw, sw}, l->th->parts[k], 2);
        lx += sw * 1.4f;
        text(l, (df_Rect){lx, y, need - sw * 1.4f, rowh}, legend[k], l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        lx += need - sw * 1.4f;
    }
    y += rowh;
    return y + pad - y0;
}

/* A dashed segment from (x0, y0) to (x1, y1). */
static void dashed_seg(df_DrawList *dl, float x0, float y0, float x1, float y1, float thick, float dash, df_Color c) {
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 1) return;
    for (float t = 0; t < len; t += dash * 2) {
        float e = t + dash < len ? t + dash : len;
        df_dl_line(dl, x0 + dx * t / len, y0 + dy * t / len, x0 + dx * e / len, y0 + dy * e / len, thick, c);
    }
}

/* Where decision point i of npts sits (0 is the start, i the state after choice i). */
static float dec_x(df_Rect plot, int i, int npts) {
    return npts > 1 ? plot.x + plot.w * (float)i / (float)(npts - 1) : plot.x + plot.w / 2;
}

/* The decision numbers under a plot: "start", 1, 2, ...; every k-th when they would crowd. */
static void dec_labels(L *l, df_Rect plot, int npts, float y, float left) {
    float lh = line_h(l, l->small), need = text_w(l, "00", l->small, false) + l->m * 0.4f;
    float per = npts > 1 ? plot.w / (float)(npts - 1) : plot.w;
    int every = 1;
    while (per * (float)every < need && every < npts) every++;
    float sw = text_w(l, "start", l->small, false), last_right = -1e9f;
    for (int i = 0; i < npts; i++) {
        char t[16];
        if (i == 0) snprintf(t, sizeof t, "start");
        else if (i % every == 0 || i == npts - 1) snprintf(t, sizeof t, "%d", i);
        else continue;
        float tw = text_w(l, t, l->small, false), cx = dec_x(plot, i, npts);
        float x0 = i == 0 ? (cx - sw / 2 < left ? left : cx - sw / 2) : cx - tw / 2;
        if (x0 + tw > plot.x + plot.w + l->m * 0.3f) x0 = plot.x + plot.w + l->m * 0.3f - tw;
        if (x0 < last_right + l->m * 0.2f) continue; /* the last one, too close to the one before */
        text(l, (df_Rect){x0, y, tw + 1, lh}, t, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        last_right = x0 + tw;
    }
}

/* The forecast at decision point i: the start's, then after each choice. */
static const df_Forecast *point_forecast(const df_Run *run, const df_Step *steps, int i) {
    return i == 0 ? df_run_start_forecast(run) : &steps[i - 1].forecast;
}

/* Minutes on a chart's axis: "20 min". */
static void axis_min(double v, double step, char *buf, size_t cap) {
    if (step >= 1) snprintf(buf, cap, "%.0f min", v);
    else snprintf(buf, cap, "%.1f min", v);
}

/* The forecast chart: the typical projected time to resolution at each decision (a line
 * with dots) and the best still reachable (dashed, with squares; only where some road still
 * resolves, so not at the end), in minutes. */
static void forecast_panel(L *l, df_Rect r) {
    df_Ui *ui = l->ui;
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps), npts = n + 1;
    float m = l->m, lh = line_h(l, l->small), y = r.y;
    ui->forecast_points = 0;
    ui->forecast_plot = (df_Rect){0, 0, 0, 0};
    double top = 0;
    bool sampled = false, gaps = false;
    for (int i = 0; i < npts; i++) {
        const df_Forecast *f = point_forecast(ui->run, steps, i);
        if (!f->valid) continue;
        sampled |= f->sampled;
        gaps |= !f->resolves && !(i == n && df_run_over(ui->run));
        if (df_forecast_typical_total(f) > top) top = df_forecast_typical_total(f);
        if (f->resolves && df_forecast_best_total(f) > top) top = df_forecast_best_total(f);
    }
    const Seg title[2] = {{"Forecast time to resolution", l->th->ink, true}, {sampled ? "(sampled)" : "", l->th->ink_soft, false}};
    y += flow(l, r.x, y, r.w, title, 2, l->small, NULL, l->th->ink, true);
    if (top <= 0) {
        text(l, (df_Rect){r.x, y, r.w, 1e6f}, "No forecast was kept for this run.", l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        return;
    }
    /* the key: a solid line and dot for typical, a dashed line and square for best */
    float thick = lh * 0.08f > 2 ? lh * 0.08f : 2, sw = lh * 1.4f, dot = lh * 0.2f > 3 ? lh * 0.2f : 3; /* marks grow with the text */
    const char *kt = "typical", *kb = gaps ? "best, where a road still resolves" : "best";
    float w1 = sw + m * 0.2f + text_w(l, kt, l->small, false), w2 = sw + m * 0.2f + text_w(l, kb, l->small, false);
    bool one = w1 + m * 0.6f + w2 <= r.w;
    float kx = r.x, ky = y + lh / 2;
    df_dl_line(l->dl, kx, ky, kx + sw, ky, thick, l->th->ink);
    df_dl_ellipse(l->dl, kx + sw / 2, ky, dot, dot, l->th->ink);
    text(l, (df_Rect){kx + sw + m * 0.2f, y, w1 - sw - m * 0.2f + 1, lh}, kt, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    if (one) kx += w1 + m * 0.6f;
    else y += lh;
    ky = y + lh / 2;
    dashed_seg(l->dl, kx, ky, kx + sw, ky, thick, m * 0.15f, l->th->accent);
    df_dl_rect(l->dl, (df_Rect){kx + sw / 2 - dot, ky - dot, 2 * dot, 2 * dot}, l->th->accent, 0);
    text(l, (df_Rect){kx + sw + m * 0.2f, y, w2 - sw - m * 0.2f + 1, lh}, kb, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    y += lh * 1.2f;
    /* the scale: round minutes */
    double step = time_step(top * 1.05), ymax = ceil(top * 1.05 / step) * step;
    float axw = 0;
    char t[32];
    for (double v = 0; v <= ymax + 1e-9; v += step) {
        axis_min(v, step, t, sizeof t);
        float tw = text_w(l, t, l->small, false);
        if (tw > axw) axw = tw;
    }
    axw += m * 0.3f;
    df_Rect plot = {r.x + axw, y + lh * 0.5f, r.w - axw - m * 0.3f, r.y + r.h - lh * 1.2f - (y + lh * 0.5f)};
    if (plot.h < lh) plot.h = lh;
    ui->forecast_plot = plot;
    ui->forecast_max = ymax;
    int ticks = (int)lround(ymax / step);
    bool labels = plot.h / (float)(ticks ? ticks : 1) >= lh * 1.05f;
    for (int k = 0; k <= ticks; k++) {
        double v = step * k;
        float gy = plot.y + plot.h * (float)(1 - v / ymax), gt = m * 0.03f > 1 ? m * 0.03f : 1;
        df_dl_line(l->dl, plot.x, gy, plot.x + plot.w, gy, gt, k == 0 ? l->th->ink_soft : l->th->line);
        if (!labels && k != 0 && k != ticks) continue;
        axis_min(v, step, t, sizeof t);
        float ly = gy - lh / 2;
        if (ly < plot.y - lh * 0.5f) ly = plot.y - lh * 0.5f;
        text(l, (df_Rect){r.x, ly, axw - m * 0.3f + 1, lh}, t, l->small, false, l->th->ink_soft, DF_ALIGN_RIGHT); /* +1: the measured width exactly, which must not wrap */
    }
    /* best: dashed, squares; typical: solid, dots on top */
    for (int pass = 0; pass < 2; pass++) {
        bool have = false;
        float px0 = 0, py0 = 0;
        for (int i = 0; i < npts; i++) {
            const df_Forecast *f = point_forecast(ui->run, steps, i);
            if (!f->valid || (pass == 0 && !f->resolves)) {
                have = false;
                continue;
            }
            double v = pass == 0 ? df_forecast_best_total(f) : df_forecast_typical_total(f);
            float cx = dec_x(plot, i, npts), cy = plot.y + plot.h * (float)(1 - v / ymax);
            if (have) {
                if (pass == 0) dashed_seg(l->dl, px0, py0, cx, cy, thick, m * 0.15f, l->th->accent);
                else df_dl_line(l->dl, px0, py0, cx, cy, thick, l->th->ink);
            }
            px0 = cx, py0 = cy, have = true;
        }
        for (int i = 0; i < npts; i++) {
            const df_Forecast *f = point_forecast(ui->run, steps, i);
            if (!f->valid || (pass == 0 && !f->resolves)) continue;
            double v = pass == 0 ? df_forecast_best_total(f) : df_forecast_typical_total(f);
            float cx = dec_x(plot, i, npts), cy = plot.y + plot.h * (float)(1 - v / ymax);
            if (pass == 0) df_dl_rect(l->dl, (df_Rect){cx - dot * 0.85f, cy - dot * 0.85f, dot * 1.7f, dot * 1.7f}, l->th->accent, 0);
            else {
                df_dl_ellipse(l->dl, cx, cy, dot, dot, l->th->ink);
                ui->forecast_points++;
            }
        }
    }
    dec_labels(l, plot, npts, plot.y + plot.h + lh * 0.15f, r.x);
}

/* The agitation at each decision (the start, then after each choice), over the bands, with a
 * dot per choice coloured by its grade. */
static void agitation_panel(L *l, df_Rect r) {
    df_Ui *ui = l->ui;
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps), npts = n + 1;
    float m = l->m, lh = line_h(l, l->small), y = r.y;
    y += text(l, (df_Rect){r.x, y, r.w, 1e6f}, "Agitation", l->small, true, l->th->ink, DF_ALIGN_LEFT);
    y += text(l, (df_Rect){r.x, y, r.w, 1e6f}, "a dot per choice: green good, red poor", l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) + lh * 0.2f;
    float axw = text_w(l, "Threatening", l->small, false) + m * 0.3f;
    df_Rect plot = {r.x + axw, y + lh * 0.2f, r.w - axw - m * 0.3f, r.y + r.h - lh * 1.2f - (y + lh * 0.2f)};
    if (plot.h < lh) plot.h = lh;
    ui->agitation_plot = plot;
    bool labels = plot.h >= 4.5f * lh;
    for (int b = 0; b < DF_BAND_COUNT; b++) {
        float y0 = plot.y + plot.h * (1 - (float)(b + 1 < DF_BAND_COUNT ? df_band_floor((df_Band)(b + 1)) : 100) / 100);
        float y1 = plot.y + plot.h * (1 - (float)df_band_floor((df_Band)b) / 100);
        df_dl_rect(l->dl, (df_Rect){plot.x, y0, plot.w, y1 - y0}, with_alpha(l->th->band[b], 40), 0);
        const char *bn = df_band_name((df_Band)b);
        if (labels || b == 0 || b == DF_BAND_COUNT - 1)
            if (y1 - y0 >= lh * 0.9f || labels)
                text(l, (df_Rect){r.x, (y0 + y1 - lh) / 2, axw, lh}, bn, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    }
    float thick = lh * 0.09f > 2 ? lh * 0.09f : 2, dot = lh * 0.22f > 3 ? lh * 0.22f : 3;
    for (int i = 1; i < npts; i++) {
        double a0 = i == 1 ? steps[0].a_before : steps[i - 2].a_after, a1 = steps[i - 1].a_after;
        df_dl_line(l->dl, dec_x(plot, i - 1, npts), plot.y + plot.h * (1 - (float)a0 / 100), dec_x(plot, i, npts),
                   plot.y + plot.h * (1 - (float)a1 / 100), thick, l->th->ink);
    }
    for (int i = 0; i < npts; i++) {
        double a = i == 0 ? (n ? steps[0].a_before : 0) : steps[i - 1].a_after;
        df_Color c = l->th->ink_soft;
        if (i > 0) c = steps[i - 1].grade <= DF_GRADE_GOOD ? l->th->good : steps[i - 1].grade >= DF_GRADE_POOR ? l->th->bad : l->th->ink_soft;
        df_dl_ellipse(l->dl, dec_x(plot, i, npts), plot.y + plot.h * (1 - (float)a / 100), dot, dot, c);
    }
    dec_labels(l, plot, npts, plot.y + plot.h + lh * 0.15f, r.x + axw * 0.5f);
}

/* Side by side when each chart keeps a useful width, else one over the other. */
static bool course_side(L *l, float w) { return (w - l->m * 1.6f) / 2 >= 15 * (float)l->small; }

static float course_min_h(L *l, float w) { return line_h(l, l->small) * (course_side(l, w) ? 10.0f : 18.0f); }

/* The run decision by decision: the forecast beside (or over) the agitation. */
static void sec_course(L *l, float x, float y, float w, float h) {
    float m = l->m, pad = m * 0.5f, gap = m * 0.6f;
    df_Rect in = {x + pad, y + pad * 0.7f, w - 2 * pad, h - pad * 1.2f};
    if (course_side(l, w)) {
        float half = (in.w - gap) / 2;
        forecast_panel(l, (df_Rect){in.x, in.y, half, in.h});
        agitation_panel(l, (df_Rect){in.x + half + gap, in.y, half, in.h});
    } else {
        float half = (in.h - gap) / 2;
        forecast_panel(l, (df_Rect){in.x, in.y, in.w, half});
        agitation_panel(l, (df_Rect){in.x, in.y + half + gap, in.w, half});
    }
}

/* Turning points from ui->scroll (two-column mode) that fit in h (or all when h is 0). */
static float sec_turning(L *l, float x, float y, float w, float h, int skip) {
    df_Ui *ui = l->ui;
    float m = l->m, pad = m * 0.5f, tw = w - 2 * pad, y0 = y;
    const df_Step *steps;
    int n = df_run_steps(ui->run, &steps);
    char line[128];
    y += pad;
    y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "Turning points", l->body, true, l->th->ink, DF_ALIGN_LEFT);
    float more_h = line_h(l, l->small);
    int shown = 0, skipped = 0, total = 0;
    for (int i = 0; i < n; i++) {
        const df_Step *s = &steps[i];
        if (s->best == s->choice || s->grade <= DF_GRADE_GOOD) continue;
        total++;
        if (skipped < skip) {
            skipped++;
            continue;
        }
        if (h > 0 && shown + skipped < total - 1 + 1 && 0) break;
        const df_Beat *bt = &ui->sc->beats[s->beat];
        char da[16], said_line[DF_LINE_MAX + 64], better[DF_LINE_MAX + 64];
        df_fmt_delta(s->a_after - s->a_before, da, sizeof da);
        snprintf(said_line, sizeof said_line, "%d. You said \u201c%s\u201d (%s, agitation %s)", i + 1, bt->choices[s->choice].text,
                 df_grade_key(s->grade), da);
        const df_Choice *bc = &bt->choices[s->best];
        snprintf(better, sizeof better, "Better: \u201c%s\u201d %s", bc->text, bc->coach ? bc->coach : "");
        float need = text_h(l, said_line, tw, l->small, false) + text_h(l, better, tw - m, l->small, false) + m * 0.3f;
        if (h > 0 && y + need > y0 + h - pad - more_h) break;
        y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, said_line, l->small, false, l->th->ink, DF_ALIGN_LEFT);
        y += text(l, (df_Rect){x + pad + m, y, tw - m, 1e6f}, better, l->small, false, l->th->good, DF_ALIGN_LEFT) + m * 0.3f;
        shown++;
    }
    if (total == 0)
        y += text(l, (df_Rect){x + pad, y, tw, 1e6f}, "None: every choice was the best or a good one.", l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    else if (h > 0 && shown + skipped < total) {
        snprintf(line, sizeof line, "%d more \u2014 Page Down", total - shown - skipped);
        text(l, (df_Rect){x + pad, y0 + h - pad - more_h, tw, more_h}, line, l->small, false, l->th->ink_soft, DF_ALIGN_RIGHT);
    }
    return (h > 0 ? h : y + pad - y0);
}

typedef float (*SecFn)(L *, float, float, float);

/* Height a section needs, measured by building it into a scratch list. */
static float measure(L *l, SecFn fn, float w) {
    df_DrawList scratch;
    df_dl_init(&scratch);
    L t = *l;
    t.dl = &scratch;
    float h = fn(&t, 0, 0, w);
    df_dl_deinit(&scratch);
    return h;
}

static float measure_turning(L *l, float w) {
    df_DrawList scratch;
    df_dl_init(&scratch);
    L t = *l;
    t.dl = &scratch;
    float h = sec_turning(&t, 0, 0, w, 0, 0);
    df_dl_deinit(&scratch);
    return h;
}

static void build_debrief(L *l) {
    df_Ui *ui = l->ui;
    const df_Result *r = df_run_result(ui->run);
    const df_Scenario *sc = ui->sc;
    float m = l->m, w = (float)ui->w, h = (float)ui->h;
    char line[512];
    float bottom = h - m - line_h(l, l->small);
    /* header */
    float y = m;
    snprintf(line, sizeof line, "Debrief \u00b7 %s", sc->title);
    float hy = text(l, (df_Rect){m, y, w - 2 * m, 1e6f}, line, l->head, true, l->th->ink, DF_ALIGN_LEFT);
    snprintf(line, sizeof line, "%s \u00b7 %s \u00b7 score %d/100", df_outcome_label(r->outcome),
             r->critical ? "critical error" : r->passed ? "passed" : "not passed", r->score);
    hy += text(l, (df_Rect){m, y + hy, w - 2 * m, 1e6f}, line, l->body, true, r->passed ? l->th->good : l->th->bad, DF_ALIGN_LEFT);
    y += hy + m * 0.4f;
    float top = y, avail = bottom - top;

    /* Two columns when everything fits; otherwise one scrolling column. */
    float lw = w * 0.30f, cw = w - 3 * m - lw;
    float rub_h = measure(l, sec_rubric, lw), time_h = measure(l, sec_time, cw);
    float tp_min = line_h(l, l->body) + 5 * line_h(l, l->small) + m;
    bool two = rub_h <= avail && time_h + course_min_h(l, cw) + tp_min + m * 0.8f <= avail && cw >= 28 * (float)l->small;
    if (two) {
        card_begin(l, (df_Rect){m, top, lw, avail});
        sec_rubric(l, m, top, lw);
        card_end(l);
        float x = 2 * m + lw, ry = top;
        card_begin(l, (df_Rect){x, ry, cw, time_h});
        sec_time(l, x, ry, cw);
        card_end(l);
        ry += time_h + m * 0.4f;
        float rest = bottom - ry - m * 0.4f;
        float tl_h = rest * 0.55f > course_min_h(l, cw) ? rest * 0.55f : course_min_h(l, cw);
        float tp_h = rest - tl_h;
        if (tp_h < tp_min) {
            tp_h = tp_min;
            tl_h = rest - tp_h;
        }
        card_begin(l, (df_Rect){x, ry, cw, tl_h});
        sec_course(l, x, ry, cw, tl_h);
        card_end(l);
        ry += tl_h + m * 0.4f;
        card_begin(l, (df_Rect){x, ry, cw, tp_h});
        sec_turning(l, x, ry, cw, tp_h, ui->scroll);
        card_end(l);
        footer2(l, "R replay \u00b7 P progress \u00b7 Page Up/Down turning points \u00b7 Esc scenarios",
                "R replay \u00b7 P progress \u00b7 Esc scenarios");
        return;
    }
    /* One column: time, timeline, rubric, turning points, scrolled by whole sections' lines. */
    float fw = w - 2 * m, tl_h = course_min_h(l, fw) * 1.3f;
    float tp_h = measure_turning(l, fw);
    float rub1 = measure(l, sec_rubric, fw), time1 = measure(l, sec_time, fw);
    float content = time1 + tl_h + rub1 + tp_h + 3 * m * 0.4f;
    float step = line_h(l, l->body) * 3, max_off = content > avail ? content - avail : 0;
    float off = (float)ui->scroll * step;
    if (off > max_off) {
        off = max_off;
        ui->scroll = (int)ceilf(max_off / step);
    }
    df_dl_clip(l->dl, (df_Rect){0, top, w, avail});
    df_dl_push_bounds(l->dl, (df_Rect){0, top - content, w, content * 3}); /* scrolled: clipped, not overflowing */
    float yy = top - off;
    card_begin(l, (df_Rect){m, yy, fw, time1});
    sec_time(l, m, yy, fw);
    card_end(l);
    yy += time1 + m * 0.4f;
    card_begin(l, (df_Rect){m, yy, fw, tl_h});
    sec_course(l, m, yy, fw, tl_h);
    card_end(l);
    yy += tl_h + m * 0.4f;
    card_begin(l, (df_Rect){m, yy, fw, rub1});
    sec_rubric(l, m, yy, fw);
    card_end(l);
    yy += rub1 + m * 0.4f;
    card_begin(l, (df_Rect){m, yy, fw, tp_h});
    sec_turning(l, m, yy, fw, 0, 0);
    card_end(l);
    df_dl_pop_bounds(l->dl);
    df_dl_clip(l->dl, (df_Rect){0, 0, 0, 0});
    footer2(l, max_off > 0 ? "R replay \u00b7 P progress \u00b7 Page Up/Down scroll \u00b7 Esc scenarios" : "R replay \u00b7 P progress \u00b7 Esc scenarios",
            "R replay \u00b7 P progress \u00b7 Esc scenarios");
}

/* ---------------------------------------------------------------- progress */

typedef enum Mark { MK_CIRCLE, MK_SQUARE, MK_DIAMOND, MK_TRI_DOWN, MK_TRI_UP, MK_OCTAGON, MK_CROSS, MK_RING } Mark;

#define MARK_KINDS (DF_OUT_COUNT + 1) /* the outcomes, and abandoned */

/* Each outcome's marker: a shape of its own as well as a colour, so colour is never the
 * only cue. Index DF_OUT_COUNT is an abandoned (unfinished) attempt. */
static int mark_index(const char *key) {
    int o = df_outcome_from_key(key);
    return o < 0 ? DF_OUT_COUNT : o;
}

static Mark mark_shape(int k) {
    static const Mark shapes[MARK_KINDS] = {MK_CIRCLE, MK_SQUARE, MK_DIAMOND, MK_TRI_DOWN, MK_TRI_UP, MK_OCTAGON, MK_CROSS, MK_RING};
    return k >= 0 && k < MARK_KINDS ? shapes[k] : MK_RING;
}

static df_Color mark_color(const df_Theme *th, int k) {
    switch (k) {
    case DF_OUT_RESOLVED_SATISFIED:
    case DF_OUT_RESOLVED_ACCEPTED: return th->good;
    case DF_OUT_ROUTED: return th->accent;
    case DF_OUT_ESCALATED:
    case DF_OUT_BREACH: return th->bad;
    case DF_OUT_SAFETY_EXIT: return th->ink;
    default: return th->ink_soft;
    }
}

static const char *mark_label(int k) { return k < DF_OUT_COUNT ? df_outcome_label((df_Outcome)k) : "Unfinished (no score)"; }

/* A marker s pixels wide centred on (cx, cy); bg fills the hole of the ring. */
static void draw_mark(df_DrawList *dl, float cx, float cy, float s, Mark mk, df_Color c, df_Color bg) {
    float r = s / 2;
    switch (mk) {
    case MK_CIRCLE: df_dl_ellipse(dl, cx, cy, r, r, c); break;
    case MK_SQUARE: df_dl_rect(dl, (df_Rect){cx - r * 0.85f, cy - r * 0.85f, s * 0.85f, s * 0.85f}, c, 0); break;
    case MK_DIAMOND: {
        float p[8] = {cx, cy - r * 1.1f, cx + r * 1.1f, cy, cx, cy + r * 1.1f, cx - r * 1.1f, cy};
        df_dl_poly(dl, p, 4, c);
        break;
    }
    case MK_TRI_UP:
    case MK_TRI_DOWN: {
        float d = mk == MK_TRI_UP ? 1 : -1, rr = r * 1.15f;
        float p[6] = {cx, cy - d * rr, cx + rr, cy + d * rr * 0.8f, cx - rr, cy + d * rr * 0.8f};
        df_dl_poly(dl, p, 3, c);
        break;
    }
    case MK_OCTAGON: {
        float p[16];
        for (int i = 0; i < 8; i++) {
            float a = 3.14159265f / 8 + (float)i * 3.14159265f / 4;
            p[2 * i] = cx + r * cosf(a);
            p[2 * i + 1] = cy + r * sinf(a);
        }
        df_dl_poly(dl, p, 8, c);
        break;
    }
    case MK_CROSS: {
        float t = s * 0.28f > 2 ? s * 0.28f : 2, q = r * 0.8f;
        df_dl_line(dl, cx - q, cy - q, cx + q, cy + q, t, c);
        df_dl_line(dl, cx - q, cy + q, cx + q, cy - q, t, c);
        break;
    }
    case MK_RING: {
        float t = s * 0.22f > 1.5f ? s * 0.22f : 1.5f;
        df_dl_ellipse(dl, cx, cy, r, r, c);
        df_dl_ellipse(dl, cx, cy, r - t, r - t, bg);
        break;
    }
    }
}

/* A dashed horizontal line from x0 to x1. */
static void dashed(df_DrawList *dl, float x0, float x1, float y, float thick, float dash, df_Color c) {
    for (float x = x0; x < x1; x += dash * 2) df_dl_line(dl, x, y, x + dash < x1 ? x + dash : x1, y, thick, c);
}

/* A round step for the time axis: the whole minutes between gridlines. */
static double time_step(double max) {
    static const double steps[] = {0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 240};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (max / steps[i] <= 4) return steps[i];
    return ceil(max / 4 / 60) * 60;
}

/* The calm baseline's key: "calm baseline 5:00" (a range when the scenario changed between
 * attempts); its width with the dashed swatch. */
static float baseline_key(L *l, char *buf, size_t cap, double *bmin, double *bmax) {
    const df_Progress *p = l->ui->progress;
    char t1[16], t2[16];
    *bmin = *bmax = 0;
    for (int i = 0; i < p->n; i++) {
        double b = p->v[i].baseline;
        if (i == 0 || b < *bmin) *bmin = b;
        if (i == 0 || b > *bmax) *bmax = b;
    }
    buf[0] = '\0';
    if (!p->n) return 0;
    df_fmt_min(*bmin, t1, sizeof t1);
    df_fmt_min(*bmax, t2, sizeof t2);
    if (*bmax - *bmin < 1.0 / 120) snprintf(buf, cap, "calm baseline %s", t1);
    else snprintf(buf, cap, "calm baseline %s\u2013%s", t1, t2);
    return l->m * 0.9f + l->m * 0.3f + l->tm->width(l->tm->ud, buf, strlen(buf), l->small, false);
}

static void baseline_key_draw(L *l, float x, float y, const char *key, float kw, df_Color bg) {
    float lh = line_h(l, l->small), sw = l->m * 0.9f;
    (void)bg;
    dashed(l->dl, x, x + sw, y + lh / 2, l->m * 0.1f > 2 ? l->m * 0.1f : 2, l->m * 0.2f, l->th->ink);
    text(l, (df_Rect){x + sw + l->m * 0.3f, y, kw - sw - l->m * 0.3f + 1, lh}, key, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
}

static const char *chart_title(bool time) { return time ? "Time to resolution" : "Score (0\u2013100)"; }

/* Whether the baseline's key fits beside the time chart's title in a card w wide (else it
 * goes to the legend under the charts, so both charts keep the same height). */
static bool key_beside_title(L *l, float w) {
    char key[64];
    double a, b;
    float kw = baseline_key(l, key, sizeof key, &a, &b);
    const char *t = chart_title(true);
    return kw > 0 && l->tm->width(l->tm->ud, t, strlen(t), l->small, true) + l->m * 0.6f + kw <= w - l->m;
}

/* One chart card: score (0..100) or time to resolution per attempt, a marker per attempt
 * by outcome, unfinished attempts in a lane under the axis (they have no score and no time
 * to resolution), and for time the calm baseline as a dashed reference line. */
static void progress_chart(L *l, df_Rect r, bool time) {
    df_Ui *ui = l->ui;
    const df_Progress *p = ui->progress;
    float m = l->m, pad = m * 0.5f, lh = line_h(l, l->small);
    int n = p->n;
    char key[64], t1[16];
    card_begin(l, r);
    float x = r.x + pad, y = r.y + pad * 0.7f, w = r.w - 2 * pad;
    /* title, and for time the baseline's key at the right when it fits */
    double bmin, bmax;
    float kw = baseline_key(l, key, sizeof key, &bmin, &bmax);
    bool key_here = time && key_beside_title(l, r.w);
    text(l, (df_Rect){x, y, key_here ? w - kw - m * 0.6f : w, lh}, chart_title(time), l->small, true, l->th->ink, DF_ALIGN_LEFT);
    if (key_here) baseline_key_draw(l, x + w - kw, y, key, kw, l->th->surface);
    y += lh * 1.4f;
    /* scale */
    double ymax = 100, step = 50;
    if (time) {
        double mx = bmax;
        for (int i = 0; i < n; i++)
            if (p->v[i].score >= 0 && p->v[i].total > mx) mx = p->v[i].total;
        if (mx <= 0) mx = 1;
        step = time_step(mx * 1.05);
        ymax = ceil(mx * 1.05 / step) * step;
    }
    bool lane = false;
    for (int i = 0; i < n; i++) lane |= p->v[i].score < 0;
    float axw = 0;
    for (double v = 0; v <= ymax + 1e-9; v += step) {
        if (time) df_fmt_min(v, t1, sizeof t1);
        else snprintf(t1, sizeof t1, "%d", (int)v);
        float tw = l->tm->width(l->tm->ud, t1, strlen(t1), l->small, false);
        if (tw > axw) axw = tw;
    }
    axw += m * 0.3f;
    float mk = m * 0.6f;
    float lane_h = lane ? mk * 1.8f : 0, xl_h = lh * 1.1f;
    df_Rect plot = {x + axw, y + lh * 0.5f, w - axw - mk * 0.5f, r.y + r.h - pad * 0.7f - xl_h - lane_h - (y + lh * 0.5f)};
    if (plot.h < lh) plot.h = lh;
    if (n) {
        float per = plot.w / (float)n;
        if (mk > per * 0.75f) mk = per * 0.75f;
        if (mk < 7) mk = 7;
    }
    if (time) ui->time_plot = plot;
    else ui->score_plot = plot;
    /* gridlines and their labels (labels only when there is room between them) */
    int ticks = (int)lround(ymax / step);
    bool labels = plot.h / (float)(ticks ? ticks : 1) >= lh * 1.05f;
    for (int k = 0; k <= ticks; k++) {
        double v = step * k;
        float gy = plot.y + plot.h * (float)(1 - v / ymax);
        float gt = m * 0.03f > 1 ? m * 0.03f : 1; /* hairlines that stay visible on 4K */
        df_dl_line(l->dl, plot.x, gy, plot.x + plot.w, gy, gt, k == 0 ? l->th->ink_soft : l->th->line);
        if (!labels && k != 0 && k != ticks) continue;
        if (time) df_fmt_min(v, t1, sizeof t1);
        else snprintf(t1, sizeof t1, "%d", (int)v);
        float ly = gy - lh / 2;
        if (ly < plot.y - lh * 0.5f) ly = plot.y - lh * 0.5f;
        text(l, (df_Rect){x - 2, ly, axw - m * 0.3f + 2, lh}, t1, l->small, false, l->th->ink_soft, DF_ALIGN_RIGHT);
    }
    /* the calm baseline: a dashed line per stretch of attempts with the same baseline */
    ui->baseline_y = -1;
    if (time && n) {
        float thick = m * 0.1f > 2 ? m * 0.1f : 2;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && fabs(p->v[j + 1].baseline - p->v[i].baseline) < 1.0 / 120) j++;
            float by = plot.y + plot.h * (float)(1 - p->v[i].baseline / ymax);
            float x0 = i == 0 ? plot.x : plot.x + plot.w * (float)i / (float)n;
            float x1 = j == n - 1 ? plot.x + plot.w : plot.x + plot.w * (float)(j + 1) / (float)n;
            dashed(l->dl, x0, x1, by, thick, m * 0.25f, l->th->ink);
            ui->baseline_y = by;
            i = j + 1;
        }
    }
    /* the line through the finished attempts, then the markers on top */
    float lt = m * 0.06f > 2 ? m * 0.06f : 2;
    float px0 = 0, py0 = 0;
    bool have = false;
    for (int i = 0; i < n; i++) {
        const df_ProgressPoint *q = &p->v[i];
        if (q->score < 0) continue;
        float cx = plot.x + plot.w * ((float)i + 0.5f) / (float)n;
        double v = time ? q->total : q->score;
        float cy = plot.y + plot.h * (float)(1 - (v > ymax ? ymax : v) / ymax);
        if (have) df_dl_line(l->dl, px0, py0, cx, cy, lt, with_alpha(l->th->ink_soft, 160));
        px0 = cx, py0 = cy, have = true;
    }
    for (int i = 0; i < n; i++) {
        const df_ProgressPoint *q = &p->v[i];
        int k = mark_index(q->outcome);
        float cx = plot.x + plot.w * ((float)i + 0.5f) / (float)n, cy;
        if (q->score < 0) cy = plot.y + plot.h + lane_h / 2 + 1;
        else {
            double v = time ? q->total : q->score;
            cy = plot.y + plot.h * (float)(1 - (v > ymax ? ymax : v) / ymax);
        }
        draw_mark(l->dl, cx, cy, mk, mark_shape(k), mark_color(l->th, k), l->th->surface);
        ui->markers++;
    }
    /* the attempts under the axis: first and last, with their dates when they fit */
    if (n) {
        float xy = plot.y + plot.h + lane_h + lh * 0.1f;
        const df_ProgressPoint *a = &p->v[0], *b = &p->v[n - 1];
        char la[64], lb[64];
        snprintf(la, sizeof la, "#%d \u00b7 %s", a->number, a->date);
        snprintf(lb, sizeof lb, "#%d \u00b7 %s", b->number, b->date);
        float wa = l->tm->width(l->tm->ud, la, strlen(la), l->small, false), wb = l->tm->width(l->tm->ud, lb, strlen(lb), l->small, false);
        float half_l = w / 2 - axw + m * 0.3f, half_r = w / 2;
        if (n == 1 || wa > half_l - m * 0.3f || wb > half_r - m * 0.3f) { /* no room for the dates: the numbers only */
            snprintf(la, sizeof la, "#%d", a->number);
            snprintf(lb, sizeof lb, "#%d", b->number);
            if (n == 1 && wa <= w) snprintf(la, sizeof la, "#%d \u00b7 %s", a->number, a->date);
        }
        if (n == 1) text(l, (df_Rect){x, xy, w, lh}, la, l->small, false, l->th->ink_soft, DF_ALIGN_CENTER);
        else {
            text(l, (df_Rect){x + axw - m * 0.3f, xy, half_l, lh}, la, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
            text(l, (df_Rect){x + w / 2, xy, half_r, lh}, lb, l->small, false, l->th->ink_soft, DF_ALIGN_RIGHT);
        }
    }
    card_end(l);
}

/* The summary tiles: label, value, and a line under it. */
typedef struct Tile {
    char label[64], value[32], sub[160], brief[96]; /* brief: the sub when it would wrap */
} Tile;

static const char *tile_sub(L *l, const Tile *t, float w) {
    float pad = l->m * 0.45f;
    if (t->brief[0] && text_h(l, t->sub, w - 2 * pad, l->small, false) > line_h(l, l->small) * 1.5f) return t->brief;
    return t->sub;
}

static float tile_h(L *l, const Tile *t, float w, int vpx) {
    float pad = l->m * 0.45f;
    return 2 * pad + text_h(l, t->label, w - 2 * pad, l->small, false) + text_h(l, t->value, w - 2 * pad, vpx, true) +
           (t->sub[0] ? text_h(l, tile_sub(l, t, w), w - 2 * pad, l->small, false) : 0);
}

static void tile_draw(L *l, const Tile *t, df_Rect r, int vpx) {
    float pad = l->m * 0.45f, w = r.w - 2 * pad, y = r.y + pad;
    card_begin(l, r);
    y += text(l, (df_Rect){r.x + pad, y, w, 1e6f}, t->label, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    y += text(l, (df_Rect){r.x + pad, y, w, 1e6f}, t->value, vpx, true, l->th->ink, DF_ALIGN_LEFT);
    if (t->sub[0]) text(l, (df_Rect){r.x + pad, y, w, 1e6f}, tile_sub(l, t, r.w), l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
    card_end(l);
}

static int progress_tiles(const df_Progress *p, Tile *t) {
    char a[16], b[16];
    memset(t, 0, 3 * sizeof *t);
    snprintf(t[0].label, sizeof t[0].label, "Best score");
    if (p->best >= 0) snprintf(t[0].value, sizeof t[0].value, "%d", p->best);
    else snprintf(t[0].value, sizeof t[0].value, "\u2014");
    if (p->unfinished)
        snprintf(t[0].sub, sizeof t[0].sub, "%d attempt%s, %d unfinished", p->total, p->total == 1 ? "" : "s", p->unfinished);
    else snprintf(t[0].sub, sizeof t[0].sub, "%d attempt%s", p->total, p->total == 1 ? "" : "s");
    if (p->finished == 0) {
        snprintf(t[1].label, sizeof t[1].label, "Time to resolution");
        snprintf(t[1].value, sizeof t[1].value, "\u2014");
        snprintf(t[1].sub, sizeof t[1].sub, "no finished attempt yet");
        return 2;
    }
    df_fmt_min(p->first_total, a, sizeof a);
    double ratio = p->first_baseline > 0 ? p->first_total / p->first_baseline : 0;
    if (p->finished == 1) {
        snprintf(t[1].label, sizeof t[1].label, "Time to resolution");
        snprintf(t[1].value, sizeof t[1].value, "%s", a);
        snprintf(t[1].sub, sizeof t[1].sub, "%s \u00b7 %.1f\u00d7 the calm baseline", p->first_date, ratio);
        snprintf(t[1].brief, sizeof t[1].brief, "%s \u00b7 %.1f\u00d7 calm", p->first_date, ratio);
        return 2;
    }
    snprintf(t[1].label, sizeof t[1].label, "First time to resolution");
    snprintf(t[1].value, sizeof t[1].value, "%s", a);
    snprintf(t[1].sub, sizeof t[1].sub, "%s \u00b7 %.1f\u00d7 the calm baseline", p->first_date, ratio);
    snprintf(t[1].brief, sizeof t[1].brief, "%s \u00b7 %.1f\u00d7 calm", p->first_date, ratio);
    df_fmt_min(p->latest_total, b, sizeof b);
    snprintf(t[2].label, sizeof t[2].label, "Latest time to resolution");
    snprintf(t[2].value, sizeof t[2].value, "%s", b);
    double d = p->latest_total - p->first_total;
    df_fmt_min(fabs(d), a, sizeof a);
    if (fabs(d) < 0.5 / 60) {
        snprintf(t[2].sub, sizeof t[2].sub, "%s \u00b7 the same as the first", p->latest_date);
        snprintf(t[2].brief, sizeof t[2].brief, "%s \u00b7 the same", p->latest_date);
    } else {
        snprintf(t[2].sub, sizeof t[2].sub, "%s \u00b7 %s %s than the first", p->latest_date, a, d < 0 ? "quicker" : "slower");
        snprintf(t[2].brief, sizeof t[2].brief, "%s \u00b7 %s %s", p->latest_date, a, d < 0 ? "quicker" : "slower");
    }
    return 3;
}

/* The outcomes that appear, each with its marker, wrapping; returns the height (draw: false
 * measures only). */
static float progress_legend(L *l, float x, float y, float w, bool draw, bool with_key) {
    const df_Progress *p = l->ui->progress;
    bool seen[MARK_KINDS] = {false};
    for (int i = 0; i < p->n; i++) seen[mark_index(p->v[i].outcome)] = true;
    float lh = line_h(l, l->small), s = lh * 0.55f, lx = x, ly = y;
    bool any = false;
    if (with_key) { /* the baseline's key, when it did not fit beside the chart's title */
        char key[64];
        double a, b;
        float kw = baseline_key(l, key, sizeof key, &a, &b);
        if (kw > 0) {
            if (draw) baseline_key_draw(l, lx, ly, key, kw, l->th->bg);
            lx += kw + l->m * 0.8f;
            any = true;
        }
    }
    for (int k = 0; k < MARK_KINDS; k++) {
        if (!seen[k]) continue;
        const char *lab = mark_label(k);
        float need = s * 1.6f + l->tm->width(l->tm->ud, lab, strlen(lab), l->small, false);
        if (lx > x && lx + need > x + w) {
            lx = x;
            ly += lh;
        }
        if (draw) {
            draw_mark(l->dl, lx + s / 2, ly + lh / 2, s, mark_shape(k), mark_color(l->th, k), l->th->bg);
            text(l, (df_Rect){lx + s * 1.6f, ly, need - s * 1.6f + 1 < w - s * 1.6f ? need - s * 1.6f + 1 : w - s * 1.6f, lh}, lab,
                 l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        }
        lx += need + l->m * 0.8f;
        any = true;
    }
    return any ? ly + lh - y : 0;
}

static void build_progress(L *l) {
    df_Ui *ui = l->ui;
    const df_Progress *p = ui->progress;
    float m = l->m, w = (float)ui->w, h = (float)ui->h, fw = w - 2 * m;
    char line[512];
    ui->baseline_y = -1;
    ui->markers = 0;
    ui->score_plot = ui->time_plot = (df_Rect){0, 0, 0, 0};
    float y = m;
    snprintf(line, sizeof line, "Progress \u00b7 %s", p->title ? p->title : "");
    int hpx = l->head; /* the charts need the height more than the title needs the size */
    if (text_h(l, line, fw, hpx, true) > line_h(l, hpx) * 1.5f) hpx = l->body;
    y += text(l, (df_Rect){m, y, fw, 1e6f}, line, hpx, true, l->th->ink, DF_ALIGN_LEFT);
    if (p->total > p->n)
        snprintf(line, sizeof line, "Attempts by %s, oldest first \u00b7 the charts show the last %d of %d", p->learner ? p->learner : "you",
                 p->n, p->total);
    else snprintf(line, sizeof line, "Attempts by %s, oldest first", p->learner ? p->learner : "you");
    y += text(l, (df_Rect){m, y, fw, 1e6f}, line, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT) + m * 0.5f;
    float bottom = h - m * 0.5f - line_h(l, l->small) * 1.3f;
    footer(l, "Esc back \u00b7 Ctrl +/\u2212 text size");
    if (p->error || p->total == 0) { /* the empty state: say what will be here */
        const char *head = p->error ? "The training record cannot be read" : "No attempts yet";
        char body[768];
        if (p->error) snprintf(body, sizeof body, "%s", p->error);
        else snprintf(body, sizeof body, "Play this scenario and every attempt \u2014 its score, how long it took to resolve "
                                         "and how it ended \u2014 is charted here, oldest to newest. Esc goes back.");
        float cw = fw < px_of(ui, 0.9f) ? fw : px_of(ui, 0.9f), pad = m * 0.7f;
        float ch = 2 * pad + text_h(l, head, cw - 2 * pad, l->body, true) + m * 0.3f + text_h(l, body, cw - 2 * pad, l->small, false);
        df_Rect r = {(w - cw) / 2, y + (bottom - y - ch) * 0.3f, cw, ch};
        if (r.y < y) r.y = y;
        card_begin(l, r);
        float yy = r.y + pad;
        yy += text(l, (df_Rect){r.x + pad, yy, cw - 2 * pad, 1e6f}, head, l->body, true, l->th->ink, DF_ALIGN_LEFT) + m * 0.3f;
        text(l, (df_Rect){r.x + pad, yy, cw - 2 * pad, 1e6f}, body, l->small, false, l->th->ink_soft, DF_ALIGN_LEFT);
        card_end(l);
        return;
    }
    /* tiles: side by side; the value shrinks to body size when the charts would be cramped */
    Tile t[3];
    int nt = progress_tiles(p, t);
    float gap = m * 0.4f, tw = (fw - gap * (float)(nt - 1)) / (float)nt;
    float half = (fw - gap) / 2;
    bool side = half >= 14 * (float)l->small; /* charts side by side, else one over the other */
    bool key_below = !key_beside_title(l, side ? half : fw);
    float leg_h = progress_legend(l, m, 0, fw, false, key_below);
    int vpx = l->head;
    float th = 0;
    for (int pass = 0; pass < 2; pass++) {
        th = 0;
        for (int i = 0; i < nt; i++)
            if (tile_h(l, &t[i], tw, vpx) > th) th = tile_h(l, &t[i], tw, vpx);
        float chart_h = bottom - (y + th + m * 0.4f) - leg_h - m * 0.3f;
        if (chart_h >= line_h(l, l->small) * 9 || vpx == l->body) break;
        vpx = l->body;
    }
    for (int i = 0; i < nt; i++) tile_draw(l, &t[i], (df_Rect){m + (tw + gap) * (float)i, y, tw, th}, vpx);
    y += th + m * 0.4f;
    /* the two charts: side by side when each keeps a useful width, else one over the other */
    float chart_h = bottom - y - leg_h - m * 0.3f;
    float minh = line_h(l, l->small) * 5;
    if (chart_h < minh) chart_h = minh;
    if (side || chart_h < 2 * minh + gap) {
        progress_chart(l, (df_Rect){m, y, half, chart_h}, false);
        progress_chart(l, (df_Rect){m + half + gap, y, half, chart_h}, true);
    } else {
        float ch = (chart_h - gap) / 2;
        progress_chart(l, (df_Rect){m, y, fw, ch}, false);
        progress_chart(l, (df_Rect){m, y + ch + gap, fw, ch}, true);
    }
    y += chart_h + m * 0.3f;
    progress_legend(l, m, y, fw, true, key_below);
}

/* ---------------------------------------------------------------- authoring overlays */

static void build_overlays(L *l) {
    df_Ui *ui = l->ui;
    float m = l->m, w = (float)ui->w, h = (float)ui->h, pad = m * 0.5f;
    if (ui->jump_open && ui->sc) {
        float cw = w * 0.4f, lh = line_h(l, l->small);
        int n = ui->sc->nbeats, rows = (int)((h * 0.7f - 3 * lh) / lh);
        if (rows < 3) rows = 3;
        if (ui->jump_focus >= n) ui->jump_focus = n - 1;
        if (ui->jump_focus < 0) ui->jump_focus = 0;
        int first = ui->jump_focus - rows / 2;
        if (first > n - rows) first = n - rows;
        if (first < 0) first = 0;
        int shown = n - first < rows ? n - first : rows;
        float ch = 2 * pad + lh * 1.5f + (float)shown * lh;
        df_Rect r = {(w - cw) / 2, (h - ch) / 2, cw, ch};
        df_dl_rect(l->dl, (df_Rect){0, 0, w, h}, with_alpha(l->th->ink, 90), 0);
        card_begin(l, r);
        text(l, (df_Rect){r.x + pad, r.y + pad, cw - 2 * pad, lh * 1.5f}, "Start from a beat (Enter; Esc closes)", l->small, true,
             l->th->ink, DF_ALIGN_LEFT);
        for (int i = 0; i < shown; i++) {
            int b = first + i;
            float y = r.y + pad + lh * 1.5f + (float)i * lh;
            if (b == ui->jump_focus) df_dl_rect(l->dl, (df_Rect){r.x + pad * 0.5f, y, cw - pad, lh}, with_alpha(l->th->accent, 60), 4);
            text(l, (df_Rect){r.x + pad, y, cw - 2 * pad, lh}, ui->sc->beats[b].id, l->small, b == ui->jump_focus, l->th->ink,
                 DF_ALIGN_LEFT);
        }
        card_end(l);
    }
    const char *msgs[2] = {ui->overlay, ui->notice};
    float y = h - m * 0.5f - line_h(l, l->small) - m * 0.3f; /* above the footer's key hints */
    for (int k = 0; k < 2; k++) {
        if (!msgs[k] || !msgs[k][0]) continue;
        float cw = w * 0.5f, th = text_h(l, msgs[k], cw - 2 * pad, l->small, false);
        if (th > h * 0.4f) th = h * 0.4f;
        df_Rect r = {w - m - cw, y - th - 2 * pad, cw, th + 2 * pad};
        card_begin(l, r);
        df_dl_rect(l->dl, (df_Rect){r.x, r.y, 6, r.h}, k == 0 ? l->th->bad : l->th->accent, 0);
        df_dl_clip(l->dl, r);
        df_dl_push_bounds(l->dl, (df_Rect){r.x, r.y, r.w, 1e6f}); /* long errors are cut by the clip, on purpose */
        text(l, (df_Rect){r.x + pad, r.y + pad, cw - 2 * pad, 1e6f}, msgs[k], l->small, false, l->th->ink, DF_ALIGN_LEFT);
        df_dl_pop_bounds(l->dl);
        df_dl_clip(l->dl, (df_Rect){0, 0, 0, 0});
        card_end(l);
        y = r.y - m * 0.3f;
    }
}

/* ---------------------------------------------------------------- entry */

void df_ui_build(df_Ui *ui, df_DrawList *dl, const df_TextMeasure *tm) {
    df_dl_clear(dl);
    ui->nhits = 0;
    if (!ui->theme) ui->theme = df_theme_get("light");
    if (ui->text_scale < 0.5f) ui->text_scale = 1.0f;
    L l = {ui, dl, tm, ui->theme, (float)(ui->h < ui->w ? ui->h : ui->w) * 0.035f,
           px_of(ui, 0.026f), px_of(ui, 0.02f), px_of(ui, 0.04f), px_of(ui, 0.06f)};
    df_dl_push_bounds(dl, (df_Rect){0, 0, (float)ui->w, (float)ui->h});
    switch (ui->screen) {
    case DF_SCREEN_PICKER: build_picker(&l); break;
    case DF_SCREEN_PLAY:
    case DF_SCREEN_FEEDBACK:
        if (ui->run) build_play(&l);
        break;
    case DF_SCREEN_DEBRIEF:
        if (ui->run && df_run_result(ui->run)) build_debrief(&l);
        break;
    case DF_SCREEN_PROGRESS:
        if (ui->progress) build_progress(&l);
        break;
    }
    build_overlays(&l);
}
