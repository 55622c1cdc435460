// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/JobFilterBar.h"

#include "models/JobsFilterProxy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

namespace SlurmDeck::Ui {

JobFilterBar::JobFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_user(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_partition(new QComboBox(this))
    , m_text(new QLineEdit(this))
{
    setObjectName(QStringLiteral("jobFilters"));
    m_user->setObjectName(QStringLiteral("jobUserFilter"));
    m_state->setObjectName(QStringLiteral("jobStateFilter"));
    m_partition->setObjectName(QStringLiteral("jobPartitionFilter"));
    m_text->setObjectName(QStringLiteral("jobTextFilter"));
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_partition->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    using Filter = JobsFilterProxy::StateFilter;
    m_state->addItem(tr("All states"), int(Filter::All));
    m_state->addItem(tr("Pending"), int(Filter::Pending));
    m_state->addItem(tr("Running"), int(Filter::Running));
    m_state->addItem(tr("Completed"), int(Filter::Finished));
    m_state->addItem(tr("Failed or cancelled"), int(Filter::Failed));
    m_text->setPlaceholderText(tr("Filter jobs"));
    m_text->setClearButtonEnabled(true);
    m_text->setMaximumWidth(220);
    fill(m_user, tr("All users"), {}, {});
    fill(m_partition, tr("All partitions"), {}, {});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_user);
    layout->addWidget(m_state);
    layout->addWidget(m_partition);
    layout->addWidget(m_text);
    for (QComboBox *combo : {m_user, m_state, m_partition})
        connect(combo, &QComboBox::currentIndexChanged, this, &JobFilterBar::changed);
    connect(m_text, &QLineEdit::textChanged, this, &JobFilterBar::changed);
}

bool JobFilterBar::choose(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

void JobFilterBar::setCurrentUser(const QString &user)
{
    if (user == m_currentUser)
        return;
    m_currentUser = user;
    fill(m_user, tr("All users"), m_users, m_currentUser);
}

void JobFilterBar::setChoices(QStringList users, QStringList partitions)
{
    users.removeDuplicates();
    users.sort();
    partitions.removeDuplicates();
    partitions.sort();
    if (users != m_users) {
        m_users = users;
        fill(m_user, tr("All users"), m_users, m_currentUser);
    }
    if (partitions != m_partitions) {
        m_partitions = partitions;
        fill(m_partition, tr("All partitions"), m_partitions, {});
    }
}

void JobFilterBar::fill(QComboBox *combo, const QString &allText, const QStringList &values,
                        const QString &mine)
{
    const QString current = combo->currentData().toString();
    {
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(allText, QString());
        if (!mine.isEmpty())
            combo->addItem(tr("Mine (%1)").arg(mine), mine);
        for (const QString &value : values) {
            if (value != mine && !value.isEmpty())
                combo->addItem(value, value);
        }
        // A chosen value no longer seen stays offered: the filter must not change by itself.
        if (!current.isEmpty() && combo->findData(current) < 0)
            combo->addItem(current, current);
        choose(combo, current);
    }
}

void JobFilterBar::apply(JobsFilterProxy *proxy) const
{
    proxy->setUserFilter(m_user->currentData().toString());
    proxy->setStateFilter(JobsFilterProxy::StateFilter(m_state->currentData().toInt()));
    proxy->setPartitionFilter(m_partition->currentData().toString());
    proxy->setFilterText(m_text->text());
}

} // namespace SlurmDeck::Ui
