#!/usr/bin/env bash
# Runs one command line through bash; checks its exit status and that its output (stdout and
# stderr) matches an extended regular expression. Usage: run_case.sh RC REGEX COMMAND...
set -u
want_rc=$1
regex=$2
shift 2
# grep reads a regex with a newline as several patterns, and an empty one matches anything: a
# case that checks several lines joins them with '|' first (see schedule_small_known_answer).
if [[ $regex == *$'\n'* ]]; then
  echo "run_case.sh: the regex spans lines; join the output's lines instead"
  exit 1
fi
out=$(bash -c "$*" 2>&1)
rc=$?
if [[ $rc -ne $want_rc ]]; then
  printf 'exit status %s, expected %s\n--- output ---\n%s\n' "$rc" "$want_rc" "$out"
  exit 1
fi
if ! grep -Eq -- "$regex" <<<"$out"; then
  printf 'output does not match /%s/\n--- output ---\n%s\n' "$regex" "$out"
  exit 1
fi
echo "ok: exit $rc, output matches /$regex/"
