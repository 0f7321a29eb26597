#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "ai/model.h"
#include "ai/tool.h"
#include "core/actor.h"
#include "storage/database.h"

namespace deltalabs::ai {

// The catalog of tools the assistant and the MCP server offer, and the one
// place a tool call runs: arguments parsed and validated against the tool's
// schema, the tool run as the caller, the outcome audited (audit_log action
// ai.tool_called). A refusal by the domain service (401/402/403/404/409 ...),
// unknown tools and bad arguments come back as a tool error in the record,
// never as data and never as a failure of the request.
class ToolRegistry {
 public:
  explicit ToolRegistry(Database& db) : db_(db) {}

  // Adds a tool; names are unique (a second one with the same name replaces the first).
  void add(Tool tool);
  // The tools in the order they were added.
  const std::vector<Tool>& tools() const { return tools_; }
  // A tool by name, or nullptr.
  const Tool* find(std::string_view name) const;

  // Runs `name` with `arguments` (JSON text from a model or an MCP client)
  // as the actor; `channel` ("chat" or "mcp") goes to the audit entry.
  ToolCallRecord call(const Actor& actor, const std::string& name, const std::string& arguments,
                      std::string_view channel) const;

  // {name, description, parameters (JSON Schema)} of one tool.
  static boost::json::object describe(const Tool& tool);
  // Every tool described, in order.
  boost::json::array describe_all() const;

  // The JSON of a tool error: {"error": {status, code, message, details?}}.
  static boost::json::object error_result(const Error& error);

 private:
  ToolResult run(const Actor& actor, const Tool* tool, const std::string& arguments) const;
  void audit(const Actor& actor, const ToolCallRecord& record, std::string_view channel) const;

  Database& db_;
  std::vector<Tool> tools_;
};

}  // namespace deltalabs::ai
