// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/ClusterVerifier.h"

#include "ssh/SshConnection.h"

#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace SlurmDeck {

ClusterVerifier::ClusterVerifier(HostDeployer &controller, HostDeployer *monitoring, QStringList computeNodes,
                                 bool accounting, CancelToken cancel)
    : m_controller(controller)
    , m_monitoring(monitoring)
    , m_nodes(std::move(computeNodes))
    , m_accounting(accounting)
    , m_cancel(std::move(cancel))
{
    m_nodes.sort();
}

Result<ExecResult> ClusterVerifier::onController(const QStringList &command, std::chrono::seconds timeout)
{
    return m_controller.runArgv(m_controller.compose().exec(QStringLiteral("slurmctld"), command), timeout);
}

bool ClusterVerifier::waitFor(std::chrono::seconds timeout, const std::function<bool()> &condition)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m_cancel.isCancelled()) {
        if (condition())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        QThread::msleep(1000);
    }
    return false;
}

VerificationCheck ClusterVerifier::controllerAnswers()
{
    VerificationCheck check{
        QObject::tr("slurmctld answers (scontrol ping)"), false, {}, m_controller.plan().hostName};
    waitFor(std::chrono::seconds(60), [&] {
        const Result<ExecResult> ping =
            onController({QStringLiteral("scontrol"), QStringLiteral("ping")}, std::chrono::seconds(20));
        check.detail = ping ? QString::fromUtf8(ping->standardOutput + ping->standardError).trimmed()
                            : ping.error().toString();
        check.passed = ping && ping->standardOutput.contains("is UP");
        return check.passed;
    });
    return check;
}

namespace {

// A node state as `sinfo -o %T` prints it, e.g. "idle", "mixed", "idle*" (not responding),
// "drained". Busy with jobs is healthy; down, drained, invalid or not responding is not.
bool healthyState(const QString &state)
{
    static const QStringList healthy{QStringLiteral("idle"),     QStringLiteral("allocated"),
                                     QStringLiteral("mixed"),    QStringLiteral("completing"),
                                     QStringLiteral("reserved"), QStringLiteral("planned")};
    return healthy.contains(state);
}

} // namespace

VerificationCheck ClusterVerifier::nodesHealthy()
{
    VerificationCheck check{
        QObject::tr("every compute node registered and healthy"), false, {}, m_controller.plan().hostName};
    waitFor(std::chrono::seconds(120), [&] {
        const Result<ExecResult> sinfo =
            onController({QStringLiteral("sinfo"), QStringLiteral("-h"), QStringLiteral("-N"),
                          QStringLiteral("-o"), QStringLiteral("%N %T")},
                         std::chrono::seconds(20));
        if (!sinfo) {
            check.detail = sinfo.error().toString();
            return false;
        }
        QStringList idle;
        QStringList busy;
        QStringList failing;
        QStringList seen;
        for (const QString &line :
             QString::fromUtf8(sinfo->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
            if (fields.size() < 2 || seen.contains(fields.at(0))) // a node in two partitions
                continue;
            seen << fields.at(0);
            const QString &state = fields.at(1);
            if (state == u"idle")
                idle << fields.at(0);
            else if (healthyState(state))
                busy << fields.join(u' ');
            else
                failing << fields.join(u' ');
        }
        seen.sort();
        idle.sort();
        m_idleNodes = idle;
        QStringList parts;
        if (!failing.isEmpty())
            parts << QObject::tr("not healthy: %1").arg(failing.join(QStringLiteral("; ")));
        if (!idle.isEmpty())
            parts << QObject::tr("idle: %1").arg(idle.join(QStringLiteral(", ")));
        if (!busy.isEmpty())
            parts << QObject::tr("busy: %1").arg(busy.join(QStringLiteral("; ")));
        QStringList missing;
        for (const QString &node : std::as_const(m_nodes)) {
            if (!seen.contains(node))
                missing << node;
        }
        if (!missing.isEmpty())
            parts << QObject::tr("not registered: %1").arg(missing.join(QStringLiteral(", ")));
        check.detail = parts.join(QStringLiteral("; "));
        check.passed = failing.isEmpty() && missing.isEmpty();
        return check.passed;
    });
    return check;
}

VerificationCheck ClusterVerifier::jobRuns(QString *jobId)
{
    // Only on idle nodes, and never queued behind the users' jobs: a busy cluster is healthy.
    const QStringList nodes = m_idleNodes;
    VerificationCheck check{QObject::tr("a job runs on the %n idle node(s) (srun hostname)", nullptr,
                                        static_cast<int>(nodes.size())),
                            false,
                            {},
                            m_controller.plan().hostName};
    if (nodes.isEmpty()) {
        check.name = QObject::tr("a test job runs");
        check.passed = true;
        check.detail = QObject::tr("skipped: every node is busy with jobs");
        return check;
    }
    const Result<ExecResult> job = onController(
        {QStringLiteral("srun"), QStringLiteral("-N%1").arg(nodes.size()), QStringLiteral("-w"),
         nodes.join(u','), QStringLiteral("--immediate=30"), QStringLiteral("-t"), QStringLiteral("1"),
         QStringLiteral("-J"), QStringLiteral("slurmdeck-verify"), QStringLiteral("hostname")},
        std::chrono::seconds(120));
    if (!job) {
        check.detail = job.error().toString();
        return check;
    }
    QStringList hosts = QString::fromUtf8(job->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    hosts.sort();
    check.passed = job->succeeded() && hosts.size() == nodes.size();
    check.detail = check.passed
                       ? hosts.join(QStringLiteral(", "))
                       : QString::fromUtf8(job->standardOutput + job->standardError).trimmed().right(1500);
    const Result<ExecResult> last =
        onController({QStringLiteral("squeue"), QStringLiteral("-h"), QStringLiteral("-t"),
                      QStringLiteral("all"), QStringLiteral("-n"), QStringLiteral("slurmdeck-verify"),
                      QStringLiteral("-o"), QStringLiteral("%i")},
                     std::chrono::seconds(20));
    if (last)
        *jobId = QString::fromUtf8(last->standardOutput).split(u'\n', Qt::SkipEmptyParts).value(0);
    return check;
}

VerificationCheck ClusterVerifier::accountingRecords(const QString &jobId)
{
    VerificationCheck check{
        QObject::tr("accounting records the job (sacct)"), false, {}, m_controller.plan().hostName};
    waitFor(std::chrono::seconds(60), [&] {
        const Result<ExecResult> sacct =
            onController({QStringLiteral("sacct"), QStringLiteral("-n"), QStringLiteral("-X"),
                          QStringLiteral("-P"), QStringLiteral("--name=slurmdeck-verify"),
                          QStringLiteral("-o"), QStringLiteral("JobID,JobName,State")},
                         std::chrono::seconds(20));
        if (!sacct) {
            check.detail = sacct.error().toString();
            return false;
        }
        const QString out = QString::fromUtf8(sacct->standardOutput + sacct->standardError).trimmed();
        check.detail = out.right(500);
        check.passed = sacct->succeeded() && out.contains(QStringLiteral("slurmdeck-verify")) &&
                       (jobId.isEmpty() || out.contains(jobId));
        return check.passed;
    });
    return check;
}

namespace {

// The scrape targets the rendered prometheus.yml lists ("targets: ['host:port', ...]").
QStringList configuredTargets(const HostPlan &monitoring)
{
    const RenderedFile *config = monitoring.file(QStringLiteral("prometheus/prometheus.yml"));
    if (!config)
        return {};
    static const QRegularExpression targets(QStringLiteral("targets:\\s*\\[([^\\]]*)\\]"));
    QStringList found;
    for (QRegularExpressionMatchIterator it = targets.globalMatch(QString::fromUtf8(config->content));
         it.hasNext();) {
        for (const QString &target : it.next().captured(1).split(u',', Qt::SkipEmptyParts)) {
            const QString address = target.trimmed().remove(u'\'').remove(u'"');
            if (!address.isEmpty())
                found << address;
        }
    }
    return found;
}

} // namespace

VerificationCheck ClusterVerifier::targetsUp()
{
    const QStringList targets = configuredTargets(m_monitoring->plan());
    const int expected = int(targets.size());
    // Only this configuration's targets: a restarted Prometheus still answers `up` with the
    // last samples (up to 5 minutes old) of a host just taken out of the cluster.
    const QString upQuery = QStringLiteral("up{instance=~\"%1\"}").arg(targets.join(u'|'));
    VerificationCheck check{
        QObject::tr("every Prometheus target is up"), false, {}, m_monitoring->plan().hostName};
    static const QRegularExpression sample(QStringLiteral("^up\\{(.*)\\} => (\\d)"));
    waitFor(std::chrono::seconds(90), [&] {
        const Result<ExecResult> query = m_monitoring->runArgv(
            m_monitoring->compose().exec(QStringLiteral("prometheus"),
                                         {QStringLiteral("promtool"), QStringLiteral("query"),
                                          QStringLiteral("instant"), QStringLiteral("http://localhost:9090"),
                                          upQuery}),
            std::chrono::seconds(20));
        if (!query) {
            check.detail = query.error().toString();
            return false;
        }
        int up = 0;
        QStringList down;
        for (const QString &line :
             QString::fromUtf8(query->standardOutput).split(u'\n', Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch match = sample.match(line);
            if (!match.hasMatch())
                continue;
            if (match.captured(2) == u"1")
                ++up;
            else
                down << match.captured(1);
        }
        // A target not scraped yet has no `up` sample: all of them must be there and up.
        check.detail = down.isEmpty() ? QObject::tr("%1 of %2 targets up").arg(up).arg(expected)
                                      : QObject::tr("down: %1").arg(down.join(QStringLiteral("; ")));
        check.passed = up > 0 && up >= expected && down.isEmpty();
        return check.passed;
    });
    return check;
}

QList<VerificationCheck> ClusterVerifier::run()
{
    QList<VerificationCheck> checks{controllerAnswers()};
    if (!checks.last().passed)
        return checks;
    checks << nodesHealthy();
    if (checks.last().passed && !m_nodes.isEmpty()) {
        QString jobId;
        checks << jobRuns(&jobId);
        if (m_accounting && checks.last().passed && !m_idleNodes.isEmpty())
            checks << accountingRecords(jobId);
    }
    if (m_monitoring)
        checks << targetsUp();
    return checks;
}

} // namespace SlurmDeck
