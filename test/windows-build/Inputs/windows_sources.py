#!/usr/bin/env python3
"""Compiles C++ sources for a Windows target (-fsyntax-only) against an LLVM's
headers, as test/windows-build/sources.test does for every checker/ source.

    windows_sources.py --clang CLANG --work DIR [--jobs N] [--reuse-pch] SOURCE...

LLVM's installed llvm/Config/llvm-config.h describes the machine LLVM was
built for; a copy configured as for LLVM's Windows release (no LLVM_ON_UNIX,
no <sysexits.h>, Windows triples, static libraries) is written to DIR/overlay
and put first on the include path, so that LLVM's headers take their Windows
branches too. mingw-w64 provides the Windows and C++ library headers.

A source fails when it does not compile, or when it (or a header next to it,
under checker/) includes a POSIX header that mingw-w64 has and MSVC does not
(<unistd.h>, <pthread.h>, ...), which the compiler alone would let through.
One line per failure, then a summary; exit status 1 on any failure.

The Clang, LLVM and clang-tidy headers every source uses are compiled once,
into a precompiled header with their templates instantiated, which makes each
source about three times faster to check (--reuse-pch: the one DIR already
has, from an earlier run with the same clang).
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

TARGET = "x86_64-w64-mingw32"
WINDOWS_TRIPLE = "x86_64-pc-windows-msvc"

# (what, pattern, replacement): each must match the installed header once, so
# that a change in its layout fails here instead of silently compiling the
# Linux branches.
OVERLAY = [
    ("LLVM_ON_UNIX", r"^#define LLVM_ON_UNIX 1$", "/* #undef LLVM_ON_UNIX */"),
    ("HAVE_SYSEXITS_H", r"^#define HAVE_SYSEXITS_H 1$", "/* #undef HAVE_SYSEXITS_H */"),
    ("LLVM_HOST_TRIPLE", r'^#define LLVM_HOST_TRIPLE ".*"$',
     '#define LLVM_HOST_TRIPLE "%s"' % WINDOWS_TRIPLE),
    ("LLVM_DEFAULT_TARGET_TRIPLE", r'^#define LLVM_DEFAULT_TARGET_TRIPLE ".*"$',
     '#define LLVM_DEFAULT_TARGET_TRIPLE "%s"' % WINDOWS_TRIPLE),
]
# Debian builds a shared libLLVM with export annotations; the Windows release
# links static libraries. Undefined when the installed header defines them.
OPTIONAL_UNDEFS = ["LLVM_BUILD_LLVM_DYLIB", "LLVM_ENABLE_LLVM_EXPORT_ANNOTATIONS",
                   "LLVM_ENABLE_LLVM_C_EXPORT_ANNOTATIONS", "LLVM_ENABLE_PLUGINS"]

# Headers that mingw-w64 provides and MSVC does not.
POSIX_ONLY = {
    "unistd.h", "dlfcn.h", "pthread.h", "dirent.h", "strings.h", "libgen.h", "sched.h",
    "semaphore.h", "poll.h", "termios.h", "syslog.h", "pwd.h", "grp.h", "fnmatch.h",
    "glob.h", "netdb.h", "sys/time.h", "sys/mman.h", "sys/wait.h", "sys/socket.h",
    "sys/ioctl.h", "sys/resource.h", "sys/param.h", "sys/select.h", "sys/uio.h",
    "sys/un.h", "sys/utsname.h", "netinet/in.h", "arpa/inet.h",
}

# The headers most checker/ sources include, for the precompiled header.
PRECOMPILED = [
    "clang/AST/ASTContext.h", "clang/AST/DeclCXX.h", "clang/AST/DeclTemplate.h",
    "clang/AST/ExprCXX.h", "clang/AST/RecursiveASTVisitor.h",
    "clang/ASTMatchers/ASTMatchFinder.h", "clang/ASTMatchers/ASTMatchers.h",
    "clang/Basic/SourceManager.h", "clang/Lex/Lexer.h", "clang-tidy/ClangTidyCheck.h",
    "llvm/ADT/DenseMap.h", "llvm/ADT/STLExtras.h", "llvm/ADT/SmallPtrSet.h",
    "llvm/ADT/SmallVector.h",
]

HEADER_LINE = re.compile(r"^(\.+) (.*)$")


def write_overlay(llvm_include, work):
    source = os.path.join(llvm_include, "llvm", "Config", "llvm-config.h")
    with open(source) as f:
        text = f.read()
    for what, pattern, replacement in OVERLAY:
        text, count = re.subn(pattern, replacement, text, flags=re.M)
        if count != 1:
            sys.exit("windows_sources.py: %s: no single '%s' to change for Windows (%s); "
                     "update OVERLAY" % (source, pattern, what))
    for name in OPTIONAL_UNDEFS:
        text = re.sub(r"^#define %s\b.*$" % name, "/* #undef %s */" % name, text, flags=re.M)
    overlay = os.path.join(work, "overlay")
    os.makedirs(os.path.join(overlay, "llvm", "Config"), exist_ok=True)
    with open(os.path.join(overlay, "llvm", "Config", "llvm-config.h"), "w") as f:
        f.write("/* %s, configured for %s by %s */\n" % (source, WINDOWS_TRIPLE,
                                                         os.path.basename(__file__)))
        f.write(text)
    return overlay


def run(args):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, errors="replace")


def posix_includes(header_tree, source, project):
    """The POSIX-only headers that `source`, or a header under `project`,
    includes, from clang's -H output (one line per header entered, with one
    dot per level of inclusion)."""
    stack = [os.path.abspath(source)]
    found = []
    for line in header_tree:
        m = HEADER_LINE.match(line)
        depth, header = len(m.group(1)), os.path.abspath(m.group(2))
        del stack[depth:]
        includer = stack[-1]
        stack.append(header)
        parts = header.replace("\\", "/").split("/")
        name = "/".join(parts[-2:]) if "/".join(parts[-2:]) in POSIX_ONLY else parts[-1]
        if name in POSIX_ONLY and (includer == stack[0] or
                                   includer.startswith(project + os.sep)):
            found.append("%s includes <%s>, which MSVC does not have" %
                         (os.path.basename(includer), name))
    return found


def check(clang, flags, project, source):
    result = run([clang] + flags + ["-H", source])
    lines = result.stderr.splitlines()
    tree = [l for l in lines if HEADER_LINE.match(l)]
    problems = []
    if result.returncode != 0:
        # Without -H's header list and its include-guard advice.
        diagnostics = [l for l in lines if not HEADER_LINE.match(l)]
        if "Multiple include guards may be useful for:" in diagnostics:
            diagnostics = diagnostics[:diagnostics.index(
                "Multiple include guards may be useful for:")]
        problems.append("does not compile for %s:\n%s" % (TARGET, "\n".join(diagnostics)))
    return source, problems + posix_includes(tree, source, project)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reuse-pch", action="store_true")
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args()

    # The LLVM whose headers the checks are built against: the clang's.
    llvm_include = os.path.join(os.path.dirname(os.path.dirname(args.clang)), "include")
    if not os.path.exists(os.path.join(llvm_include, "clang-tidy", "ClangTidyModule.h")):
        sys.exit("windows_sources.py: no clang-tidy headers in %s" % llvm_include)
    os.makedirs(args.work, exist_ok=True)
    overlay = write_overlay(llvm_include, args.work)
    project = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            "..", "..", "..", "checker"))
    # As checker/CMakeLists.txt compiles them (LLVM is built without RTTI and
    # exceptions; raii_add_tool defines the resource directory). mingw-w64's
    # libstdc++ 12 calls get_temporary_buffer, which it deprecates in C++17,
    # from std::stable_sort: not the sources' warning.
    flags = ["--target=" + TARGET, "-std=c++17", "-fno-rtti", "-fno-exceptions", "-Wall",
             "-Wextra", "-Wno-unused-parameter", "-Wno-deprecated-declarations", "-Werror",
             "-I", overlay, "-isystem", llvm_include, "-I", project,
             '-DRAII_CLANG_RESOURCE_DIR="C:/LLVM/lib/clang/0"']

    header = os.path.join(args.work, "precompiled.h")
    pch = header + ".pch"
    result = None
    if not (args.reuse_pch and os.path.exists(pch)):
        with open(header, "w") as f:
            f.writelines('#include "%s"\n' % h for h in PRECOMPILED)
        result = run([args.clang] + flags + ["-fpch-instantiate-templates", "-x",
                                             "c++-header", header, "-o", pch])
    if result and result.returncode != 0:
        print("windows-build: LLVM's headers do not compile for %s:\n%s" %
              (TARGET, result.stderr))
        return 1
    flags += ["-fsyntax-only", "-include-pch", pch]

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for source, problems in pool.map(lambda s: check(args.clang, flags, project, s),
                                          sorted(args.sources)):
            for problem in problems:
                print("windows-build: %s: %s" % (os.path.basename(source), problem))
            failed += bool(problems)
    print("windows-build: %d of %d sources build for Windows (%s, LLVM's headers "
          "configured for %s)" % (len(args.sources) - failed, len(args.sources), TARGET,
                                  WINDOWS_TRIPLE))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
