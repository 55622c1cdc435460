#!/bin/sh
# keyring-session.sh CMD [ARGS...]
# Runs CMD in a private D-Bus session with an unlocked GNOME Keyring, so QtKeychain has a
# real Secret Service to talk to on a machine without a desktop (tests, CI). The keyring's
# files live in a throw-away XDG_DATA_HOME. The empty line piped in matters: it is the
# (empty) unlock password; with no input at all gnome-keyring creates no collection.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "keyring-session.sh: $tool is missing (scripts/install-deps.sh test installs it)" >&2
        exit 1
    }
done
data=$(mktemp -d /tmp/slurmdeck-keyring.XXXXXX)
trap 'rm -rf "$data"' EXIT
XDG_DATA_HOME="$data" dbus-run-session -- sh -c '
    echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' keyring-session "$@"
