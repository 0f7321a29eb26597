#pragma once

#include <string>

#include "core/body_schema.h"
#include "engagement/model.h"

namespace deltalabs::engagement {

// The longest body of a question, answer, thread or post, in characters.
inline constexpr std::size_t kMaxBodyLength = 20000;

// What text_body() reads.
struct TextInput {
  std::string body;
};

// {title, body}: what starts a question or a thread, read into a TopicInput.
inline const BodySchema& topic_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&TopicInput::title),
      field::string("body", kMaxBodyLength)
          .length(1, kMaxBodyLength)
          .required()
          .into(&TopicInput::body)};
  return schema;
}

// {body}: an answer or a reply, read into a TextInput.
inline const BodySchema& text_body() {
  static const BodySchema schema{field::string("body", kMaxBodyLength)
                                     .length(1, kMaxBodyLength)
                                     .required()
                                     .into(&TextInput::body)};
  return schema;
}

}  // namespace deltalabs::engagement
