#pragma once

#include "http/request_scope.h"
#include "http/route.h"
#include "storage/database.h"

namespace deltalabs {

// Gives each request one database read scope: on SQLite its reads share one
// connection and one WAL read transaction (see docs/decisions/0008).
// Blocking routes (password hashing) get none: they would hold the scope's
// connection through long CPU work, and they are not where per-request
// overhead matters.
class ReadSnapshotScope final : public http::RequestScope {
 public:
  explicit ReadSnapshotScope(Database& db) : db_(db) {}

  // Opens the calling thread's read scope.
  void enter(const http::Request& req) override {
    if (!req.route->blocking) db_.open_read_scope();
  }
  // Closes it, ending its snapshot.
  void leave(const http::Request& req) override {
    if (!req.route->blocking) db_.close_read_scope();
  }

 private:
  Database& db_;
};

}  // namespace deltalabs
