-- Kontor's staff workload for wrk (docs/benchmarks/harness.md). One script for every operation:
--   wrk -t2 -c16 -d10s -s bench/wrk/kontor.lua http://127.0.0.1:PORT -- <inputs.properties> <operation>
-- <operation> is card, search, sales, activity, booking, issue, pdf, dashboard or mixed.
-- The inputs file (written by the harness) gives the token and the ids each operation uses.
-- Each wrk thread has its own Lua state; setup() numbers them so that writes that must not
-- collide (a booking's day, a draft to issue) are split between the threads.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local function lines(path)
   local t = {}
   local f = assert(io.open(path, "r"), "cannot read " .. path)
   for line in f:lines() do
      if #line > 0 then t[#t + 1] = line end
   end
   f:close()
   return t
end

local function properties(path)
   local t = {}
   for _, line in ipairs(lines(path)) do
      local k, v = line:match("^([%w%.%-]+)=(.*)$")
      if k then t[k] = v end
   end
   return t
end

local inputs, operation, auth, json
local first_company, last_company
local searches, sale_companies, drafts, pdfs, placements
local booking_sale, dashboard, thread_count, first_day
local booked, issued = 0, 0
local mix = {}

function init(args)
   inputs = properties(args[1])
   operation = args[2]
   auth = "Bearer " .. inputs["token"]
   json = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
   first_company = tonumber(inputs["companies.first"])
   last_company = tonumber(inputs["companies.last"])
   searches = lines(inputs["searches"])
   sale_companies = lines(inputs["sale-companies"])
   drafts = lines(inputs["drafts"])
   pdfs = lines(inputs["pdfs"])
   placements = lines(inputs["placements"])
   booking_sale = inputs["booking.sale"]
   dashboard = inputs["dashboard"]
   thread_count = tonumber(inputs["threads"])
   first_day = tonumber(inputs["booking.first-day-epoch"])
   -- the mixed staff workload, per thousand requests: a seller's day, mostly reading cards and searching;
   -- a dashboard (a second or two of reports) is looked at now and then, not between every card
   local weights = { card = 400, search = 200, sales = 100, activity = 150, booking = 50, issue = 30, pdf = 68, dashboard = 2 }
   for name, weight in pairs(weights) do
      for _ = 1, weight do mix[#mix + 1] = name end
   end
   math.randomseed(os.time() + (tid or 0) * 7919)
end

local function get(path)
   return wrk.format("GET", path, { ["Authorization"] = auth })
end

local function post(path, body)
   return wrk.format("POST", path, json, body)
end

local build = {}

function build.card()
   return get("/api/v1/companies/" .. math.random(first_company, last_company))
end

function build.search()
   return get(searches[math.random(#searches)])
end

function build.sales()
   return get("/api/v1/companies/" .. sale_companies[math.random(#sale_companies)] .. "/sales?limit=20")
end

function build.activity()
   return post("/api/v1/companies/" .. math.random(first_company, last_company) .. "/activities",
      '{"kind":"PHONE_CALL","direction":"OUTBOUND","subject":"Oppfølging fra benken","text":"Ringte om høstkampanjen."}')
end

-- each thread books its own placements, one day after another: no two requests ask for the same day
function build.booking()
   local per_thread = math.floor(#placements / thread_count)
   local n = booked
   booked = booked + 1
   local placement = placements[tid * per_thread + (n % per_thread) + 1]
   local day = os.date("!%Y-%m-%d", first_day + math.floor(n / per_thread) * 86400)
   return post("/api/v1/bookings", '{"saleId":' .. booking_sale .. ',"placementId":' .. placement
      .. ',"firstDay":"' .. day .. '","lastDay":"' .. day .. '"}')
end

-- each thread issues its own share of the drafts, every thread_count-th one
function build.issue()
   local draft = drafts[tid + issued * thread_count + 1]
   if draft == nil then
      error("out of drafts after " .. issued .. " issues in thread " .. tid)
   end
   issued = issued + 1
   return post("/api/v1/invoices/" .. draft .. "/issue", "")
end

function build.pdf()
   return get("/api/v1/invoices/" .. pdfs[math.random(#pdfs)] .. "/pdf")
end

function build.dashboard()
   return get("/api/v1/dashboards/" .. dashboard .. "/figures")
end

function request()
   local op = operation
   if op == "mixed" then op = mix[math.random(#mix)] end
   return build[op]()
end

-- statuses of 400 and above, counted per code, and the first such answer's body, for the report
local refused = {}
local first_refusal = nil

function response(status, headers, body)
   if status >= 400 then
      refused[status] = (refused[status] or 0) + 1
      if first_refusal == nil then first_refusal = status .. " " .. string.sub(body or "", 1, 300) end
      local parts = {}
      for code, n in pairs(refused) do parts[#parts + 1] = code .. "x" .. n end
      wrk.thread:set("refused", table.concat(parts, " "))
      wrk.thread:set("first_refusal", first_refusal)
   end
end

function done(summary, latency, requests)
   for _, thread in ipairs(threads) do
      local r = thread:get("refused")
      if r then io.write("REFUSED thread " .. thread:get("tid") .. ": " .. r .. "; first: " .. thread:get("first_refusal") .. "\n") end
   end
   local e = summary.errors
   io.write(string.format(
      'HARNESS {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,'
      .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
      summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
