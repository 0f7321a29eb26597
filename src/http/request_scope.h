#pragma once

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"

namespace deltalabs::http {

// What the pipeline brackets every routed request with, on the thread that
// runs the request (the application opens a database read snapshot, and
// routes stale-ok reads to a read replica).
class RequestScope {
 public:
  virtual ~RequestScope() = default;
  // Called before authentication and the handler; `req.route` is set.
  virtual void enter(const Request& req) = 0;
  // Called after the handler, also when it failed or threw.
  virtual void leave(const Request& req) = 0;
  // Called after the handler answered, before leave(): may add headers.
  virtual void answered(const Request& /*req*/, Result<Response>& /*answer*/) {}
  // Whether a request whose answer was a server error should run once more
  // (in a new scope): true when it read a source that failed and is now skipped.
  virtual bool run_again(const Request& /*req*/, const Result<Response>& /*answer*/) {
    return false;
  }
};

}  // namespace deltalabs::http
