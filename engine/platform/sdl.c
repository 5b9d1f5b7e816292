/* sdl.c: SDL2 + SDL_ttf + SDL_image + fontconfig behind platform.h: fonts, a bounded text
 * cache, the draw-list executor (shapes through SDL_RenderGeometry with soft edges), windows,
 * events and PNG output. The software renderer is chosen deliberately: no GPU is assumed. */
#include "platform.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- fonts */

#define MAX_SIZES 24
#define DF_PI 3.14159265f
#define CACHE_SIZE 512

typedef struct SizedFont {
    int px;
    bool bold;
    TTF_Font *font;
} SizedFont;

typedef struct CacheEntry {
    char *text;
    int px;
    bool bold;
    df_Color color;
    SDL_Texture *tex;
    SDL_Renderer *owner;
    int w, h;
    unsigned long used; /* frame stamp for LRU */
} CacheEntry;

struct df_Fonts {
    char regular[1024], bold[1024];
    SizedFont sizes[MAX_SIZES];
    int nsizes;
    CacheEntry cache[CACHE_SIZE];
    unsigned long frame;
    long rasterised;
    int ttf_inited;
};

static int find_font(const char *spec, char *out, size_t cap) {
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) return -1;
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    int rc = -1;
    if (pat) {
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern *m = FcFontMatch(cfg, pat, &res);
        FcChar8 *file = NULL;
        if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
            snprintf(out, cap, "%s", (const char *)file);
            rc = 0;
        }
        if (m) FcPatternDestroy(m);
        FcPatternDestroy(pat);
    }
    FcConfigDestroy(cfg);
    return rc;
}

df_Fonts *df_fonts_open(const char *path, char *err, size_t cap) {
    df_Fonts *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (path) {
        snprintf(f->regular, sizeof f->regular, "%s", path);
        snprintf(f->bold, sizeof f->bold, "%s", path);
    } else {
        if (find_font("DejaVu Sans", f->regular, sizeof f->regular) != 0) {
            snprintf(err, cap, "no font found through fontconfig (install fonts-dejavu-core, or use --font PATH)");
            free(f);
            return NULL;
        }
        if (find_font("DejaVu Sans:bold", f->bold, sizeof f->bold) != 0) snprintf(f->bold, sizeof f->bold, "%s", f->regular);
    }
    if (TTF_Init() != 0) {
        snprintf(err, cap, "cannot start SDL_ttf: %s", TTF_GetError());
        free(f);
        return NULL;
    }
    f->ttf_inited = 1;
    /* Open one size now so a missing or broken file is reported here, not mid-frame. */
    TTF_Font *probe = TTF_OpenFont(f->regular, 16);
    if (!probe) {
        snprintf(err, cap, "cannot open font %s: %s", f->regular, TTF_GetError());
        df_fonts_close(f);
        return NULL;
    }
    int w = 0, h = 0;
    if (TTF_SizeUTF8(probe, "Ag", &w, &h) != 0 || w <= 0 || h <= 0) {
        snprintf(err, cap, "font %s cannot render text", f->regular);
        TTF_CloseFont(probe);
        df_fonts_close(f);
        return NULL;
    }
    f->sizes[0] = (SizedFont){16, false, probe};
    f->nsizes = 1;
    return f;
}

static void cache_drop(CacheEntry *e) {
    if (e->tex) SDL_DestroyTexture(e->tex);
    free(e->text);
    memset(e, 0, sizeof *e);
}

void df_fonts_close(df_Fonts *f) {
    if (!f) return;
    for (int i = 0; i < CACHE_SIZE; i++) cache_drop(&f->cache[i]);
    for (int i = 0; i < f->nsizes; i++) TTF_CloseFont(f->sizes[i].font);
    if (f->ttf_inited) TTF_Quit();
    free(f);
}

long df_fonts_rasterised(const df_Fonts *f) { return f->rasterised; }

static TTF_Font *font_at(df_Fonts *f, int px, bool bold) {
    if (px < 6) px = 6;
    if (px > 400) px = 400;
    for (int i = 0; i < f->nsizes; i++)
        if (f->sizes[i].px == px && f->sizes[i].bold == bold) return f->sizes[i].font;
    TTF_Font *font = TTF_OpenFont(bold ? f->bold : f->regular, px);
    if (!font) font = TTF_OpenFont(f->regular, px);
    if (!font) return f->sizes[0].font;
    if (f->nsizes == MAX_SIZES) { /* evict the oldest size; its cached texts stay valid */
        TTF_CloseFont(f->sizes[1].font);
        memmove(&f->sizes[1], &f->sizes[2], sizeof(SizedFont) * (MAX_SIZES - 2));
        f->nsizes--;
    }
    f->sizes[f->nsizes++] = (SizedFont){px, bold, font};
    return font;
}

static float measure_width(void *ud, const char *s, size_t len, int px, bool bold) {
    df_Fonts *f = ud;
    char buf[2048];
    if (len >= sizeof buf) len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font_at(f, px, bold), buf, &w, &h) != 0) return (float)len * px * 0.6f;
    return (float)w;
}

static float measure_line(void *ud, int px) {
    df_Fonts *f = ud;
    return (float)TTF_FontLineSkip(font_at(f, px, false));
}

df_TextMeasure df_fonts_measure(df_Fonts *f) {
    df_TextMeasure m = {f, measure_width, measure_line};
    return m;
}

/* The cached texture of a string, rasterising it only on a miss. */
static CacheEntry *text_texture(df_Fonts *f, SDL_Renderer *r, const char *s, int px, bool bold, df_Color c) {
    CacheEntry *victim = &f->cache[0];
    unsigned h = 2166136261u;
    for (const char *p = s; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    h ^= (unsigned)px * 31u + (bold ? 7u : 0u) + ((unsigned)c.r << 8) + ((unsigned)c.g << 16) + ((unsigned)c.b << 24) + c.a;
    /* 8-way set associative: bounded memory, no full scan */
    int set = (int)(h % (CACHE_SIZE / 8)) * 8;
    for (int i = set; i < set + 8; i++) {
        CacheEntry *e = &f->cache[i];
        if (e->text && e->owner == r && e->px == px && e->bold == bold && !memcmp(&e->color, &c, sizeof c) &&
            !strcmp(e->text, s)) {
            e->used = f->frame;
            return e;
        }
        if (i == set || e->used < victim->used || !e->text) victim = e->text ? victim : e;
        if (victim->text && e->used < victim->used) victim = e;
    }
    cache_drop(victim);
    SDL_Color col = {c.r, c.g, c.b, c.a};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(font_at(f, px, bold), s, col);
    if (!surf) return NULL;
    f->rasterised++;
    victim->tex = SDL_CreateTextureFromSurface(r, surf);
    victim->w = surf->w;
    victim->h = surf->h;
    SDL_FreeSurface(surf);
    if (!victim->tex) return NULL;
    victim->text = strdup(s);
    victim->px = px;
    victim->bold = bold;
    victim->color = c;
    victim->owner = r;
    victim->used = f->frame;
    return victim;
}

/* ---------------------------------------------------------------- canvas */

#define LAYER_CACHE 6

typedef struct Layer {
    uint64_t key;
    int w, h;
    SDL_Texture *tex;
    unsigned long used;
} Layer;

/* A file watch: inotify on the file's folder, read by a thread that turns changes to the
 * file's name into SDL events (SDL_PushEvent is thread-safe); a pipe tells it to stop. */
typedef struct Watch {
    SDL_Thread *thread;
    int ifd, stop[2];
    char name[256];
} Watch;

struct df_Canvas {
    Watch *watch;
    /* the previous frame's commands and strings, to redraw only what changed */
    df_Cmd *prev;
    int nprev, capprev;
    char *prev_text;
    size_t prev_tcap;
    df_Color prev_bg;
    bool have_prev;
    df_Rect last_redraw;
    Layer layers[LAYER_CACHE];
    unsigned long frame;
    SDL_Window *win;
    SDL_Surface *surface; /* offscreen */
    SDL_Renderer *r;
    df_Fonts *fonts;
    int w, h;
    int req_w, req_h; /* the size asked for, to return to when leaving full screen */
    bool video;
    char renderer[64];
};

static int video_refs; /* SDL video is process-wide; counted so canvases can come and go */

df_Canvas *df_canvas_offscreen(int w, int h, df_Fonts *fonts, char *err, size_t cap) {
    df_Canvas *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surface) {
        snprintf(err, cap, "cannot create a %dx%d image: %s", w, h, SDL_GetError());
        free(c);
        return NULL;
    }
    c->r = SDL_CreateSoftwareRenderer(c->surface);
    if (!c->r) {
        snprintf(err, cap, "cannot create the software renderer: %s", SDL_GetError());
        SDL_FreeSurface(c->surface);
        free(c);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
    c->fonts = fonts;
    c->w = w;
    c->h = h;
    snprintf(c->renderer, sizeof c->renderer, "software (offscreen)");
    return c;
}

/* $DEFUSE_DISPLAY_TIMEOUT_MS, or 1.5 s: how long a display may take to answer. */
static int probe_timeout_ms(void) {
    const char *t = getenv("DEFUSE_DISPLAY_TIMEOUT_MS");
    long ms = t && *t ? strtol(t, NULL, 10) : 0;
    return ms > 0 && ms <= 60000 ? (int)ms : 1500;
}

bool df_display_available(char *why, size_t cap) {
    const char *d = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    const char *drv = getenv("SDL_VIDEODRIVER");
    bool want_x = true, want_wl = true;
    if (drv && *drv) {
        want_x = strstr(drv, "x11") != NULL;
        want_wl = strstr(drv, "wayland") != NULL;
        if (!want_x && !want_wl) return true; /* a driver asked for by name (dummy, kmsdrm, ...) */
    }
    if (!want_x) d = NULL;
    if (!want_wl) wl = NULL;
    return df_display_probe(d, wl, getenv("XDG_RUNTIME_DIR"), probe_timeout_ms(), why, cap) == 1;
}

/* SDL's video, started only after the probe. When every real driver fails SDL falls back to
 * "offscreen" (or "dummy"): windows nobody can see, a program that seems to hang. That
 * counts as no display unless SDL_VIDEODRIVER asked for it. */
static int video_start(const char *what, char *err, size_t cap) {
    char why[512];
    if (!df_display_available(why, sizeof why)) {
        snprintf(err, cap, "%s", why);
        return -1;
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, cap, "%s: %s", what, SDL_GetError());
        return -1;
    }
    const char *drv = SDL_GetCurrentVideoDriver(), *asked = getenv("SDL_VIDEODRIVER");
    if (drv && !(asked && *asked) && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy") || !strcmp(drv, "evdev"))) {
        snprintf(err, cap, "no display (SDL found no window system, only its %s driver)", drv);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return -1;
    }
    return 0;
}

/* Open windows, so an event can say which window it is for. */
#define MAX_WINDOWS 4
static df_Canvas *windows[MAX_WINDOWS];

static df_Canvas *window_of(Uint32 id) {
    for (int i = 0; i < MAX_WINDOWS; i++)
        if (windows[i] && windows[i]->win && SDL_GetWindowID(windows[i]->win) == id) return windows[i];
    return NULL;
}

int df_displays(df_Display *out, int cap, char *err, size_t errcap) {
    if (video_refs == 0 && video_start("cannot open the display", err, errcap) != 0) return -1;
    int n = SDL_GetNumVideoDisplays();
    if (n < 0) snprintf(err, errcap, "cannot list the displays: %s", SDL_GetError());
    for (int i = 0; i < n && i < cap; i++) {
        SDL_Rect r = {0, 0, 0, 0};
        SDL_GetDisplayBounds(i, &r);
        const char *name = SDL_GetDisplayName(i);
        out[i] = (df_Display){r.x, r.y, r.w, r.h, {0}};
        snprintf(out[i].name, sizeof out[i].name, "%s", name ? name : "display");
    }
    if (video_refs == 0) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return n < 0 ? -1 : n < cap ? n : cap;
}

df_Canvas *df_canvas_window(const char *title, int w, int h, bool fullscreen, df_Fonts *fonts, char *err,
                            size_t cap) {
    return df_canvas_window_on(title, -1, w, h, fullscreen, fonts, err, cap);
}

df_Canvas *df_canvas_window_on(const char *title, int display, int w, int h, bool fullscreen, df_Fonts *fonts,
                               char *err, size_t cap) {
    /* Without a GPU, SDL on X11 would route even the software renderer through OpenGL
     * (llvmpipe): much more memory and a slower first frame. Use the plain framebuffer. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    if (video_refs == 0 && video_start("cannot open a window", err, cap) != 0) return NULL;
    video_refs++;
    df_Canvas *c = calloc(1, sizeof *c);
    if (!c) goto fail;
    c->video = true;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    bool on_display = display >= 0 && display < SDL_GetNumVideoDisplays();
    if (on_display) x = y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display);
    c->req_w = w, c->req_h = h;
    SDL_Rect b;
    if (fullscreen && SDL_GetDisplayBounds(on_display ? display : 0, &b) == 0) {
        /* Cover the display from the start: without a window manager (a kiosk, Xvfb) the
         * full-screen request alone would leave a window of the requested size. */
        x = b.x, y = b.y, w = b.w, h = b.h;
        flags |= SDL_WINDOW_BORDERLESS;
    }
    c->win = SDL_CreateWindow(title, x, y, w, h, flags);
    if (!c->win) {
        snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
        goto fail;
    }
    SDL_SetWindowMinimumSize(c->win, 640, 400);
    c->r = SDL_CreateRenderer(c->win, -1, SDL_RENDERER_SOFTWARE);
    if (!c->r) {
        snprintf(err, cap, "cannot create a renderer: %s", SDL_GetError());
        goto fail;
    }
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(c->r, &info) == 0) snprintf(c->renderer, sizeof c->renderer, "%s", info.name);
    SDL_GetRendererOutputSize(c->r, &c->w, &c->h);
    c->fonts = fonts;
    SDL_StartTextInput();
    for (int i = 0; i < MAX_WINDOWS; i++)
        if (!windows[i]) {
            windows[i] = c;
            break;
        }
    return c;
fail:
    if (c) {
        if (c->win) SDL_DestroyWindow(c->win);
        free(c);
    }
    if (--video_refs == 0) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return NULL;
}

void df_canvas_free(df_Canvas *c) {
    if (!c) return;
    df_unwatch(c);
    free(c->prev);
    free(c->prev_text);
    for (int i = 0; i < LAYER_CACHE; i++)
        if (c->layers[i].tex) SDL_DestroyTexture(c->layers[i].tex);
    /* textures belong to the renderer: drop the cache entries that point at it */
    if (c->fonts)
        for (int i = 0; i < CACHE_SIZE; i++)
            if (c->fonts->cache[i].owner == c->r) cache_drop(&c->fonts->cache[i]);
    if (c->r) SDL_DestroyRenderer(c->r);
    if (c->surface) SDL_FreeSurface(c->surface);
    if (c->win) SDL_DestroyWindow(c->win);
    for (int i = 0; i < MAX_WINDOWS; i++)
        if (windows[i] == c) windows[i] = NULL;
    if (c->video && --video_refs == 0) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    free(c);
}

void df_canvas_size(const df_Canvas *c, int *w, int *h) {
    *w = c->w;
    *h = c->h;
}

const char *df_canvas_renderer_name(const df_Canvas *c) { return c->renderer; }

void df_canvas_toggle_fullscreen(df_Canvas *c) {
    if (!c->win) return;
    Uint32 fs = SDL_GetWindowFlags(c->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(c->win, fs ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_SetWindowBordered(c->win, fs ? SDL_TRUE : SDL_FALSE); /* a window opened full screen is borderless */
    if (fs && c->req_w > 0) { /* back to the size asked for, not the display's */
        SDL_SetWindowSize(c->win, c->req_w, c->req_h);
        SDL_SetWindowPosition(c->win, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
    }
}

/* ---------------------------------------------------------------- shapes */

#define MAX_VERTS 4096

typedef struct Geo {
    SDL_Vertex v[MAX_VERTS];
    int n;
} Geo;

static SDL_Color sdlc(df_Color c, float alpha) {
    SDL_Color s = {c.r, c.g, c.b, (Uint8)(c.a * alpha)};
    return s;
}

static void tri(Geo *g, float x1, float y1, SDL_Color c1, float x2, float y2, SDL_Color c2, float x3, float y3,
                SDL_Color c3) {
    if (g->n + 3 > MAX_VERTS) return;
    g->v[g->n++] = (SDL_Vertex){{x1, y1}, c1, {0, 0}};
    g->v[g->n++] = (SDL_Vertex){{x2, y2}, c2, {0, 0}};
    g->v[g->n++] = (SDL_Vertex){{x3, y3}, c3, {0, 0}};
}

static void flush(SDL_Renderer *r, Geo *g) {
    if (g->n) SDL_RenderGeometry(r, NULL, g->v, g->n, NULL, 0);
    g->n = 0;
}

/* A closed outline of points (x, y) around a centre: filled as a fan, with a one-pixel
 * feathered rim fading to transparent, so curves look smooth without multisampling. */
static void fan(SDL_Renderer *r, Geo *g, float cx, float cy, const float *pts, int n, df_Color c) {
    SDL_Color solid = sdlc(c, 1), clear = sdlc(c, 0);
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        float x1 = pts[2 * i], y1 = pts[2 * i + 1], x2 = pts[2 * j], y2 = pts[2 * j + 1];
        tri(g, cx, cy, solid, x1, y1, solid, x2, y2, solid);
        /* outward normal of the edge, one pixel long, for the feather */
        float dx1 = x1 - cx, dy1 = y1 - cy, l1 = sqrtf(dx1 * dx1 + dy1 * dy1);
        float dx2 = x2 - cx, dy2 = y2 - cy, l2 = sqrtf(dx2 * dx2 + dy2 * dy2);
        if (l1 < 0.5f || l2 < 0.5f) continue;
        float ox1 = x1 + dx1 / l1, oy1 = y1 + dy1 / l1, ox2 = x2 + dx2 / l2, oy2 = y2 + dy2 / l2;
        tri(g, x1, y1, solid, ox1, oy1, clear, x2, y2, solid);
        tri(g, x2, y2, solid, ox1, oy1, clear, ox2, oy2, clear);
        if (g->n > MAX_VERTS - 12) flush(r, g);
    }
    flush(r, g);
}

static int segments_for(float radius) {
    int n = (int)(radius * 0.8f);
    if (n < 12) n = 12;
    if (n > 160) n = 160;
    return n;
}

static void draw_ellipse(SDL_Renderer *r, Geo *g, df_Rect b, df_Color c) {
    float cx = b.x + b.w / 2, cy = b.y + b.h / 2, rx = b.w / 2, ry = b.h / 2;
    int n = segments_for(rx > ry ? rx : ry);
    float pts[2 * 160];
    for (int i = 0; i < n; i++) {
        float a = 2.0f * DF_PI * (float)i / (float)n;
        pts[2 * i] = cx + rx * cosf(a);
        pts[2 * i + 1] = cy + ry * sinf(a);
    }
    fan(r, g, cx, cy, pts, n, c);
}

static int corner_steps(float rad) {
    int per = rad < 1 ? 1 : segments_for(rad) / 4 + 2;
    return per > 40 ? 40 : per;
}

/* Points around a rounded rectangle, per steps on each corner (0: chosen from the radius). */
static void rounded_outline_n(df_Rect b, float rad, int per, float *pts, int *n) {
    if (rad > b.w / 2) rad = b.w / 2;
    if (rad > b.h / 2) rad = b.h / 2;
    if (rad < 0) rad = 0;
    if (per <= 0) per = corner_steps(rad);
    float cxs[4] = {b.x + b.w - rad, b.x + rad, b.x + rad, b.x + b.w - rad};
    float cys[4] = {b.y + rad, b.y + rad, b.y + b.h - rad, b.y + b.h - rad};
    int k = 0;
    for (int q = 0; q < 4; q++) {
        for (int i = 0; i <= per; i++) {
            float a = -DF_PI / 2 * (float)q - DF_PI / 2 * (float)i / (float)per;
            pts[2 * k] = cxs[q] + rad * cosf(a);
            pts[2 * k + 1] = cys[q] + rad * sinf(a);
            k++;
        }
    }
    *n = k;
}


static void draw_rect(SDL_Renderer *r, Geo *g, df_Rect b, df_Color c, float rad) {
    if (rad < 0.5f) {
        SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
        SDL_FRect fr = {b.x, b.y, b.w, b.h};
        SDL_RenderFillRectF(r, &fr);
        return;
    }
    /* Straight parts as plain rectangles (fast in the software renderer), corners as
     * quarter fans with a feathered rim. */
    /* whole pixels, so the rectangles and the corner fans meet without seams */
    int lx = (int)lroundf(b.x), ty = (int)lroundf(b.y), rx = (int)lroundf(b.x + b.w), by = (int)lroundf(b.y + b.h);
    int ir = (int)lroundf(rad);
    if (ir > (rx - lx) / 2) ir = (rx - lx) / 2;
    if (ir > (by - ty) / 2) ir = (by - ty) / 2;
    b = (df_Rect){(float)lx, (float)ty, (float)(rx - lx), (float)(by - ty)};
    rad = (float)ir;
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_Rect parts[3] = {{lx + ir, ty, rx - lx - 2 * ir, by - ty}, {lx, ty + ir, ir, by - ty - 2 * ir},
                         {rx - ir, ty + ir, ir, by - ty - 2 * ir}};
    SDL_RenderFillRects(r, parts, 3);
    int per = corner_steps(rad);
    const float cxs[4] = {b.x + b.w - rad, b.x + rad, b.x + rad, b.x + b.w - rad};
    const float cys[4] = {b.y + rad, b.y + rad, b.y + b.h - rad, b.y + b.h - rad};
    SDL_Color solid = sdlc(c, 1), clear = sdlc(c, 0);
    for (int q = 0; q < 4; q++) {
        for (int i = 0; i < per; i++) {
            float a1 = -DF_PI / 2 * (float)q - DF_PI / 2 * (float)i / (float)per;
            float a2 = -DF_PI / 2 * (float)q - DF_PI / 2 * (float)(i + 1) / (float)per;
            float x1 = cxs[q] + rad * cosf(a1), y1 = cys[q] + rad * sinf(a1);
            float x2 = cxs[q] + rad * cosf(a2), y2 = cys[q] + rad * sinf(a2);
            tri(g, cxs[q], cys[q], solid, x1, y1, solid, x2, y2, solid);
            float ox1 = x1 + cosf(a1), oy1 = y1 + sinf(a1), ox2 = x2 + cosf(a2), oy2 = y2 + sinf(a2);
            tri(g, x1, y1, solid, ox1, oy1, clear, x2, y2, solid);
            tri(g, x2, y2, solid, ox1, oy1, clear, ox2, oy2, clear);
            if (g->n > MAX_VERTS - 12) flush(r, g);
        }
    }
    flush(r, g);
}

static void draw_frame(SDL_Renderer *r, Geo *g, df_Rect b, df_Color c, float rad, float t) {
    float outer[2 * 4 * 42], inner[2 * 4 * 42];
    int n, m;
    df_Rect ib = {b.x + t, b.y + t, b.w - 2 * t, b.h - 2 * t};
    if (ib.w <= 0 || ib.h <= 0) {
        draw_rect(r, g, b, c, rad);
        return;
    }
    int per = corner_steps(rad);
    rounded_outline_n(b, rad, per, outer, &n);
    rounded_outline_n(ib, rad - t > 0 ? rad - t : 0, per, inner, &m);
    SDL_Color s = sdlc(c, 1);
    for (int i = 0; i < n && i < m; i++) {
        int j = (i + 1) % n;
        tri(g, outer[2 * i], outer[2 * i + 1], s, inner[2 * i], inner[2 * i + 1], s, outer[2 * j], outer[2 * j + 1], s);
        tri(g, outer[2 * j], outer[2 * j + 1], s, inner[2 * i], inner[2 * i + 1], s, inner[2 * j], inner[2 * j + 1], s);
        if (g->n > MAX_VERTS - 12) flush(r, g);
    }
    flush(r, g);
}

static void draw_poly(SDL_Renderer *r, Geo *g, const float *pts, int n, df_Color c) {
    float cx = 0, cy = 0;
    for (int i = 0; i < n; i++) cx += pts[2 * i], cy += pts[2 * i + 1];
    fan(r, g, cx / (float)n, cy / (float)n, pts, n, c);
}

static void draw_line(SDL_Renderer *r, Geo *g, const float *p, float t, df_Color c) {
    float dx = p[2] - p[0], dy = p[3] - p[1], l = sqrtf(dx * dx + dy * dy);
    if (l < 0.01f) return;
    float nx = -dy / l * t / 2, ny = dx / l * t / 2;
    float quad[8] = {p[0] + nx, p[1] + ny, p[2] + nx, p[3] + ny, p[2] - nx, p[3] - ny, p[0] - nx, p[1] - ny};
    draw_poly(r, g, quad, 4, c);
    if (t >= 3) { /* round ends */
        draw_ellipse(r, g, (df_Rect){p[0] - t / 2, p[1] - t / 2, t, t}, c);
        draw_ellipse(r, g, (df_Rect){p[2] - t / 2, p[3] - t / 2, t, t}, c);
    }
}

static void translate(df_Cmd *c, float dx, float dy) {
    c->rect.x += dx;
    c->rect.y += dy;
    int n = c->kind == DF_CMD_LINE ? 2 : c->npts;
    for (int i = 0; i < n; i++) c->pts[2 * i] += dx, c->pts[2 * i + 1] += dy;
}

/* Index of the LAYER_END closing the layer opened at i (or dl->n). */
static int layer_end(const df_DrawList *dl, int i) {
    for (int k = i + 1; k < dl->n; k++)
        if (dl->v[k].kind == DF_CMD_LAYER_END) return k;
    return dl->n;
}

static void draw_cmd(df_Canvas *c, Geo *g, const df_DrawList *dl, const df_Cmd *cmd);

/* A layer: replay its cached picture, or draw it into a texture once and keep that. */
static int draw_layer(df_Canvas *c, Geo *g, const df_DrawList *dl, int i) {
    const df_Cmd *lc = &dl->v[i];
    int end = layer_end(dl, i);
    int w = (int)ceilf(lc->rect.w), h = (int)ceilf(lc->rect.h);
    SDL_Rect dst = {(int)floorf(lc->rect.x), (int)floorf(lc->rect.y), w, h};
    Layer *hit = NULL, *victim = &c->layers[0];
    for (int k = 0; k < LAYER_CACHE; k++) {
        Layer *ly = &c->layers[k];
        if (ly->tex && ly->key == lc->key && ly->w == w && ly->h == h) hit = ly;
        if (!ly->tex || ly->used < victim->used) victim = ly;
    }
    if (!hit && w > 0 && h > 0) {
        if (victim->tex) SDL_DestroyTexture(victim->tex);
        memset(victim, 0, sizeof *victim);
        victim->tex = SDL_CreateTexture(c->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (victim->tex && SDL_SetRenderTarget(c->r, victim->tex) == 0) {
            SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
            for (int k = i + 1; k < end; k++) {
                df_Cmd t = dl->v[k];
                translate(&t, -(float)dst.x, -(float)dst.y);
                draw_cmd(c, g, dl, &t);
            }
            SDL_SetRenderTarget(c->r, NULL);
            victim->key = lc->key;
            victim->w = w;
            victim->h = h;
            hit = victim;
        } else if (victim->tex) {
            SDL_DestroyTexture(victim->tex);
            victim->tex = NULL;
        }
    }
    if (hit) {
        hit->used = ++c->frame;
        SDL_RenderCopy(c->r, hit->tex, NULL, &dst);
    } else { /* no texture: draw directly */
        for (int k = i + 1; k < end; k++) draw_cmd(c, g, dl, &dl->v[k]);
    }
    return end;
}

static void draw_cmd(df_Canvas *c, Geo *g, const df_DrawList *dl, const df_Cmd *cmd) {
    SDL_Renderer *r = c->r;
    switch (cmd->kind) {
    case DF_CMD_RECT: draw_rect(r, g, cmd->rect, cmd->color, cmd->radius); break;
    case DF_CMD_FRAME: draw_frame(r, g, cmd->rect, cmd->color, cmd->radius, cmd->thickness); break;
    case DF_CMD_ELLIPSE: draw_ellipse(r, g, cmd->rect, cmd->color); break;
    case DF_CMD_POLY: draw_poly(r, g, cmd->pts, cmd->npts, cmd->color); break;
    case DF_CMD_LINE: draw_line(r, g, cmd->pts, cmd->thickness, cmd->color); break;
    case DF_CMD_CLIP:
        if (cmd->rect.w <= 0) {
            SDL_RenderSetClipRect(r, NULL);
        } else {
            SDL_Rect cr = {(int)cmd->rect.x, (int)cmd->rect.y, (int)ceilf(cmd->rect.w), (int)ceilf(cmd->rect.h)};
            SDL_RenderSetClipRect(r, &cr);
        }
        break;
    case DF_CMD_TEXT: {
        const char *s = df_dl_str(dl, cmd);
        if (!c->fonts || !*s) break;
        CacheEntry *e = text_texture(c->fonts, r, s, cmd->px, cmd->bold, cmd->color);
        if (!e) break;
        SDL_FRect dst = {roundf(cmd->rect.x), roundf(cmd->rect.y), (float)e->w, (float)e->h};
        SDL_RenderCopyF(r, e->tex, NULL, &dst);
        break;
    }
    case DF_CMD_LAYER:
    case DF_CMD_LAYER_END: break;
    }
}

df_Rect df_canvas_last_redraw(const df_Canvas *c) { return c->last_redraw; }

void df_canvas_invalidate(df_Canvas *c) { c->have_prev = false; }

/* A rectangle that contains everything a command can paint (generous for text). */
static df_Rect bbox(const df_Cmd *c, const char *text) {
    switch (c->kind) {
    case DF_CMD_POLY:
    case DF_CMD_LINE: {
        int n = c->kind == DF_CMD_LINE ? 2 : c->npts;
        float x0 = c->pts[0], y0 = c->pts[1], x1 = x0, y1 = y0, t = c->kind == DF_CMD_LINE ? c->thickness : 0;
        for (int i = 1; i < n; i++) {
            float x = c->pts[2 * i], y = c->pts[2 * i + 1];
            x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1, y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
        }
        return (df_Rect){x0 - t - 2, y0 - t - 2, x1 - x0 + 2 * t + 4, y1 - y0 + 2 * t + 4};
    }
    case DF_CMD_TEXT: {
        float w = (float)strlen(text) * (float)c->px * 0.75f + 4;
        return (df_Rect){c->rect.x - 2, c->rect.y - 2, w, (float)c->px * 1.6f + 4};
    }
    case DF_CMD_FRAME: return (df_Rect){c->rect.x - 2, c->rect.y - 2, c->rect.w + 4, c->rect.h + 4};
    default: return (df_Rect){c->rect.x - 2, c->rect.y - 2, c->rect.w + 4, c->rect.h + 6};
    }
}

static df_Rect unite(df_Rect a, df_Rect b) {
    if (a.w <= 0) return b;
    float x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    float x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w, y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (df_Rect){x0, y0, x1 - x0, y1 - y0};
}

static bool same_cmd(const df_Cmd *a, const char *ta, const df_Cmd *b, const char *tb) {
    df_Cmd x = *a, y = *b;
    x.toff = y.toff = 0;
    if (memcmp(&x, &y, sizeof x) != 0) return false;
    return a->kind != DF_CMD_TEXT || !strcmp(ta, tb);
}

/* What changed since the previous frame: a rectangle, empty if nothing, or the whole
 * canvas when the frames cannot be compared command by command. */
static df_Rect changed(df_Canvas *c, const df_DrawList *dl, df_Color bg) {
    df_Rect all = {0, 0, (float)c->w, (float)c->h}, d = {0, 0, 0, 0};
    if (!c->have_prev || c->nprev != dl->n || memcmp(&bg, &c->prev_bg, sizeof bg)) return all;
    for (int i = 0; i < dl->n; i++) {
        const df_Cmd *a = &c->prev[i], *b = &dl->v[i];
        const char *ta = c->prev_text + a->toff, *tb = df_dl_str(dl, b);
        if (a->kind == DF_CMD_CLIP || b->kind == DF_CMD_CLIP) {
            if (!same_cmd(a, ta, b, tb)) return all;
            continue;
        }
        if (!same_cmd(a, ta, b, tb)) d = unite(unite(d, bbox(a, ta)), bbox(b, tb));
    }
    return d;
}

static void remember(df_Canvas *c, const df_DrawList *dl, df_Color bg) {
    c->have_prev = false;
    if (c->capprev < dl->n) {
        df_Cmd *v = realloc(c->prev, (size_t)dl->n * sizeof *v);
        if (!v) return;
        c->prev = v;
        c->capprev = dl->n;
    }
    if (c->prev_tcap < dl->tlen + 1) {
        char *t = realloc(c->prev_text, dl->tlen + 1);
        if (!t) return;
        c->prev_text = t;
        c->prev_tcap = dl->tlen + 1;
    }
    if (dl->n) memcpy(c->prev, dl->v, (size_t)dl->n * sizeof *dl->v);
    if (dl->tlen) memcpy(c->prev_text, dl->text, dl->tlen);
    c->nprev = dl->n;
    c->prev_bg = bg;
    c->have_prev = true;
}

static bool meets(df_Rect a, df_Rect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void df_canvas_draw(df_Canvas *c, const df_DrawList *dl, df_Color bg) {
    SDL_Renderer *r = c->r;
    static Geo g; /* scratch vertex buffer: the UI runs on one thread */
    int ow = c->w, oh = c->h;
    if (c->win) SDL_GetRendererOutputSize(r, &c->w, &c->h);
    if (ow != c->w || oh != c->h) c->have_prev = false;
    if (c->fonts) c->fonts->frame++;
    /* Redraw only the union of what changed (a meter moving, the face changing): clip to
     * it, paint the ground there, and run the commands that touch it. */
    df_Rect dirty = changed(c, dl, bg);
    c->last_redraw = dirty;
    if (dirty.w <= 0) return; /* nothing changed: nothing to draw or present */
    bool partial = dirty.w * dirty.h < 0.6f * (float)c->w * (float)c->h;
    SDL_Rect clip = {(int)floorf(dirty.x), (int)floorf(dirty.y), (int)ceilf(dirty.w) + 1, (int)ceilf(dirty.h) + 1};
    if (partial) SDL_RenderSetClipRect(r, &clip);
    else SDL_RenderSetClipRect(r, NULL);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    if (partial) SDL_RenderFillRect(r, &clip);
    else SDL_RenderClear(r);
    for (int i = 0; i < dl->n; i++) {
        const df_Cmd *cmd = &dl->v[i];
        if (cmd->kind == DF_CMD_CLIP) { /* intersect a command's clip with the dirty area */
            if (!partial) {
                draw_cmd(c, &g, dl, cmd);
                continue;
            }
            SDL_Rect cr = clip;
            if (cmd->rect.w > 0) {
                SDL_Rect want = {(int)cmd->rect.x, (int)cmd->rect.y, (int)ceilf(cmd->rect.w), (int)ceilf(cmd->rect.h)};
                if (!SDL_IntersectRect(&want, &clip, &cr)) cr = (SDL_Rect){0, 0, 0, 0};
            }
            SDL_RenderSetClipRect(r, &cr);
            continue;
        }
        if (partial && cmd->kind != DF_CMD_LAYER_END && !meets(bbox(cmd, cmd->kind == DF_CMD_TEXT ? df_dl_str(dl, cmd) : ""), dirty)) {
            if (cmd->kind == DF_CMD_LAYER) i = layer_end(dl, i);
            continue;
        }
        if (cmd->kind == DF_CMD_LAYER) i = draw_layer(c, &g, dl, i);
        else draw_cmd(c, &g, dl, cmd);
    }
    remember(c, dl, bg);
    SDL_RenderSetClipRect(r, NULL);
    if (c->win) SDL_RenderPresent(r);
}

/* PNG bytes collected in memory (an SDL_RWops that only grows), so the file is written in
 * one checked pass: SDL_image does not report a failed write or close (a full disk,
 * /dev/full), and would leave half a file behind. */
typedef struct MemOut {
    unsigned char *data;
    size_t len, cap;
    bool failed;
} MemOut;

static size_t SDLCALL mem_write(SDL_RWops *rw, const void *p, size_t size, size_t n) {
    MemOut *m = rw->hidden.unknown.data1;
    if (size && n > (SIZE_MAX - m->len) / size) return m->failed = true, 0;
    size_t add = size * n;
    if (m->len + add > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        while (cap < m->len + add) cap *= 2;
        unsigned char *d = realloc(m->data, cap);
        if (!d) return m->failed = true, 0;
        m->data = d;
        m->cap = cap;
    }
    memcpy(m->data + m->len, p, add);
    m->len += add;
    return n;
}

static Sint64 SDLCALL mem_size(SDL_RWops *rw) { return (Sint64)((MemOut *)rw->hidden.unknown.data1)->len; }

static Sint64 SDLCALL mem_seek(SDL_RWops *rw, Sint64 off, int whence) {
    MemOut *m = rw->hidden.unknown.data1;
    if (off == 0 && (whence == RW_SEEK_CUR || whence == RW_SEEK_END)) return (Sint64)m->len;
    return SDL_SetError("seeking is not supported");
}

static size_t SDLCALL mem_read(SDL_RWops *rw, void *p, size_t size, size_t n) {
    (void)rw, (void)p, (void)size, (void)n;
    return 0;
}

static int SDLCALL mem_close(SDL_RWops *rw) {
    SDL_FreeRW(rw);
    return 0;
}

/* Writes all of data to path; a failed write or close removes what was written. */
static int write_file(const char *path, const unsigned char *data, size_t len, char *err, size_t cap) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, cap, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    size_t w = fwrite(data, 1, len, f);
    int e = w == len ? 0 : errno ? errno : EIO;
    if (fflush(f) != 0 && !e) e = errno ? errno : EIO;
    if (fclose(f) != 0 && !e) e = errno ? errno : EIO;
    if (e) {
        snprintf(err, cap, "cannot write %s: %s", path, strerror(e));
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) remove(path); /* not half a PNG */
        return -1;
    }
    return 0;
}

int df_canvas_save_png(df_Canvas *c, const char *path, char *err, size_t cap) {
    SDL_Surface *s = c->surface;
    SDL_Surface *tmp = NULL;
    if (!s) {
        tmp = SDL_CreateRGBSurfaceWithFormat(0, c->w, c->h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!tmp || SDL_RenderReadPixels(c->r, NULL, SDL_PIXELFORMAT_ARGB8888, tmp->pixels, tmp->pitch) != 0) {
            snprintf(err, cap, "cannot read the window's pixels: %s", SDL_GetError());
            if (tmp) SDL_FreeSurface(tmp);
            return -1;
        }
        s = tmp;
    }
    MemOut m = {NULL, 0, 0, false};
    SDL_RWops *rw = SDL_AllocRW();
    int rc = -1;
    if (!rw) {
        snprintf(err, cap, "cannot write %s: out of memory", path);
    } else {
        rw->type = SDL_RWOPS_UNKNOWN;
        rw->size = mem_size;
        rw->seek = mem_seek;
        rw->read = mem_read;
        rw->write = mem_write;
        rw->close = mem_close;
        rw->hidden.unknown.data1 = &m;
        if (IMG_SavePNG_RW(s, rw, 1) != 0 || m.failed || m.len == 0)
            snprintf(err, cap, "cannot write %s: %s", path, m.failed ? "out of memory" : IMG_GetError());
        else rc = write_file(path, m.data, m.len, err, cap);
    }
    free(m.data);
    if (tmp) SDL_FreeSurface(tmp);
    return rc;
}

df_Color df_canvas_pixel(df_Canvas *c, int x, int y) {
    df_Color out = {0, 0, 0, 0};
    if (!c->surface || x < 0 || y < 0 || x >= c->w || y >= c->h) return out;
    Uint32 px = ((Uint32 *)c->surface->pixels)[(size_t)y * (size_t)(c->surface->pitch / 4) + (size_t)x];
    SDL_GetRGBA(px, c->surface->format, &out.r, &out.g, &out.b, &out.a);
    return out;
}

/* ---------------------------------------------------------------- events */

unsigned long df_ticks_ms(void) { return (unsigned long)SDL_GetTicks64(); }

static Uint32 file_event_type(void) {
    static Uint32 type; /* registered once per process; SDL owns the numbering */
    if (!type) type = SDL_RegisterEvents(1);
    return type;
}

static int watch_thread(void *ud) {
    Watch *w = ud;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        struct pollfd p[2] = {{w->ifd, POLLIN, 0}, {w->stop[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) continue;
        if (p[1].revents) return 0;
        ssize_t n = read(w->ifd, buf, sizeof buf);
        if (n <= 0) continue;
        bool hit = false;
        for (char *q = buf; q < buf + n;) {
            struct inotify_event *e = (struct inotify_event *)(void *)q;
            if (e->len && !strcmp(e->name, w->name)) hit = true;
            q += sizeof *e + e->len;
        }
        if (hit) {
            SDL_Event ev;
            memset(&ev, 0, sizeof ev);
            ev.type = file_event_type();
            SDL_PushEvent(&ev);
        }
    }
}

int df_watch_file(df_Canvas *c, const char *path) {
    df_unwatch(c);
    if (file_event_type() == (Uint32)-1) return -1;
    Watch *w = calloc(1, sizeof *w);
    if (!w) return -1;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : path;
    if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    snprintf(w->name, sizeof w->name, "%s", base);
    w->ifd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->ifd < 0 || pipe(w->stop) != 0) {
        if (w->ifd >= 0) close(w->ifd);
        free(w);
        return -1;
    }
    if (inotify_add_watch(w->ifd, dir[0] ? dir : "/", IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
        close(w->ifd);
        close(w->stop[0]);
        close(w->stop[1]);
        free(w);
        return -1;
    }
    w->thread = SDL_CreateThread(watch_thread, "defuse-watch", w);
    if (!w->thread) {
        close(w->ifd);
        close(w->stop[0]);
        close(w->stop[1]);
        free(w);
        return -1;
    }
    c->watch = w;
    return 0;
}

void df_unwatch(df_Canvas *c) {
    Watch *w = c->watch;
    if (!w) return;
    if (write(w->stop[1], "x", 1) != 1) { /* the thread is then left to exit with the process */
    }
    SDL_WaitThread(w->thread, NULL);
    close(w->ifd);
    close(w->stop[0]);
    close(w->stop[1]);
    free(w);
    c->watch = NULL;
}

static int map_key(SDL_Keycode k, char *ch) {
    switch (k) {
    case SDLK_UP: return DF_KEY_UP;
    case SDLK_DOWN: return DF_KEY_DOWN;
    case SDLK_LEFT: return DF_KEY_LEFT;
    case SDLK_RIGHT: return DF_KEY_RIGHT;
    case SDLK_TAB: return DF_KEY_TAB;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return DF_KEY_ENTER;
    case SDLK_ESCAPE: return DF_KEY_ESCAPE;
    case SDLK_BACKSPACE: return DF_KEY_BACKSPACE;
    case SDLK_F11: return DF_KEY_F11;
    case SDLK_F1: return DF_KEY_F1;
    case SDLK_F5: return DF_KEY_F5;
    case SDLK_F6: return DF_KEY_F6;
    case SDLK_PAGEUP: return DF_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return DF_KEY_PAGEDOWN;
    case SDLK_HOME: return DF_KEY_HOME;
    case SDLK_END: return DF_KEY_END;
    case SDLK_SPACE: return DF_KEY_SPACE;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: return DF_KEY_PLUS;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return DF_KEY_MINUS;
    default: break;
    }
    if (k == SDLK_KP_0) return DF_KEY_0;
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
        *ch = (char)('1' + (k - SDLK_KP_1));
        return DF_KEY_CHAR;
    }
    if (k == SDLK_PERIOD || k == SDLK_KP_PERIOD) {
        *ch = '.';
        return DF_KEY_CHAR;
    }
    if ((k >= 'a' && k <= 'z') || (k >= '0' && k <= '9')) {
        *ch = (char)k;
        return k == '0' ? DF_KEY_0 : DF_KEY_CHAR;
    }
    return DF_KEY_OTHER;
}

bool df_wait_event(df_Canvas *c, df_Event *ev, int timeout_ms) {
    SDL_Event e;
    memset(ev, 0, sizeof *ev);
    int got = timeout_ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout_ms);
    if (!got) return false;
    switch (e.type) {
    case SDL_QUIT: ev->kind = DF_EV_QUIT; break;
    case SDL_KEYDOWN: {
        ev->kind = DF_EV_KEY;
        ev->window = window_of(e.key.windowID);
        ev->repeat = e.key.repeat != 0;
        ev->key = map_key(e.key.keysym.sym, &ev->ch);
        SDL_Keymod m = e.key.keysym.mod;
        ev->mods = ((m & KMOD_SHIFT) ? DF_MOD_SHIFT : 0) | ((m & KMOD_CTRL) ? DF_MOD_CTRL : 0) |
                   ((m & KMOD_ALT) ? DF_MOD_ALT : 0);
        break;
    }
    case SDL_TEXTINPUT:
        ev->kind = DF_EV_TEXT;
        snprintf(ev->text, sizeof ev->text, "%s", e.text.text);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e.button.button != SDL_BUTTON_LEFT) break;
        ev->kind = DF_EV_CLICK;
        ev->x = (float)e.button.x;
        ev->y = (float)e.button.y;
        break;
    case SDL_MOUSEMOTION:
        ev->kind = DF_EV_MOVE;
        ev->x = (float)e.motion.x;
        ev->y = (float)e.motion.y;
        break;
    case SDL_MOUSEWHEEL:
        ev->kind = DF_EV_WHEEL;
        ev->dy = (float)e.wheel.preciseY;
        break;
    case SDL_USEREVENT:
    default:
        if (e.type == file_event_type()) ev->kind = DF_EV_FILE;
        break;
    case SDL_WINDOWEVENT: {
        df_Canvas *w = window_of(e.window.windowID);
        ev->window = w;
        if (!w) w = c;
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_RESIZED) {
            ev->kind = DF_EV_RESIZE;
            if (w && w->r) SDL_GetRendererOutputSize(w->r, &w->w, &w->h);
        } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED) {
            ev->kind = DF_EV_EXPOSE;
        } else if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
            ev->kind = DF_EV_CLOSE;
        }
        break;
    }
    }
    return true;
}
