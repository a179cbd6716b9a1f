#!/usr/bin/env python3
"""Prints a Gatling run's figures per request as a Markdown table (count, KO, p50, p95, p99, max in ms):
   python3 bench/report-table.py [target/gatling/<run>]   (default: the newest run)"""
import glob
import os
import re
import sys

run = sys.argv[1] if len(sys.argv) > 1 else max(glob.glob("target/gatling/*/js/stats.js"), key=os.path.getmtime)[:-len("/js/stats.js")]
text = open(os.path.join(run, "js", "stats.js"), encoding="utf-8").read()
blocks = re.findall(r'"name": "([^"]*)",\s*"numberOfRequests": \{\s*"total": "(\d+)",\s*"ok": "(\d+)",\s*"ko": "(\d+)"\s*\},'
                    r'.*?"maxResponseTime": \{\s*"total": "([\d-]+)".*?"percentiles1": \{\s*"total": "([\d-]+)".*?'
                    r'"percentiles3": \{\s*"total": "([\d-]+)".*?"percentiles4": \{\s*"total": "([\d-]+)"', text, re.S)
print(f"Run: {run}/index.html\n")
print("| request | count | KO | p50 ms | p95 ms | p99 ms | max ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
seen = set()
rows = []
for name, total, ok, ko, mx, p50, p95, p99 in blocks:
    if name in seen:
        continue
    seen.add(name)
    rows.append((name, total, ko, p50, p95, p99, mx))
rows = [rows[0]] + sorted(rows[1:])
for r in rows:
    print("| " + " | ".join(r) + " |")
