// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GuiSession.h"
#include "deploy/DeployTypes.h"
#include "session/ClusterSession.h"
#include "ssh/SshTarget.h"
#include "views/AreaView.h"
#include "widgets/DeployLogPane.h"

#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace SlurmDeck {
class ClusterDocument;
class DeployRunner;
class HostTaskQueue;
struct Error;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class Confirmation;
class DeployHostsModel;
class ImageChoiceBar;
class PlanPreview;
class PlanTreeModel;
class VerificationChecksModel;

// Plan, preview and run a deploy of the open cluster. Plan (Ctrl+P) renders every host's
// files from the cluster and its keychain secrets; Deploy (Ctrl+Shift+D) runs the plan with
// per-host progress, a live log and the verification report; Esc cancels. How the images
// reach the hosts is chosen above the tabs (built on each host by default). Nothing here
// waits: planning and deploying report back through callbacks and signals.
class DeployView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployView)

public:
    explicit DeployView(ClusterDocument *document, QWidget *parent = nullptr);
    ~DeployView() override;

    // Seams. How "are you sure?" is asked before a deploy.
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    // How the view reaches the hosts: the open cluster's session (the main window's), else
    // one of its own over its document. Its SSH settings, prompts and secrets are the plan's.
    void setSession(ClusterSession *session) { m_session.set(session); }
    [[nodiscard]] ClusterSession *session() const { return m_session.get(); }
    // Also sets the image choice shown (mode, source host, base image).
    void setDeployOptions(const DeployOptions &options);
    // What Deploy runs with: the options set, with the image choice as shown.
    [[nodiscard]] DeployOptions deployOptions() const;

    [[nodiscard]] bool isPlanning() const { return m_planning; }
    [[nodiscard]] bool isDeploying() const { return m_runner != nullptr; }
    [[nodiscard]] bool hasPlan() const { return m_prepared.has_value(); }
    // The cluster changed since the plan was made: Deploy waits for a new plan.
    [[nodiscard]] bool isPlanStale() const { return m_planStale; }
    [[nodiscard]] const std::optional<DeployReport> &lastReport() const { return m_report; }

    [[nodiscard]] PlanTreeModel *planModel() const { return m_planModel; }
    [[nodiscard]] QTreeView *planTree() const { return m_planTree; }
    [[nodiscard]] PlanPreview *preview() const { return m_preview; }
    [[nodiscard]] QStringList planNotes() const;
    [[nodiscard]] DeployHostsModel *hostsModel() const { return m_hostsModel; }
    [[nodiscard]] VerificationChecksModel *checksModel() const { return m_checksModel; }
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString notice() const;
    [[nodiscard]] DeployLogPane *logPane() const { return m_log; }
    // The log keeps this many lines; older ones scroll away.
    static constexpr int maxLogLines = DeployLogPane::maxLines;

public slots:
    void plan();
    void deploy();
    // Asks first; cancelNow() when the user agrees.
    void cancel();
    void cancelNow();

    // What a DeployRunner reports; connected to the running one, callable by tests.
    void onHostPhaseChanged(const QString &host, SlurmDeck::DeployPhase phase, const QString &message);
    void onLogLine(const QString &host, const QString &line);
    void flushLog();
    void onFinished(const SlurmDeck::DeployReport &report);

signals:
    void planReady();
    // The preview's Diff tab shows the diff (or the error) of the file it asked about.
    void diffShown();
    void deployFinished(const SlurmDeck::DeployReport &report);

private:
    void createActions();
    void updateImageHosts();
    QWidget *createPlanPage();
    QWidget *createDeployPage();
    void planPrepared(Result<ClusterSession::Prepared> prepared);
    void showPlan(const ClusterPlan &plan);
    void startDeploy();
    void showSelected();
    void requestDiff(const QString &hostName, const QString &path);
    void showNotice(const QString &text, bool problem);
    void updateState();
    [[nodiscard]] static QString whatToDo(const Error &error);

    ClusterDocument *m_document;
    std::shared_ptr<Confirmation> m_confirmation;
    DeployOptions m_options;

    ViewSession m_session; // our own until setSession()
    bool m_planning = false;
    std::optional<ClusterSession::Prepared> m_prepared;
    bool m_planStale = false;
    DeployRunner *m_runner = nullptr;     // our child, while deploying
    HostTaskQueue *m_diffQueue = nullptr; // the plan's hosts, for the preview's diffs
    int m_diffRequest = 0;                // the latest; older answers are dropped
    std::optional<DeployReport> m_report;

    PlanTreeModel *m_planModel;
    QSortFilterProxyModel *m_planProxy;
    DeployHostsModel *m_hostsModel;
    QSortFilterProxyModel *m_hostsProxy;
    VerificationChecksModel *m_checksModel;
    QSortFilterProxyModel *m_checksProxy;

    QLabel *m_notice;
    ImageChoiceBar *m_imageChoice;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_planTree = nullptr;
    PlanPreview *m_preview = nullptr;
    QListWidget *m_notes = nullptr;
    QTableView *m_hostsTable = nullptr;
    DeployLogPane *m_log = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_checksTable = nullptr;
    QAction *m_planAction = nullptr;
    QAction *m_deployAction = nullptr;
    QAction *m_cancelAction = nullptr;
};

} // namespace SlurmDeck::Ui
