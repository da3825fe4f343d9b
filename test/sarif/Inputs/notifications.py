"""notifications.py <log.sarif>...: prints, for each SARIF log, whether the run
succeeded, its results (rule, file and line) and each tool execution
notification field by field; fails on a field it does not know, so that the
test sees every one."""
import json
import os
import sys


def where(location):
    physical = location["physicalLocation"]
    region = physical.get("region", {})
    uri = physical["artifactLocation"]["uri"]
    return "%s:%s:%s%s" % (uri, region.get("startLine"), region.get("startColumn"),
                           " (%s)" % physical["artifactLocation"]["uriBaseId"]
                           if "uriBaseId" in physical["artifactLocation"] else "")


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        run = json.load(f)["runs"][0]
    print("== " + os.path.basename(path))
    for result in run["results"]:
        print("result: %s %s" % (result["ruleId"], where(result["locations"][0])))
    invocations = run.get("invocations")
    if invocations is None:
        print("no invocations")
        continue
    assert len(invocations) == 1, invocations
    invocation = invocations[0]
    assert set(invocation) == {"executionSuccessful", "toolExecutionNotifications"}, invocation
    print("executionSuccessful: %s" % json.dumps(invocation["executionSuccessful"]))
    descriptors = run["tool"]["driver"].get("notifications", [])
    for notification in invocation["toolExecutionNotifications"]:
        known = {"level", "message", "descriptor", "locations", "properties"}
        assert set(notification) <= known, notification
        descriptor = notification["descriptor"]
        assert descriptors[descriptor["index"]]["id"] == descriptor["id"], descriptor
        print("notification: level=%s descriptor=%s" % (notification["level"], descriptor["id"]))
        print("  message: " + notification["message"]["text"])
        for location in notification.get("locations", []):
            print("  location: " + where(location))
        properties = dict(notification.get("properties", {}))
        unit = properties.pop("raiiTidy/translationUnit", None)
        if unit is not None:
            print("  translation unit: %s%s" % (unit["uri"], " (%s)" % unit["uriBaseId"]
                                                if "uriBaseId" in unit else ""))
        count = properties.pop("raiiTidy/compileErrors", None)
        if count is not None:
            print("  compile errors: %d" % count)
        assert not properties, properties
    for descriptor in descriptors:
        print("descriptor: %s: %s (%s)" % (descriptor["id"], descriptor["shortDescription"]["text"],
                                           descriptor["defaultConfiguration"]["level"]))
