-- bench/soak.sh: a write cycle per connection (run with -c equal to -t): two diplomats created, one read and
-- renamed, a meeting of the two created, read and deleted, then both diplomats deleted. SOAK_AUTH is the
-- Authorization header of an EDITOR.
local auth = os.getenv("SOAK_AUTH")
local expected = {201, 201, 200, 200, 201, 200, 204, 204, 204}
local threads = {}
function setup(thread) table.insert(threads, thread) end
local step, n, first, second, meeting = 0, 0, nil, nil, nil
unexpected, fivexx, cycles = 0, 0, 0
local function json(method, path, body)
  return wrk.format(method, path, {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end
function request()
  if step == 0 then
    n = n + 1
    return json("POST", "/api/diplomats", '{"name":"Soak Envoy ' .. n .. '","country":"FR","title":"Envoy"}')
  elseif step == 1 then
    return json("POST", "/api/diplomats", '{"name":"Soak Minister ' .. n .. '","country":"DE","title":"Minister"}')
  elseif step == 2 then return json("GET", "/api/diplomats/" .. first)
  elseif step == 3 then
    return json("PUT", "/api/diplomats/" .. first,
      '{"name":"Soak Envoy ' .. n .. ', renamed","country":"FR","title":"Envoy"}')
  elseif step == 4 then
    return json("POST", "/api/meetings", '{"date":"2024-05-22","city":"Paris","country":"FR","title":"Soak '
      .. n .. '","participants":[{"diplomatId":' .. first .. '},{"diplomatId":' .. second .. '}]}')
  elseif step == 5 then return json("GET", "/api/meetings/" .. meeting)
  elseif step == 6 then return json("DELETE", "/api/meetings/" .. meeting)
  elseif step == 7 then return json("DELETE", "/api/diplomats/" .. first)
  else return json("DELETE", "/api/diplomats/" .. second) end
end
function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
  if status ~= expected[step + 1] then
    unexpected = unexpected + 1
    if unexpected <= 5 then io.stderr:write("step " .. step .. ": " .. status .. " " .. body:sub(1, 200) .. "\n") end
    step = 0
    return
  end
  if step == 0 then first = body:match('"id":(%d+)') end
  if step == 1 then second = body:match('"id":(%d+)') end
  if step == 4 then meeting = body:match('"id":(%d+)') end
  step = (step + 1) % #expected
  if step == 0 then cycles = cycles + 1 end
end
function done(summary, latency, requests)
  local u, f, c = 0, 0, 0
  for _, t in ipairs(threads) do u = u + t:get("unexpected"); f = f + t:get("fivexx"); c = c + t:get("cycles") end
  io.write(string.format("writes: %d requests, %d cycles completed, %d answered other than expected, %d with a 5xx\n",
    summary.requests, c, u, f))
end
