// SPDX-License-Identifier: GPL-3.0-or-later
// SlurmDeck lab self-test: checks that the emulated hosts created by tests/lab/lab.sh
// behave like the machines SlurmDeck targets. Runs inside the lab's client namespace
// (CTest: `lab.sh client -- tst_lab`), talks to every host with OpenSSH only.
// A missing manifest is a failure, never a skip.

#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtTest/QtTest>

namespace {

struct LabHost
{
    QString name;
    QString address;
    QString platform;
    QString hostname;
    QString docker;
    QString compose;
    QString dataRoot;
    QString user;
    QString uid;
    QString home;
};

struct SshResult
{
    int exitCode = -1;
    bool started = false;
    bool finished = false;
    QString out;
    QString err;

    QString describe() const
    {
        return QStringLiteral("exit=%1 started=%2 finished=%3 stdout=[%4] stderr=[%5]")
            .arg(exitCode)
            .arg(started ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(finished ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(out.trimmed(), err.trimmed());
    }
};

// Single-quote a word for the remote POSIX shell.
QString shQuote(const QString &s)
{
    QString r = s;
    r.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + r + QLatin1Char('\'');
}

} // namespace

Q_DECLARE_METATYPE(LabHost)

class TstLab : public QObject
{
    Q_OBJECT

private:
    QString m_labDir;
    QString m_sshConfig;
    QList<LabHost> m_hosts;
    QHash<QString, QString> m_engineIds; // host name -> engine ID (filled by dockerEngine)

    SshResult ssh(const LabHost &host, const QString &command, int timeoutMs = 60000) const
    {
        SshResult res;
        QProcess p;
        p.setProgram(QStringLiteral("ssh"));
        p.setArguments({QStringLiteral("-F"), m_sshConfig, QStringLiteral("-o"),
                        QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                        QStringLiteral("ConnectTimeout=10"), QStringLiteral("-o"),
                        QStringLiteral("LogLevel=ERROR"), host.name, command});
        p.start();
        res.started = p.waitForStarted(10000);
        if (!res.started) {
            res.err = p.errorString();
            return res;
        }
        res.finished = p.waitForFinished(timeoutMs);
        if (!res.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        res.out = QString::fromUtf8(p.readAllStandardOutput());
        res.err = QString::fromUtf8(p.readAllStandardError());
        if (res.finished && p.exitStatus() == QProcess::NormalExit)
            res.exitCode = p.exitCode();
        return res;
    }

    void addHostRows()
    {
        QTest::addColumn<LabHost>("host");
        for (const LabHost &h : std::as_const(m_hosts))
            QTest::newRow(qPrintable(h.name)) << h;
    }

private slots:
    void initTestCase()
    {
        m_labDir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("SLURMDECK_LAB_DIR"));
        QVERIFY2(!m_labDir.isEmpty(),
                 "SLURMDECK_LAB_DIR is not set: run this test via 'tests/lab/lab.sh client -- tst_lab'");
        m_sshConfig = m_labDir + QStringLiteral("/ssh_config");
        QVERIFY2(QFile::exists(m_sshConfig),
                 qPrintable(QStringLiteral("missing %1: run 'lab.sh up' first").arg(m_sshConfig)));

        const QString manifest = m_labDir + QStringLiteral("/hosts.tsv");
        QFile f(manifest);
        QVERIFY2(f.open(QIODevice::ReadOnly | QIODevice::Text),
                 qPrintable(QStringLiteral("cannot read lab manifest %1 (%2): run 'lab.sh up' first")
                                .arg(manifest, f.errorString())));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty(), qPrintable(QStringLiteral("%1 is empty").arg(manifest)));
        const QString expectedHeader =
            QStringLiteral("name\taddress\tplatform\thostname\tdocker\tcompose\tdata_root\tuser\tuid\thome");
        QCOMPARE(lines.first(), expectedHeader);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList c = lines.at(i).split(QLatin1Char('\t'));
            QVERIFY2(c.size() == 10, qPrintable(QStringLiteral("%1 line %2 has %3 fields, want 10: %4")
                                                    .arg(manifest)
                                                    .arg(i + 1)
                                                    .arg(c.size())
                                                    .arg(lines.at(i))));
            LabHost h{c.at(0), c.at(1), c.at(2), c.at(3), c.at(4),
                      c.at(5), c.at(6), c.at(7), c.at(8), c.at(9)};
            QVERIFY2(h.platform == QLatin1String("linux") || h.platform == QLatin1String("qnap") ||
                         h.platform == QLatin1String("macos"),
                     qPrintable(QStringLiteral("host %1: unknown platform '%2'").arg(h.name, h.platform)));
            QVERIFY2(
                h.docker.startsWith(QLatin1Char('/')) && h.compose.startsWith(QLatin1Char('/')),
                qPrintable(QStringLiteral("host %1: docker/compose paths must be absolute").arg(h.name)));
            m_hosts.append(h);
        }
        QVERIFY2(!m_hosts.isEmpty(), qPrintable(QStringLiteral("%1 lists no hosts").arg(manifest)));
    }

    void hostname_data() { addHostRows(); }
    void hostname()
    {
        QFETCH(LabHost, host);
        const SshResult r = ssh(host, QStringLiteral("hostname"));
        QVERIFY2(r.exitCode == 0,
                 qPrintable(QStringLiteral("ssh %1 hostname: %2").arg(host.name, r.describe())));
        QCOMPARE(r.out.trimmed(), host.hostname);
        QCOMPARE(host.hostname, host.name);
    }

    void dockerEngine_data() { addHostRows(); }
    void dockerEngine()
    {
        QFETCH(LabHost, host);
        const SshResult r =
            ssh(host, shQuote(host.docker) +
                          QStringLiteral(" info --format '{{.ID}}|{{.Name}}|{{.DockerRootDir}}'"));
        QVERIFY2(r.exitCode == 0,
                 qPrintable(QStringLiteral("%1: docker info: %2").arg(host.name, r.describe())));
        const QStringList parts = r.out.trimmed().split(QLatin1Char('|'));
        QVERIFY2(parts.size() == 3,
                 qPrintable(QStringLiteral("%1: unexpected docker info output: %2").arg(host.name, r.out)));
        QVERIFY2(!parts.at(0).isEmpty(), qPrintable(QStringLiteral("%1: empty engine ID").arg(host.name)));
        QCOMPARE(parts.at(1), host.name);
        QCOMPARE(parts.at(2), host.dataRoot);
        m_engineIds.insert(host.name, parts.at(0));
    }

    void engineIdsDistinct()
    {
        QCOMPARE(m_engineIds.size(), m_hosts.size());
        QSet<QString> seen;
        for (auto it = m_engineIds.cbegin(); it != m_engineIds.cend(); ++it) {
            QVERIFY2(!seen.contains(it.value()),
                     qPrintable(QStringLiteral("engine ID %1 of host %2 is shared with another host: "
                                               "hosts must each run their own engine")
                                    .arg(it.value(), it.key())));
            seen.insert(it.value());
        }
    }

    void baseImagePresent_data() { addHostRows(); }
    void baseImagePresent()
    {
        QFETCH(LabHost, host);
        const SshResult r = ssh(
            host,
            shQuote(host.docker) +
                QStringLiteral(" image inspect --format '{{.Id}}' slurmdeck-lab/bookworm-minbase:latest"));
        QVERIFY2(r.exitCode == 0 && r.out.trimmed().startsWith(QLatin1String("sha256:")),
                 qPrintable(QStringLiteral("%1: base image missing: %2").arg(host.name, r.describe())));
    }

    void containerRuns()
    {
        const LabHost *linuxHost = nullptr;
        for (const LabHost &h : std::as_const(m_hosts)) {
            if (h.platform == QLatin1String("linux")) {
                linuxHost = &h;
                break;
            }
        }
        QVERIFY2(linuxHost != nullptr, "the lab has no linux host");
        const SshResult r =
            ssh(*linuxHost,
                shQuote(linuxHost->docker) +
                    QStringLiteral(
                        " run --rm --network none slurmdeck-lab/bookworm-minbase cat /etc/debian_version"),
                120000);
        QVERIFY2(r.exitCode == 0,
                 qPrintable(QStringLiteral("%1: docker run: %2").arg(linuxHost->name, r.describe())));
        QVERIFY2(r.out.trimmed().startsWith(QLatin1String("12")),
                 qPrintable(QStringLiteral("%1: container says debian_version '%2', want 12.x")
                                .arg(linuxHost->name, r.out.trimmed())));
    }

    void platformLayout_data() { addHostRows(); }
    void platformLayout()
    {
        QFETCH(LabHost, host);
        const SshResult conf = ssh(host, QStringLiteral("test -f /etc/config/uLinux.conf"));
        QVERIFY2(conf.exitCode == 0 || conf.exitCode == 1,
                 qPrintable(QStringLiteral("%1: ssh failed: %2").arg(host.name, conf.describe())));
        if (host.platform == QLatin1String("qnap")) {
            QVERIFY2(
                conf.exitCode == 0,
                qPrintable(QStringLiteral("%1: qnap host lacks /etc/config/uLinux.conf").arg(host.name)));
            for (const QString &tool : {QStringLiteral("docker"), QStringLiteral("docker-compose")}) {
                const SshResult r = ssh(host, QStringLiteral("command -v ") + tool);
                QVERIFY2(r.exitCode != 0 && r.exitCode != 255,
                         qPrintable(QStringLiteral(
                                        "%1: '%2' must not be on the non-interactive PATH of a qnap host: %3")
                                        .arg(host.name, tool, r.describe())));
            }
            const SshResult v = ssh(host, shQuote(host.compose) + QStringLiteral(" version"));
            QVERIFY2(
                v.exitCode == 0 && v.out.contains(QLatin1String("docker-compose version")),
                qPrintable(QStringLiteral("%1: %2 version: %3").arg(host.name, host.compose, v.describe())));
            const SshResult model =
                ssh(host, QStringLiteral("grep -E '^Model *= *TS-' /etc/config/uLinux.conf"));
            QVERIFY2(model.exitCode == 0, qPrintable(QStringLiteral("%1: uLinux.conf lacks a QNAP Model: %2")
                                                         .arg(host.name, model.describe())));
        } else if (host.platform == QLatin1String("macos")) {
            // What the probe reads on a Mac, and no nproc (macOS has none).
            const SshResult mac =
                ssh(host, QStringLiteral("uname -s; uname -m; sw_vers | head -1; sysctl hw.ncpu; "
                                         "getconf _NPROCESSORS_ONLN; command -v nproc || echo no-nproc; "
                                         "netstat -an -p tcp | grep -c '[.]22 .*LISTEN'"));
            QCOMPARE(mac.out,
                     QStringLiteral("Darwin\nx86_64\nProductName:\t\tmacOS\nhw.ncpu: 16\n16\nno-nproc\n1\n"));
            const SshResult r = ssh(host, shQuote(host.compose) + QStringLiteral(" version"));
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        } else {
            QVERIFY2(
                conf.exitCode == 1,
                qPrintable(
                    QStringLiteral("%1: linux host must not have /etc/config/uLinux.conf").arg(host.name)));
            const SshResult r = ssh(host, shQuote(host.compose) + QStringLiteral(" version"));
            QVERIFY2(
                r.exitCode == 0,
                qPrintable(QStringLiteral("%1: %2 version: %3").arg(host.name, host.compose, r.describe())));
        }
    }

    // The lab logs in where real users do: at least one host as an ordinary user in the
    // docker group, who cannot write /opt and has no sudo; that host's 'nodocker' user may
    // not use Docker at all.
    void ordinaryUserHost()
    {
        const LabHost *userHost = nullptr;
        for (const LabHost &h : std::as_const(m_hosts)) {
            if (h.user != QLatin1String("root"))
                userHost = &h;
        }
        QVERIFY2(userHost, "the lab has no host reached as an ordinary user (tests/lab/default.lab)");
        const SshResult who = ssh(*userHost, QStringLiteral("id -u; id -un; id -Gn; echo \"$HOME\""));
        QVERIFY2(who.exitCode == 0, qPrintable(who.describe()));
        const QStringList lines = who.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), userHost->uid);
        QCOMPARE(lines.value(1), userHost->user);
        QVERIFY2(lines.value(2).split(QLatin1Char(' ')).contains(QLatin1String("docker")),
                 qPrintable(who.out));
        QCOMPARE(lines.value(3), userHost->home);
        const SshResult opt = ssh(*userHost, QStringLiteral("test -w /opt || test -w /srv || echo denied"));
        QCOMPARE(opt.out.trimmed(), QStringLiteral("denied"));
        const SshResult sudo = ssh(*userHost, QStringLiteral("sudo -n true 2>/dev/null || echo nosudo"));
        QCOMPARE(sudo.out.trimmed(), QStringLiteral("nosudo"));
        LabHost nodocker = *userHost;
        nodocker.name = QStringLiteral("nodocker@") + userHost->name;
        const SshResult denied = ssh(nodocker, shQuote(userHost->docker) + QStringLiteral(" version"));
        QVERIFY2(denied.exitCode != 0 && denied.err.contains(QLatin1String("permission denied")),
                 qPrintable(denied.describe()));
    }

    void rootIsPrivate()
    {
        QVERIFY2(m_hosts.size() >= 2, "need at least two hosts to check that /root is private");
        const LabHost &a = m_hosts.at(0);
        const LabHost &b = m_hosts.at(1);
        const QString marker = QStringLiteral("/root/.slurmdeck-lab-marker-%1")
                                   .arg(QRandomGenerator::global()->generate64(), 0, 16);
        const SshResult w = ssh(a, QStringLiteral("echo %1 > %2 && test -f %2").arg(a.name, marker));
        QVERIFY2(w.exitCode == 0,
                 qPrintable(QStringLiteral("%1: writing %2: %3").arg(a.name, marker, w.describe())));
        const SshResult seen = ssh(b, QStringLiteral("test -e ") + marker);
        const SshResult cleanup = ssh(a, QStringLiteral("rm -f ") + marker);
        QVERIFY2(seen.exitCode == 1,
                 qPrintable(QStringLiteral("%1 sees %2 written on %3 (exit %4): /root is not private")
                                .arg(b.name, marker, a.name)
                                .arg(seen.exitCode)));
        QVERIFY2(cleanup.exitCode == 0,
                 qPrintable(QStringLiteral("%1: rm marker: %2").arg(a.name, cleanup.describe())));
    }
};

QTEST_GUILESS_MAIN(TstLab)
#include "tst_lab.moc"
