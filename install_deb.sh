#!/usr/bin/env bash
# install_deb.sh — set up awsm on Debian 12 (bookworm): install every package the build and the
# tests need (every tool a test probes, so that `AWSM_REQUIRE_TOOLS=1 cargo test --release`, as
# .ci/run runs it, skips nothing), build awsm in release mode, install it as /usr/local/bin/awsm, then compile a bundled
# example C program to wasm and to a native executable with awsm and run it.
#
# Idempotent: packages already present are skipped by apt, the build is incremental.
# Runs as root, or through sudo when not root.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install_deb.sh: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi

PACKAGES=(
  # LLVM 19 for inkwell/llvm-sys, clang-19 to build the runtime bitcode and to link outputs
  llvm-19-dev libpolly-19-dev clang-19 lld-19 libzstd-dev libz3-dev libxml2-dev libffi-dev
  clang-format-19
  # C → wasm32-wasi for examples, tests and benchmarks
  wasi-libc libclang-rt-19-dev-wasm32
  # wabt (wasm2c and its runtime sources, wat2wasm): a peer engine of the benchmark harness that
  # tests/bench_harness.rs requires; valgrind for leak checks (tests/embed.rs, runtime/tests)
  wabt valgrind
  # cross targets: i686, aarch64 (+ qemu-user), Cortex-M (+ qemu-system-arm). aarch64 links with
  # clang-19; gcc-aarch64-linux-gnu would conflict with gcc-multilib on bookworm, so only its
  # libgcc and binutils are installed.
  gcc-multilib libc6-dev-arm64-cross libgcc-12-dev-arm64-cross binutils-aarch64-linux-gnu
  qemu-user-static
  gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm
  # build basics (make for example_code/embed), python and pip for code_benches/run.py
  build-essential pkg-config python3 python3-pip curl ca-certificates
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install_deb.sh: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v cargo >/dev/null || {
  echo "install_deb.sh: no Rust toolchain (cargo) found; install a stable Rust >= 1.85 (rustup) first" >&2
  exit 1
}

# Python packages for the benchmark harness: wasmtime, a peer engine tests/bench_harness.rs requires
# under AWSM_REQUIRE_TOOLS=1, and matplotlib for its charts (optional). Into the python3 on PATH
# (a pyenv or virtualenv one as is); Debian's own python3 is externally managed (PEP 668), and
# neither package is in bookworm, so there it takes --break-system-packages.
pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null \
    || $SUDO python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}
if ! python3 -c "import wasmtime" 2>/dev/null; then
  pip_install wasmtime || {
    echo "install_deb.sh: could not pip-install wasmtime (tests/bench_harness.rs needs it)" >&2
    exit 1
  }
fi
python3 -c "import matplotlib" 2>/dev/null || pip_install matplotlib \
  || echo "install_deb.sh: note: could not pip-install matplotlib (the benchmark charts will be skipped)"

export LLVM_SYS_191_PREFIX=/usr/lib/llvm-19
cargo build --release --locked
# Where cargo put it: CARGO_TARGET_DIR if the caller set one.
$SUDO install -m 0755 "${CARGO_TARGET_DIR:-target}/release/awsm" /usr/local/bin/awsm
echo "install_deb.sh: installed $(command -v awsm) ($(awsm --version))"

# The main job: a C program → wasm32-wasi → sandboxed native executable → run.
demo_dir="$(mktemp -d)"
trap 'rm -rf "$demo_dir"' EXIT
clang-19 --target=wasm32-wasi -O2 example_code/qsort.c -o "$demo_dir/qsort.wasm"
awsm "$demo_dir/qsort.wasm" -o "$demo_dir/qsort"
echo "install_deb.sh: running example_code/qsort.c, compiled to wasm32-wasi and then by awsm:"
"$demo_dir/qsort" > "$demo_dir/out.txt"
cat "$demo_dir/out.txt"
if cmp -s "$demo_dir/out.txt" example_code/qsort.stdout; then
  echo "install_deb.sh: output identical to the native build's; awsm is ready"
else
  echo "install_deb.sh: output differs from the native build's (example_code/qsort.stdout)" >&2
  exit 1
fi
