#!/usr/bin/env python3
"""Score the raii checks on a corpus whose classes carry expected verdicts.

    score.py --clang-tidy P --plugin P --clang P --work DIR corpus.cpp [-- compiler args]

Each class is preceded by a comment `// EXPECT: <verdict>[; <verdict>...]`
(see the corpus's header). Prints recall, false positives, findings whose
fix-it availability is wrong, and the fix round trip (apply all fixes, the
result compiles, a second run reports exactly the findings that have no
fix-it). Exits non-zero unless every verdict is right and the round trip
succeeds.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

import yaml

CLASS_RE = re.compile(r"^(?:template\s*<[^>]*>\s*)?(?:class|struct)\s+(\w+)")
VERDICTS = {"clean", "leak", "leak-nofix", "uninit", "copyable", "copyable-nofix",
            "unreleased", "unreleased-nofix", "unacquired", "mismatch", "mismatch-nofix"}


def parse_expectations(path):
    expected = {}
    pending = None
    with open(path) as f:
        for number, line in enumerate(f, 1):
            m = re.match(r"\s*// EXPECT:\s*(.*)$", line)
            if m:
                pending = (number, m.group(1))
                continue
            m = CLASS_RE.match(line)
            if m and pending:
                verdicts = set()
                for item in pending[1].split(";"):
                    words = item.split()
                    if not words or words[0] not in VERDICTS or \
                            (words[0] == "clean") != (len(words) == 1) or len(words) > 2:
                        sys.exit(f"score.py: {path}:{pending[0]}: malformed EXPECT '{item.strip()}'")
                    if words[0] != "clean":
                        verdicts.add((words[0], words[1]))
                expected[m.group(1)] = verdicts
                pending = None
    if pending:
        sys.exit(f"score.py: {path}:{pending[0]}: EXPECT not followed by a class")
    return expected


def run_tidy(opts, path, compiler_args, export, fix):
    if os.path.exists(export):
        os.remove(export)
    load = ["--load=" + opts.plugin] if opts.plugin else []
    args = [opts.clang_tidy] + load + ["--checks=-*,raii-*",
            "--export-fixes=" + export] + (["--fix"] if fix else []) + [path, "--"] + compiler_args
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode != 0 or "PLEASE submit" in result.stdout:
        sys.exit("score.py: clang-tidy failed:\n" + result.stdout)
    if not os.path.exists(export):
        return []
    with open(export) as f:
        data = yaml.safe_load(f) or {}
    return data.get("Diagnostics") or []


def findings(diagnostics):
    """(class, kind, member) -> has a fix-it, from clang-tidy's diagnostics."""
    found = Counter()
    fixable_classes = set()
    raw = []
    for d in diagnostics:
        message = d["DiagnosticMessage"]["Message"]
        check = d["DiagnosticName"]
        has_fix = bool(d["DiagnosticMessage"].get("Replacements"))
        lifecycle = re.match(r"[^']+ '([^']+)' is \w+ (?:by '[^']+' )?in '[^']+' but", message)
        if lifecycle and check != "raii-copyable-resource-owner":
            # A two-phase object: the class is named by its destructor or
            # as the class that lacks the closing method.
            owner = re.search(r"destructor '~([^'<]+)|destructor of '([^'<]+)|class '([^'<]+)'", message)
            member = lifecycle.group(1)
            cls = next(g for g in owner.groups() if g)
            kind = "leak" if check == "raii-critical-section-leak" else "unreleased"
        elif check == "raii-critical-section-leak":
            m = re.match(r"critical section '([^']+)' is (not )?\w+ in constructor '([^'<]+)", message)
            kind = "uninit" if m.group(2) else "leak"
            member, cls = m.group(1), m.group(3)
        elif check == "raii-copyable-resource-owner":
            m = re.match(r"class '([^'<]+)[^']*' owns [^']+ '([^']+)'", message)
            kind, cls, member = "copyable", m.group(1), m.group(2)
        elif check == "raii-unreleased-member":
            m = re.match(r"[^']+ '([^']+)' is (not )?\w+ (?:by '[^']+' )?in constructor "
                         r"'([^'<]+)[^']*'(?: but released by)?", message)
            member, cls = m.group(1), m.group(3)
            kind = ("unacquired" if m.group(2) else
                    "mismatch" if "but released by" in message else "unreleased")
        else:
            sys.exit("score.py: finding of an unknown check: " + check)
        raw.append((cls, kind, member))
        if has_fix:
            fixable_classes.add((cls, kind))
    # One fix-it per class carries all of that class's fixes.
    result = set()
    for cls, kind, member in raw:
        fixed = (cls, kind) in fixable_classes
        if kind in ("leak", "copyable", "unreleased", "mismatch") and not fixed:
            kind += "-nofix"
        result.add((cls, kind, member))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    # Without --plugin, the clang-tidy has the checks built in (raii-clang-tidy).
    parser.add_argument("--plugin")
    parser.add_argument("--clang", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("corpus")
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        compiler_args = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    opts = parser.parse_args(argv)

    expected_by_class = parse_expectations(opts.corpus)
    expected = {(c, k, m) for c, vs in expected_by_class.items() for k, m in vs}
    shutil.rmtree(opts.work, ignore_errors=True)
    os.makedirs(opts.work)
    work_file = os.path.join(opts.work, os.path.basename(opts.corpus))
    shutil.copy(opts.corpus, work_file)
    export = os.path.join(opts.work, "fixes.yaml")

    got = findings(run_tidy(opts, work_file, compiler_args, export, fix=False))
    unknown = {f for f in got if f[0] not in expected_by_class}
    strip = lambda s: {(c, k.replace("-nofix", ""), m) for c, k, m in s}
    found = strip(expected) & strip(got)
    missed = sorted(strip(expected) - strip(got))
    false_pos = sorted(strip(got) - strip(expected))
    wrong_fix = sorted((got - expected) & {(c, k, m) for c, k, m in got
                                            if (c, k.replace("-nofix", ""), m) in found})

    print(f"classes: {len(expected_by_class)}, expected findings: {len(expected)}")
    print(f"recall: {len(found)}/{len(expected)}")
    print(f"false positives: {len(false_pos)}")
    print(f"wrong fix-it availability: {len(wrong_fix)}")
    for what, items in (("missed", missed), ("false positive", false_pos),
                        ("wrong fix-it availability", wrong_fix),
                        ("outside any EXPECT class", sorted(unknown))):
        for item in items:
            print(f"  {what}: {item}")

    # The round trip: apply every fix, compile, re-run.
    run_tidy(opts, work_file, compiler_args, export, fix=True)
    compiled = subprocess.run([opts.clang, "-fsyntax-only"] + compiler_args + [work_file],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
    after = findings(run_tidy(opts, work_file, compiler_args, export, fix=False))
    unfixable = {f for f in expected if f[1] in ("leak-nofix", "uninit", "copyable-nofix",
                                                 "unreleased-nofix", "unacquired",
                                                 "mismatch-nofix")}
    fixable = expected - unfixable
    silenced = len(fixable - after)
    surplus = sorted(after - unfixable)
    print(f"fix round trip: {'compiles' if compiled.returncode == 0 else 'DOES NOT COMPILE'}, "
          f"{silenced}/{len(fixable)} fixed findings silenced, "
          f"{len(surplus)} findings remain that should not")
    if compiled.returncode != 0:
        print(compiled.stdout)
    for item in surplus:
        print(f"  still reported after the fixes: {item}")
    ok = (not missed and not false_pos and not wrong_fix and not unknown
          and compiled.returncode == 0 and silenced == len(fixable) and not surplus
          and unfixable <= after)
    print("RESULT: " + ("PASS" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
