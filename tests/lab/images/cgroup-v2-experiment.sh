#!/usr/bin/env bash
# Does the SlurmDeck Slurm image run on a cgroup v2 host? This machine is cgroup v1, so
# imitate a v2 host: in a container with CAP_SYS_ADMIN (--privileged is refused by this
# sandboxed machine's runc: "unable to apply caps"), mount a cgroup2 hierarchy over
# /sys/fs/cgroup, then start munged + slurmctld + slurmd (one node) and run a job, once
# per slurm.conf/cgroup.conf variant. Prints one result line per variant.
#
#   tests/lab/images/cgroup-v2-experiment.sh [IMAGE]     (default slurmdeck/slurm:22.05)
# Uses this machine's docker; the container's default bridge, traffic stays inside it.
set -euo pipefail
IMAGE=${1:-slurmdeck/slurm:22.05}
DOCKER=${DOCKER:-/usr/bin/docker}

# variant name | extra slurm.conf lines | cgroup.conf ("-" = no file)
VARIANTS=(
    "shipped (linuxproc, task/none), cgroup.conf CgroupPlugin=cgroup/v1|ProctrackType=proctrack/linuxproc;TaskPlugin=task/none;JobAcctGatherType=jobacct_gather/linux|CgroupPlugin=cgroup/v1;IgnoreSystemd=yes"
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
  echo "NodeName=$h NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN"; echo "PartitionName=p Nodes=ALL Default=YES State=UP"
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
echo "RESULT fs=$fs slurmd_alive=$alive node=$state job=[$job]"
grep -iE "error|fatal" /tmp/slurmd.log | grep -v "pmix\|MPI:" | head -n 4 | sed "s/^/  slurmd: /"
'

printf 'image %s (%s)\n' "$IMAGE" "$("$DOCKER" run --rm --entrypoint slurmd "$IMAGE" -V)"
for v in "${VARIANTS[@]}"; do
    IFS='|' read -r name conf cg <<<"$v"
    echo "== $name"
    c=slurmdeck-cgexp-$$
    "$DOCKER" run -d --name "$c" --hostname cgnode --cap-add SYS_ADMIN \
        --security-opt apparmor=unconfined --security-opt seccomp=unconfined \
        --entrypoint sh "$IMAGE" -c "$INNER" sh "$conf" "$cg" >/dev/null
    timeout 90 "$DOCKER" wait "$c" >/dev/null || echo "   (timed out after 90 s)"
    "$DOCKER" logs "$c" 2>&1 | cut -c1-300 | sed 's/^/   /'
    "$DOCKER" rm -f "$c" >/dev/null
done
