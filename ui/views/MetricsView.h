#pragma once

#include "common/Result.h"
#include "metrics/PrometheusTypes.h"
#include "views/AreaView.h"

#include <QPointer>

#include <chrono>

class QComboBox;
class QLabel;
class QPushButton;

namespace SlurmDeck {
class PrometheusClient;
}

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

    // Where the charts come from (not owned; null: none). Queries run on Qt Network's own
    // asynchronous machinery: nothing here blocks the GUI thread.
    void setSource(SlurmDeck::PrometheusClient *client);
    // Asks the source again for the chosen time range.
    void refresh();
    // The last data shown, as CSV (metricsCsv); empty before the first answer.
    [[nodiscard]] QString csv() const;
    [[nodiscard]] Result<void> exportCsv(const QString &path) const;
    [[nodiscard]] QString statusText() const;

signals:
    void timeRangeChanged(std::chrono::seconds range);
    void refreshed(); // an answer (data or error) was shown

private:
    void show(const Result<SlurmDeck::PromResult> &result, quint64 generation);
    void chooseCsvFile();

    QComboBox *m_range;
    TimeSeriesChart *m_chart;
    QLabel *m_status;
    QPushButton *m_export;
    QPointer<SlurmDeck::PrometheusClient> m_client;
    SlurmDeck::PromResult m_last;
    quint64 m_generation = 0; // answers to older requests are dropped
};

} // namespace SlurmDeck::Ui
