#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <string>

#include "core/actor.h"
#include "core/body_schema.h"
#include "core/result.h"

namespace deltalabs::ai {

// What a tool answers: its data as JSON, or an expected Error that the
// registry hands back to the model as a tool error (never as data).
using ToolResult = Result<boost::json::value>;

// Wraps a tool's JSON data as its result.
inline ToolResult tool_data(boost::json::object data) {
  return boost::json::value(std::move(data));
}

// One tool of the assistant and of the MCP server: a name (part of the API
// contract), what it does, the JSON Schema of its arguments, and how it runs.
// `run` calls a domain service as the actor, so the service's own permission
// checks apply exactly as they do to the REST route; its arguments have been
// validated against `parameters` already.
struct Tool {
  std::string name;
  std::string description;
  BodySchema parameters;
  std::function<ToolResult(const Actor& actor, const boost::json::object& arguments)> run;
};

}  // namespace deltalabs::ai
