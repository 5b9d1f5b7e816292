local t = {} t[1] = t t.x = t
return scenario { id = "cyc", beats = t, endings = t }
