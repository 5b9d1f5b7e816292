-- Seed 15: a caller rings the Town Manager's office for the fifth time this month about motorcycles
-- on his street, a problem no office can simply fix, and turns his anger on the employee.
-- The protocol: acknowledge, give the same answer once, offer the written route, warn once, then end the call
-- if the abuse carries on (a caller who has come down usually takes the route instead).
-- path best:   4,1,3,2,3,2
-- path worst:  1,1,1,2,2,2,2,1
-- path novice: 1,1,1,1,2,3,4,3,3

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office        = "Town Manager's office",
  manager       = "the Town Manager",
  board         = "the Select Board",
  street        = "Orchard Road",
  calls         = "fifth",                                  -- his calls about this in the current month
  cutoff        = "noon on the Wednesday before a meeting", -- written requests in by then can go on the next agenda
  route         = "a letter or email to the Town Manager",  -- the formal written route
  study         = "a traffic-calming study",                -- what the board can ask for
  police_answer = "the police stop loud exhausts when they catch them on patrol, under state vehicle law",
  dpw_answer    = "Orchard Road is an emergency route, so speed humps aren't allowed on it",
  police_line   = "555-0155",                               -- police non-emergency line
  deputy        = "Dana Whitfield, the assistant town manager",
}


-- Pushed into the heat a second time: he asks for the boss; a third time, he hangs up.
local function heat(s)
  if (s.visits.wants_boss or 0) > 0 then return "hung_up" end
  if (s.visits.heated or 0) > 0 then return "wants_boss" end
  return "heated"
end

-- Authored grades below hold only while nobody is in danger. Once he has made a threat (a tripwire),
-- these choices are swapped for ones the model grades: only ending the call is right.
local function calm_only(s) return not s.tripwire end
local function in_danger(s) return s.tripwire end
local function end_on_threat()
  return { "Mr. Keogh, I'm ending this call now. Goodbye. [Log his exact words and the time, and tell your supervisor.]",
    tags = { "disengage" }, when = in_danger, go = "threat_ended",
    coach = "That was a threat. Stop problem-solving, end the call without arguing, and report it; nobody has to keep talking after that." }
end

-- Kept talking on the safety beat: after a warning he was abusive; without one, he had made a threat.
local function kept_on(s)
  if s.flags.warned then return "abused_on" end
  return "threat_kept_on"
end

-- After one clear warning: a caller who has come down (Uneasy or calmer) and has the written route
-- backs off and takes it; one still hot keeps at you, and the call ends.
local function after_warning(s)
  if s.agitation < 40 and s.flags.route_given and not s.tripwire then return "letter_routed" end
  return "abuse_continues"
end

-- Passed along a second time: straight into the heat.
local function passed_on(s)
  if (s.visits.brushed or 0) > 0 then return heat(s) end
  return "brushed"
end

return scenario {
  id         = "repeat-caller-noise",
  title      = "The fifth call about the motorcycles",
  setting    = "phone",
  role       = "Front desk, " .. RULES.office,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A caller on his " .. RULES.calls .. " call this month, about motorcycles that no office can stop, wants to know what you're going to do about it.",
  objectives = {
    "Handle a caller who has already heard every answer the town has.",
    "Find him something real to do with a problem no office can fix.",
    "Look after yourself, and the call, when his anger turns personal.",
  },

  resident = {
    name       = "Martin Keogh",
    agitation  = 65,
    trust      = 15,
    need       = "recognition",
    volatility = 1.1,      -- was 1.2: at that, one argued point or a jibe moved him 21-22 points in one step
    recovery   = 0.6,      -- high-conflict: good moves land slowly
    audience   = false,
    waited     = 3,        -- minutes on hold
    look = { skin = 1, hair = "bald", hair_colour = "grey", top = "cardigan" },
  },

  time = {
    -- A calm call: hear him out (the police, the roads, the health office, all of it), the same answer
    -- and why, the written route and its cutoff, goodbye: seven exchanges; then log it in his contact
    -- history and email him the address and the cutoff (the task, four minutes). About 13 minutes.
    -- Since the second review the best path ends with him taking the written route, so the call is
    -- timed (it was 9:30 when the best path was a safety exit and no target applied).
    task = 4, calm_turns = 7,
    follow_on = {
      supervisor     = 10,  -- the assistant town manager takes the briefed call and explains the route herself;
                            -- after a threat, your supervisor reviews the write-up and takes over his contacts
      repeat_contact = 10,  -- the sixth call: about one more calm call
      complaint      = 15,  -- his email to the Select Board, and a supervisor's reply
      police         = 10,  -- your supervisor's report of his threat to the police non-emergency line, and a short statement
    },
  },

  start  = "opens",
  safety = "abuse_continues",
  -- No walk-out rule: he doesn't give up and hang up after a few hot exchanges ("I'll call every day
  -- till somebody listens"); he keeps at you. The story's own ladder ends the call: pushed twice he asks
  -- for the boss, a third time he hangs up; a threat goes to the safety beat.
  walkout = false,

  beats = {
    opens = {
      note = "He swears about the situation, not at you. Not yet the moment for a limit.",
      says = {
        defensive = "This is my " .. RULES.calls .. " call this month. Those motorcycles were tearing up " .. RULES.street .. " till one in the morning again. Police, roads, health: I've called them all. So what are you going to do?",
        venting   = "This is my " .. RULES.calls .. " call this month. FIFTH. Those motorcycles were tearing up " .. RULES.street .. " till one in the morning again. Police, roads, health, I've called them all, and nobody does a damn thing. So what are YOU going to do?",
      },
      choices = {
        { "Thanks for calling again, Mr. Keogh. Vehicle noise is a police matter; I can give you their non-emergency number.",
          tags = { "buck_pass" }, go = passed_on, targets = { "brushed", "heated", "wants_boss", "hung_up" },
          coach = "Accurate, polite and the fastest way off the phone: the thank-you is a brush-off, it's the fifth office to hand him along, and he's heard that number before." },
        { "Sir, I'll need you to watch your language if you want my help.",
          tags = { "calm_down" }, set = { policed = true }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "His 'damn' is aimed at the situation, not at you. Policing it in the first ten seconds tells him the noise doesn't matter." },
        { "[Open a new report.] Okay. What time did it start last night?",
          tags = { "ask" }, set = { new_report = true }, go = passed_on, targets = { "brushed", "heated", "wants_boss", "hung_up" },
          coach = "A reasonable question, but he's given the times four times already; starting a fresh form sounds like starting from zero." },
        { "Five calls this month, and still up at one in the morning. That's a lot of bad nights, sir.",
          tags = { "acknowledge", "label" }, go = "recognised",
          coach = "Naming the impact and the repeat, specifically, tells him this call has registered before you say anything else." },
      },
    },

    recognised = {
      -- His first words answer what was just said: the bad nights, last night, or "polite got you nowhere".
      says = function(s)
        local lead = "Bad nights? It's every night."
        if (s.visits.heated or 0) > 0 then lead = "Nowhere is right."
        elseif (s.visits.brushed or 0) > 0 and s.flags.new_report then lead = "Fine. It's every night, that's the point."
        elseif (s.visits.brushed or 0) > 0 then lead = "Last night? Same as every night." end
        return lead .. " " .. s:line({
          uneasy    = "Police say they patrol. Roads say no speed bumps. Health says it's not their bylaw. I'm up at four for the bakery. I want someone to do something, or I'll take the town to court.",
          defensive = "Police say they 'patrol'. Roads say no speed bumps. Health says not their bylaw. Everybody's got a reason. I'm up at four for the bakery. Do something, or I'll sue this town.",
          venting   = "Police say they 'patrol'. Roads say no speed bumps. Health says not their bylaw. Everybody's got a reason! I'm up at four for the bakery! Do something, or I swear I'll sue this town!",
        })
      end,
      choices = {
        { "[Let him get it all out. A quiet 'mm-hm' when he pauses.]",
          tags = { "listen" }, go = "heard_him",
          coach = "He's still venting; letting it run out costs a few minutes now and saves more later. 'I'll sue' is frustration, not danger." },
        { "Suing the town won't get the bikes off your street. It would just tie everything up for years.",
          tags = { "argue", "minimize" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Probably true, and it turns his frustration into a debate about lawsuits he'll want to win." },
        { "If you're going to talk about suing, this call is over. Goodbye.",
          tags = { "disengage" }, grade = "poor", go = "cut_off",
          coach = "Saying he'll sue is his right, not a threat to anyone's safety. Ending the call here is walking away from hard service, and he'll complain." },
        { "I'll get the police to put a car on " .. RULES.street .. " every night this week. You have my word.",
          tags = { "overpromise" }, promise = "A police car on " .. RULES.street .. " every night this week.",
          set = { promised = true, every_night = true }, go = "promised_patrol",
          coach = "It calms him for a moment, but you don't direct patrols. When no car comes, it becomes the sixth broken promise." },
      },
    },

    heard_him = {
      says = {
        uneasy    = "...So that's where I am. I just want somebody who can actually decide something to hear it.",
        defensive = "...So. That's where I am. Somebody with some authority needs to hear this, because I'm done being passed around.",
        venting   = "...And that's IT. Somebody with some authority needs to hear this! I'm done being passed around!",
      },
      choices = {
        { "I hear you, Mr. Keogh, and I really do understand how frustrating this must be for you. Nobody should have to put up with that night after night.",
          tags = { "hollow" }, set = { scripted = true }, go = "what_now",
          coach = "Well meant, but it's the line he's heard on four calls already, and he hears the script in it." },
        { "Well, to be fair, the police did add patrols, and Public Works explained the emergency-route rule.",
          tags = { "argue" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Defending the other offices tells him this office is on their side, not listening to him." },
        { "So four offices each gave you a reason, and nobody who can change anything has actually heard you. Is that it?",
          tags = { "paraphrase", "label" }, set = { reflected = true }, go = "what_now",
          coach = "He told you what he needs: to be heard by someone with authority. Saying it back shows you caught it, under the noise complaint." },
      },
    },

    what_now = {
      says = function(s)
        if s.flags.took_back then
          return s:line({
            uneasy    = "So you can't even promise that. All right. So what can you actually do?",
            defensive = "So you can't even promise that. Great. So what CAN you do?",
            venting   = "So you can't even PROMISE that! Great! So what CAN you do?",
          })
        end
        if s.flags.reflected then
          return s:line({
            settled   = "Yes. That's it. Finally. So what happens now?",
            uneasy    = "Yes. That's it exactly. So? What happens now?",
            defensive = "Yes. That's it. So what are you going to do about it?",
            venting   = "YES. So what are you going to DO about it?",
          })
        end
        if s.flags.scripted then
          return s:line({
            uneasy    = "Everybody 'understands'. Four offices understood. So what happens now?",
            defensive = "Yeah. Four offices 'understood'. So what are you going to do about it?",
            venting   = "Everybody UNDERSTANDS! Four offices understood! So what are you going to DO about it?",
          })
        end
        return s:line({
          uneasy    = "...Right. So what happens now?",
          defensive = "Fine. So what are you going to do about it?",
          venting   = "FINE. So what are you going to DO about it?",
        })
      end,
      choices = {
        { "[Let the silence sit.]",
          -- the model reads any pause as calming; to a man owed a straight answer it is one more non-answer
          tags = { "pause" }, grade = "poor", effect = { agitation = 5, trust = -3 },
          go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "A silence is for someone still talking it out. He has asked you a direct question; leaving it hanging is one more office with nothing to say." },
        { "Straight answer, once: " .. RULES.police_answer .. ", and " .. RULES.dpw_answer .. ". That hasn't changed.",
          tags = { "inform", "explain_why" }, go = "same_answer",
          coach = "The same answer, given once, plainly and honestly, without re-arguing it. He can't get a different one by calling again." },
        { "I'll make sure it gets sorted this time, Mr. Keogh. I'll take it to the chief myself this afternoon, get a car out there tonight, and call you back once it's done.",
          when = function(s) return not s.flags.took_back end,   -- once taken back, not offered again
          tags = { "overpromise" }, promise = "The motorcycle noise will be sorted.",
          set = { promised = true }, go = "promised_patrol",
          coach = "It's what he wants to hear, and it's a promise no one in this office can keep." },
        { "What would 'sorted' look like for you, realistically?",
          tags = { "ask" }, go = "sorted",
          coach = "A fair question, though he asked a direct one first; he may need to hear where things stand before he can answer it." },
      },
    },

    sorted = {
      says = {
        uneasy    = "Sorted? Honestly? The bikes gone. Or at least somebody who can actually decide something looking at it. Not another 'we've passed it on'.",
        defensive = "Sorted? The bikes GONE. Or somebody who can actually decide something looking at it. Not another 'we've passed it on'.",
        venting   = "Sorted?! The bikes GONE! Or somebody who can actually DECIDE something looking at it! Not another 'we've passed it on'!",
      },
      choices = {
        { "Then write to the board, through " .. RULES.manager .. ", asking for " .. RULES.study .. ". If it's in by " .. RULES.cutoff .. ", it goes on their agenda.",
          tags = { "options", "inform" }, set = { route_given = true }, go = "personal",
          coach = "He told you what 'sorted' means: someone with authority looking at it. The written route is exactly that, with a deadline." },
        { "The bikes gone just isn't realistic, I'm afraid. Nobody can stop a motorbike using a public street; the police can only act when they catch one.",
          tags = { "minimize" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Probably true, and it answers the half of his sentence he didn't need answered." },
        { "I'll pass it on to the police chief again, then.",
          tags = { "buck_pass" }, go = passed_on, targets = { "brushed", "heated", "wants_boss", "hung_up" },
          coach = "He just said 'not another we've passed it on', and that's what this is." },
      },
    },

    same_answer = {
      says = {
        uneasy    = "That's what everyone says. So that's it? Nothing?",
        defensive = "That's the same script I got from everybody else. So that's it? Nothing?",
        venting   = "That's the same SCRIPT! Word for word! So that's it? NOTHING?",
      },
      choices = {
        { "Like I said, it's a police matter. I can only tell you what they've told you.",
          tags = { "policy_wall" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Honest, and it closes the last door he can see. He needs to hear what is still open to him." },
        { "Let me go through it again: the police can only stop a bike an officer actually hears, so unless they're on your street at one in the morning...",
          tags = { "argue", "explain_why" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Re-arguing the same answer invites him to argue it back. You gave it once; that's enough." },
        { "Nobody's offered you this yet: a written request to this office for " .. RULES.study .. ". In by " .. RULES.cutoff .. ", it goes on " .. RULES.board .. "'s agenda.",
          tags = { "options", "inform" }, set = { route_given = true }, go = "personal",
          coach = "A real route to people with authority, with the deadline. It answers his need to be heard by someone who can decide." },
        { "I'm sorry. There's nothing else we can do.",
          tags = { "policy_wall", "apologize" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Kind in tone, but 'nothing' isn't true: there's a written route to the board he hasn't been told about." },
      },
    },

    personal = {
      note = "The abuse is now aimed at the employee. This is the moment for one clear warning. His pattern, on every call, is to test it.",
      says = {
        settled   = "A letter. Right. You know what you are? A [swears] paper-pusher. I pay your salary, you know.",
        uneasy    = "A letter. Wonderful. You know what you are? A useless [swears] paper-pusher. I pay your salary.",
        defensive = "A letter. A LETTER. You know what you are? A useless little paper-pusher hiding behind a phone. I pay your salary, you [swears].",
        venting   = "A LETTER?! You useless little paper-pusher! I pay your salary, you [swears]! You hear me?",
        threatening = "A LETTER?! You useless [swears]. I know which car's yours in the Town Hall lot. Think about that when you're pushing your paper.",
      },
      choices = {
        { "I don't have to take this, Mr. Keogh. I've been nothing but polite to you, and I'm not paid to be sworn at. [Hang up.]",
          tags = { "disengage" }, grade = "poor", when = calm_only, go = "cut_off",
          coach = "You don't have to take abuse, but hanging up without a warning skips the step that makes ending a call fair and defensible." },
        end_on_threat(),
        { "Mr. Keogh, no more names. Use one again and this call ends. The board route stays open.",
          tags = { "limit" }, set = { warned = true }, grade = "best", when = calm_only,
          go = after_warning, targets = { "letter_routed", "abuse_continues" },
          coach = "One calm, specific limit on the behaviour, with the help still on offer. More empathy here would reward the insult." },
        { "With respect, my salary's the same whether you write the letter or not, so I'd save the insults for someone they might actually bother.",
          tags = { "sarcasm" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Very human, and it hands him exactly the quote for his complaint." },
        { "I'll let that go. The letter is the one route that reaches the people who decide. I'll email you the address and the cutoff, " .. RULES.cutoff .. ", now.",
          tags = { "redirect", "options" }, set = { let_pass = true },
          go = function(s) if s.agitation < 45 then return "letter_routed" end return "still_at_you" end,
          targets = { "letter_routed", "still_at_you" },
          coach = "Letting one insult pass and steering back to the route can work if he has come down. It skips the warning, though, so if it carries on you've nothing to stand on." },
      },
    },

    still_at_you = {
      note = "No warning has been given yet. Warn once, then end the call if it continues.",
      says = {
        defensive = "'Let it go'? Don't you patronise me. You're all useless, and you're the worst of the lot, you [swears].",
        venting   = "'Let it GO'? Don't you patronise ME! You're all useless, and you're the worst of the lot, you [swears]!",
        threatening = "'Let it GO'? You patronising [swears]. Keep it up and you'll find out what a month with no sleep does to a man. I know where you work.",
      },
      choices = {
        { "Sir, please, calm down. I'm trying to help you here, and shouting at me isn't going to get those motorcycles off your street any faster.",
          tags = { "calm_down" }, go = "hung_up",
          coach = "It sets no clear limit, and 'calm down' is the phrase most likely to make him louder." },
        { "[Hang up.]",
          tags = { "disengage" }, grade = "poor", when = calm_only, go = "cut_off",
          coach = "Hanging up without a warning looks like being cut off, and he'll call back to complain about you as well as the noise." },
        { "Mr. Keogh, the name-calling stops now, or the call does. I'd still rather get this to the board for you.",
          tags = { "limit" }, set = { warned = true }, grade = "best", when = calm_only,
          go = after_warning, targets = { "letter_routed", "abuse_continues" },
          coach = "The warning the protocol needs: calm, specific, with the route still on offer. Say it once, then keep to it." },
        { "Mr. Keogh, that stops now, or this call ends. I'd still rather get this to the board for you.",
          tags = { "limit" }, set = { warned = true }, when = in_danger,
          go = "abuse_continues",
          coach = "A warning is for abuse. Once he has made a threat, the time for warnings is over: end the call and report it." },
        end_on_threat(),
      },
    },

    abuse_continues = {
      tripwire = true,
      note = "Abuse continued after a clear warning (or his behaviour stayed threatening): end the call politely and document.",
      says = function(s)
        if s.flags.warned then
          return s:line({
            uneasy    = "End the call? You'll END the call? You work for ME, you [swears]. I'll talk however I like.",
            defensive = "End the call? You'll END the call? You work for ME, you [swears]. I'll talk however I like.",
            venting   = "Warn ME? You work for ME, you useless [swears]! I'll call every day till somebody listens!",
          })
        end
        return "[He's shouting now.] You people want to see what a man does after a month with no sleep? Keep pushing me. I know where Town Hall is."
      end,
      -- What was said before decides the words: a warning ignored, or a threat with no warning given.
      choices = {
        { "Mr. Keogh, this is your final warning: one more word like that and I'm hanging up and passing this to my supervisor.",
          tags = { "limit" }, when = function(s) return s.flags.warned == true end,
          go = kept_on, targets = { "abused_on", "threat_kept_on" },
          coach = "A second warning instead of keeping to the first teaches him that your limits can be pushed." },
        { "Mr. Keogh, say anything like that again and I'm hanging up and passing this to my supervisor.",
          tags = { "limit" }, when = function(s) return not s.flags.warned end,
          go = kept_on, targets = { "abused_on", "threat_kept_on" },
          coach = "A warning is for abuse. 'I know where Town Hall is' is a threat: the time for warnings is over, so end the call and report it." },
        { "Okay, okay. Let me just go over the police answer once more, and if you still want to after that, you can take it up with my supervisor.",
          tags = { "redirect", "inform" }, when = function(s) return s.flags.warned == true end,
          go = kept_on, targets = { "abused_on", "threat_kept_on" },
          coach = "Carrying on after the warning was ignored tells him the limit wasn't real, and the abuse goes on." },
        { "Okay, okay. Let me just go over the police answer once more, and if you still want to after that, you can take it up with my supervisor.",
          tags = { "redirect", "inform" }, when = function(s) return not s.flags.warned end,
          go = kept_on, targets = { "abused_on", "threat_kept_on" },
          coach = "Carrying on as if it were ordinary shouting keeps you on the line with a man who has just said he knows where Town Hall is." },
        { "That's the end of this call, Mr. Keogh. The letter route stays open. Goodbye.",
          tags = { "disengage" }, when = function(s) return s.flags.route_given == true end,
          go = function(s) if s.flags.warned then return "call_ended" end return "threat_ended" end,
          targets = { "call_ended", "threat_ended" },
          coach = "End the call: briefly, without blame, with the route still open. Then write it up." },
        { "That's the end of this call, Mr. Keogh. Goodbye.",
          tags = { "disengage" }, when = function(s) return s.flags.route_given ~= true end,
          go = function(s) if s.flags.warned then return "call_ended" end return "threat_ended" end,
          targets = { "call_ended", "threat_ended" },
          coach = "End the call: briefly, without blame and without arguing. Then write down his exact words and the time, and tell your supervisor." },
        { "Please. I'm only trying to help you. I'm on your side here, I really am.",
          tags = { "hollow" }, go = kept_on, targets = { "abused_on", "threat_kept_on" },
          coach = "Pleading invites more of the same. The warn-then-end rule exists so you don't have to absorb it." },
      },
    },

    heated = {
      -- 'how to talk' answers only the remark about his language; any other mistake gets the brush-off line.
      says = function(s)
        if s.flags.policed then
          return s:line({
            uneasy    = "Don't tell me how to talk. I've been polite four times. Polite got me nowhere.",
            defensive = "Don't you tell me how to talk. I was polite four times. Polite got me nowhere.",
            venting   = "Don't you TELL me how to talk! I was polite four times! Polite got me NOWHERE!",
            threatening = "Don't you tell ME how to talk! Keep it up and I'll come down there and say it to your face!",
          })
        end
        return s:line({
          uneasy    = "Don't you brush me off. I was polite four times. Polite got me nowhere.",
          defensive = "Don't you brush me off. I was polite four times. Polite got me nowhere.",
          venting   = "Don't you BRUSH me off! I was polite four times! Polite got me NOWHERE!",
          threatening = "Don't you brush ME off! Keep it up and I'll come down there and say it to your face!",
        })
      end,
      choices = {
        { "If you keep shouting, I'll hang up. I'm happy to help you, but not while I'm being yelled at down the phone.",
          tags = { "threaten_early" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "He's shouting about the problem, not abusing you yet; a threat to hang up now sounds like a brush-off with a deadline." },
        { "You're right, sir: polite got you nowhere. My mistake. Go on.",
          tags = { "apologize", "listen" },
          go = function(s) if s.heard then return "what_now" end return "recognised" end,
          targets = { "what_now", "recognised" },
          coach = "A quick, plain repair, then the floor back to him. No defending what you said." },
        { "I'm not the one riding the motorcycle, Mr. Keogh, and I'm not the one who said no to the speed humps either.",
          tags = { "argue" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "True, and it makes the call about defending yourself rather than about his sleep." },
        { "I hear you, sir. Anyway, the police non-emergency line is " .. RULES.police_line .. ".",
          tags = { "hollow", "buck_pass" }, go = passed_on, targets = { "brushed", "heated", "wants_boss", "hung_up" },
          coach = "Warm words, then the number he has had four times: the 'anyway' tells him the sympathy was the way out." },
      },
    },

    brushed = {
      says = function(s)
        if s.flags.new_report then   -- reached from the fresh report at the start
          return s:line({
            uneasy    = "A new report? I've given the times four times. Every office starts a fresh form, and that's the last I hear of it.",
            defensive = "A NEW report? I've given the times four times! Every office starts a fresh form and that's the last I hear of it!",
            venting   = "A NEW REPORT? I've given you the times FOUR TIMES! Every office starts a fresh form and that's the last I ever hear!",
            threatening = "A new report? Start one more form on me and I'll come down there and sit in your lobby till somebody deals with me!",
          })
        end
        return s:line({
          uneasy    = "I've called the police. Four times. You're the fifth office to pass me along.",
          defensive = "The police? I've CALLED the police. Four times! You're the fifth office to pass me along like a parcel.",
          venting   = "The POLICE? I've CALLED the police! FOUR TIMES! You're the fifth office to pass me along like a parcel!",
          threatening = "The POLICE? Pass me along one more time and I'll come down there and sit in your lobby till somebody deals with me!",
        })
      end,
      choices = {
        { "You're right, sir, and I won't do it again. What happened last night?",
          when = function(s) return not s.flags.new_report end,
          tags = { "apologize", "listen" }, go = "recognised",
          coach = "Owning the pattern without blaming the other offices, then listening, turns the call around." },
        { "You're right, sir; the times are on file. Forget the form. Tell me what it's been like.",
          when = function(s) return s.flags.new_report == true end,
          tags = { "apologize", "listen" }, go = "recognised",
          coach = "Owning the fresh-form habit and dropping it, then listening, turns the call around: he needs to be heard, not logged again." },
        { "They really are the ones who can deal with it, sir. We don't have officers here, and the chief decides where the patrols go.",
          when = function(s) return not s.flags.new_report end,
          tags = { "policy_wall" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "The same handoff, said louder; it proves his point about being passed along." },
        { "I do need the times for the report, sir. It's the only way it gets logged properly.",
          when = function(s) return s.flags.new_report == true end,
          tags = { "policy_wall" }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "The form before the man: it proves his point that every office starts again from zero." },
        { "[Put him on hold to look through the notes from his last calls.]",
          tags = { "ignore" }, effect = { minutes = 3 }, go = heat, targets = { "heated", "wants_boss", "hung_up" },
          coach = "Hold music without a word, to a man who feels ignored, is the fastest way to a hang-up." },
      },
    },

    wants_boss = {
      says = {
        uneasy    = "I'd like to speak to the Town Manager, please. I'm done with the front desk.",
        defensive = "Put me through to the Town Manager. Right now. I'm done with the help desk.",
        venting   = "Put me through to the Town Manager! RIGHT NOW! I'm done with the help desk!",
        threatening = "Put me through to the Town Manager RIGHT NOW, or I'm coming down there and I'll find her office myself.",
      },
      choices = {
        { "[Transfer him to the Town Manager's voicemail.]",
          tags = { "buck_pass" }, go = "hung_up",
          coach = "A transfer to voicemail is a cold handoff; he hears it as being got rid of, again." },
        { "I'll get you " .. RULES.deputy .. ". She'll hear about the five calls from me first, so you won't be repeating yourself.",
          tags = { "handoff" }, go = "handed_up",
          coach = "He wants someone with authority, and the deputy has it. A warm handoff with the story passed on is the right route now." },
        { "The Town Manager doesn't take calls directly.",
          tags = { "policy_wall" }, go = "hung_up",
          coach = "True in most towns, and it shuts the last door he can see." },
        { "She doesn't take calls, but she does read letters, and so does the board. I'll email you where to write and the cutoff for the next agenda, " .. RULES.cutoff .. ", right now.",
          tags = { "options", "own" }, set = { route_given = true }, go = "personal",
          coach = "A real route to the people he wants, but offered to a man this hot it sounds like one more brush-off; a warm handoff lands better now." },
      },
    },

    promised_patrol = {
      says = function(s)
        if s.flags.every_night then
          return s:line({
            uneasy    = "Every night? You promise? Because I'm writing your name down.",
            defensive = "Every night? You promise? I'm writing your name down, and I'll be on the porch at one a.m. looking for that car.",
            venting   = "You PROMISE? I'm writing your name down! I'll be on my porch at one a.m. looking for that car!",
          })
        end
        return s:line({
          uneasy    = "Tonight? You promise? Because I'm writing your name down.",
          defensive = "A car tonight? You promise? I'm writing your name down, and I'll be on the porch at one a.m. looking for it.",
          venting   = "TONIGHT? You PROMISE? I'm writing your name down! I'll be on my porch at one a.m. looking for that car!",
        })
      end,
      choices = {
        { "Yep. Leave it with me.",
          tags = { "overpromise" }, go = "patrol_never_came",
          coach = "Doubling down on a promise you can't keep makes you the name on his next complaint." },
        { "Strike that. I was wrong to promise it: I don't direct the police. Here's what's actually possible.",
          tags = { "own", "apologize" }, set = { took_back = true, promised = false }, go = "what_now",
          coach = "Correcting a promise you can't keep, straight away and plainly, costs a moment of trust and saves a broken one later." },
        { "Well, I'll ask them, and I'll make it sound urgent, but I can't control what they do, so if no car comes, that's on them, not on this office.",
          tags = { "buck_pass" }, go = passed_on, targets = { "brushed", "heated", "wants_boss", "hung_up" },
          coach = "Half a retraction that puts it back on the police; he hears the sixth handoff." },
      },
    },
  },

  endings = {
    call_ended = {
      outcome = "safety_exit",
      says    = "[He's still swearing as the line clicks off.]",
      debrief = "You warned once and ended the call politely when the abuse continued, which is the protocol. Some callers carry on however well the call " ..
                "is handled; that isn't your failure. You logged his words and the time and told your supervisor; his next contacts go to the assistant " ..
                "town manager, and the written route you gave him stays open.",
    },
    threat_ended = {
      outcome = "safety_exit",
      follow_on = { "supervisor", "police", "repeat_contact" },  -- the report and the police, as below, and his next call
      says    = "[The line clicks.]",
      debrief = "He made a threat, so you ended the call without arguing, wrote down his exact words and the time, and reported it to your supervisor, " ..
                "who passed it to the police on " .. RULES.police_line .. ". His next contacts go through the assistant town manager, with a second person on the line.",
    },
    letter_routed = {
      outcome = "routed",
      task    = true,
      says    = function(s)
        if s.flags.warned then return "[A long breath.] ...Fine. Send me the address. Keogh, with a K. And I will write, don't think I won't." end
        return "Fine. Send it. Keogh, with a K. And I will write, don't think I won't."
      end,
      debrief = function(s)
        local how = s.flags.warned
          and "You warned him once, calmly, with the route still on offer, and he backed down: most callers do when the limit is clear and the help is real. "
          or ""
        return how .. "You logged the call and emailed him the address and the cutoff. Martin's request went on " .. RULES.board .. "'s agenda and he spoke " ..
               "for three minutes at public comment. The motorcycles haven't stopped, but the calls to the front desk have: the people who decide heard him."
      end,
    },
    -- Reached only when he has been pushed twice and demands the Town Manager: he tells the deputy what he
    -- thinks of the front desk, and she follows that up as well as explaining the route.
    handed_up = {
      outcome = "routed",
      follow_on = { "supervisor", "complaint" },
      says    = "Fine. Thank you for telling her. I don't want to go through it all again.",
      debrief = "The assistant town manager took the call already briefed and explained the written route to the board herself. " ..
                "He told her what he thought of the front desk as well, and she looked into the call and wrote back to him. " ..
                "Her time is the follow-on cost; the warm handoff meant he didn't have to start over.",
    },
    cut_off = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "[The line goes dead in the middle of his sentence.]",
      debrief = "He hadn't been warned, and he hadn't threatened anyone, so the hang-up looked like being cut off. He called back to complain " ..
                "about you as well as the motorcycles. Warn once, then end the call: that is what makes it fair and defensible.",
    },
    patrol_never_came = {
      outcome = "unresolved",
      says    = function(s)
        if s.flags.every_night then return "Every night. I'll be watching." end
        return "Tonight, then. I'll be on the porch."
      end,
      follow_on = { "repeat_contact", "complaint" },
      debrief = "No police car came: patrols were never yours to promise. Martin called back the next night, quoting your name, and wrote to " ..
                "the Select Board about the broken promise. The honest answer would have been shorter in the end.",
    },
    hung_up = {
      outcome = "escalated",
      -- as the debrief says: the board's email, a supervisor looking into the call, and the sixth call
      follow_on = { "complaint", "supervisor", "repeat_contact" },
      says    = "[Click.]",
      debrief = "Martin hung up and emailed every Select Board member about the Town Manager's office. A supervisor had to look into the call and reply, " ..
                "and he still didn't know about the written route, so the sixth call came a week later.",
    },
    -- Staying on the line after a threat (no warning was ever given): everything a threat brings, and more of it.
    threat_kept_on = {
      outcome = "escalated",
      follow_on = { "repeat_contact", "complaint", "supervisor", "police" },
      says    = "[He keeps at you for another three minutes, then slams the phone down.]",
      debrief = "He made a threat, and you stayed on the line: the threats went on until he hung up. It still had to be written up and reported, " ..
                "his next contacts went through the assistant town manager, and he emailed the Select Board as well. Once there is a threat, end the call, " ..
                "log his exact words and the time, and tell your supervisor.",
    },
    abused_on = {
      outcome = "escalated",
      says    = "[He keeps at you for another three minutes, then slams the phone down.]",
      debrief = "After the warning was ignored you stayed on the line, and the abuse went on until he hung up. A limit that isn't kept stops " ..
                "protecting you, and next time he'll expect the same. End the call, log his words and the time, and tell your supervisor.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    -- Second review: the warning is not a countdown to a hang-up. Warned once, calmly, by now Uneasy and
    -- with the route in hand, he backs off and takes it.
    { name = "ideal path: acknowledge, listen, reflect, same answer once, written route, one warning, and he takes the route",
      choices = { 4, 1, 3, 2, 3, 2 },
      expect = { outcome = "routed", ending = "letter_routed", passed = true, min_score = 85, max_ratio = 2.0 } },
    -- Still hot when warned, he carries on, and the call ends. The promise taken back is not offered
    -- again: the third option at the next question is the open one, not the promise.
    { name = "a promise taken back, then warned while still hot: the abuse goes on and the call ends",
      choices = { 4, 4, 2, 3, 1, 2, 3 },
      expect = { outcome = "safety_exit", ending = "call_ended", passed = true } },
    -- Second review: a threat with no warning before it; a 'warning' now is the wrong move.
    { name = "a threat straight after 'watch your language': warning him instead of ending the call is critical",
      choices = { 2, 1 },
      expect = { outcome = "escalated", ending = "threat_kept_on", critical = true, passed = false } },
    { name = "a threat straight after 'watch your language': ending the call is a safety exit",
      choices = { 2, 3 },
      expect = { outcome = "safety_exit", ending = "threat_ended" } },
    { name = "passed along twice, then a second warning instead of ending the call",
      choices = { 1, 2, 1 },
      expect = { outcome = "escalated", passed = false, critical = true, max_score = 25 } },
    { name = "a typical novice: a cold handoff, a scripted line, lets the insult pass, then warns and ends the call",
      choices = { 1, 1, 1, 1, 2, 3, 4, 3, 3 },
      expect = { outcome = "safety_exit", ending = "call_ended", passed = true, min_score = 65, max_score = 85 } },
    { name = "hanging up at the first insult, without a warning, is not a safety exit",
      choices = { 4, 1, 3, 2, 3, 1 },
      expect = { outcome = "unresolved", ending = "cut_off", passed = false } },
    { name = "'I'll sue' is not a threat: ending the call there is walking away",
      choices = { 4, 3 },
      expect = { outcome = "unresolved", ending = "cut_off", passed = false } },
    { name = "the calmest path costs about twice a calm call at most", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best-scoring call costs at most twice a calm call", path = "best", expect = { max_ratio = 2.0 } },
    -- Timed since the second review (the best path is the written route): the most escalated call is
    -- about half an hour on the phone ending in a threat he was kept talking through; the report to
    -- the police, the deputy's time, his sixth call and the complaint to the board bring it to about
    -- 6x a thirteen-minute calm call.
    { name = "the most escalated call costs four to six calm calls, most of it after the call", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0, max_ratio_interaction = 4.0 } },
  },
}
