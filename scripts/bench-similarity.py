#!/usr/bin/python3
"""Similarity kernels against numpy/OpenBLAS and FAISS, interleaved in one run (driven by bench-similarity.sh).

Subcommands: `data` writes sentence-like unit vectors; `gemm`, `search`, `score`, `communities` are the baselines (each
prints one JSON line); `run` interleaves baselines and simctl round after round, each timed step under the shared
benchmark lock, and prints the ratios.
"""
import argparse, fcntl, json, os, statistics, subprocess, sys, time

LOCK = "/tmp/similarity-bench.lock"


def load_numpy():
    import numpy as np
    return np


def cmd_data(a):
    """Unit vectors shaped like sentence embeddings: a shared direction (anisotropy), topics of uneven popularity whose
    members sit near cosine 0.8 of each other, looser rows, and near-paraphrases of earlier rows."""
    np = load_numpy()
    rng = np.random.default_rng(a.seed)
    d, n = a.dim, a.rows
    unit = lambda x: x / np.linalg.norm(x, axis=-1, keepdims=True)
    shared = unit(rng.standard_normal(d))
    topics = unit(rng.standard_normal((max(1, n // 20), d)))
    popularity = 1.0 / np.arange(1, len(topics) + 1) ** 0.7
    topic = rng.choice(len(topics), size=n, p=popularity / popularity.sum())
    spread = rng.uniform(0.35, 0.9, size=(n, 1))
    rows = 0.4 * shared + 0.8 * topics[topic] + spread * unit(rng.standard_normal((n, d)))
    copies = rng.random(n) < 0.1
    source = (rng.random(n) * np.arange(n)).astype(np.int64)
    rows[copies] = rows[source[copies]] + 0.05 * unit(rng.standard_normal((copies.sum(), d)))
    np.save(a.out, unit(rows).astype(np.float32))


def best_of(repeats, run):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cmd_gemm(a):
    """All-pairs cosine as numpy does it: normalise, then X_block @ X.T in 2048-row blocks (OpenBLAS sgemm)."""
    np = load_numpy()
    x = np.load(a.embeddings)
    out = np.empty((min(2048, len(x)), len(x)), np.float32)

    def run():
        u = x / np.linalg.norm(x, axis=1, keepdims=True)
        for s in range(0, len(u), 2048):
            b = u[s:s + 2048]
            np.matmul(b, u.T, out=out[:len(b)])

    seconds = best_of(a.repeats, run)
    print(json.dumps({"gflops": 2.0 * len(x) * len(x) * x.shape[1] / seconds / 1e9, "seconds": seconds,
                      "coretype": os.environ.get("OPENBLAS_CORETYPE", "auto")}))


def cmd_search(a):
    """Top-k cosine search of the first `queries` rows against all rows: FAISS IndexFlatIP on unit rows, 2 threads."""
    np = load_numpy()
    import faiss
    faiss.omp_set_num_threads(a.threads)
    x = np.load(a.embeddings)
    u = x / np.linalg.norm(x, axis=1, keepdims=True)
    q = np.ascontiguousarray(u[:a.queries])
    index = faiss.IndexFlatIP(u.shape[1])
    index.add(u)
    seconds = best_of(a.repeats, lambda: index.search(q, a.top_k))
    print(json.dumps({"queries_per_second": len(q) / seconds, "faiss": faiss.__version__}))


def cmd_score(a):
    """The whole `simctl score --metric cosine` job in numpy: load, normalise, matmul, np.save."""
    np = load_numpy()
    left, right = np.load(a.a), np.load(a.b)
    left = left / np.linalg.norm(left, axis=1, keepdims=True)
    right = right / np.linalg.norm(right, axis=1, keepdims=True)
    with open(a.output, "wb") as f:
        np.save(f, left @ right.T)


def cmd_communities(a):
    """sentence-transformers' util.community_detection, ported to numpy (1024-row batches, partial sorts for top-k)."""
    np = load_numpy()
    x = np.load(a.embeddings)
    u = x / np.linalg.norm(x, axis=1, keepdims=True)
    n, min_size = len(u), min(a.min_size, len(u))
    sort_max = min(max(2 * min_size, 50), n)
    found = []
    for start in range(0, n, 1024):
        scores = u[start:start + 1024] @ u.T
        kth = -np.partition(-scores, min_size - 1, axis=1)[:, min_size - 1]
        for i in np.nonzero(kth >= a.threshold)[0]:
            row = scores[i]
            while True:
                top = np.argpartition(-row, sort_max - 1)[:sort_max]
                top = top[np.argsort(-row[top], kind="stable")]
                if row[top[-1]] > a.threshold and sort_max < n:
                    sort_max = min(2 * sort_max, n)
                    continue
                break
            found.append(top[row[top] >= a.threshold].tolist())
    found.sort(key=len, reverse=True)
    taken, unique = set(), []
    for community in found:
        rest = [m for m in community if m not in taken]
        if len(rest) >= min_size:
            taken.update(rest)
            unique.append(rest)
    unique.sort(key=len, reverse=True)
    with open(a.output, "w") as f:
        for c in unique:
            f.write(json.dumps({"centre": c[0], "members": c}) + "\n")
    print(json.dumps({"communities": len(unique)}))


def locked(command, env=None):
    """Runs a command under the shared benchmark lock; returns (seconds of the whole command, its stdout)."""
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        start = time.perf_counter()
        done = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True)
        return time.perf_counter() - start, done.stdout


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def cmd_run(a):
    me = [sys.executable, os.path.abspath(__file__)]
    simctl = a.simctl.split()
    haswell = dict(os.environ, OPENBLAS_CORETYPE="Haswell")
    try:
        import faiss  # noqa: F401
        have_faiss = True
    except ImportError:
        have_faiss = False
    rows = []
    for r in range(1, a.rounds + 1):
        print(f"round {r}/{a.rounds}: load average {load_average()}", flush=True)
        row = {}
        blas = [json.loads(locked(me + ["gemm", a.embeddings])[1])["gflops"],
                json.loads(locked(me + ["gemm", a.embeddings], env=haswell)[1])["gflops"]]
        bench = json.loads(locked(simctl + ["bench", "similarity", "--embeddings", a.embeddings, "--queries", str(a.queries),
                                            "--top-k", "10", "--naive-seconds", "0.3", "--json"])[1])
        if a.previous:
            before = json.loads(locked(a.previous.split() + ["bench", "similarity", "--n", str(bench["n"]), "--dim", str(bench["dim"]),
                                                          "--queries", str(a.queries), "--top-k", "10", "--naive-seconds", "0.3", "--json"])[1])
            row["vs_previous"] = bench["allPairsCosine"]["kernelGflops"] / before["allPairsCosine"]["kernelGflops"]
            row["previous_gflops"] = before["allPairsCosine"]["kernelGflops"]
        row["allpairs"] = bench["allPairsCosine"]["kernelGflops"] / max(blas)
        row["blas_gflops"], row["kernel_gflops"] = max(blas), bench["allPairsCosine"]["kernelGflops"]
        row["blas_auto"], row["blas_haswell"] = blas
        if have_faiss:
            faiss_qps = json.loads(locked(me + ["search", a.embeddings, "--queries", str(a.queries)])[1])["queries_per_second"]
            row["search"] = bench["topKSearch"]["kernelQueriesPerSecond"] / faiss_qps
            row["faiss_qps"], row["kernel_qps"] = faiss_qps, bench["topKSearch"]["kernelQueriesPerSecond"]
        numpy_score, _ = locked(me + ["score", a.embeddings, a.embeddings, a.score_output])
        simctl_score, _ = locked(simctl + ["score", "--a", a.embeddings, "--b", a.embeddings, "--metric", "cosine", "-o", a.score_output])
        row["score"], row["numpy_score_s"], row["simctl_score_s"] = numpy_score / simctl_score, numpy_score, simctl_score
        if a.communities:
            numpy_cd, out = locked(me + ["communities", a.communities, "--output", os.devnull])
            simctl_cd, _ = locked(simctl + ["cluster", "--embeddings", a.communities, "--threshold", "0.75", "--min-size", "10", "-o", os.devnull])
            row["communities"], row["numpy_cd_s"], row["simctl_cd_s"] = numpy_cd / simctl_cd, numpy_cd, simctl_cd
            row["numpy_communities"] = json.loads(out)["communities"]
        print("  " + json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}), flush=True)
        rows.append(row)
    print(f"\nsimilarity vs numpy/OpenBLAS and FAISS, {a.rounds} interleaved rounds ({time.strftime('%Y-%m-%d')}, "
          f"load average now {load_average()}); ratio > 1 means simctl is faster:")
    names = {"allpairs": "all-pairs cosine kernel vs best OpenBLAS sgemm (auto / Haswell core)",
             "score": "simctl score (whole command) vs numpy normalise + matmul + np.save",
             "search": "top-10 search vs FAISS IndexFlatIP (2 threads)",
             "communities": "community detection (whole command) vs numpy port of sentence-transformers'",
             "vs_previous": "all-pairs cosine kernel vs the --previous build (its bench on random data of the same shape)"}
    for key, name in names.items():
        values = [row[key] for row in rows if key in row]
        if values:
            print(f"  {name}: {min(values):.2f}-{max(values):.2f}x (median {statistics.median(values):.2f}x)")
    if not have_faiss:
        print("  top-10 search: skipped, python3-faiss is not installed")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("data"); s.add_argument("--rows", type=int, default=20000); s.add_argument("--dim", type=int, default=384)
    s.add_argument("--seed", type=int, default=1); s.add_argument("--out", required=True); s.set_defaults(run=cmd_data)
    s = sub.add_parser("gemm"); s.add_argument("embeddings"); s.add_argument("--repeats", type=int, default=3); s.set_defaults(run=cmd_gemm)
    s = sub.add_parser("search"); s.add_argument("embeddings"); s.add_argument("--queries", type=int, default=1000)
    s.add_argument("--top-k", type=int, default=10); s.add_argument("--threads", type=int, default=2)
    s.add_argument("--repeats", type=int, default=3); s.set_defaults(run=cmd_search)
    s = sub.add_parser("score"); s.add_argument("a"); s.add_argument("b"); s.add_argument("output"); s.set_defaults(run=cmd_score)
    s = sub.add_parser("communities"); s.add_argument("embeddings"); s.add_argument("--threshold", type=float, default=0.75)
    s.add_argument("--min-size", type=int, default=10); s.add_argument("--output", required=True); s.set_defaults(run=cmd_communities)
    s = sub.add_parser("run"); s.add_argument("--simctl", required=True); s.add_argument("--embeddings", required=True)
    s.add_argument("--communities"); s.add_argument("--queries", type=int, default=1000); s.add_argument("--rounds", type=int, default=3)
    s.add_argument("--score-output", default=os.devnull)
    s.add_argument("--previous", help="command line of an earlier simctl build to compare the kernel with"); s.set_defaults(run=cmd_run)
    a = p.parse_args()
    a.run(a)


if __name__ == "__main__":
    main()
