#!/usr/bin/env python3
"""The dynamic oracle: build and run one program before and after --fix.

Usage:
  run_program.py --clang-tidy=<path> [--plugin=<path>] --clang=<path>
                 <program.cpp> <temp-prefix>

The program is a complete C++17 program whose main() returns
raii_oracle_finish() (Inputs/oracle.h). It carries its expectation as
comments:
  // DYNAMIC: leaks          it leaks; the raii checks warn, --fix changes it,
                             and the fixed program runs clean
  // DYNAMIC: clean          it runs clean; the checks are silent
  // DYNAMIC: leaks-no-fix   it leaks; the checks warn, say why there is no
                             fix-it ("no fix-it: ...", or the member function
                             that releases it instead of the destructor) and
                             leave the file alone
  // DYNAMIC-ARGS: ...       extra compiler arguments (optional); Inputs/
                             and, after the system headers, test/Inputs
                             (portable mocks such as atlcom.h) are on the
                             include path
  // DYNAMIC-WARNS: <check>  a check that must warn (optional, repeatable);
                             when given, no other raii check may warn

Each run of the program is judged by AddressSanitizer, LeakSanitizer
(exit code 23) and the descriptor oracle of oracle.h (exit code 24): its
verdict is 'asan-error', 'leak' or 'clean'. Anything else (a crash, another
exit code, a timeout) fails the test.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:")
LSAN_EXIT = 23
FD_ORACLE_EXIT = 24
RUN_TIMEOUT = 60
INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs")
# The suite's portable mock headers (atlcom.h) are on the include path too.
SHARED_INPUTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Inputs")
KINDS = ("leaks", "clean", "leaks-no-fix")


def fail(step, message):
    sys.exit("run_program.py: FAIL: %s: %s" % (step, message))


def run(args, env=None, timeout=None):
    shown = "".join("%s=%s " % (k, shlex.quote(v)) for k, v in (env or {}).items())
    print("$ " + shown + " ".join(shlex.quote(a) for a in args), flush=True)
    full_env = dict(os.environ, **env) if env else None
    try:
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace",
                                env=full_env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    print(result.stdout, end="" if result.stdout.endswith("\n") else "\n", flush=True)
    return result


def parse_annotations(text):
    kinds = re.findall(r"^\s*//\s*DYNAMIC:\s*(\S+)\s*$", text, re.M)
    if len(kinds) != 1 or kinds[0] not in KINDS:
        fail("annotation", "the program needs exactly one line '// DYNAMIC: %s'"
             % "|".join(KINDS))
    args = []
    for line in re.findall(r"^\s*//\s*DYNAMIC-ARGS:(.*)$", text, re.M):
        args += shlex.split(line)
    warns = [w.strip() for w in re.findall(r"^\s*//\s*DYNAMIC-WARNS:(.*)$", text, re.M)]
    for w in warns:
        if not re.match(r"^raii-[a-z-]+$", w):
            fail("annotation", "DYNAMIC-WARNS takes one raii check name, not %r" % w)
    return kinds[0], args, warns


class Program:
    def __init__(self, opts, work, compiler_args):
        self.opts = opts
        self.work = work
        self.source = os.path.join(work, "prog.cpp")
        self.compiler_args = ["-std=c++17", "-I", INPUTS, "-idirafter", SHARED_INPUTS] + compiler_args
        self.build_args = ["-std=c++17", "-g", "-fsanitize=address",
                           "-fno-omit-frame-pointer", "-I", INPUTS, "-idirafter", SHARED_INPUTS] + compiler_args

    def build_and_run(self, stage):
        """Compile and run the program; return its oracle verdict."""
        exe = os.path.join(self.work, "prog-" + stage)
        compiled = run([self.opts.clang] + self.build_args + [self.source, "-o", exe])
        if compiled.returncode != 0:
            if stage == "after":
                fail("compile (after --fix)", "the fixed program does not compile")
            fail("compile (before)", "the program does not compile")
        result = run([exe], env={"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0",
                                 "LSAN_OPTIONS": "exitcode=%d" % LSAN_EXIT},
                     timeout=RUN_TIMEOUT)
        step = "run (%s --fix)" % stage
        if result is None:
            fail(step, "the program did not finish within %d s" % RUN_TIMEOUT)
        out = result.stdout
        asan = re.search(r"ERROR: AddressSanitizer: (.*)", out)
        if asan:
            return "asan-error", asan.group(1).strip().rstrip(":")
        if "LeakSanitizer has encountered a fatal error" in out:
            fail(step, "LeakSanitizer could not run (under ptrace?)")
        lsan = "ERROR: LeakSanitizer: detected memory leaks" in out
        fds = re.search(r"fd-oracle: (\d+) descriptor\(s\) leaked", out)
        if result.returncode == LSAN_EXIT and lsan:
            return "leak", "memory" + (" and descriptors" if fds else "")
        if result.returncode == FD_ORACLE_EXIT and fds and not lsan:
            return "leak", "%s descriptor(s)" % fds.group(1)
        if result.returncode == 0 and not lsan and not fds:
            if "raii-oracle: finished" not in out:
                fail(step, "main() must return raii_oracle_finish() (Inputs/oracle.h)")
            if "raii-oracle: finished with AddressSanitizer" not in out:
                fail(step, "the program ran clean, but it was not built with AddressSanitizer, "
                     "so no sanitizer judged it")
            return "clean", ""
        fail(step, "the program failed on its own (exit code %d), not through an oracle"
             % result.returncode)

    def tidy(self, fix, step):
        export = os.path.join(self.work, "fixes.yaml")
        if os.path.exists(export):
            os.remove(export)
        args = [self.opts.clang_tidy]
        if self.opts.plugin:
            args.append("--load=" + self.opts.plugin)
        args += ["--checks=-*,raii-*", "--export-fixes=" + export]
        if fix:
            args.append("--fix")
        args += [self.source, "--"] + self.compiler_args
        result = run(args)
        if any(m in result.stdout for m in CRASH_MARKERS) or result.returncode < 0:
            fail(step, "clang-tidy crashed")
        if result.returncode != 0 or re.search(r"^(\S+:\d+:\d+: )?error: ", result.stdout, re.M):
            fail(step, "clang-tidy failed (exit code %d)" % result.returncode)
        return load_diagnostics(export)


def load_diagnostics(path):
    """The raii warnings clang-tidy exported: [(check, message, [notes])]."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        data = yaml.safe_load(f) or {}
    result = []
    for diag in data.get("Diagnostics") or []:
        name = diag.get("DiagnosticName") or ""
        if not name.startswith("raii-"):
            continue
        message = (diag.get("DiagnosticMessage") or {}).get("Message", "")
        notes = [n.get("Message", "") for n in diag.get("Notes") or []]
        result.append((name, message, notes))
    return result


def check_verdict(stage, expected, verdict):
    kind, detail = verdict
    step = "run (%s --fix)" % stage
    print("oracle verdict %s --fix: %s%s" % (stage, kind, " (%s)" % detail if detail else ""),
          flush=True)
    if kind == "asan-error":
        if stage == "after":
            fail(step, "fix-it broke the program at runtime: AddressSanitizer: " + detail)
        fail(step, "the program is broken before any fix: AddressSanitizer: " + detail)
    if kind != expected:
        fail(step, "expected the oracle verdict '%s', got '%s'%s"
             % (expected, kind, " (%s)" % detail if detail else ""))


def check_warns(warns, found):
    if not warns:
        return
    checks = {d[0] for d in found}
    missing = [w for w in warns if w not in checks]
    if missing:
        fail("clang-tidy", "DYNAMIC-WARNS: %s did not warn" % ", ".join(missing))
    extra = sorted(checks - set(warns))
    if extra:
        fail("clang-tidy", "%s warned, but DYNAMIC-WARNS does not list it" % ", ".join(extra))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", default="clang-tidy")
    parser.add_argument("--plugin")
    parser.add_argument("--clang", default="clang++")
    parser.add_argument("input")
    parser.add_argument("temp")
    opts = parser.parse_args()

    with open(opts.input) as f:
        original = f.read()
    kind, compiler_args, warns = parse_annotations(original)

    work = opts.temp + ".dir"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    prog = Program(opts, work, compiler_args)
    shutil.copyfile(opts.input, prog.source)

    before = "clean" if kind == "clean" else "leak"
    check_verdict("before", before, prog.build_and_run("before"))

    found = prog.tidy(True, "clang-tidy --fix")
    for check, message, notes in found:
        print("raii warning: %s [%s]%s" % (message, check,
              "".join("\n  note: " + n for n in notes)))
    with open(prog.source) as f:
        fixed = f.read()
    changed = fixed != original

    if kind == "clean":
        problem = None
        if found:
            problem = "expected no raii warning, got %r" % [d[1] for d in found]
        elif changed:
            problem = "the file changed although nothing was reported"
        if problem and changed:
            # Show what the unwanted fix does to the program, then fail.
            print("unexpected fix-its; running the fixed program to see their effect")
            check_verdict("after", "clean", prog.build_and_run("after"))
            problem += " (the fixed program still runs clean)"
        if problem:
            fail("clang-tidy --fix", problem)
        check_verdict("after", "clean", prog.build_and_run("after"))
        return

    if not found:
        fail("clang-tidy --fix", "the program leaks but no raii check warned")
    check_warns(warns, found)

    if kind == "leaks-no-fix":
        if changed:
            print("unexpected fix-its; running the fixed program to see their effect")
            verdict = prog.build_and_run("after")
            if verdict[0] == "asan-error":
                check_verdict("after", "clean", verdict)
            fail("clang-tidy --fix", "the file changed, but no fix-it was expected "
                 "(the fixed program runs: %s)" % verdict[0])
        # The reason is a note 'no fix-it: ...', or the note naming the
        # member function that releases it instead of the destructor.
        if not any(n.startswith("no fix-it:") or
                   n.endswith(", which the destructor does not call")
                   for d in found for n in d[2]):
            fail("clang-tidy --fix", "no warning carries a note saying why there "
                 "is no fix-it ('no fix-it: ...' or '... which the destructor does "
                 "not call')")
        return

    if not changed:
        fail("clang-tidy --fix", "the checks warned but --fix did not change the file")
    check_verdict("after", "clean", prog.build_and_run("after"))
    again = prog.tidy(False, "clang-tidy (second run, on the fixed file)")
    if again:
        fail("clang-tidy (second run, on the fixed file)",
             "raii warnings remain after --fix: %r" % ["%s [%s]" % (d[1], d[0]) for d in again])


if __name__ == "__main__":
    main()
