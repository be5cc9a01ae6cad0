// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/promresponse.h"

#include "sources/jsoncursor.h"

#include <charconv>

// One pass over the body with a JsonCursor, no QJsonDocument: a 100k-point range answer is mostly
// [1700000000,"0.25"] pairs, and building a document of them first costs several times the parse itself.
namespace {

// Valid JSON, but not the shape of a Prometheus answer.
struct ShapeError
{
    QString what;
    qsizetype offset = 0;
};

[[noreturn]] void shape(JsonCursor &c, const QString &what, qsizetype at = -1)
{
    if (c.atEnd()) {
        c.fail(PromResponseParser::tr("the rest of the answer")); // truncated: a JSON error, not a shape error
    }
    throw ShapeError { what, at < 0 ? c.offset() : at };
}

void need(JsonCursor &c, char ch, const QString &what)
{
    if (!c.tryConsume(ch)) {
        shape(c, what);
    }
}

// A key of an object, decoded only if it has escapes (then held in `storage`).
QByteArrayView key(JsonCursor &c, QByteArray &storage)
{
    const qsizetype at = c.offset() + 1;
    bool escaped = false;
    const QByteArrayView raw = c.rawString(&escaped);
    c.expect(':');
    if (!escaped) {
        return raw;
    }
    storage = c.decode(raw, at).toUtf8();
    return storage;
}

std::optional<double> sampleValue(QByteArrayView text)
{
    double value = 0;
    if (JsonCursor::simpleDecimal(text.data(), text.data() + text.size(), &value)) {
        return value;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && !text.isEmpty()) {
        return value;
    }
    return ExpositionParser::parseValue(text); // +Inf and friends
}

// Appends without QList's per-call bookkeeping (which a debug build pays in full): grows by doubling, trims at the end.
class PointSink
{
public:
    explicit PointSink(QList<QPointF> &points)
        : m_points(points)
        , m_size(points.size())
    { }
    ~PointSink() { m_points.resize(m_size); }
    Q_DISABLE_COPY_MOVE(PointSink)

    void add(double x, double y)
    {
        if (m_size == m_points.size()) {
            m_points.resize(std::max<qsizetype>(64, m_size * 2));
            m_data = m_points.data();
        }
        m_data[m_size++] = QPointF(x, y);
    }

private:
    QList<QPointF> &m_points;
    QPointF *m_data = nullptr;
    qsizetype m_size;
};

// A [ <unix seconds>, "<value>" ] pair.
QPointF point(JsonCursor &c, const QString &what)
{
    double pairSeconds = 0;
    QByteArrayView pairText;
    qsizetype pairAt = 0;
    if (c.numberStringPair(&pairSeconds, &pairText, &pairAt)) {
        const std::optional<double> value = sampleValue(pairText);
        if (!value) {
            throw ShapeError { what, pairAt - 1 };
        }
        return QPointF(pairSeconds * 1000.0, *value);
    }
    // Anything but the plain shape: step by step, to say what is wrong where.
    need(c, '[', what);
    const char n = c.peek();
    if (n != '-' && (n < '0' || n > '9')) {
        shape(c, what);
    }
    const double seconds = c.number();
    need(c, ',', what);
    if (c.peek() != '"') {
        shape(c, what);
    }
    const qsizetype at = c.offset();
    bool escaped = false;
    const QByteArrayView raw = c.rawString(&escaped);
    const std::optional<double> value = escaped ? sampleValue(c.decode(raw, at + 1).toLatin1()) : sampleValue(raw);
    if (!value) {
        throw ShapeError { what, at };
    }
    need(c, ']', what);
    return QPointF(seconds * 1000.0, *value);
}

void labels(JsonCursor &c, MetricLabels &out)
{
    if (c.peek() != '{') {
        c.skipValue(); // null or something odd: no labels, as before
        return;
    }
    c.expect('{');
    if (c.tryConsume('}')) {
        return;
    }
    do {
        const QString name = c.string();
        c.expect(':');
        if (c.peek() == '"') {
            out.insert(name, c.string());
        } else {
            c.skipValue();
            out.insert(name, QString());
        }
    } while (c.tryConsume(','));
    c.expect('}');
}

PromSeries series(JsonCursor &c, bool matrix)
{
    const QString sampleShape = PromResponseParser::tr("a sample is not [time, \"value\"]");
    if (c.peek() != '{') {
        shape(c, PromResponseParser::tr("a series is not an object"));
    }
    c.expect('{');
    PromSeries s;
    bool hasValue = false;
    if (!c.tryConsume('}')) {
        QByteArray storage;
        do {
            const QByteArrayView name = key(c, storage);
            if (name == "metric") {
                labels(c, s.labels);
            } else if (matrix && name == "values") {
                const QString pointShape = PromResponseParser::tr("a point is not [time, \"value\"]");
                need(c, '[', PromResponseParser::tr("a series' values are not a list"));
                if (!c.tryConsume(']')) {
                    PointSink sink(s.points);
                    do {
                        const QPointF p = point(c, pointShape);
                        sink.add(p.x(), p.y());
                    } while (c.tryConsume(','));
                    need(c, ']', pointShape);
                }
            } else if (!matrix && name == "value") {
                s.points.append(point(c, sampleShape));
                hasValue = true;
            } else {
                c.skipValue();
            }
        } while (c.tryConsume(','));
        c.expect('}');
    }
    if (!matrix && !hasValue) {
        throw ShapeError { sampleShape, c.offset() };
    }
    return s;
}

// Throws for result types that cannot give numbers.
void checkType(const PromResponse &r, qsizetype at)
{
    if (r.resultType == QLatin1String("string")) {
        throw ShapeError { PromResponseParser::tr("a string result has no numeric value"), at };
    }
    if (r.resultType != QLatin1String("scalar") && r.resultType != QLatin1String("vector")
        && r.resultType != QLatin1String("matrix")) {
        throw ShapeError { PromResponseParser::tr("unknown resultType \"%1\"").arg(r.resultType), at };
    }
}

QString scalarShape()
{
    return PromResponseParser::tr("a scalar is not [time, \"value\"]");
}

// data.result, once data.resultType is known; at = where the result starts.
void result(JsonCursor &c, PromResponse &r, qsizetype at)
{
    checkType(r, at);
    if (r.resultType == QLatin1String("scalar")) {
        r.series.append({ {}, { point(c, scalarShape()) } });
        return;
    }
    const bool matrix = r.resultType == QLatin1String("matrix");
    need(c, '[', PromResponseParser::tr("the result is not a list"));
    if (!c.tryConsume(']')) {
        do {
            r.series.append(series(c, matrix));
        } while (c.tryConsume(','));
        need(c, ']', PromResponseParser::tr("the result is not a list"));
    }
}

void data(JsonCursor &c, const QByteArray &body, PromResponse &r)
{
    const qsizetype at = c.offset();
    qsizetype resultAt = -1;
    bool done = false;
    if (c.peek() == '{') {
        c.expect('{');
        if (!c.tryConsume('}')) {
            QByteArray storage;
            do {
                const QByteArrayView name = key(c, storage);
                if (name == "resultType" && c.peek() == '"') {
                    r.resultType = c.string();
                } else if (name == "result" && !r.resultType.isEmpty()) {
                    result(c, r, c.offset());
                    done = true;
                } else if (name == "result") {
                    resultAt = c.offset(); // before resultType: read once the type is known
                    c.skipValue();
                } else {
                    c.skipValue();
                }
            } while (c.tryConsume(','));
            c.expect('}');
        }
    } else {
        c.skipValue();
    }
    if (done) {
        return;
    }
    if (resultAt >= 0) {
        JsonCursor again(body, resultAt);
        result(again, r, resultAt);
    } else {
        // No result at all: an empty vector or matrix, a scalar without its value.
        checkType(r, at);
        if (r.resultType == QLatin1String("scalar")) {
            throw ShapeError { scalarShape(), at };
        }
    }
}

PromResponse read(const QByteArray &body)
{
    PromResponse r;
    JsonCursor c(body);
    bool hasStatus = false;
    QString status;
    qsizetype dataAt = -1;
    c.expect('{');
    if (!c.tryConsume('}')) {
        QByteArray storage;
        do {
            const QByteArrayView name = key(c, storage);
            const bool text = c.peek() == '"';
            if (name == "status" && text) {
                status = c.string();
                hasStatus = true;
            } else if (name == "status") {
                c.skipValue();
                hasStatus = true;
            } else if (name == "errorType" && text) {
                r.errorType = c.string();
            } else if (name == "error" && text) {
                r.error = c.string();
            } else if (name == "warnings" && c.peek() == '[') {
                c.expect('[');
                if (!c.tryConsume(']')) {
                    do {
                        if (c.peek() == '"') {
                            r.warnings.append(c.string());
                        } else {
                            c.skipValue();
                        }
                    } while (c.tryConsume(','));
                    c.expect(']');
                }
            } else if (name == "data" && !hasStatus) {
                dataAt = c.offset(); // read once the status says it is an answer (Prometheus sends status first)
                c.skipValue();
            } else if (name == "data" && status == QLatin1String("success")) {
                data(c, body, r);
            } else {
                c.skipValue();
            }
        } while (c.tryConsume(','));
    }
    c.expect('}');
    c.expectEnd();
    if (!hasStatus) {
        throw JsonCursor::Error { PromResponseParser::tr("no \"status\" field"), 0 };
    }
    if (status != QLatin1String("success")) {
        r.status = PromResponse::Status::ApiError;
        if (r.error.isEmpty()) {
            r.error = PromResponseParser::tr("the answer's status is \"%1\" and it gives no error").arg(status);
        }
        r.resultType.clear();
        r.series.clear();
        return r;
    }
    if (dataAt >= 0) {
        JsonCursor again(body, dataAt);
        data(again, body, r);
    }
    r.status = PromResponse::Status::Success;
    r.errorType.clear();
    r.error.clear();
    return r;
}

} // namespace

QString PromResponse::errorText() const
{
    return errorType.isEmpty() ? error : errorType + QLatin1String(": ") + error;
}

PromResponse PromResponseParser::parse(const QByteArray &body, int httpStatus)
{
    PromResponse r;
    try {
        r = read(body);
    } catch (const JsonCursor::Error &e) {
        r = {};
        r.error = httpStatus >= 300 || httpStatus < 200
            ? tr("HTTP %1 and no Prometheus API answer in the body").arg(httpStatus)
            : tr("not a Prometheus API answer: %1").arg(e.message);
    } catch (const ShapeError &e) {
        r = {};
        r.error = tr("malformed Prometheus answer at byte %1: %2").arg(e.offset).arg(e.what);
    }
    r.httpStatus = httpStatus;
    return r;
}
