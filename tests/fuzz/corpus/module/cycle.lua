local t = {} t[1] = t
return module { id = "c", title = "c", points = t, roles = t }
