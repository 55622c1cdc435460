// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterOperations.h"
#include "views/AreaView.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;

namespace SlurmDeck::Ui {

class Confirmation;
class JobDetailsPane;
class JobFilterBar;
class JobsFilterProxy;
class JobsModel;
class StaleBanner;
class SubmitJobDialog;

// The job queue and history, and job actions. The Queue tab follows each snapshot (diffed,
// kept under a "stale since" banner while the snapshot is stale); the History tab asks
// accounting for a chosen window when shown or refreshed. One filter bar (user, state,
// partition, text) applies to both. The details pane shows the current job and fetches its
// details and output tail. Cancel and requeue ask first; every request is asynchronous.
class JobsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsView)

public:
    using JobAction = SlurmCommands::JobAction;
    enum Tab {
        QueueTab,
        HistoryTab
    };

    explicit JobsView(QWidget *parent = nullptr);
    ~JobsView() override;

    void setOperations(std::shared_ptr<ClusterOperations> operations);
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    // Whose jobs "Mine" filters to.
    void setCurrentUser(const QString &user);

    void setSnapshot(const ClusterSnapshot &snapshot);
    void clearCluster(const QString &why = {});

    [[nodiscard]] JobsModel *queueModel() const { return m_queueModel; }
    [[nodiscard]] JobsModel *historyModel() const { return m_historyModel; }
    [[nodiscard]] JobsFilterProxy *queueProxy() const { return m_queueProxy; }
    [[nodiscard]] JobsFilterProxy *historyProxy() const { return m_historyProxy; }
    [[nodiscard]] QTableView *queueTable() const { return m_queueTable; }
    [[nodiscard]] QTableView *historyTable() const { return m_historyTable; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] JobFilterBar *filterBar() const { return m_filters; }
    [[nodiscard]] QComboBox *historyWindowCombo() const { return m_historyWindow; }
    [[nodiscard]] JobDetailsPane *detailsPane() const { return m_details; }
    [[nodiscard]] StaleBanner *staleBanner() const { return m_banner; }
    [[nodiscard]] QAction *action(JobAction action) const { return m_actions.value(action); }
    // "Submit job…" (Ctrl+Shift+J): opens the submit dialog; the main window's Jobs menu
    // shows it too.
    [[nodiscard]] QAction *submitAction() const { return m_submitAction; }
    // The open submit dialog, if any.
    [[nodiscard]] SubmitJobDialog *submitDialog() const;
    [[nodiscard]] QString notice() const;
    [[nodiscard]] QString historyStatus() const;
    [[nodiscard]] QString summary() const;

    // The ids of the jobs selected in the current tab, in table order.
    [[nodiscard]] QStringList selectedJobIds() const;
    // Selects (only) these jobs in the current tab, if shown.
    void selectJobs(const QStringList &ids);
    [[nodiscard]] QMenu *createContextMenu(QWidget *parent);
    // Selects the job in the queue as soon as a snapshot shows it (a job just submitted).
    void followJob(const QString &id);

public slots:
    void openSubmitDialog();
    void cancelSelected();
    void holdSelected();
    void releaseSelected();
    void requeueSelected();
    void refresh();
    void refreshHistory();
    void refreshOutput();

signals:
    void actionFinished(const QString &message, bool succeeded);

private:
    QWidget *createQueuePage();
    QWidget *createHistoryPage();
    void createActions();
    void setUpTable(QTableView *table, JobsFilterProxy *proxy, const QString &name);
    [[nodiscard]] QTableView *currentTable() const;
    [[nodiscard]] JobsModel *currentModel() const;
    [[nodiscard]] JobsFilterProxy *currentProxy() const;
    [[nodiscard]] QList<const SlurmJob *> selectedJobs() const;
    void updateState();
    void updateChoices();
    void currentJobChanged();
    void fetchDetails();
    void confirmThenRun(JobAction action);
    void run(JobAction action, const QStringList &ids);
    void showNotice(const QString &text, bool problem);
    void selectFollowedJob();

    std::shared_ptr<ClusterOperations> m_operations;
    std::shared_ptr<Confirmation> m_confirmation;
    JobsModel *m_queueModel;
    JobsModel *m_historyModel;
    JobsFilterProxy *m_queueProxy;
    JobsFilterProxy *m_historyProxy;
    QTableView *m_queueTable;
    QTableView *m_historyTable;
    QTabWidget *m_tabs;
    JobFilterBar *m_filters;
    QComboBox *m_historyWindow;
    QLabel *m_historyStatus;
    JobDetailsPane *m_details;
    StaleBanner *m_banner;
    QLabel *m_summary;
    QLabel *m_notice;
    QMap<JobAction, QAction *> m_actions;
    QAction *m_refreshAction = nullptr;
    QAction *m_submitAction = nullptr;
    QPointer<SubmitJobDialog> m_submitDialog;
    ClusterSnapshot m_snapshot; // the last one, for the submit dialog
    QString m_followJobId;
    QTimer m_detailsDelay;
    QString m_detailsJobId; // the job whose details were asked for last
    quint64 m_historyRequest = 0;
    QDateTime m_historyReadAt;
    bool m_hasData = false;
};

} // namespace SlurmDeck::Ui
