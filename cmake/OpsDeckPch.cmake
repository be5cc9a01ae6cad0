# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Precompiled Qt headers: most of a Debug compile is parsing Qt's headers again for every file. One per library
# (opsdeck_core, opsdeck_cli: Core/Network/Sql; opsdeck_widgets: plus Widgets). Not for the tests: one header per
# test executable costs more than it saves, and one shared header is refused by gcc, since the Qt module macros
# (QT_GUI_LIB, QT_WIDGETS_LIB) differ between tests. -Winvalid-pch with -Werror turns a precompiled header gcc
# cannot use into a build error rather than a silent slow path.
# ccache caches files built with a precompiled header only with CCACHE_SLOPPINESS=pch_defines,time_macros and
# -fpch-preprocess (below): a ccache launcher gets the setting here, so no developer has to remember it.
option(OPSDECK_PCH "Precompile the Qt headers" ON)
if(OPSDECK_PCH AND CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" AND NOT CMAKE_CXX_COMPILER_LAUNCHER MATCHES "SLOPPINESS")
    set(CMAKE_CXX_COMPILER_LAUNCHER env CCACHE_SLOPPINESS=pch_defines,time_macros ${CMAKE_CXX_COMPILER_LAUNCHER})
endif()

# opsdeck_precompile(<target> core|widgets)
function(opsdeck_precompile target kind)
    if(NOT OPSDECK_PCH)
        return()
    endif()
    target_precompile_headers(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/${kind}.h)
    target_compile_options(${target} PRIVATE -Winvalid-pch -fpch-preprocess)
endfunction()
