#!/usr/bin/env bash
# Commits exactly the given files (as they are in the working tree, deletions included) on top of the
# newest main, for several engineers working in one checkout at once. It builds the commit from a
# private index read from HEAD and moves HEAD only if HEAD is still the commit it read (update-ref's
# compare-and-swap); otherwise it starts again. A commit made from an index read before someone
# else's commit landed would undo theirs; this cannot.
#   scripts/commit-files.sh "message" path...
set -euo pipefail
[ "$#" -ge 2 ] || { echo 'usage: scripts/commit-files.sh "message" path...' >&2; exit 2; }
message=$1
shift
export GIT_INDEX_FILE
GIT_INDEX_FILE=$(mktemp)
trap 'rm -f "$GIT_INDEX_FILE"' EXIT
for _ in 1 2 3 4 5; do
  head=$(git rev-parse HEAD)
  git read-tree "$head"
  git add -A -- "$@"
  if git diff --cached --quiet "$head"; then echo 'Nothing to commit in those paths.' >&2; exit 1; fi
  commit=$(git commit-tree "$(git write-tree)" -p "$head" -m "$message")
  if git update-ref HEAD "$commit" "$head" 2>/dev/null; then
    git --no-pager log --oneline -1 "$commit"
    git --no-pager diff --stat "$head" "$commit" | tail -1
    exit 0
  fi
  echo 'main moved on while committing: trying again on the newest.' >&2
done
echo 'main kept moving: try again.' >&2
exit 1
