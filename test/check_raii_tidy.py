#!/usr/bin/env python3
"""Run one raii-tidy check on one lit test file and verify everything it claims.

Usage:
  check_raii_tidy.py [options] <input.cpp> <check-name> <temp-prefix>
                     [-- <clang-tidy args> [-- <compiler args>]]

The test file carries its expectations as comments:
  CHECK-MESSAGES[-SUFFIX]: warnings and errors, in order (any other warning or
                           error is a failure)
  CHECK-NOTES[-SUFFIX]:    warnings, errors and notes, in order (any other
                           diagnostic is a failure)
  CHECK-FIXES[-SUFFIX]:    the fixed file, matched with --strict-whitespace;
                           every line the fix-its write (or delete next to)
                           must be a line some directive matches, so a fix-it
                           the test does not name fails. Without CHECK-FIXES
                           the file must be left unchanged.

Beyond matching text, every normal run proves the fix-its are safe to apply
unread: the fixed file must compile, and clang-tidy run again on it must offer
no fix-it and report nothing new.

With -expect-clang-tidy-error the input does not compile: the check must
neither crash nor offer a fix-it (clang's own fix-its are not its business).
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
from collections import Counter

import yaml

CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:")


def fail(message):
    sys.exit("check_raii_tidy.py: FAIL: " + message)


def run(args, input_text=None):
    print("$ " + " ".join(shlex.quote(a) for a in args), flush=True)
    result = subprocess.run(args, input=input_text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    print(result.stdout, end="" if result.stdout.endswith("\n") else "\n")
    return result


def split_args(argv):
    """Split 'own args [-- tidy args [-- compiler args]]' into three lists."""
    if "--" not in argv:
        return argv, [], []
    cut = argv.index("--")
    own, rest = argv[:cut], argv[cut + 1:]
    if "--" in rest:
        cut = rest.index("--")
        return own, rest[:cut], rest[cut + 1:]
    return own, rest, []



def has_std(args):
    return any(a.startswith(("-std=", "--std=", "/std:")) for a in args)


class Prefixes:
    def __init__(self, suffixes, text):
        def names(base):
            if not suffixes:
                return [base]
            return [base + "-" + s for s in suffixes]

        self.messages = names("CHECK-MESSAGES")
        self.notes = names("CHECK-NOTES")
        self.fixes = names("CHECK-FIXES")
        self.present = {p for p in self.messages + self.notes + self.fixes
                        if re.search(re.escape(p) + r"(-NEXT|-SAME|-NOT|-DAG|-EMPTY)?:", text)}

    def used(self, prefixes):
        return [p for p in prefixes if p in self.present]


def strip_checks(text):
    """Blank out CHECK comments so they cannot match themselves, keeping lines."""
    return re.sub(r"//\s*CHECK-(MESSAGES|NOTES|FIXES)[^\n]*", "//", text)


def file_check(filecheck, input_file, prefixes, extra, output):
    """Match output against the directives; return the numbers (from 1) of
    the output lines that a directive matched."""
    args = [filecheck, input_file, "--check-prefixes=" + ",".join(prefixes)]
    args += extra + ["-v", "--dump-input=always", "--dump-input-filter=all"]
    result = run(args, input_text=output)
    if result.returncode != 0:
        fail("FileCheck " + ",".join(prefixes) + " did not match")
    # The input dump shows each input line as '   N: text', followed by one
    # line 'check:L  ^~~' per directive that matched on it.
    matched, line = set(), None
    for text in result.stdout.splitlines():
        shown = re.match(r"^\s+(\d+): ", text)
        if shown:
            line = int(shown.group(1))
        elif line is not None and re.match(r"^[a-z]+:\d+(?:'\d+)?\s+\^", text):
            matched.add(line)
    return matched


def unaccounted_changes(cleaned, fixed, matched):
    """The lines of the fixed file that the fix-its wrote or next to which
    they deleted, and that no CHECK-FIXES directive matched."""
    before, after = cleaned.splitlines(), fixed.splitlines()
    missing = []
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag in ("replace", "insert"):
            missing += [(j + 1, after[j]) for j in range(j1, j2) if j + 1 not in matched]
        elif tag == "delete":
            # Lines removed outright: a directive must match a line beside
            # the place they were removed from.
            if not ({j1, j1 + 1} & matched):
                missing.append((j1 + 1, "(%d line(s) deleted before this line: %s)"
                                % (i2 - i1, before[i1].strip())))
    return missing


def load_fixes(path):
    """Diagnostics exported by clang-tidy: [(name, level, message, has_fix)]."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        data = yaml.safe_load(f) or {}
    result = []
    for diag in data.get("Diagnostics") or []:
        message = diag.get("DiagnosticMessage") or {}
        replacements = list(message.get("Replacements") or [])
        for note in diag.get("Notes") or []:
            replacements += note.get("Replacements") or []
        result.append((diag.get("DiagnosticName"), diag.get("Level"),
                       message.get("Message"), bool(replacements)))
    return result


def check_no_crash(result, what):
    if any(m in result.stdout for m in CRASH_MARKERS) or result.returncode < 0:
        fail(what + " crashed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", default="clang-tidy")
    parser.add_argument("--plugin")
    parser.add_argument("--clang", default="clang++")
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes",
                        default="")
    parser.add_argument("-expect-clang-tidy-error", action="store_true")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    own, tidy_args, compiler_args = split_args(sys.argv[1:])
    opts = parser.parse_args(own)

    if not has_std(compiler_args):
        compiler_args = ["-std=c++17"] + compiler_args
    suffixes = [s for s in opts.suffixes.split(",") if s]
    for s in suffixes:
        if not re.match(r"^[A-Z0-9_]+$", s):
            fail("check suffix '%s' must be upper case letters, digits or '_'" % s)

    with open(opts.input) as f:
        original = f.read()
    prefixes = Prefixes(suffixes, original)
    messages = prefixes.used(prefixes.messages)
    notes = prefixes.used(prefixes.notes)
    fixes = prefixes.used(prefixes.fixes)
    if messages and notes:
        fail("use either CHECK-MESSAGES or CHECK-NOTES, not both")

    extension = os.path.splitext(opts.input)[1] or ".cpp"
    temp_file = opts.temp + extension
    export = opts.temp + ".yaml"
    os.makedirs(os.path.dirname(os.path.abspath(temp_file)), exist_ok=True)
    cleaned = strip_checks(original)
    with open(temp_file, "w") as f:
        f.write(cleaned)

    tidy = [opts.clang_tidy]
    if opts.plugin:
        tidy.append("--load=" + opts.plugin)
    tidy += ["--checks=-*," + opts.check, "--export-fixes=" + export]
    tidy += tidy_args

    def run_tidy(fix):
        if os.path.exists(export):
            os.remove(export)
        args = tidy + ([fix] if fix else []) + [temp_file, "--"] + compiler_args
        return run(args)

    if opts.expect_clang_tidy_error:
        # Only this check's fix-its matter: clang's own "did you mean" fix-its
        # on broken code are not ours to judge.
        first = run_tidy(None)
        check_no_crash(first, "clang-tidy")
        if "error:" not in first.stdout:
            fail("clang-tidy was expected to report a compiler error")
        offered = [d for d in load_fixes(export) if d[0] == opts.check and d[3]]
        if offered:
            fail("fix-its offered for code with errors: %r" % [d[2] for d in offered])
        if messages:
            file_check(opts.filecheck, opts.input, messages,
                       ["--implicit-check-not={{warning|error}}:"], first.stdout)
        return

    first = run_tidy("-fix")
    check_no_crash(first, "clang-tidy")
    if first.returncode != 0:
        fail("clang-tidy failed (exit code %d)" % first.returncode)
    found = load_fixes(export)
    if messages:
        file_check(opts.filecheck, opts.input, messages,
                   ["--implicit-check-not={{warning|error}}:"], first.stdout)
    if notes:
        file_check(opts.filecheck, opts.input, notes,
                   ["--implicit-check-not={{note|warning|error}}:"], first.stdout)
    if not messages and not notes:
        reported = [d for d in found if d[1] in ("Warning", "Error")]
        if reported:
            fail("no CHECK-MESSAGES or CHECK-NOTES, yet clang-tidy reported %r"
                 % [d[2] for d in reported])
    with open(temp_file) as f:
        fixed = f.read()
    if fixes:
        matched = file_check(opts.filecheck, opts.input, fixes,
                             ["--strict-whitespace"], fixed)
        # Every line the fix-its changed must be one a directive names: a
        # fix-it the test does not expect (another class's destructor, a
        # second copy of a release) fails even when all directives match.
        missing = unaccounted_changes(cleaned, fixed, matched)
        if missing:
            sys.stdout.writelines(difflib.unified_diff(
                cleaned.splitlines(True), fixed.splitlines(True), "before --fix", "after --fix"))
            fail("the fix-its changed lines that no CHECK-FIXES directive matches:\n"
                 + "\n".join("  %d: %s" % m for m in missing))
    elif fixed != cleaned:
        fail("the check changed the file, but the test has no CHECK-FIXES")

    # The fixed file compiles...
    compiled = run([opts.clang, "-fsyntax-only"] + compiler_args + [temp_file])
    if compiled.returncode != 0:
        fail("the fixed file does not compile")

    # ...and a second run offers nothing more: no fix-it, no new warning, and
    # nothing that was fixed is reported again.
    second = run_tidy(None)
    check_no_crash(second, "clang-tidy (second run)")
    again = load_fixes(export)
    if any(d[3] for d in again):
        fail("the second run still offers fix-its: %r" % [d[2] for d in again if d[3]])
    before = Counter(d[2] for d in found)
    after = Counter(d[2] for d in again)
    new = after - before
    if new:
        fail("the second run reports what the first did not: %r" % list(new))
    fixed_messages = {d[2] for d in found if d[3]}
    refixed = [m for m in after if m in fixed_messages]
    if refixed:
        fail("fixed diagnostics are reported again: %r" % refixed)


if __name__ == "__main__":
    main()
