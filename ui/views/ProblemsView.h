// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doctor/Finding.h"
#include "doctor/HostChecks.h"
#include "slurm/SlurmTypes.h"
#include "views/AreaView.h"

#include <QDateTime>

#include <memory>

class QLabel;
class QAction;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace SlurmDeck::Ui {

class Confirmation;
class FindingsModel;

// The doctor in the GUI: what is wrong with the open cluster, why, and the fix. Slurm's side
// (SnapshotRules) is refreshed on every poll, cheaply; the hosts' side (HostChecks: services,
// ports, munge keys and logs, clocks, disks, images) once when the view is first shown for a
// cluster and when the user asks (Refresh, F5). The selected finding's evidence and fix
// show below the table; Fix starts a stopped service, after asking (startServiceRequested:
// the window runs it and checks the hosts again). The count of problems goes to the status bar
// (problemsChanged).
class ProblemsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsView)

public:
    explicit ProblemsView(QWidget *parent = nullptr);
    ~ProblemsView() override;

    // A poll of the monitored cluster; `hasAccounting`: slurmdbd is part of it.
    void setSnapshot(const SlurmDeck::ClusterSnapshot &snapshot, bool hasAccounting);
    // What HostChecks found on every host.
    void setHostReport(const SlurmDeck::HostChecks::Report &report);
    // A host check was asked for and runs (the button waits), or could not start (`why`).
    void setHostCheckRunning(bool running, const QString &why = {});
    // No cluster is monitored any more: rows cleared, the empty state explains.
    void clearCluster(const QString &why = {});
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);

    [[nodiscard]] const QList<SlurmDeck::Finding> &findings() const { return m_findings; }
    [[nodiscard]] FindingsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *checkHostsAction() const { return m_checkHosts; }
    [[nodiscard]] QAction *fixAction() const { return m_fix; }
    [[nodiscard]] QTextBrowser *details() const { return m_details; }
    [[nodiscard]] QString summary() const;

signals:
    void hostCheckRequested();
    // Fix on a stopped service, confirmed.
    void startServiceRequested(const QString &host, const QString &service);
    // "2 errors, 1 warning"; empty when there is nothing (or no cluster).
    void problemsChanged(const QString &countText);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void checkHosts();
    void fixSelected();
    [[nodiscard]] const SlurmDeck::Finding *selectedFinding() const;
    void rebuild();
    void showDetails();

    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QTextBrowser *m_details;
    QAction *m_checkHosts;
    QAction *m_fix = nullptr;
    std::shared_ptr<Confirmation> m_confirmation;
    QLabel *m_summary;
    QList<SlurmDeck::Finding> m_slurmFindings;
    QList<SlurmDeck::Finding> m_hostFindings;
    QStringList m_controllers;
    QList<SlurmDeck::Finding> m_findings;
    QDateTime m_slurmCheckedAt;
    QDateTime m_hostsCheckedAt;
    QString m_hostCheckError;
    QString m_detailsHtml; // what the details pane shows
    bool m_monitored = false;
    bool m_hostCheckRunning = false;
};

} // namespace SlurmDeck::Ui
