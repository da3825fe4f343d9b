# lit configuration for raii-tidy. Loaded through the lit.site.cfg.py that
# CMake writes into the build tree, which names the tools of one LLVM major.
import os
import shutil
import subprocess

import lit.formats

# The suite runs the checks either as the plugin in the stock clang-tidy (the
# default) or, with `lit --param raii_tidy=standalone`, in raii-clang-tidy,
# which has the module built in and loads nothing.
standalone = lit_config.params.get("raii_tidy", "plugin") == "standalone"
if standalone and not config.raii_clang_tidy_tool:
    lit_config.fatal("raii_tidy=standalone: raii-clang-tidy is not built for LLVM %s "
                     "(see the configure output)" % config.raii_llvm_version)
config.name = "raii-tidy (LLVM %s, %s)" % (
    config.raii_llvm_version, "raii-clang-tidy" if standalone else "plugin")
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "check_raii_tidy.py", "lit.cfg.py", "windows_corpus.cpp", "families_corpus.cpp", "benchmark",
                   "RaiiFuzzer.cpp"]
config.test_source_root = os.path.join(config.raii_source_dir, "test")
config.test_exec_root = config.raii_binary_dir

# The tools of the configured LLVM major come first on PATH, so 'FileCheck'
# and 'not' in RUN lines are that major's.
tools_dir = os.path.dirname(config.raii_filecheck)
config.environment["PATH"] = os.pathsep.join(
    [tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Reproducible diagnostics: no colours, no user configuration.
config.environment["HOME"] = config.raii_binary_dir
config.environment.pop("CLANG_TIDY_CONFIG", None)

# %clang_tidy is the clang-tidy under test; %load_raii loads the plugin into
# it (clang-tidy and run-clang-tidy spell it -load=), and %raii_plugin_arg
# hands the plugin to the suite's scripts and the pre-commit hook. Both are
# empty for raii-clang-tidy.
clang_tidy = config.raii_clang_tidy_tool if standalone else config.raii_clang_tidy
load_raii = "" if standalone else "-load=" + config.raii_plugin
plugin_arg = "" if standalone else "--plugin=" + config.raii_plugin
runner = " ".join([
    config.raii_python,
    os.path.join(config.raii_source_dir, "test", "check_raii_tidy.py"),
    "--clang-tidy=" + clang_tidy,
    plugin_arg,
    "--clang=" + config.raii_clang,
    "--filecheck=" + config.raii_filecheck,
])
# Longer names first: '%clang' is a prefix of '%clang_tidy'.
config.substitutions.append(("%check_raii_tidy", runner))
# test/dynamic: builds and runs a program with AddressSanitizer before and
# after --fix.
run_dynamic = " ".join([
    config.raii_python,
    os.path.join(config.raii_source_dir, "test", "dynamic", "run_program.py"),
    "--clang-tidy=" + clang_tidy,
    plugin_arg,
    "--clang=" + config.raii_clang,
])
config.substitutions.append(("%run_dynamic", run_dynamic))
config.substitutions.append(
    ("%clang_apply_replacements", os.path.join(tools_dir, "clang-apply-replacements")))
config.substitutions.append(("%clang_tidy", clang_tidy))
# The stock clang-tidy, for tests of how the plugin is handled, in either mode.
config.substitutions.append(("%plugin_clang_tidy", config.raii_clang_tidy))
config.substitutions.append(("%load_raii", load_raii))
config.substitutions.append(("%raii_plugin_arg", plugin_arg))
config.substitutions.append(("%raii_plugin", config.raii_plugin))
config.substitutions.append(("%run_clang_tidy", os.path.join(tools_dir, "run-clang-tidy")))
config.substitutions.append(("%clang", config.raii_clang))
config.substitutions.append(("%python", config.raii_python))
# The build tree (for `cmake --install` and cpack) and its LLVM major.
config.substitutions.append(("%raii_build_dir", os.path.dirname(config.raii_binary_dir)))
config.substitutions.append(("%raii_llvm_version", config.raii_llvm_version))

config.available_features.add("llvm-" + config.raii_llvm_version)

# Another installed LLVM major (19 beside 22, 22 beside 19), for the tests of a
# plugin loaded into the clang-tidy it was not built for.
for other in ("22", "19"):
    other_bin = "/usr/lib/llvm-%s/bin" % other
    if other != config.raii_llvm_version and os.access(os.path.join(other_bin, "clang-tidy"), os.X_OK):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_llvm_version", other))
        config.substitutions.append(("%other_run_clang_tidy", os.path.join(other_bin, "run-clang-tidy")))
        config.substitutions.append(("%other_clang_tidy", os.path.join(other_bin, "clang-tidy")))
        break
else:
    lit_config.warning("no clang-tidy of another LLVM major beside %s: the tests of a "
                       "plugin in the wrong clang-tidy are unsupported (cmake/install-deps.sh "
                       "22 19 installs both)" % config.raii_llvm_version)

# raii-clang-tidy and raii-clangd (checker/tools), when built.
if config.raii_clang_tidy_tool:
    config.available_features.add("raii-clang-tidy")
    config.substitutions.append(("%raii_clang_tidy", config.raii_clang_tidy_tool))

if config.raii_clangd:
    config.available_features.add("raii-clangd")
    config.substitutions.append(("%raii_clangd", config.raii_clangd))
else:
    lit_config.warning("raii-clangd is not built for LLVM %s: test/clangd is "
                       "unsupported (see the configure output)" % config.raii_llvm_version)


def mingw_available():
    """Real <windows.h> from mingw-w64, compiled by this clang."""
    probe = subprocess.run(
        [config.raii_clang, "--target=x86_64-w64-mingw32", "-std=c++17",
         "-fsyntax-only", "-x", "c++", "-"],
        input="#include <windows.h>\n#include <vector>\n",
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        universal_newlines=True)
    return probe.returncode == 0


if mingw_available():
    config.available_features.add("mingw")
else:
    lit_config.warning("mingw-w64 <windows.h> not usable with %s; tests that "
                       "need it are unsupported (install mingw-w64-x86-64-dev "
                       "g++-mingw-w64-x86-64-posix)" % config.raii_clang)

# The sources follow .clang-format as clang-format 22 formats it.
clang_format = "/usr/lib/llvm-22/bin/clang-format"
if os.path.exists(clang_format):
    config.available_features.add("clang-format-22")
    config.substitutions.insert(0, ("%clang_format", clang_format))

# libFuzzer's runtime (Debian's libclang-rt-22-dev) for the fuzz target.
if os.path.exists("/usr/lib/llvm-22/lib/clang/22/lib/linux/libclang_rt.fuzzer-x86_64.a"):
    config.available_features.add("libfuzzer")



def asan_available():
    """AddressSanitizer and LeakSanitizer work with this clang (LLVM 19 needs
    Debian's libclang-rt-19-dev): a clean program exits 0, a leak exits 23."""
    work = os.path.join(config.raii_binary_dir, "asan-probe")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               LSAN_OPTIONS="exitcode=23")
    for name, leak, status in (("clean", "", 0), ("leak", "p = 0;", 23)):
        source = os.path.join(work, name + ".cpp")
        exe = os.path.join(work, name)
        with open(source, "w") as f:
            f.write("#include <stdlib.h>\nvoid *volatile p;\n"
                    "int main() { p = malloc(8); %s return 0; }\n" % leak)
        built = subprocess.run([config.raii_clang, "-fsanitize=address", "-g", source, "-o", exe],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if built.returncode != 0:
            return False
        ran = subprocess.run([exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if ran.returncode != status:
            return False
    return True


if asan_available():
    config.available_features.add("asan")
else:
    lit_config.warning("AddressSanitizer/LeakSanitizer not usable with %s; test/dynamic "
                       "is unsupported (install libclang-rt-%s-dev)"
                       % (config.raii_clang, config.raii_llvm_version))

# The real pre-commit (Debian's pre-commit) for test/pre-commit.
if shutil.which("pre-commit"):
    config.available_features.add("pre-commit")

# The official SARIF 2.1.0 schema (fetched by cmake/install-deps.sh from npm's
# @microsoft/jest-sarif) and python3-jsonschema, for test/sarif.
sarif_schema = os.path.join(config.raii_source_dir, "build", "deps", "sarif-2.1.0-rtm.5.json")
if os.path.exists(sarif_schema) and subprocess.run(
        [config.raii_python, "-c", "import jsonschema"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("sarif-schema")
    config.substitutions.append(("%sarif_schema", sarif_schema))
else:
    lit_config.warning("no SARIF schema at %s or no python3-jsonschema: SARIF "
                       "output is checked without the schema (run "
                       "cmake/install-deps.sh)" % sarif_schema)

# GitHub's SARIF ingestion rules, checked by Microsoft's SARIF Multitool
# (fetched by cmake/install-deps.sh from npm's @microsoft/sarif-multitool-linux).
sarif_multitool = os.path.join(config.raii_source_dir, "build", "deps", "sarif-multitool",
                               "Sarif.Multitool")
if os.access(sarif_multitool, os.X_OK):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", sarif_multitool))
else:
    lit_config.warning("no SARIF Multitool at %s: GitHub's SARIF ingestion rules are "
                       "not checked (run cmake/install-deps.sh)" % sarif_multitool)
