-- Seed 6: a code inspector, alone at the curb, serves a junk-vehicle and overgrowth notice on an angry owner; includes safety tripwires.
-- path best:   3,1,4,2,3,1,3,2
-- path worst:  3,3,2,3,3,2,4,1,3,3,1
-- path novice: 1,4,4,4,4,1,4,3,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office         = "Code Enforcement",
  office_phone   = "555-0186",
  comply_days    = 30,                 -- days to comply with the notice
  extension_days = 30,                 -- further days the inspector may grant for a good-faith start
  grass_inches   = 12,                 -- overgrowth limit
  fine_per_day   = "$50",              -- daily fine after the deadline
  appeal_body    = "the Board of Appeals",
  appeal_days    = 20,                 -- days to appeal the notice
  bylaw_cars     = "Section 7-12",     -- unregistered or inoperable vehicles
  bylaw_grass    = "Section 7-15",     -- overgrowth
  help_office    = "Human Services",
  help_phone     = "555-0122",
  volunteer      = "a volunteer yard crew",
  salvage        = "licensed salvage yards that tow junk cars for free",
}


-- How the visit ends once the notice is in his hands.
local function close_out(s)
  if s.flags.promised_tow then return "tow_promise" end
  if s.band == "settled" then return "plan_thanked" end
  return "plan_accepted"
end

-- A second trip into the heat: he has had enough and heads for the house (a tripwire).
local function heat(s)
  if (s.visits.hotter or 0) > 0 then return "goes_inside" end
  return "hotter"
end

return scenario {
  id         = "code-enforcement-notice",
  title      = "Who called you?",
  setting    = "field",
  role       = "Code enforcement inspector, alone at the curb",
  minutes    = 5,
  difficulty = "advanced",
  summary    = "An owner storms out over a junk-car and overgrowth complaint and demands to know who called; a dog barks inside.",
  objectives = {
    "Work safely alone at a property: where you stand, and reading what he does next.",
    "Answer the question every owner asks first: who complained?",
    "Find out what lies behind the violation, and leave with a plan he can meet.",
  },

  resident = {
    name       = "Dennis Hartley",
    agitation  = 60,
    trust      = 25,
    need       = "recognition",
    volatility = 1.3,
    recovery   = 1.0,
    audience   = false,
    waited     = 0,
    look = { skin = 3, hair = "short", hair_colour = "grey", top = "shirt" },
  },

  time = {
    task = 10,
    follow_on = {
      repeat_contact = 20,  -- a second visit to the property, the drive included, or his call to the office and a call back
      complaint      = 20,  -- his call to the town manager's office: someone pulls the case, talks to you, and rings him back
      police         = 20,  -- the staff's share only: your call from the car, and a statement to the officer
    },
  },

  start  = "curb",
  safety = "veiled_threat",
  -- No walk-out: he comes out venting at his own front door, and after a script opening no answer to
  -- "what's the complaint?" could bring him below Venting in time, so a walk-out after three exchanges
  -- would leave no way back. The visit has its own ways to end: he goes inside, you leave, or he storms off.
  walkout = false,

  beats = {
    curb = {
      note = "The barking dog behind a closed door is a near-miss cue, not yet a tripwire. Position first.",
      says = {
        defensive   = "[A man comes down the driveway. Inside the house a dog is barking.] Who called you? You've got no business here.",
        venting     = "[A man comes down the driveway fast. Inside the house a dog is barking hard.] Who called you? Who was it? You've got no business here. Get off my property.",
        threatening = "[A man comes down the driveway fast, shouting. Inside, a dog is throwing itself at the door.] Who called you? Get OFF my property!",
      },
      choices = {
        { "Good morning. I'm with " .. RULES.office .. ". We've had a complaint about vehicles and the yard, and I'm here to leave a notice.",
          tags = { "inform" }, go = "who_called",
          coach = "Saying who you are is right; going straight on to the complaint and the notice is a script before he has been heard, and answers none of what he asked." },
        { "Sir, I need you to calm down. I'm on the public sidewalk.",
          tags = { "calm_down" }, go = function(s) return heat(s) end, targets = { "goes_inside", "hotter" },
          coach = "Both statements are true, and both tell an upset homeowner that his reaction is the problem." },
        { "[Stay at the curb by the driver's door, the street open behind you. Arms loose, palms in view.] Morning, sir. I'm with " .. RULES.office .. ". Go ahead, I'm listening.",
          tags = { "listen", "self_regulate" }, go = "unload",
          coach = "Your position is your first safety decision; at the curb, with the car as your exit, you can say who you are and let him get it out." },
        { "[The shouting and the dog are too much: get back in the car and leave. You'll mail the notice.]",
          tags = { "disengage" }, go = "left_early",
          coach = "A barking dog behind a closed door and an angry owner are discomfort, not yet danger; keep your exit and watch for the real cues." },
      },
    },

    unload = {
      says = {
        uneasy    = "Thirty years I've lived here. Never a problem. And now this. Who called?",
        defensive = "Thirty years I've lived here. Thirty years, never a problem. Now somebody on this street calls the town over a couple of cars and some grass? Who was it?",
        venting   = "THIRTY YEARS! Never a problem! And some busybody calls the town on me? WHO?",
      },
      choices = {
        { "Thirty years, and now a town car at your curb.",
          tags = { "acknowledge" }, go = "who_called",
          coach = "Acknowledging the specific sting (thirty years, a town car at the curb) costs one sentence and lowers the temperature." },
        { "It's a complaint-driven system, sir. If the yard were in compliance, I wouldn't be here.",
          tags = { "blame" }, go = function(s) return heat(s) end, targets = { "goes_inside", "hotter" },
          coach = "Logical, and it tells him this is his fault in the first minute." },
        { "I can't tell you who made the complaint; that's confidential.",
          tags = { "policy_wall" }, go = "pressed",
          coach = "Correct, and it must stay that way, but said flat, as the first answer, it sounds like the town is hiding something." },
      },
    },

    who_called = {
      says = {
        uneasy    = "Yeah, well. I still want to know who called.",
        defensive = "Don't dodge me. I asked you a question. Who called?",
        venting   = "Answer the question! WHO CALLED?",
        threatening = "[He steps right up to you, close enough to touch, fists clenched.] Answer the question. Who called? I'm not asking again.",
      },
      choices = {
        { "I can't give you a name. I can tell you it wasn't your next-door neighbours, if that helps.",
          tags = { "disclose" }, go = "breach_disclosed",
          coach = "Narrowing the field is disclosure. It feels like a kindness and can start a feud on the street; complainant identity is never hinted at." },
        { "Does it matter who called? The cars are either in violation or they aren't.",
          tags = { "argue" }, go = "pressed",
          coach = "To him it matters a great deal; arguing the point makes it a contest." },
        { "Complainant information is exempt from disclosure under the public records law, so I'm not permitted to release it.",
          tags = { "jargon", "policy_wall" }, go = "pressed",
          coach = "Accurate, and it sounds like a wall of statute to someone who feels attacked." },
        { "No, sir. Nobody's name goes out, and yours wouldn't either if you ever called us. " ..
          "Can I show you what the notice is actually about?",
          tags = { "redirect", "explain_why" }, go = "what_it_is",
          coach = "Hold the line on confidentiality, give the reason in one sentence, and move to what you can do." },
      },
    },

    pressed = {
      says = {
        defensive   = "Confidential. Right. So anybody can call the town on me and hide. I've got a right to know who's coming after my family.",
        venting     = "Confidential! So anybody can set the town on me and hide! I've got a RIGHT to know who's coming after my family!",
        threatening = "I've got a RIGHT to know! And I'll find out who it was, don't you worry!",
      },
      choices = {
        { "Feels like someone's coming after your family. I'd want to know too. I still can't say. Can I show you what it's about?",
          tags = { "label", "redirect" }, go = "what_it_is",
          coach = "Naming the fear underneath the demand, then holding the line kindly and moving on, lets him step back without winning or losing." },
        { "Look, the law's the law. I don't make it.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = { "goes_inside", "hotter" },
          coach = "The fastest sentence available, and it confirms his sense that nobody will listen." },
        { "Between you and me, it's someone who walks a dog past here every morning. Don't let on I told you.",
          tags = { "disclose" }, go = "breach_disclosed",
          coach = "Any hint that narrows it down is disclosure, and he has just told you he'd go after that person." },
        { "[Tuck the notice in the door and walk back to your car.]",
          tags = { "ignore" }, go = "notice_left",
          coach = "Leaving the paper on a venting owner serves the notice but guarantees a second, harder visit." },
      },
    },

    what_it_is = {
      says = {
        uneasy    = "...Fine. What's the complaint, then?",
        defensive = "Fine. What am I supposed to have done?",
        venting   = "Go on then! What am I supposed to have done?",
        threatening = "[He moves between you and your car door.] Go on, then. Tell me what I'm supposed to have done. I'm listening.",
        recovery  = "...Fine. Go on. What's the complaint?",
      },
      choices = {
        { "You're in violation of " .. RULES.bylaw_cars .. " and " .. RULES.bylaw_grass .. " of the town code: inoperable vehicles and overgrowth. The notice sets out both sections in full, with the compliance date on page two.",
          tags = { "jargon" }, go = "explained",
          coach = "Section numbers tell him which rules, but not what he has to change or why it matters." },
        { "Two things: two unplated cars in the side yard, and front grass past " .. RULES.grass_inches .. " inches. " ..
          "The rule's about rats and fire, since cars that sit collect water and nests, not about looks.",
          tags = { "explain_why", "inform" }, go = "explained",
          coach = "Specific items and the real reason behind the rule, in plain words, make the notice about health, not judgement." },
        { "[Hand him the printed notice.] It's all written down here.",
          tags = { "task" }, go = "deadline_push",
          coach = "The notice is the task, but handing it over before the conversation turns it into the conversation." },
        { "Just get the cars registered or towed and cut the grass, and we're done.",
          tags = { "minimize" }, go = "deadline_push",
          coach = "'Just' is doing a lot of work in that sentence, and you don't yet know what it would cost him." },
      },
    },

    explained = {
      says = {
        uneasy    = "Those cars are my son's project. He was going to fix them up. And the mower's broken. I haven't exactly had the time.",
        defensive = "They're my son's cars. The mower's broken. I haven't had the time, all right?",
        venting   = "They're my SON's cars! The mower's BROKEN! I haven't had TIME!",
        threatening = "[He slams his palm on the hood of your car, inches from you.] They're my SON's cars! The mower's BROKEN! You touch those cars and see what happens!",
      },
      choices = {
        { "Why not have your son move them to his place?",
          tags = { "why_question" }, go = "deadline_push",
          coach = "A practical idea phrased as 'why not', which makes him defend his family instead of solving the problem." },
        { "Okay. You'll have " .. RULES.comply_days .. " days to bring it into compliance, and if you need more time you can put that in writing to the office. Most people manage it within the month.",
          tags = { "inform" }, go = "deadline_push",
          coach = "True, but it skips straight past the hint he just gave you." },
        { "That's a lot at once. What's been going on?",
          tags = { "label", "ask" }, go = "hardship",
          coach = "He has just hinted that something is wrong; a tentative label and an open question let him say it." },
      },
    },

    hardship = {
      says = function(s)
        -- Already told: at the door (deadline_push) or on an earlier visit here. Only a calmer
        -- man asks what happens next; a hotter one is still getting it out, so no question to answer.
        local told = ((s.visits.deadline_push or 0) > 0 and 1 or 0) + s.visits.hardship - 1
        if told >= 2 and (s.band == "defensive" or s.band == "venting") then
          return "[Quieter, looking at the house.] Twenty-six years at the same job. Then one morning, a letter."
        end
        if told >= 1 then
          return s:line({
            settled   = "...Yeah. Well. So what happens now?",
            uneasy    = "...Yeah. So what happens now?",
            defensive = "[He rubs his face.] Chemo every Tuesday. And I'm meant to care about grass.",
            venting   = "[He rubs his face hard.] Chemo every Tuesday! Every Tuesday! And I'm meant to care about GRASS.",
          })
        end
        return s:line({
          settled   = "I lost my job in March. My wife started chemo in May. Some days I just can't face the yard.",
          uneasy    = "I lost my job in March. My wife started chemo in May. Some days I can't get off the couch, let alone fix a truck. And then you pull up.",
          defensive = "I lost my job in March. My wife's on chemo. I can barely keep the lights on, never mind the yard.",
        })
      end,
      choices = {
        { "Thank you for telling me. " .. RULES.comply_days .. " days, and another " .. RULES.extension_days .. " if you've made a start. " ..
          RULES.help_office .. " can send " .. RULES.volunteer .. " for the mowing, and there are " .. RULES.salvage .. ".",
          tags = { "options", "inform" }, go = "plan",
          coach = "Real choices within the rules (time, an extension for a good-faith start, help he may not know about) give him back some control." },
        { "I'm so sorry. Look, forget the notice; you've got enough on your plate. I'll write it up as resolved, tell the office the yard's been dealt with, and nobody will bother you about it again.",
          tags = { "overpromise" }, promise = "No notice and no follow-up.", grade = "critical",
          go = "waived",
          coach = "Compassion that waives the code is an unauthorised waiver, and the next inspector or the complainant will reopen it." },
        { "I'm sorry to hear that. Unfortunately the code doesn't have a hardship exception.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = { "goes_inside", "hotter" },
          coach = "There's no exception, but there is an extension and there is help; leading with the 'no' wastes the trust you just earned." },
        { "[Let him go on. Nod, and don't fill the silence.]",
          tags = { "listen", "pause" }, go = "hardship",
          when = function(s) return not s.heard or s.agitation > 45 end,
          coach = "He's still hot from what came before; options won't land until he has said it all and felt it heard." },
      },
    },

    deadline_push = {
      says = {
        uneasy    = "I lost my job in March. My wife's on chemo. I haven't got the money or the time for any of this.",
        defensive = "You think I don't know that? I lost my job in March. My wife's on chemo. I haven't got the money or the time for any of this, and you stand there telling me what to do.",
        venting   = "You think I don't KNOW? I lost my job! My wife's on chemo! And you stand there telling me what to do!",
        threatening = "[He's right in front of you now, voice shaking.] I lost my job. My wife's on chemo. And you come here telling me what to do? Get back in that car while you still can.",
      },
      choices = {
        { "Thanks. Read the notice, and call the office if you have questions.",
          tags = { "buck_pass" }, go = "notice_left",
          coach = "A thank-you used as a door closing: it ends the visit quickly and leaves him to fight with a piece of paper; expect a call, or a second visit." },
        { "If you think the notice is wrong, you can appeal it to " .. RULES.appeal_body .. " within " .. RULES.appeal_days .. " days. The form's on the back.",
          tags = { "inform", "options" }, go = "appeal_route",
          coach = "A real right he should know about, though it answers the rule, not the man who just told you about his wife." },
        { "Everyone gets the same " .. RULES.comply_days .. " days, sir.",
          tags = { "policy_wall" }, go = function(s) return heat(s) end, targets = { "goes_inside", "hotter" },
          coach = "Equal treatment matters, but said now it tells him his situation didn't register." },
        { "Sorry. Rules first, questions second; I had that backwards. That's a heavy load, and thanks for telling me.",
          tags = { "apologize", "label" }, go = "hardship",
          coach = "Owning the rush, without grovelling, and naming what he's carrying reopens the conversation." },
      },
    },

    plan = {
      says = function(s)
        if s.visits.plan > 1 then
          return s:line({
            settled   = "The grass first, I suppose. And the Buick. It's dead anyway. Salvage would really take it for free?",
            uneasy    = "The grass, I suppose. And the Buick's dead anyway. Salvage would take it for free?",
            defensive = "The grass. Fine. And salvage takes the Buick for free? Really?",
          })
        end
        return s:line({
          settled   = "Another " .. RULES.extension_days .. " days if I get one gone... The Buick's dead anyway. Salvage would really take it for free?",
          uneasy    = "Another " .. RULES.extension_days .. " if I get one gone. The Buick's dead anyway. Salvage would take it for free?",
          defensive = "Fine. And salvage takes them for free? Really?",
        })
      end,
      choices = {
        { "Yes, they'll take it. I'll call them and have it towed this week for you.",
          tags = { "overpromise" }, promise = "The inspector will arrange the tow this week.",
          set = { promised_tow = true }, go = "wrap",
          coach = "Generous, but arranging his tow isn't your job or in your control; if it doesn't happen, you own the miss." },
        { "Just so you know, if it's not done by the deadline, it's " .. RULES.fine_per_day .. " a day, and that adds up fast; people have ended up owing more than the cars are worth, so I'd get on it this week.",
          tags = { "threaten_early" }, go = "wrap",
          coach = "The fine is real and belongs in the written notice; said now, as he starts to plan, it lands as a threat." },
        { "[Write the notice on the hood: both items, the dates, the extension condition, the appeal, your direct line; circle " ..
          RULES.help_office .. ", " .. RULES.help_phone .. ".] Most will, yes. It's all in writing.",
          tags = { "task", "inform" }, go = "wrap",
          coach = "Written notice with the dates, the extension, the appeal and a name to call is what makes voluntary compliance likely." },
        { "There's no rush to decide this minute. Which would you rather tackle first, the cars or the grass?",
          tags = { "ask", "listen" }, go = "plan",
          when = function(s) return not s.heard or s.agitation > 45 end,
          coach = "He isn't ready to take in the paperwork yet; a question about his own plan lets him settle and keeps the choice his." },
      },
    },

    wrap = {
      says = {
        settled   = "All right. I don't like it, but all right. Thanks for not treating me like garbage.",
        uneasy    = "All right. I don't like it. But all right.",
        defensive = "Fine. Whatever. Are we done?",
        venting   = "Fine! I've got your paper! Are we DONE? Because I've got a wife inside who needs me, not this!",
        threatening = "[He crumples the notice in his fist and steps toward you.] We're done. Get off my street, and don't come back here, if you know what's good for you.",
      },
      choices = {
        { "No problem. Nothing personal; it's just the job.",
          tags = { "minimize" }, go = close_out,
          targets = { "tow_promise", "plan_thanked", "plan_accepted" },
          coach = "Meant to reassure, but 'just the job' shrinks something that is very personal to him." },
        { "Thanks for hearing me out, Mr. Hartley. I'll be back on day " .. RULES.comply_days .. " to check; call me before then if anything changes at home.",
          tags = { "thank", "own" }, go = close_out,
          targets = { "tow_promise", "plan_thanked", "plan_accepted" },
          coach = "A respectful close that names the follow-up honestly (there will be one) and keeps a line open." },
        { "Just remember, we will be back, and after that it's citations, so don't let it slide.",
          tags = { "threaten_early" }, go = close_out,
          targets = { "tow_promise", "plan_thanked", "plan_accepted" },
          coach = "The follow-up is real, but ending on a warning undoes the goodwill that makes compliance voluntary." },
        { "[Say nothing. Just nod.]",
          tags = { "pause" }, grade = "poor", go = close_out,
          targets = { "tow_promise", "plan_thanked", "plan_accepted" },
          coach = "Whether he asked if you're done or thanked you, he's owed an answer: when you'll be back and how to reach you. Silence here leaves him guessing." },
      },
    },

    hotter = {
      says = {
        settled     = "[He stays by the steps, shaking his head.] With respect, you don't know the first thing about my life.",
        uneasy      = "[He takes a step down the driveway and stops, shaking his head.] You don't know the first thing about my life. Not the first thing.",
        defensive   = "[He takes a few steps down the driveway, pointing.] You don't know the first thing about my life.",
        venting     = "[He's coming down the driveway toward you, pointing.] You come to MY house, you won't tell me who sent you, you don't know the first thing about my life!",
        threatening = "[He's at the end of the driveway now, close, jabbing a finger at you. The dog is going wild behind the door.] You don't know the first thing about my life!",
      },
      choices = {
        { "Fine. You'll get it by certified mail, and the fines start after " .. RULES.comply_days .. " days.",
          tags = { "threaten_early" }, go = "stormed",
          coach = "Walking off with a parting warning ends the contact, but it turns the notice into a fight that the next visit inherits." },
        { "Sir, calm down and step back!",
          tags = { "calm_down" },
          go = function(s) if s.band == "threatening" then return "veiled_threat" end return "goes_inside" end,
          targets = { "veiled_threat", "goes_inside" },
          coach = "An order to calm down, shouted at a man who feels cornered on his own driveway, raises the stakes." },
        { "Mr. Hartley, I want to work this out with you. I can't while you're coming at me. Please stay up by the house.",
          tags = { "limit" },
          go = function(s) if s.band == "threatening" then return "goes_inside" end return "cooling" end,
          targets = { "goes_inside", "cooling" },
          coach = "A clear, respectful limit on his movement, with the help still on offer; if he ignores it, that's your cue to leave." },
        { "[Step back so the car is between you. Hands visible. Say nothing.]",
          tags = { "pause", "self_regulate" }, go = "cooling",
          coach = "Distance, a barrier and a moment of silence calm things down and keep you safe; you don't need words yet." },
      },
    },

    cooling = {
      says = {
        uneasy    = "All right. I'm up here. Say what you came to say.",
        defensive = "Fine. Say what you came to say.",
        venting   = "[He backs up a couple of steps toward the house, still shouting.] FINE! I'm up here! Say what you came to say and get it over with!",
        recovery  = "...Fine. I'm up here. Say what you came to say.",
      },
      choices = {
        { "Thank you. A town car outside is the last thing you need. Can I tell you what it's about, then hear your side?",
          tags = { "acknowledge", "redirect" }, go = "what_it_is",
          coach = "Thank him for stepping back, acknowledge the intrusion, and offer a two-way conversation." },
        { "Good. Look, nobody's out to get you. Someone just reported the yard, that's all; we get dozens of these a month, and most are closed within a few weeks.",
          tags = { "minimize" }, go = "who_called",
          coach = "Meant to reassure, but 'someone reported' brings him straight back to 'who?'." },
        { "Right. As I was saying: " .. RULES.bylaw_cars .. " and " .. RULES.bylaw_grass .. ".",
          tags = { "jargon" }, go = "explained",
          coach = "Picking up the script where you left off misses the moment he just gave you." },
        { "I'm so sorry. My mistake, that came out all wrong. I'm new at this and I really shouldn't have said it. I'm sorry.",
          tags = { "apologize", "hollow" }, grade = "poor", go = "who_called",
          coach = "It buys a moment's quiet, but three apologies and 'I'm new' put your nerves at the centre; he asked you to say what you came to say, and the gap goes back to 'who called?'." },
      },
    },

    goes_inside = {
      tripwire = true,
      note = "Tripwire: the owner goes inside 'to get something' with a dog behind the door. Leave now; return only with a second person or police.",
      says = {
        uneasy      = "Hang on. Wait right there. [He turns and goes into the house. As the door opens, the barking gets louder.]",
        defensive   = "That's it. Wait right here. Don't you move. [He turns and heads into the house. As the door opens, the barking gets louder.]",
        venting     = "That's IT. You wait right here. Don't you move! [He strides into the house. As the door opens, the barking gets much louder.]",
        threatening = "You wait RIGHT THERE. [He storms into the house. The barking turns frantic as the door opens.]",
      },
      choices = {
        { "[Radio the office that he's gone inside, and while you wait for an answer, tuck the notice in the door so the trip isn't wasted. Then go.]",
          tags = { "ignore" }, go = "dog_out",
          coach = "Finishing the job first feels responsible, but it spends the seconds you need to get to the car." },
        { "[Into the car, doors locked, and pull away a few houses down. Then radio the office and write down what he said.]",
          tags = { "disengage" }, go = "left_safely",
          coach = "'Wait here' and a trip into the house is a tripwire whatever he's fetching; you don't need certainty to leave." },
        { "[Wait by the car. He might be getting paperwork to show you.]",
          tags = { "pause" }, go = "dog_out",
          coach = "It might be paperwork; it might be the dog or something worse. Waiting to find out is the risk the rule exists to avoid." },
        { "[Follow him up the driveway to calm things down before he does anything.]",
          tags = { "invade_space" }, go = "dog_out",
          coach = "Following an angry owner onto his property, toward a barking dog, gives up your exit." },
      },
    },

    veiled_threat = {
      tripwire = true,
      note = "Tripwire (and the safety beat for sustained threatening behaviour): a veiled threat. Leave and report.",
      says = {
        defensive   = "You know what happened to the last fella who came round here telling people what to do with their property? Think about that. I know your car now.",
        venting     = "You know what happened to the last fella who came round here telling people what to do? Think about it. I know your car now.",
        threatening = "[He's standing close, very quiet now.] You know what happened to the last fella who came round here? Think about it. I know your car now.",
      },
      choices = {
        { "Is that a threat, sir?",
          tags = { "argue" }, go = "standoff",
          coach = "Challenging a threat invites him to make it plainer; it keeps you there when you should be leaving." },
        { "I'm leaving now. [Back to the car, facing him; get in and drive off. Report his exact words from down the street.]",
          tags = { "disengage" }, go = "left_safely",
          coach = "A veiled threat ends the visit: state it briefly, leave, and report the exact words. The notice can wait for a second visit with police." },
        { "Nobody's threatening anybody. Let's just get through this notice.",
          tags = { "minimize" }, go = "standoff",
          coach = "Talking a threat down to keep the task going is the most common way officers get hurt." },
        { "[Step back a pace, but stay and explain the extension calmly; if he hears there's a way out of the fines and the tow, he'll calm down and you can finish the visit.]",
          tags = { "options" }, go = "standoff",
          coach = "Problem-solving is over once a threat has been made; persuasion is not a safety plan." },
      },
    },
  },

  endings = {
    plan_thanked = {
      outcome = "resolved_satisfied",
      says    = "Day " .. RULES.comply_days .. ". All right. I'll call " .. RULES.help_office .. " this afternoon.",
      debrief = "Dennis called " .. RULES.help_office .. " that day; a volunteer crew cut the front, and a salvage yard took the Buick within two weeks. " ..
                "You granted the extension for the second car, and the case closed by voluntary compliance, without a fine or a second argument.",
    },
    plan_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. Day " .. RULES.comply_days .. ". I heard you.",
      debrief = "Dennis still resents whoever called, but he has the notice in writing, the dates, the extension condition and your number. " ..
                "He made a start within the month. For an enforcement visit, understood-and-accepted is a full pass.",
    },
    appeal_route = {
      outcome = "routed",
      task    = true,   -- the notice is still written up and served: he appeals it with the form on its back
      says    = "Fine. I'll appeal it, then.",
      debrief = "Dennis filed an appeal, which is his right and the proper channel. The Board upheld the notice but gave him extra time; " ..
                "asking what was going on might have got him to the same extension without a hearing.",
    },
    tow_promise = {
      outcome = "unresolved",
      says    = "This week, you said. Good.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The tow you promised wasn't yours to arrange, and nobody came. Dennis called the office a week later asking where the truck was, " ..
                "and his trust in the extension went with it.",
    },
    waived = {
      outcome = "breach",
      says    = "Really? Thank you. Thank you.",
      debrief = "Writing a live violation up as resolved is an unauthorised waiver. The complainant called again a month later, another inspector " ..
                "reopened the case, and Dennis felt lied to. Compassion belongs in the timeline and the referrals, not in waiving the code.",
    },
    breach_disclosed = {
      outcome = "breach",
      follow_on = { "police", "complaint" },   -- your statement about the street the police were called to, and the town answering for the disclosure
      says    = "I knew it. I knew it was him.",
      debrief = "Hinting at who complained is a confidentiality breach, however kindly meant. Dennis confronted a neighbour that evening, " ..
                "the police were called to the street, and the town had to answer for the disclosure.",
    },
    notice_left = {
      outcome = "unresolved",
      task    = true,   -- the notice was written and served, if only through the mailbox
      follow_on = { "repeat_contact", "complaint" },   -- his angry call to the office, and the second visit the conversation needed
      says    = "[He pulls the notice from the door and crumples it.]",
      debrief = "The notice was served, but nothing about it landed. Dennis called the office to complain that the inspector stuck a notice in his door and walked off, " ..
                "ignored the deadline, and the case needed a second visit, this time with two inspectors, to restart the conversation that didn't happen.",
    },
    stormed = {
      outcome = "escalated",
      task    = true,   -- the notice is still written up, and goes by certified mail
      says    = "Yeah? We'll see about that!",
      debrief = "You left with a warning, and Dennis called the town manager's office to complain about the inspector. The case moved to " ..
                "citations and a hearing, costing everyone more time than the conversation would have.",
    },
    left_early = {
      outcome = "unresolved",
      task    = true,   -- the notice still has to be written up for the mail
      says    = "[He watches the car pull away.]",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "Leaving at the first shout, with no cue beyond a barking dog behind a closed door, meant the notice went by mail and Dennis " ..
                "complained that the inspector drove off without a word. If your gut says go, going is never a safety failure; here, though, the cues were discomfort, and keeping your position was enough.",
    },
    left_safely = {
      outcome = "safety_exit",
      follow_on = { "police", "repeat_contact" },   -- your report of his words, and the second visit to serve the notice, with police
      says    = "[In the mirror, he's back on the front step, watching you go.]",
      debrief = "You left as soon as the safety cue appeared, reported his exact words, and the office flagged the address. " ..
                "The notice was served a week later by two inspectors with a police officer present, and nobody was hurt.",
    },
    dog_out = {
      outcome = "escalated",
      says    = "[The door bangs open and the dog comes down the driveway at a run.]",
      follow_on = { "police", "repeat_contact" },   -- the call and your statement; the notice still has to be served, by two inspectors
      debrief = "Staying after he went inside left you exposed when the dog came out; you got into the car with seconds to spare, and animal control " ..
                "and police were called. 'Wait here' plus a trip into the house is a cue to leave, whatever he was fetching.",
    },
    standoff = {
      outcome = "escalated",
      says    = "[He steps closer. 'I'd get in your car if I were you.']",
      follow_on = { "police", "repeat_contact" },   -- the call and your statement; the notice still has to be served, with support
      debrief = "Staying to talk after a veiled threat kept you in danger. You left eventually, and police were called. " ..
                "Once a threat is made, stop problem-solving and leave; the notice can be served later, with support.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: stay at the curb, acknowledge, ask, agree a plan",
      choices = { 3, 1, 4, 2, 3, 1, 3, 2 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 90, max_ratio = 2.0 } },
    { name = "'calm down' and a parting warning: a few minutes at the curb and the notice written up for the mail, over three calm visits in all",
      choices = { 2, 1 },
      expect = { outcome = "escalated", passed = false, max_score = 20, max_ratio_interaction = 1.0, min_ratio = 3.0 } },
    { name = "a typical novice ends with an accepted plan",
      choices = { 1, 4, 4, 4, 4, 1, 4, 3, 2 },
      expect = { outcome = "resolved_accepted", passed = true, min_score = 70, min_ratio_interaction = 2.0, max_ratio_interaction = 3.0 } },
    { name = "he goes inside to 'get something': leave at once", choices = { 3, 2, 2, 2 },
      expect = { outcome = "safety_exit", critical = false } },
    { name = "waiting by the car after he goes inside is a critical error", choices = { 3, 2, 2, 3 },
      expect = { ending = "dog_out", critical = true, passed = false } },
    { name = "grovelling after a slip sends him back to 'who called?' and costs the pass",
      choices = { 3, 3, 2, 4, 4, 4, 2, 3, 4, 1, 3, 2 },
      expect = { outcome = "resolved_accepted", passed = false } },
    { name = "a silent nod at the close is graded poor, even after the ideal visit", choices = { 3, 1, 4, 2, 3, 1, 3, 4 },
      expect = { outcome = "resolved_satisfied", max_score = 95 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path: a long stand-off at the curb, police and a second visit; four to six calm visits", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
