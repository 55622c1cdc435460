#!/usr/bin/env bash
# Runs each libFuzzer target of tests/fuzz for SECONDS, one after another, each from a fresh
# corpus seeded with the parser's fixtures in tests/data (and any saved inputs in
# tests/data/fuzz-regressions/TARGET). Builds nothing: build the fuzz preset first
#   cmake --preset fuzz && cmake --build --preset fuzz
# Usage: run-fuzzers.sh SECONDS [BUILD_DIR [TARGET...]]   (BUILD_DIR default build/fuzz;
#        TARGET without the fuzz_ prefix, default all)
# Prints one line per target and exits non-zero when any target crashed, leaked, timed out
# or ran out of memory. Inputs that did are kept in BUILD_DIR/fuzz-artifacts/TARGET/, with
# the target's log beside them (BUILD_DIR/fuzz-artifacts/TARGET.log).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: run-fuzzers.sh SECONDS [BUILD_DIR [TARGET...]]" >&2
  exit 2
fi
seconds="$1"
build="$(realpath "${2:-build/fuzz}")"
shift $(($# < 2 ? $# : 2))

# Seed files per target, as globs relative to the source tree. unified_diff's seeds are
# pairs of related files, joined with a NUL byte (its input is "before\0after").
declare -A seeds=(
  [cluster_yaml]="tests/data/inventory/*.yaml"
  [fingerprint]="tests/data/fingerprint/*.txt"
  [slurm_version]="tests/data/slurm/*/version.txt tests/data/slurm/*/scale/version.txt"
  [slurm_nodes]="tests/data/slurm/*/nodes.txt tests/data/slurm/*/partitions.txt
                 tests/data/slurm/*/scontrol-nodes-plain.txt tests/data/slurm/*/scale/nodes.txt
                 tests/data/slurm/*/scale/partitions.txt"
  [slurm_jobs]="tests/data/slurm/*/jobs.txt tests/data/slurm/*/scale/jobs.txt"
  [slurm_history]="tests/data/slurm/*/history.txt tests/data/slurm/*/memory-use.txt"
  [slurm_job_details]="tests/data/slurm/*/job-details-*.txt"
  [prometheus]="tests/data/prometheus/*.json"
  [http_answer]="tests/data/prometheus/http/*.http"
  [backup_manifest]="tests/data/backup/*.json"
  [doctor_logs]="tests/data/doctor/*.log tests/data/doctor/*.txt tests/data/doctor/*.json"
  [nvidia_smi]="tests/data/nvidia-smi/*.csv tests/data/nvidia-smi/*.txt"
  [known_hosts]="tests/data/known_hosts/plain tests/data/known_hosts/hashed
                 tests/data/known_hosts/markers tests/data/known_hosts/broken"
)
diff_pairs=(
  "tests/data/compose/base.yml tests/data/compose/override-macos.yml"
  "tests/data/slurm/22.05/partitions.txt tests/data/slurm/24.11/partitions.txt"
  "compose-templates/config/slurm.conf.in compose-templates/config/slurmdbd.conf.in"
  "compose-templates/overrides/linux.yml compose-templates/overrides/gpu.yml"
)
all_targets=(cluster_yaml fingerprint slurm_version slurm_nodes slurm_jobs slurm_history
  slurm_job_details prometheus nvidia_smi known_hosts unified_diff http_answer doctor_logs
  backup_manifest)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

# ASan keeps freed memory in pools per size and by default never gives it back: a parser that
# makes many strings of many sizes (a host list of 200,000 names) grows past -rss_limit_mb
# over a long run with a few tens of MB live. A small quarantine and returning free pages
# keep the RSS near what one input uses. ASAN_OPTIONS from the caller win.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16:allocator_release_to_os_interval_ms=100}"

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/slurmdeck-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# What a failed run found, from its log, for the summary line.
finding() {
  local log="$1"
  if grep -q 'ERROR: LeakSanitizer' "$log"; then echo "leak"
  elif grep -q 'ALARM: working on the last Unit' "$log"; then echo "timeout"
  elif grep -q 'out-of-memory' "$log"; then echo "out of memory"
  elif grep -q 'runtime error:' "$log"; then echo "undefined behaviour"
  elif grep -q 'ERROR: AddressSanitizer' "$log"; then
    grep -m1 -o 'ERROR: AddressSanitizer: [a-z-]*' "$log" | sed 's/ERROR: AddressSanitizer: //'
  else echo "crash"
  fi
}

failed=0
for name in "${targets[@]}"; do
  binary="$build/tests/fuzz/fuzz_$name"
  if [[ ! -x $binary ]]; then
    echo "run-fuzzers: $binary is missing (cmake --build --preset fuzz)" >&2
    exit 2
  fi
  corpus="$work/$name/corpus"
  seeddir="$work/$name/seeds"
  mkdir -p "$corpus" "$seeddir" "$artifacts/$name"
  if [[ $name == unified_diff ]]; then
    for pair in "${diff_pairs[@]}"; do
      read -r before after <<<"$pair"
      { cat "$before"; printf '\0'; cat "$after"; } >"$seeddir/${before//\//_}+${after//\//_}"
    done
  else
    [[ -v seeds[$name] ]] || { echo "run-fuzzers: no seeds for $name" >&2; exit 2; }
    for file in ${seeds[$name]}; do
      cp "$file" "$seeddir/${file//\//_}"
    done
  fi
  if [[ -d tests/data/fuzz-regressions/$name ]]; then
    cp tests/data/fuzz-regressions/"$name"/* "$seeddir/" 2>/dev/null || true
  fi

  log="$artifacts/$name.log"
  status=0
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name/" "$corpus" "$seeddir" >"$log" 2>&1 || status=$?

  runs="$(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  coverage="$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || true)"
  seeded="$(find "$seeddir" -type f | wc -l)"
  found="$(find "$corpus" -type f | wc -l)"
  if ((status == 0)); then
    result="ok"
  else
    failed=1
    artifact="$(grep -o "Test unit written to [^ ]*" "$log" | tail -n 1 | sed 's/Test unit written to //' || true)"
    result="FAILED ($(finding "$log"), exit $status${artifact:+, input $artifact}; log $log)"
  fi
  printf 'fuzz_%-18s %10s runs in %s s, %s, %d seeds, %d new corpus inputs: %s\n' \
    "$name" "${runs:-?}" "$seconds" "${coverage:-no coverage line}" "$seeded" "$found" "$result"
done
exit "$failed"
