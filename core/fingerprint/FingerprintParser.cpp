// SPDX-License-Identifier: GPL-3.0-or-later
#include "fingerprint/FingerprintParser.h"

#include "fingerprint/FingerprintProbe.h"
#include "fingerprint/ProbeOutput.h"
#include "fingerprint/SectionParsers.h"

#include <algorithm>

namespace SlurmDeck {

namespace {

using namespace FingerprintSections;

class Assembler final
{
public:
    explicit Assembler(const ProbeOutput &output) : m_output(output) {}

    HostFingerprint run()
    {
        if (!m_output.complete)
            warn(QStringLiteral("The probe output is cut short: facts after the last section are unknown."));
        if (m_output.formatVersion != FingerprintProbe::formatVersion)
            warn(QStringLiteral("The probe output has format %1, this SlurmDeck reads format %2.")
                     .arg(m_output.formatVersion)
                     .arg(FingerprintProbe::formatVersion));
        m_fp.loginShell = m_output.loginShell;
        identity();
        operatingSystem();
        cpuAndMemory();
        gpus();
        docker();
        compose();
        m_fp.listeningPorts = parseListeningPorts(text(u"ports-ss") + '\n' + text(u"ports-netstat"));
        clock();
        return std::move(m_fp);
    }

private:
    QByteArray text(QStringView name) const
    {
        const ProbeSection *section = m_output.section(name);
        return section ? section->text : QByteArray();
    }
    QString firstLine(QStringView name) const
    {
        return QString::fromUtf8(text(name)).section(u'\n', 0, 0).trimmed();
    }
    std::optional<int> exitStatus(QStringView name) const
    {
        const ProbeSection *section = m_output.section(name);
        return section ? section->exitStatus : std::nullopt;
    }
    void warn(const QString &message) { m_fp.warnings.append(message); }

    void identity()
    {
        m_fp.hostname = firstLine(u"hostname");
        m_fp.kernel = firstLine(u"uname-r");
        m_fp.architecture = normaliseArchitecture(firstLine(u"uname-m"));
        login();
        const QString system = firstLine(u"uname-s");
        if (system == u"Darwin")
            m_fp.platform = Platform::MacOS;
        else if (system == u"Linux")
            m_fp.platform = m_output.section(u"qnap-system") ? Platform::Qnap : Platform::Linux;
        else if (system.isEmpty())
            warn(QStringLiteral("The probe did not report the operating system (uname -s)."));
        else
            warn(QStringLiteral("Unsupported operating system \"%1\".").arg(system));
        if (m_fp.architecture.isEmpty())
            warn(QStringLiteral("The probe did not report the CPU architecture (uname -m)."));
    }

    void operatingSystem()
    {
        if (m_fp.platform == Platform::MacOS) {
            const auto swVers = parseKeyValues(text(u"sw-vers"), u':');
            m_fp.osName = swVers.value(QStringLiteral("ProductName"));
            m_fp.osVersion = swVers.value(QStringLiteral("ProductVersion"));
        } else if (m_fp.platform == Platform::Qnap) {
            const auto system = parseKeyValues(text(u"qnap-system"), u'=');
            m_fp.osName = QStringLiteral("QTS");
            m_fp.osVersion = system.value(QStringLiteral("Version"));
            m_fp.qnapModel = system.value(QStringLiteral("Model"));
            m_fp.qnapBuild = system.value(QStringLiteral("Build Number"));
            if (m_fp.qnapModel.isEmpty())
                warn(QStringLiteral("QNAP host without a model in /etc/config/uLinux.conf."));
        } else {
            const auto osRelease = parseOsRelease(text(u"os-release"));
            m_fp.osName = osRelease.value(QStringLiteral("NAME"));
            m_fp.osVersion = osRelease.value(QStringLiteral("VERSION_ID"));
            m_fp.osPrettyName = osRelease.value(QStringLiteral("PRETTY_NAME"));
        }
        if (m_fp.osPrettyName.isEmpty()) {
            m_fp.osPrettyName = QStringList{m_fp.osName, m_fp.osVersion}.join(u' ').trimmed();
            if (!m_fp.qnapModel.isEmpty())
                m_fp.osPrettyName += QStringLiteral(" (%1)").arg(m_fp.qnapModel);
        }
    }

    void cpuAndMemory()
    {
        if (m_fp.platform == Platform::MacOS) {
            const auto sysctl = parseKeyValues(text(u"sysctl-hw"), u':');
            const auto number = [&sysctl](const char *key) -> std::optional<qint64> {
                bool ok = false;
                const qint64 value = sysctl.value(QLatin1String(key)).toLongLong(&ok);
                return ok && value > 0 ? std::optional<qint64>(value) : std::nullopt;
            };
            m_fp.memoryBytes = number("hw.memsize");
            m_fp.cpuModel = sysctl.value(QStringLiteral("machdep.cpu.brand_string"));
            const auto logical = number("hw.ncpu");
            const auto physical = number("hw.physicalcpu");
            const qint64 packages = number("hw.packages").value_or(1);
            if (logical && *logical <= maxCpus)
                m_fp.logicalCpus = int(*logical);
            if (logical && physical && *physical <= *logical && *logical <= maxCpus &&
                packages <= *physical) {
                m_fp.sockets = int(packages);
                m_fp.coresPerSocket = int(*physical / packages);
                m_fp.threadsPerCore = int(*logical / *physical);
            }
        } else {
            const CpuTopology topology = parseCpuInfo(text(u"cpuinfo"));
            m_fp.sockets = topology.sockets;
            m_fp.coresPerSocket = topology.coresPerSocket;
            m_fp.threadsPerCore = topology.threadsPerCore;
            m_fp.logicalCpus = topology.logicalCpus;
            m_fp.cpuModel = topology.model;
            m_fp.memoryBytes = parseMemTotal(text(u"meminfo"));
        }
        // nproc counts the CPUs this login may use (affinity, cgroups): that is what a job gets.
        bool ok = false;
        const int online = firstLine(u"nproc").toInt(&ok);
        if (ok && online > 0)
            m_fp.logicalCpus = std::min(online, maxCpus);
        if (!m_fp.logicalCpus)
            warn(QStringLiteral("The probe did not report the number of CPUs."));
        if (!m_fp.memoryBytes)
            warn(QStringLiteral("The probe did not report the memory size."));
    }

    void gpus()
    {
        if (!m_output.section(u"nvidia-smi"))
            return;
        m_fp.gpus = parseNvidiaSmi(text(u"nvidia-smi"), &m_fp.warnings);
        if (const auto status = exitStatus(u"nvidia-smi"))
            warn(QStringLiteral("nvidia-smi failed (exit status %1).").arg(*status));
    }

    void docker()
    {
        m_fp.dockerPath = firstLine(u"docker-path");
        if (m_fp.dockerPath.isEmpty()) {
            if (m_output.complete)
                warn(QStringLiteral("No docker command found (looked on the PATH and in the usual "
                                    "Docker Desktop and Container Station places)."));
            return;
        }
        const DockerVersion version = parseDockerVersion(text(u"docker-version"));
        m_fp.dockerClientVersion = version.clientVersion;
        m_fp.dockerServerVersion = version.serverVersion;
        m_fp.dockerServerOs = version.serverOs;
        m_fp.dockerServerArch = version.serverArch;
        if (m_fp.dockerServerVersion.isEmpty()) {
            m_fp.dockerServerError = version.error;
            if (m_fp.dockerServerError.isEmpty()) {
                const auto status = exitStatus(u"docker-version");
                m_fp.dockerServerError =
                    status ? QStringLiteral("docker version failed (exit status %1)").arg(*status)
                           : QStringLiteral("docker version did not report a server");
            }
            warn(QStringLiteral("The Docker engine did not answer: %1").arg(m_fp.dockerServerError));
        }
        if (!exitStatus(u"docker-runtimes"))
            m_fp.nvidiaRuntime = parseNvidiaRuntime(text(u"docker-runtimes"));
        engineResources();
    }

    // `docker info`'s NCPU and MemTotal ("4 8232398848"); a failed `docker info` prints
    // "0 0", which says nothing.
    void engineResources()
    {
        if (!m_output.section(u"docker-resources") || exitStatus(u"docker-resources"))
            return;
        const QStringList fields = firstLine(u"docker-resources").split(u' ', Qt::SkipEmptyParts);
        bool cpusOk = false;
        bool memoryOk = false;
        const qlonglong cpus = fields.value(0).toLongLong(&cpusOk);
        const qlonglong memory = fields.value(1).toLongLong(&memoryOk);
        if (fields.size() != 2 || !cpusOk || !memoryOk || cpus <= 0 || cpus > (1 << 20) || memory <= 0 ||
            memory > (qlonglong(1) << 50)) {
            warn(QStringLiteral("docker info reported no usable CPU and memory figures ('%1').")
                     .arg(firstLine(u"docker-resources").left(80)));
            return;
        }
        m_fp.engineCpus = static_cast<int>(cpus);
        m_fp.engineMemoryBytes = memory;
        const bool fewerCpus = m_fp.logicalCpus && cpus < *m_fp.logicalCpus;
        // Less than three quarters of the memory: more than what a kernel keeps for itself.
        const bool lessMemory = m_fp.memoryBytes && memory < *m_fp.memoryBytes / 4 * 3;
        if (!fewerCpus && !lessMemory)
            return;
        const QString fix = m_fp.platform == Platform::MacOS
                                ? QStringLiteral("Give it more in Docker Desktop (Settings > Resources), or "
                                                 "with Colima: colima start --cpu N --memory G.")
                                : QStringLiteral("Check the engine's CPU and memory limits.");
        warn(QStringLiteral("The container engine has %1 CPUs and %2 GiB of this machine's %3 CPUs and "
                            "%4 GiB; Slurm's node gets what the engine has. %5")
                 .arg(cpus)
                 .arg(static_cast<double>(memory) / (1024.0 * 1024 * 1024), 0, 'f', 1)
                 .arg(m_fp.logicalCpus.value_or(0))
                 .arg(static_cast<double>(m_fp.memoryBytes.value_or(0)) / (1024.0 * 1024 * 1024), 0, 'f', 1)
                 .arg(fix));
    }

    // "uid\nname\nhome\ngid"; a field that does not look right stays unknown.
    void login()
    {
        if (!m_output.section(u"login"))
            return;
        const QStringList lines = QString::fromUtf8(text(u"login")).split(u'\n');
        bool uidOk = false;
        const int uid = lines.value(0).trimmed().toInt(&uidOk);
        if (uidOk && uid >= 0)
            m_fp.loginUid = uid;
        bool gidOk = false;
        const int gid = lines.value(3).trimmed().toInt(&gidOk);
        if (gidOk && gid >= 0)
            m_fp.loginGid = gid;
        const QString user = lines.value(1).trimmed();
        if (!user.isEmpty() && user.size() <= 64 && !user.contains(u'/'))
            m_fp.loginUser = user;
        const QString home = lines.value(2);
        const bool printable =
            std::none_of(home.cbegin(), home.cend(), [](QChar c) { return c.unicode() < 0x20; });
        if (home.startsWith(u'/') && home.size() > 1 && home.size() <= 1024 && printable)
            m_fp.homeDirectory = home;
    }

    void compose()
    {
        const QString v2 = exitStatus(u"compose-v2") ? QString() : parseComposeVersion(text(u"compose-v2"));
        const QString v1Path = firstLine(u"compose-v1-path");
        const QString v1 = exitStatus(u"compose-v1") ? QString() : parseComposeVersion(text(u"compose-v1"));
        if (!v2.isEmpty()) {
            m_fp.composeFlavour = ComposeFlavour::PluginV2;
            m_fp.composePath = m_fp.dockerPath;
            m_fp.composeVersion = v2;
        } else if (!v1Path.isEmpty() && !v1.isEmpty()) {
            m_fp.composeFlavour = ComposeFlavour::StandaloneV1;
            m_fp.composePath = v1Path;
            m_fp.composeVersion = v1;
        } else if (!m_fp.dockerPath.isEmpty()) {
            warn(QStringLiteral("Neither `docker compose` nor `docker-compose` works on this host."));
        }
    }

    void clock()
    {
        const auto start = parseEpoch(text(u"clock-start"));
        const auto end = parseEpoch(text(u"clock-end"));
        if (start && end && *end >= *start)
            m_fp.remoteEpoch = (*start + *end) / 2.0;
        else if (start || end)
            m_fp.remoteEpoch = start ? start : end;
        else
            warn(QStringLiteral("The probe did not report the host's clock."));
    }

    const ProbeOutput &m_output;
    HostFingerprint m_fp;
};

// Shells whose command-line syntax is not POSIX sh: quoting, `;`/`||` or multi-line strings
// mean something else there, so commands would run garbled rather than fail.
bool isNonPosixShell(const QString &name)
{
    static const QStringList shells{QStringLiteral("fish"), QStringLiteral("csh"),   QStringLiteral("tcsh"),
                                    QStringLiteral("nu"),   QStringLiteral("xonsh"), QStringLiteral("elvish"),
                                    QStringLiteral("pwsh"), QStringLiteral("rc"),    QStringLiteral("es")};
    return shells.contains(name);
}

} // namespace

Result<HostFingerprint> parseFingerprint(const QByteArray &probeOutput)
{
    const ProbeOutput output = splitProbeOutput(probeOutput);
    const QString shell = output.loginShell.section(u'/', -1);
    if (isNonPosixShell(shell)) {
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("The login shell of this account is %1, which does not run the POSIX sh "
                           "command lines SlurmDeck sends over SSH. Give the account a POSIX login "
                           "shell (e.g. 'chsh -s /bin/bash' there; on macOS also System Settings > "
                           "Users & Groups), or log in as another user.")
                .arg(output.loginShell));
    }
    if (output.formatVersion == 0 && output.sections.isEmpty()) {
        return makeError(Error::Code::Parse,
                         QStringLiteral("The host's answer is not SlurmDeck fingerprint output; check that "
                                        "its login shell runs `sh -c` commands."),
                         QString::fromUtf8(probeOutput.left(200)).trimmed());
    }
    return Assembler(output).run();
}

} // namespace SlurmDeck
