# One INTERFACE target carries the language level, warnings and strict Qt defines.
# Every SlurmDeck target links it; nothing sets flags anywhere else.
add_library(slurmdeck_flags INTERFACE)

target_compile_features(slurmdeck_flags INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(slurmdeck_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(slurmdeck_flags INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
        -Wshadow -Wcast-align -Wformat=2)
    if(SLURMDECK_WARNINGS_AS_ERRORS)
        target_compile_options(slurmdeck_flags INTERFACE -Werror)
    endif()
    if(SLURMDECK_SANITIZE)
        target_compile_options(slurmdeck_flags INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(slurmdeck_flags INTERFACE -fsanitize=address,undefined)
    endif()
    if(SLURMDECK_FUZZ)
        # Coverage for libFuzzer in every object; the fuzzers themselves link
        # -fsanitize=fuzzer (tests/fuzz). UB aborts, so libFuzzer reports it as a crash.
        target_compile_options(slurmdeck_flags INTERFACE
            -fsanitize=fuzzer-no-link,address,undefined
            -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(slurmdeck_flags INTERFACE -fsanitize=address,undefined)
        # Qt's own bounds checks (QList::at, QStringView::operator[], ...) are Q_ASSERTs,
        # which RelWithDebInfo drops; a read past a view's end may stay inside the buffer,
        # where ASan cannot see it.
        target_compile_definitions(slurmdeck_flags INTERFACE QT_FORCE_ASSERTS)
    endif()
elseif(MSVC)
    target_compile_options(slurmdeck_flags INTERFACE /W4 /permissive-)
    if(SLURMDECK_WARNINGS_AS_ERRORS)
        target_compile_options(slurmdeck_flags INTERFACE /WX)
    endif()
endif()
