// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/GpuParsers.h"

#include "metrics/PrometheusParser.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace SlurmDeck {

namespace {

enum class Column {
    Index,
    Uuid,
    Name,
    Util,
    MemUsed,
    MemTotal,
    Temp,
    Power,
    Other
};

Column columnFor(QString header)
{
    header = header.trimmed();
    const qsizetype unit = header.indexOf(u'[');
    if (unit >= 0)
        header = header.left(unit).trimmed();
    if (header == u"index")
        return Column::Index;
    if (header == u"uuid")
        return Column::Uuid;
    if (header == u"name" || header == u"gpu_name")
        return Column::Name;
    if (header == u"utilization.gpu")
        return Column::Util;
    if (header == u"memory.used")
        return Column::MemUsed;
    if (header == u"memory.total")
        return Column::MemTotal;
    if (header == u"temperature.gpu")
        return Column::Temp;
    if (header == u"power.draw")
        return Column::Power;
    return Column::Other;
}

const QList<Column> defaultColumns{Column::Index,   Column::Uuid,     Column::Name, Column::Util,
                                   Column::MemUsed, Column::MemTotal, Column::Temp, Column::Power};

// "45", "45 %", "1234 MiB", "250.00 W", "[N/A]", "[Not Supported]", "N/A", "" -> value or nullopt.
std::optional<double> number(const QString &field)
{
    static const QRegularExpression numeric(
        QStringLiteral("^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(?:%|MiB|W|C)?\\s*$"));
    const auto match = numeric.match(field);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = match.captured(1).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool looksLikeError(const QString &line)
{
    return line.contains(QStringLiteral("NVIDIA-SMI has failed")) ||
           line.startsWith(QStringLiteral("Failed to")) ||
           line.contains(QStringLiteral("No devices were found")) ||
           line.contains(QStringLiteral("command not found")) || line.contains(QStringLiteral("Field \"")) ||
           line.contains(QStringLiteral("is not a valid field"));
}

std::optional<double> finite(double v)
{
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

} // namespace

QString nvidiaSmiQueryCommand()
{
    return QStringLiteral("nvidia-smi --query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total,"
                          "temperature.gpu,power.draw --format=csv,noheader,nounits");
}

Result<GpuParse> parseNvidiaSmiCsv(const QString &text)
{
    GpuParse parse;
    QList<Column> columns = defaultColumns;
    const QStringList lines = text.split(u'\n');
    bool sawTable = false;
    QString errorLine;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty())
            continue;
        if (looksLikeError(line)) {
            if (errorLine.isEmpty())
                errorLine = line;
            continue;
        }
        const QStringList fields = line.split(u',');
        if (!sawTable && fields.value(0).trimmed() == u"index") { // header variant
            columns.clear();
            for (const QString &f : fields)
                columns.append(columnFor(f));
            sawTable = true;
            continue;
        }
        if (fields.size() < columns.size()) {
            parse.warnings.append(QStringLiteral("line %1: %2 fields, expected %3: %4")
                                      .arg(n + 1)
                                      .arg(fields.size())
                                      .arg(columns.size())
                                      .arg(line));
            continue;
        }
        // A name with a comma would add fields: the extra ones belong to the name column.
        QStringList merged = fields;
        const qsizetype nameColumn = columns.indexOf(Column::Name);
        while (merged.size() > columns.size() && nameColumn >= 0) {
            merged[nameColumn] += u',' + merged.at(nameColumn + 1);
            merged.removeAt(nameColumn + 1);
        }
        GpuReading gpu;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QString value = merged.at(c).trimmed();
            switch (columns.at(c)) {
            case Column::Index: {
                bool ok = false;
                const int index = value.toInt(&ok);
                gpu.index = ok ? index : -1;
                break;
            }
            case Column::Uuid:
                gpu.uuid = value.startsWith(u'[') ? QString() : value;
                break;
            case Column::Name:
                gpu.name = value.startsWith(u'[') ? QString() : value;
                break;
            case Column::Util:
                gpu.utilizationPercent = number(value);
                break;
            case Column::MemUsed:
                gpu.memoryUsedMiB = number(value);
                break;
            case Column::MemTotal:
                gpu.memoryTotalMiB = number(value);
                break;
            case Column::Temp:
                gpu.temperatureC = number(value);
                break;
            case Column::Power:
                gpu.powerW = number(value);
                break;
            case Column::Other:
                break;
            }
        }
        if (gpu.index < 0 && gpu.uuid.isEmpty()) {
            parse.warnings.append(
                QStringLiteral("line %1: neither an index nor a UUID: %2").arg(n + 1).arg(line));
            continue;
        }
        sawTable = true;
        parse.gpus.append(gpu);
    }
    if (parse.gpus.isEmpty() && !errorLine.isEmpty())
        return makeError(
            Error::Code::RemoteCommandFailed,
            QStringLiteral("nvidia-smi could not list the GPUs; check the NVIDIA driver on the host "
                           "(run nvidia-smi there)."),
            errorLine);
    return parse;
}

QString gpuSeriesQuery()
{
    return QStringLiteral(
        "{__name__=~\"nvidia_smi_(utilization_gpu_ratio|memory_used_bytes|memory_total_bytes|"
        "temperature_gpu|power_draw_watts)|DCGM_FI_DEV_(GPU_UTIL|FB_USED|FB_FREE|GPU_TEMP|"
        "POWER_USAGE)\"}");
}

GpuParse parseGpuSeries(const PromResult &result)
{
    GpuParse parse;
    constexpr double mib = 1024.0 * 1024.0;
    QHash<QString, qsizetype> byKey;
    QHash<QString, double> fbFree; // DCGM has used and free, not total
    for (const PromSeries &series : result.series) {
        const QString metric = series.label(QStringLiteral("__name__"));
        if (series.samples.isEmpty()) {
            parse.warnings.append(QStringLiteral("%1 has no sample").arg(metric));
            continue;
        }
        const double v = series.samples.constLast().value;
        const bool dcgm = metric.startsWith(QStringLiteral("DCGM_"));
        // SlurmDeck's prometheus.yml labels every target with its host's name ("node").
        QString host = series.label(QStringLiteral("node"));
        if (host.isEmpty())
            host = series.label(QStringLiteral("Hostname"));
        if (host.isEmpty()) {
            host = series.label(QStringLiteral("instance"));
            const qsizetype colon = host.lastIndexOf(u':');
            if (colon > 0 && !host.endsWith(u']'))
                host.truncate(colon);
        }
        const QString uuid =
            dcgm ? series.label(QStringLiteral("UUID")) : series.label(QStringLiteral("uuid"));
        const QString indexText =
            dcgm ? series.label(QStringLiteral("gpu")) : series.label(QStringLiteral("index"));
        bool indexOk = false;
        const int index = indexText.toInt(&indexOk);
        if (uuid.isEmpty() && !indexOk) {
            parse.warnings.append(
                QStringLiteral("%1 on %2 has neither a UUID nor an index").arg(metric, host));
            continue;
        }
        const QString key = host + u'|' + (uuid.isEmpty() ? QStringLiteral("#") + indexText : uuid);
        qsizetype at = byKey.value(key, -1);
        if (at < 0) {
            GpuReading gpu;
            gpu.host = host;
            gpu.uuid = uuid;
            gpu.index = indexOk ? index : -1;
            gpu.name =
                dcgm ? series.label(QStringLiteral("modelName")) : series.label(QStringLiteral("name"));
            at = parse.gpus.size();
            parse.gpus.append(gpu);
            byKey.insert(key, at);
        }
        GpuReading &gpu = parse.gpus[at];
        if (metric == u"nvidia_smi_utilization_gpu_ratio")
            gpu.utilizationPercent = finite(v * 100.0);
        else if (metric == u"nvidia_smi_memory_used_bytes")
            gpu.memoryUsedMiB = finite(v / mib);
        else if (metric == u"nvidia_smi_memory_total_bytes")
            gpu.memoryTotalMiB = finite(v / mib);
        else if (metric == u"nvidia_smi_temperature_gpu" || metric == u"DCGM_FI_DEV_GPU_TEMP")
            gpu.temperatureC = finite(v);
        else if (metric == u"nvidia_smi_power_draw_watts" || metric == u"DCGM_FI_DEV_POWER_USAGE")
            gpu.powerW = finite(v);
        else if (metric == u"DCGM_FI_DEV_GPU_UTIL")
            gpu.utilizationPercent = finite(v);
        else if (metric == u"DCGM_FI_DEV_FB_USED")
            gpu.memoryUsedMiB = finite(v);
        else if (metric == u"DCGM_FI_DEV_FB_FREE") {
            if (std::isfinite(v))
                fbFree.insert(key, v);
        }
    }
    for (auto it = fbFree.cbegin(); it != fbFree.cend(); ++it) {
        GpuReading &gpu = parse.gpus[byKey.value(it.key())];
        if (gpu.memoryUsedMiB && !gpu.memoryTotalMiB)
            gpu.memoryTotalMiB = *gpu.memoryUsedMiB + it.value();
    }
    std::sort(parse.gpus.begin(), parse.gpus.end(), [](const GpuReading &a, const GpuReading &b) {
        return a.host != b.host ? a.host < b.host : a.index < b.index;
    });
    return parse;
}

} // namespace SlurmDeck
