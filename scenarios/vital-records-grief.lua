-- Seed 14: a grieving son needs certified copies of his mother's death certificate for the bank, but the record hasn't been filed yet. The anger is grief.
-- path best:   4,2,1,3,2,1,4,2,1,3,4
-- path worst:  1,2,1,2,2,3,2,3
-- path novice: 1,2,1,2,2,1,1,4 (still upset for three exchanges at the end, he walks out before ordering)
-- the near-miss: 4,2,1,3,2,2 steps away from tears and a raised voice (unresolved, with a complaint)

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office        = "Town Clerk's office",
  copy_fee      = "$20",                        -- per certified copy
  copies        = "five",                       -- what he asks for
  funeral_home  = "Brightwater Funeral Home",
  director      = "Ms. Pryce",                  -- the funeral director handling the arrangements
  doctor        = "Dr. Amari",                  -- the hospice physician who certifies the cause of death
  signs_by      = "tomorrow morning",           -- when the doctor's office says it will sign (it is Friday: he died Sunday, five days ago)
  filed_by      = "first thing Monday",         -- when the funeral home says it will file (the office is closed at the weekend)
  chase_by      = "Monday at 9",                -- when the clerk commits to chase the funeral home if nothing arrives (before his bank appointment)
  clerk_phone   = "555-0119",                   -- the office's direct line
  town_clerk    = "Ms. Abernathy",              -- the Town Clerk, who supervises the counter
  side_desk     = "the desk by the window",     -- a quieter spot, still in the open office
}


-- A RULES value that starts a sentence ("the desk by the window" -> "The desk by the window").
local function cap(x) return x:sub(1, 1):upper() .. x:sub(2) end

-- How many missteps he has had to put up with so far.
local MISTAKES = { "argue", "minimize", "buck_pass", "policy_wall", "calm_down", "sarcasm", "why_question",
                   "blame", "jargon", "hollow", "ignore", "interrupt" }
local function missteps(s)
  local n = 0
  for _, t in ipairs(MISTAKES) do n = n + (s.used[t] or 0) end
  return n
end

-- After enough missteps he stops trying: he asks for someone in charge, or leaves.
local function fed_up(s, otherwise)
  if missteps(s) >= 3 then
    if (s.visits.town_clerk or 0) > 0 then return "left_hurt" end
    return "town_clerk"
  end
  return otherwise
end

-- Brushed off: the first time he says so; after that he gives up on the counter.
local function hurt(s)
  if (s.visits.hurt or 0) > 0 then return fed_up(s, "town_clerk") end
  return fed_up(s, "hurt")
end

-- At the end: a promise nobody can keep comes due; real follow-through earns the warm ending.
-- A man still shouting at the door has not accepted anything: handed a form while the next
-- person was called, he leaves without ordering, as he would have walked out a turn later.
local function finish(s)
  if s.flags.promised then return "promise_broken" end
  if s.band == "venting" or s.band == "threatening" then return "left_hurt" end
  -- the warm ending needs the order really taken with him (not a form left to fill in alone)
  if s.band == "settled" and (s.used.own or 0) >= 2 and not s.flags.form_only then return "ordered_satisfied" end
  return "ordered_accepted"
end

return scenario {
  id         = "vital-records-grief",
  title      = "Five copies, today",
  setting    = "counter",
  role       = "Assistant clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A son whose mother died on Sunday needs death certificates for the bank today, before the paperwork has reached the office.",
  objectives = {
    "Open a counter visit with someone who is newly bereaved.",
    "Tell grief from danger when a voice is raised at the counter.",
    "Give bad news plainly, then offer what the counter can really do.",
  },

  resident = {
    name       = "Tomás Herrera",
    agitation  = 50,
    trust      = 30,
    need       = "safety",
    volatility = 0.9,
    recovery   = 1.2,
    audience   = true,
    waited     = 10,
    look = { skin = 1, hair = "short", hair_colour = "brown", top = "shirt" },
  },

  -- A calm visit: condolence, the name and date, the lookup, the order and fee (the task), when
  -- and how he'll hear, goodbye: about fifteen minutes. M is the default 5 (it was 7): grief makes
  -- the visit slower through more and longer exchanges, not through dearer minutes.
  time = {
    task = 6, calm_turns = 6, resident = 0.4,
    follow_on = {
      supervisor     = 15,  -- the Town Clerk takes the order (the six-minute task), calls the funeral home, writes him a note
                            -- and hears him out: about one calm visit of her time
      repeat_contact = 10,  -- his second trip to the counter (or call) once the record is filed
      complaint      = 25,  -- a family's letter to the selectboard: the Town Clerk's reply and a call to them
      police         = 20,  -- the call to the police, and a statement to the officer who comes
    },
  },

  start  = "arrives",
  safety = "sweeps",

  beats = {
    arrives = {
      note = "A young couple applying for a marriage licence is in line behind him. He hasn't said so yet, but the record isn't on file.",
      says = {
        uneasy    = "[He sets a folder on the counter.] Hi. I need death certificates for my mother, Elena Herrera. " .. "Five certified copies. The bank needs them today.",
        defensive = "[He sets a folder on the counter. His hands aren't quite steady.] I need death certificates. Five certified copies. " ..
                    "Elena Herrera, my mother. The bank needs them today.",
        venting   = "[He puts the folder down hard.] Death certificates. Elena Herrera. Five copies. Today. The bank won't do a thing without them.",
      },
      choices = {
        { "Sorry for your loss. Name and date of death? [Start typing; the line behind him is getting long.]",
          tags = { "ignore", "ask" }, set = { at_counter = true }, go = "not_filed",
          coach = "A condolence said on the way to the keyboard is a formula: the first thing a man who lost his mother on Sunday really gets is the back of a monitor. A real word first would take no longer." },
        { "Oh, today might be a stretch. These usually take a few days after a death.",
          tags = { "minimize" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "Meant as gentle warning, but 'a stretch' and 'usually' make his emergency sound routine before you've even looked." },
        { "Copies can only be issued once the funeral director has filed the record with us. Do you know if that's happened?",
          tags = { "inform" }, set = { at_counter = true }, go = "not_filed",
          coach = "Accurate and relevant, but a procedure before a word of sympathy sounds like a gate, and he isn't ready to take it in." },
        { "I'm so sorry about your mother.",
          tags = { "acknowledge" }, go = "condolence",
          coach = "Condolence first, plainly. It tells him he is a person here before he is a request." },
      },
    },

    condolence = {
      says = {
        uneasy    = "[He nods, jaw tight.] Thank you. Sunday. At home, with hospice. I've been on the phone since Monday. The bank says they can't do anything without the certificate.",
        defensive = "[He nods once.] Thanks. Sunday. At home; hospice. I've been on the phone since Monday, and the bank won't do anything without the certificate.",
        venting   = "Thanks. Sunday. And since Monday I've been on hold with everyone. The bank won't lift a finger without the certificate.",
      },
      choices = {
        { "Banks are the worst for this. They always want everything yesterday.",
          tags = { "hollow" }, go = "paused",
          coach = "Siding against the bank feels warm, but it's small talk about his problem, not attention to him." },
        { "[Don't rush to fill the silence. Give him a moment.]",
          -- a moment's silence costs what a pause costs: the listening here is attention, not talk
          tags = { "pause", "listen" }, effect = { minutes = 0.5 }, go = "paused",
          coach = "A deliberate, attentive pause tells him there's no hurry here; for someone grieving, being given time is a kind of safety." },
        { "The bank has to see a certified copy; it's how they protect her estate.",
          tags = { "explain_why" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "True, and he didn't ask; explaining the bank's reasons to a man who has been fighting the bank all week lands as taking its side." },
        { "Let me see whether the record's come in. [Turn to the screen.]",
          tags = { "redirect" }, set = { at_counter = true }, go = "not_filed",
          coach = "Reasonable, but he'll get the news standing at the counter, in front of the line, before he has had a chance to breathe." },
      },
    },

    paused = {
      says = {
        settled   = "[After a moment.] Sorry. I haven't really slept. She did everything: the bills, the house. Now it's me, and I don't know what I'm doing.",
        uneasy    = "[After a moment.] Sorry. I haven't really slept. She did everything, the bills, the house. Now it's me, and I don't know what I'm doing. [He glances at the couple behind him.]",
        defensive = "[After a moment.] I haven't slept. She ran everything, the bills, the house. Now it's me. [He glances back at the couple in line.]",
        venting   = "I haven't slept! She ran everything and now it's all on me! [He glances back at the couple in line.]",
      },
      choices = {
        { "Would you like to sit down? " .. cap(RULES.side_desk) .. " is quieter. I'll bring everything over.",
          tags = { "private", "listen" }, set = { aside = true }, go = "funeral_story",
          coach = "He glanced at the line: he is aware of being watched. A quieter spot, still in the open office, gives him back some dignity." },
        { "Everyone feels like that at first. You'll get the hang of it.",
          tags = { "minimize" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "Meant as encouragement, but it files his first week without his mother under 'normal teething troubles'." },
        { "You're doing fine. Let me just check on the record for you now. [Turn to the screen.]",
          tags = { "redirect" }, set = { at_counter = true }, go = "not_filed",
          coach = "Kind, and it moves on from what he just told you: he'll hear whatever the screen says standing at the counter, with the couple listening." },
        { "I understand completely. It's a lot.",
          tags = { "hollow" }, go = "funeral_story",
          coach = "Not unkind, but a stock phrase, and he's still standing at the counter with people behind him." },
      },
    },

    funeral_story = {
      says = function(s)
        local seat = s.flags.aside and "[He sits, the folder on his knees.] " or ""
        return seat .. s:line({
          settled   = "The funeral home said the paperwork goes to the town in a day or two and I could pick up copies here. That was Tuesday. The bank appointment's Monday, and the funeral deposit has to come out of her account.",
          uneasy    = "The funeral home said it goes to the town in a day or two and I could pick up copies here. That was Tuesday. The bank's Monday, and the funeral deposit has to come out of her account.",
          defensive = "The funeral home said a day or two. That was Tuesday. The bank's Monday, and the funeral deposit has to come out of her account. It all hangs on this paper.",
          venting   = "They said a day or two! That was TUESDAY! The bank's Monday, the deposit's stuck in her account, and it all hangs on one piece of paper!",
        })
      end,
      choices = {
        { "Right, right. Date of birth? [Start typing.]",
          tags = { "interrupt" }, go = "not_filed",
          coach = "Cutting in once you have what you need tells him the rest of his story was in the way." },
        { "If the funeral home said so, it should be here by now; they're usually very good. I'll print them for you, and you can be at the bank this afternoon.",
          tags = { "overpromise" }, set = { promised = true }, go = "not_filed",
          promise = "The copies are ready today.",
          coach = "Raising his hopes before you've looked; if the record isn't there, the fall is harder." },
        { "They told you it would be here by now, the bank won't move without it on Monday, and the deposit for the funeral is stuck behind it.",
          tags = { "paraphrase" }, go = "not_filed",
          coach = "Giving him back the chain, funeral home to bank to deposit, shows he was heard and that you see why this one paper matters." },
        { "Funeral homes say that to everyone. It never actually takes a day or two; it's more like a week.",
          tags = { "buck_pass" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "Blaming another office may be half true; it leaves him more alone and no closer to an answer." },
      },
    },

    not_filed = {
      enter = function(s) s.flags.knows = true end,
      note = "The record was started by the funeral home on Tuesday; the cause of death still needs the hospice doctor's signature. Nothing can be certified until it's filed.",
      says = function(s)
        if s.flags.at_counter then
          return s:line({
            settled   = "[You look the record up. He watches your face, the couple waiting behind him.] It's not there, is it?",
            uneasy    = "[You look the record up. He watches your face; the couple behind him are waiting.] It's not there, is it?",
            defensive = "[You look the record up, with the couple waiting behind him.] What? What does it say?",
            venting   = "[You look the record up. The couple behind him go quiet.] What? What does it SAY?",
          })
        end
        return s:line({
          settled   = "[You look the record up. He watches your face.] It's not there, is it?",
          uneasy    = "[You look the record up. He watches your face.] It's not there, is it?",
          defensive = "[You look the record up. He watches your face.] What? What does it say?",
          venting   = "[You look the record up.] What? What does it SAY?",
        })
      end,
      choices = {
        { "No. It hasn't been filed, so there's nothing I can issue. You'll have to take that up with the funeral home.",
          tags = { "policy_wall", "buck_pass" }, effect = { agitation = 14 }, go = "snaps",
          coach = "Every word is true, and it closes the door twice: nothing here, go somewhere else." },
        { "Not yet. It's waiting on the doctor's signature; after that the funeral home files it with us. " ..
          "Until it's filed I can't print a certified copy, so not today. I'm sorry.",
          tags = { "inform", "explain_why" }, effect = { agitation = 6 }, grade = "best", go = "snaps",
          when = function(s) return s.heard end,
          coach = "The bad news, whole and plain: where it is, who it's waiting on, and an honest 'not today'. It will still hurt; softening it would only postpone it." },
        { "Not yet. It's waiting on the doctor's signature; after that the funeral home files it with us. " ..
          "Until it's filed I can't print a certified copy, so not today. I'm sorry.",
          tags = { "inform", "explain_why" }, effect = { agitation = 10 }, grade = "acceptable", go = "snaps",
          when = function(s) return not s.heard end,
          coach = "Plain and honest, and the best way to say it; but he hadn't been heard yet, so it lands harder than it would have a minute later." },
        { "It's pending certification in the state system. Once the certifier completes the cause-of-death section, the funeral director can register the record electronically, and only then can we issue certified copies under state law.",
          tags = { "jargon" }, effect = { agitation = 11 }, go = "snaps",
          coach = "Accurate, in the office's own words; 'certifier' and 'register' mean nothing to someone who hasn't slept." },
        { "Not yet, but they usually come through by the afternoon. Do you want to wait?",
          tags = { "overpromise" }, set = { promised = true }, go = "what_can",
          promise = "The record will arrive this afternoon.",
          coach = "It spares him for a moment, but you can't see the doctor's desk from here; a hope you can't back becomes a second blow." },
      },
    },

    snaps = {
      note = "The near-miss: a raised voice and one harsh word, then tears. This is grief, not danger. Stay, steady and quiet.",
      says = function(s)
        local where = s.flags.aside and "" or " The couple behind him go silent."
        return s:line({
          settled   = "[His voice rises." .. where .. "] Then what am I supposed to do? Tell the bank to wait? You people are useless! " ..
                      "[He stops. His eyes fill, and he presses the heel of his hand against them.]",
          uneasy    = "[His voice rises." .. where .. "] Then what am I supposed to do? Tell the bank to wait? Tell the funeral home to wait? You people are useless! " ..
                      "[He stops. His eyes fill.]",
          defensive = "[His voice cracks and rises." .. where .. "] So what the hell am I supposed to do? Tell everyone to wait? You people are useless! " ..
                      "[He stops, and his eyes fill.]",
          venting   = "[He's shouting now." .. where .. "] What the hell am I supposed to DO? You people are USELESS! " ..
                      "[His voice breaks, and he turns away, hand over his eyes.]",
        })
      end,
      choices = {
        { "[Stay put. Slide the tissues across, and wait.]",
          tags = { "pause", "self_regulate" }, go = "tears",
          coach = "You don't take 'useless' personally; you let the wave pass. Staying steady is what makes it safe for him to fall apart and pull himself back together." },
        { "[Step back from the counter and wave your colleague over. You don't have to take that.] My colleague will help you from here.",
          tags = { "disengage" }, go = "walked_away",
          coach = "A raised voice and one harsh word from a grieving man are discomfort, not danger: no threat, no movement towards you. Stepping away here abandons him, and he'll remember it." },
        { "Sir, I need you to lower your voice. There are other people here.",
          tags = { "calm_down" }, go = "shut_down",
          coach = "The instinct to protect the room is decent, but telling a man in tears to be quieter shames him at the worst moment." },
        { "There's no need to call me useless. I'm doing everything I can.",
          tags = { "argue" }, go = "shut_down",
          coach = "It stung, and it's fair to feel that, but defending yourself turns his grief into an argument about you." },
      },
    },

    tears = {
      says = {
        settled   = "[He's crying, quietly.] I'm sorry. That wasn't about you. She's been gone five days and I've spent all of them on hold.",
        uneasy    = "[He's crying quietly.] I'm sorry. I'm sorry. That wasn't about you. She's been gone five days, and I've spent all five on hold.",
        defensive = "[He wipes his eyes, angry at himself.] Sorry. That wasn't... She's been gone five days and I've spent every one of them on hold.",
        venting   = "[He's crying and furious at once.] Five days! Five days she's been gone and I've spent every one of them on HOLD!",
      },
      choices = {
        { "That's alright, and I do understand, but I need you to keep your voice down, please. There's a couple waiting behind you.",
          tags = { "limit" }, grade = "poor", go = "what_can",
          coach = "A limit after the moment has passed, when he is already apologising, reads as a reprimand. Limits are for behaviour that continues." },
        { "Let's focus on what we can do. [Turn back to the screen.]",
          tags = { "redirect" }, go = "what_can",
          coach = "Practical, and it moves past his apology without a word; one sentence of acknowledgement would make him feel less ashamed." },
        { "I understand. It's okay; everyone grieves differently.",
          tags = { "hollow" }, go = "what_can",
          coach = "True and gentle, and it sounds like a pamphlet; it speaks to grief in general rather than to him." },
        { "Five days on hold, when you should have been with your family. No wonder it boiled over.",
          tags = { "label", "acknowledge" }, go = "what_can",
          coach = "Naming what's underneath, and waving away the apology, tells him the outburst hasn't cost him your help." },
      },
    },

    what_can = {
      says = {
        settled   = "[He wipes his face.] Okay. So what can I actually do? The bank appointment's Monday, and the funeral home wants the deposit from her account.",
        uneasy    = "[He wipes his face.] Okay. So what can I actually do? The bank's Monday, and the funeral home wants the deposit out of her account.",
        defensive = "So what can I actually do? The bank's Monday. The funeral home wants its deposit.",
        venting   = "So what do I DO? The bank's Monday! The funeral home wants its money!",
      },
      choices = {
        { "Call the funeral home and ask them to chase the doctor's office. Once it's filed, come back with your ID and we'll print them while you wait.",
          tags = { "inform", "buck_pass" }, go = "came_back",
          coach = "Correct, and it hands every call back to him, the exact thing that has worn him down all week." },
        { "Two things I can do now, if you'd like: ring " .. RULES.funeral_home .. " to find out where it's stuck, " ..
          "and take your order so the copies print the moment it's filed.",
          tags = { "options", "own" }, go = "call_result",
          coach = "An offer he can say yes or no to, and you carry the next call instead of him: a say over one thing is what he's been missing all week." },
        { "I'm sure the bank will wait if you explain. They see this every day.",
          tags = { "minimize" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "Hopeful, and not yours to say; he has already been told no by the bank, and this tells him he's overreacting." },
        { "If it's urgent, I can ask " .. RULES.town_clerk .. ", the Town Clerk, to have a look.",
          tags = { "handoff" }, go = "clerk_routed",
          coach = "A handoff isn't wrong, but the Town Clerk can't issue it either; the choices you can offer yourself would serve him better." },
      },
    },

    call_result = {
      note = "The clerk rings the funeral home while he listens.",
      says = {
        settled   = "[You make the call while he waits. As you put the phone down:] What did they say?",
        uneasy    = "[You make the call; he watches you the whole time. As you put the phone down:] What did they say?",
        defensive = "[You make the call. As you put the phone down:] Well? What did they say?",
        venting   = "[You make the call. As you put the phone down:] WELL?",
      },
      choices = {
        { RULES.director .. " says " .. RULES.doctor .. "'s office will sign " .. RULES.signs_by .. ", and they'll file by " .. RULES.filed_by ..
          ". I can't hurry the doctor, but once it's filed it comes straight to us, and I'll be watching for it.",
          tags = { "inform", "own" }, go = "order",
          coach = "What you learned, who does what, and the honest limit of what you control: transparency is what lets him stop chasing." },
        { "They're on it. You'll have the copies Monday, for sure.",
          tags = { "overpromise" }, set = { promised = true }, go = "order",
          promise = "The copies will be ready Monday.",
          coach = "Comforting now, but the doctor's signature isn't yours to promise; if it slips, he is back to square one and trusts no one." },
        { "It's on the doctor's side, so there's really nothing more we can do from here.",
          tags = { "policy_wall" }, go = function(s) return hurt(s) end, targets = { "hurt", "town_clerk", "left_hurt" },
          coach = "True about the signature, and false about you: there is plenty you can still do, starting with the order." },
      },
    },

    order = {
      says = {
        threatening = "[He slaps the counter.] Do I pay NOW? Just TELL me!",
        settled   = "Okay. So do I pay now? How does this work?",
        uneasy    = "Okay. Do I pay now, or... how does this work?",
        defensive = "Fine. Do I pay now or what?",
        venting   = "Do I pay NOW? Just tell me!",
      },
      choices = {
        { "It's " .. RULES.copy_fee .. " a copy. [Hand him the form and a pen, and call the next person forward while he fills it in.]",
          tags = { "ignore" }, set = { form_only = true }, go = "close",
          coach = "It keeps the line moving, and leaves him alone with a form just as he started to feel looked after." },
        { "I'll call you the moment they're ready, Monday morning at the latest, I promise. I'll keep an eye on it myself all weekend if I have to; you'll have them for the bank.",
          tags = { "overpromise" }, set = { promised = true }, go = "close",
          promise = "The copies will be ready by Monday morning.",
          coach = "Monday is the date he needs, and it's the doctor's, not yours. Promise what you control: your call, not the filing." },
        { "[Fill in the order with him: " .. RULES.copies .. " copies, the fee, his cell number; print his receipt.] I'll call you the day it's filed. " ..
          "Nothing by " .. RULES.chase_by .. ", and I chase the funeral home myself.",
          tags = { "task", "own" }, go = "close",
          coach = "The actual work, done with him once he's steady enough to do it, plus two commitments you can keep: a call when it's filed, and a chase by a set time, before his bank appointment, if it isn't." },
        { "[Say nothing; let him work through the form.]",
          tags = { "pause" }, grade = "poor", set = { form_only = true }, go = "close",
          coach = "He asked a plain question; a silence here leaves him to work out the fee and the form alone, the thing he's done all week." },
      },
    },

    close = {
      says = {
        settled   = "[He stands, the folder under his arm.] Thank you. I came in here ready to... I don't know. Thank you.",
        uneasy    = "[He stands.] Okay. Thanks. I'll tell the bank.",
        defensive = "Fine. I'll tell the bank.",
        venting   = "Fine! I'll tell the bank. Again!",
      },
      -- close is reached from the order: a real order (the task done) unless he was handed the form or a promise
      enter = function(s) if not s.flags.form_only and not s.flags.promised then s.flags.ordered = true end end,
      choices = {
        { "Don't worry about the bank. They deal with this all the time; once they see the certificate they'll sort everything out in one go.",
          tags = { "minimize" }, go = function(s) return finish(s) end,
          targets = { "promise_broken", "ordered_satisfied", "ordered_accepted", "left_hurt" },
          coach = "Meant kindly, but the bank already told him no once; 'don't worry' waves away the very thing he came in fearing." },
        { "Sorry again for your loss.",
          tags = { "hollow" }, go = function(s) return finish(s) end,
          targets = { "promise_broken", "ordered_satisfied", "ordered_accepted", "left_hurt" },
          coach = "Not wrong, but said as a formula at the door it sounds like the script you've avoided so far." },
        { "[Slide his folder back.] Thanks. Next, please!",
          tags = { "ignore" }, go = function(s) return finish(s) end,
          targets = { "promise_broken", "ordered_satisfied", "ordered_accepted", "left_hurt" },
          coach = "Efficient, and a 'thanks' on the way to the next customer is the last thing he hears." },
        { "Thanks for bearing with me. If the bank wants to check, they can ring me on " .. RULES.clerk_phone .. " and I'll confirm it's ordered.",
          tags = { "thank", "own" }, go = function(s) return finish(s) end,
          targets = { "promise_broken", "ordered_satisfied", "ordered_accepted", "left_hurt" },
          when = function(s) return s.flags.ordered == true end,
          coach = "A warm close and one more thing you control: you can vouch for the order, so he doesn't carry the bank alone." },
        { "Thanks for bearing with me. Once that form's in, the bank can ring me on " .. RULES.clerk_phone .. " and I'll confirm it's ordered.",
          tags = { "thank", "own" }, go = function(s) return finish(s) end,
          targets = { "promise_broken", "ordered_satisfied", "ordered_accepted", "left_hurt" },
          when = function(s) return s.flags.ordered ~= true end,
          coach = "A warm close and one more thing you control: you can vouch for the order, so he doesn't carry the bank alone." },
      },
    },

    hurt = {
      says = {
        settled   = "[His voice goes flat.] My mother died on Sunday. I'm not asking for a favour. I just need one thing to go right.",
        uneasy    = "[His voice goes flat.] My mother died on Sunday. I'm not asking for a favour. I need one thing, one thing, to go right this week.",
        defensive = "[Flat, hard.] My mother died on Sunday. I'm not asking for favours. I need one thing to go right this week.",
        venting   = "My mother DIED on Sunday! I'm not asking for favours! I need ONE thing to go right!",
      },
      choices = {
        { "You're right. I said that badly. What do you need most?",
          tags = { "apologize", "listen" },
          -- the repair picks up the question still open: after the funeral home's answer, the order
          go = function(s)
            if (s.visits.call_result or 0) > 0 then return "order" end
            if s.flags.knows then return "what_can" end
            return "funeral_story"
          end,
          targets = { "order", "what_can", "funeral_story" },
          coach = "A plain repair without grovelling, then the floor is his again: the fastest way back." },
        { "I'm just telling you how it works. I'm not trying to make your week harder; I'd say the same to anyone.",
          tags = { "argue" }, go = function(s) return fed_up(s, "town_clerk") end, targets = { "town_clerk", "left_hurt" },
          coach = "Defending the explanation makes it about being right, when what he needs is for someone to be on his side." },
        { "If you'd rather, you can speak to the Town Clerk. She's usually upstairs in the afternoons, and she's very good with families.",
          tags = { "buck_pass" }, go = "town_clerk",
          coach = "Passing him up the line before you've tried tells him the counter can't help, which he already suspects of everyone." },
      },
    },

    shut_down = {
      enter = function(s) s.flags.knows = true end,
      says = {
        settled   = "[He goes very still.] Right. Sorry to have bothered you. I'll sort it out myself.",
        uneasy    = "[He goes very still. When he speaks it's quiet and cold.] Right. Sorry to have bothered you. I'll sort it out myself, like everything else.",
        defensive = "[Quiet and cold.] Right. Sorry to bother you. I'll sort it out myself, like everything else.",
        venting   = "[He snatches up the folder.] Right. Forget it. I'll sort it out myself, like everything else!",
      },
      choices = {
        { "Okay. The funeral home's number is on their paperwork; if you call them this afternoon they can tell you where it is.",
          tags = { "buck_pass" }, go = "left_hurt",
          coach = "Letting him leave with nothing but a phone number confirms everything he's been feeling all week." },
        { "[Let him go, and call the next person.]",
          tags = { "ignore" }, go = "left_hurt",
          coach = "It spares you an awkward moment and costs him the help he came for." },
        { "Please, wait. I handled that badly. I can call the funeral home for you right now.",
          tags = { "apologize", "own" }, go = "what_can",
          coach = "Owning the misstep quickly, and offering to carry one call for him, can still bring him back to the counter." },
      },
    },

    town_clerk = {
      says = {
        settled   = "I'd like to talk to whoever's in charge, please.",
        uneasy    = "I'd like to speak to whoever's in charge, please.",
        defensive = "I want whoever's in charge. Now, please.",
        venting   = "Get me whoever's in charge!",
      },
      choices = {
        { "She'll tell you the same thing: nobody in this office can issue a certificate that hasn't been filed, not even the Town Clerk. You'd only be waiting to hear it twice.",
          tags = { "policy_wall" }, go = "left_hurt",
          coach = "Probably true, and it closes the last door he can see." },
        { "Of course, Mr. Herrera. [Fetch " .. RULES.town_clerk .. "; brief her quietly:] His mother died Sunday, the record isn't filed, " ..
          "and the bank needs copies Monday.",
          tags = { "handoff" }, go = "clerk_took_over",
          coach = "He asked, and you pass the story on so he doesn't have to tell it a third time: a warm handoff." },
        { "She's in a meeting. You can call " .. RULES.clerk_phone .. ".",
          tags = { "buck_pass" }, go = "left_hurt",
          coach = "Another phone number is the one thing he has had too many of this week." },
      },
    },

    sweeps = {
      tripwire = true,
      note = "Safety beat: reached only after sustained threatening behaviour. Throwing things is a tripwire, whatever the cause.",
      says = {
        defensive   = "[He sweeps the rack of forms off the counter; it crashes to the floor.] Don't you tell me about forms!",
        venting     = "[He sweeps the rack of forms off the counter; it crashes to the floor. People step back.] Don't you DARE tell me about forms!",
        threatening = "[He sweeps the rack of forms off the counter and it crashes to the floor. He's shaking, fists clenched.] Don't you DARE!",
      },
      choices = {
        { "Sir! Pick that up right now.",
          tags = { "calm_down" }, go = "counter_incident",
          coach = "Ordering someone who is throwing things keeps you in the contest; distance first, the mess later." },
        { "[Come round the counter to gather up the forms beside him.]",
          tags = { "invade_space" }, go = "counter_incident",
          coach = "Tidying up puts you within reach of someone who just threw something. The counter is your barrier: keep it." },
        { "[Step back a pace, but keep explaining:] I can't print what hasn't been filed, and throwing things won't change that.",
          tags = { "argue" }, go = "counter_incident",
          coach = "One pace back is still within reach, and going on about the filing gives him something to push against. Distance first; the explanation can wait." },
        { "[Back away from the counter, well clear of him, and signal your colleague.] I'm stepping away. Someone's coming to help.",
          tags = { "disengage" }, go = "stepped_back",
          coach = "Grief explains it; it doesn't make it safe. Once things are thrown, step back, get help, and say briefly what happens next." },
      },
    },
  },

  endings = {
    ordered_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Thank you. Really. You're the first person this week who didn't make me feel like a nuisance.",
      debrief = "The record was filed first thing Monday. The clerk printed the copies and called Tomás within the hour, as promised, in time for the bank. " ..
                "He had lost nothing but a wait, and he left feeling that one thing had gone right.",
    },
    ordered_accepted = {
      outcome = "resolved_accepted",
      says    = "Okay. Monday, maybe. I'll tell the bank.",
      debrief = "Tomás still wishes he could have walked out with the copies, and the week is no easier. But the order is in, " ..
                "he knows what it is waiting on, and he isn't the one chasing it; the copies went out the day it was filed.",
    },
    clerk_routed = {
      outcome = "routed",
      says    = "[He sits down to wait.] Okay. I'll tell her.",
      debrief = "The Town Clerk came down, heard the story from Tomás once more, took the order, called the funeral home and wrote him a note " ..
                "of what would happen next. Her time was the follow-on cost; she couldn't issue the copies either, so the offer to ring the funeral home " ..
                "and take the order could have come from the counter.",
    },
    -- He asked for whoever's in charge because of how the counter treated him: the Town Clerk
    -- takes over the order and hears that too, and a complaint about the counter is followed up.
    clerk_took_over = {
      outcome = "routed",
      follow_on = { "supervisor", "complaint" },
      says    = "Thank you for telling her. I couldn't have said it all again.",
      debrief = "The Town Clerk took the order, called the funeral home and wrote Tomás a note of what would happen next. " ..
                "He also told her how he had been spoken to at the counter, and she followed that up: a note on file, " ..
                "a word with you and a call to him the next week. The warm handoff meant he didn't have to start again; " ..
                "the brush-offs before it are why he asked for her at all.",
    },
    came_back = {
      outcome = "routed",
      task    = true,   -- the order (five copies, the fee, his number) is still this office's work: taken on his second trip
      follow_on = { "repeat_contact" },   -- the second trip itself: the wait, the lookup, the copies printed
      says    = "[He picks up his folder.] More calls. Right.",
      debrief = "The route was correct, and Tomás did the chasing: two more calls to the funeral home and a second trip and wait at the counter. " ..
                "Taking the order and making the call yourself would have saved both.",
    },
    promise_broken = {
      outcome = "unresolved",
      says    = "Okay. Good. Then I'll tell the bank it's coming.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The doctor's signature slipped, and the copies weren't ready when you said. Tomás had already told the bank. He came back, " ..
                "was told again it wasn't in, and wrote to the Town Clerk. Comfort you can't back becomes one more thing that went wrong.",
    },
    walked_away = {
      outcome = "unresolved",
      says    = "[He stares at you, then at the colleague walking over.] Right. Of course.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "He raised his voice and used one harsh word, then cried; he never threatened or moved towards you. Stepping away read as being " ..
                "abandoned, and he wrote to the Town Clerk. Disengaging is for danger; grief needs you to stay, steady.",
    },
    left_hurt = {
      outcome = "escalated",
      task    = true,   -- the copies still have to be ordered, by someone else, later: the office's work all the same
      says    = {
        settled   = "[He picks up his folder and leaves without another word.]",
        uneasy    = "[He picks up his folder.] Forget it. I'll find someone who cares.",
        defensive = "[He picks up his folder.] Forget it. I'll find someone who cares.",
        venting   = "Forget it! I'll find someone in this town who gives a damn!",
      },
      debrief = "Tomás left without an order. His sister wrote to the selectboard about how he'd been treated the week their mother died, " ..
                "and the Town Clerk had to write back and phone the family. The copies still had to be ordered, by someone else, later.",
    },
    stepped_back = {
      outcome = "safety_exit",
      -- the Town Clerk's part (the incident write-up she signs off, your debrief) and the next day's call
      -- in which she takes the order by phone
      follow_on = { "supervisor", "repeat_contact" },
      says    = "[He looks at the forms on the floor, then at his hands, and sits down heavily on the bench.]",
      debrief = "You stepped out of reach and called your colleague, and the moment passed without anyone hurt. The incident was written up; " ..
                "the Town Clerk phoned Tomás the next day, he apologised, and she took the order by phone. You took a break and a debrief.",
    },
    counter_incident = {
      outcome = "escalated",
      says    = "[He shoves the chair aside and someone calls the police.]",
      follow_on = { "complaint", "police" },
      debrief = "Staying in reach after things were thrown turned a grieving man's worst moment into a police call. " ..
                "Once something is thrown, distance and help come first; kindness can follow when it's safe.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: condolence, a pause, a quieter desk, plain news, stay through the tears, choices, own the follow-up",
      choices = { 4, 2, 1, 3, 2, 1, 4, 2, 1, 3, 4 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "rushed at the counter, a wall, then 'lower your voice'",
      choices = { 1, 1, 3, 1 },
      expect = { outcome = "escalated", passed = false, max_score = 25 } },
    -- Staying steady at the outburst isn't enough on its own: handed a form while the next person
    -- is called, still upset for the third exchange running, he walks out before ordering.
    { name = "a typical novice: rushes in, stays steady at the outburst, thin on warmth, and he walks out",
      choices = { 1, 2, 1, 2, 2, 1, 1, 4 },
      expect = { outcome = "escalated", ending = "left_hurt", passed = false, max_score = 30,
                 min_ratio = 4.0, max_ratio = 6.0 } },
    { name = "silence at 'do I pay now?': he fills the form in alone, and the visit ends accepted, not satisfied",
      choices = { 4, 2, 1, 3, 2, 1, 4, 2, 1, 4, 4 },
      expect = { outcome = "resolved_accepted", ending = "ordered_accepted" } },
    { name = "a blank form handed over is not an order: still upset, he walks out",
      choices = { 1, 2, 1, 2, 2, 1, 1, 4 },
      expect = { ending = "left_hurt" } },
    { name = "stepping away from grief is not a safety exit",
      choices = { 4, 2, 1, 3, 2, 2 },
      expect = { outcome = "unresolved", ending = "walked_away", passed = false } },
    { name = "the calmest path costs little", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best-scoring visit costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    -- The most escalated visit is short (about twenty minutes at the counter); the police, the
    -- family's complaint and his second visit make it about 5.6x a calm one.
    { name = "the most escalated visit costs four to six calm visits, follow-on included", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
