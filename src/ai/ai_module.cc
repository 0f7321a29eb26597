#include "ai/ai_module.h"

#include "ai/builtin_provider.h"
#include "ai/chat_handlers.h"
#include "ai/draft_handlers.h"
#include "ai/feature_config_handlers.h"
#include "ai/mcp_handlers.h"

namespace deltalabs::ai {

namespace {

Result<std::unique_ptr<ChatProvider>> make_provider(const AiOptions& options) {
  if (options.provider == "builtin") return std::unique_ptr<ChatProvider>(new BuiltinProvider());
  if (options.provider == "openai-compatible") {
    return std::unique_ptr<ChatProvider>(new OpenAiProvider(options.openai));
  }
  return Error::bad_request(
      "INVALID_AI_PROVIDER",
      "--ai-provider must be builtin or openai-compatible, not " + options.provider);
}

}  // namespace

AiModule::AiModule(Database& db, ToolServices services, content::SectionService& sections,
                   FeatureConfigService& features, http::RateLimits& rate_limits,
                   const CursorCodec& cursors)
    : services_(services),
      rate_limits_(rate_limits),
      cursors_(cursors),
      tools_(db),
      features_(features),
      drafts_(db, services.courses, sections) {}

Result<std::unique_ptr<AiModule>> AiModule::create(Database& db, ToolServices services,
                                                   content::SectionService& sections,
                                                   FeatureConfigService& features,
                                                   http::RateLimits& rate_limits,
                                                   const CursorCodec& cursors,
                                                   const AiOptions& options) {
  std::unique_ptr<AiModule> m(new AiModule(db, services, sections, features, rate_limits, cursors));
  DL_ASSIGN_OR_RETURN(m->provider_, make_provider(options));
  m->services_.drafts = &m->drafts_;
  for (auto make : {list_courses_tool, search_courses_tool, get_my_enrollments_tool,
                    enroll_in_course_tool, get_course_grades_tool, ask_question_tool,
                    navigate_to_route_tool, create_content_draft_tool}) {
    m->tools_.add(make(m->services_));
  }
  // Tools of domains that are wired in; none is registered without its service.
  if (m->services_.carts != nullptr) m->tools_.add(add_to_cart_tool(m->services_));
  if (m->services_.lab_catalog != nullptr && m->services_.lab_bookings != nullptr)
    m->tools_.add(book_lab_tool(m->services_));
  m->chat_ =
      std::make_unique<ChatService>(db, m->tools_, *m->provider_, m->features_, options.limits);
  rate_limits.set_policy({kChatRatePolicy, options.chat_rate_limit, std::chrono::seconds(60)});
  return m;
}

void AiModule::register_routes(http::Router& router) {
  register_chat_routes(router, *chat_, tools_, rate_limits_, cursors_);
  register_mcp_routes(router, tools_, features_);
  register_draft_routes(router, drafts_, cursors_);
  register_feature_config_routes(router, features_);
}

}  // namespace deltalabs::ai
