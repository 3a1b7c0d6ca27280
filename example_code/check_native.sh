#!/usr/bin/env bash
# Verifies (or regenerates) the expected outputs of the example programs
# against native builds, which are the reference: see README.md.
#
# usage: example_code/check_native.sh [--bless] [--node] [NAME...]
#
#   (default)  build each example natively with clang-19 at -O0 and -O2, run
#              it with the args/env/stdin of NAME.expected, and compare
#              stdout with NAME.stdout, stderr with NAME.stderr (if that file
#              exists, otherwise stderr must be empty) and the exit status
#              with `status:`.
#   --bless    write NAME.stdout (and NAME.stderr, if it exists) from the
#              native -O2 run, then check that -O0 agrees with it.
#   --node     also build each example for wasm32-wasi at -O0 and -O2 and run
#              it under Node's WASI (wasi_node.mjs) as an independent engine;
#              this is the only check of the trap examples' stdout, which
#              have no native build. Node's trap messages differ from awsm's,
#              so for traps only stdout and status 134 are compared.
#
# Examples with `trap:` or `wasm-only:` in their .expected are not built
# natively. NAME defaults to every example_code/*.c. Exits non-zero if any
# check failed.
set -u
cd "$(dirname "$0")"

CLANG=${AWSM_TEST_CLANG:-clang-19}
bless=0
node=0
names=()
for a in "$@"; do
  case $a in
  --bless) bless=1 ;;
  --node) node=1 ;;
  -h | --help)
    sed -n '2,/^set -u/p' "$(basename "$0")" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  -*)
    echo "unknown option $a" >&2
    exit 2
    ;;
  *) names+=("${a%.c}") ;;
  esac
done
if [ ${#names[@]} -eq 0 ]; then
  for f in *.c; do names+=("${f%.c}"); done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

# Reads NAME.expected into: status, trap_reason, wasm_only, stdin_file,
# guest_args (array), guest_env (array), wasm_cflags (array).
parse_expected() {
  local file=$1.expected key value line
  status=0 trap_reason="" wasm_only="" stdin_file=/dev/null
  guest_args=() guest_env=() wasm_cflags=()
  if [ ! -f "$file" ]; then
    fail "$1: missing $file"
    return 1
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    key=${line%%:*}
    value=${line#*:}
    value=${value#"${value%%[![:space:]]*}"}   # trim leading space
    value=${value%"${value##*[![:space:]]}"}   # trim trailing space
    case $key in
    status) status=$value ;;
    trap) trap_reason=$value status=134 ;;
    wasm-only) wasm_only=$value ;;
    stdin) stdin_file=$value ;;
    args) read -r -a more <<<"$value" && guest_args+=("${more[@]}") ;;
    arg) guest_args+=("$value") ;;
    env) guest_env+=("$value") ;;
    wasm-cflags) read -r -a more <<<"$value" && wasm_cflags+=("${more[@]}") ;;
    *)
      fail "$1: unknown key '$key' in $file"
      return 1
      ;;
    esac
  done <"$file"
}

# run_and_compare NAME LABEL EXPECT_TRAP COMMAND...
run_and_compare() {
  local name=$1 label=$2 expect_trap=$3
  shift 3
  checks=$((checks + 1))
  env -i "${guest_env[@]}" timeout 120 "$@" "${guest_args[@]}" \
    <"$stdin_file" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$status" ]; then
    fail "$name [$label]: exit status $got, expected $status"
    sed 's/^/    stderr: /' "$work/err" | head -5
  fi
  if ! cmp -s "$work/out" "$name.stdout"; then
    fail "$name [$label]: stdout differs from $name.stdout"
    diff "$name.stdout" "$work/out" | head -20 | sed 's/^/    /'
  fi
  if [ "$expect_trap" = 1 ]; then
    grep -q '^node: trap: ' "$work/err" || fail "$name [$label]: no trap reported on stderr"
  elif [ -f "$name.stderr" ]; then
    cmp -s "$work/err" "$name.stderr" || fail "$name [$label]: stderr differs from $name.stderr"
  elif [ -s "$work/err" ]; then
    fail "$name [$label]: unexpected stderr: $(head -3 "$work/err")"
  fi
}

for name in "${names[@]}"; do
  [ -f "$name.c" ] || { fail "$name: no $name.c"; continue; }
  parse_expected "$name" || continue
  [ -f "$name.stdout" ] || [ $bless = 1 ] || { fail "$name: missing $name.stdout"; continue; }

  if [ -z "$trap_reason" ] && [ -z "$wasm_only" ]; then
    for opt in -O2 -O0; do
      exe="$work/$name$opt"
      # -ffp-contract=off: wasm has no fused multiply-add, so the native
      # reference must not fuse either.
      if ! "$CLANG" $opt -std=c11 -Wall -Wextra -Werror -ffp-contract=off \
        -o "$exe" "$name.c" -lm 2>"$work/cc"; then
        fail "$name: native $opt build failed"
        sed 's/^/    /' "$work/cc" | head -20
        continue 2
      fi
      if [ $bless = 1 ] && [ $opt = -O2 ]; then
        env -i "${guest_env[@]}" "$exe" "${guest_args[@]}" <"$stdin_file" \
          >"$name.stdout" 2>"$work/err"
        [ -f "$name.stderr" ] && cp "$work/err" "$name.stderr"
      fi
      run_and_compare "$name" "native $opt" 0 "$exe"
    done
  fi

  if [ $node = 1 ]; then
    expect_trap=0
    [ -n "$trap_reason" ] && expect_trap=1
    for opt in -O0 -O2; do
      wasm="$work/$name$opt.wasm"
      if ! "$CLANG" --target=wasm32-wasi $opt -std=c11 -Wall -Wextra -Werror \
        -o "$wasm" "$name.c" -lm "${wasm_cflags[@]}" 2>"$work/cc"; then
        fail "$name: wasm32-wasi $opt build failed"
        sed 's/^/    /' "$work/cc" | head -20
        continue
      fi
      run_and_compare "$name" "wasm $opt under node" $expect_trap \
        node --no-warnings "$PWD/wasi_node.mjs" "$wasm"
    done
  fi
done

echo "$checks checks, $failures failures"
[ $failures = 0 ]
