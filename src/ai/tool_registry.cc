#include "ai/tool_registry.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

#include "core/unicode_text.h"
#include "http/problem.h"
#include "platform/audit_log.h"

namespace deltalabs::ai {

namespace {

// Audit entries keep at most this much of a call's arguments.
constexpr std::size_t kAuditedArgumentBytes = 2048;

// A model may send "" or "null" for a tool without arguments.
bool is_empty_arguments(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(c) != 0; }) ||
         text == "null";
}

}  // namespace

void ToolRegistry::add(Tool tool) {
  auto same = [&](const Tool& t) { return t.name == tool.name; };
  if (auto it = std::find_if(tools_.begin(), tools_.end(), same); it != tools_.end()) {
    *it = std::move(tool);
    return;
  }
  tools_.push_back(std::move(tool));
}

const Tool* ToolRegistry::find(std::string_view name) const {
  for (const Tool& t : tools_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

boost::json::object ToolRegistry::describe(const Tool& tool) {
  boost::json::object parameters = tool.parameters.to_json_schema();
  return {{"name", tool.name}, {"description", tool.description}, {"parameters", parameters}};
}

boost::json::array ToolRegistry::describe_all() const {
  boost::json::array out;
  for (const Tool& t : tools_) out.push_back(describe(t));
  return out;
}

boost::json::object ToolRegistry::error_result(const Error& error) {
  boost::json::object e{
      {"status", http::status_for(error.kind)}, {"code", error.code}, {"message", error.message}};
  if (!error.details.empty()) {
    boost::json::array details;
    for (const auto& d : error.details)
      details.push_back(boost::json::object{{"field", d.field}, {"message", d.message}});
    e["details"] = std::move(details);
  }
  return {{"error", std::move(e)}};
}

ToolResult ToolRegistry::run(const Actor& actor, const Tool* tool,
                             const std::string& arguments) const {
  if (tool == nullptr) return Error::bad_request("UNKNOWN_TOOL", "There is no tool of that name.");
  boost::json::value args = boost::json::object();
  if (!is_empty_arguments(arguments)) {
    boost::system::error_code ec;
    args = boost::json::parse(arguments, ec);
    if (ec) return Error::bad_request("MALFORMED_ARGUMENTS", "The arguments are not valid JSON.");
  }
  DL_TRY(tool->parameters.validate(args));
  if (!actor.authenticated()) return Error::unauthorized();
  return tool->run(actor, args.as_object());
}

ToolCallRecord ToolRegistry::call(const Actor& actor, const std::string& name,
                                  const std::string& arguments, std::string_view channel) const {
  ToolCallRecord record;
  record.name = name;
  record.arguments = arguments;
  ToolResult result = [&]() -> ToolResult {
    try {
      return run(actor, find(name), arguments);
    } catch (const std::exception& ex) {
      return Error::internal(ex.what());
    }
  }();
  record.ok = result.ok();
  record.result = boost::json::serialize(
      result.ok() ? result.value() : boost::json::value(error_result(result.error())));
  audit(actor, record, channel);
  return record;
}

void ToolRegistry::audit(const Actor& actor, const ToolCallRecord& record,
                         std::string_view channel) const {
  boost::json::object details{{"channel", channel},
                              {"arguments", record.arguments.substr(0, kAuditedArgumentBytes)},
                              {"ok", record.ok}};
  if (!record.ok) {
    boost::system::error_code ec;
    boost::json::value r = boost::json::parse(record.result, ec);
    if (!ec) details["error_code"] = r.at("error").at("code");
  }
  // The call has happened whether or not the audit row lands: a failed audit
  // write is logged loudly, and does not turn the call's outcome into an error.
  Status written = db_.transaction([&](Connection& c) -> Status {
    return AuditLog::record(
        c, actor, {"ai.tool_called", "tool", record.name, boost::json::serialize(details)});
  });
  if (!written.ok()) {
    // The name is the model's or the client's: quoted, bounded and valid UTF-8.
    spdlog::error(
        "{{\"msg\":\"tool call not audited\",\"request_id\":\"{}\",\"tool\":{}}}", actor.request_id,
        boost::json::serialize(boost::json::value(UnicodeText::to_valid_utf8(record.name, 100))));
  }
}

}  // namespace deltalabs::ai
