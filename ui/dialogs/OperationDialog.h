// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace SlurmDeck {
class ClusterSession;
} // namespace SlurmDeck

namespace SlurmDeck::Ui {

class Confirmation;

// A long operation on the cluster's hosts, shown: a status line, a busy bar, each host's
// steps in a log, and one button (Cancel while it runs where the operation can stop, then
// Close). BackupDialog and UpgradeDialog fill it in; succeeded() or failed() says how it ended.
class OperationDialog : public QDialog
{
    Q_OBJECT

public:
    // How the operation reaches the hosts and asks the user: the main window's.
    struct Connection
    {
        QPointer<ClusterSession> session; // the open cluster's
        std::shared_ptr<Confirmation> confirmation;
    };

    [[nodiscard]] QString log() const;
    [[nodiscard]] QString status() const;
    [[nodiscard]] bool isFinished() const { return m_finished; }

signals:
    void succeeded();
    void failed(const QString &message);

protected:
    OperationDialog(const QString &title, const QString &status, QWidget *parent);

    void setStatus(const QString &text);
    void append(const QString &host, const QString &line); // host empty: this machine
    void finish(bool ok, const QString &message);
    // While it runs, the button reads Cancel and calls `cancel`.
    void setCancel(std::function<void()> cancel);

private:
    QLabel *m_status;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QPushButton *m_button;
    std::function<void()> m_cancel;
    bool m_finished = false;
};

} // namespace SlurmDeck::Ui
