"""make-db.py <dir> <include dir> FILE...: writes <dir>/build/compile_commands.json
with one entry per FILE, compiled in <dir> with -std=c++17 -I <include dir>.
'build:FILE' is compiled in <dir>/build as '../FILE', so that clang-tidy prints
its paths relative to that directory; 'FILE,FLAG,...' adds the flags."""
import json
import os
import sys

root, include, files = sys.argv[1], sys.argv[2], sys.argv[3:]
entries = []
for spec in files:
    name, *flags = spec.split(",")
    directory, path = root, name
    if name.startswith("build:"):
        directory, path = os.path.join(root, "build"), os.path.join("..", name[len("build:"):])
    entries.append({"directory": directory, "file": path,
                    "arguments": ["clang++", "-std=c++17", "-I", include] + flags + ["-c", path]})
os.makedirs(os.path.join(root, "build"), exist_ok=True)
with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
