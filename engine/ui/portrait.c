/* portrait.c: the resident, a flat head-and-shoulders figure drawn from simple shapes.
 *
 * The figure lives in a unit square (u, v in 0..1, v down) centred in the box and scaled by
 * min(box.w, box.h). Mood comes from a handful of parameters (brows, lids, mouth, flush,
 * shoulders, lean, arms), each a keyframed curve over agitation 0..100 with keys at the band
 * centres, so in-between values blend smoothly and each band holds a distinct pose.
 * Every shape is clipped to the box in software (convex polygons stay convex), so nothing
 * spills out and the caller's clip rect is left alone. */
#include <math.h>
#include <string.h>

#include "ui.h"

/* ------------------------------------------------------------------ small maths */

static float clampf(float x, float lo, float hi) { return x < lo ? lo : x > hi ? hi : x; }
static float lerpf(float a, float b, float t) { return a + (b - a) * t; }
static float smooth01(float t) {
    t = clampf(t, 0, 1);
    return t * t * (3 - 2 * t);
}

static df_Color rgb(int r, int g, int b) { return (df_Color){(uint8_t)r, (uint8_t)g, (uint8_t)b, 255}; }
static df_Color with_a(df_Color c, float a) {
    c.a = (uint8_t)clampf(a * 255.0f, 0, 255);
    return c;
}
static df_Color mixc(df_Color a, df_Color b, float t) {
    t = clampf(t, 0, 1);
    return (df_Color){(uint8_t)lerpf(a.r, b.r, t), (uint8_t)lerpf(a.g, b.g, t), (uint8_t)lerpf(a.b, b.b, t),
                      (uint8_t)lerpf(a.a, b.a, t)};
}
static df_Color shade(df_Color c, float k) {
    return (df_Color){(uint8_t)clampf(c.r * k, 0, 255), (uint8_t)clampf(c.g * k, 0, 255),
                      (uint8_t)clampf(c.b * k, 0, 255), c.a};
}

/* Keyframes at the band centres (and the ends); smoothstep between keys so each band
 * settles on its pose and transitions stay continuous. */
static const float KEY_AT[7] = {0, 10, 30, 50, 70, 90, 100};
static float key(const float v[7], float a) {
    if (a <= KEY_AT[0]) return v[0];
    for (int i = 0; i < 6; i++)
        if (a <= KEY_AT[i + 1]) return lerpf(v[i], v[i + 1], smooth01((a - KEY_AT[i]) / (KEY_AT[i + 1] - KEY_AT[i])));
    return v[6];
}

/* ------------------------------------------------------------------ clipped drawing */

typedef struct Pen {
    df_DrawList *dl;
    float ox, oy, s;  /* unit square -> pixels */
    df_Rect clip;
} Pen;

#define MAXP 48

/* Clips a convex polygon (pixels) against one edge; returns the new count. */
static int clip_edge(const float *in, int n, float *out, int axis, float lim, bool keep_greater) {
    int m = 0;
    for (int i = 0; i < n; i++) {
        const float *a = &in[2 * i], *b = &in[2 * ((i + 1) % n)];
        float da = keep_greater ? a[axis] - lim : lim - a[axis];
        float db = keep_greater ? b[axis] - lim : lim - b[axis];
        if (da >= 0 && m < MAXP) out[2 * m] = a[0], out[2 * m + 1] = a[1], m++;
        if ((da >= 0) != (db >= 0) && m < MAXP) {
            float t = da / (da - db);
            out[2 * m] = a[0] + (b[0] - a[0]) * t, out[2 * m + 1] = a[1] + (b[1] - a[1]) * t, m++;
        }
    }
    return m;
}

/* A convex polygon in pixels: clipped to the box, then drawn as fan pieces of <= 8 points. */
static void emit(Pen *p, const float *pts, int n, df_Color c) {
    if (n < 3 || c.a == 0) return;
    float a[2 * MAXP], b[2 * MAXP];
    memcpy(a, pts, sizeof(float) * 2 * (size_t)n);
    df_Rect r = p->clip;
    n = clip_edge(a, n, b, 0, r.x, true);
    n = clip_edge(b, n, a, 0, r.x + r.w, false);
    n = clip_edge(a, n, b, 1, r.y, true);
    n = clip_edge(b, n, a, 1, r.y + r.h, false);
    if (n < 3) return;
    if (n <= DF_POLY_MAX) {
        df_dl_poly(p->dl, a, n, c);
        return;
    }
    for (int i = 1; i < n - 1; i += DF_POLY_MAX - 2) {
        float piece[2 * DF_POLY_MAX];
        int k = 0;
        piece[2 * k] = a[0], piece[2 * k + 1] = a[1], k++;
        for (int j = i; j < n && k < DF_POLY_MAX; j++) piece[2 * k] = a[2 * j], piece[2 * k + 1] = a[2 * j + 1], k++;
        df_dl_poly(p->dl, piece, k, c);
    }
}

static bool inside(const Pen *p, float x0, float y0, float x1, float y1) {
    return x0 >= p->clip.x && y0 >= p->clip.y && x1 <= p->clip.x + p->clip.w && y1 <= p->clip.y + p->clip.h;
}

static float PX(const Pen *p, float u) { return p->ox + u * p->s; }
static float PY(const Pen *p, float v) { return p->oy + v * p->s; }

/* Polygon in unit coordinates. */
static void poly(Pen *p, const float *uv, int n, df_Color c) {
    float px[2 * MAXP];
    if (n > MAXP) n = MAXP;
    for (int i = 0; i < n; i++) px[2 * i] = PX(p, uv[2 * i]), px[2 * i + 1] = PY(p, uv[2 * i + 1]);
    emit(p, px, n, c);
}

static void ell(Pen *p, float cx, float cy, float rx, float ry, df_Color c) {
    float x = PX(p, cx), y = PY(p, cy), w = rx * p->s, h = ry * p->s;
    if (w <= 0.05f || h <= 0.05f || c.a == 0) return;
    if (inside(p, x - w, y - h, x + w, y + h)) {
        df_dl_ellipse(p->dl, x, y, w, h, c);
        return;
    }
    float pts[2 * 32];
    for (int i = 0; i < 32; i++) {
        float a = 6.2831853f * (float)i / 32.0f;
        pts[2 * i] = x + w * cosf(a), pts[2 * i + 1] = y + h * sinf(a);
    }
    emit(p, pts, 32, c);
}

/* Elliptical segment between angles a0..a1 (radians, y down), closed by its chord: convex. */
static void seg(Pen *p, float cx, float cy, float rx, float ry, float a0, float a1, df_Color c) {
    float pts[2 * 24];
    for (int i = 0; i < 24; i++) {
        float a = lerpf(a0, a1, (float)i / 23.0f);
        pts[2 * i] = cx + rx * cosf(a), pts[2 * i + 1] = cy + ry * sinf(a);
    }
    poly(p, pts, 24, c);
}

static void line(Pen *p, float x1, float y1, float x2, float y2, float th, df_Color c) {
    float ax = PX(p, x1), ay = PY(p, y1), bx = PX(p, x2), by = PY(p, y2), t = th * p->s;
    if (c.a == 0 || t <= 0.05f) return;
    if (t < 1) t = 1;
    float h = t / 2;
    if (inside(p, fminf(ax, bx) - h, fminf(ay, by) - h, fmaxf(ax, bx) + h, fmaxf(ay, by) + h)) {
        df_dl_line(p->dl, ax, ay, bx, by, t, c);
        return;
    }
    /* a capsule, as one convex polygon */
    float dx = bx - ax, dy = by - ay, l = sqrtf(dx * dx + dy * dy);
    if (l < 0.01f) dx = 1, dy = 0, l = 1;
    float base = atan2f(dy, dx), pts[2 * 20];
    for (int i = 0; i < 10; i++) {
        float a = base - 1.5707963f + 3.1415926f * (float)i / 9.0f;
        pts[2 * i] = bx + h * cosf(a), pts[2 * i + 1] = by + h * sinf(a);
        pts[2 * (i + 10)] = ax - h * cosf(a), pts[2 * (i + 10) + 1] = ay - h * sinf(a);
    }
    emit(p, pts, 20, c);
}

/* A quadratic curve through three points as a few thick segments. */
static void curve(Pen *p, float x0, float y0, float x1, float y1, float x2, float y2, float th, df_Color c) {
    float px0 = x0, py0 = y0;
    for (int i = 1; i <= 6; i++) {
        float t = (float)i / 6.0f, u = 1 - t;
        float x = u * u * x0 + 2 * u * t * x1 + t * t * x2, y = u * u * y0 + 2 * u * t * y1 + t * t * y2;
        line(p, px0, py0, x, y, th, c);
        px0 = x, py0 = y;
    }
}

/* Rounded rectangle in unit coordinates (polygon, so it can be clipped). */
static void rrect(Pen *p, float x, float y, float w, float h, float r, df_Color c) {
    r = fminf(r, fminf(w, h) / 2);
    float cxs[4] = {x + w - r, x + r, x + r, x + w - r}, cys[4] = {y + r, y + r, y + h - r, y + h - r};
    float pts[2 * 24];
    int k = 0;
    for (int q = 0; q < 4; q++)
        for (int i = 0; i < 6; i++) {
            float a = -1.5707963f * (float)q - 1.5707963f * (float)i / 5.0f;
            pts[2 * k] = cxs[q] + r * cosf(a), pts[2 * k + 1] = cys[q] + r * sinf(a), k++;
        }
    poly(p, pts, k, c);
}

/* ------------------------------------------------------------------ persona tables */

static const df_Color SKIN[6] = {
    {246, 214, 190, 255}, {234, 190, 156, 255}, {212, 160, 118, 255},
    {178, 124, 86, 255},  {134, 90, 60, 255},   {94, 62, 44, 255},
};

typedef struct Named {
    const char *name;
    df_Color c;
} Named;

static const Named HAIR_COL[] = {
    {"black", {44, 38, 40, 255}},   {"brown", {104, 70, 46, 255}}, {"blonde", {218, 180, 112, 255}},
    {"grey", {176, 176, 180, 255}}, {"red", {170, 80, 44, 255}},
};

static const Named TOP_COL[] = {
    {"shirt", {116, 158, 196, 255}},  {"cardigan", {132, 146, 104, 255}}, {"jacket", {58, 68, 98, 255}},
    {"hoodie", {150, 84, 92, 255}},   {"uniform", {70, 92, 118, 255}},
};

static int find(const Named *t, int n, const char *s, int dflt) {
    if (!s) return dflt;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, s) == 0) return i;
    return dflt;
}

enum { H_SHORT, H_LONG, H_CURLY, H_BALD, H_BUN };
enum { T_SHIRT, T_CARDIGAN, T_JACKET, T_HOODIE, T_UNIFORM };

static int hair_style(const char *s) {
    static const char *const names[] = {"short", "long", "curly", "bald", "bun"};
    if (!s) return H_SHORT;
    for (int i = 0; i < 5; i++)
        if (strcmp(names[i], s) == 0) return i;
    return H_SHORT;
}

/* ------------------------------------------------------------------ mood curves */
/*                                   0     10     30     50     70     90    100 */
static const float K_BROW_Y[7]    = {-0.066f, -0.066f, -0.062f, -0.056f, -0.060f, -0.054f, -0.054f};
static const float K_BROW_TILT[7] = {-0.004f, -0.004f, 0.004f, 0.012f, 0.020f, 0.026f, 0.027f};
static const float K_BROW_ARCH[7] = {0.008f, 0.008f, 0.005f, 0.002f, 0.000f, -0.002f, -0.002f};
static const float K_BROW_GAP[7]  = {0.030f, 0.030f, 0.026f, 0.022f, 0.020f, 0.018f, 0.018f};
static const float K_BROW_TH[7]   = {0.013f, 0.013f, 0.014f, 0.016f, 0.018f, 0.020f, 0.020f};
static const float K_EYE_OPEN[7]  = {0.88f, 0.88f, 0.96f, 0.70f, 1.00f, 0.64f, 0.62f};
static const float K_EYE_LOW[7]   = {0.22f, 0.22f, 0.05f, 0.22f, 0.00f, 0.26f, 0.28f};
static const float K_LID_SLANT[7] = {0.00f, 0.00f, 0.10f, 0.30f, 0.38f, 0.55f, 0.58f};
static const float K_SMILE[7]     = {0.020f, 0.020f, -0.004f, -0.013f, -0.010f, -0.012f, -0.012f};
static const float K_MOUTH_W[7]   = {0.050f, 0.050f, 0.040f, 0.036f, 0.046f, 0.054f, 0.055f};
static const float K_OPEN[7]      = {0.000f, 0.000f, 0.000f, 0.000f, 0.066f, 0.034f, 0.036f};
static const float K_BOXY[7]      = {0.60f, 0.60f, 0.60f, 0.60f, 0.55f, 0.22f, 0.20f};
static const float K_TEETH_T[7]   = {0.00f, 0.00f, 0.00f, 0.00f, 0.28f, 0.52f, 0.52f};
static const float K_TEETH_B[7]   = {0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.48f, 0.48f};
static const float K_FLUSH[7]     = {0.06f, 0.06f, 0.16f, 0.30f, 0.62f, 0.86f, 0.92f};
static const float K_CREASE[7]    = {0.00f, 0.00f, 0.00f, 0.35f, 0.75f, 1.00f, 1.00f};
static const float K_LEAN[7]      = {0.00f, 0.00f, 0.04f, 0.10f, 0.55f, 0.90f, 0.95f};
static const float K_RAISE[7]     = {0.00f, 0.00f, 0.25f, 0.80f, 0.55f, 1.00f, 1.00f};
static const float K_CROSS[7]     = {0.00f, 0.00f, 0.00f, 1.00f, 0.00f, 0.00f, 0.00f};
static const float K_GESTURE[7]   = {0.00f, 0.00f, 0.00f, 0.00f, 1.00f, 1.00f, 1.00f};
static const float K_POINT[7]     = {0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 1.00f, 1.00f};

/* ------------------------------------------------------------------ the figure */

typedef struct Head {
    float x, y, s; /* centre and scale of the head; face offsets are in unit coords */
} Head;

static float HX(const Head *h, float x) { return h->x + x * h->s; }
static float HY(const Head *h, float y) { return h->y + y * h->s; }

static void hair_back(Pen *p, const Head *h, int style, df_Color hc) {
    float s = h->s;
    switch (style) {
    case H_SHORT:
        ell(p, HX(h, 0), HY(h, -0.045f), 0.176f * s, 0.172f * s, hc);
        break;
    case H_LONG:
        ell(p, HX(h, 0), HY(h, -0.04f), 0.198f * s, 0.19f * s, hc);
        rrect(p, HX(h, -0.198f), HY(h, -0.04f), 0.396f * s, 0.33f * s, 0.07f * s, hc);
        break;
    case H_CURLY: {
        ell(p, HX(h, 0), HY(h, -0.05f), 0.205f * s, 0.19f * s, hc);
        for (int i = 0; i < 11; i++) {
            float a = 2.6f + 4.2f * (float)i / 10.0f;
            ell(p, HX(h, 0.19f * cosf(a)), HY(h, -0.05f + 0.18f * sinf(a)), 0.05f * s, 0.05f * s, hc);
        }
        break;
    }
    case H_BUN:
        ell(p, HX(h, 0), HY(h, -0.215f), 0.072f * s, 0.064f * s, hc);
        ell(p, HX(h, 0), HY(h, -0.025f), 0.172f * s, 0.18f * s, hc);
        break;
    default: break;
    }
}

static void hair_front(Pen *p, const Head *h, int style, df_Color hc) {
    float s = h->s;
    df_Color dk = shade(hc, 0.8f);
    float cx = HX(h, 0), cy = HY(h, -0.02f), rx = 0.171f * s, ry = 0.19f * s;
    switch (style) {
    case H_SHORT:
        seg(p, cx, cy, rx, ry, 3.55f, 5.95f, hc);                            /* cap, hairline */
        {
            float sw[8] = {HX(h, -0.168f), HY(h, -0.04f), HX(h, -0.15f), HY(h, -0.12f), HX(h, -0.02f),
                           HY(h, -0.17f), HX(h, 0.02f), HY(h, -0.125f)};
            poly(p, sw, 4, hc); /* side-swept fringe */
        }
        line(p, HX(h, -0.163f), HY(h, -0.06f), HX(h, -0.158f), HY(h, -0.005f), 0.016f * s, hc); /* sideburns */
        line(p, HX(h, 0.163f), HY(h, -0.06f), HX(h, 0.158f), HY(h, -0.005f), 0.016f * s, hc);
        curve(p, HX(h, -0.06f), HY(h, -0.195f), HX(h, -0.02f), HY(h, -0.16f), HX(h, 0.03f), HY(h, -0.15f),
              0.007f * s, dk);
        break;
    case H_LONG:
        seg(p, cx, cy, rx + 0.004f * s, ry, 3.45f, 4.76f, hc); /* centre parting: two halves */
        seg(p, cx, cy, rx + 0.004f * s, ry, 4.66f, 5.97f, hc);
        ell(p, HX(h, -0.158f), HY(h, -0.03f), 0.026f * s, 0.07f * s, hc); /* hair falls over the temples */
        ell(p, HX(h, 0.158f), HY(h, -0.03f), 0.026f * s, 0.07f * s, hc);
        line(p, HX(h, 0), HY(h, -0.205f), HX(h, -0.004f), HY(h, -0.17f), 0.006f * s, dk);
        break;
    case H_CURLY:
        seg(p, cx, cy, rx + 0.006f * s, ry, 3.5f, 5.93f, hc);
        for (int i = 0; i < 6; i++) {
            float t = (float)i / 5.0f, a = lerpf(3.75f, 5.68f, t);
            float x = 0.15f * cosf(a), y = -0.02f + 0.17f * sinf(a) + 0.05f;
            ell(p, HX(h, x), HY(h, y), 0.03f * s, 0.026f * s, hc);
        }
        break;
    case H_BUN:
        seg(p, cx, cy, rx, ry, 3.45f, 5.97f, hc);
        line(p, HX(h, -0.09f), HY(h, -0.16f), HX(h, -0.02f), HY(h, -0.205f), 0.006f * s, dk);
        line(p, HX(h, 0.09f), HY(h, -0.16f), HX(h, 0.02f), HY(h, -0.205f), 0.006f * s, dk);
        line(p, HX(h, -0.045f), HY(h, -0.224f), HX(h, 0.045f), HY(h, -0.224f), 0.012f * s, dk); /* band */
        break;
    case H_BALD:
        seg(p, HX(h, 0), HY(h, -0.015f), 0.168f * s, 0.188f * s, 2.75f, 3.45f, hc);
        seg(p, HX(h, 0), HY(h, -0.015f), 0.168f * s, 0.188f * s, 5.97f, 6.67f, hc);
        ell(p, HX(h, -0.07f), HY(h, -0.15f), 0.04f * s, 0.018f * s, with_a(rgb(255, 255, 255), 0.12f));
        break;
    default: break;
    }
}

static void eye(Pen *p, const Head *h, float side, float open, float low, float slant, df_Color skin,
                df_Color lidc, df_Color ink) {
    float s = h->s, ex = HX(h, side * 0.062f), ey = HY(h, 0.0f), rx = 0.029f * s, ry = 0.02f * s;
    ell(p, ex, ey, rx, ry, rgb(250, 249, 246));
    ell(p, ex + side * -0.002f * s, ey + 0.001f * s, 0.0135f * s, 0.0135f * s, rgb(72, 50, 38));
    ell(p, ex + side * -0.002f * s, ey + 0.001f * s, 0.007f * s, 0.007f * s, rgb(26, 20, 18));
    ell(p, ex + side * -0.002f * s + 0.005f * s, ey - 0.004f * s, 0.0035f * s, 0.0035f * s, rgb(255, 255, 255));
    /* upper lid: its edge falls with (1 - open); the inner corner falls further with slant */
    float top = ey - ry, span = 2 * ry;
    float yo = top + (1 - open) * span * 0.9f, yi = top + clampf((1 - open) * 0.9f + slant * 0.5f, 0, 0.96f) * span;
    float xo = ex + side * (rx + 0.006f * s), xi = ex - side * (rx + 0.006f * s);
    float lid[8] = {xo, top - 0.02f * s, xi, top - 0.02f * s, xi, yi, xo, yo};
    poly(p, lid, 4, skin);
    /* lower lid */
    float yl = ey + ry - low * span * 0.5f;
    float ll[8] = {xo, yl + 0.003f * s, xi, yl + 0.003f * s, xi, ey + ry + 0.02f * s, xo, ey + ry + 0.02f * s};
    poly(p, ll, 4, skin);
    /* lash line along the lid edge, only over the eye */
    float wo = rx * sqrtf(clampf(1 - ((yo - ey) / ry) * ((yo - ey) / ry), 0, 1));
    float wi = rx * sqrtf(clampf(1 - ((yi - ey) / ry) * ((yi - ey) / ry), 0, 1));
    line(p, ex + side * fmaxf(wo, 0.35f * rx), yo, ex - side * fmaxf(wi, 0.35f * rx), yi, 0.0065f * s, ink);
    (void)lidc;
}

/* The mouth: a centre line y = m - smile * x^2 (x in -1..1), opening above and below it. */
typedef struct Mouth {
    float cx, cy, w, smile, open, boxy;
} Mouth;

static float m_mid(const Mouth *m, float x) { return m->cy - m->smile * x * x; }
static float m_bulge(const Mouth *m, float x) { return powf(clampf(1 - x * x, 0, 1), m->boxy); }
static float m_top(const Mouth *m, float x) { return m_mid(m, x) - m->open * 0.36f * m_bulge(m, x); }
static float m_bot(const Mouth *m, float x) { return m_mid(m, x) + m->open * 0.64f * m_bulge(m, x); }

/* Fills between y = top(x) + a0..a1 fractions of the opening, as vertical strips (convex). */
static void m_fill(Pen *p, const Mouth *m, float f0, float f1, float grow, df_Color c) {
    const int N = 10;
    for (int i = 0; i < N; i++) {
        float xa = -1 + 2 * (float)i / N, xb = -1 + 2 * (float)(i + 1) / N;
        float ta = m_top(m, xa), ba = m_bot(m, xa), tb = m_top(m, xb), bb = m_bot(m, xb);
        float q[8] = {m->cx + xa * (m->w + grow), lerpf(ta, ba, f0) - grow * m_bulge(m, xa),
                      m->cx + xb * (m->w + grow), lerpf(tb, bb, f0) - grow * m_bulge(m, xb),
                      m->cx + xb * (m->w + grow), lerpf(tb, bb, f1) + grow * m_bulge(m, xb),
                      m->cx + xa * (m->w + grow), lerpf(ta, ba, f1) + grow * m_bulge(m, xa)};
        poly(p, q, 4, c);
    }
}

void df_ui_portrait(df_DrawList *dl, df_Rect box, const df_Look *look, float agitation, float t) {
    if (!dl || box.w <= 1 || box.h <= 1) return;
    float a = agitation;
    if (!(a == a)) a = 0;
    a = clampf(a, 0, 100);
    if (!(t == t) || t < 0) t = 0;

    /* persona */
    int skin_i = look ? look->skin : 3;
    if (skin_i < 1 || skin_i > 6) skin_i = 3;
    int style = hair_style(look ? look->hair : NULL);
    df_Color hc = HAIR_COL[find(HAIR_COL, 5, look ? look->hair_colour : NULL, 1)].c;
    int top = find(TOP_COL, 5, look ? look->top : NULL, T_SHIRT);
    df_Color cloth = TOP_COL[top].c;

    /* mood */
    float flush = key(K_FLUSH, a), lean = key(K_LEAN, a), raise = key(K_RAISE, a);
    float cross = key(K_CROSS, a), gesture = key(K_GESTURE, a), point = key(K_POINT, a);
    if (look && look->remote) gesture = point = 0; /* a voice down the line or an email: no hand at anyone */
    float crease = key(K_CREASE, a);

    /* idle motion: slow breathing always, quicker shallow breathing when worked up; blinks */
    float breath = sinf(t * 6.2831853f / 4.2f) * (1 - 0.5f * lean) + sinf(t * 6.2831853f / 1.5f) * 0.6f * lean;
    float ph = fmodf(t, 4.7f), blink = 0;
    if (ph > 4.5f) blink = 1 - fabsf((ph - 4.5f) / 0.16f * 2 - 1);
    blink = clampf(blink, 0, 1);

    /* pen: unit square centred in the box, zoomed about its bottom centre as the resident leans in */
    float S = fminf(box.w, box.h), z = 1 + 0.07f * lean;
    Pen pen = {dl, box.x + (box.w - S) / 2, box.y + (box.h - S) / 2, S, box};
    pen.ox += S * 0.5f * (1 - z), pen.oy += S * (1 - z), pen.s = S * z;
    Pen *p = &pen;
    /* how far below the square the body may continue (tall boxes), in unit coords */
    float bottom = fminf(1.0f + ((box.y + box.h) - (box.y + (box.h - S) / 2 + S)) / pen.s, 1.3f) + 0.02f;
    /* the body ends in one clean cut (arms included) at the box bottom or a little below the square */
    pen.clip.h = fminf(box.y + box.h, PY(p, bottom - 0.02f)) - box.y;

    df_Color skin = SKIN[skin_i - 1];
    df_Color red = rgb(214, 58, 52);
    df_Color face = mixc(skin, red, 0.20f * clampf(flush * 1.2f - 0.2f, 0, 1));
    df_Color skin_sh = shade(skin, 0.86f), neck = mixc(shade(skin, 0.82f), red, 0.12f * flush);
    df_Color ink = mixc(shade(skin, 0.28f), rgb(34, 28, 30), 0.6f);
    df_Color cloth_sh = shade(cloth, 0.84f), cloth_dk = shade(cloth, 0.7f);
    /* sleeves over the body: darker on light cloth, lighter on dark cloth, so arms always read */
    bool dark_cloth = cloth.r * 3 + cloth.g * 6 + cloth.b < 900;
    df_Color sleeve1 = dark_cloth ? mixc(cloth, rgb(255, 255, 255), 0.13f) : shade(cloth, 0.84f);
    df_Color sleeve2 = dark_cloth ? mixc(cloth, rgb(255, 255, 255), 0.2f) : shade(cloth, 0.76f);

    /* posture */
    float by = 0.004f * breath;                    /* body rise and fall */
    float sh_rise = 0.045f * raise;                /* shoulders up toward the ears */
    Head hd = {0.5f, 0.43f + 0.018f * lean + 0.01f * raise + 0.0025f * breath, 1.0f + 0.05f * lean};
    Head *h = &hd;
    float ny = 0.70f + by;                        /* neck base */
    float sr = 0.1f, sy = 0.845f - sh_rise + by, sw = 0.26f + 0.015f * lean;

    /* hood behind the neck */
    if (top == T_HOODIE) ell(p, 0.5f, ny - 0.005f, 0.17f, 0.075f, cloth_sh);
    /* long hair and buns sit behind everything on the head */
    if (style == H_LONG) hair_back(p, h, style, hc);

    /* torso */
    {
        float tor[16] = {0.5f - 0.09f, ny - 0.01f, 0.5f + 0.09f, ny - 0.01f, 0.5f + sw, sy - sr * 0.95f,
                         0.5f + sw + sr, sy,    0.5f + sw + sr + 0.02f, bottom, 0.5f - sw - sr - 0.02f, bottom,
                         0.5f - sw - sr, sy,    0.5f - sw, sy - sr * 0.95f};
        poly(p, tor, 8, cloth);
        ell(p, 0.5f - sw, sy, sr, sr, cloth);
        ell(p, 0.5f + sw, sy, sr, sr, cloth);
        /* arm creases: where the upper arms meet the body */
        line(p, 0.5f - sw + 0.01f, sy + 0.05f, 0.5f - sw + 0.03f, bottom, 0.008f, cloth_sh);
        line(p, 0.5f + sw - 0.01f, sy + 0.05f, 0.5f + sw - 0.03f, bottom, 0.008f, cloth_sh);
    }

    /* neck */
    rrect(p, 0.5f - 0.064f * h->s, HY(h, 0.1f), 0.128f * h->s, ny + 0.04f - HY(h, 0.1f), 0.02f, neck);

    /* clothing details around the neck */
    switch (top) {
    case T_SHIRT: {
        float v[6] = {0.5f - 0.058f, ny - 0.012f, 0.5f + 0.058f, ny - 0.012f, 0.5f, ny + 0.07f};
        poly(p, v, 3, neck);
        df_Color col = shade(cloth, 1.12f);
        float l[8] = {0.5f - 0.07f, ny - 0.022f, 0.5f - 0.004f, ny + 0.075f, 0.5f - 0.05f, ny + 0.06f, 0.5f - 0.1f, ny + 0.02f};
        float r[8] = {0.5f + 0.07f, ny - 0.022f, 0.5f + 0.1f, ny + 0.02f, 0.5f + 0.05f, ny + 0.06f, 0.5f + 0.004f, ny + 0.075f};
        poly(p, l, 4, col);
        poly(p, r, 4, col);
        line(p, 0.5f, ny + 0.08f, 0.5f, bottom, 0.006f, cloth_sh);
        ell(p, 0.5f + 0.012f, ny + 0.13f, 0.006f, 0.006f, shade(cloth, 1.2f));
        ell(p, 0.5f + 0.012f, ny + 0.21f, 0.006f, 0.006f, shade(cloth, 1.2f));
        break;
    }
    case T_CARDIGAN: {
        df_Color tee = rgb(238, 230, 212);
        float v[8] = {0.5f - 0.085f, ny - 0.015f, 0.5f + 0.085f, ny - 0.015f, 0.5f + 0.03f, bottom, 0.5f - 0.03f, bottom};
        poly(p, v, 4, tee);
        ell(p, 0.5f, ny - 0.005f, 0.058f, 0.03f, neck);
        line(p, 0.5f - 0.085f, ny - 0.012f, 0.5f - 0.03f, bottom, 0.012f, cloth_sh);
        line(p, 0.5f + 0.085f, ny - 0.012f, 0.5f + 0.03f, bottom, 0.012f, cloth_sh);
        for (int i = 0; i < 2; i++) ell(p, 0.5f - 0.056f + 0.012f * (float)i, ny + 0.15f + 0.08f * (float)i, 0.009f, 0.009f, shade(cloth, 0.6f));
        break;
    }
    case T_JACKET: {
        df_Color sh = rgb(240, 242, 245);
        float v[6] = {0.5f - 0.08f, ny - 0.015f, 0.5f + 0.08f, ny - 0.015f, 0.5f, ny + 0.2f};
        poly(p, v, 3, sh);
        float nv[6] = {0.5f - 0.05f, ny - 0.012f, 0.5f + 0.05f, ny - 0.012f, 0.5f, ny + 0.045f};
        poly(p, nv, 3, neck);
        float cl[6] = {0.5f - 0.062f, ny - 0.025f, 0.5f - 0.004f, ny + 0.05f, 0.5f - 0.075f, ny + 0.035f};
        float cr[6] = {0.5f + 0.062f, ny - 0.025f, 0.5f + 0.075f, ny + 0.035f, 0.5f + 0.004f, ny + 0.05f};
        poly(p, cl, 3, sh);
        poly(p, cr, 3, sh);
        float ll[8] = {0.5f - 0.085f, ny - 0.02f, 0.5f - 0.004f, ny + 0.2f, 0.5f - 0.05f, ny + 0.17f, 0.5f - 0.135f, ny + 0.06f};
        float lr[8] = {0.5f + 0.085f, ny - 0.02f, 0.5f + 0.135f, ny + 0.06f, 0.5f + 0.05f, ny + 0.17f, 0.5f + 0.004f, ny + 0.2f};
        poly(p, ll, 4, cloth_dk);
        poly(p, lr, 4, cloth_dk);
        ell(p, 0.5f, ny + 0.25f, 0.009f, 0.009f, cloth_dk);
        break;
    }
    case T_HOODIE: {
        ell(p, 0.5f, ny + 0.002f, 0.09f, 0.045f, cloth_sh);
        ell(p, 0.5f, ny - 0.004f, 0.066f, 0.032f, neck);
        df_Color str = rgb(236, 232, 226);
        line(p, 0.5f - 0.035f, ny + 0.02f, 0.5f - 0.04f, ny + 0.14f, 0.009f, str);
        line(p, 0.5f + 0.035f, ny + 0.02f, 0.5f + 0.042f, ny + 0.12f, 0.009f, str);
        line(p, 0.5f - 0.16f, ny + 0.22f, 0.5f + 0.16f, ny + 0.22f, 0.008f, cloth_sh); /* pocket */
        break;
    }
    case T_UNIFORM: {
        float v[6] = {0.5f - 0.055f, ny - 0.012f, 0.5f + 0.055f, ny - 0.012f, 0.5f, ny + 0.05f};
        poly(p, v, 3, neck);
        float l[8] = {0.5f - 0.07f, ny - 0.03f, 0.5f - 0.003f, ny + 0.06f, 0.5f - 0.06f, ny + 0.065f, 0.5f - 0.11f, ny + 0.02f};
        float r[8] = {0.5f + 0.07f, ny - 0.03f, 0.5f + 0.11f, ny + 0.02f, 0.5f + 0.06f, ny + 0.065f, 0.5f + 0.003f, ny + 0.06f};
        poly(p, l, 4, cloth_dk);
        poly(p, r, 4, cloth_dk);
        line(p, 0.5f - 0.13f, sy - sr * 0.75f + 0.01f, 0.5f - sw - 0.02f, sy - sr * 0.55f, 0.03f, cloth_dk);
        line(p, 0.5f + 0.13f, sy - sr * 0.75f + 0.01f, 0.5f + sw + 0.02f, sy - sr * 0.55f, 0.03f, cloth_dk);
        line(p, 0.5f, ny + 0.065f, 0.5f, bottom, 0.006f, cloth_dk);
        rrect(p, 0.5f + 0.07f, ny + 0.1f, 0.11f, 0.09f, 0.012f, cloth_sh);  /* pocket */
        line(p, 0.5f + 0.07f, ny + 0.105f, 0.5f + 0.18f, ny + 0.105f, 0.018f, cloth_dk);
        rrect(p, 0.5f - 0.16f, ny + 0.11f, 0.085f, 0.028f, 0.006f, rgb(228, 222, 196)); /* name badge */
        break;
    }
    default: break;
    }

    /* head: hair behind, ears, face, features, hair in front */
    if (style != H_LONG) hair_back(p, h, style, hc);
    float s = h->s;
    for (int i = -1; i <= 1; i += 2) {
        ell(p, HX(h, 0.163f * (float)i), HY(h, 0.012f), 0.026f * s, 0.038f * s, face);
        ell(p, HX(h, 0.166f * (float)i), HY(h, 0.014f), 0.012f * s, 0.022f * s, skin_sh);
    }
    float jaw = 1 + 0.06f * clampf((a - 75) / 20, 0, 1); /* a clenched, squarer jaw at the top */
    ell(p, HX(h, 0), HY(h, -0.015f), 0.165f * s, 0.185f * s, face);
    ell(p, HX(h, 0), HY(h, 0.05f), 0.148f * jaw * s, 0.146f * s, face);

    /* eyes */
    float open = key(K_EYE_OPEN, a) * (1 - blink), low = key(K_EYE_LOW, a), slant = key(K_LID_SLANT, a);
    if (blink > 0) low *= 1 - blink;
    eye(p, h, -1, open, low, slant, face, skin_sh, ink);
    eye(p, h, 1, open, low, slant, face, skin_sh, ink);

    /* flush on the cheeks (the whole face also warms, above) */
    df_Color blush = with_a(rgb(226, 84, 78), 0.12f + 0.42f * flush);
    ell(p, HX(h, -0.095f), HY(h, 0.055f), 0.042f * s, 0.026f * s, blush);
    ell(p, HX(h, 0.095f), HY(h, 0.055f), 0.042f * s, 0.026f * s, blush);

    /* brows: outer end, a middle that can arch, inner end that drops and draws in */
    {
        float bywt = key(K_BROW_Y, a), tilt = key(K_BROW_TILT, a), arch = key(K_BROW_ARCH, a);
        float gap = key(K_BROW_GAP, a), th = key(K_BROW_TH, a);
        df_Color bc = mixc(hc, rgb(92, 60, 42), hc.r > 150 ? 0.62f : 0.15f); /* light hair, darker brows */
        for (int i = -1; i <= 1; i += 2) {
            float side = (float)i;
            float xo = side * 0.102f, xi = side * gap, xm = (xo + xi) / 2;
            float yo = bywt - 0.002f, yi = bywt + tilt, ym = (yo + yi) / 2 - arch - 0.006f;
            curve(p, HX(h, xo), HY(h, yo), HX(h, xm), HY(h, ym), HX(h, xi), HY(h, yi), th * s, bc);
        }
        if (crease > 0.01f) { /* tension lines between the brows */
            df_Color cc = mixc(face, shade(skin, 0.7f), crease);
            line(p, HX(h, -0.011f), HY(h, bywt + tilt - 0.026f), HX(h, -0.008f), HY(h, bywt + tilt + 0.004f), 0.005f * s, cc);
            line(p, HX(h, 0.011f), HY(h, bywt + tilt - 0.026f), HX(h, 0.008f), HY(h, bywt + tilt + 0.004f), 0.005f * s, cc);
        }
    }

    /* nose */
    {
        df_Color nc = shade(face, 0.84f);
        curve(p, HX(h, 0.004f), HY(h, 0.012f), HX(h, 0.02f), HY(h, 0.05f), HX(h, 0.012f), HY(h, 0.064f), 0.008f * s, nc);
        ell(p, HX(h, -0.002f), HY(h, 0.064f), 0.018f * s, 0.008f * s, nc);
    }

    /* mouth */
    {
        Mouth m = {HX(h, 0), HY(h, 0.118f), key(K_MOUTH_W, a) * s, key(K_SMILE, a) * s, key(K_OPEN, a) * s,
                   key(K_BOXY, a)};
        df_Color lip = mixc(shade(skin, 0.62f), rgb(150, 60, 60), 0.35f);
        df_Color inner = rgb(92, 34, 38);
        /* closed: a soft curve; the open shape draws over it */
        curve(p, m.cx - m.w, m_mid(&m, -1), m.cx, m.cy + m.smile * 1.0f, m.cx + m.w, m_mid(&m, 1), 0.011f * s, lip);
        if (m.open > 0.002f * s) {
            m_fill(p, &m, 0, 1, 0.005f * s * clampf(m.open / (0.02f * s), 0, 1), lip);
            m_fill(p, &m, 0, 1, 0, inner);
            float tt = key(K_TEETH_T, a), tb = key(K_TEETH_B, a);
            if (tt < 0.5f) m_fill(p, &m, 0.62f, 1, 0, rgb(196, 88, 92)); /* tongue */
            if (tt > 0.01f) m_fill(p, &m, 0, tt, 0, rgb(248, 246, 240));
            if (tb > 0.01f) m_fill(p, &m, 1 - tb, 1, 0, rgb(236, 234, 228));
            if (tt > 0.45f && tb > 0.4f) /* clenched: the line between the rows */
                line(p, m.cx - m.w * 0.92f, m_mid(&m, -0.95f) - m.open * 0.36f + m.open * 0.5f,
                     m.cx + m.w * 0.92f, m_mid(&m, 0.95f) - m.open * 0.36f + m.open * 0.5f, 0.004f * s, rgb(150, 140, 136));
        }
    }

    hair_front(p, h, style, hc);

    /* arms: crossed at Defensive; a raised hand from Venting that closes to a point at the top */
    if (cross > 0.01f) {
        float off = (1 - cross) * 0.3f, ay = 0.905f + off - 0.02f * raise;
        df_Color arm = sleeve1, arm2 = sleeve2;
        line(p, 0.5f - 0.25f, ay + 0.02f, 0.5f + 0.2f, ay - 0.03f, 0.085f, arm);   /* back forearm */
        ell(p, 0.5f + 0.215f, ay - 0.035f, 0.038f, 0.034f, skin);                 /* its hand, at the elbow */
        line(p, 0.5f + 0.26f, ay + 0.035f, 0.5f - 0.2f, ay - 0.01f, 0.09f, arm2);  /* front forearm */
        ell(p, 0.5f - 0.225f, ay - 0.02f, 0.036f, 0.04f, skin);
        line(p, 0.5f - 0.25f, ay - 0.04f, 0.5f - 0.21f, ay - 0.005f, 0.012f, skin_sh);
    }
    if (gesture > 0.01f) {
        float off = (1 - gesture) * 0.35f;
        float hx = 0.2f + 0.02f * point, hy = 0.79f + off - 0.02f * point;
        df_Color sleeve = sleeve2;
        line(p, 0.13f, bottom + 0.05f, hx + 0.01f, hy + 0.1f, 0.1f, sleeve);       /* forearm */
        /* palm; three fingers curl into a fist while the index swings across to point */
        float curl = point, k = smooth01(point * 1.6f);
        ell(p, hx, hy + 0.035f, 0.048f, 0.05f - 0.006f * curl, skin);
        for (int i = 0; i < 4; i++) {
            if (i == 1) continue;
            float fx = hx - 0.03f + 0.02f * (float)i, len = (0.06f - 0.006f * fabsf((float)i - 1.2f)) * (1 - 0.8f * curl);
            line(p, fx, hy + 0.01f, fx - 0.006f * (1 - curl) * (1.5f - (float)i), hy + 0.01f - len, 0.02f, skin);
        }
        {
            float ang = lerpf(-1.5708f, -0.12f, k), len = lerpf(0.062f, 0.08f, k);
            float bx0 = lerpf(hx - 0.01f, hx + 0.03f, k), by0 = lerpf(hy + 0.01f, hy + 0.012f, k);
            line(p, bx0, by0, bx0 + len * cosf(ang), by0 + len * sinf(ang), 0.02f, skin);
        }
        if (curl > 0.3f) /* knuckle creases of the fist */
            for (int i = 0; i < 2; i++)
                line(p, hx - 0.034f + 0.02f * (float)i, hy + 0.012f, hx - 0.034f + 0.02f * (float)i, hy + 0.03f, 0.005f,
                     mixc(skin, skin_sh, (curl - 0.3f) / 0.7f));
        line(p, lerpf(hx + 0.04f, hx - 0.02f, k), lerpf(hy + 0.055f, hy + 0.04f, k),
             lerpf(hx + 0.065f, hx + 0.025f, k), lerpf(hy + 0.02f, hy + 0.035f, k), 0.022f, skin); /* thumb */
        line(p, hx - 0.04f, hy + 0.06f, hx + 0.02f, hy + 0.07f, 0.005f, skin_sh);
    }
}
