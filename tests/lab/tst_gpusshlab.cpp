// SPDX-License-Identifier: GPL-3.0-or-later
// The nvidia-smi fallback over real SSH on the lab's hosts: worker1 gets a stand-in nvidia-smi
// (the lab has no GPU) in its private /root, worker2 has none. GpuUsageSource with
// GpuUsageSource::sshRunner reads worker1's GPUs and reports worker2's missing nvidia-smi as a
// warning that says what to do; with worker1's stand-in gone, every host fails and the
// snapshot goes stale. Deploys nothing (no Slurm cluster); removes its files at the end.
// Run: flock -o /tmp/slurmdeck-lab.lock tests/lab/lab.sh client -- build/dev/tests/lab/tst_gpusshlab
#include "LabManifest.h"
#include "ResultTesting.h"
#include "metrics/GpuUsageSource.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;

namespace {

const QString fakeDir = QStringLiteral("/root/sdm-gpu-test-bin");

// What nvidia-smi prints for SlurmDeck's query (csv,noheader,nounits).
const QByteArray fakeNvidiaSmi = QByteArrayLiteral(
    "#!/bin/sh\n"
    "cat <<'CSV'\n"
    "0, GPU-6a5b4c3d-2e1f-4a9b-8c7d-6e5f4a3b2c1d, NVIDIA GeForce RTX 3090, 31, 10240, 24576, 58, 201.33\n"
    "1, GPU-1d2c3b4a-5f6e-4b9a-8d7c-1f2e3d4c5b6a, NVIDIA GeForce RTX 3090, [N/A], [N/A], 24576, [N/A], "
    "[N/A]\n"
    "CSV\n");

} // namespace

class TestGpuSshLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    QHash<QString, SshTarget> m_targets;
    std::shared_ptr<HostKeyPrompt> m_hostKeys = std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject);

    SshTarget targetFor(const Lab::Host &host) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.clientKey();
        target.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        target.userKnownHostsFile = m_lab.knownHosts();
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        target.connectTimeout = std::chrono::seconds(5);
        return target;
    }

    Result<ExecResult> exec(const QString &host, const QString &command)
    {
        SshConnection connection(m_targets.value(host), m_hostKeys.get());
        if (Result<void> c = connection.connect(); !c)
            return c.error();
        return connection.exec(command);
    }

    // The runner SlurmDeck uses, with the stand-in's directory first on the PATH (a
    // non-interactive SSH session reads no profile that could add it).
    GpuUsageSource::CommandRunner runner() const
    {
        return GpuUsageSource::sshRunner(m_targets, m_hostKeys, nullptr,
                                         QStringLiteral("PATH=%1:$PATH ").arg(fakeDir) +
                                             nvidiaSmiQueryCommand());
    }

    static GpuSnapshot refresh(GpuUsageSource &source)
    {
        QSignalSpy spy(&source, &GpuUsageSource::snapshotUpdated);
        source.refresh();
        if (!spy.wait(60000))
            qFatal("the GPU source never answered");
        return source.snapshot();
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_temp.isValid());
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        for (const QString &name : {QStringLiteral("worker1"), QStringLiteral("worker2")}) {
            bool found = false;
            for (const Lab::Host &host : m_lab.hosts) {
                if (host.name == name) {
                    m_targets.insert(name, targetFor(host));
                    found = true;
                }
            }
            QVERIFY2(found, qPrintable(QStringLiteral("the lab has no host %1").arg(name)));
        }
        // worker1: the stand-in; worker2: certainly none.
        SshConnection worker1(m_targets.value(QStringLiteral("worker1")), m_hostKeys.get());
        SLURMDECK_VERIFY_OK(worker1.connect());
        SLURMDECK_VERIFY_OK(worker1.makeDirectories(fakeDir));
        UploadOptions executable;
        executable.mode = 0755;
        executable.keepPrevious = false;
        SLURMDECK_VERIFY_OK(
            worker1.upload(fakeNvidiaSmi, fakeDir + QStringLiteral("/nvidia-smi"), executable));
        const Result<ExecResult> removed =
            exec(QStringLiteral("worker2"), QStringLiteral("rm -rf ") + fakeDir);
        SLURMDECK_VERIFY_OK(removed);
    }

    void cleanupTestCase()
    {
        for (const QString &host : m_targets.keys())
            (void)exec(host, QStringLiteral("rm -rf ") + fakeDir);
    }

    void nvidiaSmiOverSsh()
    {
        GpuUsageSource source; // no Prometheus: nvidia-smi on the GPU hosts
        source.setGpuHosts({QStringLiteral("worker1"), QStringLiteral("worker2")});
        source.setCommandRunner(runner());
        GpuSnapshot s = refresh(source);
        QVERIFY2(s.health.ok, qPrintable(s.health.error));
        QVERIFY(s.source == GpuSnapshot::Source::NvidiaSmi);
        QCOMPARE(s.gpus.size(), 2);
        QCOMPARE(s.gpus.at(0).host, QStringLiteral("worker1"));
        QCOMPARE(s.gpus.at(0).name, QStringLiteral("NVIDIA GeForce RTX 3090"));
        QCOMPARE(s.gpus.at(0).utilizationPercent.value_or(-1), 31.0);
        QCOMPARE(s.gpus.at(0).powerW.value_or(-1), 201.33);
        QVERIFY(!s.gpus.at(1).utilizationPercent);
        QVERIFY(!s.gpus.at(1).temperatureC);
        QCOMPARE(s.gpus.at(1).memoryTotalMiB.value_or(-1), 24576.0);
        const QString warnings = s.warnings.join(u'\n');
        QVERIFY2(warnings.contains(QStringLiteral("nvidia-smi is not installed on worker2")),
                 qPrintable(warnings));

        // The stand-in goes away: no host answers, the last GPUs stay, marked stale.
        SLURMDECK_VERIFY_OK(exec(QStringLiteral("worker1"), QStringLiteral("rm -rf ") + fakeDir));
        s = refresh(source);
        QVERIFY(s.isStale());
        QVERIFY2(s.health.error.contains(QStringLiteral("none of the GPU hosts")),
                 qPrintable(s.health.error));
        QCOMPARE(s.gpus.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGpuSshLab)
#include "tst_gpusshlab.moc"
