-- A 20-minute group session plan for front-counter staff: objectives, teaching points,
-- two scenarios for the room to play and wrap-up questions. Check it with:
--   defuse check scenarios/modules
return module {
  id = "counter-first-minute",
  title = "The first minute at the counter",
  minutes = 20,
  audience = "Front-counter staff from any department; no prior training needed.",
  roles = { "Counter clerk", "Permit technician" },
  pace = "trainer",

  objectives = {
    "Name what the resident is upset about before explaining any rule.",
    "Notice the moment a fact lands and when it only adds heat.",
    "Offer one concrete next step the resident can check you on.",
  },

  points = {
    {
      title = "Anger usually has a reason",
      body = "Most residents who arrive angry have been let down somewhere before they reached you: a letter they did not understand, a fee that doubled, a wait nobody explained.",
      notes = "Ask the room for one example from their own counter. Keep it to two answers.",
      question = "What was the resident at your counter last week actually upset about?",
      reveal = "Often the thing they shout about is not the thing that hurt. Listen for the second sentence.",
    },
    {
      title = "Acknowledge before you explain",
      body = "Say back what happened to them in one plain sentence. Rules and reasons come after, when they can be heard.",
      notes = "Contrast 'I can see you have waited three weeks' with 'The review takes thirty business days'.",
    },
    {
      title = "Every upset minute costs time",
      body = "The simulator's clock runs faster when the resident is agitated: up to five times as long to reach the same help. Calm is the fast route, not the polite one.",
      notes = "Point at the clock on screen during the exercise whenever it speeds up.",
    },
    {
      title = "One next step, with a name and a time",
      body = "Close with something they can hold you to: who will call, by when, about what.",
      question = "What is one next step you can always offer, even when the answer is no?",
      reveal = "A written summary of what was asked, what happens next and a name to ask for.",
    },
  },

  exercise = { "permit-delay-counter", "parking-ticket-counter" },

  wrapup = {
    "Where did the resident's agitation drop the most, and what had just been said?",
    "Which choice looked correct but cost time? Why?",
    "What will you say differently in your first sentence tomorrow?",
  },

  closing = "Thank you. Try the other counter scenarios on your own this week with: defuse play",
}
