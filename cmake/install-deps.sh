#!/usr/bin/env bash
# Installs what raii-tidy needs to build and test against the given LLVM majors
# (default: 22 19) on Debian 12, from Debian's own repositories (and two
# tarballs from the npm registry). Installs only what is missing, so it is
# cheap to run again; fails if anything the suite uses cannot be had.
#
#   bash cmake/install-deps.sh [MAJOR...]
set -euo pipefail

versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 19)

# clang-format-22 checks that the sources follow .clang-format (one version,
# since formatting differs between releases).
# libclang-rt-22-dev: libFuzzer for the fuzz target (test/fuzz, LLVM 22);
# libclang-rt-N-dev: AddressSanitizer for the dynamic tests (test/dynamic).
# pre-commit: the hook's test (test/pre-commit); python3-jsonschema: validating
# the SARIF converter's output (test/sarif).
# libgrpc++-dev, libprotobuf-dev, protobuf-compiler-grpc: the gRPC and protobuf
# targets that Debian's Clang CMake package names for clangdMain (raii-clangd).
# dpkg-dev: dpkg-shlibdeps, for the .deb's dependencies (test/install).
# npm (Debian's, unless a Node.js with npm is already there): fetches the SARIF
# schema and the SARIF Multitool below, which no Debian package ships.
packages=(cmake ninja-build python3 python3-yaml git clang-format-22 libclang-rt-22-dev
          mingw-w64-x86-64-dev g++-mingw-w64-x86-64-posix pre-commit python3-jsonschema
          libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc dpkg-dev)
for v in "${versions[@]}"; do
  case "$v" in
    ''|*[!0-9]*) echo "install-deps.sh: '$v' is not an LLVM major version such as 22" >&2; exit 2 ;;
  esac
  packages+=("clang-tidy-$v" "libclang-$v-dev" "llvm-$v-dev" "llvm-$v-tools" "clang-$v"
            "libclang-rt-$v-dev")
done

missing=()
command -v npm >/dev/null || packages+=(npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps.sh: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "install-deps.sh: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The official SARIF 2.1.0 JSON schema, which no Debian package ships: npm's
# @microsoft/jest-sarif carries it. Only the tarball is fetched (no install).
schema_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/deps"
schema="$schema_dir/sarif-2.1.0-rtm.5.json"
if [ ! -s "$schema" ]; then
  mkdir -p "$schema_dir/npm"
  if (cd "$schema_dir/npm" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
      tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json); then
    mv "$schema_dir/npm/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
  else
    echo "install-deps.sh: could not fetch the SARIF schema with 'npm pack @microsoft/jest-sarif@1.0.0-beta.0'; the SARIF tests need it" >&2
    rm -rf "$schema_dir/npm"; exit 1
  fi
  rm -rf "$schema_dir/npm"
fi

# GitHub's SARIF ingestion rules: Microsoft's SARIF Multitool (`validate
# --rule-kind Gh`), a self-contained Linux binary in npm's
# @microsoft/sarif-multitool-linux. Only the binary is taken from the tarball.
multitool="$schema_dir/sarif-multitool/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  mkdir -p "$schema_dir/npm"
  if (cd "$schema_dir/npm" && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1 &&
      tar -xzf microsoft-sarif-multitool-linux-5.7.0.tgz package/Sarif.Multitool); then
    mkdir -p "$(dirname "$multitool")"
    mv "$schema_dir/npm/package/Sarif.Multitool" "$multitool"
    chmod +x "$multitool"
  else
    echo "install-deps.sh: could not fetch the SARIF Multitool with 'npm pack @microsoft/sarif-multitool-linux@5.7.0'; the test of GitHub's ingestion rules needs it" >&2
    rm -rf "$schema_dir/npm"; exit 1
  fi
  rm -rf "$schema_dir/npm"
fi

