#!/bin/sh
# Regenerates the Slurm output fixtures in tests/data/slurm/<version>/ from a real Slurm
# cluster running in containers on a private bridge network of one Docker engine (not the
# lab): MariaDB + slurmdbd + slurmctld + six slurmd containers + one configured node that
# never runs slurmd. It drives the nodes and jobs into the states the parsers must read,
# then saves the exact output of the queries SlurmQueries runs (and the JSON variants).
#
#   tests/data/slurm/capture.sh [all|up|populate|capture|down]      (default: all)
#
# Environment: DOCKER (default docker; e.g. "docker -H tcp://host:2375"),
#   SLURM_IMAGE (default slurmdeck/slurm:22.05), DB_IMAGE (default slurmdeck/mariadb:10.11),
#   OUT (default tests/data/slurm/<major.minor of the image's Slurm>).
# "all" = down, up, populate, wait for the history jobs to end, capture, down.
set -eu

DOCKER=${DOCKER:-docker}
SLURM_IMAGE=${SLURM_IMAGE:-slurmdeck/slurm:22.05}
DB_IMAGE=${DB_IMAGE:-slurmdeck/mariadb:10.11}
P=sdcap                       # container/network name prefix
NET=${P}-net
SUBNET=${SUBNET:-172.30.77}   # a /24 of the private bridge: fixed addresses, so slurmctld
                              # resolves nodes whose containers are not (yet) running
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/${P}-work}
SLURMD_NODES="node01 node02 node03 node04 node05 node07"
# node06 is configured (with GPUs) but never runs slurmd: it shows as not responding.

log() { printf '[capture] %s\n' "$*" >&2; }
dk() { $DOCKER "$@"; }
ctl() { dk exec -i ${P}-ctl "$@"; }
as_alice() { dk exec -i -u alice -w /tmp ${P}-ctl "$@"; }

write_config() {
    rm -rf "$WORK"
    mkdir -p "$WORK/etc" "$WORK/secrets"
    head -c 1024 /dev/urandom >"$WORK/secrets/munge.key"
    printf 'capture-%s\n' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$WORK/secrets/db_password"
    chmod 0644 "$WORK/secrets/munge.key" "$WORK/secrets/db_password" # read by the entrypoints as root
    cat >"$WORK/etc/slurm.conf" <<'EOF'
ClusterName=capture
SlurmctldHost=ctl(@SUBNET@.4)
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=0
SlurmdTimeout=20
SlurmctldTimeout=60
SlurmdParameters=config_overrides
InactiveLimit=0
KillWait=5
MinJobAge=3600
Waittime=0
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=@SUBNET@.3
AccountingStoragePort=6819
AccountingStorageTRES=gres/gpu
JobCompType=jobcomp/none
GresTypes=gpu
NodeName=node01 NodeAddr=@SUBNET@.11 CPUs=4 RealMemory=3000 Gres=gpu:tesla:2 State=UNKNOWN
NodeName=node02 NodeAddr=@SUBNET@.12 CPUs=2 RealMemory=1000 State=UNKNOWN
NodeName=node03 NodeAddr=@SUBNET@.13 CPUs=2 RealMemory=1000 State=UNKNOWN
NodeName=node04 NodeAddr=@SUBNET@.14 CPUs=2 RealMemory=1000 State=UNKNOWN
NodeName=node05 NodeAddr=@SUBNET@.15 CPUs=2 RealMemory=1000 State=UNKNOWN
NodeName=node06 NodeAddr=@SUBNET@.16 CPUs=8 RealMemory=16000 Gres=gpu:rtx3090:4 State=UNKNOWN
NodeName=node07 NodeAddr=@SUBNET@.17 CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=node[01-05],node07 Default=YES MaxTime=01:00:00 State=UP
PartitionName=gpu Nodes=node01,node06 MaxTime=2-00:00:00 DefMemPerCPU=500 State=UP
PartitionName=long Nodes=node[02-03] MaxTime=UNLIMITED MaxMemPerNode=900 State=DOWN
EOF
    cat >"$WORK/etc/gres.conf" <<'EOF'
NodeName=node01 Name=gpu Type=tesla File=/dev/nvidia[0-1]
NodeName=node06 Name=gpu Type=rtx3090 File=/dev/nvidia[0-3]
EOF
    # 22.05 only loads a cgroup plugin when asked; 24.11 needs it disabled explicitly.
    case $(dk run --rm --entrypoint slurmd "$SLURM_IMAGE" -V | awk '{print $2}') in
        22.* | 23.02.*) printf 'CgroupPlugin=cgroup/v1\nIgnoreSystemd=yes\n' >"$WORK/etc/cgroup.conf" ;;
        *) printf 'CgroupPlugin=disabled\n' >"$WORK/etc/cgroup.conf" ;;
    esac
    cat >"$WORK/etc/slurmdbd.conf" <<'EOF'
AuthType=auth/munge
DbdHost=dbd
DbdPort=6819
SlurmUser=slurm
PidFile=/run/slurmdbd/slurmdbd.pid
DebugLevel=info
StorageType=accounting_storage/mysql
StorageHost=@SUBNET@.2
StoragePort=3306
StorageUser=slurm
StorageLoc=slurm_acct_db
EOF
    sed -i "s/@SUBNET@/$SUBNET/g" "$WORK/etc/slurm.conf" "$WORK/etc/slurmdbd.conf"
    chmod 0644 "$WORK/etc/"*
}

# Runs the image's entrypoint ROLE after adding the job users alice and bob (same uids
# everywhere); node01 gets fake GPU device nodes (slurmd only needs gres.conf's files).
run_slurm() { # NAME IP-SUFFIX ROLE [docker args...]
    name=$1 ip=$SUBNET.$2 role=$3
    shift 3
    dk run -d --name "${P}-$name" --hostname "$name" --network "$NET" --ip "$ip" --network-alias "$name" \
        -v "$WORK/etc:/etc/slurm:ro" -v "$WORK/secrets/munge.key:/run/secrets/munge.key:ro" \
        -v "$WORK/secrets/db_password:/run/secrets/db_password:ro" --tmpfs /run/slurmdbd \
        "$@" --entrypoint sh "$SLURM_IMAGE" -c \
        "useradd -m -u 2001 alice 2>/dev/null || true; useradd -m -u 2002 bob 2>/dev/null || true
         if [ \"\${SLURM_NODENAME:-}\" = node01 ]; then mknod /dev/nvidia0 c 195 0; mknod /dev/nvidia1 c 195 1; fi
         exec /usr/local/sbin/slurmdeck-entrypoint $role" >/dev/null
}

up() {
    write_config
    dk network create --subnet "$SUBNET.0/24" "$NET" >/dev/null
    dk run -d --name ${P}-db --hostname db --network "$NET" --ip "$SUBNET.2" --network-alias db \
        -e MARIADB_BIND_ADDRESS=0.0.0.0 -v "$WORK/secrets/db_password:/run/secrets/db_password:ro" \
        --tmpfs /run/mysqld "$DB_IMAGE" mariadbd >/dev/null
    # MariaDB grants the slurm user on localhost only: widen it to the bridge network.
    i=0
    until dk exec ${P}-db mariadb-admin --protocol=socket ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 120 ] || { dk logs ${P}-db; exit 1; }; sleep 1
    done
    sleep 2
    pw=$(head -n 1 "$WORK/secrets/db_password")
    dk exec -i ${P}-db mariadb --protocol=socket <<EOF
CREATE USER IF NOT EXISTS 'slurm'@'%' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON slurm_acct_db.* TO 'slurm'@'%';
FLUSH PRIVILEGES;
EOF
    run_slurm dbd 3 slurmdbd
    i=0
    until dk exec ${P}-dbd sh -c 'exec 3<>/dev/tcp/127.0.0.1/6819' 2>/dev/null ||
        dk exec ${P}-dbd bash -c 'exec 3<>/dev/tcp/127.0.0.1/6819' 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 60 ] || { dk logs ${P}-dbd; exit 1; }; sleep 1
    done
    run_slurm ctl 4 slurmctld
    i=0
    until ctl scontrol ping 2>/dev/null | grep -q 'is UP'; do
        i=$((i + 1)); [ $i -lt 60 ] || { dk logs ${P}-ctl; exit 1; }; sleep 1
    done
    for n in $SLURMD_NODES; do
        run_slurm "$n" "1${n#node0}" slurmd -e "SLURM_NODENAME=$n"
    done
    i=0
    until [ "$(ctl sinfo -h -N -t idle -o %N | sort -u | wc -l)" -ge 6 ]; do
        i=$((i + 1)); [ $i -lt 90 ] || { ctl sinfo -N; dk logs ${P}-node01 | tail; exit 1; }; sleep 1
    done
    log "cluster up: $(ctl sinfo -h -N -o '%N %T' | sort -u | tr '\n' ' ')"
}

submit() { as_alice sbatch --parsable "$@"; }

populate() {
    # Accounting history: jobs that end (completed, failed, cancelled, killed by a signal).
    submit -J 'ok job' -p debug -w node03 --wrap 'echo done' >/dev/null
    submit -J 'fails with 3' -p debug -w node03 --wrap 'exit 3' >/dev/null
    submit -J 'killed' -p debug -w node03 --wrap 'kill -9 $$' >/dev/null
    c=$(submit -J 'to cancel' -p debug -w node03 --wrap 'sleep 300')
    dk exec -i -u bob -w /tmp ${P}-ctl sbatch --parsable -J "bob's|pipe" -p debug -w node03 --wrap 'echo bob' >/dev/null
    sleep 3
    as_alice scancel "$c"
    submit -J 'times out' -p debug -w node03 -t 1 --wrap 'sleep 300' >/dev/null
    sleep 2
    # Running: a GPU job making node01 mixed, an exclusive job allocating all of node02,
    # a job on node07 that is then drained (mixed+drain), awkward names.
    submit -J 'train model v2' -p gpu -w node01 -n 1 --mem=1000 --gres=gpu:1 -t 30 --wrap 'sleep 3600' >/dev/null
    submit -J 'all of node02' -p debug -w node02 -n 2 --mem=900 --exclusive --wrap 'sleep 3600' >/dev/null
    submit -J "$(printf 'pipe|and\037unit sep')" -p debug -w node07 -n 1 --mem=100 --wrap 'sleep 3600' >/dev/null
    submit -J 'Ünïcødé λ ジョブ 🚀' -p gpu -w node01 -n 1 --mem=100 --wrap 'sleep 3600' >/dev/null
    # Pending: resources, held, dependency, an array partly running.
    submit -J 'needs 4 gpus' -p gpu -n 1 --gres=gpu:4 --mem=100 --wrap 'sleep 60' >/dev/null
    submit -J 'held job' -H -p debug --mem=100 --wrap 'sleep 60' >/dev/null
    a=$(submit -J 'array' -p debug -w node07 -n 1 --mem=100 --array=1-6%2 --wrap 'sleep 3600')
    submit -J 'after array' -p debug --mem=100 -d "afterok:$a" --wrap 'true' >/dev/null
    submit -J "tab	and \"quotes\" 'x' \\ back" -p long --mem=100 --wrap 'true' >/dev/null
    submit -J "$(printf 'line1\nline2')" -H -p debug --mem=10 --wrap 'true' >/dev/null
    submit -J "$(printf 'rs\036x')" -H -p debug --mem=10 --wrap 'true' >/dev/null
    sleep 3
    ctl scontrol update NodeName=node04 State=DRAIN Reason='disk replaced, waiting for RMA #42'
    ctl scontrol update NodeName=node07 State=DRAIN Reason='kernel update'
    ctl scontrol update NodeName=node05 State=DOWN Reason='PSU failure: Reason=fake k=v'
    ctl scontrol update NodeName=node03 Comment='rack 4 Weight=9' Extra='x'
    log "populated; waiting for the time-limited job (about 2 minutes)"
}

wait_history() {
    i=0
    until ctl sacct -a -n -X -P -S now-1hour -E now -o State 2>/dev/null | grep -q TIMEOUT; do
        i=$((i + 1)); [ $i -lt 200 ] || { log "no TIMEOUT job after 200 s"; break; }; sleep 1
    done
    # node06 never registers: wait until slurmctld marks it not responding.
    i=0
    until ctl sinfo -h -n node06 -o %T | grep -q '\*\|down'; do
        i=$((i + 1)); [ $i -lt 120 ] || break; sleep 1
    done
}

# Saves stdout of a command run in the controller container to OUT/NAME and records the
# command in OUT/queries.txt (tab-separated argv; tst_slurmparsers checks that SlurmQueries
# still runs exactly these).
save() { # NAME CMD...
    name=$1
    shift
    ctl "$@" >"$OUT/$name"
    { printf '%s' "$name"; for a in "$@"; do printf '\t%s' "$a"; done; printf '\n'; } >>"$OUT/queries.txt"
    log "$name: $(wc -c <"$OUT/$name") bytes"
}

US=$(printf '\037')
RS=$(printf '\036')
# The formats of core/slurm/SlurmQueries.cpp (field lists from SlurmFormats.h).
QUEUE_FORMAT="JobID:0$US,JobArrayID:0$US,Partition:0$US,UserName:0$US,Account:0$US,State:0$US,Reason:0$US,NodeList:0$US,NumNodes:0$US,NumCPUs:0$US,tres-alloc:0$US,TimeUsed:0$US,TimeLimit:0$US,SubmitTime:0$US,StartTime:0$US,EndTime:0$US,Name:0$RS"
HISTORY_FORMAT=JobIDRaw,JobID,User,Account,Partition,State,Reason,ExitCode,NodeList,NNodes,NCPUS,AllocTRES,ElapsedRaw,TimelimitRaw,Submit,Start,End,JobName

capture() {
    version=$(ctl scontrol --version | awk '{print $2}')
    OUT=${OUT:-$HERE/$(echo "$version" | cut -d. -f1-2)}
    mkdir -p "$OUT"
    rm -f "$OUT/queries.txt"
    save version.txt scontrol --version
    save nodes.txt scontrol -d -o show nodes
    save partitions.txt scontrol -o show partitions
    save jobs.txt squeue --noheader --all -O "$QUEUE_FORMAT"
    save history.txt sacct --allusers --allocations --noheader --parsable2 "--delimiter=$US" \
        --starttime=now-7200 --endtime=now "--format=$HISTORY_FORMAT"
    id_of() { ctl squeue -h -o '%A %j' | grep "$1" | head -n 1 | cut -d' ' -f1; }
    save job-details-running.txt scontrol -d -o show job "$(id_of 'train model')"
    save job-details-pending.txt scontrol -d -o show job "$(id_of 'needs 4')"
    save job-details-array.txt scontrol -d -o show job "$(ctl squeue -h -t R -o '%A %i' | grep _ | head -n 1 | cut -d' ' -f1)"
    save job-details-newline.txt scontrol -d -o show job "$(ctl squeue -h -o '%A %j' | grep line1 | cut -d' ' -f1)"
    # The alternatives, kept for comparison (and JSON for a later JSON parser).
    save sinfo.json sinfo --json
    save squeue.json squeue --json
    save scontrol-nodes-plain.txt scontrol -o show nodes
    save sinfo-default.txt sinfo
    save squeue-default.txt squeue
}

down() {
    for c in $(dk ps -a --format '{{.Names}}' | grep "^${P}-" || true); do dk rm -f "$c" >/dev/null; done
    dk network rm "$NET" >/dev/null 2>&1 || true
    rm -rf "$WORK" # the generated munge key and database password
}

case ${1:-all} in
    up) up ;;
    populate) populate ;;
    capture) capture ;;
    down) down ;;
    all) down; up; populate; wait_history; capture; down ;;
    *) echo "usage: $0 [all|up|populate|capture|down]" >&2; exit 2 ;;
esac
