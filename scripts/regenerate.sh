#!/usr/bin/env bash
# Regenerates generated/ for the named presets and the ice40 FPGA build. With --check, fails if anything differs from git.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=(small medium)
for preset in "${presets[@]}"; do
  dotnet run --project hdl-gen -c Release --no-build -- generate --preset "$preset" --out "generated/$preset"
done
# The iCE40 build: lpu_fpga_top with the UART host link; the board's pin and clock constraints go to constraints/.
dotnet run --project hdl-gen -c Release --no-build -- generate --preset ice40 --fpga ice40-hx8k-breakout --out generated/ice40 \
  --constraints constraints/ice40-hx8k-breakout
if [ "${1:-}" = "--check" ]; then
  git diff --exit-code --stat -- generated/ constraints/ || { echo "generated/ or constraints/ differs from what hdl-gen emits: run scripts/regenerate.sh and review" >&2; exit 1; }
  untracked=$(git ls-files --others --exclude-standard -- generated/ constraints/)
  [ -z "$untracked" ] || { echo "generated/ or constraints/ has files not in git: $untracked" >&2; exit 1; }
fi
