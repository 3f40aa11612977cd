#!/usr/bin/env bash
# Issue 8's serving benchmark (see RESULTS.md): predict through the local host under wrk, beside a constant-JSON Kestrel
# endpoint of the same answer size in the same process; the single-row p99 at half the measured load (fixed-rate
# generator); the 100-row batch beside plain ML.NET scoring with the champion's zip. Prints the machine's load before and
# after and, at the end, a RESULTS.md section ready to paste.
#   tests/MlopsServerless.Benchmarks/run-serving.sh [--duration 15] [--warm-up 5] [--rounds 3] [--rate N] [--quiet-patience 60]
# About 8 minutes with the defaults. Installs wrk (Debian package, as root) when it is missing. The process (local host,
# constant endpoint, plain ML.NET) runs with the workstation GC, as the Functions worker does on Azure (a Microsoft.NET.Sdk
# app); the local host started on its own (Microsoft.NET.Sdk.Web) gets the server GC: DOTNET_gcServer=1 measures that.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

source scripts/debian-package.sh
debian_package wrk "command -v wrk" "the serving benchmark's load generator"
command -v wrk >/dev/null 2>&1 || { echo "error: wrk is required: install your distribution's wrk package" >&2; exit 1; }
bash scripts/prerequisites.sh

echo "Building the benchmarks (Release)..."
dotnet build tests/MlopsServerless.Benchmarks --configuration Release --nologo --verbosity quiet -consoleLoggerParameters:ErrorsOnly

echo "uptime before: $(uptime)"
dotnet tests/MlopsServerless.Benchmarks/bin/Release/net10.0/MlopsServerless.Benchmarks.dll serving "$@"
echo "uptime after: $(uptime)"
