#include "ai/intent_parser.h"

#include <cctype>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <regex>
#include <string_view>

namespace deltalabs::ai {

namespace {

using Kind = Intent::Kind;

std::string trim(std::string s, std::string_view extra = "") {
  auto drop = [&](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0 ||
           extra.find(c) != std::string_view::npos;
  };
  while (!s.empty() && drop(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && drop(s[start])) ++start;
  return s.substr(start);
}

// When `text` (lower-cased as `low`) starts with one of `prefixes`: what follows it.
std::optional<std::string> after_prefix(const std::string& text, const std::string& low,
                                        std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (low.rfind(p, 0) == 0) return trim(text.substr(p.size()), "\"'");
  }
  return std::nullopt;
}

// "today at 10", "tomorrow at 14:30", "tomorrow at 9am": that time in UTC.
std::string when_of(const std::string& day, int hour, int minute, TimePoint at) {
  using namespace std::chrono;
  auto start = floor<days>(at) + (day == "tomorrow" ? days(1) : days(0));
  return format_rfc3339(start + hours(hour) + minutes(minute));
}

// "book the <lab> tomorrow at 10" or "book <lab> at <RFC 3339 time>".
std::optional<Intent> booking_intent(const std::string& text, const std::string& low,
                                     TimePoint at) {
  static const std::regex relative(
      R"(^(?:book|reserve) (?:the )?(.+?) (today|tomorrow) at (\d{1,2})(?::(\d{2}))? ?(am|pm)?$)");
  static const std::regex absolute(
      R"(^(?:book|reserve) (?:the )?(.+?) at (\d{4}-\d{2}-\d{2}t\S+)$)");
  std::smatch m;
  if (std::regex_match(low, m, relative)) {
    int hour = std::stoi(m[3].str());
    const int minute = m[4].matched ? std::stoi(m[4].str()) : 0;
    if (m[5].matched && m[5].str() == "pm" && hour < 12) hour += 12;
    if (m[5].matched && m[5].str() == "am" && hour == 12) hour = 0;
    std::string lab = text.substr(static_cast<std::size_t>(m.position(1)), m.length(1));
    if (hour > 23 || minute > 59) return Intent{Intent::Kind::kBook, lab, "", ""};
    return Intent{Intent::Kind::kBook, lab, "", when_of(m[2].str(), hour, minute, at)};
  }
  if (std::regex_match(low, m, absolute)) {
    std::string lab = text.substr(static_cast<std::size_t>(m.position(1)), m.length(1));
    auto parsed = parse_rfc3339(text.substr(static_cast<std::size_t>(m.position(2)), m.length(2)));
    return Intent{Intent::Kind::kBook, lab, "", parsed ? format_rfc3339(*parsed) : ""};
  }
  return std::nullopt;
}

// "<prefix> <subject>: <text>" (ask, draft): the subject, and the text after the colon.
Intent with_colon_text(Kind kind, const std::string& rest) {
  const auto colon = rest.find(':');
  if (colon == std::string::npos) return {kind, rest, ""};
  return {kind, trim(rest.substr(0, colon), "\"'"), trim(rest.substr(colon + 1))};
}

// The intents whose text after a colon keeps its own punctuation (ask, draft).
std::optional<Intent> text_intent(const std::string& prompt) {
  const std::string whole = trim(prompt);
  const std::string low = IntentParser::lower(whole);
  if (auto rest =
          after_prefix(whole, low, {"ask a question in ", "ask a question about ", "ask in "}))
    return with_colon_text(Kind::kAsk, *rest);
  if (auto rest = after_prefix(
          whole, low,
          {"draft a section for ", "draft a section in ", "write a draft section for "}))
    return with_colon_text(Kind::kDraft, *rest);
  return std::nullopt;
}

// "add <course> to my cart" and its variants.
std::optional<Intent> cart_intent(const std::string& text, const std::string& low) {
  for (std::string_view tail : {" to my cart", " to the cart", " to cart", " in my cart"}) {
    if (!low.ends_with(tail)) continue;
    const std::size_t cut = text.size() - tail.size();
    if (auto rest = after_prefix(text.substr(0, cut), low.substr(0, cut), {"add ", "put "})) {
      return Intent{Kind::kCart, *rest, "", ""};
    }
  }
  return std::nullopt;
}

// The intents named by a leading phrase and followed by their subject.
std::optional<Intent> prefixed_intent(const std::string& text, const std::string& low) {
  if (auto rest = after_prefix(
          text, low,
          {"enroll me in ", "enroll me into ", "enrol me in ", "enroll in ", "sign me up for "})) {
    return Intent{Kind::kEnroll, *rest, ""};
  }
  if (auto rest =
          after_prefix(text, low,
                       {"what are my grades in ", "what are my grades for ", "what is my grade in ",
                        "show my grades in ", "my grades in ", "grades in "})) {
    return Intent{Kind::kGrades, *rest, ""};
  }
  if (auto rest = after_prefix(text, low,
                               {"find courses about ", "find courses on ", "find a course about ",
                                "search courses about ", "search courses for ", "search for ",
                                "courses about ", "find courses "})) {
    return Intent{Kind::kSearch, *rest, ""};
  }
  // Before "my enrollments": "go to my enrollments" opens the page.
  if (auto rest = after_prefix(text, low, {"go to ", "take me to ", "navigate to ", "open "})) {
    return Intent{Kind::kGoTo, *rest, ""};
  }
  return std::nullopt;
}

}  // namespace

std::string IntentParser::lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Intent IntentParser::parse(const std::string& prompt) { return parse(prompt, now()); }

Intent IntentParser::parse(const std::string& prompt, TimePoint at) {
  // A question keeps its own punctuation; other subjects lose a trailing one.
  if (auto asked = text_intent(prompt)) return *asked;
  const std::string text = trim(prompt, ".!?");
  const std::string low = lower(text);
  if (auto booking = booking_intent(text, low, at)) return *booking;
  if (auto cart = cart_intent(text, low)) return *cart;
  if (auto prefixed = prefixed_intent(text, low)) return *prefixed;
  if (low.find("my enrollments") != std::string::npos ||
      low.find("my courses") != std::string::npos ||
      low.find("am i enrolled") != std::string::npos) {
    return {Kind::kMyEnrollments, "", ""};
  }
  if (low == "list courses" || low == "list all courses" || low == "show courses" ||
      low == "show me the courses" || low.rfind("what courses", 0) == 0) {
    return {Kind::kListCourses, "", ""};
  }
  return {};
}

}  // namespace deltalabs::ai
