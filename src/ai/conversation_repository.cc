#include "ai/conversation_repository.h"

#include <algorithm>

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

Result<Conversation> ConversationRepository::find(Connection& c, const std::string& id) {
  return sql::kConversationTable.find(c, canonical_id(id));
}

Result<Page<Conversation>> ConversationRepository::list(Connection& c, const std::string& user_id,
                                                        const PageRequest& page) {
  return sql::kConversationTable.page(c, sql::kListConversations, {user_id}, page);
}

Result<Conversation> ConversationRepository::insert(Connection& c, const std::string& user_id,
                                                    const std::string& title,
                                                    const std::string& provider) {
  Conversation conv{new_uuid_v7(), user_id, title, provider, format_rfc3339(now()), {}};
  conv.updated_at = conv.created_at;
  DL_TRY(c.execute(sql::kInsertConversation, {conv.id, user_id, title, provider, conv.created_at}));
  return conv;
}

Result<std::vector<ConversationMessage>> ConversationRepository::messages(
    Connection& c, const std::string& conversation_id) {
  return sql::kMessageTable.all(c, sql::kListMessages, {conversation_id});
}

Result<std::vector<ConversationMessage>> ConversationRepository::recent_dialogue(
    Connection& c, const std::string& conversation_id, int limit) {
  DL_ASSIGN_OR_RETURN(std::vector<ConversationMessage> out,
                      sql::kMessageTable.all(c, sql::kRecentDialogue, {conversation_id, limit}));
  std::reverse(out.begin(), out.end());
  return out;
}

Status ConversationRepository::append(Connection& c, ConversationMessage& m) {
  m.id = new_uuid_v7();
  m.created_at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kInsertMessage, {m.id, m.conversation_id, m.turn_id, m.position, m.role,
                                         m.content, m.tool_name, m.tool_arguments, m.tool_result,
                                         m.tool_ok, m.tokens, m.latency_ms, m.created_at}));
  DL_TRY(c.execute(sql::kTouchConversation, {m.conversation_id, m.created_at}));
  return {};
}

Result<std::int64_t> ConversationRepository::tokens_of_day(Connection& c,
                                                           const std::string& user_id,
                                                           const std::string& day) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectTokensOfDay, {user_id, day}));
  return rows.empty() ? 0 : rows[0].integer(0);
}

Status ConversationRepository::add_usage(Connection& c, const std::string& user_id,
                                         const std::string& day, std::int64_t tool_calls,
                                         std::int64_t tokens) {
  DL_TRY(c.execute(sql::kAddUsage,
                   {new_uuid_v7(), user_id, day, tool_calls, tokens, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::ai
