#!/usr/bin/env bash
# The whole test suite: install what is missing (build tools and the real servers the
# integration tests start: sshd, dockerd, docker-compose, debootstrap), build with
# warnings as errors, and run every test, the lab tests included; then build the fuzzers
# (clang, preset fuzz) and run each for 30 s. Needs root: the lab creates network
# namespaces and starts Docker engines.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ $(id -u) -ne 0 ]]; then
  echo "test: the lab tests create network namespaces and Docker engines; run as root" >&2
  echo "      (for the fast tests alone: cmake --preset dev && cmake --build --preset dev" >&2
  echo "       && ctest --preset fast)" >&2
  exit 1
fi

start=$SECONDS
phase() { echo "test: $1 at $((SECONDS - start)) s"; }
bash scripts/install-deps.sh test
phase "installed"
cmake --preset ci >/dev/null
cmake --build --preset ci
phase "built"
ctest --preset ci "$@"
phase "every test run"
# The GUI torn down mid-deploy under AddressSanitizer: tst_deployview closes the window
# while the deploy's workers still hold its prompts (a Debug build of what it needs).
cmake --preset asan >/dev/null
cmake --build --preset asan --target tst_deployview
ctest --preset asan -R '^tst_deployview$'
phase "AddressSanitizer run"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
phase "fuzzers built"
tests/fuzz/run-fuzzers.sh 30
echo "test: finished in $((SECONDS - start)) s"
