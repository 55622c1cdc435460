// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/Discovery.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace SlurmDeck::Ui {

class DiscoveredHostsModel;
class GuiHostKeyPrompt;

// Finds machines to add: scans a subnet or fingerprints the hosts the user names, while
// showing progress and results as they arrive. Non-modal; discovery runs asynchronously
// and unknown host keys are asked about with HostKeyTrustDialog. Closing cancels.
class DiscoveryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryDialog)

public:
    explicit DiscoveryDialog(QWidget *parent = nullptr);
    ~DiscoveryDialog() override;
    // Ask about host keys through the window's prompt (one trust dialog at a time in the
    // whole window); closing this dialog rejects only its own questions. Before start().
    void shareHostKeyQuestions(const GuiHostKeyPrompt &windowPrompt);

    // The request the form fills in: ssh config and known_hosts files, timeouts and
    // concurrency come from here (tests point them at their own files); the form's
    // user, identity and port fields are prefilled from it.
    void setRequestTemplate(const DiscoveryRequest &request);
    // Prefills "These hosts" mode.
    void setHosts(const QStringList &hosts);

    // The request the form describes, or why it cannot be made.
    [[nodiscard]] Result<DiscoveryRequest> request() const;
    [[nodiscard]] DiscoveredHostsModel *model() const { return m_model; }
    [[nodiscard]] bool isRunning() const;

public slots:
    void start();
    void cancel();

signals:
    // "Add selected to cluster": the chosen hosts (all fingerprinted) and how they were
    // logged in to.
    void hostsChosen(const QList<SlurmDeck::DiscoveredHost> &hosts, const SlurmDeck::SshTarget &login);
    void discoveryFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    QWidget *createForm();
    void validateForm();
    void updateButtons();
    void showDetails();
    void addSelected();
    void onFinished();
    [[nodiscard]] QList<DiscoveredHost> selectedOkHosts() const;

    DiscoveryRequest m_template;
    std::shared_ptr<GuiHostKeyPrompt> m_hostKeyPrompt;
    Discovery *m_discovery = nullptr;
    SshTarget m_runningLogin;

    QRadioButton *m_scanMode;
    QRadioButton *m_hostsMode;
    QLineEdit *m_subnets;
    QPlainTextEdit *m_hosts;
    QLineEdit *m_user;
    QLineEdit *m_identity;
    QSpinBox *m_port;
    QLabel *m_formProblem;
    QProgressBar *m_scanProgress;
    QProgressBar *m_fingerprintProgress;
    DiscoveredHostsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_add;
};

} // namespace SlurmDeck::Ui
