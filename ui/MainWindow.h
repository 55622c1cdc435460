// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WindowMemory.h"
#include "common/Result.h"
#include "inventory/Cluster.h"
#include "ssh/SshTarget.h"
#include "views/Area.h"
#include "widgets/ShortcutTable.h"

#include <QHash>
#include <QMainWindow>

class QAbstractItemView;
class QHeaderView;

#include <memory>

class QActionGroup;
class QLabel;
class QToolButton;
class QListWidget;
class QStackedWidget;

namespace SlurmDeck {
class ClusterDocument;
class ClusterSession;
struct SshTarget;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class AreaView;
class ClusterNotifier;
class AdoptDialog;
class BackupDialog;
class UpgradeDialog;
class Confirmation;
class DeployView;
class HostsView;
class ServicesView;
class GpusView;
class JobsView;
class LiveCluster;
class MetricsView;
class ProblemsView;
class NodesView;
class OverviewView;
class ReasonPrompt;
class SourceHealthIndicator;

// The shell: navigation on the left, one view per area on the right, a status bar.
// It hosts views; each view owns its widgets and models. The window owns the open
// cluster (a ClusterDocument) that the views share, and shows its name and unsaved state
// in the title; closing with unsaved changes asks first. Showing the Overview, Nodes or
// Jobs starts monitoring the open cluster (LiveCluster); its snapshots feed those views, the
// status bar's source indicator and the notifier. Showing Metrics charts the cluster's Prometheus
// (its monitoring host, port 9090).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showArea(Area area);
    [[nodiscard]] Area currentArea() const;
    [[nodiscard]] AreaView *view(Area area) const;
    [[nodiscard]] OverviewView *overviewView() const { return m_overviewView; }
    [[nodiscard]] HostsView *hostsView() const { return m_hostsView; }
    [[nodiscard]] DeployView *deployView() const { return m_deployView; }
    [[nodiscard]] ServicesView *servicesView() const { return m_servicesView; }
    [[nodiscard]] NodesView *nodesView() const { return m_nodesView; }
    [[nodiscard]] JobsView *jobsView() const { return m_jobsView; }
    [[nodiscard]] MetricsView *metricsView() const { return m_metricsView; }
    [[nodiscard]] ProblemsView *problemsView() const { return m_problemsView; }
    [[nodiscard]] GpusView *gpusView() const { return m_gpusView; }
    [[nodiscard]] ClusterDocument *clusterDocument() const { return m_document; }
    [[nodiscard]] LiveCluster *liveCluster() const { return m_live; }
    [[nodiscard]] SourceHealthIndicator *sourceHealth() const { return m_sourceHealth; }
    [[nodiscard]] ClusterNotifier *notifier() const { return m_notifier; }

    // Opens a cluster file; a bad file leaves the diagnostics listed in the Hosts view.
    Result<void> openCluster(const QString &path);
    // Where a start without --view opens: the Overview when the open cluster has hosts (it
    // was deployed from a wizard or adopted), else Hosts.
    void showStartArea();
    // How "are you sure?" is asked, here and in the views.
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    // How the Nodes view asks for a drain or down reason.
    void setReasonPrompt(std::shared_ptr<ReasonPrompt> prompt);
    // SSH settings every host shares (deploy and monitoring).
    void setSshDefaults(const SshTarget &ssh);
    // The open cluster's session (its prompts can be replaced, e.g. by tests).
    [[nodiscard]] ClusterSession *session() const { return m_session; }
    // Starts monitoring the open cluster now (showing Nodes or Jobs does it too); a no-op
    // while it is already monitored unchanged.
    void startMonitoring();

    // From now on, remembers in `memory` the window's layout (when it closes) and each cluster
    // file opened (File → Open Recent lists them). Without it nothing is remembered: tests.
    void setMemory(std::shared_ptr<WindowMemory> memory);
    // The remembered layout, applied; false when there is none.
    bool restoreRememberedLayout();

    // File → Back Up Cluster… / Restore Cluster… with the file chosen: the dialog, shown and
    // started (deleted when closed); nullptr when no cluster is open.
    // `passphrase`: the keychain's secrets go into the backup, sealed with it.
    BackupDialog *backUpCluster(const QString &file, const QByteArray &passphrase = {});
    BackupDialog *restoreCluster(const QString &file);
    // File → Restore Secrets from Backup…: only the backup's sealed secrets, into the keychain.
    BackupDialog *restoreSecrets(const QString &file, const QByteArray &passphrase);
    // Services → Upgrade…: the dialog, shown, asking first; nullptr when no cluster is open.
    UpgradeDialog *upgradeCluster();
    // File → Adopt Cluster… with the host chosen: the dialog, shown and started (deleted when
    // closed). Once adopted, the cluster file it wrote is opened, unless the open one has
    // unsaved changes. `clusterFile` empty: NAME.yaml in the clusters directory.
    AdoptDialog *adoptCluster(const SshTarget &controller, const QString &clusterName,
                              const QString &clusterFile = {});

    // Every keyboard shortcut: the menus' ("Application") and each view's, in that order.
    [[nodiscard]] QList<ShortcutEntry> shortcuts() const;

public slots:
    void showAbout();
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Saves geometry, window state, splitter sizes and column layouts into the memory.
    void rememberLayout();
    [[nodiscard]] static QHeaderView *columnHeader(QAbstractItemView *view);

    void createMenus();
    void addArea(AreaView *view);
    void updateClusterState();
    void connectLiveCluster();
    void clusterReplaced();

    QListWidget *m_navigation;
    QStackedWidget *m_views;
    QActionGroup *m_areaActions;
    QLabel *m_clusterStatus;
    QHash<Area, AreaView *> m_viewByArea;
    ClusterDocument *m_document;
    // The open cluster's session, following the document: every view and dialog reaches the
    // hosts through it, with one host-key prompt and one credential prompt.
    ClusterSession *m_session;
    OverviewView *m_overviewView = nullptr;
    HostsView *m_hostsView = nullptr;
    DeployView *m_deployView = nullptr;
    ServicesView *m_servicesView = nullptr;
    NodesView *m_nodesView = nullptr;
    JobsView *m_jobsView = nullptr;
    MetricsView *m_metricsView = nullptr;
    ProblemsView *m_problemsView = nullptr;
    QToolButton *m_problemsStatus = nullptr; // "2 errors, 1 warning" in the status bar
    GpusView *m_gpusView = nullptr;
    LiveCluster *m_live;
    SourceHealthIndicator *m_sourceHealth;
    ClusterNotifier *m_notifier;
    Cluster m_monitoredCluster; // what m_live was started with
    bool m_closeConfirmed = false;
    std::shared_ptr<WindowMemory> m_memory;
    std::shared_ptr<Confirmation> m_confirmation;
};

} // namespace SlurmDeck::Ui
