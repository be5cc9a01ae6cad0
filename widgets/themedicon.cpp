// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "themedicon.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace {
void addPixmaps(QIcon &icon, QByteArray svg, const QColor &color, QIcon::Mode mode)
{
    svg.replace("currentColor", color.name().toLatin1());
    QSvgRenderer renderer(svg);
    for (int size : { 16, 24, 32, 48, 64, 96 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap, mode);
    }
}
} // namespace

QIcon themedIcon(const QString &name, const QColor &color, const QColor &selectedColor)
{
    QFile file(u":/icons/"_s + name + u".svg"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray svg = file.readAll();
    QIcon icon;
    addPixmaps(icon, svg, color, QIcon::Normal);
    if (selectedColor.isValid()) {
        addPixmaps(icon, svg, selectedColor, QIcon::Selected);
    }
    return icon;
}
