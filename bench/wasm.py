#!/usr/bin/env python3
"""The WebAssembly build beside the native one (docs/performance.md,
"WebAssembly build"): whole dense and sparse trees with --check, and the
5-file pre-commit case, each as a merchant runs it through the npm launcher
(npx) and, for reference, the native binary run directly.

Usage: bench/wasm.py --project DIR --corpus DIR [--runs N]
  DIR (project): where the packed tarballs are installed (node_modules/.bin/
  payment-session-migrate); corpus: bench/make-corpus.sh's output.
Medians of N runs (default 5; pre-commit: 10 x N), wall time.
"""
import argparse, os, statistics, subprocess, sys, time


def timed(cmd, cwd, env, runs):
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        rc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        walls.append(time.perf_counter() - start)
        if rc not in (0, 1):
            sys.exit("bench: %s exited %d" % (" ".join(cmd), rc))
    return statistics.median(walls)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    launcher = os.path.join(a.project, "node_modules/.bin/payment-session-migrate")
    native = os.path.join(a.project, "node_modules/@payment-session-migrate/"
                          "linux-x64-gnu/bin/payment-session-migrate")
    env_native = dict(os.environ, PAYMENT_SESSION_MIGRATE_WASM="0")
    env_wasm = dict(os.environ, PAYMENT_SESSION_MIGRATE_WASM="1")
    picks = sorted(os.path.relpath(os.path.join(d, f), a.corpus)
                   for d, _, fs in os.walk(os.path.join(a.corpus, "dense"))
                   for f in fs if f.startswith("merchant-"))[::400][:5]
    rows = []
    for tree in ("dense", "sparse"):
        cwd = os.path.join(a.corpus, tree)
        for name, cmd, env in (
                ("native binary -j 1", [native, "--check", "-j", "1", "."], env_native),
                ("native binary -j 2", [native, "--check", "-j", "2", "."], env_native),
                ("npx (native)", [launcher, "--check", "."], env_native),
                ("npx (WebAssembly, one thread)", [launcher, "--check", "."], env_wasm)):
            rows.append((tree, name, timed(cmd, cwd, env, a.runs)))
    for name, cmd, env in (
            ("native binary", [native, "--check"] + picks, env_native),
            ("npx (native)", [launcher, "--check"] + picks, env_native),
            ("npx (WebAssembly)", [launcher, "--check"] + picks, env_wasm)):
        rows.append(("pre-commit, 5 files", name, timed(cmd, a.corpus, env, a.runs * 10)))
    print("| case | command | median wall s |\n|---|---|---:|")
    for case, name, wall in rows:
        print("| %s | %s | %.3f |" % (case, name, wall))
    print("\nPre-commit files: " + ", ".join("`%s`" % p for p in picks))


if __name__ == "__main__":
    main()
