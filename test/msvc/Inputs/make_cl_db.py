"""Writes compile_commands.json for test/msvc/Inputs/queue as MSBuild or
CMake with clang-cl write them: clang-cl (or clang++ --driver-mode=cl) with
/std:c++17 /D /I /EHsc, and one entry whose flags are in a response file.

Usage: make_cl_db.py <project dir> <mock headers dir>
"""
import json
import os
import sys

root, mocks = sys.argv[1], sys.argv[2]
src = os.path.join(root, "src")
with open(os.path.join(src, "app.rsp"), "w") as f:
    f.write('/std:c++17 /DUNICODE /D_UNICODE /DRAII_FROM_RSP "/I%s" /I../inc /EHsc\n'
            % mocks)
entries = [
    {"directory": src, "file": "app.cpp",
     "command": "clang-cl @app.rsp /c app.cpp"},
    {"directory": src, "file": "broken.cpp",
     "arguments": ["clang++", "--driver-mode=cl", "/std:c++17", "/DUNICODE",
                   "/I" + mocks, "/I../inc", "/EHsc", "/c", "broken.cpp"]},
]
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
