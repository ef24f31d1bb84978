-- wrk script of scripts/bench_database: every request a new comment on one paragraph, through
-- the public endpoint as the app's JavaScript sends it. Counts the comments the server
-- acknowledged (a 200 whose body is the receipt) apart from everything else.
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    slug, anchor, origin = args[1], args[2], args[3]
    acked, other, n = 0, 0, 0
end

function request()
    n = n + 1
    local body = "form%5Bconsultation%5D=" .. slug .. "&form%5Bblock%5D=" .. anchor ..
        "&form%5Bbody%5D=Reactie+" .. id .. "-" .. n .. "+onder+belasting&form%5Bname%5D=&form%5Borganisation%5D=&form%5Bemail%5D="
    return wrk.format("POST", "/api/reageer", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Accept"] = "application/json",
        ["Origin"] = origin,
    }, body)
end

function response(status, headers, body)
    if status == 200 and string.find(body, '"Done"', 1, true) then
        acked = acked + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local a, o = 0, 0
    for _, t in ipairs(threads) do
        a = a + t:get("acked")
        o = o + t:get("other")
    end
    local e = summary.errors
    io.write(string.format("RESULT acked=%d other=%d socket=%d seconds=%.2f p50=%.2f p99=%.2f\n",
        a, o, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
