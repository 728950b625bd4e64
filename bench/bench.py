#!/usr/bin/env python3
"""Times payment-session-migrate side by side with the alternatives.

Called by bench/run.sh, which builds the programs, the corpora and the peers
and passes their paths. Every command runs under `/usr/bin/time -v` (peak RSS,
CPU time) with its wall time taken around it; commands alternate within each
round (round 1: all commands, round 2: all commands, ...; each tree's
commands in an order that rotates by one every round), after one untimed
warm-up round, and the medians of RUNS rounds are reported. Writes the
markdown table to stdout and to WORK/results.md, raw numbers to
WORK/results.json.
"""

import argparse
import datetime
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

SESSION_ID = "checkout.payment.session.id"
# The targets.
T_SPARSE_VS_RG = 1.3
T_DENSE_VS_RAW = 1.3
T_DENSE_VS_JSCS = 20.0
T_SPARSE_VS_ASTGREP = 20.0
T_SPARSE_VS_JSCS = 500.0
T_PRECOMMIT_MS = 10.0
T_MODEL_PRECOMMIT_MS = 2.0  # what the project model may add to a pre-commit run
T_RSS_MB = 100.0


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def sh(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def first_line(argv):
    try:
        r = sh(argv)
        out = (r.stdout or r.stderr).strip().splitlines()
        return out[0].strip() if out else "?"
    except OSError:
        return "?"


class Cmd:
    def __init__(self, key, tree, label, argv, ok_codes=(0,), stdin=None, note=""):
        self.key, self.tree, self.label, self.argv = key, tree, label, argv
        self.ok_codes, self.stdin, self.note = ok_codes, stdin, note
        self.walls, self.cpus, self.rss = [], [], []
        self.extrapolate = 1.0  # wall scale factor (subset -> whole tree)
        self.files = self.bytes = 0


def cpu_busy(interval=0.25):
    """Fraction of all cores busy during `interval` (our own commands are not
    running then, so this is other processes' load)."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)  # idle + iowait, total
    i0, t0 = sample()
    time.sleep(interval)
    i1, t1 = sample()
    return 1.0 - (i1 - i0) / max(1, t1 - t0)


QUIET = {"max_wait": 5.0, "threshold": 0.25, "waited": 0.0, "noisy": 0, "runs": 0}


def wait_quiet():
    """Waits (up to QUIET max_wait s) until other processes leave the CPUs
    idle, so that the next command is timed on a quiet machine."""
    if QUIET["max_wait"] <= 0:
        return
    start = time.time()
    QUIET["runs"] += 1
    while cpu_busy() > QUIET["threshold"]:
        if time.time() - start > QUIET["max_wait"]:
            QUIET["noisy"] += 1
            break
    QUIET["waited"] += time.time() - start


def run_once(cmd, cwd, logdir, timed=True):
    if timed:
        wait_quiet()
    timefile = os.path.join(logdir, "time.txt")
    errfile = os.path.join(logdir, cmd.key + ".log")
    argv = ["/usr/bin/time", "-v", "-o", timefile] + cmd.argv
    stdin = open(cmd.stdin) if cmd.stdin else subprocess.DEVNULL
    with open(errfile, "w") as err:
        # jscodeshift's stdout is a short summary; keep it for the notes.
        out = err if cmd.key.startswith("jscodeshift") else subprocess.DEVNULL
        t0 = time.perf_counter()
        rc = subprocess.run(argv, cwd=cwd, stdin=stdin, stdout=out, stderr=err).returncode
        wall = time.perf_counter() - t0
    if cmd.stdin:
        stdin.close()
    if rc not in cmd.ok_codes:
        with open(errfile) as f:
            tail = f.read()[-2000:]
        sys.exit("bench: %s exited %d (expected %s): %s\n%s" % (
            cmd.label, rc, cmd.ok_codes, " ".join(shlex.quote(a) for a in cmd.argv), tail))
    with open(timefile) as f:
        tv = f.read()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", tv).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", tv).group(1))
    if timed:
        cmd.walls.append(wall)
        cmd.cpus.append(user + system)
        cmd.rss.append(rss_kb / 1024.0)
    return wall


def in_scope(raw, cwd, tree):
    r = sh([raw, "--list", tree], cwd=cwd)
    if r.returncode != 0:
        sys.exit("bench: %s --list %s failed: %s" % (raw, tree, r.stderr))
    files = [l for l in r.stdout.splitlines() if l]
    size = sum(os.stat(os.path.join(cwd, f)).st_size for f in files)
    return files, size


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    if x != x:
        return "—"
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    if x >= 1:
        return "%.2f" % x
    return "%.3f" % x


def fmt_ratio(a, b):
    if not a or not b or a != a or b != b:
        return "—"
    r = a / b
    return ("%.2f×" % r) if r < 10 else ("%.0f×" % r) if r < 1000 else ("%.1e×" % r)


PROFILE_ROWS = [
    # (label, regex on the function name as callgrind_annotate prints it)
    ("whole run", r"^psm::RunCli\("),
    ("start-up: dynamic linking (ld.so relocations)", r"_dl_relocate_object$"),
    ("directory walk (WalkFiles, its own thread)", r"^psm::WalkFiles\("),
    ("reading files (ReadSourceFile)", r"^psm::ReadSourceFile\("),
    ("pre-filter: one scan for all API names (MethodScan::Scan)", r"^psm::MethodScan::Scan\("),
    ("pre-filter: createElement's element type (MayContainSessionApis)", r"^psm::MayContainSessionApis\("),
    ("minified/bundle check (GeneratedCodeReason)", r"^psm::GeneratedCodeReason"),
    ("parse (Parser::Parse)", r"^psm::Parser::Parse\("),
    ("find createSource sites (FindCallSites)", r"^psm::FindCallSites\("),
    ("  of which name resolution (ResolveName)", r"^psm::ResolveName\("),
    ("  of which receiver check (ClassifyReceiver)", r"^psm::ClassifyReceiver\("),
    ("  of which payload use scan (CollectPayloadUses)", r"^psm::CollectPayloadUses\("),
    ("  of which payload model (BuildObjectLiteral)", r"^psm::BuildObjectLiteral\("),
    ("find session-API calls (FindSessionApiSites)", r"^psm::FindSessionApiSites\("),
    ("plan (PlanSite)", r"^psm::PlanSite\("),
    ("apply (ApplyEdits)", r"^psm::ApplyEdits"),
    ("telling the tree of the edits (ts_tree_edit)", r"^ts_tree_edit$"),
    ("incremental re-parse (Parser::Reparse)", r"^psm::Parser::Reparse\("),
    ("diff (UnifiedDiff)", r"^psm::UnifiedDiff"),
    ("freeing trees (ts_tree_delete)", r"^ts_tree_delete$"),
]


def callgrind(argv, cwd, out):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if not m:
        sys.exit("bench: callgrind failed: %s" % r.stderr[-1000:])
    ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                         capture_output=True, text=True).stdout
    funcs = {}
    for line in ann.splitlines():
        mm = re.match(r"\s*([\d,]+) \([\s\d.]+%\)\s+(?:\S*?:)?(.+?)(?: \[[^\]]*\])?$", line)
        if not mm:
            continue
        name = mm.group(2)
        name = name.split("???:", 1)[-1]
        if "'" in name.split("(")[0]:
            continue  # recursion cycles
        funcs.setdefault(name, int(mm.group(1).replace(",", "")))
    return int(m.group(1)), funcs


def pick(funcs, regex):
    pat = re.compile(regex)
    best = 0
    for name, ir in funcs.items():
        bare = re.sub(r"^.*?:(?=psm::|ts_|_dl_)", "", name)
        if pat.search(bare):
            best = max(best, ir)
    return best


def profile(a, corpus, dense_files, picks, logdir, j):
    """Instruction counts (callgrind) of the tool and of the raw parse on every
    10th dense file, one thread, and of the pre-commit run."""
    sample = dense_files[::10]
    tool_total, tool = callgrind([a.tool, "--diff", "-j", "1", "-q", "--session-id", SESSION_ID] + sample,
                                 corpus, os.path.join(logdir, "callgrind.tool-dense.out"))
    raw_total, raw = callgrind([a.raw, "-j", "1"] + sample, corpus, os.path.join(logdir, "callgrind.raw-dense.out"))
    sp_total, sp = callgrind([a.tool, "--diff", "-j", "1", "-q", "--session-id", SESSION_ID, "sparse"],
                             corpus, os.path.join(logdir, "callgrind.tool-sparse.out"))
    pre_total, pre = callgrind([a.tool, "--check", "-j", "1", "-q", "--session-id", SESSION_ID] + picks,
                               corpus, os.path.join(logdir, "callgrind.precommit.out"))
    L = ["### Where the time goes (callgrind, instructions executed, one thread)", ""]
    L.append("Dense sample: every 10th dense file (%d files), `--diff`; the raw parse of the same files executes %s "
             "instructions (%s of them in Parser::Parse). Whole sparse tree: `--diff`. "
             "Pre-commit: the 5 files above, `--check`. All with `-j 1`; inclusive counts (a row includes its callees)." % (
                 len(sample), "{:,}".format(raw_total), "{:,}".format(pick(raw, r"^psm::Parser::Parse\("))))
    L.append("")
    L.append("| stage | dense sample | % | ÷ raw parse | whole sparse tree | % | pre-commit | % |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = [("total (program)", tool_total, sp_total, pre_total)]
    for label, regex in PROFILE_ROWS:
        rows.append((label, pick(tool, regex), pick(sp, regex), pick(pre, regex)))
    for label, ir, sir, pir in rows:
        L.append("| %s | %s | %.1f%% | %.2f× | %s | %.1f%% | %s | %.1f%% |" % (
            label, "{:,}".format(ir), 100.0 * ir / tool_total, ir / raw_total,
            "{:,}".format(sir), 100.0 * sir / sp_total, "{:,}".format(pir), 100.0 * pir / pre_total))
    L.append("")
    L.append("Profiles: `%s/callgrind.*.out` (`callgrind_annotate --inclusive=yes FILE`)." % logdir)
    L.append("")
    return L, {"tool_total": tool_total, "raw_total": raw_total, "sparse_total": sp_total,
               "precommit_total": pre_total, "rows": rows}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--raw", required=True)
    ap.add_argument("--rg", required=True)
    ap.add_argument("--ast-grep", required=True)
    ap.add_argument("--jscodeshift", required=True)
    ap.add_argument("--transform", required=True)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--precommit-runs", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-jscodeshift", action="store_true")
    ap.add_argument("--profile", action="store_true", help="add a callgrind breakdown (needs valgrind)")
    ap.add_argument("--quiet-wait", type=float, default=5.0,
                    help="before each timed run, wait up to this many seconds for other "
                         "processes to leave the CPUs idle (0: do not wait)")
    a = ap.parse_args()
    QUIET["max_wait"] = a.quiet_wait

    corpus = a.corpus
    logdir = os.path.join(a.work, "logs")
    os.makedirs(logdir, exist_ok=True)
    j = str(a.jobs)

    # What the tool's walk picks, per tree (psm_raw_parse --list walks the same way).
    scope = {}
    for tree in ("sparse", "dense"):
        files, size = in_scope(a.raw, corpus, tree)
        scope[tree] = (files, size)
        log("%s: %d JS/TS files, %.1f MB" % (tree, len(files), size / 1e6))
    subset = scope["sparse"][0][::10]
    subset_file = os.path.join(a.work, "sparse-subset-10pct.txt")
    with open(subset_file, "w") as f:
        f.write("\n".join(subset) + "\n")
    subset_bytes = sum(os.stat(os.path.join(corpus, p)).st_size for p in subset)

    # The tool must see the files the raw parse sees, or the comparison is void.
    warnings = []
    for tree in ("sparse", "dense"):
        report = os.path.join(logdir, "report-%s.json" % tree)
        r = subprocess.run([a.tool, "--check", "-q", "-j", j, "--session-id", SESSION_ID,
                            "--json-report", report, tree], cwd=corpus,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with open(report) as f:
                summary = json.load(f)["summary"]
        except (OSError, ValueError, KeyError):
            sys.exit("bench: %s --check --json-report failed on %s (exit %d)" % (a.tool, tree, r.returncode))
        scope[tree + "-summary"] = summary
        if summary.get("files") != len(scope[tree][0]):
            warnings.append("the tool scanned %s files of the %s tree, the raw parse's walk lists %d" % (
                summary.get("files"), tree, len(scope[tree][0])))
        if not summary.get("files"):
            sys.exit("bench: the tool scanned no file of %s: is %s inside a git work tree that ignores it?" % (tree, corpus))
        log("%s: the tool reports %s" % (tree, json.dumps(summary)))

    cmds = []
    for tree in ("sparse", "dense"):
        cmds += [
            Cmd("psm-diff-" + tree, tree, "payment-session-migrate --diff",
                [a.tool, "--diff", "-j", j, "-q", "--session-id", SESSION_ID, tree], (0, 1)),
            Cmd("psm-check-" + tree, tree, "payment-session-migrate --check",
                [a.tool, "--check", "-j", j, "-q", "--session-id", SESSION_ID, tree], (0, 1)),
            Cmd("rg-" + tree, tree, "rg -l createSource",
                [a.rg, "-l", "-j", j, "createSource", tree], (0, 1)),
            Cmd("raw-" + tree, tree, "raw tree-sitter parse (psm_raw_parse)",
                [a.raw, "-j", j, tree], (0,)),
            Cmd("astgrep-" + tree, tree, "ast-grep run (search only)",
                [a.ast_grep, "run", "-p", "$R.createSource($$$A)", "-j", j, tree], (0, 1)),
        ]
        if not a.skip_jscodeshift:
            jargs = [a.jscodeshift, "-t", a.transform, "--dry", "--cpus=" + j,
                     "--extensions=js,mjs,cjs,jsx,ts,tsx,mts,cts"]
            if tree == "sparse":
                c = Cmd("jscodeshift-sparse", tree, "jscodeshift --dry (10% subset, extrapolated)",
                        jargs + ["--stdin"], (0,), stdin=subset_file)
                c.extrapolate = scope["sparse"][1] / subset_bytes
                c.note = "measured on every 10th file (%d files, %.1f MB), scaled ×%.2f by bytes" % (
                    len(subset), subset_bytes / 1e6, c.extrapolate)
            else:
                c = Cmd("jscodeshift-dense", tree, "jscodeshift --dry", jargs + [tree], (0,))
            cmds.append(c)
    for c in cmds:
        c.files = len(scope[c.tree][0])
        c.bytes = scope[c.tree][1]

    load_before = os.getloadavg()
    started = time.time()
    log("warm-up round (not timed; jscodeshift skipped)")
    for c in cmds:
        if not c.key.startswith("jscodeshift"):
            run_once(c, corpus, logdir, timed=False)
    # Each round runs every command once; the order rotates from round to
    # round (within each tree), so no tool always runs right after the same
    # one (say, after jscodeshift's 3 GB of node processes have cooled the
    # caches), and every position's luck is shared out.
    trees = []
    for c in cmds:
        if c.tree not in trees:
            trees.append(c.tree)
    for r in range(a.runs):
        for tree in trees:
            group = [c for c in cmds if c.tree == tree]
            k = r % len(group)
            for c in group[k:] + group[:k]:
                w = run_once(c, corpus, logdir)
                log("round %d/%d  %-7s %-45s %8.3f s" % (r + 1, a.runs, c.tree, c.label, w))

    # Pre-commit: 5 typical merchant files as arguments.
    dense = scope["dense"][0]
    picks = [dense[i * len(dense) // 5] for i in range(5)]
    pre = {"check": [], "diff": []}
    # The same files in a git copy of the dense tree, where a hook runs: the
    # project is the repository, and the payloads in globals make the run
    # ask the whole of it (answered from the word store the runs keep in
    # .git; "cold" without it).
    dense_git = os.path.join(corpus, "dense-git")
    git_picks = [os.path.relpath(p, "dense") for p in picks]  # inside dense-git
    pre_argv = {
        "check": [a.tool, "--check", "-q", "--session-id", SESSION_ID] + picks,
        "diff": [a.tool, "--diff", "-q", "--session-id", SESSION_ID] + picks,
        "check-git": [a.tool, "--check", "-q", "--session-id", SESSION_ID] + git_picks,
        "check-git-cold": [a.tool, "--check", "-q", "--no-cache", "--session-id", SESSION_ID] + git_picks,
        # The same without the project model: what it adds is the difference.
        "check-git-nofollow": [a.tool, "--check", "-q", "--no-follow", "--session-id", SESSION_ID] + git_picks,
        # Context, not targets: what starting any process costs from this
        # harness, and the raw parse of the same five files.
        "true": [shutil.which("true") or "/bin/true"],
        "raw": [a.raw] + picks,
    }
    pre["true"], pre["raw"] = [], []
    pre["check-git"], pre["check-git-cold"], pre["check-git-nofollow"] = [], [], []

    def pre_cwd(m):
        return dense_git if m.startswith("check-git") else corpus

    for _ in range(5):  # warm-up (the first one writes the word store)
        for m in pre:
            subprocess.run(pre_argv[m], cwd=pre_cwd(m), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Each round runs the commands in an order of its own (shuffled, the
    # same sequence of orders every run of the bench): in a fixed order
    # (or one only rotated) a command always ran right after the same one
    # (the --no-follow run after the cold one, which reads the whole
    # repository), and the one before leaves the caches in its own state.
    order = list(pre)
    shuffler = random.Random(14)
    for i in range(a.precommit_runs):
        if i % 10 == 0:
            wait_quiet()
        shuffler.shuffle(order)
        for m in order:
            t0 = time.perf_counter()
            rc = subprocess.run(pre_argv[m], cwd=pre_cwd(m), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
            pre[m].append(time.perf_counter() - t0)
            if rc not in (0, 1):
                sys.exit("bench: pre-commit %s exited %d" % (m, rc))
    load_after = os.getloadavg()
    elapsed = time.time() - started

    # jscodeshift's own summary (files ok / errors) from its last run.
    jnotes = {}
    for c in cmds:
        if c.key.startswith("jscodeshift"):
            with open(os.path.join(logdir, c.key + ".log")) as f:
                text = f.read()
            counts = dict((k, int(v)) for v, k in re.findall(r"(\d+) (errors|unmodified|skipped|ok)", text))
            jnotes[c.key] = counts

    # ---- numbers -------------------------------------------------------------
    res = {}
    for c in cmds:
        wall = med(c.walls) * c.extrapolate
        res[c.key] = {
            "tree": c.tree, "label": c.label, "argv": c.argv, "walls": c.walls,
            "cpu": c.cpus, "rss_mb": c.rss, "extrapolate": c.extrapolate,
            "wall": wall, "wall_measured": med(c.walls), "cpu_med": med(c.cpus) * c.extrapolate,
            "rss": max(c.rss) if c.rss else float("nan"),
            "files": c.files, "bytes": c.bytes, "note": c.note,
        }

    def W(key):
        return res[key]["wall"] if key in res else float("nan")

    versions = {
        "payment-session-migrate": first_line([a.tool, "--version"]),
        "ripgrep": first_line([a.rg, "--version"]),
        "ast-grep": first_line([a.ast_grep, "--version"]),
        "jscodeshift": first_line([a.jscodeshift, "--version"]).replace("jscodeshift: ", "") if not a.skip_jscodeshift else "skipped",
        "node": first_line(["node", "--version"]),
        "tree-sitter runtime": first_line(["dpkg-query", "-W", "-f=${Version}", "libtree-sitter0"]),
        "compiler": first_line(["c++", "--version"]),
        "tool binary sha256": first_line(["sha256sum", a.tool]).split()[0][:16],
        "git": first_line(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "describe",
                           "--always", "--dirty"]),
    }
    cpu_model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    machine = {
        "nproc": os.cpu_count(), "cpu": cpu_model, "memory_gib": round(mem_kb / 1048576, 1),
        "kernel": platform.release(), "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip(),
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
        "elapsed_s": round(elapsed), "quiet": dict(QUIET),
    }

    # ---- table ---------------------------------------------------------------
    L = []
    for w in warnings:
        L.append("> **Warning:** " + w + ".")
        L.append("")
    L.append("### Whole trees (median of %d alternating runs in rotating order, -j %s, warm page cache)" % (a.runs, j))
    L.append("")
    for tree in ("sparse", "dense"):
        n, b = len(scope[tree][0]), scope[tree][1]
        sm = scope[tree + "-summary"]
        L.append("**%s tree**: %d JS/TS files the tool's walk picks, %.1f MB. Files/s and MB/s are over those for every row. "
                 "The tool's own summary: %s." % (tree, n, b / 1e6, ", ".join("%s %s" % (k, v) for k, v in sm.items())))
        L.append("")
        L.append("| tool | wall s | min–max s | CPU s | files/s | MB/s | peak RSS MB | vs rg | vs raw parse | vs ast-grep | vs jscodeshift |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for c in cmds:
            if c.tree != tree:
                continue
            r = res[c.key]
            w = r["wall"]
            mn, mx = min(c.walls) * c.extrapolate, max(c.walls) * c.extrapolate
            label = r["label"]
            if c.extrapolate != 1.0:
                label += " ¹"
            row = [label, fmt_s(w), "%s–%s" % (fmt_s(mn), fmt_s(mx)), fmt_s(r["cpu_med"]),
                   "%.0f" % (n / w), "%.1f" % (b / 1e6 / w), "%.0f" % r["rss"]]
            for other in ("rg-", "raw-", "astgrep-", "jscodeshift-"):
                ok = other + tree
                row.append("—" if ok == c.key else fmt_ratio(w, W(ok)))
            L.append("| " + " | ".join(row) + " |")
        L.append("")
    notes = []
    if "jscodeshift-sparse" in res:
        notes.append("¹ jscodeshift on the sparse tree: %s; measured median %.1f s." % (
            res["jscodeshift-sparse"]["note"], res["jscodeshift-sparse"]["wall_measured"]))
    for k, v in jnotes.items():
        notes.append("jscodeshift's own count (%s, last run): %s." % (k.split("-")[1], ", ".join("%s %s" % (n, w) for w, n in v.items())))
    notes.append("Ratios are this row's wall ÷ that tool's wall on the same tree (below 1 = faster). "
                 "Peak RSS is the largest single process (`/usr/bin/time -v`; jscodeshift runs a parent and %s workers). "
                 "CPU s = user + system." % j)
    L += notes
    L.append("")
    pc = {m: sorted(v) for m, v in pre.items()}

    def pct(v, p):
        return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]

    L.append("### Pre-commit: 5 merchant files as arguments (%d runs each, default -j)" % a.precommit_runs)
    L.append("")
    L.append("| command | median ms | mean ms | p95 ms | min ms |")
    L.append("|---|---:|---:|---:|---:|")
    labels = {"check": "payment-session-migrate --check 5 files (the dense tree: not a git work tree)",
              "diff": "payment-session-migrate --diff 5 files (the same)",
              "check-git": "**--check 5 files in a git work tree** (dense-git; word store warm)",
              "check-git-cold": "the same with `--no-cache` (every file of the repository read)",
              "check-git-nofollow": "the same with `--no-follow` (without the project model)",
              "raw": "raw tree-sitter parse of the 5 files (psm_raw_parse)",
              "true": "`/bin/true` (starting a process from this harness)"}
    for m in ("check-git", "check-git-nofollow", "check-git-cold", "check", "diff", "raw", "true"):
        v = pc[m]
        L.append("| %s | %.2f | %.2f | %.2f | %.2f |" % (
            labels[m], med(v) * 1e3, statistics.mean(v) * 1e3, pct(v, 0.95) * 1e3, v[0] * 1e3))
    L.append("")
    L.append("Files: " + ", ".join("`%s`" % p for p in picks) + " (wall time of the process, spawned from Python; "
             "the target is judged on the tool's own rows, the last two are context).")
    L.append("")

    # ---- targets -------------------------------------------------------------
    targets = []

    def target(name, value, limit, better, shown, cpu=""):
        met = value <= limit if better == "le" else value >= limit
        targets.append((name, shown, met, cpu))

    def C(key):
        return res[key]["cpu_med"] if key in res else float("nan")

    for mode in ("diff", "check"):
        if "psm-%s-sparse" % mode in res:
            v = W("psm-%s-sparse" % mode) / W("rg-sparse")
            target("sparse: --%s wall ≤ %.1f× rg -l createSource" % (mode, T_SPARSE_VS_RG), v, T_SPARSE_VS_RG, "le", "%.2f×" % v,
                   "%.2f×" % (C("psm-%s-sparse" % mode) / C("rg-sparse")))
    for mode in ("diff", "check"):
        v = W("psm-%s-dense" % mode) / W("raw-dense")
        target("dense: --%s wall ≤ %.1f× raw tree-sitter parse" % (mode, T_DENSE_VS_RAW), v, T_DENSE_VS_RAW, "le", "%.2f×" % v,
               "%.2f×" % (C("psm-%s-dense" % mode) / C("raw-dense")))
    if "jscodeshift-dense" in res:
        v = W("jscodeshift-dense") / W("psm-diff-dense")
        target("dense: --diff ≥ %.0f× faster than jscodeshift" % T_DENSE_VS_JSCS, v, T_DENSE_VS_JSCS, "ge", "%.1f× faster" % v,
               "%.1f×" % (C("jscodeshift-dense") / C("psm-diff-dense")))
    v = W("astgrep-sparse") / W("psm-diff-sparse")
    target("sparse: --diff ≥ %.0f× faster than ast-grep search (implied by the rg target)" % T_SPARSE_VS_ASTGREP, v, T_SPARSE_VS_ASTGREP, "ge", "%.1f× faster" % v,
           "%.1f×" % (C("astgrep-sparse") / C("psm-diff-sparse")))
    if "jscodeshift-sparse" in res:
        v = W("jscodeshift-sparse") / W("psm-diff-sparse")
        target("sparse: --diff ≥ %.0f× faster than jscodeshift (implied; extrapolated)" % T_SPARSE_VS_JSCS, v, T_SPARSE_VS_JSCS, "ge", "%.0f× faster" % v,
               "%.0f×" % (C("jscodeshift-sparse") / C("psm-diff-sparse")))
    for m in ("check-git", "check", "diff"):
        v = med(pre[m]) * 1e3
        where = " in a git work tree" if m == "check-git" else " outside git"
        target("pre-commit (5 files%s): --%s ≤ %.0f ms median" % (where, m.split("-")[0], T_PRECOMMIT_MS), v,
               T_PRECOMMIT_MS, "le", "%.2f ms" % v)
    v = (med(pre["check-git"]) - med(pre["check-git-nofollow"])) * 1e3
    target("pre-commit in a git work tree: the project model adds ≤ %.0f ms (against `--no-follow`)"
           % T_MODEL_PRECOMMIT_MS, v, T_MODEL_PRECOMMIT_MS, "le", "+%.2f ms" % v)
    for mode in ("diff", "check"):
        v = res["psm-%s-sparse" % mode]["rss"]
        target("sparse: --%s peak RSS ≤ %.0f MB" % (mode, T_RSS_MB), v, T_RSS_MB, "le", "%.0f MB" % v)
    L.append("### Targets")
    L.append("")
    L.append("| target | measured (wall) | | same ratio in CPU time |")
    L.append("|---|---:|---|---:|")
    for name, shown, met, cpu in targets:
        L.append("| %s | %s | %s | %s |" % (name, shown, "**met**" if met else "**MISSED**", cpu or "—"))
    L.append("")
    missed = [t for t in targets if not t[2]]
    L.append("Targets are judged on wall time, as the issue states them. The CPU-time column (user + system, "
             "summed over threads and processes) is a cross-check that other load on the machine distorts less.")
    L.append("")
    L.append("%d of %d targets met%s" % (len(targets) - len(missed), len(targets),
             "; missed: " + "; ".join("%s (%s)" % (t[0], t[1]) for t in missed) if missed else "."))
    L.append("")
    prof = None
    if a.profile:
        log("callgrind profiles (dense sample, pre-commit)")
        plines, prof = profile(a, corpus, scope["dense"][0], picks, logdir, j)
        L += plines
    L.append("### Run")
    L.append("")
    L.append("- Machine: %d cores, %s, %.1f GiB RAM, Linux %s; %s." % (
        machine["nproc"], machine["cpu"], machine["memory_gib"], machine["kernel"], machine["date"]))
    L.append("- Load average before / after: %s / %s; the run took %d s. Before each timed command the "
             "runner waited for other processes to leave the CPUs ≥ %.0f%% idle (up to %.0f s; %.0f s waited in all); "
             "%d of %d commands started with the machine still busy." % (
        " ".join(map(str, machine["load_before"])), " ".join(map(str, machine["load_after"])), elapsed,
        100 * (1 - QUIET["threshold"]), QUIET["max_wait"], QUIET["waited"], QUIET["noisy"], QUIET["runs"]))
    L.append("- Versions: " + "; ".join("%s: %s" % kv for kv in versions.items()) + ".")
    L.append("- Commands (cwd = corpus dir): " + "; ".join(
        "`%s`" % " ".join(shlex.quote(os.path.basename(x) if i == 0 else x) for i, x in enumerate(c.argv))
        for c in cmds if c.tree == "dense") + " (sparse: same with `sparse`; jscodeshift on the sparse subset reads the paths with `--stdin`).")
    md = "\n".join(L) + "\n"
    sys.stdout.write(md)
    with open(os.path.join(a.work, "results.md"), "w") as f:
        f.write(md)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump({"tool_summaries": {t: scope[t + "-summary"] for t in ("sparse", "dense")}, "results": res, "precommit": pre, "precommit_files": picks, "machine": machine,
                   "versions": versions, "targets": targets, "runs": a.runs, "profile": prof}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
