#pragma once

#include <string>
#include <vector>

#include "ai/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::ai {

// Conversations, their messages and the daily usage counters (all SQL in ai_sql.h).
class ConversationRepository {
 public:
  // One conversation; 404 CONVERSATION_NOT_FOUND when absent.
  static Result<Conversation> find(Connection& c, const std::string& id);
  // A page of a user's conversations, newest first.
  static Result<Page<Conversation>> list(Connection& c, const std::string& user_id,
                                         const PageRequest& page);
  // Creates a conversation and returns it.
  static Result<Conversation> insert(Connection& c, const std::string& user_id,
                                     const std::string& title, const std::string& provider);
  // Every message of a conversation, oldest first.
  static Result<std::vector<ConversationMessage>> messages(Connection& c,
                                                           const std::string& conversation_id);
  // The newest `limit` user and assistant messages, oldest first.
  static Result<std::vector<ConversationMessage>> recent_dialogue(
      Connection& c, const std::string& conversation_id, int limit);
  // Appends a message (its id and created_at are set here) and touches the conversation.
  static Status append(Connection& c, ConversationMessage& message);
  // Tokens the user spent on `day` (YYYY-MM-DD, UTC).
  static Result<std::int64_t> tokens_of_day(Connection& c, const std::string& user_id,
                                            const std::string& day);
  // Adds one turn, its tool calls and tokens to the user's usage of `day`.
  static Status add_usage(Connection& c, const std::string& user_id, const std::string& day,
                          std::int64_t tool_calls, std::int64_t tokens);
};

}  // namespace deltalabs::ai
