#!/usr/bin/env bash
# Installs what the engine needs on a fresh Debian machine with the .NET 10 SDK. Idempotent.
#   scripts/setup.sh            the ONNX Runtime native library (into the cache folder)
#   scripts/setup.sh --servers  also PostgreSQL and Chromium from Debian (for cluster and HTML report tests)
set -euo pipefail

ORT_VERSION=1.30.0
CACHE_ROOT="${SIMILARITY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/similarity}"
ORT_DIR="$CACHE_ROOT/onnxruntime/$ORT_VERSION"
ORT_LIB="$ORT_DIR/libonnxruntime.so.1"

install_onnxruntime() {
  if [[ -f "$ORT_LIB" ]]; then
    return
  fi
  command -v npm >/dev/null || { echo "setup: npm is needed to fetch onnxruntime-node@$ORT_VERSION (apt-get install npm)" >&2; exit 1; }
  echo "setup: fetching ONNX Runtime $ORT_VERSION (onnxruntime-node npm package) into $ORT_DIR" >&2
  local work
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  (cd "$work" && npm pack --silent "onnxruntime-node@$ORT_VERSION" >/dev/null)
  tar -xzf "$work"/onnxruntime-node-"$ORT_VERSION".tgz -C "$work" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
  mkdir -p "$ORT_DIR"
  install -m 0644 "$work/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$ORT_LIB.tmp"
  mv "$ORT_LIB.tmp" "$ORT_LIB"
}

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

install_onnxruntime
if [[ "${1:-}" == "--servers" ]]; then
  install_servers
fi
