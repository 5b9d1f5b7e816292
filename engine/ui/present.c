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
        df_Channel ch = df_channel_of(p->v->sc ? p->v->sc->setting : NULL);
        df_band_mark(p->dl, bx, y + lh(p, p->s) / 2, sz, b, ch, p->th->band[b]);
        char bandtxt[96];
        /* on the phone and in writing the top band says what it is there */
        if (b == DF_BAND_THREATENING && ch != DF_CHANNEL_IN_PERSON)
            snprintf(bandtxt, sizeof bandtxt, "%s (%s)", df_band_name(b),
                     ch == DF_CHANNEL_PHONE ? "threats, a hang-up" : "threats in writing");
        else
            snprintf(bandtxt, sizeof bandtxt, "%s", df_band_name(b));
        label(p, bx + sz * 1.4f, y, bandtxt, p->s, false, p->th->ink);
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
    df_Look look = {sc->resident.skin, sc->resident.hair, sc->resident.hair_colour, sc->resident.top,
                    df_channel_of(sc->setting) != DF_CHANNEL_IN_PERSON};
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
    snprintf(b2, sizeof b2, "calm %s %s", df_contact_noun(df_channel_of(sc->setting)), base);
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

/* The height of a row of three figures whose subs wrap at width w. */
static float stats_h(P *p, float w, const char *const subs[3]) {
    float sh = lh(p, p->s);
    for (int i = 0; i < 3; i++) sh = fmaxf(sh, th(p, subs[i], w, p->s, false));
    return lh(p, p->s) + lh(p, p->big) + sh;
}

/* How a choice moved the time to resolution: the engine's projected total (minutes spent
 * plus the typical time still ahead) before and after it, and the best still reachable.
 * Longer reads as longer without colour: an arrow, a sign and a word. */
typedef struct FcMove {
    char head[96], value[64], change[64], best[96];
    int dir; /* +1 longer, -1 shorter, 0 no change */
    df_Color col;
} FcMove;

static bool forecast_move(P *p, const df_Run *run, int n, const df_Step *s, FcMove *f) {
    if (n < 1) return false;
    const df_Forecast *was = df_run_forecast_before(run, n - 1), *now = &s->forecast;
    if (!was->valid || !now->valid) return false;
    bool over = df_run_over(run);
    double a = df_forecast_typical_total(was), b = df_forecast_typical_total(now), d = b - a;
    char ta[24], tb[24], td[24];
    df_minutes_text(a, false, ta, sizeof ta);
    df_minutes_text(b, false, tb, sizeof tb);
    df_minutes_text(d, true, td, sizeof td);
    f->dir = lround(fabs(d) * 60) == 0 ? 0 : d > 0 ? 1 : -1;
    snprintf(f->head, sizeof f->head, "%s%s", over ? "Time to resolution, projected \u2192 final" : "Time to resolution, projected",
             was->sampled || (now->sampled && !over) ? " (sampled)" : "");
    snprintf(f->value, sizeof f->value, "%s \u2192 %s", ta, tb);
    if (f->dir > 0) snprintf(f->change, sizeof f->change, "\u25b2 %s longer", td);
    else if (f->dir < 0) snprintf(f->change, sizeof f->change, "\u25bc %s shorter", td);
    else snprintf(f->change, sizeof f->change, "= no change");
    f->col = f->dir > 0 ? p->th->bad : f->dir < 0 ? p->th->good : p->th->ink;
    f->best[0] = '\0';
    if (!over) { /* best play, where it still resolves: as the window and the terminal say it */
        df_minutes_text(df_forecast_best_total(was), false, ta, sizeof ta);
        df_minutes_text(df_forecast_best_total(now), false, tb, sizeof tb);
        if (!now->resolves) snprintf(f->best, sizeof f->best, "No road from here resolves it now");
        else if (!was->resolves) snprintf(f->best, sizeof f->best, "Best still reachable  %s", tb);
        else snprintf(f->best, sizeof f->best, "Best still reachable  %s \u2192 %s", ta, tb);
    }
    return true;
}

/* The forecast card: its heading, the move at px with the change beside it (under it when
 * the two do not fit on one line), then the best still reachable. Returns its height; draws
 * only when draw. */
static float forecast_card(P *p, const FcMove *f, float y, int px, bool draw) {
    float pad = p->m * 0.35f, stripe = p->m * 0.2f;
    float x = p->x0 + stripe + pad, w = p->cw - stripe - 2 * pad;
    float vw = tw(p, f->value, px, true), gap = p->m * 0.7f, chw = tw(p, f->change, px, true);
    bool one = vw + gap + chw <= w;
    float hh = th(p, f->head, w, p->s, true), bh = f->best[0] ? th(p, f->best, w, p->s, false) : 0;
    float h = pad + hh + lh(p, px) * (one ? 1 : 2) + bh + pad;
    if (!draw) return h;
    df_Rect r = {p->x0, y, p->cw, h};
    card(p, r, p->th->surface);
    df_dl_rect(p->dl, (df_Rect){r.x, r.y, stripe, r.h}, f->col, 0);
    df_dl_push_bounds(p->dl, r);
    float yy = y + pad;
    yy += text(p, (df_Rect){x, yy, w, hh}, f->head, p->s, true, p->th->ink_soft, DF_ALIGN_LEFT);
    text(p, (df_Rect){x, yy, one ? vw + 1 : w, lh(p, px)}, f->value, px, true, p->th->ink, DF_ALIGN_LEFT);
    if (one) text(p, (df_Rect){x + vw + gap, yy, w - vw - gap, lh(p, px)}, f->change, px, true, f->col, DF_ALIGN_LEFT);
    else text(p, (df_Rect){x, yy + lh(p, px), w, lh(p, px)}, f->change, px, true, f->col, DF_ALIGN_LEFT);
    yy += lh(p, px) * (one ? 1 : 2);
    if (bh > 0) text(p, (df_Rect){x, yy, w, bh}, f->best, p->s, false, p->th->ink, DF_ALIGN_LEFT);
    df_dl_pop_bounds(p->dl);
    return h;
}

/* What the choice did: the words; agitation, trust and what the exchange took, big; then
 * how it moved the time to resolution, bigger (the lesson: the quick "no" is quick now and
 * pushes the forecast up; listening costs minutes now and brings it down); the resident's
 * answer; the coach note when the trainer reveals it. On a short screen the pieces give way
 * in order: the forecast's size, the agitation meter, the words (the kicker keeps the letter). */
static void ex_effect(P *p) {
    const df_PresentView *v = p->v;
    int n;
    const df_Step *s = last_step(v->run, &n);
    if (!s) return;
    const df_Choice *c = &v->sc->beats[s->beat].choices[s->choice];
    char what[96];
    int letter = 'A' + (s->shown > 0 ? s->shown - 1 : 0);
    snprintf(what, sizeof what, "Decision %d: %s %c", n, v->trainer_pick ? "the trainer picked" : "the room chose", letter);
    float pad = p->m * 0.4f;
    char said[DF_LINE_MAX + 16];
    snprintf(said, sizeof said, "%c  \u201c%s\u201d", letter, c->text);
    float sh = pad + th(p, said, p->cw - 2 * pad, p->s, false) + pad;
    FcMove fc;
    bool has_fc = forecast_move(p, v->run, n, s, &fc);
    const char *blocked = "Not taken in yet: the resident needs to feel heard and calmer first.";
    float blocked_h = s->task_blocked ? th(p, blocked, p->cw, p->s, true) + p->m * 0.2f : 0;
    const char *reply = df_run_over(v->run) ? df_run_result(v->run)->final_line : df_run_line(v->run);
    bool has_reply = reply && reply[0];
    float wh = lh(p, p->s);
    const char *coach = c->coach;
    float ch = 0;
    char cbuf[DF_LINE_MAX + 64];
    if (v->coach) {
        snprintf(cbuf, sizeof cbuf, "%s%s%s", grade_label(s->grade), coach ? ": " : "", coach ? coach : "");
        ch = pad + th(p, cbuf, p->cw - 2 * pad, p->s, false) + pad;
    }
    /* the three figures: agitation, trust, and the minutes this exchange took */
    float gap = p->m * 0.8f, colw = (p->cw - 2 * gap) / 3;
    char aval[64], asub[96], tval[64], tsub[16], xval[64], xsub[96], d[16], clock[24];
    df_fmt_delta(s->a_after - s->a_before, d, sizeof d);
    snprintf(aval, sizeof aval, "%d \u2192 %d", (int)lround(s->a_before), (int)lround(s->a_after));
    snprintf(asub, sizeof asub, "%s%s%s", d, s->band_after != s->band_before ? ", now " : "",
             s->band_after != s->band_before ? df_band_name(s->band_after) : "");
    df_fmt_delta(s->t_after - s->t_before, tsub, sizeof tsub);
    snprintf(tval, sizeof tval, "%d \u2192 %d", (int)lround(s->t_before), (int)lround(s->t_after));
    df_minutes_text(s->conversation + s->task + s->rework, true, xval, sizeof xval);
    df_minutes_text(s->clock_after, false, clock, sizeof clock);
    snprintf(xsub, sizeof xsub, "clock now %s%s", clock, s->rework > 0 ? ", rework" : "");
    const char *const subs[3] = {asub, tsub, xsub};
    float figs_h = stats_h(p, colw, subs);
    /* the layout: the first level at which the answer fits without the coach note (so the
     * screen does not jump when the note comes), then further while the note does not fit */
    float tops[4];
    for (int l = 0; l < 4; l++) {
        float t = p->m * 0.9f + lh(p, p->s) * 1.2f + p->m * 0.3f;
        if (l < 3) t += sh + p->m * 0.5f;
        t += figs_h + p->m * 0.2f;
        if (l < 2) t += p->m * 0.3f + p->m * 0.5f;
        if (has_fc) t += forecast_card(p, &fc, 0, l == 0 ? p->title : p->big, false) + p->m * 0.4f;
        tops[l] = t + blocked_h;
    }
    int level = 0;
    while (level < 3 && has_reply && tops[level] + wh + quote_h(p, reply, p->cw, p->s) > p->H - p->m) level++;
    while (level < 3 && ch > 0 && tops[level] + ch > p->H - p->m) level++;
    float y = p->m * 0.9f;
    exercise_kicker(p, y, what, 0);
    y += lh(p, p->s) * 1.2f + p->m * 0.3f;
    if (level < 3) {
        card(p, (df_Rect){p->x0, y, p->cw, sh}, p->th->surface2);
        df_dl_push_bounds(p->dl, (df_Rect){p->x0, y, p->cw, sh});
        text(p, (df_Rect){p->x0 + pad, y + pad, p->cw - 2 * pad, 1e6f}, said, p->s, false, p->th->ink, DF_ALIGN_LEFT);
        df_dl_pop_bounds(p->dl);
        y += sh + p->m * 0.5f;
    }
    /* the three figures */
    df_Color ac = s->a_after > s->a_before + 0.5 ? p->th->bad : s->a_after < s->a_before - 0.5 ? p->th->good : p->th->ink;
    stat(p, p->x0, y, colw, "Agitation", aval, asub, ac);
    stat(p, p->x0 + colw + gap, y, colw, "Trust", tval, tsub, p->th->ink);
    stat(p, p->x0 + 2 * (colw + gap), y, colw, "This exchange", xval, xsub, p->th->ink);
    y += figs_h + p->m * 0.2f;
    /* the agitation meter with where it was: the room sees the move, not only the numbers */
    if (level < 2) {
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
    /* the time to resolution, before and after */
    if (has_fc) y += forecast_card(p, &fc, y, level == 0 ? p->title : p->big, true) + p->m * 0.4f;
    /* the answer, and the coach note on reveal */
    if (s->task_blocked) y += text(p, (df_Rect){p->x0, y, p->cw, 1e6f}, blocked, p->s, true, p->th->bad, DF_ALIGN_LEFT) + p->m * 0.2f;
    float avail = p->H - p->m - y - (ch > 0 ? ch + p->m * 0.4f : 0);
    bool answered = false;
    if (has_reply) {
        char who[256];
        snprintf(who, sizeof who, "%s answers", v->sc->resident.name);
        int px = quote_h(p, reply, p->cw, p->body) + wh <= avail ? p->body : p->s;
        if (quote_h(p, reply, p->cw, px) + wh <= avail || ch == 0) {
            label(p, p->x0, y, who, p->s, true, p->th->ink_soft);
            y += wh;
            y += quote(p, (df_Rect){p->x0, y, p->cw, avail - wh}, reply, px, p->th->ink) + p->m * 0.4f;
            answered = true;
        }
    }
    if (ch > 0) { /* at the bottom under the answer; right under the figures when the answer gave way */
        df_Rect r = {p->x0, answered ? p->H - p->m - ch : y, p->cw, ch};
        if (r.y < y) r.y = y;
        if (r.y + r.h > p->H && !p->dl->overflows) { /* nothing left to give way: say so (tests assert it never happens) */
            p->dl->overflows++;
            snprintf(p->dl->overflow_what, sizeof p->dl->overflow_what, "the coach note does not fit on the screen");
        }
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
    char tt[256], tot[24], base[24];
    df_minutes_text(r->total, false, tot, sizeof tot);
    df_minutes_text(r->baseline, false, base, sizeof base);
    if (r->outcome == DF_OUT_SAFETY_EXIT)
        snprintf(tt, sizeof tt, "The employee left safely: a safety exit is not timed against a calm %s.",
                 df_contact_noun(df_channel_of(v->sc->setting)));
    else
        snprintf(tt, sizeof tt, "This contact took %s with follow-on; a calm %s takes %s: %.1f\u00d7.", tot,
                 df_contact_noun(df_channel_of(v->sc->setting)), base, r->ratio);
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

/* A bar of minutes split into conversation, task, rework and follow-on (parts NULL: one
 * undivided total, for a time known only as a whole). */
static void minutes_bar(P *p, df_Rect r, const double *parts, double total, double scale) {
    df_dl_rect(p->dl, r, p->th->surface2, 0);
    if (!parts) {
        float w = scale > 0 ? (float)(total / scale) * r.w : 0;
        if (w >= 0.5f) df_dl_rect(p->dl, (df_Rect){r.x, r.y, w, r.h}, alpha(p->th->ink_soft, 170), 0);
        return;
    }
    float x = r.x;
    for (int k = 0; k < 4; k++) {
        float w = scale > 0 ? (float)(parts[k] / scale) * r.w : 0;
        if (w < 0.5f) continue;
        df_dl_rect(p->dl, (df_Rect){x, r.y, w, r.h}, p->th->parts[k], 0);
        x += w;
    }
}

static void time_bar(P *p, df_Rect r, const df_Result *res, double scale) {
    double parts[4];
    result_parts(res, parts);
    minutes_bar(p, r, parts, res->total, scale);
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

/* Time to resolution: three honest bars, all from the engine: a calm visit (the model's
 * baseline: the task and a few settled exchanges), the room's run, and the escalated road
 * (the most time any path through the scenario takes, safety exits aside). A calm visit and
 * the room's run are split into conversation, task, rework and follow-on; the escalated road
 * is known only as a whole, so its bar is one piece. */
static void debrief_time(P *p) {
    df_PresentView *v = p->v;
    float y = p->m * 0.9f;
    y += kicker(p, y, "Room debrief \u00b7 time to resolution");
    y += heading(p, y, "How long did helping take?", p->body) + p->m * 0.5f;
    const df_RoadView *room = &v->roads[DF_ROAD_ROOM];
    const df_Result *rr = room->run ? df_run_result(room->run) : NULL;
    double base = df_calm_baseline(&v->sc->params), task = v->sc->params.task_minutes;
    if (task > base) task = base;
    char calm_label[40];
    snprintf(calm_label, sizeof calm_label, "A calm %s", df_contact_noun(df_channel_of(v->sc->setting)));
    double calm[4] = {base - task, task, 0, 0}, mine[4] = {0, 0, 0, 0};
    if (rr) result_parts(rr, mine);
    const df_Forecast *esc = &v->escalated;
    bool has_esc = esc->valid && esc->worst > 0;
    struct {
        const char *label;
        const double *parts;
        double total;
        bool shown;
    } rows[3] = {
        {calm_label, calm, base, true},
        {"The room", mine, rr ? rr->total : 0, true},
        {"The escalated road", NULL, has_esc ? esc->worst : 0, has_esc},
    };
    double scale = 0;
    float labw = 0;
    for (int i = 0; i < 3; i++) {
        if (!rows[i].shown) continue;
        if (rows[i].total > scale) scale = rows[i].total;
        labw = fmaxf(labw, tw(p, rows[i].label, p->s, true));
    }
    float timew = tw(p, "0:00:00  00.0\u00d7", p->s, true) + p->m * 0.4f;
    bool stacked = labw + timew + p->cw * 0.35f > p->cw;
    for (int i = 0; i < 3; i++) {
        if (!rows[i].shown) continue;
        label(p, p->x0, y, rows[i].label, p->s, true, p->th->ink);
        float bx = stacked ? p->x0 : p->x0 + labw + p->m * 0.5f;
        if (stacked) y += lh(p, p->s);
        float bw = p->cw - (bx - p->x0) - timew;
        if (i == 1 && !rr) {
            text(p, (df_Rect){bx, y, p->cw - (bx - p->x0), lh(p, p->s)}, "still being played", p->s, false, p->th->ink_soft, DF_ALIGN_LEFT);
            y += lh(p, p->s) * 1.55f;
            continue;
        }
        minutes_bar(p, (df_Rect){bx, y + lh(p, p->s) * 0.1f, bw, lh(p, p->s) * 0.8f}, rows[i].parts, rows[i].total, scale);
        char t[24], tt[48];
        df_minutes_text(rows[i].total, false, t, sizeof t);
        if (i == 0 || base <= 0 || (i == 1 && rr->outcome == DF_OUT_SAFETY_EXIT)) snprintf(tt, sizeof tt, "%s", t);
        else snprintf(tt, sizeof tt, "%s  %.1f\u00d7", t, i == 1 ? rr->ratio : rows[i].total / base);
        label(p, p->x0 + p->cw - tw(p, tt, p->s, true), y, tt, p->s, true, p->th->ink);
        y += lh(p, p->s) * 1.55f;
    }
    y += p->m * 0.2f;
    legend(p, y);
    y += lh(p, p->s) * 1.4f + p->m * 0.2f;
    char s[512] = "", b[24];
    size_t o = 0;
    df_minutes_text(base, false, b, sizeof b);
    if (rr && rr->outcome != DF_OUT_SAFETY_EXIT)
        o += (size_t)snprintf(s + o, sizeof s - o, "A calm %s takes %s; the room's path took %.1f\u00d7 that in the conversation, %.1f\u00d7 with follow-on. ",
                              df_contact_noun(df_channel_of(v->sc->setting)),
                              b, rr->ratio_interaction, rr->ratio);
    else if (rr) o += (size_t)snprintf(s + o, sizeof s - o, "The room's path ended in a safety exit, which is not timed against a calm %s. ",
                              df_contact_noun(df_channel_of(v->sc->setting)));
    if (has_esc && o < sizeof s)
        snprintf(s + o, sizeof s - o, "The escalated road is the longest any path through this scenario runs, safety exits aside%s.",
                 esc->sampled ? " (from a sample of paths)" : "");
    if (s[0]) text(p, (df_Rect){p->x0, y, p->cw, p->H - p->m - y}, s, p->s, false, p->th->ink, DF_ALIGN_LEFT);
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
            df_minutes_text(res->total, false, t, sizeof t);
            if (res->outcome == DF_OUT_SAFETY_EXIT) snprintf(tt, sizeof tt, "%s, safety exit", t);
            else snprintf(tt, sizeof tt, "%s, %.1f\u00d7 a calm %s", t, res->ratio, df_contact_noun(df_channel_of(v->sc->setting)));
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
        int best = df_run_best_choice(v->run); /* the engine's pick, 1-based: as the debriefs grade it */
        size_t o = 0;
        if (v->phase == DF_PX_LINE) o += (size_t)snprintf(buf + o, cap - o, "Ask the room what they would say before revealing the options (Next). ");
        if (v->phase == DF_PX_VOTE) o += (size_t)snprintf(buf + o, cap - o, "A letter per raised hand, Enter plays the majority, Shift+letter picks. ");
        if (best > 0 && o < cap) o += (size_t)snprintf(buf + o, cap - o, "The best option here: %c. ", 'A' + best - 1);
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
