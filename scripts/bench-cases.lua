-- wrk script for scripts/bench-cases.sh: GET a path, with {id} replaced by a random case id read
-- from a file; at the end, one line with the 50th and 95th percentile latency (ms), the rate and
-- the number of failed requests (non-2xx answers included).
local ids = {}
local path

init = function(args)
  path = args[1]
  if args[2] then
    for line in io.lines(args[2]) do ids[#ids + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local p = path
  if #ids > 0 then p = string.gsub(p, "{id}", ids[math.random(#ids)]) end
  return wrk.format("GET", p)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.0f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), e.status + e.connect + e.read + e.write + e.timeout))
end
