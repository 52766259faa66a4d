#!/usr/bin/env python3
"""Where a build's extra compile time goes (docs/performance.md, "What the generated code costs to
compile"): after `run.sh` has built the benchmark's two projects, times the `csc` command of the
project with AgentGen (a new csc process per run, as this machine builds) with parts taken away:

  without            the project without AgentGen's generator and analyzers (the same sources)
  with               the whole command: AgentGen's generator and analyzers run
  generated-as-code  no AgentGen; the generated files compiled as ordinary sources instead
  agent-classes      no AgentGen; only the agent classes, AgentTool and AgentCatalog as sources
  message-records    no AgentGen; only the message record files as sources

each also with every analyzer and generator removed (the SDK's too: "-bare"), so what the compiler
spends on the code itself shows apart from the analyzers. Variants alternate, RUNS rounds; the
best of each is printed.

usage: eng/compile-bench/decompose.py [RUNS=3] [WORK=/tmp/agentgen-compile-bench] [variant ...]
"""
import glob
import os
import shlex
import shutil
import subprocess
import sys
import time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/agentgen-compile-bench"
only = sys.argv[3:]
project = os.path.join(work, "with")

# The csc command line of one build, from a detailed log (MSBuild prints it at -v:d).
log = os.path.join(work, "decompose-build.log")
with open(log, "w") as f:
    subprocess.run(["dotnet", "build", os.path.join(project, "Bench.csproj"), "--no-incremental", "-nologo", "-v:d"],
                   stdout=f, stderr=subprocess.STDOUT, check=True)
line = next(l.strip() for l in open(log) if "/Roslyn/bincore/csc " in l and "/out:obj/" in l)
command = shlex.split(line)

generated_dir = os.path.join(work, "decompose-generated")
shutil.rmtree(generated_dir, ignore_errors=True)
shutil.copytree(os.path.join(project, "obj", "Generated", "AgentGen", "AgentGen.Generator.AgentGenerator"), generated_dir)
generated = sorted(glob.glob(os.path.join(generated_dir, "*.cs")))
project_wide = [g for g in generated if os.path.basename(g) in ("AgentTool.g.cs", "AgentCatalog.g.cs")]
agents = [g for g in generated if g.endswith("Agent.g.cs")] + project_wide
records = [g for g in generated if g not in agents]

agentgen = ("/analyzer:../lib/AgentGen.dll", "/analyzer:../lib/YamlDotNet.dll")
base = [a for a in command if a != "/reportanalyzer" and not a.startswith("/generatedfilesout")]
without = [a for a in base if a not in agentgen]
variants = {
    "without": without,
    "with": base,
    "generated-as-code": without + generated,
    "agent-classes": without + agents,
    "message-records": without + records,
}
for name in list(variants):
    variants[name + "-bare"] = [a for a in variants[name] if not a.startswith("/analyzer:")]
selected = only or list(variants)

times = {name: [] for name in selected}
for _ in range(runs):
    for name in selected:
        start = time.perf_counter()
        result = subprocess.run(variants[name], cwd=project, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{name} failed:\n{result.stdout[-3000:]}")
        times[name].append(elapsed)

print(f"{len(agents) - len(project_wide)} agent classes, {len(records)} message record files; best of {runs}, new csc per run")
for name in selected:
    print(f"{name:24} best {min(times[name]):5.2f} s   all {' '.join(f'{t:.2f}' for t in times[name])}")
print("load average", open("/proc/loadavg").read().split()[:3])
