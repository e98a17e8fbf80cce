-- wrk script: every connection is one person walking the self-check, again and again.
-- Run with as many threads as connections (-t50 -c50): wrk keeps one Lua state per thread,
-- so each thread holds one person's cookie, CSRF token and place in the questions.
-- Counts as a failure: any status other than 200/302/303, and any page where the walk
-- cannot go on (no token, no options). Prints walks completed and failures at the end.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local PREFER = { "16_or_older", "school", "dont_know" }

function init(args)
  cookie = nil
  method, path, body = "GET", "/zelftest", nil
  walks, failures, steps = 0, 0, 0
  last_failure = ""
end

local function fail(why)
  failures = failures + 1
  last_failure = why
  cookie = nil
  method, path, body = "GET", "/zelftest", nil
end

function request()
  local headers = { ["Accept-Language"] = "nl" }
  if cookie then headers["Cookie"] = cookie end
  if method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return wrk.format(method, path, headers, body)
end

local function header(headers, name)
  for key, value in pairs(headers) do
    if string.lower(key) == name then return value end
  end
  return nil
end

local function choose(page)
  local options, question = {}, nil
  for tag in page:gmatch("<input[^>]*>") do
    if tag:find('type="radio"', 1, true) then
      question = tag:match('name="([^"]+)"')
      table.insert(options, tag:match('value="([^"]+)"'))
    end
  end
  if not question then return nil end
  for _, wanted in ipairs(PREFER) do
    for _, value in ipairs(options) do
      if value == wanted then return question, value end
    end
  end
  return question, options[1]
end

function response(status, headers, page)
  steps = steps + 1
  local set_cookie = header(headers, "set-cookie")
  if set_cookie then cookie = set_cookie:match("^([^;]+)") end

  if status == 302 or status == 303 then
    local location = header(headers, "location")
    method, body = "GET", nil
    path = location:gsub("^https?://[^/]+", "")
    return
  end
  if status ~= 200 then
    return fail("status " .. status .. " on " .. path)
  end

  local token = page:match('name="csrf_token"[^>]*value="([^"]+)"')
  if path == "/zelftest" then
    method, body = "GET", nil
    path = page:match('href="(/zelftest/vraag/[^"]+)"[^>]*data%-action="start"')
    if not path then return fail("no start button") end
  elseif path:find("^/zelftest/vraag/") then
    local question, value = choose(page)
    if not (question and token) then return fail("no question on " .. path) end
    method, body = "POST", "csrf_token=" .. token .. "&" .. question .. "=" .. value
  elseif path:find("^/zelftest/controleren") then
    if not token then return fail("no token on check answers") end
    method, body = "POST", "csrf_token=" .. token
  elseif path:find("^/zelftest/uitslag") then
    -- Done: the next person starts afresh.
    walks = walks + 1
    cookie = nil
    method, path, body = "GET", "/zelftest", nil
  else
    return fail("unexpected page " .. path)
  end
end

function done(summary, latency, requests)
  local total_walks, total_failures, why = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_walks = total_walks + thread:get("walks")
    total_failures = total_failures + thread:get("failures")
    if thread:get("failures") > 0 then why = thread:get("last_failure") end
  end
  io.write(string.format("walks_completed %d\n", total_walks))
  io.write(string.format("walk_failures %d %s\n", total_failures, why))
end
