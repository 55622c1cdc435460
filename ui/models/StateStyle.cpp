// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/StateStyle.h"

#include "slurm/SlurmTypes.h"
#include "slurm/SnapshotChanges.h"

#include <QGuiApplication>
#include <QPalette>

namespace SlurmDeck::Ui::StateStyle {

namespace {

// Hue per category: {on light bases, on dark bases}.
struct Shades
{
    QColor light;
    QColor dark;
};

Shades shades(Category category)
{
    switch (category) {
    case Category::Good:
        return {QColor(0x1a, 0x7f, 0x37), QColor(0x8f, 0xe3, 0x9f)};
    case Category::Busy:
        return {QColor(0x1c, 0x5f, 0xb8), QColor(0x99, 0xc1, 0xf1)};
    case Category::Warning:
        return {QColor(0x9a, 0x5b, 0x00), QColor(0xf8, 0xd3, 0x6b)};
    case Category::Bad:
        return {QColor(0xc0, 0x1c, 0x28), QColor(0xff, 0x9b, 0x9b)};
    case Category::Neutral:
        break;
    }
    return {};
}

bool is(const QString &state, QLatin1StringView name)
{
    return state.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

Category nodeCategory(const SlurmNode &node)
{
    if (SnapshotChanges::isNodeDown(node) || node.hasFlag(QStringLiteral("NOT_RESPONDING")) ||
        is(node.state, QLatin1StringView("INVAL")))
        return Category::Bad;
    if (SnapshotChanges::isNodeDrained(node))
        return Category::Warning;
    if (is(node.state, QLatin1StringView("ALLOCATED")) || is(node.state, QLatin1StringView("MIXED")) ||
        is(node.state, QLatin1StringView("COMPLETING")))
        return Category::Busy;
    if (is(node.state, QLatin1StringView("IDLE")))
        return Category::Good;
    return Category::Neutral;
}

Category jobCategory(const SlurmJob &job)
{
    const QString &state = job.state;
    if (is(state, QLatin1StringView("RUNNING")) || is(state, QLatin1StringView("COMPLETING")) ||
        is(state, QLatin1StringView("CONFIGURING")))
        return Category::Busy;
    if (is(state, QLatin1StringView("COMPLETED")))
        return Category::Good;
    if (is(state, QLatin1StringView("PENDING")))
        return job.reason.startsWith(QLatin1StringView("JobHeld")) ? Category::Warning : Category::Neutral;
    if (state.startsWith(QLatin1StringView("CANCELLED"), Qt::CaseInsensitive) ||
        is(state, QLatin1StringView("SUSPENDED")) || is(state, QLatin1StringView("REQUEUED")) ||
        is(state, QLatin1StringView("PREEMPTED")))
        return Category::Warning;
    if (SnapshotChanges::isFinalJobState(state))
        return Category::Bad;
    return Category::Neutral;
}

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QVariant rowBackground(Category category)
{
    if (category == Category::Neutral)
        return {};
    QColor tint = shades(category).light;
    tint.setAlpha(38); // about 15 %: a hint of the state over either base, text stays readable
    return tint;
}

QVariant stateForeground(Category category, bool dark)
{
    if (category == Category::Neutral)
        return {};
    return dark ? shades(category).dark : shades(category).light;
}

QVariant foreground(Category category)
{
    return stateForeground(category, darkPalette());
}

} // namespace SlurmDeck::Ui::StateStyle
