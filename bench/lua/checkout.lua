-- wrk script: each wrk thread holds one connection and one learner, and
-- alternates POST /v1/cart/items (a resource) with POST /v1/orders (a new
-- Idempotency-Key each time), so every second request is a real checkout.
-- Reads tokens.txt and resource.txt from the directory in $BENCH_DATA. The
-- keys name the run (the second it started), so a second run with the same
-- learners checks out anew instead of being answered the stored first orders.
-- What comes next is decided by the last answer, not by counting request()
-- calls: wrk calls request() once more on the first thread to check the
-- script, which made that learner's first request a checkout of an empty cart.
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local dir = os.getenv("BENCH_DATA")
  local tokens = {}
  for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
  for line in io.lines(dir .. "/resource.txt") do resource = line end
  token = tokens[(id - 1) % #tokens + 1]
  step = 0
  run = os.time()
  sent_order = true -- as if a checkout had just been answered: the first request fills the cart
  next_order = false
end

function request()
  step = step + 1
  sent_order = next_order
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if not sent_order then
    return wrk.format("POST", "/v1/cart/items", headers,
                      '{"item_type":"resource","item_id":"' .. resource .. '"}')
  end
  headers["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. step
  return wrk.format("POST", "/v1/orders", headers, "{}")
end

function response(status, headers, body)
  next_order = not sent_order
end
