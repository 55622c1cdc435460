#!/usr/bin/env bash
# CTest check on top of cgroup-v2-experiment.sh: on an imitated cgroup v2 host, the
# configuration SlurmDeck ships must give a live slurmd, an idle node and a job that runs,
# and the imitation must be real (the same image without our cgroup.conf must fail the way
# the origin project's slurmd did, "Hybrid mode is not supported").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(bash "$here/cgroup-v2-experiment.sh" "$@")
printf '%s\n' "$out"
result_of() { # VARIANT-PREFIX -> the RESULT line of that variant
    awk -v v="== $1" 'index($0, v) == 1 {on = 1; next} /^== / {on = 0} on && /RESULT/ {print; exit}' <<<"$out"
}
shipped=$(result_of "shipped")
bare=$(result_of "linuxproc, task/none, no cgroup.conf")
fail=0
[[ $shipped == *"fs=cgroup2"* ]] || { echo "FAIL: /sys/fs/cgroup was not cgroup2 in the shipped run: $shipped"; fail=1; }
[[ $shipped == *"slurmd_alive=yes node=idle"* ]] || { echo "FAIL: shipped configuration: $shipped"; fail=1; }
# The job prints its /proc/self/cgroup: any cgroup line, and no srun error, means it ran.
[[ $shipped == *"job=["*":/"* && $shipped != *"srun: "* ]] || { echo "FAIL: the job did not run: $shipped"; fail=1; }
# Memory enforced on cgroup v2 as on v1: the sampler stops the job over its --mem.
[[ $shipped == *"hog=stopped "* ]] || { echo "FAIL: a job over its --mem was not stopped: $shipped"; fail=1; }
# CPUs enforced: a task that asked for one CPU may run on exactly one ("Cpus_allowed_list: 0").
[[ $shipped =~ cpus=\[Cpus_allowed_list:\ [0-9]+\ ?\] ]] || { echo "FAIL: a one-CPU task was not bound to one CPU: $shipped"; fail=1; }
[[ $bare != *"slurmd_alive=yes node=idle"* ]] || { echo "FAIL: without cgroup.conf slurmd also ran; the imitation proves nothing: $bare"; fail=1; }
((fail == 0)) && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$fail"
