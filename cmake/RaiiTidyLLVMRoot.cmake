# raii_check_llvm_root(): whether a directory is an LLVM installation that
# raii-tidy can be built against, judged from its files alone, before
# find_package reads it. Two layouts are known:
#
#   Debian's /usr/lib/llvm-N (libclang-N-dev llvm-N-dev)
#     lib/cmake/llvm/LLVMConfig.cmake, lib/cmake/clang/ClangConfig.cmake,
#     include/clang-tidy/ClangTidyModule.h
#     (the tools, bin/clang-tidy and bin/clang++, come from packages of their
#     own: RaiiTidyLLVM.cmake looks for them and names the package)
#
#   LLVM's Windows release archive, unpacked
#   (clang+llvm-N.x.y-x86_64-pc-windows-msvc.tar.xz; not the LLVM-*-win64.exe
#   installer, which has no libraries or CMake packages)
#     the same, and bin/clang-tidy.exe, bin/clang++.exe and
#     lib/clangTidyMain.lib: LLVM on Windows cannot load plugins, so
#     raii-clang-tidy.exe is all there is to build, and it needs that library.
#
# Used by RaiiTidyLLVM.cmake, and runnable on its own, which is how
# test/windows-build/llvm-root.test checks it on fake archive layouts:
#
#   cmake -DRAII_LLVM_ROOT=<dir> -DRAII_LLVM_VERSION=<major> [-DRAII_WINDOWS=ON] \
#     -P cmake/RaiiTidyLLVMRoot.cmake
#
# prints "raii-tidy: <dir> is an LLVM <major> installation (...)" or fails with
# the message below.

# raii_check_llvm_root(<root> <major> <windows> <result-var>): sets
# <result-var> to "" when <root> has everything raii-tidy needs from an LLVM
# <major> installation of the Windows (<windows> true) or Debian layout, and
# otherwise to a message that names the first file missing or the wrong major.
function(raii_check_llvm_root root major windows result)
  if(NOT IS_DIRECTORY "${root}")
    set(${result} "${root} is not a directory" PARENT_SCOPE)
    return()
  endif()
  set(_config "${root}/lib/cmake/llvm/LLVMConfig.cmake")
  if(NOT EXISTS "${_config}")
    set(${result} "LLVM ${major} development files not found under ${root} (no lib/cmake/llvm/LLVMConfig.cmake)" PARENT_SCOPE)
    return()
  endif()
  # The major as LLVMConfig.cmake sets it, without running it (it defines
  # imported targets, which script mode cannot).
  file(STRINGS "${_config}" _line REGEX "^set\\(LLVM_VERSION_MAJOR [0-9]+\\)")
  string(REGEX MATCH "[0-9]+" _found "${_line}")
  if(NOT _found)
    set(${result} "${_config} does not set LLVM_VERSION_MAJOR: not an LLVM CMake package" PARENT_SCOPE)
    return()
  endif()
  if(NOT _found STREQUAL major)
    set(${result} "found LLVM ${_found} under ${root} but RAII_LLVM_VERSION is ${major}; set RAII_LLVM_ROOT to the LLVM ${major} prefix" PARENT_SCOPE)
    return()
  endif()
  set(_needs
    "lib/cmake/clang/ClangConfig.cmake|Clang ${major} development files"
    "include/clang-tidy/ClangTidyModule.h|clang-tidy headers")
  # Debian's tools come from packages of their own, which RaiiTidyLLVM.cmake
  # names when one is missing; an archive has them all or is not one.
  if(windows)
    list(APPEND _needs "bin/clang-tidy.exe|clang-tidy for LLVM ${major}"
      "bin/clang++.exe|clang++ for LLVM ${major}")
  endif()
  foreach(_need IN LISTS _needs)
    string(REPLACE "|" ";" _need "${_need}")
    list(GET _need 0 _file)
    list(GET _need 1 _what)
    if(NOT EXISTS "${root}/${_file}")
      set(${result} "${_what} not found under ${root} (no ${_file})" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  if(windows AND NOT EXISTS "${root}/lib/clangTidyMain.lib")
    set(${result} "${root} has no lib/clangTidyMain.lib, which raii-clang-tidy.exe is built from (LLVM on Windows cannot load plugins, so nothing else can be built)" PARENT_SCOPE)
    return()
  endif()
  set(${result} "" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT DEFINED RAII_LLVM_ROOT OR NOT DEFINED RAII_LLVM_VERSION)
    message(FATAL_ERROR "usage: cmake -DRAII_LLVM_ROOT=<dir> -DRAII_LLVM_VERSION=<major> [-DRAII_WINDOWS=ON] -P ${CMAKE_CURRENT_LIST_FILE}")
  endif()
  raii_check_llvm_root("${RAII_LLVM_ROOT}" "${RAII_LLVM_VERSION}" "${RAII_WINDOWS}" _problem)
  if(_problem)
    message(FATAL_ERROR "${_problem}")
  endif()
  if(RAII_WINDOWS)
    set(_layout "Windows release archive")
  else()
    set(_layout "Debian layout")
  endif()
  message(STATUS "raii-tidy: ${RAII_LLVM_ROOT} is an LLVM ${RAII_LLVM_VERSION} installation (${_layout})")
endif()
