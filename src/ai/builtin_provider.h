#pragma once

#include <optional>
#include <string>

#include "ai/chat_provider.h"
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

// The default provider: offline and deterministic. It recognises a few
// intents in the last user prompt ("enroll me in <course title>", "what are
// my grades in <course>", "find courses about <words>", "show my
// enrollments", "ask a question in <course>: <text>", "draft a section for
// <course>: <title>", "add <course> to my cart", "book the <lab> tomorrow
// at 10", "go to <page>", "list courses"), turns them into tool calls (a course named by its title
// is found with search_courses first) and answers from the tools' results. The same conversation
// always yields the same calls and the same answer.
class BuiltinProvider : public ChatProvider {
 public:
  std::string name() const override { return "builtin"; }
  Result<ProviderReply> complete(const std::vector<ProviderMessage>& messages,
                                 const std::vector<Tool>& tools) override;

  // The intent of a prompt (kNone when none is recognised); "today" and
  // "tomorrow" are days of `now` in UTC.
  static Intent parse(const std::string& prompt);
  static Intent parse(const std::string& prompt, TimePoint now);
};

}  // namespace deltalabs::ai
