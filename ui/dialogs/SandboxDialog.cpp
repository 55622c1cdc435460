// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/SandboxDialog.h"

#include "sandbox/SandboxSetup.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

SandboxDialog::SandboxDialog(Action action, QWidget *parent) : QDialog(parent), m_action(action)
{
    setWindowTitle(action == Action::Up ? tr("Starting the sandbox cluster")
                                        : tr("Removing the sandbox cluster"));
    m_status =
        new QLabel(action == Action::Up
                       ? tr("Emulating a primary host and three workers on this machine, then deploying "
                            "Slurm onto them. The first time this builds images and takes a few minutes.")
                       : tr("Stopping the sandbox cluster and removing its emulated hosts."),
                   this);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: the steps report lines, not fractions
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_button = new QPushButton(tr("Cancel"), this);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_process && m_process->state() != QProcess::NotRunning)
            m_process->terminate();
        else
            close();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_button, 0, Qt::AlignRight);
    resize(820, 520);
}

SandboxDialog::~SandboxDialog()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->terminate();
    }
}

QString SandboxDialog::log() const
{
    return m_log->toPlainText();
}

void SandboxDialog::append(const QByteArray &output)
{
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText(QString::fromUtf8(output));
    m_log->moveCursor(QTextCursor::End);
}

void SandboxDialog::start()
{
    if (const Result<void> can = Sandbox::checkCanRun(); !can)
        return finish(false, can.error().toString());
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { append(m_process->readAllStandardOutput()); });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const bool ok = status == QProcess::NormalExit && code == 0;
        finish(ok, ok ? QString()
                      : tr("The sandbox could not be %1; the log above says why. Running it again resumes "
                           "where it stopped.")
                            .arg(m_action == Action::Up ? tr("started") : tr("removed")));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, tr("Cannot run %1: %2").arg(m_process->program(), m_process->errorString()));
    });
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/slurmdeck-cli");
    m_process->start(cli, {QStringLiteral("sandbox"),
                           m_action == Action::Up ? QStringLiteral("up") : QStringLiteral("down")});
}

void SandboxDialog::finish(bool ok, const QString &message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_button->setText(tr("Close"));
    if (ok) {
        m_status->setText(m_action == Action::Up ? tr("The sandbox cluster is up.")
                                                 : tr("The sandbox is removed."));
        emit succeeded();
    } else {
        m_status->setText(message);
        emit failed(message);
    }
}

} // namespace SlurmDeck::Ui
