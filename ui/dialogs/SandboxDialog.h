// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace SlurmDeck {
class SandboxRun;
}

namespace SlurmDeck::Ui {

// Brings the sandbox cluster up (or down) with the session layer's SandboxRun: each step in
// the status line and on the progress bar, the scripts' output and the deploy's progress and
// report in the log, and Cancel. Never blocks: the scripts run as processes, the deploy on
// its workers; succeeded() or failed() says how it ended.
class SandboxDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Action {
        Up,
        Down
    };

    explicit SandboxDialog(Action action, QWidget *parent = nullptr);
    ~SandboxDialog() override;

    void start();
    [[nodiscard]] QString log() const;

signals:
    void succeeded();
    void failed(const QString &message);

private:
    void connectRun();
    void append(const QString &text);
    void finish(bool ok, const QString &message);

    Action m_action;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_button = nullptr;
    SandboxRun *m_run = nullptr;
    bool m_running = false;
};

} // namespace SlurmDeck::Ui
