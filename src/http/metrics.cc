#include "http/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <algorithm>

#include "core/string_map.h"

namespace deltalabs::http {

namespace {

const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  static const prometheus::Histogram::BucketBoundaries b = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  return b;
}

}  // namespace

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  requests_ = &prometheus::BuildCounter()
                   .Name("http_requests_total")
                   .Help("HTTP requests by route template, method and status")
                   .Register(*registry_);
  latency_ = &prometheus::BuildHistogram()
                  .Name("http_request_duration_seconds")
                  .Help("HTTP request latency by route template, method and status")
                  .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::observe(std::string_view route, std::string_view method, int status, double seconds) {
  // Family::Add locks and hashes a label map; cache the series per thread.
  struct Series {
    prometheus::Counter* count;
    prometheus::Histogram* latency;
  };
  thread_local StringMap<Series> cache;
  thread_local const Metrics* cache_owner = nullptr;
  if (cache_owner != this) {
    cache.clear();
    cache_owner = this;
  }
  std::string key;
  key.reserve(route.size() + method.size() + 6);
  key.append(route).append("|").append(method).append("|").append(std::to_string(status));
  auto it = cache.find(key);
  if (it == cache.end()) {
    const std::map<std::string, std::string> labels = {{"route", std::string(route)},
                                                       {"method", std::string(method)},
                                                       {"status", std::to_string(status)}};
    it = cache
             .emplace(key,
                      Series{&requests_->Add(labels), &latency_->Add(labels, latency_buckets())})
             .first;
  }
  it->second.count->Increment();
  it->second.latency->Observe(seconds);
}

void Metrics::add_gauge(const std::string& name, const std::string& help,
                        std::function<double()> sample) {
  auto& family = prometheus::BuildGauge().Name(name).Help(help).Register(*registry_);
  gauges_.push_back({&family.Add({}), std::move(sample)});
}

void Metrics::add_sampled_counter(const std::string& name, const std::string& help,
                                  const std::map<std::string, std::string>& labels,
                                  std::function<double()> sample) {
  auto& family = prometheus::BuildCounter().Name(name).Help(help).Register(*registry_);
  counters_.push_back({&family.Add(labels), std::move(sample)});
}

std::string Metrics::render() {
  for (auto& g : gauges_) g.gauge->Set(g.sample());
  {
    const std::lock_guard lock(counters_mutex_);
    for (auto& c : counters_) {
      const double now = c.sample();
      if (now > c.reported) c.counter->Increment(now - c.reported);
      c.reported = std::max(now, c.reported);
    }
  }
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace deltalabs::http
