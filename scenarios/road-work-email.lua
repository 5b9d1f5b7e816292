-- Seed 9: a café owner emails Public Works in capitals, copying the whole Select Board, to say the
-- road-work detour is killing her business and the work must stop. Every reply is written down for good.
-- The craft: decide a reply is needed, then write brief, informative, friendly, firm replies (BIFF),
-- leave the insults unanswered, and never promise what the town can't give.
-- path best:   3,2,4,1,2,3,1,3
-- path worst:  3,2,1,2,3,2,1,1,3,2,1
-- path novice: 3,2,4,4,1,2,1,1,4,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  dept        = "Public Works",
  street      = "Mill Street",
  block_open  = "October 18",                  -- her block reopens to traffic
  frontage    = "the week of Sept. 23",        -- when the trench is outside her door
  main_end    = "the Main Street end",         -- where the only detour sign stands
  sign_text   = "MILL ST SHOPS OPEN",
  signs_by    = "Thursday",                    -- when the contractor will have the new sign up
  contractor  = "Granite Ridge Construction",
  pm          = "Sam Ortiz",                   -- the project manager
  pm_phone    = "555-0147",
  walk_times  = "Tuesday at 8 or Wednesday at 3",
  walk_booked = "Tuesday at 8",                -- the slot she picks from walk_times
  claims      = "a claim form with the Town Clerk",
  notice_date = "June 2",                      -- when the project notice went to every business on the street
  manager_line = "555-0110",                   -- Town Manager's office
}


-- Each defensive reply pushes her further up the chain: a furious reply-all, then the Town Manager, then the board.
-- Pushed while she's already at boiling point, she stops writing to staff and takes it public at once.
local function hot(s)
  if s.agitation >= 80 then return "board_fight" end
  if (s.visits.wants_manager or 0) > 0 then return "board_fight" end
  if (s.visits.defended or 0) > 0 then return "wants_manager" end
  return "defended"
end

-- After a repair (a call, or a short reply owning the miss) the thread picks up where it left
-- off: the question she has not yet had answered, never one she has already had answered. What
-- she still lacks is in her words (the last email asks again for days she was sent to the
-- website for, and for a sign date nobody gave).
local function picks_up(s, first)
  if first == "her_answer" and (s.visits.her_answer or 0) == 0 then return "her_answer" end
  if (s.visits.what_helps or 0) == 0 then return "what_helps" end
  if (s.visits.compensation or 0) == 0 then return "authority" end
  if (s.visits.schedule_request or 0) == 0 then return "schedule_request" end
  return "last_email"
end

-- Right after the phone call her next words are spoken, not written, and she asks for them in writing,
-- so the replies that follow are emails again. The call records the turn it was made on.
local function on_call(s) return s.flags.call_turn ~= nil and s.flags.call_turn == s.turn end
local function head(s) return on_call(s) and "[On the phone:] " or "[Her reply:] " end
local function tail(s) return on_call(s) and " Put it in an email; I want it in writing." or "" end

-- How the thread closes once the follow-through is done.
local function close_out(s)
  if s.band == "settled" then return "site_walk_satisfied" end
  return "site_walk_accepted"
end

return scenario {
  id         = "road-work-email",
  title      = "In capitals, copied to the whole board",
  setting    = "email",
  role       = "Office coordinator, Department of " .. RULES.dept,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A café owner emails in capitals, copying the Select Board: the detour is killing her business and the road work must stop.",
  objectives = {
    "Handle an angry email that is copied to the people you answer to.",
    "Write replies that still read well once they are forwarded.",
    "Deal in writing with demands you can't meet.",
  },

  resident = {
    name       = "Renata Souza",
    agitation  = 70,
    trust      = 20,
    need       = "information",
    volatility = 1.1,
    recovery   = 0.6,      -- high-conflict: good replies land slowly
    audience   = true,     -- the whole Select Board is copied, until you reply to her alone
    waited     = 0,
    look = { skin = 5, hair = "long", hair_colour = "black", top = "hoodie" },
  },

  -- Minutes are reading and drafting time: a BIFF reply (brief_reply) takes about ten minutes to write well (more
  -- while she is upset: every exchange is multiplied by her agitation, as in model.md), and
  -- resident = reading each of her emails. calm_turns is set high because a
  -- written exchange costs more than the spoken default: twelve exchanges at about two minutes is the reading and
  -- careful answering of a calm three- or four-email thread; the task (10) is the detailed schedule write-up.
  -- M = 2: in writing her fury costs care (a second draft, a colleague's read) but nobody is shouting at you in
  -- real time, so even her angriest email at most doubles a reply (15-20 minutes for a BIFF reply, not 50). What
  -- an angry thread really costs the town is what follows it in public, below.
  time = {
    task = 10, resident = 1, calm_turns = 12, M = 2,
    follow_on = {
      supervisor     = 25,  -- the Town Manager's office steps in: reads the whole thread, phones her, sets up the site walk,
                            -- and after a threat or a board fight takes over contact with her
      repeat_contact = 15,  -- one more of her emails to read and answer with care
      complaint      = 70,  -- the thread at the Select Board (she copies all five from the first email): the Town Manager's
                            -- answers to five members, a briefing memo from the department and preparing for public comment
      police         = 15,  -- sending the emails to the police and a short statement
    },
  },

  start  = "caps_email",
  safety = "veiled_threat",
  -- No walk-out rule: she is high-conflict (good replies land slowly), so she stays hot for several emails even while
  -- the replies are right, and she doesn't fall silent; her own ladder (hot, above) takes her up the chain when
  -- provoked: a furious reply-all, then the Town Manager, then the board, and at boiling point the board at once.
  walkout = false,

  beats = {
    caps_email = {
      note = "Capitals and one insult are discomfort, not danger. There is a concrete issue under them, so a reply is needed, just not this minute.",
      says = {
        defensive = "[To: Public Works. Cc: all five Select Board members. Subject: YOUR DETOUR IS KILLING MY BUSINESS] Three weeks of ROAD CLOSED signs and my Saturday trade is down by half. Your people are incompetent. Stop this project. - Renata Souza, Millstone Café",
        venting   = "[To: Public Works. Cc: all five Select Board members. Subject: YOUR DETOUR IS KILLING MY BUSINESS] THREE WEEKS of ROAD CLOSED signs and my Saturday trade is down by HALF. Your people are INCOMPETENT. STOP THIS PROJECT. - Renata Souza, Millstone Café",
      },
      choices = {
        { "[Reply All at once:] 'The project was approved after two public hearings, and the detour follows the state traffic manual. Our crew is not incompetent.'",
          tags = { "argue" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Defending the crew in front of the whole board is the most natural reply and the worst one: it answers the insult, not the problem, and it's on the record." },
        { "[Forward it to " .. RULES.pm .. ", the project manager: 'Yours, I think.']",
          tags = { "buck_pass" }, set = { forwarded = true }, go = "left_unanswered",
          coach = "Sam may well be the right person, but a two-word forward is a cold handoff: nobody owns the reply, and two days of silence read as contempt." },
        { "[Not yet. Find the real problem under the capitals first.]",
          tags = { "pause", "self_regulate" }, go = "second_email",
          coach = "Pausing lets your own temper settle, and finding the concrete issue (customers can't find a way in) tells you a reply is needed and what it must say." },
        { "[Archive it. It's shouting and insults, the board is copied, and anything you write will only feed it; if it matters, she'll write again properly.]",
          tags = { "disengage" }, grade = "poor", go = "left_unanswered",
          coach = "Capitals and 'incompetent' are unpleasant, not dangerous. There's a real access problem in there, and silence guarantees a second, louder email." },
      },
    },

    second_email = {
      says = {
        uneasy    = "[Forty minutes later, again to everyone:] One more thing. The only sign at " .. RULES.main_end .. " says ROAD CLOSED. People think the whole street is shut. I've had to cut two people's shifts.",
        defensive = "[Forty minutes later, again to everyone:] And another thing. The only sign at " .. RULES.main_end .. " says ROAD CLOSED. People think the whole street is shut. My regulars think I've CLOSED. I've cut two shifts.",
        venting   = "[Forty minutes later, again to everyone:] And ANOTHER thing. The only sign at " .. RULES.main_end .. " says ROAD CLOSED. People think the whole street is shut. My regulars think I've CLOSED. Does ANYONE there care?",
      },
      choices = {
        { "[Reply All:] 'As previously stated in the notice mailed on " .. RULES.notice_date .. ", work continues through " .. RULES.block_open .. ", and detour signage follows the approved plan.'",
          tags = { "policy_wall" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "'As previously stated' tells her, and five board members, that she should have read the notice. It answers nothing she asked." },
        { "[To her alone; 'in hand' to the board.] 'Ms. Souza, thanks for flagging the sign. Your block reopens " .. RULES.block_open .. ". I've asked today for a Shops Open sign at Main St. Happy to call.'",
          tags = { "brief_reply", "private", "acknowledge" }, set = { sign_asked = true }, go = "her_answer",
          coach = "Brief, informative, friendly, firm: thanks, two facts, an offer, no defence. Taking it off the board's thread lets her climb down without an audience." },
        { "[Reply All:] 'We're so sorry for the harm our project has done to your business. We take full responsibility and will make sure you're not out of pocket.'",
          tags = { "overpromise", "apologize" }, promise = "The town will cover her lost income.",
          set = { comp = true }, go = "held_to_it",
          coach = "Generous and sincere, and in writing to the whole board it admits fault and promises money nobody has authorised. It will be quoted back." },
        { "[Reply to her alone:] 'I'm sorry you feel that way. Please keep your emails respectful.'",
          tags = { "calm_down", "hollow" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Answering the barb instead of the issue is tone-policing in writing. BIFF: leave the insults alone and answer the one real question." },
      },
    },

    her_answer = {
      says = function(s)
        local head = ((s.used.private or 0) > 0) and "[To you only, this time:] " or "[Reply All:] "
        return head .. s:line({
          settled   = "Signs. Okay. But signs don't pay my rent. Why did nobody say it would run into October? I'd hoped it could pause on Saturdays.",
          uneasy    = "Signs. Fine. Signs don't pay my rent. Why did nobody say this would run into October? I want the work stopped on Saturdays.",
          defensive = "Signs. Fine. Signs don't pay my rent. Why did nobody tell us it would run into OCTOBER? I want the work stopped on Saturdays until then.",
          venting   = "SIGNS? Signs don't pay my RENT. Why did nobody tell us it would run into OCTOBER? Stop the work on Saturdays. That's the least you can do.",
        })
      end,
      choices = {
        { "[Reply:] 'The work can't stop: the main dates from 1926 and has to be done before the ground freezes. Crews don't work weekends, but the trench can't be left open to cars.'",
          tags = { "explain_why" }, go = "what_helps",
          coach = "A good reason, plainly put. Whether it lands depends on whether she feels heard yet; a reason first can read as 'no' with footnotes." },
        { "[Reply:] 'I'll ask the contractor to open your block on Saturdays. Leave it with me.'",
          tags = { "overpromise" }, promise = "Her block will be open on Saturdays.",
          set = { saturdays = true }, go = "held_to_it",
          coach = "It's what she asked for, and it isn't yours to give: an open trench can't carry traffic. She'll tell her staff, and the promise will break on Saturday." },
        { "[Reply All, copying the board back in, with the project's full history: the 1926 main, both public hearings, the notice of " .. RULES.notice_date .. ", the bids, and why it runs to October.]",
          tags = { "argue", "jargon" }, effect = { minutes = 7 }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Every fact in it is true, it takes a good ten minutes to write, and it gives her a page of things to attack in front of the board. BIFF: brief beats thorough." },
        { "[Reply:] 'Not knowing what's coming is probably the hardest part: you can't plan staff or stock around it. What would help most over the next few weeks?'",
          tags = { "label", "ask" }, set = { asked = true }, go = "what_helps",
          coach = "Naming what's underneath the demand, then asking, turns 'stop the project' into something you can actually help with." },
      },
    },

    what_helps = {
      says = function(s)
        if on_call(s) then
          return s:line({
            uneasy    = "[On the phone, still sharp:] Okay. What I need is to know when the trench is outside my door, so I can plan staff. And a sign at Main Street that says we're open. Put it in an email; I want it in writing.",
            defensive = "[On the phone, clipped:] Fine. What I need is to know when the trench is outside MY door, so I can plan staff. And a sign at Main Street that says we're OPEN. Put it in an email.",
            venting   = "[On the phone, loud:] What I NEED is to know when the trench is outside MY door! And a sign at Main Street that says we're OPEN! And put it in WRITING!",
          })
        end
        if s.flags.asked then
          return s:line({
            settled   = "[Her reply:] Honestly? Knowing when the trench is outside my door, so I can plan staff. And a sign at Main Street saying we're open. People see ROAD CLOSED and turn round.",
            uneasy    = "[Her reply:] What would help? Knowing when the trench is outside MY door, so I can plan staff. And a sign at Main Street saying we're open. People see ROAD CLOSED and turn round.",
            defensive = "[Her reply:] What would HELP? Knowing when the trench is outside MY door. And a sign at Main Street that says we're OPEN. People see ROAD CLOSED and turn round.",
          })
        end
        if s.flags.corrected then
          return s:line({
            uneasy    = "[Her reply:] So that was never real. Okay. Then what can you tell me? When is the trench outside my door? And can anyone put up a sign saying we're open?",
            defensive = "[Her reply:] So you can't even promise that. Great. Then what CAN you tell me? When is the trench outside my door? And will anyone put up a sign saying we're open?",
            venting   = "[Her reply:] So it was NEVER real. Great. Then what CAN you tell me? When is the trench outside MY door? And will ANYONE put up a sign saying we're OPEN?",
          })
        end
        if s.flags.repaired and not s.flags.asked then
          return s:line({
            uneasy    = "[To you only:] All right. That's more like it. What I actually need is to know when the trench is outside my door. And a sign at Main Street saying we're open.",
            defensive = "[To you only:] Fine. That's more like it. What I need is to know when the trench is outside MY door. And a sign at Main Street that says we're OPEN.",
            venting   = "[To you only:] FINE. What I NEED is to know when the trench is outside MY door! And a sign at Main Street that says we're OPEN!",
          })
        end
        return s:line({
          uneasy    = "[Her reply:] I don't care how old the pipe is. I need to know when the trench is outside my door, so I can plan staff. And a sign that says we're open.",
          defensive = "[Her reply:] I don't care how old your pipe is. What I need is to know when the trench is outside MY door. And a sign at Main Street that says we're OPEN.",
          venting   = "[Her reply:] I don't CARE how old your pipe is! I need to know when the trench is outside MY door! And a sign that says we're OPEN!",
        })
      end,
      choices = {
        { "[Reply:] 'Dates and a sign, then. The trench reaches you " .. RULES.frontage .. "; the sidewalk stays open. The Main St sign will read " .. RULES.sign_text .. ". I'll confirm by " .. RULES.signs_by .. ".'",
          tags = { "brief_reply", "inform", "paraphrase", "own" }, promise = "Confirm the new sign by " .. RULES.signs_by .. ".",
          -- a BIFF reply in tone, and quick to write: two facts she asked for and one commitment (not the ten minutes of a first reply)
          effect = { minutes = 3 }, set = { dates_given = true }, go = "authority",
          coach = "One line showing you read what she asked, then both answers and one commitment you can keep. Short replies keep a cooling thread cool." },
        { "[Reply:] 'Please see the attached Traffic Management Plan, rev. C, sections 4.2 to 4.7: the approved detour, the signage schedule and the phasing. Your frontage is in phase 3.'",
          tags = { "jargon", "policy_wall" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Everything she asked is somewhere in that document, and she'll read it as a door closing. Translate it into two sentences." },
        { "[Reply:] 'To be honest, most businesses on the street are managing with the detour. It's only a few more weeks.'",
          tags = { "minimize" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Meant as reassurance, and it tells her that her lost Saturdays don't count. It will also be forwarded to every other shop on the street." },
        { "[Write up the full block-by-block schedule and the sign plan, get " .. RULES.contractor .. "'s foreman to confirm it, and send it.]",
          tags = { "task" }, go = "authority",
          coach = "The real work, and a long document. It only helps once she's calm enough to read it; until then it's another wall of text." },
      },
    },

    authority = {
      says = function(s)
        return head(s) .. s:line({
          settled   = "Thank you, that helps. I'd still like to talk to someone who makes the decisions on this, if that's possible.",
          uneasy    = "Okay. That helps. But I want to hear it from someone who actually makes decisions on this. No offence.",
          defensive = "Fine. But I want to hear it from someone who actually makes decisions. Not the front office.",
          venting   = "FINE. But I want to hear it from someone who actually makes DECISIONS. Not the front office!",
        }) .. tail(s)
      end,
      choices = {
        { "[Reply:] 'I do make decisions on this, Ms. Souza. I've coordinated road projects here for eleven years, so you're already talking to the right person.'",
          tags = { "argue" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Understandable pride, and it turns her reasonable request into a contest about your standing." },
        { "[Reply:] '" .. RULES.pm .. ", the project manager (" .. RULES.pm_phone .. "), can walk the block with you " .. RULES.walk_times .. ". Which suits? He has your emails.'",
          tags = { "brief_reply", "options", "own" }, effect = { minutes = 3 }, go = "compensation",   -- a name, a number, two times
          coach = "She wants someone with authority, and Sam has it. Two real times and a warm handoff give her control and a face to talk to." },
        { "[Reply:] 'The Director doesn't meet individual businesses, but you're welcome to speak at public comment.'",
          tags = { "policy_wall" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Public comment is real, but offered instead of a person it sounds like 'go away for two weeks'." },
        { "[Reply:] 'Thanks for your patience. I'll see if someone can get back to you.'",
          tags = { "buck_pass" }, go = "chased",
          coach = "A polite thank-you and nothing in it: no name and no time. It's the reply that produces a 'STILL NOTHING' email two days later." },
      },
    },

    compensation = {
      says = {
        settled   = "[Her reply:] " .. RULES.walk_booked .. " works. One more question, and I mean it fairly: is the town going to do anything about the business I've lost?",
        uneasy    = "[Her reply:] " .. RULES.walk_booked .. ". And while we're at it: who pays for my lost Saturdays? Is the town going to make this right?",
        defensive = "[Her reply:] " .. RULES.walk_booked .. ". And who pays for my lost Saturdays? Is the town going to make this right or not?",
        venting   = "[Her reply:] " .. RULES.walk_booked .. ". And WHO PAYS for my lost Saturdays? Is the town going to make this right or NOT?",
      },
      choices = {
        { "[Reply:] 'I'm truly sorry, Ms. Souza. This one is on us, and it should never have dragged on this long. We'll make sure you're compensated for every Saturday you've lost.'",
          tags = { "overpromise", "apologize" }, promise = "The town will compensate her.",
          set = { comp = true }, go = "held_to_it",
          coach = "Warm and human, and in writing it admits fault and promises money only the insurer can decide. An apology in a heated thread can be used against you." },
        { "[Reply:] 'The town isn't liable for losses arising from lawful public works. Please refer to the attached bylaw.'",
          tags = { "policy_wall", "jargon" }, effect = { minutes = 2 }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "It may be the legal position, and it's not yours to state; it reads as a slammed door with a citation on it." },
        { "[Reply:] 'That isn't mine to decide. Any business can file " .. RULES.claims .. "; the town's insurer reviews it. Form attached.'",
          tags = { "brief_reply", "inform" }, effect = { minutes = 3 }, go = "schedule_request",   -- three lines and an attachment
          coach = "Honest about the limit, clear about the route and who decides, no admission of fault: exactly the line a written reply has to hold." },
        { "[Reply:] 'To be fair, every business on " .. RULES.street .. " is in the same boat.'",
          tags = { "minimize" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Everyone suffering isn't a reason her loss doesn't matter; it's a reason she'll organise them." },
      },
    },

    schedule_request = {
      says = function(s)
        -- the days were being fetched but she wasn't ready to take them in (the task was blocked): she writes again first
        if s.flags.fetching_days then
          return head(s) .. s:line({
            uneasy    = "Hello? The days? I have a rota to do by tonight.",
            defensive = "Still waiting. The DAYS, please. I have a rota to do by tonight.",
            venting   = "STILL NOTHING. The DAYS. I have a rota to do TONIGHT.",
          }) .. tail(s)
        end
        if s.flags.corrected then
          return head(s) .. s:line({
            uneasy    = "So there's no cheque. Wonderful. Fine, I'll fill in your form. Can you at least send me the exact days the trench is outside my door? I have a rota to do.",
            defensive = "So there's no cheque. Wonderful. Fine, I'll fill in your form. Now send me the exact days the trench is outside my door. I have a rota to do.",
            venting   = "So there's NO cheque. Wonderful. I'll fill in your FORM. Now send me the exact days the trench is outside MY door. I have a rota to do.",
          }) .. tail(s)
        end
        return head(s) .. s:line({
          settled   = "Thanks, I'll fill it in. Could you send me the exact days the trench is outside my door? I need to do the staff rota.",
          uneasy    = "Fine, I'll fill it in. Can you send me the exact days the trench is outside my door? I need to do the staff rota.",
          defensive = "Fine. Send me the exact days the trench is outside my door. I have a staff rota to do.",
          venting   = "FINE. Now send me the exact days the trench is outside MY door. I have a staff rota to do, and nobody's helped with that.",
          threatening = "Send me the dates. And tell your crew to keep an eye on their machines at night. People round here are at the end of their rope.",
        }) .. tail(s)
      end,
      choices = {
        { "[Get the exact days from the foreman; send them in five lines.]",
          tags = { "task", "own" }, set = { fetching_days = true }, go = "last_email",
          coach = "The work itself, done now that she can take it in: exact days she can plan a rota around, confirmed by the people doing the digging, with the sign in the same note." },
        { "[Reply:] 'Yes. I'm getting the exact days from the foreman now, so they're right, and you'll have them by 5 today.'",
          tags = { "brief_reply", "own" }, effect = { minutes = 3 }, promise = "The exact days by 5 today.",
          set = { days_by_five = true }, go = "last_email",
          coach = "While she is still too angry to take in a schedule, a two-line holding reply with a time you can keep answers her now; the days go out at 5, when they'll land." },
        { "[Reply:] 'It's all on the Projects page of the town website, under the Mill Street water main, with the phasing map and the contractor's weekly updates.'",
          tags = { "buck_pass" }, set = { days_brushed = true }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Correct, and it makes her dig for the one thing you could have sent her yourself." },
        { "[Forward her the contractor's full 60-page construction schedule, so she has every date in one place and can see exactly where her block falls.]",
          tags = { "jargon" }, go = "last_email",
          coach = "Everything is in there, including the three dates she needs, somewhere on page 41. Sending it is quick for you and slow for her." },
      },
    },

    last_email = {
      says = function(s)
        -- sent to the website for the days, then a repair: she still hasn't got them
        if s.flags.days_brushed then
          local sign = s.flags.dates_given and (" And the sign had better be up by " .. RULES.signs_by .. ".") or " And when does the sign go up?"
          return head(s) .. s:line({
            uneasy    = "All right. But I still haven't got the exact days. The website's no use to me." .. sign,
            defensive = "Fine. But I STILL haven't got the exact days. The website is no use to me." .. sign,
            venting   = "FINE. But I STILL haven't got the DAYS. Your website is no use to me." .. sign,
          }) .. tail(s)
        end
        if s.flags.days_by_five and not s.flags.fetching_days then
          local sign = s.flags.dates_given and (" And the sign had better be up by " .. RULES.signs_by .. ".") or " And the sign at Main Street? Nobody's said when."
          return head(s) .. s:line({
            settled   = "Five o'clock, then. Thank you." .. sign,
            uneasy    = "Five o'clock. I'll hold you to it." .. sign,
            defensive = "Five o'clock. I'll be checking my inbox." .. sign,
            venting   = "FIVE O'CLOCK. Not a minute later." .. sign,
          }) .. tail(s)
        end
        if s.flags.dates_given then
          return head(s) .. s:line({
            settled   = "Got it, thank you. I can work with that. The sign had better be up by " .. RULES.signs_by .. ", mind.",
            uneasy    = "Got it. The sign had better be up by " .. RULES.signs_by .. ".",
            defensive = "Fine. The sign had better be up by " .. RULES.signs_by .. ". I'll be checking.",
            venting   = "FINE. That sign had better be up by " .. RULES.signs_by .. ". I'll be standing on the corner checking.",
          }) .. tail(s)
        end
        -- nobody has said when the sign goes up
        return head(s) .. s:line({
          settled   = "Got it, thank you. I can work with that. And the sign at Main Street: when does it go up?",
          uneasy    = "Got it. And the sign at Main Street? Nobody's said when.",
          defensive = "Fine. And the sign at Main Street? Nobody has told me WHEN.",
          venting   = "FINE. And the SIGN? Nobody has told me WHEN. I'll be standing on the corner checking.",
        }) .. tail(s)
      end,
      choices = {
        { "[Reply:] 'No problem at all! We'll make sure your Saturdays are back to normal from now on, and if anything else goes wrong, just email me directly and I'll sort it.'",
          tags = { "overpromise" }, promise = "Her Saturdays will be back to normal.",
          set = { saturdays = true }, go = "promise_broken",
          coach = "A friendly sign-off that makes a promise about trade nobody controls. Written down, it becomes the next complaint." },
        { "[Reply:] 'Glad that's sorted. For future projects, it's worth checking the town website before emailing the board; most of what you needed was there.'",
          tags = { "blame" }, go = close_out, targets = { "site_walk_satisfied", "site_walk_accepted" },
          coach = "A parting lesson undoes some of the goodwill; she'll remember being told off more than the dates." },
        { "[Reply:] 'Thanks. I'll email you " .. RULES.signs_by .. " once it's up, and " .. RULES.pm .. " will see you " .. RULES.walk_booked .. ".'",
          when = function(s) return not s.flags.days_brushed end,
          tags = { "thank", "own" }, go = close_out, targets = { "site_walk_satisfied", "site_walk_accepted" },
          coach = "A short, warm close that repeats the two commitments. Friendly and firm: nothing left open to argue about." },
        { "[Reply, with the foreman's days in five lines:] 'Here are your days. The sign goes up by " .. RULES.signs_by .. ", and " .. RULES.pm .. " will see you " .. RULES.walk_booked .. ".'",
          when = function(s) return s.flags.days_brushed == true end,
          tags = { "task", "own" }, go = close_out, targets = { "site_walk_satisfied", "site_walk_accepted" },
          coach = "Send her what the website answer should have been: the exact days, the sign date and the walk, in one short email." },
      },
    },

    defended = {
      note = "She is now escalating in public. A second defensive reply sends it to the Town Manager.",
      says = {
        settled   = "[Reply All, now copying the Town Manager:] I'm sorry, is that Public Works' answer? I asked how customers find my door. I'll raise it at the Select Board meeting.",
        uneasy    = "[Reply All, now copying the Town Manager:] So that's Public Works' answer? My customers can't find my door, and I get a lecture. I'll raise it at the Select Board meeting.",
        defensive = "[Reply All, now copying the Town Manager:] So THAT's the answer? My customers can't find my door, and I get a lecture. I'll be at Monday's Select Board meeting.",
        venting   = "[Reply All, now copying the Town Manager:] THAT's your answer? My customers can't FIND my door and I get a LECTURE? I'll be at Monday's meeting with every shop owner on this street.",
      },
      choices = {
        { "[Reply All, listing the hearing dates and where they were advertised:] 'With respect, everyone had the chance to speak, and the detour was on the agenda twice. We did everything the process requires.'",
          tags = { "argue" }, effect = { minutes = 3 }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "A second defence on the same thread; each one is another paragraph for Monday's meeting." },
        { "[Call the café instead of writing again.] 'Ms. Souza, it's Jordan at Public Works. I'd rather talk than trade emails. Have you got five minutes?'",
          tags = { "private", "ask" }, grade = "good", set = { called = true },
          chosen = function(s) s.flags.call_turn = s.turn end,   -- her next words are on the phone
          go = function(s) return picks_up(s, "what_helps") end,
          targets = { "what_helps", "authority", "schedule_request", "last_email" },
          coach = "When a thread is heating up, a phone call to her alone often settles in a few minutes what ten emails won't. Good, though she may still be sharp, and she'll want it in writing after." },
        { "[To her alone:] 'You're right: my last email missed the point. Customers need to find you. Block reopens " .. RULES.block_open .. "; I've asked for a Shops Open sign.'",
          tags = { "brief_reply", "private", "acknowledge" }, set = { repaired = true, sign_asked = true },
          go = function(s) return picks_up(s, "her_answer") end,
          targets = { "her_answer", "what_helps", "authority", "schedule_request", "last_email" },
          coach = "Owning the miss in one line, without grovelling, then a BIFF reply to her alone. Repair in writing is possible if it's short." },
        { "[Reply All:] 'Noted.'",
          tags = { "sarcasm" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "One word, and every reader hears the tone. Curtness in writing is permanent." },
      },
    },

    chased = {
      says = {
        uneasy    = "[Two days later, to everyone, now copying the Town Manager:] Two days, and still no name, no time, nobody who can decide anything. Is anyone in charge over there?",
        defensive = "[Two days later, to everyone, now copying the Town Manager:] TWO DAYS. Still no name, no time, nobody who decides anything. This is exactly what I mean.",
        venting   = "[Two days later, to everyone, now copying the Town Manager:] TWO DAYS. Still NO NAME, NO TIME, NOBODY who decides ANYTHING. Is ANYONE in charge over there?",
      },
      choices = {
        { "[Reply All:] 'Your email was forwarded on Monday to the project manager, who is responsible for the construction schedule and for any questions about signage, and he will be in touch in due course.'",
          tags = { "buck_pass" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "Blaming a colleague in front of the board confirms her point and starts a second fire." },
        { "[To her alone:] 'You should have had a name two days ago; I'm sorry. " .. RULES.pm .. ", the project manager, can walk the block " .. RULES.walk_times .. ". Which?'",
          tags = { "brief_reply", "apologize", "options" }, go = "compensation",
          coach = "Apologise for the silence, which was ours, then give her what she asked for: a named person with authority and two real times." },
        { "[Reply All:] 'Staff have been extremely busy delivering the project itself.'",
          tags = { "argue" }, go = hot, targets = { "defended", "wants_manager", "board_fight" },
          coach = "An excuse in front of the board, and it tells her the project matters more than her shop." },
      },
    },

    wants_manager = {
      says = {
        settled   = "[To the Town Manager, cc everyone:] I've had enough of Public Works on this. I'd like a meeting with the Town Manager this week, please.",
        uneasy    = "[To the Town Manager, cc everyone:] I'm done with Public Works. I'd like a meeting with the Town Manager this week.",
        defensive = "[To the Town Manager, cc everyone:] I'm done with Public Works. I want a meeting with the Town Manager this week, or I go to the paper.",
        venting   = "[To the Town Manager, cc everyone:] I am DONE with Public Works. I want a meeting with the Town Manager THIS WEEK, or I go to the paper.",
      },
      choices = {
        { "[Brief the Town Manager's office in one paragraph, then write to her alone:] 'I've passed this on with the facts. They'll call you today (" .. RULES.manager_line .. ").'",
          tags = { "handoff" }, go = "manager_routed",
          coach = "She has asked for authority, and the thread is past what you can settle. A warm handoff with a summary means she doesn't start again." },
        { "[Reply All:] 'Going to the paper won't change the schedule.'",
          tags = { "argue", "minimize" }, go = "veiled_threat",
          coach = "Probably true, and it reads as a dare: if public pressure won't work, what will? Watch what comes back." },
        { "[Reply All:] 'The Town Manager doesn't handle construction complaints; operational matters sit with the Department of Public Works, so this office remains your point of contact.'",
          tags = { "policy_wall" }, go = "board_fight",
          coach = "It shuts the last door she can see, in front of the people she's asking to open it." },
      },
    },

    held_to_it = {
      says = function(s)
        if s.flags.comp then
          return s:line({
            uneasy    = "[Her reply:] Thank you. I've attached my figures: $4,800 in lost Saturday sales so far. When can I expect payment?",
            defensive = "[Her reply:] Good. I've attached my figures: $4,800 in lost Saturday sales. When can I expect the cheque?",
            venting   = "[Reply All:] GOOD. Attached: $4,800 in lost Saturday sales. You said the town takes FULL RESPONSIBILITY. When do I get the cheque?",
          })
        end
        return s:line({
          uneasy    = "[Her reply:] Thank you! So the street's open this Saturday? I've told my staff to come in.",
          defensive = "[Her reply:] So the street's open this Saturday? I've told my staff to come in. It had better be.",
          venting   = "[Her reply:] So it's OPEN this Saturday? I've told my staff to come IN. It had BETTER be.",
        })
      end,
      choices = {
        { "[Reply:] 'A correction, and I'm sorry: payment isn't mine to promise. The claim form is attached; the town's insurer decides.'",
          tags = { "own", "apologize", "inform" }, set = { corrected = true }, when = function(s) return s.flags.comp == true end,
          go = function(s) if (s.visits.what_helps or 0) > 0 then return "schedule_request" end return "what_helps" end,
          targets = { "schedule_request", "what_helps" },
          coach = "Correcting a written promise quickly, and pointing to the real route, costs some trust now and saves a complaint later. It won't erase the first email." },
        { "[Reply:] 'A correction, and I'm sorry: that wasn't mine to promise, and I shouldn't have. Here is what is in my hands.'",
          tags = { "own", "apologize" }, set = { corrected = true }, when = function(s) return s.flags.comp ~= true end,
          go = function(s) if (s.visits.what_helps or 0) > 0 then return "schedule_request" end return "what_helps" end,
          targets = { "schedule_request", "what_helps" },
          coach = "Correcting a written promise quickly and plainly costs some trust now and saves a complaint later. It won't erase the first email." },
        { "[Reply:] 'Leave it with me. I'll chase it up this week and come back to you as soon as I have a date.'",
          tags = { "overpromise" }, go = "promise_broken",
          coach = "Doubling down on a promise that isn't yours turns one mistake into a complaint with your name on it." },
        { "[Leave it till Monday; you'll know more by then.]",
          tags = { "ignore" }, go = "board_fight",
          coach = "It feels prudent, and silence after a written promise is the worst of both: the promise stands over the weekend, and so does her anger." },
      },
    },

    veiled_threat = {
      tripwire = true,
      note = "Safety beat: a veiled threat in writing. Don't argue or reason; don't reply; document and report.",
      says = "[Reply All, 11:48 p.m.:] Fine. If the town won't stop it, maybe somebody on this street will. Those machines sit out there all night with nobody watching them. Just saying.",
      choices = {
        { "[Reply All:] 'Is that a threat? Damaging town equipment is a crime, Ms. Souza.'",
          tags = { "argue" }, go = "kept_engaging",
          coach = "Asking whether a threat is a threat invites a fight on the record. Don't reply to it; report it." },
        { "[Reply to her alone, copying your supervisor:] 'Please don't do anything you'll regret, Ms. Souza. Can we talk tomorrow, just the two of us, and sort this out?'",
          tags = { "redirect" }, go = "kept_engaging",
          coach = "Kind, and it bargains with a threat. Once a threat is made, the next step belongs to your supervisor and the police, not a conversation." },
        { "[Don't reply. Save it; report it to your supervisor, the police and the foreman.]",
          tags = { "disengage" }, go = "reported",
          coach = "A veiled threat in writing is a safety event: stop problem-solving, document it and report it. Nobody should answer it alone." },
        { "[Reply All:] 'I'm sure you don't mean that, Ms. Souza. Let's all take a breath and talk on Monday.'",
          tags = { "calm_down", "hollow" }, go = "kept_engaging",
          coach = "It treats a threat as a mood. Threatening language is a warning sign, whether or not she means it." },
      },
    },
  },

  endings = {
    site_walk_satisfied = {
      outcome = "resolved_satisfied",
      says    = "[Her reply:] See you then. And thank you for actually answering the question.",
      -- Told from the path: an email that promised money stays in the thread, corrected or not.
      debrief = function(s)
        local story = "The sign went up by " .. RULES.signs_by .. " and " .. RULES.pm .. " walked the block with Renata as booked. Her Saturdays aren't back to normal yet, " ..
                      "but she can plan around the dates"
        if s.flags.comp then
          return story .. ", and she filed the claim. The thread still holds the email that said the town would pay; your correction stands beside it, " ..
                 "and the insurer will read both. An apology for the impact is right; an admission of fault and a promise of money in writing are not yours to give."
        end
        return story .. ", and she wrote to the board to say Public Works had been helpful. Nothing in the thread admits fault."
      end,
    },
    site_walk_accepted = {
      outcome = "resolved_accepted",
      says    = "[Her reply:] Fine. I still think October is ridiculous. But at least now I know.",
      debrief = "Renata still thinks the project should have been timed differently, and she said so at the site walk. She has the dates, the sign, " ..
                "a claim form and a named contact; that is a full resolution for a decision you can't change.",
    },
    manager_routed = {
      outcome = "routed",
      task    = true,  -- the dates and the sign still have to be written up for the site walk
      says    = "[Her reply:] Thank you. I'll wait for the call.",
      debrief = "The Town Manager's assistant called Renata that afternoon and set up a site walk with the project manager. The route was right, " ..
                "and the summary meant she didn't start over; the manager's office time is the follow-on cost of a thread that got away.",
    },
    -- Two days of silence, whether the email was archived or forwarded cold with two words: her next email, the
    -- board's question to the Town Manager (the complaint), his office taking the thread over (supervisor), and
    -- the sign and dates, which still have to be done.
    left_unanswered = {
      outcome = "unresolved",
      follow_on = { "repeat_contact", "complaint", "supervisor" },
      task    = true,
      says    = "[Two days later, to the whole board:] STILL NO REPLY. Does Public Works even read its email?",
      debrief = function(s)
        local first = "Nobody replied, so Renata wrote again"
        if s.flags.forwarded then
          first = "You forwarded it to " .. RULES.pm .. " with two words; he took it that you were answering, and nobody replied. Renata wrote again"
        end
        return first .. ", and a board member forwarded it to the Town Manager asking why; his office had to take the thread over, " ..
               "and the sign and the dates still had to be done. The capitals were unpleasant, " ..
               "but there was never any danger, and there was a real access problem a short reply could have dealt with on day one."
      end,
    },
    promise_broken = {
      outcome = "unresolved",
      task    = true,  -- she still needs the dates at her door, broken promise or not
      says    = "[Her reply:] Good. I'm holding you to that, in writing.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The promise wasn't the town's to give. When it broke, Renata forwarded your email to the board and the Town Manager as proof. " ..
                "A written promise or an admission of fault outlives the moment it was meant to calm.",
    },
    -- The public fight: the board's time (the complaint), the Town Manager's office taking over (supervisor),
    -- her next email, and the sign and dates, which still have to be done.
    board_fight = {
      outcome = "escalated",
      follow_on = { "repeat_contact", "complaint", "supervisor" },
      task    = true,
      says    = "[Reply All:] See you all Monday. I'm bringing the whole street. And a reporter.",
      debrief = function(s)
        local sign = "the sign she needed still hadn't been ordered"
        if s.flags.sign_asked or s.flags.dates_given then sign = "the sign you had asked for still wasn't up" end
        return "Renata took the thread to the Select Board meeting, with a local reporter there, and read out what Public Works had and hadn't said. " ..
               "The Town Manager had to answer the board and prepare for public comment, and " .. sign .. ". Every line in writing became part of the story."
      end,
    },
    reported = {
      outcome = "safety_exit",
      follow_on = { "police", "supervisor" },  -- the report to the police, and the Town Manager's office taking over contact
      says    = "[No reply was sent.]",
      debrief = "You saved the email and reported it without replying. Your supervisor and the police reviewed it, the contractor secured the site overnight, " ..
                "and from then on all contact with Renata went through the Town Manager's office. Threatening language is a warning sign even when it's vague.",
    },
    kept_engaging = {
      outcome = "escalated",
      follow_on = { "complaint", "police" },
      says    = "[Reply All:] Don't you DARE tell me what I mean.",
      debrief = "Replying to a threat kept the thread alive and put a staff member in the middle of it, alone. The police were called in the end anyway. " ..
                "Once there's a threat, the right move is to stop, save it and report it, not to reason with it.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: pause, BIFF reply to her alone, label and ask, answer her two needs, site walk, claims route, the dates, a warm close",
      choices = { 3, 2, 4, 1, 2, 3, 1, 3 },
      expect = { outcome = { "resolved_satisfied", "resolved_accepted" }, passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "an instant reply-all defending the crew: she takes it to the board",
      choices = { 1 },
      expect = { outcome = "escalated", ending = "board_fight", passed = false, max_score = 25 } },
    { name = "a typical novice: the write-up too early, an apology that promises money, a 60-page attachment, a parting lesson",
      choices = { 3, 2, 4, 4, 1, 2, 1, 1, 4, 2 },
      expect = { outcome = { "resolved_satisfied", "resolved_accepted" }, passed = false, min_score = 45, max_score = 70 } },
    -- Second review: after one early mistake the right replies still bring her down; they used to push her
    -- into the veiled threat.
    { name = "a public apology, taken back: the right replies after it still settle the thread",
      choices = { 3, 3, 1, 1, 2, 3, 2, 3 },
      expect = { outcome = { "resolved_satisfied", "resolved_accepted" }, passed = true, critical = false } },
    { name = "a reason too early, repaired with a phone call: the thread still settles",
      choices = { 3, 2, 3, 2, 1, 2, 3, 2, 3 },
      expect = { outcome = { "resolved_satisfied", "resolved_accepted" }, passed = true, critical = false } },
    -- Second review: a two-word forward is the same two days of silence as archiving it.
    { name = "a cold forward to the project manager: two days of silence, like archiving it",
      choices = { 2 },
      expect = { outcome = "unresolved", ending = "left_unanswered", passed = false, min_ratio = 3.0 } },
    -- Archiving is quick now and the dear road: her next email, the board's question, the Town Manager's
    -- office taking the thread over, and the sign and dates still to do (about 3.6x a calm thread).
    { name = "capitals and insults are not danger: archiving it is not a safety exit",
      choices = { 4 },
      expect = { outcome = "unresolved", ending = "left_unanswered", passed = false, min_ratio = 3.0 } },
    { name = "a veiled threat after a dare: don't reply, report it",
      choices = { 3, 2, 4, 3, 4, 2, 3 },
      expect = { outcome = "safety_exit", ending = "reported", critical = false } },
    { name = "the calmest path costs about twice a calm reply at most", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best-scoring thread costs at most twice a calm one", path = "best", expect = { max_ratio = 2.0 } },
    -- The most escalated thread is about an hour and a half of reading and writing; the board's time,
    -- the Town Manager's office, her next email and the sign still to do bring it to about 5.8x a calm thread.
    { name = "the most escalated thread costs four to six calm threads, follow-on included", path = "escalated",
      expect = { outcome = "escalated", min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
