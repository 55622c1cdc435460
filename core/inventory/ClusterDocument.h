// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "inventory/Cluster.h"

#include <QObject>

namespace SlurmDeck {

// The open cluster: what the GUI edits. Holds the Cluster, the file it came from and
// whether it has unsaved changes. Every edit is validated (host names valid and unique)
// before it is applied, so the document never holds a cluster the user could not have
// typed; whether it can be *saved* (exactly one controller, ...) is ClusterFile's call.
class ClusterDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterDocument)

public:
    explicit ClusterDocument(QObject *parent = nullptr);

    [[nodiscard]] const Cluster &cluster() const { return m_cluster; }
    [[nodiscard]] const QList<Host> &hosts() const { return m_cluster.hosts; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isModified() const { return m_modified; }
    // The cluster's name, else the file's base name, else "Untitled".
    [[nodiscard]] QString displayName() const;

    // Replaces the document with the file's cluster. On failure the current cluster,
    // path and modified flag stay as they were and the error (every diagnostic in its
    // detail, one a line) is returned.
    [[nodiscard]] Result<void> load(const QString &path);
    // Starts an empty, unmodified cluster that will be saved to `path`.
    void reset(const QString &path);
    [[nodiscard]] Result<void> save();
    [[nodiscard]] Result<void> saveAs(const QString &path);

    void setClusterName(const QString &name);
    // Replaces the host named `name`; the new name must be valid and not taken by another host.
    [[nodiscard]] Result<void> setHost(const QString &name, const Host &host);
    // Appends hosts; all or none: every name must be valid and unique.
    [[nodiscard]] Result<void> addHosts(const QList<Host> &hosts);
    [[nodiscard]] Result<void> removeHost(const QString &name);
    // Replaces the whole cluster (the first-run wizard's result); the path stays. All or
    // nothing: every host name must be valid and unique.
    [[nodiscard]] Result<void> replaceCluster(const Cluster &cluster);
    // Replaces the shared directories and the users; all or nothing: the lists must keep
    // ClusterRules and name only hosts of the cluster.
    [[nodiscard]] Result<void> setSharedAndUsers(const QList<SharedDirectory> &shared,
                                                 const QList<ClusterUser> &users);
    // The seed topology (assignDefaultRoles): roles of every host and the partitions.
    void resetRolesToDefaults();
    [[nodiscard]] bool hasController() const;

signals:
    void changed();
    void modifiedChanged(bool modified);
    void pathChanged(const QString &path);

private:
    void applyEdit(Cluster cluster);
    void setModified(bool modified);
    void setPath(const QString &path);
    [[nodiscard]] static Result<void> checkName(const QString &name, const QStringList &taken);

    Cluster m_cluster;
    QString m_path;
    bool m_modified = false;
};

} // namespace SlurmDeck
