#include "app/background_jobs.h"

#include "labs/labs_module.h"
#include "platform/mail_transport.h"
#include "platform/rate_counters.h"

namespace deltalabs {

namespace {

constexpr const char* kCounterSweepJob = "rate-counter-sweep";
constexpr std::chrono::milliseconds kMailPoll{500};
constexpr std::chrono::milliseconds kCounterSweepEvery{60000};

// Deletes the ended rate-limit windows, under the sweep's fence.
Status sweep_counters(Database& db, const JobFence& fence) {
  return db.transaction([&](Connection& c) -> Status {
    DL_TRY(fence.check(c));
    DL_TRY(RateCounters::sweep(c, epoch_ms_now()));
    return {};
  });
}

}  // namespace

BackgroundJobs::BackgroundJobs(Application& app) : app_(app) {
  Database& db = app.db();
  const std::string& holder = app.instance_owner();
  // Mail goes out only when an SMTP server is configured; otherwise it waits
  // in the outbox (`deltalabs mail list`).
  if (!app.config().smtp_url.empty()) {
    mail_sender_ = std::make_unique<MailSender>(
        db, std::make_unique<SmtpTransport>(app.config().smtp_url), app.config().mail_from);
    mail_ = std::make_unique<LeasedJob>(JobLease(db, MailSender::kJob, holder, kJobLease),
                                        kMailPoll, [this](const JobFence& fence) -> Status {
                                          auto sent = mail_sender_->deliver_due(fence);
                                          if (!sent.ok()) return std::move(sent).error();
                                          return {};
                                        });
  }
  // SQLite counts in process memory: there is no table to sweep.
  if (db.dialect() == Dialect::kPostgres) {
    counter_sweep_ = std::make_unique<LeasedJob>(
        JobLease(db, kCounterSweepJob, holder, kJobLease), kCounterSweepEvery,
        [&db](const JobFence& fence) { return sweep_counters(db, fence); });
  }
}

BackgroundJobs::~BackgroundJobs() { stop(); }

void BackgroundJobs::start() {
  if (mail_) mail_->start();
  if (counter_sweep_) counter_sweep_->start();
  app_.labs().start_hold_sweeper(app_.instance_owner(), kJobLease);
}

void BackgroundJobs::stop() {
  if (mail_) mail_->stop();
  if (counter_sweep_) counter_sweep_->stop();
  app_.labs().stop_hold_sweeper();
}

}  // namespace deltalabs
