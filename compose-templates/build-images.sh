#!/usr/bin/env bash
# Build SlurmDeck's images with this machine's docker, from Debian packages only.
#
#   build-images.sh [--base IMAGE] [--slurm-release R [--slurm-base IMAGE]]
#                   [--tag-suffix SUFFIX] [--only NAME[,NAME]] [--force] [--print-hashes]
#
#   --base IMAGE        base image for every Dockerfile (build arg BASE_IMAGE);
#                       default debian:bookworm. Offline: import one first, e.g.
#                       debootstrap --variant=minbase bookworm + docker import (the lab's
#                       slurmdeck-lab/bookworm-minbase:latest).
#   --slurm-release R   the Slurm image's release: 22.05 (default, Debian bookworm) or
#                       24.11 (Debian trixie: its base defaults to debian:trixie)
#   --slurm-base IMAGE  the Slurm image's base; default --base for 22.05, debian:trixie
#                       for 24.11 (offline: a debootstrap of trixie, imported)
#   --tag-suffix SUFFIX appended to every tag, e.g. "-arm64" -> slurmdeck/slurm:22.05-arm64
#   --only NAMES        build only these of: slurm, monitoring, mariadb
#   --force             rebuild even when an image with the same content hash exists
#   --print-hashes      print "NAME TAG HASH" for each image and build nothing
#
# Images (tag = Debian's upstream version of the main package):
#   slurmdeck/slurm:22.05        images/slurm       slurmctld slurmd slurmdbd slurm-client munge
#   slurmdeck/monitoring:2.42    images/monitoring  prometheus prometheus-node-exporter
#   slurmdeck/mariadb:10.11      images/mariadb     mariadb-server
# Each image carries the label org.slurmdeck.context-hash: sha256 over its build context
# (paths, modes as git records them + contents), the base image ID and the build args. An
# image whose label matches is reused without calling docker build. Prints one timing line
# per image and a total. SlurmDeck computes the same hash when it builds an image on a host
# (slurmdeck-cli deploy --images build; core/deploy/ImageBuild.cpp), so an image built
# either way is recognised by both. Each Dockerfile skips apt-get when its base image has
# the packages already, so e.g. --base slurmdeck/slurm:22.05 builds without a mirror.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DOCKER=${DOCKER:-/usr/bin/docker}
LABEL=org.slurmdeck.context-hash
base=debian:bookworm
slurm_release=22.05
slurm_base=
suffix=
only=slurm,monitoring,mariadb
force=0
print_hashes=0

# name  repository             version  package that must have that version
IMAGES=(
    "slurm      slurmdeck/slurm       22.05  slurmd"
    "monitoring slurmdeck/monitoring  2.42   prometheus"
    "mariadb    slurmdeck/mariadb     10.11  mariadb-server"
)

usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "build-images.sh: error: $*" >&2; exit 1; }
now() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
secs() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

while (($#)); do
    case $1 in
        --base) base=${2:?--base needs an image}; shift 2 ;;
        --slurm-release) slurm_release=${2:?--slurm-release needs 22.05 or 24.11}; shift 2 ;;
        --slurm-base) slurm_base=${2:?--slurm-base needs an image}; shift 2 ;;
        --tag-suffix) suffix=${2?--tag-suffix needs a value}; shift 2 ;;
        --only) only=${2:?--only needs names}; shift 2 ;;
        --force) force=1; shift ;;
        --print-hashes) print_hashes=1; shift ;;
        -h | --help) usage ;;
        *) echo "build-images.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
[[ $suffix =~ ^[A-Za-z0-9_.-]*$ ]] || die "--tag-suffix may only use letters, digits, '_', '.', '-'"
[[ -x $DOCKER ]] || die "$DOCKER not found (apt-get install docker.io)"
"$DOCKER" info >/dev/null 2>&1 || die "docker engine not answering ($DOCKER info failed)"

case $slurm_release in
    22.05) slurm_base=${slurm_base:-$base} ;;
    24.11) slurm_base=${slurm_base:-debian:trixie} ;;
    *) die "--slurm-release must be 22.05 or 24.11, not '$slurm_release'" ;;
esac
IMAGES[0]="slurm      slurmdeck/slurm       $slurm_release  slurmd"

# resolve_base IMAGE: its ID, or "unresolved:IMAGE" when it is not here (docker build pulls).
resolve_base() {
    local id
    id=$("$DOCKER" image inspect --format '{{.Id}}' "$1" 2>/dev/null) || id=
    if [[ -z $id ]]; then
        id="unresolved:$1"
        if ((!print_hashes)); then
            echo "base image $1 is not present locally; docker build will try to pull it" >&2
            echo "(offline? import a debootstrap of the Debian release and pass --base/--slurm-base)" >&2
        fi
    fi
    echo "$id"
}

# context_hash DIR: stable over file paths, modes and contents, base image ID and args.
# Modes as git records them (755 for *.sh, 644 for the rest), whatever the checkout's umask.
context_hash() {
    local dir=$1 base=$2 base_id=$3
    {
        printf 'base=%s\nbase_id=%s\n' "$base" "$base_id"
        (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z |
            while IFS= read -r -d '' f; do
                if [[ $f == *.sh ]]; then echo "755 $f"; else echo "644 $f"; fi
            done && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
    } | sha256sum | cut -c1-64
}

T0=$(now)
built=0 reused=0
for entry in "${IMAGES[@]}"; do
    read -r name repo version package <<<"$entry"
    [[ ,$only, == *,$name,* ]] || continue
    tag=$repo:$version$suffix
    ctx=$HERE/images/$name
    image_base=$base
    [[ $name == slurm ]] && image_base=$slurm_base
    hash=$(context_hash "$ctx" "$image_base" "$(resolve_base "$image_base")")
    if ((print_hashes)); then
        echo "$name $tag $hash"
        continue
    fi
    t=$(now)
    have=$("$DOCKER" image inspect --format "{{index .Config.Labels \"$LABEL\"}}" "$tag" 2>/dev/null || true)
    if ((force == 0)) && [[ $have == "$hash" ]]; then
        size=$("$DOCKER" image inspect --format '{{.Size}}' "$tag")
        printf '%-28s reused   (hash %s, %d MB) %ss\n' "$tag" "${hash:0:12}" $((size / 1000000)) "$(secs $(($(now) - t)))"
        reused=$((reused + 1))
        continue
    fi
    log=$(mktemp /tmp/slurmdeck-build-$name.XXXXXX.log)
    if ! "$DOCKER" build --build-arg BASE_IMAGE="$image_base" --label "$LABEL=$hash" \
        --label org.slurmdeck.base-image="$image_base" -t "$tag" "$ctx" >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "building $tag failed (full log: $log)"
    fi
    rm -f "$log"
    got=$("$DOCKER" run --rm --entrypoint dpkg-query "$tag" -W -f '${Version}' "$package")
    got=${got#*:}
    [[ $got == "$version".* ]] || die "$tag: $package is $got, not $version.x; update the tag table in $0"
    size=$("$DOCKER" image inspect --format '{{.Size}}' "$tag")
    printf '%-28s built    (hash %s, %d MB, %s %s) %ss\n' "$tag" "${hash:0:12}" $((size / 1000000)) "$package" "$got" "$(secs $(($(now) - t)))"
    built=$((built + 1))
done
((print_hashes)) || echo "images: $built built, $reused reused, total $(secs $(($(now) - T0)))s (base $base, Slurm's $slurm_base)"
