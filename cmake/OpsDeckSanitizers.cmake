# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later

# A sanitized build (the asan preset: what `tools/dev.sh test` and CI build) runs every test, and every program a
# test starts, with these options: any ASan, UBSan or LeakSanitizer report ends the process with an error, so the
# test fails. Suppressions (only for leaks inside libraries we do not build, each with its reason) are in
# tools/sanitizers/lsan.supp. OPSDECK_TEST_TIMEOUT_FACTOR scales ctest's per-test hang guard (not what tests
# assert) for the sanitizers' slowdown.
# LeakSanitizer needs to stop the process's threads the way a debugger does; where that is refused (a container
# without ptrace) tools/dev.sh test configures with -DOPSDECK_LSAN=OFF and says so, rather than fail every test.
option(OPSDECK_LSAN "LeakSanitizer in sanitized test runs" ON)
set(OPSDECK_DETECT_LEAKS 0)
if(OPSDECK_LSAN)
    set(OPSDECK_DETECT_LEAKS 1)
endif()
set(OPSDECK_SANITIZER_ENV "")
set(OPSDECK_TEST_TIMEOUT_FACTOR 1)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
    set(OPSDECK_SANITIZER_ENV
        "ASAN_OPTIONS=detect_leaks=${OPSDECK_DETECT_LEAKS}:halt_on_error=1:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tools/sanitizers/lsan.supp:print_suppressions=0")
    set(OPSDECK_TEST_TIMEOUT_FACTOR 2)
endif()
# To append to a literal ENVIRONMENT list: empty, or ";" and the options.
list(JOIN OPSDECK_SANITIZER_ENV ";" OPSDECK_SANITIZER_ENV_SUFFIX)
if(OPSDECK_SANITIZER_ENV_SUFFIX)
    string(PREPEND OPSDECK_SANITIZER_ENV_SUFFIX ";")
endif()
