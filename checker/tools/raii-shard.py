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
"""

import argparse
import hashlib
import json
import os
import sys

PROG = "raii-shard.py"


class UserError(Exception):
    pass


def entry_file(entry):
    return os.path.normpath(os.path.join(entry.get("directory", ""), entry["file"]))


def shard_of(path, count):
    """1-based shard of a translation unit's path."""
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def load_database(build_dir):
    path = os.path.join(build_dir, "compile_commands.json")
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except OSError as error:
        raise UserError("cannot read '%s': %s (configure the project with "
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" % (path, error.strerror))
    except ValueError as error:
        raise UserError("'%s' is not JSON: %s" % (path, error))
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("file"), str) for e in entries):
        raise UserError("'%s' is not a compilation database (a list of entries "
                        "with a 'file')" % path)
    return entries


def parse_shard(text):
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise UserError("--shard takes I/N, such as 2/4, not '%s'" % text)
    if count < 1 or not 1 <= index <= count:
        raise UserError("--shard %s: the shard I must be between 1 and N" % text)
    return index, count


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
