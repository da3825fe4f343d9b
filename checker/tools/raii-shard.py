#!/usr/bin/env python3
"""Select one shard of a compilation database, for analysing it on N machines.

Usage:
  raii-shard.py -p BUILD_DIR --shard I/N -o SHARD_DIR
  raii-shard.py -p BUILD_DIR --list N

Writes SHARD_DIR/compile_commands.json with the entries of shard I of N
(1 <= I <= N) of BUILD_DIR/compile_commands.json, for `run-clang-tidy -p
SHARD_DIR` or `CodeChecker analyze SHARD_DIR/compile_commands.json`. A
translation unit belongs to the shard given by a hash of its file's path
(made absolute against the entry's directory), so its shard does not change
when other files are added or removed, every entry of one file (compiled
twice with different flags) lands in the same shard, and the shards together
hold every entry exactly once. --list N prints each file's shard instead.
raii-tidy-project --shard I/N analyses the same shard (raii_tools.shard_of).
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the installed scripts
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
from raii_tools import UserError, entry_file, load_database, parse_shard, shard_of  # noqa: E402

PROG = "raii-shard.py"


def main():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    parser.add_argument("-p", dest="build_dir", required=True, metavar="BUILD_DIR")
    parser.add_argument("--shard", metavar="I/N")
    parser.add_argument("-o", dest="output", metavar="SHARD_DIR")
    parser.add_argument("--list", type=int, metavar="N")
    args = parser.parse_args()
    try:
        if (args.shard is None) == (args.list is None):
            raise UserError("give either --shard I/N with -o SHARD_DIR, or --list N")
        entries = load_database(args.build_dir)
        if args.list is not None:
            if args.list < 1:
                raise UserError("--list takes a number of shards of at least 1")
            for entry in entries:
                path = entry_file(entry)
                print("%d %s" % (shard_of(path, args.list), path))
            return 0
        index, count = parse_shard(args.shard)
        if not args.output:
            raise UserError("--shard needs -o SHARD_DIR, where the shard's "
                            "compile_commands.json is written")
        if os.path.realpath(args.output) == os.path.realpath(args.build_dir):
            raise UserError("-o must not be the build directory: the shard would "
                            "replace its compile_commands.json")
        mine = [e for e in entries if shard_of(entry_file(e), count) == index]
        try:
            os.makedirs(args.output, exist_ok=True)
            with open(os.path.join(args.output, "compile_commands.json"), "w",
                      encoding="utf-8") as f:
                json.dump(mine, f, indent=2)
                f.write("\n")
        except OSError as error:
            raise UserError("cannot write the shard into '%s': %s"
                            % (args.output, error.strerror))
    except UserError as error:
        sys.stderr.write("%s: error: %s\n" % (PROG, error))
        return 1
    sys.stderr.write("%s: shard %d/%d: %d of %d translation units\n"
                     % (PROG, index, count, len(mine), len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
