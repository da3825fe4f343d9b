#!/usr/bin/env bash
# make-hook-repo.sh <raii-tidy source> <dir>: a git repository holding this
# checkout's hook (.pre-commit-hooks.yaml, its entry script and raii_tools.py,
# which the script imports) as one commit, which a project's
# .pre-commit-config.yaml can name as 'repo:' without network.
# Prints the commit.
set -eu
src=$1 dir=$2
export GIT_CONFIG_NOSYSTEM=1 HOME=$dir GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$dir/checker/tools"
cp "$src/.pre-commit-hooks.yaml" "$dir/"
cp -p "$src/checker/tools/raii-tidy-pre-commit" "$src/checker/tools/raii_tools.py" "$dir/checker/tools/"
cd "$dir"
git init -q
git add -A
git commit -q -m hook
git rev-parse HEAD
