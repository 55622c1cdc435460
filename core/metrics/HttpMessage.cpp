// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/HttpMessage.h"

#include <QList>

#include <limits>

namespace SlurmDeck {

namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;

Error malformed(const QString &why)
{
    return makeError(Error::Code::Parse, QStringLiteral("The answer is not HTTP: %1.").arg(why));
}

// A hostile server's bytes, safe to show on a terminal.
QString printable(QByteArrayView bytes)
{
    QString text;
    for (const char c : bytes)
        text += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QChar(u'?');
    return text;
}

// Decodes a chunked body ("1a\r\n...\r\n0\r\n\r\n"); trailers after the last chunk are ignored.
Result<QByteArray> unchunk(QByteArrayView data)
{
    QByteArray body;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", at);
        if (lineEnd < 0)
            return malformed(QStringLiteral("a chunk size line is cut short"));
        QByteArrayView sizeText = data.sliced(at, lineEnd - at);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon); // chunk extensions
        sizeText = sizeText.trimmed();
        if (sizeText.isEmpty() || sizeText.size() > 15)
            return malformed(QStringLiteral("a chunk size is missing or too long"));
        qsizetype size = 0;
        for (const char c : sizeText) {
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0)
                return malformed(QStringLiteral("a chunk size is not hexadecimal"));
            size = size * 16 + digit; // at most 15 digits: no overflow
        }
        at = lineEnd + 2;
        if (size == 0)
            return body;
        if (size > data.size() - at)
            return malformed(QStringLiteral("a chunk is cut short"));
        body.append(data.sliced(at, size));
        at += size;
        if (data.size() - at < 2 || data.sliced(at, 2) != "\r\n")
            return malformed(QStringLiteral("a chunk does not end with CRLF"));
        at += 2;
    }
}

} // namespace

QByteArray httpFormPost(const QString &host, const QString &path, const QByteArray &form)
{
    QByteArray request = "POST " + path.toUtf8() + " HTTP/1.0\r\n";
    request += "Host: " + host.toUtf8() + "\r\n";
    request += "Content-Type: application/x-www-form-urlencoded\r\n";
    request += "Content-Length: " + QByteArray::number(form.size()) + "\r\n";
    request += "Connection: close\r\n\r\n";
    request += form;
    return request;
}

Result<HttpAnswer> parseHttpAnswer(const QByteArray &raw)
{
    if (raw.isEmpty())
        return malformed(QStringLiteral("the server closed the connection without a word"));
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0 || headEnd > maxHeaderBytes)
        return malformed(headEnd < 0 && raw.size() <= maxHeaderBytes
                             ? QStringLiteral("its headers are cut short")
                             : QStringLiteral("its headers are longer than 64 KiB"));
    const QList<QByteArray> lines = raw.first(headEnd).split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    // "HTTP/1.1 200 OK": the version, a three-digit status, an optional reason.
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ')
        return malformed(QStringLiteral("the status line is '%1'").arg(printable(statusLine.left(40))));
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 599 || (statusLine.size() > 12 && statusLine.at(12) != ' '))
        return malformed(QStringLiteral("the status code is not a number from 100 to 599"));

    qsizetype contentLength = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(QStringLiteral("header line %1 has no name").arg(i));
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-length") {
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || length > std::numeric_limits<int>::max())
                return malformed(QStringLiteral("its Content-Length is not a size"));
            contentLength = static_cast<qsizetype>(length);
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().endsWith("chunked");
        }
    }

    HttpAnswer answer;
    answer.status = status;
    const QByteArrayView rest = QByteArrayView(raw).sliced(headEnd + 4);
    if (chunked) {
        Result<QByteArray> body = unchunk(rest);
        if (!body)
            return body.error();
        answer.body = std::move(body).value();
    } else if (contentLength >= 0) {
        if (rest.size() < contentLength)
            return malformed(
                QStringLiteral("it ended after %1 of %2 bytes").arg(rest.size()).arg(contentLength));
        answer.body = rest.first(contentLength).toByteArray();
    } else {
        answer.body = rest.toByteArray();
    }
    return answer;
}

} // namespace SlurmDeck
