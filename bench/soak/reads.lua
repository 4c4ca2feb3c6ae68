-- bench/soak.sh: public reads in turn, each with the status it must answer (the bad ones a 4xx problem). Run
-- with -c equal to -t: the answer a connection receives is then always to the read made last.
local reads = {
  {200, "/api/countries/FR"}, {200, "/api/countries?q=kor"}, {200, "/api/relations/US/FR"},
  {200, "/api/relations/CU/KR?asOf=2000-01-01"}, {200, "/api/relations?country=US"},
  {200, "/api/relations?country=FR&asOf=1970-01-01"}, {200, "/api/relations/US/FR/timeline"},
  {200, "/api/relations/US/FR/timeline?page=1&size=5"}, {200, "/api/meetings?country=CU"},
  {200, "/api/missions?country=FR"}, {200, "/api/milestones?status=OVERDUE"},
  {200, "/api/observations?country=US&year=1900"}, {200, "/api/observations/summary?country=US"},
  {200, "/api/relations?country=US", "text/csv"}, {200, "/api/diplomats?country=FR&q=soak"},
  {404, "/api/countries/ZZ"}, {400, "/api/relations/US/US"}, {400, "/api/relations?asOf=yesterday"},
  {400, "/api/missions?status=BOGUS"}, {404, "/api/nothing/here"}, {400, "/api/relations/US/FR/timeline?page=-1"},
  {400, "/api/meetings?from=2024-13-01"},
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
local i, current = 0, nil
unexpected, fivexx = 0, 0
function request()
  i = i % #reads + 1
  current = reads[i]
  local headers = reads[i][3] and {["Accept"] = reads[i][3]} or {}
  return wrk.format("GET", reads[i][2], headers)
end
function response(status, headers, body)
  local read = current
  if status >= 500 then fivexx = fivexx + 1 end
  if status ~= read[1] then
    unexpected = unexpected + 1
    if unexpected <= 5 then io.stderr:write(read[2] .. ": " .. status .. " " .. body:sub(1, 200) .. "\n") end
  end
end
function done(summary, latency, requests)
  local u, f = 0, 0
  for _, t in ipairs(threads) do u = u + t:get("unexpected"); f = f + t:get("fivexx") end
  io.write(string.format("reads: %d requests, %d answered other than expected, %d with a 5xx\n",
    summary.requests, u, f))
end
