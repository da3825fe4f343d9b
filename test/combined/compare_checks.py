#!/usr/bin/env python3
"""Run each raii check alone and all of them together over the same inputs,
and show that each check's own findings are the same either way.

    compare_checks.py --clang-tidy P [--plugin P] --work DIR [--relative-to DIR]
                      [--same CHECK]... input... [-- compiler args]

The leak checks (raii-critical-section-leak, raii-unreleased-member) must
report exactly the same warnings (file, line, column, message), with the
same fix-its (--export-fixes), alone and together. raii-copyable-resource-owner follows the one-run copy rule: it
judges a class as the leak checks' fix-its of the same run leave it, so with
the leak checks on it may report more classes, or name another member of a
class it reports anyway, and nothing else. Each such finding must be
explained:

  - it says the member is released "by the fix-it for its leak";
  - a leak check warns, in the same run, about that member (the warning's
    "'M' declared here" note is the copy finding's);
  - that leak is fixed: after the leak checks' --fix on a copy of the input,
    the leak checks no longer report it;
  - and, for every class at once: the copy check alone, on the files as the
    leak checks' fixes leave them, reports exactly the classes (and members)
    it reports together on the original files.

The copy check must also not lose a class it reports alone. `--same CHECK`
holds a check to the exact rule instead (raii-copyable-resource-owner too,
to see the rule's difference fail).

Prints one line per check and one per finding the rule explains; exits
non-zero, printing the differences, when anything else differs, when
clang-tidy fails, or when a check reports nothing on the inputs (a
comparison of nothing proves nothing).
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter

import yaml

LEAK_CHECKS = ["raii-critical-section-leak", "raii-unreleased-member"]
COPY_CHECK = "raii-copyable-resource-owner"
CHECKS = LEAK_CHECKS + [COPY_CHECK]

DIAG_RE = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note): (.*?)(?: \[([\w,.-]+)\])?$")
MEMBER_NOTE_RE = re.compile(r"^'[^']+' declared here$")
# class 'X' owns <what> 'M', ...
OWNS_RE = re.compile(r"^class '([^']+)' owns ([^']+?) '([^']+)',")
FIXED_BY_LEAK = "by the fix-it for its leak"
CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:")

failures = []


def findings_count(n):
    return "%d finding%s" % (n, "" if n == 1 else "s")


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


class Finding:
    def __init__(self, path, line, col, message, check):
        self.path, self.line, self.col = path, line, col
        self.message, self.check = message, check
        self.notes = []  # (path, line, col, message)

    def loc(self):
        return (self.path, self.line, self.col)

    def key(self):
        return (self.path, self.line, self.col, self.message)

    def member_note(self):
        for note in self.notes:
            if MEMBER_NOTE_RE.match(note[3]):
                return note
        return None


class Runner:
    def __init__(self, opts, compiler_args):
        self.opts = opts
        self.compiler_args = compiler_args
        self.labels = {}  # normalized path -> label
        self.origin = {}  # normalized path of a leak-fixed copy -> its input's label

    def label(self, path):
        return self.labels.get(os.path.normpath(path), path)

    def source(self, path):
        """The label of the input a file is, or is a leak-fixed copy of."""
        path = os.path.normpath(path)
        return self.origin.get(path) or self.label(path)

    def tidy(self, checks, paths, extra_tidy=(), extra_compiler=(), export=None):
        """Warnings (with their notes) of one clang-tidy run, in output order.
        With export, the run's fix-its are written there (see fixits)."""
        load = ["-load=" + self.opts.plugin] if self.opts.plugin else []
        extra_tidy = list(extra_tidy) + (["--export-fixes=" + export] if export else [])
        args = ([self.opts.clang_tidy] + load + ["--checks=-*," + ",".join(checks)] +
                extra_tidy + list(paths) + ["--"] + self.compiler_args + list(extra_compiler))
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace")
        command = " ".join(shlex.quote(a) for a in args)
        if result.returncode != 0 or any(m in result.stdout for m in CRASH_MARKERS):
            sys.exit("compare_checks.py: FAIL: clang-tidy exited with %d:\n$ %s\n%s"
                     % (result.returncode, command, result.stdout))
        findings, current = [], None
        for text in result.stdout.splitlines():
            m = DIAG_RE.match(text)
            if not m:
                continue
            path, line, col, level, message, check = m.groups()
            path = os.path.normpath(path)
            if level == "error":
                sys.exit("compare_checks.py: FAIL: the input does not compile:\n$ %s\n%s"
                         % (command, result.stdout))
            if level == "note":
                if current is not None:
                    current.notes.append((path, int(line), int(col), message))
                continue
            current = Finding(path, int(line), int(col), message, check)
            if check not in checks:
                sys.exit("compare_checks.py: FAIL: a warning of a check not enabled (%s):\n%s"
                         % (check, text))
            findings.append(current)
        return findings

    def fixits(self, export, check):
        """The fix-its of one check in an exported run: a Counter of
        (file, offset, message, replacements of the warning and its notes)."""
        if not os.path.exists(export):
            return Counter()
        with open(export) as f:
            data = yaml.safe_load(f) or {}
        result = Counter()
        for diag in data.get("Diagnostics") or []:
            if diag.get("DiagnosticName") != check:
                continue
            message = diag.get("DiagnosticMessage") or {}
            replacements = list(message.get("Replacements") or [])
            for note in diag.get("Notes") or []:
                replacements += note.get("Replacements") or []
            result[(self.label(message.get("FilePath", "")), message.get("FileOffset"),
                    message.get("Message"),
                    tuple((self.label(r["FilePath"]), r["Offset"], r["Length"],
                           r["ReplacementText"]) for r in replacements))] += 1
        return result

    def order(self, finding):
        """Sorts findings by input, then line and column."""
        return (self.inputs.index(finding.path) if finding.path in self.inputs else len(self.inputs),
                finding.path, finding.line, finding.col, finding.message)

    def show(self, finding):
        return "%s:%d:%d: %s [%s]" % (self.label(finding.path), finding.line, finding.col,
                                      finding.message, finding.check)

    def where(self, finding):
        return "%s:%d:%d" % (self.label(finding.path), finding.line, finding.col)


def owns(finding):
    """(class, what, member) named by a copy-check finding: ('Heap',
    'critical section', 'm_pcs')."""
    m = OWNS_RE.match(finding.message)
    if not m:
        sys.exit("compare_checks.py: FAIL: cannot read the class and member of: "
                 + finding.message)
    return m.groups()


def compare_exact(runner, check, alone, together, fixits_alone, fixits_together):
    a, t = Counter(f.key() for f in alone), Counter(f.key() for f in together)
    if a == t and fixits_alone == fixits_together:
        print("%s: %s alone, %d together, same (fix-its too)"
              % (check, findings_count(len(alone)), len(together)))
        return
    if a == t:
        fail("%s: %s alone, %d together, same, but their fix-its differ:"
             % (check, findings_count(len(alone)), len(together)))
        for k in sorted(fixits_alone - fixits_together):
            print("  - alone only:    %s (offset %s): %s: %r" % k)
        for k in sorted(fixits_together - fixits_alone):
            print("  + together only: %s (offset %s): %s: %r" % k)
        return
    fail("%s: %s alone, %d together, different:" % (check, findings_count(len(alone)), len(together)))
    for f in sorted(alone, key=runner.order):
        if (a - t)[f.key()]:
            print("  - alone only:    " + runner.show(f))
    for f in sorted(together, key=runner.order):
        if (t - a)[f.key()]:
            print("  + together only: " + runner.show(f))


def compare_copy(runner, alone, together, leaks_together, work):
    """The one-run copy rule: each finding that differs is explained."""
    by_loc = {f.loc(): f for f in alone}
    more, changed = [], []
    together_locs = {f.loc() for f in together}
    for f in alone:
        if f.loc() not in together_locs:
            fail("%s: reported alone but not with the leak checks: %s"
                 % (COPY_CHECK, runner.show(f)))
    for f in together:
        before = by_loc.get(f.loc())
        if before is None:
            more.append(f)
        elif before.message != f.message:
            changed.append((f, before))

    summary = "%s: %s alone, %d together" % (COPY_CHECK, findings_count(len(alone)), len(together))
    if not more and not changed:
        print(summary + ", same")
    else:
        print(summary + ", %d more, %d changed (one-run copy rule)" % (len(more), len(changed)))

    # The leak findings of the same run, by the member they name.
    leak_by_member = {}
    for leak in leaks_together:
        note = leak.member_note()
        if note:
            leak_by_member.setdefault(note[:3], []).append(leak)

    # The leak checks' fixes on copies of the inputs, then the leak checks
    # and the copy check alone on the fixed copies.
    fixed_paths, quote_dirs = [], []
    for number, path in enumerate(runner.inputs):
        copy = os.path.join(work, "leak-fixed", str(number), os.path.basename(path))
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        shutil.copyfile(path, copy)
        fixed_paths.append(copy)
        quote_dirs += ["-iquote", os.path.dirname(path)]
        runner.labels[os.path.normpath(copy)] = "leak-fixed copy of " + runner.label(path)
        runner.origin[os.path.normpath(copy)] = runner.label(path)
    runner.tidy(LEAK_CHECKS, fixed_paths, ["--fix"], quote_dirs)
    leaks_after = Counter((runner.source(f.path), f.message)
                          for f in runner.tidy(LEAK_CHECKS, fixed_paths, [], quote_dirs))
    copy_after = runner.tidy([COPY_CHECK], fixed_paths, [], quote_dirs)

    def explain(f, kind, note):
        cls, what, member = owns(f)
        why = []
        if FIXED_BY_LEAK not in f.message:
            why.append("it does not say the member is released %s" % FIXED_BY_LEAK)
        member_loc = f.member_note()
        leaks = leak_by_member.get(member_loc[:3], []) if member_loc else []
        if not leaks:
            why.append("no leak check warns about '%s' in the same run" % member)
        for leak in leaks:
            if leaks_after[(runner.source(leak.path), leak.message)]:
                why.append("the leak at %s [%s] is still reported after the leak checks' --fix"
                           % (runner.where(leak), leak.check))
        if why:
            fail("%s: %s finding not explained by a leak fixed in the same run: %s: %s"
                 % (COPY_CHECK, kind, runner.show(f), "; ".join(why)))
            return
        print("  %s: %s: class '%s' owns %s '%s'%s; its leak at %s is fixed in the same run"
              % (kind, runner.where(f), cls, what, member, note,
                 ", ".join("%d:%d [%s]" % (l.line, l.col, l.check) if l.path == f.path
                           else "%s [%s]" % (runner.where(l), l.check) for l in leaks)))

    for f in sorted(more, key=runner.order):
        explain(f, "more", "")
    for f, before in sorted(changed, key=lambda c: runner.order(c[0])):
        explain(f, "changed", " (alone: %s '%s')" % owns(before)[1:])

    # The rule for every class at once.
    def classes(findings):
        return Counter((runner.source(f.path),) + owns(f) for f in findings)

    want, got = classes(together), classes(copy_after)
    if want == got:
        print("one-run copy rule: alone on the files as the leak checks' fixes leave them, "
              "%s reports the same %d classes" % (COPY_CHECK, len(together)))
    else:
        fail("one-run copy rule: alone on the leak-fixed files %s reports other classes "
             "than together:" % COPY_CHECK)
        for k in sorted(want - got):
            print("  - together only:   %s: class '%s' owns %s '%s'" % k)
        for k in sorted(got - want):
            print("  + leak-fixed only: %s: class '%s' owns %s '%s'" % k)


def main():
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        cut = argv.index("--")
        argv, compiler_args = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    # Without --plugin, the clang-tidy has the checks built in (raii-clang-tidy).
    parser.add_argument("--plugin", default="")
    parser.add_argument("--work", required=True, help="a directory for the fixed copies")
    parser.add_argument("--relative-to", help="print input paths relative to this directory")
    parser.add_argument("--same", action="append", default=[], choices=CHECKS,
                        help="hold this check to the exact rule (the leak checks always are)")
    parser.add_argument("inputs", nargs="+")
    opts = parser.parse_args(argv)

    runner = Runner(opts, compiler_args)
    runner.inputs = [os.path.normpath(os.path.abspath(p)) for p in opts.inputs]
    for path in runner.inputs:
        runner.labels[path] = (os.path.relpath(path, opts.relative_to) if opts.relative_to
                               else os.path.basename(path))
    if os.path.exists(opts.work):
        shutil.rmtree(opts.work)
    os.makedirs(opts.work)

    print("inputs: " + ", ".join(runner.label(p) for p in runner.inputs))
    exports = {c: os.path.join(opts.work, c + ".yaml") for c in CHECKS + ["together"]}
    together = runner.tidy(CHECKS, runner.inputs, export=exports["together"])
    alone = {c: runner.tidy([c], runner.inputs, export=exports[c]) for c in CHECKS}
    mine = {c: [f for f in together if f.check == c] for c in CHECKS}
    for check in CHECKS:
        if check in LEAK_CHECKS or check in opts.same:
            compare_exact(runner, check, alone[check], mine[check],
                          runner.fixits(exports[check], check),
                          runner.fixits(exports["together"], check))
        else:
            leaks = [f for f in together if f.check in LEAK_CHECKS]
            compare_copy(runner, alone[check], mine[check], leaks, opts.work)
    for check in CHECKS:
        if not alone[check] and not mine[check]:
            fail("%s reports nothing on these inputs: the comparison proves nothing" % check)
    if failures:
        print("RESULT: FAIL (%d)" % len(failures))
        sys.exit(1)
    print("RESULT: PASS")


if __name__ == "__main__":
    main()
