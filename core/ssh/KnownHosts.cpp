// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssh/KnownHosts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QObject>

namespace SlurmDeck {

namespace {

// A known_hosts file larger than this is not one (a real one has a line per host).
constexpr qint64 maxKnownHostsBytes = 16 * 1024 * 1024;

// OpenSSH's pattern match: '*' any run, '?' one character; the caller lower-cases both.
// Iterative with one backtrack point, so hostile patterns cannot make it exponential.
bool globMatch(QStringView text, QStringView pattern)
{
    qsizetype t = 0;
    qsizetype p = 0;
    qsizetype starPattern = -1;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starPattern = p++;
            starText = t;
        } else if (starPattern >= 0) {
            p = starPattern + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

std::optional<QByteArray> decodeBase64(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

// The key type an SSH public key blob names in its first field (a uint32 length + text).
std::optional<QByteArray> blobKeyType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const unsigned char *>(blob.constData());
    const quint32 length =
        (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) | quint32(bytes[3]);
    if (length == 0 || length > quint32(blob.size() - 4))
        return std::nullopt;
    return blob.mid(4, qsizetype(length));
}

struct HashedHost
{
    QByteArray salt;
    QByteArray hash;
};

// "|1|base64(salt)|base64(HMAC-SHA1(salt, host))", as `ssh-keygen -H` writes it.
std::optional<HashedHost> parseHashedHost(const QString &field)
{
    const QStringList parts = field.split(u'|');
    if (parts.size() != 4 || !parts.at(0).isEmpty() || parts.at(1) != u"1")
        return std::nullopt;
    const std::optional<QByteArray> salt = decodeBase64(parts.at(2).toLatin1());
    const std::optional<QByteArray> hash = decodeBase64(parts.at(3).toLatin1());
    if (!salt || !hash || salt->size() != 20 || hash->size() != 20)
        return std::nullopt;
    return HashedHost{*salt, *hash};
}

std::optional<KnownHostsEntry> parseLine(const QByteArray &line, KnownHostsEntry entry, QString *problem)
{
    QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.first().startsWith('@')) {
        const QByteArray marker = fields.takeFirst();
        if (marker == "@cert-authority")
            entry.marker = KnownHostsEntry::Marker::CertAuthority;
        else if (marker == "@revoked")
            entry.marker = KnownHostsEntry::Marker::Revoked;
        else {
            *problem = QObject::tr("unknown marker '%1' (only @cert-authority and @revoked exist)")
                           .arg(QString::fromUtf8(marker.left(40)));
            return std::nullopt;
        }
    }
    if (fields.size() < 3) {
        *problem = QObject::tr("expected HOSTS KEYTYPE KEY, found %n field(s)", nullptr, int(fields.size()));
        return std::nullopt;
    }
    entry.hosts = QString::fromUtf8(fields.at(0));
    entry.keyType = QString::fromUtf8(fields.at(1));
    if (entry.hosts.startsWith(u'|') && !parseHashedHost(entry.hosts)) {
        *problem = QObject::tr("the hashed host name is malformed (expected |1|SALT|HASH)");
        return std::nullopt;
    }
    const std::optional<QByteArray> blob = decodeBase64(fields.at(2));
    if (!blob) {
        *problem = QObject::tr("the key is not valid base64");
        return std::nullopt;
    }
    const std::optional<QByteArray> blobType = blobKeyType(*blob);
    if (!blobType || *blobType != fields.at(1)) {
        *problem = QObject::tr("the key does not match its type '%1'").arg(entry.keyType.left(60));
        return std::nullopt;
    }
    entry.keyBlob = *blob;
    return entry;
}

} // namespace

bool KnownHostsEntry::matchesHost(const QString &hostPort) const
{
    const QString host = hostPort.toLower();
    if (hosts.startsWith(u'|')) {
        const std::optional<HashedHost> hashed = parseHashedHost(hosts);
        return hashed && QMessageAuthenticationCode::hash(host.toUtf8(), hashed->salt,
                                                          QCryptographicHash::Sha1) == hashed->hash;
    }
    bool matched = false;
    for (const QStringView pattern : QStringView(hosts).split(u',')) {
        const bool negated = pattern.startsWith(u'!');
        const QString lowered = (negated ? pattern.mid(1) : pattern).toString().toLower();
        if (!globMatch(host, lowered))
            continue;
        if (negated)
            return false;
        matched = true;
    }
    return matched;
}

QString KnownHostsProblem::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(file, message);
}

KnownHostsFile parseKnownHosts(const QByteArray &content, const QString &fileName)
{
    KnownHostsFile parsed;
    int lineNumber = 0;
    for (const QByteArray &rawLine : content.split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        KnownHostsEntry entry;
        entry.file = fileName;
        entry.line = lineNumber;
        QString problem;
        if (std::optional<KnownHostsEntry> read = parseLine(line, std::move(entry), &problem))
            parsed.entries.append(std::move(*read));
        else
            parsed.problems.append(KnownHostsProblem{fileName, lineNumber, problem});
    }
    return parsed;
}

KnownHostsFile readKnownHostsFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (QFileInfo(path).size() > maxKnownHostsBytes)
        return KnownHostsFile{{}, {KnownHostsProblem{path, 0, QObject::tr("larger than 16 MiB; not read")}}};
    if (!file.open(QIODevice::ReadOnly))
        return KnownHostsFile{{}, {KnownHostsProblem{path, 0, file.errorString()}}};
    return parseKnownHosts(file.read(maxKnownHostsBytes), path);
}

QString knownHostsName(const QString &host, int port)
{
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

HostKeyCheck checkHostKey(const QList<KnownHostsFile> &files, const QString &hostPort,
                          const QByteArray &keyBlob)
{
    HostKeyCheck check;
    const KnownHostsEntry *known = nullptr;
    const KnownHostsEntry *other = nullptr;
    const KnownHostsEntry *authority = nullptr;
    for (const KnownHostsFile &file : files) {
        check.problems += file.problems;
        for (const KnownHostsEntry &entry : file.entries) {
            // A revoked key is refused for every host, whatever else the files say.
            if (entry.marker == KnownHostsEntry::Marker::Revoked) {
                if (entry.keyBlob == keyBlob) {
                    check.verdict = HostKeyCheck::Verdict::Revoked;
                    check.where = entry.place();
                    return check;
                }
                continue;
            }
            if (!entry.matchesHost(hostPort))
                continue;
            if (entry.marker == KnownHostsEntry::Marker::CertAuthority)
                authority = authority ? authority : &entry;
            else if (entry.keyBlob == keyBlob)
                known = known ? known : &entry;
            else
                other = other ? other : &entry;
        }
    }
    if (known) {
        check.verdict = HostKeyCheck::Verdict::Known;
        check.where = known->place();
    } else if (other) {
        check.verdict = HostKeyCheck::Verdict::Changed;
        check.where = other->place();
    } else if (authority) {
        check.verdict = HostKeyCheck::Verdict::CertAuthorityOnly;
        check.where = authority->place();
    }
    return check;
}

} // namespace SlurmDeck
