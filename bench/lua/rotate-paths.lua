-- wrk script: each request takes the next path from the file named by the
-- BENCH_PATHS environment variable (one path per line), so a load spreads over
-- many courses or queries instead of hitting one cached row. Each wrk thread
-- starts at a different line.
local paths = {}
local next_index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  next_index = math.random(#paths)
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
