-- Seed 1: a resident whose parking app failed wants a ticket voided at the Treasurer's counter, with a queue watching.
-- path best:   3,1,4,2,4,1,3,2
-- path worst:  1,3,3,1,3,4,2,1,1
-- path novice: 4,3,4,2,2,4,1,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  fine          = "$40",                       -- the ticket amount
  appeal_days   = 21,                          -- days to file an appeal
  late_fee      = "$15",                       -- added when the ticket is unpaid after appeal_days
  registry_step = "the state can hold up your registration renewal",
  decision_days = 30,                          -- the hearing officer decides within about this many days
  decider       = "the parking hearing officer",
  office        = "Treasurer-Collector's office",
  app           = "ParkPay",                   -- the town's pay-by-phone parking app
  hearing_phone = "555-0142",
  supervisor    = "Ms. Okafor",                -- the counter supervisor on duty
}


-- She has to pick up her son at noon: past this many minutes at the counter, one more wrong
-- word and she leaves for the pickup with nothing filed.
local LATE = 20

-- A second trip into the heat: she stops arguing and asks for the supervisor.
local function vent(s)
  if s.minutes >= LATE then return "stormed_off" end
  if (s.visits.venting or 0) > 0 then return "supervisor" end
  return "venting"
end
local VENT = { "supervisor", "venting", "stormed_off" }

-- She feels accused a second time: straight into the heat.
local function accused(s)
  if s.minutes >= LATE then return "stormed_off" end
  if (s.visits.defended or 0) > 0 then return vent(s) end
  return "defended"
end
local ACCUSED = { "defended", "supervisor", "venting", "stormed_off" }

-- Brushed off a second time (or once she is out of time): she gives up and leaves.
local function brushed(s)
  if s.minutes >= LATE or (s.visits.brushed_off or 0) > 0 then return "stormed_off" end
  return "brushed_off"
end

return scenario {
  id         = "parking-ticket-counter",
  title      = "The ticket the app should have prevented",
  setting    = "counter",
  role       = "Counter clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "intro",
  summary    = "A parent whose parking app failed wants a " .. RULES.fine .. " ticket voided now, with a queue watching.",
  objectives = {
    "Find out what actually happened before any rule or remedy comes up.",
    "Give the reason behind a limit in plain words a resident can check.",
    "Leave the resident in control of the next step, and follow through at the desk.",
  },

  resident = {
    name       = "Priya Natarajan",
    agitation  = 45,
    trust      = 30,
    need       = "fairness",
    volatility = 1.1,
    recovery   = 1.0,
    audience   = true,
    waited     = 15,
    look = { skin = 4, hair = "long", hair_colour = "black", top = "jacket" },
  },

  time = {
    task       = 6,    -- look up the ticket and the app's payment log (a minute), then the appeal form with her evidence attached (five)
    calm_turns = 5,    -- a calm visit: hear it, look it up, say who decides, offer the two ways, file
    follow_on = {
      supervisor     = 8,    -- Ms. Okafor comes over or calls back, hears the story and settles what's next (the appeal, a paid ticket, her next visit)
      repeat_contact = 10,   -- she calls or comes back and someone explains the appeal again: about one more calm contact
      complaint      = 15,   -- her email to the selectboard about a parking ticket: pull the ticket and the app log, write a short reply
      police         = 15,   -- the staff's share only: the call or the non-emergency report, a statement, the incident write-up
    },
  },

  start  = "arrives",
  safety = "over_counter",

  beats = {
    arrives = {
      note = "She has waited 15 minutes. The right first move costs a few minutes: let her tell it.",
      says = {
        uneasy    = "Hi. I got a ticket I shouldn't have. I paid on the app and I still got ticketed, so I'd like it taken off, please.",
        defensive = "Fifteen minutes in that line. I paid for my parking on the app, and your officer wrote me a ticket anyway. I need this voided. Today.",
        venting   = "I paid! The app took my money and I still got a " .. RULES.fine .. " ticket! Void it!",
      },
      choices = {
        { "I should say up front, we can't void tickets at the counter. That goes through an appeal to " .. RULES.decider .. ".",
          tags = { "policy_wall" }, set = { brush = "rule" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "stormed_off" },
          coach = "It's true, but leading with the rule before one word of acknowledgement sounds like a closed door, and the queue hears it too." },
        { "Those app glitches happen a lot. The appeal for it is pretty simple.",
          tags = { "minimize" }, set = { brush = "simple" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "stormed_off" },
          coach = "Meant as reassurance, but 'happens a lot' and 'simple' tell her that her lost morning doesn't count." },
        { "Okay, ma'am. Start from when you parked.",
          tags = { "listen" }, go = "story",
          coach = "A few minutes of listening now are cheaper than any explanation she isn't ready to hear yet." },
        { "Sure, let me see the ticket. What's the number at the top?",
          tags = { "task" }, go = "record",
          coach = "Jumping to the lookup feels efficient, but she hasn't been heard yet, so she won't take in what the screen says." },
      },
    },

    story = {
      says = {
        uneasy    = "I parked on Elm at ten to nine and started a two-hour session on " .. RULES.app .. ". It showed the green 'active' screen. I came back at ten past ten and there's a ticket stamped 9:40. That's my second one this month, and I have to pick up my son at noon.",
        defensive = "I parked on Elm at ten to nine. Two-hour session on " .. RULES.app .. ", green screen, 'active'. Back at ten past ten, ticket stamped 9:40. Second one this month, and I pick up my son at noon. Honestly, it feels like a revenue grab.",
        venting   = "Ten to nine I paid. Two hours. The app said ACTIVE. Ticket at 9:40! Second one this month! And I've got my son to get at noon! It's a revenue grab!",
      },
      choices = {
        { "Paid for two hours at ten to nine, and ticketed at 9:40 anyway.",
          tags = { "paraphrase" }, go = "checked",
          coach = "Reflecting the facts back, with the times, shows her you took them in, and it's the move that lets her feel heard." },
        { "Do you have anything from the app? A receipt email, or a screenshot of the session?",
          tags = { "ask" }, set = { asked_receipt = true }, go = "evidence",
          coach = "A useful question, and it shows you're taking her seriously, but reflecting her story back first would land better." },
        { "That does sound frustrating. The good news is there's an appeal process for exactly this.",
          tags = { "acknowledge", "inform" }, go = "wont_pay",
          coach = "Kind, but the 'good news' about a process comes before she feels heard, so it sounds like a brush-off." },
        { "I can see why that's annoying, but the handhelds check " .. RULES.app .. " live, and officers only write a ticket when the screen shows no active session. So if something went wrong, it was on the app's side, not the officer's.",
          tags = { "argue" }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "Defending the officer's equipment before she feels heard makes it sound as if you've already decided she's wrong." },
      },
    },

    checked = {
      says = {
        uneasy    = "Yes. Exactly that. And before you say it, I know: 'fill out a form'. I did everything right, and I'm the one doing the paperwork.",
        defensive = "Yes. And don't tell me to fill out a form. I did everything right.",
        venting   = "Yes! And if you say 'form' I'm going to lose it.",
      },
      choices = {
        { "I know it's frustrating, and I'm sorry, but I have to be straight with you: the form really is the only way. There's no button back here that makes a ticket go away, for anyone, and I'd be lying if I said otherwise.",
          tags = { "policy_wall", "hollow" }, set = { brush = "form" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "stormed_off" },
          coach = "Honest, but she just told you she dreads hearing 'form', and saying it anyway tells her she wasn't heard." },
        { "Why didn't you take a screenshot when the session started? That would make this easy.",
          tags = { "why_question", "blame" }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "It's practical advice, but a 'why didn't you' question lands as blame on someone who did what she was supposed to." },
        { "I'm sorry. A whole morning gone, with the pickup at noon.",
          tags = { "apologize" }, go = "named",
          coach = "A good, specific apology for the impact, though it speaks to her time more than to the unfairness she's upset about." },
        { "I wonder if the worst of it is being treated as though you tried to skip the meter.",
          tags = { "label" }, go = "named",
          coach = "Naming the unfairness she feels, tentatively, gets under the demand to what she needs: not to be seen as a cheat." },
      },
    },

    named = {
      says = {
        settled   = "Yes. Thank you. I'm not a cheat. So, can you take it off?",
        uneasy    = "Yes. Thank you. I'm not trying to dodge anything. So can you just take it off?",
        defensive = "Exactly. So fix it.",
        venting   = "Yes! Exactly! I'm not a cheat, and I'm sick of being treated like one! So take it off!",
        threatening = "[She leans over the counter, palms flat, close to your face.] Then you know I'm not a cheat. So take it off. I'm not leaving this counter until you do.",
        recovery  = "...Yeah. Sorry. I've been stewing on this since ten. So can you just take it off?",
      },
      choices = {
        { "Do you have anything from the app? The receipt email, or a screenshot?",
          tags = { "ask" }, set = { asked_receipt = true }, go = "evidence",
          coach = "A good practical step, though she asked a direct question and still doesn't know why you can't just void it." },
        { "Not from this counter, and that's deliberate: the office that takes the money doesn't get to decide. " ..
          "An independent hearing officer does, and app records like yours are what they weigh.",
          tags = { "explain_why", "inform" }, go = "why",
          coach = "Now that she feels heard, the reason lands: a separate decider is the fairness she's asking for, not a runaround." },
        { "With a record like yours, they'll drop it, I'm sure. I've seen plenty of these, and the hearing officer nearly always sides with the app. Treat it as a formality.",
          tags = { "overpromise" }, promise = "The hearing officer will drop the ticket.",
          set = { promised_drop = true }, go = "why",
          coach = "It feels kind and calms her for now, but you don't decide appeals, and if it's upheld she'll remember who promised." },
        { "[Say nothing for a moment. Let the question sit.]",
          tags = { "pause" }, grade = "poor", go = "supervisor",
          coach = "She asked a straight question, and she's owed a straight answer: no, and why. Silence here sounds like you're hunting for a way out, so she asks for someone who'll answer." },
      },
    },

    why = {
      says = {
        settled   = "Okay. That's fair, I suppose. So what do I actually have to do?",
        uneasy    = "Okay. So what do I actually have to do?",
        defensive = "Fine. What do I have to do, then?",
        venting   = "FINE! What do I have to do? And make it quick, I've got to pick my son up at noon!",
        threatening = "[She grips the edge of the counter and leans across it.] Just tell me what I have to do. And it had better be quick, or you'll regret it.",
      },
      choices = {
        { "[Slide the appeal form across.] Fill this in and send it to " .. RULES.decider .. " within " .. RULES.appeal_days .. " days.",
          tags = { "inform" }, go = function(s) if s.flags.promised_drop then return "promise_broken" end return "took_form" end,
          targets = { "promise_broken", "took_form" },
          coach = "Accurate and quick, but it sends her away alone with the form, when the evidence she has could be attached right now." },
        { "Honestly, if you just want it over with, you can pay it today and it's done. Plenty of people do; " .. RULES.fine .. " is less than another morning off work, and you never have to think about it again.",
          tags = { "minimize" }, go = "paid_it",
          coach = "It sounds like the fast, helpful answer, but paying ends her right to contest a ticket she has good grounds to fight." },
        { "Do you have anything from the app? A receipt email, or a screenshot of the active session?",
          tags = { "ask" }, set = { asked_receipt = true }, go = "evidence",
          coach = "A good question; looking up the record at the same time would save her another round." },
        { "[Pull up her plate's ticket and " .. RULES.app .. " log.] Let's look together. Anything on your phone?",
          tags = { "task", "ask" }, go = "record",
          coach = "Doing the lookup with her, and asking for her evidence, turns the process into something you're doing together." },
      },
    },

    evidence = {
      enter = function(s) s.flags.showed_phone = true end,
      says = function(s)
        if s.flags.first_story then
          return "So. Are you going to look it up?"
        end
        return "[She holds up her phone.] Here. 8:51, 'Session active, ends 10:51'. And the charge on my card, right there."
      end,
      choices = {
        { "Perfect. Just email that to the hearing office and they'll sort it out.",
          tags = { "buck_pass" }, set = { brush = "email" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "stormed_off" },
          coach = "Sending her elsewhere after fifteen minutes in line, when you could attach it here, is a cold handoff." },
        { "[Pull up the ticket and " .. RULES.app .. "'s payment log for her plate.] Let me check that against what we have.",
          tags = { "task" }, go = "record",
          coach = "The actual work, done at the point where she's ready to take in what the record says." },
        { "That screenshot wins it. They'll toss the ticket, no question; you've got nothing to worry about.",
          tags = { "overpromise" }, promise = "The hearing officer will dismiss the ticket.",
          set = { promised_drop = true }, go = "choose",
          coach = "A screenshot is strong evidence, but you don't decide appeals; promising the result sets up a second, angrier visit." },
        { "Your second this month, you said?",
          tags = { "ask", "listen" }, go = "first_ticket",
          when = function(s) return not s.flags.first_story end,
          coach = "Going back to something she mentioned shows you were listening, and it often uncovers what the anger is really about." },
      },
    },

    first_ticket = {
      says = {
        settled   = "The first one was my fault, honestly. I was ten minutes over, and I paid it. That's why this one gets to me. I did it right this time.",
        uneasy    = "The first one was my fault. I was ten minutes over; I paid it without a word. That's why this one gets me. I did it right this time.",
        defensive = "The first one was my fault, fine, I paid it. This one isn't. I did it right this time.",
        venting   = "The first one I paid! No complaining! This one I did RIGHT!",
        threatening = "[She leans across the counter into your space.] The first one I PAID. Not a word. This one I did RIGHT. Use that against me and you'll see what happens.",
      },
      choices = {
        { "Got it. [Turn to the screen.]",
          tags = { "redirect" }, set = { first_story = true }, go = "evidence",
          coach = "Not harmful, but she just told you what really hurts, and moving straight on misses the chance to show you heard it." },
        { "Just so you're not surprised later: that first one is on file as well, and the hearing officer sees the whole history for the plate. Better you hear it from me now than find out at the appeal.",
          tags = { "argue" }, set = { first_story = true }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "Probably meant as a heads-up, but she hears that her honesty will be used against her." },
        { "So it isn't the " .. RULES.fine .. ". You paid the one you earned, and this one you didn't earn.",
          tags = { "label", "paraphrase" }, set = { first_story = true }, go = "evidence",
          coach = "Reflecting the contrast she drew shows you understand the unfairness, which is her real complaint." },
      },
    },

    record = {
      says = function(s)
        if s.flags.showed_phone then
          return s:line({
            settled   = "What does it say?",
            uneasy    = "Well? What does your screen say?",
            defensive = "Go on. Tell me it says I didn't pay.",
          })
        end
        return s:line({
          settled   = "[She holds up her phone: 8:51, 'Session active, ends 10:51'.] There. What does yours say?",
          uneasy    = "[She holds up her phone: 8:51, 'Session active, ends 10:51'.] There. So what does your screen say?",
          defensive = "[She holds up her phone: 8:51, 'Session active, ends 10:51'.] There. Go on, tell me yours says I didn't pay.",
        })
      end,
      choices = {
        { "Session from 8:51, then at 9:31 the card charge failed and the app cancelled it, so the officer's screen showed unpaid. " ..
          "Honestly, I can't say which way the hearing officer goes; that log and your screenshot are what they'll look at.",
          tags = { "inform", "explain_why" }, go = "choose",
          coach = "Plain facts, an honest limit on what you can predict, and a reason the record helps her: transparent without promising." },
        { "It shows a payment glitch on their end, so this one should be an easy win for you.",
          tags = { "overpromise" }, promise = "The appeal will succeed.",
          set = { promised_drop = true }, go = "choose",
          coach = "Encouraging, but 'easy win' is a prediction you can't stand behind; the hearing officer decides." },
        { "It says the card charge failed at 9:31. Looks like your card bounced.",
          tags = { "blame", "minimize" }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "A literal reading of the screen that implies her card was at fault, when the charge is on her card from 8:51." },
        { "It says cancelled at 9:31. When the charge failed, his handheld showed no session, so technically the officer was right to write it; he can only go by his screen.",
          tags = { "argue" }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "Accurate, but 'the officer was right' is the one reading of the log that puts her on the defensive." },
      },
    },

    choose = {
      says = {
        settled   = "Okay. So what are my options?",
        uneasy    = "Okay. What are my options, then?",
        defensive = "So what now? More forms?",
        venting   = "What now? MORE forms? I did everything right and I'm the one jumping through hoops!",
        threatening = "[She leans across the counter, right up close.] So what now? Another form? If I walk out of here with nothing, you are going to regret it.",
      },
      choices = {
        { "I wouldn't worry. Appeals with app records almost always get dismissed; the hearing officer tosses them without even calling people in. Send the form off and you'll be fine.",
          tags = { "overpromise" }, promise = "The appeal will be dismissed.",
          set = { promised_drop = true }, go = "filing",
          coach = "It reassures her today, but 'almost always' is not a promise you can keep, and she'll hold the town to it." },
        { "[Hand over the form.] Everything's explained on the back. You have " .. RULES.appeal_days .. " days.",
          tags = { "inform" }, go = function(s) if s.flags.promised_drop then return "promise_broken" end return "took_form" end,
          targets = { "promise_broken", "took_form" },
          coach = "Correct, but it leaves her to assemble the evidence alone after a long wait, when it could be filed with her right now." },
        { "Two ways. We file it together now with the log and your screenshot attached, about five minutes. " ..
          "Or take the form and file within " .. RULES.appeal_days .. " days. Either way, don't pay it meanwhile: paying closes the appeal.",
          tags = { "options", "inform" }, go = "filing",
          coach = "Two real choices, the deadline, and the one trap to avoid: she gets control of a process she didn't choose." },
      },
    },

    filing = {
      says = {
        settled   = "Let's do it now. I'm not coming back here for this.",
        uneasy    = "Now. Let's just do it now.",
        defensive = "Now. I'm not coming back for this.",
        venting   = "NOW! We do it NOW! I am not taking another morning off to come back to this counter!",
        threatening = "[She slaps the counter and leans over it.] Now. We do it now. Make me come back here for this and I'll be waiting in the lot when you get off.",
      },
      choices = {
        { "[Fill it in and stamp it.] Thanks, that's in. One tip for next time: screenshot the active screen every time you park and keep the receipt emails, because the app does this more than people think.",
          tags = { "task", "blame" },
          go = function(s)
            if s.flags.promised_drop then return "promise_broken" end
            return "appeal_accepted"
          end,
          targets = { "promise_broken", "appeal_accepted" },
          when = function(s) return s.minutes < LATE or s.agitation <= 45 end,
          coach = "The paperwork gets done, but a parting tip implies she was careless, undoing some of the fairness she just felt." },
        -- Past her time, and still hot: the tip comes before the form is done, and she leaves for the pickup.
        { "[Start on the form.] One tip for next time: screenshot the active screen every time you park and keep the receipt emails, because the app does this more than people think.",
          tags = { "blame" }, go = "stormed_off",
          when = function(s) return s.minutes >= LATE and s.agitation > 45 end,
          coach = "A lecture on what she should have done, after this long at the counter with a noon pickup: she stops waiting for the form and leaves." },
        { "[Fill it in with her, attach the log and her screenshot, stamp it, hand her the receipt.] " ..
          "Filed. The hearing officer writes to you within about " .. RULES.decision_days .. " days. Your screenshot did the heavy lifting.",
          tags = { "task", "own", "thank" }, grade = "best",
          go = function(s)
            if s.flags.promised_drop then return "promise_broken" end
            if s.band == "settled" then return "appeal_satisfied" end
            return "appeal_accepted"
          end,
          targets = { "promise_broken", "appeal_satisfied", "appeal_accepted" },
          coach = "Doing the paperwork with her, saying what happens next and when, and crediting her evidence is the follow-through that makes the route feel fair." },
        { "[Hand her the form and a pen, and wave the next person forward while she writes.]",
          tags = { "ignore" },
          go = function(s)
            if s.flags.promised_drop then return "promise_broken" end
            return "appeal_accepted"
          end,
          targets = { "promise_broken", "appeal_accepted" },
          coach = "It keeps the line moving, but she's left alone with the paperwork just as she started to trust you." },
        { "I'll write on it that the app failed, so they'll definitely dismiss it.",
          tags = { "overpromise" }, promise = "The ticket will be dismissed.",
          set = { promised_drop = true }, go = "promise_broken",
          coach = "A note is fine; 'definitely' is not yours to give, and it turns a fair process into a broken promise." },
      },
    },

    brushed_off = {
      -- What she throws back depends on the brush-off she just got (the flag its choice set).
      says = function(s)
        local heard = ({
          simple = "Simple for you.",
          form   = "I just said it, and you said it anyway. The form.",
          email  = "Email it? I've stood in that line fifteen minutes with it in my hand.",
        })[s.flags.brush] or "An appeal. So I lose my morning and I get paperwork."
        local tail = s:line({
          uneasy    = "It's not the " .. RULES.fine .. ". It's being treated like I tried to cheat.",
          defensive = "It's not the " .. RULES.fine .. ". It's the second time this month I'm treated like a cheat.",
          venting   = "It's not the MONEY! It's being treated like a cheat!",
          threatening = "Treat me like a cheat one more time and see what happens.",
        })
        if s.band == "threatening" then
          return "[She leans over the counter, finger jabbing toward your face.] " .. heard .. " " .. tail
        end
        return heard .. " " .. tail
      end,
      choices = {
        { "The officer can only go by what the handheld shows.",
          tags = { "argue" }, go = function(s) return accused(s) end, targets = ACCUSED,
          coach = "Defending the system when she's talking about being treated like a cheat answers the wrong question." },
        { "If you'd like, you can speak to my supervisor.",
          tags = { "buck_pass" }, go = "supervisor",
          coach = "Offering the supervisor when nothing has been tried at this counter passes her on without a reason." },
        { "I hear you, and I understand it's a pain, but I don't make the rules. Every ticket goes through the same form, whoever brings it in, and that's what keeps it fair for everybody in this line.",
          tags = { "policy_wall" }, go = function(s) return vent(s) end, targets = VENT,
          coach = "The second wall in a row. 'I don't make the rules' is the fastest sentence here and the one that costs most." },
        { "I jumped ahead. Being taken for a cheat is the real problem. What happened?",
          tags = { "label", "listen" }, go = "story",
          when = function(s) return (s.visits.story or 0) == 0 end,
          coach = "Owning the jump and naming the unfairness repairs the start; then let her tell it." },
        { "I jumped ahead. You did it right, and you're being taken for a cheat.",
          tags = { "label", "listen" }, go = "named",
          when = function(s) return (s.visits.story or 0) > 0 end,
          coach = "She has already told you the story; owning the jump and naming the unfairness picks up where you went wrong, without making her tell it twice." },
      },
    },

    defended = {
      says = {
        settled   = "Sorry, are you saying this is my fault? I paid. I have proof right here.",
        uneasy    = "So now it's my fault? I'm standing here with proof.",
        defensive = "So now it's my fault? I'm standing here with proof and you're taking his side.",
        venting   = "Oh, so I'm the liar now? Unbelievable. You're all on the same side.",
        threatening = "[She plants both hands on the counter and leans across, inches from you.] Call me a liar one more time. Go on. I know what time this office closes.",
      },
      choices = {
        { "There's no need to raise your voice.",
          tags = { "calm_down" }, go = function(s) return vent(s) end, targets = VENT,
          coach = "Tone-policing someone who feels accused reliably makes her louder, especially in front of a queue." },
        -- The repair picks up where things stand, in three wordings (one is shown): before she has told
        -- the story, a question that gives her the floor; once she has told it, what she said, back to her;
        -- once the record is on the screen, what it shows, and on to what she can do about it.
        { "No. I don't think you tried to dodge anything. What did the app show you?",
          tags = { "apologize", "listen" }, go = "story",
          when = function(s) return (s.visits.record or 0) == 0 and (s.visits.story or 0) == 0 end,
          coach = "A quick, plain repair: take back the implication without grovelling, then give her the floor." },
        { "No. I don't think you tried to dodge anything. You paid, it said active, and you got a ticket anyway.",
          tags = { "apologize", "paraphrase" }, go = "named",
          when = function(s) return (s.visits.record or 0) == 0 and (s.visits.story or 0) > 0 end,
          coach = "A quick, plain repair: take back the implication without grovelling, and give her own account back to her." },
        { "No. I don't think you tried to dodge anything. The charge is on your card from 8:51; that's what the appeal is for.",
          tags = { "apologize", "redirect" }, go = "choose",
          when = function(s) return (s.visits.record or 0) > 0 end,
          coach = "A quick, plain repair: take back the implication without grovelling, then straight on to what she can do about it." },
        { "I'm not taking sides, I'm telling you how it works. The officer writes what the handheld shows, the hearing officer weighs both records, and I sit in the middle. That's all I meant.",
          tags = { "argue" }, go = function(s) return vent(s) end, targets = VENT,
          coach = "Arguing about whether you argued keeps the power struggle going." },
        { "Oh no, I'm so sorry, my mistake, I didn't mean it like that at all. I'm new here and I really shouldn't have said it. Sorry.",
          tags = { "apologize", "hollow" }, grade = "poor", go = "supervisor",
          coach = "The right admission, lost in apologies and 'I'm new': with the queue watching, it tells her nobody at this window can help, so she asks for someone who can." },
      },
    },

    wont_pay = {
      says = {
        uneasy    = "A process. Great. You know what? I'm just not going to pay it.",
        defensive = "A process. Of course. You know what, I'm just not paying it. Let them come after me.",
        venting   = "A PROCESS? Forget it. I'm not paying it!",
      },
      choices = {
        { "Your call. Just know that after " .. RULES.appeal_days .. " days there's a " .. RULES.late_fee ..
          " late fee, then " .. RULES.registry_step .. ". An appeal is free and stops that clock.",
          tags = { "inform", "options" }, go = "why",
          coach = "Stating the real consequences calmly, and the free way to avoid them, is information, not a threat; it keeps the choice hers." },
        { "Please don't do that. Just pay it and be done; it's not worth your time.",
          tags = { "minimize" }, go = "paid_it",
          coach = "A tired, friendly shortcut that costs her the appeal she has good grounds for." },
        { "Well, that's up to you. [Look past her to the queue.]",
          tags = { "sarcasm", "ignore" }, go = "stormed_off",
          coach = "Flat words and a glance at the next person tell her she's been dismissed." },
        { "I'd think hard about that. If you don't pay, the late fee goes on, it goes to collections, the Registry flags the car, and you won't renew your registration until it's cleared. Your choice, but that's what happens.",
          tags = { "threaten_early" }, go = function(s) return vent(s) end, targets = VENT,
          coach = "The same facts delivered as a warning shot; she hears a threat and digs in." },
      },
    },

    venting = {
      note = "The queue is the audience. Removing it, or simply not adding fuel, is what works here.",
      says = {
        settled   = "Honestly? It feels like a revenue grab. [She glances at the queue.] I can't be the only one this has happened to.",
        uneasy    = "It's a revenue grab. It is. [She glances back at the queue.] I bet half this line has had the same thing.",
        defensive = "This is a revenue grab and everyone in this line knows it.",
        venting   = "This is a revenue grab and everyone in this line knows it! [She turns to the queue.] Anyone else get a ticket with the app running? Anyone?",
        threatening = "[She slaps the counter.] A revenue grab! You people take my money twice and then lecture me?",
      },
      choices = {
        { "[Say nothing. Keep your face neutral, and let her finish.]",
          tags = { "pause", "listen" }, go = "after_vent",
          coach = "Silence and attention let some of the energy burn off, but she is still playing to the queue; with an audience, giving her a way off the stage works faster." },
        { "Nobody's grabbing anything. The fines go to the general fund like every other fee.",
          tags = { "argue" }, go = "stormed_off",
          coach = "Rebutting the slogan while she's venting; she can't take in facts right now, and it sounds like a defence of the system." },
        { "Let's step down to the end of the counter. I'll get my colleague to open the other window for these folks, and you and I can go through it properly.",
          tags = { "private" }, go = "after_vent",
          -- Off the stage: the queue was most of the heat, so the move brings her down further than
          -- the tag alone would, and (declared as a story event) far enough to stay and talk even after
          -- two walls in a row (1,3): about 20 points at her trust.
          event = "news", effect = { agitation = -24 },
          coach = "Taking away the audience takes away the need to save face; she can come down without losing it in public. With a queue watching, this is the move." },
        { "Ma'am, I need you to lower your voice. There are people waiting.",
          tags = { "calm_down" }, go = "supervisor",
          coach = "Pointing at the queue makes her performance about them, and 'lower your voice' is fuel." },
      },
    },

    after_vent = {
      says = {
        settled   = "...Sorry about that. I'm not usually like this. It's the second one this month, and I really did do it right this time.",
        uneasy    = "...Sorry. I'm not usually like this. It's the second one this month, and I did it right this time.",
        defensive = "...Fine. But I did it right this time. This is the second one this month.",
        venting   = "And another thing! It's the SECOND one this month! The second! And I did it right this time!",
        threatening = "[She leans over the counter, pointing at you.] Don't just stand there staring at me. Second ticket this month, and I did it right. Somebody is going to pay for this.",
        recovery  = "...Sorry. I'm not usually like this. It's the second one this month, and I did it right this time.",
      },
      choices = {
        { "Let's use the time you've got: the appeal form is right here, it's one page, the ticket number goes at the top and your reason in the box, and it goes to the hearing officer within " .. RULES.appeal_days .. " days.",
          tags = { "inform" }, go = "why",
          coach = "Not wrong, but skipping past what she just said leaves her unheard, and the paperwork may stall." },
        { "Don't worry about it. You did it right and got ticketed anyway, for the second time this month. Anyone would be angry.",
          tags = { "paraphrase", "label" }, go = "named",
          when = function(s) return s.recovery or s.band == "settled" or s.band == "uneasy" end,   -- she has just said sorry
          coach = "In the recovery window, one warm line and her own facts back to her rebuild things fast; no lecture about the outburst." },
        { "You did it right and got ticketed anyway, for the second time this month. Anyone would be angry.",
          tags = { "paraphrase", "label" }, go = "named",
          when = function(s) return not (s.recovery or s.band == "settled" or s.band == "uneasy") end,
          coach = "One line that gives her own facts back and takes her side on what matters: it lets her come down without a lecture about the outburst." },
        { "Happens. Everybody gets worked up about parking.",
          tags = { "minimize" }, go = "stormed_off",   -- after the outburst, being filed under 'worked up' ends it
          coach = "Meant to let her off the hook, but it files her real complaint under 'people being silly about parking'." },
      },
    },

    supervisor = {
      says = {
        settled   = "It's nothing against you, but I'd like to speak to your supervisor, please.",
        uneasy    = "I'd like to talk to your supervisor, please.",
        defensive = "Get me your supervisor. Someone who can actually do something.",
        venting   = "Get me your supervisor. Now.",
        threatening = "[She leans across the counter, close enough to touch.] Get your supervisor out here. Now. Before I come round this counter and find her myself.",
      },
      choices = {
        { "Of course. [Take her name, call " .. RULES.supervisor .. " over and brief her in front of the resident:] Ms. Natarajan paid on the app, got ticketed inside her session, and wants it voided today.",
          tags = { "handoff" }, go = "supervisor_routed",
          coach = "She asked, and there's a real reason now; a warm handoff with the story passed on means she doesn't start again." },
        { "She's at lunch, I'm afraid. If you want to complain, call the Treasurer's office, or use the form on the town website.",
          tags = { "buck_pass" }, go = "stormed_off",
          coach = "A cold redirect to a phone line after fifteen minutes in line all but guarantees the complaint." },
        { "She'll just tell you the same thing I did.",
          tags = { "policy_wall" }, go = "stormed_off",
          coach = "Probably true, and it shuts the last door she can see." },
      },
    },

    over_counter = {
      tripwire = true,
      note = "Safety beat: reached only after sustained threatening behaviour. Stepping away is the right answer.",
      says = {
        venting     = "[She leans across the counter, hand raised, close to your face.] You think this is funny? Do you?",
        threatening = "[She leans across the counter, hand raised, close to your face.] You think this is funny? Do you?",
      },
      choices = {
        { "[Lean in.] Take your hand down. Now.",
          tags = { "invade_space", "calm_down" }, go = "counter_incident",
          coach = "Meeting a lean with a lean closes the distance and turns it into a contest." },
        { "[Move back from the counter, well out of her reach, and give your colleague the code word.] We're stopping here, ma'am.",
          tags = { "disengage" }, go = "stepped_back",
          coach = "When someone reaches across the counter, the conversation is over: distance and help first, no more persuading." },
        { "[Step back half a pace, but keep your hand on the form.] Ma'am, I'll happily finish the appeal with you once you take your hand down. Let's just get it done, okay?",
          tags = { "redirect" }, go = "counter_incident",
          coach = "Carrying on with the paperwork keeps you within reach of someone who has stopped talking and started moving." },
      },
    },
  },

  endings = {
    appeal_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Thank you. Honestly. I came in ready for a fight.",
      debrief = "Priya left with the appeal filed, her evidence attached and a receipt. She still can't say how the hearing officer will rule, " ..
                "but she felt treated as honest, which was what she came for. The hearing officer checked the log against her card statement and dismissed the ticket a few weeks later.",
    },
    appeal_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. " .. RULES.decision_days .. " days. At least it's in.",
      debrief = "Priya filed the appeal with her evidence attached. She still thinks the ticket should have been voided on the spot, " ..
                "but she knows who decides, by when, and what not to do meanwhile; that is a full pass for an enforcement conversation.",
    },
    took_form = {
      outcome = "routed",
      task    = true,
      follow_on = { "repeat_contact" },
      says    = "Fine. I'll do it at home.",
      debrief = "Priya took the form and filed it a week later, after hunting for the screenshot again. The route was right, " ..
                "but the evidence she had in her hand could have been attached in five minutes at the counter.",
    },
    supervisor_routed = {
      outcome = "routed",
      task    = true,                  -- the appeal still gets filed, with the supervisor
      says    = "Okay. Thank you for telling her. I didn't want to go through it all again.",
      debrief = "The supervisor heard the brief, confirmed the appeal route and helped Priya file it. " ..
                "Her time was the follow-on cost, and the warm handoff meant Priya didn't have to start over.",
    },
    promise_broken = {
      outcome = "unresolved",
      says    = "Good. Because you said it's a sure thing.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "It was no formality: with a failed charge in the app log, the hearing officer asked for her card statement and called her to a hearing. " ..
                "Priya came back with 'your clerk told me it was a sure thing' and filed a complaint, though the ticket was dismissed in the end. " ..
                "A promise you can't keep only postpones the hard conversation and makes it worse.",
    },
    paid_it = {
      outcome = "unresolved",
      says    = "Fine. Here. [She pays.] " .. RULES.fine .. " to make it go away.",
      -- complaint: her letter to the selectboard; repeat_contact: her call asking for the money back;
      -- supervisor: Ms. Okafor deciding whether a paid ticket can be reopened, since a clerk told her to pay
      follow_on = { "complaint", "repeat_contact", "supervisor" },
      debrief = "Priya paid, which closed her right to contest a ticket she had good grounds to fight. When she found out, she wrote to the " ..
                "selectboard about both the app and the counter, and called to ask for her money back; the supervisor had to decide whether " ..
                "a ticket paid on a clerk's advice could be reopened. The fastest answer was the expensive one.",
    },
    stormed_off = {
      outcome = "escalated",
      -- complaint: her email to the selectboard; supervisor: Ms. Okafor's call to her before the reply goes out;
      -- repeat_contact: the appeal explained to her again when she comes back to file it
      follow_on = { "complaint", "supervisor", "repeat_contact" },
      says    = {
        uneasy    = "I don't have time for this. I have to get my son. I'll take it up with the selectboard.",
        defensive = "Forget it. I'll take this to the selectboard.",
        venting   = "Forget it! You'll be hearing from the selectboard!",
      },
      debrief = "Priya left without filing anything. She emailed the selectboard and the Treasurer that afternoon; a staff member had to pull " ..
                "the ticket and the app log to answer it, and the supervisor called her before the reply went out. The appeal still had to " ..
                "be explained to her later, by someone else.",
    },
    stepped_back = {
      outcome = "safety_exit",
      says    = "[She pulls back, looks at the queue, and leaves.]",
      -- supervisor: she comes to the code word and takes over; police: the report to the non-emergency
      -- line and the incident write-up; repeat_contact: the appeal is still to be filed, at her next visit
      follow_on = { "supervisor", "police", "repeat_contact" },
      debrief = "You stepped out of reach and got your supervisor, which ended the contact safely. " .. RULES.supervisor .. " reported it to the police " ..
                "non-emergency line, the incident was written up with Priya's words and the time, and the office agreed that her next visit, " ..
                "to file the appeal, would be handled by the supervisor.",
    },
    counter_incident = {
      outcome = "escalated",
      says    = "[She slams the counter. Someone in the queue calls for security.]",
      -- police: the call and a statement; supervisor: she comes out to security and the queue;
      -- repeat_contact: the appeal is still to be filed, at her next visit;
      -- complaint: her letter about the clerk who leaned in on her in front of the queue
      follow_on = { "police", "supervisor", "repeat_contact", "complaint" },
      debrief = "Staying within reach after she leaned across the counter left you exposed, and security and the police were called. " ..
                "Once someone crosses the counter, the right move is distance and help, not finishing the task.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: listen, reflect, explain, file the appeal together",
      choices = { 3, 1, 4, 2, 4, 1, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 90, max_ratio = 2.0 } },
    { name = "a rule first, then a defence, then a brush-off: the fastest visit, and most of its cost comes after she leaves",
      choices = { 1, 3, 2 },
      expect = { outcome = "escalated", passed = false, max_score = 20, max_ratio_interaction = 0.75, min_ratio = 2.0 } },
    { name = "'just pay it' ends the visit fast and is not the cheap road: a refund call, a letter to the selectboard, the supervisor's decision",
      choices = { 3, 1, 4, 2, 2 },
      expect = { ending = "paid_it", passed = false, min_ratio = 3.0 } },
    { name = "a slip reading the record, repaired at once: she picks up at her options, not back at the start",
      choices = { 3, 1, 4, 2, 4, 3, 2, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, max_ratio = 2.0 } },
    { name = "a typical novice: the task too early, then recovery",
      choices = { 4, 3, 4, 2, 2, 4, 1, 2 },
      expect = { outcome = "routed", min_score = 50, max_score = 80, min_ratio = 2.5, max_ratio = 3.5 } },
    { name = "two walls in a row, then taken aside from the queue: she stays, and the appeal is filed",
      choices = { 1, 3, 3, 2, 2, 4, 1, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "two walls in a row, then silence with the queue still watching: she leaves", choices = { 1, 3, 1 },
      expect = { ending = "stormed_off", passed = false } },
    { name = "silence when she asks straight out: she asks for the supervisor", choices = { 3, 1, 4, 4, 1 },
      expect = { ending = "supervisor_routed", max_score = 90 } },
    { name = "grovelling after the defence: she asks for the supervisor, and the visit doesn't pass", choices = { 3, 4, 4, 1 },
      expect = { ending = "supervisor_routed", passed = false } },
    { name = "the calmest path costs under twice a calm visit", path = "calmest", expect = { max_ratio = 2.0 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm visits, follow-on included", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
