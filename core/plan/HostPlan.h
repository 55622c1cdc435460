// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/ComposeCommand.h"
#include "inventory/Platform.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

// One file to put on a host, relative to the host's project directory.
struct RenderedFile
{
    QString path; // e.g. "etc/slurm/slurm.conf"
    QByteArray content;
    int mode = 0644;
    bool secret = false; // content never shown in previews, diffs or logs

    bool operator==(const RenderedFile &) const = default;
};

// A shared directory as one host has it: its path there and where the Slurm containers
// see it (SharedMounts).
struct SharedMount
{
    QString source;
    QString mount;

    bool operator==(const SharedMount &) const = default;
};

// Everything one host gets: where its files go, the files, and the services it starts.
struct HostPlan
{
    QString hostName;       // the cluster file's host name = Slurm NodeName
    QString address;        // where SSH reaches it (address or alias)
    QString networkAddress; // what other hosts use to reach it (NodeAddr, scrape targets)
    Platform platform = Platform::Linux;
    QString directory; // the project directory D on the host
    QList<RenderedFile> files;
    QStringList profiles;            // compose profiles of its roles
    QStringList services;            // exactly the services to start, in start order
    ComposeProject project;          // name, directory, files
    QList<SharedMount> sharedMounts; // for its slurmd and slurmctld; empty: none

    [[nodiscard]] const RenderedFile *file(const QString &path) const
    {
        for (const RenderedFile &f : files) {
            if (f.path == path)
                return &f;
        }
        return nullptr;
    }
};

// An image SlurmDeck can build on a host (ImageSource::BuildOnHost): the tag the plan's
// compose files use and its build context, compose-templates/images/<name>/.
struct ImageBuildContext
{
    QString image;             // e.g. "slurmdeck/slurm:22.05"
    QString name;              // e.g. "slurm"
    QList<RenderedFile> files; // paths relative to the context; scripts 0755, the rest 0644
};

// The whole rendered cluster.
struct ClusterPlan
{
    QString clusterName;
    QString projectName; // compose project, "slurmdeck-<cluster>"
    QList<HostPlan> hosts;
    QString slurmImage;
    QString monitoringImage;
    QString databaseImage;
    QList<ImageBuildContext> buildContexts; // one per image
    QStringList notes;                      // things the user should know (optional services left out, ...)
    QStringList users;                      // who jobs run as (ClusterUsers::effective), first the default

    [[nodiscard]] const ImageBuildContext *buildContext(const QString &image) const
    {
        for (const ImageBuildContext &context : buildContexts) {
            if (context.image == image)
                return &context;
        }
        return nullptr;
    }
};

} // namespace SlurmDeck
