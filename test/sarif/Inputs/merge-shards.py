"""merge-shards.py <unsharded.sarif> <shard.sarif>...

Merges the shards' results the way code scanning merges the categories of one
commit: results with the same rule and partialFingerprints are one alert.
Compares the merged alerts (rule, file, line, column, message, fingerprint)
with the unsharded run's. Prints 'merged <S> shards: <A> alerts (<H> reported
by more than one shard), equal to the unsharded run', or the differences and
exits 1."""
import collections
import json
import sys


def alerts(path):
    found = collections.OrderedDict()
    for result in json.load(open(path, encoding="utf-8"))["runs"][0]["results"]:
        loc = result["locations"][0]["physicalLocation"]
        identity = (result["ruleId"], json.dumps(result["partialFingerprints"], sort_keys=True))
        found[identity] = (result["ruleId"], loc["artifactLocation"]["uri"],
                           loc["region"]["startLine"], loc["region"]["startColumn"],
                           result["message"]["text"])
    return found


unsharded = alerts(sys.argv[1])
merged, reporters, problems = {}, collections.Counter(), []
for path in sys.argv[2:]:
    for identity, alert in alerts(path).items():
        reporters[identity] += 1
        if merged.setdefault(identity, alert) != alert:
            problems.append("shards disagree on %s: %s / %s" % (identity, merged[identity], alert))
for identity in unsharded.keys() - merged.keys():
    problems.append("missing from the shards: %s" % (unsharded[identity],))
for identity in merged.keys() - unsharded.keys():
    problems.append("only in the shards: %s" % (merged[identity],))
for identity in unsharded.keys() & merged.keys():
    if unsharded[identity] != merged[identity]:
        problems.append("differs: %s / %s" % (unsharded[identity], merged[identity]))
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("merged %d shards: %d alerts (%d reported by more than one shard), equal to the "
      "unsharded run" % (len(sys.argv) - 2, len(merged),
                         sum(1 for n in reporters.values() if n > 1)))
