#!/usr/bin/env python3
"""Convert clang-tidy findings to SARIF 2.1.0 for code scanning in CI.

Usage:
  raii-sarif.py [-o OUT.sarif] [--base-dir DIR] [--docs-uri URI] INPUT...

Each INPUT is either a file that clang-tidy's --export-fixes (or
run-clang-tidy's -export-fixes) wrote, or clang-tidy's text output; the kind is
recognised from the contents. The YAML is the better input: it carries the
fix-its, which become SARIF 'fixes'. Findings reported by several inputs (a
header seen from several translation units) appear once.

Locations: lines and columns are 1-based and counted in Unicode code points
(run.columnKind 'unicodeCodePoints'), computed from the byte offsets in the
YAML against the files on disk; fix-it regions also carry the exact
byteOffset/byteLength. Files under --base-dir (default: the current
directory) get URIs relative to %SRCROOT%, as GitHub code scanning expects.

Each result carries partialFingerprints["raiiTidy/v1"]: a hash of the check,
the file's URI, the message and the text of the reported line (not its
number), so that an alert keeps its identity when lines move, and shards that
each report the same header produce the same value.

With project facts, raii-copyable-resource-owner's results say whether the
program copies the class: a copied owner is level 'error', a latent one
(no translation unit copies it) level 'note', and properties["raiiTidy/copy"]
says 'copied' or 'latent'.

Translation units with compile errors (the check clang-diagnostic-error) were
not judged: their errors are not results but one notification per
translation unit in runs[0].invocations[0].toolExecutionNotifications (level
'error', located at the first error, with the number of errors), and
executionSuccessful is false; each is also named on stderr, one line each:

  raii-sarif.py: not judged: src/a.cpp: 3 compile errors (first: src/a.h:12:5: unknown type name 'X')

Which translation unit an error belongs to comes from the inputs: the
MainSourceFile of one clang-tidy's YAML, run-clang-tidy's output (each
clang-tidy's output, then 'Error while processing FILE.'), clang-tidy's
output for one file, or the 'not judged' lines of raii-tidy-pre-commit and
raii-tidy-project. run-clang-tidy's merged YAML does not say, so convert its
output with it; errors no input ties to a translation unit are one
notification per input.

Rules link to their documentation: the raii-* checks to <docs-uri><check>.rst
(--docs-uri or RAII_TIDY_DOCS_URI, for instance
https://github.com/ORG/raii-tidy/blob/main/docs/checks/; default: the local
docs/checks directory as a file: URI), other clang-tidy checks to LLVM's pages.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import sys
import urllib.parse

PROG = "raii-sarif.py"
HERE = os.path.dirname(os.path.realpath(__file__))
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "raiiTidy/v1"
LEVELS = {"warning": "warning", "error": "error", "fatal error": "error",
          "note": "note", "remark": "note"}
TEXT_DIAGNOSTIC = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error|fatal error|note|remark): "
    r"(?P<message>.*?)(?: \[(?P<check>[^\]\s]+)\])?$")
# The compiler's errors: clang-tidy reports them as this check, and the
# translation unit they are in was not judged.
COMPILE_ERROR = "clang-diagnostic-error"
# A compile error without a location (the driver's: an unknown argument).
TEXT_DRIVER_ERROR = re.compile(r"^(?:fatal )?error: (?P<message>.*) \[clang-diagnostic-error\]$")
# clang-tidy's word that it could not process a file.
NOT_PROCESSED = re.compile(r"^Error while processing (?P<tu>.+)\.$")
# run-clang-tidy: the line before each clang-tidy's output, and a clang-tidy
# killed by a signal.
INVOCATION = re.compile(r"^\[\s*\d+/\d+\]\[\d+(?:\.\d+)?s\] ")
TERMINATED = re.compile(r"^(?P<tu>.+): terminated by signal (?P<signal>\d+)$")
# The line of raii-tidy-pre-commit and raii-tidy-project for a translation
# unit they did not judge (raii_tools.not_judged).
NOT_JUDGED = re.compile(
    r"^raii-tidy-(?:pre-commit|project): not judged: (?P<tu>.+?): (?:(?P<count>\d+) compile "
    r"errors? \(first: (?:(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): )?(?P<message>.*)\)"
    r"|(?P<reason>.*))$")
# Files that are translation units rather than headers, to tell a YAML of one
# clang-tidy over several files (whose MainSourceFile is only the first).
SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".c++", ".cp", ".m", ".mm", ".cu")
NOT_JUDGED_ID = "not-judged"
# What to convert instead when a text input does not say which translation
# unit its errors are from (stdout alone, or one clang-tidy over several
# files, which prints the errors of all together).
ONE_AT_A_TIME = ("convert run-clang-tidy's output, which names the file of each clang-tidy's "
                 "errors, to name them")


class UserError(Exception):
    pass


def copy_status(check, message):
    """For raii-copyable-resource-owner with project facts
    (docs/whole-program.md): 'copied' when a translation unit copies the
    class (a double release today: level error), 'latent' when none does
    (level note); None otherwise (level as reported)."""
    if check != "raii-copyable-resource-owner":
        return None
    if ", and it is copied in " in message:
        return "copied"
    if "(no translation unit copies it)" in message:
        return "latent"
    return None


def local_docs_dir():
    """docs/checks of the source tree, or the installed doc directory."""
    candidates = [os.path.join(HERE, "..", "..", "docs", "checks")]
    # Installed as <prefix>/lib/raii-tidy/llvm-N/tools: <prefix>/share/doc/raii-tidy-llvmN.
    major = os.path.basename(os.path.dirname(HERE))
    if major.startswith("llvm-"):
        candidates.append(os.path.join(HERE, "..", "..", "..", "..", "share", "doc",
                                       "raii-tidy-llvm" + major[5:], "checks"))
    for candidate in candidates:
        if os.path.isdir(candidate):
            return os.path.realpath(candidate)
    return None


def first_paragraph(path):
    """The first prose paragraph of a check's .rst page, for the rule's help."""
    try:
        with open(path, encoding="utf-8") as page:
            lines = page.read().splitlines()
    except OSError:
        return None
    paragraph, started = [], False
    for i, line in enumerate(lines):
        underline = i + 1 < len(lines) and re.fullmatch(r"=+|-+", lines[i + 1])
        if not line.strip() or line.startswith("..") or underline or re.fullmatch(r"=+|-+", line):
            if started:
                break
            continue
        started = True
        paragraph.append(line.strip())
    return " ".join(paragraph).replace("``", "'") or None


class Files:
    """File contents, for turning byte offsets into lines and columns."""

    def __init__(self):
        self.cache = {}

    def data(self, path):
        if path not in self.cache:
            try:
                with open(path, "rb") as source:
                    self.cache[path] = source.read()
            except OSError as error:
                raise UserError("cannot read '%s' to locate a finding in it: %s"
                                % (path, error.strerror))
        return self.cache[path]

    def position(self, path, offset):
        """(line, column) of a byte offset, both 1-based, column in code points."""
        data = self.data(path)
        if offset < 0 or offset > len(data):
            raise UserError("offset %d is outside '%s' (%d bytes): was the file "
                            "changed after clang-tidy ran?" % (offset, path, len(data)))
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, line_start) + 1
        column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
        return line, column

    def line_text(self, path, line):
        """The text of a 1-based line, or b"" when the file is unreadable."""
        try:
            lines = self.data(path).split(b"\n")
        except UserError:
            return b""
        return lines[line - 1] if 0 < line <= len(lines) else b""

    def code_point_column(self, path, line, byte_column):
        """clang's byte column as a code-point column, when the file is readable."""
        try:
            lines = self.data(path).split(b"\n")
        except UserError:
            return byte_column
        if line > len(lines):
            return byte_column
        prefix = lines[line - 1][:byte_column - 1]
        return len(prefix.decode("utf-8", errors="replace")) + 1


class Unit:
    """A translation unit the checks did not judge: its compile errors, each
    (path or None, line, column, message), or why else."""

    def __init__(self, path):
        self.path = path
        self.errors = []
        self.count = 0  # at least this many (from a 'not judged' line)
        self.reason = None

    def add(self, errors):
        for error in errors:
            if error not in self.errors:
                self.errors.append(error)

    def error_count(self):
        return max(self.count, len(self.errors))


# A translation unit not judged (tu), or the errors of an input that it does
# not tie to one (input, advice): how many, the first, or why else.
NotJudged = collections.namedtuple("NotJudged", "tu input count first reason advice")


def error_key(error):
    path, line, column, message = error
    return (os.path.realpath(path) if path else None, line, column, message)


class Converter:
    def __init__(self, base_dir, docs_uri):
        self.base_dir = os.path.realpath(base_dir)
        self.docs_uri = docs_uri
        self.docs_dir = local_docs_dir()
        self.files = Files()
        self.rules = {}  # check -> (index, reportingDescriptor)
        self.results = []
        self.seen = set()
        self.numbered = False
        self.units = {}  # real path -> Unit
        self.unattributed = []  # (input, [error], advice): errors no input ties to a unit

    # Locations -------------------------------------------------------------

    def artifact(self, path):
        path = os.path.realpath(path)
        if path.startswith(self.base_dir + os.sep):
            relative = os.path.relpath(path, self.base_dir).replace(os.sep, "/")
            return {"uri": urllib.parse.quote(relative), "uriBaseId": "%SRCROOT%"}
        return {"uri": "file://" + urllib.parse.quote(path)}

    def location(self, path, line, column, message=None, ident=None):
        loc = {"physicalLocation": {"artifactLocation": self.artifact(path),
                                    "region": {"startLine": line, "startColumn": column}}}
        if ident is not None:
            loc["id"] = ident
        if message:
            loc["message"] = {"text": message}
        return loc

    # Rules -----------------------------------------------------------------

    def rule_index(self, check):
        if check not in self.rules:
            rule = {"id": check}
            # GitHub code scanning requires a fullDescription of every rule.
            summary = None
            if check.startswith("raii-"):
                if self.docs_uri:
                    rule["helpUri"] = self.docs_uri + check + ".rst"
                if self.docs_dir:
                    page = os.path.join(self.docs_dir, check + ".rst")
                    if not self.docs_uri and os.path.isfile(page):
                        rule["helpUri"] = "file://" + urllib.parse.quote(page)
                    summary = first_paragraph(page)
                if not summary:
                    summary = "raii-tidy check '%s': a resource that a class acquires and " \
                              "does not release, or releases twice." % check
            elif check.startswith("clang-diagnostic-"):
                flag = check[len("clang-diagnostic-"):]
                summary = "Clang compiler diagnostic (-W%s)." % flag
                rule["helpUri"] = "https://clang.llvm.org/docs/DiagnosticsReference.html#w%s" % flag
            elif "-" in check:
                group, name = check.split("-", 1)
                rule["helpUri"] = "https://clang.llvm.org/extra/clang-tidy/checks/%s/%s.html" % (group, name)
                summary = "clang-tidy check '%s'; see its documentation." % check
            else:
                summary = "clang-tidy diagnostic '%s'." % check
            rule["shortDescription"] = {"text": summary.split(". ")[0].rstrip(".")}
            rule["fullDescription"] = {"text": summary}
            rule["help"] = {"text": summary}
            self.rules[check] = (len(self.rules), rule)
        return self.rules[check][0]

    def fingerprint(self, check, path, line, message):
        """What identifies a result across commits and shards: the check, the
        file, the message and the reported line's text without whitespace."""
        text = re.sub(rb"\s+", b"", self.files.line_text(path, line))
        uri = self.artifact(path)["uri"]
        data = b"\0".join([check.encode(), uri.encode(), message.encode(), text])
        return hashlib.sha256(data).hexdigest()[:32]

    # Results ---------------------------------------------------------------

    def add(self, check, level, message, path, line, column, notes, fixes):
        key = (check, os.path.realpath(path), line, column, message)
        if key in self.seen:
            return
        self.seen.add(key)
        copy = copy_status(check, message)
        if copy == "copied":
            level = "error"
        elif copy == "latent":
            level = "note"
        result = {"ruleId": check, "ruleIndex": self.rule_index(check), "level": level,
                  "message": {"text": message},
                  "locations": [self.location(path, line, column)],
                  "partialFingerprints": {
                      FINGERPRINT: self.fingerprint(check, path, line, message)}}
        if notes:
            result["relatedLocations"] = [
                self.location(p, l, c, m, ident=i) for i, (m, p, l, c) in enumerate(notes, 1)]
        if fixes:
            result["fixes"] = fixes
        if copy:
            result["properties"] = {"raiiTidy/copy": copy}
        self.results.append(result)

    def fix(self, description, replacements):
        """A SARIF fix from clang-tidy replacements, grouped by file."""
        changes = {}
        for r in replacements:
            path, offset, length = r["FilePath"], int(r["Offset"]), int(r["Length"])
            start = self.files.position(path, offset)
            end = self.files.position(path, offset + length)
            replacement = {"deletedRegion": {
                "startLine": start[0], "startColumn": start[1],
                "endLine": end[0], "endColumn": end[1],
                "byteOffset": offset, "byteLength": length}}
            if r.get("ReplacementText"):
                replacement["insertedContent"] = {"text": r["ReplacementText"]}
            changes.setdefault(path, []).append(replacement)
        return {"description": {"text": description},
                "artifactChanges": [{"artifactLocation": self.artifact(p), "replacements": reps}
                                    for p, reps in changes.items()]}

    def add_yaml(self, document, name):
        if not isinstance(document, dict) or not isinstance(document.get("Diagnostics", []), list):
            raise UserError("'%s' is not a clang-tidy --export-fixes file" % name)
        errors = []
        for diag in document.get("Diagnostics") or []:
            try:
                main = diag["DiagnosticMessage"]
                check = diag["DiagnosticName"]
                level = LEVELS.get(str(diag.get("Level", "Warning")).lower(), "warning")
                build_dir = diag.get("BuildDirectory") or os.getcwd()
                if check == COMPILE_ERROR:
                    errors.append(self.yaml_error(main, build_dir))
                    continue
                if not main.get("FilePath"):
                    continue  # a diagnostic without a location (a configuration error)
                path = os.path.join(build_dir, main["FilePath"])
                line, column = self.files.position(path, int(main["FileOffset"]))
                notes, fixes = [], []
                if main.get("Replacements"):
                    fixes.append(self.fix("apply the fix-it of %s" % check, main["Replacements"]))
                for note in diag.get("Notes") or []:
                    if note.get("FilePath"):
                        npath = os.path.join(build_dir, note["FilePath"])
                        nline, ncol = self.files.position(npath, int(note["FileOffset"]))
                        notes.append((note["Message"], npath, nline, ncol))
                    if note.get("Replacements"):
                        fixes.append(self.fix(note["Message"], note["Replacements"]))
            except (AttributeError, KeyError, TypeError, ValueError) as error:
                raise UserError("'%s': malformed diagnostic (%s: %s)"
                                % (name, type(error).__name__, error))
            self.add(check, level, main["Message"], path, line, column, notes, fixes)
        if errors:
            self.yaml_unit(document.get("MainSourceFile"), errors, name)

    def yaml_error(self, main, build_dir):
        """A compile error of the YAML: (path, line, column, message), the
        location None for an error of the driver."""
        if not main.get("FilePath"):
            return (None, None, None, main["Message"])
        path = os.path.join(build_dir, main["FilePath"])
        line, column = self.files.position(path, int(main["FileOffset"]))
        return (path, line, column, main["Message"])

    def yaml_unit(self, main, errors, name):
        """Ties a YAML's compile errors to its MainSourceFile: run-clang-tidy's
        merged YAML names none, and one clang-tidy over several files names
        only the first, which the errors in another source file give away."""
        if isinstance(main, str) and main:
            main = os.path.realpath(main)
            others = [e for e in errors if e[0] and os.path.realpath(e[0]) != main
                      and e[0].lower().endswith(SOURCE_SUFFIXES)]
            if not others:
                self.unit(main).add(errors)
                return
        self.unattributed.append((name, errors, "convert run-clang-tidy's output with it "
                                                "to name them"))

    def unit(self, path):
        key = os.path.realpath(path)
        if key not in self.units:
            self.units[key] = Unit(path)
        return self.units[key]

    def text_error(self, match):
        path, line = match.group("file"), int(match.group("line"))
        return (path, line, self.files.code_point_column(path, line, int(match.group("col"))),
                match.group("message"))

    def add_text(self, text, name):
        """The findings of clang-tidy's, run-clang-tidy's or raii-tidy's
        output, and the translation units it says were not judged. The
        compile errors since the previous clang-tidy belong to the file of
        the next 'Error while processing' (run-clang-tidy prints each
        clang-tidy's output, then what it wrote on stderr); those after the
        last, to the one file the output names, if it names one."""
        current = None
        pending = []  # compile errors not yet tied to a translation unit
        named = {}  # translation unit -> [errors, reason], in order
        reported = invoked = False
        for raw in text.splitlines():
            raw = raw.rstrip("\r")
            match = TEXT_DIAGNOSTIC.match(raw)
            if not match:
                driver = TEXT_DRIVER_ERROR.match(raw)
                boundary = NOT_PROCESSED.match(raw) or TERMINATED.match(raw)
                judged = NOT_JUDGED.match(raw)
                if driver:
                    pending.append((None, None, None, driver.group("message")))
                elif boundary:
                    unit = named.setdefault(boundary.group("tu"), [[], None])
                    if boundary.re is TERMINATED:
                        unit[1] = "clang-tidy was terminated by signal %s" % boundary.group("signal")
                    unit[0].extend(pending)
                    pending = []
                elif judged:
                    self.add_not_judged(judged)
                    reported = True
                elif INVOCATION.match(raw):
                    invoked = True
                    if pending:
                        self.unattributed.append((name, pending, ONE_AT_A_TIME))
                    pending = []
                continue
            path, level = match.group("file"), LEVELS[match.group("level")]
            line = int(match.group("line"))
            column = self.files.code_point_column(path, line, int(match.group("col")))
            if level == "note":
                if current is not None and not match.group("message").startswith("FIX-IT applied"):
                    current[6].append((match.group("message"), path, line, column))
                continue
            if current is not None:
                self.add(*current)
                current = None
            if match.group("check") == COMPILE_ERROR:
                pending.append(self.text_error(match))
                continue
            check = (match.group("check") or "clang-diagnostic-unknown").split(",")[0]
            current = (check, level, match.group("message"), path, line, column, [], [])
        if current is not None:
            self.add(*current)
        if reported:
            return  # the 'not judged' lines name the translation units of all its errors
        if pending and len(named) == 1:
            next(iter(named.values()))[0].extend(pending)
        elif pending:
            self.unattributed.append((name, pending, ONE_AT_A_TIME))
        if len(named) > 1 and not invoked:
            # Perhaps one clang-tidy over several files: it prints the errors
            # of all together, and names every file after the first that
            # failed. An error in another named file's source gives it away.
            sources = {os.path.realpath(tu) for tu in named}
            if any(e[0] and os.path.realpath(e[0]) in sources - {os.path.realpath(tu)}
                   for tu, (errors, _) in named.items() for e in errors):
                self.unattributed.append((name, [e for errors, _ in named.values()
                                                 for e in errors], ONE_AT_A_TIME))
                named = {tu: [[], reason] for tu, (_, reason) in named.items()}
            named = {tu: unit for tu, unit in named.items() if unit[0] or unit[1]}
        for tu, (errors, reason) in named.items():
            unit = self.unit(tu)
            unit.add(errors)
            unit.reason = unit.reason or reason

    def add_not_judged(self, match):
        unit = self.unit(match.group("tu"))
        if match.group("count") is None:
            unit.reason = unit.reason or match.group("reason")
            return
        unit.count = max(unit.count, int(match.group("count")))
        if match.group("file"):
            unit.add([self.text_error(match)])
        else:
            unit.add([(None, None, None, match.group("message"))])

    def number_fingerprints(self):
        """Tells apart results whose fingerprints are equal (the same message on
        identical lines of one file) by their order in the file, so that the
        value does not depend on the order the inputs came in."""
        def order(result):
            loc = result["locations"][0]["physicalLocation"]
            return (loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                    loc["region"]["startColumn"])
        seen = {}
        for result in sorted(self.results, key=order):
            value = result["partialFingerprints"][FINGERPRINT]
            seen[value] = seen.get(value, 0) + 1
            result["partialFingerprints"][FINGERPRINT] = "%s:%d" % (value, seen[value])

    # Translation units not judged ------------------------------------------

    def display(self, path):
        """A path as messages name it: relative to the base directory when it
        is under it."""
        real = os.path.realpath(path)
        if real.startswith(self.base_dir + os.sep):
            return os.path.relpath(real, self.base_dir)
        return real

    def not_judged(self):
        """What was not judged, in order: the translation units by path, then
        for each input the errors it does not tie to one."""
        found = []
        for unit in sorted(self.units.values(), key=lambda u: self.display(u.path)):
            found.append(NotJudged(unit.path, None, unit.error_count(),
                                   unit.errors[0] if unit.errors else None,
                                   unit.reason or "clang-tidy could not process it", None))
        known = {error_key(e) for unit in self.units.values() for e in unit.errors}
        by_input = {}
        for name, errors, advice in self.unattributed:
            entry = by_input.setdefault(name, ([], advice))
            for error in errors:
                if error_key(error) not in known:
                    known.add(error_key(error))
                    entry[0].append(error)
        for name, (errors, advice) in by_input.items():
            if errors:
                # In the order of their places: run-clang-tidy merges the
                # YAML of its clang-tidy processes in no particular order.
                first = min(errors, key=lambda e: (e[0] is not None, self.display(e[0]) if e[0]
                                                   else "", e[1] or 0, e[2] or 0, e[3]))
                found.append(NotJudged(None, name, len(errors), first, None, advice))
        return found

    @staticmethod
    def why(entry, shown):
        """'3 compile errors (first: a.h:12:5: unknown type name 'X')', or
        the reason without compile errors; paths as `shown` gives them."""
        if not entry.count:
            return entry.reason
        path, line, column, message = entry.first
        first = "%s:%d:%d: %s" % (shown(path), line, column, message) if path else message
        return "%d compile error%s (first: %s)" % (entry.count, "" if entry.count == 1 else "s",
                                                   first)

    def notification(self, entry):
        why = self.why(entry, self.display)
        if entry.tu is None:
            text = "the translation units that '%s' does not name were not judged: %s; %s" % (
                entry.input, why, entry.advice)
        else:
            text = "translation unit '%s' was not judged: %s" % (self.display(entry.tu), why)
        notification = {"level": "error", "message": {"text": text},
                        "descriptor": {"id": NOT_JUDGED_ID, "index": 0}}
        if entry.first is not None and entry.first[0]:
            notification["locations"] = [self.location(*entry.first[:3])]
        properties = {}
        if entry.tu is not None:
            properties["raiiTidy/translationUnit"] = self.artifact(entry.tu)
        if entry.count:
            properties["raiiTidy/compileErrors"] = entry.count
        if properties:
            notification["properties"] = properties
        return notification

    def summary(self):
        """One line per translation unit not judged, for stderr, with paths
        relative to the current directory, as raii-tidy's other tools print
        it (raii_tools.not_judged)."""
        def shown(path):
            path = os.path.abspath(path)
            prefix = os.getcwd().rstrip(os.sep) + os.sep
            return path[len(prefix):] if path.startswith(prefix) else path
        lines = []
        for entry in self.not_judged():
            if entry.tu is None:
                lines.append("%s: not judged: the translation units that '%s' does not name: "
                             "%s; %s" % (PROG, entry.input, self.why(entry, shown), entry.advice))
            else:
                lines.append("%s: not judged: %s: %s" % (PROG, shown(entry.tu),
                                                         self.why(entry, shown)))
        return lines

    def sarif(self, tool_version):
        if not self.numbered:
            self.number_fingerprints()
            self.numbered = True
        driver = {"name": "clang-tidy", "informationUri": "https://clang.llvm.org/extra/clang-tidy/",
                  "rules": [rule for _, rule in sorted(self.rules.values(), key=lambda r: r[0])]}
        if tool_version:
            driver["version"] = tool_version
        run = {"tool": {"driver": driver},
               "columnKind": "unicodeCodePoints",
               "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + urllib.parse.quote(self.base_dir) + "/"}},
               "results": self.results}
        notifications = [self.notification(entry) for entry in self.not_judged()]
        if notifications:
            described = ("clang-tidy could not compile a translation unit, so the checks did "
                         "not judge its code: fix its compile errors, or the "
                         "compile_commands.json entry that causes them (a missing include "
                         "directory or definition, a flag the compiler does not know).")
            # GitHub wants the same of notification descriptors as of rules.
            driver["notifications"] = [{
                "id": NOT_JUDGED_ID,
                "shortDescription": {"text": "A translation unit was not judged"},
                "fullDescription": {"text": described},
                "help": {"text": described},
                "defaultConfiguration": {"level": "error"}}]
            run["invocations"] = [{"executionSuccessful": False,
                                   "toolExecutionNotifications": notifications}]
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def load_input(converter, name):
    try:
        with open(name, encoding="utf-8", errors="replace") as source:
            text = source.read()
    except OSError as error:
        raise UserError("cannot read '%s': %s" % (name, error.strerror))
    if re.search(r"^Diagnostics:", text, re.M) or re.match(r"\s*(---|MainSourceFile:)", text):
        try:
            import yaml
        except ImportError:
            raise UserError("reading '%s' needs PyYAML: apt-get install python3-yaml" % name)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            documents = [d for d in yaml.load_all(text, Loader=loader) if d is not None]
        except yaml.YAMLError as error:
            raise UserError("'%s' is not valid YAML: %s" % (name, str(error).splitlines()[0]))
        for document in documents:
            converter.add_yaml(document, name)
    else:
        converter.add_text(text, name)


def main():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="clang-tidy --export-fixes YAML or clang-tidy output")
    parser.add_argument("-o", "--output", help="SARIF file to write (default: standard output)")
    parser.add_argument("--base-dir", default=".",
                        help="source root: URIs of files under it are relative to %%SRCROOT%%")
    parser.add_argument("--docs-uri", default=os.environ.get("RAII_TIDY_DOCS_URI"),
                        help="base URI of the raii checks' pages, ending in '/'")
    parser.add_argument("--tool-version", help="clang-tidy version to record")
    args = parser.parse_args()
    if args.docs_uri and not args.docs_uri.endswith("/"):
        args.docs_uri += "/"

    converter = Converter(args.base_dir, args.docs_uri)
    try:
        for name in args.inputs:
            load_input(converter, name)
    except UserError as error:
        sys.stderr.write("%s: error: %s\n" % (PROG, error))
        return 1
    return write(converter, args)


def write(converter, args):
    log = converter.sarif(args.tool_version)
    for line in converter.summary():
        sys.stderr.write(line + "\n")
    out = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as sink:
                sink.write(out)
        except OSError as error:
            sys.stderr.write("%s: error: cannot write '%s': %s\n" % (PROG, args.output, error.strerror))
            return 1
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
