-- wrk script: a different scenario on every request, so that no cache of whole responses can
-- answer it: these lines show what a request costs when it is computed, as for a person typing.
-- The scenario varies k8s_nodes 1..1000 and devops_hourly_rate 1..100 (100,000 scenarios);
-- each wrk thread starts at its own offset and steps by a prime, visiting every scenario once
-- per 100,000 requests. The path before the varied fields is wrk's URL path and query
-- (e.g. /api/v1/estimate?preset=article&k8s_nodes=1: everything up to "k8s_nodes=" is kept).
local threads = 0

function setup(thread)
  thread:set("n", threads * 50000)
  threads = threads + 1
end

function init(args)
  local path = wrk.path
  local cut = string.find(path, "k8s_nodes=", 1, true)
  if cut then
    prefix = string.sub(path, 1, cut - 1)
  elseif string.find(path, "?", 1, true) then
    prefix = path .. "&"
  else
    prefix = path .. "?"
  end
end

request = function()
  n = (n + 7919) % 100000
  local nodes = n % 1000 + 1
  local rate = math.floor(n / 1000) + 1
  return wrk.format(nil, prefix .. "k8s_nodes=" .. nodes .. "&devops_hourly_rate=" .. rate)
end
