#!/usr/bin/env bash
# SlurmDeck integration-test lab: emulated Linux / QNAP hosts on this one machine.
#
# Each host = own network namespace (veth on bridge br0 in the "switch" namespace
# sdlab-sw, 10.213.7.0/24, no default route) + own mount/UTS/PID namespaces running its
# own sshd and dockerd (see host-init.sh). A client namespace (sdlab-client, .2) is where
# tests run: `lab.sh client -- CMD`.
#
# Usage: lab.sh up [--for-tests] [SPECFILE] | down | status | client -- CMD... |
#        client --clear -- CMD... | host NAME -- CMD... | load-image IMAGE | link | unlink
# State: ${SLURMDECK_LAB_DIR:-/var/lib/slurmdeck-lab}
set -euo pipefail

LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${SLURMDECK_LAB_DIR:-/var/lib/slurmdeck-lab}
DOCKER=/usr/bin/docker
DOCKERD=/usr/sbin/dockerd
TINI=/usr/bin/docker-init
NET_PREFIX=10.213.7
SW_NS=sdlab-sw
CLIENT_NS=sdlab-client
CLIENT_ADDR=$NET_PREFIX.2
LINK_DEV=sdlab-host # `lab.sh link`: this machine's own leg on the lab's switch
LINK_ADDR=$NET_PREFIX.1
BASE_IMAGE=slurmdeck-lab/bookworm-minbase:latest
MIRROR=http://deb.debian.org/debian
QNAP_CS=/share/CACHEDEV1_DATA/.qpkg/container-station
WAIT_TIMEOUT=${SLURMDECK_LAB_TIMEOUT:-120}
ROOT_SOCK=unix:///var/run/docker.sock
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

T0=${EPOCHREALTIME/./}
elapsed() { local now=${EPOCHREALTIME/./}; local d=$(((now - T0) / 100000)); printf '%d.%d' $((d / 10)) $((d % 10)); }
log() { printf '[lab %6ss] %s\n' "$(elapsed)" "$*"; }
warn() { printf '[lab %6ss] warning: %s\n' "$(elapsed)" "$*" >&2; }
die() { printf 'lab.sh: error: %s\n' "$*" >&2; exit 1; }
usage() {
    cat >&2 <<EOF
usage: lab.sh up [--for-tests] [SPECFILE]
                                     create/repair the emulated hosts (default spec: tests/lab/default.lab);
                                     --for-tests also stops the sandbox's cluster running on them
       lab.sh down                   stop everything the lab started
       lab.sh status                 list hosts and whether each is up
       lab.sh client [--clear] -- CMD [ARGS]
                                     run CMD in the client namespace (lab names resolve); --clear
                                     first removes every cluster's containers and networks from
                                     the hosts (what a test killed midway left holding their ports)
       lab.sh host NAME -- CMD [ARGS]  run CMD inside an emulated host
       lab.sh load-image IMAGE       copy IMAGE from this machine's dockerd into every host's engine
       lab.sh base-image SUITE       import a debootstrap of Debian SUITE (e.g. trixie) into this
                                     machine's dockerd as slurmdeck-lab/SUITE-minbase:latest
       lab.sh link | unlink          give this machine itself an address on the lab ($LINK_ADDR), so
                                     programs outside the client namespace (the sandbox) reach the hosts
State directory: \$SLURMDECK_LAB_DIR (default /var/lib/slurmdeck-lab), now $STATE
EOF
    exit 2
}

# ---------------------------------------------------------------- prerequisites
require_root() { ((EUID == 0)) || die "must run as root (namespaces, mounts, dockerd); try: sudo $0"; }

require_tools() {
    local missing=() spec bin pkg
    for spec in ip:iproute2 nsenter:util-linux unshare:util-linux setsid:util-linux flock:util-linux \
        mount:mount /usr/sbin/sshd:openssh-server ssh:openssh-client ssh-keygen:openssh-client \
        debootstrap:debootstrap "$DOCKER":docker.io "$DOCKERD":docker.io "$TINI":tini \
        /usr/bin/docker-compose:docker-compose tar:tar timeout:coreutils mknod:coreutils cmp:diffutils \
        awk:mawk; do
        bin=${spec%%:*} pkg=${spec#*:}
        if [[ $bin == /* ]]; then [[ -x $bin ]] || missing+=("$bin (apt-get install $pkg)"); else
            command -v "$bin" >/dev/null 2>&1 || missing+=("$bin (apt-get install $pkg)"); fi
    done
    ((${#missing[@]} == 0)) || die "missing prerequisites: ${missing[*]}"
    grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null || true
    grep -qw overlay /proc/filesystems || die "kernel lacks overlayfs (modprobe overlay)"
}

check_state_dir() {
    [[ $STATE == /* ]] || die "SLURMDECK_LAB_DIR must be an absolute path (got '$STATE')"
    local p
    for p in /run /var/run /etc /root /tmp /opt /srv /home /usr /share /proc /sys /dev; do
        [[ $STATE == "$p" || $STATE == "$p"/* ]] &&
            die "SLURMDECK_LAB_DIR=$STATE is under $p, which the emulated hosts mount over; choose e.g. /var/lib/slurmdeck-lab"
    done
    local sock_len=$((${#STATE} + 40))
    ((sock_len < 100)) || die "SLURMDECK_LAB_DIR is too long for unix socket paths under it"
    return 0
}

lock_state() {
    mkdir -p "$STATE"
    chmod 0755 "$STATE"
    exec 9>"$STATE/.lock"
    flock -w 900 9 || die "another lab.sh is running on $STATE (lock $STATE/.lock)"
}

# ---------------------------------------------------------------- spec
# HOSTS: names in spec order; PLAT[name], ADDR[name], LOGIN[name] (the SSH user; root if empty)
declare -a HOSTS=()
declare -A PLAT=() ADDR=() LOGIN=()
LAB_UID=2001 # the uid of a host's ordinary user (host-init.sh)

parse_spec() {
    local file=$1 line n=0 name platform user extra
    [[ -r $file ]] || die "spec file $file not readable"
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%%#*}
        read -r name platform user extra <<<"$line" || true
        [[ -n ${name:-} ]] || continue
        [[ -z ${extra:-} ]] || die "$file: trailing fields on line for '$name' (want: NAME PLATFORM [USER])"
        [[ -z ${user:-} || ( $user =~ ^[a-z][a-z0-9]{0,15}$ && $user != root && $user != nodocker ) ]] ||
            die "$file: host '$name': bad user '$user' (lower-case letters and digits, not root or nodocker)"
        [[ $name =~ ^[a-z][a-z0-9-]{0,19}$ ]] || die "$file: bad host name '$name' (lower-case letters, digits, '-', max 20)"
        [[ $name != sw && $name != client ]] || die "$file: host name '$name' is reserved"
        [[ ${platform:-} == linux || ${platform:-} == qnap || ${platform:-} == macos ]] ||
            die "$file: host '$name': platform must be linux, qnap or macos, got '${platform:-}'"
        [[ -z ${PLAT[$name]:-} ]] || die "$file: duplicate host '$name'"
        ((n < 200)) || die "$file: too many hosts"
        HOSTS+=("$name")
        PLAT[$name]=$platform
        ADDR[$name]=$NET_PREFIX.$((11 + n))
        LOGIN[$name]=${user:-}
        n=$((n + 1))
    done <"$file"
    ((n > 0)) || die "$file: no hosts"
}

load_current_spec() {
    [[ -r $STATE/spec.tsv ]] || return 1
    local name platform addr user
    while IFS=$'\t' read -r name platform addr user; do
        [[ -n $name ]] || continue
        HOSTS+=("$name")
        PLAT[$name]=$platform
        ADDR[$name]=$addr
        LOGIN[$name]=${user:-}
    done <"$STATE/spec.tsv"
}

# ---------------------------------------------------------------- processes
declare -a CMDLINE=()
read_cmdline() {
    CMDLINE=()
    [[ $1 =~ ^[0-9]+$ && -r /proc/$1/cmdline ]] || return 1
    mapfile -d '' -t CMDLINE <"/proc/$1/cmdline" 2>/dev/null || return 1
    ((${#CMDLINE[@]} > 0))
}
cmdline_str() { read_cmdline "$1" && printf '%s' "${CMDLINE[*]}"; }

# Is PID a host init (the outer unshare or the inner tini) for host NAME?
is_host_init() {
    local pid=$1 name=$2 i
    read_cmdline "$pid" || return 1
    for ((i = 0; i + 1 < ${#CMDLINE[@]}; i++)); do
        [[ ${CMDLINE[i]} == */host-init.sh && ${CMDLINE[i + 1]} == "$name" ]] && return 0
    done
    return 1
}
is_dockerd() { read_cmdline "$1" && [[ ${CMDLINE[0]##*/} == dockerd ]]; }

# valid_pid FILE CHECK [ARGS]: print the pid in FILE if alive and CHECK agrees;
# otherwise remove the stale pid file and fail.
valid_pid() {
    local file=$1 pid
    shift
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    if [[ $pid =~ ^[0-9]+$ ]] && "$@" "$pid"; then
        echo "$pid"
        return 0
    fi
    if [[ $pid =~ ^[0-9]+$ ]] && read_cmdline "$pid"; then
        warn "stale pid file $file: pid $pid is now '$(cmdline_str "$pid" || true)', not ours; leaving that process alone"
    else
        log "removing stale pid file $file (pid ${pid:-?} is gone)"
    fi
    rm -f "$file"
    return 1
}
host_init_check() { is_host_init "$2" "$1"; } # name pid
host_inner_pid() { valid_pid "$STATE/hosts/$1/inner.pid" host_init_check "$1"; }
host_outer_pid() { valid_pid "$STATE/hosts/$1/init.pid" host_init_check "$1"; }

# pids of all processes whose network namespace is the netns NAME
netns_pids() {
    local ns=/run/netns/$1 p pid
    [[ -e $ns ]] || return 0
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [[ $pid != "$$" && $p/ns/net -ef $ns ]] && echo "$pid"
    done
    return 0
}

wait_gone() { # timeout_s pid...
    local deadline=$((${EPOCHREALTIME%.*} + $1)) p alive
    shift
    while :; do
        alive=0
        for p in "$@"; do [[ -d /proc/$p ]] && alive=1; done
        ((alive)) || return 0
        ((${EPOCHREALTIME%.*} < deadline)) || return 1
        sleep 0.2
    done
}

# ---------------------------------------------------------------- hosts: stop
# Phase 1: ask every listed host to stop (SIGTERM to its init); phase 2: wait,
# SIGKILL what is left (killing a PID namespace's init kills all in it), sweep
# processes still in the host's netns, delete the netns.
stop_hosts() {
    local name inner outer pids=() p
    declare -A inner_of=() outer_of=()
    for name in "$@"; do
        inner=$(host_inner_pid "$name") || inner=
        outer=$(host_outer_pid "$name") || outer=
        inner_of[$name]=$inner outer_of[$name]=$outer
        if [[ -n $inner ]]; then
            log "stopping host $name (init pid $inner)"
            kill -TERM "$inner" 2>/dev/null || true
            pids+=("$inner")
        elif [[ -n $outer ]]; then
            log "stopping host $name (outer pid $outer)"
            kill -TERM "$outer" 2>/dev/null || true
        fi
        [[ -z $outer ]] || pids+=("$outer")
    done
    if ((${#pids[@]})) && ! wait_gone 30 "${pids[@]}"; then
        for name in "$@"; do
            for p in ${inner_of[$name]} ${outer_of[$name]}; do
                if is_host_init "$p" "$name"; then
                    warn "host $name: pid $p did not stop in time, sending SIGKILL"
                    kill -KILL "$p" 2>/dev/null || true
                fi
            done
        done
        wait_gone 10 "${pids[@]}" || true
    fi
    for name in "$@"; do
        sweep_netns "sdlab-$name"
        [[ ! -e /run/netns/sdlab-$name ]] || ip netns del "sdlab-$name" || die "cannot delete netns sdlab-$name"
        rm -f "$STATE/hosts/$name/init.pid" "$STATE/hosts/$name/inner.pid" "$STATE/hosts/$name/address"
    done
}

# Kill leftovers in a lab netns (only processes the lab or its users started can be there).
sweep_netns() {
    local ns=$1 p left=()
    mapfile -t left < <(netns_pids "$ns")
    ((${#left[@]})) || return 0
    for p in "${left[@]}"; do
        warn "leftover process $p in $ns: '$(cmdline_str "$p" || true)'; killing it"
        kill -KILL "$p" 2>/dev/null || true
    done
    wait_gone 10 "${left[@]}" || warn "some processes in $ns did not die: ${left[*]}"
}

# Hosts known to exist from earlier runs (state dirs with pid files, lab netns).
known_hosts_on_machine() {
    local d n
    for d in "$STATE"/hosts/*/; do
        [[ -e $d/init.pid || -e $d/inner.pid ]] && basename "$d"
    done
    if [[ -d /run/netns ]]; then
        for d in /run/netns/sdlab-*; do
            [[ -e $d ]] || continue
            n=${d#/run/netns/sdlab-}
            [[ $n == sw || $n == client ]] || echo "$n"
        done
    fi
    return 0
}

# ---------------------------------------------------------------- network
ensure_switch() {
    if [[ ! -e /run/netns/$SW_NS ]]; then
        ip netns add "$SW_NS"
    fi
    ip -n "$SW_NS" link set lo up
    if ! ip -n "$SW_NS" link show br0 >/dev/null 2>&1; then
        ip -n "$SW_NS" link add br0 type bridge
    fi
    ip -n "$SW_NS" link set br0 up
}

# node_net_ok NS VETH ADDR
node_net_ok() {
    [[ -e /run/netns/$1 ]] &&
        ip -n "$1" -4 -o addr show dev eth0 2>/dev/null | grep -q " $3/24 " &&
        ip -n "$SW_NS" link show "$2" 2>/dev/null | grep -q 'master br0'
}

# make_node_net NS VETH ADDR: fresh netns with eth0 on br0, loopback up, no default route
make_node_net() {
    local ns=$1 veth=$2 addr=$3
    [[ ! -e /run/netns/$ns ]] || ip netns del "$ns"
    ip -n "$SW_NS" link del "$veth" 2>/dev/null || true
    ip netns add "$ns"
    ip -n "$SW_NS" link add "$veth" type veth peer name eth0 netns "$ns"
    ip -n "$SW_NS" link set "$veth" master br0
    ip -n "$SW_NS" link set "$veth" up
    ip -n "$ns" link set lo up
    # Stable MAC per address: ARP caches of the client and other hosts stay valid when a
    # host is recreated (a stale entry would blackhole it for ~40 s).
    ip -n "$ns" link set eth0 address "$(printf '02:5d:1a:07:00:%02x' "${addr##*.}")"
    ip -n "$ns" addr add "$addr/24" dev eth0
    ip -n "$ns" link set eth0 up
    if [[ $ns != "$CLIENT_NS" && -e /run/netns/$CLIENT_NS ]]; then
        ip -n "$CLIENT_NS" neigh flush to "$addr" 2>/dev/null || true
    fi
}

veth_of() { echo "sdv${1##*.}"; }

# ---------------------------------------------------------------- files
write_files() {
    local name
    mkdir -p "$STATE/client" "$STATE/cache" "$STATE/hosts"
    if [[ ! -s $STATE/client/id_ed25519 || ! -s $STATE/client/id_ed25519.pub ]]; then
        rm -f "$STATE/client/id_ed25519" "$STATE/client/id_ed25519.pub"
        ssh-keygen -q -t ed25519 -N '' -C slurmdeck-lab-client -f "$STATE/client/id_ed25519"
    fi
    chmod 0600 "$STATE/client/id_ed25519"

    {
        printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
        printf '%s\tclient\n' "$CLIENT_ADDR"
        for name in "${HOSTS[@]}"; do printf '%s\t%s\n' "${ADDR[$name]}" "$name"; done
    } >"$STATE/etc-hosts.tmp"
    mv "$STATE/etc-hosts.tmp" "$STATE/etc-hosts"
    cp "$STATE/etc-hosts" "$STATE/client/hosts.tmp"
    mv "$STATE/client/hosts.tmp" "$STATE/client/hosts"

    : >"$STATE/known_hosts.tmp"
    : >"$STATE/ssh_config.tmp"
    : >"$STATE/spec.tsv.tmp"
    for name in "${HOSTS[@]}"; do
        local hdir=$STATE/hosts/$name
        mkdir -p "$hdir"
        if [[ ! -s $hdir/ssh_host_ed25519_key || ! -s $hdir/ssh_host_ed25519_key.pub ]]; then
            rm -f "$hdir/ssh_host_ed25519_key" "$hdir/ssh_host_ed25519_key.pub"
            ssh-keygen -q -t ed25519 -N '' -C "root@$name" -f "$hdir/ssh_host_ed25519_key"
        fi
        chmod 0600 "$hdir/ssh_host_ed25519_key"
        printf '%s,%s %s\n' "$name" "${ADDR[$name]}" "$(cut -d' ' -f1,2 "$hdir/ssh_host_ed25519_key.pub")" >>"$STATE/known_hosts.tmp"
        cat >>"$STATE/ssh_config.tmp" <<EOF
Host $name
    HostName ${ADDR[$name]}
    User ${LOGIN[$name]:-root}
    Port 22
    IdentityFile $STATE/client/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $STATE/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes

EOF
        printf '%s\t%s\t%s\t%s\n' "$name" "${PLAT[$name]}" "${ADDR[$name]}" "${LOGIN[$name]}" >>"$STATE/spec.tsv.tmp"
    done
    mv "$STATE/known_hosts.tmp" "$STATE/known_hosts"
    mv "$STATE/ssh_config.tmp" "$STATE/ssh_config"
    mv "$STATE/spec.tsv.tmp" "$STATE/spec.tsv"
}

write_manifest() {
    local name docker compose user uid home
    {
        printf 'name\taddress\tplatform\thostname\tdocker\tcompose\tdata_root\tuser\tuid\thome\n'
        for name in "${HOSTS[@]}"; do
            if [[ ${PLAT[$name]} == qnap ]]; then
                docker=$QNAP_CS/bin/docker compose=$QNAP_CS/bin/docker-compose
            else
                docker=/usr/bin/docker compose=/usr/bin/docker-compose
            fi
            user=${LOGIN[$name]:-root} uid=0 home=/root
            [[ $user == root ]] || uid=$LAB_UID home=/home/$user
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${ADDR[$name]}" "${PLAT[$name]}" "$name" \
                "$docker" "$compose" "$STATE/hosts/$name/docker" "$user" "$uid" "$home"
        done
    } >"$STATE/hosts.tsv.tmp"
    mv "$STATE/hosts.tsv.tmp" "$STATE/hosts.tsv"
}

# ---------------------------------------------------------------- docker helpers
root_docker() { "$DOCKER" -H "$ROOT_SOCK" "$@"; }
host_docker() { local n=$1; shift; "$DOCKER" -H "unix://$STATE/hosts/$n/docker.sock" "$@"; }
host_engine_ok() { [[ $(host_docker "$1" info --format '{{.Name}}' 2>/dev/null) == "$1" ]]; }
client_tcp_ok() { # addr port
    nsenter --net="/run/netns/$CLIENT_NS" timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

host_healthy() {
    local name=$1 hdir=$STATE/hosts/$1
    host_inner_pid "$name" >/dev/null 2>&1 || return 1
    [[ -r $hdir/address && $(<"$hdir/address") == "${ADDR[$name]}" ]] || return 1
    node_net_ok "sdlab-$name" "$(veth_of "${ADDR[$name]}")" "${ADDR[$name]}" || return 1
    client_tcp_ok "${ADDR[$name]}" 22 || return 1
    # A host started for another login (or by an older host-init.sh) is started again.
    [[ -r $hdir/login && $(<"$hdir/login") == "${LOGIN[$name]:-root} ${PLAT[$name]}" ]] || return 1
    host_engine_ok "$name"
}

ensure_root_dockerd() {
    if root_docker info >/dev/null 2>&1; then return 0; fi
    local pid
    if pid=$(valid_pid "$STATE/dockerd.pid" is_dockerd); then
        log "machine dockerd (started by the lab, pid $pid) not answering yet; waiting"
    else
        if [[ -f /var/run/docker.pid ]] && is_dockerd "$(<"/var/run/docker.pid")"; then
            die "a dockerd not started by the lab (pid $(<"/var/run/docker.pid")) is running but 'docker info' fails; fix it first"
        fi
        log "starting the machine's dockerd (log $STATE/dockerd.log)"
        setsid "$DOCKERD" </dev/null >>"$STATE/dockerd.log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
        pid=$!
        echo "$pid" >"$STATE/dockerd.pid"
    fi
    local deadline=$((${EPOCHREALTIME%.*} + 60))
    until root_docker info >/dev/null 2>&1; do
        [[ -d /proc/$pid ]] || die "the machine's dockerd exited; see $STATE/dockerd.log: $(tail -n 5 "$STATE/dockerd.log" | tr '\n' ' ')"
        ((${EPOCHREALTIME%.*} < deadline)) || die "the machine's dockerd does not answer after 60 s; see $STATE/dockerd.log"
        sleep 0.3
    done
    log "machine dockerd is up"
}

# ensure_base_image [SUITE]: slurmdeck-lab/SUITE-minbase:latest (default bookworm, the lab's
# BASE_IMAGE) in the machine's dockerd, from a debootstrap cached as a tarball in $STATE/cache.
ensure_base_image() {
    local suite=${1:-bookworm}
    local image=slurmdeck-lab/$suite-minbase:latest
    if root_docker image inspect "$image" >/dev/null 2>&1; then
        log "base image $image present in the machine's dockerd"
        return 0
    fi
    local tarball=$STATE/cache/$suite-minbase.tar root=$STATE/cache/rootfs-$suite.tmp
    if [[ ! -s $tarball ]]; then
        log "debootstrap --variant=minbase $suite (log $STATE/cache/debootstrap-$suite.log)"
        rm -rf "$root"
        nice -n 10 debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >"$STATE/cache/debootstrap-$suite.log" 2>&1 ||
            die "debootstrap $suite failed; see $STATE/cache/debootstrap-$suite.log: $(tail -n 3 "$STATE/cache/debootstrap-$suite.log" | tr '\n' ' ')"
        rm -f "$root/etc/apt/sources.list.d/debian.sources"
        cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $suite main
deb $MIRROR $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
EOF
        rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
        tar --numeric-owner -C "$root" -cf "$tarball.tmp" .
        mv "$tarball.tmp" "$tarball"
        rm -rf "$root"
        log "cached rootfs tarball $tarball"
    else
        log "using cached rootfs tarball $tarball"
    fi
    root_docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' \
        --message "SlurmDeck lab: debootstrap --variant=minbase $suite" \
        "$tarball" "$image" >/dev/null || die "docker import of $tarball failed"
    log "imported $image"
}

# load_image IMAGE: copy from the machine's dockerd into every host lacking that image ID.
load_image() {
    local image=$1 id name need=() pids=() tmp rc=0 i
    id=$(root_docker image inspect --format '{{.Id}}' "$image" 2>/dev/null) ||
        die "image $image not found in the machine's dockerd ($DOCKER -H $ROOT_SOCK)"
    for name in "${HOSTS[@]}"; do
        if [[ $(host_docker "$name" image inspect --format '{{.Id}}' "$image" 2>/dev/null || true) == "$id" ]]; then
            log "host $name already has $image (${id:7:12})"
        else
            need+=("$name")
        fi
    done
    ((${#need[@]})) || return 0
    tmp=$STATE/cache/save.$$.tar
    log "saving $image (${id:7:12}) for: ${need[*]}"
    root_docker save -o "$tmp" "$image" || { rm -f "$tmp"; die "docker save $image failed"; }
    for name in "${need[@]}"; do
        host_docker "$name" load -q -i "$tmp" >"$STATE/hosts/$name/load.log" 2>&1 &
        pids+=($!)
    done
    for i in "${!need[@]}"; do
        if ! wait "${pids[i]}"; then
            warn "loading $image into ${need[i]} failed: $(cat "$STATE/hosts/${need[i]}/load.log")"
            rc=1
        fi
    done
    rm -f "$tmp"
    ((rc == 0)) || die "load-image $image failed"
    for name in "${need[@]}"; do
        [[ $(host_docker "$name" image inspect --format '{{.Id}}' "$image" 2>/dev/null || true) == "$id" ]] ||
            die "host $name: $image has the wrong ID after load"
    done
    log "loaded $image into: ${need[*]}"
}

# ---------------------------------------------------------------- hosts: start
start_host() {
    local name=$1 hdir=$STATE/hosts/$1 outer inner i
    make_node_net "sdlab-$name" "$(veth_of "${ADDR[$name]}")" "${ADDR[$name]}"
    mkdir -p "$hdir/root" "$hdir/tmp" "$hdir/docker"
    echo "${ADDR[$name]}" >"$hdir/address"
    {
        echo
        echo "=== $(date '+%F %T') lab.sh up: starting $name"
    } >>"$hdir/init.log"
    setsid nsenter --net="/run/netns/sdlab-$name" -- \
        unshare --mount --uts --pid --fork --kill-child=SIGTERM --mount-proc --propagation private -- \
        "$TINI" -- /bin/bash "$LAB_SRC/host-init.sh" "$name" "${PLAT[$name]}" "${ADDR[$name]}" "$STATE" \
        "${LOGIN[$name]}" "$LAB_UID" \
        </dev/null >>"$hdir/init.log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
    outer=$!
    echo "$outer" >"$hdir/init.pid"
    inner=
    for ((i = 0; i < 100; i++)); do
        if [[ -r /proc/$outer/task/$outer/children ]]; then
            read -r inner _ <"/proc/$outer/task/$outer/children" || true
            [[ -n $inner ]] && is_host_init "$inner" "$name" && break
            inner=
        fi
        [[ -d /proc/$outer ]] || break
        sleep 0.05
    done
    [[ -n $inner ]] || die "host $name: init did not start; see $hdir/init.log: $(tail -n 5 "$hdir/init.log" | tr '\n' ' ')"
    echo "$inner" >"$hdir/inner.pid"
    log "host $name (${PLAT[$name]}, ${ADDR[$name]}) starting, init pid $inner"
}

# wait_host NAME: until sshd accepts and the engine answers (runs in a subshell)
wait_host() {
    local name=$1 hdir=$STATE/hosts/$1 deadline ssh_ok=0 eng_ok=0
    deadline=$((${EPOCHREALTIME%.*} + WAIT_TIMEOUT))
    while :; do
        if ! host_inner_pid "$name" >/dev/null 2>&1; then
            echo "lab.sh: error: host $name died while starting; see $hdir/init.log, $hdir/dockerd.log, $hdir/sshd.log:" >&2
            tail -n 8 "$hdir/init.log" >&2 || true
            return 1
        fi
        ((ssh_ok)) || { client_tcp_ok "${ADDR[$name]}" 22 && ssh_ok=1; } || true
        ((eng_ok)) || { host_engine_ok "$name" && eng_ok=1; } || true
        ((ssh_ok && eng_ok)) && break
        if ((${EPOCHREALTIME%.*} >= deadline)); then
            ((ssh_ok)) || echo "lab.sh: error: host $name: sshd on ${ADDR[$name]}:22 not accepting after ${WAIT_TIMEOUT}s; see $hdir/sshd.log and $hdir/init.log" >&2
            ((eng_ok)) || echo "lab.sh: error: host $name: dockerd not answering on $hdir/docker.sock after ${WAIT_TIMEOUT}s; see $hdir/dockerd.log" >&2
            return 1
        fi
        sleep 0.3
    done
    # A freshly started host runs nothing: containers that a killed run left behind (their
    # restart policies would bring them back) are removed; images stay.
    local leftovers
    leftovers=$("$DOCKER" -H "unix://$hdir/docker.sock" ps -aq 2>/dev/null) || true
    if [[ -n $leftovers ]]; then
        # shellcheck disable=SC2086 # one container ID per word
        "$DOCKER" -H "unix://$hdir/docker.sock" rm -f $leftovers >/dev/null 2>&1 || true
        log "host $name: removed $(wc -w <<<"$leftovers") leftover containers"
    fi
    log "host $name: sshd and dockerd ready"
}

# client_exec CMD...: run CMD in the client netns + a private mount ns whose /etc/hosts
# is $STATE/client/hosts (CLIENT_EXEC=exec replaces the shell).
client_exec() {
    export SLURMDECK_LAB_DIR=$STATE
    # shellcheck disable=SC2016 # $0/$@ are for the inner sh
    ${CLIENT_EXEC:-} nsenter --net="/run/netns/$CLIENT_NS" -- unshare --mount --propagation private -- \
        /bin/sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$STATE/client/hosts" "$@"
}

# Every SlurmDeck cluster's containers and networks (compose project slurmdeck-*) removed
# from every host; their directories and volumes are kept.
clear_clusters() {
    local name ids
    for name in "${HOSTS[@]}"; do
        host_engine_ok "$name" || die "host $name's engine does not answer; run 'lab.sh up'"
        ids=$(host_docker "$name" ps -a --format '{{.ID}} {{.Label "com.docker.compose.project"}}' |
            awk '$2 ~ /^slurmdeck-/ { print $1 }')
        if [[ -n $ids ]]; then
            log "$name: removing $(wc -w <<<"$ids") container(s) that an earlier run's clusters left"
            # shellcheck disable=SC2086 # one id per word
            host_docker "$name" rm -f $ids >/dev/null
        fi
        ids=$(host_docker "$name" network ls --format '{{.ID}} {{.Label "com.docker.compose.project"}}' |
            awk '$2 ~ /^slurmdeck-/ { print $1 }')
        # shellcheck disable=SC2086 # one id per word
        [[ -z $ids ]] || host_docker "$name" network rm $ids >/dev/null
    done
}

# ---------------------------------------------------------------- commands
cmd_up() {
    local for_tests=0
    if [[ ${1:-} == --for-tests ]]; then
        for_tests=1
        shift
    fi
    local spec=${1:-$LAB_SRC/default.lab} name n
    require_root
    require_tools
    check_state_dir
    parse_spec "$spec"
    lock_state
    log "lab up: spec $spec, state $STATE"
    rm -f "$STATE/hosts.tsv"

    # Hosts from earlier runs that are not in this spec.
    local stale=()
    while read -r n; do
        [[ -n $n && -z ${PLAT[$n]:-} ]] && stale+=("$n")
    done < <(known_hosts_on_machine | sort -u)
    ((${#stale[@]} == 0)) || { log "removing hosts not in the spec: ${stale[*]}"; stop_hosts "${stale[@]}"; }

    ensure_switch
    if ! node_net_ok "$CLIENT_NS" "$(veth_of "$CLIENT_ADDR")" "$CLIENT_ADDR"; then
        log "creating client namespace $CLIENT_NS ($CLIENT_ADDR)"
        make_node_net "$CLIENT_NS" "$(veth_of "$CLIENT_ADDR")" "$CLIENT_ADDR"
    fi
    write_files
    if grep -q qnap "$STATE/spec.tsv" && [[ ! -d /share ]]; then
        mkdir /share # empty mount point; only qnap hosts mount anything on it (in their own namespace)
    fi

    # Keep healthy hosts; clean up and (re)start the others.
    local restart=()
    for name in "${HOSTS[@]}"; do
        if host_healthy "$name"; then
            log "host $name already up"
        else
            restart+=("$name")
        fi
    done
    if ((${#restart[@]})); then
        log "cleaning leftovers of: ${restart[*]}"
        stop_hosts "${restart[@]}"
    fi
    # The sandbox (scripts/run.sh) runs on these same hosts: its cluster holds the ports the
    # tests' clusters need, so for the tests it is stopped (its data and file are kept).
    if ((for_tests)); then
        local ids
        for name in "${HOSTS[@]}"; do
            [[ " ${restart[*]} " == *" $name "* ]] && continue
            ids=$(host_docker "$name" ps -aq --filter label=com.docker.compose.project=slurmdeck-sandbox 2>/dev/null) || true
            [[ -n $ids ]] || continue
            log "the sandbox cluster runs on $name: stopping it for the tests (bash scripts/run.sh brings it back)"
            # shellcheck disable=SC2086 # one id per word
            host_docker "$name" rm -f $ids >/dev/null
        done
    fi

    # Machine dockerd + base image in the background while hosts boot.
    (
        ensure_root_dockerd
        ensure_base_image
    ) 9>&- &
    local base_job=$!

    for name in "${restart[@]}"; do start_host "$name"; done
    local jobs=() failed=0 i
    for name in "${restart[@]}"; do
        wait_host "$name" 9>&- &
        jobs+=($!)
    done
    for i in "${!jobs[@]}"; do wait "${jobs[i]}" || failed=1; done
    wait "$base_job" || die "preparing the base image failed (see messages above)"
    ((failed == 0)) || die "some hosts did not come up (see messages above); 'lab.sh down' cleans up"

    load_image "$BASE_IMAGE"

    # Final check from the client's point of view: real ssh logins.
    jobs=()
    for name in "${HOSTS[@]}"; do
        client_exec ssh -F "$STATE/ssh_config" -o BatchMode=yes -o ConnectTimeout=10 "$name" true \
            >"$STATE/hosts/$name/ssh-check.log" 2>&1 9>&- &
        jobs+=($!)
    done
    for i in "${!jobs[@]}"; do
        wait "${jobs[i]}" || {
            echo "lab.sh: error: ssh login to ${HOSTS[i]} failed: $(cat "$STATE/hosts/${HOSTS[i]}/ssh-check.log")" >&2
            failed=1
        }
    done
    ((failed == 0)) || die "ssh check failed"

    write_manifest
    log "lab up: ${#HOSTS[@]} hosts (${HOSTS[*]}), manifest $STATE/hosts.tsv, ssh config $STATE/ssh_config"
    echo "lab up in $(elapsed) s"
}

cmd_down() {
    require_root
    check_state_dir
    if [[ ! -d $STATE ]]; then
        echo "lab down: nothing to do ($STATE does not exist)"
        return 0
    fi
    lock_state
    rm -f "$STATE/hosts.tsv"
    ip link del "$LINK_DEV" 2>/dev/null || true
    local hosts=()
    mapfile -t hosts < <(known_hosts_on_machine | sort -u)
    ((${#hosts[@]} == 0)) || stop_hosts "${hosts[@]}"
    local ns
    for ns in "$CLIENT_NS" "$SW_NS"; do
        if [[ -e /run/netns/$ns ]]; then
            [[ $ns != "$CLIENT_NS" ]] || sweep_netns "$ns"
            ip netns del "$ns"
            log "deleted netns $ns"
        fi
    done
    local pid
    if pid=$(valid_pid "$STATE/dockerd.pid" is_dockerd); then
        log "stopping the machine's dockerd started by the lab (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        wait_gone 40 "$pid" || {
            warn "dockerd $pid did not stop in 40 s, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        }
        rm -f "$STATE/dockerd.pid"
    fi
    echo "lab down in $(elapsed) s"
}

cmd_status() {
    check_state_dir
    if ! load_current_spec; then
        echo "lab: no spec recorded in $STATE (never brought up)"
        return 0
    fi
    local name pid state detail any_down=0
    printf '%-12s %-14s %-8s %-5s %s\n' NAME ADDRESS PLATFORM STATE DETAIL
    for name in "${HOSTS[@]}"; do
        if pid=$(host_inner_pid "$name" 2>/dev/null); then
            detail="init $pid"
            if client_tcp_ok "${ADDR[$name]}" 22; then detail+=", sshd ok"; else detail+=", sshd DOWN"; fi
            if host_engine_ok "$name"; then detail+=", docker ok"; else detail+=", docker DOWN"; fi
        else
            detail="not running"
        fi
        if [[ $detail == *ok*ok* ]]; then state=up; else state=down any_down=1; fi
        printf '%-12s %-14s %-8s %-5s %s\n' "$name" "${ADDR[$name]}" "${PLAT[$name]}" "$state" "$detail"
    done
    [[ -f $STATE/hosts.tsv ]] && echo "manifest: $STATE/hosts.tsv" || echo "manifest: none (run 'lab.sh up')"
    return $any_down
}

cmd_client() {
    local clear=0
    [[ ${1:-} == --clear ]] && clear=1 && shift
    [[ ${1:-} == -- ]] && shift
    (($#)) || usage
    require_root
    check_state_dir
    [[ -e /run/netns/$CLIENT_NS && -r $STATE/client/hosts ]] || die "the lab is not up (no $CLIENT_NS namespace); run 'lab.sh up'"
    if ((clear)); then
        load_current_spec || die "the lab is not up; run 'lab.sh up'"
        clear_clusters
    fi
    CLIENT_EXEC="exec" client_exec "$@"
}

cmd_host() {
    local name=${1:-}
    [[ -n $name ]] || usage
    shift
    [[ ${1:-} == -- ]] && shift
    (($#)) || usage
    require_root
    check_state_dir
    local pid
    pid=$(host_inner_pid "$name" 2>/dev/null) || die "host $name is not running (see 'lab.sh status')"
    export SLURMDECK_LAB_DIR=$STATE
    exec nsenter -t "$pid" --mount --uts --net --pid -- "$@"
}

cmd_load_image() {
    (($# == 1)) || usage
    require_root
    check_state_dir
    load_current_spec || die "the lab is not up; run 'lab.sh up'"
    lock_state
    local name
    for name in "${HOSTS[@]}"; do
        host_engine_ok "$name" || die "host $name's engine does not answer; run 'lab.sh up'"
    done
    root_docker info >/dev/null 2>&1 || die "the machine's dockerd does not answer; run 'lab.sh up'"
    load_image "$1"
    echo "load-image done in $(elapsed) s"
}

cmd_base_image() {
    require_root
    [[ $1 =~ ^[a-z]+$ ]] || die "base-image wants a Debian suite name such as trixie, not '$1'"
    check_state_dir
    load_current_spec || die "the lab is not up; run 'lab.sh up'"
    lock_state
    root_docker info >/dev/null 2>&1 || die "the machine's dockerd does not answer; run 'lab.sh up'"
    mkdir -p "$STATE/cache"
    ensure_base_image "$1"
}

# The hosts keep no route off the lab: this machine only gets a leg on the switch.
cmd_link() {
    require_root
    check_state_dir
    load_current_spec || die "the lab is not up; run 'lab.sh up'"
    lock_state
    if ip -4 -o addr show dev "$LINK_DEV" 2>/dev/null | grep -q " $LINK_ADDR/24 "; then
        echo "lab link: this machine is already on the lab as $LINK_ADDR"
        return 0
    fi
    ip link del "$LINK_DEV" 2>/dev/null || true
    local peer
    peer=$(veth_of "$LINK_ADDR")
    ip -n "$SW_NS" link del "$peer" 2>/dev/null || true
    ip link add "$LINK_DEV" type veth peer name "$peer" netns "$SW_NS"
    ip -n "$SW_NS" link set "$peer" master br0
    ip -n "$SW_NS" link set "$peer" up
    ip addr add "$LINK_ADDR/24" dev "$LINK_DEV"
    ip link set "$LINK_DEV" up
    echo "lab link: this machine reaches the lab hosts ($NET_PREFIX.0/24) from $LINK_ADDR"
}

cmd_unlink() {
    require_root
    if ip link show "$LINK_DEV" >/dev/null 2>&1; then
        ip link del "$LINK_DEV"
        echo "lab unlink: removed $LINK_DEV"
    else
        echo "lab unlink: nothing to do"
    fi
}

main() {
    local cmd=${1:-}
    (($#)) && shift
    case $cmd in
        up) (($# <= 2)) || usage; cmd_up "$@" ;;
        down) (($# == 0)) || usage; cmd_down ;;
        status) (($# == 0)) || usage; cmd_status ;;
        client) cmd_client "$@" ;;
        host) cmd_host "$@" ;;
        load-image) cmd_load_image "$@" ;;
        base-image) (($# == 1)) || usage; cmd_base_image "$1" ;;
        link) (($# == 0)) || usage; cmd_link ;;
        unlink) (($# == 0)) || usage; cmd_unlink ;;
        -h | --help | help) usage ;;
        *) usage ;;
    esac
}

main "$@"
