-- fz-starter.lua: a starter scenario made by 'defuse new'. Change anything you like.
--
-- How to read this file:
--   * Lines starting with two dashes (like this one) are notes for you. The program
--     skips them, so write as many as you want.
--   * Text between double quotes "like this" is what people say. Keep the quotes.
--   * Curly brackets { } group things together, and every item ends with a comma.
--     Most mistakes are a missing comma, quote or bracket: 'defuse check' finds them.
--
-- When you change something, run these from the terminal:
--   defuse check fz-starter.lua      (finds mistakes, with the line number)
--   defuse play fz-starter.lua       (play it yourself)
--   defuse analyze fz-starter.lua    (tries every path and shows the minutes each one costs)
--   defuse test fz-starter.lua       (runs the tests at the end of this file)
--
-- The story: a resident applied for a permit three weeks ago, was told it takes ten
-- working days, has heard nothing, and the work is booked for Saturday.

-- LOCAL RULES: the facts your town may need to change (fees, days, office names).
-- Write them once here; the dialogue below uses them, so a change here shows up everywhere.
local RULES = {
  wait_days   = "ten working days",     -- how long an application normally takes
  office      = "the permit office",    -- who makes the decision
  urgent_flag = "an urgent review",     -- what staff can ask for when a date is close
  callback    = "by tomorrow noon",     -- when the resident will hear back
}

return scenario {
  -- ABOUT THE SCENARIO: shown in the scenario list.
  id         = "fz-starter",               -- the short name: letters, digits, '-' and '_' only
  title      = "Fz starter",
  setting    = "counter",          -- counter, phone, email, field, enforcement or internal
  role       = "Front counter clerk",             -- who the learner plays
  minutes    = 4,                    -- about how long one play-through takes
  difficulty = "intro",              -- intro, standard or advanced
  summary    = "A resident whose permit is late wants it sorted out before Saturday.",
  objectives = {                     -- what the learner should take away (one to six)
    "Let the resident tell the whole story before explaining the process.",
    "Say what you can do today, who decides, and when they will hear back.",
  },

  -- THE RESIDENT: who the learner is talking to.
  resident = {
    name       = "Sam Okafor",
    agitation  = 55,      -- how upset at the start, 0 (calm) to 100 (out of control)
    trust      = 30,      -- how much they trust staff at the start, 0 to 100
    need       = "information", -- what they need most: information, recognition, control,
                                 -- fairness, safety or access
    volatility = 1.0,     -- 0.6 to 1.5: how hard mistakes land (higher = a shorter fuse)
    recovery   = 1.0,     -- 0.6 to 1.2: how well good responses land
    audience   = true,    -- other people are watching (mistakes land harder)
    waited     = 15,      -- minutes they waited first (waiting adds to the upset)
    -- how they look in the practice window (skin is a number from 1 to 6)
    look = { skin = 2, hair = "short", hair_colour = "brown", top = "jacket" },
  },

  -- TIME: what a calm visit costs, so the program can show how much longer an upset one takes.
  time = {
    task       = 4,       -- minutes of actual work (looking up the application, noting the call)
    calm_turns = 4,       -- how many back-and-forths a calm visit needs
    -- what follow-on work costs for this case, in staff minutes (docs/model.md)
    -- (a supervisor called over hears the whole story again before doing the lookup)
    follow_on = { complaint = 20, repeat_contact = 10, supervisor = 10 },
  },

  start = "arrives",      -- the first moment (one of the beats below)

  -- BEATS: the moments of the conversation. In each one the resident says something and
  -- the learner picks one of the choices. Each beat has a name (arrives, story, ...).
  --
  -- 'says' can depend on how upset the resident is at that moment. From calm to upset:
  -- settled, uneasy, defensive, venting, threatening. Missing ones borrow the nearest line.
  --
  -- Each choice has:
  --   the words the learner says ([in square brackets] for something they do),
  --   tags  = the techniques or mistakes it uses (the list: 'defuse list --tags'),
  --   go    = where the story goes next (a beat or an ending),
  --   coach = the coaching note the learner sees after choosing it.
  -- Mix the order, and the lengths: the best answer should not always be first or the
  -- longest. Some right answers are short (one question, a pause); some wrong ones are long
  -- (a lecture, a promise you can't keep). 'defuse check' reports these cues.
  beats = {
    arrives = {
      says = {
        uneasy    = "Hi. I applied for a permit three weeks ago and I've heard nothing.",
        defensive = "Three weeks I've waited for a permit. The work starts Saturday. " ..
                    "What is going on?",
        venting   = "Three weeks! Nobody calls, nobody answers, and my contractor starts Saturday!",
      },
      choices = {
        { "Applications take " .. RULES.wait_days .. ", and yours is in the queue in the order it " ..
          "arrived. I can't move it ahead of anyone else's.",
          tags = { "policy_wall" }, go = "wall",
          coach = "It sounds like an answer, but it tells them nothing new and shuts the door." },
        { "With Saturday that close? What's happened so far?",
          tags = { "acknowledge", "listen" }, go = "story",
          coach = "Name the worry, then let them talk: the process can wait a minute." },
        { "Why did you wait until the last minute to apply?",
          tags = { "why_question", "blame" }, go = "wall",
          coach = "A 'why didn't you' question sounds like blame, and they came in on time." },
      },
    },

    story = {
      says = {
        uneasy    = "I sent everything in. The website said ten days. I called twice " ..
                    "and got voicemail. If I cancel the contractor, I lose my deposit.",
        defensive = "I did everything right! Sent it all in, called twice, got voicemail twice. " ..
                    "If I cancel the contractor, I lose my deposit.",
        venting   = "I did everything you asked! Twice I called! Twice! And now I lose my deposit?",
      },
      choices = {
        { "I understand your frustration, I really do. A lot of people are waiting right now, " ..
          "and we're doing our best to get through them all.",
          tags = { "hollow" }, go = "options",
          coach = "Kind words used as a cushion: they show you heard a feeling, not their story." },
        { "The permits are handled by another office. You'd have to call them.",
          tags = { "buck_pass" }, go = "wall",
          coach = "They already called twice. Sending them back there is a cold transfer." },
        { "Applied on time, two calls, no answer, and the deposit rides on Saturday?",
          tags = { "paraphrase" }, go = "options",
          coach = "A summary of the facts and the worry shows you listened, " ..
                  "and checks that you got it right." },
      },
    },

    -- A second chance after a bad start: the learner can still recover here.
    wall = {
      says = {
        defensive = "That's it? I'm supposed to just wait and lose my deposit?",
        venting   = "Unbelievable. Nobody here can give me a straight answer!",
      },
      choices = {
        { "Fair. I jumped ahead. Start from the beginning?",
          tags = { "listen", "redirect" }, go = "story",
          coach = "Recovering is possible: stop defending the process and start listening." },
        { "Please calm down.",
          tags = { "calm_down" }, go = "walked_out",
          coach = "Nobody calms down because they are told to. " ..
                  "It tells them their upset is the problem." },
        { "Let me get my supervisor so we can look at this together.",
          tags = { "handoff" }, go = "supervisor",
          coach = "A warm handoff is a fair choice, but you could still have helped yourself." },
      },
    },

    options = {
      says = {
        uneasy    = "Yes, that's it. So what can actually happen before Saturday?",
        defensive = "Right. So what are you actually going to do about it?",
        venting   = "So? What are you going to DO about it?",
      },
      choices = {
        { "I'll make sure you have the permit by Saturday.",
          tags = { "overpromise" }, go = "lookup",
          coach = "It buys calm now, but you can't promise a decision that " ..
                  RULES.office .. " makes. The broken promise costs more later." },
        { "Here's what I can do right now: look up your application, tell you exactly " ..
          "where it is, and ask for " .. RULES.urgent_flag .. ". The decision is made by " ..
          RULES.office .. ", and you'll hear back " .. RULES.callback .. ".",
          tags = { "options", "inform" }, go = "lookup",
          coach = "What you can do, who decides and when: " ..
                  "honest information they can plan around." },
        { "Under section 14-3 of the code, processing can run to twenty-one days from receipt.",
          tags = { "jargon", "policy_wall" }, go = "lookup",
          coach = "Section numbers answer a question they didn't ask, and sound like a wall." },
      },
    },

    -- The task step: a choice tagged "task" is the actual work. It only works once the
    -- resident is calm enough to take it in; otherwise the learner has to try again.
    lookup = {
      says = {
        uneasy      = "Okay. Yes, please look it up.",
        defensive   = "Fine. Look it up, then.",
        venting     = "Just look it up! How hard can it be?",
        threatening = "[Slams a hand on the counter.] Look. It. Up.",
      },
      choices = {
        { "[Keep typing without saying what you're doing.]",
          tags = { "ignore" }, go = "walked_out",
          coach = "Silence at the keyboard feels like being ignored. " ..
                  "Say what you're doing as you do it." },
        { "Here's the number for " .. RULES.office .. ". They can tell you more than I can, and " ..
          "they'll know exactly where it sits in the queue.",
          tags = { "buck_pass" }, go = "done",
          coach = "Handing over a phone number leaves them to do the chasing alone, again." },
        { "[Look it up, read out the status, send the urgent request while they watch.]",
          tags = { "task", "own" }, go = "done",
          coach = "Doing the work in front of them turns a promise into something they can see." },
      },
    },
  },

  -- ENDINGS: how the conversation can finish. 'outcome' is the kind of ending (it drives the
  -- score): resolved_satisfied, resolved_accepted, routed, unresolved, escalated, safety_exit
  -- or breach. 'debrief' is what happened next, shown to the learner at the end.
  endings = {
    done = {
      outcome = "resolved_accepted",
      says    = "Okay. I'll wait for the call. Thanks for actually looking.",
      debrief = "Sam left knowing where the application was, who decides, " ..
                "and when to expect a call. The permit may still be late, " ..
                "but nobody will be chasing anybody.",
    },
    supervisor = {
      outcome = "routed",
      task    = true,                -- the supervisor still does the lookup
      follow_on = { "supervisor" },  -- and it costs the supervisor's time too
      says    = "Fine. I'll wait.",
      debrief = "The supervisor looked up the application and sent the urgent request: " ..
                "two people's time for something the first answer " ..
                "could have done.",
    },
    walked_out = {
      outcome = "escalated",
      says    = "Forget it. I'm going to the council about this.",
      debrief = "Sam left angry and wrote to a council member the same evening. " ..
                "A supervisor had to read the complaint and answer it, " ..
                "and the application was still not looked at.",
    },
  },

  -- TESTS: checks that the scenario still behaves as you meant after you change it.
  -- 'defuse test fz-starter.lua' runs them. The numbers in 'choices' are the choices picked at
  -- each step, counting from the top (the same numbers as 'defuse play --choices').
  -- If you reorder choices or add beats, update the numbers here too.
  tests = {
    { name = "the best path", choices = { 2, 3, 2, 3 },
      expect = { outcome = "resolved_accepted", passed = true, min_score = 80 } },
    { name = "the worst path", choices = { 3, 2 },
      expect = { outcome = "escalated", passed = false } },
    -- 'best' and 'escalated' are found by trying every path (as 'defuse analyze' does):
    -- the best path should cost at most twice a calm visit, the most escalated four to six
    -- times (docs/model.md, Calibration).
    { name = "the best path costs at most twice a calm visit", path = "best",
      expect = { max_ratio = 2.0 } },
    { name = "the escalated road costs four to six calm visits", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
