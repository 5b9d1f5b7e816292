-- plain_walk.lua: the yardstick for the random walk in make bench: plain Lua 5.4 walking a
-- table-driven graph of the same shape as a scenario (17 beats, 3-4 choices, endings), with
-- the same per-step arithmetic as the engine's update (band lookup, two tags' deltas, need
-- match, multipliers, clamping, m(A) time). Prints steps per second of CPU.
local BANDS = { 0, 20, 40, 60, 80 }
local TAGS = {
  { -2, -5, -6, -8, -4 }, { -3, -6, -6, -4, -2 }, { 3, 8, 10, 12, 12 }, { 4, 8, 10, 12, 12 },
  { -2, -3, -3, 3, 5 }, { -3, -4, -4, 2, 4 }, { 6, 10, 12, 15, 15 }, { -2, -6, -8, -3, 2 },
}
local nbeats = 17
local beats = {}
local seed = 7
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
for b = 1, nbeats do
  local choices = {}
  for c = 1, 3 + (b % 2) do
    local go = (b + c) % (nbeats + 3) + 1 -- beyond nbeats: an ending
    choices[c] = { tags = { rnd(#TAGS), rnd(#TAGS) }, go = go }
  end
  beats[b] = { choices = choices }
end
local function band(a) local k = 1 for i = 2, 5 do if a >= BANDS[i] then k = i end end return k end
local steps, t0 = 0, os.clock()
for path = 1, 200000 do
  local a, trust, clock, b, depth = 55, 30, 0, 1, 0
  while b <= nbeats and depth < 40 do
    local ch = beats[b].choices[rnd(#beats[b].choices)]
    local k = band(a)
    local d = TAGS[ch.tags[1]][k] + 0.5 * TAGS[ch.tags[2]][k]
    if d > 0 then d = d * 1.1 * 1.3 else d = d * (0.75 + 0.5 * trust / 100) end
    a = math.max(0, math.min(100, a + d))
    trust = math.max(0, math.min(100, trust + (d < 0 and 3 or -4)))
    local x = a / 100
    clock = clock + 1.25 * (1 + 4 * x * x)
    b = ch.go
    depth = depth + 1
    steps = steps + 1
  end
end
local t = os.clock() - t0
print(string.format("%.0f", steps / t))
