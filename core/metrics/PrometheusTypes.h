// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace SlurmDeck {

// One sample: Unix time in seconds (Prometheus sends fractional seconds) and the value.
// Prometheus sends values as strings; "NaN", "+Inf" and "-Inf" become the matching doubles.
struct PromSample
{
    double timestamp = 0;
    double value = 0;
};

// One series of a vector (one sample) or matrix (many samples) result.
struct PromSeries
{
    QMap<QString, QString> labels; // includes __name__ when the query keeps it
    QList<PromSample> samples;

    [[nodiscard]] QString label(const QString &name) const { return labels.value(name); }
};

struct PromResult
{
    enum class Type {
        Vector,
        Matrix,
        Scalar,
        String
    };
    Type type = Type::Vector;
    QList<PromSeries> series; // Vector/Matrix; Scalar: one series without labels, one sample
    QString stringValue;      // Type::String only
    QStringList warnings;     // the API's "warnings", passed through
};

} // namespace SlurmDeck
