// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace SlurmDeck::Ui {

// The end-of-deploy checks: ok or FAILED, what was checked, on which host, and the detail.
// A new report is applied as row changes (checks matched by host and name).
class VerificationChecksModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationChecksModel)

public:
    enum Column {
        ResultColumn,
        CheckColumn,
        HostColumn,
        DetailColumn,
        ColumnCount
    };

    explicit VerificationChecksModel(QObject *parent = nullptr);

    void setChecks(const QList<VerificationCheck> &checks);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const VerificationCheck &check(int row) const { return m_checks.at(row); }

private:
    QList<VerificationCheck> m_checks;
};

} // namespace SlurmDeck::Ui
