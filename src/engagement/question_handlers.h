#pragma once

#include "core/cursor_codec.h"
#include "engagement/question_service.h"
#include "engagement/vote_service.h"
#include "http/router.h"

namespace deltalabs::engagement {

// Adds course Q&A: /v1/courses/:id/questions, /v1/questions/:id (+ answers),
// /v1/answers/:id/accept and /v1/votes.
void register_question_routes(http::Router& router, QuestionService& questions, VoteService& votes,
                              const CursorCodec& cursors);

}  // namespace deltalabs::engagement
