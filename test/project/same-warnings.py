"""same-warnings.py <whole> <part>...: the warnings of one unsharded
raii-tidy-project run (<whole>, its output) are those of its shards' runs
together (<part>...), each once. Prints 'same <n> warnings', or the
difference and exits 1."""
import re
import sys

WARNING = re.compile(r"^(.+?):(\d+):(\d+): warning: .*\[[\w.,-]+\]$")


def warnings(paths):
    found = set()
    for path in paths:
        with open(path) as f:
            found |= {line.rstrip("\n") for line in f if WARNING.match(line)}
    return found


whole, parts = warnings(sys.argv[1:2]), warnings(sys.argv[2:])
if whole != parts:
    for line in sorted(whole - parts):
        print("only unsharded: " + line)
    for line in sorted(parts - whole):
        print("only sharded: " + line)
    sys.exit(1)
print("same %d warnings" % len(whole))
