#pragma once

// Every SQL statement of the AI / operational domain. Lists page by id: ids
// are UUIDv7, so id order is creation order.

#include "ai/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::ai::sql {

// --- conversations and their messages -------------------------------------------------------

inline constexpr auto kConversationRow = row_mapping<Conversation>({
    DL_COLUMNS(Conversation, id, user_id, title, provider, created_at, updated_at),
});
inline constexpr RowTable<kConversationRow, "conversations"> kConversationTable{"conversation"};

inline constexpr auto kListConversations =
    kConversationTable.where("user_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertConversation =
    "INSERT INTO conversations (id, user_id, title, provider, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr const char* kTouchConversation =
    "UPDATE conversations SET updated_at = $2 WHERE id = $1";

inline constexpr auto kMessageRow = row_mapping<ConversationMessage>({
    DL_COLUMNS(ConversationMessage, id, conversation_id, turn_id, position, role, content,
               tool_name, tool_arguments, tool_result, tool_ok, tokens, latency_ms, created_at),
});
inline constexpr RowTable<kMessageRow, "conversation_messages"> kMessageTable{"message"};

// Messages are read as a conversation's dialogue, never one by id.
inline constexpr auto kListMessages =
    kMessageTable.where("conversation_id = $1 ORDER BY turn_id, position");
// The newest $2 user and assistant messages, newest first: a model's memory of the conversation.
inline constexpr auto kRecentDialogue = kMessageTable.where(
    "conversation_id = $1 AND role <> 'tool' ORDER BY turn_id DESC, position DESC LIMIT $2");

inline constexpr auto kInsertMessage =
    insert_into<"conversation_messages",
                "id, conversation_id, turn_id, position, role, content, tool_name, tool_arguments, "
                "tool_result, tool_ok, tokens, latency_ms, created_at">();

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

inline constexpr auto kDraftRow = row_mapping<ContentDraft>({
    DL_COLUMNS(ContentDraft, id, course_id, author_id, kind, source, title, body, status,
               section_id, promoted_by, promoted_at, created_at, updated_at),
});
inline constexpr RowTable<kDraftRow, "content_drafts"> kDraftTable{"content draft"};

// A caller's own drafts, or ($2 set) one course's drafts.
inline constexpr auto kListDraftsByAuthor =
    kDraftTable.where("author_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));
inline constexpr auto kListDraftsByCourse =
    kDraftTable.where("course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

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

inline constexpr auto kSettingRow = row_mapping<FeatureSetting>({
    DL_COLUMNS(FeatureSetting, key, value, description, updated_by, updated_at),
});
// Settings are keyed by name: read with first(kSelectById), never find (ids are UUIDs).
inline constexpr RowTable<kSettingRow, "feature_config", "key"> kSettingTable{"feature setting"};
inline constexpr auto kListSettings = sql_concat(kSettingTable.kSelect, "ORDER BY key");
inline constexpr const char* kUpsertSetting =
    "INSERT INTO feature_config (id, key, value, description, updated_by, updated_at) "
    "VALUES ($1, $2, $3, COALESCE($4, ''), $5, $6) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
    "description = COALESCE($4, feature_config.description), "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at";

}  // namespace deltalabs::ai::sql
