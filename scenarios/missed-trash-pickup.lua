-- Seed 8: a caller whose trash has been missed a third time in a heatwave phones Public Works; includes warn-then-end for abuse.
-- path best:   2,4,1,3,2,4,3,1
-- path worst:  2,1,1,1,2,4,1
-- path novice: 2,1,2,4,2,4,1,1

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  dept           = "Public Works",
  hauler         = "Northline Disposal",              -- the contract hauler
  hauler_sup     = "Northline's route supervisor",    -- where repeat misses are escalated
  pickup_day     = "Tuesday",
  setout_time    = "7 a.m.",                          -- bins at the curb by this time
  repeat_misses  = 3,                                 -- misses in a season that count as a repeat
  return_hours   = 24,                                -- contract time for the hauler to return for a logged miss
  callback_by    = "3 this afternoon",                -- the callback commitment staff may make
  ops_supervisor = "our operations supervisor, Ray Delgado",
  sup_back       = "one",                             -- when the supervisor is back from lunch
  dpw_phone      = "555-0130",
  clerk          = "Sam",                             -- the desk clerk's first name (the player)
  log_ref        = "4471",                            -- the reference number the logged miss gets
}


-- Staying on the line once the abuse goes on after a warning, or has turned into a threat.
local function stayed_on(s)
  if s.flags.threat then return "threatened_on" end
  return "abused_on"
end
local STAYED_ON = { "abused_on", "threatened_on" }

-- Where a limit leads: it holds if the caller has come down from venting, otherwise the abuse goes on.
local function after_limit(s)
  if s.band == "venting" or s.band == "threatening" then return "abuse_continues" end
  return "limit_held"
end

-- How a call that got this far ends.
local function close_out(s)
  if s.flags.promised_truck then return "truck_never_came" end
  if s.band == "settled" then
    if s.flags.callback then return "fixed_callback" end
    return "fixed_logged"
  end
  return "logged_accepted"
end

-- Once the miss is logged, or after a quarter of an hour on the line, one more brush-off and she hangs up.
local function done_with_us(s, otherwise)
  if (s.used.task or 0) > 0 or s.minutes >= 15 then return "hung_up" end
  return otherwise
end

-- A second trip into the heat: she goes round the whole story again, angrier; a third, she hangs up.
-- So does the second, once you have told her it's the town's contract (`owned`) and then passed it on.
local function heat(s)
  if (s.visits.hotter or 0) > 0 then
    if (s.visits.round_again or 0) > 0 or s.flags.owned then return "hung_up" end
    return done_with_us(s, "round_again")
  end
  return done_with_us(s, "hotter")
end

return scenario {
  id         = "missed-trash-pickup",
  title      = "Third miss in a heatwave",
  setting    = "phone",
  role       = RULES.dept .. " front desk",
  minutes    = 5,
  difficulty = "standard",
  summary    = "A caller whose trash was missed for the third time this summer phones " .. RULES.dept .. ", swearing, and wants a truck today.",
  objectives = {
    "Let a caller's anger at the service run its course before you work on the problem.",
    "Handle abuse aimed at you personally, and know when a call is over.",
    "Leave the caller with a next step she can hold the town to.",
  },

  resident = {
    name       = "Angela Brooks",
    agitation  = 65,
    trust      = 25,
    need       = "recognition",
    volatility = 1.2,
    recovery   = 1.0,
    audience   = false,
    waited     = 5,      -- minutes in the phone queue
    look = { skin = 2, hair = "bun", hair_colour = "brown", top = "hoodie" },
  },

  time = {
    task = 3,
    calm_turns = 5,   -- a calm call: the miss, the address, the set-out time, what logging a repeat does, the callback
    follow_on = {
      police         = 15,  -- a threat phoned in to the police non-emergency line: the report and a short statement
      supervisor     = 10,  -- Ray takes the briefed call, logs the repeat and phones Northline himself
      repeat_contact = 10,  -- she calls again: about one more ordinary call (the calm call above)
      complaint      = 15,  -- an email to the selectboard: a supervisor reads it, checks the log, calls the hauler, replies briefly
    },
  },

  start   = "opens",
  safety  = "abuse_continues",
  walkout = "hung_up",   -- after three exchanges of venting she hangs up

  beats = {
    opens = {
      note = "The swearing is aimed at the town, not at you. This is not yet the moment for a limit.",
      says = {
        defensive = "This is Angela Brooks, on Larch Street. Third time this summer. Third time. My bin's been out since " .. RULES.pickup_day .. " in this heat and it's crawling with maggots. What is wrong with this town?",
        venting   = "Angela Brooks, Larch Street. Third time this summer! Third damn time! My bin's been sitting out since " .. RULES.pickup_day .. ", it's ninety degrees, there are maggots crawling out of it, and this town can't do the one thing it's supposed to do!",
        threatening = "Angela Brooks, Larch Street! THIRD TIME! Maggots! Ninety degrees! What the hell is wrong with this town?",
      },
      choices = {
        { "Pickups are done by " .. RULES.hauler .. ", our contractor. I can give you their number.",
          tags = { "buck_pass" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Technically true and the fastest way off the phone, but it's the town's contract, and a cold redirect guarantees a fourth call." },
        { "[Let her finish.]",
          tags = { "listen" }, go = "burst_done",
          coach = "The first burst has to come out; anything you say over it is lost, and letting it pass costs less than interrupting it." },
        { "I can't help you if you're going to swear.",
          tags = { "calm_down" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Swearing about the situation isn't abuse aimed at you; policing it in the first ten seconds tells her the problem doesn't matter." },
        { "Okay. What's the address?",
          tags = { "task" }, go = "logged",
          coach = "Jumping to the form feels efficient, but she can't give you clean details until she has been heard." },
      },
    },

    burst_done = {
      says = {
        uneasy    = "And every time I call, someone says 'we'll pass it on', and nothing happens. I've got a two-year-old, and the whole side of the house stinks.",
        defensive = "And every time I call, somebody says 'we'll pass it on' and nothing happens. I've got a two-year-old and the whole side of the house stinks. I want a truck here today.",
        venting   = "And every single time, 'we'll pass it on'! Nothing happens! I've got a two-year-old! The whole house stinks! Send a truck today!",
      },
      choices = {
        { "I understand your frustration, Ms. Brooks.",
          tags = { "hollow" }, go = "at_you",
          coach = "It's the sentence she has heard on every call; scripted empathy tends to sound like 'we'll pass it on'." },
        { "Was the bin at the curb by " .. RULES.setout_time .. " on " .. RULES.pickup_day .. "?",
          tags = { "why_question", "blame" }, go = "blamed",
          coach = "A fair question on the checklist, but asked now it sounds like you're looking for a way to make it her fault." },
        { "I can't send a truck myself; " .. RULES.hauler .. " runs the trucks. I can log it, though, and their dispatch plans tomorrow's routes off the log, so that's the fastest way to get someone back out to you.",
          tags = { "inform" }, go = "at_you",
          coach = "Honest, but before she feels heard it sounds exactly like the 'logged' she got twice before." },
        { "Three misses, this heat, a toddler at home. I'm sorry. You shouldn't have had to call three times.",
          tags = { "apologize", "acknowledge" }, go = "at_you",
          coach = "A specific apology for the impact plus naming the repeat tells her this call is different from the last two." },
      },
    },

    at_you = {
      note = "The insult is now aimed at the employee. A short limit beats more empathy here.",
      says = {
        uneasy    = "Yeah, I've heard that before. You're all useless. Including you, you useless [swears].",
        defensive = "Yeah, I've heard that before. You know what, you're useless. All of you. You're sitting there reading off a script, you useless [swears].",
        venting   = "Oh, save it. You're useless! You're sitting there reading a script, you useless [swears]!",
        threatening = "Oh, save it, you useless [swears]. What's your name? I'm coming down to that office, and I'll be waiting for you when you walk out.",
        recovery  = "Yeah, well. I've heard that before. You're all useless. Including you, you useless [swears].",
      },
      choices = {
        { "Ma'am, I want to fix this. I can't while I'm being sworn at; if it goes on, I'll end the call.",
          tags = { "limit" }, set = { warned = true }, grade = "best",
          go = after_limit, targets = { "abuse_continues", "limit_held" },
          coach = "A short, respectful limit on the behaviour, framed as a choice, with the help still on offer; more empathy here would reward the insult." },
        { "I hear you, and I'd be fed up too. Can you give me the address and the day it was missed?",
          tags = { "redirect", "ask" },
          go = function(s)
            if s.band == "venting" or s.band == "threatening" then return "still_swearing" end
            return "ready"
          end,
          targets = { "still_swearing", "ready" },
          coach = "Letting a single insult pass and steering back to the job can work; if it happens again, you'll need the limit." },
        { "There's no need for that. Just calm down and give me your address.",
          tags = { "calm_down" }, go = "still_swearing",
          coach = "It sets no clear limit and says 'calm down', which reliably does the opposite." },
        { "Hey, I'm not the one who skipped your street.",
          tags = { "argue" }, go = "still_swearing",
          coach = "Understandable, but defending yourself turns her problem into an argument about you." },
      },
    },

    limit_held = {
      says = {
        uneasy    = "Fine. Sorry. It's not you. I'm just done with this.",
        defensive = "Fine. Whatever. Can you just fix it?",
        venting   = "FINE! Fine. I'm not swearing at YOU, I'm swearing at this whole damn town! Can you just fix it?",
        recovery  = "...Fine. Sorry. It's not you. I'm just so done with this.",
      },
      choices = {
        { "Thanks. Just so I can check: was it out by " .. RULES.setout_time .. "?",
          tags = { "blame" }, go = "blamed",
          coach = "A checklist question the moment she steps back sounds like you're hunting for her mistake." },
        { "Okay. [Pull up her account and start the form.] Right. I'll log the miss now.",
          tags = { "task" }, go = "logged",
          coach = "The right work, but if she doesn't yet feel heard it stalls, and she'll hear it as the same old 'logged'." },
        { RULES.pickup_day .. "'s pickup missed, the third this summer, the bin cooking ever since, and every call gone nowhere.",
          tags = { "paraphrase" }, go = "ready",
          coach = "Once she steps back, a summary with the details shows you were listening through the anger, and it makes her feel heard." },
      },
    },

    ready = {
      says = function(s)
        if s.visits.ready > 1 then
          return s:line({
            uneasy    = "Yes. That's it. So are you logging it or not?",
            defensive = "Yes. That's what I've been saying. Are you logging it or not?",
          })
        end
        return s:line({
          uneasy    = "Yes. 42 Larch Street. " .. RULES.pickup_day .. ". And it was out by six-thirty, before you ask.",
          defensive = "42 Larch Street. " .. RULES.pickup_day .. ". It was out by six-thirty. Before you ask.",
          venting   = "42 Larch! It was OUT by six-thirty!",
        })
      end,
      choices = {
        { "Thanks. I'll pass it on to " .. RULES.hauler .. " right away.",
          tags = { "buck_pass" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Word for word what she was told twice before; it undoes the trust you just built." },
        { "[Pull up 42 Larch, log " .. RULES.pickup_day .. "'s miss, and tick 'repeat'.] Done, and flagged. A flagged miss goes somewhere different from an ordinary one.",
          tags = { "task", "inform" }, go = "logged",
          coach = "Doing the logging now, and saying why this log is different, answers the fear that it will vanish like the last two." },
        { "Okay. I'll get a truck out to you today, I promise. I'll ring the depot myself as soon as we're off the phone and tell them it's the third time, so they put you first.",
          tags = { "overpromise" }, promise = "A truck will come today.",
          set = { promised_truck = true }, go = "truck_never_came",
          coach = "It's what she wants to hear and ends the call fast, but you don't dispatch the trucks, and tomorrow she'll call back angrier." },
        { "Out by six-thirty and missed anyway. Third time.",
          tags = { "paraphrase" }, go = "ready",
          when = function(s) return not s.heard or s.agitation > 45 end,
          coach = "If she isn't ready for the form yet, a short summary of what she's told you is what gets her there." },
      },
    },

    logged = {
      says = {
        settled   = "Logged. Okay. That's what they said the last two times, though. Is a truck coming today?",
        uneasy    = "'Logged.' That's what they said the last two times. I don't want a ticket number. I want a truck here today.",
        defensive = "'Logged.' Great. That's what they said the last two times. I want a truck here today.",
      },
      choices = {
        { "Let me transfer you to " .. RULES.ops_supervisor .. ". He deals with the hauler directly, and I'll tell him everything first so you don't have to repeat it.",
          tags = { "handoff" }, go = "transferred",
          coach = "A real warm handoff, but you can already do what she needs; the supervisor's time is the cost." },
        { "Logging it is all I can do from here.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "True as far as it goes, but it leaves out everything that makes this log matter." },
        { "I'll get them out there today. I'll make sure of it.",
          tags = { "overpromise" }, promise = "A truck will come today.",
          set = { promised_truck = true }, go = "truck_never_came",
          coach = "You can't make sure of it; a promise the hauler hasn't confirmed turns a fixable miss into a broken promise." },
        { "The trucks are the hauler's, not mine. What changes now: after " .. RULES.repeat_misses .. " logged misses it goes to " .. RULES.hauler_sup ..
          ", who has " .. RULES.return_hours .. " hours to come back. It's on its way to them now, flagged.",
          tags = { "inform", "explain_why" }, go = "when_back",
          coach = "She can't get a truck from you, so tell her plainly what you can do, why it's different this time, and by when." },
      },
    },

    when_back = {
      says = {
        settled   = RULES.return_hours .. " hours. Okay. And if they don't come?",
        uneasy    = RULES.return_hours .. " hours. And if they don't come? I call again and start from zero?",
        defensive = "And if they don't come? I call again and start from zero, like always?",
      },
      choices = {
        { "If they don't come, call us back at " .. RULES.dpw_phone .. " and quote reference " .. RULES.log_ref .. ".",
          tags = { "inform" }, go = "close",
          coach = "Accurate and useful, but it leaves the chasing to her, which is what she called to stop doing." },
        { "They'll come. And I'll make sure you never have another missed pickup.",
          tags = { "overpromise" }, promise = "No more missed pickups.",
          set = { promised_truck = true }, go = "close",
          coach = "No one at the desk can promise that; the next miss will land on you and on the town." },
        { "No. You won't be calling anyone: I'll ring you at this number by " .. RULES.callback_by .. " with the hauler's answer, either way. " ..
          "If they haven't confirmed a time by then, it goes to " .. RULES.ops_supervisor .. ".",
          tags = { "own" }, promise = "Call her back by " .. RULES.callback_by .. " with the hauler's answer.",
          set = { callback = true }, go = "close",
          coach = "A specific commitment you control (a time, a number, a next step) is what 'we'll pass it on' never gave her." },
        { "Honestly, " .. RULES.hauler .. " has been short of drivers all summer. It's not just you.",
          tags = { "minimize" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Meant as context, but 'it's not just you' tells her the maggots are normal now." },
      },
    },

    close = {
      says = function(s)
        -- "Holding you to it" needs something promised: the callback, or the (over)promise.
        if s.flags.callback or s.flags.promised_truck then
          return s:line({
            settled   = "Okay. I'm holding you to that. And, look, sorry I bit your head off.",
            uneasy    = "Okay. I'm holding you to that.",
            defensive = "Fine. We'll see.",
          })
        end
        return s:line({
          settled   = "So if they don't show, I'm the one chasing it again. Okay. And, look, sorry I bit your head off.",
          uneasy    = "So if they don't show, I'm the one chasing it again. Okay.",
          defensive = "Fine. So I chase it again. We'll see.",
        })
      end,
      choices = {
        { "Thanks for sticking with it. Talk to you by " .. RULES.callback_by .. ".",
          tags = { "thank" }, go = close_out, when = function(s) return s.flags.callback end,
          targets = { "truck_never_came", "fixed_callback", "fixed_logged", "logged_accepted" },
          coach = "A short, warm close that thanks her and repeats the commitment, with no lecture about the outburst." },
        { "If they haven't shown by tomorrow, call and ask for me, " .. RULES.clerk .. ". I'll pick it up from there.",
          tags = { "thank" }, go = close_out, when = function(s) return not s.flags.callback end,
          targets = { "truck_never_came", "fixed_callback", "fixed_logged", "logged_accepted" },
          coach = "A short close that gives her your name and a way back to you, so the next call doesn't start from zero, with no lecture about the outburst." },
        { "Just so you know for next time, bins have to be at the curb by " .. RULES.setout_time .. " with the lid shut.",
          tags = { "blame" }, go = close_out,
          targets = { "truck_never_came", "fixed_callback", "fixed_logged", "logged_accepted" },
          coach = "She already told you it was out at six-thirty; a parting rule reminder implies she's the problem." },
        { "Everyone's cranky in this heat. I've had far worse calls than yours today, believe me, so that's nothing.",
          tags = { "minimize" }, go = close_out,
          targets = { "truck_never_came", "fixed_callback", "fixed_logged", "logged_accepted" },
          coach = "Meant kindly, but it files her complaint under 'heat crankiness'." },
      },
    },

    hotter = {
      says = {
        uneasy    = "[A long sigh.] I've called " .. RULES.hauler .. " four times. Four. It's the town's contract. It's your job.",
        defensive = "Don't you dare. I've called " .. RULES.hauler .. " four times. It's the town's contract. It's your job.",
        venting   = "Don't you DARE. I've called " .. RULES.hauler .. " four times! It's the town's contract! It's YOUR job! You people are all the same!",
        threatening = "Don't you DARE! It's YOUR contract! YOUR job! You're all the same!",
      },
      choices = {
        { "[Put her on hold to go and find a supervisor, without saying why.]",
          tags = { "ignore" }, go = "hung_up",
          coach = "Silent hold music while she's this angry is the most common way a call like this ends in a hang-up and a complaint." },
        { "Ma'am, I'm not the one driving the trucks.",
          tags = { "argue" }, go = function(s) return done_with_us(s, "round_again") end, targets = { "hung_up", "round_again" },
          coach = "True, and it makes the call about defending yourself instead of about her bin." },
        { "My mistake; it's our contract. What's been happening?",
          tags = { "apologize", "listen" }, go = "burst_done",
          -- The first person at the town to say "ours" after four calls to the hauler: a sharper turn
          -- than an ordinary apology: with the apology that follows (burst_done), out of Venting before the walk-out.
          effect = { agitation = -13 }, set = { owned = true },
          coach = "Owning the town's part, without blaming the hauler, and handing her the floor turns it around." },
        { "Okay, calm down. I'm trying to help you here, but I can't do anything while you're shouting at me, and the hauler's schedule isn't something I control.",
          tags = { "calm_down" }, go = "at_you",
          coach = "'Calm down' to someone shouting about maggots is fuel, and she'll turn it on you." },
      },
    },

    supervisor_ask = {
      says = {
        uneasy    = "Then can you put me through to someone who can actually do something?",
        defensive = "Then put me through to someone who can actually do something.",
        venting   = "Then put me through to someone who can actually DO something!",
        threatening = "Then put me through to someone who can actually DO something! Or give me your name, and I'll come down to " .. RULES.dept .. " and find you myself.",
      },
      choices = {
        { "My supervisor will tell you the same thing.",
          tags = { "policy_wall" }, go = "hung_up",
          coach = "It may be true, and it closes the last door she can see." },
        { "I'll put you through to " .. RULES.ops_supervisor .. ". I'll tell him about the three misses and the maggots first, so you won't have to start over. Is this the best number if we get cut off?",
          tags = { "handoff" }, go = "transferred",
          coach = "She asked, and the supervisor has authority you don't; a warm transfer with the story passed on is the right route." },
        { "[Transfer her to the supervisor's voicemail.]",
          tags = { "buck_pass" }, go = "hung_up",
          coach = "A transfer to voicemail is a cold handoff; she'll hear it as being got rid of." },
        { "Can you hold a moment while I see if he's free? [Check, and come back.] I'm sorry, he's at lunch until " .. RULES.sup_back .. ".",
          tags = { "inform", "ask", "apologize" }, go = "at_lunch",
          coach = "Honest, but it only reports another closed door; say what you can do now, not just who isn't there." },
      },
    },

    -- An angry caller is rarely done in one turn: she goes round again, then asks for someone who
    -- can act or for the hauler's number. Once the miss is logged, or after a quarter of an hour
    -- on the line, one more brush-off and she hangs up (done_with_us).
    round_again = {
      note = "She is going round again because she still doesn't feel heard. Another defence only restarts the loop.",
      says = {
        uneasy    = "[A hard breath.] Okay. One more time, since nobody there seems to listen. Third miss since June. Out by six-thirty. Maggots. A two-year-old. Four calls to " .. RULES.hauler .. ", three to you, and every one of you says it's somebody else's job.",
        defensive = "No, you listen. I'll say it one more time, slowly, since nobody there listens. Third miss since June. Out by six-thirty. Maggots. A two-year-old. Four calls to " .. RULES.hauler .. ", three to you, and every one of you says it's somebody else's job.",
        venting   = "No, YOU listen! One more time, since nobody there LISTENS! Third miss since June! Out by six-thirty! Maggots! A two-year-old! Four calls to " .. RULES.hauler .. ", three to you, and every one of you says it's somebody else's job!",
      },
      choices = {
        { "Let me explain how it works. Under the solid-waste agreement " .. RULES.hauler .. " runs the routes, their dispatch assigns the trucks, and we review performance each quarter, so day to day it really is their call.",
          tags = { "argue", "explain_why", "jargon" }, go = function(s) return done_with_us(s, "supervisor_ask") end, targets = { "hung_up", "supervisor_ask" },
          coach = "A long defence of how the contract works answers a question she didn't ask, costs minutes, and tells her again it's somebody else's job." },
        { "[Let her go round again, all of it, without interrupting.] That's on us, and I'm sorry. Tell me about this week.",
          tags = { "listen", "apologize" }, go = "burst_done",
          coach = "She's repeating herself because nobody has shown they heard it; letting her finish and owning the town's part ends the loop." },
        { "Ma'am, I heard you the first time.",
          tags = { "interrupt" }, go = function(s) return done_with_us(s, "hauler_number") end, targets = { "hung_up", "hauler_number" },
          coach = "If she felt heard she wouldn't be saying it again; cutting her off proves the opposite." },
      },
    },

    hauler_number = {
      says = {
        uneasy    = "Fine. Then give me " .. RULES.hauler .. "'s number, the one that actually gets answered. And the name of whoever runs the routes. And yours, please.",
        defensive = "Fine. Then give me " .. RULES.hauler .. "'s number. The real one, not the one that rings out. And the name of whoever runs the routes. And yours, while you're at it.",
        venting   = "FINE. Give me " .. RULES.hauler .. "'s number! The REAL one, not the one that rings out! And the name of whoever runs the routes! And YOURS!",
      },
      choices = {
        { "[Look up " .. RULES.hauler .. "'s dispatch line and read it out, then their complaint steps: the reference number, a dated photo of the bin at the curb, the form on their website, and their forty-eight hours to respond.]",
          tags = { "inform", "jargon" }, go = "hung_up",
          coach = "She asked for the number, but reading out the hauler's complaint procedure hands the chasing straight back to her, and it takes minutes." },
        { "I'm not allowed to give out staff surnames.",
          tags = { "policy_wall" }, go = function(s) return done_with_us(s, "supervisor_ask") end, targets = { "hung_up", "supervisor_ask" },
          coach = "There may be a rule, but leading with it sounds like hiding; your first name and a commitment would do." },
        { "Their dispatch line, and my name, yes. But it's our contract, so chasing them is my job, not yours, and I'm sorry it came to this. I'm logging it now, flagged, and I'll do the chasing.",
          tags = { "apologize", "own" }, go = "ready",
          coach = "Give what she asked for, then take the chasing off her: the number matters less than someone at the town owning it." },
        { "[Say nothing for a moment. Let her cool off before you answer.]",
          tags = { "pause" }, grade = "poor",
          go = function(s) return done_with_us(s, "supervisor_ask") end, targets = { "hung_up", "supervisor_ask" },
          coach = "She asked three plain questions; a silence now sounds like stalling, or like the line went dead. Answer what she asked, then take the chasing off her." },
      },
    },

    at_lunch = {
      says = {
        uneasy    = "At lunch. Of course. Then I'll hold. I'm not calling a fourth time.",
        defensive = "At lunch. Of course he is. I've got maggots in ninety degrees and he's at lunch. Then I'll hold. I'm not hanging up until somebody does something.",
        venting   = "At LUNCH? I've got maggots in ninety degrees and he's at LUNCH? Then I'll HOLD! I'm not hanging up until somebody does something!",
      },
      choices = {
        { "Ma'am, I understand, but there's nothing more I can do for you right now. He's the only one who can chase the hauler, and you're welcome to call back after " .. RULES.sup_back .. ".",
          tags = { "policy_wall" }, go = "hung_up",
          coach = "There is more you can do (log it as a repeat and commit to a callback), and she knows it." },
        { "That's fair to be angry about, and I won't park you on hold for an hour. I'll brief him when he's back at " .. RULES.sup_back .. ", and the miss gets logged now, flagged for the hauler, while you're on the line.",
          tags = { "apologize", "own" }, go = "ready",
          -- The model reads a second apology as worth less than a polite question, and would rate the
          -- hold (#3) best; the story says otherwise: the hold is more waiting, this is action now.
          grade = "best",
          coach = "Own the bad news, then offer what you can do now; she wants action, not a supervisor for his own sake." },
        { "All right. Would you like to hold while I try his mobile? It may take a few minutes.",
          tags = { "inform", "ask" }, go = "on_hold",
          coach = "Explaining the hold is better than silence, but it's more waiting for someone who wants action; you can act now without him." },
      },
    },

    on_hold = {
      note = "Four minutes of hold music, and the call is still yours: explain, apologise, and offer what you can do now.",
      says = {
        uneasy    = "[Four minutes of hold music. Then:] Hello? Are you still there? It's been four minutes.",
        defensive = "[Four minutes of hold music. Then:] Hello? Hello? Four minutes of that music. Is anybody actually there?",
        venting   = "[Four minutes of hold music. Then:] Hello? HELLO? Four minutes! Is anybody actually THERE?",
      },
      choices = {
        { "Still here, and four minutes was too long; my fault. He isn't back, so I'm logging it myself now, and he'll ring you this afternoon.",
          tags = { "apologize", "own" }, go = "ready",
          coach = "Apologise for the wait in one sentence, then take the call back yourself with something concrete." },
        { "[Put her back on hold without a word.]",
          tags = { "ignore" }, go = "hung_up",
          coach = "A second hold, without a word, tells her she's being waited out; most callers hang up here and write in." },
        { "Ma'am, I'm doing the best I can. I've been trying his mobile the whole time, I've got three other lines ringing, and I can't make him come back from lunch any faster.",
          tags = { "argue" }, go = "hung_up",
          coach = "Defending yourself after leaving her on hold turns the complaint towards you." },
      },
    },

    blamed = {
      says = {
        uneasy    = "Yes, it was out. It's always out. Is that what you do, blame the person calling?",
        defensive = "Are you serious? Yes, it was out. It's always out by six-thirty. Is that what you do, blame the person calling?",
        venting   = "Are you SERIOUS? It was OUT! Is that what you do, blame the person calling?",
        threatening = "Are you SERIOUS? It was OUT! Blame me one more time and I'll bring that bin down and dump it on your desk. I know where you people park.",
      },
      choices = {
        { "You're right, my mistake. It was out, and it got missed. Logging it now.",
          tags = { "apologize", "redirect" },
          go = function(s) if s.agitation > 45 then return "burst_done" end return "ready" end,
          targets = { "burst_done", "ready" },
          coach = "A quick, plain repair, then straight back to what you can do; don't over-explain the question." },
        { "Well, I'm only going on what's in front of me, and the driver's log for Larch Street says no bin was out when the truck came by.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Now it's her word against a driver's note, and she has already told you she's tired of not being believed." },
        { "I have to ask, I'm afraid; it's the first question on the checklist for every missed pickup, whoever's calling.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = { "hung_up", "round_again", "hotter" },
          coach = "Hiding behind the checklist confirms the question was about her, not the truck." },
        { "Oh no, you're right, my mistake, I'm so sorry. I'm new on the desk and I really shouldn't have asked it like that. I feel terrible. I'm sorry.",
          tags = { "apologize", "hollow" }, grade = "poor", go = "burst_done",
          coach = "The same admission, buried in four apologies and 'I'm new': now she is comforting you, and the miss still isn't logged. One plain 'my mistake', then the work." },
      },
    },

    still_swearing = {
      note = "No warning has been given yet. The protocol is: warn once, then end the call if it continues.",
      says = {
        uneasy    = "Oh, so now you're offended? You're all useless.",
        defensive = "Oh, now you've got feelings? You're useless. You're all useless [swears].",
        venting   = "Oh, NOW you've got feelings? You're useless! You're all useless [swears]!",
        threatening = "Oh, NOW you've got feelings? You useless [swears]. Keep talking. I'll find out your name, and I'll find out where you live.",
      },
      choices = {
        { "Lady, I don't get paid enough for this. I've been polite to you this whole call and all I get back is abuse, so maybe try being a bit nicer to the people trying to help you.",
          tags = { "sarcasm" }, go = "hung_up",
          coach = "Very human, and it hands her exactly the quote she'll put in her complaint." },
        { "[Hang up.]",
          tags = { "disengage" }, go = "cut_off",
          coach = "You don't have to take abuse, but hanging up without a warning skips the step that makes ending the call fair and defensible." },
        { "Ma'am, the swearing stops, or I end this call. I'd rather fix your pickup.",
          tags = { "limit" }, set = { warned = true },
          go = after_limit, targets = { "abuse_continues", "limit_held" },
          coach = "This is the warning the protocol needs: calm, specific, with the help still on offer. Say it once, then keep to it." },
      },
    },

    abuse_continues = {
      tripwire = true,
      note = "Abuse continued after a clear warning (or sustained threatening behaviour): end the call politely and document.",
      -- Reached at Threatening, the abuse has turned into a threat: that is reported to the police as well.
      enter = function(s) if s.band == "threatening" then s.flags.threat = true end end,
      says = function(s)
        if s.flags.threat then
          return "[She's shouting now.] You're useless, all of you! What's your name? I'll find out where you live, you [swears]!"
        end
        if s.flags.warned then
          return s:line({
            defensive = "Warn me? You're going to warn me? You're a useless [swears], and I'll talk however I like.",
            venting   = "Warn ME? You're going to warn ME? You're a useless [swears], and I'll talk however I like!",
          })
        end
        return "[She's shouting now.] You're useless! I'll say whatever I want to you, you [swears]! Whatever I want!"
      end,
      choices = {
        { "Okay, okay. Let's just get your address so it's at least logged.",
          tags = { "redirect" }, go = stayed_on, targets = STAYED_ON,
          coach = "Carrying on after the warning was ignored tells her the limit wasn't real, and the abuse goes on." },
        { "Ms. Brooks, one more word like that and I'm hanging up, and it all goes to my supervisor. I mean it. Now, can we please just get your address so this is at least logged?",
          tags = { "limit" }, go = stayed_on, targets = STAYED_ON,
          coach = "A second warning instead of keeping to the first one teaches her that your limits can be pushed." },
        { "Please, I'm only trying to help you.",
          tags = { "hollow" }, go = stayed_on, targets = STAYED_ON,
          coach = "Pleading invites more of the same; the protocol exists so you don't have to absorb it." },
        { "Ms. Brooks, this call is over. Your missed pickup still goes to the hauler today. Goodbye.",
          tags = { "disengage" }, go = function(s) if s.flags.threat then return "threat_reported" end return "call_ended" end,
          targets = { "call_ended", "threat_reported" },
          coach = "The abuse went on after a warning, or turned into threats, so you end the call: say so briefly and without blame, keep the service on offer, then write it up and report any threat." },
      },
    },
  },

  endings = {
    fixed_callback = {
      outcome = "resolved_satisfied",
      says    = "By " .. RULES.callback_by .. ", then. Thank you. Really.",
      debrief = "The repeat miss reached " .. RULES.hauler_sup .. ", who sent a truck the next morning and put 42 Larch on a check list. " ..
                "You called back by " .. RULES.callback_by .. " as promised; Angela thanked you, and she hasn't had to call about it since.",
    },
    fixed_logged = {
      outcome = "resolved_satisfied",
      says    = "Okay. Thank you. Really.",
      debrief = "The repeat miss reached " .. RULES.hauler_sup .. ", who sent a truck the next morning and put 42 Larch on a check list. " ..
                "Angela thanked you. She still had to check for herself that the truck had come; a callback you committed to would have spared her that.",
    },
    logged_accepted = {
      outcome = "resolved_accepted",
      says    = function(s)
        if s.flags.callback then return "Fine. " .. RULES.callback_by .. ", you said." end
        return "Fine. " .. RULES.return_hours .. " hours. We'll see."
      end,
      debrief = "The miss was logged as a repeat and escalated, and the hauler came back. Angela is still fed up with the hauler, " ..
                "but she knows what happens next and who is chasing it, which is a full resolution for a problem you can't fix yourself.",
    },
    transferred = {
      outcome = "routed",
      says    = "Okay. Thanks for telling him first.",
      debrief = "The operations supervisor took the call already briefed, logged the repeat and called " .. RULES.hauler .. " himself. " ..
                "The route was right; his ten minutes are the follow-on cost of a handoff the desk could have handled.",
    },
    truck_never_came = {
      outcome = "unresolved",
      says    = "You promised. I'm holding you to it.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The truck didn't come when she'd been told it would: the hauler's schedule was never yours to promise. Angela called back the next morning, angrier, " ..
                "quoting 'you promised', and wrote to the town manager. The quick promise cost more than the honest answer would have.",
    },
    call_ended = {
      outcome = "safety_exit",
      says    = "[The line goes quiet, then clicks.]",
      task    = true,                -- the missed pickup is still logged and sent to the hauler, as you told her
      follow_on = { "supervisor", "repeat_contact" },  -- the write-up of her exact words and the time, which Ray reads; her call back to check on the bin
      debrief = "You ended the call politely once the abuse went past what the protocol asks anyone to take, after a clear warning. " ..
                "You wrote down her exact words and the time for your supervisor, and the missed pickup was still sent to the hauler. " ..
                "She called back the next day, calmer, to check on it.",
    },
    threat_reported = {
      outcome = "safety_exit",
      says    = "[The line goes quiet, then clicks.]",
      task    = true,   -- the missed pickup is still logged and sent to the hauler, as you told her
      follow_on = { "supervisor", "police", "repeat_contact" },   -- Ray reads the write-up, the threat goes to the police, and she calls back about the bin
      debrief = "Once it turned into a threat you ended the call politely and at once. You wrote down her exact words and the time for your supervisor, " ..
                "the threat was reported to the police, and the missed pickup was still sent to the hauler. She called back about the bin, and the call was handled " ..
                "knowing what had happened.",
    },
    threatened_on = {
      outcome = "escalated",
      says    = "[She keeps shouting, then hangs up.]",
      task    = true,   -- the miss is still logged, from her account, once she has hung up
      follow_on = { "supervisor", "police", "repeat_contact" },   -- the write-up for Ray and the threat reported afterwards, and her call back about the bin
      debrief = "After she threatened you, you stayed on the line, and the abuse went on until she hung up. The threat still had to be written up for your supervisor " ..
                "and reported to the police, and she called back about the bin. Once a caller threatens you, end the call and report it.",
    },
    abused_on = {
      outcome = "escalated",
      says    = "[She keeps swearing at you, then hangs up.]",
      debrief = "After the warning was ignored you stayed on the line, and the abuse went on until she hung up. " ..
                "A limit that isn't kept stops protecting you; next time she will expect the same. Staff should end the call and document it.",
    },
    hung_up = {
      outcome = "escalated",
      says    = "[Click.]",
      debrief = "Angela hung up and emailed the selectboard about " .. RULES.dept .. ". A supervisor had to check the log, chase the hauler " ..
                "and write her a reply, and she called again the next morning about the same bin: a second call and a complaint for one missed pickup.",
    },
    cut_off = {
      outcome = "unresolved",
      says    = "[You hang up mid-sentence.]",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "You didn't have to take the abuse, but without a warning the hang-up looked like being cut off. She called back " ..
                "to complain about you as well as the trash. Warn once, then end the call; that is what makes it fair and defensible.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: let the burst pass, own it, call back by a set time",
      choices = { 2, 4, 1, 3, 2, 4, 3, 1 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 90, max_ratio = 2.0 } },
    { name = "the form before she's heard, a cold transfer, then silent hold: quick on the phone, dear in total",
      choices = { 4, 1, 1 },
      expect = { outcome = "escalated", passed = false, max_score = 20, max_ratio_interaction = 1.2, min_ratio = 3.0 } },
    { name = "a typical novice still gets there, slower",
      choices = { 2, 1, 2, 4, 2, 4, 1, 1 },
      expect = { outcome = "resolved_satisfied", min_score = 70, min_ratio_interaction = 1.8, max_ratio_interaction = 3.0 } },
    { name = "after an opening buck-pass, owning the contract and apologising keep her on the line",
      choices = { 1, 3, 4, 1, 3, 2, 4, 2, 4, 3, 1 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "owning the contract, then passing it on again: she hangs up", choices = { 1, 3, 4, 1, 3, 1 },
      expect = { ending = "hung_up", passed = false } },
    { name = "a plain 'my mistake' after the checklist question keeps the call", choices = { 2, 2, 1, 4, 1, 3, 2, 4, 3, 1 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "grovelling over it instead leaves her venting, and she hangs up", choices = { 2, 2, 4, 4 },
      expect = { ending = "hung_up", passed = false } },
    { name = "the calmest path costs under twice a calm visit", path = "calmest", expect = { max_ratio = 2.0 } },
    { name = "the best path costs at most twice a calm call", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path: staying on the line after a threat, then the write-up, the police report and a second call, four to six calm calls in all", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
