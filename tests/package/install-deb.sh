#!/usr/bin/env bash
# The .deb as a user gets it: build it with CPack from BUILD_DIR, install it on this
# machine with apt-get (offline: every dependency must already be installed, as
# scripts/install-deps.sh does), start the INSTALLED slurmdeck-cli and
# slurmdeck, check the desktop integration and the sandbox scripts, and remove the package
# again whatever happens. Usage: install-deb.sh BUILD_DIR VERSION
# Needs root. Refuses to run where a slurmdeck package is already installed (it would
# otherwise replace and then remove someone's install).
set -euo pipefail

build=$(cd "$1" && pwd)
version=$2
fail() { echo "package test: FAIL: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "installing a package needs root"
if dpkg-query -W -f='${Status}' slurmdeck 2>/dev/null | grep -q 'ok installed'; then
  fail "a slurmdeck package is already installed on this machine; remove it first (apt-get remove slurmdeck)"
fi
for tool in cpack dpkg-deb apt-get appstreamcli desktop-file-validate lintian man; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bash scripts/install-deps.sh test)"
done

work=$(mktemp -d /tmp/slurmdeck-package.XXXXXX)
chmod 755 "$work" # apt's sandbox user reads the .deb from here
installed=0
cleanup() {
  if ((installed)); then
    apt-get remove --purge -y -qq -o DPkg::Lock::Timeout=300 slurmdeck >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "package test: cpack in $work"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$work/cpack/slurmdeck_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || fail "cpack wrote no $deb: $(ls "$work/cpack")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "package test: Depends: $depends"
for need in libqt6widgets6 libqt6svg6 libssh openssh-client libyaml-cpp; do
  [[ $depends == *"$need"* ]] || fail "Depends lacks $need"
done
[[ $(dpkg-deb -f "$deb" Recommends) == *docker.io* ]] || fail "Recommends lacks docker.io"

# Debian's own package checker: no errors (warnings are printed, not fatal).
echo "package test: lintian"
lintian --fail-on error "$deb" 2>&1 | tee "$work/lintian.log" ||
  fail "lintian found errors in the .deb (above)"

# Offline: every dependency must be installed already (apt-get --no-download refuses
# local .deb files, so a simulated install proves nothing else would be fetched).
extra=$(apt-get install -s --no-install-recommends "$deb" 2>&1 | awk '/^Inst / && $2 != "slurmdeck" {print $2}')
[[ -z $extra ]] || fail "installing the .deb would also fetch: $extra (bash scripts/install-deps.sh test)"

echo "package test: apt-get install $deb"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -o DPkg::Lock::Timeout=300 "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install failed"; }
dpkg-query -W -f='${Status} ${Version}\n' slurmdeck | grep -q "ok installed $version" ||
  fail "dpkg does not list slurmdeck $version as installed"

# The installed programs, not the build tree's: no RUNPATH into the build, every library found.
for exe in /usr/bin/slurmdeck /usr/bin/slurmdeck-cli; do
  [[ -x $exe ]] || fail "$exe is not installed"
  if readelf -d "$exe" | grep -E 'RPATH|RUNPATH' | grep -q "$build"; then
    fail "$exe still points at the build tree"
  fi
  if ldd "$exe" | grep -q 'not found'; then
    fail "$exe lacks libraries: $(ldd "$exe" | grep 'not found')"
  fi
done

# A private home, so the GUI neither reads nor writes the caller's configuration.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"

cli_version=$(cd / && /usr/bin/slurmdeck-cli --version) || fail "slurmdeck-cli --version failed"
echo "package test: slurmdeck-cli --version: $cli_version"
[[ $cli_version == *"$version"* ]] || fail "slurmdeck-cli --version does not print $version"

(cd / && QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/slurmdeck --screenshot "$work/shot.png") ||
  fail "the installed slurmdeck --screenshot failed"
[[ $(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  fail "the installed slurmdeck wrote no PNG"
echo "package test: the installed slurmdeck wrote a $(stat -c %s "$work/shot.png") byte screenshot"

desktop=/usr/share/applications/org.slurmdeck.SlurmDeck.desktop
metainfo=/usr/share/metainfo/org.slurmdeck.SlurmDeck.metainfo.xml
[[ -f $desktop ]] || fail "$desktop is not installed"
desktop-file-validate "$desktop" || fail "$desktop is not a valid desktop entry"
[[ -f $metainfo ]] || fail "$metainfo is not installed"
appstreamcli validate --no-net "$metainfo" || fail "$metainfo is not valid AppStream metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "$metainfo does not name release $version"
grep -q "<project_license>GPL-3.0-or-later</project_license>" "$metainfo" || fail "$metainfo names no project licence"
# Its screenshots are the README's, which the repository carries.
for shot in $(grep -o 'docs/screenshots/[a-z]*\.png' "$metainfo"); do
  [[ -f $(dirname "$0")/../../$shot ]] || fail "$metainfo shows $shot, which docs/screenshots lacks"
done
grep -q '<screenshot type="default">' "$metainfo" || fail "$metainfo has no default screenshot"
grep -q "License: GPL-3+" /usr/share/doc/slurmdeck/copyright || fail "the package has no copyright file"
zgrep -q "^slurmdeck ($version)" /usr/share/doc/slurmdeck/changelog.gz || fail "the package's changelog does not name $version"
for page in slurmdeck slurmdeck-cli; do
  # The page is the program's own help: its options, and the installed program's name.
  text=$(MANWIDTH=100 man -P cat "/usr/share/man/man1/$page.1.gz" 2>/dev/null) || fail "man $page does not render"
  [[ $text == *"--cluster"* && $text == *"$version"* ]] || fail "man $page lacks --cluster or version $version"
done
[[ $(MANWIDTH=100 man -P cat /usr/share/man/man1/slurmdeck-cli.1.gz) == *"rotate-munge-key"* ]] ||
  fail "man slurmdeck-cli does not list the commands"
for size in 16 22 24 32 48 64 128 256 512; do
  icon=/usr/share/icons/hicolor/${size}x${size}/apps/org.slurmdeck.SlurmDeck.png
  [[ -f $icon ]] || fail "$icon is not installed"
done
[[ -f /usr/share/icons/hicolor/scalable/apps/org.slurmdeck.SlurmDeck.svg ]] || fail "the scalable icon is not installed"

# The sandbox finds its scripts next to the installed binaries (SandboxSetup::locate).
for script in lab/lab.sh lab/host-init.sh compose-templates/build-images.sh \
    compose-templates/images/slurm/entrypoint.sh; do
  [[ -x /usr/share/slurmdeck/$script ]] || fail "/usr/share/slurmdeck/$script is not installed as an executable"
done
[[ -f /usr/share/slurmdeck/lab/default.lab ]] || fail "the sandbox's default.lab is not installed"
[[ -f /usr/share/slurmdeck/compose-templates/compose.yml ]] || fail "the Compose templates are not installed"
completion=/usr/share/bash-completion/completions/slurmdeck-cli
grep -q 'complete -F _slurmdeck_cli slurmdeck-cli' "$completion" || fail "$completion is not installed"
grep -q '^#compdef slurmdeck-cli' /usr/share/zsh/vendor-completions/_slurmdeck-cli || fail "the zsh completion is not installed"

echo "package test: apt-get remove slurmdeck"
apt-get remove --purge -y -qq -o DPkg::Lock::Timeout=300 slurmdeck >"$work/remove.log" 2>&1 ||
  { cat "$work/remove.log"; fail "apt-get remove failed"; }
installed=0
[[ ! -e /usr/bin/slurmdeck && ! -e /usr/share/slurmdeck ]] || fail "files are left after removing the package"
echo "package test: PASS"
