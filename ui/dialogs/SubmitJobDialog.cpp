// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/SubmitJobDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace SlurmDeck::Ui {

namespace {

QSpinBox *countSpin(QWidget *parent, const QString &name, int maximum)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0, maximum);
    spin->setSpecialValueText(SubmitJobDialog::tr("default"));
    return spin;
}

QLineEdit *lineEdit(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QString memoryText(qint64 megabytes)
{
    if (megabytes <= 0)
        return {};
    return megabytes % 1024 == 0 ? QStringLiteral("%1G").arg(megabytes / 1024)
                                 : QStringLiteral("%1M").arg(megabytes);
}

} // namespace

SubmitJobDialog::SubmitJobDialog(std::shared_ptr<ClusterOperations> operations, QWidget *parent)
    : QDialog(parent)
    , m_operations(std::move(operations))
    , m_templates(new QComboBox(this))
    , m_templateName(lineEdit(this, QStringLiteral("templateNameEdit"), tr("Name of a template of yours")))
    , m_saveTemplate(new QPushButton(tr("Save as &template"), this))
    , m_script(new QPlainTextEdit(this))
    , m_name(lineEdit(this, QStringLiteral("jobNameEdit"), tr("the script's name")))
    , m_partition(new QComboBox(this))
    , m_user(new QComboBox(this))
    , m_nodes(countSpin(this, QStringLiteral("nodesSpin"), 100000))
    , m_tasks(countSpin(this, QStringLiteral("tasksSpin"), 1000000))
    , m_cpus(countSpin(this, QStringLiteral("cpusSpin"), 100000))
    , m_memory(lineEdit(this, QStringLiteral("memoryEdit"), tr("default; e.g. 4G or 512M")))
    , m_gpuType(lineEdit(this, QStringLiteral("gpuTypeEdit"), tr("any type")))
    , m_gpus(countSpin(this, QStringLiteral("gpusSpin"), 1024))
    , m_time(
          lineEdit(this, QStringLiteral("timeEdit"), tr("partition default; e.g. 90, 1:30:00, 2-00:00:00")))
    , m_workDir(lineEdit(this, QStringLiteral("workingDirectoryEdit"), QString()))
    , m_output(lineEdit(this, QStringLiteral("outputEdit"), tr("default: slurm-%j.out")))
    , m_error(lineEdit(this, QStringLiteral("errorEdit"), tr("default: with the output")))
    , m_environment(new QPlainTextEdit(this))
    , m_array(lineEdit(this, QStringLiteral("arrayEdit"), tr("none; e.g. 0-9 or 0-99%10")))
    , m_message(new QLabel(this))
    , m_submit(new QPushButton(tr("&Submit"), this))
{
    setObjectName(QStringLiteral("submitJobDialog"));
    setWindowTitle(tr("Submit job"));
    m_gpus->setSpecialValueText(tr("none"));

    m_templates->setObjectName(QStringLiteral("templateCombo"));
    m_saveTemplate->setObjectName(QStringLiteral("saveTemplateButton"));
    m_saveTemplate->setEnabled(false);
    connect(m_templateName, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_saveTemplate->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_saveTemplate, &QPushButton::clicked, this, [this] {
        const QString name = m_templateName->text().trimmed();
        const Result<void> saved = saveTemplate(name);
        if (saved)
            showMessage(tr("Saved the template %1.").arg(name), false);
        else
            showMessage(saved.error().toString(), true);
    });
    connect(m_templates, &QComboBox::activated, this,
            [this](int index) { applyTemplate(m_templates->itemText(index)); });
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(new QLabel(tr("Start from:"), this));
    templateRow->addWidget(m_templates, 1);
    templateRow->addWidget(m_templateName, 1);
    templateRow->addWidget(m_saveTemplate);

    m_script->setObjectName(QStringLiteral("scriptEditor"));
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_script->setTabChangesFocus(false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_script);
    splitter->addWidget(createFields());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &SubmitJobDialog::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(templateRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    updateClusterDefaults();

    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        if (edit != m_templateName)
            connect(edit, &QLineEdit::textChanged, this, &SubmitJobDialog::validate);
    }
    for (QSpinBox *spin : {m_nodes, m_tasks, m_cpus, m_gpus})
        connect(spin, &QSpinBox::valueChanged, this, &SubmitJobDialog::validate);
    connect(m_script, &QPlainTextEdit::textChanged, this, &SubmitJobDialog::validate);
    connect(m_environment, &QPlainTextEdit::textChanged, this, &SubmitJobDialog::validate);
    connect(m_partition, &QComboBox::currentIndexChanged, this, &SubmitJobDialog::validate);

    reloadTemplates();
    applyTemplate(JobTemplates::builtIns().first().name);
    resize(960, 600);
}

SubmitJobDialog::~SubmitJobDialog() = default;

QWidget *SubmitJobDialog::createFields()
{
    auto *fields = new QWidget(this);
    m_partition->setObjectName(QStringLiteral("partitionCombo"));
    m_user->setObjectName(QStringLiteral("userCombo"));
    m_environment->setObjectName(QStringLiteral("environmentEdit"));
    m_environment->setPlaceholderText(tr("One per line: NAME=value, or NAME to pass it on. Sent to sbatch on "
                                         "its standard input, never on a command line."));
    m_environment->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_environment->setMaximumHeight(fontMetrics().height() * 5);
    auto *gpuRow = new QHBoxLayout;
    gpuRow->addWidget(m_gpus);
    gpuRow->addWidget(m_gpuType, 1);
    auto *form = new QFormLayout(fields);
    form->addRow(tr("Job &name:"), m_name);
    form->addRow(tr("&Partition:"), m_partition);
    form->addRow(tr("Run &as:"), m_user);
    form->addRow(tr("N&odes:"), m_nodes);
    form->addRow(tr("&Tasks:"), m_tasks);
    form->addRow(tr("&CPUs per task:"), m_cpus);
    form->addRow(tr("&Memory per node:"), m_memory);
    form->addRow(tr("&GPUs per node:"), gpuRow);
    form->addRow(tr("Time &limit:"), m_time);
    form->addRow(tr("&Working directory:"), m_workDir);
    form->addRow(tr("&Output file:"), m_output);
    form->addRow(tr("&Error file:"), m_error);
    form->addRow(tr("&Array:"), m_array);
    form->addRow(tr("En&vironment:"), m_environment);
    return fields;
}

void SubmitJobDialog::setOperations(std::shared_ptr<ClusterOperations> operations)
{
    m_operations = std::move(operations);
    updateClusterDefaults();
    validate();
}

void SubmitJobDialog::updateClusterDefaults()
{
    const QStringList users = m_operations ? m_operations->clusterUsers() : QStringList();
    const QStringList expected = users.isEmpty() ? QStringList{QString()} : users; // "" is root
    QStringList shown;
    for (int i = 0; i < m_user->count(); ++i)
        shown << m_user->itemData(i).toString();
    if (shown != expected) {
        const QString current = m_user->currentData().toString();
        const QSignalBlocker blocker(m_user);
        m_user->clear();
        for (const QString &user : users)
            m_user->addItem(user, user);
        if (users.isEmpty())
            m_user->addItem(tr("root (the cluster has no users)"), QString());
        m_user->setCurrentIndex(std::max(0, m_user->findData(current)));
    }
    const QString shared = m_operations ? m_operations->sharedWorkingDirectory() : QString();
    m_workDir->setPlaceholderText(shared.isEmpty()
                                      ? tr("default: where sbatch runs; output stays on the node")
                                      : tr("default: %1, the shared directory").arg(shared));
}

void SubmitJobDialog::setSnapshot(const ClusterSnapshot &snapshot)
{
    if (snapshot.isStale() && !m_snapshot.partitions.isEmpty())
        return; // keep the last partitions the cluster told
    m_snapshot = snapshot;
    updateClusterDefaults();
    updatePartitions();
    validate();
}

void SubmitJobDialog::setTemplateStore(const JobTemplates &store)
{
    m_store = store;
    reloadTemplates();
}

void SubmitJobDialog::updatePartitions()
{
    const QString current = m_partition->currentData().toString();
    const QSignalBlocker blocker(m_partition);
    m_partition->clear();
    QString defaultName;
    for (const SlurmPartition &partition : m_snapshot.partitions) {
        if (partition.isDefault)
            defaultName = partition.name;
    }
    m_partition->addItem(defaultName.isEmpty() ? tr("Cluster default") : tr("Default (%1)").arg(defaultName),
                         QString());
    for (const SlurmPartition &partition : m_snapshot.partitions) {
        m_partition->addItem(partition.name, partition.name);
        m_partition->setItemData(
            m_partition->count() - 1,
            tr("%1: %2 nodes, MaxTime %3, %4")
                .arg(partition.name)
                .arg(partition.nodes.size())
                .arg(JobRequests::formatTimeLimit(partition.maxTimeMinutes), partition.state),
            Qt::ToolTipRole);
    }
    if (!current.isEmpty() && m_partition->findData(current) < 0)
        m_partition->addItem(current, current); // from a template: validation says it is unknown
    m_partition->setCurrentIndex(std::max(0, m_partition->findData(current)));
}

QStringList SubmitJobDialog::parseProblems(JobRequest *request) const
{
    QStringList problems;
    request->script = m_script->toPlainText();
    request->name = m_name->text().trimmed();
    request->partition = m_partition->currentData().toString();
    request->nodes = m_nodes->value();
    request->tasks = m_tasks->value();
    request->cpusPerTask = m_cpus->value();
    if (!m_memory->text().trimmed().isEmpty()) {
        const Result<qint64> memory = JobRequests::parseMemory(m_memory->text());
        if (memory)
            request->memoryMb = *memory;
        else
            problems << memory.error().message;
    }
    request->gpus = m_gpus->value();
    request->gpuType = m_gpuType->text().trimmed();
    if (!m_time->text().trimmed().isEmpty()) {
        const Result<qint64> time = JobRequests::parseTimeLimit(m_time->text());
        if (time)
            request->timeLimitMinutes = *time;
        else
            problems << time.error().message;
    }
    request->workingDirectory = m_workDir->text().trimmed();
    request->outputPath = m_output->text().trimmed();
    request->errorPath = m_error->text().trimmed();
    request->array = m_array->text().trimmed();
    request->user = m_user->currentData().toString();
    const QStringList lines = m_environment->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            request->environment << line.trimmed();
    }
    return problems;
}

JobRequest SubmitJobDialog::request() const
{
    JobRequest request;
    (void)parseProblems(&request);
    return request;
}

QStringList SubmitJobDialog::problems() const
{
    JobRequest request;
    QStringList problems = parseProblems(&request);
    problems << JobRequests::validateJobRequest(request, m_snapshot);
    return problems;
}

void SubmitJobDialog::setRequest(const JobRequest &request)
{
    m_filling = true;
    m_script->setPlainText(request.script);
    m_name->setText(request.name);
    int partition = m_partition->findData(request.partition);
    if (partition < 0) {
        m_partition->addItem(request.partition, request.partition);
        partition = m_partition->count() - 1;
    }
    m_partition->setCurrentIndex(partition);
    m_nodes->setValue(request.nodes);
    m_tasks->setValue(request.tasks);
    m_cpus->setValue(request.cpusPerTask);
    m_memory->setText(memoryText(request.memoryMb));
    m_gpus->setValue(request.gpus);
    m_gpuType->setText(request.gpuType);
    m_time->setText(request.timeLimitMinutes == 0 ? QString()
                                                  : JobRequests::formatTimeLimit(request.timeLimitMinutes));
    m_workDir->setText(request.workingDirectory);
    m_output->setText(request.outputPath);
    m_error->setText(request.errorPath);
    m_array->setText(request.array);
    m_environment->setPlainText(request.environment.join(u'\n'));
    m_filling = false;
    validate();
}

void SubmitJobDialog::reloadTemplates(const QString &select)
{
    m_templateList = JobTemplates::builtIns();
    const Result<QList<JobTemplate>> own = m_store.load();
    if (own)
        m_templateList << *own;
    else
        showMessage(own.error().toString(), true);
    const QSignalBlocker blocker(m_templates);
    m_templates->clear();
    for (const JobTemplate &t : m_templateList) {
        m_templates->addItem(t.builtIn ? t.name : tr("%1 (yours)").arg(t.name), t.name);
    }
    if (!select.isEmpty())
        m_templates->setCurrentIndex(std::max(0, m_templates->findData(select)));
}

QStringList SubmitJobDialog::templateNames() const
{
    QStringList names;
    for (const JobTemplate &t : m_templateList)
        names << t.name;
    return names;
}

bool SubmitJobDialog::applyTemplate(const QString &name)
{
    // The combo shows "(yours)" after the user's; its data is the plain name.
    const int index = m_templates->findText(name);
    const QString plain = index >= 0 ? m_templates->itemData(index).toString() : name;
    for (const JobTemplate &t : std::as_const(m_templateList)) {
        if (t.name == plain) {
            m_templates->setCurrentIndex(m_templates->findData(plain));
            setRequest(t.request);
            return true;
        }
    }
    return false;
}

Result<void> SubmitJobDialog::saveTemplate(const QString &name)
{
    if (name.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("Give the template a name."));
    for (const JobTemplate &t : JobTemplates::builtIns()) {
        if (t.name == name)
            return makeError(Error::Code::InvalidArgument,
                             tr("%1 is a built-in template: choose another name.").arg(name));
    }
    JobTemplate own{name.trimmed(), request(), false};
    if (Result<void> saved = m_store.save(own); !saved)
        return saved;
    reloadTemplates(own.name);
    return {};
}

void SubmitJobDialog::validate()
{
    if (m_filling)
        return;
    const QStringList found = problems();
    if (!m_submitting) {
        if (!found.isEmpty())
            showMessage(found.join(u'\n'), true);
        else if (!m_operations)
            showMessage(tr("Not connected to the cluster yet."), true);
        else
            showMessage(tr("Ready to submit."), false);
    }
    m_submit->setEnabled(found.isEmpty() && m_operations && !m_submitting);
}

void SubmitJobDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: palette(bright-text); background: #b3261e; "
                                                      "padding: 4px;")
                                     : QString());
}

QString SubmitJobDialog::message() const
{
    return m_message->text();
}

void SubmitJobDialog::submit()
{
    if (!m_submit->isEnabled() || m_submitting || !m_operations)
        return;
    const JobRequest job = request();
    m_submitting = true;
    m_submit->setEnabled(false);
    showMessage(tr("Submitting…"), false);
    m_operations->submitJob(job, this, [this](Result<QString> jobId) {
        m_submitting = false;
        if (!jobId) {
            showMessage(jobId.error().toString(), true);
            m_submit->setEnabled(problems().isEmpty() && m_operations);
            return;
        }
        showMessage(tr("Submitted job %1.").arg(*jobId), false);
        emit submitted(*jobId);
        accept();
    });
}

} // namespace SlurmDeck::Ui
