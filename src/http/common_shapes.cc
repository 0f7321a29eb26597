#include "http/common_shapes.h"

#include "http/shape_fields.h"

namespace deltalabs::http {

DL_JSON_SHAPE(accepted_shape, Accepted, "Accepted",
              {{"status", schema::one_of({"accepted"}),
                [](const Accepted&) { return boost::json::value("accepted"); }}})

}  // namespace deltalabs::http
