#!/usr/bin/env bash
# Prove compose-templates/ on the lab: the reference for what SlurmDeck's renderer and
# deployer do. Hand-renders a 3-host cluster "labtest" from the templates, pushes it over
# ssh, starts exactly each host's services, checks that the cluster works and leaks no
# secret, then removes it again.
#
#   primary  database + controller + monitoring + compute + node   (overrides/linux.yml)
#   worker1  compute + node, with the macOS override's bridge networking (overrides/macos.yml)
#   nas1     compute + node via Container Station's docker-compose path (overrides/qnap.yml)
#
# Usage: tests/lab/images/prove-templates.sh [--keep] [--no-build]
#   --keep      leave the cluster running (tear down later with --down)
#   --down      only tear a kept cluster down
#   --no-build  do not run build-images.sh (images must exist in this machine's dockerd)
# Needs the lab up (tests/lab/lab.sh up) and root. Talks only to the lab's 10.213.7.0/24.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
TEMPLATES=$REPO/compose-templates
LAB=$REPO/tests/lab/lab.sh
STATE=${SLURMDECK_LAB_DIR:-/var/lib/slurmdeck-lab}
BASE_IMAGE=slurmdeck-lab/bookworm-minbase:latest
CLUSTER=labtest
PROJECT=slurmdeck-$CLUSTER
SLURM_IMAGE=slurmdeck/slurm:22.05
MONITORING_IMAGE=slurmdeck/monitoring:2.42
DB_IMAGE=slurmdeck/mariadb:10.11
SRUN_PORT_RANGE=60001-60063

# The plan: host -> platform override, profiles (= roles), deploy directory.
HOSTS=(primary worker1 nas1)
declare -A OVERRIDE=([primary]=linux [worker1]=macos [nas1]=qnap)
declare -A PROFILES=([primary]="database controller monitoring compute node" [worker1]="compute node" [nas1]="compute node")
# D: /opt/slurmdeck/<cluster> on a real Linux host. The lab's emulated hosts share the
# machine's /opt (only /run, /etc, /root, /tmp and a QNAP's /share are private to a host),
# so two hosts would write the same /opt/slurmdeck/labtest: use a private directory there.
LINUX_DIR=${PROVE_LINUX_DIR:-/root/slurmdeck/$CLUSTER}
declare -A DIR=([primary]=$LINUX_DIR [worker1]=$LINUX_DIR [nas1]=/share/slurmdeck/$CLUSTER)
CONTROLLER=primary DATABASE=primary MONITORING=primary
declare -A SERVICES_OF=([database]="mariadb slurmdbd" [controller]=slurmctld [compute]=slurmd
    [monitoring]="prometheus slurm-exporter" [node]=node-exporter [gpu]=gpu-exporter)

T0=${EPOCHREALTIME/./}
TSTEP=$T0
elapsed() { local d=$(((${EPOCHREALTIME/./} - $1) / 100000)); printf '%d.%d' $((d / 10)) $((d % 10)); }
log() { printf '[prove %6ss] %s\n' "$(elapsed "$T0")" "$*"; }
step_done() { log "  done in $(elapsed "$TSTEP") s: $1"; TIMINGS+=("$(printf '%-40s %6s s' "$1" "$(elapsed "$TSTEP")")"); TSTEP=${EPOCHREALTIME/./}; }
die() { printf '[prove] FAILED: %s\n' "$*" >&2; exit 1; }
TIMINGS=()

# ---------------------------------------------------------------- outer phase
# Build and load images from the machine, then re-run this script in the lab's client
# namespace (where the lab's names resolve and the hosts are reachable over ssh).
if [[ ${1:-} != --in-client ]]; then
    keep=0 build=1 down_only=0
    for a in "$@"; do
        case $a in
            --keep) keep=1 ;;
            --no-build) build=0 ;;
            --down) down_only=1 ;;
            *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
        esac
    done
    ((EUID == 0)) || die "run as root (the lab needs it)"
    "$LAB" status >/dev/null || die "the lab is not up: bash tests/lab/lab.sh up"
    if ((down_only == 0)); then
        if ((build)); then
            "$TEMPLATES/build-images.sh" --base "$BASE_IMAGE"
            step_done "build images (or reuse)"
        fi
        for image in "$SLURM_IMAGE" "$MONITORING_IMAGE" "$DB_IMAGE"; do
            "$LAB" load-image "$image" | grep -v '^\[lab' || true
        done
        step_done "lab.sh load-image x3"
    fi
    exec "$LAB" client -- env PROVE_T0="$T0" PROVE_TIMINGS="$(printf '%s\n' "${TIMINGS[@]}")" \
        bash "$0" --in-client "$keep" "$down_only"
fi
keep=$2 down_only=$3
T0=${PROVE_T0:-$T0}
[[ -z ${PROVE_TIMINGS:-} ]] || mapfile -t TIMINGS <<<"${PROVE_TIMINGS%$'\n'}"

# ---------------------------------------------------------------- client phase
WORK=$(mktemp -d /tmp/slurmdeck-prove.XXXXXX) # 0700: holds the secrets while rendering
mkdir -p "$WORK/ctl"
SSH=(ssh -F "$STATE/ssh_config" -o BatchMode=yes -o ConnectTimeout=10
    -o ControlMaster=auto -o "ControlPath=$WORK/ctl/%h" -o ControlPersist=120)
rsh() { local h=$1; shift; "${SSH[@]}" "$h" "$*"; }

# Manifest: address, docker and docker-compose paths of each host.
declare -A ADDR=() DOCKER=() COMPOSE=()
while IFS=$'\t' read -r name address _platform _hostname docker compose _root; do
    [[ $name == name ]] && continue
    ADDR[$name]=$address DOCKER[$name]=$docker COMPOSE[$name]=$compose
done <"$STATE/hosts.tsv"
for h in "${HOSTS[@]}"; do [[ -n ${ADDR[$h]:-} ]] || die "host $h is not in $STATE/hosts.tsv"; done

# compose_cmd HOST: the docker-compose command line for HOST's project (run in its D).
compose_cmd() {
    local h=$1 p args="-p $PROJECT -f compose.yml -f compose.override.yml"
    for p in ${PROFILES[$h]}; do args+=" --profile $p"; done
    echo "cd ${DIR[$h]} && ${COMPOSE[$h]} $args"
}
services_of() { local p out=; for p in ${PROFILES[$1]}; do out+=" ${SERVICES_OF[$p]}"; done; echo "$out"; }
# in_service HOST SERVICE CMD...: run CMD in the service's container (works for compose v1 and v2).
in_service() {
    local h=$1 s=$2
    shift 2
    rsh "$h" "${DOCKER[$h]} exec \$(${DOCKER[$h]} ps -q -f label=com.docker.compose.project=$PROJECT -f label=com.docker.compose.service=$s) $*"
}

teardown() {
    local h pids=()
    for h in "${HOSTS[@]}"; do
        rsh "$h" "if [ -f ${DIR[$h]}/compose.yml ]; then $(compose_cmd "$h") down --remove-orphans -t 5; fi; rm -rf ${DIR[$h]}; rmdir ${DIR[$h]%/*} 2>/dev/null; true" \
            >"$WORK/down-$h.log" 2>&1 &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do wait "${pids[i]}" || { echo "teardown on ${HOSTS[i]} failed:"; cat "$WORK/down-${HOSTS[i]}.log"; }; done
}

on_exit() {
    local rc=$?
    if ((rc != 0)); then
        echo "---- last log lines per service (failure) ----"
        for h in "${HOSTS[@]}"; do
            rsh "$h" "[ -f ${DIR[$h]}/compose.yml ] && $(compose_cmd "$h") logs --no-color --tail 15" 2>&1 | sed "s/^/[$h] /" || true
        done
    fi
    if ((keep == 0 || rc != 0 && ${PROVE_KEEP_ON_FAILURE:-0} == 0)); then
        log "tearing down $PROJECT on every host"
        teardown
        step_done "teardown (compose down, rm D)"
    else
        log "kept running; remove with: $0 --down"
    fi
    "${SSH[@]}" -O exit primary >/dev/null 2>&1 || true
    rm -rf "$WORK"
    if ((rc == 0)); then
        echo "---- timings ----"
        printf '%s\n' "${TIMINGS[@]}"
        echo "total $(elapsed "$T0") s"
    fi
    exit $rc
}

if ((down_only)); then
    keep=0
    trap on_exit EXIT
    exit 0
fi
trap on_exit EXIT

# ---- 1. fingerprint (the renderer gets this from discovery) -----------------------------
declare -A CPUS=() MEM=()
for h in "${HOSTS[@]}"; do
    read -r CPUS[$h] MEM[$h] < <(rsh "$h" 'echo $(nproc) $(awk "/^MemTotal:/ {print int(\$2 / 1024)}" /proc/meminfo)')
    [[ -n ${MEM[$h]} ]] || die "cannot fingerprint $h"
done
step_done "fingerprint (nproc, MemTotal)"

# ---- 2. render -----------------------------------------------------------------------
# render TEMPLATE VAR=VALUE...: replace {{VAR}}; a line that is only {{VAR}} may take a
# multi-line value.
render() {
    local tpl=$1
    shift
    python3 - "$tpl" "$@" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
vals = dict(a.split("=", 1) for a in sys.argv[2:])
def sub(m):
    if m.group(1) not in vals:
        sys.exit("unrendered placeholder {{%s}} in %s" % (m.group(1), sys.argv[1]))
    return vals[m.group(1)]
sys.stdout.write(re.sub(r"\{\{([A-Z_]+)\}\}", sub, text))
PY
}

umask 077
head -c 1024 /dev/urandom >"$WORK/munge.key"
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$WORK/db_password"
umask 022

node_lines= node_targets=
for h in "${HOSTS[@]}"; do
    [[ " ${PROFILES[$h]} " == *" compute "* ]] || continue
    # Memory with headroom for the host's own services.
    node_lines+="NodeName=$h NodeAddr=${ADDR[$h]} CPUs=${CPUS[$h]} RealMemory=$((MEM[$h] * 85 / 100)) State=UNKNOWN"$'\n'
done
for h in "${HOSTS[@]}"; do node_targets+="          - \"${ADDR[$h]}:9100\"   # $h"$'\n'; done
node_lines=${node_lines%$'\n'} node_targets=${node_targets%$'\n'}

for h in "${HOSTS[@]}"; do
    s=$WORK/stage/$h
    mkdir -p "$s/etc/slurm" "$s/secrets" "$s/data"
    cp "$TEMPLATES/compose.yml" "$s/compose.yml"
    cp "$TEMPLATES/overrides/${OVERRIDE[$h]}.yml" "$s/compose.override.yml"
    render "$TEMPLATES/config/env.in" SLURM_IMAGE=$SLURM_IMAGE MONITORING_IMAGE=$MONITORING_IMAGE \
        DB_IMAGE=$DB_IMAGE NODENAME="$h" DIR="${DIR[$h]}" HOST_ADDRESS="${ADDR[$h]}" \
        SRUN_PORT_RANGE=$SRUN_PORT_RANGE >"$s/.env"
    render "$TEMPLATES/config/slurm.conf.in" CLUSTER=$CLUSTER CONTROLLER_NAME=$CONTROLLER \
        CONTROLLER_ADDRESS="${ADDR[$CONTROLLER]}" DBD_ADDRESS="${ADDR[$DATABASE]}" \
        SRUN_PORT_RANGE=$SRUN_PORT_RANGE GRES_TYPES= NODE_LINES="$node_lines" \
        PARTITION_LINES="PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP" >"$s/etc/slurm/slurm.conf"
    cp "$TEMPLATES/config/cgroup.conf" "$s/etc/slurm/cgroup.conf"
    install -m 0400 "$WORK/munge.key" "$s/secrets/munge.key"
    if [[ $h == "$DATABASE" ]]; then
        install -m 0600 "$TEMPLATES/config/slurmdbd.conf.in" "$s/etc/slurm/slurmdbd.conf"
        install -m 0600 "$WORK/db_password" "$s/secrets/db_password"
    fi
    if [[ $h == "$MONITORING" ]]; then
        mkdir -p "$s/prometheus"
        render "$TEMPLATES/config/prometheus.yml.in" MONITORING_ADDRESS="${ADDR[$h]}" \
            NODE_TARGETS="$node_targets" >"$s/prometheus/prometheus.yml"
    fi
    chmod 0700 "$s/secrets"
done
step_done "render files for ${#HOSTS[@]} hosts"

# ---- 3. push: one tar stream per host (secrets travel inside it, never on a command line)
pids=()
for h in "${HOSTS[@]}"; do
    tar --numeric-owner --owner=0 --group=0 -C "$WORK/stage/$h" -cf - . |
        rsh "$h" "mkdir -p ${DIR[$h]} && tar -C ${DIR[$h]} -xpf -" &
    pids+=($!)
done
for i in "${!pids[@]}"; do wait "${pids[i]}" || die "push to ${HOSTS[i]} failed"; done
rm -rf "$WORK/stage"
step_done "push (ssh + tar)"

# ---- 4. start exactly each host's services: controller/database host first, then the rest
up() {
    local h=$1
    rsh "$h" "$(compose_cmd "$h") up -d $(services_of "$h")" >"$WORK/up-$h.log" 2>&1 ||
        { cat "$WORK/up-$h.log" >&2; return 1; }
}
up primary || die "compose up on primary failed"
step_done "compose up on primary"
pids=()
for h in worker1 nas1; do up "$h" & pids+=($!); done
for i in "${!pids[@]}"; do wait "${pids[i]}" || die "compose up failed on a worker"; done
step_done "compose up on worker1, nas1"
for h in "${HOSTS[@]}"; do
    want=$(services_of "$h" | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')
    got=$(rsh "$h" "${DOCKER[$h]} ps -f label=com.docker.compose.project=$PROJECT --format '{{.Label \"com.docker.compose.service\"}}'" | sort | tr '\n' ' ')
    [[ $want == "$got" ]] || die "$h runs '$got', planned '$want'"
    log "  $h runs exactly: $got"
done

# ---- 5. checks ---------------------------------------------------------------------
wait_for() { # DESCRIPTION TIMEOUT_S COMMAND...
    local what=$1 limit=$2 deadline
    shift 2
    deadline=$((${EPOCHREALTIME%.*} + limit))
    until "$@"; do
        ((${EPOCHREALTIME%.*} < deadline)) || die "timed out after ${limit}s waiting for: $what"
        sleep 1
    done
}
sinfo_out=
all_idle() {
    sinfo_out=$(in_service primary slurmctld sinfo -h -N -o "'%N %T'" 2>/dev/null | sort -u) || return 1
    [[ $(grep -c ' idle$' <<<"$sinfo_out") == 3 ]]
}
wait_for "sinfo: 3 idle nodes" 120 all_idle
log "  sinfo: $(tr '\n' ',' <<<"$sinfo_out")"
step_done "all nodes idle"

names=$(in_service primary slurmctld srun -N3 -J slurmdeck-prove hostname | sort | tr '\n' ' ')
[[ $names == "nas1 primary worker1 " ]] || die "srun -N3 hostname returned '$names'"
log "  srun -N3 hostname: $names"
step_done "srun -N3 hostname"

sacct_out=
job_in_sacct() {
    sacct_out=$(in_service primary slurmctld sacct -n -X -P --name slurmdeck-prove -o JobID,JobName,NNodes,State 2>/dev/null) || return 1
    grep -q '|slurmdeck-prove|3|COMPLETED' <<<"$sacct_out"
}
wait_for "sacct shows the job" 60 job_in_sacct
log "  sacct: $sacct_out"
step_done "sacct shows the job"

prom=http://${ADDR[$MONITORING]}:9090
targets_up() {
    curl -fsS "$prom/api/v1/targets" >"$WORK/targets.json" 2>/dev/null || return 1
    python3 - "$WORK/targets.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["data"]["activeTargets"]
print("  targets: " + ", ".join("%s %s=%s" % (x["labels"]["job"], x["labels"]["instance"], x["health"]) for x in t))
sys.exit(0 if len(t) == 4 and all(x["health"] == "up" for x in t) else 1)
PY
}
wait_for "Prometheus: 4 targets up" 90 targets_up
slurm_metric_ok() {
    curl -fsS "$prom/api/v1/query?query=slurm_nodes_idle" | python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print("  slurm_nodes_idle =", r[0]["value"][1] if r else None)
sys.exit(0 if r and r[0]["value"][1] == "3" else 1)'
}
wait_for "Prometheus: slurm_nodes_idle == 3 (slurm-exporter via textfile)" 60 slurm_metric_ok
step_done "Prometheus targets up + slurm metrics"

# Secrets: the DB password and the munge key (as base64 and hex, the forms a leak in
# text takes) must appear in no docker inspect output, process command line or
# environment, container log, or cluster file outside secrets/.
{
    cat "$WORK/db_password"; echo
    base64 -w0 "$WORK/munge.key"; echo
    od -An -tx1 -v "$WORK/munge.key" | tr -d ' \n' | cut -c1-64
} | sed '/^$/d' >"$WORK/patterns"
[[ $(wc -l <"$WORK/patterns") == 3 ]] || die "could not build the secret patterns" # an empty one would match anything
# Positive control: the scan must catch a secret that is there.
echo "x$(cat "$WORK/db_password")x" >"$WORK/control"
grep -qaF -f "$WORK/patterns" "$WORK/control" || die "secret scan self-check failed"
for h in "${HOSTS[@]}"; do
    d=${DOCKER[$h]}
    rsh "$h" "ids=\$($d ps -aq -f label=com.docker.compose.project=$PROJECT)
        $d inspect \$ids
        ps -eo pid,args
        for p in /proc/[0-9]*; do tr '\0' '\n' < \$p/environ 2>/dev/null; done
        for i in \$ids; do $d logs \$i 2>&1; done
        find ${DIR[$h]} -path ${DIR[$h]}/secrets -prune -o -path ${DIR[$h]}/data -prune -o -type f -print0 | xargs -0 cat" \
        >"$WORK/scan-$h.txt" 2>&1
    [[ -s $WORK/scan-$h.txt ]] || die "secret scan on $h collected nothing"
    if grep -aqF -f "$WORK/patterns" "$WORK/scan-$h.txt"; then die "a secret leaked on $h (docker inspect / ps / environ / logs / files)"; fi
    grep -aq 'slurmdbd -D\|slurmd -D' "$WORK/scan-$h.txt" || die "secret scan on $h did not see the daemons' command lines"
    log "  $h: no secret in docker inspect, ps, /proc/*/environ, logs or files ($(wc -c <"$WORK/scan-$h.txt") bytes scanned)"
done
step_done "secret scan on every host"
log "PASS: 3 idle nodes, srun -N3, sacct, Prometheus targets up, no secret leaked"
