#!/usr/bin/env bash
# Stands in for clang-tidy or clang: prints the start of LLVM's crash report,
# then dies of a segmentation fault, as a crashing check makes it.
echo "PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and include the crash backtrace."
echo "Stack dump:"
kill -SEGV $$
