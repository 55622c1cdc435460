# slurmdeck_forbid_link(TARGET FORBIDDEN...)
# Walks TARGET's link libraries transitively at configure time and stops with an error if
# any FORBIDDEN target is among them. Keeps the layering (core never links Qt Widgets)
# a build failure instead of a review comment.
# With _SLURMDECK_USAGE_ONLY set, only what TARGET compiles against is followed: its own
# link libraries, then its dependencies' public interfaces, but not a library a dependency
# links privately ($<LINK_ONLY:x>: on the link line, none of its headers or definitions).
function(_slurmdeck_collect_links target out_var)
    set(seen ${${out_var}})
    set(libs)
    get_target_property(direct ${target} LINK_LIBRARIES)
    if(_SLURMDECK_USAGE_ONLY AND _SLURMDECK_DEPENDENCY)
        set(direct) # a dependency's own link libraries are not part of what it offers
    endif()
    get_target_property(interface ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS direct interface)
        if(NOT lib OR lib MATCHES "NOTFOUND$")
            continue()
        endif()
        if(_SLURMDECK_USAGE_ONLY AND lib MATCHES "^\\$<LINK_ONLY:")
            continue()
        endif()
        # Unwrap $<LINK_ONLY:x> and similar single-argument generator expressions.
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
        if(lib IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${lib})
        if(TARGET ${lib})
            get_target_property(aliased ${lib} ALIASED_TARGET)
            if(aliased)
                list(APPEND seen ${aliased})
                set(lib ${aliased})
            endif()
            set(_SLURMDECK_DEPENDENCY ON)
            _slurmdeck_collect_links(${lib} seen)
        endif()
    endforeach()
    set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

# Stops with "<target> <verb> <forbidden> ... <advice>" if any of the targets after `advice`
# (or what they alias) is among `all`.
function(_slurmdeck_refuse target all verb advice)
    foreach(forbidden IN LISTS ARGN)
        set(names ${forbidden})
        if(TARGET ${forbidden})
            get_target_property(aliased ${forbidden} ALIASED_TARGET)
            if(aliased)
                list(APPEND names ${aliased})
            endif()
        endif()
        foreach(name IN LISTS names)
            if(name IN_LIST all)
                message(FATAL_ERROR "${target} ${verb} ${forbidden} (through its dependencies); ${advice}")
            endif()
        endforeach()
    endforeach()
endfunction()

function(slurmdeck_forbid_link target)
    set(all)
    _slurmdeck_collect_links(${target} all)
    _slurmdeck_refuse(${target} "${all}" links
        "this layer must stay free of it. Move the code that needs it to ui/." ${ARGN})
endfunction()

# slurmdeck_forbid_use(TARGET FORBIDDEN...)
# Like slurmdeck_forbid_link, for what TARGET may compile against: stops if TARGET uses any
# FORBIDDEN target, directly or through its dependencies' public interfaces. A library
# another one links privately (the core's libssh) may still be on TARGET's link line.
function(slurmdeck_forbid_use target)
    set(_SLURMDECK_USAGE_ONLY ON)
    set(all)
    _slurmdeck_collect_links(${target} all)
    _slurmdeck_refuse(${target} "${all}" uses
        "this front must reach hosts through core/session (ClusterSession)." ${ARGN})
endfunction()
