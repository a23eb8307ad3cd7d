#!/usr/bin/env bash
# Makes a fresh Debian machine ready: installs the open hardware tools the tests run for real.
# Idempotent and quick when everything is there. See docs/development.md.
set -euo pipefail

declare -A package_of=(
  [verilator]=verilator
  [iverilog]=iverilog
  [yosys]=yosys
  [nextpnr-ice40]=nextpnr-ice40
  [icepack]=fpga-icestorm
  [ccache]=ccache
)

missing=()
for tool in verilator iverilog yosys nextpnr-ice40 icepack ccache; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    sudo_cmd=sudo
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to apt-get install: ${missing[*]}" >&2; exit 2; }
  else
    sudo_cmd=
  fi
  if ! $sudo_cmd apt-get update -qq || \
     ! DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "setup: could not install ${missing[*]} with apt-get; install them by hand (Debian 12 package names)." >&2
    exit 2
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "setup: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 2; }
echo "setup: $(verilator --version | head -1); iverilog $(iverilog -V 2>&1 | head -1 | awk '{print $4}'); $(yosys -V | awk '{print $1, $2}'); dotnet $(dotnet --version)"
