return module { id = "m", title = "t" }
