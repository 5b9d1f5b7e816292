-- Seed 12: a resident livestreams a "First Amendment audit" at the town hall counter; the real grievance is a records request ignored since March.
-- path best:   2,3,4,1,3,2,4,3
-- path worst:  1,2,2,3,3,4,4,4
-- path novice: 2,4,1,4,4,2,1,2,4,2

-- Local rules: everything a town may need to change, in one place.
-- The legal points (filming in a public lobby is lawful; records requests need no name) vary by state: have town counsel review them.
local RULES = {
  office          = "Town Clerk's office",
  staff_name      = "Jordan",
  staff_title     = "assistant town clerk",
  name_policy     = "first name and title",             -- what counter staff give when asked
  directory       = "the staff directory on the town website",
  records_days    = 10,                                 -- business days to answer a public records request
  records_officer = "the records access officer",
  records_phone   = "555-0163",
  request_month   = "March",                            -- when her emailed request went unanswered
  logged_on       = "March 14",
  reply_by        = "Friday",                           -- what the clerk can commit to for the overdue reply
  supervisor      = "Ms. Alvarez, the office manager",
  supervisor_short = "Ms. Alvarez",
  audit_policy    = "the town's filming guidance",      -- staff notify the office manager; filming in public areas is allowed
  channel         = "Open Door Accountability",
}


-- Where an escalating move leads. An auditor doesn't leave when it gets heated: that is the
-- content. She challenges, then plays to the lobby, then demands the supervisor; at the top
-- she pushes through the staff-only door (a tripwire: now it is behaviour, not filming).
-- Once she has a clip's worth of footage, the next misstep is the one she posts: she signs off.
local CLIP = 12   -- minutes
local function worse(s)
  if s.minutes >= CLIP then return "viral" end
  if s.agitation >= 76 then return "through_door" end
  if s.agitation < 60 and (s.visits.confront or 0) == 0 then return "confront" end
  if (s.visits.heated or 0) == 0 then return "heated" end
  if (s.visits.supervisor or 0) == 0 then return "supervisor" end
  return "viral"
end
local LADDER = { "through_door", "confront", "heated", "supervisor", "viral" }

-- A move that can still nudge her up: she pushes through the door rather than arrive hot.
local function guard(s, beat)
  if s.agitation >= 76 then return "through_door" end
  return beat
end

-- After a repair: back to the first part of the visit she hasn't had yet.
local MAIN = { "request", "lookup", "door", "screens", "bait", "wrap" }
local function resume(s)
  for _, id in ipairs(MAIN) do
    if (s.visits[id] or 0) == 0 then return id end
  end
  return "wrap"
end

-- How a visit that reached the end closes: a boring video is the win.
local function close_out(s)
  if s.band == "settled" then return "boring_video" end
  return "filed_accepted"
end

return scenario {
  id         = "lobby-filming",
  title      = "Live from the clerk's counter",
  setting    = "counter",
  role       = "Assistant town clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A resident arrives livestreaming for her channel and wants your name, on camera, with the lobby watching.",
  objectives = {
    "Keep doing the job while a camera is on you, knowing what the law allows in a public lobby.",
    "Decide which limits the counter really needs while someone is recording, and which it doesn't.",
    "Find out what actually brought her in, and what you can do about it.",
  },

  resident = {
    name       = "Reese Halvorsen",
    agitation  = 30,
    trust      = 25,       -- she expects to be stonewalled
    need       = "control",
    volatility = 1.2,      -- performing for a live audience: every misstep is amplified
    recovery   = 0.9,
    audience   = true,     -- the lobby queue, and the stream
    waited     = 0,
    look = { skin = 3, hair = "long", hair_colour = "blonde", top = "jacket" },
  },

  time = {
    task       = 4,    -- find the request in the records log, read what was asked, flag it to the records officer with a reply date
    calm_turns = 4,    -- a calm visit: greet, hear the request, say what the log shows, confirm the date
    follow_on = {
      supervisor     = 5,    -- the office manager comes out, hears the issue and confirms the reply date
      repeat_contact = 8,    -- she comes back, or calls, about the same request: about one more calm visit
      complaint      = 15,   -- her complaint to the town manager: someone watches the clip, checks the log, writes the reply
      police         = 15,   -- the staff's share only: the call, and a statement to the officers who come
    },
  },

  start  = "arrives",
  safety = "through_door",

  beats = {
    arrives = {
      note = "Performative, not hostile. Greet her as you would anyone.",
      says = {
        uneasy    = "[A woman at the counter holds up a phone on a small grip; a red LIVE dot glows on its screen.] Morning. Just so you know, I'm recording, " ..
                    "and I'm live on " .. RULES.channel .. ". For my viewers: what's your name and your title?",
        defensive = "[A woman at the counter holds up a phone on a small grip, LIVE on its screen.] I'm recording, and I'm live. What's your name and title?",
      },
      choices = {
        { "Morning. Before we start, I'm going to need you to stop recording, please. Staff haven't agreed to be filmed, and you can't film us at the counter.",
          tags = { "stop_filming" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "The classic mistake. Filming in a public lobby is lawful, and this sentence is the clip her viewers came for." },
        { "Good morning. I'm " .. RULES.staff_name .. ", " .. RULES.staff_title .. ". What can I do for you?",
          tags = { "ask" }, go = "closeup",
          coach = "Name and title as policy allows, then the same question you'd ask anyone: the camera gets an ordinary, helpful clerk." },
        { "Is this one of those audit videos? Why are you filming me?",
          tags = { "why_question" }, go = function(s) return guard(s, "name") end, targets = { "name", "through_door" },
          coach = "A natural question, and it makes the camera the topic; she doesn't owe you a reason to film in a public place." },
        { "[Don't look up. Keep typing until she says what she actually wants.]",
          tags = { "ignore" }, go = function(s) return guard(s, "name") end, targets = { "name", "through_door" },
          coach = "'Ignore the camera' doesn't mean ignore the person; not acknowledging a resident is the refusal she's there to film." },
      },
    },

    closeup = {
      note = "The near-miss cue: uncomfortable, not dangerous. She is at arm's length, across the counter, filming.",
      says = {
        settled   = "[She brings the phone closer, framing your face and name badge.] Okay, chat, this is " .. RULES.staff_name .. ". Let's see how " ..
                    RULES.staff_name .. " treats the public she works for.",
        uneasy    = "[She leans the phone in, framing your face and badge, and narrates.] Okay, chat, this is " .. RULES.staff_name .. ", " .. RULES.staff_title ..
                    ". Let's see how " .. RULES.staff_name .. " treats the people who pay her salary.",
        defensive = "[She holds the phone closer to your face.] Chat, meet " .. RULES.staff_name .. ". Let's see if she's a public servant or a public master.",
      },
      choices = {
        { "[This feels like an ambush. Step back from the counter into the office and let someone else deal with it.]",
          tags = { "disengage" }, go = "left_counter",
          coach = "Being filmed close up is unnerving, but she's on the public side of the counter and hasn't threatened anyone. Discomfort isn't danger, and walking off hands her the video." },
        { "Hi, chat. Riveting content, I'm sure.",
          tags = { "sarcasm" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "A flash of wit feels like holding your own; on a livestream it's the clip that gets shared, and it tells her she's got to you." },
        { "[Breathe; keep your face easy.] Sure. So what's brought you in?",
          tags = { "redirect", "self_regulate" }, go = "request",
          coach = "Let the framing pass and return to service: nothing to react to is exactly what makes the video boring." },
        { "I understand you're filming, but could you not hold that right in my face, please?",
          tags = { "limit" }, go = function(s) return guard(s, "name") end, targets = { "name", "through_door" },
          coach = "A fair request about space, but it's about the camera, so she hears 'stop filming'; she's still across the counter, so let it go." },
      },
    },

    name = {
      says = {
        settled   = "Public employee, public building. What's your full name? And who's your supervisor?",
        uneasy    = "Public employee, public building. Full name, please. And your supervisor's name.",
        defensive = "You work for the public. I'm entitled to your full name. And your supervisor's. Are you refusing to identify?",
        venting   = "Chat, she's refusing to identify! Full name! Supervisor's name! Now!",
      },
      choices = {
        { RULES.staff_name .. ", " .. RULES.staff_title .. ": " .. RULES.name_policy .. " is our policy. My manager is " .. RULES.supervisor .. ". Full names are in " ..
          RULES.directory .. "; I can print it.",
          tags = { "inform", "explain_why" }, go = function(s) return guard(s, "request") end, targets = { "request", "through_door" },
          coach = "Give what policy allows, name the manager, say where the rest is public, and offer it: nothing hidden, nothing to film." },
        { "I don't have to give you my name. Staff aren't required to give their full names to anyone who asks, and that includes people holding cameras.",
          tags = { "policy_wall" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Possibly true, and it sounds like exactly the secrecy she came to find." },
        { "Why do you need my last name?",
          tags = { "why_question" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Questioning her motives turns an easy answer into a standoff." },
        { "My supervisor will be happy to answer all your questions about staff names. She's in a meeting right now, but leave your number and I'll make sure she gets it.",
          tags = { "buck_pass" }, go = function(s) return guard(s, "supervisor") end, targets = { "supervisor", "through_door" },
          coach = "Passing her on before she's even said what she needs looks like the runaround she expects." },
      },
    },

    request = {
      note = "The real cause: a records request ignored since " .. RULES.request_month .. ".",
      says = {
        settled   = "Okay. I'm here about a records request. I emailed one in " .. RULES.request_month .. ": the town's policy on filming in town buildings, " ..
                    "and any emails about 'auditors'. Never heard a thing. So now I'm here in person, on camera, where it can't get lost.",
        uneasy    = "Fine. I emailed a records request in " .. RULES.request_month .. ": your policy on filming in town buildings, and any emails about 'auditors'. " ..
                    "Never heard back. So I'm here in person, on camera, where it can't get lost.",
        defensive = "I emailed a records request in " .. RULES.request_month .. ". Filming policy, emails about 'auditors'. Nothing. Not a word. So now I'm here, on camera.",
        venting   = "I sent a records request in " .. RULES.request_month .. "! Not one word back! That's why I'm here, on camera!",
      },
      choices = {
        { "Emails do get lost sometimes, I'm afraid, especially with attachments. You'd probably need to file a new one, and this time ask for a receipt.",
          tags = { "minimize" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "A shrug at the one thing she's genuinely right about; 'file a new one' restarts the clock that's already overdue." },
        { "Records requests go to " .. RULES.records_officer .. ", not the counter. You can call " .. RULES.records_phone .. ".",
          tags = { "buck_pass" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "A phone number for a request that has already vanished once is a cold transfer, and she's filming it." },
        { "[Start typing.] Let me look it up.",
          tags = { "task" }, go = "lookup",
          coach = "The right work, and quick; but she hasn't heard that you understood what went wrong, so she's still braced for an excuse." },
        { "Since " .. RULES.request_month .. ", and not one word back?",
          tags = { "paraphrase" }, go = "lookup",
          coach = "Under the performance is a real grievance; handing it back to her in a few words shows it has finally landed with someone." },
      },
    },

    lookup = {
      says = function(s)
        local yes = (s.used.paraphrase or 0) > 0
        return s:line({
          settled   = (yes and "That's right. " or "Okay. ") .. RULES.request_month .. ". So, where is it?",
          uneasy    = (yes and "That's right. " or "Okay. ") .. "So where is it?",
          defensive = (yes and "Yes. " or "") .. "So where is it? Go on, chat's waiting.",
          venting   = "Where is it? Chat wants to know!",
        })
      end,
      choices = {
        { "[Search the records log.] Here: logged " .. RULES.logged_on .. ", never answered. That's on us. It goes to " .. RULES.records_officer ..
          " now; you'll hear by " .. RULES.reply_by .. ".",
          tags = { "task", "own" }, go = function(s) return guard(s, "door") end, targets = { "door", "through_door" },
          coach = "Do the lookup, say plainly what went wrong, and commit to a date you can keep: this is what a good records video looks like." },
        { "[Glance at the screen.] I don't see anything here, so you'll have to resubmit.",
          tags = { "policy_wall" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "A second no, without really looking, on camera. Even if it were lost, logging a new request today, dated to " .. RULES.request_month .. ", is the same work." },
        { "Since " .. RULES.request_month .. "? That's far past the " .. RULES.records_days .. " business days, and I'm really sorry; I understand why you'd come in with a camera. Let me find out what happened.",
          tags = { "apologize", "acknowledge" }, go = function(s) return guard(s, "door") end, targets = { "door", "through_door" },
          coach = "Naming the failure and apologising for it is right, and costs nothing; if she's ready, doing the search at the same time saves a round." },
        { "[Search the log.] Found it. That's on us, but it happens with the volume we get; records has been two people short since spring.",
          tags = { "task", "minimize" }, go = function(s) return guard(s, "door") end, targets = { "door", "through_door" },
          coach = "Finding it is good, and so is 'that's on us'; the excuse after it, 'the volume we get', tells her viewers the town shrugs at the law." },
      },
    },

    door = {
      says = {
        settled   = "[While you type, she drifts to the half-door beside the counter and films through the gap.] What's back here? Taxpayers paid for this office too.",
        uneasy    = "[While you type, she steps to the half-door beside the counter, films through the gap and lifts the latch.] What's back here? Taxpayers paid for it.",
        defensive = "[She goes to the half-door beside the counter and lifts the latch.] What's back here? I paid for this office.",
        venting   = "[She rattles the latch of the half-door beside the counter.] What's back here? What are you hiding back here?",
      },
      choices = {
        { "[Hurry over and push the door shut against her hand.]",
          tags = { "invade_space" }, set = { shoved = true }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Reaching for the door while her hand is on it is a physical contest on camera; words and distance do the job." },
        { "Hey! You can't go back there, and you can't film back there either!",
          tags = { "stop_filming", "limit" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "The first half is a fair limit; the second makes it about the camera, and that's the half that'll be clipped." },
        { "That one's staff only; it stays shut. Film from the lobby all you like.",
          tags = { "redirect", "limit" }, grade = "best",   -- a needed limit on a place reads as heavy-handed to the model when she's calm
          go = function(s) return guard(s, "screens") end, targets = { "screens", "through_door" },
          coach = "A limit on the place, not the camera, said plainly and once, with no lecture attached." },
        { "[Shrug.] Sure, it's just desks and filing cabinets back there. Have a look if you like; we've got nothing to hide.",
          tags = { "disclose" }, go = "back_office",
          coach = "Friendly, and the back office has files and screens with other residents' details on them; staff-only areas stay closed." },
      },
    },

    screens = {
      says = {
        settled   = "[She angles the phone over the counter at your monitor.] What's that on your screen? Zoom in, chat.",
        uneasy    = "[She angles the phone over the counter at your monitor.] Zoom in, chat. What's that? Whose record is that?",
        defensive = "[She holds the phone over the counter, aimed at your monitor.] What's on the screen? Whose file is that? Zoom in, chat.",
        venting   = "[She pushes the phone over the counter at your monitor.] What's on there? Zoom in! Whose file is it?",
      },
      choices = {
        { "[Keep working and say nothing. Every guide on audits says to ignore the camera, and reacting to it is exactly what she wants.]",
          tags = { "ignore", "disclose" }, go = "on_stream",
          coach = "Ignoring the camera is usually right, but the screen behind her request shows another resident's birth-record order; leaving it in view streams it." },
        { "[Swivel the monitor to face you.] Other people's records. Yours I'll read out.",
          tags = { "redirect", "inform" }, go = function(s) return guard(s, "bait") end, targets = { "bait", "through_door" },
          coach = "Protect the data, not yourself: turning the screen is a limit on what's visible, with no demand about the camera." },
        { "[Put your hand up over her lens.] No. That's private.",
          tags = { "invade_space", "stop_filming" }, set = { lens = true }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "The instinct to protect the record is right; reaching at her phone is the physical confrontation the video is hoping for." },
        { "You can't film my screen. That's illegal; there's confidential information on it, and I'll be reporting this if any of it goes online.",
          tags = { "stop_filming", "argue" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Probably not true where she's standing, and unnecessary: the screen is yours to turn." },
      },
    },

    bait = {
      says = {
        settled   = "[She turns the camera to herself.] Chat says you look nervous. [Back to you.] What are you hiding, " .. RULES.staff_name .. "?",
        uneasy    = "[She turns the camera to herself.] Notice how nervous she got, chat? [Back to you.] What are you hiding? Public servants shouldn't be scared of a camera.",
        defensive = "[To the camera.] See how nervous she is? [To you.] What are you hiding? Why are you scared of a camera?",
        venting   = "[To the lobby.] Look how scared she is! [To you.] What are you HIDING?",
      },
      choices = {
        { "I'm not scared, and I'm not hiding anything. I've worked here eleven years and we follow the law, and frankly these videos make everyone's job harder.",
          tags = { "argue" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Over-explaining answers a bait question on her terms; every extra sentence is more to edit." },
        { "You know what? I've been patient, but I think you should leave now.",
          tags = { "threaten_early" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "She's done nothing that justifies asking her to go; ordering her out of a public lobby is both wrong and the clip." },
        { "This is a government building, and I'm asking you to stop.",
          tags = { "stop_filming" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "The lobby is a public area; this is the sentence that audit channels title their videos with." },
        { "[Smile.] Nothing to hide, ma'am. Your reply comes by " .. RULES.reply_by .. ".",
          tags = { "redirect", "inform" }, go = function(s) return guard(s, "wrap") end, targets = { "wrap", "through_door" },
          coach = "Ignore the challenging question and answer the real one: her request, and when she'll hear. The bait has nothing to bite." },
      },
    },

    wrap = {
      says = {
        settled   = "[She lowers the phone a little.] ...Huh. Okay. So " .. RULES.reply_by .. ", by email?",
        uneasy    = "[She lowers the phone a little.] ...That's it? Okay. " .. RULES.reply_by .. ", then.",
        defensive = "Fine. " .. RULES.reply_by .. ". And if it doesn't come, I'll be back. With the camera.",
        venting   = RULES.reply_by .. ". And if it doesn't come, I'm back here with the camera!",
      },
      choices = {
        { "Thanks. Have a nice day.",
          tags = { "sarcasm" }, go = "filed_accepted",
          coach = "A thank-you and a stock goodbye, said flat to someone who's been filming you: the last frame of the video is a brush-off." },
        { "I can also log today's visit as a new request, for a paper trail; that one gets its own " .. RULES.records_days .. "-day clock.",
          tags = { "options" }, grade = "good", go = function(s) return close_out(s) end, targets = { "boring_video", "filed_accepted" },
          coach = "Kindly meant, but a second request isn't needed: the " .. RULES.request_month .. " one is logged and overdue, and a new one starts a new clock. A thank-you and a name for the follow-up close the loop better." },
        { "Yes, by email. Thanks for bringing it in; if it slips, ask for " .. RULES.supervisor .. ", or ring " .. RULES.records_phone .. ".",
          tags = { "thank", "own" }, go = function(s) return close_out(s) end, targets = { "boring_video", "filed_accepted" },
          coach = "Thank her for surfacing a real failure and give her a route if it slips: procedurally fair, and dull to watch." },
      },
    },

    confront = {
      -- What she calls out depends on what set her off.
      says = function(s)
        if s.flags.lens then
          return s:line({
            uneasy    = "[She pulls the phone back and widens the shot to the lobby.] Whoa. Chat, she just put her hand on my camera.",
            defensive = "[She pulls the phone back and turns it to the lobby.] Chat, did you see that? She grabbed at my camera. In a public building.",
            venting   = "[Holding the phone up high.] Everybody see that? She grabbed my camera! In a PUBLIC building!",
          })
        elseif s.flags.shoved then
          return s:line({
            uneasy    = "[She shakes out her hand and widens the shot to the lobby.] Whoa. Chat, did you see that? She shoved the door on my hand.",
            defensive = "[She shakes out her hand and turns the phone to the lobby.] Chat, did you see that? She shoved a door on my hand. In a public building.",
            venting   = "[Holding up her hand to the camera.] Everybody see that? She slammed the door on my hand! In a PUBLIC building!",
          })
        elseif (s.used.stop_filming or 0) > 0 then
          return s:line({
            settled   = "[She widens the shot to take in the lobby.] Sorry, are you saying I can't film in a public building?",
            uneasy    = "[She widens the shot to take in the lobby.] Are you telling me I can't film in a public building? Chat, she's telling me I can't film.",
            defensive = "[She turns the phone to the lobby.] Chat, did you hear that? This is a public lobby. Are you telling me I can't film here?",
            venting   = "[She turns the phone to the lobby.] Did everyone hear that? Public building! I can film whatever I want!",
          })
        end
        return s:line({
          settled   = "[She widens the shot to take in the lobby.] Huh. Chat, that's how they talk to the public in here.",
          uneasy    = "[She widens the shot to take in the lobby.] Chat, you seeing this? That's how they talk to the public in here.",
          defensive = "[She turns the phone to the lobby.] Chat, you hearing this? This is how a public servant talks to the public.",
          venting   = "[She turns the phone to the lobby.] Everybody hear that? That's how this town talks to the people who pay for it!",
        })
      end,
      choices = {
        { "I got that wrong: filming out here is fine. What do you need today?",
          when = function(s) return (s.visits.request or 0) == 0 end,
          tags = { "apologize", "redirect" }, go = function(s) return guard(s, resume(s)) end,
          targets = { "request", "lookup", "door", "screens", "bait", "wrap", "through_door" },
          coach = "Correct yourself quickly, without grovelling, and get back to service: a correction is boring footage too." },
        { "You're right, and I got that wrong. Film away. Now, your request.",
          when = function(s) return (s.visits.request or 0) > 0 end,
          tags = { "apologize", "redirect" }, go = function(s) return guard(s, resume(s)) end,
          targets = { "request", "lookup", "door", "screens", "bait", "wrap", "through_door" },
          coach = "Correct yourself quickly, without grovelling, and get back to her request: a correction is boring footage too." },
        { "It's town policy, I'm afraid. No filming at the counter, for staff privacy and for the other residents in line; you can film outside if you like.",
          tags = { "policy_wall" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "There's no such policy for public areas, and she knows the law better than most staff; doubling down makes it worse." },
        { "I'm so sorry, I got that wrong, that was completely out of line. Please, could you cut that bit? I could get in real trouble.",
          tags = { "apologize", "stop_filming" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "The correction is right; the grovelling and the plea to cut the clip aren't. Asking her to edit her footage is the line she'll post." },
        { "This is private property.",
          tags = { "argue" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "It isn't: a town hall lobby is public, and saying otherwise on camera is an error she'll correct for her viewers." },
      },
    },

    heated = {
      note = "Venting for the lobby and the stream. Loud, not dangerous: let it burn out.",
      says = function(s)
        if s.flags.shoved or s.flags.lens then
          return s:line({
            uneasy    = "[She turns to the people in line.] You all saw that, right? Hands on a member of the public.",
            defensive = "[To the line of residents.] You all saw that! Putting hands on a member of the public, on camera!",
            venting   = "[Loud, to the whole lobby.] You all SAW that! Hands on a member of the public! This is exactly why we film!",
          })
        elseif (s.used.stop_filming or 0) > 0 then
          return s:line({
            settled   = "[She turns to the people in line.] You see this? They don't want cameras in here. I wonder why.",
            uneasy    = "[She turns to the people in line.] You see this? Ask a question here, and they try to shut the camera off.",
            defensive = "[To the line of residents.] Everybody see this? A public servant trying to shut down a camera in a public building!",
            venting   = "[Loud, to the whole lobby.] Everybody see this? Shutting down a camera in a PUBLIC building! This is exactly why we do this!",
          })
        end
        return s:line({
          settled   = "[She turns to the people in line.] You see this? This is what you get when you ask a question here.",
          uneasy    = "[She turns to the people in line.] You see this? This is what happens when you ask a question here.",
          defensive = "[To the line of residents.] Everybody see this? Months of silence, and now this is how they treat you to your face!",
          venting   = "[Loud, to the whole lobby.] Everybody see this? Months of silence, and THIS is how they treat you! This is exactly why we film!",
        })
      end,
      choices = {
        { "I understand you're upset, but lower your voice. There are people waiting.",
          tags = { "calm_down" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Tone-policing a performer on a livestream hands her the next line of her script." },
        { "[Wait it out in silence, face neutral.]",
          tags = { "listen", "pause" }, go = "calmer",
          coach = "Silence and a neutral face give the performance nothing to push against; it burns out faster than any reply." },
        { "Would you like to step into the conference room, where we can talk without the lobby?",
          tags = { "private" }, effect = { agitation = 6, trust = -4 }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Usually good advice; here it reads as getting her off camera, and a closed room alone with a hostile visitor is a safety mistake of its own." },
        { "[Pick up the phone.] Okay. I'm calling the police.",
          tags = { "threaten_early" }, grade = "harmful", go = "police_called",
          coach = "Filming isn't a crime, and shouting at the lobby isn't either; police called over lawful filming is the costliest ending there is." },
      },
    },

    calmer = {
      says = {
        settled   = "[She checks her screen, then looks back at you.] ...So. Are you going to help me or not?",
        uneasy    = "[She checks the comments, then looks back.] ...So. Are you going to help me or not?",
        defensive = "[She checks the comments.] So are you going to help me, or do I just keep filming you doing nothing?",
        venting   = "[Still loud.] So are you going to help me or not?",
        recovery  = "[She checks her screen, then looks back, quieter.] ...So. Are you going to help me or not?",
      },
      choices = {
        { "Only if you put the camera away. I'm happy to help anyone, but not while I'm being filmed for somebody's channel.",
          tags = { "stop_filming" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "A condition she has no reason to accept, on the one thing she's allowed to do." },
        { "Yes. Sorry about before; filming's fine. What's it about?",
          when = function(s) return (s.visits.request or 0) == 0 end,
          tags = { "apologize", "ask" }, go = function(s) return guard(s, resume(s)) end,
          targets = { "request", "lookup", "door", "screens", "bait", "wrap", "through_door" },
          coach = "In the recovery window a short apology and an open question rebuild more than any defence of what you said." },
        { "Yes. Sorry about before; filming's fine. Where had we got to?",
          when = function(s) return (s.visits.request or 0) > 0 end,
          tags = { "apologize", "ask" }, go = function(s) return guard(s, resume(s)) end,
          targets = { "request", "lookup", "door", "screens", "bait", "wrap", "through_door" },
          coach = "In the recovery window a short apology and a question that hands her the floor rebuild more than any defence of what you said." },
        { "[Say nothing. Keep your face neutral and let her go on.]",
          tags = { "pause", "ignore" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Silence was right while she played to the lobby; now she has asked you a straight question, and saying nothing is the stonewall she came to film." },
        { "That depends on what you want.",
          tags = { "sarcasm" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Dry, guarded, and on camera it reads as a clerk toying with a resident." },
      },
    },

    supervisor = {
      says = {
        settled   = "I'd like to speak to your supervisor, please. On camera.",
        uneasy    = "I want to speak to your supervisor. On camera.",
        defensive = "Get me your supervisor. On camera. Now.",
        venting   = "SUPERVISOR! Now! On camera!",
      },
      choices = {
        { "Of course. [Call " .. RULES.supervisor_short .. ", as " .. RULES.audit_policy .. " says:] A resident is filming at the counter about a records request from " ..
          RULES.request_month .. " that was never answered. Could you come out?",
          tags = { "handoff" }, go = "supervisor_routed",
          coach = "She asked, and the policy says to bring the manager in; a warm handoff with the real issue means she doesn't start again." },
        { "She's in a meeting all morning, I'm afraid. You can email her; she's usually good about getting back within a couple of days, and I'll write the address down for you.",
          tags = { "buck_pass" }, go = "viral",
          coach = "True or not, a cold redirect to email is the runaround her channel is built on." },
        { "You can. While I call her, tell me what you came in for, and I'll start on it.",
          tags = { "redirect", "ask" }, go = function(s) if s.agitation >= 60 then return "supervisor_routed" end return resume(s) end,
          targets = { "supervisor_routed", "request", "lookup", "door", "screens", "bait", "wrap" },
          coach = "Saying yes to the supervisor and still serving her keeps the help going; if she's still shouting, the manager takes it from there." },
      },
    },

    through_door = {
      tripwire = true,
      note = "Safety beat: after being told the door is staff-only, she pushes through it. Now it's behaviour, not filming.",
      says = {
        venting     = "[She kicks the half-door open and pushes into the staff area, phone up, shouting.] Public building! Try and stop me!",
        threatening = "[She slams through the half-door into the staff area, right up to your desk, phone in your face.] Go on. Try and stop me.",
      },
      choices = {
        { "[Grab for the phone before she can film the open files.]",
          tags = { "invade_space" }, go = "grabbed",
          coach = "Touching her or her phone turns a trespass into an assault claim against you, on a live stream." },
        { "[Back up to the filing cabinets and block them with your body.] Please go back to the lobby and we can talk about this.",
          tags = { "redirect", "invade_space" }, go = "grabbed",
          coach = "Backing up was right; planting yourself in her path wasn't. Blocking her with your body keeps you in contact range of someone who has just forced a door." },
        { "[Get a desk between you and hit the duress button for " .. RULES.supervisor_short .. ".]",
          tags = { "disengage" }, go = "stepped_back",
          coach = "Once she's pushed into a staff area, it's behaviour, not filming: distance, a barrier and help, with no more persuading." },
      },
    },
  },

  endings = {
    boring_video = {
      outcome = "resolved_satisfied",
      says    = "[She stops the stream.] ...Okay. Thanks. That was actually easy.",
      debrief = "The records officer replied by " .. RULES.reply_by .. ", with the filming guidance and the emails. Reese's video was eleven minutes of a clerk " ..
                "being helpful and got a few hundred views. The overdue request was the real problem, and it was fixed.",
    },
    filed_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. " .. RULES.reply_by .. ". We'll see.",
      debrief = "The overdue request was flagged and answered by " .. RULES.reply_by .. ". Reese still titled her video 'Town Hall Stonewalls', " ..
                "but the footage showed a clerk who served her, kept the staff door closed and committed to a date. That's a full pass.",
    },
    supervisor_routed = {
      outcome = "routed",
      task    = true,                  -- the overdue request still has to be found and flagged
      follow_on = { "supervisor" },    -- the manager comes out, whoever called her
      says    = "Okay. Thank you for telling her what it's about.",
      debrief = RULES.supervisor .. " came out, confirmed the overdue request and committed to " .. RULES.reply_by .. ". Her time was the follow-on cost; " ..
                "the warm handoff, with the real issue passed on, meant the second half of the video was as dull as the first.",
    },
    left_counter = {
      outcome = "unresolved",
      says    = "[To the camera.] And she just... walked away. From a member of the public. Wow.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "Walking off when nobody was in danger gave the video its title. Reese came back the next week, and the overdue request went unmentioned " ..
                "until a complaint reached the town manager. Stepping away is a safety tool; a camera across the counter wasn't a reason to use it.",
    },
    viral = {
      outcome = "escalated",
      says    = {
        settled   = "[To the camera.] And that's how this town treats the public. Link's in the description.",
        uneasy    = "[To the camera.] And that's how this town treats the public. Link's in the description.",
        defensive = "[To the camera.] You all saw it. Like and share. We're not done with this town.",
        venting   = "[To the camera.] You all saw it! Share it! Flood their inbox!",
        threatening = "[To the camera, shouting.] You all saw it! Share it! Flood their inbox!",
      },
      debrief = "Reese left with the clip she came for, and it passed fifty thousand views. The town manager's office had to answer her complaint, " ..
                "she called again about her request, and the overdue records request, the real failure, was lost in the noise.",
    },
    police_called = {
      outcome = "escalated",
      says    = "[Filming the officers arriving.] Chat, they called the police on me. For filming. In a public lobby.",
      follow_on = { "complaint", "police" },
      debrief = "Two officers came, explained to staff that filming in the lobby is lawful, and left. The video of the call ran to six figures " ..
                "and brought a complaint the town had to answer. Police are for a crime or a threat, not a camera.",
    },
    on_stream = {
      outcome = "breach",
      says    = "[Zooming in.] Chat, can you read that? Somebody's birth certificate order. Nice security, town hall.",
      follow_on = { "complaint", "supervisor" },   -- the notice to the residents exposed, and the office manager's review
      debrief = "Another resident's name and date of birth went out on a live stream. The town had to notify the resident and review its counter layout. " ..
                "Ignoring the camera is right; ignoring what it can see isn't. Screens face away from the public.",
    },
    back_office = {
      outcome = "breach",
      says    = "[Filming desk to desk.] Look at all this, chat. Open files everywhere.",
      follow_on = { "complaint", "supervisor" },   -- the notice to the residents exposed, and the office manager's review
      debrief = "Reese filmed open files and a screen with residents' tax details. Staff-only areas stay closed, however friendly the visitor, " ..
                "and the town had to notify the residents whose details were on screen.",
    },
    stepped_back = {
      outcome = "safety_exit",
      says    = "[She films the empty desk for a moment, then backs out to the lobby as " .. RULES.supervisor_short .. " arrives.]",
      debrief = "You kept a desk between you, got help and didn't touch her or the phone. " .. RULES.supervisor_short .. " asked her to return to the lobby; " ..
                "the incident was written up with times and her words, and the half-door now has a lock. Filming was never the problem; forcing the door was.",
    },
    grabbed = {
      outcome = "escalated",
      says    = "[The phone clatters to the floor, still recording.] Assault! You all saw it! Call the police!",
      follow_on = { "police" },
      debrief = "The struggle over the phone was streamed live. Police came and took statements from you and from Reese, who told them she had been assaulted. " ..
                "Once someone forces a door, step back and get help; never reach for the camera.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: greet, let the framing pass, reflect the grievance, own it, limit places not cameras",
      choices = { 2, 3, 4, 1, 3, 2, 4, 3 },
      expect = { outcome = "resolved_satisfied", ending = "boring_video", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "offering a second request at the close is good, not best: the March one is logged and overdue",
      choices = { 2, 3, 4, 1, 3, 2, 4, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, max_score = 98 } },
    { name = "'stop recording', a grovelling plea to cut the clip, then the call",
      choices = { 1, 3, 4 },
      expect = { outcome = "escalated", ending = "police_called", passed = false, max_score = 25 } },
    { name = "a typical novice: a word about the camera, a shout at the door, then a recovery",
      choices = { 2, 4, 1, 4, 4, 2, 1, 2, 4, 2 },
      expect = { outcome = "resolved_accepted", min_score = 55, max_score = 80, min_ratio = 2.5, max_ratio = 3.5 } },
    { name = "near miss: walking away from a camera is not a safety exit",
      choices = { 2, 1 },
      expect = { outcome = "unresolved", ending = "left_counter", passed = false } },
    { name = "forcing the staff door is a tripwire: stepping back is the safety exit",
      choices = { 1, 4, 1, 3 },
      expect = { outcome = "safety_exit", ending = "stepped_back", critical = false } },
    { name = "the calmest path costs little more than a calm visit", path = "calmest", expect = { max_ratio = 1.5 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm visits, follow-on included", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
