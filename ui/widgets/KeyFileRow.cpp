// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/KeyFileRow.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace SlurmDeck::Ui {

QHBoxLayout *keyFileRow(QWidget *dialogParent, QLineEdit *identity)
{
    auto *browse = new QPushButton(QCoreApplication::translate("KeyFileRow", "&Browse…"), dialogParent);
    browse->setAutoDefault(false); // Return in the form is the dialog's default button
    QObject::connect(browse, &QPushButton::clicked, identity, [dialogParent, identity] {
        auto *chooser = new QFileDialog(
            dialogParent, QCoreApplication::translate("KeyFileRow", "Private key"), identity->text());
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        QObject::connect(chooser, &QFileDialog::fileSelected, identity, &QLineEdit::setText);
        chooser->open();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(identity, 1);
    row->addWidget(browse);
    return row;
}

} // namespace SlurmDeck::Ui
