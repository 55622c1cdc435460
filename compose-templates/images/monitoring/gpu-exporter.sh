#!/bin/sh
# SlurmDeck gpu-exporter: nvidia-smi -> Prometheus text format in a node_exporter
# textfile-collector directory (default /textfile, file gpu.prom), using the metric names
# of nvidia_gpu_exporter (no GPU exporter is packaged in Debian):
#   nvidia_smi_utilization_gpu_ratio, nvidia_smi_utilization_memory_ratio,
#   nvidia_smi_memory_used_bytes, nvidia_smi_memory_total_bytes,
#   nvidia_smi_temperature_gpu, nvidia_smi_power_draw_watts   {uuid, name, index}
# nvidia-smi comes from the NVIDIA container toolkit (overrides/gpu.yml requests the GPUs
# with the "utility" capability), not from this image.
set -eu

dir=${GPU_EXPORTER_TEXTFILE_DIR:-/textfile}
interval=${GPU_EXPORTER_INTERVAL:-15}
out=$dir/gpu.prom
tmp=$dir/.gpu.prom.$$

log() { printf '%s gpu-exporter: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$*" >&2; }
[ -d "$dir" ] || { log "error: textfile directory $dir does not exist"; exit 1; }
command -v nvidia-smi >/dev/null 2>&1 || log "warning: nvidia-smi not found (is the NVIDIA container toolkit installed and compose.gpu.yml used?)"
trap 'rm -f "$tmp"; exit 0' TERM INT

log "writing $out every ${interval}s"
while :; do
    if csv=$(nvidia-smi --query-gpu=index,uuid,name,utilization.gpu,utilization.memory,memory.used,memory.total,temperature.gpu,power.draw \
        --format=csv,noheader,nounits 2>/dev/null); then ok=1; else csv= ok=0; fi
    {
        printf '%s\n' "$csv" | awk -F', *' '
            function num(v) { return (v ~ /^[0-9.]+$/) ? v : "NaN" }
            NF >= 9 { n++; l[n] = sprintf("{index=\"%s\",uuid=\"%s\",name=\"%s\"}", $1, $2, $3)
                      ug[n] = num($4) == "NaN" ? "NaN" : $4 / 100; um[n] = num($5) == "NaN" ? "NaN" : $5 / 100
                      # bytes as integers: awk would print them with OFMT (%.6g), 32768 MiB as 3.43597e+10
                      mu[n] = num($6) == "NaN" ? "NaN" : sprintf("%.0f", $6 * 1048576)
                      mt[n] = num($7) == "NaN" ? "NaN" : sprintf("%.0f", $7 * 1048576)
                      te[n] = num($8); pw[n] = num($9) }
            function out(name, help, arr,   j) {
                printf "# HELP %s %s\n# TYPE %s gauge\n", name, help, name
                for (j = 1; j <= n; j++) printf "%s%s %s\n", name, l[j], arr[j] }
            END { if (n == 0) exit
                  out("nvidia_smi_utilization_gpu_ratio", "GPU utilization (0-1)", ug)
                  out("nvidia_smi_utilization_memory_ratio", "Memory controller utilization (0-1)", um)
                  out("nvidia_smi_memory_used_bytes", "Framebuffer memory used", mu)
                  out("nvidia_smi_memory_total_bytes", "Framebuffer memory total", mt)
                  out("nvidia_smi_temperature_gpu", "GPU temperature (C)", te)
                  out("nvidia_smi_power_draw_watts", "Power draw (W)", pw) }'
        printf '# HELP nvidia_smi_command_exit_code 0 if the last nvidia-smi call succeeded\n# TYPE nvidia_smi_command_exit_code gauge\nnvidia_smi_command_exit_code %d\n' $((1 - ok))
    } >"$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$out"
    sleep "$interval" &
    wait $! || true
done
