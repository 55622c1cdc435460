// SPDX-License-Identifier: GPL-3.0-or-later
#include "fingerprint/SectionParsers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace SlurmDeck::FingerprintSections {

namespace {

QStringList lines(const QByteArray &text)
{
    QStringList result = QString::fromUtf8(text).split(u'\n');
    for (QString &line : result) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return result;
}

std::optional<qint64> toInteger(QStringView text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QString unquoteShellValue(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') &&
        value.back() == value.front()) {
        const QChar quote = value.front();
        value = value.mid(1, value.size() - 2);
        if (quote == u'"') {
            QString unescaped;
            unescaped.reserve(value.size());
            for (qsizetype i = 0; i < value.size(); ++i) {
                if (value.at(i) == u'\\' && i + 1 < value.size())
                    ++i;
                unescaped.append(value.at(i));
            }
            value = unescaped;
        }
    }
    return value;
}

} // namespace

QMap<QString, QString> parseOsRelease(const QByteArray &text)
{
    QMap<QString, QString> values;
    for (const QString &line : lines(text)) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const qsizetype equals = trimmed.indexOf(u'=');
        if (equals <= 0)
            continue;
        values.insert(trimmed.left(equals).trimmed(), unquoteShellValue(trimmed.mid(equals + 1)));
    }
    return values;
}

QMap<QString, QString> parseKeyValues(const QByteArray &text, QChar separator)
{
    QMap<QString, QString> values;
    for (const QString &line : lines(text)) {
        const qsizetype at = line.indexOf(separator);
        if (at <= 0)
            continue;
        const QString key = line.left(at).trimmed();
        if (!key.isEmpty() && !values.contains(key))
            values.insert(key, line.mid(at + 1).trimmed());
    }
    return values;
}

QString normaliseArchitecture(const QString &unameMachine)
{
    const QString machine = unameMachine.trimmed().toLower();
    if (machine == u"x86_64" || machine == u"amd64" || machine == u"x64")
        return QStringLiteral("x86_64");
    if (machine == u"arm64" || machine == u"aarch64" || machine == u"armv8l" || machine == u"armv8")
        return QStringLiteral("aarch64");
    if (machine.startsWith(u"armv7"))
        return QStringLiteral("armv7");
    if (machine.startsWith(u"armv6"))
        return QStringLiteral("armv6");
    return machine;
}

CpuTopology parseCpuInfo(const QByteArray &text)
{
    CpuTopology topology;
    int processors = 0;
    QSet<QString> physicalIds;
    QSet<QString> cores; // "physical id/core id"
    std::optional<int> cpuCoresField;
    QString physicalId;
    for (const QString &line : lines(text)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"processor" && toInteger(value)) {
            processors = std::min(processors + 1, maxCpus);
            physicalId.clear();
        } else if (key == u"physical id") {
            physicalId = value;
            physicalIds.insert(value);
        } else if (key == u"core id") {
            cores.insert(physicalId + u'/' + value);
        } else if (key == u"cpu cores" && !cpuCoresField) {
            if (const auto count = toInteger(value); count && *count > 0 && *count <= maxCpus)
                cpuCoresField = int(*count);
        } else if (topology.model.isEmpty() && (key == u"model name" || key == u"Processor")) {
            topology.model = value;
        }
    }
    if (processors == 0)
        return topology;
    // A hostile or broken host may claim anything: 64-bit arithmetic, and every figure kept
    // within what the processor count allows, so products cannot wrap to zero.
    const qint64 logical = std::min<qint64>(processors, maxCpus);
    const qint64 sockets = std::clamp<qint64>(physicalIds.isEmpty() ? 1 : physicalIds.size(), 1, logical);
    qint64 coresPerSocket = logical / sockets;
    if (!cores.isEmpty())
        coresPerSocket = qint64(cores.size()) / sockets;
    else if (cpuCoresField)
        coresPerSocket = *cpuCoresField;
    coresPerSocket = std::clamp<qint64>(coresPerSocket, 1, std::max<qint64>(1, logical / sockets));
    topology.logicalCpus = int(logical);
    topology.sockets = int(sockets);
    topology.coresPerSocket = int(coresPerSocket);
    topology.threadsPerCore = int(std::max<qint64>(1, logical / (sockets * coresPerSocket)));
    return topology;
}

std::optional<qint64> parseMemTotal(const QByteArray &text)
{
    for (const QString &line : lines(text)) {
        if (!line.startsWith(u"MemTotal:"))
            continue;
        QStringView value = QStringView(line).mid(9).trimmed();
        qint64 unit = 1;
        if (value.endsWith(u"kB", Qt::CaseInsensitive)) {
            unit = 1024;
            value.chop(2);
        }
        const auto number = toInteger(value);
        if (number && *number >= 0 && *number < std::numeric_limits<qint64>::max() / unit)
            return *number * unit;
        return std::nullopt;
    }
    return std::nullopt;
}

QList<GpuInfo> parseNvidiaSmi(const QByteArray &text, QStringList *warnings)
{
    QList<GpuInfo> gpus;
    for (const QString &line : lines(text)) {
        if (line.trimmed().isEmpty())
            continue;
        QStringList fields = line.split(u',');
        for (QString &field : fields)
            field = field.trimmed();
        const auto index = fields.size() >= 5 ? toInteger(fields.constFirst()) : std::nullopt;
        if (!index || *index < 0 || *index > 1 << 16) {
            if (warnings)
                warnings->append(QStringLiteral("nvidia-smi: %1").arg(line.trimmed()));
            continue;
        }
        // Only the name could hold a comma: it is everything between the index and the
        // last three fields.
        GpuInfo gpu;
        gpu.index = int(*index);
        gpu.uuid = fields.takeLast();
        gpu.driver = fields.takeLast();
        const QString memory = fields.takeLast();
        gpu.model = fields.mid(1).join(QStringLiteral(", "));
        if (const auto mib = toInteger(memory); mib && *mib >= 0)
            gpu.memoryMiB = *mib;
        for (QString *value : {&gpu.uuid, &gpu.driver, &gpu.model}) {
            if (value->startsWith(u'[') && value->endsWith(u']')) // [N/A], [Not Supported]
                value->clear();
        }
        gpus.append(gpu);
    }
    return gpus;
}

DockerVersion parseDockerVersion(const QByteArray &text)
{
    DockerVersion version;
    QStringList other;
    bool formatted = false;
    for (const QString &line : lines(text)) {
        const QStringList fields = line.split(u'|');
        if (!formatted && fields.size() == 4) {
            formatted = true;
            version.serverVersion = fields.at(0).trimmed();
            version.serverOs = fields.at(1).trimmed();
            version.serverArch = fields.at(2).trimmed();
            version.clientVersion = fields.at(3).trimmed();
        } else if (!line.trimmed().isEmpty()) {
            other.append(line.trimmed());
        }
    }
    version.error = other.join(u'\n');
    return version;
}

std::optional<bool> parseNvidiaRuntime(const QByteArray &text)
{
    for (const QString &line : lines(text)) {
        const QString trimmed = line.trimmed();
        if (!trimmed.startsWith(u'{'))
            continue;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            continue;
        const QStringList names = document.object().keys();
        for (const QString &name : names) {
            if (name.contains(u"nvidia", Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return std::nullopt;
}

QString parseComposeVersion(const QByteArray &text)
{
    static const QRegularExpression versionPattern(
        QStringLiteral(R"(^\s*v?(\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?)\s*$)"));
    for (const QString &line : lines(text)) {
        const QRegularExpressionMatch match = versionPattern.match(line);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

std::set<quint16> parseListeningPorts(const QByteArray &text)
{
    static const QRegularExpression whitespace(QStringLiteral(R"(\s+)"));
    std::set<quint16> ports;
    for (const QString &line : lines(text)) {
        if (!line.contains(u"LISTEN"))
            continue;
        const QStringList fields = line.split(whitespace, Qt::SkipEmptyParts);
        // ss: State Recv-Q Send-Q Local Peer; netstat: Proto Recv-Q Send-Q Local Foreign State.
        if (fields.size() < 5)
            continue;
        const QString &local = fields.at(3);
        const qsizetype separator = std::max(local.lastIndexOf(u':'), local.lastIndexOf(u'.'));
        if (separator < 0)
            continue;
        const auto port = toInteger(QStringView(local).mid(separator + 1));
        if (port && *port > 0 && *port <= 65535)
            ports.insert(quint16(*port));
    }
    return ports;
}

std::optional<double> parseEpoch(const QByteArray &text)
{
    std::optional<double> best;
    for (const QString &line : lines(text)) {
        const QString trimmed = line.trimmed();
        const qsizetype dot = trimmed.indexOf(u'.');
        const QStringView seconds = QStringView(trimmed).left(dot < 0 ? trimmed.size() : dot);
        const auto whole = toInteger(seconds);
        if (!whole || *whole < 0 || seconds.isEmpty())
            continue;
        double value = double(*whole);
        bool fractional = false;
        if (dot >= 0) {
            const QStringView digits = QStringView(trimmed).mid(dot + 1);
            bool allDigits = !digits.isEmpty() && digits.size() <= 18;
            for (const QChar c : digits)
                allDigits = allDigits && c.isDigit() && c.unicode() < 0x80;
            if (!allDigits) {
                if (best)
                    continue;
            } else {
                value += digits.toString().prepend(QStringLiteral("0.")).toDouble();
                fractional = true;
            }
        }
        if (!best || fractional)
            best = value;
    }
    return best;
}

} // namespace SlurmDeck::FingerprintSections
