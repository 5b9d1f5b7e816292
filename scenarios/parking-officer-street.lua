-- Seed 2: a parking enforcement officer, alone on the street, is confronted by a driver who runs back as the ticket prints,
-- with a bus stop watching and one person filming; includes a tripwire (the driver shoves or throws something).
-- path best:   1,4,2,3,4,1,1
-- path worst:  1,1,3,2,1,2,1,2
-- path novice: 1,2,2,3,4,1,3

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  fine         = "$35",                              -- expired-meter ticket
  appeal_days  = 21,                                 -- days to ask for a hearing
  late_fee     = "$20",                              -- added when the ticket is unpaid and unappealed after appeal_days
  appeal_ways  = "online, by mail, or at the Parking Clerk's window in Town Hall",
  clerk        = "the Parking Clerk's office",
  clerk_phone  = "555-0147",
  decider      = "a hearing officer",                -- who decides appeals (not the officer)
  supervisor   = "Sergeant Okoro",                   -- the on-duty enforcement supervisor
  badge        = "417",                              -- the officer's badge number
  street       = "Station Street",
  pay_station  = "pay station 14",
  dispatch     = "Dispatch",                         -- who the officer radios
  registry_step = "later the registry can hold up your renewal", -- what follows an unpaid, unappealed ticket
}


-- He has missed his train and has a nine o'clock: past this many minutes on the street he wants
-- his receipt on record and to go, and a fresh flare-up sends him off.
local LATE = 14

-- Running late, he skips the rest: his receipt on record, and he goes.
local function late(s, beat)
  if s.minutes >= LATE then return "note" end
  return beat
end

-- After the heat has passed, pick up the conversation at the first step not yet taken.
local function resume(s)
  if s.minutes >= LATE then return "note" end   -- running late: he wants his receipt on record and to go
  if (s.visits.his_side or 0) == 0 then return "his_side" end
  if (s.visits.the_ask or 0) == 0 then return "the_ask" end
  if (s.visits.crowd or 0) == 0 then return "crowd" end
  if (s.visits.steps_in or 0) == 0 then return "steps_in" end
  return "note"
end
local RESUME = { "his_side", "the_ask", "crowd", "steps_in", "note" }

-- Fuel on the fire: the first time he gets loud, the second time he plays to the bus stop,
-- the third time he wants a supervisor. (Two bad moves in a row reach the supervisor sooner.)
-- Once he is running late, any of them sends him off to call Town Hall.
local function heat(s)
  if s.minutes >= LATE then return "complaint_called" end
  if (s.visits.shouting or 0) == 0 then return "shouting" end
  if (s.visits.playing_crowd or 0) == 0 then return "playing_crowd" end
  return "supervisor"
end
local HEAT = { "shouting", "playing_crowd", "supervisor", "complaint_called" }

-- Fuel during a flare-up: he wants a supervisor, or, once he is late, he leaves.
local function fed_up(s)
  if s.minutes >= LATE then return "complaint_called" end
  return "supervisor"
end
local FED_UP = { "supervisor", "complaint_called" }

-- Walking away: a safety exit after a real cue, abandoning the contact before one.
local function leave(s)
  if s.tripwire then return "stepped_back" end
  return "walked_off"
end

-- How a contact that got this far ends.
local function close_out(s)
  if s.flags.promised_void then return "promise_broken" end
  if s.band == "venting" or s.band == "threatening" then return "complaint_called" end
  if s.band == "settled" and s.flags.noted then return "noted_satisfied" end
  return "noted_accepted"
end

return scenario {
  id         = "parking-officer-street",
  title      = "Two minutes on " .. RULES.street,
  setting    = "enforcement",
  role       = "Parking enforcement officer, on foot",
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A commuter sprints back as your " .. RULES.fine .. " ticket prints, demands you cancel it, and plays to a bus stop where someone is filming.",
  objectives = {
    "Keep your own temper and your position when a contact starts hot.",
    "Explain why a ticket stands once it is printed, and what an appeal needs.",
    "Tell discomfort from danger on a public street, with an audience watching.",
  },

  resident = {
    name       = "Daniel Kowalczyk",
    agitation  = 60,
    trust      = 30,
    need       = "fairness",
    volatility = 1.3,      -- a commuter who has just missed his train, in front of an audience
    recovery   = 0.9,
    audience   = true,     -- the bus stop, and the phone
    waited     = 0,
    look = { skin = 2, hair = "short", hair_colour = "brown", top = "jacket" },
  },

  time = {
    task = 3,                -- photograph the receipt and the dead pay station, add both to the ticket record with a note
    follow_on = {
      supervisor     = 8,    -- the sergeant drives over (five minutes away), hears the brief and walks him through the appeal
      repeat_contact = 5,    -- he phones the Parking Clerk to ask how to appeal after all: a short call
      complaint      = 15,   -- his call to Town Hall about the ticket: a supervisor watches the clip, asks the officer, calls him back
      police         = 15,   -- the officer's share only: the radio call and her statement; the responding officer writes the report
    },
  },

  start  = "printing",
  safety = "shove",

  beats = {
    printing = {
      note = "He starts Venting. The officer's first job is her own temper and position; the ticket is already printed.",
      says = {
        venting = "[A man in a suit jacket sprints up the sidewalk waving a slip of paper. Heads turn at the bus stop.] Hey! HEY! You saw me running back! I was RIGHT THERE!",
      },
      choices = {
        { "[Breathe out. Car between you, hands in view. Let him talk.]",
          tags = { "listen", "self_regulate" }, go = "his_side",
          coach = "Your first move is your own temper and position. With the car between you, letting him say it costs a few minutes and takes most of the heat out." },
        { "Sir, calm down. Once it's printed it's issued. There's nothing I can do now.",
          tags = { "calm_down", "policy_wall" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Both halves are things officers say every day, and together they tell a man who is already shouting that his reaction is the problem and the door is shut." },
        { "I didn't see anyone running. The meter by your car had been expired for a while before I started.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "It may be true, but correcting him in front of a bus stop turns the ticket into a contest he has to win." },
        { "[Tear off the ticket and hold it out.] Here you go. How to appeal is all on the back.",
          tags = { "inform" }, go = "parasite",
          coach = "The appeal route is the right information, but handed over before he has said a word it reads as 'not my problem'." },
      },
    },

    parasite = {
      note = "Near-miss cue: a single insult. The bait is for the officer's urge to win; let it pass.",
      says = {
        defensive = "[He doesn't take it. He looks at the ticket, then at you.] Unbelievable. You people are parasites. Get a real job.",
        venting   = "[He jerks back from the ticket as if it were dirty, and won't take it.] Parasites! That's what you are! Get a REAL job!",
      },
      choices = {
        { "I've got a real job. It's called enforcement.",
          tags = { "argue", "sarcasm" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "A comeback feels like self-respect, but it's exactly the contest he wanted, and the bus stop is watching." },
        { "Okay, that's it. If you're going to talk to me like that, we're done here.",
          tags = { "threaten_early" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "One insult is discomfort, not danger. Ending the conversation over a word hands him a grievance and leaves his question unanswered." },
        { "[Let the word go by. Lower the ticket.] Go on. What happened?",
          tags = { "listen", "redirect", "self_regulate" }, go = "his_side",
          coach = "The insult is about the ticket, not you. Letting it pass and asking for his side takes the bait off the table." },
        { "I understand you're upset, but name-calling isn't going to help you, and I don't have to stand here and listen to it.",
          tags = { "calm_down" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "A lecture on manners keeps the focus on the insult, and he has an audience to defend it in front of." },
      },
    },

    his_side = {
      says = {
        uneasy    = "The pay station by my car is dead. Black screen. So I ran across the road to the other one, there was a line, I paid. Look: 8:06. And your ticket says 8:04. Two minutes. And there goes my train.",
        defensive = "Pay station by my car is dead. Black screen! I ran across to the other one, stood in line, paid. 8:06, look! Your ticket says 8:04. Two minutes. And I've missed my train.",
        venting   = "The machine's DEAD! I ran across the road, I stood in line, I PAID! 8:06! And you write me up at 8:04! Two minutes! And my train's gone!",
      },
      choices = {
        { "The app works when a pay station's down. Thirty seconds from your car, and no crossing the road.",
          tags = { "blame" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Useful advice for next time, but right now it tells him the dead machine and the lost train are his own fault." },
        { "That's a rough morning, the machine and the train both.",
          tags = { "acknowledge" }, go = "the_ask",
          coach = "Kind and short, but it skips the facts he cares about (the two minutes, the receipt), so he can't tell yet whether you took them in." },
        { "Can I see the receipt?",
          tags = { "ask" }, go = "steps_in",
          coach = "A fair request, but asked this early it invites him round the car and into your space with the slip held out." },
        { "Dead machine by your car, a line at the other one, your receipt two minutes after my ticket, and the train gone.",
          tags = { "paraphrase" }, go = "the_ask",
          coach = "Reflecting the facts, with the times, shows him you took in his side; feeling heard is what lets the explanation land next." },
      },
    },

    the_ask = {
      says = {
        settled   = "Okay. So can you just cancel it? You've got the thing right there.",
        uneasy    = "Right. So cancel it. You've got the thing right there in your hand.",
        defensive = "So cancel it. You've got the thing in your hand. Hit delete.",
        venting   = "So CANCEL it! It's right there in your hand! Hit delete!",
        recovery  = "Okay. Sorry. So can you just cancel it? It's right there in your hand.",
      },
      choices = {
        { "Rules are rules, sir. Once it prints, it's in the system.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "The fastest sentence on the street and the most expensive: no reason, no route, just a closed door in front of an audience." },
        { "No, sir, and on purpose: once it prints, whoever wrote it can't take it back. " ..
          "Someone who isn't me, " .. RULES.decider .. ", decides, and your receipt is the evidence.",
          tags = { "explain_why" }, go = "crowd",
          coach = "The reason is the fairness he's asking for: the person who wrote it doesn't get the last word. Said once he feels heard, it lands." },
        { "Tell you what, leave it with me. I'll put it in to be voided this afternoon; you won't hear about it again.",
          tags = { "overpromise" }, promise = "The officer will get the ticket voided.",
          set = { promised_void = true }, go = "promise_broken",   -- he takes the promise and goes
          coach = "It ends the argument now, but officers can't void a printed ticket; when the notice arrives anyway he'll come back angrier, with your name." },
        { "Look, it's " .. RULES.fine .. ". Pay it online on the train and it's done.",
          tags = { "minimize" }, go = "wont_pay",
          coach = "Meant as a practical shortcut, but it says his two minutes don't matter, and paying would end his right to contest a ticket he has grounds to fight." },
      },
    },

    crowd = {
      note = "Near-miss cue: a bystander filming and a jibe about quotas. Discomfort, not danger; leaving here abandons the contact.",
      says = {
        settled   = "[He glances at the bus stop, where a woman is filming on her phone.] Yeah, keep filming. Seriously, though, do you people have a quota?",
        uneasy    = "[He turns to the bus stop, where a woman is filming on her phone.] You getting this? Two minutes! What's the quota today, officer?",
        defensive = "[He turns to the bus stop, where a woman is filming on her phone.] You getting this? Two minutes! Judge, jury and executioner. What's your quota, huh?",
        venting   = "[He shouts to the bus stop, where a woman is filming on her phone.] Film this! FILM IT! Judge, jury and executioner! How many today, huh? What's the quota?",
      },
      choices = {
        { "Ma'am, please stop filming. This is between me and the driver.",
          tags = { "stop_filming" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Filming a public officer on a public street is lawful; asking her to stop hands him an ally and makes you the story." },
        { "[Radio " .. RULES.dispatch .. " that you're clearing the block, and walk away up the street.]",
          tags = { "disengage" }, go = function(s) return leave(s) end, targets = { "stepped_back", "walked_off" },
          coach = "A camera and an insult are uncomfortable, not dangerous. Leaving now abandons a man mid-question and reads as running; save it for a real cue such as a shove or something thrown." },
        { "Your receipt can go on the ticket record right now, if you want.",
          tags = { "redirect" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "The camera is legal and the quota jibe is bait. Letting both pass and going back to what you can actually do makes the most boring, and the best, video." },
        { "There's no quota. We're paid the same whether we write one ticket or fifty, and I'd rather nobody parked at an expired meter at all.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "It's true, and rebutting it on camera sounds defensive. A challenging question is better let go than won." },
      },
    },

    steps_in = {
      note = "He closes the distance. A limit on distance is right here whatever his mood: grade set to best.",
      says = {
        settled   = "[He comes round the front of the car, receipt held out toward your face, a step closer than you'd like.] Here. Look. 8:06.",
        uneasy    = "[He comes round the front of the car, holding the receipt out toward your face, a step closer than you'd like.] Look at it. 8:06. Look.",
        defensive = "[He comes round the front of the car and holds the receipt up at your face, much too close.] Look at it! 8:06! LOOK at it!",
        venting   = "[He strides round the front of the car and shoves the receipt at your face, inches away.] LOOK at it! 8:06! Are you blind?",
      },
      choices = {
        { "[Reach out and take the receipt from his hand.]",
          tags = { "invade_space" },
          go = function(s) if s.agitation >= 60 then return "shove" end return heat(s) end,   -- hot enough, he shoves; else he snatches it back
          targets = { "shove", "shouting", "playing_crowd", "supervisor", "complaint_called" },
          coach = "Reaching toward someone this close and this angry closes the last of the gap, and a grab for the slip can start a grab back." },
        { "Whoa, whoa. Back off. Relax. I'm not looking at anything while you're waving it in my face like that, okay?",
          tags = { "calm_down" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Getting distance is right; 'relax' is the wrong way to ask for it and sounds like you're handling him." },
        { "[Say nothing and keep your eyes on the handheld until he backs off.]",
          tags = { "ignore" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Looking away from someone who is too close leaves you without eyes on him and tells him he isn't worth an answer." },
        { "[Give ground yourself, back round to your side of the car.] Hold it up from there; I can read it.",
          tags = { "limit" }, grade = "best", set = { gave_room = true }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "You take the distance yourself rather than wait for him to give it: the car goes back between you, and he keeps his evidence where you can read it." },
      },
    },

    note = {
      enter = function(s) s.flags.at_note = true end,
      says = function(s)
        -- a blocked attempt at the record: he is still holding the slip, and says what is under it
        if s.flags.tried_note or (s.visits.note or 0) > 1 then
          return s:line({
            settled   = "[He hands the receipt across.] Sorry. It's the train, mostly. Go on.",
            uneasy    = "[Still holding the receipt.] I did everything right. I paid. That's what gets me.",
            defensive = "[He keeps hold of the receipt.] I paid. I did what you're supposed to do, and I still get this.",
            venting   = "[He pulls the receipt back.] I PAID! I did everything RIGHT! That's what gets me!",
            threatening = "[He jabs the receipt at your face.] I PAID! You hear me?",
            recovery  = "[He hands the receipt across, quieter.] Sorry. I paid, that's all. Go on.",
          })
        end
        if s.flags.gave_room then
          return s:line({
            settled   = "[From his side of the car, he holds the receipt up.] Okay. There. Now what?",
            uneasy    = "[From his side of the car, he holds the receipt up.] Fine. There. 8:06. Now what?",
            defensive = "[Across the hood, he holds the receipt up.] Fine. There. Now what happens?",
            venting   = "[Across the hood, he waves the receipt.] THERE! Happy? Now what?",
            threatening = "[He leans over the hood and jabs the receipt at you.] THERE! Happy? NOW what?",
            recovery  = "[From his side of the car, he holds up the receipt.] Sorry. There. 8:06. What now?",
          })
        end
        if (s.visits.steps_in or 0) > 0 then
          return s:line({
            settled   = "[He steps back onto the sidewalk and holds the receipt up.] Okay. There. Now what?",
            uneasy    = "[He steps back onto the sidewalk and holds the receipt up.] Fine. There. 8:06. Now what?",
            defensive = "[He takes half a step back and holds the receipt up.] Fine. There. Now what happens?",
            venting   = "[He steps back, just, holding the receipt up.] THERE! Happy? Now what?",
            threatening = "[He takes half a step back, then jabs the receipt at your face.] THERE! Happy? NOW what?",
            recovery  = "[He steps back onto the sidewalk and holds up the receipt.] Sorry. There. 8:06. What now?",
          })
        end
        -- running late, he skips the rest and holds up his evidence from where he stands
        return s:line({
          settled   = "[He checks his watch and holds the receipt up.] Look, I've got a nine o'clock. There. 8:06. Now what?",
          uneasy    = "[He checks his watch and holds the receipt up.] I've got a nine o'clock. There. 8:06. Now what?",
          defensive = "[He checks his watch and holds the receipt up.] I've got a nine o'clock. There. Now what happens?",
          venting   = "[He waves the receipt.] I've got a NINE O'CLOCK! There! 8:06! Now what?",
          threatening = "[He jabs the receipt at your face.] THERE! 8:06! NOW what?",
          recovery  = "[He checks his watch and holds up the receipt.] Sorry. I've got a nine o'clock. There. 8:06. What now?",
        })
      end,
      choices = {
        { "[From where you stand, photograph the receipt and the dead " .. RULES.pay_station .. " for the ticket record.] " ..
          "That's on the record now: the station was out.",
          tags = { "task" }, set = { noted = true, tried_note = true }, go = "close",
          coach = "The real work of the stop, once he's settled enough to let you: his evidence goes in the record, the dead machine gets reported, and you promised only what you did." },
        { "[Camera down. Let him get the rest out.]",
          -- offered while the record can't be done yet (the engine's task rule: calm enough, and heard)
          when = function(s) return s.agitation > 45 or (s.agitation >= 20 and not s.heard) end,
          tags = { "listen", "pause" }, go = "note",
          coach = "He isn't ready to hand the slip over; a moment of listening now gets the evidence on the record sooner than asking again." },
        { "[Tear off the ticket and hand it over.] Everything's on the back. You've got " .. RULES.appeal_days .. " days.",
          tags = { "inform" }, go = "on_the_back",
          coach = "Accurate, but his best evidence walks away in his pocket when it could be on the ticket record in a few minutes." },
        { "You'll want to photograph that pay station yourself. Proving it's on you, not me.",
          tags = { "blame" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Good advice in the wrong voice: 'it's on you' makes the dead machine his fault when you could take the photo yourself, now." },
        { "With that receipt you'll win, no question. They'll throw it out.",
          tags = { "overpromise" }, promise = "The appeal will succeed.",
          set = { promised_void = true }, go = "close",
          coach = "He probably has a strong case, but you don't decide appeals; a sure thing from the officer becomes a grievance if it's upheld." },
      },
    },

    close = {
      says = function(s)
        if s.flags.promised_void then
          return s:line({
            settled   = "Okay. So you'll sort it out, and I don't have to do anything. Great.",
            uneasy    = "Right. So you'll sort it, and I don't need to do anything. Okay.",
            defensive = "So you'll sort it. You'd better. I've got your badge number.",
            venting   = "You'd BETTER sort it. I've got your badge number!",
          })
        end
        return s:line({
          settled   = "So I send this in, and somebody who isn't you decides. Okay. That's... fair enough.",
          uneasy    = "So I send it in and somebody who isn't you decides. Fine. I guess.",
          defensive = "So I send it in and someone else decides. Great. Another morning gone.",
          venting   = "So I do the paperwork, for your mistake. Brilliant. Really brilliant.",
        })
      end,
      choices = {
        { RULES.appeal_days .. " days, " .. RULES.appeal_ways .. ". Don't pay it first; paying closes the appeal. " ..
          "Thanks for showing me.",
          tags = { "thank", "inform" }, go = function(s) return close_out(s) end,
          targets = { "promise_broken", "complaint_called", "noted_satisfied", "noted_accepted" },
          coach = "The route, the deadline, the one trap to avoid, and a word for his cooperation and his morning: a clean close that lets him leave with his face intact." },
        { "Yep. Next time just use the app; it works when the machines are down and would have saved you all this.",
          tags = { "blame" }, go = function(s) return close_out(s) end,
          targets = { "promise_broken", "complaint_called", "noted_satisfied", "noted_accepted" },
          coach = "A parting tip that sounds like 'your fault after all' undoes some of what you built." },
        { "Thanks for your patience. [Walk on to the next car.]",
          tags = { "ignore" }, go = function(s) return close_out(s) end,
          targets = { "promise_broken", "complaint_called", "noted_satisfied", "noted_accepted" },
          coach = "Walking on is where this ends, but a stock 'thanks for your patience' to a man who lost his train, without the deadline, is a brush-off; he's left holding a form he half understands." },
      },
    },

    shouting = {
      note = "He plays to the bus stop. Few words, no fuel, take away the audience.",
      says = {
        uneasy    = "[He looks over at the bus stop.] Unbelievable. Everyone saw me running. Everyone.",
        defensive = "[Louder, half to the bus stop.] Unbelievable! Everybody saw me running! Two minutes, and I get a lecture!",
        venting   = "[Shouting now, to the bus stop.] UNBELIEVABLE! You all saw me running! Two minutes! She's just standing there!",
      },
      choices = {
        { "I need you to stop shouting, sir, or I'm calling the police.",
          tags = { "threaten_early" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Shouting is not a crime; threatening police for it raises the stakes and gives the bus stop a better video." },
        { "[Say nothing. Let it burn out.]",
          tags = { "listen", "pause" }, go = "after_vent",
          coach = "Silence and attention let the burst spend itself; the bus stop is still watching, so it works a little slower." },
        { "Let's step down to the other end of the car, away from the bus stop, and go through it properly.",
          tags = { "private" }, go = "after_vent",
          coach = "Moving a few steps from the audience takes away his need to win in public; staying by the car keeps it between you, with the open street to step away into." },
        { "Everyone can see you parked at a dead meter.",
          tags = { "argue" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Scoring a point off him in front of the audience he's playing to guarantees he has to score one back." },
      },
    },

    after_vent = {
      says = {
        settled   = "[He breathes out.] Look. I'm not a deadbeat. I was paying. That's all I'm saying.",
        uneasy    = "[He breathes out and glances at the bus stop.] Look. I'm not a deadbeat. I was paying. That's all.",
        defensive = "[Still breathing hard.] I'm not a deadbeat. I was PAYING. That's the point.",
        venting   = "I'm not a deadbeat! I was paying! Does nobody get that?",
        recovery  = "[He runs a hand over his face.] Sorry. Look, I'm not a deadbeat. I was paying. That's all.",
      },
      choices = {
        { "See? That's better. Nobody needs to shout, sir; we can sort this out like adults once we're both calm.",
          tags = { "calm_down" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Praising him for calming down treats him like a child in front of the same audience; it reopens the wound." },
        { "Okay. So: the appeal's on the back of the ticket.",
          tags = { "inform" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "Not wrong, but he just told you what hurts, and stepping straight past it leaves him unheard." },
        { "You were paying. Dead machine, a queue, two minutes.",
          tags = { "paraphrase", "acknowledge" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "In the recovery window one warm, specific line does a lot: no lecture about the outburst, just his facts back." },
      },
    },

    wont_pay = {
      says = {
        uneasy    = "Pay it? No. I'm not paying for a broken machine. I'll just leave it.",
        defensive = "Pay it? I'm not paying a cent for your broken machine. Let them come after me.",
        venting   = "PAY it? I'm not paying a CENT! Let them come and get me!",
        recovery  = "Pay it? No. Sorry, but no. I'm not paying for a broken machine.",
      },
      choices = {
        { "Suit yourself. It'll go to collections, and that's on you.",
          tags = { "sarcasm", "threaten_early" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "The consequence is real; delivered as 'suit yourself' it's a dare, and he has an audience to take it up in front of." },
        { "[Let him finish. Nod, and say nothing yet.]",
          tags = { "listen" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "He's not really planning his finances; he's saying it isn't fair. Letting that land before you answer costs a few minutes and saves an argument." },
        { "That's your call. Just so you know what it means: after " .. RULES.appeal_days .. " days there's a " .. RULES.late_fee .. " late fee, " ..
          "and " .. RULES.registry_step .. ". An appeal stops that clock, and it's free.",
          tags = { "inform", "options" }, go = function(s) return late(s, "crowd") end, targets = { "crowd", "note" },
          coach = "The real consequences, stated calmly with the free way round them, are information, not a threat; it leaves the choice with him." },
        { "Please don't do that. It's really not worth the hassle; just pay it.",
          tags = { "minimize" }, go = "complaint_called",
          coach = "A second push to pay a ticket he has grounds to fight tells him you just want him gone." },
      },
    },

    playing_crowd = {
      note = "Second flare-up: he turns his back and plays to the audience. Remove the audience; add no fuel.",
      says = {
        uneasy    = "[He turns to the bus stop.] You all saw that, right? I'm not crazy.",
        defensive = "[He turns his back on you and calls to the bus stop.] You all saw that, right? She won't even hear me out!",
        venting   = "[He turns his back on you and shouts to the bus stop.] YOU ALL SAW THAT! She won't even LISTEN! Keep filming!",
      },
      choices = {
        { "[Wait. When he turns back:] Over here, away from the bus stop. Let's finish this.",
          tags = { "private", "pause" }, go = "cooling",
          coach = "Waiting out the speech and then moving a few steps from the audience lets him climb down without losing face; keep the car between you and the open street on your side." },
        { "This isn't a show. I'm not standing here while you perform for the bus stop, so turn around and talk to me.",
          tags = { "calm_down" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Scolding him for the performance makes the performance about you, and it's now on camera." },
        { "[Start typing the next car's plate into the handheld while he talks.]",
          tags = { "ignore" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Getting on with the job feels professional, but turning to the next car while he's mid-sentence proves his point to the bus stop." },
      },
    },

    cooling = {
      says = {
        settled   = "[Out of earshot of the bus stop, he lets out a breath.] Look, I've got a nine o'clock I'm going to miss now. I was paying. That's all.",
        uneasy    = "[Away from the bus stop, he lets out a breath.] Look. I've got a nine o'clock I'm going to miss now. I was paying. That's all.",
        defensive = "[Away from the bus stop, still tight.] I've got a nine o'clock I'm going to miss. I was paying. You get that?",
        venting   = "[Still loud, even away from the bus stop.] I've got a NINE O'CLOCK! I was PAYING! You get that?",
        recovery  = "[Quieter now.] Sorry. I've got a nine o'clock I'm going to miss. I was paying. That's all.",
      },
      choices = {
        { "I'm sorry about your meeting, but meetings get missed. It happens to everyone; it's not the end of the world.",
          tags = { "minimize" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "Meant to take the sting out, but it tells him his morning doesn't count, right as he started to come down." },
        { "Okay. So, about the appeal.",
          tags = { "inform" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "Moving straight to the process skips the thing he just told you, so the explanation may bounce." },
        { "I'd be late too if I'd been shouting in the street for ten minutes.",
          tags = { "sarcasm" }, go = function(s) return fed_up(s) end, targets = FED_UP,
          coach = "A joke at his expense right as he climbed down: he has to climb back up to save face." },
        { "Paid, blocked by a dead machine, and now late for the nine o'clock too.",
          tags = { "label", "paraphrase" }, go = function(s) return resume(s) end, targets = RESUME,
          coach = "Naming what stings (paying and being treated as if he didn't) and the cost to his day lets him feel heard without a word about the shouting." },
      },
    },

    supervisor = {
      says = {
        uneasy    = "I'd like to talk to your supervisor. And I want your badge number.",
        defensive = "Get your supervisor down here. And what's your badge number?",
        venting   = "Get your SUPERVISOR. Now. And give me your badge number!",
      },
      choices = {
        { "She'll tell you what I told you: once it's printed it's issued, and the appeal is the only way. You'd wait to hear it twice.",
          tags = { "policy_wall" }, go = "complaint_called",
          coach = "Probably true, and it shuts the last door he can see." },
        { "My badge number's on the ticket. You can call " .. RULES.clerk .. " at " .. RULES.clerk_phone .. " if you want to complain.",
          tags = { "buck_pass" }, go = "complaint_called",
          coach = "Pointing him at a phone line when he asked for a person is a cold transfer; the complaint writes itself." },
        { "[Say nothing yet. Let him cool off before you answer.]",
          tags = { "pause" }, grade = "poor", go = "complaint_called",
          coach = "He asked two plain questions, a supervisor and your badge number. Silence when someone asks who you are reads as hiding, and both answers cost nothing." },
        { "[Radio " .. RULES.supervisor .. ", where he can hear:] Driver at " .. RULES.pay_station .. ", station dead, receipt two minutes after issue, asking for you. " ..
          "Badge " .. RULES.badge .. ", sir.",
          tags = { "handoff", "inform" }, go = "supervisor_routed",
          coach = "He asked, and a warm handoff is a real option: the supervisor hears his story from you, so he doesn't start over, and giving your badge number costs nothing." },
      },
    },

    shove = {
      tripwire = true,
      note = "Tripwire and safety beat: he shoves or throws. Distance, the car between you, radio for help; the ticket doesn't matter now.",
      says = {
        venting     = "[He shoves you back against the car.] Get your hands off me!",
        threatening = "[He steps in and shoves you back into the car, then flings his coffee cup; it bursts across the hood beside you.] How's THAT for evidence?",
      },
      choices = {
        { "That's assault. You stay right there, sir; you're not going anywhere.",
          tags = { "argue" }, effect = { minutes = 0.3 }, go = "squared_up",   -- one sentence, not a point-by-point argument
          coach = "Trying to hold a man who has just shoved you keeps you within his reach. Your job now is distance and help, not an arrest." },
        { "[Round the car, so it's between you. Radio " .. RULES.dispatch .. " for help; leave the ticket.]",
          tags = { "disengage" }, go = "stepped_back",
          coach = "A shove or a thrown object ends the conversation. Distance, a barrier, help on the radio, and no more talk about the ticket. Write it up after." },
        { "[Hold your ground by his car and tuck the ticket under the wiper.]",
          tags = { "invade_space" }, go = "squared_up",
          coach = "Finishing the ticket puts you next to him again. Policy lets you let a ticket go; nothing about it is worth a second shove." },
        { "[Take a step back, ticket still held out:] This is still a valid ticket, and now there's an assault on top of it.",
          tags = { "argue" }, go = "incident",
          coach = "A step back is not distance: he is still in reach, and arguing the ticket gives him a reason to come at you again." },
        { "Sir! Calm down! Everyone's filming this!",
          tags = { "calm_down" }, go = "squared_up",
          coach = "Words aimed at someone who has just used his hands keep you standing there; it's time to move, not to persuade." },
      },
    },

    squared_up = {
      tripwire = true,
      note = "Second tripwire beat: the officer stayed after the shove. It is still not too late to leave.",
      says = {
        uneasy      = "[He squares up to you, chest out, fists clenched at his sides. Someone at the bus stop shouts 'Leave it, man!']",
        defensive   = "[He squares up to you, chest out, fists clenched. Someone at the bus stop shouts 'Leave it, man!'] Go on, then. Write me up for this.",
        venting     = "[He squares up to you, fists clenched, face red. Someone at the bus stop shouts 'Leave it!'] Go on! Do something!",
        threatening = "[He squares up, fists clenched, right in your face. Someone at the bus stop shouts 'Leave it!'] Go on! DO something!",
      },
      choices = {
        { "[Keep backing off, facing him, car between you. Radio " .. RULES.dispatch .. ": assault, location, send help.]",
          tags = { "disengage" }, go = "stepped_back",
          coach = "Late is better than never: distance, a barrier, help on the radio. The ticket, the argument and the last word can all be left behind." },
        { "[Plant your feet, radio up between you.] Back. Off.",
          tags = { "invade_space", "threaten_early" }, go = "incident",
          coach = "Squaring up back turns it into a fight you have no reason to be in; the radio is for calling help, not for holding him off." },
        { "You need to calm down right now, sir. Think about what you're doing; there are witnesses, and this is all on camera.",
          tags = { "calm_down" }, go = "incident",
          coach = "He is past words. Another instruction keeps you in reach of a man with his fists clenched." },
      },
    },
  },

  endings = {
    noted_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Okay. Thanks for putting the receipt on there. Sorry I yelled.",
      debrief = "Daniel caught the next train with the ticket, the route and his receipt on the record. The hearing officer later dismissed it " ..
                "on the photo of the dead pay station. The bus-stop video, if it was ever posted, showed an officer letting a man talk and then helping him.",
    },
    noted_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. " .. RULES.appeal_days .. " days. I'm still appealing it.",
      debrief = "Daniel still thinks the ticket should have been torn up on the spot, but he left with the route, the deadline and his evidence " ..
                "already on the record. That is a full pass for an enforcement contact: the answer was no, and it was a fair no.",
    },
    on_the_back = {
      outcome = "routed",
      follow_on = { "repeat_contact" },
      says    = "[He snatches the ticket.] Fine. I'll read the back.",
      debrief = "Daniel appealed, but his receipt was crumpled and the pay station had been fixed by lunch, so the Parking Clerk had to chase " ..
                "the maintenance log. The route was right; a few minutes with the camera on your handheld would have put the evidence on the record.",
    },
    supervisor_routed = {
      outcome = "routed",
      says    = "Fine. I'll wait for her.",
      debrief = "The supervisor arrived, heard the facts from you in a sentence and the rest from him, and walked him through the appeal. " ..
                "Her time was the cost of the handoff; the warm brief meant he didn't have to start the story again.",
    },
    complaint_called = {
      outcome = "escalated",
      follow_on = { "complaint" },   -- the reply to his complaint is also where the appeal gets explained
      says    = {
        uneasy    = "Forget it. I'm calling Town Hall.",
        defensive = "Forget it. You'll be hearing from Town Hall.",
        venting   = "Forget it! You'll be hearing from Town Hall! [He waves at the bus stop.] And so will they!",
      },
      debrief = "Daniel phoned " .. RULES.clerk .. " and the town manager that morning, and the bus-stop video went round a local group by lunch. " ..
                "A supervisor had to watch the clip, hear your side and call him back, and that call is where his appeal finally got explained.",
    },
    promise_broken = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "Okay. I'm holding you to that.",
      debrief = "A printed ticket can't be voided by the officer, so the notice arrived anyway. Daniel came to " .. RULES.clerk .. " asking for " ..
                "'the officer who promised', and then filed a complaint. A promise you can't keep only moves the argument to a worse day.",
    },
    walked_off = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "[He shouts after you.] That's right! Walk away! [The woman at the bus stop keeps filming.]",
      debrief = "Leaving on a camera and a jibe, with no shove, no threat and nothing thrown, turned a fair ticket into a clip titled 'officer runs from driver'. " ..
                "Daniel complained, and still had to ask the Parking Clerk how to appeal. Walking away is a safety tool; this time, standing your ground quietly was enough.",
    },
    stepped_back = {
      outcome = "safety_exit",
      says    = "[He swears, gets into his car and drives off.]",
      -- police: he shoved an officer, so a patrol officer takes her statement and the report;
      -- supervisor: the sergeant comes to the scene, checks on her and reviews the write-up
      follow_on = { "police", "supervisor" },
      debrief = "You got the car between you, called " .. RULES.dispatch .. " and left the ticket where it was. A patrol officer took your statement, " ..
                "the sergeant came out to check on you, and the contact was written up with his words, the time and the bystander as a witness. " ..
                "Nobody was hurt, and the town backed the decision to let the ticket go.",
    },
    incident = {
      outcome = "escalated",
      -- police: the 911 call, statements and the report; supervisor: the sergeant at the scene, as after any assault on an officer
      follow_on = { "police", "supervisor" },
      says    = "[He lunges and shoves you hard into the car door. Someone at the bus stop calls 911.]",
      debrief = "Staying within reach after he turned physical turned a ticket into an assault call. Police came and took statements, " ..
                "and the video showed an officer standing her ground for a " .. RULES.fine .. " ticket. A shove or a thrown object means distance and help, not the last word.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: breathe, reflect, explain, let the bait pass, set a limit, note the evidence",
      choices = { 1, 4, 2, 3, 4, 1, 1 },
      expect = { outcome = "resolved_accepted", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "calm down and a wall, then no exit after the shove",
      choices = { 2, 1, 2 },
      expect = { outcome = "escalated", passed = false, critical = true, max_score = 25 } },
    { name = "a typical novice: a kind line instead of a reflection, so the reason and the note bounce",
      choices = { 1, 2, 2, 3, 4, 1, 3 },
      expect = { outcome = "routed", passed = false, min_score = 45, max_score = 70, min_ratio = 2.0, max_ratio = 3.5 } },
    { name = "evidence he can't hand over yet: a moment of listening, then the record",
      choices = { 1, 2, 2, 3, 4, 2, 1, 1 },
      expect = { outcome = "resolved_accepted", ending = "noted_accepted", passed = true } },
    { name = "leaving on the camera is not a safety exit",
      choices = { 1, 4, 2, 2 },
      expect = { outcome = "unresolved", ending = "walked_off", passed = false } },
    { name = "'calm down' and a wall end in a shove: stepping back is right, and still costs a statement and the sergeant's visit",
      choices = { 2, 2 },
      expect = { outcome = "safety_exit", ending = "stepped_back", critical = false, min_ratio = 3.0 } },
    { name = "disengaging after the shove is a safety exit, not a critical error",
      choices = { 1, 3, 1, 2 },
      expect = { outcome = "safety_exit", critical = false, min_score = 60 } },
    { name = "the calmest path costs under about twice a calm contact", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best path costs at most twice a calm contact", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm contacts, follow-on included", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
    { name = "a promise to void it ends the argument now, and brings him back later with a complaint",
      choices = { 1, 4, 3 },
      expect = { outcome = "unresolved", ending = "promise_broken", passed = false } },
  },
}
