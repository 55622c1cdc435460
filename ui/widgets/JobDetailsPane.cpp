// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/JobDetailsPane.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

JobDetailsPane::JobDetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_form(new QFormLayout)
    , m_status(new QLabel(this))
    , m_output(new QPlainTextEdit(this))
    , m_refreshOutput(new QPushButton(tr("Refresh &output"), this))
{
    setObjectName(QStringLiteral("jobDetails"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setObjectName(QStringLiteral("jobDetailsHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_state = addField(tr("State:"), QStringLiteral("jobState"));
    m_reason = addField(tr("Why pending:"), QStringLiteral("jobReason"));
    m_command = addField(tr("Script:"), QStringLiteral("jobCommand"));
    m_workDir = addField(tr("Working directory:"), QStringLiteral("jobWorkDir"));
    m_stdOut = addField(tr("Stdout:"), QStringLiteral("jobStdOut"));
    m_stdErr = addField(tr("Stderr:"), QStringLiteral("jobStdErr"));
    m_nodes = addField(tr("Nodes:"), QStringLiteral("jobNodes"));
    m_gpus = addField(tr("GPUs:"), QStringLiteral("jobGpus"));
    m_resources = addField(tr("Resources:"), QStringLiteral("jobResources"));
    m_status->setObjectName(QStringLiteral("jobDetailsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_output->setObjectName(QStringLiteral("jobOutput"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumBlockCount(2000);
    m_output->setPlaceholderText(tr("The end of the job's output appears here."));
    m_refreshOutput->setObjectName(QStringLiteral("refreshOutputButton"));
    connect(m_refreshOutput, &QPushButton::clicked, this, &JobDetailsPane::outputRefreshRequested);

    auto *fields = new QVBoxLayout;
    fields->addWidget(m_headline);
    fields->addLayout(m_form);
    fields->addWidget(m_status);
    fields->addStretch(1);
    auto *outputColumn = new QVBoxLayout;
    auto *outputHeader = new QHBoxLayout;
    outputHeader->addWidget(new QLabel(tr("Output (last lines):"), this), 1);
    outputHeader->addWidget(m_refreshOutput);
    outputColumn->addLayout(outputHeader);
    outputColumn->addWidget(m_output, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(fields, 2);
    layout->addLayout(outputColumn, 3);
    clear();
}

QLabel *JobDetailsPane::addField(const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void JobDetailsPane::clear()
{
    m_job = {};
    m_headline->setText(tr("Select a job to see its details and output."));
    for (QLabel *field :
         {m_state, m_reason, m_command, m_workDir, m_stdOut, m_stdErr, m_nodes, m_gpus, m_resources})
        field->clear();
    m_status->clear();
    m_output->clear();
    m_refreshOutput->setEnabled(false);
}

void JobDetailsPane::setJob(const SlurmJob &job)
{
    const bool other = job.id != m_job.id;
    m_job = job;
    if (other) {
        for (QLabel *field : {m_command, m_gpus, m_resources})
            field->clear();
        m_reason->clear();
        m_status->clear();
        m_output->clear();
    }
    showJob();
    m_refreshOutput->setEnabled(true);
}

void JobDetailsPane::showJob()
{
    m_headline->setText(tr("Job %1: %2 (%3)").arg(m_job.id, m_job.name, m_job.user));
    const QString partition = m_job.partition.isEmpty() ? QString() : tr(" in %1").arg(m_job.partition);
    m_state->setText(m_job.exitCode.isEmpty()
                         ? m_job.state + partition
                         : tr("%1%2, exit code %3").arg(m_job.state, partition, m_job.exitCode));
    if (m_reason->text().isEmpty() && m_job.reason != QLatin1StringView("None"))
        m_reason->setText(m_job.reason);
    m_workDir->setText(orDash(m_job.workDir));
    m_stdOut->setText(orDash(m_job.stdOut));
    m_stdErr->setText(orDash(m_job.stdErr));
    m_nodes->setText(orDash(m_job.nodeList));
}

void JobDetailsPane::setDetailsLoading()
{
    m_status->setText(tr("Reading the job's details…"));
}

void JobDetailsPane::setDetails(const SlurmJobDetails &details)
{
    if (details.job.id != m_job.id && !details.job.id.isEmpty() && details.job.jobId != m_job.jobId)
        return;
    // scontrol knows the paths and resources squeue's line does not carry.
    SlurmJob merged = m_job;
    for (auto [field, value] :
         {std::pair{&merged.workDir, details.job.workDir}, std::pair{&merged.stdOut, details.job.stdOut},
          std::pair{&merged.stdErr, details.job.stdErr}, std::pair{&merged.nodeList, details.job.nodeList}}) {
        if (!value.isEmpty())
            *field = value;
    }
    m_job = merged;
    showJob();
    m_command->setText(orDash(details.command));
    m_gpus->setText(details.gpuIndices.isEmpty() ? (m_job.gpus > 0 ? QString::number(m_job.gpus) : tr("none"))
                                                 : details.gpuIndices.join(QStringLiteral("; ")));
    m_resources->setText(orDash(details.tres));
    const bool pending = m_job.state.compare(QLatin1StringView("PENDING"), Qt::CaseInsensitive) == 0;
    if (!details.reasonExplained.isEmpty() && (pending || m_job.reason != QLatin1StringView("None")))
        m_reason->setText(tr("%1: %2").arg(m_job.reason, details.reasonExplained));
    m_status->clear();
}

void JobDetailsPane::setDetailsError(const QString &message)
{
    m_status->setText(tr("Details unavailable: %1").arg(message));
}

void JobDetailsPane::setOutputLoading()
{
    if (m_output->document()->isEmpty())
        m_output->setPlaceholderText(tr("Reading the output…"));
}

void JobDetailsPane::setOutput(const QString &text)
{
    QScrollBar *scroll = m_output->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();
    m_output->setPlainText(text);
    if (text.isEmpty())
        m_output->setPlaceholderText(tr("The output file is empty so far."));
    if (atEnd)
        scroll->setValue(scroll->maximum());
}

void JobDetailsPane::setOutputError(const QString &message)
{
    m_output->clear();
    m_output->setPlaceholderText(tr("Output unavailable: %1").arg(message));
}

QString JobDetailsPane::text() const
{
    QStringList lines{m_headline->text()};
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (label && value && !value->text().isEmpty())
            lines << label->text() + u' ' + value->text();
    }
    if (!m_status->text().isEmpty())
        lines << m_status->text();
    return lines.join(u'\n');
}

QString JobDetailsPane::outputText() const
{
    return m_output->toPlainText().isEmpty() ? m_output->placeholderText() : m_output->toPlainText();
}

} // namespace SlurmDeck::Ui
