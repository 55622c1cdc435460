// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/SandboxDialog.h"

#include "GuiSecretAsker.h"
#include "deploy/DeployReportText.h"
#include "secrets/KeychainCredentialPrompt.h"
#include "session/SandboxRun.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {
// The steps SandboxRun reports: up's hosts, link, images, discovery and deploy; down's
// removal, unlink and hosts.
constexpr int upSteps = 5;
constexpr int downSteps = 3;
} // namespace

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
    m_progress->setRange(0, action == Action::Up ? upSteps : downSteps);
    m_progress->setValue(0);
    m_progress->setFormat(tr("step %v of %m"));
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_button = new QPushButton(tr("Cancel"), this);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_running) {
            m_status->setText(tr("Cancelling: the step under way stops first."));
            m_run->cancel();
        } else {
            close();
        }
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_button, 0, Qt::AlignRight);
    resize(820, 520);

    // Key passphrases and passwords: from the OS keychain, else asked here.
    m_run = new SandboxRun(std::make_shared<KeychainCredentialPrompt>(QStringLiteral("slurmdeck"),
                                                                      std::make_shared<GuiSecretAsker>(this)),
                           this);
    connectRun();
}

SandboxDialog::~SandboxDialog()
{
    if (m_running)
        m_run->cancel();
}

void SandboxDialog::connectRun()
{
    connect(m_run, &SandboxRun::stepStarted, this, [this](const QString &step) {
        m_progress->setValue(std::min(m_progress->value() + 1, m_progress->maximum()));
        m_status->setText(step.left(1).toUpper() + step.mid(1) + u'…');
        append(u'\n' + step + u'\n');
    });
    connect(m_run, &SandboxRun::output, this, &SandboxDialog::append);
    connect(m_run, &SandboxRun::deployStarted, this,
            [this](const ClusterPlan &plan, const DeployOptions &options) {
                append(deployPlanText(plan, options));
            });
    connect(m_run, &SandboxRun::deployPhaseChanged, this,
            [this](const QString &host, DeployPhase phase, const QString &message) {
                append(deployPhaseLine(host, phase, message));
            });
    connect(m_run, &SandboxRun::deployLogLine, this,
            [this](const QString &host, const QString &line) { append(deployLogText(host, line)); });
    connect(m_run, &SandboxRun::deployFinished, this,
            [this](const DeployReport &report) { append(deployReportText(report)); });
    connect(m_run, &SandboxRun::finished, this, &SandboxDialog::finish);
}

QString SandboxDialog::log() const
{
    return m_log->toPlainText();
}

void SandboxDialog::append(const QString &text)
{
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText(text);
    m_log->moveCursor(QTextCursor::End);
}

void SandboxDialog::start()
{
    m_running = true;
    if (m_action == Action::Up)
        m_run->up();
    else
        m_run->down();
}

void SandboxDialog::finish(bool ok, const QString &message)
{
    m_running = false;
    if (ok)
        m_progress->setValue(m_progress->maximum());
    m_button->setText(tr("Close"));
    append(u'\n' + message + u'\n');
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
