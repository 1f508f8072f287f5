#!/usr/bin/env bash
# The main job on the embedded default (one process, no servers).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SHARED="${SIMILARITY_SHARED:-$(cd .. && pwd)/shared}"
dotnet build src/Client/Cli -c Release -v quiet -nologo >/dev/null
exec dotnet src/Client/Cli/bin/Release/net10.0/simctl.dll --help
