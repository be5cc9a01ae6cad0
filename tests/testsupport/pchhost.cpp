// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the precompiled header the tests reuse (tests/CMakeLists.txt); it has no code of its own.
