// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/Finding.h"
#include "models/KeyedTableModel.h"

namespace SlurmDeck::Ui {

// The doctor's findings as a table: severity, rule, where (node or host), cause; the evidence
// as the row's tooltip. Rows are keyed by rule, host, node and service, so a refresh every
// poll keeps the selection; OrderRole is the doctor's order (hosts first), for a sorting proxy.
class FindingsModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column {
        SeverityColumn,
        RuleColumn,
        WhereColumn,
        CauseColumn,
        ColumnCount
    };

    static constexpr int OrderRole = Qt::UserRole + 60;

    explicit FindingsModel(QObject *parent = nullptr);
    ~FindingsModel() override;

    void setFindings(const QList<SlurmDeck::Finding> &findings);
    [[nodiscard]] const SlurmDeck::Finding *finding(int row) const;

    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        SlurmDeck::Finding finding;
        int order = 0;
        bool operator==(const Row &) const = default;
    };
    std::vector<std::unique_ptr<Row>> m_rows;
};

} // namespace SlurmDeck::Ui
