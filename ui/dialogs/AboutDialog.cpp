// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/AboutDialog.h"

#include "common/ApplicationInfo.h"
#include "common/Version.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About SlurmDeck"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(96, 96));

    auto *heading = new QLabel(tr("<h2>SlurmDeck %1</h2>").arg(applicationVersion()), this);
    heading->setObjectName(QStringLiteral("aboutVersion"));
    auto *blurb =
        new QLabel(tr("Turns a few mismatched machines into a working Slurm cluster, and runs it: "
                      "discovery over SSH, generated Slurm and monitoring configuration, deploys with "
                      "Docker Compose, live nodes, jobs, GPUs and charts."),
                   this);
    blurb->setWordWrap(true);
    auto *link =
        new QLabel(QStringLiteral("<a href=\"%1\">%1</a>").arg(QString::fromLatin1(Version::homepage)), this);
    link->setOpenExternalLinks(true);

    auto *components = new QPlainTextEdit(componentVersions(), this);
    components->setReadOnly(true);
    components->setObjectName(QStringLiteral("componentVersions"));
    components->setMaximumHeight(110);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(blurb);
    text->addWidget(link);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(components);
    layout->addWidget(buttons);
    resize(520, 320);
}

QString AboutDialog::versionText() const
{
    return applicationVersion();
}

} // namespace SlurmDeck::Ui
