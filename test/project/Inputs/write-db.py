"""write-db.py [-I DIR] <src> <build> <file>...: <build>/compile_commands.json
with one entry for each <file> (relative to <src>), compiled in the file's
directory (with -I DIR); a file named twice gets two entries, with different
flags."""
import json
import os
import sys

args = sys.argv[1:]
include = []
if args[0] == "-I":
    include, args = ["-I", args[1]], args[2:]
src, build, files = args[0], args[1], args[2:]
entries = []
for n, name in enumerate(files):
    path = os.path.join(src, name)
    entries.append({"directory": os.path.dirname(path), "file": os.path.basename(path),
                    "arguments": ["clang++", "-std=c++17", "-DENTRY=%d" % n] + include +
                                 ["-c", os.path.basename(path)]})
os.makedirs(build, exist_ok=True)
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
