// SPDX-License-Identifier: GPL-3.0-or-later
#include "fingerprint/FingerprintProbe.h"

#include "remote/ShellQuote.h"

namespace SlurmDeck::FingerprintProbe {

namespace {

// Kept in one raw string so the script travels as one exec string; tst_fingerprint runs it
// under dash, bash and BusyBox sh. Variables carry an sd_ prefix because POSIX sh has no
// `local`.
constexpr char16_t probeScript[] =
    uR"probe(# SlurmDeck host fingerprint probe, format 1. POSIX sh: dash, bash, BusyBox ash, macOS sh.
# Never fails as a whole: every section is guarded, a missing tool leaves its section
# out or empty. Output: "@@slurmdeck:section NAME" lines, each followed by the raw tool
# output, and "@@slurmdeck:exit N" when the tool exited non-zero.
LC_ALL=C
export LC_ALL
PATH=${PATH:-/usr/bin:/bin}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
export PATH
sd_have() { command -v "$1" >/dev/null 2>&1; }
sd_section() { printf '@@slurmdeck:section %s\n' "$1"; }
# sd_put NAME STATUS TEXT: a captured tool output as a section.
sd_put() {
    sd_section "$1"
    [ -n "$3" ] && printf '%s\n' "$3"
    [ "$2" -eq 0 ] || printf '@@slurmdeck:exit %s\n' "$2"
}
# sd_run NAME CMD...: stdout only. sd_run_err NAME CMD...: stderr kept (the user sees why).
sd_run() {
    sd_n=$1
    shift
    sd_o=$("$@" </dev/null 2>/dev/null)
    sd_put "$sd_n" $? "$sd_o"
}
sd_run_err() {
    sd_n=$1
    shift
    sd_o=$("$@" </dev/null 2>&1)
    sd_put "$sd_n" $? "$sd_o"
}
sd_clock() {
    date -u +%s
    date -u +%s.%N
}
# sd_ini FILE SECTION [KEY]: a section of a QNAP-style ini file, or one key's value.
sd_ini() {
    awk -v want="[$2]" -v key="$3" '
        /^\[/ { inside = ($0 == want); next }
        inside && key == "" { print; next }
        inside { k = $0; sub(/[ \t]*=.*/, "", k); if (k == key) { v = $0; sub(/^[^=]*=[ \t]*/, "", v); print v; exit } }
    ' "$1" 2>/dev/null
}

printf '@@slurmdeck:fingerprint 1\n'
sd_run clock-start sd_clock
sd_run uname-s uname -s
sd_run uname-m uname -m
sd_run uname-r uname -r
if sd_have hostname; then sd_run hostname hostname; else sd_run hostname uname -n; fi
# Who the SSH login is: uid, name, home (where an ordinary user's files go), gid.
sd_login() {
    printf '%s\n%s\n%s\n%s\n' "$(id -u 2>/dev/null)" "$(id -un 2>/dev/null)" "${HOME:-}" "$(id -g 2>/dev/null)"
}
sd_run login sd_login
sd_os=
for sd_f in /etc/os-release /usr/lib/os-release; do
    if [ -z "$sd_os" ] && [ -r "$sd_f" ]; then
        sd_os=$sd_f
        sd_run os-release cat "$sd_f"
    fi
done

if sd_have sw_vers; then sd_run sw-vers sw_vers; fi
if [ "$(uname -s 2>/dev/null)" = Darwin ] && sd_have sysctl; then
    sd_section sysctl-hw
    for sd_k in hw.memsize hw.ncpu hw.physicalcpu hw.packages machdep.cpu.brand_string; do
        sysctl "$sd_k" </dev/null 2>/dev/null
    done
fi

# QNAP QTS: the firmware's identity lives in uLinux.conf's [System] section.
if sd_have getcfg && [ -r /etc/config/uLinux.conf ]; then
    sd_section qnap-system
    for sd_k in Model 'Internal Model' Version 'Build Number'; do
        sd_v=$(getcfg System "$sd_k" -f /etc/config/uLinux.conf </dev/null 2>/dev/null)
        [ -n "$sd_v" ] && printf '%s = %s\n' "$sd_k" "$sd_v"
    done
elif [ -r /etc/config/uLinux.conf ]; then
    sd_run qnap-system sd_ini /etc/config/uLinux.conf System
fi

if [ -r /proc/cpuinfo ]; then sd_run cpuinfo cat /proc/cpuinfo; fi
if sd_have nproc; then sd_run nproc nproc; else sd_run nproc getconf _NPROCESSORS_ONLN; fi
if [ -r /proc/meminfo ]; then sd_run meminfo cat /proc/meminfo; fi

sd_smi=$(command -v nvidia-smi 2>/dev/null)
[ -z "$sd_smi" ] && [ -x /usr/bin/nvidia-smi ] && sd_smi=/usr/bin/nvidia-smi
if [ -n "$sd_smi" ]; then
    sd_run_err nvidia-smi "$sd_smi" --query-gpu=index,name,memory.total,driver_version,uuid --format=csv,noheader,nounits
fi

# A hung engine must not hang the probe: bound docker calls where timeout(1) takes
# "timeout SECONDS CMD" (old BusyBox wants -t, so it is left unbounded there).
sd_t=
if sd_have timeout && timeout 5 true >/dev/null 2>&1; then sd_t='timeout 20'; fi

# Docker is often off the PATH of a non-interactive SSH session (QNAP Container Station,
# Docker Desktop), so well-known places are searched too.
sd_cs=
if [ -r /etc/config/qpkg.conf ]; then
    sd_cs=$(sd_ini /etc/config/qpkg.conf container-station Install_Path)
    [ -n "$sd_cs" ] && sd_put qnap-container-station 0 "$sd_cs"
fi
sd_docker=$(command -v docker 2>/dev/null)
case $sd_docker in /*) ;; *) sd_docker= ;; esac
if [ -z "$sd_docker" ]; then
    for sd_c in /usr/local/bin/docker /usr/bin/docker /opt/homebrew/bin/docker \
        /Applications/Docker.app/Contents/Resources/bin/docker "${HOME:-/nonexistent}/.docker/bin/docker" \
        "${HOME:-/nonexistent}/.orbstack/bin/docker" ${sd_cs:+"$sd_cs/bin/docker"} \
        /share/CACHEDEV*_DATA/.qpkg/container-station/bin/docker; do
        if [ -z "$sd_docker" ] && [ -x "$sd_c" ]; then sd_docker=$sd_c; fi
    done
fi
sd_dc=$(command -v docker-compose 2>/dev/null)
case $sd_dc in /*) ;; *) sd_dc= ;; esac
if [ -z "$sd_dc" ] && [ -n "$sd_docker" ] && [ -x "${sd_docker%/*}/docker-compose" ]; then
    sd_dc=${sd_docker%/*}/docker-compose
fi
# The Python docker-compose (v1) takes about a second to say its version: it runs in the
# background, into a temporary file, while the Docker CLI answers.
sd_dcf=
if [ -n "$sd_dc" ]; then
    sd_put compose-v1-path 0 "$sd_dc"
    sd_dcf=$(mktemp "${TMPDIR:-/tmp}/slurmdeck-probe.XXXXXX" 2>/dev/null) || sd_dcf=
    if [ -n "$sd_dcf" ]; then
        ( $sd_t "$sd_dc" version --short </dev/null 2>&1; printf '\n@@status %s\n' $? ) >"$sd_dcf" &
        sd_dcp=$!
    else
        sd_run_err compose-v1 $sd_t "$sd_dc" version --short
    fi
fi
if [ -n "$sd_docker" ]; then
    sd_put docker-path 0 "$sd_docker"
    sd_run_err docker-version $sd_t "$sd_docker" version --format '{{.Server.Version}}|{{.Server.Os}}|{{.Server.Arch}}|{{.Client.Version}}'
    # One `docker info` for two sections: the resources on its first line, the runtimes after.
    sd_o=$($sd_t "$sd_docker" info --format '{{.NCPU}} {{.MemTotal}}{{println}}{{json .Runtimes}}' </dev/null 2>&1)
    sd_s=$?
    if [ "$sd_s" -eq 0 ]; then
        sd_put docker-resources 0 "${sd_o%%
*}"
        sd_put docker-runtimes 0 "${sd_o#*
}"
    else
        sd_put docker-resources "$sd_s" "$sd_o"
        sd_put docker-runtimes "$sd_s" "$sd_o"
    fi
    sd_run_err compose-v2 $sd_t "$sd_docker" compose version --short
fi
if [ -n "$sd_dcf" ]; then
    wait "$sd_dcp"
    sd_o=$(cat "$sd_dcf")
    rm -f "$sd_dcf"
    sd_s=${sd_o##*@@status }
    sd_o=${sd_o%@@status *}
    while [ "${sd_o%
}" != "$sd_o" ]; do sd_o=${sd_o%
}; done
    sd_put compose-v1 "${sd_s:-1}" "$sd_o"
fi

if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
    sd_run ports-netstat netstat -an -p tcp
elif sd_have ss && ss -Htln >/dev/null 2>&1; then
    sd_run ports-ss ss -Htln
elif sd_have ss; then
    sd_run ports-ss ss -tln
elif sd_have netstat; then
    sd_run ports-netstat netstat -tln
fi

sd_run clock-end sd_clock
printf '@@slurmdeck:end\n'
)probe";

} // namespace

QString script()
{
    return QString::fromUtf16(probeScript);
}

QString command()
{
    // The first line is understood alike by sh, bash, zsh, fish, csh and tcsh, so even a
    // login shell that would garble the script says what it is.
    return QStringLiteral("echo \"@@slurmdeck:login-shell $SHELL\"\nsh -c ") + Shell::quote(script());
}

ExecOptions execOptions()
{
    ExecOptions options;
    options.timeout = std::chrono::seconds(90); // docker info on a busy QNAP can take a while
    options.maxOutputBytes = maxOutputBytes;
    return options;
}

} // namespace SlurmDeck::FingerprintProbe
