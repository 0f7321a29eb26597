#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <utility>

#include "core/actor.h"
#include "core/result.h"
#include "core/uuid.h"
#include "identity/authorization_service.h"
#include "identity/input_rules.h"
#include "platform/audit_log.h"
#include "storage/database.h"

namespace deltalabs::identity {

// The use cases every administered identity resource (organization types,
// permissions, roles) runs the same way: require `<resource>:<action>`, a
// malformed id is a 404 like a missing one, one transaction for the change
// and its audit row "<kind>.<created|updated|deleted>", and the row read
// back. Services state only what differs (checks, statements, audit details).
// Holds references only; as thread-safe as the Database it runs on.
template <class T>
class Administered {
 public:
  // Reads one row by canonical id; 404 <WHAT>_NOT_FOUND when absent.
  using Find = Result<T> (*)(Connection&, const std::string&);

  // `resource` prefixes the permissions ("roles" → "roles:read"), `kind`
  // the audit rows ("role" → "role.created"), `what` names the 404
  // ("role" → ROLE_NOT_FOUND); `find` reads one row.
  Administered(Database& db, const AuthorizationService& authz, std::string resource,
               std::string kind, std::string what, Find find)
      : db_(db),
        authz_(authz),
        resource_(std::move(resource)),
        kind_(std::move(kind)),
        what_(std::move(what)),
        find_(find) {}

  // 401/403 unless `actor` holds <resource>:<action>.
  Status require(const Actor& actor, const std::string& action) const {
    return authz_.require(actor, resource_ + ":" + action);
  }

  // `list(conn)` on a read connection, for a holder of <resource>:list.
  template <class List>
  auto list(const Actor& actor, List list) const -> decltype(list(std::declval<Connection&>())) {
    DL_TRY(require(actor, "list"));
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    return list(*conn);
  }

  // The row `raw_id` names, for a holder of <resource>:read; 404 <WHAT>_NOT_FOUND.
  Result<T> get(const Actor& actor, const std::string& raw_id) const {
    DL_TRY(require(actor, "read"));
    if (!is_uuid(raw_id)) return Error::not_found(what_);
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    return find_(*conn, canonical_id(raw_id));
  }

  // For a holder of <resource>:create: `check()` (its 400), then in one
  // transaction `insert(c)` (the new id, or its 409) audited as
  // "<kind>.created" with `details`; the row written.
  template <class Check, class Insert>
  Result<T> create(const Actor& actor, Check check, Insert insert,
                   const std::string& details) const {
    DL_TRY(require(actor, "create"));
    DL_TRY(check());
    return db_.transaction([&](Connection& c) -> Result<T> {
      DL_ASSIGN_OR_RETURN(std::string id, insert(c));
      DL_TRY(AuditLog::record(c, actor, {kind_ + ".created", kind_, id, details}));
      return find_(c, id);
    });
  }

  // For a holder of <resource>:update: 404 for a missing row, `check()`
  // (its 400), then in one transaction `write(c, before, id)` audited as
  // "<kind>.updated" with `details`; the row as written.
  template <class Check, class Write>
  Result<T> update(const Actor& actor, const std::string& raw_id, Check check, Write write,
                   const std::string& details) const {
    DL_TRY(require(actor, "update"));
    if (!is_uuid(raw_id)) return Error::not_found(what_);
    DL_TRY(check());
    const std::string id = canonical_id(raw_id);
    return db_.transaction([&](Connection& c) -> Result<T> {
      DL_ASSIGN_OR_RETURN(T before, find_(c, id));
      DL_TRY(write(c, before, id));
      DL_TRY(AuditLog::record(c, actor, {kind_ + ".updated", kind_, id, details}));
      return find_(c, id);
    });
  }

  // For a holder of <resource>:delete: 404 for a missing row, then in one
  // transaction `remove(c, before, id)` (its 409s) audited as
  // "<kind>.deleted" with `details(before)`.
  template <class Remove, class Details>
  Status remove(const Actor& actor, const std::string& raw_id, Remove remove,
                Details details) const {
    DL_TRY(require(actor, "delete"));
    if (!is_uuid(raw_id)) return Error::not_found(what_);
    const std::string id = canonical_id(raw_id);
    return db_.transaction([&](Connection& c) -> Status {
      DL_ASSIGN_OR_RETURN(T before, find_(c, id));
      DL_TRY(remove(c, before, id));
      return AuditLog::record(c, actor, {kind_ + ".deleted", kind_, id, details(before)});
    });
  }

  // remove() with nothing to check first, `remove_row(c, id)` (its 409s),
  // audited with the slug the row had.
  Status remove(const Actor& actor, const std::string& raw_id,
                Status (*remove_row)(Connection&, const std::string&)) const {
    return remove(
        actor, raw_id,
        [&](Connection& c, const T&, const std::string& id) { return remove_row(c, id); },
        [](const T& before) {
          return boost::json::serialize(boost::json::object{{"slug", before.slug}});
        });
  }

 private:
  Database& db_;
  const AuthorizationService& authz_;
  std::string resource_;
  std::string kind_;
  std::string what_;
  Find find_;
};

// A check that always passes, for a use case with nothing to check.
inline Status nothing_to_check() { return {}; }

// 400 VALIDATION_FAILED for a slug given in a bad form; nothing to check when absent.
inline Status check_slug(const std::optional<std::string>& slug) {
  if (!slug) return {};
  if (auto problem = slug_problem("slug", *slug)) {
    return Error::invalid("The request body is not valid.", {*problem});
  }
  return {};
}

}  // namespace deltalabs::identity
