"""validate.py <schema.json> <log.sarif>...: validates SARIF logs against the
official SARIF 2.1.0 JSON schema (draft-04) with python3-jsonschema; prints
each violation and exits 1 if there is one."""
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft4Validator(schema)
errors = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        errors += 1
        print("%s: %s: %s" % (path, "/".join(str(p) for p in error.absolute_path), error.message))
    print("%s: %s" % (path, "invalid" if errors else "valid"))
sys.exit(1 if errors else 0)
