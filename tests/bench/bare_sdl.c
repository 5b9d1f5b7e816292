/* bare_sdl.c: the yardstick of the GUI benchmark: a bare SDL2 + SDL_ttf program that draws
 * 15 lines of text and a few rectangles in a window, prints when its first frame is shown,
 * then waits for events like a well-behaved idle app. Same renderer choice as defuse. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <time.h>

int main(int argc, char **argv) {
    int w = argc > 2 ? atoi(argv[1]) : 1920, h = argc > 2 ? atoi(argv[2]) : 1080;
    const char *font = argc > 3 ? argv[3] : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) return 1;
    SDL_Window *win = SDL_CreateWindow("bare", 0, 0, w, h, 0);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    TTF_Font *f = TTF_OpenFont(font, h / 38);
    if (!r || !f) return 1;
    SDL_SetRenderDrawColor(r, 250, 248, 243, 255);
    SDL_RenderClear(r);
    SDL_SetRenderDrawColor(r, 20, 110, 103, 255);
    for (int i = 0; i < 4; i++) {
        SDL_Rect rc = {40 + i * 220, h - 200, 200, 120};
        SDL_RenderFillRect(r, &rc);
    }
    SDL_Color ink = {20, 33, 61, 255};
    for (int i = 0; i < 15; i++) {
        char line[128];
        snprintf(line, sizeof line, "Line %d of the bare program: the quick brown fox jumps over the lazy dog.", i + 1);
        SDL_Surface *s = TTF_RenderUTF8_Blended(f, line, ink);
        SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
        SDL_Rect dst = {40, 40 + i * (h / 28), s->w, s->h};
        SDL_RenderCopy(r, t, NULL, &dst);
        SDL_DestroyTexture(t);
        SDL_FreeSurface(s);
    }
    SDL_RenderPresent(r);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    printf("presented %.3f\n", (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
    fflush(stdout);
    SDL_Event e;
    while (SDL_WaitEvent(&e))
        if (e.type == SDL_QUIT) break;
    TTF_CloseFont(f);
    SDL_Quit();
    return 0;
}
