#!/usr/bin/env bash
# Commits exactly the given files (as they are in the working tree, deletions included) on top of the
# newest main, for several engineers working in one checkout at once. It builds the commit from a
# private index read from HEAD and moves HEAD only if HEAD is still the commit it read (update-ref's
# compare-and-swap); otherwise it starts again. A commit made from an index read before someone
# else's commit landed would undo theirs; this cannot.
#
# Before moving HEAD it typechecks the commit's own tree (written out to a temporary folder, with this
# checkout's node_modules): the working tree may hold other engineers' unfinished files that a commit
# silently relies on, and `npm run typecheck` in the working tree cannot see that. SKIP_TREE_CHECK=1
# skips it (for commits that touch no TypeScript). Afterwards the shared index is read from HEAD
# again, so that `git status` tells the truth. Commits made through this script wait for each other
# (flock on a file in the git directory): without that, a typecheck that takes minutes on a busy
# machine saw main move on under it again and again and gave up.
#   scripts/commit-files.sh "message" path...
set -euo pipefail
[ "$#" -ge 2 ] || { echo 'usage: scripts/commit-files.sh "message" path...' >&2; exit 2; }
message=$1
shift
root=$(git rev-parse --show-toplevel)
private_index=$(mktemp)
tree_dir=''
trap 'rm -f "$private_index"; [ -n "$tree_dir" ] && rm -rf "$tree_dir"; true' EXIT

typecheck_tree() {
  tree_dir=$(mktemp -d)
  git archive "$1" | tar -x -C "$tree_dir"
  ln -s "$root/node_modules" "$tree_dir/node_modules"
  if ! (cd "$tree_dir" && node "$root/node_modules/typescript/bin/tsc" --noEmit -p .); then
    echo 'The commit would not typecheck on its own (it may rely on a file that is not committed): HEAD not moved.' >&2
    return 1
  fi
  rm -rf "$tree_dir"
  tree_dir=''
}

exec 9>"$(git rev-parse --git-common-dir)/commit-files.lock"
flock 9

for _ in 1 2 3 4 5; do
  head=$(git rev-parse HEAD)
  GIT_INDEX_FILE=$private_index git read-tree "$head"
  GIT_INDEX_FILE=$private_index git add -A -- "$@"
  if GIT_INDEX_FILE=$private_index git diff --cached --quiet "$head"; then echo 'Nothing to commit in those paths.' >&2; exit 1; fi
  commit=$(git commit-tree "$(GIT_INDEX_FILE=$private_index git write-tree)" -p "$head" -m "$message")
  if [ "${SKIP_TREE_CHECK:-0}" != 1 ]; then typecheck_tree "$commit" || exit 1; fi
  if git update-ref HEAD "$commit" "$head" 2>/dev/null; then
    git read-tree HEAD
    git --no-pager log --oneline -1 "$commit"
    git --no-pager diff --stat "$head" "$commit" | tail -1
    exit 0
  fi
  echo 'main moved on while committing: trying again on the newest.' >&2
done
echo 'main kept moving: try again.' >&2
exit 1
