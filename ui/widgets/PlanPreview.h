#pragma once

#include "models/PlanTreeModel.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace SlurmDeck::Ui {

// The right side of the plan: a host's summary (addresses, directory, compose project and
// files, services in start order) or one file's content, read-only and monospaced. A
// secret file is described, never shown: this widget only ever sees PlanTreeModel::File,
// whose content is empty for secrets.
class PlanPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanPreview)

public:
    explicit PlanPreview(QWidget *parent = nullptr);

    void showHost(const HostPlan &host, const QList<PlanTreeModel::File> &files);
    void showFile(const QString &hostName, const PlanTreeModel::File &file);
    void clear();

    [[nodiscard]] QString title() const;
    [[nodiscard]] QString text() const;

private:
    QLabel *m_title;
    QPlainTextEdit *m_text;
};

} // namespace SlurmDeck::Ui
