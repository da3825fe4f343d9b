"""fingerprints.py <log.sarif>...

Prints each result of each log as '<uri>:<line> <ruleId> <fingerprint>', in
file and line order, under a '== <log>' heading."""
import json
import os
import sys

for path in sys.argv[1:]:
    print("== " + os.path.basename(path))
    rows = []
    for result in json.load(open(path, encoding="utf-8"))["runs"][0]["results"]:
        loc = result["locations"][0]["physicalLocation"]
        rows.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"], result["ruleId"],
                     result["partialFingerprints"]["raiiTidy/v1"]))
    for uri, line, rule, fingerprint in sorted(rows):
        print("%s:%d %s %s" % (uri, line, rule, fingerprint))
