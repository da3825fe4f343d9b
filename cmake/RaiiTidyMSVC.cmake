# What building against LLVM's Windows release archive with MSVC (cl or
# clang-cl) needs beyond LLVM's CMake package. Included by RaiiTidyLLVM.cmake
# after find_package(LLVM), before any target is defined. The per-target
# flags (/GR-, /EHs-c-, warnings) are in raii_llvm_target(),
# checker/CMakeLists.txt. Not run by the project: see docs/windows.md.

# One C runtime for everything linked into a tool. LLVMConfig.cmake sets
# CMAKE_MSVC_RUNTIME_LIBRARY to the value LLVM was configured with; LLVM's
# release script (llvm/utils/release/build_llvm_release.bat) sets none, so its
# libraries use CMake's default for their Release build, the DLL runtime (/MD).
# That is kept in every configuration of this project: a Debug build's default
# /MDd (and _ITERATOR_DEBUG_LEVEL=2) does not link with them (LNK2038).
if(NOT CMAKE_MSVC_RUNTIME_LIBRARY)
  set(CMAKE_MSVC_RUNTIME_LIBRARY MultiThreadedDLL)
endif()
message(STATUS "raii-tidy: MSVC runtime ${CMAKE_MSVC_RUNTIME_LIBRARY}, as LLVM's libraries")

# CMake's default flags turn exceptions on (/EHsc); LLVM is built without
# them, and raii_llvm_target() says so per target (/EHs-c-). Removing the
# default keeps the two from meeting on one command line (warning D9025).
if(NOT LLVM_ENABLE_EH)
  string(REGEX REPLACE "(^| )[/-]EHsc( |$)" " " CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS}")
endif()

# The archive's LLVMExports.cmake names the DIA SDK's diaguids.lib by its path
# on the machine that built the release (a Visual Studio 2019 Professional
# installation), which other machines do not have (llvm/llvm-project#86250,
# #100372, #152268). Point it at this Visual Studio's DIA SDK, or drop it:
# nothing the tools link uses LLVM's PDB reader.
if(TARGET LLVMDebugInfoPDB)
  get_target_property(_pdb_libs LLVMDebugInfoPDB INTERFACE_LINK_LIBRARIES)
  if(_pdb_libs)
    set(_fixed "")
    foreach(_lib IN LISTS _pdb_libs)
      if(_lib MATCHES "diaguids\\.lib$" AND NOT EXISTS "${_lib}")
        set(_dia "$ENV{VSINSTALLDIR}DIA SDK/lib/amd64/diaguids.lib")
        if(DEFINED ENV{VSINSTALLDIR} AND EXISTS "${_dia}")
          file(TO_CMAKE_PATH "${_dia}" _dia)
          message(STATUS "raii-tidy: LLVMDebugInfoPDB links ${_dia} instead of the archive's missing ${_lib}")
          set(_lib "${_dia}")
        else()
          message(STATUS "raii-tidy: LLVMDebugInfoPDB's ${_lib} does not exist here and no DIA SDK was found (VSINSTALLDIR); dropped from its link interface")
          continue()
        endif()
      endif()
      list(APPEND _fixed "${_lib}")
    endforeach()
    set_target_properties(LLVMDebugInfoPDB PROPERTIES INTERFACE_LINK_LIBRARIES "${_fixed}")
  endif()
endif()
