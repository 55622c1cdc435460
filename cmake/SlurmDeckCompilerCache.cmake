# Compiles through ccache where it is installed (scripts/install-deps.sh installs it), so a
# fresh clone, as CI builds, reuses what an earlier build of the same sources compiled.
# Paths under the source tree are hashed relative to it (CCACHE_BASEDIR) and the working
# directory is left out of the hash, so two clones in different places share the cache.
# -DSLURMDECK_CCACHE=OFF, or a CMAKE_CXX_COMPILER_LAUNCHER of your own, turns it off.
option(SLURMDECK_CCACHE "Compile through ccache when it is installed" ON)

if(SLURMDECK_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(SLURMDECK_CCACHE_PROGRAM ccache)
    if(SLURMDECK_CCACHE_PROGRAM)
        set(CMAKE_CXX_COMPILER_LAUNCHER
            "${CMAKE_COMMAND}" -E env
            "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
            CCACHE_NOHASHDIR=true
            "${SLURMDECK_CCACHE_PROGRAM}")
        message(STATUS "Compiling through ${SLURMDECK_CCACHE_PROGRAM}")
    endif()
endif()
