// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/DeployTypes.h"
#include "discovery/DiscoveredHost.h"
#include "inventory/Cluster.h"
#include "ssh/SshTarget.h"
#include "wizard/WizardBackend.h"

#include <QWizard>

#include <memory>

namespace SlurmDeck {
class ClusterDocument;
class CredentialPrompt;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class Confirmation;
class DeployView;

// The first start, when there is no cluster file yet: "Try a sandbox" hands over to the
// sandbox (sandboxChosen), "Use my machines" walks discover → pick hosts → trust host keys →
// credentials → roles → review plan → deploy, then saves the cluster file (clusterSaved).
// Each page validates before Next and keeps its choices on Back; SSH runs off the GUI
// thread through the WizardBackend; nothing is written to a host before the review page.
class FirstRunWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunWizard)

public:
    enum PageId {
        StartPageId,
        DiscoverPageId,
        PickPageId,
        HostKeysPageId,
        CredentialsPageId,
        RolesPageId,
        ReviewPageId,
        DeployPageId,
    };

    // The cluster file to create at the end.
    explicit FirstRunWizard(const QString &clusterPath, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    // Seams (tests): the machines and keychain, the SSH settings every host shares, the
    // credential prompt used while fingerprinting and deploying.
    void setBackend(std::shared_ptr<WizardBackend> backend) { m_backend = std::move(backend); }
    void setSshDefaults(const SshTarget &ssh);
    void setCredentialPrompt(std::shared_ptr<CredentialPrompt> prompt);
    // Asks before Cancel (or Esc, or closing the window) leaves a deployed cluster without its
    // file; MessageBoxConfirmation unless a test sets its own.
    void setConfirmation(std::shared_ptr<Confirmation> confirmation);

    [[nodiscard]] WizardBackend &backend() const { return *m_backend; }
    [[nodiscard]] const SshTarget &sshDefaults() const { return m_ssh; }
    [[nodiscard]] std::shared_ptr<CredentialPrompt> credentialPrompt();
    [[nodiscard]] QString clusterPath() const { return m_clusterPath; }
    [[nodiscard]] bool sandboxChosen() const;
    // The cluster being made (filled from the review page on) and the view that plans and
    // deploys it (its image choice is shown on the review page).
    [[nodiscard]] ClusterDocument *document() const { return m_document; }
    [[nodiscard]] DeployView *deployView() const { return m_deployView; }
    // The deploy page started putting the cluster on the hosts: from then on the cluster
    // file is what lets SlurmDeck find that cluster again, so Cancel asks first.
    void markDeployStarted() { m_deployStarted = true; }

    // What the pages found and chose, shared between them.
    QList<WizardCandidate> candidates;
    QStringList pickedTargets;
    QHash<QString, QString> trustedKeys; // "[host]:port" or host -> SHA256 fingerprint
    SshTarget login;                     // user, port, identity given on the credentials page
    Cluster plannedCluster;              // hosts and roles from the roles page

signals:
    void sandboxRequested();
    void clusterSaved(const QString &path);

public slots:
    void accept() override;
    void reject() override;

private:
    QString m_clusterPath;
    std::shared_ptr<WizardBackend> m_backend;
    SshTarget m_ssh;
    std::shared_ptr<CredentialPrompt> m_credentials;
    ClusterDocument *m_document;
    DeployView *m_deployView;
    std::shared_ptr<Confirmation> m_confirmation;
    bool m_deployStarted = false;
    bool m_asking = false;
};

} // namespace SlurmDeck::Ui
