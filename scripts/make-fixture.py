#!/usr/bin/env python3
"""Turns a hand-written input into a fixture directory (fixtures/NAME/):
input.<ext>, expected.<ext> (only when the tool changes it) and report.json
with every site's line, status, method, removed and addedSessionId, as the
built tool sees them now.

Read the result before committing it: the fixture records what the tool
does, and is only worth keeping when that is what it should do.

usage: scripts/make-fixture.py NAME INPUT_FILE [--session-id EXPR]
                                [--php-session-id EXPR]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = os.path.join(ROOT, os.environ.get("BUILD_DIR", "build"), "payment-session-migrate")


def main():
    name, source = sys.argv[1], sys.argv[2]
    session = "checkout.payment.session.id"
    if "--session-id" in sys.argv:
        session = sys.argv[sys.argv.index("--session-id") + 1]
    php_session = None
    if "--php-session-id" in sys.argv:
        php_session = sys.argv[sys.argv.index("--php-session-id") + 1]
    php_args = ["--php-session-id", php_session] if php_session else []
    ext = os.path.splitext(source)[1]
    if ext in (".php", ".phtml"):
        # The fixture test runs one file's pipeline, which has no project
        # to ask whether a page hands the array to createSource.
        php_args.append("--php-pages-elsewhere")
    out = os.path.join(ROOT, "fixtures", name)
    os.makedirs(out, exist_ok=True)
    shutil.copyfile(source, os.path.join(out, "input" + ext))
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "input" + ext)
        shutil.copyfile(source, work)
        report = json.loads(subprocess.run(
            [TOOL, "--json-report", "-", "-q", "--session-id", session, *php_args, work],
            capture_output=True, text=True).stdout)
        subprocess.run([TOOL, "--write", "-q", "--session-id", session, *php_args, work], check=True)
        expected = os.path.join(out, "expected" + ext)
        if open(work, "rb").read() != open(source, "rb").read():
            shutil.copyfile(work, expected)
        elif os.path.exists(expected):
            os.remove(expected)
    sites = [{k: s[k] for k in ("line", "status", "method", "removed", "addedSessionId") if s.get(k) is not None}
             for s in report["sites"]]
    with open(os.path.join(out, "report.json"), "w") as f:
        php = ', "phpSessionId": %s' % json.dumps(php_session) if php_session else ""
        f.write('{"sessionId": %s%s, "sites": [\n' % (json.dumps(session), php))
        f.write(",\n".join("  " + json.dumps(s) for s in sites))
        f.write("\n]}\n")
    for s in report["sites"]:
        print(s["line"], s["status"], s.get("method"), "; ".join(s.get("reasons", [])))


if __name__ == "__main__":
    main()
