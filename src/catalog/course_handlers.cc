#include "catalog/course_handlers.h"

#include <boost/json.hpp>
#include <charconv>

#include "catalog/catalog_shapes.h"
#include "core/uuid.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::catalog {

namespace {

constexpr std::int64_t kMaxPriceMinor = 1'000'000'000'000;

// What POST and PATCH /v1/courses read; input() makes the service's CourseInput.
struct CourseBody {
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> description;
  std::optional<std::string> category_id;
  std::optional<std::string> level_id;
  std::optional<std::string> language;
  std::optional<std::int64_t> price_minor;                  // price.amount_minor
  std::optional<std::string> currency;                      // price.currency
  std::optional<std::optional<std::int64_t>> max_students;  // sent, possibly null
  std::optional<std::vector<std::string>> instructor_ids;

  CourseInput input() const {
    CourseInput in{.title = title,
                   .subtitle = subtitle,
                   .description = description,
                   .category_id = category_id,
                   .level_id = level_id,
                   .language = language,
                   .set_max_students = max_students.has_value(),
                   .max_students = max_students.value_or(std::nullopt),
                   .instructor_ids = instructor_ids};
    if (price_minor) in.price = Money{*price_minor, currency.value_or("")};
    return in;
  }
};

BodySchema course_schema(bool create) {
  BodySchema price{field::integer("amount_minor")
                       .range(0, kMaxPriceMinor)
                       .required()
                       .into(&CourseBody::price_minor),
                   field::string("currency", 3)
                       .length(3, 3)
                       .required()
                       .describe("ISO 4217, e.g. USD")
                       .into(&CourseBody::currency)};
  std::vector<FieldSpec> fields = {
      field::string("title", 200).length(1, 200).into(&CourseBody::title),
      field::string("subtitle", 300).into(&CourseBody::subtitle),
      field::string("description", 20000).length(1, 20000).into(&CourseBody::description),
      field::uuid("category_id").into(&CourseBody::category_id),
      field::uuid("level_id").into(&CourseBody::level_id),
      field::string("language", 16)
          .length(2, 16)
          .describe("a language tag, e.g. en")
          .into(&CourseBody::language),
      field::object("price", price),
      field::integer("max_students")
          .range(1, 1'000'000)
          .nullable()
          .describe("null: no cap")
          .into(&CourseBody::max_students),
      field::array("instructor_ids", field::uuid("instructor_id"), 20)
          .into(&CourseBody::instructor_ids),
  };
  if (create) {
    for (auto& f : fields) {
      if (f.name == "title" || f.name == "description" || f.name == "category_id" ||
          f.name == "level_id" || f.name == "price") {
        f.required();
      }
    }
  }
  return BodySchema(std::move(fields));
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& course_body(bool create) {
  static const BodySchema for_create = course_schema(true), for_update = course_schema(false);
  return create ? for_create : for_update;
}

Result<CourseSort> parse_sort(const std::optional<std::string>& text) {
  if (!text || *text == "newest") return CourseSort::kNewest;
  if (*text == "relevance") return CourseSort::kRelevance;
  if (*text == "popular") return CourseSort::kPopular;
  if (*text == "price") return CourseSort::kPrice;
  return Error::invalid("The query is not valid.",
                        {{"sort", "must be relevance, newest, popular or price"}});
}

Result<CourseQuery> course_query(const http::Request& req) {
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
  const http::RouteGroup g(router, "Catalog");
  const http::RouteGroup anyone = g.with(http::Access::kPublic);
  anyone.add(
      {.method = http::Method::kGet,
       .path = "/v1/courses",
       .handler = [&courses, &cursors](http::Request& req) -> Result<http::Response> {
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
       .returns = http::schema::page_of(course_shape()),
       .shared_cache = true});

  g.create({.path = "/v1/courses",
            .summary = "Create a draft course; instructors default to the caller's own profile",
            .permission = "courses:create",
            .body = http::json_body(course_body(/*create=*/true)),
            .responses = {201}},
           course_shape(),
           http::call(courses, &CourseService::create, http::body_field(&CourseBody::input)),
           "/v1/courses/");

  g.get({.path = "/v1/courses/:id",
         .summary =
             "One course; drafts only for their instructors and catalog editors (404 otherwise)",
         .access = http::Access::kOptionalAuth,
         .responses = {200, 404},
         .shared_cache = true},
        course_shape(), http::call(courses, &CourseService::get, http::id));

  g.patch(
      {.path = "/v1/courses/:id",
       .summary = "Change a course (its instructors or courses:update); status changes "
                  "through publish and DELETE",
       .permission = "courses:update",
       .body = http::json_body(course_body(/*create=*/false)),
       .responses = {200, 403, 404, 409}},
      course_shape(),
      http::call(courses, &CourseService::update, http::id, http::body_field(&CourseBody::input)));

  g.del({.path = "/v1/courses/:id",
         .summary = "Archive a course (draft or published -> archived); it leaves the catalog",
         .permission = "courses:delete",
         .responses = {204, 403, 404, 409}},
        http::call(courses, &CourseService::archive, http::id));

  g.post({.path = "/v1/courses/:id/publish",
          .summary = "Publish a draft; 409 COURSE_HAS_NO_CONTENT without a section holding an item",
          .permission = "courses:publish",
          .responses = {200, 403, 404, 409}},
         course_shape(), http::call(courses, &CourseService::publish, http::id));
}

}  // namespace deltalabs::catalog
