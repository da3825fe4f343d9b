"""program.py: build a test project's sources into one program and run it.

Usage: program.py --clang=PATH DIR leak|clean

Every .cpp file of DIR is compiled with AddressSanitizer (C++17, DIR and
test/dynamic/Inputs on the include path, for oracle.h) and linked into one
program, which is run with LeakSanitizer. Its verdict is 'leak' (LeakSanitizer's
exit code 23, or the descriptor oracle's 24) or 'clean' (0); anything else
(a compile error, an AddressSanitizer error such as a double free, a crash)
fails. The script exits 1 unless the verdict is the one expected.
"""

import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "..", "dynamic", "Inputs")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang", required=True)
    parser.add_argument("dir")
    parser.add_argument("expect", choices=("leak", "clean"))
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    exe = os.path.join(root, "program")
    sources = sorted(glob.glob(os.path.join(root, "*.cpp")))
    build = [args.clang, "-std=c++17", "-g", "-fsanitize=address", "-I", root,
             "-I", ORACLE, "-o", exe] + sources
    result = subprocess.run(build, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode != 0:
        print(result.stdout)
        print("program.py: FAIL: the program does not build")
        return 1
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               LSAN_OPTIONS="exitcode=23")
    try:
        run = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True, errors="replace", env=env,
                             timeout=60)
    except subprocess.TimeoutExpired:
        print("program.py: FAIL: the program did not finish in 60 s")
        return 1
    verdict = {0: "clean", 23: "leak", 24: "leak"}.get(run.returncode)
    if verdict is None:
        print(run.stdout)
        print("program.py: FAIL: exit status %d (an AddressSanitizer error or "
              "a crash)" % run.returncode)
        return 1
    print("program.py: %s" % verdict)
    if verdict != args.expect:
        print(run.stdout)
        print("program.py: FAIL: expected %s" % args.expect)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
