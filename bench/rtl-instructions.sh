#!/usr/bin/env bash
# Instructions per RTL tick, counted by valgrind (callgrind) instead of timed: the count does not
# move with the machine's load, so an RTL change worth a few percent shows as a few percent even
# where timings vary by more than that from run to run (docs/performance.md).
#
# usage: bench/rtl-instructions.sh [rtl-tick arguments...]   e.g.  small   or   small --rtl DIR
# Runs `Lpu.Bench rtl-tick ARGS --runs 1` under callgrind twice, for 2,000 and 4,000 timed cycles,
# counting only inside the tick calls; the difference over the extra 2,000 ticks is the steady-state
# count per tick, without the program load's ticks.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "rtl-instructions: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
[ $# -gt 0 ] || set -- small

dotnet build bench/Lpu.Bench -c Release --nologo -v quiet >/dev/null
bench=bench/Lpu.Bench/bin/Release/net10.0/Lpu.Bench.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet "$bench" rtl-tick "$@" --cycles 100 >/dev/null   # builds (or finds) the model outside valgrind
count() {
  local label=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$label" --toggle-collect='lpu_sim_tick*' \
    dotnet "$bench" rtl-tick "$@" >"$work/log.$label" 2>&1 || { cat "$work/log.$label" >&2; exit 1; }
  sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$work/log.$label"
}
short=$(count 2000 "$@" --runs 1 --cycles 2000)
long=$(count 4000 "$@" --runs 1 --cycles 4000)
echo "rtl-tick $*: $(( (long - short) / 2000 )) instructions per tick (callgrind, tick calls only)"
