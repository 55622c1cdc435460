// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GuiSession.h"
#include "deploy/ServiceTypes.h"
#include "session/ClusterSession.h"
#include "ssh/SshTarget.h"
#include "views/AreaView.h"

#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;

namespace SlurmDeck {
class ClusterDocument;
class ServiceControl;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class Confirmation;
class ServiceLogPane;
class ServicesModel;

// The deployed cluster's services on each host: their state and since when, start, stop
// and restart of the selected ones (or all of a host's, from the context menu), a log pane
// with the last lines or a live follow, and the whole cluster's Stop, Start and Remove.
// Refresh (F5) connects to the hosts (after planning with the keychain's secrets) and
// lists every host. Everything goes through ServiceControl; nothing here waits.
class ServicesView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesView)

public:
    explicit ServicesView(ClusterDocument *document, QWidget *parent = nullptr);
    ~ServicesView() override;

    // Seams, as in DeployView.
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    void setSession(ClusterSession *session) { m_session.set(session); }
    [[nodiscard]] ClusterSession *session() const { return m_session.get(); }

    [[nodiscard]] ServicesModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] ServiceLogPane *logPane() const { return m_logs; }
    [[nodiscard]] ServiceControl *control() const { return m_control; }
    [[nodiscard]] bool isConnecting() const { return m_locating; }
    [[nodiscard]] bool isFollowing() const { return m_followId != 0; }
    [[nodiscard]] bool isRunningClusterOperation() const;
    [[nodiscard]] QString notice() const;
    // Makes host/service the current and only selected row; false when not listed.
    bool selectService(const QString &host, const QString &service);

public slots:
    void refresh();
    void startSelected();
    void stopSelected();
    void restartSelected();
    void showLogs();
    void setFollowing(bool follow);
    void stopCluster();
    void startCluster();
    void removeCluster();

signals:
    // Every host answered the listing that refresh() (or an action) asked for.
    void refreshed();
    void actionDone(const SlurmDeck::ServiceActionReport &report);
    void logsShown();
    void clusterOperationDone(const SlurmDeck::ClusterOperationReport &report);
    // Upgrade… was chosen: the main window runs it (UpgradeDialog).
    void upgradeRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void connected(const Result<ClusterSession::Located> &prepared);
    void listAll();
    // `announce`: a failure goes to the notice too (a refresh); after an action the
    // action's own result is the notice, and the rows show the listing's failure.
    void listHost(const QString &host, bool announce = false);
    void act(ServiceAction action, bool wholeHosts);
    void runClusterOperation(ClusterOperation operation, bool purgeData);
    void onServicesListed(const SlurmDeck::HostServices &report);
    void onActionFinished(const SlurmDeck::ServiceActionReport &report);
    void onLogsRead(const SlurmDeck::ServiceLogs &logs);
    void onClusterOperationFinished(const SlurmDeck::ClusterOperationReport &report);
    void showContextMenu(const QPoint &position);
    void showNotice(const QString &text, bool problem);
    void updateState();
    // The selected rows' services by host, in host order.
    [[nodiscard]] QList<std::pair<QString, QStringList>> selectedServices() const;
    [[nodiscard]] std::pair<QString, QString> currentService() const;
    [[nodiscard]] QString clusterName() const;

    ClusterDocument *m_document;
    std::shared_ptr<Confirmation> m_confirmation;
    ViewSession m_session; // our own until setSession()

    bool m_locating = false; // while the cluster's hosts are located
    ServiceControl *m_control = nullptr;
    bool m_stale = false;
    int m_listing = 0;        // listings asked for and not answered yet
    QSet<QString> m_announce; // hosts whose listing failure goes to the notice
    int m_followId = 0;
    std::pair<QString, QString> m_logTarget; // host, service of the log shown

    ServicesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    ServiceLogPane *m_logs = nullptr;
    QLineEdit *m_filter;
    QLabel *m_notice;
    QAction *m_refreshAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_logsAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_stopClusterAction = nullptr;
    QAction *m_startClusterAction = nullptr;
    QAction *m_removeClusterAction = nullptr;
    QAction *m_upgradeAction = nullptr;
};

} // namespace SlurmDeck::Ui
