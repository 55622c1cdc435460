// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterOperations.h"
#include "dialogs/JobTemplates.h"
#include "slurm/JobRequest.h"
#include "slurm/SlurmTypes.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace SlurmDeck::Ui {

// Submits a batch job: a script editor started from a template (built-in or the user's
// own), a field for every request property, the partitions of the live snapshot. The
// request is validated as it is edited (JobRequests, the same check as `slurmdeck-cli
// submit`); Submit stays disabled while anything is wrong, and the message says what is
// possible instead. Submission is asynchronous; on success submitted() carries the new job's
// id and the dialog closes, on failure sbatch's message is shown and the dialog stays.
class SubmitJobDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubmitJobDialog)

public:
    explicit SubmitJobDialog(std::shared_ptr<ClusterOperations> operations, QWidget *parent = nullptr);
    ~SubmitJobDialog() override;

    void setOperations(std::shared_ptr<ClusterOperations> operations);
    void setSnapshot(const ClusterSnapshot &snapshot);
    // Where the user's templates are kept (tests); default: the app's data directory.
    void setTemplateStore(const JobTemplates &store);

    // The request the fields describe, and everything wrong with it.
    [[nodiscard]] JobRequest request() const;
    [[nodiscard]] QStringList problems() const;
    void setRequest(const JobRequest &request);

    // Applies the template of that name (built-in or the user's); false if there is none.
    bool applyTemplate(const QString &name);
    // Saves the current request as the user's template `name`.
    Result<void> saveTemplate(const QString &name);
    [[nodiscard]] QStringList templateNames() const;

    [[nodiscard]] QComboBox *templateCombo() const { return m_templates; }
    [[nodiscard]] QPlainTextEdit *scriptEditor() const { return m_script; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QComboBox *partitionCombo() const { return m_partition; }
    [[nodiscard]] QComboBox *userCombo() const { return m_user; }
    [[nodiscard]] QSpinBox *nodesSpin() const { return m_nodes; }
    [[nodiscard]] QSpinBox *tasksSpin() const { return m_tasks; }
    [[nodiscard]] QSpinBox *cpusSpin() const { return m_cpus; }
    [[nodiscard]] QLineEdit *memoryEdit() const { return m_memory; }
    [[nodiscard]] QLineEdit *gpuTypeEdit() const { return m_gpuType; }
    [[nodiscard]] QSpinBox *gpusSpin() const { return m_gpus; }
    [[nodiscard]] QLineEdit *timeEdit() const { return m_time; }
    [[nodiscard]] QLineEdit *workingDirectoryEdit() const { return m_workDir; }
    [[nodiscard]] QLineEdit *outputEdit() const { return m_output; }
    [[nodiscard]] QLineEdit *errorEdit() const { return m_error; }
    [[nodiscard]] QPlainTextEdit *environmentEdit() const { return m_environment; }
    [[nodiscard]] QLineEdit *arrayEdit() const { return m_array; }
    [[nodiscard]] QLineEdit *templateNameEdit() const { return m_templateName; }
    [[nodiscard]] QPushButton *saveTemplateButton() const { return m_saveTemplate; }
    [[nodiscard]] QPushButton *submitButton() const { return m_submit; }
    [[nodiscard]] QString message() const;

public slots:
    void submit();

signals:
    void submitted(const QString &jobId);

private:
    QWidget *createFields();
    void reloadTemplates(const QString &select = {});
    void updatePartitions();
    // What the cluster gives a job it does not say otherwise: the users to run as, and the
    // working directory's placeholder (the shared directory jobs start in, or where).
    void updateClusterDefaults();
    void validate();
    void showMessage(const QString &text, bool problem);
    [[nodiscard]] QStringList parseProblems(JobRequest *request) const;

    std::shared_ptr<ClusterOperations> m_operations;
    ClusterSnapshot m_snapshot;
    JobTemplates m_store;
    QList<JobTemplate> m_templateList;
    QComboBox *m_templates;
    QLineEdit *m_templateName;
    QPushButton *m_saveTemplate;
    QPlainTextEdit *m_script;
    QLineEdit *m_name;
    QComboBox *m_partition;
    QComboBox *m_user;
    QSpinBox *m_nodes;
    QSpinBox *m_tasks;
    QSpinBox *m_cpus;
    QLineEdit *m_memory;
    QLineEdit *m_gpuType;
    QSpinBox *m_gpus;
    QLineEdit *m_time;
    QLineEdit *m_workDir;
    QLineEdit *m_output;
    QLineEdit *m_error;
    QPlainTextEdit *m_environment;
    QLineEdit *m_array;
    QLabel *m_message;
    QPushButton *m_submit;
    bool m_submitting = false;
    bool m_filling = false; // setRequest() fills the fields: validate once at its end
};

} // namespace SlurmDeck::Ui
