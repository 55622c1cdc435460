// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/FindingsModel.h"

#include <QApplication>
#include <QStyle>

namespace SlurmDeck::Ui {

namespace {

QString keyOf(const Finding &finding)
{
    return finding.rule + u'|' + finding.host + u'|' + finding.node + u'|' + finding.service;
}

} // namespace

FindingsModel::FindingsModel(QObject *parent) : KeyedTableModel(parent)
{}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setFindings(const QList<Finding> &findings)
{
    QList<Row> rows;
    rows.reserve(findings.size());
    for (qsizetype i = 0; i < findings.size(); ++i)
        rows.append(Row{findings.at(i), static_cast<int>(i)});
    // Rare and few: a changed finding repaints its whole row (mask 0).
    applyKeyedRows(
        m_rows, rows, [](const Row &row) { return keyOf(row.finding); },
        [](const Row &, const Row &) { return ColumnMask(0); });
}

const Finding *FindingsModel::finding(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<size_t>(row)]->finding
                                                             : nullptr;
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const Finding *row = index.isValid() ? finding(index.row()) : nullptr;
    if (!row)
        return {};
    const bool error = row->severity == Finding::Severity::Error;
    if (role == Qt::DecorationRole && index.column() == SeverityColumn)
        return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                         : QStyle::SP_MessageBoxWarning);
    if (role == Qt::ToolTipRole)
        return row->evidence;
    if (role == OrderRole)
        return m_rows[static_cast<size_t>(index.row())]->order;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return error ? tr("Error") : tr("Warning");
    case RuleColumn:
        return row->rule;
    case WhereColumn:
        return row->node.isEmpty() ? row->host : row->node;
    case CauseColumn:
        return row->cause;
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Problem");
    case WhereColumn:
        return tr("Where");
    case CauseColumn:
        return tr("Cause");
    default:
        return {};
    }
}

} // namespace SlurmDeck::Ui
