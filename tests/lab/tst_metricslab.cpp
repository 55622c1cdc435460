// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient against the Prometheus of a cluster SlurmDeck deployed on the lab (as
// tst_deploylab does), through the monitoring host's SSH connection as the GUI and the CLI
// ask it (a changed host key is refused; answers are bounded): every node target is up, node_load1 has points
// over a range; stopping the prometheus container makes the client report an error and unhealthy, starting it
// again recovers. The Metrics view on the same Prometheus: CPU (cluster and per node) and the Slurm charts
// show real series; Prometheus stopped marks the chart stale (banner, data kept), and the view's own polling
// recovers once it runs again. `slurmdeck-cli metrics` asks the same Prometheus, found from a cluster file.
// Tears the cluster down at the end (and before, leftovers of a killed run).
#include "LabManifest.h"
#include "ResultTesting.h"
#include "charts/TimeSeriesChart.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySession.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "metrics/HttpMessage.h"
#include "metrics/MetricQueries.h"
#include "metrics/PrometheusClient.h"
#include "metrics/SshPrometheusTransport.h"
#include "plan/ClusterPlanner.h"
#include "remote/ShellQuote.h"
#include "secrets/ClusterSecrets.h"
#include "slurm/SlurmEndpoint.h"
#include "ssh/HostKey.h"
#include "ssh/SshConnection.h"
#include "views/MetricsView.h"
#include "widgets/StaleBanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace SlurmDeck;
using namespace SlurmDeck::Ui;
using namespace std::chrono_literals;

class TestMetricsLab final : public QObject
{
    Q_OBJECT

private:
    Lab::Manifest m_lab;
    QTemporaryDir m_temp;
    Cluster m_cluster;
    PlanInputs m_inputs;
    QString m_templates = QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates");

    SshTarget targetFor(const Lab::Host &host) const
    {
        SshTarget target;
        target.host = host.address;
        target.user = QStringLiteral("root");
        target.identityFile = m_lab.clientKey();
        target.configFile = m_temp.filePath(QStringLiteral("empty_ssh_config"));
        target.userKnownHostsFile = m_lab.knownHosts();
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        return target;
    }

    ClusterPlan plan() const
    {
        const Result<ClusterPlan> planned =
            ClusterPlanner(TemplateSource(m_templates)).plan(m_cluster, m_inputs);
        return planned ? *planned : ClusterPlan{};
    }

    // The located cluster, as the GUI's LiveCluster and the CLI see it.
    SlurmEndpoint endpoint() const
    {
        QHash<QString, SshTarget> logins;
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            logins.insert(host.name, targetFor(host));
        const Result<SlurmEndpoint> located = SlurmEndpoint::fromPlan(plan(), logins);
        return located ? *located : SlurmEndpoint{};
    }

    // The cluster's Prometheus through the monitoring host's SSH connection; unknown keys refused.
    std::unique_ptr<PrometheusClient> overSsh() const
    {
        return std::unique_ptr<PrometheusClient>(prometheusOverSsh(
            endpoint(), std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject), nullptr));
    }

    Result<ExecResult> onHost(const Lab::Host &host, const QString &command)
    {
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(targetFor(host), &reject);
        if (Result<void> connected = connection.connect(); !connected)
            return connected.error();
        return connection.exec(command);
    }

    void tearDownCluster()
    {
        const ClusterPlan current = plan();
        for (const HostPlan &host : current.hosts) {
            for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
                if (labHost.name != host.hostName)
                    continue;
                const QString docker = Shell::quote(labHost.docker);
                const Result<ExecResult> down =
                    onHost(labHost,
                           QStringLiteral("ids=$(%1 ps -aq --filter label=com.docker.compose.project=%2); "
                                          "[ -z \"$ids\" ] || %1 rm -f $ids >/dev/null; rm -rf %3")
                               .arg(docker, Shell::quote(current.projectName), Shell::quote(host.directory)));
                Q_UNUSED(down);
            }
        }
    }

    // docker start|stop of the prometheus service's container on the monitoring host.
    void prometheusContainer(const QString &action)
    {
        const Lab::Host &primary = m_lab.hosts.first();
        const QString docker = Shell::quote(primary.docker);
        const Result<ExecResult> r =
            onHost(primary, QStringLiteral("%1 %2 $(%1 ps -aq --filter label=com.docker.compose.project=%3 "
                                           "--filter label=com.docker.compose.service=prometheus)")
                                .arg(docker, action, Shell::quote(plan().projectName)));
        SLURMDECK_VERIFY_OK(r);
        QVERIFY2(r->succeeded(), r->standardError.constData());
    }

    static Result<PromResult> ask(const std::function<void(PrometheusClient::Callback)> &query)
    {
        std::optional<Result<PromResult>> got;
        query([&got](Result<PromResult> r) { got = std::move(r); });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 30000))
            return makeError(Error::Code::Unknown, QStringLiteral("no answer from the client"));
        return *got;
    }

    // Number of node-job targets with up == 1, or -1 on error.
    static int nodesUp(PrometheusClient &client)
    {
        const Result<PromResult> r =
            ask([&](auto cb) { client.instantQuery(QStringLiteral("up{job=\"node\"} == 1"), {}, cb); });
        return r ? int(r->series.size()) : -1;
    }

    // Asks the view again until its chart has `minimum` series with points (or 90 s pass).
    static bool chartFills(MetricsView &view, int minimum)
    {
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        return QTest::qWaitFor(
            [&] {
                refreshed.clear();
                view.refresh();
                if (!refreshed.wait(15000))
                    return false;
                const QString csv = view.csv();
                // A header plus at least two rows of samples.
                return view.chart()->seriesCount() >= minimum && csv.count(u'\n') >= 3;
            },
            90000);
    }

private slots:
    void initTestCase()
    {
        QString why;
        const std::optional<Lab::Manifest> manifest = Lab::readManifest(&why);
        QVERIFY2(manifest, qPrintable(why));
        m_lab = *manifest;
        QVERIFY(m_lab.hosts.size() >= 2);
        QFile config(m_temp.filePath(QStringLiteral("empty_ssh_config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        m_cluster.name = QStringLiteral("metricstest");
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts)) {
            Host host;
            host.name = labHost.name;
            host.address = labHost.address;
            host.user = labHost.user; // root, or the lab's ordinary user
            host.detected.loginUid = labHost.uid;
            host.detected.home = labHost.home;
            host.detected.platform = Lab::platformOf(labHost);
            host.detected.arch = QStringLiteral("x86_64");
            host.detected.cpus = QThread::idealThreadCount();
            m_cluster.hosts << host;
        }
        assignDefaultRoles(m_cluster);
        m_inputs.mungeKey = ClusterSecrets::generateMungeKey();
        m_inputs.databasePassword = ClusterSecrets::generatePassword();
        for (const Lab::Host &labHost : std::as_const(m_lab.hosts))
            m_inputs.networkAddresses.insert(labHost.name, labHost.address);
        tearDownCluster();

        QHash<QString, SshTarget> logins;
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            logins.insert(host.name, targetFor(host));
        DeployRunner runner(plan(), logins, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject),
                            nullptr);
        QSignalSpy finished(&runner, &DeployRunner::finished);
        DeployOptions options;
        options.images = ImageSource::TransferFromHere; // the lab's hosts are offline
        options.localDocker = QStringLiteral("/usr/bin/docker");
        options.verify = false;
        runner.start(options);
        QVERIFY(finished.wait(900000));
        const DeployReport report = finished.first().first().value<DeployReport>();
        QVERIFY2(report.ok(), "the lab deploy failed");
    }

    void cleanupTestCase() { tearDownCluster(); }

    // The cluster file may name a host by a ~/.ssh/config alias that no DNS knows: SSH reaches
    // it, and so do the charts, which go through that host's SSH connection.
    void sshAliasReachesPrometheus()
    {
        const QList<Host> monitors = m_cluster.hostsWithRole(HostRole::Monitoring);
        QVERIFY(!monitors.isEmpty());
        const Host monitoring = monitors.first();
        const QString address = monitoring.address;
        const QString config = m_temp.filePath(QStringLiteral("alias_ssh_config"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("Host metrics-box\n  HostName %1\n  User root\n  IdentityFile %2\n")
                           .arg(address, m_lab.clientKey())
                           .toUtf8());
        }
        Cluster aliased = m_cluster;
        aliased.findHost(monitoring.name)->address = QStringLiteral("metrics-box");
        SshTarget ssh;
        ssh.configFile = config;
        ssh.userKnownHostsFile = m_lab.knownHosts();
        ssh.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("own_known_hosts"));
        // Located as the GUI's LiveCluster does: a plan with placeholder secrets, no keychain.
        const DeploySession session(aliased, ssh);
        const Result<DeploySession::Prepared> prepared =
            session.prepareWith(QByteArray(64, 'x'), QByteArrayLiteral("unused"));
        SLURMDECK_VERIFY_OK(prepared);
        const Result<SlurmEndpoint> endpoint = SlurmEndpoint::fromPlan(prepared->plan, prepared->targets);
        SLURMDECK_VERIFY_OK(endpoint);
        std::unique_ptr<PrometheusClient> client(prometheusOverSsh(
            *endpoint, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::Reject), nullptr));
        QVERIFY(client);
        QVERIFY(client->baseUrl().isEmpty()); // no plain HTTP
        QCOMPARE(client->where(), QStringLiteral("127.0.0.1:9090 on %1 (through SSH)").arg(monitoring.name));
        // Right after the deploy Prometheus may still be starting: it must answer soon.
        Result<PromResult> answered = makeError(Error::Code::Unknown, QStringLiteral("not asked"));
        const bool ok = QTest::qWaitFor(
            [&] {
                answered = ask([&](auto cb) { client->instantQuery(QStringLiteral("up"), {}, cb); });
                return answered.has_value() && !answered->series.isEmpty(); // scraped at least once
            },
            60000);
        QVERIFY2(ok, qPrintable(answered ? QString() : answered.error().toString()));
        // The alias itself is no address for plain HTTP.
        PrometheusClient raw(prometheusUrl(aliased));
        QCOMPARE(raw.baseUrl().host(), QStringLiteral("metrics-box"));
        QVERIFY(!ask([&](auto cb) { raw.instantQuery(QStringLiteral("up"), {}, cb); }).has_value());
    }

    // A host key that changed since it was recorded: the charts send nothing, even with a
    // prompt that would accept any unknown key.
    void changedHostKeyIsRefused()
    {
        const Lab::Host &primary = m_lab.hosts.first();
        QProcess keygen;
        const QString otherKey = m_temp.filePath(QStringLiteral("impostor_key"));
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), otherKey});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        QFile publicKey(otherKey + QStringLiteral(".pub"));
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QList<QByteArray> fields = publicKey.readAll().split(' ');
        const QString knownHosts = m_temp.filePath(QStringLiteral("changed_known_hosts"));
        QFile known(knownHosts);
        QVERIFY(known.open(QIODevice::WriteOnly));
        known.write(primary.address.toUtf8() + ' ' + fields.at(0) + ' ' + fields.at(1) + '\n');
        known.close();

        SshTarget target = targetFor(primary);
        target.userKnownHostsFile = knownHosts;
        target.slurmDeckKnownHostsFile = m_temp.filePath(QStringLiteral("changed_own_known_hosts"));
        PrometheusClient client(new SshPrometheusTransport(
            target, primary.name, std::make_shared<FixedHostKeyPolicy>(HostKeyDecision::AcceptAndRemember),
            nullptr));
        const Result<PromResult> r = ask([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!r);
        QVERIFY2(r.error().code == Error::Code::HostKeyChanged, qPrintable(r.error().toString()));
        QVERIFY(!client.health().ok);
        QVERIFY(!QFile::exists(target.slurmDeckKnownHostsFile)); // nothing recorded
    }

    // The forwarded connection itself: an answer, a bound on its size that leaves the
    // connection usable, and a port nothing listens on.
    void forwardIsBounded()
    {
        const Lab::Host &primary = m_lab.hosts.first();
        FixedHostKeyPolicy reject(HostKeyDecision::Reject);
        SshConnection connection(targetFor(primary), &reject);
        SLURMDECK_VERIFY_OK(connection.connect());
        const QByteArray query = httpFormPost(QStringLiteral("127.0.0.1:9090"),
                                              QStringLiteral("/api/v1/query"), QByteArrayLiteral("query=up"));
        const Result<QByteArray> raw = connection.forward(QStringLiteral("127.0.0.1"), 9090, query);
        SLURMDECK_VERIFY_OK(raw);
        const Result<HttpAnswer> answer = parseHttpAnswer(*raw);
        SLURMDECK_VERIFY_OK(answer);
        QCOMPARE(answer->status, 200);
        QVERIFY2(answer->body.contains("\"status\":\"success\""), answer->body.left(300).constData());

        // An hour of a constant at one-second steps is far more than 4 KiB.
        const QByteArray big =
            httpFormPost(QStringLiteral("127.0.0.1:9090"), QStringLiteral("/api/v1/query_range"),
                         QStringLiteral("query=vector(1)&start=%1&end=%2&step=1")
                             .arg(QDateTime::currentSecsSinceEpoch() - 3600)
                             .arg(QDateTime::currentSecsSinceEpoch())
                             .toUtf8());
        const Result<QByteArray> capped =
            connection.forward(QStringLiteral("127.0.0.1"), 9090, big, {10s, 4096});
        QVERIFY(!capped);
        QVERIFY2(capped.error().message.contains(QStringLiteral("more than 4 KiB")),
                 qPrintable(capped.error().toString()));
        SLURMDECK_VERIFY_OK(connection.forward(QStringLiteral("127.0.0.1"), 9090, query));

        const Result<QByteArray> closed = connection.forward(QStringLiteral("127.0.0.1"), 1, query);
        QVERIFY(!closed);
        QVERIFY(closed.error().code == Error::Code::Network);
        QVERIFY2(closed.error().message.contains(QStringLiteral("AllowTcpForwarding")),
                 qPrintable(closed.error().toString()));
    }

    void metricsViewChartsRealData()
    {
        MetricsView view;
        view.resize(1000, 600);
        view.setRefreshInterval(0s);
        view.adoptSource(overSsh().release()); // as MainWindow gives it
        QVERIFY(view.prometheusUrl().isEmpty());
        QVERIFY2(chartFills(view, 1), qPrintable(view.statusText()));
        QCOMPARE(view.chart()->seriesCount(), 1); // the cluster total
        QVERIFY(view.csv().startsWith(QStringLiteral("time,cluster")));

        view.setScope(ChartScope::PerNode);
        QVERIFY2(chartFills(view, int(m_lab.hosts.size())),
                 qPrintable(view.statusText() + view.csv().left(300)));
        for (const Lab::Host &host : std::as_const(m_lab.hosts))
            QVERIFY2(view.csv().section(QStringLiteral("\r\n"), 0, 0).contains(host.name),
                     qPrintable(view.csv().left(300)));

        // Slurm: allocated and idle CPUs, pending and running jobs (the slurm-exporter).
        view.setScope(ChartScope::Cluster);
        view.setMetric(ChartMetric::SlurmCpus);
        QVERIFY2(chartFills(view, 2), qPrintable(view.statusText() + view.csv().left(300)));
        QCOMPARE(view.csv().section(QStringLiteral("\r\n"), 0, 0), QStringLiteral("time,allocated,idle"));
        view.setScope(ChartScope::PerNode);
        QVERIFY2(chartFills(view, 2 * int(m_lab.hosts.size())),
                 qPrintable(view.statusText() + view.csv().left(300)));
        QVERIFY2(view.csv()
                     .section(QStringLiteral("\r\n"), 0, 0)
                     .contains(m_lab.hosts.last().name + QStringLiteral(" idle")),
                 qPrintable(view.csv().left(300)));
        view.setMetric(ChartMetric::SlurmJobs);
        QVERIFY2(chartFills(view, 2), qPrintable(view.statusText() + view.csv().left(300)));
        QCOMPARE(view.csv().section(QStringLiteral("\r\n"), 0, 0), QStringLiteral("time,pending,running"));
        QVERIFY(!view.isStale());

        // Prometheus stopped: stale, with the last data kept.
        view.setMetric(ChartMetric::CpuUsage);
        view.setScope(ChartScope::Cluster);
        QVERIFY(chartFills(view, 1));
        prometheusContainer(QStringLiteral("stop"));
        QSignalSpy refreshed(&view, &MetricsView::refreshed);
        view.refresh();
        QVERIFY(refreshed.wait(30000));
        QVERIFY2(view.isStale(), qPrintable(view.statusText()));
        QVERIFY(!view.staleBanner()->isHidden());
        QVERIFY2(view.staleBanner()->text().startsWith(QStringLiteral("Stale since")),
                 qPrintable(view.staleBanner()->text()));
        QCOMPARE(view.chart()->seriesCount(), 1);

        // Started again: the view's next poll clears it by itself.
        view.setRefreshInterval(2s);
        prometheusContainer(QStringLiteral("start"));
        // (A poll's charts are asked at once: the first answers after the restart may still
        // fail; a later poll has them all.)
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return !view.isStale() && view.statusText().startsWith(QStringLiteral("Updated")); },
                90000),
            qPrintable(view.statusText()));
        QVERIFY(view.staleBanner()->isHidden());
        QCOMPARE(view.chart()->seriesCount(), 1);
    }

    void realDataStaleAndRecovery()
    {
        const QString monitoring = m_cluster.hostsWithRole(HostRole::Monitoring).first().name;
        const std::unique_ptr<PrometheusClient> ssh = overSsh();
        QVERIFY(ssh);
        PrometheusClient &client = *ssh;
        client.setTimeout(5s);
        const int hosts = int(m_lab.hosts.size());

        // Every node target up (the first scrape is up to 15 s away).
        QVERIFY2(QTest::qWaitFor([&] { return nodesUp(client) == hosts; }, 120000),
                 qPrintable(QStringLiteral("node targets up: %1 of %2; %3")
                                .arg(nodesUp(client))
                                .arg(hosts)
                                .arg(client.health().error)));
        QVERIFY(client.health().ok);

        // A range query of node_load1 has points for every node.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QDateTime end = QDateTime::currentDateTimeUtc();
                const Result<PromResult> r = ask([&](auto cb) {
                    client.rangeQuery(QStringLiteral("node_load1"), end.addSecs(-600), end, 0s, cb);
                });
                if (!r || r->series.size() != hosts)
                    return false;
                for (const PromSeries &s : r->series) {
                    if (s.samples.size() < 2)
                        return false;
                }
                return true;
            },
            90000));

        // Prometheus stopped: an error that says what to do, and unhealthy.
        prometheusContainer(QStringLiteral("stop"));
        const Result<PromResult> down =
            ask([&](auto cb) { client.instantQuery(QStringLiteral("up"), {}, cb); });
        QVERIFY(!down);
        QVERIFY2(down.error().code == Error::Code::Network || down.error().code == Error::Code::Timeout,
                 qPrintable(down.error().toString()));
        QVERIFY(down.error().message.contains(monitoring));
        QVERIFY(!client.health().ok);
        QVERIFY(!client.isFresh(QDateTime::currentDateTimeUtc(), 1h) || !client.health().ok);

        // Started again: the client recovers.
        prometheusContainer(QStringLiteral("start"));
        QVERIFY(QTest::qWaitFor([&] { return nodesUp(client) >= 1; }, 90000));
        QVERIFY(client.health().ok);
        QVERIFY(client.health().error.isEmpty());
    }

    // `slurmdeck-cli metrics` asks the Prometheus of the cluster file's monitoring host, through
    // its SSH connection; `--url` asks one over plain HTTP.
    void cliMetricsAsksTheClustersPrometheus()
    {
        const QString clusterFile = m_temp.filePath(QStringLiteral("metrics-cluster.yaml"));
        SLURMDECK_VERIFY_OK(ClusterFile::save(m_cluster, clusterFile));
        const int hosts = int(m_lab.hosts.size());
        QJsonArray series;
        QString last;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto [code, out, err] =
                             cli({QStringLiteral("--cluster"), clusterFile, QStringLiteral("metrics"),
                                  QStringLiteral("up{job=\"node\"} == 1"), QStringLiteral("--json")});
                         last = out + err;
                         series = QJsonDocument::fromJson(out.toUtf8()).object().value(u"series").toArray();
                         return code == 0 && series.size() == hosts;
                     },
                     90000),
                 qPrintable(last));

        // A range: every node's load with more than one point.
        const auto [rangeCode, rangeOut, rangeErr] =
            cli({QStringLiteral("--cluster"), clusterFile, QStringLiteral("metrics"),
                 QStringLiteral("node_load1"), QStringLiteral("--range"), QStringLiteral("10m"),
                 QStringLiteral("--json")});
        QVERIFY2(rangeCode == 0, qPrintable(rangeErr));
        const QJsonObject range = QJsonDocument::fromJson(rangeOut.toUtf8()).object();
        QCOMPARE(range.value(u"resultType").toString(), QStringLiteral("matrix"));
        QCOMPARE(range.value(u"series").toArray().size(), hosts);
        QVERIFY(range.value(u"series").toArray().first().toObject().value(u"samples").toArray().size() > 1);

        // --url: that Prometheus over plain HTTP, no cluster file needed.
        const auto [urlCode, urlOut, urlErr] =
            cli({QStringLiteral("--cluster"), m_temp.filePath(QStringLiteral("absent.yaml")),
                 QStringLiteral("metrics"), QStringLiteral("up{job=\"node\"} == 1"), QStringLiteral("--json"),
                 QStringLiteral("--url"), prometheusUrl(m_cluster).toString()});
        QVERIFY2(urlCode == 0, qPrintable(urlErr));
        QCOMPARE(QJsonDocument::fromJson(urlOut.toUtf8()).object().value(u"series").toArray().size(), hosts);

        // No monitoring host: it says what to do.
        Cluster withoutMonitoring = m_cluster;
        for (Host &host : withoutMonitoring.hosts)
            host.roles.setFlag(HostRole::Monitoring, false);
        const QString otherFile = m_temp.filePath(QStringLiteral("no-monitoring.yaml"));
        SLURMDECK_VERIFY_OK(ClusterFile::save(withoutMonitoring, otherFile));
        const auto [code, out, err] =
            cli({QStringLiteral("--cluster"), otherFile, QStringLiteral("metrics"), QStringLiteral("up")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("monitoring role")) && err.contains(QStringLiteral("--url")),
                 qPrintable(err));
    }

private:
    struct CliRun
    {
        int code = -1;
        QString out;
        QString err;
    };
    // slurmdeck-cli with a HOME of its own and an SSH config that logs in to the lab.
    CliRun cli(const QStringList &arguments) const
    {
        const QString config = m_temp.filePath(QStringLiteral("cli_ssh_config"));
        QFile file(config);
        if (file.open(QIODevice::WriteOnly))
            file.write(QStringLiteral("Host *\n  IdentityFile %1\n  UserKnownHostsFile %2\n")
                           .arg(m_lab.clientKey(), m_lab.knownHosts())
                           .toUtf8());
        file.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_temp.filePath(QStringLiteral("cli-home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_temp.filePath(QStringLiteral("cli-home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_temp.filePath(QStringLiteral("cli-home/.local/share")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLURMDECK_CLI_EXE),
                      arguments + QStringList{QStringLiteral("--ssh-config"), config});
        process.closeWriteChannel();
        CliRun run;
        if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
            run.code = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
};

QTEST_MAIN(TestMetricsLab)
#include "tst_metricslab.moc"
