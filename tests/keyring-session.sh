#!/bin/sh
# keyring-session.sh CMD [ARGS...]
# Runs CMD in a private D-Bus session with an unlocked GNOME Keyring, so QtKeychain has a
# real Secret Service to talk to on a machine without a desktop (tests, CI). The keyring's
# files live in a throw-away XDG_DATA_HOME, which CMD gets too. With SLURMDECK_KEYRING_DIR
# set, the keyring's files live there instead and are kept, and CMD keeps the caller's own
# XDG_DATA_HOME (where SlurmDeck keeps its known_hosts): what scripts/run.sh uses, so the
# sandbox's host keys and secrets outlive the session. The empty line piped in matters: it
# is the (empty) unlock password; with no input at all gnome-keyring creates no collection.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "keyring-session.sh: $tool is missing (scripts/install-deps.sh test installs it)" >&2
        exit 1
    }
done
if [ -n "${SLURMDECK_KEYRING_DIR:-}" ]; then
    data=$SLURMDECK_KEYRING_DIR
    mkdir -p "$data"
    chmod 700 "$data"
    keep=${XDG_DATA_HOME-unset}
else
    data=$(mktemp -d /tmp/slurmdeck-keyring.XXXXXX)
    trap 'rm -rf "$data"' EXIT
    keep=
fi
XDG_DATA_HOME="$data" KEEP_XDG_DATA_HOME="$keep" dbus-run-session -- sh -c '
    echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    case $KEEP_XDG_DATA_HOME in
        "") ;;
        unset) unset XDG_DATA_HOME ;;
        *) XDG_DATA_HOME=$KEEP_XDG_DATA_HOME ;;
    esac
    unset KEEP_XDG_DATA_HOME
    exec "$@"' keyring-session "$@"
