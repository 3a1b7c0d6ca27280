#!/usr/bin/env bash
# Runtime tests: builds each runtime/tests/test_*.c against the runtime
# sources, runs it (under valgrind's memcheck with leak checking when
# installed), and counts its "ok"/"not ok" lines; checks the
# executable entry (main.c) with fake entry modules. Prints "N passed, N failed".
#
# Env: CC (default clang-19, else gcc), AWSM_NO_VALGRIND=1 to skip valgrind.
# test_memory runs natively: it checks that real faults kill the process.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
rt="$(dirname "$here")"
CC="${CC:-$(command -v clang-19 || command -v gcc)}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok $1"; }
fail() { failed=$((failed + 1)); echo "not ok $1"; }

runtime_sources=()
for f in "$rt"/*.c "$rt"/memory/*.c "$rt"/wasi/*.c; do
  [ "$(basename "$f")" = main.c ] && [ "$(dirname "$f")" = "$rt" ] && continue
  runtime_sources+=("$f")
done
cflags=(-std=c11 -gdwarf-4 -O1 -Wall -Wextra -Werror -I "$rt/include" -I "$rt")

# Count the ok / not ok lines of one test program's output.
tally() {
  local name="$1" status="$2" log="$3"
  local ok bad
  ok=$(grep -c '^ok ' "$log")
  bad=$(grep -c '^not ok ' "$log")
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
    fail "$name (exit status $status)"
  fi
  cat "$log"
}

# --- unit tests
for test in "$here"/test_*.c; do
  name="$(basename "$test" .c)"
  if ! "$CC" "${cflags[@]}" "${runtime_sources[@]}" "$test" -o "$out/$name" -lpthread \
    2>"$out/$name.cc.log"; then
    cat "$out/$name.cc.log"
    fail "$name (does not compile)"
    continue
  fi
  if [ "$name" != test_memory ] && command -v valgrind >/dev/null && [ -z "${AWSM_NO_VALGRIND:-}" ]; then
    valgrind -q --child-silent-after-fork=yes --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
      --error-exitcode=99 "$out/$name" >"$out/$name.log" 2>&1
  else
    "$out/$name" >"$out/$name.log" 2>&1
  fi
  tally "$name" $? "$out/$name.log"
done

# --- the executable entry point: expect exit status, stdout, stderr
check_exe() {
  local variant="$1" want_status="$2" want_out="$3" want_err="$4"
  shift 4
  local exe="$out/exe$variant"
  if ! "$CC" "${cflags[@]}" -DVARIANT="$variant" "${runtime_sources[@]}" "$rt/main.c" \
    "$here/exe_module.c" -o "$exe" -lpthread 2>"$exe.cc.log"; then
    cat "$exe.cc.log"
    fail "exe variant $variant (does not compile)"
    return
  fi
  "$exe" "$@" >"$exe.out" 2>"$exe.err"
  local status=$?
  if [ "$status" -eq "$want_status" ] && [ "$(cat "$exe.out")" = "$want_out" ] &&
    [ "$(cat "$exe.err")" = "$want_err" ]; then
    pass "exe variant $variant"
  else
    echo "  exit $status (want $want_status), stdout '$(cat "$exe.out")' (want '$want_out')," \
      "stderr '$(cat "$exe.err")' (want '$want_err')"
    fail "exe variant $variant"
  fi
}
check_exe 0 0 "first-arg" "" first-arg second
check_exe 1 3 "hi" ""
check_exe 2 134 "" "awsm: trap: unreachable"
check_exe 3 1 "" "awsm: module has no _start export"
check_exe 4 1 "" "awsm: unknown import: env.f"
check_exe 5 134 "" "awsm: trap: integer divide by zero"

# --- the bitcode build's flags (as build.rs uses them) and formatting
clang="${AWSM_CLANG:-clang-19}"
if command -v "$clang" >/dev/null; then
  bc_ok=1
  for f in "${runtime_sources[@]}" "$rt/main.c"; do
    "$clang" --target=x86_64-unknown-linux-gnu -std=c11 -O2 -emit-llvm -c -fno-stack-protector \
      -fPIC -Wall -Wextra -Werror -I "$rt/include" "$f" -o "$out/x.bc" || bc_ok=0
  done
  if [ $bc_ok = 1 ]; then pass "bitcode build is warning-free"; else fail "bitcode build"; fi
fi
fmt="$(command -v clang-format-19 || command -v clang-format || true)"
if [ -n "$fmt" ]; then
  if "$fmt" --dry-run --Werror "$rt"/*.c "$rt"/*.h "$rt"/include/*.h "$rt"/memory/*.c \
    "$rt"/wasi/*.[ch] "$here"/*.[ch] 2>"$out/fmt.log"; then
    pass "clang-format clean"
  else
    head -20 "$out/fmt.log"
    fail "clang-format clean"
  fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
