#include "content/material_handlers.h"

#include <string>

#include "content/content_shapes.h"
#include "http/collection_routes.h"
#include "http/route_group.h"

namespace deltalabs::content {

namespace {

constexpr const char* kTag = "Content";

// The common part of a course's attached collection at `path`
// (/v1/courses/:id/...): visible with the course, written by its editors.
template <class T>
http::CollectionRoutes<T> course_collection(std::string path, std::string noun) {
  http::CollectionRoutes<T> spec;
  spec.path = std::move(path);
  spec.noun = std::move(noun);
  spec.tag = kTag;
  spec.list_access = http::Access::kOptionalAuth;
  spec.create_permission = "courses:update";
  spec.location = [path = spec.path](const T& t) {
    std::string location = path;
    return location.replace(location.find(":id"), 3, t.course_id);
  };
  spec.create_responses = {201, 403, 404};
  return spec;
}

const BodySchema& supplement_body() {
  static const BodySchema schema{
      field::string("kind", 20)
          .one_of({"book", "doc", "slides", "video_link", "generated"})
          .required()
          .into(&SupplementInput::kind),
      field::string("title", 200).length(1, 200).required().into(&SupplementInput::title),
      field::string("url", 2000).into(&SupplementInput::url),
      field::any_object("body").into(&SupplementInput::body)};
  return schema;
}

const BodySchema& resource_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&ResourceInput::title),
      field::string("description", 5000).into(&ResourceInput::description),
      field::string("mode", 10).one_of({"purchase", "rent"}).required().into(&ResourceInput::mode),
      field::object("price", BodySchema{field::integer("amount_minor")
                                            .range(0, 1'000'000'000'000)
                                            .required()
                                            .into(&ResourceInput::price_amount_minor),
                                        field::string("currency", 3)
                                            .length(3, 3)
                                            .required()
                                            .into(&ResourceInput::price_currency)})
          .required(),
      field::integer("stock").range(0, 1'000'000).into(&ResourceInput::stock)};
  return schema;
}

}  // namespace

void register_material_routes(http::Router& router, CourseMaterialService& materials,
                              const CursorCodec& cursors) {
  auto supplements =
      course_collection<Supplement>("/v1/courses/:id/supplements", "course supplement");
  supplements.list = http::call(materials, &CourseMaterialService::supplements, http::id);
  supplements.create = http::call(materials, &CourseMaterialService::add_supplement, http::id,
                                  http::body_as<SupplementInput>);
  supplements.shape = &supplement_shape();
  supplements.body = supplement_body();
  http::register_collection(router, cursors, std::move(supplements));

  auto resources = course_collection<Resource>("/v1/courses/:id/resources", "course resource");
  resources.list = http::call(materials, &CourseMaterialService::resources, http::id);
  resources.create = http::call(materials, &CourseMaterialService::add_resource, http::id,
                                http::body_as<ResourceInput>);
  resources.shape = &resource_shape();
  resources.body = resource_body();
  http::register_collection(router, cursors, std::move(resources));
}

}  // namespace deltalabs::content
