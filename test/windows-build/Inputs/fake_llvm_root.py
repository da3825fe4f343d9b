#!/usr/bin/env python3
"""Writes a fake LLVM installation for test/windows-build/llvm-root.test: the
files cmake/RaiiTidyLLVMRoot.cmake looks at in LLVM's Windows release archive
(clang+llvm-N.x.y-x86_64-pc-windows-msvc), empty but for the version in
LLVMConfig.cmake.

    fake_llvm_root.py DIR [--major N] [--omit PATH]...
"""
import argparse
import os

FILES = {
    "lib/cmake/llvm/LLVMConfig.cmake":
        "set(LLVM_VERSION_MAJOR {major})\nset(LLVM_VERSION_MINOR 1)\n"
        "set(LLVM_VERSION_PATCH 0)\nset(LLVM_PACKAGE_VERSION {major}.1.0)\n",
    "lib/cmake/clang/ClangConfig.cmake": "",
    "include/clang-tidy/ClangTidyModule.h": "",
    "bin/clang-tidy.exe": "MZ",
    "bin/clang++.exe": "MZ",
    "bin/clang-cl.exe": "MZ",
    "lib/clangTidyMain.lib": "!<arch>\n",
    "lib/clangdMain.lib": "!<arch>\n",
    "lib/clang/{major}/include/stddef.h": "",
}

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("dir")
parser.add_argument("--major", default="22")
parser.add_argument("--omit", action="append", default=[])
args = parser.parse_args()
for path, text in FILES.items():
    path = path.format(major=args.major)
    if any(path == o or path.startswith(o.rstrip("/") + "/") for o in args.omit):
        continue
    full = os.path.join(args.dir, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text.format(major=args.major))
