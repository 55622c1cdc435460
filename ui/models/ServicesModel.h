// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/ServiceTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace SlurmDeck::Ui {

// The services of a deployed cluster: one row per host and service, with the state of its
// container, since when, and details (exit status, health, a pending action, or why the
// host could not be asked). Each host's listing is applied as row inserts, removals and
// dataChanged of changed rows, never a reset, so selection and scroll survive a refresh.
class ServicesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesModel)

public:
    enum Column {
        HostColumn,
        ServiceColumn,
        StateColumn,
        SinceColumn,
        DetailsColumn,
        ColumnCount
    };
    static constexpr int HostRole = Qt::UserRole + 50;
    static constexpr int ServiceRole = Qt::UserRole + 51;

    struct Row
    {
        QString host;
        QString service;
        std::optional<ServiceStatus> status; // nullopt: not known (yet)
        QString problem;                     // why the host could not be asked
        QString pending;                     // "stopping…" while an action runs

        bool operator==(const Row &) const = default;
    };

    explicit ServicesModel(QObject *parent = nullptr);

    // The planned services of each host, in plan order: rows not known yet. Rows of hosts
    // and services no longer planned go; known states of the others stay.
    void setPlannedServices(const QList<std::pair<QString, QStringList>> &hostsAndServices);
    // One host's listing (or the error that stopped it); clears its pending actions.
    void setHostServices(const HostServices &report);
    // Marks `services` of `host` (empty: all of its rows) as busy with `text`.
    void setPending(const QString &host, const QStringList &services, const QString &text);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const Row &row(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString &host, const QString &service) const;
    [[nodiscard]] QStringList servicesOf(const QString &host) const;

    // "5 min ago" style age, relative to `now`.
    [[nodiscard]] static QString ageText(const QDateTime &since, const QDateTime &now);

private:
    void apply(const QList<Row> &wanted);

    QList<Row> m_rows;
};

} // namespace SlurmDeck::Ui
