// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Limits a test puts on its own process to see how storage fails: a file size limit and, for a test running as
// root, no power to write through a folder's permissions.
#pragma once

#include <csignal>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace StorageTest {

// `ulimit -f` for this process while it lives: no file may grow past `bytes` (writes past it fail with EFBIG, as on
// a full disk; SIGXFSZ is ignored so the process is not killed).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_savedHandler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limited { bytes, m_saved.rlim_max };
        m_ok = setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_savedHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool ok() const { return m_ok; }

private:
    rlimit m_saved {};
    void (*m_savedHandler)(int) = nullptr;
    bool m_ok = false;
};

// While it lives, the calling thread (and every thread it starts meanwhile, such as a Storage's worker) has no
// CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH or CAP_FOWNER in its effective set: root is then held to a folder's
// permission bits like any user, without a mount or another user. Capabilities are per thread on Linux; the
// permitted set is kept, so the destructor can raise them again.
class WithoutFileCapabilities
{
public:
    WithoutFileCapabilities()
    {
        if (syscall(SYS_capget, &m_header, m_saved) != 0) {
            return;
        }
        __user_cap_data_struct reduced[2] = { m_saved[0], m_saved[1] };
        reduced[0].effective &= ~((1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH) | (1U << CAP_FOWNER));
        m_ok = syscall(SYS_capset, &m_header, reduced) == 0;
    }
    ~WithoutFileCapabilities()
    {
        if (m_ok) {
            syscall(SYS_capset, &m_header, m_saved);
        }
    }
    WithoutFileCapabilities(const WithoutFileCapabilities &) = delete;
    WithoutFileCapabilities &operator=(const WithoutFileCapabilities &) = delete;
    bool ok() const { return m_ok; }

private:
    __user_cap_header_struct m_header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct m_saved[2] {};
    bool m_ok = false;
};

} // namespace StorageTest
