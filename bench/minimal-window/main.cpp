// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintprobe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("minimal"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.statusBar()->showMessage(QStringLiteral("ready"));
    window.resize(1280, 800);
    FirstPaintProbe::installIfRequested(&window);
    window.show();
    return app.exec();
}
