-- A 20-minute group session for counter and phone staff on calming a resident who is
-- already angry, and on knowing when to stop and get help.
-- Pace: 2 minutes opening, 6 for the points (2 each), 8 for the exercise (two short
-- scenarios, or one played twice to take the road not taken), 3 wrap-up, 1 to close.
return module {
  id = "defusing-a-volatile-interaction",
  title = "Defusing a volatile interaction",
  minutes = 20,
  audience = "Counter and phone staff who meet residents when they are already upset.",
  roles = { "Counter clerk", "Front desk", "Public Works front desk" },
  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },

  objectives = {
    "Let an angry resident finish before answering, and say back what you heard.",
    "Recognise when facts help and when they only add heat.",
    "Spot a threat, end the contact safely and get help, without arguing.",
  },

  points = {
    {
      title = "Let them finish",
      body = "An interrupted resident starts again from the top, louder. Letting the first account run out, then saying it back in one sentence, is usually the fastest way through.",
      notes = "Ask someone to time thirty seconds while you stay quiet. It feels long, but an angry caller's first account often runs that long. On the phone, short sounds ('mm', 'I'm here') show the line is still open.",
      question = "What makes it hard to let an angry caller finish?",
      reveal = "We want to fix it, or we feel accused. Both are reasons to listen first, not to jump in.",
    },
    {
      title = "Facts land when the heat is down",
      body = "A rule, a date or a policy heard at the peak of anger sounds like a refusal. The same fact after the resident feels heard sounds like help. Watch the resident's agitation in the exercise when a fact arrives.",
      notes = "During the exercise, point to the meter whenever the room chooses to explain early.",
      question = "Which fact do you find yourself explaining too early?",
    },
    {
      title = "Safety first",
      body = "A threat changes the goal: stop helping and get safe. You do not need to be sure they mean it. Say you are ending the conversation, step away or end the call, and use your building's alert. Call 911 for immediate danger. Write down the exact words and tell your supervisor, even if they leave calmly.",
      notes = "Know your building's plan before you run this module: panic button, code word, who answers. Whatever the room answers to the question, confirm the real procedure and write it on the board.",
      question = "In this building, who do you call and how, if a resident threatens you?",
      reveal = "Code word or panic button, step away, 911 if anyone is in danger. Then your supervisor, the exact words written down, and a break.",
    },
  },

  exercise = { "missed-trash-pickup", "counter-threat" },

  wrapup = {
    "At which moment did the resident's agitation drop the most, and what had just been said?",
    "In the threat scenario, what told you it was time to stop talking and get help?",
    "What will you say in your first sentence the next time someone arrives shouting?",
  },

  -- Questions for the room debrief, right after the exercise, while the room's path, votes
  -- and time are on screen.
  debrief = {
    "Angela's first burst was aimed at the town; 'useless' was aimed at us. If our path met both, did the room answer them differently, and what did she do next?",
    "Angela wanted a truck today. Did we promise one, or say what logging a repeat miss does? Compare our time with a calm visit and with the escalated road.",
    "Neil called the office a bunch of crooks before he said he knew which car was ours. Which of those two did the room vote to step away from, and was the vote close?",
  },

  closing = "Thank you. If a contact like today's shakes you, talk to your supervisor; that is part of the job, not a weakness.",
}
