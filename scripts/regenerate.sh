#!/usr/bin/env bash
# Regenerates generated/ for the named presets. With --check, fails if anything differs from git.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=(small medium)
for preset in "${presets[@]}"; do
  dotnet run --project hdl-gen -c Release --no-build -- generate --preset "$preset" --out "generated/$preset"
done
if [ "${1:-}" = "--check" ]; then
  git diff --exit-code --stat -- generated/ || { echo "generated/ differs from what hdl-gen emits: run scripts/regenerate.sh and review" >&2; exit 1; }
  untracked=$(git ls-files --others --exclude-standard -- generated/)
  [ -z "$untracked" ] || { echo "generated/ has files not in git: $untracked" >&2; exit 1; }
fi
