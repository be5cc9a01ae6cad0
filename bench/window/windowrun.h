// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// One measured run of the real window (Session + MainWindow + AppController, as main.cpp builds them) with
// `endpoints` endpoints at `intervalS` against a loopback FastServer in its own thread. Prints its samples as
// "sample <name> <value>..." lines on standard output (read by the parent, see main.cpp) and progress on stderr.
struct WindowRunOptions
{
    int endpoints = 10000;
    int groupSize = 500;
    int intervalS = 30;
    int steadyS = 60; // half with the Overview shown, half with the Health page
    int sortedS = 30; // then the Health page sorted by latency (0: not measured)
    int rounds = 5; // page switch rounds (every page once per round)
    int typingRounds = 3;
};

// Returns the process exit code: 0 when every figure was measured.
int runWindowBench(const WindowRunOptions &options);
