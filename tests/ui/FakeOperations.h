// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test seams for the Nodes and Jobs views: ClusterOperations that records every request
// and answers later with scripted results, and scripted confirmation and reason prompts.
#include "ClusterOperations.h"
#include "Confirmation.h"
#include "ReasonPrompt.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace SlurmDeck::Testing {

class FakeOperations final : public Ui::ClusterOperations
{
public:
    struct Call
    {
        QString what;   // "drain", "resume", "down", "drainAndStop", "startAndResume", "cancel", ...
        QString target; // node name or job id
        QString reason;
    };

    QList<Call> calls;
    int refreshes = 0;
    QList<QDateTime> historyAsked;
    QList<qint64> detailsAsked;
    QList<qint64> outputAsked;
    // The next answers.
    std::optional<Error> failure; // every action fails with it while set
    QList<SlurmJob> historyJobs;
    std::optional<Error> historyFailure;
    SlurmJobDetails details;
    QString output = QStringLiteral("epoch 1 loss 0.9\nepoch 2 loss 0.5\n");

    static QString name(NodeAction action)
    {
        switch (action) {
        case NodeAction::Drain:
            return QStringLiteral("drain");
        case NodeAction::Resume:
            return QStringLiteral("resume");
        case NodeAction::Down:
            return QStringLiteral("down");
        case NodeAction::DrainAndStop:
            return QStringLiteral("drainAndStop");
        case NodeAction::StartAndResume:
            return QStringLiteral("startAndResume");
        }
        return {};
    }

    void nodeAction(NodeAction action, const QString &node, const QString &reason, QObject *context,
                    Progress progress, Done done) override
    {
        calls << Call{name(action), node, reason};
        const std::optional<Error> failed = failure;
        const QString what = name(action);
        later(context, [=] {
            if (progress && (action == NodeAction::DrainAndStop || action == NodeAction::StartAndResume))
                progress(QStringLiteral("waiting for jobs"));
            done(failed ? Result<QString>(*failed)
                        : Result<QString>(QStringLiteral("%1 %2: done").arg(what, node)));
        });
    }

    void jobAction(SlurmCommands::JobAction action, const QString &jobId, QObject *context,
                   Done done) override
    {
        calls << Call{SlurmCommands::toString(action), jobId, {}};
        const std::optional<Error> failed = failure;
        const QString what = SlurmCommands::toString(action);
        later(context, [=] {
            done(failed ? Result<QString>(*failed)
                        : Result<QString>(QStringLiteral("%1 %2: done").arg(what, jobId)));
        });
    }

    void jobDetails(qint64 jobId, QObject *context,
                    std::function<void(Result<SlurmJobDetails>)> done) override
    {
        detailsAsked << jobId;
        SlurmJobDetails answer = details;
        later(context, [=] { done(answer); });
    }

    void jobOutputTail(qint64 jobId, int, QObject *context,
                       std::function<void(Result<QString>)> done) override
    {
        outputAsked << jobId;
        const QString answer = output;
        later(context, [=] { done(answer); });
    }

    void history(const QDateTime &since, QObject *context,
                 std::function<void(Result<QList<SlurmJob>>)> done) override
    {
        historyAsked << since;
        const QList<SlurmJob> jobs = historyJobs;
        const std::optional<Error> failed = historyFailure;
        later(context,
              [=] { done(failed ? Result<QList<SlurmJob>>(*failed) : Result<QList<SlurmJob>>(jobs)); });
    }

    QList<JobRequest> submitted;
    QString nextJobId = QStringLiteral("4242");

    void submitJob(const JobRequest &request, QObject *context, Done done) override
    {
        submitted << request;
        const std::optional<Error> failed = failure;
        const QString id = nextJobId;
        later(context, [=] { done(failed ? Result<QString>(*failed) : Result<QString>(id)); });
    }

    void refresh() override { ++refreshes; }

    QStringList users; // the cluster's users, as clusterUsers() gives them
    QString sharedDirectory;
    [[nodiscard]] QStringList clusterUsers() const override { return users; }
    [[nodiscard]] QString sharedWorkingDirectory() const override { return sharedDirectory; }

private:
    template<typename F>
    static void later(QObject *context, F f)
    {
        QTimer::singleShot(0, context, f);
    }
};

class ScriptedConfirmation final : public Ui::Confirmation
{
public:
    explicit ScriptedConfirmation(bool yes) : answer(yes) {}
    void ask(QWidget *, const Question &question, std::function<void(bool)> reply) override
    {
        asked << question.text;
        QTimer::singleShot(0, qApp, [reply = std::move(reply), yes = answer] { reply(yes); });
    }
    QStringList asked;
    bool answer;
};

class ScriptedReasonPrompt final : public Ui::ReasonPrompt
{
public:
    explicit ScriptedReasonPrompt(std::optional<QString> reason) : answer(std::move(reason)) {}
    void ask(QWidget *, const Question &question, std::function<void(std::optional<QString>)> reply) override
    {
        asked << question.text;
        QTimer::singleShot(0, qApp, [reply = std::move(reply), a = answer] { reply(a); });
    }
    QStringList asked;
    std::optional<QString> answer;
};

} // namespace SlurmDeck::Testing
