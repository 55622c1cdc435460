#include "widgets/PlanPreview.h"

#include "inventory/Platform.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

PlanPreview::PlanPreview(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QPlainTextEdit(this))
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    clear();
}

void PlanPreview::clear()
{
    m_title->setText(tr("Preview"));
    m_text->setPlainText(tr("Select a host or a file on the left."));
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
}

void PlanPreview::showFile(const QString &hostName, const PlanTreeModel::File &file)
{
    m_title->setText(tr("%1: %2 (mode %3, %4)")
                         .arg(hostName, file.path, PlanTreeModel::formatMode(file.mode),
                              PlanTreeModel::formatSize(file.size)));
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

} // namespace SlurmDeck::Ui
