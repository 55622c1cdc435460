// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace SlurmDeck {

// The part of HTTP/1.0 that a Prometheus query needs when it travels over an SSH channel
// instead of through Qt Network: one POST, one answer, the server closes the connection.

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

// POST `path` with an application/x-www-form-urlencoded `form` to the server `host`
// (the Host header), HTTP/1.0 so the answer ends when the server closes the connection.
[[nodiscard]] QByteArray httpFormPost(const QString &host, const QString &path, const QByteArray &form);

// Reads a whole answer as the server sent it: the status line, the headers (at most 64 KiB),
// and the body as Content-Length or chunked transfer coding delimit it (else the rest).
// Anything else, or an answer cut short, is a Parse error. `raw` comes from a remote host:
// it may be anything.
[[nodiscard]] Result<HttpAnswer> parseHttpAnswer(const QByteArray &raw);

} // namespace SlurmDeck
