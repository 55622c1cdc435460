// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QVERIFY2 evaluates its message even when the check passes, so tests must not call
// Result::error() on a success. whyNot() is safe either way.
#include "common/Result.h"

#include <QByteArray>

namespace SlurmDeck::Testing {

template<typename T>
QByteArray whyNot(const Result<T> &result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace SlurmDeck::Testing

// `result` is evaluated once: QVERIFY2 evaluates its message as well as its check, so an
// expression with effects (connect(), a deploy step) would otherwise run twice.
#define SLURMDECK_VERIFY_OK(result)                                                                          \
    do {                                                                                                     \
        const auto &slurmdeckVerified = (result);                                                            \
        QVERIFY2(slurmdeckVerified.has_value(), SlurmDeck::Testing::whyNot(slurmdeckVerified).constData());  \
    } while (false)
