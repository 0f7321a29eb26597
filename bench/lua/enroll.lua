-- wrk script: POST /v1/enrollments, each request a new (learner, course)
-- pair, so every request enrolls for real instead of answering 409.
-- Reads tokens.txt and courses.txt from the directory in $BENCH_DATA.
local dir = os.getenv("BENCH_DATA")
local tokens, courses = {}, {}
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/courses.txt") do courses[#courses + 1] = line end
local n = 0

request = function()
  local user = n % #tokens
  local course = math.floor(n / #tokens) % #courses
  n = n + 1
  return wrk.format("POST", "/v1/enrollments", {
    ["Authorization"] = "Bearer " .. tokens[user + 1],
    ["Content-Type"] = "application/json",
  }, '{"course_id":"' .. courses[course + 1] .. '"}')
end
