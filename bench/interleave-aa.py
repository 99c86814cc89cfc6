# Request-level interleaving against 1 s blocks, A/A (bench/interleave-aa.sh): one client alternates requests between
# two app containers (random order per pair of requests) and takes each 1 s window's ln(median B / median A).
import http.client, math, random, statistics, sys, time
a_host, b_host, seconds, mode = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
path = "/api/v1/reminders?user_id=7"
conns = {"A": http.client.HTTPConnection(a_host, 8080), "B": http.client.HTTPConnection(b_host, 8080)}
def one(side):
    c = conns[side]; t = time.perf_counter_ns(); c.request("GET", path); r = c.getresponse(); r.read()
    return (time.perf_counter_ns() - t) / 1000
windows = []
end = time.monotonic() + seconds
rnd = random.Random(42)
while time.monotonic() < end:
    lat = {"A": [], "B": []}
    if mode == "interleave":
        w_end = time.monotonic() + 1.0
        while time.monotonic() < w_end:
            order = ["A", "B"] if rnd.random() < 0.5 else ["B", "A"]
            for s in order: lat[s].append(one(s))
    else:  # blocks: one 1 s trial of each, random order
        for s in (["A", "B"] if rnd.random() < 0.5 else ["B", "A"]):
            t_end = time.monotonic() + 1.0
            while time.monotonic() < t_end: lat[s].append(one(s))
    windows.append(math.log(statistics.median(lat["B"]) / statistics.median(lat["A"])))
m = statistics.mean(windows); sd = statistics.stdev(windows)
print(f"{mode}: windows {len(windows)} mean {100*m:+.2f} % window sd {100*sd:.2f} % se {100*sd/math.sqrt(len(windows)):.2f} %")
