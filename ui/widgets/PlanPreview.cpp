// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/PlanPreview.h"

#include "deploy/RemoteFileDiff.h"
#include "inventory/Platform.h"

#include <QAction>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

constexpr int contentTab = 0;
constexpr int diffTab = 1;

} // namespace

PlanPreview::PlanPreview(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_compareAgain(new QAction(tr("Compare &again"), this))
{
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setObjectName(QStringLiteral("previewDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_compareAgain->setObjectName(QStringLiteral("compareAgainAction"));
    m_compareAgain->setToolTip(tr("Fetch the host's copy again and compare"));
    connect(m_compareAgain, &QAction::triggered, this, &PlanPreview::refreshDiff);
    auto *compareButton = new QToolButton(this);
    compareButton->setObjectName(QStringLiteral("compareAgainButton"));
    compareButton->setDefaultAction(m_compareAgain);
    auto *diffPage = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(compareButton, 0, Qt::AlignRight);
    diffLayout->addWidget(m_diff, 1);
    m_tabs->addTab(m_text, tr("Content"));
    m_tabs->addTab(diffPage, tr("Diff with host"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_switchingTabs)
            m_preferDiff = index == diffTab;
        requestDiffIfShown();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    clear();
}

void PlanPreview::clear()
{
    m_hostName.clear();
    m_path.clear();
    m_title->setText(tr("Preview"));
    m_text->setPlainText(tr("Select a host or a file on the left."));
    m_diff->setPlainText(tr("Select a file on the left to compare it with the host's copy."));
    m_switchingTabs = true;
    m_tabs->setTabEnabled(diffTab, false);
    m_switchingTabs = false;
}

void PlanPreview::requestDiffIfShown()
{
    if (m_tabs->currentIndex() != diffTab || m_hostName.isEmpty() || m_diffAsked)
        return;
    m_diffAsked = true;
    emit diffRequested(m_hostName, m_path);
}

void PlanPreview::showDiffTab()
{
    if (m_tabs->isTabEnabled(diffTab))
        m_tabs->setCurrentIndex(diffTab);
}

void PlanPreview::refreshDiff()
{
    m_diffAsked = false;
    requestDiffIfShown();
}

bool PlanPreview::isDiffTabShown() const
{
    return m_tabs->currentIndex() == diffTab;
}

void PlanPreview::showDiffPending(const QString &hostName, const QString &path)
{
    if (hostName != m_hostName || path != m_path)
        return;
    m_diff->setPlainText(tr("Comparing %1 with the copy on %2…").arg(path, hostName));
}

void PlanPreview::showDiffError(const QString &hostName, const QString &path, const QString &message)
{
    if (hostName != m_hostName || path != m_path)
        return;
    m_diffAsked = false; // asking again (switching tabs) tries again
    m_diff->setPlainText(tr("Could not compare %1 with the copy on %2:\n%3").arg(path, hostName, message));
}

void PlanPreview::showDiff(const QString &hostName, const QString &path, const FileDiff &diff)
{
    if (hostName != m_hostName || path != m_path)
        return;
    QString text;
    switch (diff.status) {
    case FileDiff::Status::Unchanged:
        text = tr("Unchanged: %1 has exactly this file.").arg(hostName);
        break;
    case FileDiff::Status::New:
        text = tr("New file: %1 does not have it yet; a deploy creates it.").arg(hostName);
        break;
    case FileDiff::Status::Changed:
        text = tr("Changed: a deploy replaces the copy on %1 (and keeps it as %2.previous).")
                   .arg(hostName, path);
        break;
    }
    if (diff.secret && diff.status != FileDiff::Status::Unchanged)
        text +=
            u'\n' + tr("This file holds a secret: it is compared by its SHA-256 on the host, never shown.");
    if (!diff.effect.isEmpty())
        text += u'\n' + diff.effect;
    if (!diff.diff.isEmpty())
        text += QStringLiteral("\n\n") + diff.diff;
    m_diff->setPlainText(text);
}

void PlanPreview::showHost(const HostPlan &host, const QList<PlanTreeModel::File> &files)
{
    const auto listOr = [this](const QStringList &items) {
        return items.isEmpty() ? tr("(none)") : items.join(QStringLiteral(", "));
    };
    int secrets = 0;
    for (const PlanTreeModel::File &file : files)
        secrets += file.secret ? 1 : 0;
    QStringList lines;
    lines << tr("SSH address:        %1").arg(host.address)
          << tr("Network address:    %1").arg(host.networkAddress)
          << tr("Platform:           %1").arg(platformDisplayName(host.platform))
          << tr("Project directory:  %1").arg(host.directory)
          << tr("Compose project:    %1").arg(host.project.name)
          << tr("Compose files:      %1").arg(listOr(host.project.files))
          << tr("Profiles:           %1").arg(listOr(host.profiles))
          << tr("Services (in start order): %1").arg(listOr(host.services))
          << tr("Files:              %1 (%2 secret)").arg(files.size()).arg(secrets);
    m_title->setText(tr("Host %1").arg(host.hostName));
    m_text->setPlainText(lines.join(u'\n'));
    m_hostName.clear();
    m_path.clear();
    m_diff->setPlainText(tr("Select a file on the left to compare it with the host's copy."));
    m_switchingTabs = true;
    m_tabs->setCurrentIndex(contentTab);
    m_tabs->setTabEnabled(diffTab, false);
    m_switchingTabs = false;
}

void PlanPreview::showFile(const QString &hostName, const PlanTreeModel::File &file)
{
    m_title->setText(tr("%1: %2 (mode %3, %4)")
                         .arg(hostName, file.path, PlanTreeModel::formatMode(file.mode),
                              PlanTreeModel::formatSize(file.size)));
    // Each time a file is shown its diff is fetched afresh (when the Diff tab is up): the
    // host's copy may have changed since, by a deploy for one.
    m_hostName = hostName;
    m_path = file.path;
    m_diffAsked = false;
    m_diff->setPlainText(tr("Comparing %1 with the copy on %2…").arg(file.path, hostName));
    m_switchingTabs = true;
    m_tabs->setTabEnabled(diffTab, true);
    if (m_preferDiff)
        m_tabs->setCurrentIndex(diffTab);
    m_switchingTabs = false;
    requestDiffIfShown();
    if (file.secret) {
        m_text->setPlainText(
            tr("This file holds a secret. SlurmDeck never shows it: it is written to the host over SSH, "
               "readable only by its owner, and kept in your keychain here."));
        return;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(file.content);
    if (utf8.hasError() || file.content.contains('\0')) {
        m_text->setPlainText(tr("Binary file: %1 bytes.").arg(file.size));
        return;
    }
    m_text->setPlainText(text);
}

QString PlanPreview::title() const
{
    return m_title->text();
}

QString PlanPreview::text() const
{
    return m_text->toPlainText();
}

QString PlanPreview::diffText() const
{
    return m_diff->toPlainText();
}

} // namespace SlurmDeck::Ui
