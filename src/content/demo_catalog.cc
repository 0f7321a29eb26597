#include "content/demo_catalog.h"

#include <map>
#include <vector>

namespace deltalabs::content {

namespace {

struct DemoCourse {
  const char* title;
  const char* subtitle;
  const char* description;
  const char* category;
  const char* level;
  std::int64_t price_minor;
  int instructor;  // 0 or 1
  bool publish;
  std::vector<const char*> sections;
};

const std::vector<DemoCourse>& demo_courses() {
  static const std::vector<DemoCourse> courses = {
      {"Python for Absolute Beginners",
       "From print() to small programs",
       "Variables, loops, functions and files, one small exercise at a time.",
       "programming",
       "beginner",
       0,
       0,
       true,
       {"Getting set up", "Values and variables", "Loops and functions"}},
      {"Modern C++ in Practice",
       "C++20 for working engineers",
       "RAII, value semantics, ranges and concurrency with the standard library.",
       "programming",
       "advanced",
       7900,
       0,
       true,
       {"Resource management", "Templates and concepts", "Threads and atomics"}},
      {"Rust Systems Programming",
       "Ownership without fear",
       "Borrowing, lifetimes, traits and async Rust for services.",
       "programming",
       "intermediate",
       5900,
       1,
       true,
       {"Ownership", "Traits", "Async"}},
      {"Web APIs with HTTP and JSON",
       "Design, versioning, errors",
       "Resource design, pagination, problem details and idempotency.",
       "programming",
       "intermediate",
       3900,
       1,
       true,
       {"Resources and verbs", "Errors and validation"}},
      {"SQL from the Ground Up",
       "Queries that scale",
       "Joins, indexes, transactions and reading query plans on PostgreSQL and SQLite.",
       "data-science",
       "beginner",
       0,
       0,
       true,
       {"Selecting data", "Joins", "Indexes and plans"}},
      {"Statistics for Data Science",
       "Intuition before formulas",
       "Distributions, estimation, testing and regression with real data sets.",
       "data-science",
       "intermediate",
       4900,
       1,
       true,
       {"Describing data", "Inference", "Regression"}},
      {"Machine Learning Foundations",
       "Models you can explain",
       "Linear models, trees, validation and the bias-variance trade-off.",
       "data-science",
       "advanced",
       9900,
       1,
       true,
       {"Supervised learning", "Model selection"}},
      {"Data Visualisation Essentials",
       "Charts that tell the truth",
       "Choosing encodings, avoiding distortion and telling a story with data.",
       "design",
       "beginner",
       2900,
       0,
       true,
       {"Perception", "Chart types"}},
      {"UX Research Methods",
       "Learn what users need",
       "Interviews, usability tests and synthesis for product teams.",
       "design",
       "intermediate",
       3500,
       0,
       true,
       {"Planning research", "Running sessions", "Synthesis"}},
      {"Typography for Interfaces",
       "Readable, accessible text",
       "Type scales, line length, contrast and responsive typography.",
       "design",
       "beginner",
       0,
       1,
       true,
       {"Type basics", "Systems"}},
      {"Distributed Systems Design",
       "Consistency, replication, failure",
       "Consensus, partitioning and the trade-offs behind real databases.",
       "programming",
       "advanced",
       12900,
       0,
       false,
       {"Replication", "Partitioning"}},
      {"Deep Learning Workshop",
       "Neural networks hands-on",
       "Training, regularisation and deployment of neural networks.",
       "data-science",
       "advanced",
       14900,
       1,
       false,
       {"Networks", "Training"}},
  };
  return courses;
}

// Creates a category or level unless its slug exists; true when it was created.
Result<bool> ensure(catalog::ReferenceService& service, const Actor& admin, const std::string& slug,
                    const std::string& name, std::map<std::string, std::string>& ids) {
  auto created = service.create(admin, {slug, name, ""});
  if (created.ok()) {
    ids[slug] = created->id;
    return true;
  }
  if (created.error().code != "SLUG_TAKEN") return std::move(created).error();
  DL_ASSIGN_OR_RETURN(auto page, service.list({100, ""}));
  for (const auto& e : page.items) ids[e.slug] = e.id;
  return false;
}

Result<std::string> instructor_of(catalog::InstructorService& service, const Actor& admin,
                                  const std::string& user_id, const std::string& headline) {
  auto created =
      service.create(admin, {user_id, headline, "Has taught thousands of learners online."});
  if (created.ok()) return created->id;
  if (created.error().code != "INSTRUCTOR_EXISTS") return std::move(created).error();
  DL_ASSIGN_OR_RETURN(auto page, service.list({100, ""}));
  for (const auto& i : page.items) {
    if (i.user_id == user_id) return i.id;
  }
  return Error::internal("demo instructor profile not found");
}

}  // namespace

Status DemoCatalog::load(catalog::CatalogModule& catalog, ContentModule& content,
                         const Actor& admin, const std::string& instructor_user_id,
                         const std::string& second_instructor_user_id) {
  std::map<std::string, std::string> categories;
  std::map<std::string, std::string> levels;
  DL_ASSIGN_OR_RETURN(bool first_run, ensure(catalog.categories(), admin, "programming",
                                             "Programming", categories));
  DL_TRY(ensure(catalog.categories(), admin, "data-science", "Data science", categories));
  DL_TRY(ensure(catalog.categories(), admin, "design", "Design", categories));
  DL_TRY(ensure(catalog.levels(), admin, "beginner", "Beginner", levels));
  DL_TRY(ensure(catalog.levels(), admin, "intermediate", "Intermediate", levels));
  DL_TRY(ensure(catalog.levels(), admin, "advanced", "Advanced", levels));
  DL_ASSIGN_OR_RETURN(std::string first,
                      instructor_of(catalog.instructors(), admin, instructor_user_id,
                                    "Software engineer and teacher"));
  DL_ASSIGN_OR_RETURN(std::string second,
                      instructor_of(catalog.instructors(), admin, second_instructor_user_id,
                                    "Data scientist and designer"));
  if (!first_run) return {};
  for (const auto& d : demo_courses()) {
    catalog::CourseInput in;
    in.title = d.title;
    in.subtitle = d.subtitle;
    in.description = d.description;
    in.category_id = categories[d.category];
    in.level_id = levels[d.level];
    in.price = catalog::Money{d.price_minor, "USD"};
    in.instructor_ids = std::vector<std::string>{d.instructor == 0 ? first : second};
    DL_ASSIGN_OR_RETURN(catalog::Course course, catalog.courses().create(admin, in));
    for (const char* title : d.sections) {
      DL_ASSIGN_OR_RETURN(Section section,
                          content.sections().create(admin, course.id, {title, "", std::nullopt}));
      DL_TRY(content.items().create(
          admin, section.id,
          {"video", std::string(title) + ": walkthrough",
           R"({"url":"https://videos.deltalabs.local/demo","seconds":600})", true}));
      DL_TRY(content.items().create(admin, section.id,
                                    {"text", std::string(title) + ": notes",
                                     R"({"markdown":"Key ideas and a short exercise."})", true}));
    }
    if (d.publish) DL_TRY(catalog.courses().publish(admin, course.id));
  }
  return {};
}

}  // namespace deltalabs::content
