// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Host.h"

#include <QAbstractTableModel>
#include <QList>

namespace SlurmDeck {
class ClusterDocument;
}

namespace SlurmDeck::Ui {

// The hosts of the open cluster, one row each. Follows the document: each change is
// applied as row inserts, removals and dataChanged of the rows that differ (rows are
// matched by host name), so selection and scroll position survive edits.
class ClusterHostsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterHostsModel)

public:
    enum Column {
        NameColumn,
        AddressColumn,
        LoginColumn,
        PlatformColumn,
        RolesColumn,
        ArchColumn,
        CpusColumn,
        MemoryColumn,
        GpusColumn,
        ColumnCount
    };

    explicit ClusterHostsModel(ClusterDocument *document, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const Host &host(int row) const { return m_hosts.at(row); }
    // -1 when there is no host of that name.
    [[nodiscard]] int rowOf(const QString &hostName) const;

    // "15.6 GiB" for 16000 MiB.
    [[nodiscard]] static QString formatMemory(qint64 mebibytes);

private:
    void refresh();
    [[nodiscard]] QVariant display(const Host &host, int column) const;
    [[nodiscard]] static QVariant sortKey(const Host &host, int column);

    ClusterDocument *m_document;
    QList<Host> m_hosts;
};

} // namespace SlurmDeck::Ui
