// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace SlurmDeck::Ui {

// Where each host of a deploy is: one row per host with its phase, a percent derived from
// the phase, the SHA-256 of its munge key once the deploy reports it (a short prefix; all of
// it in the tooltip), and the last message. Phase changes update one row (dataChanged); a new host
// list is applied as row inserts and removals, never a reset.
class DeployHostsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployHostsModel)

public:
    enum Column {
        HostColumn,
        PhaseColumn,
        ProgressColumn,
        MungeKeyColumn,
        MessageColumn,
        ColumnCount
    };
    // The percent (0-100) of ProgressColumn, for the progress-bar delegate.
    static constexpr int ProgressRole = Qt::UserRole + 40;

    struct Row
    {
        QString host;
        DeployPhase phase = DeployPhase::Pending;
        int percent = 0;
        QString message;
        QString mungeKeySha256;

        bool operator==(const Row &) const = default;
    };

    explicit DeployHostsModel(QObject *parent = nullptr);

    // The hosts of a deploy, in plan order; every one back to Pending.
    void setHosts(const QStringList &hosts);
    // A host moved on; an empty message keeps the last one. Unknown hosts are appended.
    void setPhase(const QString &host, DeployPhase phase, const QString &message);
    // The final state of each host from a DeployReport, munge key hashes included.
    void applyResults(const QList<HostDeployResult> &results);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const Row &row(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString &host) const;

    // How far a host in `phase` is; Failed and Cancelled keep `previous`.
    [[nodiscard]] static int percentFor(DeployPhase phase, int previous);
    // How many hex digits of a munge key's SHA-256 the table shows.
    static constexpr int shortHashLength = 12;

private:
    QList<Row> m_rows;
};

} // namespace SlurmDeck::Ui
