#!/usr/bin/env bash
# lab.sandbox: `slurmdeck-cli sandbox up` brings the seed's four emulated hosts up and
# deploys a cluster that passes every verification check; the GUI opens on it (offscreen
# screenshot); `sandbox down` removes cluster and hosts. Runs last among the lab tests
# (it takes the lab down). Usage: sandbox-test.sh SLURMDECK_CLI SLURMDECK_GUI
set -euo pipefail
cli=$1 gui=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep the cluster file and SlurmDeck's known_hosts out of the real user's directories.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
fail() { echo "FAIL: $*" >&2; exit 1; }

# What a lab test killed midway left on the hosts holds the ports the sandbox needs.
"$(dirname "$0")/lab.sh" client --clear -- true
"$cli" sandbox up >"$work/up.out" 2>"$work/up.err" || { cat "$work/up.err" "$work/up.out"; fail "sandbox up exited $?"; }
cat "$work/up.out"
all=$(cat "$work/up.out" "$work/up.err")
grep -q '4 of 4 hosts done, 6 of 6 checks passed' <<<"$all" || { echo "$all"; fail "the deploy did not pass every check"; }
grep -q 'every compute node registered and healthy: idle: nas1, primary, worker1, worker2' <<<"$all" ||
    fail "not every node is idle"
file=$XDG_CONFIG_HOME/SlurmDeck/clusters/sandbox.yaml
[[ -s $file ]] || fail "no cluster file at $file"
[[ $(grep -c '^    address:' "$file") == 4 ]] || fail "the cluster file does not list 4 hosts"
grep -q 'platform: macos' "$file" || fail "no host was detected as a Mac"
grep -q 'platform: qnap' "$file" || fail "no QNAP host"
echo "PASS: sandbox up (4 hosts idle, 6 of 6 checks)"

# The Mac-looking worker1 says 16 CPUs and 32 GiB; its engine has this machine's. Its NodeName
# line says what slurmd in its container reports (CPUs equal, RealMemory not above), with no
# hand edits, and the cluster file keeps both figures.
state=${SLURMDECK_LAB_DIR:-/var/lib/slurmdeck-lab}
grep -q 'cpus: 16' "$file" && grep -q 'engine_cpus:' "$file" || fail "the Mac's CPUs and its engine's are not both in $file"
mac_docker() { docker -H "unix://$state/hosts/worker1/docker.sock" "$@"; }
slurmd=$(mac_docker ps -q --filter label=com.docker.compose.project=slurmdeck-sandbox \
    --filter label=com.docker.compose.service=slurmd)
reported=$(mac_docker exec "$slurmd" slurmd -C | head -n 1)
line=$(grep '^NodeName=worker1 ' "$state/hosts/primary/opt/slurmdeck/sandbox/etc/slurm/slurm.conf")
field() { grep -o "$1=[0-9]*" <<<"$2" | cut -d= -f2; }
[[ -n $(field CPUs "$line") && $(field CPUs "$line") == $(field CPUs "$reported") ]] ||
    fail "worker1's NodeName line ($line) does not say the CPUs its slurmd reports ($reported)"
(($(field RealMemory "$line") <= $(field RealMemory "$reported"))) ||
    fail "worker1's NodeName line ($line) says more memory than its slurmd reports ($reported)"
echo "PASS: the Mac's NodeName line matches what its slurmd reports ($reported)"

QT_QPA_PLATFORM=offscreen "$gui" --cluster "$file" --screenshot "$work/shot.png" >/dev/null
[[ -s $work/shot.png ]] || fail "the GUI wrote no screenshot of the sandbox cluster"
echo "PASS: the GUI opens the sandbox cluster"

# Another cluster named with --cluster is never touched: not its hosts, not its file.
printf 'name: prod\nhosts:\n  - name: primary\n    address: 10.213.7.11\n    roles: [controller, compute]\n' >"$work/prod.yaml"
cp "$work/prod.yaml" "$work/prod.before"
rc=0; "$cli" --cluster "$work/prod.yaml" sandbox down >"$work/refused.out" 2>&1 || rc=$?
[[ $rc == 2 ]] || { cat "$work/refused.out"; fail "sandbox down with --cluster exited $rc, not 2"; }
cmp -s "$work/prod.yaml" "$work/prod.before" || fail "sandbox down with --cluster changed the named cluster file"
[[ -s $file ]] || fail "sandbox down with --cluster removed the sandbox's own cluster file"
! grep -q 'manifest: none' <<<"$("$(dirname "$0")/lab.sh" status || true)" ||
    fail "sandbox down with --cluster took the sandbox's hosts down"
echo "PASS: sandbox down refuses --cluster and touches nothing"

# The README's order, run.sh then test.sh: the tests' lab comes up on the same hosts and
# stops the sandbox's cluster, whose ports the tests' clusters need, saying so.
lab=$(dirname "$0")/lab.sh
"$lab" up --for-tests >"$work/labup.out" 2>&1 || { cat "$work/labup.out"; fail "lab.sh up --for-tests failed with the sandbox up"; }
grep -q 'the sandbox cluster runs on primary: stopping it for the tests' "$work/labup.out" ||
    { cat "$work/labup.out"; fail "lab.sh up --for-tests did not say it stopped the sandbox"; }
for host in primary worker1 nas1 worker2; do
    left=$(docker -H "unix://${SLURMDECK_LAB_DIR:-/var/lib/slurmdeck-lab}/hosts/$host/docker.sock" ps -q \
        --filter label=com.docker.compose.project=slurmdeck-sandbox)
    [[ -z $left ]] || fail "the sandbox's containers still run on $host after lab.sh up --for-tests"
done
echo "PASS: the test lab comes up after the sandbox (run.sh, then test.sh)"

"$cli" sandbox down >"$work/down.out" 2>&1 || { cat "$work/down.out"; fail "sandbox down exited $?"; }
[[ ! -e $file ]] || fail "sandbox down left $file"
status=$("$(dirname "$0")/lab.sh" status || true) # non-zero while hosts are down
grep -q 'manifest: none' <<<"$status" || { echo "$status"; fail "sandbox down left the lab hosts up"; }
echo "PASS: sandbox down"
