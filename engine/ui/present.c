/* present.c: the presenter's slides as draw lists. Sizes are fractions of the screen
 * height; no text is smaller than 4% of it, so the layout is sparse by design: one idea per
 * screen, and what does not fit at that size moves to the next step or to the trainer's
 * notes rather than shrinking. Widths adapt, so 16:9, 16:10 and 4:3 all lay out cleanly. */
#include "present.h"

#include <math.h>
#include <stdio.h>

typedef struct P {
    df_PresentView *v;
    df_DrawList *dl;
    const df_TextMeasure *tm;
    const df_Theme *th;
    float m, W, H, cw, x0; /* margin, screen, content width and left edge */
    float notes_top;       /* where the notes strip begins (H without one) */
    int s, body, big, title, huge;
} P;

int df_present_min_px(int h) {
    int px = (int)ceil(0.04 * h - 1e-9);
    return px < 12 ? 12 : px;
}

static df_Color alpha(df_Color c, uint8_t a) {
    c.a = a;
    return c;
}

static float lh(P *p, int px) { return p->tm->line_height(p->tm->ud, px); }

static float tw(P *p, const char *s, int px, bool bold) { return p->tm->width(p->tm->ud, s, strlen(s), px, bold); }

static float th(P *p, const char *s, float w, int px, bool bold) { return df_text_height(p->tm, s, w, px, bold); }

static float text(P *p, df_Rect box, const char *s, int px, bool bold, df_Color c, int align) {
    if (px < p->v->min_px_drawn || p->v->min_px_drawn == 0) p->v->min_px_drawn = px;
    return df_dl_text(p->dl, p->tm, box, s, px, bold, c, align);
}

/* One line at (x, y), no wrapping: for labels known to be short. */
static float label(P *p, float x, float y, const char *s, int px, bool bold, df_Color c) {
    if (px < p->v->min_px_drawn || p->v->min_px_drawn == 0) p->v->min_px_drawn = px;
    df_dl_text_line(p->dl, x, y, s, strlen(s), px, bold, c);
    return tw(p, s, px, bold);
}

static void card(P *p, df_Rect r, df_Color c) { df_dl_rect(p->dl, r, c, p->m * 0.3f); }

/* The kicker above a slide's heading: small, in the accent colour. */
static float kicker(P *p, float y, const char *s) {
    return text(p, (df_Rect){p->x0, y, p->cw, lh(p, p->s) * 1.2f}, s, p->s, true, p->th->accent, DF_ALIGN_LEFT);
}

static float heading(P *p, float y, const char *s, int px) {
    return text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, s, px, true, p->th->ink, DF_ALIGN_LEFT);
}

/* A numbered list, each item wrapped beside a round badge; returns the height used. */
static float numbered(P *p, float y, const char *const *items, int n, int px) {
    float y0 = y, badge = lh(p, px) * 0.95f, gap = p->m * 0.5f;
    for (int i = 0; i < n; i++) {
        char num[8];
        snprintf(num, sizeof num, "%d", i + 1);
        df_dl_ellipse(p->dl, p->x0 + badge / 2, y + lh(p, px) / 2, badge / 2, badge / 2, p->th->accent);
        float nw = tw(p, num, px, true);
        label(p, p->x0 + (badge - nw) / 2, y, num, px, true, p->th->on_accent);
        y += text(p, (df_Rect){p->x0 + badge + gap, y, p->cw - badge - gap, 1e6f}, items[i], px, false, p->th->ink,
                  DF_ALIGN_LEFT);
        y += p->m * 0.45f;
    }
    return y - y0;
}

static float numbered_h(P *p, const char *const *items, int n, int px) {
    float badge = lh(p, px) * 0.95f, h = 0;
    for (int i = 0; i < n; i++) h += th(p, items[i], p->cw - badge - p->m * 0.5f, px, false) + p->m * 0.45f;
    return h;
}

/* A slide of a kicker, a heading and a numbered list, the list at the largest size that fits
 * (the smallest otherwise): objectives, wrap-up, the debrief's questions. Returns the y
 * below the heading, for a slide with nothing to list. */
static float list_slide(P *p, const char *kick, const char *head, const char *const *items, int n) {
    float y = p->m * 1.2f;
    y += kicker(p, y, kick);
    y += heading(p, y, head, p->title) + p->m * 0.8f;
    const int sizes[] = {p->big, p->body, p->s};
    int px = p->s;
    for (int i = 0; i < 3; i++)
        if (numbered_h(p, items, n, sizes[i]) <= p->H - y - p->m) {
            px = sizes[i];
            break;
        }
    if (n > 0) numbered(p, y, items, n, px);
    return y;
}

/* ---------------------------------------------------------------- simple slides */

static void slide_title(P *p) {
    const df_Module *m = p->v->m;
    float y = p->H * 0.24f;
    char meta[160];
    snprintf(meta, sizeof meta, "A %.0f-minute group session", m->minutes);
    y += kicker(p, y, meta) + p->m * 0.3f;
    y += heading(p, y, m->title, p->huge) + p->m * 0.6f;
    df_dl_rect(p->dl, (df_Rect){p->x0, y, p->cw * 0.18f, p->m * 0.12f}, p->th->accent, 0);
    y += p->m * 0.6f;
    if (m->audience) text(p, (df_Rect){p->x0, y, p->cw * 0.85f, p->H - y - p->m}, m->audience, p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
}

static void slide_objectives(P *p) {
    list_slide(p, "Objectives", "By the end of this session you can", p->v->m->objectives, p->v->m->nobjectives);
}

/* A point: the body first; Next adds the question for the room, then the reveal. When the
 * three do not fit together the body gives way: the room has heard it already. */
static void slide_point(P *p) {
    const df_Module *m = p->v->m;
    const df_Slide *sl = df_deck_slide(p->v->deck);
    const df_Point *pt = &m->points[sl->index];
    int step = p->v->deck->step;
    float y = p->m * 1.2f;
    char k[64];
    snprintf(k, sizeof k, "Talking point %d of %d", sl->index + 1, m->npoints);
    y += kicker(p, y, k);
    y += heading(p, y, pt->title, p->title) + p->m * 0.7f;
    float pad = p->m * 0.6f, inner = p->cw - 2 * pad;
    const char *ask = "Ask the room";
    float qh = step >= 1 && pt->question ? pad + lh(p, p->s) + th(p, pt->question, inner, p->big, true) + pad : 0;
    float rh = step >= 2 && pt->reveal ? pad + th(p, pt->reveal, inner, p->body, false) + pad + p->m * 0.5f : 0;
    float avail = p->H - y - p->m - qh - rh - (qh > 0 ? p->m * 0.6f : 0);
    int bpx = p->big;
    if (th(p, pt->body, p->cw, bpx, false) > avail) bpx = p->body;
    if (th(p, pt->body, p->cw, bpx, false) > avail) bpx = p->s;
    if (step == 0 || th(p, pt->body, p->cw, bpx, false) <= avail) {
        y += text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, pt->body, bpx, false, step ? p->th->ink_soft : p->th->ink, DF_ALIGN_LEFT);
        y += p->m * 0.6f;
    }
    if (qh > 0) {
        df_Rect r = {p->x0, y, p->cw, qh};
        card(p, r, p->th->surface);
        df_dl_rect(p->dl, (df_Rect){r.x, r.y, p->m * 0.18f, r.h}, p->th->accent, 0);
        df_dl_push_bounds(p->dl, r);
        label(p, r.x + pad, r.y + pad, ask, p->s, true, p->th->accent);
        text(p, (df_Rect){r.x + pad, r.y + pad + lh(p, p->s), inner, 1e6f}, pt->question, p->big, true, p->th->ink, DF_ALIGN_LEFT);
        df_dl_pop_bounds(p->dl);
        y += qh + p->m * 0.5f;
    }
    if (rh > 0) {
        df_Rect r = {p->x0, y, p->cw, rh - p->m * 0.5f};
        card(p, r, p->th->surface2);
        df_dl_push_bounds(p->dl, r);
        text(p, (df_Rect){r.x + pad, r.y + pad, inner, 1e6f}, pt->reveal, p->body, false, p->th->ink, DF_ALIGN_LEFT);
        df_dl_pop_bounds(p->dl);
    }
}

static void slide_wrapup(P *p) {
    list_slide(p, "Wrap-up", "Questions to take with you", p->v->m->wrapup, p->v->m->nwrapup);
}

static void slide_thanks(P *p) {
    const df_Module *m = p->v->m;
    float y = p->H * 0.26f;
    y += heading(p, y, "Thank you", p->huge) + p->m * 0.6f;
    df_dl_rect(p->dl, (df_Rect){p->x0, y, p->cw * 0.18f, p->m * 0.12f}, p->th->accent, 0);
    y += p->m * 0.7f;
    if (m->closing) {
        int px = th(p, m->closing, p->cw, p->big, false) <= p->H - y - p->m ? p->big : p->s;
        text(p, (df_Rect){p->x0, y, p->cw, p->H - y - p->m}, m->closing, px, false, p->th->ink, DF_ALIGN_LEFT);
    }
}

/* ---------------------------------------------------------------- meters */

/* A meter with its label above: "Agitation 62" and the band shape and name. */
static float meter(P *p, float x, float y, float w, const char *name, double value, bool agitation) {
    char lab[64];
    snprintf(lab, sizeof lab, "%s %d", name, (int)lround(value));
    float lw = label(p, x, y, lab, p->s, true, p->th->ink);
    if (agitation) {
        df_Band b = df_band_of(value);
        float sz = (float)p->s * 0.75f, bx = x + lw + p->m * 0.5f;
        df_band_shape(p->dl, bx, y + lh(p, p->s) / 2, sz, b, p->th->band[b]);
        label(p, bx + sz * 1.4f, y, df_band_name(b), p->s, false, p->th->ink);
    }
    y += lh(p, p->s) + p->m * 0.1f;
    float bh = p->m * 0.45f, v = (float)(value < 0 ? 0 : value > 100 ? 100 : value);
    df_Rect r = {x, y, w, bh};
    if (agitation) {
        for (int b = 0; b < DF_BAND_COUNT; b++) {
            float a = w * (float)df_band_floor((df_Band)b) / 100.0f;
            float e = b + 1 < DF_BAND_COUNT ? w * (float)df_band_floor((df_Band)(b + 1)) / 100.0f : w;
            df_dl_rect(p->dl, (df_Rect){x + a, y, e - a, bh}, alpha(p->th->band[b], 60), 0);
        }
        df_dl_rect(p->dl, (df_Rect){x, y, w * v / 100.0f, bh}, p->th->band[df_band_of(v)], 0);
    } else {
        df_dl_rect(p->dl, r, p->th->surface2, 0);
        df_dl_rect(p->dl, (df_Rect){x, y, w * v / 100.0f, bh}, p->th->accent, 0);
    }
    df_dl_frame(p->dl, r, p->th->ink_soft, 0, 2);
    return lh(p, p->s) + p->m * 0.1f + bh;
}

static float meter_h(P *p) { return lh(p, p->s) + p->m * 0.1f + p->m * 0.45f; }

/* ---------------------------------------------------------------- the exercise */

static const df_Step *last_step(const df_Run *run, int *n) {
    const df_Step *steps;
    *n = df_run_steps(run, &steps);
    return *n ? &steps[*n - 1] : NULL;
}

/* "Scenario title · what", or just "what" (with the road) when the title would not fit on
 * one line beside reserve pixels on the right. */
static void exercise_kicker(P *p, float y, const char *what, float reserve) {
    char k[512];
    const char *road = p->v->other_road ? "The road not taken \u00b7 " : "";
    int n = (int)strcspn(what, ":");
    for (int i = 0; i < 5; i++) { /* the longest form that fits on one line */
        switch (i) {
        case 0: snprintf(k, sizeof k, "%s%s \u00b7 %s", road, p->v->sc->title, what); break;
        case 1: snprintf(k, sizeof k, "%s%s", road, what); break;
        case 2: snprintf(k, sizeof k, "%s", what); break;
        case 3: snprintf(k, sizeof k, "%s%.*s", road, n, what); break;
        default: snprintf(k, sizeof k, "%.*s", n, what); break;
        }
        if (tw(p, k, p->s, true) <= p->cw - reserve) break;
    }
    text(p, (df_Rect){p->x0, y, p->cw - reserve, lh(p, p->s) * 1.2f}, k, p->s, true, p->th->accent, DF_ALIGN_LEFT);
}

static float quote_h(P *p, const char *line, float w, int px) {
    char q[DF_LINE_MAX + 16];
    snprintf(q, sizeof q, "\u201c%s\u201d", line);
    return th(p, q, w, px, false);
}

static float quote(P *p, df_Rect box, const char *line, int px, df_Color c) {
    char q[DF_LINE_MAX + 16];
    snprintf(q, sizeof q, "\u201c%s\u201d", line);
    return text(p, box, q, px, false, c, DF_ALIGN_LEFT);
}

/* The resident's line, large, beside the portrait; the meters and the clock under it. */
static void ex_line(P *p) {
    const df_PresentView *v = p->v;
    const df_State *st = df_run_state(v->run);
    const df_Scenario *sc = v->sc;
    int n;
    last_step(v->run, &n);
    char what[64];
    snprintf(what, sizeof what, "Decision %d", n + 1);
    float y = p->m * 0.9f;
    exercise_kicker(p, y, what, 0);
    y += lh(p, p->s) * 1.2f + p->m * 0.4f;
    /* the meters: one row when the agitation label fits beside the others, else two */
    float gap = p->m * 0.8f, aw = (p->cw - 2 * gap) * 0.42f, trw = (p->cw - 2 * gap) * 0.28f;
    float need = tw(p, "Agitation 100", p->s, true) + p->m * 0.5f + (float)p->s * 1.1f + tw(p, "Threatening", p->s, false);
    bool two_rows = need > aw;
    if (two_rows) aw = trw = p->cw * 0.6f;
    float rows_h = two_rows ? 2 * meter_h(p) + p->m * 0.4f : meter_h(p);
    float bottom = p->H - p->m - rows_h - p->m * 0.6f;
    float pw = fminf(p->cw * 0.3f, (bottom - y) * 0.9f);
    df_Rect pr = {p->x0, y, pw, fminf(pw * 1.1f, bottom - y)};
    df_dl_rect(p->dl, pr, p->th->surface2, p->m * 0.3f);
    df_Look look = {sc->resident.skin, sc->resident.hair, sc->resident.hair_colour, sc->resident.top};
    df_ui_portrait(p->dl, (df_Rect){pr.x + p->m * 0.2f, pr.y + p->m * 0.2f, pr.w - p->m * 0.4f, pr.h - p->m * 0.2f}, &look,
                   (float)st->agitation, 0);
    float tx = p->x0 + pw + p->m * 0.8f, tww = p->cw - pw - p->m * 0.8f;
    float ty = y;
    ty += text(p, (df_Rect){tx, ty, tww, 1e6f}, sc->resident.name, p->s, true, p->th->ink_soft, DF_ALIGN_LEFT) + p->m * 0.2f;
    const char *line = df_run_line(v->run);
    int sizes[] = {(int)lroundf(p->H * 0.065f), p->big, p->body, p->s};
    int px = p->s;
    for (int i = 0; i < 4; i++)
        if (quote_h(p, line, tww, sizes[i]) <= bottom - ty) {
            px = sizes[i];
            break;
        }
    quote(p, (df_Rect){tx, ty, tww, bottom - ty}, line, px, p->th->ink);
    /* meters and clock along the bottom */
    float my = p->H - p->m - rows_h;
    meter(p, p->x0, my, aw, "Agitation", st->agitation, true);
    if (two_rows) meter(p, p->x0, my + meter_h(p) + p->m * 0.4f, trw, "Trust", st->trust, false);
    else meter(p, p->x0 + aw + gap, my, trw, "Trust", st->trust, false);
    char clock[32], lab[64];
    df_fmt_min(st->clock, clock, sizeof clock);
    snprintf(lab, sizeof lab, "Clock %s min", clock);
    float cx = two_rows ? p->x0 + aw + gap : p->x0 + aw + trw + 2 * gap;
    label(p, cx, my, lab, p->s, true, p->th->ink);
    char base[32], b2[96];
    df_fmt_min(df_calm_baseline(&sc->params), base, sizeof base);
    snprintf(b2, sizeof b2, "calm visit %s", base);
    label(p, cx, my + lh(p, p->s), b2, p->s, false, p->th->ink_soft);
}

static const df_Choice *visible_choice(const df_PresentView *v, int k) {
    const int *vis;
    int n = df_run_visible(v->run, &vis);
    if (k < 0 || k >= n) return NULL;
    const df_State *st = df_run_state(v->run);
    return &v->sc->beats[st->beat].choices[vis[k]];
}

typedef struct OptLayout {
    int cols;
    bool compact; /* the count under the letter, a thin bar, less padding: a line saved per row */
    float card_h[DF_MAX_VISIBLE];
    float total;
} OptLayout;

static float opt_pad(P *p, bool compact) { return p->m * (compact ? 0.25f : 0.4f); }
static float opt_gap(P *p, bool compact) { return p->m * (compact ? 0.2f : 0.4f); }

static float option_card_h(P *p, const char *s, float w, bool compact) {
    float pad = opt_pad(p, compact), badge = lh(p, p->body) * 1.15f;
    float t = th(p, s, w - 2 * pad - badge - pad, p->s, false);
    if (compact) return pad + fmaxf(t, badge + lh(p, p->s)) + p->m * 0.3f + pad;
    if (t < badge) t = badge;
    return pad + t + p->m * 0.25f + lh(p, p->s) + pad;
}

static OptLayout option_layout(P *p, int n, int cols, bool compact, float w) {
    OptLayout o = {cols, compact, {0}, 0};
    float cwid = (w - (float)(cols - 1) * p->m * 0.5f) / (float)cols;
    for (int i = 0; i < n; i++) {
        const df_Choice *c = visible_choice(p->v, i);
        o.card_h[i] = option_card_h(p, c ? c->text : "", cwid, compact);
    }
    for (int r = 0; r * cols < n; r++) {
        float mh = 0;
        for (int c = 0; c < cols && r * cols + c < n; c++) mh = fmaxf(mh, o.card_h[r * cols + c]);
        for (int c = 0; c < cols && r * cols + c < n; c++) o.card_h[r * cols + c] = mh;
        o.total += mh + opt_gap(p, compact);
    }
    return o;
}

/* The first of: one, two or three columns, roomy then compact, that fits avail (the
 * shortest when none does). Two columns for three options or more, three for five. */
static OptLayout choose_layout(P *p, int n, float avail) {
    OptLayout best = option_layout(p, n, 1, false, p->cw);
    for (int k = 0; k < 6; k++) {
        int cols = 1 + k % 3;
        if ((cols == 2 && n < 3) || (cols == 3 && n < 5)) continue;
        OptLayout o = option_layout(p, n, cols, k >= 3, p->cw);
        if (o.total <= avail) return o;
        if (o.total < best.total) best = o;
    }
    return best;
}

/* The options with the room's votes: a letter badge, the text, a bar and the count. */
static void ex_vote(P *p) {
    df_PresentView *v = p->v;
    const df_Tally *t = v->tally;
    int n;
    last_step(v->run, &n);
    char what[64];
    snprintf(what, sizeof what, "Decision %d: what do we say?", n + 1);
    float y = p->m * 0.9f;
    /* the votes so far, top right */
    int total = t ? df_tally_total(t) : 0;
    char vt[64];
    if (v->typed && v->typed[0]) snprintf(vt, sizeof vt, "Count: %s\u2026 then a letter", v->typed);
    else snprintf(vt, sizeof vt, "%d vote%s", total, total == 1 ? "" : "s");
    if (tw(p, vt, p->s, true) > p->cw * 0.45f && v->typed && v->typed[0]) snprintf(vt, sizeof vt, "Count: %s\u2026", v->typed);
    float vw = tw(p, vt, p->s, true);
    exercise_kicker(p, y, what, vw + p->m * 0.5f);
    label(p, p->x0 + p->cw - vw, y, vt, p->s, true, p->th->ink);
    y += lh(p, p->s) * 1.2f + p->m * 0.3f;
    const int *vis;
    int nopt = df_run_visible(v->run, &vis);
    float avail = p->H - p->m - y;
    /* the resident's line again, in one card, when it fits with the options */
    const char *line = df_run_line(v->run);
    float pad = p->m * 0.4f;
    float qh = pad + quote_h(p, line, p->cw - 2 * pad, p->s) + pad;
    OptLayout lay = choose_layout(p, nopt, avail - qh - p->m * 0.4f);
    if (lay.total + qh + p->m * 0.4f > avail) lay = choose_layout(p, nopt, avail); /* without the line */
    if (lay.total + qh + p->m * 0.4f <= avail) {
        df_Rect r = {p->x0, y, p->cw, qh};
        card(p, r, p->th->surface2);
        df_dl_push_bounds(p->dl, r);
        quote(p, (df_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, 1e6f}, line, p->s, p->th->ink);
        df_dl_pop_bounds(p->dl);
        y += qh + p->m * 0.4f;
    }
    unsigned leaders = 0;
    if (t) {
        df_Tally room = *t;
        room.override = -1;
        df_tally_result(&room, &leaders);
    }
    float cwid = (p->cw - (float)(lay.cols - 1) * p->m * 0.5f) / (float)lay.cols;
    v->noption_rects = 0;
    float rowy = y;
    for (int i = 0; i < nopt; i++) {
        int col = i % lay.cols;
        if (col == 0 && i > 0) rowy += lay.card_h[i - 1] + opt_gap(p, lay.compact);
        df_Rect r = {p->x0 + (float)col * (cwid + p->m * 0.5f), rowy, cwid, lay.card_h[i]};
        v->option_rects[v->noption_rects++] = r;
        if (r.y + r.h > p->H && !p->dl->overflows) { /* no layout fits: say so (tests assert it never happens) */
            p->dl->overflows++;
            snprintf(p->dl->overflow_what, sizeof p->dl->overflow_what, "option %c does not fit on the screen", 'A' + i);
        }
        bool lead = total > 0 && (leaders >> i & 1u);
        card(p, r, p->th->surface);
        if (lead) df_dl_frame(p->dl, r, p->th->focus, p->m * 0.3f, fmaxf(3, p->H * 0.004f));
        df_dl_push_bounds(p->dl, r);
        float badge = lh(p, p->body) * 1.15f;
        pad = opt_pad(p, lay.compact);
        df_Rect br = {r.x + pad, r.y + pad, badge, badge};
        df_dl_rect(p->dl, br, p->th->accent, p->m * 0.15f);
        char letter[2] = {(char)('A' + i), 0};
        float lw = tw(p, letter, p->body, true);
        label(p, br.x + (badge - lw) / 2, br.y + (badge - lh(p, p->body)) / 2, letter, p->body, true, p->th->on_accent);
        const df_Choice *c = visible_choice(v, i);
        float txw = r.w - 2 * pad - badge - pad;
        text(p, (df_Rect){br.x + badge + pad, r.y + pad, txw, 1e6f}, c ? c->text : "", p->s, false, p->th->ink, DF_ALIGN_LEFT);
        /* the bar and the count along the card's bottom */
        int count = t ? t->count[i] : 0;
        char cnt[32];
        snprintf(cnt, sizeof cnt, "%d", count);
        float share = t ? (float)df_tally_share(t, i) : 0;
        if (lay.compact) { /* the count under the letter, a thin bar along the bottom */
            label(p, br.x + (badge - tw(p, cnt, p->s, true)) / 2, br.y + badge, cnt, p->s, true, p->th->ink);
            float bh = p->m * 0.2f, by = r.y + r.h - pad * 0.6f - bh, bw = r.w - 2 * pad;
            df_dl_rect(p->dl, (df_Rect){r.x + pad, by, bw, bh}, p->th->surface2, 0);
            if (share > 0) df_dl_rect(p->dl, (df_Rect){r.x + pad, by, bw * share, bh}, lead ? p->th->focus : p->th->accent, 0);
            df_dl_pop_bounds(p->dl);
            continue;
        }
        float cntw = tw(p, "000", p->s, true);
        float by = r.y + r.h - pad - lh(p, p->s);
        float bx = r.x + pad, bw = r.w - 2 * pad - cntw - pad;
        df_dl_rect(p->dl, (df_Rect){bx, by + lh(p, p->s) * 0.2f, bw, lh(p, p->s) * 0.6f}, p->th->surface2, 0);
        if (share > 0) df_dl_rect(p->dl, (df_Rect){bx, by + lh(p, p->s) * 0.2f, bw * share, lh(p, p->s) * 0.6f}, lead ? p->th->focus : p->th->accent, 0);
        label(p, r.x + r.w - pad - tw(p, cnt, p->s, true), by, cnt, p->s, true, p->th->ink);
        df_dl_pop_bounds(p->dl);
    }
}

static const char *grade_label(df_Grade g) {
    static const char *const names[] = {"Best choice here", "Good choice", "Acceptable", "Poor choice", "Harmful",
                                        "Critical: a safety breach"};
    return g >= DF_GRADE_BEST && g <= DF_GRADE_CRITICAL ? names[g] : "";
}

/* One big figure: a label over "before -> after" and the change. */
static void stat(P *p, float x, float y, float w, const char *name, const char *value, const char *sub, df_Color c) {
    df_dl_push_bounds(p->dl, (df_Rect){x, y, w, p->H});
    label(p, x, y, name, p->s, true, p->th->ink_soft);
    y += lh(p, p->s);
    text(p, (df_Rect){x, y, w, lh(p, p->big) * 1.05f}, value, p->big, true, c, DF_ALIGN_LEFT);
    y += lh(p, p->big);
    if (sub) text(p, (df_Rect){x, y, w, 1e6f}, sub, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    df_dl_pop_bounds(p->dl);
}

static float stats_h(P *p) { return lh(p, p->s) * 2 + lh(p, p->big); }

/* What the choice did: the words, then agitation, trust and clock, big; then the
 * resident's answer; the coach note when the trainer reveals it. */
static void ex_effect(P *p) {
    const df_PresentView *v = p->v;
    int n;
    const df_Step *s = last_step(v->run, &n);
    if (!s) return;
    const df_Choice *c = &v->sc->beats[s->beat].choices[s->choice];
    char what[96];
    int letter = 'A' + (s->shown > 0 ? s->shown - 1 : 0);
    snprintf(what, sizeof what, "Decision %d: %s %c", n, v->trainer_pick ? "the trainer picked" : "the room chose", letter);
    float y = p->m * 0.9f, pad = p->m * 0.4f;
    exercise_kicker(p, y, what, 0);
    y += lh(p, p->s) * 1.2f + p->m * 0.3f;
    char said[DF_LINE_MAX + 16];
    snprintf(said, sizeof said, "%c  \u201c%s\u201d", letter, c->text);
    float sh = pad + th(p, said, p->cw - 2 * pad, p->s, false) + pad;
    card(p, (df_Rect){p->x0, y, p->cw, sh}, p->th->surface2);
    df_dl_push_bounds(p->dl, (df_Rect){p->x0, y, p->cw, sh});
    text(p, (df_Rect){p->x0 + pad, y + pad, p->cw - 2 * pad, 1e6f}, said, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    df_dl_pop_bounds(p->dl);
    y += sh + p->m * 0.5f;
    /* the three figures */
    float gap = p->m * 0.8f, colw = (p->cw - 2 * gap) / 3;
    char val[64], sub[96], d[16];
    df_fmt_delta(s->a_after - s->a_before, d, sizeof d);
    snprintf(val, sizeof val, "%d \u2192 %d", (int)lround(s->a_before), (int)lround(s->a_after));
    snprintf(sub, sizeof sub, "%s%s%s", d, s->band_after != s->band_before ? ", now " : "",
             s->band_after != s->band_before ? df_band_name(s->band_after) : "");
    df_Color ac = s->a_after > s->a_before + 0.5 ? p->th->bad : s->a_after < s->a_before - 0.5 ? p->th->good : p->th->ink;
    stat(p, p->x0, y, colw, "Agitation", val, sub, ac);
    df_fmt_delta(s->t_after - s->t_before, d, sizeof d);
    snprintf(val, sizeof val, "%d \u2192 %d", (int)lround(s->t_before), (int)lround(s->t_after));
    stat(p, p->x0 + colw + gap, y, colw, "Trust", val, d, p->th->ink);
    char add[16], clock[16];
    df_fmt_min(s->conversation + s->task + s->rework, add, sizeof add);
    df_fmt_min(s->clock_after, clock, sizeof clock);
    snprintf(val, sizeof val, "+%s", add);
    snprintf(sub, sizeof sub, "now %s min%s", clock, s->rework > 0 ? ", rework" : "");
    stat(p, p->x0 + 2 * (colw + gap), y, colw, "Clock", val, sub, p->th->ink);
    y += stats_h(p) + p->m * 0.2f;
    /* the agitation meter with where it was: the room sees the move, not only the numbers */
    {
        float bh = p->m * 0.3f, w = colw;
        for (int b = 0; b < DF_BAND_COUNT; b++) {
            float a0 = w * (float)df_band_floor((df_Band)b) / 100.0f;
            float a1 = b + 1 < DF_BAND_COUNT ? w * (float)df_band_floor((df_Band)(b + 1)) / 100.0f : w;
            df_dl_rect(p->dl, (df_Rect){p->x0 + a0, y, a1 - a0, bh}, alpha(p->th->band[b], 60), 0);
        }
        float after = (float)fmin(fmax(s->a_after, 0), 100), before = (float)fmin(fmax(s->a_before, 0), 100);
        df_dl_rect(p->dl, (df_Rect){p->x0, y, w * after / 100.0f, bh}, p->th->band[df_band_of(after)], 0);
        float bx = p->x0 + w * before / 100.0f;
        df_dl_rect(p->dl, (df_Rect){bx - 2, y - bh * 0.4f, 4, bh * 1.8f}, p->th->ink, 0);
        df_dl_frame(p->dl, (df_Rect){p->x0, y, w, bh}, p->th->ink_soft, 0, 2);
        y += bh + p->m * 0.5f;
    }
    /* the answer, and the coach note on reveal */
    const char *reply = df_run_over(v->run) ? df_run_result(v->run)->final_line : df_run_line(v->run);
    const char *coach = c->coach;
    float ch = 0;
    char cbuf[DF_LINE_MAX + 64];
    if (v->coach) {
        snprintf(cbuf, sizeof cbuf, "%s%s%s", grade_label(s->grade), coach ? ": " : "", coach ? coach : "");
        ch = pad + th(p, cbuf, p->cw - 2 * pad, p->s, false) + pad;
    }
    if (s->task_blocked) {
        y += text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, "Not taken in yet: the resident needs to feel heard and calmer first.",
                  p->s, true, p->th->bad, DF_ALIGN_LEFT) + p->m * 0.2f;
    }
    float avail = p->H - p->m - y - (ch > 0 ? ch + p->m * 0.4f : 0);
    if (reply && reply[0]) {
        char who[256];
        snprintf(who, sizeof who, "%s answers", v->sc->resident.name);
        float wh = lh(p, p->s);
        int px = quote_h(p, reply, p->cw, p->body) + wh <= avail ? p->body : p->s;
        if (quote_h(p, reply, p->cw, px) + wh <= avail || ch == 0) {
            label(p, p->x0, y, who, p->s, true, p->th->ink_soft);
            y += wh;
            y += quote(p, (df_Rect){p->x0, y, p->cw, avail - wh}, reply, px, p->th->ink) + p->m * 0.4f;
        }
    }
    if (ch > 0) {
        df_Rect r = {p->x0, p->H - p->m - ch, p->cw, ch};
        if (r.y < y) r.y = y;
        df_Color gc = s->grade <= DF_GRADE_GOOD ? p->th->good : s->grade == DF_GRADE_ACCEPTABLE ? p->th->ink_soft : p->th->bad;
        card(p, r, p->th->surface);
        df_dl_rect(p->dl, (df_Rect){r.x, r.y, p->m * 0.18f, r.h}, gc, 0);
        df_dl_push_bounds(p->dl, r);
        text(p, (df_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, 1e6f}, cbuf, p->s, false, p->th->ink, DF_ALIGN_LEFT);
        df_dl_pop_bounds(p->dl);
    }
}

static df_Color outcome_colour(P *p, df_Outcome o) {
    if (o <= DF_OUT_RESOLVED_ACCEPTED) return p->th->good;
    if (o == DF_OUT_ROUTED || o == DF_OUT_SAFETY_EXIT) return p->th->ink;
    return p->th->bad;
}

static void ex_end(P *p) {
    const df_PresentView *v = p->v;
    const df_Result *r = df_run_result(v->run);
    if (!r) return;
    float y = p->m * 0.9f;
    exercise_kicker(p, y, "How it ended", 0);
    y += lh(p, p->s) * 1.2f + p->m * 0.5f;
    y += text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, df_outcome_label(r->outcome), p->title, true, outcome_colour(p, r->outcome),
              DF_ALIGN_LEFT) + p->m * 0.5f;
    char tt[256], tot[16], base[16];
    df_fmt_min(r->total, tot, sizeof tot);
    df_fmt_min(r->baseline, base, sizeof base);
    if (r->outcome == DF_OUT_SAFETY_EXIT)
        snprintf(tt, sizeof tt, "The employee left safely: a safety exit is not timed against a calm visit.");
    else
        snprintf(tt, sizeof tt, "This contact took %s min with follow-on; a calm visit takes %s min: %.1f\u00d7.", tot, base, r->ratio);
    y += text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, tt, p->body, true, p->th->ink, DF_ALIGN_LEFT) + p->m * 0.5f;
    if (r->final_line && r->final_line[0]) {
        float avail = p->H - p->m - y;
        int px = quote_h(p, r->final_line, p->cw, p->body) <= avail ? p->body : p->s;
        quote(p, (df_Rect){p->x0, y, p->cw, avail}, r->final_line, px, p->th->ink_soft);
    }
}

/* The scenario failed: say so plainly and let the session go on. */
static void ex_broken(P *p) {
    float y = p->m * 1.2f;
    y += kicker(p, y, p->v->sc ? p->v->sc->title : "Exercise");
    y += heading(p, y, "This exercise stopped", p->title) + p->m * 0.6f;
    y += text(p, (df_Rect){p->x0, y, p->cw, p->H - y - p->m - lh(p, p->s) * 2}, "The scenario file has a problem, so the room cannot play it today. Next moves on to the rest of the session.",
              p->body, false, p->th->ink, DF_ALIGN_LEFT) + p->m * 0.4f;
    if (p->v->broken)
        text(p, (df_Rect){p->x0, y, p->cw, p->H - y - p->m}, p->v->broken, p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
}

/* ---------------------------------------------------------------- the room debrief */

static int road_steps(const df_RoadView *r, const df_Step **steps) {
    if (!r->run) return 0;
    return df_run_steps(r->run, steps);
}

/* The path the room took: one row per decision with the spread of the votes. */
static void debrief_path(P *p) {
    df_PresentView *v = p->v;
    const df_RoadView *room = &v->roads[DF_ROAD_ROOM];
    float y = p->m * 0.9f;
    char k[256];
    if (v->nexercise > 1) snprintf(k, sizeof k, "Room debrief \u00b7 %s (%d of %d, Tab for the next)", v->sc->title, v->exercise + 1, v->nexercise);
    else snprintf(k, sizeof k, "Room debrief \u00b7 %s", v->sc->title);
    if (tw(p, k, p->s, true) > p->cw) {
        if (v->nexercise > 1) snprintf(k, sizeof k, "Room debrief \u00b7 exercise %d of %d (Tab)", v->exercise + 1, v->nexercise);
        else snprintf(k, sizeof k, "Room debrief");
    }
    y += kicker(p, y, k);
    const df_Step *steps;
    int n = road_steps(room, &steps);
    const df_Result *res = room->run ? df_run_result(room->run) : NULL;
    char head[160];
    if (res) snprintf(head, sizeof head, "The room's path: %s", df_outcome_label(res->outcome));
    else snprintf(head, sizeof head, "The room's path so far");
    y += heading(p, y, head, p->body) + p->m * 0.5f;
    float rowh = lh(p, p->s) * 1.5f;
    float hint_h = lh(p, p->s) + p->m * 0.3f;
    int fit = (int)((p->H - p->m - hint_h - y) / rowh);
    if (fit < 1) fit = 1;
    int first = 0;
    if (n > fit) first = v->focus - fit + 1 > 0 ? v->focus - fit + 1 : 0;
    if (first > n - fit) first = n - fit > 0 ? n - fit : 0;
    float numw = tw(p, "00", p->s, true) + p->m * 0.3f;
    float badge = lh(p, p->s) * 1.1f;
    float barx = p->x0 + numw + badge + p->m * 0.6f;
    float byw = tw(p, "trainer, overriding", p->s, false);
    float barw = p->cw - (barx - p->x0) - byw - p->m * 0.6f;
    if (barw < p->cw * 0.3f) barw = p->cw * 0.3f;
    for (int i = first; i < n && i < first + fit; i++) {
        const df_Step *s = &steps[i];
        float ry = y + (float)(i - first) * rowh;
        if (i == v->focus) df_dl_frame(p->dl, (df_Rect){p->x0 - p->m * 0.2f, ry - rowh * 0.12f, p->cw + p->m * 0.4f, rowh * 0.95f}, p->th->focus, p->m * 0.2f, fmaxf(3, p->H * 0.004f));
        char num[8];
        snprintf(num, sizeof num, "%d", i + 1);
        label(p, p->x0, ry, num, p->s, true, p->th->ink_soft);
        char letter[2] = {(char)('A' + (s->shown > 0 ? s->shown - 1 : 0)), 0};
        df_dl_rect(p->dl, (df_Rect){p->x0 + numw, ry, badge, lh(p, p->s)}, p->th->band[s->band_after], p->m * 0.1f);
        label(p, p->x0 + numw + (badge - tw(p, letter, p->s, true)) / 2, ry, letter, p->s, true, p->th->on_accent);
        const df_Tally *t = room->votes ? &room->votes[i] : NULL;
        int total = t ? df_tally_total(t) : 0;
        const char *by = "no votes";
        if (t && total > 0) {
            float bx = barx;
            for (int o = 0; o < t->noptions; o++) {
                if (!t->count[o]) continue;
                float w = barw * (float)t->count[o] / (float)total;
                bool chosen = o == s->shown - 1;
                df_dl_rect(p->dl, (df_Rect){bx, ry, w - 2, lh(p, p->s)}, chosen ? p->th->accent : p->th->surface2, 0);
                char seg[16];
                snprintf(seg, sizeof seg, "%c %d", 'A' + o, t->count[o]);
                if (tw(p, seg, p->s, false) + p->m * 0.2f < w) label(p, bx + p->m * 0.1f, ry, seg, p->s, chosen, chosen ? p->th->on_accent : p->th->ink);
                else if (tw(p, seg + 2, p->s, false) + p->m * 0.1f < w) label(p, bx + p->m * 0.05f, ry, seg + 2, p->s, chosen, chosen ? p->th->on_accent : p->th->ink);
                bx += w;
            }
            df_Tally room_only = *t;
            room_only.override = -1;
            unsigned lead = 0;
            int rr = df_tally_result(&room_only, &lead);
            by = t->override < 0 || rr == t->override ? "room" : rr == DF_TALLY_TIE ? "trainer, tie" : "trainer, overriding";
        } else {
            df_dl_rect(p->dl, (df_Rect){barx, ry + lh(p, p->s) * 0.4f, barw, 2}, p->th->line, 0);
            if (t && t->override >= 0) by = "trainer";
        }
        label(p, barx + barw + p->m * 0.6f, ry, by, p->s, false, p->th->ink_soft);
    }
    if (n == 0) text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, "The room has not played this exercise yet.", p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
    if (n > 0)
        text(p, (df_Rect){p->x0, p->H - p->m - lh(p, p->s), p->cw, lh(p, p->s)},
             "\u2191\u2193 pick a decision \u00b7 O plays the road not taken", p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
}

static void result_parts(const df_Result *r, double parts[4]) {
    parts[0] = r->conversation;
    parts[1] = r->task;
    parts[2] = r->rework;
    parts[3] = r->follow_on;
}

static void time_bar(P *p, df_Rect r, const df_Result *res, double scale) {
    double parts[4];
    result_parts(res, parts);
    float x = r.x;
    df_dl_rect(p->dl, r, p->th->surface2, 0);
    for (int k = 0; k < 4; k++) {
        float w = scale > 0 ? (float)(parts[k] / scale) * r.w : 0;
        if (w < 0.5f) continue;
        df_dl_rect(p->dl, (df_Rect){x, r.y, w, r.h}, p->th->parts[k], 0);
        x += w;
    }
}

static void legend(P *p, float y) {
    static const char *const names[] = {"conversation", "task", "rework", "follow-on"};
    float x = p->x0, sw = lh(p, p->s) * 0.7f;
    for (int k = 0; k < 4; k++) {
        df_dl_rect(p->dl, (df_Rect){x, y + lh(p, p->s) * 0.15f, sw, sw}, p->th->parts[k], 0);
        x += sw + p->m * 0.2f;
        x += label(p, x, y, names[k], p->s, false, p->th->ink) + p->m * 0.6f;
    }
}

/* Time to resolution: the room against the calmest and most escalated paths, each bar split
 * into conversation, task, rework and follow-on. */
static void debrief_time(P *p) {
    df_PresentView *v = p->v;
    float y = p->m * 0.9f;
    y += kicker(p, y, "Room debrief \u00b7 time to resolution");
    y += heading(p, y, "How long did helping take?", p->body) + p->m * 0.5f;
    static const int order[] = {DF_ROAD_ROOM, DF_ROAD_OTHER, DF_ROAD_CALMEST, DF_ROAD_ESCALATED};
    double scale = 0;
    for (int i = 0; i < 4; i++) {
        const df_RoadView *r = &v->roads[order[i]];
        const df_Result *res = r->run ? df_run_result(r->run) : NULL;
        if (res && res->total > scale) scale = res->total;
    }
    float labw = 0;
    for (int i = 0; i < 4; i++)
        if (v->roads[order[i]].run && df_run_result(v->roads[order[i]].run)) labw = fmaxf(labw, tw(p, v->roads[order[i]].label, p->s, true));
    float timew = tw(p, "000:00 min", p->s, true) + p->m * 0.4f;
    for (int i = 0; i < 4; i++) {
        const df_RoadView *r = &v->roads[order[i]];
        const df_Result *res = r->run ? df_run_result(r->run) : NULL;
        if (!res) continue;
        bool stacked = labw + timew + p->cw * 0.35f > p->cw;
        label(p, p->x0, y, r->label, p->s, true, p->th->ink);
        float bx = stacked ? p->x0 : p->x0 + labw + p->m * 0.5f;
        if (stacked) y += lh(p, p->s);
        float bw = p->cw - (bx - p->x0) - timew;
        time_bar(p, (df_Rect){bx, y + lh(p, p->s) * 0.1f, bw, lh(p, p->s) * 0.8f}, res, scale);
        char t[32];
        df_fmt_min(res->total, t, sizeof t);
        char tt[48];
        snprintf(tt, sizeof tt, "%s min", t);
        label(p, p->x0 + p->cw - tw(p, tt, p->s, true), y, tt, p->s, true, p->th->ink);
        y += lh(p, p->s) * 1.55f;
    }
    y += p->m * 0.2f;
    legend(p, y);
    y += lh(p, p->s) * 1.4f + p->m * 0.2f;
    const df_RoadView *room = &v->roads[DF_ROAD_ROOM];
    const df_Result *rr = room->run ? df_run_result(room->run) : NULL;
    if (rr && rr->outcome != DF_OUT_SAFETY_EXIT) {
        char s[256], base[16];
        df_fmt_min(rr->baseline, base, sizeof base);
        snprintf(s, sizeof s, "A calm visit takes %s min. The room's path took %.1f\u00d7 that in the conversation, %.1f\u00d7 with follow-on.",
                 base, rr->ratio_interaction, rr->ratio);
        text(p, (df_Rect){p->x0, y, p->cw, p->H - p->m - y}, s, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    }
}

/* The agitation of each road over its decisions, with the bands behind. */
static void timeline(P *p, df_Rect r, const df_RoadView *const *roads, const df_Color *cols, int nr) {
    for (int b = 0; b < DF_BAND_COUNT; b++) {
        float y0 = r.y + r.h * (1 - (float)df_band_floor((df_Band)b) / 100.0f);
        float y1 = b + 1 < DF_BAND_COUNT ? r.y + r.h * (1 - (float)df_band_floor((df_Band)(b + 1)) / 100.0f) : r.y;
        df_dl_rect(p->dl, (df_Rect){r.x, y1, r.w, y0 - y1}, alpha(p->th->band[b], 40), 0);
    }
    int most = 1;
    for (int i = 0; i < nr; i++) {
        const df_Step *st;
        int n = road_steps(roads[i], &st);
        if (n > most) most = n;
    }
    float thick = fmaxf(3, p->H * 0.006f);
    for (int i = 0; i < nr; i++) {
        const df_Step *st;
        int n = road_steps(roads[i], &st);
        if (!n) continue;
        float px = r.x, py = r.y + r.h * (1 - (float)st[0].a_before / 100.0f);
        float dot = thick * (i ? 1.6f : 2.2f);
        for (int k = 0; k < n; k++) {
            float x = r.x + r.w * (float)(k + 1) / (float)most;
            float yy = r.y + r.h * (1 - (float)st[k].a_after / 100.0f);
            df_dl_line(p->dl, px, py, x, yy, thick, cols[i]);
            if (i == 0) df_dl_ellipse(p->dl, x, yy, dot, dot, cols[i]);
            else df_dl_rect(p->dl, (df_Rect){x - dot, yy - dot, 2 * dot, 2 * dot}, cols[i], 0);
            px = x;
            py = yy;
        }
    }
    df_dl_frame(p->dl, r, p->th->ink_soft, 0, 2);
}

/* The road not taken beside the room's: outcome, time, and both agitation lines. */
static void debrief_roads(P *p) {
    df_PresentView *v = p->v;
    float y = p->m * 0.9f;
    y += kicker(p, y, "Room debrief \u00b7 the road not taken");
    const df_RoadView *a = &v->roads[DF_ROAD_ROOM], *b = &v->roads[DF_ROAD_OTHER];
    if (!b->run) {
        heading(p, y, "Pick a decision on the path slide and press O to play the other road.", p->body);
        return;
    }
    float gap = p->m, colw = (p->cw - gap) / 2;
    const df_RoadView *two[2] = {a, b};
    df_Color cols[2] = {p->th->accent, p->th->focus};
    double scale = 0;
    for (int i = 0; i < 2; i++) {
        const df_Result *res = df_run_result(two[i]->run);
        if (res && res->total > scale) scale = res->total;
    }
    float top = y, hmax = 0;
    for (int i = 0; i < 2; i++) {
        float x = p->x0 + (float)i * (colw + gap), yy = top;
        const df_Result *res = df_run_result(two[i]->run);
        float sw = lh(p, p->s) * 0.7f;
        if (i == 0) df_dl_ellipse(p->dl, x + sw / 2, yy + lh(p, p->s) / 2, sw / 2, sw / 2, cols[i]);
        else df_dl_rect(p->dl, (df_Rect){x, yy + lh(p, p->s) / 2 - sw / 2, sw, sw}, cols[i], 0);
        char head[96];
        if (i == 1) snprintf(head, sizeof head, "%s (from decision %d)", two[i]->label, two[i]->from + 1);
        else snprintf(head, sizeof head, "%s", two[i]->label);
        yy += text(p, (df_Rect){x + sw * 1.5f, yy, colw - sw * 1.5f, 1e6f}, head, p->s, true, p->th->ink, DF_ALIGN_LEFT);
        if (res) {
            yy += text(p, (df_Rect){x, yy, colw, 1e6f}, df_outcome_label(res->outcome), p->body, true, outcome_colour(p, res->outcome), DF_ALIGN_LEFT);
            char t[32], tt[96];
            df_fmt_min(res->total, t, sizeof t);
            if (res->outcome == DF_OUT_SAFETY_EXIT) snprintf(tt, sizeof tt, "%s min, safety exit", t);
            else snprintf(tt, sizeof tt, "%s min, %.1f\u00d7 a calm visit", t, res->ratio);
            yy += text(p, (df_Rect){x, yy, colw, 1e6f}, tt, p->s, false, p->th->ink, DF_ALIGN_LEFT) + p->m * 0.15f;
            time_bar(p, (df_Rect){x, yy, colw, lh(p, p->s) * 0.7f}, res, scale);
            yy += lh(p, p->s) * 0.7f;
        } else {
            yy += text(p, (df_Rect){x, yy, colw, 1e6f}, "still being played", p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
        }
        hmax = fmaxf(hmax, yy - top);
    }
    y = top + hmax + p->m * 0.4f;
    legend(p, y);
    y += lh(p, p->s) * 1.3f + p->m * 0.2f;
    label(p, p->x0, y, "Agitation at each decision", p->s, true, p->th->ink_soft);
    y += lh(p, p->s) + p->m * 0.1f;
    float h = p->H - p->m - y;
    if (h > p->m * 1.5f) timeline(p, (df_Rect){p->x0, y, p->cw, h}, two, cols, 2);
}

static void debrief_discuss(P *p) {
    const df_Module *m = p->v->m;
    float y = list_slide(p, "Room debrief \u00b7 discuss", "What did we see?", m->debrief, m->ndebrief);
    if (m->ndebrief == 0)
        text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, "Which moment changed the resident's mood, and why?", p->big, false, p->th->ink, DF_ALIGN_LEFT);
}

/* ---------------------------------------------------------------- overlays */

static void fmt_clock(double seconds, char *buf, size_t cap) {
    if (!isfinite(seconds) || seconds < 0) seconds = 0;
    long s = lround(seconds);
    snprintf(buf, cap, "%ld:%02ld", s / 60, s % 60);
}

static void overlay_timer(P *p) {
    const df_Deck *d = p->v->deck;
    const df_Slide *sl = df_deck_slide(d);
    char a[16], b[16], c[16], e[16], l1[64], l2[96];
    fmt_clock(p->v->elapsed, a, sizeof a);
    fmt_clock(df_deck_budget(d, -1), b, sizeof b);
    snprintf(l1, sizeof l1, "%s / %s", a, b);
    double used = df_deck_spent(d, (int)sl->part), budget = df_deck_budget(d, (int)sl->part);
    fmt_clock(used, c, sizeof c);
    fmt_clock(budget, e, sizeof e);
    static const char *const names[DF_PART_COUNT] = {"Opening", "Points", "Exercise", "Wrap-up", "Closing"};
    const char *part = sl->part < DF_PART_COUNT ? names[sl->part] : "";
    if (budget > 0) snprintf(l2, sizeof l2, "%s %s / %s", part, c, e);
    else snprintf(l2, sizeof l2, "%s %s", part, c);
    float pad = p->m * 0.35f;
    float w = fmaxf(tw(p, l1, p->s, true), tw(p, l2, p->s, false)) + 2 * pad;
    df_Rect r = {p->W - p->m * 0.5f - w, p->m * 0.3f, w, 2 * lh(p, p->s) + 2 * pad};
    bool over = p->v->elapsed > df_deck_budget(d, -1) || (budget > 0 && used > budget);
    card(p, r, p->th->surface);
    df_dl_frame(p->dl, r, over ? p->th->bad : p->th->accent, p->m * 0.3f, fmaxf(2, p->H * 0.003f));
    label(p, r.x + pad, r.y + pad, l1, p->s, true, over && p->v->elapsed > df_deck_budget(d, -1) ? p->th->bad : p->th->ink);
    label(p, r.x + pad, r.y + pad + lh(p, p->s), l2, p->s, false, budget > 0 && used > budget ? p->th->bad : p->th->ink);
}

static void overlay_notes(P *p) {
    char buf[2048];
    const char *notes = df_present_notes(p->v, buf, sizeof buf);
    char all[2300];
    snprintf(all, sizeof all, "Trainer notes (the room can see this): %s", notes ? notes : "none for this slide.");
    float pad = p->m * 0.4f;
    float h = pad + th(p, all, p->W - 2 * pad, p->s, false) + pad;
    if (h > p->H * 0.6f) h = p->H * 0.6f;
    df_Rect r = {0, p->H - h, p->W, h};
    p->notes_top = r.y;
    df_dl_rect(p->dl, r, p->th->surface2, 0);
    df_dl_rect(p->dl, (df_Rect){0, r.y, p->W, fmaxf(3, p->H * 0.005f)}, p->th->focus, 0);
    df_dl_push_bounds(p->dl, r);
    text(p, (df_Rect){pad, r.y + pad, p->W - 2 * pad, r.h - 2 * pad}, all, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    df_dl_pop_bounds(p->dl);
}

static const char *const help_keys[][2] = {
    {"\u2192  Space  Page Down", "next"},
    {"\u2190  Page Up", "back"},
    {"B  or  .", "blank the screen (during a vote: .)"},
    {"T", "time against the target"},
    {"N", "trainer notes"},
    {"A B C D", "a vote per raised hand"},
    {"12 then A", "type a count for A"},
    {"Backspace", "undo the last vote"},
    {"Enter", "play the room's majority"},
    {"Shift + letter", "trainer picks that option"},
    {"O  (debrief)", "play the road not taken"},
    {"Esc", "leave (asks first)"},
};

static void overlay_help(P *p) {
    int n = (int)(sizeof help_keys / sizeof help_keys[0]);
    float pad = p->m * 0.5f, kw = 0, dw = 0;
    for (int i = 0; i < n; i++) {
        kw = fmaxf(kw, tw(p, help_keys[i][0], p->s, true));
        dw = fmaxf(dw, tw(p, help_keys[i][1], p->s, false));
    }
    float w = fminf(p->W - p->m * 0.5f, kw + dw + 3 * pad);
    if (kw > w * 0.45f) kw = w * 0.45f; /* narrow screens: the keys wrap too */
    float descw = w - 3 * pad - kw, rows = 0;
    for (int i = 0; i < n; i++)
        rows += fmaxf(th(p, help_keys[i][0], kw, p->s, true), th(p, help_keys[i][1], descw, p->s, false));
    float h = fminf(p->H - p->m * 0.2f, rows + lh(p, p->s) * 1.4f + 2 * pad);
    df_Rect r = {(p->W - w) / 2, (p->H - h) / 2, w, h};
    df_dl_rect(p->dl, (df_Rect){0, 0, p->W, p->H}, alpha(p->th->bg, 200), 0);
    card(p, r, p->th->surface);
    df_dl_frame(p->dl, r, p->th->accent, p->m * 0.3f, fmaxf(2, p->H * 0.003f));
    df_dl_push_bounds(p->dl, r);
    float y = r.y + pad;
    label(p, r.x + pad, y, "Keys  (H closes)", p->s, true, p->th->accent);
    y += lh(p, p->s) * 1.4f;
    for (int i = 0; i < n; i++) {
        float rh = fmaxf(th(p, help_keys[i][0], kw, p->s, true), th(p, help_keys[i][1], descw, p->s, false));
        if (y + rh > r.y + r.h - pad + 1) break; /* a screen too small for every key: the first ones */
        text(p, (df_Rect){r.x + pad, y, kw, rh}, help_keys[i][0], p->s, true, p->th->ink, DF_ALIGN_LEFT);
        text(p, (df_Rect){r.x + 2 * pad + kw, y, descw, rh}, help_keys[i][1], p->s, false, p->th->ink, DF_ALIGN_LEFT);
        y += rh;
    }
    df_dl_pop_bounds(p->dl);
}

static void overlay_box(P *p, const char *title, const char *body) {
    float pad = p->m * 0.6f, w = fminf(p->W - p->m, p->cw * 0.8f);
    float h = pad + lh(p, p->body) * 1.2f + th(p, body, w - 2 * pad, p->s, false) + pad;
    df_Rect r = {(p->W - w) / 2, (p->H - h) / 2, w, h};
    df_dl_rect(p->dl, (df_Rect){0, 0, p->W, p->H}, alpha(p->th->bg, 210), 0);
    card(p, r, p->th->surface);
    df_dl_frame(p->dl, r, p->th->focus, p->m * 0.3f, fmaxf(3, p->H * 0.004f));
    df_dl_push_bounds(p->dl, r);
    text(p, (df_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, lh(p, p->body) * 1.2f}, title, p->body, true, p->th->ink, DF_ALIGN_LEFT);
    text(p, (df_Rect){r.x + pad, r.y + pad + lh(p, p->body) * 1.2f, r.w - 2 * pad, 1e6f}, body, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    df_dl_pop_bounds(p->dl);
}

static void overlay_notice(P *p) {
    float pad = p->m * 0.3f;
    float w = fminf(p->W - p->m, tw(p, p->v->notice, p->s, false) + 2 * pad);
    float h = th(p, p->v->notice, w - 2 * pad, p->s, false) + 2 * pad;
    df_Rect r = {(p->W - w) / 2, p->notes_top - h - p->m * 0.3f, w, h};
    df_dl_rect(p->dl, r, p->th->ink, p->m * 0.25f);
    df_dl_push_bounds(p->dl, r);
    text(p, (df_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, 1e6f}, p->v->notice, p->s, false, p->th->bg, DF_ALIGN_CENTER);
    df_dl_pop_bounds(p->dl);
}

/* ---------------------------------------------------------------- entry points */

void df_present_slide_label(const df_Deck *d, int slide, char *buf, size_t cap) {
    if (!d->m || slide < 0 || slide >= d->n) {
        snprintf(buf, cap, "the end");
        return;
    }
    const df_Slide *s = &d->slides[slide];
    const df_Module *m = d->m;
    switch (s->kind) {
    case DF_SLIDE_TITLE: snprintf(buf, cap, "Title: %s", m->title); break;
    case DF_SLIDE_OBJECTIVES: snprintf(buf, cap, "Objectives"); break;
    case DF_SLIDE_POINT: snprintf(buf, cap, "Talking point %d of %d: %s", s->index + 1, m->npoints, m->points[s->index].title); break;
    case DF_SLIDE_EXERCISE: snprintf(buf, cap, "Exercise: %s", m->exercise[s->index]); break;
    case DF_SLIDE_DEBRIEF: snprintf(buf, cap, "Room debrief"); break;
    case DF_SLIDE_WRAPUP: snprintf(buf, cap, "Wrap-up questions"); break;
    case DF_SLIDE_THANKS: snprintf(buf, cap, "Thanks and close"); break;
    }
}

const char *df_present_notes(const df_PresentView *v, char *buf, size_t cap) {
    const df_Slide *s = df_deck_slide(v->deck);
    if (!s) return NULL;
    const df_Module *m = v->m;
    switch (s->kind) {
    case DF_SLIDE_TITLE:
        if (m->has_pace)
            snprintf(buf, cap, "Pace: opening %.0f min, points %.0f, exercise %.0f, wrap-up %.0f, close %.0f. T shows the time; H the keys.",
                     m->pace[0], m->pace[1], m->pace[2], m->pace[3], m->pace[4]);
        else snprintf(buf, cap, "T shows the time against %.0f minutes; H the keys.", m->minutes);
        return buf;
    case DF_SLIDE_POINT: return m->points[s->index].notes;
    case DF_SLIDE_EXERCISE: {
        if (!v->run) return NULL;
        if (v->phase == DF_PX_END || df_run_over(v->run)) {
            snprintf(buf, cap, "Ask what the room noticed before moving on; the debrief comes next.");
            return buf;
        }
        const df_State *st = df_run_state(v->run);
        const df_Beat *b = &v->sc->beats[st->beat];
        const int *vis;
        int n = df_run_visible(v->run, &vis);
        int best = -1, bg = DF_GRADE_COUNT;
        for (int i = 0; i < n; i++) {
            df_Effect e;
            df_effect_predict(st, &b->choices[vis[i]], &e);
            int g = b->choices[vis[i]].grade;
            int score = g >= 0 ? g : (e.d_agitation < 0 ? DF_GRADE_GOOD : DF_GRADE_POOR);
            if (score < bg) bg = score, best = i;
        }
        size_t o = 0;
        if (v->phase == DF_PX_LINE) o += (size_t)snprintf(buf + o, cap - o, "Ask the room what they would say before revealing the options (Next). ");
        if (v->phase == DF_PX_VOTE) o += (size_t)snprintf(buf + o, cap - o, "A letter per raised hand, Enter plays the majority, Shift+letter picks. ");
        if (best >= 0 && o < cap) o += (size_t)snprintf(buf + o, cap - o, "The author's strongest option here: %c. ", 'A' + best);
        if (b->note && o < cap) snprintf(buf + o, cap - o, "%s", b->note);
        return buf;
    }
    case DF_SLIDE_DEBRIEF:
        snprintf(buf, cap, "Path, time, the road not taken, then the questions. On the path, pick a decision with \u2191\u2193 and press O to play the other road.");
        return buf;
    case DF_SLIDE_WRAPUP:
        snprintf(buf, cap, "Two or three answers per question are enough. Leave the last question to each person: a commitment said aloud is more likely kept.");
        return buf;
    case DF_SLIDE_THANKS:
        snprintf(buf, cap, "Next saves the session summary (no names) and a second Next leaves; Esc asks first.");
        return buf;
    case DF_SLIDE_OBJECTIVES:
        snprintf(buf, cap, "Read the objectives aloud; the wrap-up comes back to them.");
        return buf;
    }
    return NULL;
}

static void setup(P *p, df_PresentView *v, df_DrawList *dl, const df_TextMeasure *tm) {
    memset(p, 0, sizeof *p);
    p->v = v;
    p->dl = dl;
    p->tm = tm;
    p->th = v->theme;
    p->W = (float)v->w;
    p->H = (float)v->h;
    p->notes_top = p->H;
    p->m = p->H * 0.05f;
    p->x0 = p->W * 0.06f;
    p->cw = p->W - 2 * p->x0;
    p->s = df_present_min_px(v->h);
    p->body = (int)lroundf(p->H * 0.05f);
    p->big = (int)lroundf(p->H * 0.058f);
    p->title = (int)lroundf(p->H * 0.075f);
    p->huge = (int)lroundf(p->H * 0.1f);
    if (p->body < p->s) p->body = p->s;
    if (p->big < p->body) p->big = p->body;
    v->min_px_drawn = 0;
    v->noption_rects = 0;
    df_dl_clear(dl);
    df_dl_push_bounds(dl, (df_Rect){0, 0, p->W, p->H});
}

void df_present_build(df_PresentView *v, df_DrawList *dl, const df_TextMeasure *tm) {
    P p;
    setup(&p, v, dl, tm);
    df_dl_rect(dl, (df_Rect){0, 0, p.W, p.H}, v->blank ? (df_Color){0, 0, 0, 255} : p.th->bg, 0);
    if (v->blank) return;
    const df_Slide *s = df_deck_slide(v->deck);
    if (s) {
        switch (s->kind) {
        case DF_SLIDE_TITLE: slide_title(&p); break;
        case DF_SLIDE_OBJECTIVES: slide_objectives(&p); break;
        case DF_SLIDE_POINT: slide_point(&p); break;
        case DF_SLIDE_EXERCISE:
            if (v->broken || !v->run) {
                ex_broken(&p);
                break;
            }
            if (v->phase == DF_PX_LINE && !df_run_over(v->run)) ex_line(&p);
            else if (v->phase == DF_PX_VOTE && !df_run_over(v->run)) ex_vote(&p);
            else if (v->phase == DF_PX_EFFECT) ex_effect(&p);
            else ex_end(&p);
            break;
        case DF_SLIDE_DEBRIEF:
            if (!v->sc) break;
            switch (v->deck->step) {
            case DF_DEBRIEF_PATH: debrief_path(&p); break;
            case DF_DEBRIEF_TIME: debrief_time(&p); break;
            case DF_DEBRIEF_ROADS: debrief_roads(&p); break;
            default: debrief_discuss(&p); break;
            }
            break;
        case DF_SLIDE_WRAPUP: slide_wrapup(&p); break;
        case DF_SLIDE_THANKS: slide_thanks(&p); break;
        }
        /* where the session is: a thin bar along the bottom edge */
        float prog = v->deck->n > 1 ? (float)v->deck->cur / (float)(v->deck->n - 1) : 1;
        df_dl_rect(dl, (df_Rect){0, p.H - p.H * 0.006f, p.W * prog, p.H * 0.006f}, alpha(p.th->accent, 160), 0);
    }
    if (v->notes) overlay_notes(&p);
    if (v->timer) overlay_timer(&p);
    if (v->help) overlay_help(&p);
    if (v->confirm_quit)
        overlay_box(&p, "Leave the session?", "Enter saves the session summary and leaves. Esc stays.");
    if (v->notice && v->notice[0]) overlay_notice(&p);
}

void df_present_build_notes(df_PresentView *v, df_DrawList *dl, const df_TextMeasure *tm) {
    P p;
    setup(&p, v, dl, tm);
    p.x0 = p.m;
    p.cw = p.W - 2 * p.m;
    df_dl_rect(dl, (df_Rect){0, 0, p.W, p.H}, p.th->bg, 0);
    char now[512], next[512], line[600], buf[2048];
    df_present_slide_label(v->deck, v->deck->cur, now, sizeof now);
    df_present_slide_label(v->deck, v->deck->cur + 1, next, sizeof next);
    float y = p.m * 0.6f;
    snprintf(line, sizeof line, "Now: %s (step %d of %d)%s", now, v->deck->step + 1, df_deck_slide(v->deck)->nsteps,
             v->blank ? " \u00b7 screen blanked" : "");
    y += text(&p, (df_Rect){p.x0, y, p.cw, 1e6f}, line, p.s, true, p.th->accent, DF_ALIGN_LEFT) + p.m * 0.3f;
    const char *notes = df_present_notes(v, buf, sizeof buf);
    float bottom = p.H - p.m - 2 * lh(&p, p.s);
    y += text(&p, (df_Rect){p.x0, y, p.cw, bottom - y}, notes ? notes : "No notes for this slide.", p.s, false,
              notes ? p.th->ink : p.th->ink_soft, DF_ALIGN_LEFT);
    char a[16], b[16];
    fmt_clock(v->elapsed, a, sizeof a);
    fmt_clock(df_deck_budget(v->deck, -1), b, sizeof b);
    snprintf(line, sizeof line, "Next: %s", next);
    text(&p, (df_Rect){p.x0, bottom, p.cw, lh(&p, p.s)}, line, p.s, false, p.th->ink_soft, DF_ALIGN_LEFT);
    snprintf(line, sizeof line, "%s of %s \u00b7 N closes this window \u00b7 H keys", a, b);
    text(&p, (df_Rect){p.x0, bottom + lh(&p, p.s), p.cw, lh(&p, p.s)}, line, p.s, false, p.th->ink_soft, DF_ALIGN_LEFT);
}
