# cmake -DSOURCE_DIR=... -P CheckLayers.cmake
# The fronts (ui/, cli/) reach hosts only through the session layer (core/session): none of
# their files includes the SSH connection, libssh or the deploy session, or builds a
# connection, a host's deployer or an operation on the hosts itself (ClusterSession's
# operation<T>(), monitor(), metrics() and gpuUsage() do, over the session's prompts).
# In the GUI, only ui/GuiSession.cpp builds a ClusterSession: the main window holds one per
# open cluster and every view and dialog gets it.
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
    "new ClusterBackupRun("
    "#include \"metrics/SshPrometheusTransport.h\""
    "prometheusOverSsh("
    "GpuUsageSource::forEndpoint(")
set(violations)
foreach(source IN LISTS sources)
    file(READ "${source}" text)
    set(patterns ${forbidden})
    if(source MATCHES "/ui/" AND NOT source MATCHES "/ui/GuiSession\\.cpp$")
        list(APPEND patterns "new ClusterSession(")
    endif()
    foreach(pattern IN LISTS patterns)
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
