// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SlurmDeck {

// Where the files of compose-templates/ come from: compiled into SlurmDeck (the default),
// or a directory (tests, and users who keep their own edited copy).
class TemplateSource
{
public:
    // Empty directory: the copy compiled into the application.
    explicit TemplateSource(QString directory = {}) : m_directory(std::move(directory)) {}

    // `path` relative to compose-templates/, e.g. "compose.yml", "overrides/macos.yml".
    [[nodiscard]] Result<QByteArray> read(const QString &path) const;
    // The files under `directory` (relative to it, sorted, subdirectories included).
    [[nodiscard]] Result<QStringList> list(const QString &directory) const;
    [[nodiscard]] QString describe() const;

private:
    [[nodiscard]] QString root() const;

    QString m_directory;
};

} // namespace SlurmDeck
