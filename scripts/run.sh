#!/usr/bin/env bash
# SlurmDeck's main job on a default that needs no extra hardware: install what is
# missing, build, bring up the sandbox cluster (the seed's primary host and three workers,
# emulated on this machine, deployed by SlurmDeck) and open SlurmDeck on it. Without a
# display it says so, prints `slurmdeck-cli status` of the live sandbox and writes a
# screenshot instead. Remove the sandbox with: build/release/app/slurmdeck-cli sandbox down
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh sandbox
cmake --preset release >/dev/null
cmake --build --preset release

gui="$root/build/release/app/slurmdeck"
cli="$root/build/release/app/slurmdeck-cli"
shot="$root/build/slurmdeck-sandbox.png"

if [[ $(id -u) -ne 0 ]]; then
  echo "run: the sandbox needs root (it creates network namespaces and Docker engines): sudo bash scripts/run.sh" >&2
  exit 1
fi

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
  echo "run: starting SlurmDeck on the sandbox cluster"
  exec "$gui" --sandbox "$@"
fi

# No desktop session: secrets need a keychain, so everything runs in a private D-Bus
# session with an unlocked GNOME Keyring (tests/keyring-session.sh), whose files are kept
# in SLURMDECK_KEYRING_DIR: the sandbox's secrets outlive this script, and SlurmDeck's own
# files (the hosts' keys in its known_hosts) go where they always do.
export SLURMDECK_KEYRING_DIR=${SLURMDECK_KEYRING_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/slurmdeck-sandbox-keyring}
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open;"
  echo "run: bringing the sandbox up, then printing its status and writing a screenshot instead."
fi
exec tests/keyring-session.sh bash -c '
  set -euo pipefail
  cli=$1 gui=$2 shot=$3
  "$cli" sandbox up | tee /dev/stderr | sed -n "s/^Sandbox ready. Cluster file: //p" >"$shot.cluster"
  cluster=$(cat "$shot.cluster"); rm -f "$shot.cluster"
  [[ -n $cluster ]] || { echo "run: the sandbox did not come up (see above)" >&2; exit 1; }
  "$cli" --cluster "$cluster" status
  if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then exec "$gui" --cluster "$cluster"; fi
  QT_QPA_PLATFORM=offscreen "$gui" --cluster "$cluster" --screenshot "$shot" >/dev/null 2>&1
  echo "run: a screenshot of SlurmDeck on the sandbox is at $shot"
  echo "run: the sandbox'"'"'s secrets are in the keyring kept in $SLURMDECK_KEYRING_DIR; commands that"
  echo "run: need them (deploy, services, down) run as: SLURMDECK_KEYRING_DIR=$SLURMDECK_KEYRING_DIR tests/keyring-session.sh $cli --cluster $cluster deploy"
  echo "run: remove the sandbox with: $cli sandbox down"' run "$cli" "$gui" "$shot"
