#!/bin/sh
# Re-captures the fixtures in this directory from the real Prometheus of the monitoring image
# (slurmdeck/monitoring:2.42, Prometheus 2.42.0+ds Debian), run standalone on this machine's
# dockerd. Usage: tests/data/prometheus/capture.sh   (needs docker and curl; removes its containers)
set -eu
cd "$(dirname "$0")"
image=slurmdeck/monitoring:2.42 net=sdm-metrics-net port=19090 P=http://127.0.0.1:19090
work=$(mktemp -d) && mkdir "$work/tf"
cleanup() { docker rm -f sdm-prom sdm-node >/dev/null 2>&1 || true; docker network rm $net >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/prometheus.yml" <<'YML'
global:
  scrape_interval: 2s
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ['localhost:9090']}]
  - job_name: node
    static_configs: [{targets: ['sdm-node:9100', 'sdm-missing:9100']}]
YML
cp gpu.prom "$work/tf/gpu.prom"   # what the image's gpu-exporter writes for two A100s
chmod -R a+rX "$work"
docker network create $net >/dev/null
docker run -d --name sdm-node --network $net -v "$work/tf:/textfile:ro" $image node-exporter >/dev/null
docker run -d --name sdm-prom --network $net -p 127.0.0.1:$port:9090 \
    -v "$work/prometheus.yml:/etc/prometheus/prometheus.yml:ro" $image prometheus >/dev/null
sleep 70   # a minute of samples for the range query
now=$(date +%s)
: >status.txt
cap() { name=$1; shift; code=$(curl -s -o "$name.json" -w '%{http_code}' "$@"); echo "$name $code" >>status.txt; }
q() { echo "$P/api/v1/query --data-urlencode time=$now --data-urlencode"; }
cap query_up $(q) 'query=up'
cap query_range_load1 $P/api/v1/query_range --data-urlencode 'query=node_load1' --data-urlencode "start=$((now-60))" --data-urlencode "end=$now" --data-urlencode step=5
cap query_scalar $(q) 'query=scalar(count(up))'
cap query_string $(q) 'query="slurmdeck"'
cap query_neg_inf $(q) 'query=(up - 1) / up'
cap query_nan_inf $(q) 'query=up / 0'
cap query_empty $(q) 'query=slurmdeck_no_such_metric'
cap query_gpu $(q) 'query={__name__=~"nvidia_smi_(utilization_gpu_ratio|memory_used_bytes|memory_total_bytes|temperature_gpu|power_draw_watts)|DCGM_FI_DEV_(GPU_UTIL|FB_USED|FB_FREE|GPU_TEMP|POWER_USAGE)"}'
cap error_bad_data $P/api/v1/query --data-urlencode 'query=up{'
cap error_too_many_points $P/api/v1/query_range --data-urlencode 'query=up' --data-urlencode "start=$((now-12000))" --data-urlencode "end=$now" --data-urlencode step=1
cap error_execution $(q) 'query=label_replace(up, "instance", "x", "", "")'
