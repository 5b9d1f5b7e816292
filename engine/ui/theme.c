/* theme.c: the colour themes and the WCAG contrast ratio used to check them. */
#include <math.h>

#include "screens.h"

static const df_Theme light = {
    "light",
    {250, 248, 243, 255}, /* bg: warm off-white */
    {255, 255, 255, 255}, /* surface */
    {236, 240, 243, 255}, /* surface2 */
    {20, 33, 61, 255},    /* ink: deep navy */
    {70, 82, 100, 255},   /* ink_soft */
    {15, 110, 103, 255},  /* accent: teal */
    {255, 255, 255, 255}, /* on_accent */
    {180, 83, 9, 255},    /* focus ring */
    {{42, 157, 143, 255}, {163, 161, 58, 255}, {224, 159, 62, 255}, {217, 87, 43, 255}, {155, 27, 48, 255}},
    {28, 120, 80, 255},   /* good */
    {176, 38, 38, 255},   /* bad */
    {{15, 110, 103, 255}, {120, 140, 170, 255}, {224, 159, 62, 255}, {176, 38, 38, 255}},
    {210, 216, 224, 255}, /* line */
};

static const df_Theme contrast = {
    "contrast",
    {0, 0, 0, 255},
    {12, 12, 12, 255},
    {32, 32, 32, 255},
    {255, 255, 255, 255},
    {230, 230, 230, 255},
    {94, 234, 212, 255},
    {0, 0, 0, 255},
    {255, 212, 0, 255},
    {{94, 234, 212, 255}, {222, 222, 80, 255}, {255, 180, 80, 255}, {255, 110, 70, 255}, {255, 70, 100, 255}},
    {120, 230, 150, 255},
    {255, 120, 120, 255},
    {{94, 234, 212, 255}, {170, 190, 255, 255}, {255, 180, 80, 255}, {255, 110, 110, 255}},
    {90, 90, 90, 255},
};

/* Projector themes: projectors wash colours out and lift blacks, so ink and background sit
 * far apart (over 12:1) and the band colours are the saturated ends of each hue. */
static const df_Theme projector_dark = {
    "projector-dark",
    {16, 20, 26, 255},    /* bg: near black, not pure (pure black shows the lamp's grey) */
    {34, 40, 50, 255},    /* surface */
    {52, 60, 74, 255},    /* surface2 */
    {250, 250, 245, 255}, /* ink */
    {208, 214, 222, 255}, /* ink_soft */
    {94, 234, 212, 255},  /* accent */
    {16, 20, 26, 255},
    {255, 212, 0, 255},   /* focus */
    {{94, 234, 212, 255}, {230, 230, 90, 255}, {255, 180, 80, 255}, {255, 120, 80, 255}, {255, 85, 120, 255}},
    {120, 230, 150, 255},
    {255, 130, 130, 255},
    {{94, 234, 212, 255}, {170, 190, 255, 255}, {255, 180, 80, 255}, {255, 110, 110, 255}},
    {90, 100, 115, 255},
};

static const df_Theme projector_light = {
    "projector-light",
    {252, 252, 248, 255}, /* bg */
    {255, 255, 255, 255},
    {226, 231, 238, 255},
    {8, 14, 30, 255},     /* ink: near black navy */
    {40, 50, 66, 255},
    {0, 92, 86, 255},     /* accent: dark teal */
    {255, 255, 255, 255},
    {170, 60, 0, 255},
    {{0, 128, 112, 255}, {128, 120, 0, 255}, {190, 110, 0, 255}, {200, 60, 20, 255}, {150, 10, 40, 255}},
    {10, 110, 60, 255},
    {170, 20, 20, 255},
    {{0, 110, 100, 255}, {70, 90, 160, 255}, {200, 130, 20, 255}, {170, 30, 30, 255}},
    {180, 188, 200, 255},
};

const df_Theme *df_theme_get(const char *name) {
    if (name && !strcmp(name, "contrast")) return &contrast;
    if (name && !strcmp(name, "projector-dark")) return &projector_dark;
    if (name && !strcmp(name, "projector-light")) return &projector_light;
    if (!name || !strcmp(name, "light")) return &light;
    return NULL;
}

static double lin(uint8_t v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double df_luminance(df_Color c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); }

double df_contrast_ratio(df_Color a, df_Color b) {
    double la = df_luminance(a), lb = df_luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}
