// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz targets in the normal build: runs LLVMFuzzerTestOneInput on every file of the given directories (the
// committed corpus and the regression inputs), so a crash found once stays fixed without clang or libFuzzer.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    int files = 0;
    for (const QString &path : app.arguments().mid(1)) {
        const QDir dir(path);
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        if (!dir.exists() || names.isEmpty()) {
            err << path << ": no inputs\n";
            return 1;
        }
        for (const QString &name : names) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                err << file.fileName() << ": " << file.errorString() << '\n';
                return 1;
            }
            const QByteArray data = file.readAll();
            err << file.fileName() << Qt::endl; // the last name printed is the one that crashed
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            ++files;
        }
    }
    err << files << " inputs replayed\n";
    return files > 0 ? 0 : 1;
}
