/* band_marks.c: draws the band marks of every channel into one PNG (in person, on the phone,
 * in writing), at three sizes, so a person can look at them: build/tools/band_marks OUT.png */
#include <stdio.h>

#include "../../engine/platform/platform.h"
#include "../../engine/ui/screens.h"

int main(int argc, char **argv) {
    const char *out = argc > 1 ? argv[1] : "build/band-marks.png";
    char err[512];
    df_Fonts *fonts = df_fonts_open(NULL, err, sizeof err);
    if (!fonts) {
        fprintf(stderr, "band_marks: %s\n", err);
        return 1;
    }
    const char *rows[] = {"In person", "Phone", "Email"};
    const df_Color band[DF_BAND_COUNT] = {
        {46, 139, 120, 255}, {160, 150, 40, 255}, {214, 130, 30, 255}, {210, 80, 40, 255}, {170, 30, 40, 255}};
    df_Canvas *c = df_canvas_offscreen(1300, 3 * 120 + 60, fonts, err, sizeof err);
    if (!c) {
        fprintf(stderr, "band_marks: %s\n", err);
        return 1;
    }
    df_DrawList dl;
    df_dl_init(&dl);
    df_TextMeasure tm = df_fonts_measure(fonts);
    for (int ch = 0; ch < 3; ch++) {
        float y = 40.0f + (float)ch * 120;
        df_dl_text(&dl, &tm, (df_Rect){10, y, 150, 40}, rows[ch], 22, true, (df_Color){20, 30, 60, 255}, DF_ALIGN_LEFT);
        for (int b = 0; b < DF_BAND_COUNT; b++) {
            float x = 170.0f + (float)b * 225;
            df_band_mark(&dl, x, y + 20, 16, (df_Band)b, (df_Channel)ch, band[b]);
            df_band_mark(&dl, x + 30, y + 20, 32, (df_Band)b, (df_Channel)ch, band[b]);
            df_band_mark(&dl, x + 80, y + 20, 64, (df_Band)b, (df_Channel)ch, band[b]);
            const char *name = df_band_name((df_Band)b);
            df_dl_text(&dl, &tm, (df_Rect){x, y + 60, 220, 30}, name, 16, false, (df_Color){20, 30, 60, 255},
                       DF_ALIGN_LEFT);
        }
    }
    df_canvas_draw(c, &dl, (df_Color){250, 248, 243, 255});
    int rc = df_canvas_save_png(c, out, err, sizeof err);
    if (rc) fprintf(stderr, "band_marks: %s\n", err);
    else printf("wrote %s\n", out);
    df_dl_deinit(&dl);
    df_canvas_free(c);
    df_fonts_close(fonts);
    return rc ? 1 : 0;
}
