#include "labs/lab_handlers.h"

#include "core/uuid.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "labs/labs_json.h"

namespace deltalabs::labs {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Labs";

BodySchema host_body() {
  return BodySchema{
      field::string("name", 200).length(1, 200).required(), field::string("description", 5000),
      field::uuid("organization_id")
          .describe("host for this organization (needs labs:manage in it); absent: for yourself")};
}

BodySchema price_body() {
  return BodySchema{field::integer("amount_minor").range(0, 100000000).required(),
                    field::string("currency", 3).length(3, 3).required()};
}

// The lab fields; creating one also names its host and needs a name.
BodySchema lab_body(bool create) {
  std::vector<FieldSpec> fields;
  if (create) fields.push_back(field::uuid("host_id").required().describe("a host you act for"));
  auto name = field::string("name", 200).length(1, 200);
  if (create) name.required();
  fields.push_back(name);
  fields.push_back(field::string("description", 5000));
  fields.push_back(field::string("location", 500));
  fields.push_back(field::array("equipment", field::string("item", 100).length(1, 100), 50));
  fields.push_back(
      field::boolean("requires_approval").describe("bookings start pending until approved"));
  fields.push_back(field::object("price", price_body()).describe("per seat and slot; 0 is free"));
  fields.push_back(field::uuid("organization_id")
                       .describe("the organization whose staff run the lab (labs:manage there)"));
  fields.push_back(field::string("status", 16).one_of({"active", "inactive"}));
  return BodySchema(std::move(fields));
}

LabFields lab_fields(const boost::json::object& b) {
  LabFields f;
  f.organization_id = http::optional_string(b, "organization_id");
  f.name = http::optional_string(b, "name");
  f.description = http::optional_string(b, "description");
  f.location = http::optional_string(b, "location");
  f.equipment = http::optional_strings(b, "equipment");
  f.requires_approval = http::optional_bool(b, "requires_approval");
  if (const auto* price = b.if_contains("price"); price != nullptr && price->is_object()) {
    f.price_amount_minor = http::optional_int(price->as_object(), "amount_minor");
    f.currency = http::optional_string(price->as_object(), "currency");
  }
  f.status = http::optional_string(b, "status");
  return f;
}

// An optional RFC 3339 query parameter in stored form; a problem when malformed.
std::optional<std::string> time_query(const Request& req, const char* name,
                                      std::vector<FieldError>& problems) {
  auto text = req.query(name);
  if (!text || text->empty()) return std::nullopt;
  const auto t = parse_rfc3339(*text);
  if (!t) {
    problems.push_back({name, "must be an RFC 3339 timestamp"});
    return std::nullopt;
  }
  return format_rfc3339(*t);
}

Result<LabSearch> lab_search(const Request& req) {
  LabSearch s;
  std::vector<FieldError> problems;
  if (auto q = req.query("q"); q && !q->empty()) {
    if (q->size() > 200) problems.push_back({"q", "must be at most 200 characters"});
    s.q = std::move(q);
  }
  s.organization_id = req.query("organization_id");
  if (s.organization_id && !is_uuid(*s.organization_id))
    problems.push_back({"organization_id", "must be a UUID"});
  if (auto e = req.query("equipment"); e && !e->empty()) s.equipment = std::move(e);
  s.available_from = time_query(req, "available_from", problems);
  s.available_to = time_query(req, "available_to", problems);
  if (s.available_from && s.available_to && *s.available_to <= *s.available_from)
    problems.push_back({"available_to", "must be after available_from"});
  if (!problems.empty()) return Error::invalid("The query is not valid.", std::move(problems));
  return s;
}

void register_host_routes(http::Router& router, HostService& hosts, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/hosts",
              .handler = [&hosts, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, hosts.list(page));
                return http::page_response(result, host_shape(), cursors);
              },
              .summary = "Hosts that offer labs: users and organizations",
              .tag = kTag,
              .access = Access::kPublic,
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(host_shape())});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/hosts",
       .handler = [&hosts](Request& req) -> Result<Response> {
         const auto& b = req.json.as_object();
         HostInput in{http::optional_string(b, "organization_id"), http::required_string(b, "name"),
                      http::optional_string(b, "description").value_or("")};
         DL_ASSIGN_OR_RETURN(Host h, hosts.create(req.caller(), std::move(in)));
         return Response::json(201, host_shape().render(h)).header("Location", "/v1/hosts/" + h.id);
       },
       .summary = "Become a host, yourself or for an organization (labs:manage in it); "
                  "409 HOST_EXISTS",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(host_body()),
       .responses = {201, 403, 404, 409},
       .returns = http::schema::ref(host_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/hosts/:id",
              .handler = [&hosts](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Host h, hosts.get(http::path_param(req)));
                return Response::json(200, host_shape().render(h));
              },
              .summary = "One host",
              .tag = kTag,
              .access = Access::kPublic,
              .responses = {200, 404},
              .returns = http::schema::ref(host_shape())});
}

void register_lab_crud_routes(http::Router& router, LabService& labs, const CursorCodec& cursors) {
  router.add(
      {.method = Method::kGet,
       .path = "/v1/labs",
       .handler = [&labs, &cursors](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(LabSearch search, lab_search(req));
         DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
         DL_ASSIGN_OR_RETURN(auto result, labs.search(search, page));
         return http::page_response(result, lab_shape(), cursors);
       },
       .summary = "Search active labs by text, organization (and those below it), equipment, "
                  "and a window with a free seat in a slot not yet started",
       .tag = kTag,
       .access = Access::kPublic,
       .query = http::page_query(
           {{"q", "string", "text in the name, description or location"},
            {"organization_id", "string", "labs of this organization or one below it"},
            {"equipment", "string", "labs listing this piece of equipment (any case)"},
            {"available_from", "string", "RFC 3339: a slot with a free seat starts at or after"},
            {"available_to", "string", "RFC 3339: ... and ends at or before this"}}),
       .responses = {200},
       .returns = http::schema::page_of(lab_shape())});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/labs",
       .handler = [&labs](Request& req) -> Result<Response> {
         const auto& b = req.json.as_object();
         DL_ASSIGN_OR_RETURN(
             Lab l, labs.create(req.caller(), http::required_string(b, "host_id"), lab_fields(b)));
         return Response::json(201, lab_shape().render(l)).header("Location", "/v1/labs/" + l.id);
       },
       .summary = "Create a lab of a host you act for (its user, or labs:manage in its "
                  "organization)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(lab_body(true)),
       .responses = {201, 403, 404},
       .returns = http::schema::ref(lab_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/labs/:id",
              .handler = [&labs](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Lab l, labs.get(http::path_param(req)));
                return Response::json(200, lab_shape().render(l));
              },
              .summary = "One lab",
              .tag = kTag,
              .access = Access::kPublic,
              .responses = {200, 404},
              .returns = http::schema::ref(lab_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/labs/:id",
              .handler = [&labs](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Lab l, labs.update(req.caller(), http::path_param(req),
                                                       lab_fields(req.json.as_object())));
                return Response::json(200, lab_shape().render(l));
              },
              .summary = "Change a lab (its host and managers)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(lab_body(false)),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(lab_shape())});
}

void register_availability_routes(http::Router& router, LabService& labs,
                                  const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/labs/:id/availability",
              .handler = [&labs, &cursors](Request& req) -> Result<Response> {
                std::vector<FieldError> problems;
                auto from = time_query(req, "from", problems);
                auto to = time_query(req, "to", problems);
                if (!problems.empty()) return Error::invalid("The query is not valid.", problems);
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, labs.slots(http::path_param(req), from, to, page));
                return http::page_response(result, slot_shape(), cursors);
              },
              .summary = "The lab's slots overlapping [from, to), in time order, with free seats",
              .tag = kTag,
              .access = Access::kPublic,
              .query = http::page_query({{"from", "string", "RFC 3339: slots ending after this"},
                                         {"to", "string", "RFC 3339: slots starting before this"}}),
              .responses = {200, 404},
              .returns = http::schema::page_of(slot_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/labs/:id/availability",
              .handler = [&labs](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                SlotInput in{http::required_string(b, "slot_start"),
                             http::required_string(b, "slot_end"),
                             http::optional_int(b, "capacity").value_or(0)};
                DL_ASSIGN_OR_RETURN(
                    Slot s, labs.add_slot(req.caller(), http::path_param(req), std::move(in)));
                return Response::json(201, slot_shape().render(s));
              },
              .summary = "Open a slot (the lab's host and managers); 409 SLOT_OVERLAP when it "
                         "overlaps another slot of the lab, also when two requests race",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(
                  BodySchema{field::timestamp("slot_start").required().describe("in the future"),
                             field::timestamp("slot_end").required().describe("after slot_start"),
                             field::integer("capacity").range(1, 10000).required()}),
              .responses = {201, 403, 404, 409},
              .returns = http::schema::ref(slot_shape())});
}

}  // namespace

void register_lab_routes(http::Router& router, HostService& hosts, LabService& labs,
                         const CursorCodec& cursors) {
  register_host_routes(router, hosts, cursors);
  register_lab_crud_routes(router, labs, cursors);
  register_availability_routes(router, labs, cursors);
}

}  // namespace deltalabs::labs
