#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --servers
dotnet test Distributed.sln -c Release "$@"
