#include "content/super_course_handlers.h"

#include "content/content_shapes.h"
#include "http/collection_routes.h"
#include "http/route_group.h"

namespace deltalabs::content {

namespace {

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
  const http::RouteGroup g(router, cursors, "Content");
  g.collection(http::CollectionRoutes<SuperCourse>{
      .path = "/v1/super-courses",
      .noun = "super-course",
      .create_permission = "courses:create",
      .list = [&super_courses](http::Request&,
                               const PageRequest& page) { return super_courses.list(page); },
      .create =
          http::call(super_courses, &SuperCourseService::create, http::body_as<SuperCourseInput>),
      .shape = &super_course_shape(),
      .location = [](const SuperCourse& c) { return "/v1/super-courses/" + c.id; },
      .body = super_course_body(/*create=*/true),
      .create_responses = {201, 403}});

  g.get({.path = "/v1/super-courses/:id",
         .summary = "One super-course; drafts only for their creator and catalog editors "
                    "(404 otherwise)",
         .access = http::Access::kOptionalAuth,
         .responses = {200, 404}},
        super_course_shape(), http::call(super_courses, &SuperCourseService::get, http::id));

  g.patch({.path = "/v1/super-courses/:id",
           .summary = "Change a super-course's title or description (its creator or "
                      "courses:update)",
           .permission = "courses:update",
           .body = http::json_body(super_course_body(/*create=*/false)),
           .responses = {200, 403, 404}},
          super_course_shape(),
          http::call(super_courses, &SuperCourseService::update, http::id,
                     http::body_as<SuperCourseInput>));

  g.post({.path = "/v1/super-courses/:id/publish",
          .summary = "Publish a draft super-course; 409 SUPER_COURSE_HAS_NO_SECTIONS when empty",
          .permission = "courses:update",
          .responses = {200, 403, 404, 409}},
         super_course_shape(), http::call(super_courses, &SuperCourseService::publish, http::id));

  g.collection(http::CollectionRoutes<SuperCourseSection>{
      .path = "/v1/super-courses/:id/sections",
      .noun = "super-course section",
      .list_access = http::Access::kOptionalAuth,
      .create_permission = "courses:update",
      .list = http::call(super_courses, &SuperCourseService::sections, http::id),
      .create = http::call(super_courses, &SuperCourseService::add_section, http::id,
                           http::body_field(&SuperCourseSectionBody::section_id)),
      .shape = &super_course_section_shape(),
      .location =
          [](const SuperCourseSection& s) {
            return "/v1/super-courses/" + s.super_course_id + "/sections";
          },
      .body = super_course_section_body(),
      .create_responses = {201, 403, 404, 409}});
}

}  // namespace deltalabs::content
