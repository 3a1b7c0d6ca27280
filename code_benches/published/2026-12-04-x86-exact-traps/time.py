"""Interleaved before/after runs of the guard-pages -O2 executables in /tmp/bench.

Per run: user+sys CPU seconds of the child (os.wait4) and wall seconds. Checks that
before and after print the same output. Writes /tmp/bench/times.json.
"""
import json, os, subprocess, sys, time
reps = int(sys.argv[1])
names = sys.argv[2:]
res = {n: {"before": [], "after": [], "wall_before": [], "wall_after": []} for n in names}
first = {}
for r in range(reps):
    for n in names:
        order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
        for v in order:
            t0 = time.monotonic()
            p = subprocess.Popen([f"/tmp/bench/{n}.{v}"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            so = p.stdout.read()
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.monotonic() - t0
            res[n][v].append(ru.ru_utime + ru.ru_stime)
            res[n]["wall_" + v].append(wall)
            if first.setdefault(n, so) != so or status != 0:
                print(f"MISMATCH {n} {v} status {status}", flush=True)
        print(r, n, res[n]["before"][-1], res[n]["after"][-1], flush=True)
        json.dump(res, open("/tmp/bench/times.json", "w"), indent=1)
