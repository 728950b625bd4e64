#!/usr/bin/env python3
"""Issue 14's benchmark: the tool against ripgrep in git work trees, and one
file with many call sites against the raw parse of that file; issue 11's:
the project model on a generated monorepo (bench/gen-scale.py monorepo,
made in CORPUS/monorepo when missing) and on the dense tree, against the
raw parse and --no-follow, and a pre-commit run whose builders are in
files not given.

Called by bench/run.sh (or by hand, after bench/make-corpus.sh):

  scale.py --tool BIN --raw PSM_RAW_PARSE --rg RG --corpus DIR --work DIR
           [--baseline OLD_BIN] [--runs 9] [--strace]

Trees (cwd = the tree, path `.`, as a user runs them): sparse-git and
modules-git (git work trees, see make-corpus.sh) and sparse (no git, the
second row). Commands of one tree alternate within each round, in an order
that rotates every round, after one untimed warm-up round; medians and
min-max of RUNS rounds. Wall time around the process; peak RSS and CPU from
/usr/bin/time. With --strace, one `strace -c -f` run of each command counts
its system calls. The one-file cases are made by bench/gen-scale.py.
Writes a markdown report to stdout and WORK/scale-results.md.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv, cwd, ok=(0, 1)):
    tf = os.path.join(ARGS.work, "time.txt")
    t0 = time.perf_counter()
    rc = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + argv, cwd=cwd,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - t0
    if rc not in ok:
        sys.exit("scale.py: %s exited %d in %s" % (" ".join(argv), rc, cwd))
    tv = open(tf).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", tv))
    return wall, cpu, rss / 1024.0


def rounds(cmds, cwd, runs, prepare=None):
    """cmds: list of (label, argv). Returns {label: (walls, cpus, rss)}."""
    res = {label: ([], [], []) for label, _ in cmds}
    for r in range(runs + 1):
        k = r % len(cmds)
        for label, argv in cmds[k:] + cmds[:k]:
            if prepare:
                prepare(label)
            w, c, m = run(argv, cwd)
            if r > 0:  # round 0 warms the page cache
                for lst, v in zip(res[label], (w, c, m)):
                    lst.append(v)
    return res


def med(xs):
    return statistics.median(xs)


def strace_counts(argv, cwd):
    out = os.path.join(ARGS.work, "strace.txt")
    subprocess.run(["strace", "-c", "-f", "-o", out] + argv, cwd=cwd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = {}
    for line in open(out):
        f = line.split()
        if len(f) >= 5 and f[0][0].isdigit() and not line.startswith("100.00"):
            calls = int(f[3])
            errors = int(f[4]) if len(f) == 6 else 0
            counts[f[-1]] = (calls, errors)
    return counts


def fmt_calls(counts):
    total = sum(c for c, _ in counts.values())
    keys = ["openat", "newfstatat", "statx", "getdents64", "read", "futex", "mmap", "mprotect"]
    parts = []
    for k in keys:
        if k in counts:
            c, e = counts[k]
            parts.append("%s %d%s" % (k, c, " (%d failing)" % e if e else ""))
    return "%d: %s" % (total, ", ".join(parts))


def tree_table(name, out):
    cwd = os.path.join(ARGS.corpus, name)
    if not os.path.isdir(cwd):
        out.append("(%s missing: run bench/make-corpus.sh)\n" % name)
        return
    j = ["-j", str(ARGS.jobs)]
    cmds = [("payment-session-migrate --check", [ARGS.tool, "--check", "-q"] + j + ["."]),
            ("payment-session-migrate --diff", [ARGS.tool, "--diff", "-q"] + j + ["."]),
            ("payment-session-migrate --check -j 1", [ARGS.tool, "--check", "-q", "-j", "1", "."]),
            ("rg -l createSource", [ARGS.rg, "-l"] + j + ["createSource", "."])]
    if ARGS.baseline:
        cmds.append(("before: --check (main)", [ARGS.baseline, "--check", "-q"] + j + ["."]))
        cmds.append(("before: --check -j 1 (main)", [ARGS.baseline, "--check", "-q", "-j", "1", "."]))
    res = rounds(cmds, cwd, ARGS.runs)
    rg = med(res["rg -l createSource"][0])
    git = "git work tree" if os.path.isdir(os.path.join(cwd, ".git")) else "no git"
    out.append("**%s** (%s), median of %d alternating rounds, -j %d unless said:\n" % (name, git, ARGS.runs, ARGS.jobs))
    out.append("| command | wall s | min–max s | CPU s | peak RSS MB | vs rg |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for label, _ in cmds:
        w, c, m = res[label]
        out.append("| %s | %.3f | %.3f–%.3f | %.3f | %.0f | %.2f× |" % (
            label, med(w), min(w), max(w), med(c), max(m), med(w) / rg))
    out.append("")
    RESULTS[name] = {label: med(res[label][0]) for label, _ in cmds}
    if ARGS.strace:
        out.append("System calls (`strace -c -f`, one run):\n")
        out.append("| command | calls: by kind |")
        out.append("|---|---|")
        for label, argv in cmds:
            if "-j 1" in label:
                continue
            out.append("| %s | %s |" % (label, fmt_calls(strace_counts(argv, cwd))))
        out.append("")


def scale_project():
    """The generated files' own git work tree, outside any other project:
    a file given alone is judged with its project (a global `dr` is looked
    for in the project's other scripts), and under the build directory that
    project was this repository, whose fixtures define createSource clients
    (2.1x the instructions for the 8,000 sites). One row keeps that case."""
    d = os.path.join(tempfile.gettempdir(), "psm-scale-files")
    os.makedirs(d, exist_ok=True)
    if not os.path.isdir(os.path.join(d, ".git")):
        subprocess.run(["git", "init", "-q", d], check=True)
        with open(os.path.join(d, ".gitignore"), "w") as f:
            f.write("node_modules/\n*.log\n")
    return d


def file_table(out):
    d = scale_project()
    gen = os.path.join(HERE, "gen-scale.py")
    for kind, n in (("sites", 8000), ("writes", 4000), ("sites", 50000),
                    ("bundle", 4000), ("globals", 8000)):
        f = os.path.join(d, "%s-%d.js" % (kind, n))
        if not os.path.exists(f):
            subprocess.run([sys.executable, gen, kind, str(n), f], check=True)
    in_repo = os.path.join(ARGS.work, "scale-files")
    os.makedirs(in_repo, exist_ok=True)
    shutil.copyfile(os.path.join(d, "sites-8000.js"), os.path.join(in_repo, "sites-8000.js"))
    big = ["--max-file-size", "100000000"]
    cmds = [("8,000 one-line sites, --check", [ARGS.tool, "--check", "-q", "sites-8000.js"]),
            ("raw parse of that file", [ARGS.raw, "-j", "1", "sites-8000.js"]),
            ("4,000 writes + 4,000 assignments, --check", [ARGS.tool, "--check", "-q", "writes-4000.js"]),
            ("50,000 sites (6.9 MB), --write", [ARGS.tool, "--write", "-q"] + big + ["w-50000.js"]),
            ("raw parse of that file", [ARGS.raw, "-j", "1"] + big + ["sites-50000.js"]),
            # Quadratic until 2026-12-03 (a bundle of 4,000: 58 s; 8,000
            # globals: 7.7 s): short names reused in every module, and many
            # names each searched for in the whole file.
            ("bundle of 4,000 wrapped sites on one line, --check",
             [ARGS.tool, "--check", "-q", "--include-minified", "bundle-4000.js"]),
            ("raw parse of that file", [ARGS.raw, "-j", "1", "bundle-4000.js"]),
            ("8,000 top-level payload variables, --check",
             [ARGS.tool, "--check", "-q", "globals-8000.js"]),
            ("raw parse of that file", [ARGS.raw, "-j", "1", "globals-8000.js"]),
            ("8,000 sites in a file of this repository's work tree, --check",
             [ARGS.tool, "--check", "-q", os.path.join(in_repo, "sites-8000.js")])]
    if ARGS.baseline:
        cmds.append(("before: 8,000 sites, --check (main)", [ARGS.baseline, "--check", "-q", "sites-8000.js"]))

    def prepare(label):  # --write changes its file: a fresh copy each time
        if "--write" in label:
            shutil.copyfile(os.path.join(d, "sites-50000.js"), os.path.join(d, "w-50000.js"))

    cmds = [(("%d. " % i) + label, argv) for i, (label, argv) in enumerate(cmds)]
    res = rounds(cmds, d, ARGS.runs, prepare)
    # Each tool row against the raw parse of the same input (the row after).
    raw_of = {0: 1, 3: 4, 5: 6, 7: 8, 9: 1}
    out.append("**One file, many sites** (-j 1 for the raw parse; median of %d):\n" % ARGS.runs)
    out.append("| case | wall s | min–max s | CPU s | peak RSS MB | ÷ raw parse: wall | CPU | peak RSS |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for i, (label, _) in enumerate(cmds):
        w, c, m = res[label]
        ratio = "| | |"
        if i in raw_of:
            rw, rc, rm = res[cmds[raw_of[i]][0]]
            ratio = "%.2f× | %.2f× | %.2f× |" % (med(w) / med(rw), med(c) / med(rc), max(m) / max(rm))
        out.append("| %s | %.3f | %.3f–%.3f | %.3f | %.0f | %s" % (
            label.split(". ", 1)[1], med(w), min(w), max(w), med(c), max(m), ratio))
    out.append("")


def precommit(argv, cwd, runs):
    """Median wall ms of `runs` fresh processes."""
    ms = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ms.append((time.perf_counter() - t0) * 1000)
    return med(ms), min(ms)


def project_table(out):
    """Issue 11: the project model's cost. A generated monorepo (builders in
    other modules and a workspace package) against the raw parse, each tree
    with and without --no-follow, and the pre-commit case."""
    mono = os.path.join(ARGS.corpus, "monorepo")
    if not os.path.isdir(mono):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-scale.py"), "monorepo",
                        "1200", "400", mono], check=True)
    j = ["-j", str(ARGS.jobs)]
    sid = ["--session-id", "checkout.payment.session.id"]
    for tree in ("monorepo", "dense"):
        cwd = os.path.join(ARGS.corpus, tree)
        if not os.path.isdir(cwd):
            continue
        cmds = [("payment-session-migrate --check", [ARGS.tool, "--check", "-q"] + j + sid + ["."]),
                ("payment-session-migrate --check --no-follow",
                 [ARGS.tool, "--check", "-q", "--no-follow"] + j + sid + ["."]),
                ("raw tree-sitter parse", [ARGS.raw] + j + ["."])]
        res = rounds(cmds, cwd, ARGS.runs)
        raw = res["raw tree-sitter parse"]
        nofollow = res["payment-session-migrate --check --no-follow"]
        out.append("**%s**: the project model's cost, median of %d alternating rounds, -j %d:\n"
                   % (tree, ARGS.runs, ARGS.jobs))
        out.append("| command | wall s | min–max s | CPU s | peak RSS MB | ÷ raw parse (wall / CPU) | ÷ --no-follow (wall / CPU) |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        for label, _ in cmds:
            w, c, m = res[label]
            out.append("| %s | %.3f | %.3f–%.3f | %.3f | %.0f | %.2f× / %.2f× | %.2f× / %.2f× |" % (
                label, med(w), min(w), max(w), med(c), max(m), med(w) / med(raw[0]),
                med(c) / med(raw[1]), med(w) / med(nofollow[0]), med(c) / med(nofollow[1])))
        out.append("")
    # Pre-commit: 5 callers given as files, their builders in modules not given.
    files = ["apps/shop/src/checkout/d00/c0.js", "legacy/lib/d00/c1.js",
             "packages/web/src/d00/pay2.js", "apps/shop/src/checkout/d01/c3.js",
             "legacy/lib/d01/c4.js"]
    runs = ARGS.precommit_runs
    variants = (("--check", []), ("--check --no-follow", ["--no-follow"]))
    for _, extra in variants:  # warm-up: page cache
        precommit([ARGS.tool, "--check", "-q"] + extra + sid + files, mono, 1)
    rows = [(label, precommit([ARGS.tool, "--check", "-q"] + extra + sid + files, mono, runs))
            for label, extra in variants]
    out.append("**Pre-commit in the monorepo**: 5 callers as arguments (`%s`), their builders in other "
               "modules and a workspace package, not given; %d fresh processes each, default -j:\n"
               % ("`, `".join(files), runs))
    out.append("| command | median ms | min ms |")
    out.append("|---|---:|---:|")
    for label, (m, lo) in rows:
        out.append("| payment-session-migrate %s | %.1f | %.1f |" % (label, m, lo))
    out.append("")


def precommit_in_git_table(out):
    """The pre-commit case where users meet it: five new merchant files in a
    git work tree of 13,000 files (sparse-git). Their payloads kept in
    top-level variables of classic scripts are globals that other scripts
    of a page may read, so the project model reads the work tree for uses
    of their names; --no-follow shows the rest."""
    tree = os.path.join(ARGS.corpus, "sparse-git")
    dense = os.path.join(ARGS.corpus, "dense")
    if not (os.path.isdir(os.path.join(tree, ".git")) and os.path.isdir(dense)):
        return
    merchant = []
    for top, dirs, names in os.walk(dense):
        dirs.sort()
        merchant += [os.path.join(top, n) for n in sorted(names) if n.endswith(".js")]
    picks = [merchant[i * len(merchant) // 5] for i in range(5)]
    staged = os.path.join(tree, "zz-precommit")
    os.makedirs(staged, exist_ok=True)
    files = []
    try:
        for k, src in enumerate(picks):
            dst = os.path.join(staged, "c%d-%s" % (k, os.path.basename(src)))
            shutil.copyfile(src, dst)
            files.append(os.path.relpath(dst, tree))
        sid = ["--session-id", "checkout.payment.session.id"]
        variants = (("--check", []), ("--check --no-follow", ["--no-follow"]))
        for _, extra in variants:  # warm-up: page cache
            precommit([ARGS.tool, "--check", "-q"] + extra + sid + files, tree, 1)
        rows = [(label, precommit([ARGS.tool, "--check", "-q"] + extra + sid + files, tree,
                                  ARGS.precommit_runs)) for label, extra in variants]
    finally:
        shutil.rmtree(staged)
    out.append("**Pre-commit in a git work tree**: 5 merchant files of the dense tree (`%s`) copied "
               "into the sparse-git tree (13,000 files), as arguments; %d fresh processes each, default -j:\n"
               % ("`, `".join(os.path.relpath(p, ARGS.corpus) for p in picks), ARGS.precommit_runs))
    out.append("| command | median ms | min ms |")
    out.append("|---|---:|---:|")
    for label, (m, lo) in rows:
        out.append("| payment-session-migrate %s | %.1f | %.1f |" % (label, m, lo))
    out.append("")


def main():
    global ARGS, RESULTS
    p = argparse.ArgumentParser()
    for a in ("--tool", "--raw", "--rg", "--corpus", "--work"):
        p.add_argument(a, required=True)
    p.add_argument("--baseline")
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--strace", action="store_true")
    p.add_argument("--trees", default="sparse-git,modules-git,sparse")
    p.add_argument("--no-files", action="store_true")
    p.add_argument("--no-project", action="store_true")
    p.add_argument("--precommit-runs", type=int, default=30)
    ARGS = p.parse_args()
    RESULTS = {}
    os.makedirs(ARGS.work, exist_ok=True)
    out = ["### Issue 14: git work trees and one file with many sites", ""]
    with open("/proc/loadavg") as f:
        out.append("Load average before: %s" % " ".join(f.read().split()[:3]))
    out.append("")
    for tree in filter(None, ARGS.trees.split(",")):
        tree_table(tree, out)
    if not ARGS.no_files:
        file_table(out)
    if not ARGS.no_project:
        project_table(out)
        precommit_in_git_table(out)
    with open("/proc/loadavg") as f:
        out.append("Load average after: %s" % " ".join(f.read().split()[:3]))
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(ARGS.work, "scale-results.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
