#include "learning/enrollment_handlers.h"

#include "core/uuid.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "learning/learning_json.h"
#include "learning/step_progress_body.h"

namespace deltalabs::learning {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Learning";

BodySchema enrollment_body() {
  return BodySchema{
      field::uuid("course_id").describe("the course to enroll in (or super_course_id)"),
      field::uuid("super_course_id").describe("enrolls in every course of the super-course"),
      field::uuid("user_id").describe("someone else to enroll (course managers only)"),
      field::string("member_role", 16)
          .one_of({"student", "ta", "instructor"})
          .describe("student by default; ta and instructor for course managers only")};
}

EnrollmentRequest enrollment_request(const boost::json::object& body) {
  return {http::optional_string(body, "course_id"), http::optional_string(body, "super_course_id"),
          http::optional_string(body, "user_id"), http::optional_string(body, "member_role")};
}

Result<Response> enroll(EnrollmentService& enrollments, Request& req) {
  const EnrollmentRequest request = enrollment_request(req.json.as_object());
  if (request.course_id.has_value() == request.super_course_id.has_value()) {
    return Error::invalid("The request body is not valid.",
                          {{"course_id", "send exactly one of course_id and super_course_id"}});
  }
  if (request.super_course_id) {
    DL_ASSIGN_OR_RETURN(auto result, enrollments.enroll_in_super_course(req.caller(), request));
    return Response::json(201, super_course_enrollment_shape().render(result));
  }
  DL_ASSIGN_OR_RETURN(Enrollment e, enrollments.enroll(req.caller(), request));
  return Response::json(201, enrollment_shape().render(e))
      .header("Location", "/v1/enrollments/" + e.id);
}

Result<std::optional<std::string>> status_filter(const Request& req) {
  auto status = req.query("status");
  if (!status || *status == "active" || *status == "completed" || *status == "cancelled")
    return status;
  return Error::invalid("The query is not valid.",
                        {{"status", "must be one of active, completed, cancelled"}});
}

}  // namespace

void register_enrollment_routes(http::Router& router, EnrollmentService& enrollments,
                                ProgressService& progress, const CursorCodec& cursors) {
  router.add({.method = Method::kPost,
              .path = "/v1/enrollments",
              .handler = [&enrollments](Request& req) { return enroll(enrollments, req); },
              .summary = "Enroll in a published course (or every course of a super-course); "
                         "402 PAYMENT_REQUIRED for paid courses, 409 ALREADY_ENROLLED or "
                         "COURSE_FULL",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(enrollment_body()),
              .responses = {201, 402, 403, 404, 409},
              .returns = http::schema::tagged_union(
                  "kind", {{kEnrollmentKind, &enrollment_shape()},
                           {kSuperCourseEnrollmentKind, &super_course_enrollment_shape()}}),
              .idempotency = http::Idempotency::kOptional});

  router.add({.method = Method::kGet,
              .path = "/v1/enrollments",
              .handler = [&enrollments, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto status, status_filter(req));
                DL_ASSIGN_OR_RETURN(auto result, enrollments.list_mine(req.caller(), status, page));
                return http::page_response(result, enrollment_shape(), cursors);
              },
              .summary = "My enrollments, newest first, with course title and progress percent",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query({{.name = "status",
                                          .description = "active, completed or cancelled",
                                          .allowed = {"active", "completed", "cancelled"}}}),
              .returns = http::schema::page_of(enrollment_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/enrollments/:id",
              .handler = [&enrollments](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Enrollment e,
                                    enrollments.get(req.caller(), http::path_param(req)));
                return Response::json(200, enrollment_shape().render(e));
              },
              .summary = "One enrollment: its learner's own, or any of a course one manages",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(enrollment_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/enrollments/:id/cancel",
              .handler = [&enrollments](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Enrollment e,
                                    enrollments.cancel(req.caller(), http::path_param(req)));
                return Response::json(200, enrollment_shape().render(e));
              },
              .summary = "Cancel an enrollment and free its seat (its learner or the course's "
                         "managers); progress is kept for a later re-enrollment",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404, 409},
              .returns = http::schema::ref(enrollment_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/enrollments/:id/progress",
              .handler = [&progress](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(ProgressReport r,
                                    progress.get(req.caller(), http::path_param(req)));
                return Response::json(200, progress_shape().render(r));
              },
              .summary = "Progress of an enrollment: derived percent and the items touched",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(progress_shape())});

  router.add(
      {.method = Method::kPatch,
       .path = "/v1/enrollments/:id/progress",
       .handler = [&progress](Request& req) -> Result<Response> {
         const auto& body = req.json.as_object();
         DL_ASSIGN_OR_RETURN(
             ProgressReport r,
             progress.update(req.caller(), http::path_param(req),
                             canonical_id(http::required_string(body, "content_item_id")),
                             http::required_string(body, "status")));
         return Response::json(200, progress_shape().render(r));
       },
       .summary = "Record that the enrolled learner started or completed an item; percent is "
                  "derived, never sent; progress never moves backwards",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(step_progress_body("content_item_id", "an item of the course")),
       .responses = {200, 403, 404, 409},
       .returns = http::schema::ref(progress_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/members",
              .handler = [&enrollments, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    enrollments.members(req.caller(), http::path_param(req), page));
                return http::page_response(result, member_shape(), cursors);
              },
              .summary = "Members of a course and their course roles (members and the course's "
                         "managers only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(member_shape())});
}

}  // namespace deltalabs::learning
