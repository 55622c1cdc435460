// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace SlurmDeck::Ui {

class JobsFilterProxy;

// The Jobs view's filters, shared by its Queue and History tabs: user (all, mine, or one
// seen in the jobs), state group, partition, and free text. Choices follow the jobs shown;
// the current choice stays while it is still offered.
class JobFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterBar)

public:
    explicit JobFilterBar(QWidget *parent = nullptr);

    // Whose jobs "Mine" means; empty: no "Mine" entry.
    void setCurrentUser(const QString &user);
    // Users and partitions to offer (sorted here; repeated names are fine).
    void setChoices(QStringList users, QStringList partitions);
    // Copies the current filters into the proxy.
    void apply(JobsFilterProxy *proxy) const;

    [[nodiscard]] QComboBox *userCombo() const { return m_user; }
    [[nodiscard]] QComboBox *stateCombo() const { return m_state; }
    [[nodiscard]] QComboBox *partitionCombo() const { return m_partition; }
    [[nodiscard]] QLineEdit *textEdit() const { return m_text; }
    // Selects the entry whose value is `value` ("" = all); false when not offered.
    static bool choose(QComboBox *combo, const QString &value);

signals:
    void changed();

private:
    void fill(QComboBox *combo, const QString &allText, const QStringList &values, const QString &mine);

    QComboBox *m_user;
    QComboBox *m_state;
    QComboBox *m_partition;
    QLineEdit *m_text;
    QString m_currentUser;
    QStringList m_users;
    QStringList m_partitions;
};

} // namespace SlurmDeck::Ui
