"""oracle.py: whole-program verdicts equal those of the concatenated program.

Usage: oracle.py --clang-tidy=PATH [--plugin=PATH] --facts=FILE [--checks=GLOBS] DIR

DIR holds a test project and its compile_commands.json (every entry with the
same flags); FILE is its merged project facts. The script runs the checks
twice: on every translation unit with ProjectFacts=FILE, and on one file that
includes every source file of DIR (the program as one translation unit,
judged without facts). It prints the warnings of each run as `check:
message`, sorted and without duplicates, and exits 1 when they differ. A
finding may be placed differently (the call in the constructor rather than
the acquisition in the helper), but it must say the same. The copy check's
wording about where a class is copied is the facts' own; its findings are
compared up to ", but".
"""

import argparse
import json
import os
import re
import subprocess
import sys

WARNING = re.compile(r"^(.+?):(\d+):(\d+): warning: (.*) \[([\w.,-]+)\]$")


def warnings(output):
    found = set()
    for line in output.splitlines():
        match = WARNING.match(line)
        if not match:
            continue
        message, check = match.group(4), match.group(5)
        if check == "raii-copyable-resource-owner":
            message = message.split(", but ")[0]
        found.add("%s: %s" % (check, message))
    return found


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin")
    parser.add_argument("--facts", required=True)
    parser.add_argument("--checks", default="-*,raii-*")
    parser.add_argument("dir")
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    with open(os.path.join(root, "compile_commands.json")) as f:
        entries = json.load(f)
    flags = [a for a in entries[0]["arguments"][1:]
             if a not in ("-c",) and not a.endswith(".cpp")]
    base = [args.clang_tidy, "--quiet", "--checks=" + args.checks]
    if args.plugin:
        base.append("--load=" + args.plugin)

    whole = set()
    for entry in entries:
        whole |= warnings(run(base + [
            "-p", root, "--header-filter=.*",
            "--config={InheritParentConfig: true, CheckOptions: "
            "{ProjectFacts: '%s'}}" % os.path.abspath(args.facts),
            os.path.join(entry["directory"], entry["file"])]))

    oracle_dir = os.path.join(root, ".oracle")
    os.makedirs(oracle_dir, exist_ok=True)
    program = os.path.join(oracle_dir, "program.cpp")
    with open(program, "w") as f:
        for entry in entries:
            f.write('#include "%s"\n' % os.path.join(entry["directory"], entry["file"]))
    one = warnings(run(base + ["--header-filter=.*", program, "--"] + flags))

    print("whole program:")
    for w in sorted(whole):
        print("  " + w)
    print("one translation unit:")
    for w in sorted(one):
        print("  " + w)
    if whole != one:
        print("oracle.py: the verdicts differ")
        return 1
    print("oracle.py: the same %d warnings" % len(whole))
    return 0


if __name__ == "__main__":
    sys.exit(main())
