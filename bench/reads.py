#!/usr/bin/env python3
"""Single reads of a generated district, one request at a time, warm: p50, p95 and max per read.

  python3 bench/reads.py [--url http://localhost:8080] [--warmup 3] [--times 20] [--community b001]
                         [--manager m-1] [--organization o-01] [--steward s-b001] [--only kpis,hall]

Each read is made --warmup times untimed, then --times times timed (wall clock of the whole response, body
read). The API is called with HTTP Basic as the load run does (every call runs the engine's password check);
pages with the session of the login form. Needs for /api/needs/{id} are closed ones with their history, a
different one each call (ids read from the needs list). Prints a Markdown table. Timings only, never asserted.
"""
import argparse
import base64
import datetime
import http.cookiejar
import json
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

PASSWORD = "Bench-Loop-2026x"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8080")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--times", type=int, default=20)
    p.add_argument("--community", default="b001")
    p.add_argument("--manager", default="m-1")
    p.add_argument("--organization", default="o-01")
    p.add_argument("--steward", default=None)
    p.add_argument("--only", default=None, help="comma-separated names of reads to make (substring match)")
    a = p.parse_args()
    steward = a.steward or "s-" + a.community
    today = datetime.date.today()
    day = lambda d: d.isoformat()

    def basic(user):
        return {"Authorization": "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode(),
                "Accept": "application/json", "Accept-Language": "zh-CN"}

    def get(path, headers=None, opener=None):
        req = urllib.request.Request(a.url + path, headers=headers or {})
        t0 = time.perf_counter()
        with (opener.open(req) if opener else urllib.request.urlopen(req)) as r:
            body = r.read()
            status = r.status
        ms = (time.perf_counter() - t0) * 1000
        if status != 200:
            raise RuntimeError(f"{path}: {status}")
        return ms, body

    def signed_in(user):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        html = opener.open(urllib.request.Request(a.url + "/login", headers={"Accept": "text/html"})).read().decode()
        csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', html)
        data = urllib.parse.urlencode({"username": user, "password": PASSWORD, "_csrf": csrf.group(1)}).encode()
        opener.open(urllib.request.Request(a.url + "/login", data=data, headers={"Accept": "text/html"})).read()
        return opener

    manager = basic(a.manager)
    _, body = get(f"/api/needs?communityCode={a.community}&status=CLOSED&size=200", manager)
    need_ids = [n["id"] for n in json.loads(body)["content"]] or [1]
    ids = iter(need_ids * (1 + (a.warmup + a.times) // max(1, len(need_ids))))
    org_pages = signed_in(a.organization)
    html = {"Accept": "text/html", "Accept-Language": "zh-CN"}

    reads = [
        ("GET /api/kpis, 30 days (district)", lambda: get("/api/kpis", manager)),
        ("GET /api/kpis, one year (district)",
         lambda: get(f"/api/kpis?from={day(today - datetime.timedelta(days=364))}&to={day(today)}", manager)),
        ("GET /api/kpis, five years (district)",
         lambda: get(f"/api/kpis?from={day(today.replace(year=today.year - 5) + datetime.timedelta(days=1))}"
                     f"&to={day(today)}", manager)),
        (f"GET /api/kpis, one year ({a.community})",
         lambda: get(f"/api/kpis?communityCode={a.community}&from={day(today - datetime.timedelta(days=364))}"
                     f"&to={day(today)}", manager)),
        ("GET /api/needs/{id} (closed, with its history)", lambda: get(f"/api/needs/{next(ids)}", manager)),
        (f"GET /api/needs?communityCode={a.community}&status=CLOSED&page=3",
         lambda: get(f"/api/needs?communityCode={a.community}&status=CLOSED&page=3", manager)),
        (f"GET /api/needs/pool?communityCode={a.community} ({steward})",
         lambda: get(f"/api/needs/pool?communityCode={a.community}", basic(steward))),
        (f"GET /api/projects ({a.organization})", lambda: get("/api/projects", basic(a.organization))),
        (f"GET /api/projects ({a.manager})", lambda: get("/api/projects", manager)),
        (f"page /hall ({a.organization})", lambda: get("/hall", html, org_pages)),
    ]
    only = a.only.split(",") if a.only else None
    print(f"{a.url}, {a.warmup} warm-up + {a.times} timed calls each, one at a time, "
          f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print()
    print("| read | p50 ms | p95 ms | max ms | bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, call in reads:
        if only and not any(o in name for o in only):
            continue
        try:
            for _ in range(a.warmup):
                call()
            times, size = [], 0
            for _ in range(a.times):
                ms, body = call()
                times.append(ms)
                size = len(body)
        except Exception as e:  # a read that fails is reported, the others are still measured
            print(f"| {name} | failed: {e} | | | |")
            continue
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"| {name} | {statistics.median(times):,.0f} | {p95:,.0f} | {times[-1]:,.0f} | {size:,} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
