// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/ClusterFile.h"

#include "common/AppPaths.h"
#include "inventory/ClusterYamlReader.h"
#include "inventory/ClusterYamlWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace SlurmDeck {

namespace {

Error problemsError(const QString &file, const QList<Diagnostic> &diagnostics)
{
    return makeError(
        Error::Code::Parse,
        diagnostics.size() == 1
            ? QStringLiteral("The cluster file %1 has a problem: %2").arg(file, diagnostics.first().message)
            : QStringLiteral("The cluster file %1 has %2 problems; the first: %3")
                  .arg(file)
                  .arg(diagnostics.size())
                  .arg(diagnostics.first().message),
        diagnosticsToString(diagnostics));
}

} // namespace

Result<Cluster> ClusterFile::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("There is no cluster file at %1. Create one with `slurmdeck-cli init` "
                           "(or name another with --cluster FILE).")
                .arg(QDir::toNativeSeparators(path)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            Error::Code::Io,
            QStringLiteral("Cannot read the cluster file %1.").arg(QDir::toNativeSeparators(path)),
            file.errorString());
    return loadFromString(QString::fromUtf8(file.readAll()), path);
}

Result<Cluster> ClusterFile::loadFromString(const QString &text, const QString &displayName)
{
    ClusterReadOutcome outcome = readClusterYaml(text, displayName);
    if (!outcome.diagnostics.isEmpty())
        return problemsError(displayName, outcome.diagnostics);
    return std::move(outcome.cluster);
}

QList<Diagnostic> ClusterFile::validate(const QString &text, const QString &displayName)
{
    return readClusterYaml(text, displayName).diagnostics;
}

QByteArray ClusterFile::toYaml(const Cluster &cluster)
{
    return writeClusterYaml(cluster);
}

Result<void> ClusterFile::save(const Cluster &cluster, const QString &path)
{
    const QByteArray yaml = toYaml(cluster);
    // Checking the text we are about to write catches every invalid model with the same
    // rules as loading, so a saved file always loads back.
    if (const QList<Diagnostic> problems = validate(QString::fromUtf8(yaml), path); !problems.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Not saving the cluster to %1: %2")
                             .arg(QDir::toNativeSeparators(path), problems.first().message),
                         diagnosticsToString(problems));

    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return makeError(Error::Code::Io, QStringLiteral("Cannot create the folder %1 for the cluster file.")
                                              .arg(QDir::toNativeSeparators(directory)));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            Error::Code::Io,
            QStringLiteral("Cannot write the cluster file %1.").arg(QDir::toNativeSeparators(path)),
            file.errorString());
    // flush() before commit(): Qt 6.4's QSaveFile commits after a short write (disk full,
    // file size limit) that leaves no engine error, replacing the old file with a truncated
    // one. A failed flush makes the destructor discard the temporary file instead.
    if (file.write(yaml) != yaml.size() || !file.flush() || !file.commit())
        return makeError(
            Error::Code::Io,
            QStringLiteral("Cannot write the cluster file %1; the previous file, if any, is unchanged.")
                .arg(QDir::toNativeSeparators(path)),
            file.errorString());
    return {};
}

QString ClusterFile::clustersDirectory()
{
    return AppPaths::configDirectory() + QStringLiteral("/clusters");
}

QString ClusterFile::defaultPath()
{
    return clustersDirectory() + QStringLiteral("/default.yaml");
}

QString ClusterFile::resolvePath(const QString &overridePath)
{
    const QString given = overridePath.isEmpty() ? qEnvironmentVariable("SLURMDECK_CLUSTER") : overridePath;
    if (given.isEmpty())
        return defaultPath();
    const bool bareName = !given.contains(u'/') && !given.endsWith(QLatin1String(".yaml")) &&
                          !given.endsWith(QLatin1String(".yml")) && !QFileInfo::exists(given);
    return bareName ? clustersDirectory() + u'/' + given + QStringLiteral(".yaml") : given;
}

} // namespace SlurmDeck
