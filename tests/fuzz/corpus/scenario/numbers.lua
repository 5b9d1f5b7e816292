return scenario { id = "n", minutes = 0/0, resident = { agitation = math.huge, trust = -0.0 } }
