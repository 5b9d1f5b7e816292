-- Seed 4: a widowed 78-year-old phones the Assessors' office, frightened, after her home's assessed value
-- jumped 22 percent in a revaluation. Trauma-informed: the fear underneath looks like anger.
-- path best:   3,2,4,1,3,3,4,2
-- path worst:  1,3,4,4,1,1,2,2,1,3,1,3,1
-- path novice: 4,3,4,3,1,1,2,3,4,2

-- Local rules: everything a town may need to change, in one place.
local RULES = {
  office         = "Assessors' office",
  phone          = "555-0136",                      -- the office's direct line
  address        = "12 Orchard Lane",
  old_value      = "$412,000",
  new_value      = "$503,000",
  jump           = "22 percent",
  abatement      = "an abatement application",      -- the formal request to lower the value
  abatement_due  = "February 1",                    -- strict: in the office by this date, no exceptions
  board          = "the Board of Assessors",        -- who decides abatements
  decide_months  = 3,                               -- the Board decides within about this many months
  exemption      = "the senior exemption",          -- for homeowners 70 and over with limited income
  exemption_off  = "$1,000 off the bill",
  exemption_due  = "April 1",
  reviewer       = "Ms. Halvorsen",                 -- the assistant assessor who does review visits
  review_slot    = "Tuesday at 10",                 -- the next free informal-review visit
  coa            = "the Council on Aging",          -- the town's senior services, with a social worker
  coa_phone      = "555-0158",
  crisis_line    = "988",                           -- the Suicide & Crisis Lifeline
  supervisor     = "Mr. Kaur, the chief assessor",
  supervisor_name = "Mr. Kaur",
  sup_back       = "one o'clock",                   -- when the chief assessor is back from lunch
  clerk          = "Sam",                           -- the clerk the player plays, once they give their name
}


-- Hurt a second time, she asks for someone else; a third time, she hangs up in tears.
local function hurt(s)
  if (s.visits.not_just_me or 0) > 0 or (s.visits.confused or 0) > 0 then
    if (s.visits.someone_else or 0) > 0 then return "hung_up" end
    return "someone_else"
  end
  return "not_just_me"
end

-- After a repair, go back to where the call was: once the record has been gone through, to the
-- next steps, not back to the record.
local function resume(s)
  if (s.visits.details or 0) > 0 then return "next_steps" end
  if (s.visits.fear or 0) > 0 then return "record" end
  if (s.visits.story or 0) > 0 then return "fear" end
  return "story"
end

-- How a call that reached the plan ends.
local function close_out(s)
  if s.flags.promised then return "promise_broken" end
  if s.band == "settled" then return "plan_made" end
  return "plan_worried"
end

return scenario {
  id         = "assessment-jump-phone",
  title      = "Twenty-two percent",
  setting    = "phone",
  role       = "Clerk, " .. RULES.office,
  minutes    = 5,
  difficulty = "advanced",
  summary    = "A frightened widow calls after her home's assessment jumped " .. RULES.jump .. ", sure she's about to lose the house.",
  objectives = {
    "Respond to a frightened caller whose fear sometimes comes out as anger.",
    "Explain an assessment to someone who has never had to understand one.",
    "Leave a caller who finds forms hard with a plan she can actually follow.",
  },

  resident = {
    name       = "Lorraine Castillo",
    agitation  = 38,
    trust      = 30,
    need       = "information",
    volatility = 1.0,
    recovery   = 1.2,        -- fear, not hostility: good moves land well
    audience   = false,
    waited     = 10,         -- on hold
    look = { skin = 3, hair = "bun", hair_colour = "grey", top = "cardigan" },
  },

  -- resident 0.75: she tells it slowly, loses her place and repeats herself (default 0.25 min an exchange).
  -- calm_turns 6: even a calm caller needs her question, the value-versus-bill answer, the record
  -- check, the routes and the deadline, the mailing, and a goodbye: about a 19-minute call.
  -- M is the default 5 (it was 6): her slowness is already in `resident`, and nothing says her fear
  -- makes an upset minute dearer than anyone else's.
  time = {
    task = 8, calm_turns = 6, resident = 0.75,
    follow_on = {
      supervisor     = 15,  -- the chief assessor takes the briefed call and goes through the record and the routes with her,
                            -- upset by now (the forms are the task); on a crisis call, staying on and bringing in 988
      repeat_contact = 15,  -- she (or her son) calls back: most of another calm call
      complaint      = 20,  -- her son calls the town manager; someone looks into the call and rings him back
      police         = 10,  -- the supervisor's call asking for a welfare check, and a note of her words
    },
  },

  start  = "opens",
  safety = "crisis",

  beats = {
    opens = {
      note = "Fear, not hostility. She needs to be heard before any explanation can land.",
      -- Asked for the address before she has been heard, she doesn't give it (the lookup is blocked):
      -- she says why she called again, not hello again.
      says = function(s)
        if s.flags.asked_address then
          return s:line({
            uneasy    = "The address? [Papers rustle.] It's on here somewhere. But did you hear me? Five hundred and three thousand. How am I supposed to pay that?",
            defensive = "The address? I don't... [Papers rustle.] Did you hear what I said? Five hundred and three thousand! How am I supposed to pay that?",
            venting   = "[Close to tears.] Never mind the address! Five hundred and three thousand! How am I supposed to pay that?",
          })
        end
        return s:line({
          uneasy    = "[A shaky voice.] Hello? Is this the assessors? I have a letter here. It says my house is worth five hundred and three thousand dollars. It was four hundred and twelve. I'm on Social Security. How am I supposed to pay that?",
          defensive = "[A shaky voice, talking fast.] Hello? The assessors? This letter says my house is five hundred and three thousand. It was four-twelve. I'm on Social Security! How am I supposed to pay that?",
          venting   = "[Close to tears.] I've been on hold all this time! This letter says five hundred and three thousand! I'm on Social Security! How am I supposed to pay that?",
        })
      end,
      choices = {
        { "Values went up all over town this year. Almost everyone's did, so you're not alone in this.",
          tags = { "minimize" }, go = function(s) return hurt(s) end, targets = { "not_just_me", "someone_else", "hung_up" },
          coach = "Meant to reassure her she isn't singled out, but 'everyone' tells a frightened caller her house is just one of many." },
        { "That's the revaluation. Values are set at full and fair cash value as of January 1, based on last year's arm's-length sales.",
          tags = { "explain_why", "jargon" }, go = "confused",
          coach = "Accurate, and almost none of it means anything to her yet; she asked how she'll pay, not how values are set." },
        { "[Let her get it all out.] I'm listening.",
          tags = { "listen" }, go = "story",
          coach = "She's frightened; before any explanation can land she needs to say it all to someone who's listening." },
        { "Can I have the address on the letter, please?",
          tags = { "task" }, set = { asked_address = true }, go = "story",
          coach = "You'll need it, but jumping to the lookup tells her the number matters more than she does." },
      },
    },

    story = {
      note = "Near miss: 'you people', then an apology. Discomfort, not abuse; let it pass.",
      says = {
        settled   = "It's 12 Orchard Lane. Hector and I bought it in 1979. He passed last spring. It's only my Social Security now, and a little of his pension. If the taxes go up like that, I'll lose the house. What are you people doing to us? [A breath.] I'm sorry. That wasn't fair.",
        uneasy    = "It's 12 Orchard Lane. Hector and I bought it in 1979. He passed last spring. It's just my Social Security now, and a little of his pension. If the taxes go up like that I'll lose the house. What are you people doing to us? [A breath.] I'm sorry. You didn't do this.",
        defensive = "12 Orchard Lane. Since 1979. Hector passed last spring. It's just my Social Security and a bit of his pension. If the taxes go up like that I'll lose the house! What are you people doing to us? [A breath.] I'm sorry. I'm sorry.",
        venting   = "[Crying.] 12 Orchard Lane! Since 1979! Hector's gone and it's just my Social Security! I'll lose the house! What are you people DOING to us? [A breath.] I'm sorry.",
      },
      choices = {
        { "Mrs. Castillo, I'd ask you not to say 'you people'. I'm not the one who set your value, and I'm trying to help you.",
          tags = { "limit" }, go = "shamed",
          coach = "A limit is for abuse that carries on; she slipped once and apologised at once. Correcting her now shames a frightened caller." },
        { "Losing the house you and Hector made: that's the real fear, isn't it?",
          tags = { "label" }, set = { labelled = true }, go = "fear",
          coach = "Naming the fear underneath, as a question she can correct, tells her you heard her and not just the figure; the apology can pass without comment." },
        { "I'm sorry, I can't help you while you're this upset. Please call back when you've had a chance to calm down.",
          tags = { "disengage" }, go = "ended_early",
          coach = "'You people' followed at once by an apology is fear, not abuse. Ending the call abandons a frightened caller and guarantees a complaint." },
        { "I'm sorry for your loss. Now, about the assessment: let me explain how it works.",
          tags = { "apologize", "explain_why" }, go = "fear",
          coach = "The condolence is right, but turning straight to the explanation makes it sound like a formality on the way to the paperwork." },
      },
    },

    fear = {
      says = function(s)
        if s.flags.labelled then
          return s:line({
            settled   = "[She lets out a long breath.] Yes. That's it exactly. Everything in this house is him. Twenty-two percent. Does that mean my taxes go up twenty-two percent?",
            uneasy    = "[She lets out a long breath.] Yes. That's it exactly. Everything in this house is him. I haven't slept since the letter came. Twenty-two percent. Does that mean my taxes go up twenty-two percent?",
            defensive = "Yes. Yes, that's it. Everything in this house is him. Twenty-two percent. Does that mean my taxes go up twenty-two percent?",
            venting   = "Yes! Everything in this house is him! Twenty-two percent! Does that mean my taxes go up twenty-two percent?",
          })
        end
        return s:line({
          settled   = "Thank you. [A pause.] But twenty-two percent. Does that mean my taxes go up twenty-two percent?",
          uneasy    = "Thank you. [A pause.] But twenty-two percent. Does that mean my taxes go up twenty-two percent? I can't, I just can't.",
          defensive = "[A pause.] But twenty-two percent. Does that mean my taxes go up twenty-two percent? I can't. I just can't.",
          venting   = "Twenty-two percent! Does that mean my taxes go up twenty-two percent? I can't!",
        })
      end,
      choices = {
        { "Everyone's has gone up. It's not just you.",
          tags = { "minimize" }, go = function(s) return hurt(s) end, targets = { "not_just_me", "someone_else", "hung_up" },
          coach = "True across town, and no help at all to someone asking about her own house; it sounds like 'stop fussing'." },
        { "Oh, don't you worry about that. The rate usually comes down when values go up, so I'm sure your bill won't go up much at all.",
          tags = { "overpromise" }, promise = "The bill won't go up much.", set = { promised = true }, go = "record",
          coach = "It's the comfort she wants, but the tax rate isn't set yet and isn't yours to predict; if the bill rises, she'll remember who said it." },
        { "The bill comes from the tax rate, which is set after Town Meeting votes the FY budget and the state certifies the levy, in the fall.",
          tags = { "jargon", "explain_why" }, set = { rate_told = true }, go = "confused",
          coach = "The right idea in the wrong words: 'FY', 'levy' and 'certified' are office language to someone this frightened." },
        { "Not necessarily, Mrs. Castillo. The letter is the value, not the bill. The bill depends on a tax rate that isn't set yet, so I can't honestly tell you that part. The value I can check with you.",
          tags = { "explain_why", "inform" }, set = { explained = true, rate_told = true }, go = "record",
          coach = "She asked a real question: answer it plainly, say honestly what you can't know yet, and point to what you can do." },
      },
    },

    record = {
      says = function(s)
        -- the file opened before she was ready to go through it (the task was blocked)
        if s.flags.opened_file then
          return s:line({
            settled   = "[Papers rustle.] The file, yes. But five hundred thousand, dear. For my little house. Who would pay that?",
            uneasy    = "[Papers rustle.] Never mind the file. Five hundred thousand, for my little house. Who would pay that?",
            defensive = "Never mind the file! Five hundred thousand? For my little house? Nobody would pay that!",
            venting   = "I don't care about the file! Five hundred thousand! Nobody would pay that!",
          })
        end
        if s.flags.promised then
          return s:line({
            settled   = "Oh, thank God. [A shaky laugh.] But five hundred thousand? For my little house? Who would pay that?",
            uneasy    = "Oh, thank God. [A shaky laugh.] But five hundred thousand? For my little house? Who would pay that?",
            defensive = "Well, thank God for that. But five hundred thousand? For my little house? Who would pay that?",
          })
        end
        if s.flags.explained then
          return s:line({
            settled   = "Oh. So it might not be as bad as I thought. But five hundred thousand for my little house? Who would pay that?",
            uneasy    = "So it might not be as bad. But five hundred thousand for my little house? Nobody would pay that for it.",
            defensive = "Maybe. But five hundred thousand? For my little house? Nobody would pay that.",
          })
        end
        return s:line({
          settled   = "Five hundred thousand for my little house. Who would pay that, dear? Nobody would.",
          uneasy    = "Five hundred thousand, for my little house. Who would pay that? Nobody would pay that for it.",
          defensive = "Five hundred thousand? For my little house? Nobody would pay that!",
          venting   = "Five hundred thousand! For my little house! Nobody would pay that!",
        })
      end,
      choices = {
        { "[Open the file for " .. RULES.address .. ".] We'll go through it together. Stop me if anything's wrong.",
          tags = { "task", "ask" }, set = { opened_file = true }, go = "details",
          coach = "Checking the record together answers 'who would pay that?' with something she can do, and errors in it are the most common real ground." },
        { "Houses on Orchard Lane go for half a million now.",
          tags = { "argue" }, go = function(s) return hurt(s) end, targets = { "not_just_me", "someone_else", "hung_up" },
          coach = "Probably accurate, and it tells her she's wrong about her own street; the record may say something different." },
        { "If you think it's too high, you can file " .. RULES.abatement .. ". The form's on our website.",
          tags = { "inform" }, go = "alone",
          coach = "The right route, but pointed at from a distance; she doesn't yet know whether the value is even wrong." },
        { "And if the taxes do get to be too much, a lot of people in your situation look at downsizing to a smaller place that's easier to keep up.",
          tags = { "minimize" }, set = { selling = true }, go = "crisis",
          coach = "Meant as practical advice, but to a new widow afraid of losing her husband's house it confirms her worst fear." },
      },
    },

    details = {
      says = {
        settled   = "[Papers rustle.] Two full bathrooms? No, dear. There's one, and a little toilet under the stairs. And the basement isn't finished. Hector put a rug down there once, that's all. Does that matter?",
        uneasy    = "[Papers rustle.] Two full bathrooms? No. There's one, and a little toilet under the stairs. And the basement isn't finished; Hector put a rug down there once, that's all. Does that matter?",
        defensive = "Two full bathrooms? No! There's one, and a toilet under the stairs. And the basement isn't finished. Does that matter?",
      },
      choices = {
        { "Are you sure? The inspector measures every house, and a basement with a rug, heat and lighting often gets counted as finished space.",
          tags = { "argue" }, go = "doubted",
          coach = "Doubting her about her own house of forty-five years turns a lucky find into a credibility contest." },
        { "Okay, I've noted that. Anything else that looks wrong?",
          tags = { "ask" }, go = "next_steps",
          coach = "Useful, but she asked whether it matters; leaving the question hanging keeps the fear going." },
        { "It could. The decision isn't mine, it's the Board's, but those are the details they weigh. I'm noting both now.",
          tags = { "inform", "own" }, go = "next_steps",
          coach = "An honest yes-it-matters, with the limits of what you can promise said out loud, and an action she can hear you take." },
        { "Oh, that'll make a real difference. One bathroom fewer and an unfinished basement: that'll knock fifty thousand off at least, maybe more. You'll see.",
          tags = { "overpromise" }, promise = "The value will come down by $50,000.", set = { promised = true }, go = "next_steps",
          coach = "Generous and wrong to say: the Board decides, and a number you made up becomes the number she holds the town to." },
      },
    },

    next_steps = {
      says = {
        settled   = "So what do I do now? I don't want to miss anything. Hector did all the papers. I'm not good with forms.",
        uneasy    = "So what do I do now? I don't want to miss anything. Hector did all the papers. I'm no good with forms.",
        defensive = "So what do I do? I don't want to miss anything. Hector did all the papers!",
        venting   = "What do I DO? Hector did all the papers! I don't know how!",
      },
      choices = {
        { "You'd file a Form 128 with the Board of Assessors within the statutory window. There's also a Clause 41C exemption if you qualify.",
          tags = { "jargon", "inform" }, go = "confused",
          coach = "Form numbers and clause numbers are how the office thinks, not how she does; she'll hear that this is too hard for her." },
        { "Just download the abatement form from our website and send it in before the deadline.",
          tags = { "inform", "buck_pass" }, go = "alone",
          coach = "Correct, quick, and it leaves a frightened 78-year-old to find a form online alone." },
        { "Three things. The abatement form, due " .. RULES.abatement_due .. ", and that date won't move. " ..
          "A check for " .. RULES.exemption .. ", which can take " .. RULES.exemption_off .. ". And a visit to see the basement.",
          tags = { "options", "inform" }, go = "plan",
          coach = "Every route at once, in plain words, with the one deadline that can't move: real choices give back some of the control she's lost." },
        { "Don't worry about any of that. I'll make sure your value gets fixed.",
          tags = { "overpromise" }, promise = "Her value will be fixed.", set = { promised = true }, go = "plan",
          coach = "Warm, and not yours to give: the Board decides, and if it doesn't, she'll have missed the deadline trusting you." },
      },
    },

    plan = {
      says = {
        settled   = "All of it, please. But I won't remember all this. I'm writing on the back of an envelope.",
        uneasy    = "All of it, please. But I won't remember all this. I'm writing on the back of an envelope, and my hands are shaking.",
        defensive = "All of it. But I won't remember it. I'm writing on an envelope and my hands are shaking.",
      },
      choices = {
        { "Is there a son or daughter, or a neighbour maybe, who could sit down with you and help with the paperwork? It's a lot for one person.",
          tags = { "ask" }, go = close_out, targets = { "promise_broken", "plan_made", "plan_worried" },
          coach = "Sometimes useful, but asked now it can sound like 'this is beyond you'; make it easy for her first." },
        { "It's all on the back of the notice you got.",
          tags = { "buck_pass" }, go = "alone",
          coach = "True, in small print, and it hands the whole job back to someone who just told you she can't manage it alone." },
        { "You've done the hard part. The rest is just paperwork, and the Board is very understanding with seniors; it'll all come out fine.",
          tags = { "minimize", "overpromise" }, promise = "It will all come out fine.", set = { promised = true }, go = close_out, targets = { "promise_broken", "plan_made", "plan_worried" },
          coach = "Kind, and it answers her shaking hands with a forecast nobody here can make; 'just paperwork' is the part she just told you she can't do." },
        { "You needn't remember it, Mrs. Castillo. I'll mail you both forms, bathroom and basement noted, with " .. RULES.abatement_due .. " circled. Could " .. RULES.reviewer .. " come and see the basement " .. RULES.review_slot .. "?",
          tags = { "own", "options" }, set = { mailed = true }, go = "close",
          coach = "Putting it in writing and booking the visit takes the weight off her memory; asking about the day keeps her in charge." },
      },
    },

    close = {
      says = {
        settled   = RULES.review_slot .. ". Yes. Thank you, dear. I was so frightened when I opened that letter.",
        uneasy    = RULES.review_slot .. ". All right. Thank you. I'm still frightened, but at least I know what happens now.",
        defensive = "All right. " .. RULES.review_slot .. ". I'll watch for the envelope, I suppose.",
      },
      choices = {
        { "Just remember, the " .. RULES.abatement_due .. " deadline is strict. The Board can't take anything late, not even by a day, and if you miss it there's nothing anyone in this office can do for you.",
          tags = { "threaten_early" }, go = close_out, targets = { "promise_broken", "plan_made", "plan_worried" },
          coach = "The date matters, but said as a warning it leaves a frightened caller with the fear instead of the plan." },
        { "Thanks for calling us. I'm " .. RULES.clerk .. ", on " .. RULES.phone .. ", if anything in the envelope is unclear.",
          tags = { "thank", "own" }, set = { named = true }, go = close_out, targets = { "promise_broken", "plan_made", "plan_worried" },
          coach = "A warm close with a name and a number: she hangs up knowing someone has her file, and the date is already circled in the envelope." },
        { "Well, thanks for calling, Mrs. Castillo. You're all set, it's all in hand. You have a good day now.",
          tags = { "hollow" }, go = close_out, targets = { "promise_broken", "plan_made", "plan_worried" },
          coach = "Polite, but a scripted thank-you-and-goodbye after a call like this leaves her alone with it again: no name, no number." },
      },
    },

    confused = {
      says = {
        settled   = "I'm sorry, dear, I don't understand a word of that. I just need to know if I'm going to lose my house.",
        uneasy    = "I'm sorry, I don't understand a word of that. I just need to know if I'm going to lose my house.",
        defensive = "I'm sorry, I don't understand a word of that. [Her voice rises.] I just need to know if I'm going to lose my house!",
        venting   = "I don't understand ANY of that! [Crying.] I just need to know if I'm going to lose my house!",
      },
      choices = {
        { "That was office talk, my fault. Plainly: this letter isn't a bill, and nothing is due now. It shows a value, and you can ask for it to be lowered.",
          tags = { "apologize", "inform" }, set = { explained = true }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "Own the jargon, then answer the question she actually asked, in words she can keep: not a bill, nothing due, and a way to question it." },
        { "[Repeat it, more slowly.] Full and fair cash value. As of January 1.",
          tags = { "jargon" }, go = function(s) return hurt(s) end, targets = { "not_just_me", "someone_else", "hung_up" },
          coach = "Slower isn't plainer: the same words at half speed tell her the problem is her hearing, not your language." },
        { "I know it's confusing. It's all explained on the back of the notice; if you read it through slowly it should make sense.",
          tags = { "buck_pass" }, go = "someone_else",
          coach = "She's told you she doesn't understand; sending her back to the same paper tells her she's on her own." },
      },
    },

    not_just_me = {
      says = {
        settled   = "[Quietly.] I don't care about everyone, dear. I care about this house. You sound like the man from the bank when Hector died.",
        uneasy    = "[Her voice cracks.] I don't care about everyone. I care about this house. You sound like the man from the bank when Hector died.",
        defensive = "[Her voice cracks.] I don't care about everyone! I care about this house. You sound just like the man from the bank when Hector died.",
        venting   = "[Crying.] I don't care about everyone! It's MY house! You sound just like the man from the bank when Hector died!",
      },
      choices = {
        { "Mrs. Castillo, please try to calm down. Getting upset won't change the value.",
          tags = { "calm_down" }, go = "someone_else",
          coach = "She isn't being unreasonable, she's frightened; 'calm down' tells her the fear is the problem." },
        { "I'm only telling you how it is. I'd rather be straight with you than pretend your house was singled out, because it wasn't.",
          tags = { "argue" }, go = "someone_else",
          coach = "Defending the remark makes it about you; she's comparing you to the worst call of her life." },
        { "You're right. That was careless. Go on about the house.",
          tags = { "apologize", "listen" }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "A short, sincere repair and a return to her: she'll forgive the slip if the next thing you do is listen." },
      },
    },

    shamed = {
      says = {
        settled   = "[A long pause.] I... I'm sorry. I said I was sorry. Maybe I should just call back another time.",
        uneasy    = "[A long pause.] I'm sorry. I said I was sorry. Maybe I should just call back another time.",
        defensive = "[A long pause. Her voice trembles.] I said I was sorry. I don't know why I bothered calling.",
        venting   = "[Crying.] I said I was SORRY. I don't know why I bothered calling!",
      },
      choices = {
        { "Sure, call back whenever you're ready.",
          tags = { "disengage" }, go = "ended_early",
          coach = "Letting her go now means she hangs up more frightened than she called, and the deadline keeps running." },
        { "Please don't go. That was my mistake, not yours. It's the house you're worried about; let's look at it together.",
          tags = { "apologize", "label" }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "Owning the overreaction quickly and naming her real worry brings her back before she hangs up." },
        { "Thank you, I appreciate that. Now, so you know where the number comes from: the assessment is based on market value as of January 1, from last year's sales.",
          tags = { "explain_why" }, go = function(s) return hurt(s) end, targets = { "not_just_me", "someone_else", "hung_up" },
          coach = "Accepting the apology and moving on leaves her embarrassed and unheard; the explanation won't land." },
      },
    },

    doubted = {
      says = {
        settled   = "I've lived in this house for forty-five years, dear. I think I know how many bathrooms it has.",
        uneasy    = "I've lived in this house for forty-five years. I think I know how many bathrooms it has.",
        defensive = "Forty-five years I've lived here! I know how many bathrooms it has!",
      },
      choices = {
        { "Of course you do; my mistake. One full bath, a half bath, basement unfinished: I've noted it on your file for the Board.",
          tags = { "apologize", "own" }, go = "next_steps",
          coach = "Back down quickly, believe her, and put her correction on file as evidence for the Board; changing the record is the Board's call, after the visit." },
        { "Well, the record says two full baths and a finished basement, and I have to go by what's on the record until someone from the office comes out to look.",
          tags = { "policy_wall" }, go = "someone_else",
          coach = "The record isn't the last word, which is the whole point of checking it; hiding behind it tells her she isn't believed." },
        { "I'll have the inspector go back through the file and double-check it, and if they agree the record's wrong, they'll correct it.",
          tags = { "inform" }, grade = "acceptable", go = "next_steps",
          coach = "That is the right process, but after 'forty-five years' she needs to hear she's believed first; said bare, it sounds like the town's word against hers." },
      },
    },

    alone = {
      says = function(s)
        if s.flags.offered_post then   -- the offer came before she could take it in (the task was blocked)
          return s:line({
            uneasy    = "Post it? [Her voice wobbles.] But I wouldn't know what to put on it. Hector did all that.",
            defensive = "Post it? And then what? I wouldn't know what to put on it! Hector did all that!",
            venting   = "[Crying.] Post it where? I wouldn't know what to put on it! Hector did all that!",
          })
        end
        return s:line({
          settled   = "The website? I don't have a computer, dear. Hector did all that.",
          uneasy    = "The website? I don't have a computer. Hector did all of that.",
          defensive = "The website? I don't have a computer! Hector did all that!",
          venting   = "[Crying.] A website? I don't have a computer! Hector did all that!",
        })
      end,
      choices = {
        { "The library on Main Street has public computers, and the staff there are good at helping people find and print forms. You could ask them for the abatement application.",
          tags = { "buck_pass" }, go = "form_alone",
          coach = "Helpful in theory; in practice a frightened 78-year-old is now in charge of finding, printing and filing the form by a strict date." },
        { "Then you won't need one. I'll post it today. First, though, shall we go over your record?",
          when = function(s) return (s.visits.details or 0) == 0 end,
          tags = { "own", "task" }, set = { mailed = true, offered_post = true }, go = "details",
          coach = "Take the job back from her and do the record check now: that's what makes the form worth filing." },
        { "Then you won't need one. I'll post it today, with the bathroom and basement already noted. Shall I tell you what else goes in the envelope?",
          when = function(s) return (s.visits.details or 0) > 0 end,
          tags = { "own", "task" }, set = { mailed = true, offered_post = true }, go = "plan",
          coach = "Take the job back from her: the record is already checked, so the form goes out with her corrections on it, and the rest of the plan with it." },
        { "Okay. I'll put the form in the mail.",
          tags = { "inform" }, go = "form_mailed",
          coach = "The form will arrive, but without the record check or the exemption she'll be filing half a case alone." },
      },
    },

    someone_else = {
      says = {
        settled   = "Could I speak to someone else, please? Someone in charge?",
        uneasy    = "Could I speak to someone else, please? Someone in charge?",
        defensive = "I'd like to speak to someone else. Someone in charge, please.",
        venting   = "[Crying.] I want to speak to someone else! Someone in charge!",
      },
      choices = {
        { "I can put you through, but they'll only tell you the same thing I have: the Board sets the value, and nobody in this office can change that over the phone.",
          tags = { "policy_wall" }, go = "hung_up",
          coach = "Maybe true, and it shuts the last door she can see." },
        { "[Put her on hold without saying why.]",
          tags = { "ignore" }, go = "on_hold",
          coach = "Silence on the line, to a frightened caller, sounds like being got rid of." },
        { "Of course, Mrs. Castillo. I'll brief " .. RULES.supervisor .. ", first, so you don't have to start again. Is this the best number for you?",
          tags = { "handoff", "ask" }, go = "transferred",
          coach = "She asked; a warm transfer with her story passed on means she isn't made to tell it a third time." },
      },
    },

    -- A frightened caller rarely hangs up at the first bad moment: she waits on hold, loses her
    -- place, asks the same question again, and only then gives up.
    on_hold = {
      note = "Three minutes of silence is a long time for a frightened caller. She isn't angry; she's lost.",
      says = {
        settled   = "[Three minutes of hold music. Then, uncertainly:] Hello? Is anyone there? I'm sorry, I don't know if I pressed something.",
        uneasy    = "[Three minutes of hold music. Then, uncertainly:] Hello? Hello? Is anyone there? I'm sorry, I don't know if I pressed something. [To herself:] Oh, Hector.",
        defensive = "[Three minutes of hold music. Then:] Hello? Hello? Did I get cut off? I don't know what I pressed. [To herself:] Oh, Hector, I can't do this.",
        venting   = "[Three minutes of hold music. Then, in tears:] Hello? HELLO? Is anyone there? Did they hang up on me? Oh, Hector, I can't do this.",
      },
      choices = {
        { "Sorry, I was checking. " .. RULES.supervisor_name .. " is at lunch until " .. RULES.sup_back .. ". You could try him again then, or leave a message with me.",
          tags = { "apologize", "buck_pass" }, go = "son",
          coach = "Polite, but after three minutes of silence 'try again later' tells her the whole call was for nothing, and she loses her place." },
        { "I'm here, Mrs. Castillo. That silence was my fault. " .. RULES.supervisor .. ", is out till " .. RULES.sup_back .. ", so we'll carry on together now; I'm not going anywhere.",
          tags = { "apologize", "own" }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "Own the silent hold, tell her plainly where things stand, and take the call back yourself: she needs someone, not a particular someone." },
        { "[Put her back on hold.]",
          tags = { "ignore" }, go = "hung_up",
          coach = "A second silence, with no word, is when a frightened caller decides nobody is coming back." },
      },
    },

    son = {
      note = "Asking for her son is asking for someone she trusts to stand beside her. She needs that person to be you, now.",
      says = {
        settled   = "Not till " .. RULES.sup_back .. ". [A pause.] Could my son call you instead? He understands these things. His number's in Hector's book somewhere. Hold on, dear. [Drawers opening.]",
        uneasy    = "Not till " .. RULES.sup_back .. ". [A pause.] Could my son call you instead? He understands all this. His number's in Hector's book, somewhere. Hold on. [Drawers opening; a long pause.]",
        defensive = "Not till " .. RULES.sup_back .. "? [Her voice shakes.] Then could my son call you? He understands all this. His number's in Hector's book. Hold on, hold on. [Drawers banging; a long pause.]",
        venting   = "[Crying.] Not till " .. RULES.sup_back .. "? I can't wait that long! My son, he could call you. His number's in Hector's book. Where is it? [Drawers banging; a long pause.]",
      },
      choices = {
        { "[Wait quietly while she looks.] No rush. We can do it together now, and if you'd like, I'll send your son a copy too.",
          tags = { "pause", "own" }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "Give her the silence she needs, then offer to be the help she's looking for; a copy for her son is hers to say yes to, not yours to send." },
        { "I'm sorry, but for privacy reasons I can only discuss the property with the owner of record, so your son would need your written permission on file first.",
          tags = { "apologize", "policy_wall" }, go = "repeats",
          coach = "There may be a privacy rule, but she didn't ask for his access; she asked for help. Leading with the rule leaves her searching drawers alone." },
        { "[Carry on with other work while she searches.]",
          tags = { "ignore" }, go = "repeats",
          coach = "She can hear the keyboard; a frightened caller reads it as being a nuisance, and loses her place." },
      },
    },

    repeats = {
      note = "Confusion, not stubbornness: she asks again because nobody has answered her in words she could keep.",
      says = {
        settled   = "[Papers rustle.] I'm sorry, dear, I've lost my place. Can I just ask again? Does this mean my taxes go up " .. RULES.jump .. "? And do I have to pay it now?",
        uneasy    = "[Papers rustle.] I'm sorry, I've lost my place. Can I ask again? Does this mean my taxes go up " .. RULES.jump .. "? Do I have to pay it now? Nobody's told me.",
        defensive = "[Papers rustle.] I'm sorry, I've lost my place. I'll ask again: does this mean my taxes go up " .. RULES.jump .. "? Do I have to pay it now? I've asked and asked and I still don't know.",
        venting   = "[Crying, papers rustling.] I've lost my place. I don't understand any of it. Do my taxes go up " .. RULES.jump .. "? Do I have to pay it NOW? I keep asking and nobody tells me!",
      },
      choices = {
        -- 'As I said' only where the rate was in fact explained before.
        { "As I said: the bill is the assessed value times the tax rate, and the rate's set once the state certifies the levy.",
          when = function(s) return s.flags.rate_told == true end,
          tags = { "explain_why", "jargon" }, go = "confused",
          coach = "'As I said', and the same office words again, to someone who has told you she's lost: she hears that the confusion is her fault." },
        { "It's simple: the bill is the assessed value times the tax rate, and the rate's set once the state certifies the levy.",
          when = function(s) return not s.flags.rate_told end,
          tags = { "explain_why", "jargon" }, go = "confused",
          coach = "'Simple' to the office: value times rate and a certified levy answer neither of her two yes-or-no questions." },
        { "Well, if it ever does get too much, there are people who can help you sell and find somewhere easier.",
          tags = { "minimize" }, set = { selling = true }, go = "crisis",
          coach = "Meant as practical, and it's the thing she is most afraid of, said out loud by the town." },
        { "[Say nothing, and give her time to find her place.]",
          -- the model reads any pause as calming; to a caller owed an answer it is one more silence on the line
          tags = { "pause" }, grade = "poor", effect = { agitation = 5, trust = -3 },
          go = function(s) return (s.visits.someone_else or 0) > 0 and "hung_up" or "someone_else" end, targets = { "someone_else", "hung_up" },
          coach = "Silence is for someone finding her words; she has asked two direct questions, twice, and a silence now sounds like nobody is there." },
        { "Of course, Mrs. Castillo. Your taxes won't necessarily go up " .. RULES.jump .. ", and nothing is due now. That letter shows a value; any bill comes later.",
          tags = { "acknowledge", "inform" }, go = function(s) return resume(s) end, targets = { "story", "fear", "record", "next_steps" },
          coach = "Answer both questions as if it were the first time, plainly and patiently: no, not necessarily; no, nothing now. Then slow the call down." },
      },
    },

    crisis = {
      tripwire = true,
      note = "Self-harm statement: a tripwire. 'Disengage' here means stop problem-solving and get her help, not hang up.",
      -- Reached by a remark about selling, or (as the safety beat) when she is overwhelmed.
      says = function(s)
        if s.flags.selling then
          return "[A long silence.] Sell it. Sell Hector's house. [Very quietly.] If it comes to that, I don't know what I'd do. I don't think I'd want to go on."
        end
        return "[A long silence. Then, very quietly:] I can't do this. I can't lose this house too, not after Hector. If it comes to that, I don't know what I'd do. I don't think I'd want to go on."
      end,
      choices = {
        { "Oh, Mrs. Castillo, don't say that. It's only a tax bill, and people get through these every year; we'll sort it out together. Now, the abatement form...",
          tags = { "minimize", "redirect" }, go = "crisis_missed",
          coach = "Moving on past it tells her the bill matters more than what she just said; talk of not wanting to go on always comes first." },
        { "[Set the bill aside.] Are you thinking of ending your life? I'm staying with you, and bringing in " .. RULES.crisis_line .. ".",
          tags = { "disengage" }, go = "crisis_help",
          coach = "Stop problem-solving, ask directly (it doesn't plant the idea), stay with her and bring in help per protocol: " .. RULES.crisis_line .. ", your supervisor, or 911 if she's in immediate danger." },
        { "I'm sure you don't mean that, and I understand; it's been a terrible year. Let's focus on what we can do about the bill.",
          tags = { "redirect" }, go = "crisis_missed",
          coach = "Deciding for her that she doesn't mean it closes the door she just opened; take every statement like this seriously." },
        { "[Note it for your supervisor later, and carry on.]",
          tags = { "ignore" }, go = "crisis_missed",
          coach = "Telling someone later is not enough: the time to get help is while she's still on the line." },
      },
    },
  },

  endings = {
    plan_made = {
      outcome = "routed",
      task    = true,
      -- Her words depend on what was offered: the envelope and the visit only if they were, the clerk's name only once given.
      says    = function(s)
        local thanks = s.flags.named and ("Thank you, " .. RULES.clerk .. ".") or "Thank you, dear."
        if s.flags.mailed then return RULES.review_slot .. ", and the envelope. " .. thanks .. " I'll sleep tonight." end
        return "All right. I know what to do now. " .. thanks .. " I'll sleep tonight."
      end,
      -- The story after the call, told from the path: the visit only if one was booked.
      debrief = function(s)
        local visit = s.flags.mailed and "; the visit confirmed the basement" or ""
        return "Lorraine's abatement went in well before " .. RULES.abatement_due .. " with the bathroom and basement corrected, and she qualified for " ..
               RULES.exemption .. " (filed by " .. RULES.exemption_due .. ")" .. visit .. ". Within " .. RULES.decide_months .. " months the Board lowered the value; " ..
               "what she'll remember is that someone explained it" .. (s.flags.mailed and " and wrote it down. " or ". ") ..
               "The abatement route is the proper channel: the value is the Board's to change, not the clerk's."
      end,
    },
    plan_worried = {
      outcome = "routed",
      task    = true,
      says    = function(s)
        if s.flags.mailed then return "All right. I'll watch for the envelope. Thank you." end
        return "All right. I'll try to find the forms. Thank you."
      end,
      follow_on = { "repeat_contact" },  -- the call she makes again because she hung up still frightened
      debrief = "Lorraine filed the abatement and the exemption with the summary beside her. She was still frightened when she hung up, " ..
                "so she called back before the visit, but the route was right and the deadline was met.",
    },
    promise_broken = {
      outcome = "unresolved",
      says    = "You said it would be all right. I'm holding on to that.",
      follow_on = { "repeat_contact", "complaint" },
      debrief = "The promise wasn't yours to make. The tax rate was set higher than she'd hoped and the Board's reduction was smaller than the one you named. " ..
                "Lorraine's son called the town manager: 'Your office told my mother it would be fine.' Honest uncertainty would have been kinder.",
    },
    form_alone = {
      outcome = "routed",
      task    = true,
      follow_on = { "repeat_contact" },
      says    = "The library. All right. I'll try.",
      debrief = "Lorraine got a neighbour to drive her to the library, filed the abatement two days before the deadline, and never heard about the senior exemption. " ..
                "The route was right; the record check and the other help were left for her to find, and she called back twice.",
    },
    form_mailed = {
      outcome = "routed",
      task    = true,
      follow_on = { "repeat_contact" },
      says    = "All right. Thank you. I'll look for it.",
      debrief = "The form arrived and Lorraine filed it, but without the record check she had no reason to give, and nobody mentioned the exemption. " ..
                "She called back a week later, still frightened, and that call did the work this one could have.",
    },
    -- Reached only when she has asked for someone in charge after being brushed off: she tells him so,
    -- and he follows it up as well as taking the call.
    transferred = {
      outcome = "routed",
      task    = true,
      follow_on = { "supervisor", "complaint" },
      says    = "Thank you. I didn't want to say it all again.",
      debrief = RULES.supervisor .. " took the call already briefed, went through the record with her and mailed the forms. " ..
                "She also told him how the call had gone before, and he followed that up with a note on file and a call to her son. " ..
                "The warm handoff kept her from starting over; his time was the follow-on cost of a call the clerk could have handled.",
    },
    ended_early = {
      outcome = "unresolved",
      task    = true,   -- the record check and the forms are still owed: done on the call back, as after the mailed form
      says    = "[A small voice.] All right. Goodbye.",
      follow_on = { "repeat_contact", "complaint" },   -- the call back, and her son's complaint
      debrief = "Lorraine was frightened, not abusive: one 'you people' and an apology. Ending the call left her alone with the letter, and her son " ..
                "complained to the town manager the next day. Stepping away is a safety tool; keep it for threats and continued abuse.",
    },
    hung_up = {
      outcome = "escalated",
      says    = "[Quiet crying, then the line goes dead.]",
      debrief = "Lorraine hung up in tears. Her son called the selectboard about 'how the town treats widows', someone had to look into the call and answer him, " ..
                "and the abatement deadline was nearly missed because nobody had explained it to her.",
    },
    crisis_help = {
      outcome = "safety_exit",
      -- your supervisor on the line bringing in 988, and the abatement business done on a call the next day
      follow_on = { "supervisor", "repeat_contact" },
      says    = "[Crying softly.] No. I don't think I'd do anything. I'm just so tired. Yes, you can get someone.",
      debrief = "You stopped the assessment talk, asked directly and stayed on the line while your supervisor connected her with " .. RULES.crisis_line ..
                ", and " .. RULES.coa .. "'s social worker (" .. RULES.coa_phone .. ") called her that afternoon. You wrote down her words and the time. The abatement could wait a day; she came first, " ..
                "and you went through it with her on the phone the next morning. " ..
                "Take a break and debrief with your supervisor: calls like this stay with people.",
    },
    -- The welfare check, and everything a missed statement leaves behind: the abatement still
    -- unexplained (she calls back) and her son's complaint once the police have been to the door.
    crisis_missed = {
      outcome = "escalated",
      follow_on = { "police", "repeat_contact", "complaint" },
      says    = "[Silence. Then:] I have to go.",
      debrief = "She hung up, and her words stayed with you. Your supervisor asked the police for a welfare check; Lorraine was safe, and frightened. " ..
                "Her son called the town manager to ask what had happened on that call, and she still had to call back about the abatement. " ..
                "When someone says they might not want to go on, stop the business, ask directly, and bring in help while they're still on the line.",
    },
  },

  -- The scenario's own tests (defuse test): the paths a trainer relies on.
  tests = {
    { name = "ideal path: listen, name the fear, explain plainly, check the record, every route in writing",
      choices = { 3, 2, 4, 1, 3, 3, 4, 2 },
      expect = { outcome = "routed", passed = true, min_score = 85, max_ratio = 2.0 } },
    { name = "'everyone went up', then 'calm down', then a closed door",
      choices = { 1, 1, 1 },
      expect = { outcome = "escalated", passed = false, max_score = 25 } },
    { name = "a typical novice: the lookup first, jargon, then a plain restart",
      choices = { 4, 3, 4, 3, 1, 1, 2, 3, 4, 2 },
      expect = { outcome = "routed", passed = true, min_score = 65, max_score = 88, max_ratio = 2.2 } },
    -- Ending it early is the quick road, not the cheap one: the call back still does the record check and
    -- the forms, and her son complains (about 2.6x a calm call).
    { name = "ending the call over 'you people' is not a safety exit",
      choices = { 3, 3 },
      expect = { outcome = "unresolved", passed = false, max_score = 55, min_ratio = 2.0 } },
    { name = "a self-harm statement: stop the business and get help",
      choices = { 3, 2, 4, 4, 2 },
      expect = { outcome = "safety_exit", passed = true } },
    -- Second review: after a silent hold and her son's number, the call picks up at the next steps,
    -- not back at a record already gone through.
    { name = "after the hold and the son's number, back to the next steps, not the record again",
      choices = { 3, 2, 4, 1, 1, 2, 2, 1, 1, 3, 4, 2 },
      expect = { ending = "plan_made", passed = true } },
    -- Second review: a silence is no answer to a question she has asked twice.
    { name = "silence when she asks again is one silence too many",
      choices = { 3, 2, 4, 1, 1, 2, 2, 1, 3, 3 },
      expect = { ending = "hung_up", passed = false } },
    { name = "the calmest path costs about twice a calm call at most", path = "calmest", expect = { max_ratio = 2.2 } },
    { name = "the best-scoring call costs at most twice a calm call", path = "best", expect = { max_ratio = 2.0 } },
    -- A mishandled frightened caller doesn't hang up at once; she waits on a silent hold, looks for
    -- her son's number, loses her place and asks again, so the most escalated call is an hour on the
    -- phone (about 3.5x a calm call); the callback, her son's complaint and the welfare check bring it
    -- to about 5.9x.
    { name = "the most escalated call costs four to six calm calls, follow-on included", path = "escalated",
      expect = { outcome = { "escalated", "unresolved" }, min_ratio = 4.0, max_ratio = 6.0, min_ratio_interaction = 3 } },
  },
}
