/* bandmark.c: the mark of a band in a channel. In person the top band is an octagon (a stop
 * sign: someone over the counter). On the phone it is a handset being put down, and in
 * writing an envelope with an exclamation mark: there the worst is words, a hang-up, a
 * reporter copied in, never a body across the counter. */
#include <math.h>

#include "screens.h"

/* A telephone handset, tilted as if being put down: a bar with an ear and a mouth piece. */
static void handset(df_DrawList *dl, float x, float cy, float s, df_Color c) {
    float cx = x + s / 2, r = s * 0.2f;
    float a = -0.55f; /* tilted, on its way down */
    float dx = cosf(a) * s * 0.32f, dy = sinf(a) * s * 0.32f;
    df_dl_line(dl, cx - dx, cy - dy, cx + dx, cy + dy, s * 0.24f, c);
    /* the ear and mouth pieces, set off to one side of the grip */
    float nx = -sinf(a) * s * 0.1f, ny = cosf(a) * s * 0.1f;
    df_dl_ellipse(dl, cx - dx + nx, cy - dy + ny, r, r * 0.8f, c);
    df_dl_ellipse(dl, cx + dx + nx, cy + dy + ny, r, r * 0.8f, c);
}

/* An envelope with a bold exclamation mark beside its flap. */
static void envelope(df_DrawList *dl, float x, float cy, float s, df_Color c) {
    float w = s * 0.78f, h = s * 0.56f, t = s * 0.09f;
    float x0 = x, y0 = cy - h / 2;
    df_dl_frame(dl, (df_Rect){x0, y0, w, h}, c, s * 0.05f, t);
    df_dl_line(dl, x0 + t / 2, y0 + t / 2, x0 + w / 2, y0 + h * 0.55f, t, c);
    df_dl_line(dl, x0 + w - t / 2, y0 + t / 2, x0 + w / 2, y0 + h * 0.55f, t, c);
    float ex = x + s * 0.92f;
    df_dl_line(dl, ex, cy - s / 2, ex, cy + s * 0.18f, s * 0.13f, c);
    df_dl_ellipse(dl, ex, cy + s * 0.4f, s * 0.08f, s * 0.08f, c);
}

void df_band_mark(df_DrawList *dl, float x, float cy, float s, df_Band b, df_Channel ch, df_Color c) {
    if (b == DF_BAND_THREATENING && ch == DF_CHANNEL_PHONE)
        handset(dl, x, cy, s, c);
    else if (b == DF_BAND_THREATENING && ch == DF_CHANNEL_WRITING)
        envelope(dl, x, cy, s, c);
    else
        df_band_shape(dl, x, cy, s, b, c);
}
