#include "http/common_shapes.h"

namespace deltalabs::http {

const JsonShape<Accepted>& accepted_shape() {
  static const JsonShape<Accepted> shape(
      "Accepted", {{"status", schema::one_of({"accepted"}),
                    [](const Accepted&) { return boost::json::value("accepted"); }}});
  return shape;
}

}  // namespace deltalabs::http
