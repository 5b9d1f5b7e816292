local p = {} for i = 1, 50 do p[i] = { title = "t" .. i, body = "b" } end
return module { id = "m", title = "T", points = p, exercise = {"a","b","c","d","e","f"} }
