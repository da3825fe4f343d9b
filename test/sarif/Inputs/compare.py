"""compare.py <expected.json> <actual.sarif> <srcroot> [--without-fixes]

Exact comparison of a SARIF log with the expected one, in which @SRCROOT@
stands for the source root. --without-fixes drops 'fixes' from the expected
results (clang-tidy's text output carries no fix-its). Prints a unified diff
and exits 1 on any difference."""
import difflib
import json
import sys

expected_path, actual_path, srcroot = sys.argv[1:4]
with open(expected_path, encoding="utf-8") as f:
    expected = json.loads(f.read().replace("@SRCROOT@", srcroot))
with open(actual_path, encoding="utf-8") as f:
    actual = json.load(f)
if "--without-fixes" in sys.argv:
    for result in expected["runs"][0]["results"]:
        result.pop("fixes", None)


def lines(doc):
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False).splitlines()


if expected != actual:
    sys.stdout.write("\n".join(difflib.unified_diff(
        lines(expected), lines(actual), "expected", "actual", lineterm="")) + "\n")
    sys.exit(1)
print("identical")
