// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <string>
#include <yaml-cpp/yaml.h>

// What a workspace file may cost to parse. A real workspace is a few hundred kilobytes and a few thousand nodes at
// most; anything past these bounds is refused with a message instead of being parsed.
struct YamlLimits
{
    qsizetype maxBytes = 8 * 1024 * 1024;
    int maxDocuments = 64;
    int maxDepth = 64; // nested mappings and lists
    qint64 maxNodes = 250'000; // every alias counted as a copy of the node it names
    std::chrono::milliseconds maxTime { 5000 };
};

struct YamlParse
{
    YAML::Node document; // the first document; Undefined when the text has none
    int documents = 0;
    YAML::Mark secondDocument = YAML::Mark::null_mark(); // where the second document starts, if there is one
    QString error; // why the text was refused (syntax or a limit); empty when it was parsed
    YAML::Mark errorMark = YAML::Mark::null_mark();

    bool ok() const { return error.isEmpty(); }
};

// Parses YAML text within YamlLimits. yaml-cpp 0.7 has two unbounded paths that a 17-byte file reaches:
// LoadAll() never returns when a document ends before the text does and what follows cannot start another one
// (`{a: 1},`: each further "document" is an empty one at the same `,`, appended for ever), and aliases are shared
// when parsed but walked once per reference when read (billion laughs). So the parser's events first go through a
// counter that stops at the limits and where a document makes no progress; only then does YAML::Load, which reads
// the first document alone, build the nodes.
class BoundedYaml final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    static YamlParse parse(const std::string &text, const YamlLimits &limits = {});
    // The message for text of `size` bytes over limits.maxBytes (also for a file not read because of its size).
    static QString tooLarge(qint64 size, const YamlLimits &limits = {});
};
