// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/Discovery.h"
#include "views/AreaView.h"

#include <QPointer>

#include <memory>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;

namespace SlurmDeck {
class ClusterDocument;
struct Error;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class ClusterHostsModel;
class Confirmation;
class DiscoveryDialog;
class GuiHostKeyPrompt;

// The machines of the cluster: how they are reached and what they are. Shows the open
// cluster's hosts, discovers and adds machines, edits and removes them, saves the file.
class HostsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostsView)

public:
    HostsView(ClusterDocument *document, QWidget *parent = nullptr);

    [[nodiscard]] ClusterDocument *document() const { return m_document; }
    // How "are you sure?" is asked (removing a host, discarding changes).
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);
    // The window's host-key prompt: Discover's dialog asks through it (one trust dialog at a
    // time in the window). Without it the dialog has a prompt of its own.
    void setHostKeyPrompt(std::shared_ptr<GuiHostKeyPrompt> prompt) { m_hostKeys = std::move(prompt); }
    [[nodiscard]] const std::shared_ptr<Confirmation> &confirmation() const { return m_confirmation; }
    // Login and file settings every DiscoveryDialog this view opens starts from.
    void setDiscoveryRequestTemplate(const DiscoveryRequest &request);

    // Loads a cluster file into the document; on failure the problems are listed in the
    // view (and returned) and the open cluster stays as it was.
    Result<void> openCluster(const QString &path);
    // Merges hosts a discovery found into the cluster.
    void addDiscoveredHosts(const QList<SlurmDeck::DiscoveredHost> &hosts, const SlurmDeck::SshTarget &login);

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] DiscoveryDialog *discoveryDialog() const;
    // The diagnostics of the last failed load, as listed; empty after a successful one.
    [[nodiscard]] QStringList loadProblems() const;

public slots:
    void discover();
    void editSelected();
    void removeSelected();
    void resetRoles();
    // Shared data directories and users of the cluster (DataAndUsersDialog).
    void editDataAndUsers();
    void save();
    // Asks where, then saves there; the document's file becomes that one.
    void saveAs();
    void chooseAndOpen();

private:
    void createActions();
    void updateState();
    void showLoadProblems(const QString &path, const Error &error);
    void showNotice(const QString &text, bool problem);
    [[nodiscard]] QString selectedHostName() const;

    ClusterDocument *m_document;
    std::shared_ptr<Confirmation> m_confirmation;
    DiscoveryRequest m_discoveryTemplate;
    ClusterHostsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_notice;
    QFrame *m_problemsPanel;
    QLabel *m_problemsTitle;
    QListWidget *m_problems;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_resetRolesAction = nullptr;
    QPointer<DiscoveryDialog> m_discoveryDialog;
    std::shared_ptr<GuiHostKeyPrompt> m_hostKeys;
};

} // namespace SlurmDeck::Ui
