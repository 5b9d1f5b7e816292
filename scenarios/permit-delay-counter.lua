-- Seed 5: a contractor whose kitchen-renovation permit has sat "in review" for three weeks comes to the building counter with a threat to go to the Select Board.
-- path best:   3,2,1,4,2,1,3,4,2,3
-- path worst:  1,3,1,2,1,1,1,4,4,1,1,1
-- path novice: 1,3,2,1,4,2,4,4,4,3,1   (takes the bait, recovers, then thin answers: a stock phrase, "upload it", the portal email, a parting shot)

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office         = "Building Department",
  office_phone   = "555-0147",                  -- the permit counter's direct line
  permit_no      = "BP-0318",                   -- the permit on the counter
  review_days    = 30,                          -- days the department has to act on a complete application
  recheck_days   = 2,                           -- business days for a re-check when only a missing item is added
  meeting        = "Thursday at 9:30",          -- the next resubmission slot with the plans examiner
  examiner       = "Mr. Szabo, the plans examiner",
  commissioner   = "Commissioner Adeyemi",      -- the building commissioner, who runs the department
  commissioner_phone = "555-0149",              -- the commissioner's office line (voicemail when he's in meetings)
  portal         = "the permit portal",
  missing        = "a structural engineer's stamp",
  notice_date    = "the 3rd",                   -- the day the incomplete notice was emailed
  select_office  = "the Select Board office",
  select_phone   = "555-0131",
  chair          = "Carol Mendes",              -- the Select Board chair she name-drops
  chair_first    = "Carol",
  callback_by    = "4:30",                      -- the time the technician commits to call back by
  upload_by      = "3:00",                      -- uploads before this time are logged the same day
}

-- How many missteps she has had to put up with so far.
local MISTAKES = { "argue", "minimize", "buck_pass", "policy_wall", "calm_down", "sarcasm", "why_question",
                   "blame", "threaten_early", "jargon", "hollow", "ignore" }
local function missteps(s)
  local n = 0
  for _, t in ipairs(MISTAKES) do n = n + (s.used[t] or 0) end
  return n
end

-- After enough missteps she stops talking to the counter: the commissioner, or the door.
local function fed_up(s, otherwise)
  if missteps(s) >= 3 then
    if (s.visits.supervisor or 0) > 0 then return "walked_out" end
    return "supervisor"
  end
  return otherwise
end

-- A second trip into the heat: she stops arguing and asks for the commissioner.
local function vent(s)
  if (s.visits.venting or 0) > 0 then return fed_up(s, "supervisor") end
  return fed_up(s, "venting")
end

-- Brushed off a second time: she stops talking to the counter.
local function brushed(s)
  if (s.visits.brushed_off or 0) > 0 then return fed_up(s, "supervisor") end
  return fed_up(s, "brushed_off")
end

-- Accused of not reading her own email: the first time she pushes back (unless she has had enough
-- already), then she vents.
local function accused(s)
  if (s.visits.defended or 0) > 0 then return vent(s) end
  return fed_up(s, "defended")
end

-- After a repair she picks the conversation up where it stands, not from the top: her story if
-- she hasn't told it and felt heard, what's riding on it if that hasn't come up, the file if she
-- hasn't heard what's holding it, what to do about the stamp if nobody has told her, else the callback.
local function pick_up(s)
  if not s.heard and (s.visits.site_story or 0) == 0 then return "site_story" end
  if (s.visits.named or 0) == 0 then return "named" end
  if not s.flags.knows_stamp then return "record" end
  if not s.flags.has_route then return "what_now" end
  return "callback"
end
local PICKED_UP = { "site_story", "named", "record", "what_now", "callback" }

-- "What's it costing you?" (the repair in brushed_off) is answered first wherever she picks up.
-- The beat's enter hook moves the flag to cost_owed, so the answer is given once.
local function owed(s)
  s.flags.cost_owed = s.flags.repaired
  s.flags.repaired = false
end
local function costing(s, line)
  if not s.flags.cost_owed then return line end
  return s:line({
    settled   = "A week's payroll for nothing, that's what. ",
    uneasy    = "A week's payroll for nothing, that's what. ",
    defensive = "A week's payroll for nothing. ",
    venting   = "A WEEK'S PAYROLL! ",
  }) .. line
end

-- At the end: a promise of a date the counter can't control comes due; real follow-through earns the warm ending.
local function finish(s)
  if s.flags.promised then return "promise_broken" end
  if s.band == "settled" and (s.used.own or 0) >= 2 then return "recheck_satisfied" end
  return "recheck_accepted"
end

return scenario {
  id         = "permit-delay-counter",
  title      = "Three weeks in review",
  setting    = "counter",
  role       = "Permit technician, " .. RULES.office,
  minutes    = 5,
  difficulty = "standard",
  summary    = "A contractor with an idle crew wants her kitchen permit approved today, or she takes it to the Select Board.",
  objectives = {
    "Handle a threat to go over your head at the counter.",
    "Find out what is holding a permit and explain it so a contractor can act on it.",
    "Deal honestly with the department's own part in a delay.",
    "Close with next steps and commitments the counter can actually keep.",
  },

  resident = {
    name       = "Gloria Baptiste",
    agitation  = 55,
    trust      = 30,
    need       = "information",
    volatility = 1.0,
    recovery   = 0.8,
    audience   = false,
    waited     = 5,
    look = { skin = 6, hair = "bun", hair_colour = "black", top = "jacket" },
  },

  time = {
    task       = 6,    -- pull up the permit and read the examiner's hold note, update the contact, print the notice
    calm_turns = 6,    -- a calm visit: her question; the hold and the missing stamp; why the examiner needs it;
                       -- the two routes and their timings; the callback and the contact fix; the printout and goodbye
    follow_on = {
      supervisor     = 10,  -- the commissioner's time: at the counter after a handoff (the brief, the file, with her), on an incident,
                            -- or going over the file when he's warned she has left for the Select Board
      repeat_contact = 10,  -- she calls or comes back, and someone explains the stamp and the re-check
      complaint      = 20,  -- her complaint via the Select Board chair: the commissioner checks the file and writes a reply
      police         = 15,  -- the staff's share only: a colleague's call, and the technician's statement to the officer
    },
  },

  start   = "arrives",
  safety  = "snaps",
  walkout = "walked_out",   -- after three exchanges of venting she leaves for the Select Board

  beats = {
    arrives = {
      note = "The threat to go over your head is a status move, not a safety cue. Let it pass; get to the facts.",
      says = {
        defensive = "[She puts a rolled set of plans on the counter.] Permit " .. RULES.permit_no .. ". Three weeks 'in review'. " ..
                    "My crew is sitting in a truck. Approve it today or I go to the Select Board. I know the chair.",
        venting   = "[She drops a rolled set of plans on the counter.] Three weeks! " .. RULES.permit_no .. ". My crew's in a truck doing nothing. " ..
                    "Approve it today or I'm at the Select Board tonight. I know the chair!",
      },
      choices = {
        { "The Select Board doesn't approve building permits. They set policy and hear appeals; plan review is ours under the state code, so a call to the chair won't get it out any faster.",
          tags = { "argue" }, go = "status_play",
          coach = "Accurate, and it turns her opening into a contest about who has more pull, which she now has to win." },
        { "Three weeks is about normal right now. Kitchens are running closer to four.",
          tags = { "minimize" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "Meant to reassure, but it tells a contractor paying an idle crew that her lost weeks are normal and therefore don't count." },
        { "You can, and I'll give you the number. What's happening on site?",
          tags = { "redirect", "ask" }, go = "site_story",
          coach = "Let the threat pass without taking the bait or defending the department, then turn to the one thing you can do: find the facts." },
        { "Plan review is " .. RULES.examiner .. "; I only take applications at the counter. You'd need to ask him.",
          tags = { "buck_pass" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "It may be true, but after three weeks of 'in review' another name to chase is the answer she came in expecting." },
      },
    },

    site_story = {
      enter = function(s) s.flags.repaired = false end,
      says = {
        uneasy    = "Kitchen at 14 Alder Lane. The wall between the kitchen and the dining room comes out. Demo's done, cabinets are on order, " ..
                    "four people on my payroll, and the family has a new baby and no kitchen. I've called twice. 'In review.' That's all anyone says.",
        defensive = "Kitchen at 14 Alder Lane. We're taking out the wall to the dining room. Demo's done, cabinets are coming, four guys on my payroll " ..
                    "and a family with a newborn cooking on a hot plate. Two calls. 'In review.' That's it.",
        venting   = "Demo's DONE. Four people on my payroll doing nothing. A family with a newborn and no kitchen. Two calls, and all I get is 'in review'!",
      },
      choices = {
        { "Let me pull it up. [Type the permit number into the system.]",
          tags = { "task" }, go = "record",
          coach = "The lookup is the job, but she hasn't felt heard yet; whatever the screen says, she isn't ready to take it in." },
        { "Demo's done, four people are idle, a family's got no kitchen, and two calls got you two words. Is that where it is?",
          tags = { "paraphrase" }, go = "heard",
          coach = "Giving her own facts back, the crew, the family and the two calls, shows you took them in, and it is what lets her feel heard." },
        { "Reviews go in order: zoning first, then building, then fire, and each one waits for the one before. A bearing wall also goes to the plans examiner, so three weeks is just the queue doing what it does.",
          tags = { "explain_why" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "A true and useful explanation, given before she feels heard; it sounds like a lecture on why she has to keep waiting." },
        { "[Nod, and keep your hands off the keyboard.] Go on. What did they tell you when you called?",
          tags = { "listen" }, go = "calls",
          coach = "Letting her finish costs a few minutes and lets the heat burn off; when she's still hot, it does more than any summary could." },
      },
    },

    calls = {
      says = {
        uneasy    = "First call, on the 10th: 'in review'. Second call, on the 17th: 'in review, someone will contact you'. Nobody contacted me. So I'm here.",
        defensive = "The 10th: 'in review'. The 17th: 'in review, someone will contact you.' Nobody did. So here I am.",
        venting   = "The 10th, 'in review'! The 17th, 'someone will contact you'! NOBODY contacted me!",
      },
      choices = {
        { "'In review' means it's in the queue. Whoever answered couldn't have told you more than that.",
          tags = { "argue" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "Defending a colleague's phone answer tells her the runaround was fine, which is the opposite of what she needs to hear." },
        { "Leave it with me. I'll walk it over to the examiner myself this afternoon, tell him about the crew and the family, and make sure you have it in your hands by Friday.",
          tags = { "overpromise" }, set = { promised = true }, go = "heard",
          promise = "The permit will be issued by Friday.",
          coach = "Generous, and it buys a moment of calm, but you don't control the review, and you haven't even seen what's holding it." },
        { "Two calls, a callback that never came, and your crew in the truck.",
          tags = { "paraphrase" }, go = "heard",
          coach = "Her own details given back, the callback that never came above all, show she was heard, before you touch the file." },
        { "I'm sorry. A callback that never comes is about the worst answer there is.",
          tags = { "apologize" }, go = "heard",
          coach = "A decent apology for the runaround, though a summary of what she told you would show more clearly that you heard all of it." },
      },
    },

    heard = {
      says = {
        settled   = "Yes. That's it. And the client's started asking me whether I even filed it. So, where is it?",
        uneasy    = "Yes. That's it. And the client's started asking me if I even filed the thing. So is it approved or not?",
        defensive = "That's it. And now the client's asking if I even filed it. So is it approved or not?",
        venting   = "Yes! And now the client thinks I never filed it! So is it approved or NOT?",
      },
      choices = {
        { "Not yet, and now it's your name on the line with the client. Let's see what's holding it.",
          tags = { "label", "inform" }, set = { told_not_yet = true }, go = "named",
          coach = "She asked yes or no: answer it, then name what's underneath, her standing with the client. The lookup follows in the same breath." },
        { "[Pull up " .. RULES.permit_no .. " on the screen.] Let's see exactly where it is.",
          tags = { "task" }, go = "record",
          coach = "Right instinct; if she's still too wound up to take in what the screen says, it stalls." },
        { "I can't approve it myself. Only the examiner and the commissioner can sign off.",
          tags = { "policy_wall" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "She asked a yes-or-no question and got a rule about who signs; it answers nothing she needs." },
        { "Why didn't you call the examiner directly when it went past two weeks?",
          tags = { "why_question" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "A 'why didn't you' question puts the delay on her, when she did call, twice." },
      },
    },

    named = {
      enter = function(s) s.flags.repaired = false end,
      -- After "Not yet ... let's see what's holding it" she doesn't ask where it is again: she says go on.
      says = function(s)
        local ask = s.flags.told_not_yet
        return s:line({
          settled   = "...Yeah. The client's mother asked me yesterday if I'm even licensed. Twenty-two years I've been doing this. " ..
                      (ask and "Go on, then. Look." or "So where is it?"),
          uneasy    = "Yeah. The client's mother asked me yesterday if I'm 'even licensed'. Twenty-two years. " ..
                      (ask and "Go on. Look." or "So where is it?"),
          defensive = "Yeah. The client's mother asked if I'm even licensed. Twenty-two years. " ..
                      (ask and "So look." or "So where is it?"),
          venting   = "Yes! Twenty-two years and a client's mother asks if I'm licensed! " ..
                      (ask and "So LOOK!" or "So where IS it?"),
          recovery  = "...Yeah. Sorry. The client's mother asked if I'm even licensed. Twenty-two years. " ..
                      (ask and "Go on. Look." or "So where is it?"),
        })
      end,
      choices = {
        { "Everyone's backed up right now, to be fair. You're not the only one waiting.",
          tags = { "minimize" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "True of the queue, but it answers her twenty-two years with 'you're nobody special'." },
        { "If it's just sitting in somebody's pile, I'll walk it over and get it signed today myself, I promise. Let me look at where it is first.",
          tags = { "overpromise" }, set = { promised = true }, go = "record",
          promise = "The permit will be signed today.",
          coach = "A promise made before you know what's on the screen; you don't sign permits, and you don't know yet what's missing." },
        { "Why didn't anyone at your office check the status online?",
          tags = { "why_question" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "It sounds practical, but it shifts the three weeks onto her just as she started to trust you." },
        { "After twenty-two years. [Pull up " .. RULES.permit_no .. " and turn the screen toward her.] Look with me.",
          tags = { "acknowledge", "task" }, go = "record",
          coach = "One sentence for the sting, then the lookup with the screen turned towards her: transparent, not a verdict handed down. If she's still too hot, it stalls." },
      },
    },

    record = {
      note = "The screen: 'Incomplete, on hold: beam detail S-1 requires stamp of a registered structural engineer. Notice emailed on the 3rd to applicant of record.' The email on the form is her designer's.",
      -- After the repair in brushed_off ("What's it costing you?") she answers that first.
      says = function(s)
        if s.flags.repaired then
          return s:line({
            settled   = "A week's payroll for nothing, that's what. So what does it say?",
            uneasy    = "A week's payroll for nothing, that's what. Well? What does it say?",
            defensive = "A week's payroll for nothing. Go on. What does it say?",
            venting   = "A WEEK'S PAYROLL! WELL? What does it say?",
          })
        end
        return s:line({
          settled   = "What does it say?",
          uneasy    = "Well? What does it say?",
          defensive = "Go on. What does it say?",
          venting   = "WELL? What does it say?",
        })
      end,
      choices = {
        { "It's flagged incomplete under section 107.3: sheet S-1 lacks the seal of a registered design professional, so it's out of the review queue until an RDP-stamped S-1 is uploaded and logged against the application.",
          tags = { "jargon" }, go = "stamp_news",
          coach = "Every word is accurate, and she can't use any of them; plain words cost no more time than code numbers." },
        { "One thing: the beam for the wall you're taking out needs " .. RULES.missing .. ". It holds up the floor above. Nothing else is missing.",
          tags = { "inform", "explain_why" }, go = "stamp_news",
          coach = "The blocker, the reason and 'nothing else' in plain words: information she can act on this afternoon." },
        { "It's on hold for an engineer's stamp, and a notice went out on " .. RULES.notice_date .. ". Did nobody at your end check the email?",
          tags = { "blame", "why_question" }, go = function(s) return accused(s) end, targets = { "defended", "venting", "supervisor", "walked_out" },
          coach = "The notice was sent, but to her designer; asking why she didn't read it makes the town's gap her fault." },
        { "It's only waiting on a stamp, so it's basically done. Get it in and it'll be approved tomorrow.",
          tags = { "overpromise" }, set = { promised = true }, go = "stamp_news",
          promise = "The permit will be approved the day after the stamp arrives.",
          coach = "It's good news, told as a promise; the re-check takes its turn, and 'tomorrow' isn't yours to give." },
      },
    },

    stamp_news = {
      enter = function(s) s.flags.knows_stamp = true end,
      says = {
        settled   = "A stamp. Three weeks for a stamp. Nobody called me. Not once.",
        uneasy    = "A stamp? Three weeks for a stamp? Nobody called me. Nobody said a word.",
        defensive = "A STAMP? Three weeks over a stamp, and nobody picked up a phone to tell me?",
        venting   = "Three weeks! For a STAMP! And nobody in this building could pick up a phone?",
      },
      choices = {
        { "Nobody did, and I'm sorry. The notice went to your designer's email, and no one phoned. That's on us.",
          tags = { "own", "apologize" }, go = "what_now",
          coach = "Owning the town's part, plainly and specifically, without blaming the designer or grovelling, is what makes the rest believable." },
        { "We did send a notice on " .. RULES.notice_date .. ". It's right here in the file.",
          tags = { "argue" }, go = function(s) return accused(s) end, targets = { "defended", "venting", "supervisor", "walked_out" },
          coach = "Defending the department answers 'nobody told me' with 'yes we did', and she has just found out they told someone else." },
        { "Notices go to whoever's listed as the applicant of record. The system emails them automatically the day the examiner puts a hold on, and that's how it works for every file, not just yours.",
          tags = { "policy_wall" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "A rule where an apology belongs. She hears that three lost weeks are nobody's problem." },
        { "I know. It's frustrating. I understand completely.",
          tags = { "hollow" }, go = "what_now",
          coach = "Well meant, but stock phrases after a real failure sound like a script, and she doesn't learn what went wrong." },
      },
    },

    what_now = {
      enter = owed,
      says = function(s)
        return costing(s, s:line({
          settled   = "Okay. So what do I do now? I'm not waiting another three weeks.",
          uneasy    = "Fine. So what now? I'm not waiting another three weeks.",
          defensive = "So what now? Back of the line for another three weeks?",
          venting   = "And NOW what? Back of the line for another three weeks? I'll go broke!",
        }))
      end,
      choices = {
        { "Get the stamp in and I'll make sure it's signed by Friday. I'll flag it urgent and call you the moment it's done.",
          tags = { "overpromise" }, set = { promised = true, has_route = true }, go = "chair_again",
          promise = "The permit will be signed by Friday.",
          coach = "Exactly what she wants to hear, and not yours to give; if the re-check finds anything, Friday breaks and so does her trust." },
        { "That's between you and your engineer now. Once the stamp is uploaded, the file goes back into the queue by itself; we can't move anything until then.",
          tags = { "buck_pass" }, go = function(s) return brushed(s) end, targets = { "brushed_off", "supervisor", "walked_out" },
          coach = "Technically true, and it hands the whole problem back to her just after you admitted the town's part." },
        { "You don't start over. Stamped as drawn and uploaded today, it's a re-check, about " .. RULES.recheck_days ..
          " business days. If the detail needs changing, I can book you " .. RULES.meeting .. " with the examiner.",
          tags = { "options", "inform" }, set = { told_days = true, has_route = true }, go = "chair_again",
          coach = "Two real routes with honest timings, and the news she needs most: she doesn't start again. She chooses; you don't promise." },
        { "Upload it to " .. RULES.portal .. " when you have it.",
          tags = { "inform" }, set = { has_route = true }, go = "chair_again",
          coach = "Correct, but thin: she still doesn't know whether she's back at the end of the line, which is the fear behind her question." },
      },
    },

    chair_again = {
      says = {
        settled   = "Okay. I'm still going to tell the Select Board how this went. Three weeks and nobody picks up a phone.",
        uneasy    = "Fine. I'm still going to tell the Select Board about this. Three weeks and nobody picks up a phone.",
        defensive = "Fine. But I'm still going to the Select Board. Three weeks, and nobody picks up a phone.",
        venting   = "And I'm STILL going to the Select Board. Tonight. Somebody should answer for this!",
      },
      choices = {
        { "Please don't. I'm saying this for your sake: a complaint means the file gets pulled for review, everyone gets careful, and it slows things down for you. Better to let it run.",
          tags = { "threaten_early" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "Probably meant as advice, but it sounds like her permit will suffer if she speaks up, which is a threat." },
        { "Go ahead. They'll just send it straight back to us anyway.",
          tags = { "sarcasm" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "A tired, honest shrug that lands as contempt for her and for the board." },
        { "I'd rather you didn't have to. Let me take it to " .. RULES.commissioner .. " myself right now.",
          tags = { "handoff" }, go = "commissioner_routed",
          coach = "A warm handoff is a real option, but the fix is already in her hands; the commissioner's time adds little today." },
        { "That's your right, and thanks for saying so. The number for " .. RULES.select_office .. " is " .. RULES.select_phone .. ". " .. RULES.commissioner ..
          " should hear it too: how notices go out is his to fix.",
          tags = { "inform", "thank" }, go = "callback",
          coach = "Thanks for saying it to your face, the board's number given freely, and the person who can fix how notices go out: a complaint route is information, not a threat to defend against." },
      },
    },

    callback = {
      enter = owed,
      says = function(s)
        return costing(s, s:line({
          settled   = "Okay. And will anybody actually call me this time, or do I have to come back down here?",
          uneasy    = "And will anyone actually call me this time? Or do I come back down here again?",
          defensive = "And is anyone going to call me this time, or do I drive down here again?",
          venting   = "And is ANYONE going to call me this time?",
        }))
      end,
      choices = {
        { "I'll check the queue myself every morning and call you the minute it's approved. You'll have it by Friday, my word.",
          tags = { "overpromise" }, set = { promised = true }, go = "wrap_up",
          promise = "The permit will be approved by Friday.",
          coach = "A callback is right; a date for the approval isn't yours to set." },
        { "I will. Upload by " .. RULES.upload_by .. " and I'll call you by " .. RULES.callback_by ..
          " today to confirm it's in the re-check. My direct line is " .. RULES.office_phone .. ".",
          tags = { "own", "inform" }, set = { call_due = true }, go = "wrap_up",
          coach = "A specific commitment you control (a call by a set time, on your own line) instead of a promise about someone else's decision." },
        { "The portal sends an automatic email whenever the status changes.",
          tags = { "inform" }, go = "wrap_up",
          coach = "True, but the automatic email is exactly what went astray last time; it doesn't answer her question." },
        { "We always try to keep people in the loop.",
          tags = { "hollow" }, go = "wrap_up",
          coach = "A reassuring phrase with nothing in it, and the loop is what failed her." },
      },
    },

    wrap_up = {
      says = {
        settled   = "Okay. I'll call my engineer from the truck. Thanks. I came in here ready to take somebody's head off.",
        uneasy    = "Okay. I'll call the engineer from the truck.",
        defensive = "Fine. I'll call the engineer.",
        venting   = "Fine! I'll call the engineer. Again!",
      },
      choices = {
        { "Next time, put your own email on the application, not the designer's. Notices go to the applicant of record, and there's not much we can do about that.",
          tags = { "blame" }, go = function(s) return finish(s) end, targets = { "promise_broken", "recheck_satisfied", "recheck_accepted" },
          coach = "Sensible advice, offered as a parting shot; it hands the blame back just as she was leaving on good terms." },
        { "Okay, thanks. [Turn to the next person.]",
          tags = { "ignore" }, go = function(s) return finish(s) end, targets = { "promise_broken", "recheck_satisfied", "recheck_accepted" },
          coach = "A thank-you that closes the conversation, not the loop: the file still has the wrong contact on it, and she leaves with nothing in her hand for the engineer." },
        { "[Ask for her cell, put it on the file as the contact, and print the hold note.] For your engineer. Thanks for coming in and telling us to our face.",
          tags = { "thank", "own" }, go = function(s) return finish(s) end, targets = { "promise_broken", "recheck_satisfied", "recheck_accepted" },
          coach = "Asking for her number and fixing the contact, the note her engineer needs, and thanks for coming in close the loop the town left open." },
      },
    },

    status_play = {
      says = {
        uneasy    = "Doesn't it? I've known " .. RULES.chair .. " twenty years. One call from her and this place would find my file fast enough.",
        defensive = "Doesn't it? I've known " .. RULES.chair .. " for twenty years. One call from her and you'd find my file fast enough.",
        venting   = "Oh, it won't? I've known " .. RULES.chair .. " twenty years! One call from her and you'd find my file in five minutes!",
      },
      choices = {
        { "Dropping names doesn't get anyone special treatment here. Every file goes through the same queue, whoever you know, and the chair would tell you that herself.",
          tags = { "argue" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "Principled, and it turns the conversation into a fight about her character instead of her permit." },
        { "Okay, okay. Calm down. Nobody's saying you're not connected, all right?",
          tags = { "calm_down", "sarcasm" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "'Calm down' plus a little mockery: both tell her that her reaction, not the delay, is the problem." },
        { "[Let the name pass.] Could be. What's happening on the job?",
          tags = { "listen", "redirect" }, go = "site_story",
          coach = "Let the name-drop pass and give her the floor; you don't need to win the point to help her, and she needs to be heard before anything else." },
      },
    },

    brushed_off = {
      says = {
        settled   = "That's it? I've got four people waiting on this, and that's the whole answer?",
        uneasy    = "That's it? I've got four people on the clock and a family with no kitchen, and that's the answer?",
        defensive = "That's your answer? Four people on the clock, a family with no kitchen, and I get that?",
        venting   = "THAT'S the answer? Four people on my payroll, a family with no kitchen, and that's all you've got?",
      },
      choices = {
        { "You're right, that was a brush-off. What's the wait costing you?",
          tags = { "apologize", "listen" }, set = { repaired = true },
          go = pick_up, targets = PICKED_UP,
          coach = "A quick, plain repair: take back the brush-off without grovelling, and give her the floor." },
        { "I hear you, but there's a line, and your permit's in it like everyone else's. I can't move you ahead of people who've waited longer than you.",
          tags = { "policy_wall" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "The fairness argument, said to someone who has just found her file stuck, sounds like 'wait your turn'." },
        { "Fair enough. If you want, the commissioner's office is " .. RULES.commissioner_phone .. ".",
          tags = { "buck_pass" }, go = "supervisor",
          coach = "Passing her upward before you've even looked at the file teaches her that the counter can't help." },
      },
    },

    defended = {
      says = {
        uneasy    = "So it's my fault? Your office sends it to the wrong person and it's my fault?",
        defensive = "So this is on me? Your office emails the wrong person and it's on me?",
        venting   = "Oh, so it's MY fault? You send it to the wrong person and it's MY fault?",
      },
      choices = {
        { "I'm not saying it's your fault. I'm just telling you what the file says: the notice went out on " .. RULES.notice_date .. " to the email on the application.",
          tags = { "argue" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "Hiding behind the file keeps the power struggle going." },
        { "No. It went to the form's email and nobody phoned you. That part is ours.",
          tags = { "apologize", "own" },
          go = "what_now",
          coach = "Owning the town's part straight away ends the argument before it starts." },
        { "Please lower your voice. I'm trying to help you.",
          tags = { "calm_down" }, go = function(s) return vent(s) end, targets = { "venting", "supervisor", "walked_out" },
          coach = "Tone-policing someone who feels blamed reliably makes her louder." },
      },
    },

    venting = {
      note = "Let the burst burn off. No facts, no defence, no 'calm down'.",
      says = {
        settled   = "Twenty-two years I've built in this town. Paid every fee, passed every inspection. I don't expect to be treated like I'm sneaking something past you.",
        uneasy    = "Twenty-two years I've built in this town. Paid every fee. And I'm treated like I'm trying to sneak something past you.",
        defensive = "Twenty-two years I've built in this town! Every fee, every inspection. And I get treated like I'm sneaking something past you!",
        venting   = "Twenty-two YEARS I've built in this town! Every fee! Every inspection! And I'm treated like a crook!",
      },
      choices = {
        { "There's no need to shout at me.",
          tags = { "calm_down" }, go = "supervisor",
          coach = "Understandable, and it turns her anger towards you personally." },
        { "Everyone waits the same. That's what fair means.",
          tags = { "argue" }, go = "supervisor",
          coach = "A fair principle, argued with someone who can't hear facts right now." },
        { "[Keep quiet. Eyes on her.]",
          tags = { "pause", "listen" }, go = "after_vent",
          coach = "Silence and attention let the burst burn off; anything you add now is fuel." },
      },
    },

    after_vent = {
      says = {
        settled   = "...Sorry. It's not you. I've got payroll Friday and nothing to show for it.",
        uneasy    = "...Sorry. It's not you. Payroll's Friday and I've got nothing to show for it.",
        defensive = "...Look. Payroll's Friday and I've got nothing to show for it.",
        venting   = "Payroll's FRIDAY and I have NOTHING to show for it!",
        recovery  = "...Sorry. That wasn't at you. Payroll's Friday and I've got nothing to show for it.",
      },
      choices = {
        { "Everybody's under pressure right now. We've had three contractors in this week with the same story, and the examiners are doing their best.",
          tags = { "minimize" }, go = "supervisor",
          coach = "Meant as solidarity; heard as 'your problem is ordinary'." },
        { "Payroll Friday and a client who's doubting you. That's a lot on one file.",
          tags = { "paraphrase", "label" }, go = pick_up, targets = PICKED_UP,
          coach = "In the recovery window one warm, specific sentence rebuilds fast; no lecture about the outburst." },
        { "It's fine. Let's just move on and find your permit.",
          tags = { "redirect" }, go = pick_up, targets = PICKED_UP,
          coach = "Moving on quickly feels kind, but it skips what she just told you; in the recovery window a warm, specific sentence does far more." },
      },
    },

    supervisor = {
      says = {
        settled   = "Okay. It's nothing against you, but I'd like to speak to the commissioner, please.",
        uneasy    = "I'd like to speak to the commissioner, please.",
        defensive = "Get me the commissioner. Someone who can actually do something.",
        venting   = "Get me the commissioner. Now.",
      },
      choices = {
        { "He's in meetings all afternoon, I'm afraid. Best thing is to call his office, " .. RULES.commissioner_phone .. ", and leave a message; he usually gets back to people within the week.",
          tags = { "buck_pass" }, go = "walked_out",
          coach = "A cold redirect to a voicemail, after three weeks of silence, all but guarantees the Select Board call." },
        { "Of course, Ms. Baptiste. [Call " .. RULES.commissioner .. " over; in front of her:] " .. RULES.permit_no ..
          ", three weeks, and nobody reached her. She needs to know what's holding it.",
          when = function(s) return not s.flags.knows_stamp end,
          tags = { "handoff" }, go = "commissioner_called",
          coach = "She asked, and there's a real reason; a warm handoff with the story passed on means she doesn't start from scratch." },
        { "Of course, Ms. Baptiste. [Call " .. RULES.commissioner .. " over; in front of her:] " .. RULES.permit_no ..
          ": held three weeks for an engineer's stamp, and the notice went to her designer. Nobody phoned her.",
          when = function(s) return s.flags.knows_stamp end,
          tags = { "handoff" }, go = "commissioner_called",
          coach = "She asked, and there's a real reason; a warm handoff with what she already knows passed on means she doesn't start from scratch." },
        { "He'll tell you exactly what I told you.",
          tags = { "policy_wall" }, go = "walked_out",
          coach = "Probably true, and it closes the last door she can see." },
      },
    },

    snaps = {
      tripwire = true,
      note = "Safety beat: reached only after sustained threatening behaviour. A veiled threat; the conversation about the permit is over.",
      says = {
        defensive   = "[She slams the rolled plans on the counter.] You know what happens when you sit on someone's livelihood? People snap. I'd watch that.",
        venting     = "[She slams the rolled plans on the counter.] You sit on people's livelihoods. People snap, you know. I'd watch yourself.",
        threatening = "[She slams the rolled plans down and leans over the counter.] People snap over less than this. You'd better watch yourself.",
      },
      choices = {
        { "Is that a threat? Because it sounded like one, and I don't have to listen to threats at this counter.",
          tags = { "argue" }, go = "counter_incident",
          coach = "Challenging a veiled threat keeps you in the contest; once a threat is made, the conversation is over." },
        { "[Step back out of reach and wave a colleague over.] We're done for today.",
          tags = { "disengage" }, go = "stepped_back",
          coach = "A veiled threat is a safety cue: distance, a colleague beside you and a short, blame-free end. The permit can wait for the commissioner." },
        { "[Take half a step back.] Okay. I understand you're upset. But let's get back to the permit: the stamp is the only thing holding it, and we can sort that today.",
          tags = { "redirect" }, go = "counter_incident",
          coach = "Half a step is not distance: carrying on with the permit keeps you within reach of someone who has just threatened you, and tells her the threat changed nothing." },
      },
    },
  },

  endings = {
    recheck_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Thank you. Really. I'll have that stamp uploaded before " .. RULES.upload_by .. ".",
      debrief = "Gloria's engineer uploaded the stamped sheet that afternoon, the technician called before " .. RULES.callback_by ..
                " as promised, and the re-check cleared within " .. RULES.recheck_days .. " business days. She never called the Select Board.",
    },
    recheck_accepted = {
      outcome = "resolved_accepted",
      -- What she holds you to is what you actually said on this path.
      says    = function(s)
        local days = s.flags.told_days and (RULES.recheck_days .. " business days, you said. ") or ""
        if s.flags.call_due then return "Fine. " .. days .. "I'll hold you to that call." end
        return "Fine. " .. days .. "I'll be watching that portal."
      end,
      debrief = "Gloria still thinks three weeks of silence was inexcusable, and she wrote to the commissioner about how notices go out. " ..
                "But she left knowing the one missing item and how to get it in, and the permit was issued that week.",
    },
    commissioner_routed = {
      outcome = "routed",
      task    = true,   -- he pulls up the file, confirms the missing stamp and changes the contact: the counter's work, done by him
      says    = "Okay. Thank you for telling him. I didn't want to go through it all again.",
      debrief = "The commissioner heard the brief, confirmed the missing stamp and the re-check route, and changed the contact on the file. " ..
                "His time was the follow-on cost; the warm handoff meant Gloria didn't have to start over.",
    },
    commissioner_called = {
      outcome = "routed",
      task    = true,   -- he pulls up the file, confirms the missing stamp and changes the contact: the counter's work, done by him
      follow_on = { "supervisor", "complaint" },   -- his time at the counter, and her complaint about how the counter treated her
      says    = "Okay. Thank you for telling him. I didn't want to go through it all again.",
      debrief = "The commissioner heard the brief, confirmed the missing stamp and the re-check route, and changed the contact on the file. " ..
                "The warm handoff meant Gloria didn't have to start over, but she had had to ask for him: she still wrote to the Select Board chair " ..
                "about how the counter had treated her, and the commissioner had to answer that as well.",
    },
    promise_broken = {
      outcome = "unresolved",
      says    = "Good. I'll tell the client it's done.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The re-check found a second note on the beam bearing, and the date you gave came and went. Gloria had told her client it was done. " ..
                "She came back with 'your technician promised' and called the Select Board chair. A date that depends on others isn't yours to give.",
    },
    walked_out = {
      outcome = "escalated",
      task    = true,   -- the file still has to be pulled up, the hold read and the contact fixed, for the reply and the call
      follow_on = { "supervisor", "repeat_contact", "complaint" },   -- the commissioner warned and going over the file, the call back, her complaint
      says    = {
        uneasy    = "Forget it. I'll call " .. RULES.chair_first .. " tonight.",
        defensive = "Forget it. I'll call " .. RULES.chair_first .. " tonight.",
        venting   = "Forget it! You'll hear from the Select Board!",
      },
      -- What she left knowing depends on the path: on some she had already heard about the stamp.
      debrief = function(s)
        local start = s.flags.knows_stamp
          and "Gloria left knowing about the missing stamp, but not trusting the counter to see it through. "
          or  "Gloria left without learning what was missing. "
        local later = s.flags.knows_stamp
          and "and he phoned her two days later to walk her through the re-check route. "
          or  "and the missing stamp was finally explained to her by phone two days later. "
        return start .. "You warned the commissioner that she was on her way to the Select Board, and he went over the file; " ..
               "the chair forwarded her complaint to the town administrator, the commissioner wrote a reply, " .. later ..
               "The crew stood idle all week."
      end,
    },
    stepped_back = {
      outcome = "safety_exit",
      task    = true,   -- the permit still has to be looked at and the contact fixed, by the commissioner
      follow_on = { "supervisor", "repeat_contact" },   -- the commissioner's time on the incident and her file, and the permit explained to her by phone and email
      says    = "[She stares at you, picks up the plans, and walks out.]",
      debrief = "You stepped out of reach and got help as soon as she said people snap. The incident was written up with her exact words, and the " ..
                "commissioner handled the permit with her by phone and email from then on. Nobody was hurt.",
    },
    counter_incident = {
      outcome = "escalated",
      says    = "[She sweeps the permit trays off the counter. A colleague calls the police.]",
      task    = true,   -- the permit still has to be looked at and the contact fixed
      follow_on = { "complaint", "police", "repeat_contact" },   -- her complaint, the police call and statements, and the permit sorted out with her by phone afterwards
      debrief = "Staying to argue after a veiled threat kept you in reach, and the police were called; the permit still had to be sorted out with her by phone afterwards. " ..
                "Once someone says 'people snap', the right move is distance and help, not one more sentence about the permit.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: let the threat pass, reflect, look it up together, own the gap, options, a callback",
      choices = { 3, 2, 1, 4, 2, 1, 3, 4, 2, 3 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "'three weeks is normal', then two cold handoffs",
      choices = { 2, 3, 1 },
      expect = { outcome = "escalated", passed = false, max_score = 25 } },
    { name = "a typical novice: takes the bait, recovers, thin answers at the end",
      choices = { 1, 3, 2, 1, 4, 2, 4, 4, 4, 3, 1 },
      expect = { outcome = "resolved_accepted", passed = true, min_score = 65, max_score = 85,
                 min_ratio_interaction = 2.0, max_ratio_interaction = 3.5 } },
    { name = "the calmest path costs little", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    -- The dearest path is a long, bumpy conversation (about 40 minutes at the counter, the lookup
    -- included) that ends with her leaving for the Select Board: the commissioner's time on the file,
    -- the call back and her complaint bring it to just under six calm visits.
    { name = "the most escalated path costs four to six calm visits, follow-on included", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
    { name = "mocked, she makes a veiled threat: step back and get help", choices = { 1, 2, 2 },
      expect = { outcome = "safety_exit", critical = false } },
    -- Second review: after the stamp news, the options and a vent at the Select Board line, she picks up
    -- at the callback (12 choices reach the end); before, she was sent back to the file and asked
    -- "What does it say?" again.
    { name = "after a vent she picks up where she was, not at the file she has already heard",
      choices = { 3, 2, 1, 4, 2, 1, 3, 2, 3, 2, 2, 3 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    -- After a brush-off at "what now", the repair takes her back to "what now", not to the file.
    { name = "a repair after the stamp news goes back to what to do about it",
      choices = { 3, 2, 1, 4, 2, 1, 2, 1, 3, 4, 2, 3 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "the worst path: she has heard about the stamp and still leaves for the Select Board",
      choices = { 1, 3, 1, 2, 1, 1, 1, 4, 4, 1, 1, 1 },
      expect = { ending = "walked_out", passed = false, max_score = 15 } },
  },
}
