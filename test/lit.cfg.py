# lit configuration for raii-tidy. Loaded through the lit.site.cfg.py that
# CMake writes into the build tree, which names the tools of one LLVM major.
import json
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
# The whole-program driver (checker/tools/raii-tidy-project), run by this
# Python; test/project.
config.substitutions.append(("%raii_tidy_project", " ".join([
    config.raii_python,
    os.path.join(config.raii_source_dir, "checker", "tools", "raii-tidy-project")])))
# The build tree (for `cmake --install` and cpack) and its LLVM major.
config.substitutions.append(("%raii_build_dir", os.path.dirname(config.raii_binary_dir)))
config.substitutions.append(("%raii_llvm_version", config.raii_llvm_version))

config.available_features.add("llvm-" + config.raii_llvm_version)
# The mode too, for a test that gives the same result in every tier and runs
# in one (test/self-tidy.test: LLVM 22's plugin tier).
config.available_features.add("raii-tidy-" + ("standalone" if standalone else "plugin"))

# Feature probes. Each one that fails turns the tests that REQUIRE it into
# UNSUPPORTED; test/run-all.sh fails on any skip not on
# test/expected-skips.txt and shows the failed probe's output, which is
# written here (--param raii_probes=FILE, default probes.json in the build
# tree's test/).
probes = {}


def probe(feature, ok, output, advice):
    probes[feature] = {"ok": bool(ok), "output": output if ok else output + "\n" + advice}
    if ok:
        config.available_features.add(feature)
    else:
        lit_config.warning("feature '%s' is missing: %s" % (feature, advice))


def run_probe(args, **kwargs):
    """(exit status, the command and its output) of one probe command; 127
    when it cannot be started."""
    try:
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace", **kwargs)
    except OSError as e:
        return 127, "$ %s\n%s\n(exit status 127)" % (" ".join(args), e)
    return result.returncode, "$ %s\n%s(exit status %d)" % (" ".join(args), result.stdout,
                                                         result.returncode)


# Another installed LLVM major (19 beside 22, 22 beside 19), for the tests of a
# plugin loaded into the clang-tidy it was not built for.
others = []
for other in ("22", "19"):
    other_bin = "/usr/lib/llvm-%s/bin" % other
    if other == config.raii_llvm_version:
        continue
    others.append(os.path.join(other_bin, "clang-tidy"))
    if os.access(os.path.join(other_bin, "clang-tidy"), os.X_OK):
        config.substitutions.append(("%other_llvm_version", other))
        config.substitutions.append(("%other_run_clang_tidy", os.path.join(other_bin, "run-clang-tidy")))
        config.substitutions.append(("%other_clang_tidy", os.path.join(other_bin, "clang-tidy")))
        probe("other-llvm", True, other_bin, "")
        break
else:
    probe("other-llvm", False, "no executable " + " or ".join(others),
          "the tests of a plugin in the wrong clang-tidy need it: cmake/install-deps.sh 22 19 "
          "installs both")

# raii-clang-tidy and raii-clangd (checker/tools), when built.
if config.raii_clang_tidy_tool:
    config.substitutions.append(("%raii_clang_tidy", config.raii_clang_tidy_tool))
probe("raii-clang-tidy", config.raii_clang_tidy_tool,
      "raii-clang-tidy is not built for LLVM %s: %s"
      % (config.raii_llvm_version, config.raii_clang_tidy_not_built), "see the configure output")
if config.raii_clangd:
    config.substitutions.append(("%raii_clangd", config.raii_clangd))
probe("raii-clangd", config.raii_clangd,
      "raii-clangd is not built for LLVM %s: %s"
      % (config.raii_llvm_version, config.raii_clangd_not_built), "see the configure output")

if config.raii_explain:
    config.substitutions.append(("%raii_explain", config.raii_explain))
probe("raii-explain", config.raii_explain,
      "raii-explain is not built for LLVM %s: %s"
      % (config.raii_llvm_version, config.raii_explain_not_built), "see the configure output")

# Real <windows.h> from mingw-w64, compiled by this clang.
status, output = run_probe(
    [config.raii_clang, "--target=x86_64-w64-mingw32", "-std=c++17", "-fsyntax-only", "-x",
     "c++", "-"], input="#include <windows.h>\n#include <vector>\n")
probe("mingw", status == 0, output,
      "mingw-w64's <windows.h> is not usable: install mingw-w64-x86-64-dev "
      "g++-mingw-w64-x86-64-posix (cmake/install-deps.sh)")

# The sources follow .clang-format as clang-format 22 formats it.
clang_format = "/usr/lib/llvm-22/bin/clang-format"
if os.path.exists(clang_format):
    config.substitutions.insert(0, ("%clang_format", clang_format))
probe("clang-format-22", os.path.exists(clang_format), "no " + clang_format,
      "install clang-format-22 (cmake/install-deps.sh)")

# The sources pass checker/.clang-tidy (test/self-tidy.test): this major's
# run-clang-tidy over the build tree's compile_commands.json, which CMake
# writes (CMAKE_EXPORT_COMPILE_COMMANDS in CMakeLists.txt).
compile_commands = os.path.join(os.path.dirname(config.raii_binary_dir), "compile_commands.json")
run_clang_tidy = os.path.join(tools_dir, "run-clang-tidy")
missing = [f for f in (run_clang_tidy, compile_commands) if not os.path.exists(f)]
probe("self-tidy", not missing,
      "no " + " and no ".join(missing) if missing else run_clang_tidy + ", " + compile_commands,
      "install clang-tidy-%s (cmake/install-deps.sh) and configure the build tree again "
      "(cmake %s)" % (config.raii_llvm_version, os.path.dirname(config.raii_binary_dir)))

# libFuzzer's runtime (Debian's libclang-rt-22-dev) for the fuzz target.
libfuzzer = "/usr/lib/llvm-22/lib/clang/22/lib/linux/libclang_rt.fuzzer-x86_64.a"
probe("libfuzzer", os.path.exists(libfuzzer), "no " + libfuzzer,
      "install libclang-rt-22-dev (cmake/install-deps.sh)")


def asan_probe():
    """AddressSanitizer and LeakSanitizer work with this clang (LLVM 19 needs
    Debian's libclang-rt-19-dev): a clean program exits 0, a leak exits 23."""
    work = os.path.join(config.raii_binary_dir, "asan-probe")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               LSAN_OPTIONS="exitcode=23")
    log = ""
    for name, leak, status in (("clean", "", 0), ("leak", "p = 0;", 23)):
        source = os.path.join(work, name + ".cpp")
        exe = os.path.join(work, name)
        with open(source, "w") as f:
            f.write("#include <stdlib.h>\nvoid *volatile p;\n"
                    "int main() { p = malloc(8); %s return 0; }\n" % leak)
        code, output = run_probe([config.raii_clang, "-fsanitize=address", "-g", source, "-o", exe])
        log += output
        if code != 0:
            return False, log
        code, output = run_probe([exe], env=env)
        log += output
        if code != status:
            return False, log + "expected exit status %d\n" % status
    return True, log


ok, output = asan_probe()
probe("asan", ok, output,
      "AddressSanitizer/LeakSanitizer is not usable with %s: install libclang-rt-%s-dev "
      "(cmake/install-deps.sh); LeakSanitizer does not run under ptrace"
      % (config.raii_clang, config.raii_llvm_version))

# The real pre-commit (Debian's pre-commit) for test/pre-commit.
probe("pre-commit", shutil.which("pre-commit"), "no pre-commit on PATH",
      "install pre-commit (cmake/install-deps.sh)")

# The official SARIF 2.1.0 schema (fetched by cmake/install-deps.sh from npm's
# @microsoft/jest-sarif) and python3-jsonschema, for test/sarif.
sarif_schema = os.path.join(config.raii_source_dir, "build", "deps", "sarif-2.1.0-rtm.5.json")
status, output = run_probe([config.raii_python, "-c", "import jsonschema"])
if not os.path.exists(sarif_schema):
    status, output = 1, "no SARIF schema at %s\n" % sarif_schema
config.substitutions.append(("%sarif_schema", sarif_schema))
probe("sarif-schema", status == 0, output,
      "cmake/install-deps.sh installs python3-jsonschema and fetches the schema with npm")

# GitHub's SARIF ingestion rules, checked by Microsoft's SARIF Multitool
# (fetched by cmake/install-deps.sh from npm's @microsoft/sarif-multitool-linux).
sarif_multitool = os.path.join(config.raii_source_dir, "build", "deps", "sarif-multitool",
                               "Sarif.Multitool")
status, output = (1, "no executable " + sarif_multitool)
if os.access(sarif_multitool, os.X_OK):
    status, output = run_probe([sarif_multitool, "--version"])
config.substitutions.append(("%sarif_multitool", sarif_multitool))
probe("sarif-multitool", status == 0, output,
      "cmake/install-deps.sh fetches the SARIF Multitool with npm")

probes_file = lit_config.params.get("raii_probes",
                                    os.path.join(config.raii_binary_dir, "probes.json"))
with open(probes_file, "w") as f:
    json.dump(probes, f, indent=1, sort_keys=True)
