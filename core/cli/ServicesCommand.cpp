#include "cli/ServicesCommand.h"

#include "deploy/HostDeployer.h"

#include <QThread>

namespace SlurmDeck {

namespace {

const QStringList &actions()
{
    static const QStringList names{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
                                   QStringLiteral("logs")};
    return names;
}

Error composeFailure(const HostDeployer &deployer, const QString &what, const ExecResult &result)
{
    return makeError(Error::Code::RemoteCommandFailed,
                     QObject::tr("Compose could not %1 on %2.").arg(what, deployer.plan().hostName),
                     QString::fromUtf8(result.standardError).trimmed().right(2000));
}

QStringList logLines(const QByteArray &output)
{
    return QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
}

// Polls `logs --timestamps` and prints what is new: the timestamps (nanoseconds) make every
// line unique, so the last line printed marks where the next poll goes on. Ends on an error
// or when cancelled (the user's Ctrl+C ends the process).
Result<QStringList> followLogs(HostDeployer &deployer, const QString &service, int tail,
                               const std::function<void(const QString &)> &post, const CancelToken &cancel)
{
    QString last;
    int lines = tail;
    while (!cancel.isCancelled()) {
        const Result<ExecResult> fetched = deployer.composeRun(
            {QStringLiteral("logs"), QStringLiteral("--no-color"), QStringLiteral("--timestamps"),
             QStringLiteral("--tail"), QString::number(lines), service},
            std::chrono::seconds(60));
        if (!fetched)
            return fetched.error();
        if (!fetched->succeeded())
            return composeFailure(deployer, QObject::tr("read the logs of %1").arg(service), *fetched);
        const QStringList fresh = logLines(fetched->standardOutput);
        const qsizetype seen = last.isEmpty() ? -1 : fresh.lastIndexOf(last);
        for (qsizetype i = seen + 1; i < fresh.size(); ++i)
            post(fresh.at(i));
        if (!fresh.isEmpty())
            last = fresh.constLast();
        lines = 1000;
        for (int i = 0; i < 20 && !cancel.isCancelled(); ++i)
            QThread::msleep(100);
    }
    return QStringList();
}

} // namespace

void ServicesCommand::start(const CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("HOST"), tr("A host of the cluster (default: every host)."));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 tr("start, stop, restart or logs (default: list)."));
    parser.addPositionalArgument(QStringLiteral("SERVICE"),
                                 tr("A service, e.g. slurmd (default: all of the host's)."));
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")},
                                    tr("logs: keep printing new lines until Ctrl+C."));
    const QCommandLineOption tail(QStringLiteral("tail"),
                                  tr("logs: how many of the last lines (default 50)."), QStringLiteral("N"));
    parser.addOptions({follow, tail});
    if (!parse(context, parser, QStringLiteral("services"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] services [HOST] "
                              "[start|stop|restart|logs [-f] [--tail N]] [SERVICE]")))
        return;

    const QStringList args = parser.positionalArguments();
    qsizetype next = 0;
    if (next < args.size() && !actions().contains(args.at(next)))
        m_host = args.at(next++);
    if (next < args.size()) {
        m_action = args.at(next++);
        if (!actions().contains(m_action)) {
            err() << tr("services: unknown action '%1'; use start, stop, restart or logs.\n").arg(m_action);
            done(CliUsage);
            return;
        }
    }
    if (next < args.size())
        m_service = args.at(next++);
    if (next < args.size()) {
        err() << tr("services: too many arguments; run 'slurmdeck-cli services --help'.\n");
        done(CliUsage);
        return;
    }
    if (m_action == u"logs" && m_service.isEmpty()) {
        err() << tr("services logs wants a SERVICE, e.g. slurmdeck-cli services primary logs slurmctld\n");
        done(CliUsage);
        return;
    }
    if ((parser.isSet(follow) || parser.isSet(tail)) && m_action != u"logs") {
        err() << tr("-f and --tail go with the logs action.\n");
        done(CliUsage);
        return;
    }
    m_follow = parser.isSet(follow);
    if (parser.isSet(tail)) {
        bool ok = false;
        m_tail = parser.value(tail).toInt(&ok);
        if (!ok || m_tail < 1 || m_tail > 100000) {
            err() << tr("--tail wants a number of lines from 1 to 100000.\n");
            done(CliUsage);
            return;
        }
    }
    prepareCluster([this] { planReady(); });
}

void ServicesCommand::planReady()
{
    if (!m_host.isEmpty() && !hostPlan(m_host)) {
        err() << tr("%1 is not a host of the cluster; its hosts are %2.\n")
                     .arg(m_host, hostNames().join(QStringLiteral(", ")));
        done(CliUsage);
        return;
    }
    QStringList hosts;
    for (const QString &host : hostNames()) {
        if (!m_host.isEmpty() && host != m_host)
            continue;
        if (!m_service.isEmpty() && !hostPlan(host)->services.contains(m_service)) {
            if (!m_host.isEmpty()) {
                err() << tr("%1 is not one of %2's services (%3).\n")
                             .arg(m_service, host, hostPlan(host)->services.join(QStringLiteral(", ")));
                done(CliUsage);
                return;
            }
            continue;
        }
        hosts << host;
    }
    if (hosts.isEmpty()) {
        err() << tr("No host of the cluster runs %1.\n").arg(m_service);
        done(CliUsage);
        return;
    }
    if (m_action.isEmpty())
        list(hosts);
    else
        act(hosts);
}

void ServicesCommand::list(const QStringList &hosts)
{
    runOnHosts(
        hosts, [](HostDeployer &deployer, const LinePoster &) { return deployer.runningServices(); },
        [this](const QList<HostOutcome> &outcomes) {
            bool allOk = true;
            out()
                << QStringLiteral("%1 %2 %3\n").arg(tr("HOST"), -12).arg(tr("SERVICE"), -16).arg(tr("STATE"));
            for (const HostOutcome &outcome : outcomes) {
                if (!outcome.result) {
                    allOk = false;
                    out() << QStringLiteral("%1 %2 %3\n")
                                 .arg(outcome.host, -12)
                                 .arg(QStringLiteral("-"), -16)
                                 .arg(tr("unreachable: ") + outcome.result.error().toString());
                    continue;
                }
                const QStringList &running = *outcome.result;
                const QStringList planned = hostPlan(outcome.host)->services;
                for (const QString &service : planned) {
                    out() << QStringLiteral("%1 %2 %3\n")
                                 .arg(outcome.host, -12)
                                 .arg(service, -16)
                                 .arg(running.contains(service) ? tr("running") : tr("stopped"));
                }
                for (const QString &service : running) {
                    if (!planned.contains(service))
                        out() << QStringLiteral("%1 %2 %3\n")
                                     .arg(outcome.host, -12)
                                     .arg(service, -16)
                                     .arg(tr("running, not in the plan (a deploy removes it)"));
                }
            }
            if (!allOk)
                hintAboutHostKeys();
            done(allOk ? CliOk : CliFailure);
        });
}

void ServicesCommand::act(const QStringList &hosts)
{
    const QString action = m_action;
    const QString service = m_service;
    const int tail = m_tail;
    const bool follow = m_follow;
    const CancelToken cancel; // the process ends on Ctrl+C; nothing else cancels a follow
    runOnHosts(
        hosts,
        [=](HostDeployer &deployer, const LinePoster &post) -> Result<QStringList> {
            const QStringList services = service.isEmpty() ? deployer.plan().services : QStringList{service};
            const QString names = services.join(QStringLiteral(", "));
            if (action == u"start") {
                const Result<HostDeployer::StartOutcome> started = deployer.startServices(services, {});
                if (!started)
                    return started.error();
                return QStringList{
                    started->started.isEmpty()
                        ? QObject::tr("%1 running already").arg(names)
                        : QObject::tr("started %1").arg(started->started.join(QStringLiteral(", ")))};
            }
            if (action == u"stop" || action == u"restart") {
                const ComposeCommand compose = deployer.compose();
                const bool stop = action == u"stop";
                const Result<ExecResult> ran =
                    deployer.runArgv(stop ? compose.stop(service.isEmpty() ? QStringList() : services)
                                          : compose.restart(service.isEmpty() ? QStringList() : services),
                                     std::chrono::seconds(300));
                if (!ran)
                    return ran.error();
                if (!ran->succeeded())
                    return composeFailure(deployer, QStringLiteral("%1 %2").arg(action, names), *ran);
                return QStringList{stop ? QObject::tr("stopped %1").arg(names)
                                        : QObject::tr("restarted %1").arg(names)};
            }
            if (follow)
                return followLogs(deployer, service, tail, post, cancel);
            const Result<ExecResult> logs =
                deployer.runArgv(deployer.compose().logs(service, tail), std::chrono::seconds(60));
            if (!logs)
                return logs.error();
            if (!logs->succeeded())
                return composeFailure(
                    deployer, QObject::tr("read the logs of %1 (is the cluster deployed?)").arg(service),
                    *logs);
            return logLines(logs->standardOutput);
        },
        [this](const QList<HostOutcome> &outcomes) {
            bool allOk = true;
            const bool logs = m_action == u"logs";
            for (const HostOutcome &outcome : outcomes) {
                if (!outcome.result) {
                    allOk = false;
                    err() << outcome.host << tr(": FAILED: ") << outcome.result.error().toString() << u'\n';
                    continue;
                }
                if (logs && outcomes.size() > 1)
                    out() << QStringLiteral("== %1 ==\n").arg(outcome.host);
                for (const QString &line : *outcome.result) {
                    if (!logs)
                        out() << outcome.host << QStringLiteral(": ");
                    out() << line << u'\n';
                }
            }
            if (!allOk)
                hintAboutHostKeys();
            done(allOk ? CliOk : CliFailure);
        });
}

} // namespace SlurmDeck
