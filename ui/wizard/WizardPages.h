// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/DiscoveredHost.h"
#include "wizard/WizardBackend.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QVBoxLayout;

namespace SlurmDeck::Ui {

class FirstRunWizard;

// "Use my machines" or "Try a sandbox".
class StartPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    [[nodiscard]] int nextId() const override;
    [[nodiscard]] bool sandboxChosen() const;
    // The sandbox cannot run here (not Linux, not root): its choice is disabled, `why` shown
    // under it. The constructor calls it with Sandbox::checkCanRun()'s reason.
    void setSandboxUnavailable(const QString &why);

private:
    QRadioButton *m_machines;
    QRadioButton *m_sandbox;
    QLabel *m_sandboxUnavailable;
};

// Where to look: subnets to scan or hosts to list; Find runs the scan.
class DiscoverPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit DiscoverPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] Result<DiscoveryRequest> request() const;
    void find();

private:
    FirstRunWizard *owner() const;
    void inputChanged();

    QRadioButton *m_scanMode;
    QRadioButton *m_hostsMode;
    QLineEdit *m_subnets;
    QPlainTextEdit *m_hosts;
    QLabel *m_status;
    bool m_running = false;
    bool m_found = false; // the list below is what the current input found
    QString m_foundFor;   // the input it was found for
};

// Which of the found machines become hosts.
class PickPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit PickPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void setPicked(const QString &target, bool picked);

private:
    FirstRunWizard *owner() const;
    [[nodiscard]] QStringList picked() const;
    QListWidget *m_list;
};

// The picked hosts' SHA256 host key fingerprints, to compare and trust.
class HostKeysPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit HostKeysPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void setTrusted(bool trusted);
    [[nodiscard]] QList<WizardHostKey> keys() const { return m_keys; }

private:
    FirstRunWizard *owner() const;
    void showKeys(const QList<WizardHostKey> &keys);

    QTableWidget *m_table;
    QCheckBox *m_trust;
    QLabel *m_status;
    QList<WizardHostKey> m_keys;
    QStringList m_readFor; // the targets m_keys belongs to
    bool m_reading = false;
};

// Who logs in and with which key; a passphrase or password goes to the keychain only.
class CredentialsPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CredentialsPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

private:
    FirstRunWizard *owner() const;
    [[nodiscard]] QString problem() const;

    QLineEdit *m_user;
    QLineEdit *m_identity;
    QLineEdit *m_secret;
    QLabel *m_problem;
    bool m_storing = false;
    bool m_stored = false;
};

// The hosts as fingerprinted, with the seed's default roles to accept or change.
class RolesPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit RolesPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    [[nodiscard]] QStandardItemModel *model() const { return m_model; }
    // The roles' problems (no controller, ...), empty when the cluster can be planned.
    [[nodiscard]] QString problem() const;

private:
    FirstRunWizard *owner() const;
    void fingerprinted(const QList<DiscoveredHost> &hosts);
    void showHosts();
    [[nodiscard]] Cluster cluster() const;

    QLineEdit *m_name;
    QComboBox *m_release;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    Cluster m_cluster;       // as fingerprinted with default roles; the model holds the edits
    QString m_fingerprinted; // the picked hosts and login it was made for
    bool m_running = false;
};

// The plan: every file each host gets, and how the images get there. Nothing was written
// to any host before this page; Deploy starts the deploy.
class ReviewPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    FirstRunWizard *owner() const;
    QVBoxLayout *m_layout;
};

// The deploy with per-host progress and the checks; Finish saves the cluster file.
class DeployPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit DeployPage(QWidget *parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

private:
    FirstRunWizard *owner() const;
    QVBoxLayout *m_layout;
    QLabel *m_status;
    bool m_finished = false;
};

} // namespace SlurmDeck::Ui
