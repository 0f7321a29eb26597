#pragma once

// Every SQL statement of the AI / operational domain. Lists page by id: ids
// are UUIDv7, so id order is creation order.

#include "storage/keyset.h"

namespace deltalabs::ai::sql {

// --- conversations and their messages -------------------------------------------------------

#define DL_CONVERSATION_SELECT \
  "SELECT id, user_id, title, provider, created_at, updated_at FROM conversations "

inline constexpr const char* kSelectConversation = DL_CONVERSATION_SELECT "WHERE id = $1";
inline constexpr const char* kListConversations =
    DL_CONVERSATION_SELECT "WHERE user_id = $1 AND " DL_KEYSET_DESC(id, 2, 3);

#undef DL_CONVERSATION_SELECT

inline constexpr const char* kInsertConversation =
    "INSERT INTO conversations (id, user_id, title, provider, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr const char* kTouchConversation =
    "UPDATE conversations SET updated_at = $2 WHERE id = $1";

#define DL_MESSAGE_SELECT                                                                     \
  "SELECT id, conversation_id, turn_id, position, role, content, tool_name, tool_arguments, " \
  "tool_result, tool_ok, tokens, latency_ms, created_at FROM conversation_messages "

inline constexpr const char* kListMessages =
    DL_MESSAGE_SELECT "WHERE conversation_id = $1 ORDER BY turn_id, position";
// The newest $2 user and assistant messages, newest first: a model's memory of the conversation.
inline constexpr const char* kRecentDialogue = DL_MESSAGE_SELECT
    "WHERE conversation_id = $1 AND role <> 'tool' ORDER BY turn_id DESC, position DESC LIMIT $2";

#undef DL_MESSAGE_SELECT

inline constexpr const char* kInsertMessage =
    "INSERT INTO conversation_messages (id, conversation_id, turn_id, position, role, content, "
    "tool_name, tool_arguments, tool_result, tool_ok, tokens, latency_ms, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

// --- usage ------------------------------------------------------------------------------------

inline constexpr const char* kSelectTokensOfDay =
    "SELECT tokens FROM ai_usage WHERE user_id = $1 AND day = $2";
inline constexpr const char* kAddUsage =
    "INSERT INTO ai_usage (id, user_id, day, turns, tool_calls, tokens, updated_at) "
    "VALUES ($1, $2, $3, 1, $4, $5, $6) "
    "ON CONFLICT (user_id, day) DO UPDATE SET turns = ai_usage.turns + 1, "
    "tool_calls = ai_usage.tool_calls + excluded.tool_calls, "
    "tokens = ai_usage.tokens + excluded.tokens, updated_at = excluded.updated_at";

// --- content drafts ---------------------------------------------------------------------------

#define DL_DRAFT_SELECT                                                              \
  "SELECT id, course_id, author_id, kind, source, title, body, status, section_id, " \
  "promoted_by, promoted_at, created_at, updated_at FROM content_drafts "

inline constexpr const char* kSelectDraft = DL_DRAFT_SELECT "WHERE id = $1";
// A caller's own drafts, or ($2 set) one course's drafts.
inline constexpr const char* kListDraftsByAuthor =
    DL_DRAFT_SELECT "WHERE author_id = $1 AND " DL_KEYSET_DESC(id, 2, 3);
inline constexpr const char* kListDraftsByCourse =
    DL_DRAFT_SELECT "WHERE course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3);

#undef DL_DRAFT_SELECT

inline constexpr const char* kInsertDraft =
    "INSERT INTO content_drafts (id, course_id, author_id, kind, source, title, body, status, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $8)";
inline constexpr const char* kUpdateDraft =
    "UPDATE content_drafts SET title = $2, body = $3, status = $4, updated_at = $5 "
    "WHERE id = $1 AND status <> 'promoted'";
// Only a draft still in status draft is promoted: a second promotion changes no row.
inline constexpr const char* kPromoteDraft =
    "UPDATE content_drafts SET status = 'promoted', section_id = $2, promoted_by = $3, "
    "promoted_at = $4, updated_at = $4 WHERE id = $1 AND status = 'draft'";

// --- feature configuration --------------------------------------------------------------------

inline constexpr const char* kListSettings =
    "SELECT key, value, description, updated_by, updated_at FROM feature_config ORDER BY key";
inline constexpr const char* kSelectSetting =
    "SELECT key, value, description, updated_by, updated_at FROM feature_config WHERE key = $1";
inline constexpr const char* kUpsertSetting =
    "INSERT INTO feature_config (id, key, value, description, updated_by, updated_at) "
    "VALUES ($1, $2, $3, COALESCE($4, ''), $5, $6) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
    "description = COALESCE($4, feature_config.description), "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at";

}  // namespace deltalabs::ai::sql
