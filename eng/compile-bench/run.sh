#!/usr/bin/env bash
# Compile benchmark (docs/performance.md, "What the generated code costs to compile").
#
# Builds the generator and AgentGen.Abstractions of the repository REPO (default: this one) once,
# writes N agent files of realistic shape (make_agents.py), then times `CoreCompile` of two
# console projects holding the same Program.cs and the same agent files: one with AgentGen (the
# generator, analyzers and Abstractions as a user gets them from the package), one without it.
# Each project is built RUNS times with `dotnet build --no-incremental`, alternating; every run's
# CoreCompile time (from -clp:PerformanceSummary) is printed, then the best of each and their ratio,
# and the size of the generated C# (per agent class with and without its body literal).
#
# With SHARED=1 in the environment the builds use the compiler server (VBCSCompiler, what `dotnet
# build` uses by default; warm after the warm-up builds) instead of a new csc process per build
# (UseSharedCompilation=false, this machine's setting), so neither side pays for starting the
# compiler and JIT-compiling it, the SDK's analyzers and AgentGen's assemblies. The server gets a
# pipe name of its own and is stopped, by its process id, when the script ends.
#
# usage: [SHARED=1] eng/compile-bench/run.sh [N=200] [RUNS=5] [REPO=repo of this script] [WORK=/tmp/agentgen-compile-bench]
set -euo pipefail
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
HERE="$(cd "$(dirname "$0")" && pwd)"
N="${1:-200}"
RUNS="${2:-5}"
REPO="$(cd "${3:-$HERE/../..}" && pwd)"
WORK="${4:-/tmp/agentgen-compile-bench}"
rm -rf "$WORK"
mkdir -p "$WORK/lib" "$WORK/with" "$WORK/without"

dotnet build "$REPO/src/AgentGen/AgentGen.csproj" -c Release -v q -nologo >"$WORK/build-generator.log"
dotnet build "$REPO/src/AgentGen.Abstractions/AgentGen.Abstractions.csproj" -c Release -v q -nologo >"$WORK/build-abstractions.log"
cp "$REPO/src/AgentGen/bin/Release/netstandard2.0/AgentGen.dll" "$WORK/lib/"
cp "$REPO/src/AgentGen.Abstractions/bin/Release/net8.0/AgentGen.Abstractions.dll" "$WORK/lib/"
YAML="$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/yamldotnet/16.3.0/lib/netstandard2.0" -name YamlDotNet.dll | head -1)"
cp "$YAML" "$WORK/lib/"
cp "$REPO/src/AgentGen.Package/build/AgentGen.props" "$REPO/src/AgentGen.Package/build/AgentGen.targets" "$WORK/lib/"

for p in with without; do
  python3 "$HERE/make_agents.py" "$WORK/$p/.claude/agents" "$N"
  cat >"$WORK/$p/Program.cs" <<'CS'
System.Console.WriteLine("agents");
CS
done
# Directory.Build.* of the benchmark folder: none of the repository's settings apply.
echo '<Project />' >"$WORK/Directory.Build.props"
echo '<Project />' >"$WORK/Directory.Build.targets"
mkdir -p "$WORK/.git"   # the repository root AgentGen's props search up to

cat >"$WORK/without/Bench.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Bench</RootNamespace>
  </PropertyGroup>
</Project>
XML
cat >"$WORK/with/Bench.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="../lib/AgentGen.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Bench</RootNamespace>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>$(BaseIntermediateOutputPath)Generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="../lib/AgentGen.dll;../lib/YamlDotNet.dll" />
    <Reference Include="../lib/AgentGen.Abstractions.dll" />
  </ItemGroup>
  <Import Project="../lib/AgentGen.targets" />
</Project>
XML

SERVER=()
if [ "${SHARED:-0}" = 1 ]; then
  PIPE="agentgen-compile-bench-$$"
  SERVER=(-p:UseSharedCompilation=true "-p:SharedCompilationId=$PIPE")
  trap 'for pid in $(pgrep -f -- "-pipename:$PIPE" || true); do kill "$pid" 2>/dev/null || true; done' EXIT
  echo "compiler server: on (pipe $PIPE)"
else
  echo "compiler server: off (a new csc process per build)"
fi

corecompile() { # project dir -> CoreCompile ms of one --no-incremental build
  dotnet build "$1/Bench.csproj" --no-incremental -nologo -v q -clp:PerformanceSummary "${SERVER[@]}" >"$1/build.log" 2>&1 \
    || { echo "build of $1 failed:" >&2; tail -30 "$1/build.log" >&2; exit 1; }
  awk '/Target Performance Summary/ {t=1} t && $3 == "CoreCompile" {print $1; exit}' "$1/build.log"
}

dotnet restore "$WORK/with/Bench.csproj" -v q >/dev/null
dotnet restore "$WORK/without/Bench.csproj" -v q >/dev/null
corecompile "$WORK/without" >/dev/null   # warm the compiler server and the disk cache
corecompile "$WORK/with" >/dev/null
with=(); without=()
for r in $(seq 1 "$RUNS"); do
  a=$(corecompile "$WORK/without"); b=$(corecompile "$WORK/with")
  without+=("$a"); with+=("$b")
  echo "run $r: CoreCompile without AgentGen ${a} ms, with AgentGen ${b} ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
best() { printf '%s\n' "$@" | sort -n | head -1; }
bw=$(best "${without[@]}"); bg=$(best "${with[@]}")
echo "best of $RUNS: without ${bw} ms, with ${bg} ms, ratio $(python3 -c "print(f'{$bg/$bw:.2f}')")x"
python3 "$HERE/sizes.py" "$WORK/with/obj/Generated" "$N"
