#!/usr/bin/env bash
# The main job, end to end: set up, build, print the default preset's datasheet, generate its
# Verilog, co-simulate the example programs on the RTL against the golden model, and run a GEMM.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-small}"
scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build hdl-gen -c Release --nologo -v quiet
hdl_gen() { dotnet hdl-gen/bin/Release/net10.0/hdl-gen.dll "$@"; }

echo "== datasheet of '$preset'"
hdl_gen datasheet --preset "$preset"

echo "== Verilog of '$preset'"
out="out/$preset"
hdl_gen generate --preset "$preset" --out "$out"
ls "$out"

echo "== lockstep co-simulation, RTL vs golden model"
for program in sim/programs/vector_ops.s sim/programs/requant.s; do
  hdl_gen cosim --preset "$preset" "$program" --vcd "out/$(basename "$program" .s).divergence.vcd"
done

echo "== GEMM 24x40x20 from .npy files, checked against the reference math"
hdl_gen gemm --preset "$preset" --a sim/programs/gemm_a.npy --b sim/programs/gemm_b.npy --out out/gemm_c.npy
