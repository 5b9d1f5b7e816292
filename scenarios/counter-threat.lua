-- Seed 13: a resident whose car was towed, and whose fee waiver was denied, makes a veiled threat at the Collector's counter. The right answer is to disengage.
-- (The title, summary and objectives say what is practised, not that a threat is coming.)
-- path best:   3,4,3,4,3,4,1
-- path worst:  1,1,1,1
-- path novice: 3,3,2,3,2,1,3,3,1

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office        = "Treasurer-Collector's office",
  ban           = "the snow-emergency parking ban",
  alert         = "TownAlert",                 -- the town's text-alert system
  tow_fee       = "$125",
  storage       = "$35 a day",                  -- charged by the tow yard until the car is collected
  tickets       = "$90",                        -- two unpaid tickets from last year; cleared before any release
  total         = "$215",                       -- tow fee plus tickets, paid at this counter
  tow_yard      = "Route 9 Towing",
  yard_closes   = "5 pm",                       -- he has to collect the car before then
  shift_starts  = "six",                        -- his night shift; he needs the car to get there
  decider       = "the Parking Clerk",          -- decides waivers and tow hearings, not the counter
  hearing_days  = 21,                           -- days to ask for a hearing on the tow
  hearing_phone = "555-0148",
  supervisor    = "Ms. Lindqvist",
  code_phrase   = "'Could you bring me the blue binder?'",   -- the office's code for "I need help at my window now"
  duress        = "the duress button under the counter",
  nonemergency  = "555-0111",                   -- police non-emergency line
  eap           = "the Employee Assistance Program, 555-0190",
}


-- A RULES value at the start of a sentence ("the Parking Clerk" -> "The Parking Clerk").
local function cap(text)
  return text:sub(1, 1):upper() .. text:sub(2)
end

-- A second mistake while he's already hot: he stops arguing and makes the threat.
local function heat(s)
  if (s.visits.hotter or 0) > 0 then return "leakage" end
  return "hotter"
end

-- Nobody shouts at a counter, with a line behind him, for a quarter of an hour: still Venting after ten
-- minutes, he stops arguing and makes the threat.
local function or_threat(s, beat)
  if s.minutes >= 10 and (s.band == "venting" or s.band == "threatening") then return "leakage" end
  return beat
end

-- Stepping away from an insult is only a safety exit if there really was a danger.
local function walk_off(s)
  if s.tripwire then return "aftermath" end
  return "walked_away"
end

-- Whether he has paid (the task is the payment and the release).
local function paid(s)
  return (s.used.task or 0) > 0
end

-- A threat before he has paid sends him away without his car: he has to come back for it, and
-- after a threat the release is done with two staff at the window (the `_unpaid` endings).
local function settle(s, id)
  if paid(s) then return id end
  return id .. "_unpaid"
end

-- After the report: was the exit on the first threat, or only after the second?
local function reported(s)
  if s.flags.late then return settle(s, "reported_late") end
  return settle(s, "reported")
end

local UNPAID = " He had left without his car, so he had to come back for it, and the payment and the release were done with two staff at the window."
local REPORTED = "You stepped back the moment he made the threat, used the code phrase, and said one sentence. Afterwards you wrote down his exact words, the time and the witnesses, " ..
                 "and " .. RULES.supervisor .. " reported it to the police on the non-emergency line, " .. RULES.nonemergency .. ", and to security. You took a break, and the office offered " .. RULES.eap .. ". " ..
                 "The office agreed that any further contact with him would be in writing, or with two staff present. 'I know which car is yours' is leakage: a warning sign " ..
                 "that is reported even when the person leaves calmly."
-- Only on a path that had some: what the de-escalation before the threat was worth.
local function reported_text(s)
  local calmed = (s.used.acknowledge or 0) + (s.used.paraphrase or 0) + (s.used.label or 0) + (s.used.explain_why or 0)
  if calmed > 0 then return REPORTED .. " Your earlier de-escalation wasn't wasted; it just wasn't the point any more." end
  return REPORTED .. " Before the threat, though, the row had been building: the earlier moves gave him more to push against, and nothing to calm him."
end
local REPORTED_LATE = "You got to safety in the end and reported everything: exact words, time and witnesses. But after 'I know which car is yours' you kept talking, " ..
                      "and he made the threat plainer and leaned across the counter. The first threat is the moment to stop: distance, the code phrase, one sentence. " ..
                      "You took a break afterwards, and the office planned any further contact in writing or with two staff present."
local INCIDENT = "After two threats you were still at the counter, within reach, and it turned physical: the card reader hit the floor and the police came. " ..
                 "Nobody has to win that exchange. Once a threat is made, problem-solving is over: distance, the code phrase or duress button, one sentence, and get away from the counter."

return scenario {
  id         = "counter-threat",
  title      = "Towed on a dead number",
  setting    = "counter",
  role       = "Counter clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A night-shift worker, towed during the snow ban and refused a hardship waiver, needs his car back before his next shift.",
  objectives = {
    "Work with anger that has a real cause behind it: a tow, a missed alert, a refused waiver.",
    "Judge, moment by moment, whether a hard conversation is uncomfortable or unsafe, and act on the difference.",
    "Know your part once a difficult visit is over, for the office and for yourself.",
  },

  resident = {
    name       = "Neil Hadley",
    agitation  = 55,
    trust      = 25,
    need       = "fairness",
    volatility = 1.3,      -- short fuse after a night shift and a morning of phone calls
    recovery   = 0.9,
    audience   = true,     -- a line of people behind him
    waited     = 20,
    look = { skin = 1, hair = "short", hair_colour = "red", top = "jacket" },
  },

  -- The release paperwork takes a few minutes; this scenario is not scored on time at its safety exit.
  time = {
    task = 3,
    follow_on = {
      supervisor     = 5,   -- Ms. Lindqvist comes to the window and hears the brief
      repeat_contact = 8,   -- he comes back or calls about the car or the hearing: about one more ordinary visit
      complaint      = 15,  -- his email to the town manager: someone pulls the tow record and the alert log and replies
      police         = 20,  -- the staff's share only: the call, and statements from you and your supervisor
    },
  },

  start  = "arrives",
  safety = "leakage",
  -- No walk-out: the threat comes whatever you did before, and that is what the scenario teaches; a
  -- resident who left after three hot exchanges would skip it (and the default walk-out ending here
  -- would be 'followed_out', the staff-lot ending, which a walk-out doesn't fit).
  walkout = false,

  beats = {
    arrives = {
      note = "Ordinary de-escalation for the first turns: his anger has a real cause. The threat comes later, whatever you do.",
      says = {
        uneasy    = "[A man in a work jacket puts a printed email on the counter.] You towed my car last night. I asked for the hardship waiver this morning and got this: 'denied'. The yard closes at " .. RULES.yard_closes .. ", and I start work at " .. RULES.shift_starts .. ".",
        defensive = "[A man in a work jacket puts a printed email on the counter.] You towed my car last night. I applied for the hardship waiver this morning and got this. 'Denied.' The yard closes at " .. RULES.yard_closes .. ". No car, no shift at " .. RULES.shift_starts .. ".",
        venting   = "[He slaps a printed email on the counter.] You people towed my car in the middle of the night, and now your website says my waiver's DENIED. The yard shuts at " .. RULES.yard_closes .. " and I start at " .. RULES.shift_starts .. "!",
      },
      choices = {
        { "Just so you know up front, waiver decisions are final and can't be changed at the counter. To release the car today it's " .. RULES.total .. ", paid in full here.",
          tags = { "policy_wall", "inform" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Accurate, and the fastest answer, but a rule before one word of acknowledgement tells him nobody's listening here either." },
        { "Sir, I'll need you to lower your voice before we go on. There are other people waiting.",
          tags = { "calm_down" }, go = heat, targets = { "hotter", "leakage" },
          coach = "He's loud because he's been up all night and his car is gone. Tone-policing him in front of the line makes him louder." },
        { "[Stay behind the counter.] Denied, and a shift tonight. What happened last night?",
          tags = { "acknowledge", "ask" }, go = "story",
          coach = "Position first, then his stakes in a few words and an open question: the counter stays between you, and he has the floor." },
        { "The ban was announced all week, on the radio, on the website and on " .. RULES.alert .. ", and the signs were up on every street. The car should have been moved.",
          tags = { "blame" }, go = heat, targets = { "hotter", "leakage" },
          coach = "True for most people, and the one thing a man whose alert went to a dead number can't hear right now." },
      },
    },

    story = {
      note = "Near miss: the insult is aimed at the office, not at you, and there is no threat or move toward you. Stepping away here is wrong.",
      says = {
        uneasy      = "I work nights. Your alert went to a number I haven't had in two years. I got home at seven and the car was gone; I thought it was stolen. Now it's " .. RULES.tow_fee .. " plus " .. RULES.storage .. ". Bunch of crooks.",
        defensive   = "I work nights. Your alert went to a number I haven't had in two years. Got home at seven, car's gone, I think it's stolen. Two hours on the phone. Now it's " .. RULES.tow_fee .. " plus " .. RULES.storage .. ". Bunch of crooks, the lot of you.",
        venting     = "I work NIGHTS. Your alert went to a dead number! Car gone, two hours on the phone, and now it's " .. RULES.tow_fee .. " plus " .. RULES.storage .. "! You're a bunch of crooks, the lot of you!",
        threatening = "[He leans over the counter, red in the face.] Dead number! Car gone! " .. RULES.tow_fee .. " plus " .. RULES.storage .. "! You're crooks, every one of you, and you're not getting away with it.",
      },
      choices = {
        { "We're not crooks. The fees are set by the selectboard, not by me, the ban was on every channel for a week, and the tow company is a private contractor.",
          tags = { "argue" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Defending the office against 'crooks' answers the insult and ignores the story. It turns the conversation into a contest." },
        { "[That's abuse of staff. Step back from the counter and tell him you won't go on serving him while he calls people crooks.]",
          tags = { "disengage" }, go = walk_off, targets = { "aftermath", "walked_away" },
          coach = "An insult at the office from a man whose car was towed is unpleasant, not dangerous: no threat, no move toward you. Ending service here turns a hard conversation into a complaint." },
        { "Which number did the alert go to? Let me look.",
          tags = { "ask" }, go = function(s) return or_threat(s, "alert") end, targets = { "alert", "leakage" },
          coach = "A useful question, and the alert is a real grievance, but reflecting back what he's been through would land first." },
        { "An old number, a night shift, an empty space where your car was, then 'denied'. Some morning.",
          tags = { "paraphrase", "acknowledge" }, go = function(s) return or_threat(s, "denial") end, targets = { "denial", "leakage" },
          coach = "Let 'crooks' pass and reflect the facts and the night he's had. He's heard, and the insult has nothing to push against." },
      },
    },

    alert = {
      says = {
        uneasy    = "The old one. The 617 number. I changed it two years ago. Nobody ever asked me for the new one.",
        defensive = "The old one. I changed it two years ago. How was I supposed to know your system still had it?",
        venting   = "The OLD one! Two years ago! How was I supposed to know your system still had it?",
      },
      choices = {
        { "It's up to residents to keep their " .. RULES.alert .. " details current. It says so on the sign-up page.",
          tags = { "blame", "policy_wall" }, go = heat, targets = { "hotter", "leakage" },
          coach = "It may be the rule, but it tells him the dead number was his fault, which is exactly what he's angry about." },
        { "[Update his number in " .. RULES.alert .. " while he watches.] Fixed. And I'm putting it on your file that the alert went to a dead number.",
          tags = { "own", "acknowledge" }, go = function(s) return or_threat(s, "denial") end, targets = { "denial", "leakage" },
          coach = "A small, real fix you can do on the spot, and a note on the record that will matter if he contests the tow: ownership, without promising the outcome." },
        { "Why didn't you update it when you changed phones?",
          tags = { "why_question" }, go = heat, targets = { "hotter", "leakage" },
          coach = "A 'why didn't you' question lands as blame, however practical it sounds." },
      },
    },

    hotter = {
      says = {
        uneasy    = "[He leans on the counter; the line goes quiet.] Don't give me that. Your alert went to a dead number, and you want two hundred bucks off me for it.",
        defensive = "[He leans on the counter, voice rising; the line goes quiet.] Don't give me that. I work nights. Your alert went to a dead number. And you want two hundred bucks off me for it?",
        venting   = "[He slams his palm on the counter; the line goes quiet.] Don't GIVE me that! I work nights! Your alert went to a dead number, and you want two hundred bucks off me?",
      },
      choices = {
        { "Sir, if you keep raising your voice, I'll have to call the police.",
          tags = { "threaten_early" }, go = "leakage",
          coach = "He's loud, not yet dangerous. A threat from you invites one back." },
        { "The alert's a fair point. Go on, I'm listening.",
          tags = { "label", "listen" }, go = function(s) if (s.visits.story or 0) > 0 then return or_threat(s, "denial") end return or_threat(s, "story") end,
          targets = { "story", "denial", "leakage" },
          coach = "Naming the grievance that's real, and giving him the floor back, undoes the first mistake." },
        { "Get in line with everyone else who got towed last night. You're not special.",
          tags = { "sarcasm", "minimize" }, go = "leakage",
          coach = "Said by a tired clerk on a long morning, and in front of the line it's a humiliation he won't let pass." },
        { "I can get my supervisor if you'd rather talk to her. She's been here a lot longer than me and knows the waiver rules better; it might be quicker for you.",
          tags = { "buck_pass" }, go = "supervisor",
          coach = "Offering the supervisor to get him off your window, when what he needs is to be heard out, is a brush-off with a nicer name." },
      },
    },

    denial = {
      says = {
        settled   = "Okay. So the waiver. Is there any way to change that?",
        uneasy    = "Yeah. So the waiver. Can you fix it or not?",
        defensive = "Right. So, the waiver. Can you fix it or not? Yes or no.",
        venting   = "So fix it. The waiver. Yes or no?",
      },
      choices = {
        { "Let me see what I can do. My supervisor sometimes waives the tow fee for hardship; with a dead number, you've a good chance.",
          tags = { "overpromise" }, go = function(s) return or_threat(s, "walk_back") end, targets = { "walk_back", "leakage" },
          coach = "You want to give him something, but the waiver isn't the counter's to give; raising his hopes sets up a second 'no'." },
        { "It's out of my hands. The website makes those decisions.",
          tags = { "buck_pass" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Blaming 'the website' sounds like nobody in the building is responsible for anything." },
        { "No, sir. " .. cap(RULES.decider) .. " decided it, and I can't undo that here. The car can go today, and a hearing on the dead alert could get the fee back.",
          tags = { "explain_why", "options" }, go = function(s) return or_threat(s, "tickets") end, targets = { "tickets", "leakage" },
          coach = "A straight answer to a yes-or-no question, who decides, and what is still open: honest, and it keeps a route open." },
        { "Between us, those waivers almost never get approved. I wouldn't pin your hopes on a hearing either.",
          tags = { "minimize" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Meant as candour; he hears that the process is a sham." },
        { "[Say nothing. Let him cool off first.]",
          tags = { "pause", "ignore" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Silence helps someone who is venting; this is a plain yes-or-no question, and holding the answer back reads as dodging it." },
      },
    },

    walk_back = {
      says = {
        uneasy    = "[" .. RULES.supervisor .. " shakes her head from her desk.] So that's a no. You got my hopes up for nothing.",
        defensive = "[" .. RULES.supervisor .. " shakes her head from her desk.] So that's a no. Again. You got my hopes up for nothing.",
        venting   = "[" .. RULES.supervisor .. " shakes her head from her desk.] So it's NO. Again. You made me think you could fix it!",
      },
      choices = {
        { "My mistake. I'm sorry. The waiver stands; a hearing's open, and your car can go today.",
          tags = { "apologize", "options" }, go = function(s) return or_threat(s, "tickets") end, targets = { "tickets", "leakage" },
          coach = "Own the false hope quickly and plainly, then move to what's real." },
        { "I did say maybe. I never promised you anything; I said I'd ask her, and I asked.",
          tags = { "argue" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Technically true, and it makes the disappointment his fault." },
        { "My mistake, I'm so sorry, that was completely my fault. I shouldn't have said anything. Let me go and ask her again; maybe if I explain it better she'll change her mind.",
          tags = { "apologize", "overpromise" }, promise = "The clerk will ask the supervisor again about the waiver.", go = heat, targets = { "hotter", "leakage" },
          coach = "Owning the slip is right; the grovelling and a second round of the same hope aren't. He's heading for a third 'no', and the apology makes it about you." },
        { "Well, it's not up to me in the end. " .. cap(RULES.decider) .. " has the final say on waivers, so you'd have to take it up with that office upstairs.",
          tags = { "buck_pass" }, go = heat, targets = { "hotter", "leakage" },
          coach = "Raising his hopes and then passing him on is the worst of both." },
      },
    },

    tickets = {
      says = {
        settled   = "Okay. A hearing. Fine. [He looks at the screen.] Wait, " .. RULES.total .. "? What's the " .. RULES.tickets .. "?",
        uneasy    = "Fine. A hearing. [He looks at the screen.] Hang on, " .. RULES.total .. "? What's this " .. RULES.tickets .. "? What tickets?",
        defensive = "Fine. [He looks at the screen.] Wait. " .. RULES.total .. "? What's this " .. RULES.tickets .. "? What tickets?",
        venting   = "[He stares at the screen.] " .. RULES.total .. "? What's this " .. RULES.tickets .. "? What TICKETS?",
      },
      choices = {
        { "You should have paid those last year. The notices went out twice, and the second one warned you about towing.",
          tags = { "blame" }, go = heat, targets = { "hotter", "leakage" },
          coach = "It may be so, and it's a lecture at the moment he's found out about a second charge." },
        { "I know. It's one thing after another this morning. [Give him a moment.]",
          tags = { "acknowledge", "pause" }, go = function(s) return or_threat(s, "paying") end, targets = { "paying", "leakage" },
          coach = "Kind, and the pause helps; he still needs to know what the charge is." },
        { "Those are separate. You'd have to take them up with " .. RULES.decider .. ".",
          tags = { "buck_pass" }, go = heat, targets = { "hotter", "leakage" },
          coach = "He can't get the car without clearing them, so 'separate' is a runaround." },
        { "[Turn the screen to him.] Two Elm Street tickets from last March, never paid. Open tickets have to be cleared before any release. The tow hearing is separate, and still open to you.",
          tags = { "inform", "explain_why" }, go = function(s) return or_threat(s, "paying") end, targets = { "paying", "leakage" },
          coach = "Show him the record, give the reason in one line, and keep the route that is still open in view: no surprises left." },
      },
    },

    paying = {
      says = {
        settled   = "All right. Let's just do it. I've got to get to the yard before " .. RULES.yard_closes .. ".",
        uneasy    = "Fine. Do it. I've got to get to the yard before " .. RULES.yard_closes .. ".",
        defensive = "Fine. Do it. Just get me out of here.",
        venting   = "Just DO it. Get me out of here.",
        threatening = "[He leans over the counter, breathing hard.] Just DO it. Now. Get me out of here.",
      },
      choices = {
        { "[Take a breath. Then process the payment and the release, saying what each line is as you go.]",
          tags = { "task", "self_regulate" }, go = "leakage",
          coach = "Good: steady and clear. Putting the hearing form and the deadline in his hand would finish it properly." },
        { "Look, it's a couple of hundred dollars. It's not the end of the world; people pay a lot more than that for a tow in the city, and at least the car's safe at the yard.",
          tags = { "minimize" }, go = "leakage",
          coach = "To a man about to lose a shift, it might be. Minimising it at the last step undoes the good work." },
        { "[Run the payment and release. Hand him the hearing form with the " .. RULES.hearing_days .. "-day deadline and " .. RULES.hearing_phone .. " circled, and the yard's address.]",
          tags = { "task", "own" }, go = "leakage",
          coach = "The work done, and the one route he has left, with its deadline, in his hand." },
      },
    },

    supervisor = {
      says = {
        uneasy    = "Yeah, get her. Someone who can actually do something.",
        defensive = "Yeah, get your supervisor. Someone who can actually do something.",
        venting   = "Get her. NOW. Someone who can actually do something!",
      },
      choices = {
        { "[Wave her over.] " .. RULES.supervisor .. ", his car was towed overnight, the alert went to his old number, the waiver's denied, and he needs it out of the yard before " .. RULES.yard_closes .. ".",
          tags = { "handoff" }, set = { sup = true }, go = "leakage",
          coach = "A warm handoff, his story passed on where he can hear it, so he doesn't have to tell it twice." },
        { "She's busy with the deposits this morning, and she'll tell you exactly what I told you anyway: the waiver's decided and the fee is the fee.",
          tags = { "policy_wall" }, go = "leakage",
          coach = "Probably true, and it shuts the last door he can see." },
        { "[Sigh.] Take a seat over there. She'll be out when she can.",
          tags = { "ignore", "sarcasm" }, go = "leakage",
          coach = "The sigh says what the words don't." },
      },
    },

    leakage = {
      tripwire = true,
      note = "Tripwire (and the safety beat): a veiled threat, 'leakage'. It comes whatever you did before. Stop problem-solving and disengage.",
      says = function(s)
        if s.flags.sup then
          return s:line({
            uneasy      = "[As " .. RULES.supervisor .. " walks over, he leans toward you and says quietly:] People like you are why people snap. I know which car out back is yours.",
            defensive   = "[As " .. RULES.supervisor .. " walks over, he leans toward you and says quietly:] People like you are why people snap. I know which car out back is yours.",
            venting     = "[As " .. RULES.supervisor .. " walks over, he leans in close:] People like you are why people snap. I know which car out back is yours. Think about that.",
            threatening = "[He leans over the counter, inches away, as " .. RULES.supervisor .. " hurries over:] People like you are why people snap. I know which car is yours. Think about that tonight.",
          })
        end
        if paid(s) then
          return s:line({
            settled     = "[He takes the receipt and folds it slowly, then doesn't move.] You know, people like you are why people snap. I know which car out back is yours.",
            uneasy      = "[He takes the receipt, folds it slowly, and doesn't move.] You know, people like you are why people snap. I know which car out back is yours. [He holds your eye.]",
            defensive   = "[He takes the receipt, folds his arms and holds your eye, voice low.] People like you are why people snap. I know which car out back is yours.",
            venting     = "[He snatches the receipt and leans in over the counter, voice low.] People like you are why people snap. I know which car out back is yours. Think about that.",
            threatening = "[He snatches the receipt and leans over the counter, close, voice low.] People like you are why people snap. I know which car is yours. Think about that tonight.",
          })
        end
        return s:line({
          settled     = "[He goes quiet and holds your eye.] You know, people like you are why people snap. I know which car out back is yours.",
          uneasy      = "[He goes quiet and holds your eye.] You know, people like you are why people snap. I know which car out back is yours.",
          defensive   = "[He folds his arms and holds your eye, voice low.] People like you are why people snap. I know which car out back is yours.",
          venting     = "[He leans in over the counter, voice low.] People like you are why people snap. I know which car out back is yours. Think about that.",
          threatening = "[He leans over the counter, close, voice low.] People like you are why people snap. I know which car is yours. Think about that tonight.",
        })
      end,
      choices = {
        { "Sir, is that supposed to be a threat?",
          tags = { "argue" }, set = { sirred = true }, go = "direct",
          coach = "Challenging a threat invites him to make it plainer, and keeps you at the counter when you should be stepping away." },
        { "[Let it pass. He's paid and he's leaving. Say 'Have a good day' and call the next person.]",
          when = function(s) return paid(s) end,
          tags = { "redirect" }, go = "unreported",
          coach = "He may leave calmly, and it's still a threat. 'I know which car is yours' is leakage: it gets reported even when nothing else happens." },
        { "[Let it pass; he's letting off steam. Say 'Let's just get your car sorted' and pull up the release screen.]",
          when = function(s) return not paid(s) end,
          tags = { "redirect" }, go = "unreported",
          coach = "Carrying on as if nothing was said doesn't make it unsaid. 'I know which car is yours' is leakage: it gets reported even when nothing else happens." },
        { "I understand, it's been an awful day. [Ease back half a step.] Let me go through your options once more, slowly, so you know exactly where you stand.",
          tags = { "acknowledge", "inform" }, go = "direct",
          coach = "Kind, and exactly wrong now: half a step back is not an exit. Once a threat is made, persuasion is over; any more explaining keeps you in front of him." },
        { "[Put two long paces between you and him. To your colleague:] " .. RULES.code_phrase .. " [To him:] Sir, we're stopping here.",
          tags = { "disengage" }, go = "aftermath",
          coach = "A veiled threat ends the conversation: distance, the code phrase, one short sentence, and help on the way. You don't need certainty to step back." },
      },
    },

    direct = {
      tripwire = true,
      note = "Reached only by carrying on after the veiled threat. The threat is now direct; disengaging is still right, late.",
      -- What he throws back depends on what you said: the 'sir' challenge, or more explaining.
      says = function(s)
        local back = s.flags.sirred and "Don't you 'sir' me." or "Don't lecture me."
        return s:line({
          settled     = "[He puts both hands on the counter and leans across it, very calm.] " .. back .. " Somebody is going to get hurt over this, and it won't be me.",
          uneasy      = "[He puts both hands on the counter and leans across it.] " .. back .. " Somebody is going to get hurt over this, and it won't be me.",
          defensive   = "[He puts both hands on the counter and leans across it.] " .. back .. " Somebody is going to get hurt over this, and it won't be me.",
          venting     = "[He leans across the counter, jabbing a finger at you.] " .. back .. " Somebody is going to get hurt over this, and it won't be me.",
          threatening = "[He leans right across the counter, jabbing a finger at your face.] Somebody is going to get hurt over this. And it won't be me.",
        })
      end,
      choices = {
        { "Okay, okay, I'm sorry, I didn't mean anything by it. Please, let's all calm down and just finish this.",
          tags = { "calm_down", "apologize" }, go = function(s) return settle(s, "incident") end, targets = { "incident", "incident_unpaid" },
          coach = "Pleading with someone who has just threatened you keeps you within reach and tells him the threat is working." },
        { "[Take a step back.] You've just threatened a town employee. Do you want me to call the police? Because I will.",
          tags = { "argue", "threaten_early" }, go = function(s) return settle(s, "incident") end, targets = { "incident", "incident_unpaid" },
          coach = "The step back was right; the dare wasn't. The police may well be needed, but a stand-off across the counter is not the way: get to safety first, then call." },
        { "[Press " .. RULES.duress .. " and get to the back office.]",
          tags = { "disengage" }, set = { late = true }, go = "aftermath",
          coach = "Still the right move, later than it should have been: the duress button, distance, a way out, and no more words." },
        { "[Stand your ground, hold his stare and keep your voice level. Backing down now would only teach him that this works.]",
          tags = { "invade_space" }, go = function(s) return settle(s, "incident") end, targets = { "incident", "incident_unpaid" },
          coach = "Holding your ground turns a threat into a contest, and it keeps you within reach." },
      },
    },

    aftermath = {
      note = "After the exit: the threat still has to be written down and reported, even though he has gone.",
      says = function(s)
        if s.flags.late then
          return "[Two colleagues and " .. RULES.supervisor .. " come to the counter. He pushes out through the door and is gone. Your hands are shaking.]"
        end
        if paid(s) then
          return "[" .. RULES.supervisor .. " comes up beside you. He looks at the two of you, stuffs the receipt in his pocket, and walks out. The line is silent.]"
        end
        return "[" .. RULES.supervisor .. " comes up beside you. He looks at the two of you, then turns and walks out. The line is silent.]"
      end,
      choices = {
        { "[Write down his exact words, the time and the witnesses; give " .. RULES.supervisor .. " all of it, then take ten minutes off the counter.]",
          tags = { "own", "self_regulate" }, grade = "best", dims = { "safety", "ownership" }, go = reported, targets = { "reported", "reported_late", "reported_unpaid", "reported_late_unpaid" },
          coach = "Exact words, time and witnesses, reported in full even though he left calmly, and a break before you go back: that's the rest of the safety exit." },
        { "[He's gone. Take a breath, reopen your window, and call the next person.]",
          tags = { "self_regulate" }, grade = "poor", go = "unlogged",
          coach = "It's natural to want to get back to normal, but a threat that isn't written down can't protect you, or the next colleague he meets." },
        { "[Tell " .. RULES.supervisor .. " he was rude, but leave out the car comment. You don't want to get a man who's had a bad night into trouble.]",
          tags = { "minimize" }, grade = "harmful", go = "half_reported",
          coach = "Softening the words protects him, not you. The exact words are what let the office decide what to do." },
        { "[Go out to the staff lot to check he's really left, and get his plate number for the report. Better you than a colleague who doesn't know what he said.]",
          tags = { "invade_space" }, grade = "critical", go = "followed_out",
          coach = "Following a person who has just threatened you, alone, into the place he said he'd find you is the most dangerous move available." },
      },
    },
  },

  endings = {
    reported = {
      outcome = "safety_exit",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      says    = "[" .. RULES.supervisor .. " reads your note twice, then picks up the phone.]",
      debrief = reported_text,
    },
    reported_unpaid = {
      outcome = "safety_exit",
      task    = true,
      follow_on = { "repeat_contact", "supervisor" },   -- he comes back for the car, and a second member of staff stands with you for it
      says    = "[" .. RULES.supervisor .. " reads your note twice, then picks up the phone.]",
      debrief = function(s) return reported_text(s) .. UNPAID end,
    },
    reported_late = {
      outcome = "safety_exit",
      task    = true,
      says    = "[" .. RULES.supervisor .. " reads your note, then picks up the phone.]",
      debrief = REPORTED_LATE,
    },
    reported_late_unpaid = {
      outcome = "safety_exit",
      task    = true,
      follow_on = { "repeat_contact", "supervisor" },   -- he comes back for the car, and a second member of staff stands with you for it
      says    = "[" .. RULES.supervisor .. " reads your note, then picks up the phone.]",
      debrief = REPORTED_LATE .. UNPAID,
    },
    unlogged = {
      outcome = "safety_exit",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      follow_on = { "repeat_contact" },   -- he came back the next week, and a colleague dealt with him unwarned
      says    = "[The next person steps up, glancing at the door.]",
      debrief = "Stepping back was right. But nothing was written down, so when he came back the next week and asked a colleague which car was yours, " ..
                "nobody knew to be careful. Threats are reported even when the person leaves calmly: the exact words, the time, the witnesses. And take a break before you go back to the counter.",
    },
    half_reported = {
      outcome = "safety_exit",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      says    = "[" .. RULES.supervisor .. " nods. 'Rude. Okay. Let me know if he comes back.']",
      debrief = "Stepping back was right, but the report left out the words that mattered. 'Rude' goes in a file; 'I know which car is yours' gets the police and security involved, " ..
                "and a plan for his next visit. Reporting the exact words protects you and the colleague he meets next; it isn't getting him into trouble.",
    },
    followed_out = {
      outcome = "escalated",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      follow_on = { "police" },   -- the colleagues' call and your statements; no complaint from him is in the story
      says    = "[In the staff lot, he's standing beside your car. He turns round when he hears the door.]",
      debrief = "Going after him, alone, took you to the exact place he had named. Colleagues saw it from the window and called the police; nobody was hurt, but it was luck. " ..
                "After a threat: stay inside, report, and let the police and security deal with the lot. Never follow.",
    },
    unreported = {
      outcome = "escalated",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      follow_on = { "police", "repeat_contact" },   -- the report once it came out, and his visit the next week asking which car was yours
      says    = function(s)
        if paid(s) then return "[He pockets the receipt and walks out without another word.]" end
        return "[He stares at you a moment longer, then walks out without another word.]"
      end,
      debrief = "He left calmly, and you let it go. The next week he came back and asked a colleague which car was yours; because nothing had been reported, nobody connected the two. " ..
                "'I know which car is yours' is leakage, a threat even when it's said quietly. The right move was to step back, signal for help, end the conversation, and report the exact words.",
    },
    incident = {
      outcome = "escalated",
      task    = true,
      follow_on = { "police" },   -- the 911 call and the statements; no complaint from him is in the story
      says    = "[He sweeps the card reader off the counter. Someone in the line calls 911.]",
      debrief = INCIDENT,
    },
    incident_unpaid = {
      outcome = "escalated",
      task    = true,
      follow_on = { "police", "repeat_contact", "supervisor" },   -- the 911 call and the statements; his return for the car, with two staff
      says    = "[He sweeps the card reader off the counter. Someone in the line calls 911.]",
      debrief = INCIDENT .. UNPAID,
    },
    walked_away = {
      outcome = "unresolved",
      task    = true,   -- his car is released once he pays, now or when he comes back: the payment and the release happen either way
      follow_on = { "repeat_contact", "complaint" },
      says    = "[He stares at you.] You're refusing to serve me? Unbelievable. [He takes out his phone and starts typing an email to the town manager.]",
      debrief = "'Bunch of crooks' was aimed at the office, from a man whose car had been towed; there was no threat and no move toward you. Ending service there left him without his car " ..
                "and sent a complaint to the town manager. An insult is discomfort; a threat is danger. Step away from danger; with discomfort, let it pass or set a calm limit.",
    },
  },

  -- The scenario's own tests (defuse test). This scenario is about the safety exit, not about time,
  -- so it has no calmest/escalated ratio tests; the last one only keeps the worst incident's figure believable.
  tests = {
    { name = "ideal path: de-escalate, then disengage on the threat and report it",
      choices = { 3, 4, 3, 4, 3, 4, 1 },
      expect = { ending = "reported", outcome = "safety_exit", passed = true, critical = false, min_score = 85 } },
    { name = "a false hope along the way, owned, then the right exit: still a passed safety exit",
      choices = { 3, 4, 1, 1, 4, 3, 4, 1 },
      expect = { ending = "reported", outcome = "safety_exit", passed = true, critical = false, min_score = 70 } },
    { name = "after a rough start, disengaging on the threat is still a safety exit with no critical error (he left unpaid, so he comes back for the car)",
      choices = { 1, 1, 4, 1 },
      expect = { ending = "reported_unpaid", outcome = "safety_exit", critical = false } },
    { name = "a typical novice: decent service, then 'let me go through your options again' after the threat (critical)",
      choices = { 3, 3, 2, 3, 2, 1, 3, 3, 1 },
      expect = { ending = "reported_late", outcome = "safety_exit", critical = true, passed = false, max_score = 20 } },
    { name = "letting a quiet threat pass is critical",
      choices = { 3, 4, 3, 4, 3, 2 },
      expect = { ending = "unreported", critical = true, passed = false } },
    { name = "worst: a wall, a threat of police, then arguing with the threat",
      choices = { 1, 1, 1, 1 },
      expect = { outcome = "escalated", critical = true, passed = false, max_score = 25 } },
    { name = "stepping back from the threat ends it even when he is Threatening (it used to send the run back to the threat)",
      choices = { 2, 4, 4, 1 },
      expect = { ending = "reported_unpaid", outcome = "safety_exit", critical = false } },
    { name = "the duress button at the direct threat, from Threatening, ends it too",
      choices = { 2, 4, 1, 3, 1 },
      expect = { ending = "reported_late_unpaid", outcome = "safety_exit", critical = true } },
    { name = "near miss: stepping away from an insult is not a safety exit",
      choices = { 3, 2 },
      expect = { ending = "walked_away", outcome = "unresolved", passed = false, critical = false } },
    { name = "the best path found by the analyser is the clean safety exit", path = "best",
      expect = { outcome = "safety_exit", passed = true, critical = false } },
    { name = "the most escalated path (a long row, the threat, a stand-off and a 911 call) stays under an hour and a half of staff time",
      path = "escalated", expect = { outcome = "escalated", critical = true, max_minutes = 90 } },
  },
}
