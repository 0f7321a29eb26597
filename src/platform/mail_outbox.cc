#include "platform/mail_outbox.h"

#include "core/uuid.h"

namespace deltalabs {

namespace {

constexpr const char* kInsert =
    "INSERT INTO mail_outbox (id, user_id, to_address, subject, body, status, attempts, "
    "next_attempt_at, created_at) "
    "VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)";
constexpr const char* kList =
    "SELECT id, user_id, to_address, subject, body, status, attempts, next_attempt_at, last_error, "
    "created_at, "
    "sent_at FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1";
constexpr const char* kDue =
    "SELECT id, user_id, to_address, subject, body, status, attempts, next_attempt_at, last_error, "
    "created_at, "
    "sent_at FROM mail_outbox WHERE status = 'pending' AND (next_attempt_at <= $1 OR "
    "claim_token < $3) ORDER BY next_attempt_at, id LIMIT $2";
// A claim made under an older fencing token ($4) is void: the sender that made
// it lost the job's lease, and its writes (mark_sent) would be refused.
constexpr const char* kClaim =
    "UPDATE mail_outbox SET next_attempt_at = $2, claim_token = $4 WHERE id = $1 AND status = "
    "'pending' AND (next_attempt_at <= $3 OR claim_token < $4)";
constexpr const char* kMarkSent =
    "UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = "
    "NULL WHERE id = $1";
constexpr const char* kMarkRetry =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3, "
    "claim_token = NULL WHERE id = $1";
constexpr const char* kMarkFailed =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, status = 'failed' WHERE id = "
    "$1";

Result<std::vector<MailMessage>> read(Connection& c, const char* sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, params));
  std::vector<MailMessage> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    out.push_back({r.text(0), r.optional_text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                   static_cast<int>(r.integer(6)), r.text(7), r.optional_text(8), r.text(9),
                   r.optional_text(10)});
  }
  return out;
}

}  // namespace

Status MailOutbox::enqueue(Connection& c, const std::optional<std::string>& user_id,
                           const std::string& to, const std::string& subject,
                           const std::string& body) {
  DL_TRY(c.execute(kInsert, {new_uuid_v7(), user_id, to, subject, body, format_rfc3339(now())}));
  return {};
}

Result<std::vector<MailMessage>> MailOutbox::list(Connection& c, int limit) {
  return read(c, kList, {limit});
}

Result<std::vector<MailMessage>> MailOutbox::due(Connection& c, int limit, std::int64_t token) {
  return read(c, kDue, {format_rfc3339(now()), limit, token});
}

Result<bool> MailOutbox::claim(Connection& c, const std::string& id, TimePoint lease_until,
                               std::int64_t token) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed, c.execute(kClaim, {id, format_rfc3339(lease_until),
                                                               format_rfc3339(now()), token}));
  return changed == 1;
}

Status MailOutbox::mark_sent(Connection& c, const std::string& id) {
  DL_TRY(c.execute(kMarkSent, {id, format_rfc3339(now())}));
  return {};
}

Status MailOutbox::mark_attempt_failed(Connection& c, const std::string& id,
                                       const std::string& error,
                                       std::optional<TimePoint> retry_at) {
  if (retry_at) {
    DL_TRY(c.execute(kMarkRetry, {id, error.substr(0, 1000), format_rfc3339(*retry_at)}));
  } else {
    DL_TRY(c.execute(kMarkFailed, {id, error.substr(0, 1000)}));
  }
  return {};
}

}  // namespace deltalabs
