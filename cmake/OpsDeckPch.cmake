# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Precompiled Qt headers: most of a Debug compile is parsing Qt's headers again for every file. Three headers, one
# per kind of target: the core library (Core/Network/Sql), the widget libraries and programs (plus Widgets), and
# the tests, which all reuse one precompiled header built by opsdeck_testpch (tests/CMakeLists.txt), as building
# one per test executable would cost more than it saves. QtTest's own header stays out of it: it depends on
# QT_TESTCASE_BUILDDIR, which differs per test directory. -Winvalid-pch with -Werror turns a precompiled header
# gcc cannot use (other flags or macros) into a build error rather than a silent slow path.
# ccache caches files built with a precompiled header only with CCACHE_SLOPPINESS=pch_defines,time_macros and
# -fpch-preprocess (below): a ccache launcher gets the setting here, so no developer has to remember it.
option(OPSDECK_PCH "Precompile the Qt headers" ON)
if(OPSDECK_PCH AND CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" AND NOT CMAKE_CXX_COMPILER_LAUNCHER MATCHES "SLOPPINESS")
    set(CMAKE_CXX_COMPILER_LAUNCHER env CCACHE_SLOPPINESS=pch_defines,time_macros ${CMAKE_CXX_COMPILER_LAUNCHER})
endif()

# opsdeck_precompile(<target> core|widgets) or opsdeck_precompile(<target> REUSE <host target>)
function(opsdeck_precompile target kind)
    if(NOT OPSDECK_PCH)
        return()
    endif()
    if(kind STREQUAL "REUSE")
        target_precompile_headers(${target} REUSE_FROM ${ARGV2})
    else()
        target_precompile_headers(${target} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/${kind}.h)
    endif()
    target_compile_options(${target} PRIVATE -Winvalid-pch -fpch-preprocess)
endfunction()
