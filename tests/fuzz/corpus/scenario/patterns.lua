return ("a"):rep(5000):find((".?"):rep(5000))
