#!/usr/bin/env python3
"""The export of a long list of needs to .xlsx, as the drill-down page makes it, against a running app:

  python3 bench/export.py [--url http://localhost:8080] [--manager m-1] [--from 2026-06-01] [--to 2026-11-30]
                          [--community ""] [--admin benchadmin] [--admin-password Bench#Admin-2026]

Signs in through the login form as the manager, starts the export (POST /manager/exports/needs with the filter, as
export.js does), polls its progress every 0.3 s as the page does, downloads the file, and meanwhile reads the app's
heap in use (jvm.memory.used, area heap) from /actuator/metrics as the administrator every 0.2 s. Prints the rows,
the time to the 202-like answer, the progress states seen, the time to the file, its size and the highest heap
seen. Start the app with the heap the target allows (APP_JAVA_OPTS=-Xmx768m bench/start-app.sh ...): an export that
needed more would fail with OutOfMemoryError. Timings only, never asserted.
"""
import argparse
import base64
import datetime
import http.cookiejar
import json
import re
import threading
import time
import urllib.parse
import urllib.request

PASSWORD = "Bench-Loop-2026x"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8080")
    p.add_argument("--manager", default="m-1")
    today = datetime.date.today()
    p.add_argument("--from", dest="start", default=(today - datetime.timedelta(days=182)).isoformat())
    p.add_argument("--to", dest="end", default=today.isoformat())
    p.add_argument("--community", default="")
    p.add_argument("--admin", default="benchadmin")
    p.add_argument("--admin-password", default="Bench#Admin-2026")
    a = p.parse_args()

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(urllib.request.Request(a.url + "/login", headers={"Accept": "text/html"})).read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', html)
    data = urllib.parse.urlencode({"username": a.manager, "password": PASSWORD, "_csrf": csrf.group(1)}).encode()
    opener.open(urllib.request.Request(a.url + "/login", data=data, headers={"Accept": "text/html"})).read()
    query = urllib.parse.urlencode({"communityCode": a.community, "from": a.start, "to": a.end})
    page = opener.open(urllib.request.Request(a.url + "/manager/needs?" + query,
                                              headers={"Accept": "text/html", "Accept-Language": "zh-CN"})).read().decode()
    token = re.search(r'<meta name="_csrf" content="([^"]+)"', page).group(1)
    header = re.search(r'<meta name="_csrf_header" content="([^"]+)"', page).group(1)

    admin = {"Authorization": "Basic " + base64.b64encode(f"{a.admin}:{a.admin_password}".encode()).decode(),
             "Accept": "application/json"}
    heap = {"max": 0, "samples": 0}
    stop = threading.Event()

    def watch_heap():
        while not stop.is_set():
            try:
                body = urllib.request.urlopen(urllib.request.Request(
                    a.url + "/actuator/metrics/jvm.memory.used?tag=area:heap", headers=admin)).read()
                used = json.loads(body)["measurements"][0]["value"]
                heap["max"] = max(heap["max"], used)
                heap["samples"] += 1
            except Exception as e:  # noqa: BLE001 - a missed sample is reported by the count
                heap["error"] = str(e)
            time.sleep(0.2)

    watcher = threading.Thread(target=watch_heap, daemon=True)
    watcher.start()
    t0 = time.perf_counter()
    form = urllib.parse.urlencode({"communityCode": a.community, "from": a.start, "to": a.end}).encode()
    job = json.loads(opener.open(urllib.request.Request(a.url + "/manager/exports/needs", data=form, headers={
        "Accept": "application/json", header: token})).read())
    started = time.perf_counter() - t0
    states = []
    while True:
        job = json.loads(opener.open(urllib.request.Request(a.url + "/manager/exports/" + job["id"],
                                                            headers={"Accept": "application/json"})).read())
        states.append((round(time.perf_counter() - t0, 1), job.get("done"), job.get("total")))
        if job.get("failed"):
            raise SystemExit(f"the export failed: {job}")
        if job.get("finished"):
            break
        time.sleep(0.3)
    finished = time.perf_counter() - t0
    size = len(opener.open(urllib.request.Request(a.url + "/manager/exports/" + job["id"] + "/file")).read())
    downloaded = time.perf_counter() - t0
    stop.set()
    watcher.join()
    print(f"needs {a.start}..{a.end} {a.community or 'district'}: {job.get('total')} rows; started in {started:.2f} s; "
          f"finished after {finished:.1f} s; downloaded ({size / 1e6:.1f} MB) after {downloaded:.1f} s")
    print(f"progress states seen: {len(states)}; first {states[:3]}; last {states[-2:]}")
    print(f"highest heap in use: {heap['max'] / 2**20:.0f} MiB over {heap['samples']} samples"
          + (f" (last error: {heap['error']})" if "error" in heap else ""))


if __name__ == "__main__":
    main()
