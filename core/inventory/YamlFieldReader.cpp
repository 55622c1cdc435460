// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/YamlFieldReader.h"

#include "inventory/SpellingSuggestion.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <tuple>

namespace SlurmDeck::YamlFields {

namespace {

// Scans the text as events, without building nodes. yaml-cpp 0.7 never gets past a stray ','
// outside a flow collection: it yields empty documents at the same place forever, so
// LoadAll() on such text allocates until the process dies; counting a bounded number of
// documents finds both that and a genuine second document. The scan also finds anchors and
// aliases before YAML::Load expands them: a self-referencing alias (`x: &a [*a]`) makes
// every walk of the tree endless, nested ones grow it exponentially, and a cluster file
// needs neither.
class DocumentScanner final : public YAML::EventHandler
{
public:
    QList<YAML::Mark> starts;
    std::optional<YAML::Mark> firstAnchor;
    std::optional<YAML::Mark> firstAlias;

    void OnDocumentStart(const YAML::Mark &mark) override { starts.append(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { noteAnchor(mark, anchor); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        if (!firstAlias)
            firstAlias = mark;
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override
    {
        noteAnchor(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        noteAnchor(mark, anchor);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        noteAnchor(mark, anchor);
    }
    void OnMapEnd() override {}

private:
    void noteAnchor(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor && !firstAnchor)
            firstAnchor = mark;
    }
};

} // namespace

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString kindOf(const YAML::Node &node)
{
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (node.IsMap())
        return QStringLiteral("a mapping");
    if (node.IsNull())
        return QStringLiteral("empty");
    return QStringLiteral("'%1'").arg(text(node));
}

FieldReader::FieldReader(QString file, std::function<bool(const QString &key)> skipKey)
    : m_file(std::move(file)), m_skipKey(std::move(skipKey))
{}

void FieldReader::report(const YAML::Mark &mark, QString message)
{
    // yaml-cpp marks are 0-based and -1 when unknown.
    m_diagnostics.append(
        {m_file, std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1, std::move(message)});
}

QList<Diagnostic> FieldReader::takeDiagnostics()
{
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    return std::move(m_diagnostics);
}

// Reports anchors and aliases, a second document or a stray token; false when the text
// cannot be read on.
bool FieldReader::checkDocuments(const std::string &utf8)
{
    std::istringstream stream(utf8);
    YAML::Parser parser(stream);
    DocumentScanner scanner;
    for (int i = 0; i < 3 && parser.HandleNextDocument(scanner); ++i) {
    }
    if (scanner.firstAlias || scanner.firstAnchor) {
        const bool aliasFirst = scanner.firstAlias &&
                                (!scanner.firstAnchor || scanner.firstAlias->pos < scanner.firstAnchor->pos);
        report(aliasFirst ? *scanner.firstAlias : *scanner.firstAnchor,
               QStringLiteral("YAML anchors ('&name') and aliases ('*name') are not allowed in a cluster "
                              "file; write the values out"));
        return false;
    }
    const QList<YAML::Mark> &starts = scanner.starts;
    if (starts.size() < 2)
        return true;
    const bool stuck = starts.size() > 2 && starts.at(1).pos == starts.at(2).pos;
    if (!stuck) {
        report(starts.at(1), QStringLiteral("a cluster file holds one document; remove the second '---'"));
        return true;
    }
    const size_t at = static_cast<size_t>(std::max(starts.at(1).pos, 0));
    const QChar token = at < utf8.size() ? QChar::fromLatin1(utf8[at]) : u' ';
    report(starts.at(1), QStringLiteral("YAML syntax error: unexpected '%1'").arg(token));
    return false;
}

// The known entries of a mapping; reports unknown and repeated keys (keys the skip
// predicate names are left out without a report).
std::map<QString, Entry> FieldReader::entries(const YAML::Node &map, const QStringList &known)
{
    std::map<QString, Entry> result;
    for (const auto &pair : map) {
        if (!pair.first.IsScalar()) {
            report(pair.first.Mark(),
                   QStringLiteral("a key must be plain text, not %1").arg(kindOf(pair.first)));
            continue;
        }
        const QString key = text(pair.first);
        if (m_skipKey && m_skipKey(key))
            continue;
        if (const auto previous = result.find(key); previous != result.end()) {
            report(pair.first.Mark(), QStringLiteral("duplicate key '%1' (first given on line %2)")
                                          .arg(key)
                                          .arg(previous->second.key.Mark().line + 1));
            continue;
        }
        if (!known.contains(key)) {
            const QString suggestion = closestSpelling(key, known);
            report(pair.first.Mark(),
                   suggestion.isEmpty()
                       ? QStringLiteral("unknown key '%1' (expected one of: %2)").arg(key, known.join(u", "))
                       : QStringLiteral("unknown key '%1' (did you mean '%2'?)").arg(key, suggestion));
            continue;
        }
        result.emplace(key, Entry{pair.first, pair.second});
    }
    return result;
}

const Entry *FieldReader::find(const std::map<QString, Entry> &map, const QString &key)
{
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

// A text value; nothing (and no report) when the key is absent or left empty.
std::optional<QString> FieldReader::optionalText(const Entry *entry)
{
    if (!entry || entry->value.IsNull())
        return std::nullopt;
    if (!entry->value.IsScalar()) {
        report(
            entry->value.Mark(),
            QStringLiteral("'%1' must be a text value, not %2").arg(text(entry->key), kindOf(entry->value)));
        return std::nullopt;
    }
    return text(entry->value);
}

std::optional<QString> FieldReader::requiredText(const Entry *entry, const YAML::Mark &owner,
                                                 const QString &key, const QString &what)
{
    if (!entry) {
        report(owner, QStringLiteral("%1 has no '%2'").arg(what, key));
        return std::nullopt;
    }
    const std::optional<QString> value = optionalText(entry);
    if (entry->value.IsNull() || (value && value->trimmed().isEmpty())) {
        report(entry->value.IsNull() ? entry->key.Mark() : entry->value.Mark(),
               QStringLiteral("'%1' must not be empty").arg(key));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> FieldReader::optionalInteger(const Entry *entry, qint64 min, qint64 max)
{
    const std::optional<QString> value = optionalText(entry);
    if (!value)
        return std::nullopt;
    bool ok = false;
    const qint64 number = value->toLongLong(&ok);
    if (!ok) {
        report(entry->value.Mark(),
               QStringLiteral("'%1' must be a whole number, not '%2'").arg(text(entry->key), *value));
        return std::nullopt;
    }
    if (number < min || number > max) {
        report(entry->value.Mark(), QStringLiteral("'%1' is out of range: %2 is not between %3 and %4")
                                        .arg(text(entry->key))
                                        .arg(number)
                                        .arg(min)
                                        .arg(max));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> FieldReader::optionalBool(const Entry *entry)
{
    const std::optional<QString> value = optionalText(entry);
    if (!value)
        return std::nullopt;
    const QString lower = value->toLower();
    if (lower == u"true" || lower == u"yes")
        return true;
    if (lower == u"false" || lower == u"no")
        return false;
    report(entry->value.Mark(),
           QStringLiteral("'%1' must be true or false, not '%2'").arg(text(entry->key), *value));
    return std::nullopt;
}

// A list value; null (and no report) when absent or empty, a report when not a list.
YAML::Node FieldReader::optionalList(const Entry *entry, const QString &example)
{
    if (!entry || entry->value.IsNull())
        return YAML::Node();
    if (!entry->value.IsSequence()) {
        report(entry->value.Mark(), QStringLiteral("'%1' must be a list (%2), not %3")
                                        .arg(text(entry->key), example, kindOf(entry->value)));
        return YAML::Node();
    }
    return entry->value;
}

} // namespace SlurmDeck::YamlFields
