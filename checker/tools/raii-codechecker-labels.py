#!/usr/bin/env python3
"""Merge raii-tidy's CodeChecker labels into CodeChecker's clang-tidy labels.

Usage:
  raii-codechecker-labels.py [--docs-uri URI] [--labels FILE] CLANG_TIDY_JSON

CodeChecker reads one labels file per analyzer from its
config/labels/analyzers/ directory; a second file for the same analyzer
replaces the first rather than adding to it, so raii-tidy's entries (severity,
documentation link, profiles, guideline and resource families of each check)
are merged into CodeChecker's own clang-tidy.json, in place. The same entries
go into clang-tidy-yaml.json beside it (created if missing), the labels of
the analyzer that report-converter's clang-tidy-yaml route stores reports
under. Running it again replaces the raii-* entries and changes nothing else. The labels come from
raii-tidy-labels.json (--labels; by default the one in docs/ci/codechecker of
the source tree, or in the installed documentation). --docs-uri (or
RAII_TIDY_DOCS_URI) replaces the base of the doc_url links, which otherwise
point at https://github.com/ORG/raii-tidy/blob/main/docs/checks/.
"""

import argparse
import json
import os
import sys

PROG = "raii-codechecker-labels.py"
HERE = os.path.dirname(os.path.realpath(__file__))
DEFAULT_DOCS = "https://github.com/ORG/raii-tidy/blob/main/docs/checks/"


class UserError(Exception):
    pass


def default_labels():
    candidates = [os.path.join(HERE, "..", "..", "docs", "ci", "codechecker",
                               "raii-tidy-labels.json")]
    # Installed as <prefix>/lib/raii-tidy/llvm-N/tools: <prefix>/share/doc/raii-tidy-llvmN.
    major = os.path.basename(os.path.dirname(HERE))
    if major.startswith("llvm-"):
        candidates.append(os.path.join(HERE, "..", "..", "..", "..", "share", "doc",
                                       "raii-tidy-llvm" + major[5:], "ci", "codechecker",
                                       "raii-tidy-labels.json"))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return os.path.realpath(candidate)
    return candidates[0]


def load(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as error:
        raise UserError("cannot read %s '%s': %s" % (what, path, error.strerror))
    except ValueError as error:
        raise UserError("%s '%s' is not JSON: %s" % (what, path, error))
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise UserError("%s '%s' is not a CodeChecker labels file (no 'labels' object)"
                        % (what, path))
    return data


def main():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    parser.add_argument("target", metavar="CLANG_TIDY_JSON",
                        help="CodeChecker's config/labels/analyzers/clang-tidy.json")
    parser.add_argument("--labels", default=default_labels(), help="raii-tidy's labels file")
    parser.add_argument("--docs-uri", default=os.environ.get("RAII_TIDY_DOCS_URI"),
                        help="base URI of the raii checks' pages, ending in '/'")
    args = parser.parse_args()
    docs = args.docs_uri
    if docs and not docs.endswith("/"):
        docs += "/"
    try:
        ours = load(args.labels, "raii-tidy labels")
        theirs = load(args.target, "CodeChecker labels")
        if theirs.get("analyzer") != "clang-tidy":
            raise UserError("'%s' is the labels file of analyzer '%s', not clang-tidy"
                            % (args.target, theirs.get("analyzer")))
        entries = {}
        for check, values in ours["labels"].items():
            if docs:
                prefix = "doc_url:" + DEFAULT_DOCS
                values = ["doc_url:" + docs + v[len(prefix):] if v.startswith(prefix) else v
                          for v in values]
            entries[check] = sorted(values)
        yaml_path = os.path.join(os.path.dirname(os.path.abspath(args.target)),
                                 "clang-tidy-yaml.json")
        yaml_labels = {"analyzer": "clang-tidy-yaml", "labels": {}}
        if os.path.exists(yaml_path):
            yaml_labels = load(yaml_path, "CodeChecker labels")
        write(args.target, merged(theirs, entries))
        write(yaml_path, merged(yaml_labels, entries))
    except UserError as error:
        sys.stderr.write("%s: error: %s\n" % (PROG, error))
        return 1
    print("%s: %d raii-tidy checks merged into %s and %s"
          % (PROG, len(entries), args.target, yaml_path))
    return 0


def merged(labels_file, entries):
    """The labels file with its raii-* entries replaced by \p entries."""
    labels = {check: values for check, values in labels_file["labels"].items()
              if not check.startswith("raii-")}
    labels.update(entries)
    return dict(labels_file, labels=labels)


def write(path, labels_file):
    text = json.dumps(labels_file, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        # Written beside it and renamed, so that a failed write leaves
        # CodeChecker's file as it was.
        temporary = path + ".raii-tidy.tmp"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise UserError("cannot write '%s': %s" % (path, error.strerror))


if __name__ == "__main__":
    sys.exit(main())
