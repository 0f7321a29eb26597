#include "catalog/course_handlers.h"

#include <boost/json.hpp>
#include <charconv>

#include "catalog/catalog_json.h"
#include "core/uuid.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::catalog {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Catalog";
constexpr std::int64_t kMaxPriceMinor = 1'000'000'000'000;

std::vector<FieldSpec> course_fields(bool create) {
  BodySchema price{
      field::integer("amount_minor").range(0, kMaxPriceMinor).required(),
      field::string("currency", 3).length(3, 3).required().describe("ISO 4217, e.g. USD")};
  std::vector<FieldSpec> fields = {
      field::string("title", 200).length(1, 200),
      field::string("subtitle", 300),
      field::string("description", 20000).length(1, 20000),
      field::uuid("category_id"),
      field::uuid("level_id"),
      field::string("language", 16).length(2, 16).describe("a language tag, e.g. en"),
      field::object("price", price),
      field::integer("max_students").range(1, 1'000'000).nullable().describe("null: no cap"),
      field::array("instructor_ids", field::uuid("instructor_id"), 20),
  };
  if (create) {
    for (auto& f : fields) {
      if (f.name == "title" || f.name == "description" || f.name == "category_id" ||
          f.name == "level_id" || f.name == "price") {
        f.required();
      }
    }
  }
  return fields;
}

CourseInput course_input(const boost::json::object& b) {
  CourseInput in;
  in.title = http::optional_string(b, "title");
  in.subtitle = http::optional_string(b, "subtitle");
  in.description = http::optional_string(b, "description");
  in.category_id = http::optional_string(b, "category_id");
  in.level_id = http::optional_string(b, "level_id");
  in.language = http::optional_string(b, "language");
  if (const auto* price = b.if_contains("price"); price != nullptr && price->is_object()) {
    in.price = Money{http::optional_int(price->as_object(), "amount_minor").value_or(0),
                     http::optional_string(price->as_object(), "currency").value_or("")};
  }
  in.set_max_students = http::has_field(b, "max_students");
  in.max_students = http::optional_int(b, "max_students");
  in.instructor_ids = http::optional_strings(b, "instructor_ids");
  return in;
}

Result<CourseSort> parse_sort(const std::optional<std::string>& text) {
  if (!text || *text == "newest") return CourseSort::kNewest;
  if (*text == "relevance") return CourseSort::kRelevance;
  if (*text == "popular") return CourseSort::kPopular;
  if (*text == "price") return CourseSort::kPrice;
  return Error::invalid("The query is not valid.",
                        {{"sort", "must be relevance, newest, popular or price"}});
}

Result<CourseQuery> course_query(const Request& req) {
  CourseQuery q;
  std::vector<FieldError> problems;
  if (auto text = req.query("q"); text && !text->empty()) {
    if (text->size() > 200) {
      problems.push_back({"q", "must be at most 200 characters"});
    } else {
      q.q = std::move(*text);
    }
  }
  q.category = req.query("category");
  q.level = req.query("level");
  q.language = req.query("language");
  q.instructor_id = req.query("instructor_id");
  if (q.instructor_id && !is_uuid(*q.instructor_id))
    problems.push_back({"instructor_id", "must be a UUID"});
  if (auto max = req.query("price_max")) {
    std::int64_t n = -1;
    const auto [ptr, ec] = std::from_chars(max->data(), max->data() + max->size(), n);
    if (ec != std::errc{} || ptr != max->data() + max->size() || n < 0) {
      problems.push_back({"price_max", "must be a non-negative integer amount in minor units"});
    } else {
      q.price_max = n;
    }
  }
  if (auto free = req.query("free")) {
    if (*free == "true" || *free == "false") {
      q.free = *free == "true";
    } else {
      problems.push_back({"free", "must be true or false"});
    }
  }
  // Without an explicit sort, a text query ranks by relevance and a plain listing shows the newest
  // first.
  const auto sort_text = req.query("sort");
  auto sort = parse_sort(sort_text);
  if (!sort.ok()) {
    problems.push_back({"sort", "must be relevance, newest, popular or price"});
  } else {
    q.sort = !sort_text && q.q ? CourseSort::kRelevance : *sort;
  }
  if (!problems.empty()) return Error::invalid("The query is not valid.", std::move(problems));
  return q;
}

}  // namespace

void register_course_routes(http::Router& router, CourseService& courses,
                            const CursorCodec& cursors) {
  router.add(
      {.method = Method::kGet,
       .path = "/v1/courses",
       .handler = [&courses, &cursors](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(CourseQuery query, course_query(req));
         DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
         // Each course is written out as it is read (CourseService::each).
         http::PageBodyWriter<Course> body(course_shape(), page.limit);
         DL_ASSIGN_OR_RETURN(
             std::optional<std::string> next,
             courses.each(query, page, [&](const Course& course) { body.add(course); }));
         return body.finish(next, cursors);
       },
       .summary = "The public catalog: published courses, searched, filtered and sorted",
       .tag = kTag,
       .access = Access::kPublic,
       .query = http::page_query(
           {{"q", "string", "Full-text query over title, subtitle and description"},
            {"category", "string", "Category slug or id"},
            {"level", "string", "Level slug or id"},
            {"instructor_id", "string", "Instructor profile id"},
            {"language", "string", "Language tag, e.g. en"},
            {.name = "price_max",
             .type = "integer",
             .description = "Highest price in minor units",
             .minimum = 0},
            {"free", "boolean", "true: only free courses; false: only paid"},
            {.name = "sort",
             .description = "relevance (default with q), newest (default without), popular, price",
             .allowed = {"relevance", "newest", "popular", "price"}}}),
       .responses = {200},
       .returns = http::schema::page_of(course_shape()),
       .shared_cache = true});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/courses",
       .handler = [&courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(Course c,
                             courses.create(req.caller(), course_input(req.json.as_object())));
         return Response::json(201, course_json(c)).header("Location", "/v1/courses/" + c.id);
       },
       .summary = "Create a draft course; instructors default to the caller's own profile",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "courses:create",
       .body = http::json_body(BodySchema(course_fields(true))),
       .responses = {201},
       .returns = http::schema::ref(course_shape())});

  router.add(
      {.method = Method::kGet,
       .path = "/v1/courses/:id",
       .handler = [&courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(Course c, courses.get(req.caller(), http::path_param(req)));
         return Response::json(200, course_json(c));
       },
       .summary =
           "One course; drafts only for their instructors and catalog editors (404 otherwise)",
       .tag = kTag,
       .access = Access::kOptionalAuth,
       .responses = {200, 404},
       .returns = http::schema::ref(course_shape()),
       .shared_cache = true});

  router.add({.method = Method::kPatch,
              .path = "/v1/courses/:id",
              .handler = [&courses](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Course c, courses.update(req.caller(), http::path_param(req),
                                                             course_input(req.json.as_object())));
                return Response::json(200, course_json(c));
              },
              .summary = "Change a course (its instructors or courses:update); status changes "
                         "through publish and DELETE",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "courses:update",
              .body = http::json_body(BodySchema(course_fields(false))),
              .responses = {200, 403, 404, 409},
              .returns = http::schema::ref(course_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/courses/:id",
              .handler = [&courses](Request& req) -> Result<Response> {
                DL_TRY(courses.archive(req.caller(), http::path_param(req)));
                return Response::no_content();
              },
              .summary = "Archive a course (draft or published -> archived); it leaves the catalog",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "courses:delete",
              .responses = {204, 403, 404, 409}});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/courses/:id/publish",
       .handler = [&courses](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(Course c, courses.publish(req.caller(), http::path_param(req)));
         return Response::json(200, course_json(c));
       },
       .summary = "Publish a draft; 409 COURSE_HAS_NO_CONTENT without a section holding an item",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "courses:publish",
       .responses = {200, 403, 404, 409},
       .returns = http::schema::ref(course_shape())});
}

}  // namespace deltalabs::catalog
