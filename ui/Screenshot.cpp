// SPDX-License-Identifier: GPL-3.0-or-later
#include "Screenshot.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QWidget>

namespace SlurmDeck::Ui {

Result<void> saveScreenshot(QWidget &widget, const QString &path)
{
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull()) {
        return makeError(Error::Code::Unsupported,
                         QObject::tr("Could not render the window: the platform produced no image."),
                         QStringLiteral("QWidget::grab() returned a null pixmap"));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(Error::Code::Io,
                         QObject::tr("Cannot write the screenshot to %1. Check that the "
                                     "directory exists and is writable.")
                             .arg(QFileInfo(path).absoluteFilePath()),
                         file.errorString());
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(pixmap.toImage())) {
        file.cancelWriting();
        return makeError(Error::Code::Io, QObject::tr("Cannot encode the screenshot as PNG."),
                         writer.errorString());
    }
    if (!file.commit()) {
        return makeError(Error::Code::Io, QObject::tr("Cannot write the screenshot to %1.").arg(path),
                         file.errorString());
    }
    return {};
}

} // namespace SlurmDeck::Ui
