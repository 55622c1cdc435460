// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slurm/SlurmTypes.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace SlurmDeck::Ui {

// The selected job in full: what the queue line says at once, then what `scontrol show job`
// adds (script, working directory, stdout/stderr, allocated nodes and GPUs, the pending
// reason explained), and the tail of its output. Details and output arrive later, or fail
// with a message saying what to do; the pane only shows, JobsView asks.
class JobDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobDetailsPane)

public:
    explicit JobDetailsPane(QWidget *parent = nullptr);

    // A job was selected (or changed in the latest snapshot); resets details and output
    // when it is another job.
    void setJob(const SlurmJob &job);
    void clear();
    void setDetailsLoading();
    void setDetails(const SlurmJobDetails &details);
    void setDetailsError(const QString &message);
    void setOutputLoading();
    void setOutput(const QString &text);
    void setOutputError(const QString &message);

    [[nodiscard]] QString jobId() const { return m_job.id; }
    // Every field as "Label: value" lines, for tests and copying.
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString outputText() const;

signals:
    void outputRefreshRequested();

private:
    QLabel *addField(const QString &label, const QString &objectName);
    void showJob();

    SlurmJob m_job;
    QLabel *m_headline;
    QFormLayout *m_form;
    QLabel *m_state;
    QLabel *m_reason;
    QLabel *m_command;
    QLabel *m_workDir;
    QLabel *m_stdOut;
    QLabel *m_stdErr;
    QLabel *m_nodes;
    QLabel *m_gpus;
    QLabel *m_resources;
    QLabel *m_status;
    QPlainTextEdit *m_output;
    QPushButton *m_refreshOutput;
};

} // namespace SlurmDeck::Ui
