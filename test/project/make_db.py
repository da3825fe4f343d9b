"""make_db.py <dir> <flag>...: <dir>/compile_commands.json with one entry
for each .cpp file of <dir> and its subdirectories (sorted; not those whose
name starts with '.'), compiled in its directory with clang++ and the flags:
the compilation database of a multi-file test project."""
import json
import os
import sys

root, flags = os.path.abspath(sys.argv[1]), sys.argv[2:]
entries = []
for directory, subdirs, files in os.walk(root):
    subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
    entries += [{"directory": directory, "file": name,
                 "arguments": ["clang++"] + flags + ["-c", name]}
                for name in sorted(files) if name.endswith(".cpp")]
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
