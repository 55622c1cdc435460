// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BackupCommand.h"

#include "cli/CliHostKeyPolicy.h"
#include "cli/Terminal.h"
#include "secrets/SealedSecrets.h"
#include "session/ClusterBackupRun.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace SlurmDeck {

void BackupCommand::start(const CliContext &context)
{
    const bool backingUp = m_mode == Mode::Backup;
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"),
                                   backingUp
                                       ? tr("Replace FILE when it exists.")
                                       : tr("With --secrets-only: replace other secrets of this cluster in "
                                            "the keychain."));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 tr("Do not ask for confirmation (needed without a terminal)."));
    const QCommandLineOption withSecrets(
        QStringLiteral("with-secrets"),
        tr("Put the munge key and database password into the backup too, sealed with a passphrase."));
    const QCommandLineOption secretsOnly(
        QStringLiteral("secrets-only"),
        tr("Put the backup's sealed munge key and database password into this "
           "machine's keychain, and change nothing on the hosts."));
    const QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        tr("Read the passphrase from the first line of FILE instead of the terminal."),
        QStringLiteral("FILE"));
    parser.addOptions({force, backingUp ? withSecrets : secretsOnly, passphraseFile});
    if (!backingUp)
        parser.addOption(yes);
    if (!parse(context, parser, backingUp ? QStringLiteral("backup") : QStringLiteral("restore"),
               backingUp
                   ? QStringLiteral("slurmdeck-cli [--cluster FILE] backup FILE [--force] [--with-secrets "
                                    "[--passphrase-file FILE]]")
                   : QStringLiteral("slurmdeck-cli [--cluster FILE] restore FILE [--yes] | --secrets-only "
                                    "[--passphrase-file FILE] [--force]")))
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
    m_force = parser.isSet(force);
    m_yes = !backingUp && parser.isSet(yes);
    m_sealed = parser.isSet(backingUp ? withSecrets : secretsOnly);
    if (parser.isSet(passphraseFile) && !m_sealed) {
        err() << tr("--passphrase-file goes with %1.\n")
                     .arg(backingUp ? QStringLiteral("--with-secrets") : QStringLiteral("--secrets-only"));
        done(CliUsage);
        return;
    }
    if (backingUp && QFileInfo::exists(m_file) && !m_force) {
        err() << tr("%1 exists already; use --force to replace it.\n").arg(m_file);
        done(CliFailure);
        return;
    }
    if (!backingUp && !m_sealed && !m_yes && !hasTerminal()) {
        err() << tr("restore replaces the cluster's accounting and queue and there is no terminal to confirm "
                    "on: run it with --yes.\n");
        done(CliUsage);
        return;
    }
    if (m_sealed) {
        std::optional<QByteArray> passphrase = readPassphrase(parser.value(passphraseFile), backingUp);
        if (!passphrase) {
            done(CliUsage);
            return;
        }
        m_passphrase = std::move(*passphrase);
    }
    prepareCluster([this] { located(); }, false); // the keychain is read only for --with-secrets
}

std::optional<QByteArray> BackupCommand::readPassphrase(const QString &file, bool twice)
{
    QByteArray passphrase;
    if (!file.isEmpty()) {
        QFile source(file);
        if (!source.open(QIODevice::ReadOnly)) {
            err() << tr("Cannot read the passphrase from %1: %2\n").arg(file, source.errorString());
            return std::nullopt;
        }
        passphrase = source.readLine(4096);
        while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
            passphrase.chop(1);
    } else if (!hasTerminal()) {
        err() << tr(
            "The secrets are sealed with a passphrase and there is no terminal to type it on: give it "
            "with --passphrase-file FILE.\n");
        return std::nullopt;
    } else {
        const std::optional<QByteArray> typed =
            Terminal::ask(tr("Passphrase for the sealed secrets: ").toUtf8(), true);
        if (!typed)
            return std::nullopt;
        if (twice && Terminal::ask(tr("The same passphrase again: ").toUtf8(), true) != typed) {
            err() << tr("The two passphrases differ; nothing was written.\n");
            return std::nullopt;
        }
        passphrase = *typed;
    }
    if (passphrase.size() < SealedSecrets::minimumPassphraseLength) {
        err() << tr("The passphrase is too short: it takes at least %1 characters.\n")
                     .arg(SealedSecrets::minimumPassphraseLength);
        return std::nullopt;
    }
    return passphrase;
}

void BackupCommand::located()
{
    m_run = session().operation<ClusterBackupRun>(plan(), targets(), this);
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
        if (!m_sealed) {
            m_run->backup(m_file, clusterPath(), m_force);
            return;
        }
        auto *secrets = new ClusterSecrets(cluster().keychainService(), this);
        secrets->read(this, [this](Result<ClusterSecrets::Values> values) {
            if (!values) {
                err() << tr("Cannot read the cluster's secrets from the keychain: %1\nNothing was written.\n")
                             .arg(values.error().toString());
                done(CliFailure);
                return;
            }
            m_run->sealSecrets(*values, m_passphrase);
            m_passphrase.fill('\0');
            m_run->backup(m_file, clusterPath(), m_force);
        });
        return;
    }
    connect(m_run, &ClusterBackupRun::opened, this, [this](const Result<BackupManifest> &manifest) {
        if (!manifest) {
            err() << tr("Nothing was changed: %1\n").arg(manifest.error().toString());
            done(CliFailure);
            return;
        }
        if (m_sealed)
            return unsealSecrets();
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

void BackupCommand::unsealSecrets()
{
    connect(m_run, &ClusterBackupRun::unsealed, this, [this](const Result<ClusterSecrets::Values> &values) {
        if (!values) {
            err() << tr("Nothing was changed: %1\n").arg(values.error().toString());
            done(CliFailure);
            return;
        }
        auto *secrets = new ClusterSecrets(cluster().keychainService(), this);
        secrets->store(*values, m_force, this, [this](Result<void> stored) {
            if (!stored) {
                err() << tr("Nothing was changed: %1\n").arg(stored.error().toString());
                done(CliFailure);
                return;
            }
            out() << tr("The backup's munge key and database password are in this machine's keychain (%1). "
                        "Nothing changed on the hosts: the next 'slurmdeck-cli deploy' gives them these "
                        "secrets.\n")
                         .arg(cluster().keychainService());
            done(CliOk);
        });
    });
    m_run->unsealSecrets(m_passphrase);
    m_passphrase.fill('\0');
}

} // namespace SlurmDeck
