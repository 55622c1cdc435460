#!/bin/sh
# SlurmDeck monitoring image entrypoint.
#   slurmdeck-entrypoint prometheus [ARGS]     Prometheus (config /etc/prometheus/prometheus.yml,
#                                              data /prometheus, listen $PROMETHEUS_LISTEN or :9090)
#   slurmdeck-entrypoint node-exporter [ARGS]  prometheus-node-exporter (host / at /host,
#                                              textfile collector /textfile, listen $NODE_EXPORTER_LISTEN or :9100)
#   slurmdeck-entrypoint gpu-exporter [ARGS]   nvidia-smi -> /textfile/gpu.prom loop
#   slurmdeck-entrypoint CMD [ARGS]            anything else
# Daemons drop root with setpriv: Prometheus runs as prometheus, node-exporter as nobody.
set -eu
role=${1:-help}

log() { printf '%s slurmdeck[%s]: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$role" "$*" >&2; }
die() { log "error: $*"; exit 1; }

case $role in
    prometheus)
        shift
        [ -f /etc/prometheus/prometheus.yml ] || die "/etc/prometheus/prometheus.yml is missing (the deploy puts it in <dir>/prometheus/prometheus.yml)"
        mkdir -p /prometheus
        chown prometheus:prometheus /prometheus
        log "exec prometheus (listen ${PROMETHEUS_LISTEN:-:9090}, retention ${PROMETHEUS_RETENTION:-15d})"
        exec setpriv --reuid=prometheus --regid=prometheus --init-groups \
            /usr/bin/prometheus \
            --config.file=/etc/prometheus/prometheus.yml \
            --storage.tsdb.path=/prometheus \
            --storage.tsdb.retention.time="${PROMETHEUS_RETENTION:-15d}" \
            --web.listen-address="${PROMETHEUS_LISTEN:-:9090}" \
            --web.console.libraries=/usr/share/prometheus/console_libraries \
            --web.console.templates=/usr/share/prometheus/consoles \
            "$@"
        ;;
    node-exporter)
        shift
        mkdir -p /textfile
        rootfs=/host
        [ -d /host/proc ] || { rootfs=/; log "warning: host root not mounted at /host; reporting the container's view"; }
        log "exec prometheus-node-exporter (listen ${NODE_EXPORTER_LISTEN:-:9100}, rootfs $rootfs, textfile /textfile)"
        exec setpriv --reuid=nobody --regid=nogroup --clear-groups \
            /usr/bin/prometheus-node-exporter \
            --path.rootfs="$rootfs" \
            --path.procfs="${rootfs%/}/proc" \
            --path.sysfs="${rootfs%/}/sys" \
            --collector.textfile.directory=/textfile \
            --no-collector.systemd \
            --collector.filesystem.mount-points-exclude='^/(dev|proc|run|sys|var/lib/docker/.+|var/lib/slurmdeck-lab/.+)($|/)' \
            --web.listen-address="${NODE_EXPORTER_LISTEN:-:9100}" \
            "$@"
        ;;
    gpu-exporter)
        shift
        log "exec gpu-exporter $*"
        exec /usr/local/bin/gpu-exporter "$@"
        ;;
    help | --help | -h)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        exec "$@"
        ;;
esac
