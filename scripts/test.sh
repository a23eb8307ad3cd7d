#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: setup, format check, build, tests, generated/ diff.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== format"
dotnet format Lpu.Hardware.sln --verify-no-changes --no-restore 2>/dev/null || {
  dotnet restore Lpu.Hardware.sln >/dev/null && dotnet format Lpu.Hardware.sln --verify-no-changes; }

echo "== build"
dotnet build Lpu.Hardware.sln -c Release -warnaserror --nologo -v quiet

echo "== generated/ is up to date"
scripts/regenerate.sh --check

echo "== tests"
log=$(mktemp)
status=0
dotnet test Lpu.Hardware.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
