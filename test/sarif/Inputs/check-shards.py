"""check-shards.py <raii-shard.py> <build_dir> <shards_dir> <N>...

For each N, runs raii-shard.py for shards 1..N of <build_dir> into
<shards_dir>/N/shard-I, and checks that the shards hold every entry of
<build_dir>/compile_commands.json exactly once and all entries of one file in
one shard. Prints one line per N: 'N=<N>: <entries> entries, shards of
<sizes>, each entry exactly once', or what is wrong (and then exits 1)."""
import collections
import json
import os
import subprocess
import sys


def key(entry):
    return json.dumps(entry, sort_keys=True)


def check(build_dir, shards_dir, count):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        database = json.load(f)
    expected = collections.Counter(key(e) for e in database)
    seen, shard_of_file, sizes, problems = collections.Counter(), {}, [], []
    for index in range(1, count + 1):
        with open(os.path.join(shards_dir, "shard-%d" % index, "compile_commands.json")) as f:
            entries = json.load(f)
        sizes.append(len(entries))
        for entry in entries:
            seen[key(entry)] += 1
            path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
            if shard_of_file.setdefault(path, index) != index:
                problems.append("%s is in shards %d and %d" % (path, shard_of_file[path], index))
    problems += ["missing: " + k for k in expected - seen]
    problems += ["more than once or unknown: " + k for k in seen - expected]
    if problems:
        print("N=%d: %s" % (count, "; ".join(problems)))
        return False
    print("N=%d: %d entries, shards of %s, each entry exactly once"
          % (count, len(database), "+".join(map(str, sizes))))
    return True


def main():
    tool, build_dir, shards_root = sys.argv[1:4]
    status = 0
    for count in map(int, sys.argv[4:]):
        shards_dir = os.path.join(shards_root, str(count))
        for index in range(1, count + 1):
            subprocess.run([sys.executable, tool, "-p", build_dir, "--shard",
                            "%d/%d" % (index, count), "-o",
                            os.path.join(shards_dir, "shard-%d" % index)],
                           check=True, stderr=subprocess.DEVNULL)
        if not check(build_dir, shards_dir, count):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
