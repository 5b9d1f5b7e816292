/* cmd_graph.c: defuse graph SCENARIO: the scenario's beats, endings and choices as a Graphviz
 * DOT digraph (render with 'dot -Tsvg'); --heat colours each beat by the average agitation on
 * arrival over every path the engine can walk. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/analysis.h"
#include "app.h"

#define GRAPH_FONT "DejaVu Sans"
#define EXCERPT_CHARS 40

static void graph_usage(FILE *f) {
    fprintf(f,
            "Usage: defuse graph SCENARIO [OPTIONS]\n"
            "\n"
            "Print the scenario as a Graphviz DOT graph: beats (with the start in bold and\n"
            "tripwire and safety beats as red octagons), endings shaped and coloured by\n"
            "outcome, and one edge per choice labelled with its number and tags. A choice\n"
            "whose 'go' is a function gets a dashed edge to each of its declared targets;\n"
            "choices the author graded harmful or critical are red. Render it with, e.g.,\n"
            "'dot -Tsvg'.\n"
            "\n"
            "Options:\n"
            "  --heat          walk every path (as 'analyze' does) and fill each beat by\n"
            "                  the average agitation on arrival, in band colours; beats\n"
            "                  no path reaches are white\n"
            "  --out FILE      write the graph to FILE instead of stdout\n"
            "  -h, --help      show this help\n"
            "  --version       show the version\n");
}

/* ---------------------------------------------------------------- DOT strings */

/* Writes s as the inside of a DOT double-quoted string: '"' and '\' escaped, newlines as \n,
 * carriage returns dropped, tabs and other control characters as spaces. */
static void dot_escape(FILE *f, const char *s) {
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc(c, f);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\r') {
            continue;
        } else if (c < 0x20 || c == 0x7f) {
            fputc(' ', f);
        } else {
            fputc(c, f);
        }
    }
}

static void dot_quoted(FILE *f, const char *s) {
    fputc('"', f);
    dot_escape(f, s);
    fputc('"', f);
}

/* The first ~max characters (code points) of s on one line (runs of white space become one
 * space), cut at a word when one is near, with "..." when anything was left out. */
static void excerpt(const char *s, int max, char *out, size_t cap) {
    size_t o = 0;
    int chars = 0;
    size_t last_space = 0;
    int space_chars = 0;
    bool cut = false, pending_space = false;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    for (const char *p = s; *p;) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = true;
            p++;
            continue;
        }
        size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (pending_space) {
            if (chars + 1 > max || o + 1 + 4 >= cap) { cut = true; break; }
            last_space = o;
            space_chars = chars;
            out[o++] = ' ';
            chars++;
            pending_space = false;
        }
        if (chars + 1 > max || o + len + 4 >= cap) { cut = true; break; }
        for (size_t i = 0; i < len && *p; i++) out[o++] = *p++;
        chars++;
    }
    if (cut && last_space && space_chars >= max * 2 / 3) o = last_space;
    if (cut) {
        while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == ',' || out[o - 1] == ';' || out[o - 1] == ':')) o--;
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = 0;
}

/* The resident's line of a beat at the lowest band it has (or "" when it is computed). */
static const char *first_line(const df_Text *t) {
    if (t->fixed) return t->fixed;
    for (int b = 0; b < DF_BAND_COUNT; b++)
        if (t->by_band[b]) return t->by_band[b];
    return NULL;
}

/* ---------------------------------------------------------------- colours */

/* Heat fills: the app's band colours (engine/ui/theme.c, light theme), with a font colour
 * that stays readable on each. */
static const char *const band_fill[DF_BAND_COUNT] = {"#2a9d8f", "#a3a13a", "#e09f3e", "#d9572b", "#9b1b30"};
static const char *const band_font[DF_BAND_COUNT] = {"black", "black", "black", "black", "white"};

typedef struct EndStyle {
    const char *shape, *style, *fill, *line;
} EndStyle;

static EndStyle ending_style(df_Outcome o) {
    switch (o) {
    case DF_OUT_RESOLVED_SATISFIED:
    case DF_OUT_RESOLVED_ACCEPTED: return (EndStyle){"doubleoctagon", "filled", "#c8e6c9", "#2e7d32"};
    case DF_OUT_ROUTED: return (EndStyle){"box", "rounded,filled", "#cfe2f3", "#1f5f99"};
    case DF_OUT_UNRESOLVED: return (EndStyle){"ellipse", "filled", "#e6e6e6", "#666666"};
    case DF_OUT_ESCALATED: return (EndStyle){"box", "filled", "#f8c9c9", "#b02626"};
    case DF_OUT_SAFETY_EXIT: return (EndStyle){"octagon", "filled", "#ffd8a8", "#d9480f"};
    case DF_OUT_BREACH: return (EndStyle){"tripleoctagon", "filled", "#e8a0a0", "#8b0000"};
    default: return (EndStyle){"ellipse", "filled", "#ffffff", "#000000"};
    }
}

/* ---------------------------------------------------------------- the graph */

static void write_beat(FILE *f, const df_Scenario *sc, int b, const df_Walk *heat) {
    const df_Beat *bt = &sc->beats[b];
    bool start = b == sc->start, safety = b == sc->safety;
    char line[EXCERPT_CHARS * 4 + 8] = "";
    const char *said = first_line(&bt->says);
    if (said) excerpt(said, EXCERPT_CHARS, line, sizeof line);

    fputs("  ", f);
    dot_quoted(f, bt->id);
    fputs(" [label=\"", f);
    dot_escape(f, bt->id);
    if (start) fputs(" (start)", f);
    if (bt->tripwire || safety) {
        fputs("\\nSAFETY: ", f);
        fputs(bt->tripwire && safety ? "tripwire, safety beat" : bt->tripwire ? "tripwire" : "safety beat", f);
    }
    if (*line) {
        fputs("\\n\\\"", f); /* the line in quotes: \" */
        dot_escape(f, line);
        fputs("\\\"", f);
    } else if (bt->says.fn) {
        fputs("\\n(line computed by a function)", f);
    }
    const char *fill = "#ffffff", *font = "black";
    if (heat) {
        const df_BeatStats *st = &heat->beats[b];
        if (st->arrivals > 0) {
            double avg = st->agitation_sum / (double)st->arrivals;
            df_Band band = df_band_of(avg);
            /* whole numbers rounded down, so the number shown is always inside its band */
            fprintf(f, "\\navg agitation %.0f (%s)", floor(avg), df_band_name(band));
            fill = band_fill[band];
            font = band_font[band];
        } else {
            fputs("\\n(not reached)", f);
        }
    }
    fputc('"', f);
    if (bt->tripwire || safety)
        fprintf(f, ", shape=octagon, color=\"#c62828\", penwidth=%s", start ? "4" : "2.5");
    else if (start)
        fputs(", penwidth=3", f);
    fprintf(f, ", style=\"%sfilled\", fillcolor=\"%s\", fontcolor=\"%s\"", start ? "bold," : "", fill, font);
    if (bt->note) {
        fputs(", tooltip=", f);
        dot_quoted(f, bt->note);
    }
    fputs("];\n", f);
}

static void write_ending(FILE *f, const df_Ending *e) {
    EndStyle st = ending_style(e->outcome);
    fputs("  ", f);
    dot_quoted(f, e->id);
    fputs(" [label=\"", f);
    dot_escape(f, e->id);
    fputs("\\n", f);
    dot_escape(f, df_outcome_key(e->outcome));
    fprintf(f, "\", shape=%s, style=\"%s\", fillcolor=\"%s\", color=\"%s\"", st.shape, st.style, st.fill, st.line);
    if (e->debrief) {
        fputs(", tooltip=", f);
        dot_quoted(f, e->debrief);
    }
    fputs("];\n", f);
}

/* One edge from a beat's choice k to target t (DF_NO_TARGET: the "?" node). */
static void write_edge(FILE *f, const df_Scenario *sc, int b, int k, int t, bool dashed) {
    const df_Choice *c = &sc->beats[b].choices[k];
    const char *to = t == DF_NO_TARGET ? NULL : df_scenario_target_id(sc, t);
    bool bad = c->grade == DF_GRADE_HARMFUL || c->grade == DF_GRADE_CRITICAL;
    fputs("  ", f);
    dot_quoted(f, sc->beats[b].id);
    fputs(" -> ", f);
    dot_quoted(f, to ? to : "?");
    fprintf(f, " [label=\"%d:", k + 1);
    for (int i = 0; i < c->ntags; i++) {
        const df_TagInfo *ti = df_tag(c->tags[i]);
        fputs(i ? ", " : " ", f);
        dot_escape(f, ti ? ti->key : "?");
    }
    if (bad) {
        fputs(" (", f);
        fputs(df_grade_key((df_Grade)c->grade), f);
        fputc(')', f);
    }
    fputc('"', f);
    if (dashed) fputs(", style=dashed", f);
    if (bad) fputs(", color=\"#c62828\", fontcolor=\"#c62828\", penwidth=2", f);
    if (c->text) {
        fputs(", tooltip=", f);
        dot_quoted(f, c->text);
    }
    fputs("];\n", f);
}

static void write_graph(FILE *f, const df_Scenario *sc, const df_Walk *heat) {
    fputs("digraph ", f);
    dot_quoted(f, sc->id);
    fputs(" {\n", f);
    fputs("  graph [label=\"", f);
    dot_escape(f, sc->title ? sc->title : sc->id);
    if (heat)
        fprintf(f, "\\nfill: average agitation on arrival over %ld %spaths", heat->paths,
                heat->random ? "random " : "");
    fputc('"', f);
    fputs(", labelloc=t, fontsize=18, rankdir=LR, fontname=\"" GRAPH_FONT "\", nodesep=0.3, ranksep=0.6];\n", f);
    fputs("  node [fontname=\"" GRAPH_FONT "\", fontsize=11, shape=box, style=filled, fillcolor=\"#ffffff\"];\n", f);
    fputs("  edge [fontname=\"" GRAPH_FONT "\", fontsize=9, color=\"#555555\"];\n", f);

    fputs("\n  // beats\n", f);
    for (int b = 0; b < sc->nbeats; b++) write_beat(f, sc, b, heat);
    fputs("\n  // endings\n", f);
    for (int e = 0; e < sc->nendings; e++) write_ending(f, &sc->endings[e]);

    bool unknown = false;
    fputs("\n  // choices: one edge each, or one dashed edge per declared target of a 'go' function\n", f);
    for (int b = 0; b < sc->nbeats; b++) {
        const df_Beat *bt = &sc->beats[b];
        for (int k = 0; k < bt->nchoices; k++) {
            const df_Choice *c = &bt->choices[k];
            if (c->go != DF_NO_TARGET && !c->go_fn) {
                write_edge(f, sc, b, k, c->go, false);
            } else if (c->ntargets > 0) {
                for (int i = 0; i < c->ntargets; i++) write_edge(f, sc, b, k, c->targets[i], true);
            } else {
                write_edge(f, sc, b, k, DF_NO_TARGET, true);
                unknown = true;
            }
        }
    }
    if (unknown)
        fputs("  \"?\" [label=\"?\\n(undeclared targets)\", shape=circle, style=\"dashed,filled\", fillcolor=\"#ffffff\"];\n", f);

    if (heat) {
        fputs("\n  // heat legend\n  \"heat legend\" [shape=plaintext, style=\"\", label=<<table border=\"0\" "
              "cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><td colspan=\"2\"><b>average agitation on "
              "arrival</b></td></tr>",
              f);
        for (int band = 0; band < DF_BAND_COUNT; band++) {
            char range[32];
            if (band + 1 < DF_BAND_COUNT)
                snprintf(range, sizeof range, "%.0f-%.0f", df_band_floor((df_Band)band),
                         df_band_floor((df_Band)(band + 1)) - 1);
            else
                snprintf(range, sizeof range, "%.0f+", df_band_floor((df_Band)band));
            fprintf(f, "<tr><td bgcolor=\"%s\"><font color=\"%s\">%s</font></td><td>%s</td></tr>", band_fill[band],
                    band_font[band], df_band_name((df_Band)band), range);
        }
        fputs("<tr><td bgcolor=\"#ffffff\">not reached</td><td></td></tr></table>>];\n", f);
    }
    fputs("}\n", f);
}

/* The heat: every path (or, when there are too many, a seeded random sample, as 'analyze'). */
static int run_heat(const df_Scenario *sc, df_Script *s, df_Walk *w) {
    df_WalkLimits lim;
    df_walk_limits_default(&lim);
    df_Error err;
    df_error_clear(&err);
    int rc = df_walk(sc, df_script_host(s), 1, &lim, w, &err);
    if (rc == 0 && w->truncated) {
        fprintf(stderr, "defuse: more than %ld paths: the heat covers %ld random paths (seed 1) instead\n",
                lim.max_paths, lim.max_paths);
        df_walk_free(w);
        rc = df_walk_random(sc, df_script_host(s), 1, 1, lim.max_paths, &lim, w, &err);
    }
    if (rc != 0) {
        char m[1400];
        df_error_format(&err, m, sizeof m);
        fprintf(stderr, "defuse: %s\n", m);
        df_walk_free(w);
        return -1;
    }
    return 0;
}

int df_cmd_graph(int argc, char **argv) {
    static const struct option opts[] = {{"heat", no_argument, 0, 'H'},   {"out", required_argument, 0, 'o'},
                                         {"help", no_argument, 0, 'h'},   {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    int heat = 0, c;
    const char *out = NULL;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'H': heat = 1; break;
        case 'o':
            if (!*optarg) { fprintf(stderr, "defuse: --out: expected a file name\n"); return 2; }
            out = optarg;
            break;
        case 'h': graph_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: graph_usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: graph needs exactly one SCENARIO\n");
        return 2;
    }
    df_Script *s = df_open_scenario(argv[optind]);
    if (!s) return 1;
    const df_Scenario *sc = df_script_scenario(s);

    df_Walk w;
    memset(&w, 0, sizeof w);
    if (heat && run_heat(sc, s, &w) != 0) {
        df_script_free(s);
        return 1;
    }
    FILE *f = stdout;
    if (out && !(f = fopen(out, "w"))) {
        fprintf(stderr, "defuse: cannot write %s: %s\n", out, strerror(errno));
        if (heat) df_walk_free(&w);
        df_script_free(s);
        return 1;
    }
    write_graph(f, sc, heat ? &w : NULL);
    int status = 0;
    if (fflush(f) != 0 || ferror(f)) status = 1;
    if (f != stdout && fclose(f) != 0) status = 1;
    if (status) fprintf(stderr, "defuse: cannot write %s: %s\n", out ? out : "the graph", strerror(errno));
    if (heat) df_walk_free(&w);
    df_script_free(s);
    return status;
}
