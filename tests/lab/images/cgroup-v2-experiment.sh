#!/usr/bin/env bash
# Does the SlurmDeck Slurm image run on a cgroup v2 host? This machine is cgroup v1, so
# imitate a v2 host: in a container with CAP_SYS_ADMIN (--privileged is refused by this
# sandboxed machine's runc: "unable to apply caps"), mount a cgroup2 hierarchy over
# /sys/fs/cgroup, then start munged + slurmctld + slurmd (one node) and run a job, once
# per slurm.conf/cgroup.conf variant. Prints one result line per variant. Where the variant
# enforces limits, a job of `nobody` over its --mem must be stopped and a one-CPU task bound to
# one CPU (SYS_PTRACE and SYS_NICE as in compose.yml).
#
#   tests/lab/images/cgroup-v2-experiment.sh [IMAGE]     (default slurmdeck/slurm:22.05)
# Uses this machine's docker; the container's default bridge, traffic stays inside it.
set -euo pipefail
IMAGE=${1:-slurmdeck/slurm:22.05}
DOCKER=${DOCKER:-/usr/bin/docker}

# variant name | extra slurm.conf lines | cgroup.conf ("-" = no file)
VARIANTS=(
    "shipped (linuxproc, task/affinity, memory enforced by sampling), cgroup.conf CgroupPlugin=cgroup/v1|ProctrackType=proctrack/linuxproc;TaskPlugin=task/affinity;JobAcctGatherType=jobacct_gather/linux;SelectTypeParameters=CR_Core_Memory;DefMemPerCPU=100;JobAcctGatherParams=OverMemoryKill;JobAcctGatherFrequency=2|CgroupPlugin=cgroup/v1;IgnoreSystemd=yes"
    "linuxproc, task/none, no cgroup.conf|ProctrackType=proctrack/linuxproc;TaskPlugin=task/none;JobAcctGatherType=jobacct_gather/linux|-"
    "linuxproc, task/none, CgroupPlugin=autodetect|ProctrackType=proctrack/linuxproc;TaskPlugin=task/none;JobAcctGatherType=jobacct_gather/linux|CgroupPlugin=autodetect"
    "linuxproc, task/none, CgroupPlugin=cgroup/v2|ProctrackType=proctrack/linuxproc;TaskPlugin=task/none;JobAcctGatherType=jobacct_gather/linux|CgroupPlugin=cgroup/v2"
    "origin project: proctrack/cgroup + task/cgroup, autodetect|ProctrackType=proctrack/cgroup;TaskPlugin=task/cgroup;JobAcctGatherType=jobacct_gather/linux|CgroupPlugin=autodetect"
    "proctrack/cgroup, CgroupPlugin=cgroup/v2, IgnoreSystemd=yes|ProctrackType=proctrack/cgroup;TaskPlugin=task/none;JobAcctGatherType=jobacct_gather/linux|CgroupPlugin=cgroup/v2;IgnoreSystemd=yes"
)

# Runs inside the container: $1 = slurm.conf extra lines, $2 = cgroup.conf lines.
INNER='
set -u
mount -t cgroup2 none /sys/fs/cgroup 2>/tmp/mount.err || { echo "RESULT mount-failed $(cat /tmp/mount.err)"; exit 0; }
fs=$(stat -fc %T /sys/fs/cgroup)
h=$(hostname)
{
  echo "ClusterName=cgtest"; echo "SlurmctldHost=$h(127.0.0.1)"; echo "SlurmUser=slurm"; echo "AuthType=auth/munge"
  echo "StateSaveLocation=/var/lib/slurm/slurmctld"; echo "SlurmdSpoolDir=/var/lib/slurm/slurmd"
  echo "SchedulerType=sched/backfill"; echo "SelectType=select/cons_tres"; echo "ReturnToService=2"; echo "MpiDefault=none"
  echo "$1" | tr ";" "\n"
  echo "NodeName=$h NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN"; echo "PartitionName=p Nodes=ALL Default=YES State=UP"
} >/etc/slurm/slurm.conf
[ "$2" = - ] || echo "$2" | tr ";" "\n" >/etc/slurm/cgroup.conf
head -c 1024 /dev/urandom >/run/k; MUNGE_KEY_SOURCE=/run/k; export MUNGE_KEY_SOURCE
/usr/local/sbin/slurmdeck-entrypoint true >/dev/null 2>&1 || { echo "RESULT munge-failed"; exit 0; }
chown slurm /var/lib/slurm/slurmctld
slurmctld -D >/tmp/ctld.log 2>&1 &
slurmd -D -N "$h" >/tmp/slurmd.log 2>&1 &
slurmd_pid=$!
state=none
for i in $(seq 1 40); do
  state=$(sinfo -h -N -o %T 2>/dev/null | head -n1); [ "$state" = idle ] && break; sleep 0.5
done
alive=yes; [ -d /proc/$slurmd_pid ] && ! grep -q "^State:.*Z" /proc/$slurmd_pid/status || alive=no
job=$(timeout 20 srun -N1 cat /proc/self/cgroup 2>&1 | tr "\n" " ")
# Limits, for a job of an ordinary user: one CPU asked, one CPU allowed (task/affinity); 300 MB
# held with --mem=100M, stopped (OverMemoryKill).
hog=- cpus=-
if grep -q OverMemoryKill /etc/slurm/slurm.conf; then
  out=$(timeout 40 runuser -u nobody -- srun --mem=100M sh -c "head -c 300M /dev/zero | tail | sleep 30" 2>&1)
  case $out in *"exceeded memory limit"*) hog=stopped ;; *) hog="not-stopped($(echo "$out" | head -c 120 | tr "\n" " "))" ;; esac
fi
if grep -q task/affinity /etc/slurm/slurm.conf; then
  cpus=$(timeout 20 runuser -u nobody -- srun -n1 -c1 --mem=10M grep Cpus_allowed_list /proc/self/status 2>&1 | tr -s "\t\n" "  ")
fi
echo "RESULT fs=$fs slurmd_alive=$alive node=$state hog=$hog cpus=[$cpus] job=[$job]"
grep -iE "error|fatal" /tmp/slurmd.log | grep -v "pmix\|MPI:" | head -n 4 | sed "s/^/  slurmd: /"
'

printf 'image %s (%s)\n' "$IMAGE" "$("$DOCKER" run --rm --entrypoint slurmd "$IMAGE" -V)"
for v in "${VARIANTS[@]}"; do
    IFS='|' read -r name conf cg <<<"$v"
    echo "== $name"
    c=slurmdeck-cgexp-$$
    "$DOCKER" run -d --name "$c" --hostname cgnode --cap-add SYS_ADMIN --cap-add SYS_PTRACE --cap-add SYS_NICE \
        --security-opt apparmor=unconfined --security-opt seccomp=unconfined \
        --entrypoint sh "$IMAGE" -c "$INNER" sh "$conf" "$cg" >/dev/null
    timeout 90 "$DOCKER" wait "$c" >/dev/null || echo "   (timed out after 90 s)"
    "$DOCKER" logs "$c" 2>&1 | cut -c1-300 | sed 's/^/   /'
    "$DOCKER" rm -f "$c" >/dev/null
done
