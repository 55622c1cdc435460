#!/usr/bin/env bash
# The lab's Slurm 24.11 image (tst_releaselab): slurmdeck/slurm:24.11 built on this machine from
# Debian 13 trixie's packages, on a debootstrap of trixie imported by lab.sh (cached in the lab's
# state directory). Reused without a build when its build context did not change.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
"$ROOT/tests/lab/lab.sh" base-image trixie
exec "$ROOT/compose-templates/build-images.sh" --only slurm --slurm-release 24.11 \
    --slurm-base slurmdeck-lab/trixie-minbase:latest
