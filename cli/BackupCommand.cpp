// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BackupCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "session/ClusterBackupRun.h"

#include <QFileInfo>
#include <QLocale>

namespace SlurmDeck {

void BackupCommand::start(const CliContext &context)
{
    const bool backingUp = m_mode == Mode::Backup;
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"), tr("Replace FILE when it exists."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    parser.addOption(backingUp ? force : yes);
    if (!parse(context, parser, backingUp ? QStringLiteral("backup") : QStringLiteral("restore"),
               backingUp ? QStringLiteral("slurmdeck-cli [--cluster FILE] backup FILE [--force]")
                         : QStringLiteral("slurmdeck-cli [--cluster FILE] restore FILE [--yes]")))
        return;
    if (parser.positionalArguments().size() != 1) {
        err()
            << (backingUp
                    ? tr("backup wants one FILE to write, e.g. slurmdeck-cli backup homelab-2026-12-07.tar\n")
                    : tr("restore wants the backup FILE to read.\n"));
        done(CliUsage);
        return;
    }
    m_file = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    m_force = backingUp && parser.isSet(force);
    m_yes = !backingUp && parser.isSet(yes);
    if (backingUp && QFileInfo::exists(m_file) && !m_force) {
        err() << tr("%1 exists already; use --force to replace it.\n").arg(m_file);
        done(CliFailure);
        return;
    }
    if (!backingUp && !m_yes && !hasTerminal()) {
        err() << tr("restore replaces the cluster's accounting and queue and there is no terminal to confirm "
                    "on: run it with --yes.\n");
        done(CliUsage);
        return;
    }
    prepareCluster([this] { located(); }, false); // no secret: the keychain is not asked
}

void BackupCommand::located()
{
    m_run = new ClusterBackupRun(plan(), targets(), hostKeys(), credentials(), this);
    connect(m_run, &ClusterBackupRun::progress, this, [this](const QString &host, const QString &line) {
        out() << (host.isEmpty() ? line : host + QStringLiteral(": ") + line) << u'\n';
        out().flush();
    });
    connect(m_run, &ClusterBackupRun::finished, this, [this](bool ok, const QString &summary) {
        (ok ? out() : err()) << summary << u'\n';
        if (ok && m_mode == Mode::Restore)
            out() << tr("'slurmdeck-cli history' shows its jobs, 'slurmdeck-cli jobs' its queue.\n");
        if (!ok)
            hintAboutHostKeys();
        done(ok ? CliOk : CliFailure);
    });
    if (m_mode == Mode::Backup) {
        m_run->backup(m_file, clusterPath(), m_force);
        return;
    }
    connect(m_run, &ClusterBackupRun::opened, this, [this](const Result<BackupManifest> &manifest) {
        if (!manifest) {
            err() << tr("Nothing was changed: %1\n").arg(manifest.error().toString());
            done(CliFailure);
            return;
        }
        if (!m_yes &&
            !confirm(
                tr("Replace the accounting records and the job queue of %1 with those of the backup from "
                   "%2? What is queued or running now is forgotten.")
                    .arg(plan().clusterName,
                         QLocale::c().toString(manifest->created.toLocalTime(), QLocale::ShortFormat)))) {
            err() << tr("Nothing was changed.\n");
            done(CliFailure);
            return;
        }
        m_run->restore();
    });
    m_run->open(m_file);
}

} // namespace SlurmDeck
