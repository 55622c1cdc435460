#!/bin/sh
# The scale scenario: a real slurmctld (+ slurmdbd and MariaDB, for sacct) with 1,000
# configured nodes and 10,000 jobs, and the client cost of the Slurm queries a monitor
# could poll with. Nodes run no slurmd (they show as not responding); jobs are held or
# pending, which is all squeue/sacct need.
#
#   tests/lab/scale/scale.sh up        start it and submit the jobs (a few minutes)
#   tests/lab/scale/scale.sh measure   print the table (client CPU, output size, slurmctld CPU)
#   tests/lab/scale/scale.sh sample D  write trimmed outputs of the chosen queries to D
#   tests/lab/scale/scale.sh down      remove its containers and network
#
# Works against any Docker engine: DOCKER (default "docker", e.g. "docker -H ssh://lab-host")
# or DOCKER_HOST. The controller carries Compose's project/service labels (project
# "sdscale", service "slurmctld"), so SlurmMonitor finds it as in a deployed cluster
# (tests/bench/bench_latency). Nothing is bind-mounted: files go in with `docker cp`, so a remote engine
# works too. Environment: SLURM_IMAGE (slurmdeck/slurm:22.05), DB_IMAGE
# (slurmdeck/mariadb:10.11), NODES (1000), JOBS (10000), RUNS (5, measurements per query).
set -eu

DOCKER=${DOCKER:-docker}
SLURM_IMAGE=${SLURM_IMAGE:-slurmdeck/slurm:22.05}
DB_IMAGE=${DB_IMAGE:-slurmdeck/mariadb:10.11}
NODES=${NODES:-1000}
JOBS=${JOBS:-10000}
RUNS=${RUNS:-5}
P=sdscale
NET=${P}-net

log() { printf '[scale] %s\n' "$*" >&2; }
dk() { $DOCKER "$@"; }
ctl() { dk exec -i ${P}-ctl "$@"; }

config() { # DIR
    dir=$1
    last=$(printf '%04d' "$NODES")
    gpu_first=$(printf '%04d' $((NODES - NODES / 10 + 1)))
    cpu_last=$(printf '%04d' $((NODES - NODES / 10)))
    cat >"$dir/slurm.conf" <<CONF
ClusterName=scale
SlurmctldHost=ctl
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmctldDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MaxJobCount=100000
MaxArraySize=100000
MinJobAge=300
SlurmdTimeout=300
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=ctl
AccountingStorageTRES=gres/gpu
GresTypes=gpu
NodeName=n[0001-$cpu_last] NodeAddr=127.0.0.1 CPUs=64 RealMemory=256000 State=UNKNOWN
NodeName=n[$gpu_first-$last] NodeAddr=127.0.0.1 CPUs=64 RealMemory=512000 Gres=gpu:a100:8 State=UNKNOWN
PartitionName=batch Nodes=n[0001-$last] Default=YES MaxTime=2-00:00:00 State=UP
PartitionName=gpu Nodes=n[$gpu_first-$last] MaxTime=1-00:00:00 State=UP
CONF
    cat >"$dir/slurmdbd.conf" <<CONF
AuthType=auth/munge
DbdHost=ctl
SlurmUser=slurm
PidFile=/run/slurmdbd.pid
LogFile=/var/log/slurm/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=${P}-db
StorageUser=slurm
StorageLoc=slurm_acct_db
StoragePass=scale-test-only
CONF
    # 22.05 only loads a cgroup plugin when asked; 24.11 needs it disabled explicitly.
    case $(dk run --rm --entrypoint slurmd "$SLURM_IMAGE" -V | awk '{print $2}') in
        22.* | 23.02.*) printf 'CgroupPlugin=cgroup/v1\nIgnoreSystemd=yes\n' >"$dir/cgroup.conf" ;;
        *) printf 'CgroupPlugin=disabled\n' >"$dir/cgroup.conf" ;;
    esac
    mkdir -p "$dir/secrets"
    printf 'scale-test-only\n' >"$dir/secrets/db_password"
    head -c 1024 /dev/urandom >"$dir/secrets/munge.key"
    # Run by the image's entrypoint once munged is up.
    cat >"$dir/start.sh" <<'CONF'
set -eu
useradd -m -u 2001 alice 2>/dev/null || true
chown slurm:slurm /etc/slurm/slurmdbd.conf && chmod 0600 /etc/slurm/slurmdbd.conf
mkdir -p /var/lib/slurm/slurmctld /var/log/slurm && chown slurm:slurm /var/lib/slurm/slurmctld /var/log/slurm
slurmdbd
i=0
until bash -c 'exec 3<>/dev/tcp/127.0.0.1/6819' 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 60 ] || { cat /var/log/slurm/slurmdbd.log; exit 1; }; sleep 1
done
exec slurmctld -D
CONF
}

up() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    config "$tmp"
    dk network create "$NET" >/dev/null
    dk create --name ${P}-db --hostname ${P}-db --network "$NET" -e MARIADB_BIND_ADDRESS=0.0.0.0 \
        --tmpfs /run/mysqld "$DB_IMAGE" mariadbd >/dev/null
    dk cp "$tmp/secrets" ${P}-db:/run/
    dk start ${P}-db >/dev/null
    i=0
    until dk exec ${P}-db mariadb-admin --protocol=socket ping >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 120 ] || { dk logs ${P}-db; exit 1; }; sleep 1
    done
    sleep 2
    dk exec -i ${P}-db mariadb --protocol=socket <<'SQL'
CREATE USER IF NOT EXISTS 'slurm'@'%' IDENTIFIED BY 'scale-test-only';
GRANT ALL PRIVILEGES ON slurm_acct_db.* TO 'slurm'@'%';
FLUSH PRIVILEGES;
SQL
    dk create --name ${P}-ctl --hostname ctl --network "$NET" \
        --label com.docker.compose.project=${P} --label com.docker.compose.service=slurmctld \
        "$SLURM_IMAGE" sh /etc/slurm/start.sh >/dev/null
    for f in slurm.conf slurmdbd.conf cgroup.conf start.sh; do dk cp "$tmp/$f" ${P}-ctl:/etc/slurm/$f; done
    dk cp "$tmp/secrets" ${P}-ctl:/run/
    dk start ${P}-ctl >/dev/null
    i=0
    until ctl scontrol ping 2>/dev/null | grep -q 'is UP'; do
        i=$((i + 1)); [ $i -lt 90 ] || { dk logs ${P}-ctl | tail -n 30; exit 1; }; sleep 1
    done
    log "slurmctld up with $(ctl sinfo -h -N -o %N | sort -u | wc -l) nodes; submitting $JOBS jobs"
    start=$(date +%s)
    # Mostly held jobs (the scheduler skips them, so slurmctld stays quiet while measuring),
    # every tenth pending; names with spaces; every fifth job asks for a GPU.
    ctl su alice -c "cd /tmp && for w in 1 2 3 4; do (
        i=\$w; while [ \$i -le $JOBS ]; do
            h=-H; [ \$((i % 10)) -eq 0 ] && h=''
            g=''; [ \$((i % 5)) -eq 0 ] && g='-p gpu --gres=gpu:1'
            sbatch -Q \$h \$g -J \"scale job \$i\" -n \$((i % 8 + 1)) --mem=1000 -t 60 --wrap 'sleep 60' >/dev/null || exit 1
            i=\$((i + 4))
        done) & done; wait"
    log "submitted in $(($(date +%s) - start)) s: $(ctl squeue -h -o %A | wc -l) jobs in the queue"
    ctl scontrol update NodeName=n0001,n0002 State=DRAIN Reason='scale: drained for maintenance' >/dev/null
    ctl scontrol update NodeName=n0003 State=DOWN Reason='scale: PSU' >/dev/null
}

US=$(printf '\037')
RS=$(printf '\036')
QUEUE_FORMAT="JobID:0$US,JobArrayID:0$US,Partition:0$US,UserName:0$US,Account:0$US,State:0$US,Reason:0$US,NodeList:0$US,NumNodes:0$US,NumCPUs:0$US,tres-alloc:0$US,TimeUsed:0$US,TimeLimit:0$US,SubmitTime:0$US,StartTime:0$US,EndTime:0$US,Name:0$RS"
QUEUE_O="%A$US%i$US%P$US%u$US%a$US%T$US%r$US%N$US%D$US%C$US%b$US%M$US%l$US%V$US%S$US%e$US%j$RS"
HISTORY_FORMAT=JobIDRaw,JobID,User,Account,Partition,State,Reason,ExitCode,NodeList,NNodes,NCPUS,AllocTRES,ElapsedRaw,TimelimitRaw,Submit,Start,End,JobName

# Each candidate: "label|command" (run by bash in the controller container).
candidates() {
    cat <<EOF
squeue --json|squeue --json
squeue -h -o (issue's 8 fields)|squeue -h -o '%i %P %j %u %T %M %D %R'
squeue -h -o (17 fields)|squeue -h -o '$QUEUE_O'
squeue -h -O (17 fields; chosen)|squeue --noheader --all -O '$QUEUE_FORMAT'
scontrol -o show jobs|scontrol -o show jobs
sinfo --json|sinfo --json
sinfo -h -N -O (12 node fields)|sinfo -h -N -O 'NodeList:0$US,StateLong:0$US,CPUsState:0$US,Memory:0$US,AllocMem:0$US,FreeMem:0$US,CPUsLoad:0$US,Gres:0$US,GresUsed:0$US,Partition:0$US,User:0$US,Reason:0'
scontrol -o show nodes|scontrol -o show nodes
scontrol -d -o show nodes (chosen)|scontrol -d -o show nodes
scontrol -o show partitions (chosen)|scontrol -o show partitions
sacct --json (1 day)|sacct --json -a -S now-86400 -E now
sacct -P (1 day; chosen)|sacct --allusers --allocations --noheader --parsable2 --delimiter='$US' --starttime=now-86400 --endtime=now --format=$HISTORY_FORMAT
EOF
}

measure() {
    # Each query RUNS times inside the controller container: median client CPU (user+sys of
    # the command) and wall time, the output size, and the CPU slurmctld spent per call
    # (from /proc/<pid>/stat). The candidates arrive on stdin.
    candidates | dk exec -i -e RUNS="$RUNS" ${P}-ctl sh -c 'cat >/tmp/candidates'
    dk exec -i -e RUNS="$RUNS" ${P}-ctl bash -s <<'SCRIPT'
set -u
hz=$(getconf CLK_TCK)
pid=$(pidof slurmctld)
ctld_ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%s configured nodes, %s jobs in the queue, Slurm %s, %s runs each\n' \
    "$(sinfo -h -N -o %N | sort -u | wc -l)" "$(squeue -h -o %A | wc -l)" \
    "$(scontrol --version | awk '{print $2}')" "$RUNS"
printf '| %-36s | %10s | %8s | %8s | %13s |\n' query 'client CPU' wall output 'slurmctld CPU'
printf '|%s|%s|%s|%s|%s|\n' ------------------------------------- ------------ ---------- ---------- ---------------
while IFS='|' read -r label cmd; do
    [ -n "$label" ] || continue
    cpus=() walls=()
    t0=$(ctld_ticks)
    for r in $(seq "$RUNS"); do
        TIMEFORMAT='%R %U %S'
        read -r wall user sys < <({ time bash -c "$cmd" >/tmp/out 2>/dev/null; } 2>&1)
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.3f", u + s}')")
        walls+=("$wall")
    done
    t1=$(ctld_ticks)
    bytes=$(wc -c </tmp/out)
    printf '| %-36s | %8s s | %6s s | %8s | %10s ms |\n' "$label" "$(median "${cpus[@]}")" \
        "$(median "${walls[@]}")" "$(numfmt --to=iec --suffix=B "$bytes")" \
        "$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v n="$RUNS" 'BEGIN {printf "%.0f", (b - a) * 1000 / hz / n}')"
done </tmp/candidates
SCRIPT
}

sample() { # DIR: the first lines of the chosen queries' output at scale
    dir=$1
    mkdir -p "$dir"
    ctl scontrol -d -o show nodes | sed -n "1,25p;$((NODES - 4)),\$p" >"$dir/nodes.txt"
    ctl scontrol -o show partitions >"$dir/partitions.txt"
    ctl squeue --noheader --all -O "$QUEUE_FORMAT" | head -n 200 >"$dir/jobs.txt"
    ctl scontrol --version >"$dir/version.txt"
    log "samples in $dir"
}

down() {
    for c in ${P}-ctl ${P}-db; do dk rm -f "$c" >/dev/null 2>&1 || true; done
    dk network rm "$NET" >/dev/null 2>&1 || true
}

case ${1:-} in
    up) up ;;
    measure) measure ;;
    sample) sample "${2:?usage: $0 sample DIR}" ;;
    down) down ;;
    *) echo "usage: $0 up|measure|sample DIR|down" >&2; exit 2 ;;
esac
