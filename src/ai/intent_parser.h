#pragma once

#include <string>

#include "core/clock.h"

namespace deltalabs::ai {

// What a user asked the builtin provider for, recognised from a fixed set of phrasings.
struct Intent {
  enum class Kind {
    kNone,
    kListCourses,
    kSearch,
    kMyEnrollments,
    kEnroll,
    kGrades,
    kAsk,
    kGoTo,
    kDraft,
    kCart,
    kBook
  };
  Kind kind = Kind::kNone;
  std::string subject;   // a course title, search words or a page
  std::string question;  // kAsk: the question's text; kDraft: the section's title
  std::string when;      // kBook: the slot's start, RFC 3339 UTC
};

// Turns a prompt into an Intent and its arguments, from a fixed set of
// phrasings ("enroll me in <course title>", "what are my grades in
// <course>", "find courses about <words>", "show my enrollments", "ask a
// question in <course>: <text>", "draft a section for <course>: <title>",
// "add <course> to my cart", "book the <lab> tomorrow at 10", "go to
// <page>", "list courses"). Phrasings match case-insensitively; subjects
// keep the case they were written in.
class IntentParser {
 public:
  // The intent of a prompt (kNone when none is recognised), with "today"
  // and "tomorrow" read as days of the current time in UTC.
  static Intent parse(const std::string& prompt);
  // The intent of a prompt; "today" and "tomorrow" are days of `now` in UTC.
  static Intent parse(const std::string& prompt, TimePoint now);
  // `s` with ASCII letters lower-cased: how phrasings, titles and page names are compared.
  static std::string lower(std::string s);
};

}  // namespace deltalabs::ai
