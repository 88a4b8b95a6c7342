#!/bin/bash
# Task setup for the conformance image, run by run.sh at container start: stands in for upstream's
# "git checkout <the task's commit>" followed by "patch -p1 < issues/<id>/bug_reintroduce.patch".
#   1. writes /app/expensify/src/issue_<id>.py from templates/issue.py.in (VALUE = "fixed") and commits it;
#   2. writes /app/tests/issues/<id>/test.py (from templates/test.py.in) and issues/<id>/bug_reintroduce.patch,
#      a git-style diff turning VALUE = "fixed" into VALUE = "broken";
#   3. applies that patch with patch -p1 and leaves it uncommitted (the harness re-initialises the git repository).
# Usage: setup_expensify.sh ISSUE_ID
set -euo pipefail
id=${1:-}
if [[ ! $id =~ ^[A-Za-z0-9_-]+$ ]]; then
  echo "setup_expensify: the issue id '$id' does not match ^[A-Za-z0-9_-]+\$" >&2
  exit 1
fi
tests=/app/tests
app=/app/expensify
src=src/issue_$id.py
issue_dir=$tests/issues/$id

cd "$app"
sed "s/@ISSUE_ID@/$id/g" "$tests/templates/issue.py.in" > "$src"
git add -- "$src"
if ! git diff --cached --quiet; then
  git -c user.name="Conformance Setup" -c user.email=setup@conformance.invalid \
    commit -q -m "Task $id: the fixed state (stands in for checking out the task's commit)"
fi

mkdir -p "$issue_dir"
sed "s/@ISSUE_ID@/$id/g" "$tests/templates/test.py.in" > "$issue_dir/test.py"
lines=$(wc -l < "$src")
{
  printf 'diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n' "$src" "$src" "$src" "$src"
  printf '@@ -1,%d +1,%d @@\n' "$lines" "$lines"
  while IFS= read -r line; do
    if [[ $line == 'VALUE = "fixed"' ]]; then
      printf -- '-%s\n+%s\n' "$line" 'VALUE = "broken"'
    else
      printf ' %s\n' "$line"
    fi
  done < "$src"
} > "$issue_dir/bug_reintroduce.patch"
patch -p1 --no-backup-if-mismatch < "$issue_dir/bug_reintroduce.patch"
echo "setup_expensify: task $id is set up ($src has the bug; issues/$id/test.py fails until it is fixed)"
