#!/bin/sh
# SlurmDeck Slurm image entrypoint.
#   slurmdeck-entrypoint slurmctld [ARGS]   controller        (slurmctld -D)
#   slurmdeck-entrypoint slurmd [ARGS]      compute node      (slurmd -D -N $SLURM_NODENAME)
#   slurmdeck-entrypoint restart-slurmd     restart that slurmd in place (running jobs stay)
#   slurmdeck-entrypoint sync-users [accounts]  add the cluster's users (etc/slurm/users.conf);
#                                           with accounts, also in slurmdbd (on the controller)
#   slurmdeck-entrypoint slurmdbd [ARGS]    accounting daemon (slurmdbd -D)
#   slurmdeck-entrypoint slurm-exporter     Prometheus textfile exporter loop
#   slurmdeck-entrypoint CMD [ARGS]         anything else, with munged running if a key is mounted
# Every role: install the munge key from the read-only mount (owner munge, 0400), start
# munged, wait until a credential round-trips, then exec the daemon in the foreground.
# Secrets are read from files only; nothing secret goes to argv, the environment or logs.
set -eu

MUNGE_KEY_SOURCE=${MUNGE_KEY_SOURCE:-/run/secrets/munge.key}
DB_PASSWORD_SOURCE=${DB_PASSWORD_SOURCE:-/run/secrets/db_password}
SLURM_CONF_DIR=/etc/slurm
role=${1:-help}

log() { printf '%s slurmdeck[%s]: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$role" "$*" >&2; }
die() { log "error: $*"; exit 1; }

start_munged() {
    [ -f "$MUNGE_KEY_SOURCE" ] || die "munge key not found at $MUNGE_KEY_SOURCE (the deploy puts it in <dir>/secrets/munge.key)"
    size=$(wc -c <"$MUNGE_KEY_SOURCE")
    [ "$size" -ge 32 ] || die "munge key $MUNGE_KEY_SOURCE is only $size bytes (want 1024 random bytes)"
    install -o munge -g munge -m 0400 "$MUNGE_KEY_SOURCE" /etc/munge/munge.key
    mkdir -p /run/munge
    chown munge:munge /run/munge
    chmod 0755 /run/munge
    rm -f /run/munge/munged.pid /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
    # The key's fingerprint (never the key) so a mismatch between hosts is visible in logs.
    log "munge key installed ($size bytes, sha256 $(sha256sum /etc/munge/munge.key | cut -c1-16)...)"
    setpriv --reuid=munge --regid=munge --clear-groups /usr/sbin/munged ||
        die "munged failed to start: $(tail -n 5 /var/log/munge/munged.log 2>/dev/null | tr '\n' ' ')"
    i=0
    until munge -n 2>/dev/null | unmunge >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -lt 50 ] || die "munged does not answer after 10 s: $(tail -n 5 /var/log/munge/munged.log 2>/dev/null | tr '\n' ' ')"
        sleep 0.2
    done
    log "munged ready"
}

# conf_value KEY: the value of KEY= in slurm.conf (first match, comments ignored).
conf_value() {
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\([^[:space:]#]*\).*/\1/Ip" "$SLURM_CONF_DIR/slurm.conf" | head -n 1
}

# wait_for_port HOST PORT WHAT: wait (up to $SLURMDECK_WAIT_SECONDS, default 120) until
# HOST:PORT accepts connections, so a daemon does not start before the one it needs (on
# its first start slurmctld exits if slurmdbd is not there yet). On timeout, go on: the
# daemon reports the problem itself.
wait_for_port() {
    [ -n "$1" ] && [ -n "$2" ] || return 0
    limit=${SLURMDECK_WAIT_SECONDS:-120}
    waited=0
    until timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; do
        [ "$waited" -eq 0 ] && log "waiting for $3 at $1:$2"
        waited=$((waited + 1))
        if [ "$waited" -ge $((limit * 2)) ]; then
            log "warning: $3 at $1:$2 did not answer in ${limit} s; starting anyway"
            return 0
        fi
        sleep 0.5
    done
    [ "$waited" -eq 0 ] || log "$3 at $1:$2 answers"
}

# The cluster's users (name:uid:gid lines in users.conf, written by the deploy) as accounts
# here, so jobs run as them and files they write belong to their uid on the hosts. An
# account that is there already is left alone; a uid or name taken by another account is
# reported, not changed.
sync_users() {
    users=$SLURM_CONF_DIR/users.conf
    [ -f "$users" ] || return 0
    grep -v '^[[:space:]]*#' "$users" | while IFS=: read -r name uid gid; do
        [ -n "$name" ] && [ -n "$uid" ] && [ -n "$gid" ] || continue
        getent group "$gid" >/dev/null || groupadd -g "$gid" "$name" 2>/dev/null ||
            groupadd -g "$gid" "slurmdeck-$gid" || { log "warning: cannot add group $gid for $name"; continue; }
        owner=$(getent passwd "$uid" | cut -d: -f1)
        if [ -n "$owner" ]; then
            [ "$owner" = "$name" ] || log "warning: uid $uid is $owner in this image, not $name: $name's jobs run as $owner"
            continue
        fi
        if getent passwd "$name" >/dev/null; then
            log "warning: $name has another uid in this image than $uid; left as it is"
            continue
        fi
        useradd -u "$uid" -g "$gid" -M -d "/home/$name" -s /bin/sh "$name" &&
            log "user $name ($uid:$gid) added" || log "warning: cannot add user $name ($uid:$gid)"
    done
}

# The cluster's users in slurmdbd: an account named after the cluster, each user with it as
# the default account. Waits (up to 2 minutes) until slurmdbd knows the cluster, which
# slurmctld registers when it first connects. Without accounting, nothing to do.
register_accounts() {
    users=$SLURM_CONF_DIR/users.conf
    [ -f "$users" ] || return 0
    case $(conf_value AccountingStorageType) in *slurmdbd) ;; *) return 0 ;; esac
    account=$(conf_value ClusterName | tr '[:upper:]' '[:lower:]')
    i=0
    until sacctmgr -n -P show cluster format=cluster 2>/dev/null | grep -qx "$account"; do
        i=$((i + 1))
        [ "$i" -lt 120 ] || { log "warning: slurmdbd does not know cluster $account; users not added to accounting"; return 0; }
        sleep 1
    done
    sacctmgr -n -P show account "$account" format=account 2>/dev/null | grep -qx "$account" ||
        sacctmgr -i add account "$account" Description="SlurmDeck cluster $account" Organization=slurmdeck >/dev/null ||
        log "warning: cannot add account $account"
    grep -v '^[[:space:]]*#' "$users" | while IFS=: read -r name uid gid; do
        [ -n "$name" ] || continue
        if ! sacctmgr -n -P show user "$name" format=user 2>/dev/null | grep -qx "$name"; then
            sacctmgr -i add user "$name" DefaultAccount="$account" >/dev/null &&
                log "user $name added to account $account" || log "warning: cannot add $name to account $account"
        fi
    done
}

need_conf() {
    [ -f "$SLURM_CONF_DIR/$1" ] || die "$SLURM_CONF_DIR/$1 is missing (the deploy puts it in <dir>/etc/slurm/$1)"
}

# slurmdbd.conf from the deploy carries no password; add StoragePass from the secret file
# into a private copy (tmpfs, 0600, owner slurm) and point slurmdbd at it via SLURM_CONF.
prepare_slurmdbd_conf() {
    need_conf slurmdbd.conf
    [ -f "$DB_PASSWORD_SOURCE" ] || die "database password not found at $DB_PASSWORD_SOURCE (the deploy puts it in <dir>/secrets/db_password)"
    run=/run/slurmdbd
    mkdir -p "$run"
    chown slurm:slurm "$run"
    chmod 0700 "$run"
    umask 077
    conf=$run/slurmdbd.conf
    {
        grep -v -i '^[[:space:]]*StoragePass[[:space:]]*=' "$SLURM_CONF_DIR/slurmdbd.conf"
        printf 'StoragePass=%s\n' "$(head -n 1 "$DB_PASSWORD_SOURCE")"
    } >"$conf.tmp"
    chown slurm:slurm "$conf.tmp"
    chmod 0600 "$conf.tmp"
    mv "$conf.tmp" "$conf"
    umask 022
    if [ -f "$SLURM_CONF_DIR/slurm.conf" ]; then
        ln -sf "$SLURM_CONF_DIR/slurm.conf" "$run/slurm.conf"
    fi
    # slurmdbd reads slurmdbd.conf from the directory of $SLURM_CONF.
    export SLURM_CONF="$run/slurm.conf"
    log "slurmdbd.conf prepared in $run (StoragePass from $DB_PASSWORD_SOURCE)"
}

# slurmd as a child that can be restarted in place: the container (and with it every job
# step, which runs as slurmstepd next to slurmd) lives on while slurmd ends and starts
# again to read a changed slurm.conf (see restart-slurmd). A TERM to the container still
# stops it: slurmd is asked to end and the container exits with slurmd's status.
SLURMD_PID_FILE=/run/slurmdeck/slurmd.pid
SLURMD_RESTART_FLAG=/run/slurmdeck/restart-slurmd
run_slurmd() {
    mkdir -p /run/slurmdeck
    stopping=0
    pid=
    trap 'stopping=1; [ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true' TERM INT
    while :; do
        rm -f "$SLURMD_RESTART_FLAG"
        log "slurmd -D -N $SLURM_NODENAME $*"
        slurmd -D -N "$SLURM_NODENAME" "$@" &
        pid=$!
        echo "$pid" >"$SLURMD_PID_FILE"
        status=0
        wait "$pid" || status=$?
        # A trapped signal ends `wait` early: wait again until slurmd itself has ended.
        while kill -0 "$pid" 2>/dev/null; do
            status=0
            wait "$pid" || status=$?
        done
        if [ "$stopping" -eq 0 ] && [ -f "$SLURMD_RESTART_FLAG" ]; then
            log "slurmd ended (status $status) to read its configuration again; starting it"
            continue
        fi
        rm -f "$SLURMD_PID_FILE"
        exit "$status"
    done
}

case $role in
    slurmctld)
        shift
        need_conf slurm.conf
        sync_users
        start_munged
        mkdir -p /var/lib/slurm/slurmctld
        chown slurm:slurm /var/lib/slurm/slurmctld
        chmod 0700 /var/lib/slurm/slurmctld
        case $(conf_value AccountingStorageType) in
            *slurmdbd) wait_for_port "$(conf_value AccountingStorageHost)" "$(conf_value AccountingStoragePort)" slurmdbd ;;
        esac
        # Once slurmctld has registered the cluster; detached, so tini reaps it.
        (register_accounts &)
        log "exec slurmctld -D $*"
        exec slurmctld -D "$@"
        ;;
    slurmd)
        shift
        need_conf slurm.conf
        [ -n "${SLURM_NODENAME:-}" ] || die "SLURM_NODENAME is not set (the deploy writes it to <dir>/.env)"
        sync_users
        start_munged
        mkdir -p /var/lib/slurm/slurmd
        controller=$(conf_value SlurmctldHost)
        case $controller in *\(*\)) controller=${controller#*\(} controller=${controller%\)} ;; esac
        wait_for_port "$controller" "$(conf_value SlurmctldPort)" slurmctld
        run_slurmd "$@"
        ;;
    restart-slurmd)
        # Run by the deploy (docker exec) when slurmd must read a changed configuration:
        # slurmd ends, run_slurmd starts it again, the job steps (slurmstepd) keep running.
        pid=$(cat "$SLURMD_PID_FILE" 2>/dev/null) || die "no slurmd runs in this container"
        touch "$SLURMD_RESTART_FLAG"
        kill -TERM "$pid" || die "slurmd ($pid) is gone"
        i=0
        until now=$(cat "$SLURMD_PID_FILE" 2>/dev/null) && [ "$now" != "$pid" ] && kill -0 "$now" 2>/dev/null; do
            i=$((i + 1))
            [ "$i" -lt 300 ] || die "slurmd did not start again within 30 s"
            sleep 0.1
        done
        log "slurmd restarted in place ($pid -> $now)"
        ;;
    sync-users)
        # Run by the deploy (docker exec) after users.conf changed: the daemons keep running.
        sync_users
        [ "${2:-}" != accounts ] || register_accounts
        ;;
    slurmdbd)
        shift
        start_munged
        prepare_slurmdbd_conf
        log "exec slurmdbd -D $*"
        exec slurmdbd -D "$@"
        ;;
    slurm-exporter)
        shift
        need_conf slurm.conf
        start_munged
        log "exec slurm-exporter $*"
        exec /usr/local/bin/slurm-exporter "$@"
        ;;
    help | --help | -h)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        [ ! -f "$MUNGE_KEY_SOURCE" ] || start_munged
        exec "$@"
        ;;
esac
