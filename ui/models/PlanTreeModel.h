// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/HostPlan.h"

#include <QAbstractItemModel>
#include <QList>

namespace SlurmDeck::Ui {

// A rendered ClusterPlan as a tree: each host, and under it the files it gets (path, mode,
// size). The content of a secret file is dropped when the plan comes in, so nothing that
// shows this model can display it. A new plan is applied as row changes (hosts matched by
// name, files by path), so expansion and selection survive planning again.
class PlanTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanTreeModel)

public:
    enum Column {
        NameColumn,
        ModeColumn,
        SizeColumn,
        NoteColumn,
        ColumnCount
    };

    // One file as this model keeps it: `content` is empty for a secret file.
    struct File
    {
        QString path;
        int mode = 0644;
        qint64 size = 0;
        bool secret = false;
        QByteArray content;

        bool operator==(const File &) const = default;
    };

    explicit PlanTreeModel(QObject *parent = nullptr);

    void setPlan(const ClusterPlan &plan);
    void clear();

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // The host of a host row or of a file row (its `files` are empty: see file()).
    [[nodiscard]] const HostPlan *host(const QModelIndex &index) const;
    // The file of a file row; nullptr for a host row.
    [[nodiscard]] const File *file(const QModelIndex &index) const;
    [[nodiscard]] QList<File> files(const QModelIndex &hostIndex) const;
    // Invalid when there is no such host or file.
    [[nodiscard]] QModelIndex indexOf(const QString &hostName, const QString &path = {}) const;

    // "0644", "1.2 KiB".
    [[nodiscard]] static QString formatMode(int mode);
    [[nodiscard]] static QString formatSize(qint64 bytes);

private:
    struct HostEntry
    {
        quintptr id = 0; // the internal id of its file rows; stable while the host is listed
        HostPlan plan;   // without files
        QList<File> files;
    };

    [[nodiscard]] int hostRowOf(quintptr id) const;
    [[nodiscard]] bool updateHost(HostEntry &existing, const HostEntry &wanted, int row);

    QList<HostEntry> m_hosts;
    quintptr m_nextId = 1;
};

} // namespace SlurmDeck::Ui
