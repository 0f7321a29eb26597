#include "catalog/reference_handlers.h"

#include <algorithm>
#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/collection_routes.h"
#include "http/route_group.h"

namespace deltalabs::catalog {

namespace {

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
  return {
      .path = path,
      .noun = std::move(noun),
      .create_permission = "catalog:manage",
      .list = [&service](http::Request&, const PageRequest& page) { return service.list(page); },
      .create = http::call(service, &ReferenceService::create, http::body_as<ReferenceInput>),
      .shape = &reference_shape(),
      .location = [path](const ReferenceEntry& e) { return path + "/" + e.id; },
      .body = reference_body(),
      .create_responses = {201, 409}};
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
  const http::RouteGroup g(router, cursors, "Catalog");
  g.collection(reference_routes(categories, "/v1/course-categories", "course category"));
  g.collection(reference_routes(levels, "/v1/course-levels", "course level"));
  g.collection(http::CollectionRoutes<Instructor>{
      .path = "/v1/instructors",
      .noun = "instructor profile",
      .create_permission = "catalog:manage",
      .list = [&instructors](http::Request&,
                             const PageRequest& page) { return instructors.list(page); },
      .create =
          [&instructors](http::Request& req) {
            auto in = http::body_as<InstructorInput>(req);
            in.user_id = lower(in.user_id);
            return instructors.create(req.caller(), in);
          },
      .shape = &instructor_shape(),
      .location = [](const Instructor& i) { return "/v1/instructors/" + i.id; },
      .body = instructor_body(),
      .create_responses = {201, 403, 409}});
}

}  // namespace deltalabs::catalog
