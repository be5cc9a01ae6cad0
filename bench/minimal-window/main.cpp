// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintprobe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(u"minimal"_s);
    window.setCentralWidget(new QLabel(u"Hello"_s, &window));
    window.statusBar()->showMessage(u"ready"_s);
    window.resize(1280, 800);
    FirstPaintProbe::installIfRequested(&window);
    window.show();
    return app.exec();
}
