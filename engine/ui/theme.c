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

const df_Theme *df_theme_get(const char *name) {
    if (name && !strcmp(name, "contrast")) return &contrast;
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
