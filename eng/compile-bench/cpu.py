#!/usr/bin/env python3
"""CPU time of whole builds (docs/performance.md, "What the generated code costs to compile"):
builds each project folder once per round, alternating, with `dotnet build --no-incremental -m:1`
(MSBuild in this process's child, the compiler its child), and prints the user + system CPU time
of each build: under load, steadier than CoreCompile's wall time."""
import resource, subprocess, sys, os, re
env = dict(os.environ, MSBUILDDISABLENODEREUSE="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
# usage: cpu.py ROUNDS LABEL=DIR [LABEL=DIR ...]   (DIR: a project folder run.sh wrote, e.g. WORK/with)
rounds = int(sys.argv[1])
projs = [tuple(a.split("=", 1)) for a in sys.argv[2:]]
res = {n: [] for n, _ in projs}
for r in range(rounds):
    line = []
    for name, d in projs:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(["dotnet", "build", d + "/Bench.csproj", "--no-incremental", "-nologo", "-v", "q", "-clp:PerformanceSummary", "-m:1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        m = re.search(r"Target Performance Summary.*?(\d+) ms\s+CoreCompile", out, re.S)
        cc = int(m.group(1)) if m else -1
        res[name].append((cpu, cc))
        line.append(f"{name}: CPU {cpu:.1f} s, CoreCompile {cc} ms")
    print(f"round {r+1}: " + " | ".join(line) + f" | load {open('/proc/loadavg').read().split()[:3]}", flush=True)
for name, _ in projs:
    print(name, "best CPU", min(c for c, _ in res[name]), "s; CPU each", [round(c, 1) for c, _ in res[name]])
