"""gh-results.py <validation.sarif> <name>

Prints what the SARIF Multitool's `validate --rule-kind Gh` found in the log
<name>, one line per error or warning ("<name>: GH2012: runs[0]..."), or
"<name>: clean" when it found none. Exits 1 when the validation log has no
run (the tool did not validate anything)."""
import json
import sys

path, name = sys.argv[1:3]
with open(path, encoding="utf-8-sig") as f:
    log = json.load(f)
runs = log.get("runs") or []
if not runs:
    print("%s: the validation log has no run" % name)
    sys.exit(1)
found = 0
for result in runs[0].get("results") or []:
    if result.get("level", "warning") not in ("error", "warning"):
        continue
    found += 1
    args = result.get("message", {}).get("arguments") or []
    print("%s: %s: %s" % (name, result.get("ruleId"), " ".join(args)))
if not found:
    print("%s: clean" % name)
