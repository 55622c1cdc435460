// SPDX-License-Identifier: GPL-3.0-or-later
// Host fingerprinting: the probe script run for real under dash, bash and BusyBox sh on this
// machine, the parsers checked against captured and assembled probe outputs
// (tests/data/fingerprint, see its README.md), and a fixed-seed fuzz loop.
#include "ResultTesting.h"
#include "discovery/DiscoveryToCluster.h"
#include "fingerprint/FingerprintParser.h"
#include "fingerprint/FingerprintProbe.h"
#include "fingerprint/SectionParsers.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>
#include <QThread>

using namespace SlurmDeck;
using namespace SlurmDeck::FingerprintSections;

namespace {

const QString dataDir = QStringLiteral(SLURMDECK_TEST_DATA_DIR "/fingerprint");

const QStringList fixtureNames{
    QStringLiteral("debian12-x86_64-dash.txt"),
    QStringLiteral("debian12-x86_64-busybox-engine-down.txt"),
    QStringLiteral("ubuntu2204-x86_64-nvidia.txt"),
    QStringLiteral("macos14-arm64-docker-desktop.txt"),
    QStringLiteral("qnap-x86_64-container-station.txt"),
    QStringLiteral("qnap-armv7-no-docker-access.txt"),
    QStringLiteral("garbage.txt"),
};

QByteArray fixture(const QString &name)
{
    QFile file(dataDir + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QList<quint16> sorted(const std::set<quint16> &ports)
{
    return QList<quint16>(ports.begin(), ports.end());
}

// -1: unset, 0: PluginV2, 1: StandaloneV1
int flavourCode(const std::optional<ComposeFlavour> &flavour)
{
    if (!flavour)
        return -1;
    return *flavour == ComposeFlavour::PluginV2 ? 0 : 1;
}

int boolCode(const std::optional<bool> &value)
{
    return value ? int(*value) : -1;
}

} // namespace

class TestFingerprint final : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Platform>("platform");
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("qnapModel");
        QTest::addColumn<QString>("architecture");
        QTest::addColumn<QString>("kernel");
        QTest::addColumn<QList<int>>("topology"); // sockets, cores/socket, threads/core, logical
        QTest::addColumn<qint64>("memoryMiB");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<QString>("dockerPath");
        QTest::addColumn<QString>("serverVersion");
        QTest::addColumn<QString>("serverError"); // a part of it
        QTest::addColumn<int>("nvidiaRuntime");
        QTest::addColumn<int>("composeFlavour");
        QTest::addColumn<QString>("composePath");
        QTest::addColumn<QString>("composeVersion");
        QTest::addColumn<QList<quint16>>("ports");
        QTest::addColumn<QList<quint16>>("conflicts");
        QTest::addColumn<double>("epoch");

        QTest::newRow("debian12 dash (real)")
            << fixtureNames[0] << Platform::Linux << QStringLiteral("Debian GNU/Linux 12 (bookworm)")
            << QString() << QStringLiteral("x86_64") << QStringLiteral("6.18.44-fc-v657")
            << QList<int>{1, 2, 1, 2} << qint64(24105) << 0 << QStringLiteral("/usr/local/bin/docker")
            << QStringLiteral("20.10.24+dfsg1") << QString() << 0 << 1
            << QStringLiteral("/usr/bin/docker-compose") << QStringLiteral("1.29.2") << QList<quint16>{2024}
            << QList<quint16>{} << (1795633906.839999344 + 1795633907.307327009) / 2;
        QTest::newRow("debian12 busybox, engine down (real)")
            << fixtureNames[1] << Platform::Linux << QStringLiteral("Debian GNU/Linux 12 (bookworm)")
            << QString() << QStringLiteral("x86_64") << QStringLiteral("6.18.44-fc-v657")
            << QList<int>{1, 2, 1, 2} << qint64(24105) << 0 << QStringLiteral("/usr/local/bin/docker")
            << QString()
            << QStringLiteral("Cannot connect to the Docker daemon at unix:///var/run/docker.sock") << -1 << 1
            << QStringLiteral("/usr/bin/docker-compose") << QStringLiteral("1.29.2") << QList<quint16>{2024}
            << QList<quint16>{} << 1795633913.0;
        QTest::newRow("ubuntu nvidia compose v2")
            << fixtureNames[2] << Platform::Linux << QStringLiteral("Ubuntu 22.04.4 LTS") << QString()
            << QStringLiteral("x86_64") << QStringLiteral("5.15.0-97-generic") << QList<int>{1, 2, 1, 2}
            << qint64(24105) << 2 << QStringLiteral("/usr/bin/docker") << QStringLiteral("24.0.7")
            << QString() << 1 << 0 << QStringLiteral("/usr/bin/docker") << QStringLiteral("2.21.0")
            << QList<quint16>{22, 53, 6818, 9100} << QList<quint16>{6818, 9100}
            << (1709215101.482113902 + 1709215102.013577310) / 2;
        QTest::newRow("macos arm64 docker desktop")
            << fixtureNames[3] << Platform::MacOS << QStringLiteral("macOS 14.2.1") << QString()
            << QStringLiteral("aarch64") << QStringLiteral("23.2.0") << QList<int>{1, 8, 1, 8}
            << qint64(16384) << 0 << QStringLiteral("/usr/local/bin/docker") << QStringLiteral("24.0.7")
            << QString() << 0 << 0 << QStringLiteral("/usr/local/bin/docker")
            << QStringLiteral("2.23.3-desktop.2") << QList<quint16>{22, 631, 9090} << QList<quint16>{9090}
            << 1705329722.5;
        QTest::newRow("qnap x86 container station v1")
            << fixtureNames[4] << Platform::Qnap << QStringLiteral("QTS 5.1.0 (TS-453D)")
            << QStringLiteral("TS-453D") << QStringLiteral("x86_64") << QStringLiteral("5.10.60-qnap")
            << QList<int>{1, 2, 1, 2} << qint64(24105) << 0
            << QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/bin/docker")
            << QStringLiteral("20.10.22-qnap1") << QString() << 0 << 1
            << QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/bin/docker-compose")
            << QStringLiteral("1.29.2") << QList<quint16>{22, 443, 6817, 8080} << QList<quint16>{6817}
            << 1700000000.5;
        QTest::newRow("qnap armv7 permission denied")
            << fixtureNames[5] << Platform::Qnap << QStringLiteral("QTS 4.3.6 (TS-231P)")
            << QStringLiteral("TS-231P") << QStringLiteral("armv7") << QStringLiteral("4.2.8")
            << QList<int>{1, 2, 1, 2} << qint64(989) << 0
            << QStringLiteral("/share/CACHEDEV1_DATA/.qpkg/container-station/bin/docker") << QString()
            << QStringLiteral("connect: permission denied") << -1 << -1 << QString() << QString()
            << QList<quint16>{22} << QList<quint16>{} << 1700000101.0;
    }

    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(Platform, platform);
        QFETCH(QString, os);
        QFETCH(QString, qnapModel);
        QFETCH(QString, architecture);
        QFETCH(QString, kernel);
        QFETCH(QList<int>, topology);
        QFETCH(qint64, memoryMiB);
        QFETCH(int, gpus);
        QFETCH(QString, dockerPath);
        QFETCH(QString, serverVersion);
        QFETCH(QString, serverError);
        QFETCH(int, nvidiaRuntime);
        QFETCH(int, composeFlavour);
        QFETCH(QString, composePath);
        QFETCH(QString, composeVersion);
        QFETCH(QList<quint16>, ports);
        QFETCH(QList<quint16>, conflicts);
        QFETCH(double, epoch);

        const Result<HostFingerprint> parsed = parseFingerprint(fixture(file));
        QVERIFY2(parsed.has_value(), qPrintable(parsed.has_value() ? QString() : parsed.error().toString()));
        const HostFingerprint &fp = *parsed;
        QCOMPARE(fp.platform, platform);
        QCOMPARE(fp.osPrettyName, os);
        QCOMPARE(fp.qnapModel, qnapModel);
        QCOMPARE(fp.architecture, architecture);
        QCOMPARE(fp.kernel, kernel);
        QCOMPARE((QList<int>{fp.sockets.value_or(-1), fp.coresPerSocket.value_or(-1),
                             fp.threadsPerCore.value_or(-1), fp.logicalCpus.value_or(-1)}),
                 topology);
        QCOMPARE(fp.memoryMiB().value_or(-1), memoryMiB);
        QCOMPARE(fp.gpus.size(), gpus);
        QCOMPARE(fp.dockerPath, dockerPath);
        QCOMPARE(fp.dockerServerVersion, serverVersion);
        if (serverError.isEmpty())
            QVERIFY2(fp.dockerServerError.isEmpty(), qPrintable(fp.dockerServerError));
        else
            QVERIFY2(fp.dockerServerError.contains(serverError), qPrintable(fp.dockerServerError));
        QCOMPARE(boolCode(fp.nvidiaRuntime), nvidiaRuntime);
        QCOMPARE(flavourCode(fp.composeFlavour), composeFlavour);
        QCOMPARE(fp.composePath, composePath);
        QCOMPARE(fp.composeVersion, composeVersion);
        QCOMPARE(sorted(fp.listeningPorts), ports);
        QCOMPARE(portsInConflict(fp), conflicts);
        QVERIFY(fp.remoteEpoch.has_value());
        QVERIFY2(qAbs(*fp.remoteEpoch - epoch) < 1e-3, qPrintable(QString::number(*fp.remoteEpoch, 'f', 6)));
        // A fixture's warnings are exactly the ones its host deserves.
        const bool engineDown = !serverError.isEmpty();
        const bool noCompose = composeFlavour < 0;
        const bool smallEngine = fp.engineCpus && fp.logicalCpus && *fp.engineCpus < *fp.logicalCpus;
        QCOMPARE(fp.warnings.size(), int(engineDown) + int(noCompose) + int(smallEngine));
    }

    void gpuDetails()
    {
        const HostFingerprint fp = *parseFingerprint(fixture(QStringLiteral("ubuntu2204-x86_64-nvidia.txt")));
        QCOMPARE(fp.gpus.at(1),
                 (GpuInfo{1, QStringLiteral("Quadro RTX 4000"), 8192, QStringLiteral("535.129.03"),
                          QStringLiteral("GPU-d6de6afc-bdfe-75c4-5273-0544439153fc")}));
        QCOMPARE(fp.osName, QStringLiteral("Ubuntu"));
        QCOMPARE(fp.osVersion, QStringLiteral("22.04"));
        QCOMPARE(fp.memoryBytes.value_or(-1), qint64(24684092) * 1024);
    }

    void macOsDetails()
    {
        const HostFingerprint fp =
            *parseFingerprint(fixture(QStringLiteral("macos14-arm64-docker-desktop.txt")));
        QCOMPARE(fp.osName, QStringLiteral("macOS"));
        QCOMPARE(fp.osVersion, QStringLiteral("14.2.1"));
        QCOMPARE(fp.memoryBytes.value_or(-1), Q_INT64_C(17179869184));
        QCOMPARE(fp.cpuModel, QStringLiteral("Apple M1"));
        QCOMPARE(fp.dockerServerArch, QStringLiteral("arm64"));
        // Docker Desktop's VM: half the Mac's CPUs, under half its memory. Slurm gets the VM's,
        // and the user is told where to give it more.
        QCOMPARE(fp.engineCpus.value_or(-1), 4);
        QCOMPARE(fp.engineMemoryMiB().value_or(-1), qint64(7851));
        const QString warnings = fp.warnings.join(u'\n');
        QVERIFY2(warnings.contains(
                     QStringLiteral("The container engine has 4 CPUs and 7.7 GiB of this machine's 8 "
                                    "CPUs and 16.0 GiB")) &&
                     warnings.contains(QStringLiteral("Settings > Resources")) &&
                     warnings.contains(QStringLiteral("colima start --cpu N --memory G")),
                 qPrintable(warnings));
        const DetectedFacts facts = detectedFacts(fp);
        QCOMPARE(facts.cpus.value_or(-1), 8);
        QCOMPARE(facts.engineCpus.value_or(-1), 4);
        QCOMPARE(facts.engineMemoryMib.value_or(-1), qint64(7851));
    }

    // `docker info` against an engine that is down prints "0 0" and fails: no figures, no warning
    // about them; figures that make no sense are a warning, never a node size.
    void engineResourcesNeedAnAnswer_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("warned");
        QTest::newRow("engine down") << QByteArray("0 0\n@@slurmdeck:exit 1\n") << false << false;
        QTest::newRow("zero CPUs") << QByteArray("0 8232398848\n") << false << true;
        QTest::newRow("not numbers") << QByteArray("<no value> <no value>\n") << false << true;
        QTest::newRow("as large as the host") << QByteArray("8 17179869184\n") << true << false;
    }

    void engineResourcesNeedAnAnswer()
    {
        QFETCH(QByteArray, section);
        QFETCH(bool, known);
        QFETCH(bool, warned);
        QByteArray probe = fixture(QStringLiteral("macos14-arm64-docker-desktop.txt"));
        const qsizetype at = probe.indexOf("@@slurmdeck:section docker-resources\n");
        QVERIFY(at >= 0);
        const qsizetype start = at + qsizetype(sizeof("@@slurmdeck:section docker-resources\n") - 1);
        const qsizetype end = probe.indexOf("@@slurmdeck:section", start);
        probe.replace(start, end - start, section);
        const Result<HostFingerprint> fp = parseFingerprint(probe);
        SLURMDECK_VERIFY_OK(fp);
        QCOMPARE(fp->engineCpus.has_value(), known);
        const bool saysSo =
            fp->warnings.join(u'\n').contains(QStringLiteral("docker info reported no usable")) ||
            fp->warnings.join(u'\n').contains(QStringLiteral("The container engine has"));
        QCOMPARE(saysSo, warned);
    }

    void garbageIsAnError()
    {
        const Result<HostFingerprint> parsed = parseFingerprint(fixture(QStringLiteral("garbage.txt")));
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, Error::Code::Parse);
        QVERIFY(parsed.error().detail.contains(QStringLiteral("fish")));
        QVERIFY(!parseFingerprint(QByteArray()).has_value());
    }

    void truncatedOutputKeepsWhatArrived()
    {
        const QByteArray full = fixture(QStringLiteral("debian12-x86_64-dash.txt"));
        const Result<HostFingerprint> parsed =
            parseFingerprint(full.left(full.indexOf("@@slurmdeck:section nproc")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->architecture, QStringLiteral("x86_64"));
        QCOMPARE(parsed->logicalCpus.value_or(-1), 2);
        QVERIFY(!parsed->memoryBytes);
        QVERIFY(parsed->dockerPath.isEmpty());
        QVERIFY(parsed->warnings.join(u'\n').contains(QStringLiteral("cut short")));
        QCOMPARE(parsed->remoteEpoch.value_or(0), 1795633906.839999344);
    }

    void cpuInfo()
    {
        // Two sockets, two cores each, hyper-threaded (layout as Linux prints it on x86).
        QByteArray twoSockets;
        int processor = 0;
        for (int socket = 0; socket < 2; ++socket) {
            for (int thread = 0; thread < 2; ++thread) {
                for (int core = 0; core < 2; ++core) {
                    twoSockets += QStringLiteral("processor\t: %1\nmodel name\t: Xeon\nphysical id\t: %2\n"
                                                 "siblings\t: 4\ncore id\t\t: %3\ncpu cores\t: 2\n\n")
                                      .arg(processor++)
                                      .arg(socket)
                                      .arg(core)
                                      .toUtf8();
                }
            }
        }
        const CpuTopology x86 = parseCpuInfo(twoSockets);
        QCOMPARE(x86.logicalCpus.value_or(-1), 8);
        QCOMPARE(x86.sockets.value_or(-1), 2);
        QCOMPARE(x86.coresPerSocket.value_or(-1), 2);
        QCOMPARE(x86.threadsPerCore.value_or(-1), 2);
        QCOMPARE(x86.model, QStringLiteral("Xeon"));

        // ARM without physical id / core id: one socket, every processor a core.
        const CpuTopology arm = parseCpuInfo("processor\t: 0\nBogoMIPS\t: 50.00\n\nprocessor\t: 1\n"
                                             "BogoMIPS\t: 50.00\n\nprocessor\t: 2\n\nprocessor\t: 3\n");
        QCOMPARE(arm.sockets.value_or(-1), 1);
        QCOMPARE(arm.coresPerSocket.value_or(-1), 4);
        QCOMPARE(arm.threadsPerCore.value_or(-1), 1);
        QVERIFY(!parseCpuInfo("nothing: here").logicalCpus);

        // A hostile host: 8,192 sockets of 524,288 cores wrapped the product to 0 (SIGFPE).
        QByteArray hostile;
        for (int i = 0; i < 8192; ++i)
            hostile +=
                QStringLiteral("processor\t: %1\nphysical id\t: %1\ncpu cores\t: 524288\n\n").arg(i).toUtf8();
        const CpuTopology claimed = parseCpuInfo(hostile);
        QCOMPARE(claimed.logicalCpus.value_or(-1), 8192);
        QVERIFY(claimed.sockets.value_or(0) >= 1);
        QVERIFY(claimed.coresPerSocket.value_or(0) >= 1);
        QVERIFY(claimed.threadsPerCore.value_or(0) >= 1);
        QVERIFY(qint64(*claimed.sockets) * *claimed.coresPerSocket * *claimed.threadsPerCore <= 8192);
        const CpuTopology huge =
            parseCpuInfo("processor : 0\ncpu cores : 999999999999999999999\nphysical id : 0\n");
        QCOMPARE(huge.coresPerSocket.value_or(-1), 1);
    }

    void nvidiaSmi()
    {
        QStringList warnings;
        // GB10 (DGX Spark): memory.total is [N/A] on unified-memory parts.
        const QList<GpuInfo> gpus = parseNvidiaSmi(
            "0, NVIDIA GB10, [N/A], 580.126.09, GPU-2dee1e25-b3b5-007e-2b55-79f2d0f2ebe5\n"
            "1, NVIDIA GeForce RTX 2080, 7979, 440.64, GPU-22b2c6ac-2d49-4863-197c-9c469071178a\n"
            "2, Some, Name, With Commas, 1024, [Not Supported], GPU-x\n",
            &warnings);
        QCOMPARE(gpus.size(), 3);
        QVERIFY(!gpus.at(0).memoryMiB);
        QCOMPARE(gpus.at(0).model, QStringLiteral("NVIDIA GB10"));
        QCOMPARE(gpus.at(1).memoryMiB.value_or(-1), 7979);
        QCOMPARE(gpus.at(2).model, QStringLiteral("Some, Name, With Commas"));
        QCOMPARE(gpus.at(2).driver, QString());
        QVERIFY(warnings.isEmpty());

        const QByteArray noDriver =
            "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
            "Make sure that the latest NVIDIA driver is installed and running.";
        QVERIFY(parseNvidiaSmi(noDriver, &warnings).isEmpty());
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.constFirst().contains(QStringLiteral("couldn't communicate")));
    }

    void smallParsers()
    {
        QCOMPARE(normaliseArchitecture(QStringLiteral("arm64")), QStringLiteral("aarch64"));
        QCOMPARE(normaliseArchitecture(QStringLiteral("aarch64")), QStringLiteral("aarch64"));
        QCOMPARE(normaliseArchitecture(QStringLiteral("armv7l")), QStringLiteral("armv7"));
        QCOMPARE(normaliseArchitecture(QStringLiteral("amd64")), QStringLiteral("x86_64"));

        const auto osRelease =
            parseOsRelease("# c\nNAME='Alpine Linux'\nPRETTY_NAME=\"A \\\"q\\\" b\"\nID=alpine\n");
        QCOMPARE(osRelease.value(QStringLiteral("NAME")), QStringLiteral("Alpine Linux"));
        QCOMPARE(osRelease.value(QStringLiteral("PRETTY_NAME")), QStringLiteral("A \"q\" b"));
        QCOMPARE(osRelease.value(QStringLiteral("ID")), QStringLiteral("alpine"));

        QCOMPARE(parseMemTotal("MemFree: 1 kB\nMemTotal:       16314444 kB\n").value_or(-1),
                 qint64(16314444) * 1024);
        QVERIFY(!parseMemTotal("MemTotal: lots\n"));

        QCOMPARE(parseComposeVersion("v2.24.6-desktop.1\n"), QStringLiteral("2.24.6-desktop.1"));
        QCOMPARE(parseComposeVersion("unknown flag: --short\n"), QString());

        const DockerVersion down =
            parseDockerVersion("\nCannot connect to the Docker daemon at x. Is it running?");
        QCOMPARE(down.serverVersion, QString());
        QVERIFY(down.error.startsWith(QStringLiteral("Cannot connect")));
        const DockerVersion up = parseDockerVersion("26.1.4|linux|arm64|26.1.3");
        QCOMPARE(up.serverArch, QStringLiteral("arm64"));
        QCOMPARE(up.clientVersion, QStringLiteral("26.1.3"));

        QCOMPARE(parseNvidiaRuntime("{\"nvidia\":{\"path\":\"nvidia-container-runtime\"}}"),
                 std::optional<bool>(true));
        QCOMPARE(parseNvidiaRuntime("{\"runc\":{\"path\":\"runc\"}}"), std::optional<bool>(false));
        QCOMPARE(parseNvidiaRuntime("null\npermission denied"), std::nullopt);

        QCOMPARE(parseEpoch("1700000000\n1700000000.250000000\n").value_or(0), 1700000000.25);
        QCOMPARE(parseEpoch("1700000000\n1700000000.N\n").value_or(0), 1700000000.0);  // macOS
        QCOMPARE(parseEpoch("1700000000\n1700000000.%N\n").value_or(0), 1700000000.0); // BusyBox
        QVERIFY(!parseEpoch("date: illegal option\n"));

        QCOMPARE(sorted(parseListeningPorts("LISTEN 0 4096 [::ffff:127.0.0.1]:6819 *:*\n"
                                            "tcp4 0 0 fe80::1%lo0.5432 *.* LISTEN\n"
                                            "tcp 0 0 10.0.0.1:22 10.0.0.2:5555 ESTABLISHED\n")),
                 (QList<quint16>{5432, 6819}));
    }

    void clockAndConflicts()
    {
        QCOMPARE(clockOffset(1000.5, 1000.0, 1002.0), -0.5);
        QCOMPARE(clockOffset(2000.0, 1000.0, 1000.0), 1000.0);
        HostFingerprint fp;
        fp.listeningPorts = {22, 9100, 6817, 9091};
        QCOMPARE(portsInConflict(fp), (QList<quint16>{6817, 9100}));
    }

    void commandQuotesTheScript()
    {
        const QString command = FingerprintProbe::command();
        QVERIFY(command.startsWith(QStringLiteral("echo \"@@slurmdeck:login-shell $SHELL\"\nsh -c '")));
        QVERIFY(FingerprintProbe::script().contains(QStringLiteral("@@slurmdeck:end")));
    }

    // sshd runs the command as `$SHELL -c COMMAND` with the account's login shell: here the
    // real shells do the same. POSIX shells give a fingerprint naming them; fish, csh and
    // tcsh are refused by name, with what to do, whatever the rest of their output is.
    void loginShellsAreTold_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<bool>("posix");
        QTest::newRow("sh") << QStringLiteral("sh") << true;
        QTest::newRow("bash") << QStringLiteral("bash") << true;
        QTest::newRow("fish") << QStringLiteral("fish") << false;
        QTest::newRow("csh") << QStringLiteral("csh") << false;
        QTest::newRow("tcsh") << QStringLiteral("tcsh") << false;
    }
    void loginShellsAreTold()
    {
        QFETCH(QString, shell);
        QFETCH(bool, posix);
        const QString program = QStandardPaths::findExecutable(shell);
        if (program.isEmpty())
            QFAIL(qPrintable(
                QStringLiteral("%1 is missing: scripts/install-deps.sh test installs it").arg(shell)));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SHELL"), program);
        process.setProcessEnvironment(environment);
        process.setProgram(program);
        process.setArguments({QStringLiteral("-c"), FingerprintProbe::command()});
        process.setStandardInputFile(QProcess::nullDevice());
        process.start();
        QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
        const Result<HostFingerprint> parsed = parseFingerprint(process.readAllStandardOutput());
        if (posix) {
            QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().toString()));
            QCOMPARE(parsed->loginShell, program);
            QVERIFY(parsed->logicalCpus.has_value());
            return;
        }
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, Error::Code::Unsupported);
        QVERIFY2(parsed.error().message.contains(program), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(QStringLiteral("chsh")));
    }

    void probeRunsForReal_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QStringList>("arguments");
        const QString script = FingerprintProbe::script();
        QTest::newRow("/bin/sh") << QStringLiteral("/bin/sh") << QStringList{QStringLiteral("-c"), script};
        QTest::newRow("/bin/bash") << QStringLiteral("/bin/bash")
                                   << QStringList{QStringLiteral("-c"), script};
        QTest::newRow("busybox sh") << QStringLiteral("busybox")
                                    << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script};
        // The exact exec string SSH would hand to a login shell.
        QTest::newRow("command()") << QStringLiteral("/bin/sh")
                                   << QStringList{QStringLiteral("-c"), FingerprintProbe::command()};
    }

    void probeRunsForReal()
    {
        QFETCH(QString, shell);
        QFETCH(QStringList, arguments);
        const QString program = QStandardPaths::findExecutable(shell);
        if (program.isEmpty())
            QFAIL(qPrintable(
                QStringLiteral("%1 is missing: apt-get install busybox (scripts/install-deps.sh test)")
                    .arg(shell)));

        QProcess process;
        process.setProgram(program);
        process.setArguments(arguments);
        process.setStandardInputFile(QProcess::nullDevice());
        const QStringList probeFilesBefore =
            QDir(QDir::tempPath()).entryList({QStringLiteral("slurmdeck-probe.*")}, QDir::Files);
        const double before = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        process.start();
        QVERIFY2(process.waitForFinished(120000), qPrintable(process.errorString()));
        const double after = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardError(), QByteArray());

        const Result<HostFingerprint> parsed = parseFingerprint(process.readAllStandardOutput());
        QVERIFY(parsed.has_value());
        const HostFingerprint &fp = *parsed;
        QCOMPARE(fp.platform, Platform::Linux);
        QCOMPARE(fp.architecture, normaliseArchitecture(QSysInfo::currentCpuArchitecture()));
        QCOMPARE(fp.kernel, QSysInfo::kernelVersion());
        QCOMPARE(fp.logicalCpus.value_or(-1), QThread::idealThreadCount());
        QCOMPARE(fp.hostname, QSysInfo::machineHostName());
        QVERIFY(fp.memoryBytes.value_or(0) > 0);
        QVERIFY(fp.sockets.value_or(0) >= 1);
        QVERIFY(fp.remoteEpoch.has_value());
        QVERIFY2(qAbs(clockOffset(*fp.remoteEpoch, before, after)) < 2.0,
                 qPrintable(QString::number(clockOffset(*fp.remoteEpoch, before, after))));
        QVERIFY2(!fp.warnings.join(u'\n').contains(QStringLiteral("cut short")),
                 qPrintable(fp.warnings.join(u'\n')));

        // What this machine's Docker CLI and Compose say, asked directly: the probe's one
        // `docker info` (when an engine answers) and its background `docker-compose version`
        // give the same.
        const auto ask = [](const QString &tool, const QStringList &toolArguments) -> std::optional<QString> {
            const QString found = QStandardPaths::findExecutable(tool);
            if (found.isEmpty())
                return std::nullopt;
            QProcess asked;
            asked.start(found, toolArguments);
            if (!asked.waitForFinished(60000) || asked.exitStatus() != QProcess::NormalExit ||
                asked.exitCode() != 0)
                return std::nullopt;
            return QString::fromUtf8(asked.readAllStandardOutput()).trimmed();
        };
        const std::optional<QString> resources =
            ask(QStringLiteral("docker"), {QStringLiteral("info"), QStringLiteral("--format"),
                                           QStringLiteral("{{.NCPU}} {{.MemTotal}}")});
        if (resources) {
            QCOMPARE(fp.engineCpus.value_or(-1), resources->section(u' ', 0, 0).toInt());
            QCOMPARE(fp.engineMemoryBytes.value_or(-1), resources->section(u' ', 1, 1).toLongLong());
            QCOMPARE(fp.nvidiaRuntime, std::optional<bool>(false));
        }
        const std::optional<QString> v1 =
            ask(QStringLiteral("docker-compose"), {QStringLiteral("version"), QStringLiteral("--short")});
        QVERIFY2(v1, "docker-compose is missing: scripts/install-deps.sh test installs it");
        QCOMPARE(fp.composePath, QStandardPaths::findExecutable(QStringLiteral("docker-compose")));
        QCOMPARE(fp.composeVersion, *v1);
        QCOMPARE(QDir(QDir::tempPath()).entryList({QStringLiteral("slurmdeck-probe.*")}, QDir::Files),
                 probeFilesBefore); // the background call's file is gone
    }

    void fuzzedOutputNeverCrashes()
    {
        QList<QByteArray> inputs;
        for (const QString &name : fixtureNames)
            inputs.append(fixture(name));
        QRandomGenerator random(20240611);
        int parsedCount = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = inputs.at(int(random.bounded(quint32(inputs.size()))));
            const int mutations = 1 + int(random.bounded(4u));
            for (int m = 0; m < mutations && !text.isEmpty(); ++m) {
                const qsizetype at = qsizetype(random.bounded(quint32(text.size())));
                switch (random.bounded(6u)) {
                case 0: // truncate
                    text.truncate(at);
                    break;
                case 1: // flip a byte
                    text[at] = char(random.bounded(256u));
                    break;
                case 2: // delete a run
                    text.remove(at, qsizetype(random.bounded(64u)));
                    break;
                case 3: // insert a marker where it does not belong
                    text.insert(at, "\n@@slurmdeck:section cpuinfo\n@@slurmdeck:exit x\n");
                    break;
                case 4: // insert random bytes
                    for (int i = int(random.bounded(16u)); i > 0; --i)
                        text.insert(at, char(random.bounded(256u)));
                    break;
                default: // duplicate a chunk
                    text.insert(at, text.mid(at / 2, 200));
                    break;
                }
            }
            const Result<HostFingerprint> parsed = parseFingerprint(text);
            if (parsed.has_value()) {
                ++parsedCount;
                (void)portsInConflict(*parsed);
            }
        }
        QVERIFY(parsedCount > 1000);
    }
};

QTEST_GUILESS_MAIN(TestFingerprint)
#include "tst_fingerprint.moc"
