#pragma once

#include <boost/json/object.hpp>

#include "core/body_schema.h"
#include "engagement/model.h"
#include "http/json_fields.h"

namespace deltalabs::engagement {

// The longest body of a question, answer, thread or post, in characters.
inline constexpr std::size_t kMaxBodyLength = 20000;

// {title, body}: what starts a question or a thread.
inline BodySchema topic_body() {
  return BodySchema{field::string("title", 200).length(1, 200).required(),
                    field::string("body", kMaxBodyLength).length(1, kMaxBodyLength).required()};
}

// {body}: an answer or a reply.
inline BodySchema text_body() {
  return BodySchema{field::string("body", kMaxBodyLength).length(1, kMaxBodyLength).required()};
}

// The validated body of topic_body().
inline TopicInput topic_input(const boost::json::object& body) {
  return {http::required_string(body, "title"), http::required_string(body, "body")};
}

}  // namespace deltalabs::engagement
