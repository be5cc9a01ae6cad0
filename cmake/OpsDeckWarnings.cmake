# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Applies OpsDeck's warning level and string-hygiene defines to a target.
function(opsdeck_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
                                             -Woverloaded-virtual)
    # GCC 12 at -O2 reports "potential null pointer dereference" inside Qt's own containers (QHash, QList), which
    # no code of ours can avoid; the unoptimised builds (dev, asan) keep the check.
    target_compile_options(${target} PRIVATE $<$<CONFIG:Debug>:-Wnull-dereference>)
    if(OPSDECK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS
        OPSDECK_VERSION="${PROJECT_VERSION}")
    # CMake 3.25's Ninja autogen depfile misses headers added to an existing tree (their moc is never generated).
    # Every configure therefore drops the autogen stamp so the next build re-scans.
    file(REMOVE ${CMAKE_CURRENT_BINARY_DIR}/${target}_autogen/timestamp)
endfunction()
