# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# cmake -DHOMES=<dir> -DNAMES=<test;...> -DMODE=setup|check -P testhomes.cmake
# setup: an empty home per test. check: fails when a test left anything in its home outside ~/.qttest, which is
# where QStandardPaths' test mode puts settings and data; anything else would have gone into a user's home.
if(MODE STREQUAL "setup")
    file(REMOVE_RECURSE "${HOMES}")
    foreach(name IN LISTS NAMES)
        file(MAKE_DIRECTORY "${HOMES}/${name}")
    endforeach()
    return()
endif()

set(leaks "")
foreach(name IN LISTS NAMES)
    if(NOT IS_DIRECTORY "${HOMES}/${name}")
        continue()
    endif()
    file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${HOMES}/${name}" "${HOMES}/${name}/*")
    foreach(file IN LISTS files)
        if(NOT file MATCHES "^\\.qttest/")
            list(APPEND leaks "${name}: ~/${file}")
        endif()
    endforeach()
endforeach()
if(leaks)
    list(JOIN leaks "\n  " text)
    message(FATAL_ERROR "tests wrote into their home outside ~/.qttest (without QStandardPaths test mode, this is "
        "the user's ~/.config and ~/.local):\n  ${text}")
endif()
message(STATUS "no test wrote outside ~/.qttest in ${HOMES}")
