return scenario { id = "\27]0;owned\7\27[2J", title = "\xC0\xAF\xED\xA0\x80" }
