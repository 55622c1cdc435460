// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PlanCommand.h"

#include "deploy/HostDeployer.h"
#include "deploy/RemoteFileDiff.h"
#include "secrets/ClusterSecrets.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SlurmDeck {

namespace {

constexpr auto mungeKeyPath = "secrets/munge.key";

QString modeText(int mode)
{
    return QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString mungeKeyFingerprint(const ClusterPlan &plan)
{
    for (const HostPlan &host : plan.hosts) {
        if (const RenderedFile *key = host.file(QLatin1String(mungeKeyPath)))
            return ClusterSecrets::fingerprint(key->content);
    }
    return {};
}

QString sha256(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

} // namespace

void PlanCommand::start(const CliContext &context)
{
    if (context.arguments.contains(QStringLiteral("--show-secrets"))) {
        *context.err << tr("plan never shows secrets: the munge key appears by its fingerprint and secret "
                           "files by path, mode and size. They live in your OS keychain.\n");
        emit finished(CliUsage);
        return;
    }
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("JSON output."));
    const QCommandLineOption files(QStringLiteral("files"), tr("Show the content of every non-secret file."));
    const QCommandLineOption diff(QStringLiteral("diff"),
                                  tr("Connect to each host (read-only) and show how its files differ from "
                                     "the plan."));
    parser.addOptions({json, files, diff});
    if (!parse(context, parser, QStringLiteral("plan"),
               QStringLiteral("slurmdeck-cli [--cluster FILE] plan [--json] [--files] [--diff]")))
        return;
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("plan takes no arguments; run 'slurmdeck-cli plan --help'.\n");
        done(CliUsage);
        return;
    }
    m_json = parser.isSet(json);
    m_files = parser.isSet(files);
    const bool wantDiff = parser.isSet(diff);
    prepareCluster([this, wantDiff] {
        if (wantDiff) {
            startDiff();
            return;
        }
        if (m_json)
            printJson();
        else
            printText();
        done(CliOk);
    });
}

void PlanCommand::printText() const
{
    const ClusterPlan &p = plan();
    QTextStream &o = out();
    o << tr("Cluster %1 (%2): %3 hosts, compose project %4\n")
             .arg(p.clusterName, clusterPath())
             .arg(p.hosts.size())
             .arg(p.projectName);
    o << tr("Images: %1, %2, %3\n").arg(p.slurmImage, p.monitoringImage, p.databaseImage);
    o << tr("Munge key: %1 (from the OS keychain; never shown)\n").arg(mungeKeyFingerprint(p));
    for (const HostPlan &host : p.hosts) {
        o << u'\n' << host.hostName << QStringLiteral(" (") << host.address;
        if (host.networkAddress != host.address)
            o << QStringLiteral(", reached by other hosts at ") << host.networkAddress;
        o << QStringLiteral(", ") << platformId(host.platform) << QStringLiteral(")\n");
        o << tr("  directory:     %1\n").arg(host.directory);
        o << tr("  compose files: %1\n").arg(host.project.files.join(QStringLiteral(", ")));
        o << tr("  profiles:      %1\n").arg(host.profiles.join(QStringLiteral(", ")));
        o << tr("  services:      %1\n").arg(host.services.join(QStringLiteral(", ")));
        o << tr("  files:\n");
        for (const RenderedFile &file : host.files) {
            o << QStringLiteral("    %1 %2  %3")
                     .arg(modeText(file.mode))
                     .arg(file.content.size(), 7)
                     .arg(file.path);
            if (file.secret)
                o << tr("  (secret)");
            o << u'\n';
            if (m_files && !file.secret) {
                for (const QString &line : QString::fromUtf8(file.content).split(u'\n')) {
                    o << QStringLiteral("      | ") << line << u'\n';
                }
            }
        }
    }
    if (!p.notes.isEmpty()) {
        o << tr("\nNotes:\n");
        for (const QString &note : p.notes)
            o << QStringLiteral("  - ") << note << u'\n';
    }
    o << tr(
        "\nRun 'slurmdeck-cli plan --diff' to compare with the hosts, 'slurmdeck-cli deploy' to apply.\n");
}

void PlanCommand::printJson() const
{
    const ClusterPlan &p = plan();
    QJsonArray hosts;
    for (const HostPlan &host : p.hosts) {
        QJsonArray files;
        for (const RenderedFile &file : host.files) {
            QJsonObject entry{{QStringLiteral("path"), file.path},
                              {QStringLiteral("mode"), modeText(file.mode)},
                              {QStringLiteral("size"), file.content.size()},
                              {QStringLiteral("secret"), file.secret}};
            if (!file.secret) {
                entry.insert(QStringLiteral("sha256"), sha256(file.content));
                if (m_files)
                    entry.insert(QStringLiteral("content"), QString::fromUtf8(file.content));
            }
            files.append(entry);
        }
        hosts.append(QJsonObject{{QStringLiteral("name"), host.hostName},
                                 {QStringLiteral("address"), host.address},
                                 {QStringLiteral("network_address"), host.networkAddress},
                                 {QStringLiteral("platform"), platformId(host.platform)},
                                 {QStringLiteral("directory"), host.directory},
                                 {QStringLiteral("compose_files"), toJsonArray(host.project.files)},
                                 {QStringLiteral("profiles"), toJsonArray(host.profiles)},
                                 {QStringLiteral("services"), toJsonArray(host.services)},
                                 {QStringLiteral("files"), files}});
    }
    const QJsonObject root{
        {QStringLiteral("cluster"), p.clusterName},
        {QStringLiteral("cluster_file"), clusterPath()},
        {QStringLiteral("project"), p.projectName},
        {QStringLiteral("images"), QJsonObject{{QStringLiteral("slurm"), p.slurmImage},
                                               {QStringLiteral("monitoring"), p.monitoringImage},
                                               {QStringLiteral("database"), p.databaseImage}}},
        {QStringLiteral("munge_key_fingerprint"), mungeKeyFingerprint(p)},
        {QStringLiteral("hosts"), hosts},
        {QStringLiteral("notes"), toJsonArray(p.notes)}};
    out() << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

void PlanCommand::startDiff()
{
    // Each host's worker fills its own list; they are read once every host is done.
    auto diffs = std::make_shared<QHash<QString, QList<FileDiff>>>();
    for (const QString &host : hostNames())
        diffs->insert(host, {});
    runOnHosts(
        hostNames(),
        [diffs](HostDeployer &deployer, const LinePoster &) -> Result<QStringList> {
            Result<QList<FileDiff>> compared = diffHostFiles(deployer);
            if (!compared)
                return compared.error();
            (*diffs)[deployer.plan().hostName] = *compared; // the key exists: no rehash
            return QStringList();
        },
        [this, diffs](const QList<HostOutcome> &outcomes) {
            int differing = 0;
            int failed = 0;
            QJsonArray hosts;
            for (const HostOutcome &outcome : outcomes) {
                const HostPlan *host = hostPlan(outcome.host);
                if (!outcome.result) {
                    ++failed;
                    if (m_json) {
                        hosts.append(
                            QJsonObject{{QStringLiteral("name"), outcome.host},
                                        {QStringLiteral("error"), outcome.result.error().toString()}});
                    } else {
                        err() << outcome.host << tr(": FAILED: ") << outcome.result.error().toString()
                              << u'\n';
                    }
                    continue;
                }
                QJsonArray files;
                if (!m_json)
                    out() << outcome.host << QStringLiteral(" (") << host->directory
                          << QStringLiteral("):\n");
                for (const FileDiff &file : diffs->value(outcome.host)) {
                    const QString status = statusText(file.status);
                    differing += file.status == FileDiff::Status::Unchanged ? 0 : 1;
                    if (m_json) {
                        QJsonObject entry{{QStringLiteral("path"), file.path},
                                          {QStringLiteral("status"), status},
                                          {QStringLiteral("secret"), file.secret}};
                        if (!file.diff.isEmpty())
                            entry.insert(QStringLiteral("diff"), file.diff);
                        if (!file.effect.isEmpty())
                            entry.insert(QStringLiteral("effect"), file.effect);
                        files.append(entry);
                        continue;
                    }
                    out() << QStringLiteral("  %1 %2").arg(status, -10).arg(file.path);
                    if (file.secret && file.status != FileDiff::Status::Unchanged)
                        out() << tr("  (secret: compared by SHA-256, not shown)");
                    out() << u'\n';
                    if (!file.effect.isEmpty())
                        out() << QStringLiteral("    ") << file.effect << u'\n';
                    out() << file.diff;
                }
                if (m_json)
                    hosts.append(QJsonObject{{QStringLiteral("name"), outcome.host},
                                             {QStringLiteral("files"), files}});
            }
            if (m_json) {
                out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("hosts"), hosts}})
                                               .toJson(QJsonDocument::Indented));
            } else {
                out() << (differing == 0
                              ? tr("Every host has the planned files.\n")
                              : tr("%n file(s) differ from the plan; 'slurmdeck-cli deploy' puts the "
                                   "planned ones in place.\n",
                                   nullptr, differing));
            }
            if (failed > 0)
                hintAboutHostKeys();
            done(failed == 0 ? CliOk : CliFailure);
        });
}

} // namespace SlurmDeck
