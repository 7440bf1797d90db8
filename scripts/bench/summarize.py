#!/usr/bin/env python3
"""Summarise backend_bench.sh logs: per model/config/threads, the per-run medians, their median, and peak RSS."""
import glob
import os
import re
import statistics
import sys
from collections import defaultdict

out = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
runs = defaultdict(list)
rss = defaultdict(list)
cpu = defaultdict(list)
for path in sorted(glob.glob(os.path.join(out, "*.log"))):
    m = re.match(r"(dcgan\d+)-(\w+)-t(\d+)-r(\d+)\.log", os.path.basename(path))
    if not m:
        continue
    key = (m.group(1), m.group(2), int(m.group(3)))
    text = open(path, errors="replace").read()
    # torch_dcgan.py prints "RESULT ... median X s/step", bench-step "dcgan-28 median of N: X s/step".
    r = re.search(r"(?:RESULT .*? median|median of \d+:) ([0-9.]+) s/step", text)
    k = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if r:
        runs[key].append(float(r.group(1)))
    c = re.search(r"cpu median ([0-9.]+) s/step", text)
    if c:
        cpu[key].append(float(c.group(1)))
    if k:
        rss[key].append(int(k.group(1)) / 1024)
order = {"default": 0, "noshim": 1, "onednn": 2, "avx2": 3, "torch": 4}
print("| model | config | threads | runs (median s/step each) | median of runs | CPU s/step (median) | peak RSS MB (max) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for key in sorted(runs, key=lambda k: (k[0], k[2], order.get(k[1], 9))):
    v = runs[key]
    cs = "%.3f" % statistics.median(cpu[key]) if cpu[key] else "-"
    print("| %s | %s | %d | %s | %.3f | %s | %.0f |" % (key[0], key[1], key[2], " ".join("%.2f" % x for x in v),
                                                     statistics.median(v), cs, max(rss[key]) if rss[key] else float("nan")))
