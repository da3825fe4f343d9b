"""run-steps.py <workflow.yml> <dir> <step name>...: runs the named steps of a
GitHub Actions workflow in <dir>, as Actions would with 'shell: bash'
(bash -e), with the workflow's env; LLVM, GITHUB_SERVER_URL, PATH and the
job's matrix values (SHARD, SHARDS) come from this environment (LLVM also from
the file after --major-file). Stops at the first failing step with its exit code."""
import os
import subprocess
import sys

import yaml

args = sys.argv[1:]
major = None
if "--major-file" in args:
    i = args.index("--major-file")
    with open(args[i + 1]) as f:
        major = f.read().strip()
    del args[i:i + 2]
workflow_path, directory, names = args[0], args[1], args[2:]
with open(workflow_path) as f:
    workflow = yaml.safe_load(f)
assert workflow["defaults"]["run"]["shell"] == "bash", "steps are written for bash"
env = dict(os.environ)
for key, value in workflow.get("env", {}).items():
    env.setdefault(key, str(value))
if major:
    env["LLVM"] = major
steps = {step.get("name"): step for job in workflow["jobs"].values() for step in job["steps"]}
for name in names:
    if name not in steps:
        sys.exit("run-steps.py: no step named %r in %s" % (name, workflow_path))
    print("== " + name, flush=True)
    code = subprocess.run(["bash", "-e", "-c", steps[name]["run"]], cwd=directory, env=env).returncode
    if code:
        sys.exit(code)
