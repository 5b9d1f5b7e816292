return load(string.dump(function() end))()
