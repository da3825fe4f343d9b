# Locates LLVM, Clang, the clang-tidy headers and the tools of one LLVM major
# (RAII_LLVM_VERSION) and checks that they belong together. Every failure names
# the Debian package that fixes it, or on Windows the release archive to unpack
# (docs/windows.md).
include(RaiiTidyLLVMRoot)

set(RAII_LLVM_VERSION 22 CACHE STRING "LLVM major version to build against (22 or 19)")
if(NOT RAII_LLVM_VERSION MATCHES "^[0-9]+$")
  message(FATAL_ERROR "RAII_LLVM_VERSION must be an LLVM major version such as 22 or 19, not '${RAII_LLVM_VERSION}'")
endif()
if(NOT RAII_LLVM_VERSION STREQUAL "22" AND NOT RAII_LLVM_VERSION STREQUAL "19")
  message(WARNING "raii-tidy is tested with LLVM 22 and 19; LLVM ${RAII_LLVM_VERSION} is untested")
endif()
set(_v ${RAII_LLVM_VERSION})
if(WIN32)
  # No default: LLVM's Windows release archive unpacks wherever it is put.
  set(RAII_LLVM_ROOT "" CACHE PATH "The unpacked LLVM ${_v} Windows release archive (clang+llvm-${_v}.x.y-x86_64-pc-windows-msvc)")
  if(NOT RAII_LLVM_ROOT)
    message(FATAL_ERROR "set RAII_LLVM_ROOT to an unpacked clang+llvm-${_v}.x.y-x86_64-pc-windows-msvc.tar.xz from https://github.com/llvm/llvm-project/releases (docs/windows.md)")
  endif()
  file(TO_CMAKE_PATH "${RAII_LLVM_ROOT}" RAII_LLVM_ROOT)
  set(_fix "unpack LLVM's Windows release archive clang+llvm-${_v}.x.y-x86_64-pc-windows-msvc.tar.xz (https://github.com/llvm/llvm-project/releases; the LLVM-${_v}.x.y-win64.exe installer has no libraries or CMake packages) and point RAII_LLVM_ROOT at it (docs/windows.md)")
else()
  set(RAII_LLVM_ROOT "/usr/lib/llvm-${_v}" CACHE PATH "Prefix of the LLVM ${_v} installation")
  set(_fix "install it with: apt-get install clang-tidy-${_v} libclang-${_v}-dev llvm-${_v}-dev llvm-${_v}-tools clang-${_v} (or run: bash cmake/install-deps.sh ${_v})")
endif()

# The layout first, so that a wrong root is named by what it lacks.
raii_check_llvm_root("${RAII_LLVM_ROOT}" "${_v}" "${WIN32}" _problem)
if(_problem)
  message(FATAL_ERROR "${_problem}; ${_fix}")
endif()

find_package(LLVM CONFIG QUIET PATHS "${RAII_LLVM_ROOT}/lib/cmake/llvm" NO_DEFAULT_PATH)
if(NOT LLVM_FOUND)
  message(FATAL_ERROR "LLVM ${_v} development files not found under ${RAII_LLVM_ROOT}; ${_fix}")
endif()
if(NOT LLVM_VERSION_MAJOR STREQUAL _v)
  message(FATAL_ERROR "found LLVM ${LLVM_PACKAGE_VERSION} under ${RAII_LLVM_ROOT} but RAII_LLVM_VERSION is ${_v}; set RAII_LLVM_ROOT to the LLVM ${_v} prefix")
endif()
# Debian's Clang package makes clangd's remote-index targets (which
# raii-clangd links through clangdMain) depend on gRPC's and protobuf's
# targets without finding them; they must exist where Clang's targets are
# defined. Optional: without them only raii-clangd is skipped. LLVM's Windows
# release is built without clangd's remote index, so it needs neither.
if(NOT WIN32)
  find_package(gRPC CONFIG QUIET)
endif()
find_package(Clang CONFIG QUIET PATHS "${RAII_LLVM_ROOT}/lib/cmake/clang" NO_DEFAULT_PATH)
if(NOT Clang_FOUND)
  message(FATAL_ERROR "Clang ${_v} development files not found under ${RAII_LLVM_ROOT}; ${_fix}")
endif()
find_path(RAII_CLANG_TIDY_HEADERS clang-tidy/ClangTidyModule.h
  PATHS ${CLANG_INCLUDE_DIRS} NO_DEFAULT_PATH)
if(NOT RAII_CLANG_TIDY_HEADERS)
  message(FATAL_ERROR "clang-tidy headers (clang-tidy/ClangTidyModule.h) not found in ${CLANG_INCLUDE_DIRS}; ${_fix}")
endif()

# raii_find_tool(<var> <name> <package> [<other names>...]): a tool from the
# same LLVM installation.
function(raii_find_tool var name package)
  find_program(${var} NAMES ${name} ${name}-${_v} ${ARGN}
    PATHS "${LLVM_TOOLS_BINARY_DIR}" "${RAII_LLVM_ROOT}/build/utils/lit"
    NO_DEFAULT_PATH)
  if(NOT ${var})
    message(FATAL_ERROR "${name} for LLVM ${_v} not found in ${LLVM_TOOLS_BINARY_DIR}; install it with: apt-get install ${package}")
  endif()
endfunction()

raii_find_tool(RAII_CLANG_TIDY clang-tidy clang-tidy-${_v})
raii_find_tool(RAII_CLANG clang++ clang-${_v})
if(WIN32)
  # The release archive has neither FileCheck (LLVM_INSTALL_UTILS is off) nor
  # lit: the test suite is configured only when both are given
  # (-DRAII_FILECHECK=<FileCheck.exe> -DRAII_LIT=<lit>; docs/ci/windows.yml
  # builds the one from LLVM's source and pip-installs the other).
  find_program(RAII_FILECHECK NAMES FileCheck PATHS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
  find_program(RAII_LIT NAMES lit)
  if(NOT RAII_FILECHECK OR NOT RAII_LIT)
    message(STATUS "raii-tidy: no test suite (check-raii): it needs FileCheck and lit, which LLVM's Windows release archive lacks; pass -DRAII_FILECHECK=<FileCheck.exe> -DRAII_LIT=<lit> (docs/windows.md)")
  endif()
else()
  raii_find_tool(RAII_FILECHECK FileCheck llvm-${_v}-tools)
  # LLVM 22 packages bin/lit; LLVM 19 only build/utils/lit/lit.py.
  raii_find_tool(RAII_LIT lit llvm-${_v}-tools lit.py)
endif()

# The plugin is loaded into this clang-tidy binary, so it must be the same
# major as the headers we compile against.
execute_process(COMMAND "${RAII_CLANG_TIDY}" --version
  OUTPUT_VARIABLE _tidy_version ERROR_QUIET RESULT_VARIABLE _tidy_rc)
string(REGEX MATCH "LLVM version ([0-9]+)" _m "${_tidy_version}")
if(NOT _tidy_rc EQUAL 0 OR NOT CMAKE_MATCH_1)
  message(FATAL_ERROR "cannot run '${RAII_CLANG_TIDY} --version'; ${_fix}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL _v)
  message(FATAL_ERROR "${RAII_CLANG_TIDY} is LLVM ${CMAKE_MATCH_1} but the headers are LLVM ${LLVM_PACKAGE_VERSION}: a plugin only loads into the clang-tidy it was built for. Install clang-tidy-${_v} or set RAII_CLANG_TIDY=${LLVM_TOOLS_BINARY_DIR}/clang-tidy")
endif()

if(MSVC)
  include(RaiiTidyMSVC)
endif()

# The test runner needs PyYAML, which Debian's python3-yaml provides for the
# system interpreter; prefer it over interpreters earlier on PATH.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python for the test runner (needs PyYAML)")
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)
message(STATUS "raii-tidy: LLVM ${LLVM_PACKAGE_VERSION} (${RAII_LLVM_ROOT}), clang-tidy ${RAII_CLANG_TIDY}")
