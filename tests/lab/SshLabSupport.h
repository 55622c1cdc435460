// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the SSH lab tests share: a scripted host-key prompt, running a local tool, forged
// known_hosts lines, and arguments that break naive quoting.
#include "ssh/HostKey.h"

#include <QFile>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTest>

#include <mutex>
#include <optional>

namespace SlurmDeck::SshLabSupport {

// Records every question and answers from a script; fails loudly if asked unexpectedly.
class ScriptedHostKeyPrompt final : public HostKeyPrompt
{
public:
    explicit ScriptedHostKeyPrompt(std::optional<HostKeyDecision> answer) : m_answer(answer) {}

    void askAboutUnknownKey(const HostKeyInfo &key, std::function<void(HostKeyDecision)> answer) override
    {
        std::lock_guard lock(m_mutex);
        m_asked.append(key);
        answer(m_answer.value_or(HostKeyDecision::Reject));
    }
    [[nodiscard]] QList<HostKeyInfo> asked() const
    {
        std::lock_guard lock(m_mutex);
        return m_asked;
    }

private:
    std::optional<HostKeyDecision> m_answer;
    mutable std::mutex m_mutex;
    QList<HostKeyInfo> m_asked;
};

inline QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// A known_hosts line claiming `address` has a freshly generated (so wrong) key, made at
// `keyPath` with ssh-keygen.
inline QByteArray forgedHostKeyLine(const QString &address, const QString &keyPath)
{
    run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                       QStringLiteral("-N"), QString(), QStringLiteral("-f"), keyPath});
    QFile pub(keyPath + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = pub.readAll().split(' ');
    return address.toUtf8() + ' ' + fields.value(0) + ' ' + fields.value(1) + '\n';
}

// Arguments that break naive quoting, as the rows of a data-driven test.
inline void addAwkwardStrings()
{
    QTest::addColumn<QString>("argument");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("  two  spaces  ");
    QTest::newRow("single quotes") << QStringLiteral("it's 'quoted'");
    QTest::newRow("double quotes") << QStringLiteral("say \"hi\"");
    QTest::newRow("command substitution") << QStringLiteral("$(touch /tmp/pwned)");
    QTest::newRow("backticks") << QStringLiteral("`touch /tmp/pwned`");
    QTest::newRow("variables") << QStringLiteral("$HOME ${PATH} $0");
    QTest::newRow("newlines") << QStringLiteral("line1\nline2\n\n");
    QTest::newRow("glob") << QStringLiteral("* ?.conf [a-z]");
    QTest::newRow("operators") << QStringLiteral("a;b&&c||d|e>f<g &");
    QTest::newRow("backslashes") << QStringLiteral("\\\\n \\' \\");
    QTest::newRow("non-ascii") << QStringLiteral("Grüße 東京 Ω ✓");
    QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x9a\x80");
    QTest::newRow("dash") << QStringLiteral("-n");
    QTest::newRow("tilde and hash") << QStringLiteral("~root #comment");
    QTest::newRow("mixed") << QStringLiteral("x'\"$(`\\\n'y");
}

} // namespace SlurmDeck::SshLabSupport
