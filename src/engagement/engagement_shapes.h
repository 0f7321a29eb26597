#pragma once

#include <string>

#include "engagement/model.h"
#include "http/json_shape.h"

namespace deltalabs::engagement {

// The API shapes of engagement objects: one shape per type, so every route
// renders and documents the same object the same way.

// {id, question_id, author_id, body, vote_total, accepted, created_at, updated_at}
const http::JsonShape<Answer>& answer_shape();
// A question without its answers, as lists show it.
const http::JsonShape<Question>& question_shape();
// A question with its answers (accepted first, then by votes).
const http::JsonShape<Question>& question_detail_shape();
// {target_type, target_id, value, vote_total}
const http::JsonShape<VoteResult>& vote_shape();
// {id, thread_id, author_id, body, created_at}
const http::JsonShape<ThreadPost>& post_shape();
// A thread without its posts, as lists show it.
const http::JsonShape<DiscussionThread>& thread_shape();
// A thread with its first posts, oldest first.
const http::JsonShape<DiscussionThread>& thread_detail_shape();
// An event with its capacity and going, waitlisted and interested counts.
const http::JsonShape<CommunityEvent>& event_shape();
// {id, event_id, user_id, status, waitlist_position, created_at, updated_at}
const http::JsonShape<Rsvp>& rsvp_shape();
// {id, kind, payload, read_at, created_at}
const http::JsonShape<Notification>& notification_shape();

// One Server-Sent Event of a notification: `id:` its id, `event:` its kind,
// `data:` its notification_shape JSON (one line).
std::string sse_event(const Notification& n);

}  // namespace deltalabs::engagement
