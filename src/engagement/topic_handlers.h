#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "engagement/topic_body.h"
#include "http/route_group.h"

namespace deltalabs::engagement {

// What a course's Q&A questions and its discussion threads share: the
// course's topics paged newest first and a new one started (topic_body()) at
// `course_path`, one topic with its first replies at `topic_path`, and a
// reply (text_body(), 201 with the reply) at `reply_path`, where the replies
// are also paged when the service offers it (`replies`). Every route is for
// the course's members; the service decides (403, 404).
template <class Service, class Topic, class Reply>
struct TopicRoutes {
  const char* course_path;  // e.g. /v1/courses/:id/questions
  const char* location;     // a started topic's Location before its id, e.g. /v1/questions/
  const char* topic_path;   // e.g. /v1/questions/:id
  const char* reply_path;   // e.g. /v1/questions/:id/answers
  const char* list_summary;
  const char* start_summary;
  const char* get_summary;
  const char* reply_summary;
  const char* replies_summary;  // with `replies`
  const http::JsonShape<Topic>* shape;
  const http::JsonShape<Topic>* detail_shape;
  const http::JsonShape<Reply>* reply_shape;
  Result<Page<Topic>> (Service::*list)(const Actor&, const std::string&, const PageRequest&);
  Result<Topic> (Service::*start)(const Actor&, const std::string&, const TopicInput&);
  Result<Topic> (Service::*get)(const Actor&, const std::string&);
  Result<Reply> (Service::*reply)(const Actor&, const std::string&, const std::string&);
  Result<Page<Reply>> (Service::*replies)(const Actor&, const std::string&,
                                          const PageRequest&) = nullptr;
};

// Registers the routes of `spec` on `g` over `service`.
template <class Service, class Topic, class Reply>
void register_topic_routes(const http::RouteGroup& g, Service& service,
                           const TopicRoutes<Service, Topic, Reply>& spec) {
  const std::vector<int> member_only = {200, 403, 404};
  g.list({.path = spec.course_path, .summary = spec.list_summary, .responses = member_only},
         *spec.shape, http::call(service, spec.list, http::id));
  g.create({.path = spec.course_path,
            .summary = spec.start_summary,
            .body = http::json_body(topic_body()),
            .responses = {201, 403, 404}},
           *spec.shape, http::call(service, spec.start, http::id, http::body_as<TopicInput>),
           spec.location);
  g.get({.path = spec.topic_path, .summary = spec.get_summary, .responses = member_only},
        *spec.detail_shape, http::call(service, spec.get, http::id));
  if (spec.replies != nullptr) {
    g.list({.path = spec.reply_path, .summary = spec.replies_summary, .responses = member_only},
           *spec.reply_shape, http::call(service, spec.replies, http::id));
  }
  g.post({.path = spec.reply_path,
          .summary = spec.reply_summary,
          .body = http::json_body(text_body()),
          .responses = {201, 403, 404}},
         *spec.reply_shape,
         http::call(service, spec.reply, http::id, http::body_field(&TextInput::body)));
}

}  // namespace deltalabs::engagement
