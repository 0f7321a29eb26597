#include "catalog/reference_handlers.h"

#include <algorithm>
#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/collection_routes.h"

namespace deltalabs::catalog {

namespace {

constexpr const char* kTag = "Catalog";

const BodySchema& reference_body() {
  static const BodySchema schema{
      field::string("slug", 64)
          .length(1, 64)
          .required()
          .describe("a-z, 0-9, '-' and '_'")
          .into(&ReferenceInput::slug),
      field::string("name", 120).length(1, 120).required().into(&ReferenceInput::name),
      field::string("description", 2000).into(&ReferenceInput::description)};
  return schema;
}

const BodySchema& instructor_body() {
  static const BodySchema schema{field::uuid("user_id").required().into(&InstructorInput::user_id),
                                 field::string("headline", 200).into(&InstructorInput::headline),
                                 field::string("bio", 5000).into(&InstructorInput::bio)};
  return schema;
}

http::CollectionRoutes<ReferenceEntry> reference_routes(ReferenceService& service, std::string path,
                                                        std::string noun) {
  http::CollectionRoutes<ReferenceEntry> spec;
  spec.path = std::move(path);
  spec.location = [base = spec.path](const ReferenceEntry& e) { return base + "/" + e.id; };
  spec.noun = std::move(noun);
  spec.tag = kTag;
  spec.create_permission = "catalog:manage";
  spec.list = [&service](http::Request&, const PageRequest& page) { return service.list(page); };
  spec.create = [&service](http::Request& req) {
    return service.create(req.caller(), reference_body().read<ReferenceInput>(req.json));
  };
  spec.shape = &reference_shape();
  spec.body = reference_body();
  spec.create_responses = {201, 409};
  return spec;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

}  // namespace

void register_reference_routes(http::Router& router, ReferenceService& categories,
                               ReferenceService& levels, InstructorService& instructors,
                               const CursorCodec& cursors) {
  http::register_collection(
      router, cursors, reference_routes(categories, "/v1/course-categories", "course category"));
  http::register_collection(router, cursors,
                            reference_routes(levels, "/v1/course-levels", "course level"));

  http::CollectionRoutes<Instructor> spec;
  spec.path = "/v1/instructors";
  spec.noun = "instructor profile";
  spec.tag = kTag;
  spec.create_permission = "catalog:manage";
  spec.list = [&instructors](http::Request&, const PageRequest& page) {
    return instructors.list(page);
  };
  spec.create = [&instructors](http::Request& req) {
    auto in = instructor_body().read<InstructorInput>(req.json);
    in.user_id = lower(in.user_id);
    return instructors.create(req.caller(), in);
  };
  spec.shape = &instructor_shape();
  spec.location = [](const Instructor& i) { return "/v1/instructors/" + i.id; };
  spec.body = instructor_body();
  spec.create_responses = {201, 403, 409};
  http::register_collection(router, cursors, std::move(spec));
}

}  // namespace deltalabs::catalog
