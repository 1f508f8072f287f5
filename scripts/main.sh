#!/usr/bin/env bash
# The main job on the embedded default (one process, no servers): evaluate a sentence-transformers
# model on the STS benchmark's dev split and print the report table.
#   scripts/main.sh [MODEL_DIR] [SUITE] [SPLIT]
# Until the project ships a default model, MODEL_DIR defaults to a tiny fixture model from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SHARED="${SIMILARITY_SHARED:-$(cd .. && pwd)/shared}"
MODEL="${1:-$SHARED/fixtures/models/bert-mean}"
SUITE="${2:-stsb}"
SPLIT="${3:-dev}"
dotnet build src/Client/Cli -c Release -v quiet -nologo >/dev/null
mkdir -p artifacts
exec dotnet src/Client/Cli/bin/Release/net10.0/simctl.dll eval \
  --model "$MODEL" --suite "$SUITE" --data "$SHARED/data" --split "$SPLIT" \
  --output "artifacts/$SUITE-$SPLIT.json"
