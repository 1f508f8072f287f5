#!/usr/bin/env bash
# Similarity kernels against numpy/OpenBLAS (Debian python3-numpy) and FAISS (python3-faiss), interleaved round by
# round on the same sentence-like data, each timed step under /tmp/similarity-bench.lock; prints the ratios.
#   scripts/bench-similarity.sh [--rounds R] [--rows N] [--dim D] [--cluster-rows M] [--no-communities] [--previous "dotnet OLD/simctl.dll"]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3 rows=20000 dim=384 cluster_rows=50000 communities=1 previous=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --dim) dim="$2"; shift 2 ;;
    --cluster-rows) cluster_rows="$2"; shift 2 ;;
    --no-communities) communities=0; shift ;;
    --previous) previous="$2"; shift 2 ;;
    *) echo "bench-similarity.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

python=/usr/bin/python3
missing=()
"$python" -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
"$python" -c 'import faiss' 2>/dev/null || missing+=(python3-faiss)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]} from Debian" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

dotnet build src/Client/Cli -c Release -v quiet -nologo >/dev/null
simctl="dotnet src/Client/Cli/bin/Release/net10.0/simctl.dll"
data="$(mktemp -d /tmp/bench-similarity.XXXXXX)"
trap 'rm -rf "$data"' EXIT

"$python" scripts/bench-similarity.py data --rows "$rows" --dim "$dim" --seed 1 --out "$data/embeddings.npy"
args=(--simctl "$simctl" --embeddings "$data/embeddings.npy" --rounds "$rounds")
if [[ -n $previous ]]; then args+=(--previous "$previous"); fi
if [[ $communities == 1 ]]; then
  "$python" scripts/bench-similarity.py data --rows "$cluster_rows" --dim "$dim" --seed 2 --out "$data/communities.npy"
  args+=(--communities "$data/communities.npy")
fi
"$python" scripts/bench-similarity.py run "${args[@]}"
