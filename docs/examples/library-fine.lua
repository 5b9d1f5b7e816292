-- library-fine.lua: the worked example of docs/authoring.md, a short scenario at the
-- library's circulation desk. It is checked and played by the test suite.

-- Local rules: what a town changes without touching the dialogue.
local RULES = {
  fine       = "$12.50",
  block_at   = "$10",           -- borrowing stops when fines reach this
  waive_form = "the fine-review form",
  decided_by = "the branch manager",
}

return scenario {
  id = "library-fine", title = "Blocked at the library desk", setting = "counter",
  role = "Circulation desk assistant", minutes = 3, difficulty = "intro",
  summary = "A parent can't borrow books for a school project because of a fine they say they never got told about.",
  objectives = {
    "Hear the whole complaint before explaining the block.",
    "Explain the fine-review route and what you can do today.",
  },
  resident = {
    name = "Tomás Ferreira", agitation = 40, trust = 35, need = "fairness",
    volatility = 1.0, recovery = 1.0, audience = true, waited = 5,
    look = { skin = 4, hair = "short", hair_colour = "black", top = "jacket" },
  },
  -- The manager is called over cold to a parent who is upset by now: she leaves her own work,
  -- hears it all again and does the review form, the address and the pass herself. That is
  -- the desk's seven-minute calm visit taking two to three times as long at his agitation
  -- (model.md): twenty minutes of a manager's time.
  time = { task = 3, calm_turns = 3, follow_on = { supervisor = 20 } },
  start = "desk",

  beats = {
    desk = {
      says = {
        uneasy    = "The machine says my card is blocked. My son needs these books for Monday.",
        defensive = "Blocked? For a fine nobody ever told me about? He needs these books for Monday.",
      },
      choices = {
        { "That's a worry with Monday coming. Tell me what happened with the card.",
          tags = { "acknowledge", "listen" }, go = "story",
          coach = "Acknowledge the deadline, then let him tell it: the block can wait a minute." },
        { "Cards are blocked automatically once fines reach " .. RULES.block_at .. ".",
          tags = { "policy_wall" }, go = "wall",
          coach = "True, but a rule first sounds like a closed door to someone who feels caught out." },
        { "If you'd returned them on time this wouldn't have happened.",
          tags = { "blame" }, go = "wall",
          coach = "Blame turns a question about a fine into a fight about his character." },
      },
    },

    story = {
      says = "We moved in March. The notices must have gone to the old address. " ..
             "And now I look like I don't pay my bills in front of everyone.",
      choices = {
        { "So the notices went to your old address, you never saw them, and now it's " ..
          "holding up your son's project. Is that right?",
          tags = { "paraphrase" }, go = "options",
          coach = "A paraphrase shows he was heard and checks the facts before any explanation." },
        { "You can request a review of the fine.",
          tags = { "inform" }, go = "options",
          coach = "Right information, a little early: he hasn't yet heard that you understood." },
        { "Everyone says they never got the notice.",
          tags = { "minimize", "argue" }, go = "wall",
          coach = "Lumping him with 'everyone' tells him his story doesn't count." },
      },
    },

    wall = {
      says = {
        defensive = "So I'm just supposed to pay for a letter I never got?",
        venting   = "Unbelievable. I'm not paying for your mistake. Get me someone who can fix this.",
      },
      choices = {
        { "You're right to ask. Tell me what happened, and let's see what can be done today.",
          tags = { "listen", "redirect" }, go = "story",
          coach = "Recovering is possible: stop defending the rule and start listening." },
        { "I'll get my manager.",
          tags = { "handoff" }, go = "manager",
          coach = "A handoff can be right, but here you can still help him yourself." },
      },
    },

    options = {
      says = "Okay. So what can I actually do? He needs the books this weekend.",
      choices = {
        { "Two ways. You can fill in " .. RULES.waive_form .. " now and " .. RULES.decided_by ..
          " reviews it, usually within a week; meanwhile I can update your address and " ..
          "check these books out on a one-time pass. Or pay today and still ask for a review.",
          tags = { "options", "inform" }, go = "form",
          coach = "Real choices, the route and a way to get the books today: fairness he can see." },
        { "I'll just waive it for you this once.",
          tags = { "overpromise" }, go = "waived",
          coach = "Counter staff can't waive fines here; the promise will break and cost more later." },
      },
    },

    form = {
      says = "The review, then. And yes, fix the address.",
      choices = {
        { "[Update the address, fill in the review form with him, issue the pass and check out the books.]",
          tags = { "task", "own" }, go = "done",
          coach = "Doing the paperwork with him turns the route into something real." },
        { "Here's the form. Drop it in the box when you're done.",
          tags = { "buck_pass" }, go = "done",
          coach = "Handing over a form and turning away leaves him to do the work alone." },
      },
    },
  },

  endings = {
    done = {
      outcome = "resolved_accepted",
      says = "Thanks. I came in ready to argue, honestly.",
      debrief = "Tomás left with the books, a corrected address and a review under way. " ..
                "The fine may stand, but he knows why and what happens next.",
    },
    manager = {
      outcome = "routed",
      says = "Fine. I'll wait.",
      debrief = "The manager, called over cold, heard it all again and sorted it out in twenty minutes: " ..
                "time the desk could have saved.",
    },
    waived = {
      outcome = "escalated",
      says = "Great, thanks!",
      debrief = "The system would not let the fine be waived at the desk. Tomás came back a week " ..
                "later to a blocked card and filed a complaint about being misled.",
    },
  },

  tests = {
    { name = "the best path", choices = { 1, 1, 1, 1 },
      expect = { outcome = "resolved_accepted", passed = true, min_score = 90, max_ratio = 1.5 } },
    { name = "the waiver that cannot be kept", choices = { 1, 1, 2 },
      expect = { outcome = "escalated", critical = false, max_score = 40 } },
    { name = "calm is cheap", path = "calmest", expect = { max_ratio = 1.5 } },
    { name = "the best path costs at most twice a calm visit", path = "best", expect = { max_ratio = 2.0 } },
    { name = "the most escalated path costs four to six calm visits", path = "escalated",
      expect = { min_ratio = 4.0, max_ratio = 6.0 } },
  },
}
