#pragma once

#include "http/request_scope.h"
#include "storage/database.h"

namespace deltalabs {

// Gives each request one database read scope: on SQLite its reads share one
// connection and one WAL read transaction (see docs/decisions/0008).
class ReadSnapshotScope final : public http::RequestScope {
 public:
  explicit ReadSnapshotScope(Database& db) : db_(db) {}

  // Opens the calling thread's read scope.
  void enter() override { db_.open_read_scope(); }
  // Closes it, ending its snapshot.
  void leave() override { db_.close_read_scope(); }

 private:
  Database& db_;
};

}  // namespace deltalabs
