// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "slurm/JobRequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace SlurmDeck::Ui {

// A named job request the submit dialog starts from: the built-in ones (plain shell, job
// array, multi-node, GPU job) and the user's own, kept as JSON in the application's data
// directory (QStandardPaths::AppDataLocation, job-templates.json).
struct JobTemplate
{
    QString name;
    JobRequest request;
    bool builtIn = false;
};

class JobTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(JobTemplates)

public:
    [[nodiscard]] static QList<JobTemplate> builtIns();

    // The user's templates file; empty path: the default location.
    explicit JobTemplates(QString path = {});

    [[nodiscard]] QString path() const { return m_path; }
    // Reads the file (a missing file is no template, not an error).
    [[nodiscard]] Result<QList<JobTemplate>> load() const;
    // Adds or replaces the template of that name and writes the file.
    [[nodiscard]] Result<void> save(const JobTemplate &jobTemplate) const;
    [[nodiscard]] Result<void> remove(const QString &name) const;

private:
    [[nodiscard]] Result<void> write(const QList<JobTemplate> &templates) const;

    QString m_path;
};

} // namespace SlurmDeck::Ui
