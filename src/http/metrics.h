#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace prometheus {
class Registry;
template <class T>
class Family;
class Counter;
class Histogram;
class Gauge;
}  // namespace prometheus

namespace deltalabs::http {

// Prometheus metrics of the service: requests and latency per route template,
// method and status, plus gauges sampled at scrape time (pool use).
class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Records one finished request.
  void observe(std::string_view route, std::string_view method, int status, double seconds);
  // Registers a gauge whose value is read at every scrape.
  void add_gauge(const std::string& name, const std::string& help, std::function<double()> sample);
  // Registers one series of a counter whose running total is read at every
  // scrape (`sample` never decreases); series of one name share its family.
  void add_sampled_counter(const std::string& name, const std::string& help,
                           const std::map<std::string, std::string>& labels,
                           std::function<double()> sample);
  // The text exposition format (version 0.0.4).
  std::string render();

 private:
  struct SampledGauge {
    prometheus::Gauge* gauge;
    std::function<double()> sample;
  };
  struct SampledCounter {
    prometheus::Counter* counter;
    std::function<double()> sample;
    double reported = 0;  // what the counter holds; guarded by counters_mutex_
  };
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>* requests_;
  prometheus::Family<prometheus::Histogram>* latency_;
  std::vector<SampledGauge> gauges_;
  std::mutex counters_mutex_;  // two scrapes at once must not both add a difference
  std::vector<SampledCounter> counters_;
};

}  // namespace deltalabs::http
