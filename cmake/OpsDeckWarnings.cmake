# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Applies OpsDeck's warning level and string-hygiene defines to a target.
function(opsdeck_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
                                             -Woverloaded-virtual -Wnull-dereference)
    if(OPSDECK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_FOREACH
        QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS
        OPSDECK_VERSION="${PROJECT_VERSION}")
    # A header added to the calling list must be moc'ed in an existing build tree too (CMake 3.25 + Ninja).
    set_property(TARGET ${target} APPEND PROPERTY AUTOGEN_TARGET_DEPENDS ${CMAKE_CURRENT_LIST_FILE})
endfunction()
