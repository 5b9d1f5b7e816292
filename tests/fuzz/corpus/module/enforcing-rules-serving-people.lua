-- A 20-minute group session for staff who enforce rules in the field: parking, code
-- enforcement, animal control. The rule still applies; the session is about how it is
-- delivered, and about leaving when it is no longer safe.
-- Pace: 2 minutes opening, 6 for the points (2 each), 8 for the exercise (the street
-- scenario, then the safety exit at the curb), 3 wrap-up, 1 to close.
return module {
  id = "enforcing-rules-serving-people",
  title = "Enforcing rules, serving people",
  minutes = 20,
  audience = "Parking officers, code enforcement inspectors, animal control officers and anyone who delivers a rule in person.",
  roles = { "Parking enforcement officer", "Code enforcement inspector", "Animal control officer" },
  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },

  objectives = {
    "Explain a decision in plain words and say what the resident can still do about it.",
    "Stay consistent without arguing, even with an audience watching.",
    "Use the safety exit: leave, report and follow up when a contact turns threatening.",
  },

  points = {
    {
      title = "The rule stays, the door stays open",
      body = "Most residents accept a decision more easily when they know why it was made and what comes next: the appeal, the hearing, the deadline, the person to ask. A rule with no next step sounds like a wall.",
      notes = "Ask each role in the room for its usual next step (appeal form, hearing date, re-inspection).",
      question = "What next step can you always offer, even when you cannot change the decision?",
      reveal = "The appeal or review route, in writing, with a date. It moves the argument off the street.",
    },
    {
      title = "Consistent, not cold",
      body = "Residents often ask 'Who called?' or 'Why me and not them?'. You cannot name a complainant or discuss other cases, but you can say how you decide, that the same rule applies to everyone, and what comes next. Acknowledging the frustration is not giving in.",
      notes = "Watch for the room choosing to argue the facts; show the clock and meter when it does.",
      question = "How do you answer 'Who called?' without naming anyone or sounding evasive?",
    },
    {
      title = "Leaving is part of the job",
      body = "In the field you are often alone. If a resident threatens you, blocks your way, comes at you or goes inside 'to get something', the task can wait: say you are leaving, get to your vehicle, call it in and write down the exact words. You do not need to be certain to leave.",
      notes = "Confirm the local radio or phone procedure and who follows up on a report. Make sure no one leaves thinking that finishing the ticket comes first. If the room's run of code-enforcement-notice ends without a safety cue, replay it choosing the 'calm down' lines (2, then 2) to reach the veiled threat, and let the room decide what to do.",
      question = "What stops people from leaving when they should?",
      reveal = "Pride, the wish to finish the task, and worry about looking weak. In the exercise, leaving at the threat is always graded the right move at that moment.",
    },
  },

  exercise = { "parking-officer-street", "code-enforcement-notice" },

  wrapup = {
    "Where did explaining the decision help, and where did it add heat?",
    "At the curb, what was the sign that it was time to leave?",
    "What will you say next time someone asks 'Who called?' or 'Why me and not them?'",
  },

  -- Questions for the room debrief, right after the exercise, while the room's path, votes
  -- and time are on screen.
  debrief = {
    "On Station Street, the phone at the bus stop and the word 'parasites' were uncomfortable but not dangerous. What did the room vote to do about them, and how did Daniel take it?",
    "Did our path get to Dennis's lost job and his wife's chemo, and was it because we asked what was going on or because we pushed the deadline at him? What could the notice offer him once we knew?",
    "Which vote split the room most? Looking at our time beside a calm visit and the escalated road, did the side that won save minutes or cost them?",
  },

  closing = "Thank you. Stay safe out there, and write it up every time: a report helps the next officer too.",
}
