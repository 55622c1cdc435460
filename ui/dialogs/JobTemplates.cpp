// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/JobTemplates.h"

#include "common/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace SlurmDeck::Ui {

namespace {

QJsonObject toJson(const JobTemplate &jobTemplate)
{
    const JobRequest &r = jobTemplate.request;
    return QJsonObject{
        {QStringLiteral("name"), jobTemplate.name},
        {QStringLiteral("script"), r.script},
        {QStringLiteral("jobName"), r.name},
        {QStringLiteral("partition"), r.partition},
        {QStringLiteral("nodes"), r.nodes},
        {QStringLiteral("tasks"), r.tasks},
        {QStringLiteral("cpusPerTask"), r.cpusPerTask},
        {QStringLiteral("memoryMb"), r.memoryMb},
        {QStringLiteral("gpuType"), r.gpuType},
        {QStringLiteral("gpus"), r.gpus},
        {QStringLiteral("timeLimitMinutes"), r.timeLimitMinutes},
        {QStringLiteral("workingDirectory"), r.workingDirectory},
        {QStringLiteral("output"), r.outputPath},
        {QStringLiteral("error"), r.errorPath},
        {QStringLiteral("environment"), QJsonArray::fromStringList(r.environment)},
        {QStringLiteral("array"), r.array},
    };
}

JobTemplate fromJson(const QJsonObject &object)
{
    JobTemplate t;
    t.name = object.value(u"name").toString();
    JobRequest &r = t.request;
    r.script = object.value(u"script").toString();
    r.name = object.value(u"jobName").toString();
    r.partition = object.value(u"partition").toString();
    r.nodes = object.value(u"nodes").toInt();
    r.tasks = object.value(u"tasks").toInt();
    r.cpusPerTask = object.value(u"cpusPerTask").toInt();
    r.memoryMb = object.value(u"memoryMb").toInteger();
    r.gpuType = object.value(u"gpuType").toString();
    r.gpus = object.value(u"gpus").toInt();
    r.timeLimitMinutes = object.value(u"timeLimitMinutes").toInteger();
    r.workingDirectory = object.value(u"workingDirectory").toString();
    r.outputPath = object.value(u"output").toString();
    r.errorPath = object.value(u"error").toString();
    for (const QJsonValue &entry : object.value(u"environment").toArray())
        r.environment << entry.toString();
    r.array = object.value(u"array").toString();
    return t;
}

JobRequest scriptOnly(const QString &name, const QString &script)
{
    JobRequest request;
    request.name = name;
    request.script = script;
    request.timeLimitMinutes = 10;
    return request;
}

} // namespace

QList<JobTemplate> JobTemplates::builtIns()
{
    JobTemplate shell{
        tr("Plain shell"),
        scriptOnly(QStringLiteral("shell-job"), QStringLiteral("#!/bin/bash\n"
                                                               "# Runs on the first node of the allocation.\n"
                                                               "echo \"Job $SLURM_JOB_ID on $(hostname)\"\n"
                                                               "date\n")),
        true};
    JobTemplate array{
        tr("Job array"),
        scriptOnly(QStringLiteral("array-job"),
                   QStringLiteral("#!/bin/bash\n"
                                  "# One task per index; each sees its own index.\n"
                                  "echo \"Task $SLURM_ARRAY_TASK_ID of job $SLURM_ARRAY_JOB_ID on "
                                  "$(hostname)\"\n")),
        true};
    array.request.array = QStringLiteral("0-9%4");
    array.request.outputPath = QStringLiteral("array-%A_%a.out");
    JobTemplate multiNode{tr("Multi-node"),
                          scriptOnly(QStringLiteral("multi-node"),
                                     QStringLiteral("#!/bin/bash\n"
                                                    "# srun starts one copy per task, across the nodes.\n"
                                                    "srun hostname\n")),
                          true};
    multiNode.request.nodes = 2;
    multiNode.request.tasks = 2;
    JobTemplate gpu{
        tr("GPU job"),
        scriptOnly(QStringLiteral("gpu-job"),
                   QStringLiteral("#!/bin/bash\n"
                                  "# Slurm sets CUDA_VISIBLE_DEVICES to the GPUs it gave the job.\n"
                                  "echo \"GPUs: $CUDA_VISIBLE_DEVICES\"\n"
                                  "nvidia-smi || true\n")),
        true};
    gpu.request.gpus = 1;
    return {shell, array, multiNode, gpu};
}

JobTemplates::JobTemplates(QString path) : m_path(std::move(path))
{
    if (m_path.isEmpty())
        m_path = AppPaths::dataDirectory() + QStringLiteral("/job-templates.json");
}

Result<QList<JobTemplate>> JobTemplates::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return QList<JobTemplate>{};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, tr("Cannot read the job templates in %1.").arg(m_path),
                         file.errorString());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return makeError(Error::Code::Parse,
                         tr("The job templates in %1 are not readable; fix or delete the file.").arg(m_path),
                         error.errorString());
    QList<JobTemplate> templates;
    for (const QJsonValue &value : document.array()) {
        JobTemplate t = fromJson(value.toObject());
        if (!t.name.isEmpty())
            templates << t;
    }
    return templates;
}

Result<void> JobTemplates::write(const QList<JobTemplate> &templates) const
{
    QJsonArray array;
    for (const JobTemplate &t : templates)
        array.append(toJson(t));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(array).toJson()) < 0 || !file.commit())
        return makeError(Error::Code::Io, tr("Cannot save the job templates to %1.").arg(m_path),
                         file.errorString());
    return {};
}

Result<void> JobTemplates::save(const JobTemplate &jobTemplate) const
{
    Result<QList<JobTemplate>> templates = load();
    if (!templates)
        return templates.error();
    QList<JobTemplate> list = *templates;
    const auto same = [&jobTemplate](const JobTemplate &t) { return t.name == jobTemplate.name; };
    list.removeIf(same);
    JobTemplate saved = jobTemplate;
    saved.builtIn = false;
    list << saved;
    return write(list);
}

Result<void> JobTemplates::remove(const QString &name) const
{
    Result<QList<JobTemplate>> templates = load();
    if (!templates)
        return templates.error();
    QList<JobTemplate> list = *templates;
    list.removeIf([&name](const JobTemplate &t) { return t.name == name; });
    return write(list);
}

} // namespace SlurmDeck::Ui
