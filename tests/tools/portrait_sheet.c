/* portrait_sheet.c: draws the resident portrait at every band for a few looks into one PNG,
 * so a person can look at it: build/tools/portrait_sheet OUT.png */
#include <stdio.h>

#include "../../engine/platform/platform.h"

int main(int argc, char **argv) {
    const char *out = argc > 1 ? argv[1] : "build/portraits.png";
    char err[512];
    df_Fonts *fonts = df_fonts_open(NULL, err, sizeof err);
    if (!fonts) {
        fprintf(stderr, "portrait_sheet: %s\n", err);
        return 1;
    }
    const df_Look looks[] = {
        {1, "short", "brown", "shirt"}, {3, "curly", "black", "cardigan"}, {5, "bun", "grey", "jacket"},
        {6, "bald", "black", "hoodie"}, {2, "long", "red", "uniform"},     {4, "long", "blonde", "shirt"},
    };
    const float bands[] = {8, 30, 50, 70, 92};
    const char *names[] = {"Settled", "Uneasy", "Defensive", "Venting", "Threatening"};
    int cell = 260, nl = (int)(sizeof looks / sizeof *looks);
    df_Canvas *c = df_canvas_offscreen(cell * 5, cell * nl + 40, fonts, err, sizeof err);
    if (!c) {
        fprintf(stderr, "portrait_sheet: %s\n", err);
        return 1;
    }
    df_DrawList dl;
    df_dl_init(&dl);
    df_TextMeasure tm = df_fonts_measure(fonts);
    for (int b = 0; b < 5; b++)
        df_dl_text(&dl, &tm, (df_Rect){(float)(b * cell), 8, (float)cell, 30}, names[b], 20, true,
                   (df_Color){20, 30, 60, 255}, DF_ALIGN_CENTER);
    for (int l = 0; l < nl; l++)
        for (int b = 0; b < 5; b++) {
            df_Rect box = {(float)(b * cell + 10), (float)(40 + l * cell + 10), (float)(cell - 20), (float)(cell - 20)};
            df_dl_rect(&dl, box, (df_Color){232, 236, 240, 255}, 16);
            df_ui_portrait(&dl, box, &looks[l], bands[b], 0);
        }
    df_canvas_draw(c, &dl, (df_Color){250, 248, 243, 255});
    int rc = df_canvas_save_png(c, out, err, sizeof err);
    if (rc) fprintf(stderr, "portrait_sheet: %s\n", err);
    else printf("wrote %s\n", out);
    df_dl_deinit(&dl);
    df_canvas_free(c);
    df_fonts_close(fonts);
    return rc ? 1 : 0;
}
