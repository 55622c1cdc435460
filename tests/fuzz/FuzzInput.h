// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The few lines every fuzz target shares: libFuzzer's bytes as the types the parsers take.
// Copies, so a parser that keeps views into its input reads memory it owns.
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace SlurmDeck::Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace SlurmDeck::Fuzz
