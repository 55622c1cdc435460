// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/Diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace SlurmDeck::YamlFields {

// A key and its value as found in a mapping, both with their marks (places).
struct Entry final
{
    YAML::Node key;
    YAML::Node value;
};

[[nodiscard]] QString text(const YAML::Node &node);
// "a list", "a mapping", "empty" or the quoted scalar, for messages.
[[nodiscard]] QString kindOf(const YAML::Node &node);

// Reads typed values out of YAML mappings and reports each problem with its file, line and
// column, so one pass finds them all. The cluster file's reader builds on it; it knows
// nothing of clusters.
class FieldReader
{
public:
    explicit FieldReader(QString file, std::function<bool(const QString &key)> skipKey = {});

    // Before building any node: anchors and aliases (refused: a self-referencing alias makes
    // every walk of the tree endless, nested ones grow it exponentially), a second document,
    // and yaml-cpp 0.7's endless documents after a stray ','. False when the text cannot be
    // read on.
    [[nodiscard]] bool checkDocuments(const std::string &utf8);

    void report(const YAML::Mark &mark, QString message);
    // The diagnostics so far, by place.
    [[nodiscard]] QList<Diagnostic> takeDiagnostics();

    [[nodiscard]] std::map<QString, Entry> entries(const YAML::Node &map, const QStringList &known);
    [[nodiscard]] static const Entry *find(const std::map<QString, Entry> &map, const QString &key);
    [[nodiscard]] std::optional<QString> optionalText(const Entry *entry);
    [[nodiscard]] std::optional<QString> requiredText(const Entry *entry, const YAML::Mark &owner,
                                                      const QString &key, const QString &what);
    [[nodiscard]] std::optional<qint64> optionalInteger(const Entry *entry, qint64 min, qint64 max);
    [[nodiscard]] std::optional<bool> optionalBool(const Entry *entry);
    [[nodiscard]] YAML::Node optionalList(const Entry *entry, const QString &example);

protected:
    QString m_file;

private:
    std::function<bool(const QString &)> m_skipKey;
    QList<Diagnostic> m_diagnostics;
};

} // namespace SlurmDeck::YamlFields
