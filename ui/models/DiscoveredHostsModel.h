// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/DiscoveredHost.h"

#include <QAbstractTableModel>
#include <QList>

namespace SlurmDeck::Ui {

// What a discovery run found, one row per target. Results arrive one by one and are
// upserted by target: a host seen again updates its row in place, so rows never jump
// while the user is looking at them.
class DiscoveredHostsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveredHostsModel)

public:
    enum Column {
        TargetColumn,
        AddressColumn,
        UserColumn,
        StatusColumn,
        PlatformColumn,
        ArchColumn,
        CpusColumn,
        MemoryColumn,
        EngineColumn, // what the container engine has, where it has less (a Mac's Docker VM)
        GpusColumn,
        DockerColumn,
        ComposeColumn,
        MessageColumn,
        ColumnCount
    };

    explicit DiscoveredHostsModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    void upsert(const DiscoveredHost &host);
    void clear();
    [[nodiscard]] const DiscoveredHost &host(int row) const { return m_hosts.at(row); }
    [[nodiscard]] const QList<DiscoveredHost> &hosts() const { return m_hosts; }

private:
    [[nodiscard]] static QVariant display(const DiscoveredHost &host, int column);
    [[nodiscard]] static QVariant sortKey(const DiscoveredHost &host, int column);
    [[nodiscard]] static QVariant statusColour(DiscoveredHost::Status status);

    QList<DiscoveredHost> m_hosts;
};

} // namespace SlurmDeck::Ui
