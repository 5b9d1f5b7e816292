return module { id = "\27[2J", title = "\xff\xfe", audience = ("x"):rep(100000) }
