"""check-labels.py <labels.json> <source_dir> <checks.txt> <dump-config.yaml>

Checks raii-tidy's CodeChecker labels against the checks clang-tidy lists
(<checks.txt>: the output of --list-checks) and their options
(<dump-config.yaml>: --dump-config): every check has exactly one severity of
CodeChecker's, a doc_url whose page exists in <source_dir>, profile:default,
and family labels naming the families it covers. Prints one line per check,
'<check>: <severity>, <page>, <n> families', or the problems (exit 1)."""
import json
import os
import re
import sys

import yaml

SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "STYLE", "UNSPECIFIED"}
labels_path, source_dir, checks_path, config_path = sys.argv[1:5]
labels = json.load(open(labels_path))
listed = re.findall(r"^\s+(raii-\S+)$", open(checks_path).read(), re.M)
options = yaml.safe_load(open(config_path))["CheckOptions"]
unreleased = set(options["raii-unreleased-member.Families"].split(";"))
families = {"raii-critical-section-leak": {"critical-section"},
            "raii-unreleased-member": unreleased,
            "raii-copyable-resource-owner": unreleased | {"critical-section"}}
problems = []
if labels.get("analyzer") != "clang-tidy":
    problems.append("analyzer is %r, not 'clang-tidy'" % labels.get("analyzer"))
if sorted(labels["labels"]) != sorted(listed):
    problems.append("labelled %s, clang-tidy lists %s" % (sorted(labels["labels"]), sorted(listed)))
for check in listed:
    values = labels["labels"].get(check, [])
    by_key = {}
    for value in values:
        key, _, rest = value.partition(":")
        by_key.setdefault(key, []).append(rest)
    severity = by_key.get("severity", [])
    if len(severity) != 1 or severity[0] not in SEVERITIES:
        problems.append("%s: severity %s" % (check, severity))
    urls = by_key.get("doc_url", [])
    page = None
    if len(urls) != 1 or "/blob/main/" not in urls[0]:
        problems.append("%s: doc_url %s" % (check, urls))
    else:
        page = urls[0].split("/blob/main/", 1)[1]
        if not os.path.isfile(os.path.join(source_dir, page)) or not page.endswith(check + ".rst"):
            problems.append("%s: doc_url names '%s', which is not its page" % (check, page))
    if "default" not in by_key.get("profile", []):
        problems.append("%s: not in profile:default" % check)
    if set(by_key.get("family", [])) != families.get(check):
        problems.append("%s: families %s, expected %s"
                        % (check, sorted(by_key.get("family", [])), sorted(families.get(check, ()))))
    if not problems:
        print("%s: %s, %s, %d families" % (check, severity[0], page, len(by_key["family"])))
if problems:
    print("\n".join(problems))
    sys.exit(1)
