-- Seed 10: the Recreation Director wants a bus purchase order pushed through today, one quote short; rank pressure from a colleague.
-- path best:   3,2,4,1,3,4,3,4,3
-- path worst:  1,1,4,3,1,2,2,2,1,1
-- path novice: 2,3,1,2,2,2,1,4,3,1,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  dept           = "Finance Department",
  threshold      = "$10,000",                      -- above this, written quotes are required
  quotes         = "three written quotes",
  bus_quote      = "$14,800",                      -- the one quote on the requisition
  vendor         = "Cardinal Coach",               -- the company that quoted
  vendor_short   = "Cardinal",                     -- how people refer to it in passing
  coop_vendor    = "Bay State Charter",            -- a charter company on the state contract
  coop_contract  = "the state cooperative contract",  -- buying from it needs no further quotes
  hold_until     = "Friday at noon",               -- when the bus company releases the buses
  quotes_by      = "noon tomorrow",                -- what the clerk asks for
  turnaround     = "within the hour",              -- PO turnaround once the quotes arrive
  campers        = "140",
  cpo            = "Farida",                       -- the Chief Procurement Officer, who signs POs
  cpo_full       = "Farida Haddad, the Chief Procurement Officer",
  cpo_phone      = "555-0117",
  director       = "Linda",                        -- the Finance Director, the clerk's supervisor
  director_full  = "Linda Sorensen, the Finance Director",
  other_dept     = "DPW",
  other_batch    = "DPW's paving orders",          -- other work, due the same morning his quotes land
  other_due      = "tomorrow morning",
  emergency_for  = "a sudden threat to health, safety or property, like a burst water main",
  calendar_month = "March",                        -- when the spring procurement calendar goes out
  summer_due     = "April",                        -- when summer requisitions are due
  statute        = "Chapter 30B, section 4",       -- the state procurement law (Massachusetts here)
  emergency_form = "a P-7 emergency justification",
  emergency_wait = "48 hours",                     -- how long the CPO takes to rule on one
}


-- "noon tomorrow" -> "Noon tomorrow", for a rule used at the start of a sentence.
local function cap(text)
  return text:sub(1, 1):upper() .. text:sub(2)
end

-- He came down for a PO, not for the afternoon: after half an hour at your desk, whatever
-- comes next, he takes it to the town manager.
local function out_of_time(s)
  return s.minutes >= 30
end

-- Where an escalating move leads. A colleague doesn't stay to shout: past about 75 he walks
-- out to the town manager. Short of that he climbs one rung at a time: a status play,
-- then venting, then "I'm going over your head", then he goes.
local function worse(s)
  if s.agitation >= 79 or out_of_time(s) then return "went_over" end
  if s.agitation < 63 and (s.visits.rank or 0) == 0 then return "rank" end
  if (s.visits.heat or 0) == 0 then return "heat" end
  if (s.visits.over_head or 0) == 0 then return "over_head" end
  return "went_over"
end
-- An escalating move: to `calm` while he can still talk it through (and hasn't been there), else up the ladder.
local function escalate(s, calm)
  if s.agitation >= 63 or out_of_time(s) or (s.visits[calm] or 0) > 0 then return worse(s) end
  return calm
end
local LADDER = { "went_over", "rank", "heat", "over_head" }
local function targets(calm)
  local t = { calm }
  for _, id in ipairs(LADDER) do
    if id ~= calm then t[#t + 1] = id end
  end
  return t
end
-- A move that can still nudge him up (gated information, a vague answer): he walks out rather than arrive hot.
local function guard(s, beat)
  if s.agitation >= 79 or out_of_time(s) then return "went_over" end
  return beat
end

-- Whether he has heard a legal route: the routes (options #3) lead to the emergency question,
-- the vendor list (options #1) to the sham quotes.
local function routes_heard(s)
  return (s.visits.emergency or 0) + (s.visits.sham or 0) > 0
end

-- After a repair: back to whatever part of the story he hasn't had yet. Until he has heard a
-- route, that is the routes (options), even if he asked for them before and got a brush-off.
local function repair(s)
  if out_of_time(s) then return "went_over" end
  if (s.visits.story or 0) == 0 then return "story" end
  if (s.visits.heard or 0) == 0 then return "heard" end
  if not routes_heard(s) then return "options" end
  return "priority"
end
local REPAIRED = { "story", "heard", "options", "priority", "went_over" }

-- Where a promise the clerk can't keep ends. Made before he has heard any compliant route (the
-- co-op contract, the quotes, the emergency rule), it leaves him with nothing on Thursday, and
-- Linda and Farida have to drop everything to find him a way to Friday; made after, he at least
-- knows the routes and chases the quotes himself.
local function broken(s)
  local routes = (s.visits.emergency or 0) + (s.visits.sham or 0) + (s.visits.priority or 0)
  if routes == 0 then return "promise_scramble" end
  return "promise_broken"
end
local BROKEN = { "promise_scramble", "promise_broken" }

-- How a visit that got a plan ends.
local function close_out(s)
  if s.flags.vague then return "po_chased" end
  if s.band == "settled" then return "po_satisfied" end
  return "po_accepted"
end

return scenario {
  id         = "coworker-rush",
  title      = "Just push it through",
  setting    = "internal",
  role       = "Purchasing clerk, " .. RULES.dept,
  minutes    = 5,
  difficulty = "standard",
  summary    = "The Recreation Director wants a camp-bus purchase order pushed through today, one quote short of the legal minimum.",
  objectives = {
    "Work with a senior colleague's pressure, and his rank, without giving way on the rule or on the working relationship.",
    "Make a procurement rule make sense to someone who sees it only as an obstacle.",
    "Leave him with something he can rely on, and nothing you can't deliver.",
  },

  resident = {
    name       = "Andre Lacroix",
    agitation  = 50,
    trust      = 35,
    need       = "control",
    volatility = 1.0,
    recovery   = 1.1,      -- a colleague with a long working relationship: good moves land well
    audience   = false,    -- a quiet corner of the Finance office
    waited     = 0,        -- he walked straight to your desk
    look = { skin = 4, hair = "short", hair_colour = "black", top = "cardigan" },
  },

  -- A calm version of this visit still needs about six exchanges (what's missing, the deadline, the routes,
  -- priorities, timing).
  time = {
    task = 6, calm_turns = 6,
    follow_on = {
      supervisor     = 15,  -- Linda (and Farida) stop to go through the routes with him: after a handoff, after he has
                            -- gone over your head, or to rescue a promise that broke before he knew any route
      repeat_contact = 10,  -- one more go at it: he rings and drops by to chase
      complaint      = 15,  -- he goes to the town manager: her call to Linda, and Linda's account back to her
    },
  },

  start   = "arrives",
  walkout = "went_over",   -- after three exchanges of venting he walks out to the town manager

  beats = {
    arrives = {
      note = "Senior, stressed and in a hurry. The task can't land until he has said what is at stake.",
      says = function(s)
        if s.turn > 0 then   -- still here after a task step he wasn't ready for (nothing else leads back to arrives)
          return s:line({
            uneasy    = "I don't need you reading the screen to me. I need the PO for the camp buses today, or camp doesn't happen.",
            defensive = "Don't just stare at the screen. I need the PO for the camp buses today, or I'm cancelling camp.",
            venting   = "Stop clicking! I need this PO TODAY or camp is cancelled!",
          })
        end
        return s:line({
        uneasy    = "[Andre Lacroix, the Recreation Director, stops at your desk with a printed requisition.] Hi. This came back from your office this morning. " ..
                    "I need the PO for the camp buses today, or camp doesn't happen.",
        defensive = "[Andre Lacroix, the Recreation Director, puts a printed requisition down on your desk.] This came back this morning. " ..
                    "I need a PO for the camp buses today, or I'm cancelling camp. Just push it through.",
        venting   = "[Andre drops the requisition on your desk.] Kicked back! Today of all days! I need this PO today or camp is cancelled. Push it through!",
        })
      end,
      choices = {
        { "It came back because there's only one quote. Anything over " .. RULES.threshold .. " needs " .. RULES.quotes .. ", so I can't push it through.",
          tags = { "policy_wall" }, go = function(s) return escalate(s, "wall") end, targets = targets("wall"),
          coach = "All true, and the first word he hears is 'can't'. A rule before any acknowledgement sounds like Finance protecting itself." },
        { "[Open the requisition on your screen.] Let me pull it up and see what's holding it.",
          tags = { "task" }, go = "story",
          coach = "Getting to work feels helpful, but he hasn't said what's riding on this yet, and he won't take in what the screen says until he has." },
        { "Andre, camp riding on it? Walk me through it.",
          tags = { "acknowledge", "listen" }, go = "story",
          coach = "One sentence for what's at stake, then the floor: a senior colleague under pressure needs to be heard before he can hear a rule." },
        { "Summer requisitions were due in " .. RULES.summer_due .. ". Why is this only coming in now?",
          tags = { "why_question", "blame" }, set = { jab = "lecture" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "A fair question for a planning meeting. Asked first, it puts a colleague on trial and turns a deadline into a fight about his competence." },
      },
    },

    story = {
      says = {
        settled   = "Nia, my camp coordinator, left in May, and the bus booking was on her list. I only found it last week. " ..
                    RULES.vendor .. " quoted " .. RULES.bus_quote .. " for six weeks of trips. " .. RULES.campers .. " kids are signed up, and their families were promised trips.",
        uneasy    = "Nia, my camp coordinator, left in May, and the bus booking was on her list. I only found it last week. " ..
                    RULES.vendor .. " quoted " .. RULES.bus_quote .. " for six weeks. " .. RULES.campers .. " kids, and every family was promised field trips.",
        defensive = "My coordinator left in May. The bus booking was hers, and I found it last week, buried in her inbox. " ..
                    RULES.vendor .. " quoted " .. RULES.bus_quote .. ". " .. RULES.campers .. " kids, trips promised, and I'm the one who'll be on the phone to the parents.",
        venting   = "My coordinator quit in May! I found the bus booking LAST WEEK! " .. RULES.campers .. " kids! Their parents were promised trips, and I'm the one who has to call them!",
      },
      choices = {
        { "What did " .. RULES.vendor .. " actually say about timing?",
          tags = { "ask" }, go = function(s) return guard(s, "deadline") end, targets = { "deadline", "went_over" },
          coach = "The right question, and it will matter, but he hasn't heard yet that you understood what's riding on this." },
        { "So the booking went when your coordinator did, and you'd be the one phoning " .. RULES.campers .. " families.",
          tags = { "paraphrase", "label" }, set = { reflected = true }, go = "heard",
          coach = "Reflecting the facts and naming the worry underneath (his name, his families) is what lets him feel heard." },
        { "Leave it with me. I'll get it through today one way or another; I'll walk it over to " .. RULES.cpo .. " myself after lunch and tell her it's for the kids.",
          tags = { "overpromise" }, promise = "The PO will go out today.", go = broken, targets = BROKEN,
          coach = "It's kind, and it ends the tension at once, but you don't sign purchase orders, and a PO with one quote can't legally go out today." },
        { "Everybody's stretched this summer. Parks lost two people too, and the library's been running on volunteers since April; it's the same story everywhere.",
          tags = { "minimize" }, set = { jab = "stretched" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Meant as solidarity, but comparing workloads tells him his problem is nothing special." },
      },
    },

    heard = {
      -- "That's it" only answers a summary of his story; after a repair he just carries on.
      says = function(s)
        if s.flags.reflected then
          return s:line({
            settled   = "Yes. That's exactly it. Nineteen years I've run camp and never cancelled a week. So can you push it through? It's one quote.",
            uneasy    = "Yeah. That's it. Nineteen years, and I've never cancelled a week of camp. So can you push it through? It's one quote short.",
            defensive = "Yes. So you get it. Then push it through. It's one quote.",
            venting   = "YES! So push it through! It's ONE quote!",
            recovery  = "...Yeah. That's it. Sorry. So can you push it through? It's one quote short.",
          })
        end
        return s:line({
          settled   = "Nineteen years I've run camp and never cancelled a week. So can you push it through? It's one quote.",
          uneasy    = "Nineteen years, and I've never cancelled a week of camp. So can you push it through? It's one quote short.",
          defensive = "Nineteen years, never cancelled a week. So push it through. It's one quote.",
          venting   = "Nineteen years! So push it through! It's ONE quote!",
          recovery  = "...Sorry. Nineteen years, never cancelled a week. So can you push it through? It's one quote short.",
        })
      end,
      choices = {
        { "Above " .. RULES.threshold .. " the law says " .. RULES.quotes .. ". I don't get to decide that.",
          tags = { "policy_wall" }, go = function(s) return escalate(s, "wall") end, targets = targets("wall"),
          coach = "Accurate and final, and it answers 'can you?' without any 'here's what I can do'." },
        { "I can't send it with one quote, and it's not me being awkward: a PO over " .. RULES.threshold .. " without the quotes gets flagged by the auditor, " ..
          "and payment can be frozen mid-summer.",
          when = function(s) return (s.visits.deadline or 0) == 0 end,
          tags = { "explain_why" }, go = function(s) return guard(s, "options") end, targets = { "options", "went_over" },
          coach = "A good reason, plainly given; but you still don't know his real deadline, and he's still working to 'today'." },
        { "I can't send it with one quote: without the quotes the auditor flags it, and payment can freeze mid-summer. " ..
          cap(RULES.hold_until) .. " gives us room.",
          when = function(s) return (s.visits.deadline or 0) > 0 end,
          tags = { "explain_why", "inform" }, go = function(s) return guard(s, "options") end, targets = { "options", "went_over" },
          coach = "The reason, plainly given, and the deadline he told you turned into room: the rule and his camp both fit before Friday." },
        { "I'll ask " .. RULES.cpo .. " if she'll sign it as it is. If anyone can make an exception for camp, she can, and she's always had a soft spot for the summer programme.",
          tags = { "overpromise" }, promise = RULES.cpo .. " may sign with one quote.", go = broken, targets = BROKEN,
          coach = "Hope feels kinder than a no, but the quote rule isn't hers to waive; he'll plan around an exception that can't happen." },
        { "When does " .. RULES.vendor .. " need the PO by?",
          when = function(s) return (s.visits.deadline or 0) == 0 end,   -- not once he has said "Friday at noon"
          tags = { "ask" }, go = function(s) return guard(s, "deadline") end, targets = { "deadline", "went_over" },
          coach = "He gave you a deadline ('today'); asking what's behind it is the calibrated question that finds the room you actually have." },
      },
    },

    deadline = {
      says = {
        settled   = "They'll hold the buses until " .. RULES.hold_until .. ". After that they go to a school district two towns over. " ..
                    "But I'd rather not cut it that close. Why can't you just push it through today?",
        uneasy    = "They'll hold the buses until " .. RULES.hold_until .. ", then they go to a school district two towns over. " ..
                    "I'm not cutting it that close. Why can't you just push it through today?",
        defensive = RULES.hold_until .. ", then they go to somebody else. I'm not gambling camp on Friday. Why can't you just push it through today?",
        venting   = RULES.hold_until .. "! And I'm not gambling camp on Friday! Why can't you push it through NOW?",
      },
      choices = {
        { "Because an unquoted PO over " .. RULES.threshold .. " gets flagged at audit, and payment can freeze mid-July, with your name on it. Friday gives us room.",
          tags = { "explain_why", "inform" }, go = function(s) return guard(s, "options") end, targets = { "options", "went_over" },
          coach = "Once he feels heard, the reason lands: the rule protects his camp too, and the real deadline leaves time to follow it." },
        { "Friday's plenty of time. You're worrying about nothing.",
          tags = { "minimize" }, set = { jab = "nothing" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "True about the calendar and dismissive about the worry; 'nothing' is his camp." },
        { "It's state law: " .. RULES.statute .. ". There's no discretion, not for me, not for " .. RULES.cpo .. ", not for anybody in this building, and the auditor reads every PO over the line.",
          tags = { "jargon", "policy_wall" }, go = function(s) return escalate(s, "wall") end, targets = targets("wall"),
          coach = "A statute number is not a reason. It tells a colleague you'd rather cite than explain." },
        { "I'd have to check that with " .. RULES.cpo .. "; she decides anything over the threshold. Can you wait while I find her? She might be in the budget meeting till three.",
          tags = { "buck_pass" }, go = function(s) return escalate(s, "rank") end, targets = targets("rank"),
          coach = "You know the answer; sending him to wait for someone else makes the rule sound like a person he can lean on." },
      },
    },

    options = {
      says = function(s)
        if (s.visits.options or 0) > 1 then   -- he asked before and got no route
          return s:line({
            settled   = "Go on, then. What's the legal way? Last time I asked, I got a phone number.",
            uneasy    = "All right. What's this legal way? Last time I asked, I got a phone number.",
            defensive = "So what's the legal way? Last time I got a phone number.",
            venting   = "WHAT legal way? Last time I got a phone number!",
          })
        end
        return s:line({
          settled   = "Okay. I get it. So what do I actually do? I don't have a coordinator any more, and I don't have time to chase quotes.",
          uneasy    = "Okay. So what do I actually do? I don't have a coordinator, and I don't have time to chase bus companies.",
          defensive = "So what do I do? I've got no coordinator and no time to chase bus companies.",
          venting   = "So WHAT do I do? I've got no coordinator! No time!",
        })
      end,
      choices = {
        { "[Hand him a sheet.] Here's the vendor list. Get two more quotes and send them over.",
          tags = { "inform" }, go = function(s) return guard(s, "sham") end, targets = { "sham", "went_over" },
          coach = "Correct and quick, but it hands him a chore instead of a choice, and he still doesn't know the fastest route." },
        { "Ask " .. RULES.cpo .. ". Procurement calls are hers, not mine. She's on " .. RULES.cpo_phone .. ".",
          tags = { "buck_pass" }, go = function(s) return escalate(s, "rank") end, targets = targets("rank"),
          coach = "A cold transfer to someone he'll have to convince from scratch, when you know the routes yourself." },
        { "Three routes. " .. RULES.coop_vendor .. " is on " .. RULES.coop_contract .. ": no extra quotes. " ..
          "Or two more quotes by " .. RULES.quotes_by .. ". Or I ask " .. RULES.cpo .. " about the emergency rule, a long shot.",
          tags = { "options", "inform" }, go = function(s) return guard(s, "emergency") end, targets = { "emergency", "went_over" },
          coach = "Real choices, quickest first, with an honest word on the long shot: he gets back control of a problem he thought was out of his hands." },
        { "I'll ring round for the quotes myself this afternoon. I know the bus companies, I'll have two numbers by five, and you won't have to chase anybody.",
          tags = { "overpromise" }, promise = "The clerk will get the quotes this afternoon.", go = broken, targets = BROKEN,
          coach = "Generous, and it isn't yours to give: your afternoon is already committed, and the quotes are the requesting department's job." },
      },
    },

    emergency = {
      says = {
        settled   = RULES.vendor .. " is the cheapest and they know our routes. What about the emergency thing? " .. RULES.campers .. " kids without buses feels like an emergency to me.",
        uneasy    = RULES.vendor .. " knows our routes. What about this emergency rule? " .. RULES.campers .. " kids with no buses sounds like an emergency to me.",
        defensive = "What about the emergency rule? " .. RULES.campers .. " kids with no buses. That's an emergency.",
        venting   = "Then call it an emergency! " .. RULES.campers .. " kids with no buses IS an emergency!",
      },
      choices = {
        { "Sure, why not. I'll put it through as an emergency this afternoon and " .. RULES.cpo .. " can sign off on it; " .. RULES.campers .. " kids with no buses is an emergency in my book.",
          tags = { "overpromise" }, promise = "The PO will go through as an emergency.", go = broken, targets = BROKEN,
          coach = "It sounds like a solution, but the emergency call is " .. RULES.cpo .. "'s, and a late booking almost certainly doesn't qualify." },
        { "That's not what emergency means, Andre.",
          tags = { "argue" }, set = { jab = "emergency" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Correct on the law, and it lands as a put-down of how much camp matters to him." },
        { "You'd need " .. RULES.emergency_form .. " on file, and the CPO rules on it within " .. RULES.emergency_wait .. ".",
          tags = { "jargon", "inform" }, go = function(s) return guard(s, "priority") end, targets = { "priority", "went_over" },
          coach = "Accurate, but form numbers and job titles make him work out for himself that this is a long shot." },
        { "I can see why it feels like one. It's " .. RULES.cpo .. "'s call, and the rule is for " .. RULES.emergency_for .. ". " ..
          "I'll ask today; start the quotes anyway.",
          tags = { "explain_why", "own", "options" }, go = function(s) return guard(s, "priority") end, targets = { "priority", "went_over" },
          coach = "Honest about the odds, clear about who decides, and a commitment you can keep: he isn't left betting camp on a long shot." },
      },
    },

    sham = {
      note = "An offhand request to bend the rule. Not a threat: a colleague testing how hard the line is.",
      says = {
        settled   = "Quotes. Right. [He lowers his voice.] Look, everyone knows " .. RULES.vendor_short .. "'s getting this. Can't I just get two outfits to send me a number? Any number?",
        uneasy    = "Quotes. [He lowers his voice.] Everyone knows " .. RULES.vendor_short .. "'s getting this. Can't I just get two outfits to send me any number?",
        defensive = "Fine. I'll get two outfits to send me a number. Any number. It's a formality, right?",
        venting   = "Fine! I'll get two outfits to send any number! It's a formality anyway!",
      },
      choices = {
        { "As long as they're on letterhead and dated, I'll process them. It's not my job to check where the numbers came from, and honestly, half the town does it that way.",
          tags = { "overpromise" }, grade = "critical", go = "sham_quotes",
          coach = "Knowingly accepting quotes nobody meant is a false procurement record. It's the one answer here that breaks the law, not just the mood." },
        { "Honestly? Real prices, same spec. Anything else is a false record with your name on it, and " .. RULES.vendor_short .. " may win anyway.",
          tags = { "explain_why", "options" }, go = function(s) return guard(s, "priority") end, targets = { "priority", "went_over" },
          coach = "Holding the line kindly, with the reason and a route that still gets him what he wants: " .. RULES.vendor_short .. " can win a real comparison." },
        { "Andre! You can't say things like that to me.",
          tags = { "argue" }, set = { jab = "shock" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Shock is understandable, but it turns an offhand remark into an accusation, and he'll dig in to save face." },
        { "Ha. I didn't hear that. Anyway, two more quotes.",
          tags = { "redirect" }, go = function(s) return guard(s, "priority") end, targets = { "priority", "went_over" },
          coach = "Letting it pass keeps the peace, but he may really do it; a line this important needs saying, with the reason." },
      },
    },

    priority = {
      says = {
        settled   = "Okay. And when the quotes come in, mine goes to the top of the pile, right? Whatever else you're doing can wait a day.",
        uneasy    = "Fine. And when the quotes come in, mine goes to the top of the pile. Whatever else you've got can wait a day.",
        defensive = "And when they come in, mine goes first. Whatever else you're doing can wait.",
        venting   = "And mine goes FIRST. Whatever else you're doing can wait!",
      },
      choices = {
        { "Sure. " .. RULES.other_batch .. " can wait; they won't notice a day.",
          tags = { "overpromise" }, promise = RULES.other_batch .. " will wait a day.", go = "dpw_bumped",
          coach = "The easy yes to the person in front of you, paid for by a department that isn't in the room and never agreed." },
        { "Everybody's is urgent. You're in the queue like everyone else, and the queue is there so the loudest department doesn't always win; it wouldn't be fair on " .. RULES.other_dept .. ".",
          tags = { "minimize", "policy_wall" }, set = { jab = "queue" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Fair in principle, but 'like everyone else' tells a colleague his camp is one more ticket in a pile." },
        { "Andre, " .. RULES.other_batch .. " are due " .. RULES.other_due .. " too; I can't bump them alone. Yours goes the minute the quotes land, or I ask " .. RULES.director .. " now.",
          tags = { "options", "explain_why" }, go = function(s) return guard(s, "commit") end, targets = { "commit", "went_over" },
          coach = "A limit on what isn't yours to give, with two real offers inside it: he hears what you will do, not just what you won't." },
        { "That's above my pay grade. You'd have to take it up with " .. RULES.director .. ".",
          tags = { "buck_pass" }, go = function(s) return escalate(s, "rank") end, targets = targets("rank"),
          coach = "Partly true, but handing him the problem cold invites him to go over your head." },
      },
    },

    commit = {
      says = {
        settled   = "Fine. So when do I actually have a PO? Give me a time I can tell the bus company.",
        uneasy    = "So when do I actually have a PO? Give me a time I can tell the bus company.",
        defensive = "So when? Give me an actual time.",
        venting   = "WHEN? Give me a time!",
      },
      choices = {
        { "As soon as I can. I'll let you know.",
          tags = { "hollow" }, set = { vague = true }, go = function(s) return guard(s, "wrap") end, targets = { "wrap", "went_over" },
          coach = "Polite and non-committal; he asked for a time because vague is what got camp into trouble." },
        { "Noon tomorrow, signed. Guaranteed. I'll sit on " .. RULES.cpo .. "'s desk until she does it if I have to; you can tell the bus company it's done today.",
          tags = { "overpromise" }, promise = "The PO will be signed by noon tomorrow.", go = broken, targets = BROKEN,
          coach = "The answer he wants, and it depends on quotes that haven't arrived and a signature that isn't yours." },
        { "[Keep typing the " .. RULES.other_dept .. " batch.] Hang on, let me just finish this.",
          tags = { "ignore" }, set = { jab = "ignored" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Finishing your line of work is natural, and it tells him, just as he's agreed to your plan, that he's an interruption." },
        { "[Open the PO draft.] Quotes to me by " .. RULES.quotes_by .. "; " .. RULES.cpo .. " has it " .. RULES.turnaround .. " of them landing. Her signature, my text to you.",
          tags = { "task", "own" }, go = function(s) return guard(s, "wrap") end, targets = { "wrap", "went_over" },
          when = function(s) return s.agitation <= 76 end,   -- too hot to start drafting: he'd be over the desk
          coach = "Doing the work now and committing to your part, with a time, while being clear about the part that isn't yours." },
      },
    },

    wrap = {
      says = function(s)
        if s.flags.vague then
          return s:line({
            settled   = "Okay. I'll wait to hear, then. Soon, I hope.",
            uneasy    = "'As soon as you can.' Okay. I'll chase you tomorrow, then.",
            defensive = "'As soon as you can.' Right. I'll be back here at noon.",
            venting   = "'As soon as you can'? I'll be back at noon!",
          })
        end
        return s:line({
          settled   = "Okay. " .. cap(RULES.quotes_by) .. ". Thanks. Honestly, I came in here ready to go to the town manager.",
          uneasy    = "Okay. " .. cap(RULES.quotes_by) .. ". I'll hold you to the hour.",
          defensive = "Fine. " .. cap(RULES.quotes_by) .. ". We'll see.",
          venting   = cap(RULES.quotes_by) .. ". It had better be.",
        })
      end,
      choices = {
        { "And maybe next year get it in by " .. RULES.summer_due .. ", yeah? It'd save us both a day like this, and it's not hard to put a reminder in the calendar.",
          tags = { "blame" }, go = "po_accepted",
          coach = "A fair point in the wrong place: said now, on his way out, it sounds like a last word rather than help." },
        { "Glad we found a way. Good luck with camp.",
          tags = { "thank" }, go = function(s) return close_out(s) end,
          targets = { "po_chased", "po_satisfied", "po_accepted" },
          coach = "A warm close; it leaves the cause (a booking lost when someone left) to happen again next year." },
        { "Want the procurement calendar in " .. RULES.calendar_month .. " next year, with camp buses on it?",
          tags = { "own", "options" }, go = function(s) return close_out(s) end,
          targets = { "po_chased", "po_satisfied", "po_accepted" },
          coach = "The planning fix, offered as help after the crisis is handled rather than as blame during it." },
      },
    },

    wall = {
      says = {
        settled   = "That's it? A threshold? I've got " .. RULES.campers .. " kids signed up and you're reading me the rulebook.",
        uneasy    = "That's it? A threshold? I've got " .. RULES.campers .. " kids and you're reading me the rulebook.",
        defensive = "So that's it. 'Three quotes.' " .. RULES.campers .. " kids, and you're reading me the rulebook.",
        venting   = "That's it? The RULEBOOK? " .. RULES.campers .. " kids, and Finance reads me the rulebook!",
      },
      choices = {
        { "You're right, I led with the rulebook. What matters most here?",
          tags = { "apologize", "listen" }, go = function(s) return repair(s) end, targets = REPAIRED,
          coach = "Owning the false start, briefly, and giving him the floor repairs it without grovelling." },
        { "I didn't write the rule. Take it up with the state.",
          tags = { "buck_pass", "policy_wall" }, go = function(s) return escalate(s, "rank") end, targets = targets("rank"),
          coach = "True, and it pushes him towards going over your head, which is exactly the fight you don't want with a colleague." },
        { "Andre, I need you to calm down so we can talk about this.",
          tags = { "calm_down" }, set = { jab = "calm" }, go = function(s) return escalate(s, "defended") end, targets = targets("defended"),
          coach = "Telling a senior colleague to calm down makes his tone the topic and guarantees he won't." },
      },
    },

    defended = {
      -- He answers what was said to him (the flag `jab`, set by each move that lands here).
      says = function(s)
        local jab = s.flags.jab
        local hot = s.band == "venting" or s.band == "threatening"
        if jab == "stretched" then
          return hot and "Stretched? I've been doing TWO jobs since May!"
                     or "Don't tell me everybody's stretched. My coordinator left in May, and I've been doing two jobs since."
        elseif jab == "nothing" then
          return hot and "NOTHING? It's camp! I've been doing two jobs since May!"
                     or "Nothing? It's camp. My coordinator left in May, I've been doing two jobs since, and I'm not leaving it to 'plenty of time'."
        elseif jab == "emergency" then
          return hot and "Don't tell me what an emergency is! I've been doing two jobs since May!"
                     or "Don't tell me what an emergency is. My coordinator left in May, and I've been doing two jobs since."
        elseif jab == "shock" then
          return hot and "It was a figure of speech! I've been doing two jobs since May!"
                     or "Oh, come on, it was a figure of speech. I'm not a crook. My coordinator left in May, and I've been doing two jobs since."
        elseif jab == "queue" then
          return hot and "One more ticket in the pile? I've been doing two jobs since May!"
                     or "One more ticket in the pile, is it? My coordinator left in May, and I've been doing two jobs since."
        elseif jab == "ignored" then
          return hot and "Hello? I'm RIGHT HERE! I've been doing two jobs since May!"
                     or "Hello? I'm right here. My coordinator left in May, I've been doing two jobs since, and I still came down myself."
        elseif jab == "calm" then
          return hot and "Don't tell me to calm down! I've been doing two jobs since May!"
                     or "Don't tell me to calm down. My coordinator left in May, and I've been doing two jobs since."
        end
        return s:line({
          settled   = "I know when requisitions are due. My coordinator left in May, and I've been doing two jobs since.",
          uneasy    = "I know when requisitions are due. My coordinator left in May, and I've been doing two jobs since. Don't lecture me.",
          defensive = "Don't lecture me about deadlines. My coordinator quit in May, and I've been doing her job and mine.",
          venting   = "Don't you lecture me! I've been doing two jobs since May!",
        })
      end,
      choices = {
        { "I'm only doing my job, Andre, the same as I would for anyone. If I let it slide, the same thing catches you next summer.",
          tags = { "argue" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Defending what you said keeps the power struggle going, and 'next summer' tells him he's the problem." },
        { "Andre, two jobs since May? Then this landed on top of everything. What happened with the booking?",
          when = function(s) return (s.visits.story or 0) == 0 end,
          tags = { "acknowledge", "listen" }, go = function(s) return repair(s) end, targets = REPAIRED,
          coach = "No defence of what you said: his load named in his own words, and the floor handed back to him." },
        { "Her job and yours since May, and now this. No wonder it slipped. Go on.",
          when = function(s) return (s.visits.story or 0) > 0 end,
          tags = { "acknowledge", "listen" }, go = function(s) return repair(s) end, targets = REPAIRED,
          coach = "No defence of what you said: the load he's carrying named, and the floor handed back to him." },
        { "We're all doing two jobs here.",
          tags = { "minimize" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Probably true, and it turns his problem into a contest about who has it worse." },
      },
    },

    rank = {
      note = "A status play: a challenging question to let pass, not to answer.",
      says = {
        settled   = "I've run Recreation for nineteen years. I'm not really asking permission here. Can you just put it in the system?",
        uneasy    = "I've run Recreation for nineteen years. I'm not asking a clerk's permission. Just put it in the system.",
        defensive = "Nineteen years I've run this department. I don't need a clerk's permission. Put it in the system.",
        venting   = "Nineteen years! I don't need a CLERK'S permission! Put it in the system!",
      },
      choices = {
        { "With respect, Andre, I'm the one who gets audited, not you. Nineteen years doesn't change the threshold, and it won't be your name on the finding.",
          tags = { "argue" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Meeting rank with your own grievance takes the bait; now it's about you two, not the buses." },
        { "Okay, okay. I'll put it in and flag it for " .. RULES.cpo .. ".",
          tags = { "overpromise" }, promise = "The PO will go in with one quote.", go = broken, targets = BROKEN,
          coach = "Giving way to rank feels like keeping the peace; it just hands the same no to " .. RULES.cpo .. ", later and with your name on it." },
        { "Nineteen years, and a rule in your way; I'd be fed up too. It isn't my permission you need, it's three prices, and I can get you there fast.",
          tags = { "redirect", "label" }, go = function(s) return guard(s, repair(s)) end, targets = { "story", "heard", "options", "priority", "went_over" },
          coach = "Name the frustration, let the 'clerk' jab pass, and go straight back to what you can do: the challenge has nothing to push against." },
      },
    },

    heat = {
      note = "Venting, not a threat: let it burn off. Very few words.",
      says = {
        settled   = "[He sighs and rubs his eyes.] You know, this is why people dread sending things to Finance. Every summer it's something.",
        uneasy    = "You know, this is why people dread sending things to Finance. Every summer it's something.",
        defensive = "This is exactly why nobody wants to deal with Finance. Every summer it's something.",
        venting   = "This is why nobody can stand dealing with Finance! Every single summer! You sit behind your screens and I'm the one who faces the parents!",
      },
      choices = {
        { "[Stop typing. Turn to him. Let him finish.]",
          tags = { "pause", "listen" }, go = "cooled",
          coach = "Undivided attention and silence let the energy burn off; anything you say now is fuel." },
        { "I understand, Andre, but lower your voice, please. People are working, and shouting won't get the buses booked any faster.",
          tags = { "calm_down" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Probably true, and it turns his frustration into a reprimand from a junior colleague; an 'I understand' in front doesn't soften it." },
        { "Let's not do this at my desk. Come and sit at the table by the window, where it's quieter.",
          tags = { "private" }, go = "cooled",
          coach = "Moving somewhere quieter helps, though there's no real audience here; your attention would have done more. Quieter, not closed: don't take someone who is shouting into a closed room alone." },
      },
    },

    cooled = {
      says = {
        settled   = "...Sorry. That wasn't aimed at you. It's been a month of this.",
        uneasy    = "...Sorry. That wasn't aimed at you. It's been a month.",
        defensive = "...Fine. But it's been a month of this, and camp is my name on the line.",
        venting   = "And I'm the one who tells the parents! Me!",
        recovery  = "...Sorry. That wasn't aimed at you. It's been a month of this.",
      },
      choices = {
        { "Your coordinator gone, the booking found late, and your name in front of " .. RULES.campers .. " families.",
          tags = { "paraphrase", "label" }, go = function(s) return repair(s) == "story" and "heard" or repair(s) end,
          targets = { "heard", "options", "priority", "went_over" },
          coach = "In the recovery window a warm summary rebuilds things fast; no comment on the outburst." },
        { "Fair enough. So, the quotes.",
          tags = { "inform" }, go = function(s) return guard(s, repair(s) == "story" and "options" or repair(s)) end,
          targets = { "options", "heard", "priority", "went_over" },
          coach = "Not wrong, but it skips past what he just said and what's under it." },
        { "Happens. Everybody gets wound up in June; you should see Parks when the beach stickers go on sale. Don't worry about it.",
          tags = { "minimize" }, go = function(s) return worse(s) end, targets = LADDER,
          coach = "Meant to let him off the hook, and it files his camp under 'people being wound up'." },
      },
    },

    over_head = {
      says = {
        settled   = "Look, I'd rather not, but I think I need to walk down to the town manager about this.",
        uneasy    = "I'd rather not, but I'm going to walk down to the town manager. She'll tell you to sign it.",
        defensive = "Forget it. I'm going to the town manager. She'll tell you to sign it.",
        venting   = "I'm going straight to the town manager! She'll tell you to sign it!",
      },
      choices = {
        { "Go ahead. Her office is at the end of the corridor; mention the three quotes while you're there, she'll tell you the same.",
          tags = { "sarcasm" }, go = "went_over",
          coach = "Waving him off to the town manager, with a parting shot about the quotes, says 'I don't care'. The relationship will outlast this PO." },
        { "You can, and I won't stop you. Before you go, give me two minutes: I think there's a legal way to get your buses in time.",
          tags = { "redirect" }, go = function(s) if s.agitation >= 63 then return "went_over" end return repair(s) end,
          targets = { "went_over", "story", "heard", "options", "priority" },
          coach = "Letting the challenge pass and returning to what can be done works once he's off the boil; while he's still shouting, a warm handoff is the better door." },
        { "[Wave " .. RULES.director .. " over.] " .. RULES.director .. ", Andre needs camp buses booked this week and the requisition has one quote of three. " ..
          "Could you and " .. RULES.cpo .. " look at it with him?",
          tags = { "handoff" }, go = "supervisors",
          coach = "With rank and priorities in play, a warm handoff to both supervisors is legitimate; the brief means he doesn't start over." },
      },
    },
  },

  endings = {
    po_satisfied = {
      outcome = "resolved_satisfied",
      says    = "Send me that calendar. And thanks. You made this easier than I expected.",
      debrief = "Andre had two quotes in by mid-morning the next day; the PO went to " .. RULES.cpo_full .. ", within the hour and was signed before lunch. " ..
                RULES.vendor .. " kept the buses. He still thinks the threshold is too low, but he left knowing why it exists and with a plan for next year.",
    },
    po_accepted = {
      outcome = "resolved_accepted",
      says    = "Fine. " .. cap(RULES.quotes_by) .. ". It's a lot of paperwork for some buses, but fine.",
      debrief = "Andre got the quotes in and the PO was signed on time. He still thinks the rule is bureaucracy, but he understood the route and " ..
                "the deadline, and camp ran. That is a full pass when the answer to 'push it through' has to be no.",
    },
    po_chased = {
      outcome = "resolved_accepted",
      follow_on = { "repeat_contact" },
      says    = "Okay. I'll send the quotes. And I'll be checking in.",
      debrief = "The quotes came in and the PO was signed in time, but 'as soon as I can' gave Andre nothing to tell the bus company, so he rang twice " ..
                "and came by once to check. A specific time you can keep is cheaper than the calls it saves.",
    },
    supervisors = {
      outcome = "routed",
      task    = true,     -- the PO still has to be drafted
      says    = "Okay. Thanks for filling her in. I didn't want to go through it all again.",
      debrief = RULES.director_full .. ", and " .. RULES.cpo .. " met Andre that afternoon and set out the same routes. Their time was the follow-on cost; " ..
                "the warm handoff meant nobody started from zero, and the relationship held.",
    },
    promise_broken = {
      outcome = "unresolved",
      says    = "That's all I needed. Thank you. I'll tell the bus company.",
      task    = true,   -- the quotes were rushed in anyway, and the PO still had to be drafted
      follow_on = { "repeat_contact", "complaint" },
      debrief = "What was promised wasn't the clerk's to give: a PO over " .. RULES.threshold .. " can't go out on one quote, " .. RULES.cpo .. " signs, not the clerk, " ..
                "and a late booking isn't an emergency. Andre found out late on Thursday, went to the town manager about 'Finance going back on its word', " ..
                "and the quotes were rushed in anyway. The promise bought a moment's calm and cost a day and a relationship.",
    },
    promise_scramble = {
      outcome = "unresolved",
      says    = "That's all I needed. Thank you. I'll tell the bus company.",
      task    = true,   -- the quotes were rushed in anyway, and the PO still had to be drafted
      follow_on = { "supervisor", "repeat_contact", "complaint" },   -- Linda and Farida's rescue, his chasing, the town manager
      debrief = "What was promised wasn't the clerk's to give: a PO over " .. RULES.threshold .. " can't go out on one quote, " .. RULES.cpo .. " signs, not the clerk, " ..
                "and a late booking isn't an emergency. Andre found out late on Thursday with a day to go and no idea of the legal routes, so " .. RULES.director .. " and " .. RULES.cpo ..
                " had to drop what they were doing to find him one; he went to the town manager about 'Finance going back on its word', and the quotes were rushed in anyway. " ..
                "The promise bought a moment's calm and cost a day, two supervisors' afternoon and a relationship.",
    },
    dpw_bumped = {
      outcome = "unresolved",
      says    = "Great. Knew I could count on you.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "Andre's PO went out, but " .. RULES.other_batch .. " slipped a day without anyone asking their manager. " .. RULES.other_dept .. " missed a supplier's price lock and " ..
                "complained to " .. RULES.director .. ". Moving another department's work is a decision for both managers, not a favour to the colleague in front of you.",
    },
    sham_quotes = {
      outcome = "breach",
      says    = "Great. I'll have them to you by tomorrow.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "Two 'quotes' arrived the next morning, both a little above " .. RULES.vendor_short .. "'s, neither asked on the same spec. The auditor spotted them in the autumn review. " ..
                "Knowingly processing sham quotes is a false procurement record; both departments ended up explaining it to the town manager.",
    },
    went_over = {
      outcome = "escalated",
      task    = true,   -- the quotes came in the next day and the PO was drafted after all
      follow_on = { "supervisor", "complaint" },   -- Linda's sit-down with him, and the town manager's call
      says    = {
        uneasy    = "Right. I'll see what the town manager says.",
        defensive = "Fine. I'll see what the town manager has to say about this.",
        venting   = "Unbelievable. The town manager is going to hear about this.",
        threatening = "[He snatches the requisition off your desk.] The town manager's going to hear about this. And about you.",
      },
      debrief = "Andre went straight to the town manager's office. She called " .. RULES.director .. ", who sat down with him an hour later and gave him the same three routes. " ..
                "The quotes came in the next day, but the town manager and " .. RULES.director .. " both had to stop for it, and Recreation now copies the town manager on every requisition.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: acknowledge, reflect, ask the real deadline, explain, offer routes, commit, plan",
      choices = { 3, 2, 4, 1, 3, 4, 3, 4, 3 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "an interrogation, an argument, then 'lower your voice'",
      choices = { 4, 1, 2 },
      expect = { outcome = "escalated", ending = "went_over", passed = false, max_score = 25 } },
    { name = "a typical novice: work first, a shrug, a vague time; the PO goes out but he keeps chasing",
      choices = { 2, 3, 1, 2, 2, 2, 1, 4, 3, 1, 2 },
      expect = { outcome = "resolved_accepted", ending = "po_chased", min_score = 60, max_score = 80,
                 min_ratio = 2.0, max_ratio = 3.5 } },
    { name = "once he has said 'Friday at noon', the deadline question is gone and the reason with Friday's room is the key",
      choices = { 3, 1, 2, 2, 2, 3, 4, 3, 4, 3 },
      expect = { outcome = "resolved_satisfied", passed = true, min_score = 90 } },
    { name = "'there's a legal way' after a brush-off leads to the routes, not to 'mine goes first'",
      choices = { 3, 2, 2, 2, 1, 2, 2, 3, 4, 3, 4, 3 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "a repair after 'everybody's stretched' (not a summary) still reaches the plan",
      choices = { 3, 4, 2, 2, 3, 4, 3, 4, 3 },
      expect = { outcome = "resolved_satisfied", passed = true } },
    { name = "the calmest path costs about a calm visit and a half", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path: a long row, then the town manager; four to six calm visits in all", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
