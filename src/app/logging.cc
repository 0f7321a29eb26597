#include "app/logging.h"

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace deltalabs {

bool setup_logging(const std::string& level) {
  const auto lvl = spdlog::level::from_str(level);
  if (lvl == spdlog::level::off && level != "off") return false;
  static bool initialised = false;
  if (!initialised) {
    // Requests log on I/O threads: hand lines to one background writer.
    spdlog::init_thread_pool(65536, 1);
    auto logger = std::make_shared<spdlog::async_logger>(
        "deltalabs", std::make_shared<spdlog::sinks::stdout_sink_mt>(), spdlog::thread_pool(),
        spdlog::async_overflow_policy::overrun_oldest);
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","event":%v})",
                        spdlog::pattern_time_type::utc);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
    initialised = true;
  }
  spdlog::set_level(lvl);
  return true;
}

}  // namespace deltalabs
