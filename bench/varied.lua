-- wrk script: the JSON estimate over 100,000 different scenarios (k8s_nodes 1..1000 times
-- devops_hourly_rate 1..100), so that no cache of whole responses can answer most requests:
-- this line shows what an estimate costs when it is computed. Each wrk thread starts at its
-- own offset and steps by a prime, visiting every scenario once per 100,000 requests.
local threads = 0

function setup(thread)
  thread:set("n", threads * 50000)
  threads = threads + 1
end

request = function()
  n = (n + 7919) % 100000
  local nodes = n % 1000 + 1
  local rate = math.floor(n / 1000) + 1
  return wrk.format(
    "GET", "/api/v1/estimate?preset=article&k8s_nodes=" .. nodes .. "&devops_hourly_rate=" .. rate
  )
end
