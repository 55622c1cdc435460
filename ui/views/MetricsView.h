#pragma once

#include "views/AreaView.h"

#include <chrono>

class QComboBox;

namespace SlurmDeck::Ui {

class TimeSeriesChart;

// Prometheus charts of the cluster over a chosen time range.
class MetricsView final : public AreaView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsView)

public:
    explicit MetricsView(QWidget *parent = nullptr);

    [[nodiscard]] std::chrono::seconds timeRange() const;
    [[nodiscard]] TimeSeriesChart *chart() const { return m_chart; }

signals:
    void timeRangeChanged(std::chrono::seconds range);

private:
    QComboBox *m_range;
    TimeSeriesChart *m_chart;
};

} // namespace SlurmDeck::Ui
