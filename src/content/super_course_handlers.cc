#include "content/super_course_handlers.h"

#include "content/content_shapes.h"
#include "http/collection_routes.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"

namespace deltalabs::content {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Content";

// What POST /v1/super-courses/:id/sections reads.
struct SuperCourseSectionBody {
  std::string section_id;
};

BodySchema super_course_schema(bool create) {
  FieldSpec title = field::string("title", 200).length(1, 200).into(&SuperCourseInput::title);
  FieldSpec description = field::string("description", 20000).into(&SuperCourseInput::description);
  if (create) title.required();
  return BodySchema{title, description};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& super_course_body(bool create) {
  static const BodySchema for_create = super_course_schema(true),
                          for_update = super_course_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& super_course_section_body() {
  static const BodySchema schema{field::uuid("section_id")
                                     .required()
                                     .describe("a section of a course you can see")
                                     .into(&SuperCourseSectionBody::section_id)};
  return schema;
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
    return super_courses.create(
        req.caller(), super_course_body(/*create=*/true).read<SuperCourseInput>(req.json));
  };
  list.shape = &super_course_shape();
  list.location = [](const SuperCourse& c) { return "/v1/super-courses/" + c.id; };
  list.body = super_course_body(/*create=*/true);
  list.create_responses = {201, 403};
  http::register_collection(router, cursors, std::move(list));

  http::get_one(router,
                {.path = "/v1/super-courses/:id",
                 .summary = "One super-course; drafts only for their creator and catalog editors "
                            "(404 otherwise)",
                 .tag = kTag,
                 .access = Access::kOptionalAuth,
                 .responses = {200, 404}},
                super_course_shape(), [&super_courses](Request& req) {
                  return super_courses.get(req.caller(), http::path_param(req));
                });

  http::action(router,
               {.method = Method::kPatch,
                .path = "/v1/super-courses/:id",
                .summary = "Change a super-course's title or description (its creator or "
                           "courses:update)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .permission = "courses:update",
                .body = http::json_body(super_course_body(/*create=*/false)),
                .responses = {200, 403, 404}},
               super_course_shape(), [&super_courses](Request& req) {
                 return super_courses.update(
                     req.caller(), http::path_param(req),
                     super_course_body(/*create=*/false).read<SuperCourseInput>(req.json));
               });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/super-courses/:id/publish",
                .summary = "Publish a draft super-course; 409 SUPER_COURSE_HAS_NO_SECTIONS when "
                           "empty",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .permission = "courses:update",
                .responses = {200, 403, 404, 409}},
               super_course_shape(), [&super_courses](Request& req) {
                 return super_courses.publish(req.caller(), http::path_param(req));
               });

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
    return super_courses.add_section(
        req.caller(), http::path_param(req),
        super_course_section_body().read<SuperCourseSectionBody>(req.json).section_id);
  };
  sections.shape = &super_course_section_shape();
  sections.location = [](const SuperCourseSection& s) {
    return "/v1/super-courses/" + s.super_course_id + "/sections";
  };
  sections.body = super_course_section_body();
  sections.create_responses = {201, 403, 404, 409};
  http::register_collection(router, cursors, std::move(sections));
}

}  // namespace deltalabs::content
