-- Seed 7: an animal control officer on a busy trail cites an owner whose off-leash dog ran up to a child, a month after a
-- written warning; "Why not them?", an audience of regulars, a phone camera, and a reactive dog on a tight leash.
-- path best:   1,2,4,3,2,1,2,3
-- path worst:  1,1,1,1,4,1,4,5,4,4,3,1
-- path novice: 3,1,4,2,3,3,4,2,3,2,1

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  trail          = "the Riverside Trail",
  bylaw          = "section 6-4 of the animal control bylaw",
  leash_max      = "eight feet",                   -- longest leash allowed on town trails
  fine           = "$50",                          -- first leash citation
  fine_repeat    = "$100",                         -- a further citation within a year
  fine_kind      = "a civil fine, not a criminal record", -- what a leash citation is here (some states make it a criminal infraction)
  warning_rule   = "one written warning in a year", -- the officer's discretion before a citation
  pay_days       = 21,                             -- days to pay or ask for a hearing
  hearing        = "the town's hearing officer",
  hearing_phone  = "555-0163",
  office         = "Animal Control",
  office_phone   = "555-0168",
  supervisor     = "Ms. Lindqvist",                -- the Animal Control supervisor
  dog_park       = "the Quarry Road dog park",
  dog_park_hours = "dawn to dusk",
  meadow         = "Hilltop Meadow",
  meadow_rule    = "off-leash before 8 a.m., and long lines up to thirty feet any time",
}

-- A RULES value that starts a sentence ("the Quarry Road dog park" -> "The Quarry Road dog park").
local function cap(x) return x:sub(1, 1):upper() .. x:sub(2) end

-- After a flare-up has passed, pick the conversation up at the first step not yet taken.
local STEPS = { "her_side", "why_not_them", "so_what", "meaning", "write_up", "pepper_needs", "close" }
local function resume(s)
  for _, b in ipairs(STEPS) do
    if (s.visits[b] or 0) == 0 then return b end
  end
  return "close"
end

-- She won't stand on the trail all morning: past this many minutes, one more wrong word and
-- she has had enough and leaves.
local LONG = 12

-- Another wrong word: the next step of the flare-up, or, once it has gone on long enough, she leaves.
local function fed_up(s, beat)
  if s.minutes >= LONG then return "stormed_off" end
  return beat
end

-- Fuel on the fire: first she vents, then she plays to the regulars, then she wants a supervisor
-- (or, once it has gone on long enough, she leaves).
local function heat(s)
  if s.minutes >= LONG then return "stormed_off" end
  if (s.visits.heated or 0) == 0 then return "heated" end
  if (s.visits.regulars or 0) == 0 then return "regulars" end
  return "supervisor"
end
local HEAT = { "heated", "regulars", "supervisor", "stormed_off" }

-- Staying put once she is in your face with the dog lunging (she arrived Threatening): the
-- safety beat for an officer who stayed, not the rest of the conversation.
local function stayed(s, beat)
  if s.tripwire then return "still_close" end
  return beat
end

-- Walking away: a safety exit after a real cue, abandoning the contact before one.
local function leave(s)
  if s.tripwire then return "stepped_away" end
  return "left_early"
end

-- How a contact that got this far ends.
local function close_out(s)
  if s.flags.promised_hearing then return "promise_broken" end
  if s.flags.nod_and_wink then return "nod_and_wink" end
  if s.band == "venting" or s.band == "threatening" then return "stormed_off" end
  if s.band == "defensive" then return "hearing_route" end
  if s.band == "settled" then return "cited_satisfied" end
  return "cited_accepted"
end
local CLOSE = { "promise_broken", "nod_and_wink", "stormed_off", "hearing_route", "cited_satisfied", "cited_accepted" }

return scenario {
  id         = "dog-off-leash-trail",
  title      = "Why not them?",
  setting    = "enforcement",
  role       = "Animal control officer, on foot patrol on " .. RULES.trail,
  minutes    = 5,
  difficulty = "standard",
  summary    = "An owner whose off-leash dog ran up to a small child, a month after a written warning, says it's harassment: why not the other dogs?",
  objectives = {
    "Open an enforcement contact with someone who feels singled out.",
    "Explain a citation's reason, cost and appeal route so that it lands.",
    "Help with the owner's underlying problem while the citation stands.",
    "Keep yourself safe when a contact with an owner and her dog turns.",
  },

  resident = {
    name       = "Joyce Okonkwo",
    agitation  = 45,
    trust      = 30,
    need       = "fairness",
    volatility = 1.1,
    recovery   = 1.0,
    audience   = true,     -- other dog walkers on a busy trail
    waited     = 0,
    look = { skin = 6, hair = "curly", hair_colour = "grey", top = "cardigan" },
  },

  time = {
    task = 4,                -- writing the citation with a calm owner: her license, the details, read back, her copy
    follow_on = {
      supervisor     = 8,    -- the supervisor walks down the trail, hears both sides and confirms the citation and the hearing route
      repeat_contact = 8,    -- she calls Animal Control about the citation, and someone explains it again
      complaint      = 15,   -- her letter to the selectboard: a supervisor reviews the citation and the clip and writes back
      police         = 18,   -- the staff's share only: the call, and a statement to the officer who comes
    },
  },

  start  = "stopped",
  safety = "too_close",

  beats = {
    stopped = {
      note = "Pepper ran up to a four-year-old on a scooter and jumped up at her; the mother flagged you down. Joyce had a written warning last month.",
      -- the arrival once; after a blocked ID request she is already standing there
      says = function(s)
        if s.flags.asked_id then
          return s:line({
            uneasy    = "[She doesn't reach for her bag.] ID? So that's a yes, then. You're writing me up again. She was only saying hello.",
            defensive = "[She folds her arms, the leash wrapped round her wrist.] ID. Straight to the book. You haven't even asked me what happened.",
            venting   = "[She folds her arms.] ID? You haven't even ASKED what happened! Straight to the book!",
          })
        end
        return s:line({
          uneasy    = "[A woman in her sixties calls \"Pepper! Pepper, here!\", clips the leash onto a panting young shepherd mix and comes over.] She was only saying hello. She's never hurt a soul. You're not going to write me up again, are you?",
          defensive = "[A woman in her sixties calls \"Pepper! Here!\", clips the leash onto a panting young shepherd mix and walks straight up to you.] She was saying hello, that's all. She's never hurt a soul. You're not seriously writing me up again?",
        })
      end,
      choices = {
        { "You got her back on the leash quickly, ma'am. Thanks. Not the morning you had in mind, I'd guess.",
          tags = { "acknowledge", "thank" }, go = "her_side",
          coach = "Crediting what she did right and acknowledging her morning costs little, and it separates her from the rule she broke." },
        { "A friendly dog still can't run up to a four-year-old on a scooter. That little girl was terrified.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "True, and it starts a debate about her dog's temperament, which is the one argument you can't win and don't need." },
        { "[Take out the citation book.] Morning. I'll need to see some ID, please, and then I'll explain what happens next.",
          tags = { "task" }, set = { asked_id = true }, go = "her_side",
          coach = "The citation has to be written, but opening with the paperwork tells her the outcome before she's said a word; she won't take in anything that follows." },
        { "Let's keep our voices down, please. There are children around.",
          tags = { "calm_down" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "She isn't shouting yet. Tone-policing a worried owner in front of the other walkers is what gets her shouting." },
      },
    },

    her_side = {
      says = {
        settled   = "She's a rescue, eighteen months old. She needs to run, and I can't run with her, not with my knees. This is the one place she gets to stretch her legs.",
        uneasy    = "She's a rescue. Eighteen months. She needs to run, and I can't run with her, not with these knees. This is the one place she can stretch her legs. She didn't hurt anyone.",
        defensive = "She's a rescue. Eighteen months old. She needs to run, and I can't run with her, not with my knees. This trail is the one place she can. And she didn't hurt anyone!",
        venting   = "She's a RESCUE! She needs to run, and I can't run with her, not with my knees! This is the ONE place! And she didn't hurt anybody!",
        recovery  = "Sorry. She's a rescue, you see. Eighteen months. She needs to run, and I can't, with my knees. This is the one place she can.",
      },
      choices = {
        { "There's " .. RULES.dog_park .. " for that.",
          tags = { "options" }, grade = "poor", go = "why_not_them",
          coach = "A real option, but offered before she feels heard it sounds like 'take your dog somewhere else', and it will bounce." },
        { "A young dog who has to run, knees that won't let you run with her, and this trail is where it all works. That's the bind.",
          tags = { "paraphrase" }, go = "why_not_them",
          coach = "Reflecting her reasons back, including the knees, shows you heard the problem under the rule-breaking; it's what lets the explanation land later." },
        { "She jumped up at a child. To that mother, that's hurting someone. A dog who needs that much running needs a fenced field.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "It answers her last sentence and ignores the rest; now you're arguing about whether her dog is dangerous." },
        { "Does she get walks anywhere else?",
          tags = { "ask" }, go = "why_not_them",
          coach = "A fair, friendly question, though it goes looking for new facts instead of showing you took in what she just told you." },
      },
    },

    why_not_them = {
      note = "The challenging question. Let it pass, don't debate it, and return to what happened here.",
      says = {
        settled   = "[She nods down the trail, where two dogs are running loose by the river.] I do wonder about them, though. Why not them?",
        uneasy    = "[She points down the trail, where two dogs are running loose by the river.] And what about them? Why not them?",
        defensive = "[She points down the trail, where two dogs are running loose by the river.] And what about them? Look! Why not them? Why is it always me?",
        venting   = "[She jabs a finger down the trail, where two dogs are running loose by the river.] What about THEM? Why not THEM? It's always ME! This is harassment!",
        recovery  = "[She looks down the trail, where two dogs are running loose by the river.] Sorry. But... why not them? Honestly?",
      },
      choices = {
        { "I'm not singling you out. You had a written warning last month, and if she'd been on her leash today, we wouldn't be talking.",
          tags = { "blame" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Logically sound and it lands as 'your fault': it answers a question about fairness with a finger pointed at her." },
        { "Those dogs aren't jumping up at children.",
          tags = { "argue" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "A debate about which dog is worse is a contest she has to win in front of the other walkers." },
        { "Everyone asks me that. 'Why not them.' Ten times a day.",
          tags = { "minimize", "sarcasm" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "A tired officer's honest sigh, and it tells her she's just another complaint in a long day." },
        { "I'll go down there after this, ma'am. Right now it's Pepper and the little girl.",
          tags = { "redirect" }, go = "so_what",
          coach = "Granting the question without debating it, then coming back to what happened here, keeps you out of the power struggle." },
      },
    },

    so_what = {
      says = {
        settled   = "So what happens now? You write me a ticket because a dog said hello?",
        uneasy    = "So what happens now? You write me a ticket because my dog said hello to a child?",
        defensive = "So what, then? You write me a ticket because my dog said hello to a child?",
        venting   = "So what? You TICKET me because my dog said HELLO?",
        recovery  = "So... what happens now? A ticket? Because she said hello?",
      },
      choices = {
        { "Look, I'll make it another warning. Just keep her on the leash, okay?",
          tags = { "overpromise" }, promise = "Another warning instead of a citation.", grade = "critical", go = "warning_breach",
          coach = "Kind, and outside your authority: the policy allows " .. RULES.warning_rule .. ", and it was used. An off-the-books second warning is an unauthorised waiver." },
        { "Rules are rules, ma'am. It's not up to me.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "It is partly up to you (you chose the warning last month), and 'rules are rules' gives her no reason at all." },
        { "Not because she's unfriendly. A forty-pound dog can knock a four-year-old flat, and a frightened child can get bitten. And last month's warning was the one I'm allowed.",
          tags = { "explain_why" }, go = "meaning",
          coach = "The reason, in plain words and about the child rather than her dog's character, plus an honest account of the discretion already used." },
        { "It's " .. RULES.bylaw .. ": a leash of " .. RULES.leash_max .. " or less on town trails, and " .. RULES.warning_rule .. ".",
          tags = { "jargon" }, go = "meaning",
          coach = "Reciting the section sounds thorough and explains nothing; she asked why, and got a bylaw read aloud." },
      },
    },

    meaning = {
      says = {
        settled   = "How much is it? And does this go on some kind of record?",
        uneasy    = "How much is it? And is this going on some kind of record now?",
        defensive = "And how much is that going to cost me? Am I on some kind of record now?",
        venting   = "How MUCH? And now I've got a RECORD, have I?",
        recovery  = "How much is it? And... is this a record? I've never had so much as a parking ticket.",
      },
      choices = {
        { "Don't worry about the record. Nobody ever looks at those.",
          tags = { "minimize" }, go = "write_up",
          coach = "Meant to reassure, but it waves away a real worry and leaves her question unanswered." },
        { RULES.fine .. ", and it's " .. RULES.fine_kind .. ". Pay within " .. RULES.pay_days .. " days, or call " ..
          RULES.hearing_phone .. " and " .. RULES.hearing .. " can reduce or dismiss it.",
          tags = { "inform" }, go = "write_up",
          coach = "The amount, what it isn't, the deadline and the route to contest it: plain, complete, and it puts the next decision in her hands." },
        { "Ask for a hearing. Between us, they'll knock it down for a first one, I'm sure. I wouldn't worry about the money.",
          tags = { "overpromise" }, promise = "The hearing officer will reduce the fine.", set = { promised_hearing = true }, go = "write_up",
          coach = "Comforting, and not yours to promise: the hearing officer decides, and a 'sure thing' that doesn't happen turns into a complaint." },
        { RULES.fine .. " this time. Next time it's " .. RULES.fine_repeat .. ", and after that we start looking at the dog.",
          tags = { "threaten_early" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "The escalation schedule is real; leading with it, and with a hint at the dog, sounds like a threat to the thing she loves." },
        { "[Say nothing; start writing. It'll all be on her copy.]",
          tags = { "ignore" }, go = "write_up",
          coach = "She asked two plain questions, the money and the record; silence while you write answers neither and feels like being processed." },
      },
    },

    write_up = {
      -- the license comes out once; on a second pass (a blocked write-up, or a pause) she says what is under it
      says = function(s)
        if s.flags.tried_write or (s.visits.write_up or 0) > 1 then
          return s:line({
            settled   = "[She hands the license over.] Sorry. A year of mornings here, and one bad minute. Go on, write it.",
            uneasy    = "[The license is still in her hand.] We've walked here every morning for a year. One bad minute. Go on, then.",
            defensive = "[License still out, jaw tight.] A year of mornings on this trail, and one bad minute is what counts. Go on. Write it.",
            venting   = "[She waves the license.] A YEAR I've walked here! One bad minute! Well? Write it!",
            threatening = "[She shoves her license at your chest, stepping in close, and Pepper starts to bark.] Go on! WRITE it!",
            recovery  = "[She holds the license out again, quieter.] Sorry. It's been a year of mornings here, that's all. Go on.",
          })
        end
        return s:line({
          settled   = "[She takes out her driver's license.] All right. Write it, then.",
          uneasy    = "[She sighs and holds out her driver's license.] Fine. Write it, then.",
          defensive = "[She holds out her driver's license, jaw tight.] Fine. Write it.",
          venting   = "[She thrusts her license at you.] Go on, then! Write it!",
          threatening = "[She shoves her license at your chest, stepping in close, and Pepper starts to bark.] Go on! WRITE it!",
          recovery  = "[She holds out her license.] All right. Sorry. Write it.",
        })
      end,
      choices = {
        { "[Take the license. Write the citation, read the details back to her, and circle the hearing number on her copy.]",
          tags = { "task" }, set = { tried_write = true }, go = "pepper_needs",
          coach = "The work itself, done openly once she's ready to hand it over: reading it back lets her check it's right and makes the route feel like hers." },
        { "[Pen still. Let her say it.]",
          -- offered while the write-up can't land yet (the engine's task rule: calm enough, and heard)
          when = function(s) return s.agitation > 45 or (s.agitation >= 20 and not s.heard) end,
          tags = { "pause", "listen" }, go = "write_up",
          coach = "While she's still this hot, the citation won't land; a moment with the pen still lets her get the rest out first." },
        { "If you'd kept her on the leash after the warning, we wouldn't be standing here. I gave you a break. Let's just get it done.",
          tags = { "blame" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "She has already accepted the citation; a parting 'told you so' reopens it." },
        { "[Write it up in silence, tear off her copy and hand it over.]",
          tags = { "task", "ignore" }, set = { tried_write = true }, go = "pepper_needs",
          coach = "The citation gets written, but silence while you write feels like being processed, just as she had started to trust you." },
      },
    },

    pepper_needs = {
      says = {
        settled   = "[She folds the citation into her pocket.] So where's she meant to run? She's a young dog. She'll be climbing the walls.",
        uneasy    = "[She folds the citation into her pocket.] So where's she supposed to run now? She's a young dog. She'll climb the walls at home.",
        defensive = "[She stuffs the citation into her pocket.] So where's she supposed to run? She's a young dog! She'll go mad in the house.",
        venting   = "[She crumples the citation into her pocket.] So where's she supposed to RUN? Tell me that!",
      },
      choices = {
        { "That's something you'll have to work out, I'm afraid.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = HEAT,
          coach = "Accurate about whose dog it is, and it shuts the one door where you can actually help." },
        { cap(RULES.dog_park) .. " is fenced, off-leash " .. RULES.dog_park_hours .. ". Or " .. RULES.meadow .. ": " .. RULES.meadow_rule .. ".",
          tags = { "options", "inform" }, set = { offered_places = true }, go = "close",
          coach = "Real places, within the rules, that meet the need she told you about (a young dog's run, an owner's knees): the citation stands and her problem gets smaller." },
        { "Off the record? Early mornings, before the joggers are out, nobody's going to bother you. I've never written anyone up before eight.",
          tags = { "overpromise" }, promise = "Early-morning off-leash walks won't be enforced.", set = { nod_and_wink = true }, go = "close",
          coach = "A kindly wink, and a promise on behalf of every officer who patrols this trail; the next one will cite her, and she'll say you told her it was fine." },
      },
    },

    close = {
      says = function(s)
        if s.flags.nod_and_wink then
          return s:line({
            settled   = "[She smiles for the first time.] Early mornings. Right. Thank you, officer. You're one of the good ones.",
            uneasy    = "Early mornings, then. Well. Thank you for that, at least.",
            defensive = "Early mornings. Fine. At least that's something.",
            venting   = "Early mornings! Fine! So the rules are for daytime only, are they?",
          })
        end
        if not s.flags.offered_places then
          return s:line({
            settled   = "[She looks down at Pepper, who is sniffing the grass.] Well. I'll have to think of something for her.",
            uneasy    = "[She looks down at Pepper.] I'll work something out for her. I always do.",
            defensive = "I'll work something out. No thanks to you.",
            venting   = "I'll work it out MYSELF, then, shall I? As usual!",
          })
        end
        return s:line({
          settled   = "[She looks down at Pepper, who is sniffing the grass.] " .. RULES.meadow .. ". She'd like that. She'll hate the car ride, mind you.",
          uneasy    = "[She looks down at Pepper.] The meadow, then, early on. She'll hate the car ride.",
          defensive = "The meadow. Fine. I still think this is unfair.",
          venting   = "A meadow! Wonderful! Thanks for NOTHING!",
        })
      end,
      choices = {
        { "And keep her on the leash from now on, or the next one's " .. RULES.fine_repeat .. ".",
          tags = { "threaten_early" }, go = function(s) return close_out(s) end, targets = CLOSE,
          coach = "True, and she already knows; the last word as a warning undoes the goodwill you built." },
        { "Thanks. [Head off down the trail toward the loose dogs.]",
          tags = { "ignore" }, go = function(s) return close_out(s) end, targets = CLOSE,
          coach = "The loose dogs do need seeing to, but a 'thanks' over your shoulder is a brush-off after a hard conversation." },
        { "Thanks for hearing me out. Take care, both of you.",
          tags = { "thank" }, go = function(s) return close_out(s) end, targets = CLOSE,
          coach = "Thanking her for listening, and wishing her and the dog well, lets her leave with her dignity and a reason to keep the leash on." },
      },
    },

    heated = {
      note = "First flare-up. Let it burn off; few words; keep an eye on the dog.",
      says = {
        uneasy    = "You know what this is? It's harassment. Every day I'm here, and you pick on me.",
        defensive = "This is harassment! You've had it in for me since last month! Every day I walk here and you pick on me!",
        venting   = "This is HARASSMENT! You've had it in for me since last month! Every single day I'm here, and it's always ME!",
      },
      choices = {
        { "Nobody is harassing you. You were warned last month for the same thing. That's my job, not picking on you.",
          tags = { "argue" }, go = function(s) return fed_up(s, "regulars") end, targets = { "regulars", "stormed_off" },
          coach = "A defence of yourself is an argument she has to answer, and now the regulars are watching it." },
        { "Let's step off the path over by that bench, out of everyone's way.",
          tags = { "private" }, go = "cooled",
          coach = "Moving out of the stream of walkers removes the audience; good, though a moment of listening first would land better." },
        { "[Say nothing. Stay a leash-length back; watch the dog.]",
          tags = { "listen", "self_regulate" }, go = "cooled",
          coach = "Saying nothing while she vents takes the fuel away; standing a leash-length back keeps you safe from a stressed dog." },
      },
    },

    regulars = {
      note = "Near-miss cue: a regular films. Discomfort, not danger; leaving here abandons the contact.",
      says = {
        settled   = "[A man with a beagle stops and raises his phone.] It's all right, Frank's just keeping a record. Aren't you, Frank?",
        uneasy    = "[A man with a beagle stops and raises his phone.] Frank, would you film this, please? Just so there's a record.",
        defensive = "[A man with a beagle stops and raises his phone.] Good. Film it, Frank. Film her picking on a pensioner.",
        venting   = "[A man with a beagle stops and raises his phone.] FILM it, Frank! Let everyone see her harassing a pensioner!",
        threatening = "[She steps right up into your face as the man films, and Pepper lunges at the end of the leash, barking, teeth showing.] Go on! Write THAT down!",
      },
      choices = {
        { "Could you put the phone away, please? This is between me and the owner, and filming isn't helping her.",
          tags = { "stop_filming" }, go = function(s) return stayed(s, fed_up(s, "supervisor")) end, targets = { "supervisor", "still_close", "stormed_off" },
          coach = "Filming on a public trail is lawful; telling him to stop makes you the story and gives Joyce an ally. With her in your face and the dog lunging, it also keeps you in reach." },
        { "[Radio the office that you're leaving, and walk off down the trail.]",
          when = function(s) return not s.tripwire end,
          tags = { "disengage" }, go = function(s) return leave(s) end, targets = { "stepped_away", "left_early" },
          coach = "A phone and a raised voice are uncomfortable, not dangerous. Leaving now abandons a contact mid-way and looks like retreat on video; save it for a real cue." },
        { "[To the camera:] For the record, her dog jumped up at a four-year-old.",
          tags = { "argue" }, go = function(s) return stayed(s, fed_up(s, "supervisor")) end, targets = { "supervisor", "still_close", "stormed_off" },
          coach = "Playing to the camera turns a citation into a public argument about her dog, which you'll lose whichever of you is right. With her in your face and the dog lunging, it also keeps you in reach." },
        { "[Ignore the camera. Quietly:] Mrs. Okonkwo, come over to the bench with me a minute.",
          when = function(s) return not s.tripwire end,
          tags = { "private" }, go = function(s)
            if (s.visits.cooled or 0) > 0 then return "bench" end
            return "cooled"
          end,
          targets = { "cooled", "bench" },
          coach = "Ignoring the camera and taking her a few steps from the audience makes the most boring video, and lets her climb down without losing face." },
        { "[Get past the leash's range, bench between you, radio in.] We're finished here. It'll come by mail.",
          when = function(s) return s.tripwire end,
          tags = { "disengage" }, go = "stepped_away",
          coach = "She's in your face and the dog is lunging: that's a real cue, not a camera. Distance beyond the leash, a barrier, help on the radio, and the citation by mail; you never turn your back on the dog." },
      },
    },

    cooled = {
      says = {
        settled   = "[She wipes her eyes.] I'm sorry. I'm not like this. She's all I've got since my husband died. This walk is... it's our thing.",
        uneasy    = "[She wipes her eyes.] Sorry. I'm not like this. She's all I've got since my husband died, and this walk is our thing.",
        defensive = "[She blinks hard.] She's all I've got, you know. Since my husband died. This walk is our thing.",
        venting   = "She's all I've GOT! Since my husband died! This walk is the one thing we have!",
        recovery  = "[She wipes her eyes.] I'm sorry. I'm not like this. She's all I've got since my husband died. This walk is... it's our thing.",
      },
      choices = {
        { "Since your husband. So this walk is a lot more than exercise.",
          tags = { "label", "acknowledge" }, go = function(s) return resume(s) end, targets = STEPS,
          coach = "In the recovery window, naming what the walk means to her (not the outburst) rebuilds trust fast; the rule can wait a sentence." },
        { "I'm sorry for your loss, I really am. But I have to treat every owner the same, so the rules still apply.",
          tags = { "policy_wall" }, go = function(s) return fed_up(s, "supervisor") end, targets = { "supervisor", "stormed_off" },
          coach = "Condolence as a preface to 'but the rules': she's just told you what the walk means, and the 'sorry' only tells her it didn't register." },
        { "Okay. I understand, and I'm sorry to hear that. So, about the citation: let me go through what happens now.",
          tags = { "inform", "hollow" }, go = function(s) return resume(s) end, targets = STEPS,
          coach = "Polite words and straight past what she just told you: she is left unheard, and what comes next may not land." },
      },
    },

    bench = {
      says = {
        settled   = "[On the bench, away from Frank's phone, she sits down heavily.] I know she shouldn't have jumped up. I know that. I'm just so tired of being told off.",
        uneasy    = "[On the bench, away from Frank's phone, she sits down heavily.] I know she shouldn't have jumped. I do know. I'm just tired of being told off.",
        defensive = "[At the bench, away from Frank, she stays standing.] I know she shouldn't have jumped. All right? I know. I'm just sick of being told off.",
        venting   = "[At the bench, still loud.] I KNOW she shouldn't have jumped! I'm just sick of being told off like a child!",
        recovery  = "[On the bench, away from Frank's phone, she sits down heavily.] I know she shouldn't have jumped up. I know. I'm just so tired of being told off.",
      },
      choices = {
        { "Well, I understand nobody likes being told off. But the leash rule is the same for everyone on this trail.",
          tags = { "minimize", "policy_wall" }, go = function(s) return fed_up(s, "supervisor") end, targets = { "supervisor", "stormed_off" },
          coach = "She just admitted the dog was wrong; meeting that with the rule again leaves her nowhere to go but back up." },
        { "That took some saying. Shall we go through what happens now?",
          tags = { "thank", "ask" }, grade = "good", go = function(s) return resume(s) end, targets = STEPS,
          coach = "Crediting the admission is good; asking before you explain gives her a say. It skips what she said about feeling told off, though." },
        { "You've felt watched on this trail for a while, and today piled on top of it.",
          tags = { "label" }, grade = "best", go = function(s) return resume(s) end, targets = STEPS,
          coach = "Naming the feeling under 'harassment' (being watched and told off) tells her you heard it, without agreeing that she's been picked on." },
      },
    },

    supervisor = {
      says = {
        settled   = "I think I'd like to speak to your supervisor, if that's all right.",
        uneasy    = "I'd like to speak to your supervisor, please.",
        defensive = "I want to speak to your supervisor. Now.",
        venting   = "Get me your SUPERVISOR. Now!",
      },
      choices = {
        { "[Radio " .. RULES.supervisor .. ", where Joyce can hear:] Warning on file, dog off leash, jumped up at a small child. The owner feels singled out and is asking for you.",
          tags = { "handoff" }, go = "supervisor_routed",
          coach = "She asked, and a warm handoff with the facts passed on means she doesn't have to start again, and the decision is reviewed by someone else." },
        { "You can ask, but she'll tell you the same thing: a warning last month, off the leash today, and a child involved.",
          tags = { "policy_wall" }, go = "stormed_off",
          coach = "Probably true, and it shuts the last door she can see." },
        { "You can call " .. RULES.office .. " at " .. RULES.office_phone .. ".",
          tags = { "buck_pass" }, go = "stormed_off",
          coach = "A phone number in place of a person is a cold transfer; she'll call, and the complaint will be about you." },
      },
    },

    too_close = {
      tripwire = true,
      note = "Tripwire and safety beat: the owner is in your face and the dog is lunging on the leash between you. Distance first; the citation can be mailed.",
      says = {
        uneasy      = "[She steps right up to you, finger raised. Pepper, picking up on it, lunges at the end of the leash, barking, teeth showing.]",
        defensive   = "[She steps right up into your face, finger jabbing. Pepper lunges at the end of the leash, barking, teeth showing.] Write THAT down!",
        venting     = "[She steps right up into your face, finger jabbing at your chest. Pepper lunges at the end of the leash, snarling.] Go on! Write THAT down!",
        threatening = "[She's in your face, finger jabbing your chest, and Pepper lunges at the end of the leash, snarling, inches from your leg.] Go on! WRITE IT DOWN!",
      },
      choices = {
        { "[Reach down and grab Pepper's collar to hold her back.]",
          tags = { "invade_space" }, go = "still_close",
          coach = "Grabbing a stressed dog's collar, with the owner in your face, is how officers get bitten; you don't handle a dog you don't need to." },
        { "Ma'am! Step back and control your dog! Now!",
          tags = { "calm_down" }, go = "still_close",
          coach = "Shouting orders keeps you within reach of a lunging dog, and it winds both of them up further." },
        { "[Half a step back, pen still moving:] I'm writing this up either way, and that goes in my report too.",
          tags = { "argue" }, go = "still_close",
          coach = "Half a step is still inside the leash's range, and carrying on with the citation while she is in your face keeps both her and the dog at you." },
        { "[Get past the leash's range, bench between you, radio in.] We're finished here. It'll come by mail.",
          tags = { "disengage" }, go = "stepped_away",
          coach = "An owner in your face and a dog lunging between you is a tripwire: distance and a barrier first, help on the radio, and the citation by mail." },
      },
    },

    still_close = {
      tripwire = true,
      note = "Second tripwire beat: the officer stayed. It is still not too late to get distance.",
      says = {
        uneasy      = "[Pepper is barking wildly now, straining toward you, and Joyce is struggling to hold the leash.] Pepper! PEPPER!",
        defensive   = "[Pepper is barking wildly, straining toward you, and Joyce is struggling to hold the leash.] Now look what you've done! Pepper!",
        venting     = "[Pepper is snarling and straining toward your legs; Joyce can barely hold the leash.] Now look what you've DONE!",
        threatening = "[Pepper is snarling and lunging at your legs; the leash is slipping through Joyce's hands.] Look what you've DONE!",
      },
      choices = {
        { "[Crouch down, hold out your hand and talk softly to Pepper.]",
          tags = { "invade_space" }, go = "incident",
          coach = "Soothing a snarling dog face to face puts your hand and your face at her level; that's an animal-handling job for later, not this moment." },
        { "Get control of that dog right now, or she goes to the pound and you explain it at a dangerous-dog hearing!",
          tags = { "threaten_early" }, go = "incident",
          coach = "A threat to take her dog at the moment she's losing her grip on the leash makes both of them more frantic, and you're still in reach." },
        { "[Sideways and slowly, eyes off the dog, back away until the bench is between you. Call for a second officer.]",
          tags = { "disengage" }, go = "stepped_away",
          coach = "Late is better than never: slow, sideways distance from a frightened dog, a barrier, and help on the way. The citation can be mailed." },
      },
    },
  },

  endings = {
    cited_satisfied = {
      outcome = "resolved_satisfied",
      says    = function(s)
        if s.flags.offered_places then return "Thank you. Really. I'll try the meadow tomorrow. Come on, Pepper." end
        return "Thank you. Really. Come on, Pepper."
      end,
      -- the meadow only on the paths where somebody told her about it
      debrief = function(s)
        local after = s.flags.offered_places
          and "Joyce paid the fine and started taking Pepper to " .. RULES.meadow .. " in the early mornings. "
          or "Joyce paid the fine and kept Pepper on the leash on the trail; nobody had told her where a young dog can run, so she found out later from a neighbour. "
        return after .. "She still thinks the trail rule is too strict, but she felt treated as a person, not a problem, and there were no more complaints about Pepper."
      end,
    },
    cited_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. I still think it's unfair. But thank you for explaining it.",
      -- where Pepper can run only on the paths where somebody told her
      debrief = function(s)
        local knows = s.flags.offered_places and "how to contest it and where Pepper can run. " or "and how to contest it; where Pepper can run was left to her. "
        return "Joyce disagrees with the citation and may ask for a hearing, which is her right. She left knowing why it was written, what it means " ..
               knows .. "For an enforcement contact, that is a full pass."
      end,
    },
    hearing_route = {
      outcome = "routed",
      task    = true,
      says    = "I'll be asking for a hearing. I want someone else to look at this.",
      debrief = "Joyce requested a hearing, the proper channel, and the hearing officer upheld the citation. She left still tense; " ..
                "a little more time hearing her out would likely have made the hearing unnecessary.",
    },
    supervisor_routed = {
      outcome = "routed",
      task    = true,
      says    = "Thank you. I'll wait for her.",
      debrief = "The supervisor came, heard the facts from you and Joyce's side from her, and confirmed the citation and the hearing route. " ..
                "Her time was the cost; the warm handoff meant Joyce didn't have to start over.",
    },
    warning_breach = {
      outcome = "breach",
      says    = "[She looks surprised.] Oh. Well. Thank you, dear.",
      debrief = "The policy allows " .. RULES.warning_rule .. ", and it had been used. The child's mother asked Animal Control what had been done, " ..
                "found there was no citation, and complained; the case was reopened by a supervisor and Joyce was cited anyway, now feeling misled.",
    },
    promise_broken = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "Right. A hearing, and they'll knock it down. Thank you.",
      debrief = "The hearing officer upheld the full fine: there had been a warning and a child. Joyce complained that 'the officer said it would be reduced'. " ..
                "You don't decide hearings; a comforting prediction only moved the disappointment to a worse day.",
    },
    nod_and_wink = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "Early mornings. I'll remember that.",
      debrief = "Three weeks later a colleague cited Joyce at 6:45 a.m.: a second citation, at " .. RULES.fine_repeat .. ". She complained that another officer had told her " ..
                "early mornings were fine. A wink is a promise made for every officer on the trail.",
    },
    stormed_off = {
      outcome = "escalated",
      says    = {
        defensive = "I've heard enough. You'll be hearing from the selectboard.",
        venting   = "That's IT! You'll be hearing from the selectboard! Come on, Pepper!",
      },
      -- Frank and his video only on the paths where he filmed
      debrief = function(s)
        if (s.visits.regulars or 0) > 0 then
          return "Joyce wrote to the selectboard and the local paper that afternoon, and Frank's video went round the dog walkers' group. " ..
                 "A supervisor had to review the citation and the clip to write back, and the citation still had to be explained to her again."
        end
        return "Joyce wrote to the selectboard and the local paper that afternoon, and the dog walkers who had watched it told their version in the group chat. " ..
               "A supervisor had to review the citation and write back, and the citation still had to be explained to her again."
      end,
    },
    left_early = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint" },
      says    = "[Behind you, Frank keeps filming.] That's right, walk away!",
      debrief = "Walking off on a phone camera and a raised voice, with no threat and the dog under control, left the citation unwritten and the video titled " ..
                "'officer runs off'. Joyce complained, and the child's mother asked why nothing was done. Walking away is a safety tool; this wasn't the moment.",
    },
    stepped_away = {
      outcome = "safety_exit",
      says    = "[She stops, breathing hard, and hauls Pepper back to her side.]",
      debrief = "You got distance and a barrier between you and a lunging dog, called it in, and left. The citation went by mail, the contact was " ..
                "written up with her words, and the next visit to the trail was planned with a second officer. Nobody was hurt.",
    },
    incident = {
      outcome = "escalated",
      follow_on = { "police" },
      says    = "[Pepper's teeth catch your sleeve and Joyce screams her name. Someone calls 911.]",
      debrief = "Staying within reach of an owner in your face and a lunging dog ended with a bite to your forearm, a police report and a dangerous-dog " ..
                "hearing for Pepper that nobody wanted. When the owner closes in and the dog is between you, the answer is distance, not control.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: acknowledge, reflect, let 'why not them' pass, explain, inform, write it, options, thank",
      choices = { 1, 2, 4, 3, 2, 1, 2, 3 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "tone-policing, a self-defence, stopping the camera, then staying in reach of the dog",
      choices = { 4, 1, 1, 1, 2 },
      expect = { outcome = "escalated", passed = false, max_score = 25 } },
    { name = "a typical novice: paperwork first, an argument about the other dogs, then a hearing",
      choices = { 3, 1, 4, 2, 3, 3, 4, 2, 3, 2, 1 },
      expect = { outcome = "routed", passed = false, min_score = 45, max_score = 70, min_ratio = 2.2, max_ratio = 3.5 } },
    { name = "an unofficial second warning is a breach",
      choices = { 1, 2, 4, 1 },
      expect = { outcome = "breach", critical = true, passed = false } },
    { name = "in her face with the dog lunging at the camera beat: distance and the bench is the safety exit",
      choices = { 3, 4, 1, 3 },
      expect = { outcome = "safety_exit", ending = "stepped_away", critical = false } },
    { name = "a write-up she can't take in yet: the pen held still until she can",
      choices = { 1, 1, 2, 1, 4, 1, 4, 1, 2, 2, 1, 2, 3 },
      expect = { outcome = "resolved_satisfied", ending = "cited_satisfied" } },
    { name = "leaving on the camera is not a safety exit",
      choices = { 1, 3, 1, 2 },
      expect = { outcome = "unresolved", ending = "left_early", passed = false } },
    { name = "the calmest path costs under about twice a calm contact", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best path costs at most twice a calm contact", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm contacts, follow-on included", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
