// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/boundedyaml.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <sstream>
#include <yaml-cpp/eventhandler.h>

namespace {

// Thrown out of the parser by LimitCounter; the parser holds nothing that outlives it.
struct Refusal
{
    YAML::Mark mark;
    QString message;
};

class LimitCounter final : public YAML::EventHandler
{
public:
    LimitCounter(const std::string &text, const YamlLimits &limits)
        : m_text(text)
        , m_limits(limits)
    {
        m_clock.start();
    }

    int documents = 0;
    YAML::Mark secondDocument = YAML::Mark::null_mark();

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (documents > 0 && mark.pos <= m_lastDocument) {
            // yaml-cpp would return this empty "document" again and again: nothing after the first can be read.
            const QString rest = mark.pos >= 0 && size_t(mark.pos) < m_text.size()
                ? QString::fromUtf8(m_text.substr(size_t(mark.pos), 4))
                : QString();
            const QString what = rest.left(!rest.isEmpty() && rest.front().isHighSurrogate() ? 2 : 1);
            throw Refusal { mark, BoundedYaml::tr("unexpected \"%1\" after the end of the document").arg(what) };
        }
        if (++documents > m_limits.maxDocuments) {
            throw Refusal { mark, BoundedYaml::tr("more than %1 YAML documents").arg(m_limits.maxDocuments) };
        }
        m_markNextNode = documents == 2;
        m_anchorSizes.clear(); // anchor numbers start again in each document
        m_lastDocument = mark.pos;
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, const std::string &) override
    {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto size = m_anchorSizes.constFind(anchor);
        if (size == m_anchorSizes.cend()) {
            // Its anchor is still open: the alias would make the node contain itself.
            throw Refusal { mark, BoundedYaml::tr("an alias inside the node it refers to (a cycle)") };
        }
        count(mark, *size);
    }
    void OnSequenceStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open
    {
        YAML::anchor_t anchor;
        qint64 nodesBefore;
    };

    void count(const YAML::Mark &mark, qint64 nodes)
    {
        if (m_markNextNode) {
            secondDocument = mark; // its first node, as a warning about it points there
            m_markNextNode = false;
        }
        m_nodes += nodes;
        if (m_nodes > m_limits.maxNodes) {
            throw Refusal { mark,
                BoundedYaml::tr("more than %1 YAML nodes (an alias counts as a copy of what it refers to)")
                    .arg(m_limits.maxNodes) };
        }
        if ((++m_events & 0xff) == 0 && std::chrono::nanoseconds(m_clock.nsecsElapsed()) > m_limits.maxTime) {
            throw Refusal { mark,
                BoundedYaml::tr("parsing took longer than %1 ms").arg(qint64(m_limits.maxTime.count())) };
        }
    }
    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        count(mark, 1);
        if (anchor != YAML::NullAnchor) {
            m_anchorSizes.insert(anchor, 1);
        }
    }
    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        count(mark, 1);
        if (m_open.size() >= m_limits.maxDepth) {
            throw Refusal { mark,
                BoundedYaml::tr("mappings and lists nested deeper than %1 levels").arg(m_limits.maxDepth) };
        }
        m_open.append({ anchor, m_nodes - 1 });
    }
    void close()
    {
        const Open done = m_open.takeLast();
        if (done.anchor != YAML::NullAnchor) {
            m_anchorSizes.insert(done.anchor, m_nodes - done.nodesBefore);
        }
    }

    const std::string &m_text;
    const YamlLimits &m_limits;
    QElapsedTimer m_clock;
    qint64 m_nodes = 0;
    quint32 m_events = 0;
    int m_lastDocument = 0;
    bool m_markNextNode = false;
    QList<Open> m_open;
    QHash<YAML::anchor_t, qint64> m_anchorSizes;
};

} // namespace

YamlParse BoundedYaml::parse(const std::string &text, const YamlLimits &limits)
{
    YamlParse out;
    if (qint64(text.size()) > limits.maxBytes) {
        out.error = tooLarge(qint64(text.size()), limits);
        return out;
    }
    try {
        {
            std::istringstream input(text);
            YAML::Parser parser(input);
            LimitCounter counter(text, limits);
            try {
                while (parser.HandleNextDocument(counter)) { }
            } catch (const Refusal &refusal) {
                out.error = refusal.message;
                out.errorMark = refusal.mark;
                return out;
            }
            out.documents = counter.documents;
            out.secondDocument = counter.secondDocument;
        }
        std::istringstream input(text);
        out.document = YAML::Load(input);
    } catch (const YAML::Exception &e) {
        out.document = YAML::Node();
        out.error = tr("invalid YAML: %1").arg(QString::fromStdString(e.msg));
        out.errorMark = e.mark;
    }
    return out;
}

QString BoundedYaml::tooLarge(qint64 size, const YamlLimits &limits)
{
    const double mb = 1024.0 * 1024.0;
    return tr("the file is %1 MB; a workspace file may be at most %2 MB")
        .arg(QString::number(double(size) / mb, 'f', 1), QString::number(double(limits.maxBytes) / mb, 'f', 0));
}
