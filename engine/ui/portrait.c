/* portrait.c: the resident, drawn from simple shapes (placeholder until the full figure). */
#include "ui.h"

void df_ui_portrait(df_DrawList *dl, df_Rect box, const df_Look *look, float agitation, float t) {
    (void)look;
    (void)t;
    float cx = box.x + box.w / 2, cy = box.y + box.h * 0.42f, r = box.w * 0.22f;
    df_dl_rect(dl, (df_Rect){box.x + box.w * 0.2f, box.y + box.h * 0.7f, box.w * 0.6f, box.h * 0.3f}, (df_Color){60, 90, 140, 255}, box.w * 0.1f);
    df_dl_ellipse(dl, cx, cy, r, r * 1.15f, (df_Color){(uint8_t)(200 + agitation * 0.5f), 160, 130, 255});
}
