#include "ai/chat_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

namespace {

constexpr const char* kSystemPrompt =
    "You are the Delta Labs assistant. You act for the signed-in user through the tools "
    "offered, which run with that user's permissions. Use a tool whenever the user asks you to "
    "find, enroll, read grades, ask a question or open a page; never claim an action happened "
    "unless a tool result says so. A tool result with an \"error\" member means the action was "
    "refused or failed: tell the user why. Answer briefly.";

std::string today() { return format_rfc3339(now()).substr(0, 10); }

// At most `max` bytes of `text`, cut on a UTF-8 character boundary.
std::string prefix_of(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string title_of(const std::string& prompt) {
  std::string t = prefix_of(prompt, 80);
  for (char& c : t) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return t.find_first_not_of(' ') == std::string::npos ? std::string("Conversation") : t;
}

// Valid JSON to store for a model's argument text (a JSON string when it is not JSON).
std::string storable_json(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (!ec) return boost::json::serialize(v);
  return boost::json::serialize(boost::json::value(text));
}

std::int64_t elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               since)
      .count();
}

// The page a successful navigate_to_route result names.
std::optional<std::string> navigation_of(const ToolCallRecord& r) {
  if (!r.ok || r.name != "navigate_to_route") return std::nullopt;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.result, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* n = v.as_object().if_contains("navigate");
  if (n == nullptr || !n->is_string()) return std::nullopt;
  return std::string(n->as_string());
}

Error token_cap_reached() {
  return {ErrorKind::kTooManyRequests,
          "TOKEN_CAP_REACHED",
          "You have used today's assistant token allowance; it resets at midnight UTC.",
          {},
          {}};
}

// 429 TOKEN_CAP_REACHED when the user has spent today's `daily_tokens` (0 = no cap).
Status within_token_cap(Database& db, std::int64_t daily_tokens, const std::string& user_id) {
  if (daily_tokens <= 0) return {};
  DL_ASSIGN_OR_RETURN(auto conn, db.read());
  DL_ASSIGN_OR_RETURN(RowSet rows, conn->query(sql::kSelectTokensOfDay, {user_id, today()}));
  const std::int64_t spent = rows.empty() ? 0 : rows[0].integer(0);
  if (spent >= daily_tokens) return token_cap_reached();
  return {};
}

// The messages of one turn, numbered in the order they are stored.
class TurnMessages {
 public:
  TurnMessages(std::string conversation_id, std::string turn_id)
      : conversation_id_(std::move(conversation_id)), turn_id_(std::move(turn_id)) {}

  ConversationMessage next(std::string role, std::string content) {
    ConversationMessage m;
    m.conversation_id = conversation_id_;
    m.turn_id = turn_id_;
    m.position = position_++;
    m.role = std::move(role);
    m.content = std::move(content);
    return m;
  }

 private:
  std::string conversation_id_;
  std::string turn_id_;
  std::int64_t position_ = 0;
};

// The result of a call the turn's budget does not allow, without running it.
ToolCallRecord over_limit(const ProviderToolCall& call) {
  return ToolCallRecord{call.name, call.arguments,
                        boost::json::serialize(ToolRegistry::error_result(Error::unprocessable(
                            "TOOL_CALL_LIMIT", "Too many tool calls in one turn."))),
                        false};
}

// `message` filled in with what the tool call was asked and answered.
ConversationMessage tool_message(ConversationMessage message, const ToolCallRecord& record,
                                 std::int64_t latency_ms) {
  message.tool_name = record.name;
  message.tool_arguments = storable_json(record.arguments);
  message.tool_result = record.result;
  message.tool_ok = record.ok;
  message.latency_ms = latency_ms;
  return message;
}

// Appends a message (its id and created_at are set here) and touches its
// conversation, so the newest conversations list first.
Status append(Connection& c, ConversationMessage& m) {
  m.id = new_uuid_v7();
  m.created_at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kInsertMessage, {m.id, m.conversation_id, m.turn_id, m.position, m.role,
                                         m.content, m.tool_name, m.tool_arguments, m.tool_result,
                                         m.tool_ok, m.tokens, m.latency_ms, m.created_at}));
  DL_TRY(c.execute(sql::kTouchConversation, {m.conversation_id, m.created_at}));
  return {};
}

// Stores the answer with the turn's usage, in one transaction.
Result<ChatTurn> store_answer(Database& db, const std::string& user_id, const ChatTurn& turn,
                              ConversationMessage answer) {
  return db.transaction([&](Connection& c) -> Result<ChatTurn> {
    DL_TRY(append(c, answer));
    DL_TRY(c.execute(sql::kAddUsage, {new_uuid_v7(), user_id, today(),
                                      static_cast<std::int64_t>(turn.tool_calls.size()),
                                      turn.tokens, format_rfc3339(now())}));
    return turn;
  });
}

}  // namespace

std::int64_t ChatService::seconds_until_reset() {
  const std::int64_t t = unix_seconds(now());
  return 86400 - t % 86400;
}

Result<Conversation> ChatService::open(const Actor& actor, const ChatRequest& request,
                                       std::vector<ProviderMessage>& history) {
  if (!request.conversation_id) {
    Conversation conv{new_uuid_v7(),    actor.user_id,         title_of(request.prompt),
                      provider_.name(), format_rfc3339(now()), {}};
    conv.updated_at = conv.created_at;
    return db_.transaction([&](Connection& c) -> Result<Conversation> {
      DL_TRY(c.execute(sql::kInsertConversation,
                       {conv.id, conv.user_id, conv.title, conv.provider, conv.created_at}));
      return conv;
    });
  }
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Conversation conv,
                      sql::kConversationTable.find(*conn, canonical_id(*request.conversation_id)));
  if (conv.user_id != actor.user_id) return Error::not_found("conversation");
  DL_ASSIGN_OR_RETURN(auto earlier, sql::kMessageTable.all(*conn, sql::kRecentDialogue,
                                                           {conv.id, limits_.history_messages}));
  // The statement reads the newest first; the model reads them oldest first.
  std::reverse(earlier.begin(), earlier.end());
  for (auto& m : earlier) history.push_back({m.role, std::move(m.content), {}, {}, {}});
  return conv;
}

Status ChatService::store(ConversationMessage message) {
  return db_.transaction([&](Connection& c) -> Status { return append(c, message); });
}

Result<ChatTurn> ChatService::chat(const Actor& actor, const ChatRequest& request) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_TRY(features_.require_enabled("assistant.enabled"));
  DL_TRY(within_token_cap(db_, limits_.daily_tokens, actor.user_id));
  std::vector<ProviderMessage> messages{{"system", kSystemPrompt, {}, {}, {}}};
  DL_ASSIGN_OR_RETURN(Conversation conv, open(actor, request, messages));
  messages.push_back({"user", request.prompt, {}, {}, {}});

  ChatTurn turn;
  turn.conversation_id = conv.id;
  turn.turn_id = new_uuid_v7();
  TurnMessages log(conv.id, turn.turn_id);
  DL_TRY(store(log.next("user", request.prompt)));

  const std::vector<Tool>& catalog = tools_.tools();
  auto finish = [&](std::string answer, std::int64_t latency_ms) {
    turn.answer = std::move(answer);
    ConversationMessage stored = log.next("assistant", turn.answer);
    stored.tokens = turn.tokens;
    stored.latency_ms = latency_ms;
    return store_answer(db_, actor.user_id, turn, std::move(stored));
  };
  int calls_left = limits_.max_tool_calls;
  while (true) {
    // The model asked for more calls than a turn allows: they were answered
    // with TOOL_CALL_LIMIT, and the turn ends here rather than loop on.
    if (calls_left < 0) {
      return finish("I stopped after " + std::to_string(limits_.max_tool_calls) +
                        " tool calls in this turn; please ask again more specifically.",
                    0);
    }
    const auto asked = std::chrono::steady_clock::now();
    DL_ASSIGN_OR_RETURN(ProviderReply reply, provider_.complete(messages, catalog));
    turn.tokens += reply.tokens;
    if (reply.tool_calls.empty()) return finish(reply.content, elapsed_ms(asked));
    messages.push_back({"assistant", reply.content, reply.tool_calls, {}, {}});
    for (const ProviderToolCall& call : reply.tool_calls) {
      const auto started = std::chrono::steady_clock::now();
      // Calls beyond the budget are answered without running, so every call
      // the model made is paired with a result.
      ToolCallRecord record = calls_left-- > 0
                                  ? tools_.call(actor, call.name, call.arguments, "chat")
                                  : over_limit(call);
      DL_TRY(store(tool_message(log.next("tool", record.result), record, elapsed_ms(started))));
      if (auto page = navigation_of(record)) turn.navigate = *page;
      messages.push_back({"tool", record.result, {}, call.id, call.name});
      turn.tool_calls.push_back(std::move(record));
    }
  }
}

Result<Page<Conversation>> ChatService::conversations(const Actor& actor, const PageRequest& page) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kConversationTable.page(*conn, sql::kListConversations, {actor.user_id}, page);
}

Result<ConversationDetail> ChatService::conversation(const Actor& actor, const std::string& id) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Conversation conv, sql::kConversationTable.find(*conn, canonical_id(id)));
  if (conv.user_id != actor.user_id) return Error::not_found("conversation");
  DL_ASSIGN_OR_RETURN(auto messages, sql::kMessageTable.all(*conn, sql::kListMessages, {conv.id}));
  return ConversationDetail{std::move(conv), std::move(messages)};
}

}  // namespace deltalabs::ai
