#!/usr/bin/env bash
# in-repo.sh <dir> <command...>: runs a command in <dir> with git and
# pre-commit isolated from the machine: HOME, pre-commit's cache and git's
# identity all under <dir>/.., no network needed.
set -eu
dir=$1; shift
home=$(cd "$dir/.." && pwd)/home
mkdir -p "$home"
export HOME="$home" PRE_COMMIT_HOME="$home/pre-commit-cache" XDG_CACHE_HOME="$home/cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export PRE_COMMIT_COLOR=never NO_COLOR=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
cd "$dir"
exec "$@"
