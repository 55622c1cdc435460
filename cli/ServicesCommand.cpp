// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ServicesCommand.h"

#include "deploy/ServiceControl.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SlurmDeck {

namespace {

const QStringList &actions()
{
    static const QStringList names{QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
                                   QStringLiteral("logs")};
    return names;
}

// "since 2024-05-01 10:20:30", in local time.
QString sinceText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

// The STATE and DETAIL columns: STATE is running or stopped (or restarting, paused).
std::pair<QString, QString> describe(const ServiceStatus &status)
{
    const QString since = sinceText(status.since);
    QString detail;
    QString state;
    switch (status.state) {
    case ServiceState::Running:
        state = QObject::tr("running");
        detail = since.isEmpty() ? QString() : QObject::tr("since %1").arg(since);
        if (!status.health.isEmpty())
            detail += QStringLiteral(" (%1)").arg(status.health);
        break;
    case ServiceState::Restarting:
    case ServiceState::Paused:
        state = stateText(status.state);
        detail = since.isEmpty() ? QString() : QObject::tr("since %1").arg(since);
        break;
    case ServiceState::Exited:
        state = QObject::tr("stopped");
        detail = since.isEmpty() ? QObject::tr("exited with %1").arg(status.exitCode)
                                 : QObject::tr("exited with %1 at %2").arg(status.exitCode).arg(since);
        break;
    case ServiceState::Created:
        state = QObject::tr("stopped");
        detail = QObject::tr("created, never started");
        break;
    case ServiceState::Absent:
        state = QObject::tr("stopped");
        detail = QObject::tr("no container");
        break;
    }
    if (!status.planned) {
        detail = status.state == ServiceState::Running ? QObject::tr("not in the plan (a deploy removes it)")
                                                       : QObject::tr("not in the plan");
        state += u',';
    }
    return {state, detail.trimmed()};
}

// `services --json`: one object per host, its services in plan order; times ISO 8601 (UTC).
QJsonObject toJson(const QString &host, const HostServices &answer)
{
    static const QHash<ServiceState, QString> states{{ServiceState::Running, QStringLiteral("running")},
                                                     {ServiceState::Restarting, QStringLiteral("restarting")},
                                                     {ServiceState::Paused, QStringLiteral("paused")},
                                                     {ServiceState::Exited, QStringLiteral("exited")},
                                                     {ServiceState::Created, QStringLiteral("created")},
                                                     {ServiceState::Absent, QStringLiteral("absent")}};
    QJsonArray services;
    for (const ServiceStatus &status : answer.services) {
        services.append(QJsonObject{
            {QStringLiteral("service"), status.service},
            {QStringLiteral("state"), states.value(status.state)},
            {QStringLiteral("since"),
             status.since.isValid() ? QJsonValue(status.since.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("exit_code"), status.exitCode},
            {QStringLiteral("health"), status.health.isEmpty() ? QJsonValue() : QJsonValue(status.health)},
            {QStringLiteral("planned"), status.planned},
        });
    }
    return QJsonObject{
        {QStringLiteral("host"), host},
        {QStringLiteral("reachable"), !answer.error},
        {QStringLiteral("error"), answer.error ? QJsonValue(answer.error->toString()) : QJsonValue()},
        {QStringLiteral("services"), services}};
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
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("List as JSON: per host, each service's state, since, exit code, health."));
    parser.addOptions({follow, tail, json});
    if (!parse(context, parser, QStringLiteral("services"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] services [HOST] "
                              "[start|stop|restart|logs [-f] [--tail N]] [SERVICE] [--json]")))
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
    m_json = parser.isSet(json);
    if (m_json && !m_action.isEmpty()) {
        err() << tr("--json goes with the list (no action).\n");
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
    prepareCluster([this] { planReady(); }, false); // no secret needed: the keychain is not asked
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
    ServiceControl *control = serviceControl();
    auto answers = std::make_shared<QHash<QString, HostServices>>();
    connect(control, &ServiceControl::servicesListed, this,
            [this, hosts, answers](const HostServices &report) {
                answers->insert(report.host, report);
                if (answers->size() < hosts.size())
                    return;
                bool allOk = true;
                if (m_json) {
                    QJsonArray array;
                    for (const QString &host : hosts) {
                        allOk = allOk && !answers->value(host).error;
                        array.append(toJson(host, answers->value(host)));
                    }
                    out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
                    done(allOk ? CliOk : CliFailure);
                    return;
                }
                out() << QStringLiteral("%1 %2 %3 %4\n")
                             .arg(tr("HOST"), -12)
                             .arg(tr("SERVICE"), -16)
                             .arg(tr("STATE"), -10)
                             .arg(tr("DETAIL"));
                for (const QString &host : hosts) {
                    const HostServices &answer = answers->value(host);
                    if (answer.error) {
                        allOk = false;
                        out() << QStringLiteral("%1 %2 %3\n")
                                     .arg(host, -12)
                                     .arg(QStringLiteral("-"), -16)
                                     .arg(tr("unreachable: ") + answer.error->toString());
                        continue;
                    }
                    for (const ServiceStatus &status : answer.services) {
                        const auto [state, detail] = describe(status);
                        out() << QStringLiteral("%1 %2 %3 %4")
                                     .arg(host, -12)
                                     .arg(status.service, -16)
                                     .arg(state, -10)
                                     .arg(detail)
                                     .trimmed()
                              << u'\n';
                    }
                }
                if (!allOk)
                    hintAboutHostKeys();
                done(allOk ? CliOk : CliFailure);
            });
    for (const QString &host : hosts)
        control->listServices(host);
}

void ServicesCommand::act(const QStringList &hosts)
{
    ServiceControl *control = serviceControl();
    if (m_action == u"logs" && m_follow) {
        follow(hosts);
        return;
    }
    // One answer per host, printed in host order once all are in.
    struct Answer
    {
        std::optional<Error> error;
        QStringList lines;
    };
    auto answers = std::make_shared<QHash<QString, Answer>>();
    const auto collected = [this, hosts, answers](const QString &host, const Answer &answer) {
        answers->insert(host, answer);
        if (answers->size() < hosts.size())
            return;
        bool allOk = true;
        const bool logs = m_action == u"logs";
        for (const QString &name : hosts) {
            const Answer &result = answers->value(name);
            if (result.error) {
                allOk = false;
                err() << name << tr(": FAILED: ") << result.error->toString() << u'\n';
                continue;
            }
            if (logs && hosts.size() > 1)
                out() << QStringLiteral("== %1 ==\n").arg(name);
            for (const QString &line : result.lines) {
                if (!logs)
                    out() << name << QStringLiteral(": ");
                out() << line << u'\n';
            }
        }
        if (!allOk)
            hintAboutHostKeys();
        done(allOk ? CliOk : CliFailure);
    };
    if (m_action == u"logs") {
        connect(control, &ServiceControl::logsRead, this, [collected](const ServiceLogs &logs) {
            collected(logs.host, Answer{logs.error, logs.lines});
        });
        for (const QString &host : hosts)
            control->readLogs(host, m_service, m_tail);
        return;
    }
    const ServiceAction action = m_action == u"start"  ? ServiceAction::Start
                                 : m_action == u"stop" ? ServiceAction::Stop
                                                       : ServiceAction::Restart;
    connect(control, &ServiceControl::actionFinished, this, [collected](const ServiceActionReport &report) {
        collected(report.host, Answer{report.error, QStringList{report.message}});
    });
    for (const QString &host : hosts)
        control->runAction(host, action, m_service.isEmpty() ? QStringList() : QStringList{m_service});
}

void ServicesCommand::follow(const QStringList &hosts)
{
    // Runs until Ctrl+C ends the process, or every host's follow ended on an error.
    ServiceControl *control = serviceControl();
    connect(control, &ServiceControl::logLinesArrived, this,
            [this](int, const QString &host, const QStringList &lines) {
                for (const QString &line : lines)
                    out() << host << QStringLiteral(": ") << line << u'\n';
                out().flush();
            });
    auto remaining = std::make_shared<qsizetype>(hosts.size());
    auto failed = std::make_shared<bool>(false);
    connect(control, &ServiceControl::followFinished, this,
            [this, remaining, failed](int, const QString &host, const QString &error) {
                if (!error.isEmpty()) {
                    *failed = true;
                    err() << host << tr(": FAILED: ") << error << u'\n';
                }
                if (--*remaining == 0) {
                    if (*failed)
                        hintAboutHostKeys();
                    done(*failed ? CliFailure : CliOk);
                }
            });
    for (const QString &host : hosts)
        control->followLogs(host, m_service, m_tail);
}

} // namespace SlurmDeck
