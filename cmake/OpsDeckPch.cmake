# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Precompiled Qt headers: most of a Debug compile is parsing Qt's headers again for every file. Three headers, one
# per kind of target: the core library (Core/Network/Sql), the widget libraries and programs (plus Widgets), and
# the tests, which all reuse one precompiled header built by opsdeck_testpch (tests/CMakeLists.txt), as building
# one per test executable would cost more than it saves. QtTest's own header stays out of it: it depends on
# QT_TESTCASE_BUILDDIR, which differs per test directory. -Winvalid-pch with -Werror turns a precompiled header
# gcc cannot use (other flags or macros) into a build error rather than a silent slow path.
# With ccache: CCACHE_SLOPPINESS=pch_defines,time_macros (tools/dev.sh and README set it); -fpch-preprocess below.
option(OPSDECK_PCH "Precompile the Qt headers" ON)

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
