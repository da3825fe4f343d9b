#!/usr/bin/env python3
"""Account for every test of the suite's lit runs, and say what was skipped.

Usage:
  lit_summary.py --expected-skips FILE [--test-root DIR] [--missing TEXT]... RUN...

Each RUN is 'MAJOR:MODE:XUNIT.xml:PROBES.json', one lit run of
test/run-all.sh: its xunit report and the feature probes test/lit.cfg.py
wrote (test/probes.json in the build tree). --missing names a tier that could
not run at all (a major that did not build, raii-clang-tidy not built); each
counts as a failure.

A skipped test fails the summary unless FILE lists it for that major and mode.
An unexpected skip is shown with lit's reason and, for a missing feature, the
output of the probe that failed. An entry of FILE that did not skip fails too,
so that the list stays exact; with --test-root, so does an entry that names
no test there. The last line is the closing count:
  raii-tidy: N passed, N failed, N skipped
"""

import argparse
import fnmatch
import json
import os
import sys
import xml.etree.ElementTree as ET


def parse_expected(path):
    """Entries 'MAJOR MODE TEST -- REASON' ('*' matches any major or mode)."""
    entries = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            head, sep, reason = text.partition(" -- ")
            fields = head.split()
            if not sep or len(fields) != 3 or not reason.strip():
                sys.exit("lit_summary.py: %s:%d: expected 'MAJOR MODE TEST -- REASON', not %r"
                         % (path, number, line.rstrip("\n")))
            entries.append({"major": fields[0], "mode": fields[1], "test": fields[2],
                            "reason": reason.strip(), "where": "%s:%d" % (path, number),
                            "used": False})
    return entries


def parse_run(spec):
    parts = spec.split(":", 3)
    if len(parts) != 4:
        sys.exit("lit_summary.py: a run is MAJOR:MODE:XUNIT:PROBES, not %r" % spec)
    return parts


def read_results(xunit):
    """[(test path in the suite, 'pass' | 'fail' | 'skip', skip reason)]."""
    results = []
    for suite in ET.parse(xunit).getroot().iter("testsuite"):
        name = suite.get("name", "")
        for case in suite.iter("testcase"):
            folder = case.get("classname", "")
            if folder.startswith(name + "."):
                folder = folder[len(name) + 1:]
            folder = "" if folder == name else folder
            test = (folder + "/" if folder else "") + case.get("name", "")
            if case.find("failure") is not None or case.find("error") is not None:
                results.append((test, "fail", ""))
            elif case.find("skipped") is not None:
                results.append((test, "skip", case.find("skipped").get("message", "")))
            else:
                results.append((test, "pass", ""))
    return results


def probe_output(probes, reason):
    """The failed probes behind 'Missing required feature(s): a, b'."""
    prefix = "Missing required feature(s): "
    if not reason.startswith(prefix):
        return []
    shown = []
    for feature in reason[len(prefix):].split(", "):
        probe = probes.get(feature.strip())
        if probe and not probe.get("ok"):
            shown.append("probe '%s' failed:\n%s" % (feature, indent(probe.get("output", ""))))
        elif not probe:
            shown.append("feature '%s' has no probe: is it spelled right in REQUIRES?" % feature)
    return shown


def indent(text):
    lines = text.rstrip("\n").splitlines() or ["(no output)"]
    return "\n".join("      " + line for line in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expected-skips", required=True)
    parser.add_argument("--missing", action="append", default=[])
    parser.add_argument("--test-root", help="where the tests are: every entry must name one")
    parser.add_argument("runs", nargs="*")
    opts = parser.parse_args()

    expected = parse_expected(opts.expected_skips)
    passed = failed = skipped = 0
    problems = ["tier not run: " + m for m in opts.missing]
    if opts.test_root:
        for e in expected:
            if not os.path.isfile(os.path.join(opts.test_root, e["test"])):
                problems.append("%s names %s, which is not a test in %s"
                                % (e["where"], e["test"], opts.test_root))
    failed += len(opts.missing)
    allowed = []
    majors = []
    for spec in opts.runs:
        major, mode, xunit, probes_path = parse_run(spec)
        if major not in majors:
            majors.append(major)
        where = "LLVM %s (%s)" % (major, mode)
        if not os.path.exists(xunit):
            problems.append("%s: lit wrote no results (%s)" % (where, xunit))
            failed += 1
            continue
        probes = {}
        if os.path.exists(probes_path):
            with open(probes_path) as f:
                probes = json.load(f)
        else:
            problems.append("%s: no probe results (%s)" % (where, probes_path))
            failed += 1
        results = read_results(xunit)
        if not results:
            problems.append("%s: no tests ran" % where)
            failed += 1
        for test, outcome, reason in results:
            if outcome == "pass":
                passed += 1
                continue
            if outcome == "fail":
                failed += 1
                continue
            skipped += 1
            entry = next((e for e in expected
                          if fnmatch.fnmatchcase(major, e["major"])
                          and fnmatch.fnmatchcase(mode, e["mode"]) and e["test"] == test), None)
            if entry:
                entry["used"] = True
                allowed.append("%s: %s: %s" % (where, test, entry["reason"]))
                continue
            failed += 1
            text = "%s: %s was skipped (%s) and is not on %s" % (
                where, test, reason or "no reason given", opts.expected_skips)
            for shown in probe_output(probes, reason):
                text += "\n    " + shown
            problems.append(text)
    ran_majors = {parse_run(s)[0] for s in opts.runs}
    for e in expected:
        # An entry for a major this run did not cover is not stale.
        covers = any(fnmatch.fnmatchcase(m, e["major"]) for m in ran_majors)
        if covers and not e["used"]:
            problems.append("%s lists %s (LLVM %s, %s) as skipped, but it was not: remove the "
                            "entry" % (e["where"], e["test"], e["major"], e["mode"]))
            failed += 1

    for text in allowed:
        print("expected skip: " + text)
    for text in problems:
        print("FAIL: " + text)
    print("(LLVM %s)" % " ".join(majors))
    print("raii-tidy: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
