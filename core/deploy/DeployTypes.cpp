#include "deploy/DeployTypes.h"

#include <QCoreApplication>

namespace SlurmDeck {

QString phaseText(DeployPhase phase)
{
    switch (phase) {
    case DeployPhase::Pending:
        return QCoreApplication::translate("Deploy", "waiting");
    case DeployPhase::Connecting:
        return QCoreApplication::translate("Deploy", "connecting");
    case DeployPhase::Preflight:
        return QCoreApplication::translate("Deploy", "checking");
    case DeployPhase::Files:
        return QCoreApplication::translate("Deploy", "pushing files");
    case DeployPhase::Images:
        return QCoreApplication::translate("Deploy", "providing images");
    case DeployPhase::Starting:
        return QCoreApplication::translate("Deploy", "starting services");
    case DeployPhase::Verifying:
        return QCoreApplication::translate("Deploy", "verifying");
    case DeployPhase::Done:
        return QCoreApplication::translate("Deploy", "done");
    case DeployPhase::Failed:
        return QCoreApplication::translate("Deploy", "FAILED");
    case DeployPhase::Cancelled:
        return QCoreApplication::translate("Deploy", "cancelled");
    }
    return {};
}

} // namespace SlurmDeck
