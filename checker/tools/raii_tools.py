"""What raii-tidy's scripts share: finding clang-tidy and the plugin, reading
the compilation database and choosing a shard of it.

raii-tidy-pre-commit, raii-shard.py and raii-tidy-project import it from the
directory they are in (checker/tools/ in the source tree,
lib/raii-tidy/llvm-N/tools/ installed). The functions raise UserError with
what went wrong and what to run; each script prints it after its name.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
# A clang-tidy diagnostic line: file, line, column, level, check names.
DIAGNOSTIC = re.compile(r"^(.+?):(\d+):(\d+): (warning|error): .*\[([\w.,-]+)\]$")
# clang-tidy's count of what it did not show, on stderr.
NOISE = re.compile(r"^\d+ (warning|error)s? (and \d+ (warning|error)s? )?generated\.$")
# A compile error as clang-tidy prints it: the compiler's errors are the check
# clang-diagnostic-error, with a location, or without one for an error of the
# driver (an unknown argument, a missing file).
COMPILE_ERROR = re.compile(r"^(?:(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): )?(?:fatal )?"
                           r"error: (?P<message>.*) \[clang-diagnostic-error\]$")
# clang-tidy's word, on stderr, that it could not process a file. One
# clang-tidy over several files says it of every file after the first that
# failed, since it counts the errors of all of them together.
NOT_PROCESSED = re.compile(r"^Error while processing (?P<file>.+)\.$")


class UserError(Exception):
    """A problem the user can fix; the message says what to run."""


# --- clang-tidy and the plugin ----------------------------------------------


def installed_major():
    """N when the scripts are installed as lib/raii-tidy/llvm-N/tools/."""
    match = re.fullmatch(r"llvm-(\d+)", os.path.basename(os.path.dirname(HERE)))
    if match and os.path.isfile(os.path.join(os.path.dirname(HERE), "libRaiiTidy.so")):
        return match.group(1)
    return None


def find_clang_tidy(explicit):
    """(path, LLVM major) of the clang-tidy to run: --clang-tidy,
    RAII_TIDY_CLANG_TIDY, clang-tidy-N for an installed package's plugin,
    otherwise clang-tidy-22."""
    name = explicit or os.environ.get("RAII_TIDY_CLANG_TIDY")
    if not name:
        major = installed_major() or "22"
        name = shutil.which("clang-tidy-" + major) or "/usr/lib/llvm-%s/bin/clang-tidy" % major
    path = shutil.which(name) if os.sep not in name else name
    if not path or not os.access(path, os.X_OK):
        raise UserError("clang-tidy '%s' not found: install it (apt-get install clang-tidy-22) "
                        "or pass --clang-tidy=<path> (or set RAII_TIDY_CLANG_TIDY)" % name)
    try:
        version = subprocess.run([path, "--version"], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, universal_newlines=True).stdout
    except OSError as error:
        raise UserError("cannot run '%s': %s" % (path, error.strerror))
    match = re.search(r"LLVM version (\d+)", version)
    if not match:
        raise UserError("'%s --version' does not name an LLVM version; is it clang-tidy?" % path)
    return path, match.group(1)


def has_builtin_checks(clang_tidy):
    """True for a clang-tidy with the raii module linked in (raii-clang-tidy)."""
    listed = subprocess.run([clang_tidy, "--checks=-*,raii-critical-section-leak",
                             "--list-checks"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True).stdout
    return re.search(r"^\s+raii-critical-section-leak$", listed, re.M) is not None


def find_plugin(explicit, major, clang_tidy):
    """The plugin to load, or None when clang-tidy has the checks built in:
    --plugin, RAII_TIDY_PLUGIN, the installed plugin beside tools/, or
    build/llvm-N/checker/libRaiiTidy.so in the source tree of the scripts."""
    path = explicit or os.environ.get("RAII_TIDY_PLUGIN")
    if not path and has_builtin_checks(clang_tidy):
        return None
    if not path:
        installed = os.path.join(os.path.dirname(HERE), "libRaiiTidy.so")
        source_tree = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build",
                                   "llvm-" + major, "checker", "libRaiiTidy.so")
        path = installed if installed_major() else source_tree
    if not os.path.isfile(path):
        raise UserError(
            "raii-tidy plugin '%s' not found: build it for LLVM %s with "
            "'cmake -S <raii-tidy> -B build/llvm-%s -DRAII_LLVM_VERSION=%s && "
            "cmake --build build/llvm-%s', install the raii-tidy-llvm%s package, "
            "or pass --plugin=<path> (or set RAII_TIDY_PLUGIN)"
            % (path, major, major, major, major, major))
    return os.path.abspath(path)


def load_args(plugin):
    return ["--load=" + plugin] if plugin else []


PROBE = """struct CRITICAL_SECTION { void *p; };
extern "C" void InitializeCriticalSection(CRITICAL_SECTION *);
struct Probe { Probe() { InitializeCriticalSection(&c); } ~Probe() {} CRITICAL_SECTION c; };
"""


def probe_plugin(clang_tidy, plugin):
    """None if the checks find a known leak, else what clang-tidy said.

    A plugin built for another LLVM major may load and register its checks
    but report nothing, so a run would pass unchecked: ask it for a result.
    """
    with tempfile.TemporaryDirectory(prefix="raii-tidy-probe") as tmp:
        source = os.path.join(tmp, "probe.cpp")
        with open(source, "w") as out:
            out.write(PROBE)
        result = subprocess.run(
            [clang_tidy] + load_args(plugin) + ["--checks=-*,raii-critical-section-leak",
             "--quiet", source, "--", "-std=c++17"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if "[raii-critical-section-leak]" in result.stdout:
        return None
    return result.stdout.strip() or "(it reported nothing on a known leak)"


def find_tools(clang_tidy_arg, plugin_arg):
    """(clang-tidy, its LLVM major, plugin or None), once the checks have
    found a known leak in that clang-tidy."""
    clang_tidy, major = find_clang_tidy(clang_tidy_arg)
    plugin = find_plugin(plugin_arg, major, clang_tidy)
    probe = probe_plugin(clang_tidy, plugin)
    if probe is not None and plugin is None:
        raise UserError("'%s' lists the raii checks but they report nothing on a known "
                        "leak:\n%s" % (clang_tidy, probe))
    if probe is not None:
        raise UserError("the plugin '%s' does not work in '%s' (LLVM %s); a plugin only "
                        "works in the clang-tidy it was built for: build it with "
                        "-DRAII_LLVM_VERSION=%s or pass the matching --clang-tidy=\n%s"
                        % (plugin, clang_tidy, major, major, probe))
    return clang_tidy, major, plugin


# --- translation units the checks did not judge -----------------------------


def shown(path):
    """A path as the user is told it: relative to the current directory when
    it is under it."""
    prefix = os.getcwd().rstrip(os.sep) + os.sep
    return path[len(prefix):] if path.startswith(prefix) else path


def compile_errors(lines, directory=None):
    """The compile errors in clang-tidy's output of one translation unit, in
    its order, each once: (location, message), the location 'path:line:column'
    with the path made absolute against `directory` (where clang-tidy compiled
    the file; default: the current directory) and shown relative to the
    current directory, or None for an error of the driver."""
    errors = []
    for line in lines:
        match = COMPILE_ERROR.match(line.rstrip("\r"))
        if not match:
            continue
        location = None
        if match.group("file"):
            path = os.path.normpath(os.path.join(directory or os.getcwd(), match.group("file")))
            location = "%s:%s:%s" % (shown(path), match.group("line"), match.group("column"))
        error = (location, match.group("message"))
        if error not in errors:
            errors.append(error)
    return errors


def exit_reason(status):
    """What an exit status of clang-tidy says, for one that printed no compile
    error."""
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = "signal %d" % -status
        return "clang-tidy was killed by %s" % name
    return "clang-tidy exited with status %d" % status


def why_failed(tu, errors, reason=None):
    """'TU: why' for a translation unit clang-tidy failed on: how many compile
    errors it has and the first, or else `reason`."""
    if errors:
        location, message = errors[0]
        first = "%s: %s" % (location, message) if location else message
        why = "%d compile error%s (first: %s)" % (len(errors), "" if len(errors) == 1 else "s",
                                                  first)
    else:
        why = reason or "clang-tidy could not process it"
    return "%s: %s" % (shown(tu), why)


def not_judged(prog, tu, errors, reason=None):
    """The one line that names a translation unit the checks did not judge.

    raii-tidy-pre-commit and raii-tidy-project print it after the findings;
    raii-sarif.py reads it back (its NOT_JUDGED) when given their output."""
    return "%s: not judged: %s" % (prog, why_failed(tu, errors, reason))


# --- the compilation database and its shards --------------------------------


def entry_file(entry):
    """The absolute, normalised path of a database entry's file."""
    return os.path.normpath(os.path.join(entry.get("directory", ""), entry["file"]))


def shard_of(path, count):
    """1-based shard of a translation unit's path (entry_file).

    A hash of the path: a file's shard does not change when other files are
    added or removed, and every entry of one file is in the same shard.
    raii-shard.py and raii-tidy-project --shard both use it, so their shards
    agree.
    """
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def load_database(build_dir):
    """The entries of BUILD_DIR/compile_commands.json."""
    path = os.path.join(build_dir, "compile_commands.json")
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except OSError as error:
        raise UserError("cannot read '%s': %s (configure the project with "
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" % (path, error.strerror))
    except ValueError as error:
        raise UserError("'%s' is not JSON: %s" % (path, error))
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("file"), str) for e in entries):
        raise UserError("'%s' is not a compilation database (a list of entries "
                        "with a 'file')" % path)
    return entries


def parse_shard(text):
    """(I, N) from 'I/N', 1 <= I <= N."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise UserError("--shard takes I/N, such as 2/4, not '%s'" % text)
    if count < 1 or not 1 <= index <= count:
        raise UserError("--shard %s: the shard I must be between 1 and N" % text)
    return index, count
