#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: setup, format check, build, generated/ freshness,
# every test. Every stage runs even when an earlier one failed, so one run reports all problems.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || exit 2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
failed=()

echo "== build"
dotnet build Lpu.Hardware.sln -c Release -warnaserror --nologo -v quiet || { echo "build failed" >&2; exit 1; }

echo "== format"
dotnet format Lpu.Hardware.sln --verify-no-changes --no-restore || failed+=("format (run: dotnet format Lpu.Hardware.sln)")

echo "== generated/ is up to date"
scripts/regenerate.sh --check || failed+=("generated/ (run: scripts/regenerate.sh)")

echo "== tests"
log=$(mktemp)
dotnet test Lpu.Hardware.sln -c Release --no-build --nologo 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || failed+=("tests")
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failures=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failures failed, $skipped skipped"

if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
