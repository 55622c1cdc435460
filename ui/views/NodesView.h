// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterOperations.h"
#include "views/AreaView.h"

#include <QMap>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;

namespace SlurmDeck::Ui {

class Confirmation;
class NodesFilterProxy;
class NodesModel;
class ReasonPrompt;
class StaleBanner;

// Live Slurm node state and node actions. Fed a ClusterSnapshot after every poll: the table
// is diffed (selection and scroll survive) and, while the snapshot is stale, keeps the last
// rows under a "stale since" banner. Drain and down ask for a reason; every action runs
// through ClusterOperations and reports back in the view's notice line without blocking.
class NodesView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesView)

public:
    using NodeAction = ClusterOperations::NodeAction;

    explicit NodesView(QWidget *parent = nullptr);
    ~NodesView() override;

    // Seams: where actions go (none: actions are disabled), how "are you sure?" and "why?"
    // are asked.
    void setOperations(std::shared_ptr<ClusterOperations> operations);
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    void setReasonPrompt(std::shared_ptr<ReasonPrompt> prompt);

    void setSnapshot(const ClusterSnapshot &snapshot);
    // No cluster is monitored any more: rows cleared, the empty state explains.
    void clearCluster(const QString &why = {});

    [[nodiscard]] NodesModel *model() const { return m_model; }
    [[nodiscard]] NodesFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] StaleBanner *staleBanner() const { return m_banner; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox *stateFilterCombo() const { return m_stateFilter; }
    [[nodiscard]] QAction *action(NodeAction action) const { return m_actions.value(action); }
    [[nodiscard]] QString notice() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QStringList selectedNodes() const;
    // Selects (only) these nodes, if shown.
    void selectNodes(const QStringList &names);
    // The table's context menu, as shown on a right click (caller owns it).
    [[nodiscard]] QMenu *createContextMenu(QWidget *parent);

public slots:
    void drainSelected();
    void resumeSelected();
    void downSelected();
    void drainAndStopSelected();
    void startAndResumeSelected();
    void refresh();

signals:
    // Each action's end, for the window's status line and log.
    void actionFinished(const QString &message, bool succeeded);

private:
    void createActions();
    void updateState();
    void askReasonThenRun(NodeAction action, const QStringList &nodes);
    void run(NodeAction action, const QStringList &nodes, const QString &reason);
    void showNotice(const QString &text, bool problem);
    void updateSummary(const ClusterSnapshot &snapshot);

    std::shared_ptr<ClusterOperations> m_operations;
    std::shared_ptr<Confirmation> m_confirmation;
    std::shared_ptr<ReasonPrompt> m_reasonPrompt;
    NodesModel *m_model;
    NodesFilterProxy *m_proxy;
    QTableView *m_table;
    StaleBanner *m_banner;
    QLineEdit *m_filter;
    QComboBox *m_stateFilter;
    QLabel *m_summary;
    QLabel *m_notice;
    QMap<NodeAction, QAction *> m_actions;
    QAction *m_refreshAction = nullptr;
    bool m_hasData = false;
};

} // namespace SlurmDeck::Ui
