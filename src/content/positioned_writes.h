#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/database.h"

namespace deltalabs::content {

// The writes of a row kept at a position 1..n among its siblings (sections in
// a course, items in a section), over its repository `Repo` (static insert,
// find, update, remove). Update and remove read the row again inside their
// transaction: another move may have shifted its position meanwhile. The
// caller has checked the actor may edit; these only write. Stateless.
template <class Row, class Repo>
class PositionedWrites {
 public:
  // Appends a row under `parent_id` in the caller's transaction; the row written.
  template <class Input>
  static Result<Row> create(Connection& c, const std::string& parent_id, const Input& input) {
    DL_ASSIGN_OR_RETURN(std::string id, Repo::insert(c, parent_id, input));
    return Repo::find(c, id);
  }

  // create() in a transaction of its own.
  template <class Input>
  static Result<Row> create(Database& db, const std::string& parent_id, const Input& input) {
    return db.transaction(
        [&](Connection& c) -> Result<Row> { return create(c, parent_id, input); });
  }

  // Applies `change` to the row `id` (moving it when it names a position); the row written.
  template <class Change>
  static Result<Row> update(Database& db, const std::string& id, const Change& change) {
    return db.transaction([&](Connection& c) -> Result<Row> {
      DL_ASSIGN_OR_RETURN(Row current, Repo::find(c, id));
      DL_TRY(Repo::update(c, current, change));
      return Repo::find(c, id);
    });
  }

  // Deletes the row `id` and closes the gap it leaves.
  static Status remove(Database& db, const std::string& id) {
    return db.transaction([&](Connection& c) -> Status {
      DL_ASSIGN_OR_RETURN(Row current, Repo::find(c, id));
      return Repo::remove(c, current);
    });
  }
};

}  // namespace deltalabs::content
