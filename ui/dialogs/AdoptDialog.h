// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/OperationDialog.h"
#include "ssh/SshTarget.h"

class QLineEdit;
class QSpinBox;

namespace SlurmDeck {
class ClusterAdoptionRun;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

// File → Adopt Cluster…, first step: which host to adopt from. The controller host (an
// ~/.ssh/config alias works), the user and port when not the usual ones, and the cluster's
// name when the host runs several.
class AdoptFormDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AdoptFormDialog(QWidget *parent = nullptr);

    // `defaults` with the host, user and port typed here.
    [[nodiscard]] SshTarget target(const SshTarget &defaults) const;
    [[nodiscard]] QString clusterName() const;

private:
    QLineEdit *m_host;
    QLineEdit *m_user;
    QSpinBox *m_port;
    QLineEdit *m_name;
};

// File → Adopt Cluster…: the GUI's front on ClusterAdoptionRun, as `slurmdeck-cli adopt` is
// the CLI's. Reads the cluster's description from its controller host (the host key trusted
// as for any connection), shows its hosts, asks, then copies the munge key and database
// password into this machine's keychain and writes the cluster file. Never blocks;
// succeeded() or failed() says how it ended, clusterFile() what it wrote.
class AdoptDialog final : public OperationDialog
{
    Q_OBJECT

public:
    explicit AdoptDialog(Connection connection, QWidget *parent = nullptr);
    ~AdoptDialog() override;

    // `clusterFile`: where the cluster file goes (empty: NAME.yaml in the clusters
    // directory); when it exists, the question says it and the keychain's secrets of that
    // cluster are replaced.
    void start(const SshTarget &controller, const QString &clusterName, const QString &clusterFile = {});
    [[nodiscard]] QString clusterFile() const { return m_clusterFile; }

private:
    void ask(const QString &clusterFile);

    Connection m_connection;
    ClusterAdoptionRun *m_run = nullptr;
    QString m_clusterFile;
};

} // namespace SlurmDeck::Ui
