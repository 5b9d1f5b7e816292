-- Seed 3: a new resident whose car is still on out-of-state plates is refused a beach sticker at the
-- Recreation counter in early summer, with his two children beside him and a queue behind.
-- path best:   3,1,4,2,4,2,3,2
-- path worst:  2,3,1,2,2,1,2,1,4,4,4,1,3,1
-- path novice: 2,3,2,2,1,3,4,4,2,2,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office       = "Recreation Department",
  fee          = "$30",                                -- the resident season sticker
  -- Proof of residency: a registration showing a town address, OR one of alt_proofs (name and town address)
  -- together with a registration in the applicant's own name from any state. Utility bills don't count.
  alt_proofs   = "a lease, a deed or a tax bill",
  decider      = "Park Commission",                    -- who sets the list of proofs
  day_pass     = "$20",                                -- non-resident day pass, sold at the beach gate
  email        = "stickers@rec.town.example",          -- where documents can be sent
  mail_days    = 3,                                    -- business days to mail a sticker once the paper arrives
  backlog_days = 10,                                   -- business days for applications left in the drop box
  phone        = "555-0124",
  director_phone = "555-0127",                         -- the Recreation Director's office line (voicemail)
  sticker_spot = "the lower left of the back window", -- where the sticker must be displayed
  supervisor   = "Joanne Pike",                        -- the counter supervisor on duty
}


-- The near-miss again, or the supervisor already called: he takes the kids and leaves.
local function fed_up(s)
  if (s.visits.supervisor or 0) > 0 or (s.visits.taxes or 0) > 0 then return "walked_out" end
  return "supervisor"
end

-- A second 'no' in a row tips him into raising his voice; a third and he is gone.
local function loud(s)
  if (s.visits.taxes or 0) > 0 then return fed_up(s) end
  return "taxes"
end

-- Still within reach once he has leaned over the counter (he arrived Threatening): he grabs.
local function in_reach(s, beat)
  if s.tripwire then return "grabbed" end
  return beat
end

-- After a repair, pick up where the story left off.
local function resume(s)
  if (s.visits.lease_found or 0) > 0 then return "kids" end
  if (s.visits.documents or 0) > 0 then return "bill_question" end
  return "documents"
end

local CLOSE_OUT = { "sticker_late", "second_visit", "sticker_satisfied", "sticker_accepted" }

-- How a visit that got as far as the sticker ends.
local function close_out(s)
  if s.flags.promised_mail then return "sticker_late" end
  if s.flags.wife_in_person then return "second_visit" end
  if s.band == "settled" then return "sticker_satisfied" end
  return "sticker_accepted"
end

return scenario {
  id         = "beach-sticker-denied",
  title      = "No sticker for the new neighbours",
  setting    = "counter",
  role       = "Counter clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "standard",
  summary    = "A new resident with out-of-state plates and two kids in tow wants a beach sticker for Saturday.",
  objectives = {
    "Open a counter conversation with a new resident who expects a quick yes.",
    "Explain a residency rule so that it makes sense to the person it is blocking.",
    "Keep a loud moment in a busy line from getting worse.",
    "Get a family what they qualify for, and hold the limit on what they don't.",
  },

  resident = {
    name       = "Marcus Adebayo",
    agitation  = 35,
    trust      = 30,
    need       = "control",
    volatility = 1.0,
    recovery   = 1.0,
    audience   = true,       -- the queue, and his own children
    waited     = 20,         -- early-summer line
    look = { skin = 5, hair = "bald", hair_colour = "black", top = "shirt" },
  },

  time = {
    task = 5,                -- print the lease, check names and dates against the registration, enter it, take the fee, issue the sticker
    follow_on = {
      supervisor     = 5,    -- the counter supervisor comes over, hears the brief and takes it from there
      repeat_contact = 8,    -- he calls, or comes back, to sort out the sticker: most of a calm visit, his papers already seen
      complaint      = 15,   -- his letter to the selectboard about a beach sticker: check what happened, write a short reply
      police         = 15,   -- the staff's share only: the call, and a statement to the officer who comes
    },
  },

  start  = "arrives",
  safety = "grabbed",

  beats = {
    arrives = {
      note = "Twenty minutes in line with two children. A welcome and a question cost less than a rule.",
      says = {
        uneasy    = "[He sets a car registration and an electric bill on the counter. A girl of about eight leans on the counter; a small boy holds his leg.] Hi. Resident beach sticker, please. We just moved here. That's everything, I think.",
        defensive = "[He taps the papers.] Registration. Electric bill. Twenty minutes in that line with two kids. Can we just do the sticker?",
        venting   = "[Loud enough for the line to hear.] Twenty minutes! Registration, electric bill, it's all there! Just give me the sticker!",
      },
      choices = {
        { "Is this a Pennsylvania registration? For a resident sticker it has to show your address here, I'm afraid.",
          tags = { "policy_wall" }, go = "no_sticker",
          coach = "Accurate as far as it goes, but the first thing he hears is 'no', before you know what else he has with him." },
        { "[Start typing the application in from the registration while he waits.]",
          tags = { "task" }, go = "documents",
          coach = "It looks efficient, but you don't yet know whether these papers qualify, and he isn't ready to take in a problem with them." },
        { "Welcome to town! How's the move been?",
          tags = { "listen", "acknowledge" }, go = "documents",
          coach = "A welcome and an open question before the papers let him tell you what he's got and what he needs, and the queue hears it too." },
        { "Lots of new folks get caught by this one, so don't feel bad. You'll need to switch your registration over to this state first, and then the sticker's a two-minute job.",
          tags = { "minimize", "policy_wall" }, go = "no_sticker",
          coach = "Meant as reassurance, but 'lots of folks' and 'first' tell him he's a case number with a no attached, and it's not even the whole rule." },
      },
    },

    documents = {
      says = {
        settled   = "We moved from Pittsburgh three weeks ago; I started at the hospital. The car's still on Pennsylvania plates. The Registry can't see me until July. The registration's in my name, and the electric bill has the address. The kids have asked about the beach every day.",
        uneasy    = "We moved from Pittsburgh three weeks ago; I started at the hospital. The car's still on Pennsylvania plates because the Registry can't see me until July. Registration's in my name, the electric bill has this address. The kids have asked about the beach every day.",
        defensive = "Three weeks ago, from Pittsburgh. The Registry can't see me till July, so the car's on PA plates. Registration's in my name, electric bill's got this address. That's proof I live here.",
        venting   = "We LIVE here! Three weeks! The Registry can't see me till July! I've got a registration, I've got an electric bill! What more do you want?",
      },
      choices = {
        { "So: three weeks here, Pennsylvania plates until July, and two kids asking about the beach.",
          tags = { "paraphrase" }, set = { paraphrased = true }, go = "bill_question",
          coach = "Reflecting back the move, the Registry wait and the kids shows he was heard, and checks the facts before you say anything about them." },
        { "The electric bill isn't one of the accepted proofs, I'm afraid.",
          tags = { "policy_wall" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "True, but a bare 'no' to the one paper he's proud of, before you've asked what else he has, lands as a closed door." },
        { "July's not so bad. Come back once the plates are switched over at the Registry and we'll have you done in two minutes; it's much simpler that way, and you won't need anything else.",
          tags = { "buck_pass" }, go = "no_sticker",
          coach = "It sounds friendly and quick, but it sends him away without checking the other proofs, and July is half the summer." },
        { "Do you have " .. RULES.alt_proofs .. "?",
          tags = { "ask" }, go = "lease_found",
          coach = "The right question, but asked flat as a checklist it skips the part where he feels heard, so the 'why' will come back at you." },
      },
    },

    bill_question = {
      says = function(s)
        if s.flags.paraphrased then
          return s:line({
            settled   = "Yep, that's it. So the electric bill does it, right? Name and address, right there.",
            uneasy    = "Yes, that's it. So the bill's enough, right? It's got my name and the address.",
            defensive = "Right. So the electric bill covers it. Name and address, right there.",
          })
        end
        return s:line({
          settled   = "Okay. [He slides the electric bill forward.] So the bill does it, right? Name and address, right there.",
          uneasy    = "Okay. [He pushes the electric bill across.] So the bill's enough, right? It's got my name and the address.",
          defensive = "[He taps the electric bill.] So this covers it. Name and address, right there.",
          venting   = "[He slaps the electric bill down.] So this covers it! Name! Address! Right there!",
        })
      end,
      choices = {
        { "Utility bills aren't on the list, sorry. No registration here, no sticker, unless you've got " .. RULES.alt_proofs .. ".",
          tags = { "policy_wall", "inform" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "All correct, but the 'no' arrives first and loudest, so the useful half of the sentence is lost on him and on the line." },
        { "Why would a utility bill count? The list is right on the website.",
          tags = { "why_question", "blame" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "A tired, honest question that tells a new resident, in front of his kids, that he should have known better." },
        { "If you ask me, it probably should count. I don't know why the " .. RULES.decider .. " is so picky about it.",
          tags = { "buck_pass" }, go = "no_sticker",
          coach = "Siding with him against the rule feels friendly, but it still means no, and now the no sounds arbitrary." },
        { "Quick question first: got a lease?",
          tags = { "ask" }, go = "lease_found",
          coach = "Asking first means the answer about the bill can arrive with a yes attached: a lease or a deed would do. The honest 'no' can wait a sentence." },
      },
    },

    lease_found = {
      enter = function(s) s.flags.lease_seen = true end,
      says = {
        settled   = "[He scrolls his phone.] Lease, yeah, the landlord emailed it. Both our names. But I don't get it. The website says registration. Why isn't the bill good enough?",
        uneasy    = "[He scrolls his phone.] Yeah, the landlord emailed it. Here. But why does that count and the bill doesn't? It feels like you're looking for reasons to say no.",
        defensive = "[He scrolls, jaw tight.] Yeah, it's in my email. But why does that count and the bill doesn't? Feels like you're hunting for reasons to say no.",
        venting   = "[He jabs at his phone.] Fine! Here's the lease! Why does THAT count and the bill doesn't? You're just looking for reasons!",
      },
      choices = {
        { "Fair enough, but it's not up to me. The " .. RULES.decider .. " makes the list.",
          tags = { "buck_pass" }, go = "no_sticker",
          coach = "He asked why; 'not up to me' tells him nobody here knows or cares, which is what he already suspected." },
        { "Because a landlord gets the electric bill for an empty house too; a lease shows who actually lives there. With your registration, you qualify.",
          tags = { "explain_why", "inform" }, go = "kids",
          coach = "He asked a real question, so answer it: the reason behind the rule, in plain words, and then the good news." },
        { "Nobody's hunting for anything. I follow the same rules for everyone, and I'd ask you the same if you'd lived here twenty years.",
          tags = { "argue", "policy_wall" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "Defending yourself answers the challenge in his words instead of the question under it." },
        { "Let's not get into the why right now. The lease works, so let's just do it.",
          tags = { "redirect" }, go = "kids", grade = "acceptable",
          coach = "Moving straight to the yes is tempting, and fair enough if he's still hot, but he asked a real question; people accept a rule more readily when they hear the reason." },
      },
    },

    kids = {
      says = {
        settled   = "[His daughter tugs his sleeve: 'Is it a yes?'] Hang on, Zo. So can I get it today? I told them Saturday.",
        uneasy    = "[His daughter tugs his sleeve: 'Daddy, is it a yes?'] Hang on, Zo. So can I get it today? I promised them Saturday, and they've heard 'not yet' about everything since we moved.",
        defensive = "[His daughter asks, 'Daddy, is it a yes?' He doesn't answer her.] So can I get it today or not? I promised them Saturday.",
        venting   = "[His daughter starts to cry.] See? Can I get it TODAY or not? I promised them Saturday!",
      },
      choices = {
        { "Sure. Fill in this form, drop it in the box with the lease and registration, and we'll mail the sticker. First come, first served.",
          tags = { "buck_pass" }, go = "no_sticker",
          coach = "The drop box is real, but it takes " .. RULES.backlog_days .. " business days; sending him off with a form when you could do it now misses Saturday." },
        { "Saturday might be tight. If it's not this weekend, the beach will still be there next weekend.",
          tags = { "minimize" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "Meant as perspective, but it tells a tired parent that the promise he made his children doesn't matter here." },
        { "It sounds like Saturday is a promise to them you really don't want to break.",
          tags = { "label" }, go = "options",
          coach = "Naming what's at stake is good, though he asked a direct question and is still waiting for the answer." },
        { "Yes, sir, today. Forward me the lease and it's five minutes while you wait. Or " .. RULES.day_pass .. " at the gate Saturday, and bring the lease in after.",
          tags = { "options", "inform" }, go = "processing",
          coach = "A straight yes with two real choices puts him back in control of his weekend, which is what he came in for." },
      },
    },

    options = {
      says = {
        settled   = "Yeah. It's been a lot of 'no' since we got here. So how do we do this?",
        uneasy    = "Yeah. It's been three weeks of 'no' since we got here. So how do we do this?",
        defensive = "Yeah, well. It's been three weeks of 'no'. How do we do this?",
        venting   = "Three weeks of NO! So how do we do this? Tell me!",
      },
      choices = {
        { "Easiest is to email the lease to " .. RULES.email .. " with a note, and we'll mail the sticker as soon as it's processed. That way you're not stuck standing here with the kids.",
          tags = { "buck_pass" }, go = "no_sticker",
          coach = "It sounds helpful, but it hands him the work and the wait when he's standing at the counter with the document." },
        { "Your call: five minutes now, once the lease is on my screen, or " .. RULES.day_pass .. " this Saturday and the sticker next week.",
          tags = { "options", "inform" }, go = "processing",
          coach = "Two real choices, and the fast one first: he decides how his Saturday goes." },
        { "Well, there's always a non-resident day pass at the gate for " .. RULES.day_pass .. ".",
          tags = { "inform" }, go = "day_pass",
          coach = "A real option, but offered alone it sounds like 'pay like a tourist', when he qualifies for the sticker today." },
      },
    },

    processing = {
      says = {
        settled   = "[He forwards the email.] Sent. Let's do it now, please.",
        uneasy    = "Now. Let's do it now. [He forwards the email.] Sent.",
        defensive = "Now. I'm not coming back for this. [He forwards the email.] There.",
        venting   = "NOW. I am not coming back here. [He jabs at his phone.] There!",
        threatening = "[He leans over the counter and pushes his phone at your face.] NOW. Do it NOW.",
      },
      choices = {
        { "Got it, thanks. Next time, though, bring everything printed and you'll save yourself the wait.",
          tags = { "task", "blame" }, go = "second_car",
          coach = "The work gets done, but the parting tip tells him the wait was his fault." },
        { "[Print the lease, check it against his registration, take the " .. RULES.fee .. ", hand over the sticker.] It goes on " .. RULES.sticker_spot .. ".",
          tags = { "task", "own" }, go = "second_car",
          coach = "Doing the check and the paperwork on the spot, and saying where the sticker goes, turns a yes into something he can hold." },
        { "I'll mail it tonight so you don't have to wait here with the kids. It'll be in your mailbox by Saturday, I promise.",
          tags = { "overpromise" }, promise = "The sticker will arrive in the mail by Saturday.",
          set = { promised_mail = true }, go = "second_car",
          coach = "Kindly meant, but the mail isn't yours to promise; if it arrives Monday, Saturday's disappointment is on you." },
      },
    },

    second_car = {
      -- He holds the sticker up only if he has it: after "I'll mail it tonight" his hands are empty.
      says = function(s)
        local settled = s.flags.promised_mail
          and "Great. Saturday, guys. Oh, and my wife's car, can I get one for hers too? She's on the lease. Grey Honda, Pennsylvania plates. Her registration's at home."
          or  "[He holds the sticker up for the kids.] Great. Oh, and my wife's car, can I get one for hers too? She's on the lease. Grey Honda, Pennsylvania plates. Her registration's at home."
        return s:line({
          settled   = settled,
          uneasy    = "Okay. And my wife's car? She's on the lease too. Grey Honda, PA plates. Her registration's at home.",
          defensive = "And my wife's car. She's on the lease. Her registration's at home. Just do hers as well.",
          venting   = "And my WIFE'S car! She's on the lease! Just do hers too!",
        })
      end,
      choices = {
        { "[Slide a second sticker into the envelope.] Take one for her too. Write her plate on the form at home and drop it back in; nobody checks the second car.",
          tags = { "overpromise" }, grade = "critical", go = "extra_sticker",
          coach = "Friendly and fast, but issuing a sticker for a vehicle nobody has checked is an unauthorised waiver; stickers are numbered and audited." },
        { "Sorry, one sticker per registration. She'll have to come in herself.",
          tags = { "policy_wall" }, set = { wife_in_person = true }, go = "close",
          coach = "Right about the registration, but 'come in herself' isn't the only way, and he hears another no." },
        { "Not without her registration; the sticker's tied to the plate. But a photo of it to " .. RULES.email .. " does it, and hers is in the mail within " .. RULES.mail_days .. " working days.",
          tags = { "inform", "options", "own" }, go = "close",
          coach = "A clear no with the reason and the easiest way round it: the limit holds, and he still leaves with a plan." },
      },
    },

    close = {
      says = {
        settled   = "Sounds good. Thanks, really. It's been a lot of 'no' since we moved. This is the first yes.",
        uneasy    = "Okay. Thanks, I guess. It's been a long three weeks.",
        defensive = "Fine. Are we done?",
        venting   = "Fine! Are we done here?",
      },
      choices = {
        { "[Already looking past him.] Thanks, have a nice day. Next, please!",
          tags = { "ignore" }, go = close_out,
          targets = CLOSE_OUT,
          coach = "The line is long, but a thank-you said to the next person undoes the welcome just as he was starting to feel it." },
        { "Thanks for bearing with us, Mr. Adebayo. Enjoy Saturday, you two! Anything stuck, call " .. RULES.phone .. " and ask for me.",
          tags = { "thank", "own" }, go = close_out,
          targets = CLOSE_OUT,
          coach = "A warm close: thank him, speak to the kids, and leave him a name and number for any loose end." },
        { "Don't feel bad, most new people get this wrong. Wait till you see the Registry's line in July. Anyway, you're all set.",
          tags = { "minimize" }, go = close_out,
          targets = CLOSE_OUT,
          coach = "Meant as comfort, but it files his morning under 'people getting it wrong', and blames another office on the way." },
      },
    },

    no_sticker = {
      says = {
        settled   = "So I live here, I pay rent here, and I can't get a beach sticker here. Is that what you're saying?",
        uneasy    = "So I live here, I pay rent here, and I can't take my kids to the beach here. Is that what you're telling me?",
        defensive = "So I live here, I pay rent here, and my kids can't go to the beach here. That's what you're telling me?",
        venting   = "So I LIVE here, and my kids can't go to the beach HERE? Seriously?",
      },
      choices = {
        { "You can still buy a non-resident day pass at the gate; it's " .. RULES.day_pass .. " a day, and plenty of new families do that for the first few weeks while the paperwork catches up.",
          tags = { "inform" }, go = "day_pass",
          coach = "A real option, but offered now it means 'pay like a tourist' to someone who just said he lives here." },
        { "Hang on. I jumped to the rule too fast, and I'm sorry. What else have you brought?",
          tags = { "apologize", "listen" }, go = function(s) return resume(s) end,
          targets = { "documents", "bill_question", "kids" },
          coach = "A plain repair: own the jump to the rule and reopen the conversation with a question that might lead to a yes." },
        { "I don't make the rules.",
          tags = { "policy_wall" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "The quickest sentence at the counter, and the one most likely to bring the supervisor over." },
        { "If you'd like, you can take it up with my supervisor.",
          tags = { "buck_pass" }, go = "supervisor",
          coach = "Offering the supervisor before you've looked at what he has passes him on without a reason." },
      },
    },

    taxes = {
      note = "Near miss: a raised voice about a rule, with his kids beside him. Discomfort, not danger: no threat, no move toward you.",
      says = {
        settled   = "[His voice rises a notch; a couple of people in the line look over.] I pay taxes here, you know. Through my rent. And my kids can't use the beach?",
        uneasy    = "[His voice rises; people in the line look over.] I pay taxes here. Through my rent. And my kids can't use the beach?",
        defensive = "[Loud enough that the line goes quiet; his son grabs his leg.] I pay taxes here! My rent pays the taxes on this building! And my kids can't go to the beach?",
        venting   = "[Shouting now. The line goes quiet and his son grabs his leg.] I PAY TAXES HERE! My rent pays for this building! And my kids can't use the beach?",
        threatening = "[He leans right over the counter, inches from your face, shouting. His son is crying.] I PAY TAXES HERE! And my kids can't use the beach?",
      },
      choices = {
        { "[Move back out of his reach and call " .. RULES.supervisor .. " over with the code word.] Someone else will help you now.",
          tags = { "disengage" }, go = "stepped_back",
          when = function(s) return s.tripwire end,
          coach = "Leaning over the counter into your face is no longer just a loud voice: it's intrusion. Distance and help come first; the sticker can wait." },
        { "[Step back from the counter.] I'm going to step away until you can speak to me respectfully.",
          tags = { "disengage" }, go = "stepped_away", grade = "poor",
          when = function(s) return not s.tripwire end,
          coach = "A raised voice about a rule, with his children beside him, is uncomfortable but not dangerous: no threat, no move toward you. Walking off leaves him, and the line, without help." },
        { "Sir, please lower your voice. There are children here.",
          tags = { "calm_down" }, go = function(s)
            if s.tripwire then return in_reach(s) end
            if (s.visits.heckler or 0) > 0 then return fed_up(s) end
            return "heckler"
          end,
          targets = { "heckler", "supervisor", "walked_out", "grabbed" },
          coach = "Pointing at his own kids in front of the queue shames him, and 'lower your voice' reliably makes people louder." },
        { "You do live here, Mr. Adebayo; nobody doubts it. Come down this end with me and we'll find the paper that shows it.",
          tags = { "acknowledge", "private" }, go = function(s) return in_reach(s, "after_taxes") end,
          targets = { "after_taxes", "grabbed" },
          coach = "Agree with what's true, then take away the audience: he can come down without losing face in front of the line and his kids." },
        { "Renters don't pay property tax directly, though. Your landlord does, and the beach comes out of the general fund anyway, so it isn't really about who pays what.",
          tags = { "argue" }, go = "walked_out",
          coach = "Technically arguable and completely beside the point; correcting him in public gives him a reason to leave." },
      },
    },

    after_taxes = {
      says = {
        settled   = "[He lets out a breath and glances at the kids.] Sorry. That wasn't at you. Three weeks of 'no': the Registry, the cable, the school forms. I just wanted one thing to be easy.",
        uneasy    = "[He lets out a breath.] Sorry. That wasn't at you. Three weeks of 'no': the Registry, the cable, the school forms. I wanted one thing to be easy.",
        defensive = "[He lowers his voice, a little.] Fine. But it's been three weeks of 'no'. The Registry, the school, now this.",
        venting   = "[Still loud.] Three weeks of NO! The Registry! The school! Now you!",
        recovery  = "[He lets out a breath and glances at the kids.] ...Sorry. That wasn't at you. Three weeks of 'no': the Registry, the cable, the school forms. I just wanted one thing to be easy.",
      },
      choices = {
        { "That's okay, we all have those days. Just keep it down a bit for the folks in line, please; there are other kids here too.",
          tags = { "calm_down" }, go = function(s) return fed_up(s) end, targets = { "supervisor", "walked_out" },
          coach = "He just apologised; a reminder about his volume, in the recovery window, lands twice as hard." },
        { "Okay. Do you have " .. RULES.alt_proofs .. "?",
          tags = { "ask" }, go = function(s) if s.flags.lease_seen then return "kids" end return "lease_found" end,
          targets = { "kids", "lease_found" },
          coach = "The right question, but it steps past his apology; a sentence that shows you heard him would make it land." },
        { "That must wear you down: three weeks of no, and this was meant to be the easy one. Is your name on a lease here?",
          tags = { "label", "ask" }, go = function(s) if s.flags.lease_seen then return "kids" end return "lease_found" end,
          targets = { "kids", "lease_found" },
          coach = "In the recovery window, naming what's underneath and pointing to a yes rebuilds things fast." },
        { "[Nod, and let him go on. Say nothing yet.]",
          tags = { "listen", "pause" }, go = "three_weeks",
          coach = "Letting him finish is never wrong while he's still hot; once he's calmer, a line that shows you heard him will move things faster." },
      },
    },

    three_weeks = {
      says = {
        settled   = "The movers lost half our boxes. The Registry's booked till July. The school wanted three proofs of address. Every window I go to says 'not that one'. I just wanted the kids to have one normal thing.",
        uneasy    = "The movers lost half our boxes. The Registry's booked till July. The school wanted three proofs of address. Every window says 'not that one'. I just wanted the kids to have one normal thing.",
        defensive = "The movers lost half our boxes. The Registry's booked till July. The school wanted three proofs of address. Every window says 'not that one'. And now you.",
        venting   = "[It pours out.] The movers lost half our boxes! The Registry's booked till July! The school wanted THREE proofs of address! Every window says 'not that one'! And now you!",
        recovery  = "[Quieter.] The movers lost half our boxes. The Registry's booked till July. The school wanted three proofs of address. I just wanted the kids to have one normal thing.",
      },
      choices = {
        { "I hear you. Everybody's got a Registry story; mine took four months and two trips, so believe me, I know exactly how that feels.",
          tags = { "minimize" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "Meant as fellow feeling, but 'everybody' turns his three weeks into small talk." },
        { "Okay. But the electric bill still isn't one of the accepted proofs.",
          tags = { "policy_wall" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "Back to the rule the moment he stops talking tells him the listening was just waiting." },
        { "Every window's said no. Did the landlord give you a lease?",
          tags = { "paraphrase", "ask" }, go = function(s) if s.flags.lease_seen then return "kids" end return "lease_found" end,
          targets = { "kids", "lease_found" },
          coach = "His own words in short, and a question that points to a yes (he may well have a lease)." },
      },
    },

    day_pass = {
      says = {
        settled   = RULES.day_pass .. " a day. Like a tourist. In the town I live in.",
        uneasy    = RULES.day_pass .. " a day. Like a tourist. In the town I live in.",
        defensive = "So I pay " .. RULES.day_pass .. " a day like a tourist. In the town I live in.",
        venting   = RULES.day_pass .. " a DAY? Like a TOURIST? I live here!",
      },
      choices = {
        { "It's only " .. RULES.day_pass .. ". Plenty of new families do that for the first few weeks.",
          tags = { "minimize" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "'Only' is about your wallet, not his; what he hears is that living here doesn't count yet." },
        { "You're right, you live here, and you shouldn't pay like a tourist. Did you sign a lease?",
          tags = { "acknowledge", "ask" }, go = function(s) if s.flags.lease_seen then return "kids" end return "lease_found" end,
          targets = { "kids", "lease_found" },
          coach = "Agreeing with the part he's right about, then looking for the proof he might have, turns the day pass back into a fallback." },
        { "That's the non-resident rate, and I'm afraid I can't change it from the counter; the " .. RULES.decider .. " sets the prices every spring.",
          tags = { "policy_wall" }, go = function(s) return loud(s) end, targets = { "taxes", "supervisor", "walked_out" },
          coach = "True and beside the point: he isn't asking for a discount, he's asking to be treated as a resident." },
      },
    },

    heckler = {
      note = "The audience joins in. Taking him away from the line matters more than answering the man in it.",
      says = {
        uneasy    = "[A man further back mutters, 'Some of us are waiting too, pal.' Marcus turns round.] Then you can wait a bit longer.",
        defensive = "[A man further back calls out, 'Some of us are waiting too, pal!' Marcus turns round.] Then you can wait a bit longer.",
        venting   = "[A man further back calls out, 'Some of us are waiting too, pal!' Marcus wheels round.] Then wait! I've been waiting three weeks!",
        threatening = "[A man further back calls out, 'Some of us are waiting too, pal!' Marcus wheels round and takes a step toward him.] You want to say that to my face?",
      },
      choices = {
        { "Mr. Adebayo, this way, with me. Let's finish your sticker down here.",
          tags = { "private", "redirect" }, go = function(s) if (s.visits.after_taxes or 0) > 0 then return resume(s) end return "after_taxes" end,
          targets = { "after_taxes", "documents", "bill_question", "kids" },
          coach = "Use his name, take him away from the audience, and point back at the thing he came for; the heckler needs no answer." },
        { "[To the man in line:] Sir, please. You're not helping.",
          tags = { "argue" }, go = "walked_out",
          coach = "Taking on the heckler makes the queue the stage, and it's Marcus who loses face in front of his kids." },
        { "Okay, everybody, let's all just calm down. We're all waiting, we all want to get home, and shouting across the room won't make this line move any faster.",
          tags = { "calm_down" }, go = "walked_out",
          coach = "Said to the whole room, it lumps him in with the heckler and tells him he's the problem." },
      },
    },

    supervisor = {
      says = {
        settled   = "Can I talk to your supervisor, please? Nothing personal.",
        uneasy    = "Can I talk to your supervisor, please?",
        defensive = "I want to talk to your supervisor. Someone who can make a decision.",
        venting   = "Get me your supervisor. Now.",
      },
      choices = {
        { "Of course. [Call " .. RULES.supervisor .. " over and brief her in front of him:] Mr. Adebayo moved here three weeks ago, the car's on Pennsylvania plates, he has an electric bill. I haven't asked yet about a lease. He'd like a sticker for Saturday.",
          tags = { "handoff" }, go = "supervisor_routed",
          when = function(s) return not s.flags.lease_seen end,
          coach = "He asked, so a warm handoff with the story passed on is right; he won't have to start again." },
        { "Of course. [Call " .. RULES.supervisor .. " over and brief her in front of him:] Mr. Adebayo moved here three weeks ago, the car's on Pennsylvania plates, and he has a lease in his email with his name on it. He'd like a sticker for Saturday.",
          tags = { "handoff" }, go = "supervisor_routed",
          when = function(s) return s.flags.lease_seen == true end,
          coach = "He asked, so a warm handoff with the story passed on is right; he won't have to start again." },
        { "She'll tell you exactly the same thing I did; the list comes from the " .. RULES.decider .. ", not from us.",
          tags = { "policy_wall" }, go = "walked_out",
          coach = "Probably true, and it closes the last door he can see." },
        { "She's not in today, unfortunately. You can call the Recreation Director's office, " .. RULES.director_phone .. ", and leave a message; she's good about calling back within a week or so.",
          tags = { "buck_pass" }, go = "walked_out",
          coach = "A cold redirect to a voicemail, after twenty minutes in line with two children, all but guarantees the complaint." },
        { "I'll get her. One question first?",
          tags = { "ask", "own" }, go = function(s) return resume(s) end,
          when = function(s) return not s.flags.lease_seen end,
          targets = { "documents", "bill_question", "kids" },
          coach = "Asking permission to try once more respects his request and reopens the conversation; if he says no, fetch her." },
        { "I'll get her, sir. Or, with that lease, I can do it myself now. Your call?",
          tags = { "ask", "own" }, go = function(s) return resume(s) end,
          when = function(s) return s.flags.lease_seen == true end,
          targets = { "documents", "bill_question", "kids" },
          coach = "Offering to finish it yourself, and letting him choose, respects his request and reopens the conversation; if he says no, fetch her." },
      },
    },

    grabbed = {
      tripwire = true,
      note = "Safety beat: reached after sustained threatening behaviour, or when you stay within reach after he leans over the counter. Reaching over the counter is a tripwire.",
      says = "[He slams his palm on the counter, reaches over it and grabs the box of stickers.] Fine. I'll take one myself.",
      choices = {
        { "[Grab the box back.] Those are numbered. You can't just take them.",
          tags = { "invade_space" }, go = "counter_incident",
          coach = "A tug-of-war over a box of stickers puts you within reach of someone who has stopped talking and started acting." },
        { "[Step back a pace.] Put that down right now. Those stickers are numbered and audited, and if you walk out with them I'm calling the police.",
          tags = { "threaten_early" }, go = "counter_incident",
          coach = "An ultimatum while you're still within reach turns a grab into a stand-off." },
        { "[Let the box go and back off, well clear of him; the code word brings " .. RULES.supervisor .. ".]",
          tags = { "disengage" }, go = "stepped_back",
          coach = "Once someone reaches over the counter, distance and help come first. A box of stickers is not worth a struggle." },
      },
    },
  },

  endings = {
    sticker_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Saturday, guys! [Zoe cheers.] Thanks. Really.",
      debrief = "Marcus left with the sticker on his car and a plan for his wife's. The list of proofs didn't change, " ..
                "but he heard why, found out he already had what it asked for, and felt welcome in his new town.",
    },
    sticker_accepted = {
      outcome = "resolved_accepted",
      says    = "Okay. One down, one to go. Thanks.",
      debrief = "Marcus got his sticker and knows what his wife needs to send. He still thinks the electric bill should have counted, " ..
                "but he understands the rule and the route, which is a full pass for a conversation that had to include a no.",
    },
    second_visit = {
      outcome = "resolved_accepted",
      says    = "Okay. One down. She'll have to take a morning off for hers, I guess.",
      follow_on = { "repeat_contact" },   -- his wife's own visit: the line, her registration checked, the lease already on file
      debrief = "Marcus got his sticker. His wife took a morning off the next week, stood in the same line and showed her registration, " ..
                "which a photo by email would have done. The limit was right; the only way round it you offered was the slowest one.",
    },
    sticker_late = {
      outcome = "unresolved",
      says    = "By Saturday, you said. Great.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The sticker reached the mailbox on Tuesday. Marcus took the kids to the gate on Saturday, paid for a day pass anyway, " ..
                "then called to complain that he'd been promised. Five minutes at the counter would have avoided both.",
    },
    extra_sticker = {
      outcome = "breach",
      says    = "Nice. Thanks a lot.",
      debrief = "The sticker audit found a sticker issued with no registration behind it. It was cancelled, the family got a letter, " ..
                "and the clerk's supervisor had to explain why. A kind shortcut became the town's problem and then Marcus's.",
    },
    supervisor_routed = {
      outcome = "routed",
      task    = true,
      says    = "Okay. Thank you for telling her. I didn't want to go through it all again.",
      -- On some paths he had already shown the lease before he asked for her.
      debrief = function(s)
        if s.flags.lease_seen then
          return RULES.supervisor .. " checked the lease he had already shown against his registration and issued the sticker. " ..
                 "The warm handoff meant Marcus didn't start over; her time was the follow-on cost of a sticker the counter could have issued itself."
        end
        return RULES.supervisor .. " asked whether he had a lease, found it in his email, and issued the sticker. " ..
               "The warm handoff meant Marcus didn't start over; her time was the follow-on cost of a question the counter could have asked."
      end,
    },
    walked_out = {
      outcome = "escalated",
      says    = {
        defensive = "Forget it. Come on, kids. We'll figure it out.",
        venting   = "Forget it! Come on, kids. This town's unbelievable.",
      },
      debrief = "Marcus left with his children and without the sticker he qualified for. He wrote to the selectboard that evening about being " ..
                "'treated like a tourist in my own town'; a staff member wrote the reply and called him back to sort out the sticker.",
    },
    stepped_away = {
      outcome = "unresolved",
      says    = "[He stares after you.] Seriously? Come on, kids.",
      -- supervisor: she comes out to a counter with no clerk and a line that watched it happen;
      -- complaint: his letter about the clerk who walked off; repeat_contact: he still needs the sticker
      follow_on = { "supervisor", "repeat_contact", "complaint" },
      debrief = "Marcus was loud, not dangerous: no threat, no move toward you. Walking away left him, and the line, without help; the supervisor came out " ..
                "to an empty counter, and his complaint described a clerk who walked off in front of his children. Stepping away is a safety tool; keep it for real danger.",
    },
    stepped_back = {
      outcome = "safety_exit",
      says    = function(s)
        if (s.visits.grabbed or 0) > 0 then return "[He drops the box on the counter, takes the kids' hands, and leaves.]" end
        return "[He straightens up, looks at the line, takes the kids' hands, and leaves.]"
      end,
      -- supervisor: she comes to the code word, takes over and writes it up with you;
      -- repeat_contact: he still needs the sticker, at a visit she handles
      follow_on = { "supervisor", "repeat_contact" },
      debrief = "You stepped out of reach and called for help, which ended the contact safely. The incident was written up with the time and his words, " ..
                "and the office agreed that his next visit would be handled by the supervisor.",
    },
    counter_incident = {
      outcome = "escalated",
      says    = "[The box spills across the floor. Someone in the line calls the police.]",
      -- police: the call and a statement; repeat_contact: he still needs the sticker he qualified for
      follow_on = { "police", "repeat_contact" },
      debrief = "Staying within reach once he grabbed over the counter turned it into a struggle, with his children watching, and the police were called. " ..
                "Once someone reaches over the counter, the right move is distance and help.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: welcome, ask first, explain why, options, sticker today",
      choices = { 3, 1, 4, 2, 4, 2, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "a rule first, then a wall, then a correction in public",
      choices = { 1, 3, 4 },
      expect = { outcome = "escalated", passed = false, max_score = 25 } },
    { name = "a typical novice: the task too early, a blunt no, 'lower your voice', then recovery; 'she'll have to come in herself' costs his wife a visit",
      choices = { 2, 3, 2, 2, 1, 3, 4, 4, 2, 2, 2 },
      expect = { outcome = "resolved_accepted", ending = "second_visit", min_score = 60, max_score = 85, min_ratio = 2.5, max_ratio = 3.0 } },
    { name = "her registration by email instead: the same visit, without the second one",
      choices = { 2, 3, 2, 2, 1, 3, 4, 4, 2, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, max_ratio = 2.5 } },
    { name = "walking away from a raised voice is not a safety exit",
      choices = { 1, 3, 1 },
      expect = { outcome = "unresolved", passed = false, max_score = 40 } },
    { name = "after a run of walls he leans over the counter: stepping back is the right call there",
      choices = { 4, 4, 4, 2, 1 },
      expect = { outcome = "safety_exit", ending = "stepped_back", critical = false } },
    { name = "staying within reach after he leans over: he grabs the stickers",
      choices = { 4, 4, 4, 2, 3, 1 },
      expect = { outcome = "escalated", ending = "counter_incident", critical = true } },
    -- Second review: the handoff brief and the debrief tell what he has already shown (here, the lease).
    { name = "asked for the supervisor after showing the lease: a warm handoff with the lease in the brief",
      choices = { 3, 4, 1, 4, 1 },
      expect = { outcome = "routed", ending = "supervisor_routed" } },
    -- Second review: after "I'll mail it tonight" he has no sticker to hold up for the kids.
    { name = "the mail-it-tonight promise comes due",
      choices = { 3, 1, 4, 2, 4, 3, 3, 2 },
      expect = { outcome = "unresolved", ending = "sticker_late", passed = false } },
    { name = "the calmest path costs about twice a calm visit at most", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm visits, follow-on included", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
