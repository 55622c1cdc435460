// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProcess;
class QProgressBar;
class QPushButton;

namespace SlurmDeck::Ui {

// Brings the sandbox cluster up (or down) by running `slurmdeck-cli sandbox up|down` next
// to this executable, with its live output, a busy bar and Cancel. Never blocks: the work
// runs in that process; succeeded() or failed() says how it ended.
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
    void append(const QByteArray &output);
    void finish(bool ok, const QString &message);

    Action m_action;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QPushButton *m_button = nullptr;
    QProcess *m_process = nullptr;
};

} // namespace SlurmDeck::Ui
