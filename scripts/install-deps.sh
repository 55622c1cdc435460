#!/usr/bin/env bash
# Installs what SlurmDeck needs on Debian 12 (bookworm). Idempotent: only missing
# packages are installed. Usage: install-deps.sh [build|sandbox|test]
#   build    compiler (with ccache), CMake, Qt 6, libssh, yaml-cpp, QtKeychain, help2man
#            (writes the manual pages from --help) (default)
#   sandbox  build + what the sandbox's emulated hosts run: sshd, dockerd,
#            docker-compose v1, debootstrap, D-Bus and gnome-keyring for QtKeychain
#   test     sandbox + the test suite's own tools (clang-format; busybox, fish, csh, tcsh as shells; appstream,
#            desktop-file-utils and lintian check the .deb; clang, libFuzzer and the
#            sanitizer runtimes, only recommended by clang, build the fuzzers in tests/fuzz)
set -euo pipefail

want="${1:-build}"

build_packages=(
  build-essential cmake ninja-build pkg-config git ccache
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6opengl6-dev
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libssh-dev libyaml-cpp-dev qtkeychain-qt6-dev
  fonts-dejavu-core openssl help2man
)
sandbox_packages=(
  openssh-server openssh-client docker.io docker-compose tini debootstrap
  iproute2 util-linux procps psmisc iptables ca-certificates
  dbus dbus-x11 gnome-keyring libsecret-tools
)
test_packages=(clang-format busybox libbenchmark-dev appstream desktop-file-utils lintian fish csh tcsh
  clang libfuzzer-14-dev libclang-rt-14-dev
  libfaketime) # the doctor lab test runs one host's munged 10 minutes ahead

packages=("${build_packages[@]}")
case "$want" in
  build) ;;
  sandbox) packages+=("${sandbox_packages[@]}") ;;
  test) packages+=("${sandbox_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: install-deps.sh [build|sandbox|test]" >&2; exit 2 ;;
esac

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: everything for '$want' is already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
