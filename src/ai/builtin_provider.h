#pragma once

#include <optional>
#include <string>

#include "ai/chat_provider.h"

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
    kDraft
  };
  Kind kind = Kind::kNone;
  std::string subject;   // a course title, search words or a page
  std::string question;  // kAsk: the question's text; kDraft: the section's title
};

// The default provider: offline and deterministic. It recognises a few
// intents in the last user prompt ("enroll me in <course title>", "what are
// my grades in <course>", "find courses about <words>", "show my
// enrollments", "ask a question in <course>: <text>", "draft a section for
// <course>: <title>", "go to <page>", "list
// courses"), turns them into tool calls (a course named by its title is found
// with search_courses first) and answers from the tools' results. The same
// conversation always yields the same calls and the same answer.
class BuiltinProvider : public ChatProvider {
 public:
  std::string name() const override { return "builtin"; }
  Result<ProviderReply> complete(const std::vector<ProviderMessage>& messages,
                                 const std::vector<Tool>& tools) override;

  // The intent of a prompt (kNone when none is recognised).
  static Intent parse(const std::string& prompt);
};

}  // namespace deltalabs::ai
