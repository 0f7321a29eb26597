#include <cstdint>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "app/application.h"
#include "app/cli.h"
#include "storage/migrator.h"
#include "storage/schema_catalog.h"
#include "storage/schema_sql_text.h"

namespace deltalabs {

namespace {

constexpr const char* kIntegrityCheck = "PRAGMA integrity_check";
constexpr const char* kForeignKeyCheck = "PRAGMA foreign_key_check";
constexpr const char* kAppliedMigrations =
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
// Filled in per foreign key: {child}, {parent}, {not_null} and {match}.
constexpr const char* kOrphanCount =
    "SELECT count(*) FROM {child} c WHERE {not_null} AND NOT EXISTS (SELECT 1 FROM {parent} p "
    "WHERE {match})";

// A rule of the data that no constraint can state (derived counters); `count`
// returns how many rows break it.
struct Invariant {
  const char* name;
  const char* count;
};
constexpr Invariant kInvariants[] = {
    {"courses.enrollment_count equals the seats held",
     "SELECT count(*) FROM courses c WHERE c.enrollment_count <> (SELECT count(*) FROM "
     "enrollments e WHERE e.course_id = c.id AND e.member_role = 'student' AND e.status <> "
     "'cancelled')"},
    {"courses.instructor_ids lists exactly the course's instructors",
     "SELECT count(*) FROM courses c WHERE (CASE WHEN c.instructor_ids = '' THEN 0 ELSE "
     "length(c.instructor_ids) - length(replace(c.instructor_ids, ',', '')) + 1 END) <> (SELECT "
     "count(*) FROM course_instructors ci WHERE ci.course_id = c.id) OR EXISTS (SELECT 1 FROM "
     "course_instructors ci WHERE ci.course_id = c.id AND c.instructor_ids NOT LIKE '%' || "
     "CAST(ci.instructor_id AS TEXT) || '%')"},
    {"no course holds more students than max_students",
     "SELECT count(*) FROM courses WHERE max_students IS NOT NULL AND enrollment_count > "
     "max_students"},
    {"completed enrollments carry completed_at, cancelled ones cancelled_at",
     "SELECT count(*) FROM enrollments WHERE (status = 'completed' AND completed_at IS NULL) OR "
     "(status = 'cancelled' AND cancelled_at IS NULL)"},
    {"questions.vote_total equals the sum of their votes",
     "SELECT count(*) FROM questions q WHERE q.vote_total <> (SELECT COALESCE(SUM(v.value), 0) "
     "FROM votes v WHERE v.question_id = q.id)"},
    {"answers.vote_total equals the sum of their votes",
     "SELECT count(*) FROM answers a WHERE a.vote_total <> (SELECT COALESCE(SUM(v.value), 0) "
     "FROM votes v WHERE v.answer_id = a.id)"},
    {"questions.answer_count equals their answers",
     "SELECT count(*) FROM questions q WHERE q.answer_count <> (SELECT count(*) FROM answers a "
     "WHERE a.question_id = q.id)"},
    {"an accepted answer answers its own question",
     "SELECT count(*) FROM questions q JOIN answers a ON a.id = q.accepted_answer_id "
     "WHERE a.question_id <> q.id"},
    {"discussion_threads.post_count equals their posts",
     "SELECT count(*) FROM discussion_threads t WHERE t.post_count <> (SELECT count(*) FROM "
     "thread_posts p WHERE p.thread_id = t.id)"},
    {"every order has one payment of its total",
     "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id "
     "= o.id AND p.amount_minor = o.total_minor AND p.currency = o.currency)"},
    {"an order's status matches its payment's (paid or refunded: succeeded; pending: pending; "
     "cancelled: failed)",
     "SELECT count(*) FROM orders o JOIN payments p ON p.order_id = o.id WHERE (o.status IN "
     "('paid', 'refunded', 'partially_refunded') AND p.status <> 'succeeded') OR (o.status = "
     "'pending' AND p.status <> 'pending') OR (o.status = 'cancelled' AND p.status <> 'failed')"},
    {"an order's totals are the sums of its items",
     "SELECT count(*) FROM orders o WHERE o.total_minor <> (SELECT COALESCE(SUM(i.total_minor), 0) "
     "FROM order_items i WHERE i.order_id = o.id) OR o.discount_minor <> (SELECT "
     "COALESCE(SUM(i.discount_minor), 0) FROM order_items i WHERE i.order_id = o.id)"},
    {"orders.refunded_minor equals the sum of its refunds, each of its item's total",
     "SELECT (SELECT count(*) FROM orders o WHERE o.refunded_minor <> (SELECT "
     "COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE r.order_id = o.id)) + (SELECT "
     "count(*) FROM refunds r JOIN order_items i ON i.id = r.order_item_id WHERE r.amount_minor "
     "<> i.total_minor OR i.refunded = FALSE OR i.order_id <> r.order_id) + (SELECT count(*) FROM "
     "order_items i WHERE i.refunded = TRUE AND NOT EXISTS (SELECT 1 FROM refunds r WHERE "
     "r.order_item_id = i.id))"},
    {"coupons.redemption_count equals its redemptions",
     "SELECT count(*) FROM coupons c WHERE c.redemption_count <> (SELECT count(*) FROM "
     "coupon_redemptions r WHERE r.coupon_id = c.id)"},
    {"every live enrollment that records an order has that order paid and its item unrefunded",
     "SELECT count(*) FROM enrollments e WHERE e.status <> 'cancelled' AND e.order_id IS NOT NULL "
     "AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE "
     "i.enrollment_id = e.id AND o.id = e.order_id AND i.refunded = FALSE AND o.status IN "
     "('paid', 'partially_refunded'))"},
    {"every course item of a paid order enrolled its buyer",
     "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.item_type = "
     "'course' AND o.status IN ('paid', 'partially_refunded', 'refunded') AND i.enrollment_id IS "
     "NULL"},
    {"no event has more going than its capacity",
     "SELECT count(*) FROM community_events e WHERE e.capacity < (SELECT count(*) FROM "
     "event_rsvps r WHERE r.event_id = e.id AND r.status = 'going')"},
    {"waitlist positions are 1..n per event, and only waitlisted RSVPs have one",
     "SELECT (SELECT count(*) FROM (SELECT event_id FROM event_rsvps WHERE waitlist_position IS "
     "NOT NULL GROUP BY event_id HAVING MIN(waitlist_position) <> 1 OR MAX(waitlist_position) <> "
     "count(*) OR count(DISTINCT waitlist_position) <> count(*)) w) + (SELECT count(*) FROM "
     "event_rsvps WHERE (status = 'waitlisted') <> (waitlist_position IS NOT NULL))"},
    {"nobody waits for an event with a free seat",
     "SELECT count(*) FROM community_events e WHERE EXISTS (SELECT 1 FROM event_rsvps r WHERE "
     "r.event_id = e.id AND r.status = 'waitlisted') AND e.capacity > (SELECT count(*) FROM "
     "event_rsvps r WHERE r.event_id = e.id AND r.status = 'going')"},
    {"attempts of each learner at each exercise are numbered 1..n without gaps",
     "SELECT count(*) FROM (SELECT user_id, exercise_id FROM submissions GROUP BY user_id, "
     "exercise_id HAVING count(*) <> max(attempt) OR min(attempt) <> 1) gaps"},
    {"grade items belong to an enrollment in their exercise's course",
     "SELECT count(*) FROM grade_items gi JOIN enrollments e ON e.id = gi.enrollment_id "
     "JOIN exercises x ON x.id = gi.exercise_id WHERE e.course_id <> x.course_id"},
    {"grade items not overridden hold the learner's best graded submission",
     "SELECT count(*) FROM grade_items gi JOIN enrollments e ON e.id = gi.enrollment_id "
     "WHERE NOT gi.overridden AND abs(gi.score - COALESCE((SELECT max(s.score) FROM submissions "
     "s WHERE s.user_id = e.user_id AND s.exercise_id = gi.exercise_id AND s.status = "
     "'graded'), -1)) > 1e-9"},
    {"grades.score is the weighted mean of the enrollment's grade items",
     "SELECT count(*) FROM grades g WHERE abs(g.score - COALESCE((SELECT 100.0 * "
     "sum(x.weight * gi.score / gi.max_score) / sum(x.weight) FROM grade_items gi JOIN exercises "
     "x ON x.id = gi.exercise_id WHERE gi.enrollment_id = g.enrollment_id), 0)) > 1e-6"},
    {"an assistant turn is one conversation's messages 0..n, opened by one user prompt",
     "SELECT count(*) FROM (SELECT turn_id FROM conversation_messages GROUP BY turn_id HAVING "
     "max(position) + 1 <> count(*) OR count(DISTINCT conversation_id) <> 1 OR "
     "sum(CASE WHEN position = 0 AND role = 'user' THEN 1 ELSE 0 END) <> 1 OR "
     "sum(CASE WHEN role = 'user' THEN 1 ELSE 0 END) <> 1) bad"},
    {"an assistant turn has at most one answer, and it is its last message",
     "SELECT count(*) FROM (SELECT turn_id FROM conversation_messages GROUP BY turn_id HAVING "
     "sum(CASE WHEN role = 'assistant' THEN 1 ELSE 0 END) > 1 OR "
     "max(CASE WHEN role = 'assistant' THEN position ELSE -1 END) NOT IN (-1, max(position))) bad"},
    {"only section drafts are promoted",
     "SELECT count(*) FROM content_drafts WHERE status = 'promoted' AND kind <> 'section'"},
    {"lab_availability.seats_taken equals the seats of its pending and confirmed bookings",
     "SELECT count(*) FROM lab_availability a WHERE a.seats_taken <> (SELECT "
     "COALESCE(SUM(b.seats), "
     "0) FROM lab_bookings b WHERE b.availability_id = a.id AND b.status IN ('pending', "
     "'confirmed'))"},
    {"no lab slot has more seats booked than its capacity",
     "SELECT count(*) FROM lab_availability a WHERE a.capacity < (SELECT COALESCE(SUM(b.seats), 0) "
     "FROM lab_bookings b WHERE b.availability_id = a.id AND b.status IN ('pending', "
     "'confirmed'))"},
    {"slots of one lab never overlap",
     "SELECT count(*) FROM lab_availability a JOIN lab_availability b ON b.lab_id = a.lab_id AND "
     "CAST(a.id AS TEXT) < CAST(b.id AS TEXT) AND a.slot_start < b.slot_end AND b.slot_start < "
     "a.slot_end"},
    {"a lab booking's order matches it (pending: the hold awaits payment; paid: confirmed or "
     "awaiting approval, or cancelled once refunded; cancelled: the seats are released)",
     "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id LEFT JOIN "
     "lab_bookings b ON b.id = i.lab_booking_id WHERE i.item_type = 'lab_booking' AND (b.id IS "
     "NULL OR (o.status = 'pending' AND NOT (b.status = 'pending' AND b.awaiting_payment)) OR "
     "(o.status IN ('paid', 'partially_refunded', 'refunded') AND NOT ((i.refunded = FALSE AND "
     "b.awaiting_payment = FALSE AND b.status IN ('confirmed', 'pending')) OR (i.refunded = TRUE "
     "AND b.status = 'cancelled'))) OR (o.status = 'cancelled' AND b.status IN ('pending', "
     "'confirmed')))"},
    {"a confirmed booking of a paid lab has a paid, unrefunded order",
     "SELECT count(*) FROM lab_bookings b WHERE b.status = 'confirmed' AND b.amount_minor > 0 AND "
     "NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE "
     "i.lab_booking_id = b.id AND i.refunded = FALSE AND o.status IN ('paid', "
     "'partially_refunded'))"},
    {"lab waitlist positions are 1..n per slot",
     "SELECT count(*) FROM (SELECT availability_id FROM lab_waitlist GROUP BY availability_id "
     "HAVING MIN(position) <> 1 OR MAX(position) <> count(*) OR count(DISTINCT position) <> "
     "count(*)) w"},
};

// Collects one line per check and counts the failed ones.
class Report {
 public:
  // Records a passed check.
  void ok(const std::string& line) { std::cout << "ok      " << line << "\n"; }
  // Records a violation.
  void failed(const std::string& line) {
    std::cout << "FAILED  " << line << "\n";
    ++violations_;
  }
  // Records a check that could not run; it counts as a violation.
  void error(const std::string& what, const Error& e) {
    failed(what + ": could not run (" + e.message + (e.cause.empty() ? "" : ": " + e.cause) + ")");
  }
  // The number of failed checks.
  int violations() const { return violations_; }

 private:
  int violations_ = 0;
};

std::string replace(std::string text, const std::string& placeholder, const std::string& value) {
  const std::size_t at = text.find(placeholder);
  if (at != std::string::npos) text.replace(at, placeholder.size(), value);
  return text;
}

void check_sqlite(Connection& conn, Report& report) {
  auto integrity = conn.query(kIntegrityCheck);
  if (!integrity.ok()) {
    report.error("integrity_check", integrity.error());
  } else if (integrity->size() == 1 && (*integrity)[0].text(0) == "ok") {
    report.ok("integrity_check");
  } else {
    report.failed("integrity_check: " + std::to_string(integrity->size()) +
                  " problem(s), first: " + (*integrity)[0].text(0));
  }
  auto orphans = conn.query(kForeignKeyCheck);
  if (!orphans.ok()) return report.error("foreign_key_check", orphans.error());
  // (child, parent) -> orphan rows
  std::map<std::pair<std::string, std::string>, std::int64_t> by_reference;
  for (std::size_t i = 0; i < orphans->size(); ++i) {
    ++by_reference[{(*orphans)[i].text(0), (*orphans)[i].text(2)}];
  }
  if (by_reference.empty()) return report.ok("foreign_key_check: 0 orphan rows");
  for (const auto& [reference, count] : by_reference) {
    report.failed("foreign_key_check: " + std::to_string(count) + " orphan row(s) in " +
                  reference.first + " → " + reference.second);
  }
}

void check_postgres(Connection& conn, Report& report) {
  auto catalog = read_schema_catalog(conn);
  if (!catalog.ok()) return report.error("foreign keys", catalog.error());
  std::size_t checked = 0;
  for (const TableInfo& t : catalog->tables) {
    for (const ForeignKeyInfo& fk : t.foreign_keys) {
      std::string not_null;
      std::string match;
      std::string columns;
      for (std::size_t i = 0; i < fk.columns.size(); ++i) {
        const std::string sep = i == 0 ? "" : " AND ";
        not_null += sep + "c." + quote_identifier(fk.columns[i]) + " IS NOT NULL";
        match += sep + "p." + quote_identifier(fk.references[i]) + " = c." +
                 quote_identifier(fk.columns[i]);
        columns += (i == 0 ? "" : ", ") + fk.columns[i];
      }
      std::string sql = replace(kOrphanCount, "{child}", quote_identifier(t.name));
      sql = replace(replace(sql, "{not_null}", not_null), "{match}", match);
      sql = replace(sql, "{parent}", quote_identifier(fk.table));
      const std::string what = "foreign key " + t.name + "(" + columns + ") → " + fk.table;
      auto count = conn.query(sql);
      ++checked;
      if (!count.ok()) {
        report.error(what, count.error());
      } else if (const std::int64_t n = (*count)[0].integer(0); n > 0) {
        report.failed(what + ": " + std::to_string(n) + " orphan row(s)");
      } else {
        report.ok(what + ": 0 orphan rows");
      }
    }
  }
  if (checked == 0) report.ok("foreign keys: none to check");
}

// Every applied migration must still be one this binary knows, unchanged.
void check_migrations(Database& db, Connection& conn, Report& report) {
  auto applied = conn.query(kAppliedMigrations);
  if (!applied.ok()) return report.error("migrations", applied.error());
  std::map<int, const Migration*> known;
  const Migrator migrator(db);
  for (const Migration& m : migrator.migrations()) known[m.version] = &m;
  std::set<int> seen;
  bool clean = true;
  for (std::size_t i = 0; i < applied->size(); ++i) {
    const Row r = (*applied)[i];
    const int version = static_cast<int>(r.integer(0));
    seen.insert(version);
    const auto it = known.find(version);
    if (it == known.end()) {
      report.failed("migration " + r.text(1) + ": applied but unknown to this binary");
      clean = false;
    } else if (it->second->checksum != r.text(2)) {
      report.failed("migration " + r.text(1) + ": changed after it was applied (" +
                    it->second->files + ")");
      clean = false;
    }
  }
  if (!clean) return;
  report.ok("migrations: " + std::to_string(applied->size()) +
            " applied, all known and unchanged, " + std::to_string(known.size() - seen.size()) +
            " pending");
}

void check_invariants(Connection& conn, Report& report) {
  for (const Invariant& rule : kInvariants) {
    auto count = conn.query(rule.count);
    if (!count.ok()) {
      report.error(rule.name, count.error());
    } else if (const std::int64_t n = (*count)[0].integer(0); n > 0) {
      report.failed(std::string(rule.name) + ": " + std::to_string(n) + " row(s) break it");
    } else {
      report.ok(rule.name);
    }
  }
}

}  // namespace

Command check_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Audit the database: integrity, orphan rows behind every foreign key, applied "
      "migrations, derived counters, attempt numbering, course scores and lab seats");
  return {cmd, [&config] {
            auto db = open_configured_database(config);
            if (!db.ok()) {
              std::cerr << "deltalabs: " << db.error().message << " (" << db.error().cause << ")\n";
              return 1;
            }
            auto conn = (*db)->read();
            if (!conn.ok()) {
              std::cerr << "deltalabs: " << conn.error().message << " (" << conn.error().cause
                        << ")\n";
              return 1;
            }
            std::cout << "checking " << (*db)->describe() << "\n";
            Report report;
            if ((*conn)->dialect() == Dialect::kSqlite) {
              check_sqlite(**conn, report);
            } else {
              check_postgres(**conn, report);
            }
            check_migrations(**db, **conn, report);
            check_invariants(**conn, report);
            if (report.violations() > 0) {
              std::cout << "check FAILED: " << report.violations() << " violation(s)\n";
              return 1;
            }
            std::cout << "check passed: no violations\n";
            return 0;
          }};
}

}  // namespace deltalabs
