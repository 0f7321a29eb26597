#include "content/super_course_handlers.h"

#include <boost/json.hpp>

#include "content/content_json.h"
#include "http/collection_routes.h"
#include "http/json_fields.h"
#include "http/path_param.h"

namespace deltalabs::content {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Content";

std::vector<FieldSpec> super_course_fields(bool create) {
  FieldSpec title = field::string("title", 200).length(1, 200);
  FieldSpec description = field::string("description", 20000);
  if (create) title.required();
  return {title, description};
}

SuperCourseInput super_course_input(const boost::json::object& b) {
  return {http::optional_string(b, "title"), http::optional_string(b, "description")};
}

}  // namespace

void register_super_course_routes(http::Router& router, SuperCourseService& super_courses,
                                  const CursorCodec& cursors) {
  http::CollectionRoutes<SuperCourse> list;
  list.path = "/v1/super-courses";
  list.noun = "super-course";
  list.tag = kTag;
  list.create_permission = "courses:create";
  list.list = [&super_courses](Request&, const PageRequest& page) {
    return super_courses.list(page);
  };
  list.create = [&super_courses](Request& req) {
    return super_courses.create(req.caller(), super_course_input(req.json.as_object()));
  };
  list.shape = &super_course_shape();
  list.location = [](const SuperCourse& c) { return "/v1/super-courses/" + c.id; };
  list.body = BodySchema(super_course_fields(true));
  list.create_responses = {201, 403};
  http::register_collection(router, cursors, std::move(list));

  router.add(
      {.method = Method::kGet,
       .path = "/v1/super-courses/:id",
       .handler = [&super_courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(SuperCourse c, super_courses.get(req.caller(), http::path_param(req)));
         return Response::json(200, super_course_shape().render(c));
       },
       .summary =
           "One super-course; drafts only for their creator and catalog editors (404 otherwise)",
       .tag = kTag,
       .access = Access::kOptionalAuth,
       .responses = {200, 404},
       .returns = http::schema::ref(super_course_shape())});

  router.add(
      {.method = Method::kPatch,
       .path = "/v1/super-courses/:id",
       .handler = [&super_courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(SuperCourse c,
                             super_courses.update(req.caller(), http::path_param(req),
                                                  super_course_input(req.json.as_object())));
         return Response::json(200, super_course_shape().render(c));
       },
       .summary = "Change a super-course's title or description (its creator or courses:update)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "courses:update",
       .body = http::json_body(BodySchema(super_course_fields(false))),
       .responses = {200, 403, 404},
       .returns = http::schema::ref(super_course_shape())});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/super-courses/:id/publish",
       .handler = [&super_courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(SuperCourse c,
                             super_courses.publish(req.caller(), http::path_param(req)));
         return Response::json(200, super_course_shape().render(c));
       },
       .summary = "Publish a draft super-course; 409 SUPER_COURSE_HAS_NO_SECTIONS when empty",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "courses:update",
       .responses = {200, 403, 404, 409},
       .returns = http::schema::ref(super_course_shape())});

  http::CollectionRoutes<SuperCourseSection> sections;
  sections.path = "/v1/super-courses/:id/sections";
  sections.noun = "super-course section";
  sections.tag = kTag;
  sections.list_access = Access::kOptionalAuth;
  sections.create_permission = "courses:update";
  sections.list = [&super_courses](Request& req, const PageRequest& page) {
    return super_courses.sections(req.caller(), http::path_param(req), page);
  };
  sections.create = [&super_courses](Request& req) {
    return super_courses.add_section(req.caller(), http::path_param(req),
                                     http::required_string(req.json.as_object(), "section_id"));
  };
  sections.shape = &super_course_section_shape();
  sections.location = [](const SuperCourseSection& s) {
    return "/v1/super-courses/" + s.super_course_id + "/sections";
  };
  sections.body = BodySchema{
      field::uuid("section_id").required().describe("a section of a course you can see")};
  sections.create_responses = {201, 403, 404, 409};
  http::register_collection(router, cursors, std::move(sections));
}

}  // namespace deltalabs::content
