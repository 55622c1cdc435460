// SPDX-License-Identifier: GPL-3.0-or-later
#include "fingerprint/ProbeOutput.h"

namespace SlurmDeck {

namespace {

constexpr QByteArrayView headerMarker = "@@slurmdeck:fingerprint ";
constexpr QByteArrayView sectionMarker = "@@slurmdeck:section ";
constexpr QByteArrayView exitMarker = "@@slurmdeck:exit ";
constexpr QByteArrayView endMarker = "@@slurmdeck:end";
constexpr QByteArrayView loginShellMarker = "@@slurmdeck:login-shell";

void closeSection(ProbeSection *section, QByteArray *text)
{
    if (!section)
        return;
    while (text->endsWith('\n'))
        text->chop(1);
    section->text = std::move(*text);
    text->clear();
}

} // namespace

const ProbeSection *ProbeOutput::section(QStringView name) const
{
    for (const ProbeSection &candidate : sections) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

ProbeOutput splitProbeOutput(const QByteArray &output)
{
    ProbeOutput result;
    ProbeSection *current = nullptr;
    QByteArray text;
    qsizetype start = 0;
    while (start < output.size()) {
        qsizetype end = output.indexOf('\n', start);
        if (end < 0)
            end = output.size();
        QByteArrayView line = QByteArrayView(output).sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.startsWith("@@slurmdeck:")) {
            if (current) {
                text.append(line);
                text.append('\n');
            }
            continue;
        }
        if (line.startsWith(sectionMarker)) {
            closeSection(current, &text);
            result.sections.append(
                {QString::fromUtf8(line.sliced(sectionMarker.size()).trimmed()), {}, std::nullopt});
            current = &result.sections.last();
        } else if (line.startsWith(exitMarker)) {
            bool ok = false;
            const int status = line.sliced(exitMarker.size()).trimmed().toInt(&ok);
            if (current && ok)
                current->exitStatus = status;
        } else if (line.startsWith(headerMarker)) {
            bool ok = false;
            const int version = line.sliced(headerMarker.size()).trimmed().toInt(&ok);
            if (ok && version > 0)
                result.formatVersion = version;
        } else if (line.startsWith(loginShellMarker) && result.loginShell.isEmpty()) {
            const QByteArrayView shell = line.sliced(loginShellMarker.size()).trimmed();
            result.loginShell = QString::fromUtf8(shell.first(std::min<qsizetype>(shell.size(), 256)));
        } else if (line == endMarker) {
            closeSection(current, &text);
            current = nullptr;
            result.complete = true;
        }
    }
    closeSection(current, &text);
    return result;
}

} // namespace SlurmDeck
