#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request_scope.h"
#include "http/router.h"
#include "storage/replica_routing_database.h"

namespace deltalabs {

// Routes a request's reads between the primary and a read replica (decision
// 0029, "Read routing"), around the read snapshot scope it wraps. The GETs
// named stale-ok may read the replica; the client's last write travels in the
// `dl_wlsn` cookie (the primary's WAL position after it), which every write
// answer sets and which keeps the client's reads on the primary, on whatever
// instance they land, until the replica has replayed that position.
class ReplicaReadScope final : public http::RequestScope {
 public:
  // The cookie that carries a client's last write position.
  static constexpr std::string_view kCookie = "dl_wlsn";

  // `stale_ok_paths`: path templates of GET routes registered on `router`
  // whose answers may be slightly stale. `cookie_age`: how long a client keeps
  // its write position (longer than the replica's allowed lag).
  ReplicaReadScope(http::RequestScope& inner, ReplicaRoutingDatabase& db,
                   const http::Router& router, const std::vector<std::string>& stale_ok_paths,
                   std::chrono::seconds cookie_age);

  // Enters the wrapped scope, then starts routing for the request.
  void enter(const http::Request& req) override;
  // Ends routing (if answered() did not), then leaves the wrapped scope.
  void leave(const http::Request& req) override;
  // Sets the cookie on a successful answer that wrote.
  void answered(const http::Request& req, Result<http::Response>& answer) override;
  // True for a server error of a request that read the replica, which is then
  // skipped (back-off) so that the second run reads the primary.
  bool run_again(const http::Request& req, const Result<http::Response>& answer) override;

  // The position a Cookie header carries in `dl_wlsn`, if any and well formed.
  static std::optional<Lsn> client_lsn(std::string_view cookie_header);

 private:
  bool stale_ok(const http::Request& req) const;

  http::RequestScope& inner_;
  ReplicaRoutingDatabase& db_;
  std::vector<const http::Route*> stale_ok_;
  std::string cookie_suffix_;  // "; Path=/; Max-Age=…"
};

}  // namespace deltalabs
