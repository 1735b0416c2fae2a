#!/usr/bin/env python3
"""Creates customers through the edge at a steady rate: bench/steady.py URL KEY COUNT RATE TAG.

Four keep-alive connections; request i starts at i / RATE seconds (no faster), so the platform is
measured below saturation. Prints the achieved rate.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, key, count, rate, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
u = urllib.parse.urlparse(url)
start = time.monotonic()
lock = threading.Lock()
next_i = [0]
errors = [0]


def worker():
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    while True:
        with lock:
            i = next_i[0]
            next_i[0] += 1
        if i >= count:
            return
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        body = json.dumps({"email": "bench-%s-%d@example.com" % (tag, i)})
        conn.request("POST", "/v1/customers", body, {"X-Api-Key": key, "Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            errors[0] += 1


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print("%d requests in %.1f s (%.1f/s), %d errors" % (count, elapsed, count / elapsed, errors[0]))
