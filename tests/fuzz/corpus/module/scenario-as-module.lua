return scenario { id = "s" }
