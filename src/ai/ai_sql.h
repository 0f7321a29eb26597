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
inline constexpr auto kConversationSelect = select_from<kConversationRow>("conversations");

inline constexpr auto kSelectConversation = sql_concat(kConversationSelect, "WHERE id = $1");
inline constexpr RowTable<kConversationRow> kConversationTable{"conversation", kSelectConversation};
inline constexpr auto kListConversations =
    sql_concat(kConversationSelect, "WHERE user_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertConversation =
    "INSERT INTO conversations (id, user_id, title, provider, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr const char* kTouchConversation =
    "UPDATE conversations SET updated_at = $2 WHERE id = $1";

inline constexpr auto kMessageRow = row_mapping<ConversationMessage>({
    DL_COLUMNS(ConversationMessage, id, conversation_id, turn_id, position, role, content,
               tool_name, tool_arguments, tool_result, tool_ok, tokens, latency_ms, created_at),
});
inline constexpr auto kMessageSelect = select_from<kMessageRow>("conversation_messages");

// Messages are read as a conversation's dialogue, never one by id.
inline constexpr RowTable<kMessageRow> kMessageTable{"message"};
inline constexpr auto kListMessages =
    sql_concat(kMessageSelect, "WHERE conversation_id = $1 ORDER BY turn_id, position");
// The newest $2 user and assistant messages, newest first: a model's memory of the conversation.
inline constexpr auto kRecentDialogue = sql_concat(
    kMessageSelect,
    "WHERE conversation_id = $1 AND role <> 'tool' ORDER BY turn_id DESC, position DESC LIMIT $2");

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
inline constexpr auto kDraftSelect = select_from<kDraftRow>("content_drafts");

inline constexpr auto kSelectDraft = sql_concat(kDraftSelect, "WHERE id = $1");
inline constexpr RowTable<kDraftRow> kDraftTable{"content draft", kSelectDraft};
// A caller's own drafts, or ($2 set) one course's drafts.
inline constexpr auto kListDraftsByAuthor =
    sql_concat(kDraftSelect, "WHERE author_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));
inline constexpr auto kListDraftsByCourse =
    sql_concat(kDraftSelect, "WHERE course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

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
inline constexpr auto kListSettings =
    sql_concat(select_from<kSettingRow>("feature_config"), "ORDER BY key");
inline constexpr auto kSelectSetting = select_where<kSettingRow>("feature_config", "key = $1");
// Settings are read by key, never by id: no find.
inline constexpr RowTable<kSettingRow> kSettingTable{"feature setting", kSelectSetting};
inline constexpr const char* kUpsertSetting =
    "INSERT INTO feature_config (id, key, value, description, updated_by, updated_at) "
    "VALUES ($1, $2, $3, COALESCE($4, ''), $5, $6) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
    "description = COALESCE($4, feature_config.description), "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at";

}  // namespace deltalabs::ai::sql
