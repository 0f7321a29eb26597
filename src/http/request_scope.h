#pragma once

namespace deltalabs::http {

// What the pipeline brackets every routed request with, on the thread that
// runs the request (the application opens a database read snapshot).
class RequestScope {
 public:
  virtual ~RequestScope() = default;
  // Called before authentication and the handler.
  virtual void enter() = 0;
  // Called after the handler, also when it failed or threw.
  virtual void leave() = 0;
};

}  // namespace deltalabs::http
