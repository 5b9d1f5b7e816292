#!/usr/bin/env lua
return scenario { id = "x" }
