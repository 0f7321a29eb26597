#pragma once

#include "http/json_shape.h"

namespace deltalabs::http {

// An acknowledgement that carries nothing but that it was received.
struct Accepted {};

// {"status": "accepted"}: work was queued (202), whatever its outcome will be.
const JsonShape<Accepted>& accepted_shape();

}  // namespace deltalabs::http
