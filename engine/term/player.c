/* player.c: the terminal face of the engine: menu, play loop, feedback and debrief. */
#define _POSIX_C_SOURCE 200809L
#include "term.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- output helpers */

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_ACCENT "\033[36m"

static const char *const band_color[DF_BAND_COUNT] = {"\033[32m", "\033[33m", "\033[38;5;208m",
                                                      "\033[31m", "\033[1;31m"};

static const char *col(const df_TermOpts *o, const char *code) { return o->color ? code : ""; }

void df_term_opts_default(df_TermOpts *o) {
    memset(o, 0, sizeof *o);
    o->in = stdin;
    o->out = stdout;
    o->err = stderr;
    const char *nc = getenv("NO_COLOR");
    o->color = isatty(fileno(stdout)) && !(nc && nc[0]);
    o->width = 76;
}

/* The engine's one format for minutes (df_minutes_text), never negative here. */
void df_format_minutes(double m, char *buf, size_t cap) {
    if (!isfinite(m) || m < 0) m = 0;
    df_minutes_text(m, false, buf, cap);
}

/* Prints len bytes of scenario or user text, terminal-safe (df_term_safe: control characters
 * shown as visible escapes, bidi overrides removed): nothing from a file drives the terminal. */
static void put_safe(FILE *f, int pad, const char *text, size_t len) {
    char small[1024];
    char *buf = len * 4 + 1 <= sizeof small ? small : malloc(len * 4 + 1);
    if (!buf) return;
    df_term_safe(text, len, buf, len * 4 + 1);
    fprintf(f, "%*s%s\n", pad, "", buf);
    if (buf != small) free(buf);
}

/* Prints text wrapped at the width, each line starting with indent. */
/* Word-wraps text to width: the first line starts after `first` columns already printed (a
 * "  - " bullet), the others are indented by `indent`. */
static void wrap_hanging(FILE *f, const char *text, int first, int indent, int width) {
    const char *p = text;
    int avail = width - first;
    if (avail < 20) avail = 20;
    int pad = 0; /* the first line's columns are already on the screen */
    while (*p) {
        if (*p == '\n') {
            fputc('\n', f);
            p++;
            pad = indent;
            continue;
        }
        const char *line = p, *brk = NULL;
        size_t c = 0;
        while (*p && *p != '\n') {
            if (*p == ' ') brk = p;
            if (((unsigned char)*p & 0xC0) != 0x80) c++;
            if ((int)c > avail && brk) break;
            p++;
        }
        const char *end = (*p && *p != '\n' && brk) ? brk : p;
        put_safe(f, pad, line, (size_t)(end - line));
        p = end;
        while (*p == ' ') p++;
        if (*p == '\n') p++;
        pad = indent;
        avail = width - indent < 20 ? 20 : width - indent;
    }
}

static void wrap(FILE *f, const char *text, int indent, int width) {
    fprintf(f, "%*s", indent, "");
    wrap_hanging(f, text, indent, indent, width);
}

static void meter(FILE *f, const df_TermOpts *o, double a) {
    int filled = (int)lround(a / 10);
    df_Band b = df_band_of(a);
    fputs(col(o, band_color[b]), f);
    for (int i = 0; i < 10; i++) fputs(i < filled ? "\u2588" : "\u2591", f);
    fprintf(f, " %s %d%s", df_band_name(b), (int)lround(a), col(o, C_RESET));
}

static void signed_delta(char *buf, size_t cap, double d) {
    long v = lround(d);
    if (v > 0) snprintf(buf, cap, "+%ld", v);
    else if (v < 0) snprintf(buf, cap, "\u2212%ld", -v);
    else snprintf(buf, cap, "\u00b10");
}

/* ---------------------------------------------------------------- play */

static void header(const df_Scenario *sc, const df_TermOpts *o) {
    FILE *f = o->out;
    fprintf(f, "\n%s== %s ==%s\n", col(o, C_BOLD), df_term_text(sc->title), col(o, C_RESET));
    fprintf(f, "You are: %s (%s). Resident: %s.\n", df_term_text(sc->role), df_term_text(sc->setting),
            df_term_text(sc->resident.name));
    if (sc->summary) wrap(f, sc->summary, 0, o->width);
    if (sc->nobjectives) {
        fprintf(f, "Objectives:\n");
        for (int i = 0; i < sc->nobjectives; i++) {
            fprintf(f, "  - ");
            wrap_hanging(f, sc->objectives[i], 4, 4, o->width);
        }
    }
    /* "about" goes with a round figure, not "about 34:58" */
    fprintf(f, "A calm %s takes about %ld minutes.\n", df_contact_noun(df_channel_of(sc->setting)),
            lround(df_calm_baseline(&sc->params)));
}

static void show_beat(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_State *st = df_run_state(run);
    const df_Scenario *sc = st->sc;
    char clock[16];
    df_format_minutes(st->clock, clock, sizeof clock);
    fprintf(f, "\n%s%s%s  ", col(o, C_BOLD), df_term_text(sc->resident.name), col(o, C_RESET));
    meter(f, o, st->agitation);
    fprintf(f, "  Trust %d  Clock %s%s\n", (int)lround(st->trust), clock,
            df_state_in_recovery(st) ? "  (recovering)" : "");
    char said[DF_LINE_MAX + 8];
    snprintf(said, sizeof said, "\"%s\"", df_run_line(run));
    wrap(f, said, 2, o->width);
    const int *vis;
    int n = df_run_visible(run, &vis);
    const df_Beat *b = &sc->beats[st->beat];
    fputc('\n', f);
    for (int i = 0; i < n; i++) {
        char num[8];
        snprintf(num, sizeof num, "%d. ", i + 1);
        fprintf(f, "  %s%s%s", col(o, C_ACCENT), num, col(o, C_RESET));
        /* continuation lines indented under the text */
        const char *t = b->choices[vis[i]].text;
        char tmp[DF_LINE_MAX];
        snprintf(tmp, sizeof tmp, "%s", t);
        int first = 1;
        const char *p = tmp;
        int avail = o->width - 5;
        while (*p) {
            const char *line = p, *brk = NULL;
            size_t c = 0;
            while (*p) {
                if (*p == ' ') brk = p;
                if (((unsigned char)*p & 0xC0) != 0x80) c++;
                if ((int)c > avail && brk) break;
                p++;
            }
            const char *end = (*p && brk) ? brk : p;
            put_safe(f, first ? 0 : 5, line, (size_t)(end - line));
            first = 0;
            p = end;
            while (*p == ' ') p++;
        }
    }
}

/* "up 13:40" / "down 4:30" / "no change": a change of the forecast, in words first. */
static void change_words(double d, char *buf, size_t cap) {
    char m[24];
    df_minutes_text(fabs(d), false, m, sizeof m);
    if (fabs(d) < 0.5 / 60) snprintf(buf, cap, "no change");
    else snprintf(buf, cap, "%s %s", d > 0 ? "up" : "down", m);
}

/* How the choice at step i moved the time to resolution: the engine's forecast before and
 * after it, as projected totals (minutes spent plus what is still ahead). */
static void forecast_line(const df_Run *run, int i, const df_TermOpts *o) {
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    if (i < 0 || i >= n) return;
    const df_Forecast *was = df_run_forecast_before(run, i), *now = &steps[i].forecast;
    if (!was->valid || !now->valid || df_run_over(run)) return;
    double dt = df_forecast_typical_total(now) - df_forecast_typical_total(was);
    double db = df_forecast_best_total(now) - df_forecast_best_total(was);
    char typ[24], best[24], cw[48], cb[48];
    df_minutes_text(df_forecast_typical_total(now), false, typ, sizeof typ);
    df_minutes_text(df_forecast_best_total(now), false, best, sizeof best);
    change_words(dt, cw, sizeof cw);
    change_words(db, cb, sizeof cb);
    const char *c = dt > 0.5 / 60 ? "\033[31m" : dt < -0.5 / 60 ? "\033[32m" : "";
    if (now->resolves)
        fprintf(o->out, "  Forecast to resolution: typical %s (%s%s%s), best still reachable %s (%s)%s\n", typ,
                col(o, c), cw, col(o, C_RESET), best, cb, now->sampled ? " (sampled)" : "");
    else
        fprintf(o->out, "  Forecast to resolution: typical %s (%s%s%s); no road from here resolves it now%s\n", typ,
                col(o, c), cw, col(o, C_RESET), now->sampled ? " (sampled)" : "");
}

static void feedback(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    if (n == 0) return;
    const df_Step *s = &steps[n - 1];
    const df_Scenario *sc = df_run_state(run)->sc;
    const df_Choice *c = &sc->beats[s->beat].choices[s->choice];
    char da[16], dt[16], mins[16];
    signed_delta(da, sizeof da, s->a_after - s->a_before);
    signed_delta(dt, sizeof dt, s->t_after - s->t_before);
    df_format_minutes(s->conversation + s->task + s->rework, mins, sizeof mins);
    fprintf(f, "\n  %s->%s Agitation %d -> %d (%s), trust %d -> %d (%s), +%s on the clock",
            col(o, C_DIM), col(o, C_RESET), (int)lround(s->a_before), (int)lround(s->a_after), da,
            (int)lround(s->t_before), (int)lround(s->t_after), dt, mins);
    if (s->task > 0) {
        char tk[16];
        df_format_minutes(s->task + s->rework, tk, sizeof tk);
        fprintf(f, " (task %s%s)", tk, s->rework > 0 ? ", with rework after a mistake" : "");
    }
    fputc('\n', f);
    if (!o->assess) forecast_line(run, n - 1, o);
    if (s->task_blocked)
        fprintf(f, "  The resident isn't taking this in yet: they need to feel heard and calmer first.\n");
    if (s->band_after != s->band_before)
        fprintf(f, "  Now: %s%s%s (%s)\n", col(o, band_color[s->band_after]), df_band_name(s->band_after),
                col(o, C_RESET), df_band_sign(s->band_after, df_channel_of(sc->setting)));
    if (!o->assess) {
        fprintf(f, "  %s[%s]%s", col(o, C_BOLD), df_grade_key(s->grade), col(o, C_RESET));
        if (c->coach) {
            fputc('\n', f);
            wrap(f, c->coach, 4, o->width);
        } else {
            fputc('\n', f);
        }
    }
}

/* Reads one line; returns 0 on EOF. Long lines are consumed whole. */
static int read_line(FILE *in, char *buf, size_t cap) {
    if (!fgets(buf, (int)cap, in)) return 0;
    size_t n = strlen(buf);
    if (n && buf[n - 1] != '\n' && !feof(in)) {
        int ch;
        while ((ch = fgetc(in)) != EOF && ch != '\n') {
        }
    }
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ')) buf[--n] = '\0';
    size_t lead = strspn(buf, " \t");
    memmove(buf, buf + lead, n - lead + 1);
    return 1;
}

/* Parses a whole-number answer in 1..max; 0 if it isn't one. */
static int parse_choice(const char *s, int max) {
    if (!*s) return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > max) return 0;
    return (int)v;
}

int df_term_play(df_Script *s, unsigned long long seed, const df_TermOpts *o, df_Run **out,
                 df_Error *err) {
    const df_Scenario *sc = df_script_scenario(s);
    *out = NULL;
    df_Run *run = df_run_new(sc, df_script_host(s), seed, err);
    if (!run) return DF_PLAY_ERROR;
    df_run_keep_forecasts(run, true);
    *out = run;
    int scripted = 0, nscript = o->choices ? o->nchoices : 0;
    bool quiet = o->replay_quiet && nscript > 0;
    if (!quiet) header(sc, o);
    while (!df_run_over(run)) {
        if (quiet && scripted >= nscript) quiet = false;
        if (!quiet) show_beat(run, o);
        const int *vis;
        int n = df_run_visible(run, &vis);
        int pick = 0;
        if (o->replay_quiet && scripted < nscript && (o->choices[scripted] < 1 || o->choices[scripted] > n)) {
            fprintf(o->out, "\n(the scenario changed at step %d: play goes on from here)\n", scripted + 1);
            nscript = scripted;
            if (quiet) {
                quiet = false;
                show_beat(run, o);
            }
        }
        if (scripted < nscript) {
            int v = o->choices[scripted];
            if (v < 1 || v > n) {
                fprintf(o->err, "defuse: --choices: step %d: choice %d is out of range (1-%d at beat '%s')\n",
                        scripted + 1, v, n, df_term_text(sc->beats[df_run_state(run)->beat].id));
                return DF_PLAY_USAGE;
            }
            pick = v;
            scripted++;
            if (!quiet) fprintf(o->out, "\nYour choice [1-%d]: %d\n", n, pick);
        } else {
            char line[256];
            while (!pick) {
                fprintf(o->out, "\nYour choice [1-%d, q to leave]: ", n);
                fflush(o->out);
                if (o->watch) { /* wait for input, looking at the file meanwhile */
                    for (;;) {
                        struct pollfd p = {fileno(o->in), POLLIN, 0};
                        if (poll(&p, 1, 250) > 0) break;
                        if (o->watch(o->watch_ud)) return DF_PLAY_RELOAD;
                    }
                }
                if (!read_line(o->in, line, sizeof line)) {
                    fprintf(o->out, "\n(end of input: leaving the scenario)\n");
                    return DF_PLAY_QUIT;
                }
                if (!strcmp(line, "q") || !strcmp(line, "Q")) return DF_PLAY_QUIT;
                pick = parse_choice(line, n);
                if (!pick) fprintf(o->out, "Please type a number from 1 to %d (or q to leave).", n);
            }
        }
        int rc = df_run_choose(run, pick, err);
        if (rc < 0) return DF_PLAY_ERROR;
        if (!quiet || scripted >= nscript) feedback(run, o);
    }
    if (o->choices && !o->replay_quiet && scripted < o->nchoices)
        fprintf(o->err, "defuse: note: %d choice%s left over after the ending were ignored\n",
                o->nchoices - scripted, o->nchoices - scripted == 1 ? "" : "s");
    df_term_debrief(run, o);
    return DF_PLAY_DONE;
}

/* ---------------------------------------------------------------- debrief */

static void bar(FILE *f, const df_TermOpts *o, int pct, int width) {
    int filled = (pct * width + 50) / 100;
    fputs(col(o, C_ACCENT), f);
    for (int i = 0; i < width; i++) fputs(i < filled ? "\u2588" : "\u2591", f);
    fputs(col(o, C_RESET), f);
}

/* Three honest bars: a calm visit, this run and the escalated road (the most time any path
 * that is not a safety exit takes), all from the engine. */
static void time_bars(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_Result *r = df_run_result(run);
    df_Forecast road;
    df_Error err;
    bool have = df_run_escalated_road(run, &road, &err) == 0 && road.valid;
    double top = r->total > r->baseline ? r->total : r->baseline;
    if (have && road.worst > top) top = road.worst;
    char calm[40];
    snprintf(calm, sizeof calm, "A calm %s", df_contact_noun(df_channel_of(df_run_state(run)->sc->setting)));
    struct { const char *label; double v; } rows[3] = {
        {calm, r->baseline}, {"This run", r->total}, {"The escalated road", have ? road.worst : -1}};
    for (int i = 0; i < 3; i++) {
        if (rows[i].v < 0) continue;
        char m[24];
        df_minutes_text(rows[i].v, false, m, sizeof m);
        fprintf(f, "  %-20s %8s  ", rows[i].label, m);
        bar(f, o, top > 0 ? (int)lround(rows[i].v / top * 100) : 0, 24);
        fputc('\n', f);
    }
    if (have)
        fprintf(f, "  (the escalated road: the most time any path through this scenario takes, safety exits\n"
                   "  aside, without going back over ground already covered%s)\n",
                road.sampled ? "; found from a sample of paths" : "");
    if (have && r->total > road.worst + 0.005)
        fprintf(f, "  This run took longer than the escalated road: it went round in circles.\n");
}

/* The forecast's line over the run beside agitation: before the first choice, then after each. */
static void forecast_over_run(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    if (!df_run_start_forecast(run)->valid) return;
    fprintf(f, "\nThe forecast over the run (projected time to resolution):\n");
    fprintf(f, "  %-9s %9s %9s  %s\n", "", "typical", "best", "agitation");
    for (int i = 0; i <= n; i++) {
        const df_Forecast *fc = i == 0 ? df_run_start_forecast(run) : &steps[i - 1].forecast;
        double a = i == 0 ? (n ? steps[0].a_before : df_run_state(run)->agitation) : steps[i - 1].a_after;
        char lab[16], typ[24], best[24];
        if (i == 0) snprintf(lab, sizeof lab, "start");
        else snprintf(lab, sizeof lab, "after %d", i);
        if (fc->valid) {
            df_minutes_text(df_forecast_typical_total(fc), false, typ, sizeof typ);
            df_minutes_text(df_forecast_best_total(fc), false, best, sizeof best);
        } else {
            snprintf(typ, sizeof typ, "-");
            snprintf(best, sizeof best, "-");
        }
        fprintf(f, "  %-9s %9s %9s  %3d %s\n", lab, typ, best, (int)lround(a), df_band_name(df_band_of(a)));
    }
}

/* "raised at 1, 3; missed at 2": the decisions that moved a dimension. */
static void evidence_text(const df_Step *steps, int n, int d, char *buf, size_t cap) {
    static const char *const verbs[DF_EVIDENCE_COUNT] = {"", "raised at ", "held at ", "lowered at ", "missed at "};
    size_t o = 0;
    buf[0] = '\0';
    for (int e = DF_EVIDENCE_RAISED; e < DF_EVIDENCE_COUNT; e++) {
        int any = 0;
        for (int i = 0; i < n && o + 16 < cap; i++) {
            if (steps[i].evidence[d] != e) continue;
            o += (size_t)snprintf(buf + o, cap - o, "%s%s%d", any ? ", " : o ? "; " : "", any ? "" : verbs[e], i + 1);
            any = 1;
        }
    }
}

/* The rubric: each dimension where it was at stake, with the decisions that moved it, and
 * the ones this run never put at stake. */
static void rubric(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_Result *r = df_run_result(run);
    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    fprintf(f, "\nRubric (each dimension where this run put it at stake; numbers are decisions):\n");
    int absent = 0;
    for (int d = 0; d < DF_DIM_COUNT; d++) {
        if (r->dims[d] < 0) {
            absent++;
            continue;
        }
        char ev[256];
        evidence_text(steps, n, d, ev, sizeof ev);
        fprintf(f, "  %-30s ", df_dim_label((df_Dim)d));
        bar(f, o, r->dims[d], 10);
        fprintf(f, " %3d  %s\n", r->dims[d], ev);
    }
    if (absent) {
        fprintf(f, "  Not part of this run:");
        int k = 0;
        for (int d = 0; d < DF_DIM_COUNT; d++)
            if (r->dims[d] < 0) fprintf(f, "%s %s", k++ ? "," : "", df_dim_label((df_Dim)d));
        fprintf(f, "\n");
    }
}

void df_term_debrief(const df_Run *run, const df_TermOpts *o) {
    FILE *f = o->out;
    const df_Result *r = df_run_result(run);
    if (!r) return;
    const df_State *st = df_run_state(run);
    const df_Scenario *sc = st->sc;
    if (r->final_failed && o->err) { /* the play goes on to the debrief; the author learns why */
        char m[1400];
        df_error_format(&r->final_error, m, sizeof m);
        fprintf(o->err, "defuse: the ending's words could not be made: %s\n", m);
    }
    if (r->final_line && r->final_line[0]) {
        char said[DF_LINE_MAX + 8];
        snprintf(said, sizeof said, "\"%s\"", r->final_line);
        fputc('\n', f);
        wrap(f, said, 2, o->width);
    }
    fprintf(f, "\n%s== Debrief ==%s\n", col(o, C_BOLD), col(o, C_RESET));
    fprintf(f, "Outcome: %s%s%s", col(o, C_BOLD), df_outcome_label(r->outcome), col(o, C_RESET));
    if (r->outcome != r->declared)
        fprintf(f, " (the story ended as \"%s\", but there was no safety threat)", df_outcome_label(r->declared));
    fprintf(f, "%s\n", r->critical ? " - critical error" : r->passed ? " - passed" : " - not passed");
    if (r->debrief) wrap(f, r->debrief, 2, o->width);
    fprintf(f, "Score: %d/100 (choices %d%%, outcome %d%%, ", r->score,
            (int)lround(r->choice_quality * 100), (int)lround(r->outcome_score * 100));
    if (r->time_scored)
        fprintf(f, "time %d%%)\n", (int)lround(r->time_score * 100));
    else
        fprintf(f, "time not scored for a safety exit)\n");
    if (r->critical) fprintf(f, "A critical error caps the score at 20.\n");

    char t[16], p1[16], p2[16], p3[16], p4[16];
    df_format_minutes(r->total, t, sizeof t);
    fprintf(f, "\nTime to resolution: %s%s%s, %.1fx a calm %s\n", col(o, C_BOLD), t, col(o, C_RESET), r->ratio,
            df_contact_noun(df_channel_of(df_run_state(run)->sc->setting)));
    time_bars(run, o);
    df_format_minutes(r->conversation, p1, sizeof p1);
    df_format_minutes(r->task, p2, sizeof p2);
    df_format_minutes(r->rework, p3, sizeof p3);
    df_format_minutes(r->follow_on, p4, sizeof p4);
    fprintf(f, "  Conversation  %8s\n  Task          %8s\n  Rework        %8s\n  Follow-on     %8s\n", p1,
            p2, p3, p4);
    for (int k = 0; k < DF_FO_COUNT; k++)
        if (r->follow_on_parts[k] > 0) {
            df_format_minutes(r->follow_on_parts[k], p1, sizeof p1);
            fprintf(f, "    %-20s %8s\n", df_follow_on_label((df_FollowOn)k), p1);
        }
    fprintf(f, "  (A model, not a measurement: see docs/model.md.)\n");

    forecast_over_run(run, o);
    rubric(run, o);

    const df_Step *steps;
    int n = df_run_steps(run, &steps);
    int shown = 0;
    fprintf(f, "\nTurning points:\n");
    for (int i = 0; i < n; i++) {
        const df_Step *s = &steps[i];
        const df_Beat *bt = &sc->beats[s->beat];
        const df_Choice *c = &bt->choices[s->choice];
        if (s->best == s->choice || s->grade <= DF_GRADE_GOOD) continue;
        const df_Choice *best = &bt->choices[s->best];
        char da[16];
        signed_delta(da, sizeof da, s->a_after - s->a_before);
        fprintf(f, "  %d. You said (%s, agitation %s):\n", i + 1, df_grade_key(s->grade), da);
        char q[DF_LINE_MAX];
        snprintf(q, sizeof q, "\"%s\"", c->text);
        wrap(f, q, 6, o->width);
        fprintf(f, "     Better:\n");
        snprintf(q, sizeof q, "\"%s\"", best->text);
        wrap(f, q, 6, o->width);
        if (best->coach) wrap(f, best->coach, 6, o->width);
        shown++;
    }
    if (!shown) fprintf(f, "  None: every choice was the best or a good one.\n");
}

/* ---------------------------------------------------------------- menu */

int df_term_menu(const df_MenuItem *items, int n, const df_TermOpts *o) {
    FILE *f = o->out;
    static const char *const order[] = {"counter", "phone", "email", "field", "enforcement", "internal"};
    for (;;) {
        fprintf(f, "\n%sdefuse - practise de-escalation%s\n", col(o, C_BOLD), col(o, C_RESET));
        int num = 0;
        int map[512];
        for (int g = 0; g < 6; g++) {
            int any = 0;
            for (int i = 0; i < n && num < 512; i++) {
                if (strcmp(items[i].setting, order[g]) != 0) continue;
                if (!any) fprintf(f, "\n  %s%c%s%s\n", col(o, C_ACCENT), order[g][0] - 32, order[g] + 1, col(o, C_RESET));
                any = 1;
                map[num++] = i;
                char mine[64] = "";
                if (items[i].attempts > 0 && items[i].best >= 0)
                    snprintf(mine, sizeof mine, "; %d attempt%s, best %d", items[i].attempts, items[i].attempts == 1 ? "" : "s", items[i].best);
                else if (items[i].attempts > 0)
                    snprintf(mine, sizeof mine, "; %d unfinished attempt%s", items[i].attempts, items[i].attempts == 1 ? "" : "s");
                fprintf(f, "  %2d. %s  (%s, %.0f min%s)\n", num, df_term_text(items[i].title), df_term_text(items[i].role),
                        items[i].minutes, mine);
                if (items[i].summary) {
                    char s[600];
                    snprintf(s, sizeof s, "%s", items[i].summary);
                    wrap(f, s, 6, o->width);
                }
            }
        }
        if (num == 0) {
            fprintf(f, "No scenarios found.\n");
            return -1;
        }
        char line[256];
        fprintf(f, "\nPick a scenario [1-%d, q to quit]: ", num);
        fflush(f);
        if (!read_line(o->in, line, sizeof line)) {
            fputc('\n', f);
            return -1;
        }
        if (!strcmp(line, "q") || !strcmp(line, "Q")) return -1;
        int v = parse_choice(line, num);
        if (v) return map[v - 1];
        fprintf(f, "Please type a number from 1 to %d.\n", num);
    }
}

