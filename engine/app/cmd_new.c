/* cmd_new.c: defuse new NAME: writes a commented starter scenario (NAME.lua) for a trainer
 * to edit; it passes 'defuse check --werror', 'defuse analyze' and 'defuse test' as written. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static void new_usage(FILE *f) {
    fprintf(f, "Usage: defuse new NAME [OPTIONS]\n"
               "\n"
               "Write a starter scenario to NAME.lua: a short, commented conversation with every\n"
               "part a scenario needs (local rules, a resident, beats, a task step, endings and\n"
               "tests), ready to check, play and edit. NAME is the scenario's id: letters,\n"
               "digits, '-' and '_', at most 64. An existing file is never overwritten.\n"
               "\n"
               "Options:\n"
               "  --setting S   counter (default), phone, email, field, enforcement or internal\n"
               "  --out DIR     write the file into DIR (default: the current folder)\n"
               "  -h, --help    show this help\n"
               "  --version     show the version\n"
               "\n"
               "Then: defuse check NAME.lua, defuse play NAME.lua, defuse analyze NAME.lua.\n"
               "Exit status: 0 written, 1 the file exists or cannot be written, 2 wrong usage.\n");
}

/* The settings a scenario may use, each with the role the learner plays there and the stage
 * direction of the starter's most upset line (a physical act only where one can happen: defuse
 * check warns about a slammed counter on the phone). */
static const char *const settings[][3] = {
    {"counter", "Front counter clerk", "[Slams a hand on the counter.]"},
    {"phone", "Staff member answering the phone line", "[Shouting down the line.]"},
    {"email", "Staff member answering the department inbox", "[A second email, all in capitals:]"},
    {"field", "Inspector on site", "[Steps right up to you.]"},
    {"enforcement", "Code enforcement officer", "[Steps right up to you.]"},
    {"internal", "Staff member helping a colleague", "[Slams a hand on the desk.]"},
};

/* The starter. @ID@, @TITLE@, @SETTING@, @ROLE@ and @ACT@ are replaced when it is written; the text
 * is otherwise written as is. Keep it passing 'defuse check --werror' (tests/e2e/docs_lua.sh
 * checks it) and keep its tests' choice numbers in step with its beats. */
static const char starter[] =
    "-- @ID@.lua: a starter scenario made by 'defuse new'. Change anything you like.\n"
    "--\n"
    "-- How to read this file:\n"
    "--   * Lines starting with two dashes (like this one) are notes for you. The program\n"
    "--     skips them, so write as many as you want.\n"
    "--   * Text between double quotes \"like this\" is what people say. Keep the quotes.\n"
    "--   * Curly brackets { } group things together, and every item ends with a comma.\n"
    "--     Most mistakes are a missing comma, quote or bracket: 'defuse check' finds them.\n"
    "--\n"
    "-- When you change something, run these from the terminal:\n"
    "--   defuse check @ID@.lua      (finds mistakes, with the line number)\n"
    "--   defuse play @ID@.lua       (play it yourself)\n"
    "--   defuse analyze @ID@.lua    (tries every path and shows the minutes each one costs)\n"
    "--   defuse test @ID@.lua       (runs the tests at the end of this file)\n"
    "--\n"
    "-- The story: a resident applied for a permit three weeks ago, was told it takes ten\n"
    "-- working days, has heard nothing, and the work is booked for Saturday.\n"
    "\n"
    "-- LOCAL RULES: the facts your town may need to change (fees, days, office names).\n"
    "-- Write them once here; the dialogue below uses them, so a change here shows up everywhere.\n"
    "local RULES = {\n"
    "  wait_days   = \"ten working days\",     -- how long an application normally takes\n"
    "  office      = \"the permit office\",    -- who makes the decision\n"
    "  urgent_flag = \"an urgent review\",     -- what staff can ask for when a date is close\n"
    "  callback    = \"by tomorrow noon\",     -- when the resident will hear back\n"
    "}\n"
    "\n"
    "return scenario {\n"
    "  -- ABOUT THE SCENARIO: shown in the scenario list.\n"
    "  id         = \"@ID@\",               -- the short name: letters, digits, '-' and '_' only\n"
    "  title      = \"@TITLE@\",\n"
    "  setting    = \"@SETTING@\",          -- counter, phone, email, field, enforcement or internal\n"
    "  role       = \"@ROLE@\",             -- who the learner plays\n"
    "  minutes    = 4,                    -- about how long one play-through takes\n"
    "  difficulty = \"intro\",              -- intro, standard or advanced\n"
    "  summary    = \"A resident whose permit is late wants it sorted out before Saturday.\",\n"
    "  objectives = {                     -- what the learner should take away (one to six)\n"
    "    \"Let the resident tell the whole story before explaining the process.\",\n"
    "    \"Say what you can do today, who decides, and when they will hear back.\",\n"
    "  },\n"
    "\n"
    "  -- THE RESIDENT: who the learner is talking to.\n"
    "  resident = {\n"
    "    name       = \"Sam Okafor\",\n"
    "    agitation  = 55,      -- how upset at the start, 0 (calm) to 100 (out of control)\n"
    "    trust      = 30,      -- how much they trust staff at the start, 0 to 100\n"
    "    need       = \"information\", -- what they need most: information, recognition, control,\n"
    "                                 -- fairness, safety or access\n"
    "    volatility = 1.0,     -- 0.6 to 1.5: how hard mistakes land (higher = a shorter fuse)\n"
    "    recovery   = 1.0,     -- 0.6 to 1.2: how well good responses land\n"
    "    audience   = true,    -- other people are watching (mistakes land harder)\n"
    "    waited     = 15,      -- minutes they waited first (waiting adds to the upset)\n"
    "    -- how they look in the practice window (skin is a number from 1 to 6)\n"
    "    look = { skin = 2, hair = \"short\", hair_colour = \"brown\", top = \"jacket\" },\n"
    "  },\n"
    "\n"
    "  -- TIME: what a calm visit costs, so the program can show how much longer an upset one takes.\n"
    "  time = {\n"
    "    task       = 4,       -- minutes of actual work (looking up the application, noting the call)\n"
    "    calm_turns = 4,       -- how many back-and-forths a calm visit needs\n"
    "    -- what follow-on work costs for this case, in staff minutes (docs/model.md)\n"
    "    -- (a supervisor called over hears the whole story again before doing the lookup)\n"
    "    follow_on = { complaint = 20, repeat_contact = 10, supervisor = 10 },\n"
    "  },\n"
    "\n"
    "  start = \"arrives\",      -- the first moment (one of the beats below)\n"
    "\n"
    "  -- BEATS: the moments of the conversation. In each one the resident says something and\n"
    "  -- the learner picks one of the choices. Each beat has a name (arrives, story, ...).\n"
    "  --\n"
    "  -- 'says' can depend on how upset the resident is at that moment. From calm to upset:\n"
    "  -- settled, uneasy, defensive, venting, threatening. Missing ones borrow the nearest line.\n"
    "  --\n"
    "  -- Each choice has:\n"
    "  --   the words the learner says ([in square brackets] for something they do),\n"
    "  --   tags  = the techniques or mistakes it uses (the list: 'defuse list --tags'),\n"
    "  --   go    = where the story goes next (a beat or an ending),\n"
    "  --   coach = the coaching note the learner sees after choosing it.\n"
    "  -- Mix the order, and the lengths: the best answer should not always be first or the\n"
    "  -- longest. Some right answers are short (one question, a pause); some wrong ones are long\n"
    "  -- (a lecture, a promise you can't keep). 'defuse check' reports these cues.\n"
    "  beats = {\n"
    "    arrives = {\n"
    "      says = {\n"
    "        uneasy    = \"Hi. I applied for a permit three weeks ago and I've heard nothing.\",\n"
    "        defensive = \"Three weeks I've waited for a permit. The work starts Saturday. \" ..\n"
    "                    \"What is going on?\",\n"
    "        venting   = \"Three weeks! Nobody calls, nobody answers, and my contractor starts Saturday!\",\n"
    "      },\n"
    "      choices = {\n"
    "        { \"Applications take \" .. RULES.wait_days .. \", and yours is in the queue in the order it \" ..\n"
    "          \"arrived. I can't move it ahead of anyone else's.\",\n"
    "          tags = { \"policy_wall\" }, go = \"wall\",\n"
    "          coach = \"It sounds like an answer, but it tells them nothing new and shuts the door.\" },\n"
    "        { \"With Saturday that close? What's happened so far?\",\n"
    "          tags = { \"acknowledge\", \"listen\" }, go = \"story\",\n"
    "          coach = \"Name the worry, then let them talk: the process can wait a minute.\" },\n"
    "        { \"Why did you wait until the last minute to apply?\",\n"
    "          tags = { \"why_question\", \"blame\" }, go = \"wall\",\n"
    "          coach = \"A 'why didn't you' question sounds like blame, and they came in on time.\" },\n"
    "      },\n"
    "    },\n"
    "\n"
    "    story = {\n"
    "      says = {\n"
    "        uneasy    = \"I sent everything in. The website said ten days. I called twice \" ..\n"
    "                    \"and got voicemail. If I cancel the contractor, I lose my deposit.\",\n"
    "        defensive = \"I did everything right! Sent it all in, called twice, got voicemail twice. \" ..\n"
    "                    \"If I cancel the contractor, I lose my deposit.\",\n"
    "        venting   = \"I did everything you asked! Twice I called! Twice! And now I lose my deposit?\",\n"
    "      },\n"
    "      choices = {\n"
    "        { \"I understand your frustration, I really do. A lot of people are waiting right now, \" ..\n"
    "          \"and we're doing our best to get through them all.\",\n"
    "          tags = { \"hollow\" }, go = \"options\",\n"
    "          coach = \"Kind words used as a cushion: they show you heard a feeling, not their story.\" },\n"
    "        { \"The permits are handled by another office. You'd have to call them.\",\n"
    "          tags = { \"buck_pass\" }, go = \"wall\",\n"
    "          coach = \"They already called twice. Sending them back there is a cold transfer.\" },\n"
    "        { \"Applied on time, two calls, no answer, and the deposit rides on Saturday?\",\n"
    "          tags = { \"paraphrase\" }, go = \"options\",\n"
    "          coach = \"A summary of the facts and the worry shows you listened, \" ..\n"
    "                  \"and checks that you got it right.\" },\n"
    "      },\n"
    "    },\n"
    "\n"
    "    -- A second chance after a bad start: the learner can still recover here.\n"
    "    wall = {\n"
    "      says = {\n"
    "        defensive = \"That's it? I'm supposed to just wait and lose my deposit?\",\n"
    "        venting   = \"Unbelievable. Nobody here can give me a straight answer!\",\n"
    "      },\n"
    "      choices = {\n"
    "        { \"Fair. I jumped ahead. Start from the beginning?\",\n"
    "          tags = { \"listen\", \"redirect\" }, go = \"story\",\n"
    "          coach = \"Recovering is possible: stop defending the process and start listening.\" },\n"
    "        { \"Please calm down.\",\n"
    "          tags = { \"calm_down\" }, go = \"walked_out\",\n"
    "          coach = \"Nobody calms down because they are told to. \" ..\n"
    "                  \"It tells them their upset is the problem.\" },\n"
    "        { \"Let me get my supervisor so we can look at this together.\",\n"
    "          tags = { \"handoff\" }, go = \"supervisor\",\n"
    "          coach = \"A warm handoff is a fair choice, but you could still have helped yourself.\" },\n"
    "      },\n"
    "    },\n"
    "\n"
    "    options = {\n"
    "      says = {\n"
    "        uneasy    = \"Yes, that's it. So what can actually happen before Saturday?\",\n"
    "        defensive = \"Right. So what are you actually going to do about it?\",\n"
    "        venting   = \"So? What are you going to DO about it?\",\n"
    "      },\n"
    "      choices = {\n"
    "        { \"I'll make sure you have the permit by Saturday.\",\n"
    "          tags = { \"overpromise\" }, go = \"lookup\",\n"
    "          coach = \"It buys calm now, but you can't promise a decision that \" ..\n"
    "                  RULES.office .. \" makes. The broken promise costs more later.\" },\n"
    "        { \"Here's what I can do right now: look up your application, tell you exactly \" ..\n"
    "          \"where it is, and ask for \" .. RULES.urgent_flag .. \". The decision is made by \" ..\n"
    "          RULES.office .. \", and you'll hear back \" .. RULES.callback .. \".\",\n"
    "          tags = { \"options\", \"inform\" }, go = \"lookup\",\n"
    "          coach = \"What you can do, who decides and when: \" ..\n"
    "                  \"honest information they can plan around.\" },\n"
    "        { \"Under section 14-3 of the code, processing can run to twenty-one days from receipt.\",\n"
    "          tags = { \"jargon\", \"policy_wall\" }, go = \"lookup\",\n"
    "          coach = \"Section numbers answer a question they didn't ask, and sound like a wall.\" },\n"
    "      },\n"
    "    },\n"
    "\n"
    "    -- The task step: a choice tagged \"task\" is the actual work. It only works once the\n"
    "    -- resident is calm enough to take it in; otherwise the learner has to try again.\n"
    "    lookup = {\n"
    "      says = {\n"
    "        uneasy      = \"Okay. Yes, please look it up.\",\n"
    "        defensive   = \"Fine. Look it up, then.\",\n"
    "        venting     = \"Just look it up! How hard can it be?\",\n"
    "        threatening = \"@ACT@ Look. It. Up.\",\n"
    "      },\n"
    "      choices = {\n"
    "        { \"[Keep typing without saying what you're doing.]\",\n"
    "          tags = { \"ignore\" }, go = \"walked_out\",\n"
    "          coach = \"Silence at the keyboard feels like being ignored. \" ..\n"
    "                  \"Say what you're doing as you do it.\" },\n"
    "        { \"Here's the number for \" .. RULES.office .. \". They can tell you more than I can, and \" ..\n"
    "          \"they'll know exactly where it sits in the queue.\",\n"
    "          tags = { \"buck_pass\" }, go = \"done\",\n"
    "          coach = \"Handing over a phone number leaves them to do the chasing alone, again.\" },\n"
    "        { \"[Look it up, read out the status, send the urgent request while they watch.]\",\n"
    "          tags = { \"task\", \"own\" }, go = \"done\",\n"
    "          coach = \"Doing the work in front of them turns a promise into something they can see.\" },\n"
    "      },\n"
    "    },\n"
    "  },\n"
    "\n"
    "  -- ENDINGS: how the conversation can finish. 'outcome' is the kind of ending (it drives the\n"
    "  -- score): resolved_satisfied, resolved_accepted, routed, unresolved, escalated, safety_exit\n"
    "  -- or breach. 'debrief' is what happened next, shown to the learner at the end.\n"
    "  endings = {\n"
    "    done = {\n"
    "      outcome = \"resolved_accepted\",\n"
    "      says    = \"Okay. I'll wait for the call. Thanks for actually looking.\",\n"
    "      debrief = \"Sam left knowing where the application was, who decides, \" ..\n"
    "                \"and when to expect a call. The permit may still be late, \" ..\n"
    "                \"but nobody will be chasing anybody.\",\n"
    "    },\n"
    "    supervisor = {\n"
    "      outcome = \"routed\",\n"
    "      task    = true,                -- the supervisor still does the lookup\n"
    "      follow_on = { \"supervisor\" },  -- and it costs the supervisor's time too\n"
    "      says    = \"Fine. I'll wait.\",\n"
    "      debrief = \"The supervisor looked up the application and sent the urgent request: \" ..\n"
    "                \"two people's time for something the first answer \" ..\n"
    "                \"could have done.\",\n"
    "    },\n"
    "    walked_out = {\n"
    "      outcome = \"escalated\",\n"
    "      says    = \"Forget it. I'm going to the council about this.\",\n"
    "      debrief = \"Sam left angry and wrote to a council member the same evening. \" ..\n"
    "                \"A supervisor had to read the complaint and answer it, \" ..\n"
    "                \"and the application was still not looked at.\",\n"
    "    },\n"
    "  },\n"
    "\n"
    "  -- TESTS: checks that the scenario still behaves as you meant after you change it.\n"
    "  -- 'defuse test @ID@.lua' runs them. The numbers in 'choices' are the choices picked at\n"
    "  -- each step, counting from the top (the same numbers as 'defuse play --choices').\n"
    "  -- If you reorder choices or add beats, update the numbers here too.\n"
    "  tests = {\n"
    "    { name = \"the best path\", choices = { 2, 3, 2, 3 },\n"
    "      expect = { outcome = \"resolved_accepted\", passed = true, min_score = 80 } },\n"
    "    { name = \"the worst path\", choices = { 3, 2 },\n"
    "      expect = { outcome = \"escalated\", passed = false } },\n"
    "    -- 'best' and 'escalated' are found by trying every path (as 'defuse analyze' does):\n"
    "    -- the best path should cost at most twice a calm visit, the most escalated four to six\n"
    "    -- times (docs/model.md, Calibration).\n"
    "    { name = \"the best path costs at most twice a calm visit\", path = \"best\",\n"
    "      expect = { max_ratio = 2.0 } },\n"
    "    { name = \"the escalated road costs four to six calm visits\", path = \"escalated\",\n"
    "      expect = { min_ratio = 4.0, max_ratio = 6.0 } },\n"
    "  },\n"
    "}\n";

static int valid_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 64) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-'))
            return 0;
    }
    return 1;
}

/* The title shown in the list: the id with '-' and '_' as spaces, first letter capitalised. */
static void make_title(const char *id, char *out, size_t size) {
    size_t i = 0;
    for (; id[i] && i + 1 < size; i++)
        out[i] = (id[i] == '-' || id[i] == '_') ? ' ' : id[i];
    out[i] = 0;
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 'a' + 'A');
}

/* Writes the starter with its placeholders replaced; returns 0 or -1 on a write error. */
static int write_starter(FILE *f, const char *id, const char *title, const char *setting, const char *role,
                         const char *act) {
    static const char *const keys[] = {"@ID@", "@TITLE@", "@SETTING@", "@ROLE@", "@ACT@"};
    const char *vals[] = {id, title, setting, role, act};
    for (const char *p = starter; *p;) {
        const char *at = strchr(p, '@');
        if (!at) {
            fputs(p, f);
            break;
        }
        fwrite(p, 1, (size_t)(at - p), f);
        p = at;
        size_t k = 0;
        while (k < 5 && strncmp(p, keys[k], strlen(keys[k])))
            k++;
        if (k < 5) {
            fputs(vals[k], f);
            p += strlen(keys[k]);
        } else {
            fputc('@', f);
            p++;
        }
    }
    return ferror(f) ? -1 : 0;
}

int df_cmd_new(int argc, char **argv) {
    static const struct option opts[] = {{"setting", required_argument, 0, 's'},
                                         {"out", required_argument, 0, 'o'},
                                         {"help", no_argument, 0, 'h'},
                                         {"version", no_argument, 0, 'V'},
                                         {0, 0, 0, 0}};
    const char *setting = "counter", *dir = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 's': setting = optarg; break;
        case 'o': dir = optarg; break;
        case 'h': new_usage(stdout); return 0;
        case 'V': printf("defuse %s\n", DF_VERSION); return 0;
        default: new_usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "defuse: new needs exactly one NAME\n");
        new_usage(stderr);
        return 2;
    }
    const char *id = argv[optind];
    if (!valid_id(id)) {
        size_t n = strlen(id);
        if (n > 4 && !strcmp(id + n - 4, ".lua"))
            fprintf(stderr, "defuse: new: NAME is the scenario's id, without '.lua': try 'defuse new %.*s'\n",
                    (int)(n - 4), id);
        else
            fprintf(stderr,
                    "defuse: new: '%.80s' is not a valid name (letters, digits, '-' and '_', at most 64)\n",
                    id);
        return 2;
    }
    const char *role = NULL, *act = NULL;
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++)
        if (!strcmp(setting, settings[i][0])) role = settings[i][1], act = settings[i][2];
    if (!role) {
        fprintf(stderr,
                "defuse: new: --setting: '%.40s' is not one of counter, phone, email, field, enforcement, "
                "internal\n",
                setting);
        return 2;
    }

    size_t dl = dir ? strlen(dir) : 0;
    char *path = malloc(dl + strlen(id) + 6);
    if (!path) {
        fprintf(stderr, "defuse: out of memory\n");
        return 1;
    }
    if (dir && dl) {
        int slash = dir[dl - 1] == '/';
        sprintf(path, "%s%s%s.lua", dir, slash ? "" : "/", id);
    } else {
        sprintf(path, "%s.lua", id);
    }
    char title[80];
    make_title(id, title, sizeof title);

    /* "x": create only, so an existing file (even one made a moment ago) is never overwritten. */
    FILE *f = fopen(path, "wx");
    if (!f) {
        if (errno == EEXIST)
            fprintf(stderr,
                    "defuse: %s already exists; not overwriting it (choose another NAME or --out DIR)\n",
                    path);
        else
            fprintf(stderr, "defuse: cannot write %s: %s\n", path, strerror(errno));
        free(path);
        return 1;
    }
    int bad = write_starter(f, id, title, setting, role, act);
    if (fclose(f) != 0) bad = -1;
    if (bad) {
        fprintf(stderr, "defuse: cannot write %s: %s\n", path, strerror(errno));
        remove(path);
        free(path);
        return 1;
    }
    printf("wrote %s (setting: %s)\n"
           "Open it in any text editor: the notes in it explain each part. Then try:\n"
           "  defuse check %s\n"
           "  defuse play %s\n",
           path, setting, path, path);
    free(path);
    return 0;
}
