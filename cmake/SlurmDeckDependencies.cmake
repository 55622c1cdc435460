# Every dependency is found through its own CMake package configuration, so the same
# lines work with Debian's -dev packages and with Homebrew on macOS.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent Charts Svg)
if(SLURMDECK_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
endif()

# QtKeychain: find it exactly once (its config does not guard against a second call).
find_package(Qt6Keychain REQUIRED)

find_package(libssh 0.9 REQUIRED CONFIG)
if(TARGET ssh)
    set(SLURMDECK_LIBSSH_TARGET ssh)
elseif(TARGET libssh::ssh)
    set(SLURMDECK_LIBSSH_TARGET libssh::ssh)
else()
    message(FATAL_ERROR "libssh was found but exports neither 'ssh' nor 'libssh::ssh'")
endif()

find_package(yaml-cpp 0.7 REQUIRED CONFIG)
if(TARGET yaml-cpp::yaml-cpp)
    set(SLURMDECK_YAMLCPP_TARGET yaml-cpp::yaml-cpp)
else()
    set(SLURMDECK_YAMLCPP_TARGET yaml-cpp)
endif()
