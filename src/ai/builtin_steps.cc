#include "ai/builtin_steps.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace deltalabs::ai {

namespace {

using Kind = Intent::Kind;

// The pages "go to ..." names by word; anything else is taken for a course title.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kPages = {{
    {"home", "/"},
    {"courses", "/courses"},
    {"catalog", "/courses"},
    {"course catalog", "/courses"},
    {"enrollments", "/enrollments"},
    {"wishlist", "/wishlist"},
    {"cart", "/cart"},
    {"orders", "/orders"},
    {"labs", "/labs"},
    {"bookings", "/bookings"},
    {"notifications", "/notifications"},
    {"activity", "/activity"},
    {"profile", "/profile"},
    {"settings", "/profile"},
    {"assistant", "/assistant"},
    {"dashboard", "/"},
}};

std::optional<std::string> page_for(std::string subject) {
  subject = IntentParser::lower(subject);
  for (std::string_view noise : {"my ", "the "}) {
    if (subject.rfind(noise, 0) == 0) subject = subject.substr(noise.size());
  }
  if (subject.size() > 5 && subject.ends_with(" page")) subject.resize(subject.size() - 5);
  for (const auto& [word, path] : kPages) {
    if (subject == word) return std::string(path);
  }
  return std::nullopt;
}

ProviderToolCall call(std::size_t seen, std::string name, const boost::json::object& args) {
  return {"call_" + std::to_string(seen + 1), std::move(name), boost::json::serialize(args)};
}

ProviderReply say(std::string text) { return {std::move(text), {}, 0}; }

ProviderReply use(std::size_t seen, std::string name, const boost::json::object& args) {
  return {"", {call(seen, std::move(name), args)}, 0};
}

std::string error_message(const SeenResult& s) {
  const auto* e = s.result.is_object() ? s.result.as_object().if_contains("error") : nullptr;
  if (e == nullptr || !e->is_object()) return "the request failed";
  const auto* m = e->as_object().if_contains("message");
  return m != nullptr && m->is_string() ? std::string(m->as_string()) : "the request failed";
}

const boost::json::array* array_of(const SeenResult& s, std::string_view key) {
  if (!s.result.is_object()) return nullptr;
  const auto* v = s.result.as_object().if_contains(key);
  return v != nullptr && v->is_array() ? &v->as_array() : nullptr;
}

std::string text_of(const boost::json::value& v, std::string_view key) {
  const auto* m = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  return m != nullptr && m->is_string() ? std::string(m->as_string()) : std::string();
}

// The course of a search result the user meant: the one titled exactly so, else the best match.
std::optional<boost::json::object> pick_course(const SeenResult& search, const std::string& title) {
  const auto* courses = array_of(search, "courses");
  if (courses == nullptr || courses->empty()) return std::nullopt;
  for (const auto& c : *courses) {
    if (IntentParser::lower(text_of(c, "title")) == IntentParser::lower(title))
      return c.as_object();
  }
  return courses->front().as_object();
}

std::string list_titles(const boost::json::array& courses) {
  std::string out;
  for (const auto& c : courses) out += "\n- " + text_of(c, "title");
  return out;
}

std::string help_text() {
  return "I can list or search courses, enroll you in a course, show your enrollments and "
         "grades, ask a question in a course, or open a page. Try \"find courses about "
         "chemistry\", \"enroll me in <course title>\", \"what are my grades in <course>\", "
         "\"show my enrollments\", \"ask a question in <course>: <question>\" or \"go to my "
         "enrollments\".";
}

// The next step of an intent that acts on a course named by title: search
// for it first, then run `tool` with its id, then answer with `done`.
template <class MakeArgs, class Done>
ProviderReply on_course(const Intent& intent, const std::vector<SeenResult>& seen, const char* tool,
                        MakeArgs make_args, Done done) {
  if (seen.empty()) {
    return use(0, "search_courses", {{"query", intent.subject}, {"limit", 5}});
  }
  if (!seen[0].ok) return say("I could not search the catalog: " + error_message(seen[0]) + ".");
  auto course = pick_course(seen[0], intent.subject);
  if (!course) return say("I could not find a course called \"" + intent.subject + "\".");
  const std::string title = text_of(*course, "title");
  if (seen.size() == 1) return use(1, tool, make_args(text_of(*course, "id")));
  return done(seen[1], title);
}

ProviderReply enroll_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  return on_course(
      intent, seen, "enroll_in_course",
      [](const std::string& id) {
        return boost::json::object{{"course_id", id}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok) return say("I could not enroll you in " + title + ": " + error_message(r));
        return say("You are now enrolled in " + title + ".");
      });
}

ProviderReply grades_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  return on_course(
      intent, seen, "get_course_grades",
      [](const std::string& id) {
        return boost::json::object{{"course_id", id}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok) return say("I could not read your grades in " + title + ": " + error_message(r));
        const auto* grades = array_of(r, "grades");
        if (grades == nullptr || grades->empty())
          return say("You have no grades in " + title + " yet.");
        const auto& g = grades->front().as_object();
        const auto* items = g.if_contains("items");
        const std::size_t n = items != nullptr && items->is_array() ? items->as_array().size() : 0;
        return say("Your course score in " + title + " is " +
                   boost::json::serialize(g.at("score")) + " from " + std::to_string(n) +
                   " graded item" + (n == 1 ? "" : "s") + ".");
      });
}

ProviderReply ask_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  if (intent.question.empty()) {
    return say("Please write it as \"ask a question in <course>: <your question>\".");
  }
  return on_course(
      intent, seen, "ask_question",
      [&](const std::string& id) {
        std::string title = intent.question.substr(0, 120);
        return boost::json::object{{"course_id", id}, {"title", title}, {"body", intent.question}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok)
          return say("I could not ask your question in " + title + ": " + error_message(r));
        return say("Your question is posted in " + title + "'s Q&A.");
      });
}

ProviderReply draft_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  if (intent.question.empty()) {
    return say("Please write it as \"draft a section for <course>: <section title>\".");
  }
  return on_course(
      intent, seen, "create_content_draft",
      [&](const std::string& id) {
        return boost::json::object{
            {"course_id", id}, {"kind", "section"}, {"title", intent.question}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok) return say("I could not write a draft for " + title + ": " + error_message(r));
        return say("I drafted the section for " + title + "; an instructor can promote it.");
      });
}

bool offers(const std::vector<Tool>& tools, std::string_view name) {
  return std::any_of(tools.begin(), tools.end(), [&](const Tool& t) { return t.name == name; });
}

ProviderReply cart_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  return on_course(
      intent, seen, "add_to_cart",
      [](const std::string& id) {
        return boost::json::object{{"item_type", "course"}, {"item_id", id}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok) return say("I could not add " + title + " to your cart: " + error_message(r));
        return say("I added " + title + " to your cart.");
      });
}

ProviderReply book_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  if (intent.when.empty()) {
    return say("Please say when, e.g. \"book the " + intent.subject + " tomorrow at 10\".");
  }
  if (seen.empty()) {
    return use(0, "book_lab", {{"lab_name", intent.subject}, {"slot_start", intent.when}});
  }
  if (!seen[0].ok) return say("I could not book " + intent.subject + ": " + error_message(seen[0]));
  const auto* b = seen[0].result.as_object().if_contains("booking");
  const std::string status = b != nullptr ? text_of(*b, "status") : std::string();
  return say("Booked " + (b != nullptr ? text_of(*b, "lab_name") : intent.subject) + " at " +
             intent.when + (status == "pending" ? "; it waits for approval or payment." : "."));
}

ProviderReply go_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  std::optional<std::string> page =
      intent.subject.rfind('/', 0) == 0 ? std::optional(intent.subject) : page_for(intent.subject);
  if (page) {
    if (seen.empty()) return use(0, "navigate_to_route", {{"route", *page}});
    if (!seen[0].ok) return say("I cannot open " + *page + ": " + error_message(seen[0]));
    return say("Opening " + text_of(seen[0].result, "navigate") + ".");
  }
  return on_course(
      intent, seen, "navigate_to_route",
      [](const std::string& id) {
        return boost::json::object{{"route", "/courses/" + id}};
      },
      [](const SeenResult& r, const std::string& title) {
        if (!r.ok) return say("I cannot open " + title + ": " + error_message(r));
        return say("Opening " + title + ".");
      });
}

ProviderReply list_step(const Intent& intent, const std::vector<SeenResult>& seen) {
  const bool search = intent.kind == Kind::kSearch;
  if (seen.empty()) {
    return search ? use(0, "search_courses", {{"query", intent.subject}, {"limit", 5}})
                  : use(0, "list_courses", {{"limit", 10}});
  }
  if (!seen[0].ok) return say("I could not read the catalog: " + error_message(seen[0]) + ".");
  const auto* courses = array_of(seen[0], "courses");
  if (courses == nullptr || courses->empty()) {
    return say(search ? "I found no courses about \"" + intent.subject + "\"."
                      : "The catalog has no published courses yet.");
  }
  return say((search ? "Courses about \"" + intent.subject + "\":" : std::string("Courses:")) +
             list_titles(*courses));
}

ProviderReply enrollments_step(const std::vector<SeenResult>& seen) {
  if (seen.empty()) return use(0, "get_my_enrollments", {{"limit", 20}});
  if (!seen[0].ok) return say("I could not read your enrollments: " + error_message(seen[0]) + ".");
  const auto* list = array_of(seen[0], "enrollments");
  if (list == nullptr || list->empty()) return say("You are not enrolled in any course yet.");
  std::string out = "Your enrollments:";
  for (const auto& e : *list) {
    const auto* pct = e.as_object().if_contains("progress_percent");
    out += "\n- " + text_of(e, "course_title") + " (" + text_of(e, "status") +
           (pct != nullptr ? ", " + boost::json::serialize(*pct) + "%" : std::string()) + ")";
  }
  return say(out);
}

}  // namespace

ProviderReply BuiltinSteps::help() { return say(help_text()); }

ProviderReply BuiltinSteps::next(const Intent& intent, const std::vector<SeenResult>& seen,
                                 const std::vector<Tool>& tools) {
  ProviderReply reply;
  switch (intent.kind) {
    case Kind::kEnroll:
      reply = enroll_step(intent, seen);
      break;
    case Kind::kGrades:
      reply = grades_step(intent, seen);
      break;
    case Kind::kAsk:
      reply = ask_step(intent, seen);
      break;
    case Kind::kGoTo:
      reply = go_step(intent, seen);
      break;
    case Kind::kDraft:
      reply = draft_step(intent, seen);
      break;
    case Kind::kCart:
      reply = offers(tools, "add_to_cart") ? cart_step(intent, seen)
                                           : say("I cannot add things to carts here yet.");
      break;
    case Kind::kBook:
      reply =
          offers(tools, "book_lab") ? book_step(intent, seen) : say("I cannot book labs here yet.");
      break;
    case Kind::kSearch:
    case Kind::kListCourses:
      reply = list_step(intent, seen);
      break;
    case Kind::kMyEnrollments:
      reply = enrollments_step(seen);
      break;
    case Kind::kNone:
      reply = help();
      break;
  }
  return reply;
}

}  // namespace deltalabs::ai
