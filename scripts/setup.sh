#!/usr/bin/env bash
# Installs what the engine needs on a fresh Debian machine with the .NET 10 SDK. Idempotent.
# ONNX Runtime needs nothing here: the build restores it from NuGet (Microsoft.ML.OnnxRuntime, or with
# -p:OnnxRuntimeFlavour=gpu Microsoft.ML.OnnxRuntime.Gpu.Linux), and `simctl model fetch` restores models the same way.
#   scripts/setup.sh --servers  PostgreSQL and Chromium from Debian (for cluster and HTML report tests)
set -euo pipefail

install_servers() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  if ((${#missing[@]})); then
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "setup: installing ${missing[*]} from Debian" >&2
    $sudo apt-get update -qq
    # Install without starting the distribution's own service instances; tests start their own on loopback.
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    $sudo rm -f /usr/sbin/policy-rc.d
  fi
}

if [[ "${1:-}" == "--servers" ]]; then
  install_servers
fi
