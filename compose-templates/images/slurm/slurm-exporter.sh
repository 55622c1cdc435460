#!/bin/sh
# SlurmDeck slurm-exporter: a POSIX sh loop writing Slurm metrics in Prometheus text
# format into a node_exporter textfile-collector directory (default /textfile). Metric
# names are those of the vpenso prometheus-slurm-exporter (and its maintained fork), so
# dashboards written for that exporter work:
#   slurm_nodes_{alloc,comp,down,drain,err,fail,idle,maint,mix,resv}
#   slurm_cpus_{alloc,idle,other,total}
#   slurm_queue_{pending,running,suspended,cancelled,completing,completed,configuring,
#                failed,timeout,preempted,node_fail}
#   slurm_node_cpu_{alloc,idle,other,total}{node}
#   slurm_partition_cpus_{allocated,idle,other,total}{partition}
# plus slurm_exporter_scrape_success / slurm_exporter_last_success_timestamp_seconds.
set -eu

dir=${SLURM_EXPORTER_TEXTFILE_DIR:-/textfile}
interval=${SLURM_EXPORTER_INTERVAL:-15}
out=$dir/slurm.prom
tmp=$dir/.slurm.prom.$$

log() { printf '%s slurm-exporter: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$*" >&2; }

[ -d "$dir" ] || { log "error: textfile directory $dir does not exist"; exit 1; }
trap 'rm -f "$tmp"; exit 0' TERM INT

collect() {
    nodes=$(sinfo -h -N -o '%N %T %C' 2>/dev/null) || return 1
    parts=$(sinfo -h -o '%R %C' 2>/dev/null) || return 1
    totals=$(sinfo -h -o '%C' 2>/dev/null) || return 1
    jobs=$(squeue -h -a -t all -o '%T' 2>/dev/null) || return 1
    {
        # sinfo -N lists a node once per partition: count each node once.
        printf '%s\n' "$nodes" | sort -u -k1,1 | awk '
            { s = $2; sub(/[*~#!%$@^-]+$/, "", s); sub(/\+.*$/, "", s)
              if (s ~ /^alloc/) n["alloc"]++; else if (s ~ /^comp/) n["comp"]++
              else if (s ~ /^down/) n["down"]++; else if (s ~ /^drain/) n["drain"]++
              else if (s ~ /^err/) n["err"]++; else if (s ~ /^fail/) n["fail"]++
              else if (s ~ /^idle/) n["idle"]++; else if (s ~ /^maint/) n["maint"]++
              else if (s ~ /^mix/) n["mix"]++; else if (s ~ /^resv|^reserved/) n["resv"]++ }
            END { split("alloc comp down drain err fail idle maint mix resv", k, " ")
                  for (i = 1; i <= 10; i++) {
                      printf "# HELP slurm_nodes_%s Nodes in state %s\n# TYPE slurm_nodes_%s gauge\n", k[i], k[i], k[i]
                      printf "slurm_nodes_%s %d\n", k[i], n[k[i]] } }'
        printf '%s\n' "$totals" | awk -F/ 'NF == 4 {
            printf "# HELP slurm_cpus_alloc Allocated CPUs\n# TYPE slurm_cpus_alloc gauge\nslurm_cpus_alloc %d\n", $1
            printf "# HELP slurm_cpus_idle Idle CPUs\n# TYPE slurm_cpus_idle gauge\nslurm_cpus_idle %d\n", $2
            printf "# HELP slurm_cpus_other Mix CPUs\n# TYPE slurm_cpus_other gauge\nslurm_cpus_other %d\n", $3
            printf "# HELP slurm_cpus_total Total CPUs\n# TYPE slurm_cpus_total gauge\nslurm_cpus_total %d\n", $4 }'
        printf '%s\n' "$jobs" | awk '
            NF { q[tolower($1)]++ }
            END { split("pending running suspended cancelled completing completed configuring failed timeout preempted node_fail", k, " ")
                  for (i = 1; i <= 11; i++) {
                      printf "# HELP slurm_queue_%s Jobs in state %s\n# TYPE slurm_queue_%s gauge\n", k[i], k[i], k[i]
                      printf "slurm_queue_%s %d\n", k[i], q[k[i]] } }'
        printf '%s\n' "$nodes" | sort -u -k1,1 | awk '
            NF == 3 { split($3, c, "/"); a[$1] = c[1]; i[$1] = c[2]; o[$1] = c[3]; t[$1] = c[4]; names[++n] = $1 }
            END { printf "# HELP slurm_node_cpu_alloc Allocated CPUs per node\n# TYPE slurm_node_cpu_alloc gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_node_cpu_alloc{node=\"%s\"} %d\n", names[j], a[names[j]]
                  printf "# HELP slurm_node_cpu_idle Idle CPUs per node\n# TYPE slurm_node_cpu_idle gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_node_cpu_idle{node=\"%s\"} %d\n", names[j], i[names[j]]
                  printf "# HELP slurm_node_cpu_other Other CPUs per node\n# TYPE slurm_node_cpu_other gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_node_cpu_other{node=\"%s\"} %d\n", names[j], o[names[j]]
                  printf "# HELP slurm_node_cpu_total Total CPUs per node\n# TYPE slurm_node_cpu_total gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_node_cpu_total{node=\"%s\"} %d\n", names[j], t[names[j]] }'
        printf '%s\n' "$parts" | awk '
            NF == 2 { split($2, c, "/"); p[++n] = $1; a[n] = c[1]; i[n] = c[2]; o[n] = c[3]; t[n] = c[4] }
            END { printf "# HELP slurm_partition_cpus_allocated Allocated CPUs per partition\n# TYPE slurm_partition_cpus_allocated gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_partition_cpus_allocated{partition=\"%s\"} %d\n", p[j], a[j]
                  printf "# HELP slurm_partition_cpus_idle Idle CPUs per partition\n# TYPE slurm_partition_cpus_idle gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_partition_cpus_idle{partition=\"%s\"} %d\n", p[j], i[j]
                  printf "# HELP slurm_partition_cpus_other Other CPUs per partition\n# TYPE slurm_partition_cpus_other gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_partition_cpus_other{partition=\"%s\"} %d\n", p[j], o[j]
                  printf "# HELP slurm_partition_cpus_total Total CPUs per partition\n# TYPE slurm_partition_cpus_total gauge\n"
                  for (j = 1; j <= n; j++) printf "slurm_partition_cpus_total{partition=\"%s\"} %d\n", p[j], t[j] }'
    }
}

log "writing $out every ${interval}s"
last_ok=0
prev=
while :; do
    if body=$(collect); then
        last_ok=$(date +%s)
        state=ok
        ok=1
    else
        body=
        state=failed
        ok=0
    fi
    [ "$state" = "$prev" ] || log "scrape $state"
    prev=$state
    {
        [ -z "$body" ] || printf '%s\n' "$body"
        printf '# HELP slurm_exporter_scrape_success 1 if the last sinfo/squeue round succeeded\n# TYPE slurm_exporter_scrape_success gauge\nslurm_exporter_scrape_success %d\n' "$ok"
        printf '# HELP slurm_exporter_last_success_timestamp_seconds Time of the last successful round\n# TYPE slurm_exporter_last_success_timestamp_seconds gauge\nslurm_exporter_last_success_timestamp_seconds %d\n' "$last_ok"
    } >"$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$out"
    sleep "$interval" &
    wait $! || true
done
