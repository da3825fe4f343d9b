# `cmake --install` and the Debian package (cpack, DEB) of one LLVM major.
# Everything is installed per major, so raii-tidy-llvm22 and raii-tidy-llvm19
# install side by side:
#
#   lib/raii-tidy/llvm-N/libRaiiTidy.so        the plugin
#   lib/raii-tidy/llvm-N/tools/                raii-tidy-pre-commit, raii-tidy-project,
#                                              raii-sarif.py, raii-shard.py,
#                                              raii-codechecker-labels.py, and
#                                              raii_tools.py, which three of them import
#   lib/raii-tidy/llvm-N/bin/                  raii-clangd, raii-clang-tidy, raii-explain (when built)
#   lib/cmake/RaiiTidy-llvmN/                  find_package(RaiiTidy)
#   share/doc/raii-tidy-llvmN/                 README.md, whole-program.md, checks/, ci/,
#                                              editors/
#
# Included at the end of the top-level CMakeLists.txt, after every target is
# defined, so optional targets are installed only if they exist.
#
# On Windows there is no plugin and no package configuration (both are about
# libRaiiTidy.so); the tools come with a copy of Clang's builtin headers in
# lib/raii-tidy/llvm-N/lib/clang/N/include, where they look for them
# (checker/tools/CMakeLists.txt), and cpack writes a .zip.
include(CMakePackageConfigHelpers)

set(RAII_INSTALL_DIR "lib/raii-tidy/llvm-${RAII_LLVM_VERSION}")
set(RAII_INSTALL_CMAKEDIR "lib/cmake/RaiiTidy-llvm${RAII_LLVM_VERSION}")
set(RAII_INSTALL_DOCDIR "share/doc/raii-tidy-llvm${RAII_LLVM_VERSION}")

if(NOT WIN32)
  install(TARGETS RaiiTidy LIBRARY DESTINATION "${RAII_INSTALL_DIR}")
endif()
install(PROGRAMS
  "${PROJECT_SOURCE_DIR}/checker/tools/raii-tidy-pre-commit"
  "${PROJECT_SOURCE_DIR}/checker/tools/raii-tidy-project"
  "${PROJECT_SOURCE_DIR}/checker/tools/raii-sarif.py"
  "${PROJECT_SOURCE_DIR}/checker/tools/raii-shard.py"
  "${PROJECT_SOURCE_DIR}/checker/tools/raii-codechecker-labels.py"
  DESTINATION "${RAII_INSTALL_DIR}/tools")
install(FILES "${PROJECT_SOURCE_DIR}/checker/tools/raii_tools.py"
  DESTINATION "${RAII_INSTALL_DIR}/tools")
foreach(_tool raii-clangd raii-clang-tidy raii-explain)
  if(TARGET ${_tool})
    install(TARGETS ${_tool} RUNTIME DESTINATION "${RAII_INSTALL_DIR}/bin")
  endif()
endforeach()
if(WIN32 AND IS_DIRECTORY "${PROJECT_BINARY_DIR}/lib/clang")
  install(DIRECTORY "${PROJECT_BINARY_DIR}/lib/clang" DESTINATION "${RAII_INSTALL_DIR}/lib")
endif()
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/docs/whole-program.md"
  DESTINATION "${RAII_INSTALL_DOCDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/checks" "${PROJECT_SOURCE_DIR}/docs/ci"
  "${PROJECT_SOURCE_DIR}/docs/editors" DESTINATION "${RAII_INSTALL_DOCDIR}")

if(WIN32)
  set(CPACK_GENERATOR ZIP)
  set(CPACK_PACKAGE_NAME "raii-tidy-llvm${RAII_LLVM_VERSION}")
  set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
  set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
  include(CPack)
  return()
endif()

# The package configuration locates everything relative to itself, so an
# installed tree can be moved (or unpacked with dpkg -x) and still be found.
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/RaiiTidyConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/RaiiTidyConfig.cmake"
  INSTALL_DESTINATION "${RAII_INSTALL_CMAKEDIR}"
  PATH_VARS RAII_INSTALL_DIR RAII_INSTALL_DOCDIR)
configure_file("${PROJECT_SOURCE_DIR}/cmake/RaiiTidyConfigVersion.cmake.in"
  "${PROJECT_BINARY_DIR}/RaiiTidyConfigVersion.cmake" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/RaiiTidyConfig.cmake"
  "${PROJECT_BINARY_DIR}/RaiiTidyConfigVersion.cmake"
  DESTINATION "${RAII_INSTALL_CMAKEDIR}")

# cpack -G DEB (in the build tree) writes raii-tidy-llvmN_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "raii-tidy-llvm${RAII_LLVM_VERSION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "raii-tidy")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks for C-style resources a class never releases (LLVM ${RAII_LLVM_VERSION})")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "raii-tidy developers")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The plugin only works in this major's clang-tidy; the scripts are Python.
# raii-clangd and raii-clang-tidy link this major's shared libLLVM and
# libclang-cpp (and gRPC, protobuf): dpkg-shlibdeps adds those packages.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "clang-tidy-${RAII_LLVM_VERSION}, python3")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-yaml")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
include(CPack)
