# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# lld links a Debug test executable in about 1 s where GNU ld takes 6 s (tst_session, measured on the 2-core CI-like
# machine); with ~170 test executables that is several minutes of every clean build. The package keeps the
# distribution's default linker (the package preset turns this off).
option(OPSDECK_LLD "Link with lld when the compiler accepts -fuse-ld=lld" ON)
if(OPSDECK_LLD)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" OPSDECK_HAVE_LLD)
    if(OPSDECK_HAVE_LLD)
        add_link_options(-fuse-ld=lld)
    else()
        message(STATUS "lld not found: linking with the default linker (install lld for faster links)")
    endif()
endif()
