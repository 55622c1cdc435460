// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Cluster.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QStandardItemModel;
class QWidget;

namespace SlurmDeck::Ui {

// Edits the cluster file's `shared` directories (mount point in the jobs, the hosts' path,
// hosts that have it elsewhere as "host=/path, ...") and its `users` (name, uid, gid). OK
// stays disabled while a row breaks a rule, which the dialog names.
class DataAndUsersDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataAndUsersDialog)

public:
    enum SharedColumn {
        MountColumn,
        SourceColumn,
        SourcesColumn
    };
    enum UserColumn {
        NameColumn,
        UidColumn,
        GidColumn
    };

    explicit DataAndUsersDialog(const Cluster &cluster, QWidget *parent = nullptr);

    // The edited lists (valid when problem() is empty).
    [[nodiscard]] QList<SharedDirectory> shared() const;
    [[nodiscard]] QList<ClusterUser> users() const;
    // Empty while every row is valid.
    [[nodiscard]] QString problem() const { return m_problemText; }

    [[nodiscard]] QStandardItemModel *sharedModel() const { return m_shared; }
    [[nodiscard]] QStandardItemModel *usersModel() const { return m_users; }

private:
    void validate();
    [[nodiscard]] QString findProblem() const;
    // The table of `model` with Add and Remove buttons under it.
    QWidget *addTable(QStandardItemModel *model, const QString &objectName, const QStringList &headers);

    Cluster m_cluster;
    QStandardItemModel *m_shared;
    QStandardItemModel *m_users;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_problemText;
};

} // namespace SlurmDeck::Ui
