# cmake -DSOURCE_DIR=... -P CheckLayers.cmake
# The fronts (ui/, cli/) reach hosts only through the session layer (core/session): none of
# their files includes the SSH connection, libssh or the deploy session, or builds a
# connection, a host's deployer or an operation on the hosts itself (ClusterSession's
# operation<T>() and monitor() do, over the session's prompts).
# Fails listing each file and what it does. (The link check in SlurmDeckLinkCheck.cmake keeps
# Qt Widgets out of core/ and cli/, and libssh and the core's internals out of what the
# fronts compile against; this one checks their sources.)
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
    "${SOURCE_DIR}/cli/*.cpp" "${SOURCE_DIR}/cli/*.h")
set(forbidden
    "#include \"ssh/SshConnection.h\""
    "#include \"deploy/DeploySession.h\""
    "#include <libssh/"
    "SshConnection "
    "SshConnection("
    "DeploySession "
    "HostDeployer("
    "HostDeployer>("
    "new HostTaskQueue("
    "new ServiceControl("
    "new HostChecks("
    "new DeployRunner("
    "new SlurmMonitor("
    "new ClusterUpgradeRun("
    "new ClusterBackupRun(")
set(violations)
foreach(source IN LISTS sources)
    file(READ "${source}" text)
    foreach(pattern IN LISTS forbidden)
        string(FIND "${text}" "${pattern}" at)
        if(NOT at EQUAL -1)
            list(APPEND violations "${source}: ${pattern}")
        endif()
    endforeach()
endforeach()
if(violations)
    list(JOIN violations "\n  " listing)
    message(FATAL_ERROR "The fronts must reach hosts through core/session (ClusterSession):\n  ${listing}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files of ui/ and cli/ reach hosts only through the session layer")
