// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/CommandTrace.h"

#include <QMutex>
#include <QMutexLocker>

namespace SlurmDeck::CommandTrace {

namespace {

QMutex &lock()
{
    static QMutex mutex;
    return mutex;
}

Sink &sink()
{
    static Sink current;
    return current;
}

} // namespace

void setSink(Sink next)
{
    const QMutexLocker locker(&lock());
    sink() = std::move(next);
}

void record(const QString &host, const QString &command)
{
    const QMutexLocker locker(&lock());
    if (sink())
        sink()(host, command);
}

} // namespace SlurmDeck::CommandTrace
