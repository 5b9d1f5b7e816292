-- A 20-minute group session for any public-facing staff, built on the classic shape of a
-- short municipal training module: three objectives, three talking points with a
-- question each, one exercise, three wrap-up questions, thanks.
-- Pace: 2 minutes opening, 6 for the points (2 each), 8 for the exercise (one
-- scenario, voted on by the room), 3 for the wrap-up, 1 to close.
return module {
  id = "great-service-every-day",
  title = "Great service every day",
  minutes = 20,
  audience = "Everyone who serves residents in person, by phone or by email, in any department.",
  roles = { "Counter clerk", "Front desk", "Permit technician", "Office coordinator" },
  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },

  objectives = {
    "Explain how the service a resident gets changes how that resident treats staff.",
    "Describe why an upset resident takes longer to help than a calm one.",
    "Name one behaviour that tells a resident they are getting great service.",
  },

  points = {
    {
      title = "Service shapes how people treat us",
      body = "Residents arrive with a history: a bill they did not expect, a form that came back twice, a call nobody returned. Being greeted, listened to and told what happens next lowers the heat for the person at the counter and for the colleague who meets them next.",
      notes = "Keep this about the resident's experience, not about blaming colleagues for the history. Two answers from the room are enough.",
      question = "Think of a contact that went well last month. What did you do in the first minute?",
      reveal = "Good first minutes often share three things: a greeting, letting the resident finish, and a name or next step at the end.",
    },
    {
      title = "An upset person takes longer to help",
      body = "An angry resident repeats themselves, misses what they are told and comes back again. Service trainers use a rule of thumb: up to five times as long as a calm visit. It is not a measured figure. Watch the clock in the exercise: the cost grows with agitation, and call-backs and complaints add more.",
      notes = "Be honest about the number: it is a teaching figure, not a study result. The point is the direction, which the exercise shows on the clock. defuse's debrief separates time in the conversation from follow-on time (call-backs, complaints), which can make a bad path cost more than five times.",
      question = "Where does the extra time go when a resident is upset?",
      reveal = "Repeating, re-explaining, supervisors called over, and return visits or calls. Calm is the fast route as well as the kind one.",
    },
    {
      title = "Every contact speaks for the whole town",
      body = "To a resident, the person at the counter or on the phone is the town. A fair, clear answer from any department makes the next contact with every other department easier.",
      notes = "Invite one example of a resident who mentioned another department's service, good or bad.",
      question = "What would you want a resident to say about us after talking to you?",
    },
  },

  exercise = { "parking-ticket-counter" },

  wrapup = {
    "Think of a resident who arrived already upset about another department. What did that cost you, and what would have helped?",
    "Which behaviours in the exercise said 'you are getting great service' to the resident?",
    "What is one thing you will do differently at your own counter, phone or inbox this week?",
  },

  -- Questions for the room debrief, right after the exercise, while the room's path, votes
  -- and time are on screen.
  debrief = {
    "Find the moment Priya stopped demanding a void and started asking what to do. What had we just said? If she never got there, where did we lose her?",
    "Which vote split the room most? What did each side expect Priya to do next, with the queue watching?",
    "Put our time next to a calm visit. Where did the extra minutes go: the talk at the counter, or what came after it, like a second trip or a letter to the selectboard?",
  },

  closing = "Thank you for your time and for the work you do. You can replay today's scenario on your own with: defuse play parking-ticket-counter",
}
