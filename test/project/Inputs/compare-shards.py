"""compare-shards.py <dir> <N>...: for each N, compares the translation units
that 'raii-tidy-project --stage collect --shard I/N' ran (<dir>/shard-I-N.log,
the stand-in clang-tidy's log) with the shards of 'raii-shard.py --list N'
(<dir>/list-N). Prints one line per N: 'N=<N>: as raii-shard.py --list <N>,
each file once', or the difference (and then exits 1)."""
import json
import os
import sys

directory, status = sys.argv[1], 0
for count in map(int, sys.argv[2:]):
    expected = {}
    with open(os.path.join(directory, "list-%d" % count)) as f:
        for line in f:
            shard, path = line.rstrip("\n").split(" ", 1)
            expected[path] = int(shard)
    ran, problems = {}, []
    for index in range(1, count + 1):
        with open(os.path.join(directory, "shard-%d-%d.log" % (index, count))) as f:
            for line in f:
                args = json.loads(line)
                if not any("CollectFacts" in arg for arg in args):
                    continue
                path = args[-1]
                if path in ran:
                    problems.append("%s ran in shards %d and %d" % (path, ran[path], index))
                ran[path] = index
    for path in sorted(set(expected) | set(ran)):
        if expected.get(path) != ran.get(path):
            problems.append("%s: raii-shard.py says shard %s, raii-tidy-project ran it in %s"
                            % (path, expected.get(path), ran.get(path)))
    if problems:
        status = 1
        print("N=%d: %s" % (count, "; ".join(problems)))
    else:
        print("N=%d: as raii-shard.py --list %d, each file once" % (count, count))
sys.exit(status)
