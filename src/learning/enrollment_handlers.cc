#include "learning/enrollment_handlers.h"

#include "core/uuid.h"
#include "http/path_param.h"
#include "http/route_group.h"
#include "learning/learning_shapes.h"
#include "learning/step_progress_body.h"

namespace deltalabs::learning {

namespace {

const BodySchema& enrollment_body() {
  static const BodySchema schema{
      field::uuid("course_id")
          .describe("the course to enroll in (or super_course_id)")
          .into(&EnrollmentRequest::course_id),
      field::uuid("super_course_id")
          .describe("enrolls in every course of the super-course")
          .into(&EnrollmentRequest::super_course_id),
      field::uuid("user_id")
          .describe("someone else to enroll (course managers only)")
          .into(&EnrollmentRequest::user_id),
      field::string("member_role", 16)
          .one_of({"student", "ta", "instructor"})
          .describe("student by default; ta and instructor for course managers only")
          .into(&EnrollmentRequest::member_role)};
  return schema;
}

const BodySchema& item_progress_body() {
  static const BodySchema schema = step_progress_body("content_item_id", "an item of the course");
  return schema;
}

Result<http::Response> enroll(EnrollmentService& enrollments, http::Request& req) {
  const auto request = http::body_as<EnrollmentRequest>(req);
  if (request.course_id.has_value() == request.super_course_id.has_value()) {
    return Error::invalid("The request body is not valid.",
                          {{"course_id", "send exactly one of course_id and super_course_id"}});
  }
  if (request.super_course_id) {
    DL_ASSIGN_OR_RETURN(auto result, enrollments.enroll_in_super_course(req.caller(), request));
    return http::Response::json(201, super_course_enrollment_shape().render(result));
  }
  DL_ASSIGN_OR_RETURN(Enrollment e, enrollments.enroll(req.caller(), request));
  return http::Response::json(201, enrollment_shape().render(e))
      .header("Location", "/v1/enrollments/" + e.id);
}

Result<std::optional<std::string>> status_filter(const http::Request& req) {
  auto status = req.query("status");
  if (!status || *status == "active" || *status == "completed" || *status == "cancelled")
    return status;
  return Error::invalid("The query is not valid.",
                        {{"status", "must be one of active, completed, cancelled"}});
}

}  // namespace

void register_enrollment_routes(http::Router& router, EnrollmentService& enrollments,
                                ProgressService& progress, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Learning");
  g.add({.method = http::Method::kPost,
         .path = "/v1/enrollments",
         .handler = [&enrollments](http::Request& req) { return enroll(enrollments, req); },
         .summary = "Enroll in a published course (or every course of a super-course); 402 "
                    "PAYMENT_REQUIRED for paid courses, 409 ALREADY_ENROLLED or COURSE_FULL",
         .body = http::json_body(enrollment_body()),
         .responses = {201, 402, 403, 404, 409},
         .returns = http::schema::tagged_union(
             "kind", {{kEnrollmentKind, &enrollment_shape()},
                      {kSuperCourseEnrollmentKind, &super_course_enrollment_shape()}}),
         .idempotency = http::Idempotency::kOptional});

  g.list({.path = "/v1/enrollments",
          .summary = "My enrollments, newest first, with course title and progress percent",
          .query = {{.name = "status",
                     .description = "active, completed or cancelled",
                     .allowed = {"active", "completed", "cancelled"}}}},
         enrollment_shape(),
         [&enrollments](http::Request& req, const PageRequest& page) -> Result<Page<Enrollment>> {
           DL_ASSIGN_OR_RETURN(auto status, status_filter(req));
           return enrollments.list_mine(req.caller(), status, page);
         });

  g.get({.path = "/v1/enrollments/:id",
         .summary = "One enrollment: its learner's own, or any of a course one manages",
         .responses = {200, 404}},
        enrollment_shape(), http::call(enrollments, &EnrollmentService::get, http::id));

  g.post({.path = "/v1/enrollments/:id/cancel",
          .summary = "Cancel an enrollment and free its seat (its learner or the course's "
                     "managers); progress is kept for a later re-enrollment",
          .responses = {200, 404, 409}},
         enrollment_shape(), http::call(enrollments, &EnrollmentService::cancel, http::id));

  g.get({.path = "/v1/enrollments/:id/progress",
         .summary = "Progress of an enrollment: derived percent and the items touched",
         .responses = {200, 404}},
        progress_shape(), http::call(progress, &ProgressService::get, http::id));

  g.patch({.path = "/v1/enrollments/:id/progress",
           .summary = "Record that the enrolled learner started or completed an item; "
                      "percent is derived, never sent; progress never moves backwards",
           .body = http::json_body(item_progress_body()),
           .responses = {200, 403, 404, 409}},
          progress_shape(), [&progress](http::Request& req) {
            const auto in = http::body_as<StepProgressInput>(req);
            return progress.update(req.caller(), http::path_param(req), canonical_id(in.step_id),
                                   in.status);
          });

  g.list({.path = "/v1/courses/:id/members",
          .summary = "Members of a course and their course roles (members and the "
                     "course's managers only)",
          .responses = {200, 403, 404}},
         member_shape(), http::call(enrollments, &EnrollmentService::members, http::id));
}

}  // namespace deltalabs::learning
