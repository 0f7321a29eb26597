#include "content/material_handlers.h"

#include <boost/json.hpp>

#include "content/content_json.h"
#include "http/collection_routes.h"
#include "http/json_fields.h"
#include "http/path_param.h"

namespace deltalabs::content {

namespace {

using http::Request;

constexpr const char* kTag = "Content";

// The common part of a course's attached collection: visible with the course, written by its
// editors.
template <class T>
http::CollectionRoutes<T> course_collection(std::string suffix, std::string noun) {
  http::CollectionRoutes<T> spec;
  spec.path = "/v1/courses/:id/" + suffix;
  spec.noun = std::move(noun);
  spec.tag = kTag;
  spec.list_access = http::Access::kOptionalAuth;
  spec.create_permission = "courses:update";
  spec.location = [suffix](const T& t) { return "/v1/courses/" + t.course_id + "/" + suffix; };
  spec.create_responses = {201, 403, 404};
  return spec;
}

}  // namespace

void register_material_routes(http::Router& router, CourseMaterialService& materials,
                              const CursorCodec& cursors) {
  auto supplements = course_collection<Supplement>("supplements", "course supplement");
  supplements.list = [&materials](Request& req, const PageRequest& page) {
    return materials.supplements(req.caller(), http::path_param(req), page);
  };
  supplements.create = [&materials](Request& req) {
    const auto& b = req.json.as_object();
    return materials.add_supplement(
        req.caller(), http::path_param(req),
        {http::required_string(b, "kind"), http::required_string(b, "title"),
         http::optional_string(b, "url"), http::optional_json_text(b, "body").value_or("{}")});
  };
  supplements.shape = &supplement_shape();
  supplements.body = BodySchema{field::string("kind", 20)
                                    .one_of({"book", "doc", "slides", "video_link", "generated"})
                                    .required(),
                                field::string("title", 200).length(1, 200).required(),
                                field::string("url", 2000), field::any_object("body")};
  http::register_collection(router, cursors, std::move(supplements));

  auto resources = course_collection<Resource>("resources", "course resource");
  resources.list = [&materials](Request& req, const PageRequest& page) {
    return materials.resources(req.caller(), http::path_param(req), page);
  };
  resources.create = [&materials](Request& req) {
    const auto& b = req.json.as_object();
    const auto& price = b.at("price").as_object();
    return materials.add_resource(
        req.caller(), http::path_param(req),
        {http::required_string(b, "title"), http::optional_string(b, "description").value_or(""),
         http::required_string(b, "mode"), http::optional_int(price, "amount_minor").value_or(0),
         http::required_string(price, "currency"), http::optional_int(b, "stock").value_or(0)});
  };
  resources.shape = &resource_shape();
  resources.body = BodySchema{
      field::string("title", 200).length(1, 200).required(), field::string("description", 5000),
      field::string("mode", 10).one_of({"purchase", "rent"}).required(),
      field::object(
          "price", BodySchema{field::integer("amount_minor").range(0, 1'000'000'000'000).required(),
                              field::string("currency", 3).length(3, 3).required()})
          .required(),
      field::integer("stock").range(0, 1'000'000)};
  http::register_collection(router, cursors, std::move(resources));
}

}  // namespace deltalabs::content
