"""write-config.py <project> <hook repo> <hook args...>: the project's
.pre-commit-config.yaml naming the hook repository at its HEAD commit."""
import json
import subprocess
import sys

project, hooks, args = sys.argv[1], sys.argv[2], sys.argv[3:]
rev = subprocess.run(["git", "-C", hooks, "rev-parse", "HEAD"], check=True,
                     stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
with open(project + "/.pre-commit-config.yaml", "w") as config:
    config.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: raii-tidy\n"
                 "    args: %s\n" % (json.dumps(hooks), rev, json.dumps(args)))
