#include "labs/lab_handlers.h"

#include "core/uuid.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "http/route_group.h"
#include "labs/labs_shapes.h"

namespace deltalabs::labs {

namespace {

// What POST and PATCH /v1/labs read; fields() makes the service's LabFields.
struct LabBody {
  std::string host_id;  // creating only
  std::optional<std::string> organization_id;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> location;
  std::optional<std::vector<std::string>> equipment;
  std::optional<bool> requires_approval;
  std::optional<std::int64_t> price_amount_minor;
  std::optional<std::string> currency;
  std::optional<std::string> status;

  LabFields fields() const {
    return {organization_id,    name,     description, location, equipment, requires_approval,
            price_amount_minor, currency, status};
  }
};

const BodySchema& host_body() {
  static const BodySchema schema{
      field::string("name", 200).length(1, 200).required().into(&HostInput::name),
      field::string("description", 5000).into(&HostInput::description),
      field::uuid("organization_id")
          .describe("host for this organization (needs labs:manage in it); absent: for yourself")
          .into(&HostInput::organization_id)};
  return schema;
}

BodySchema price_body() {
  return BodySchema{field::integer("amount_minor")
                        .range(0, 100000000)
                        .required()
                        .into(&LabBody::price_amount_minor),
                    field::string("currency", 3).length(3, 3).required().into(&LabBody::currency)};
}

// The lab fields; creating one also names its host and needs a name.
BodySchema lab_schema(bool create) {
  std::vector<FieldSpec> fields;
  if (create) {
    fields.push_back(
        field::uuid("host_id").required().describe("a host you act for").into(&LabBody::host_id));
  }
  auto name = field::string("name", 200).length(1, 200).into(&LabBody::name);
  if (create) name.required();
  fields.push_back(name);
  fields.push_back(field::string("description", 5000).into(&LabBody::description));
  fields.push_back(field::string("location", 500).into(&LabBody::location));
  fields.push_back(field::array("equipment", field::string("item", 100).length(1, 100), 50)
                       .into(&LabBody::equipment));
  fields.push_back(field::boolean("requires_approval")
                       .describe("bookings start pending until approved")
                       .into(&LabBody::requires_approval));
  fields.push_back(field::object("price", price_body()).describe("per seat and slot; 0 is free"));
  fields.push_back(field::uuid("organization_id")
                       .describe("the organization whose staff run the lab (labs:manage there)")
                       .into(&LabBody::organization_id));
  fields.push_back(
      field::string("status", 16).one_of({"active", "inactive"}).into(&LabBody::status));
  return BodySchema(std::move(fields));
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& lab_body(bool create) {
  static const BodySchema for_create = lab_schema(true), for_update = lab_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& slot_body() {
  static const BodySchema schema{
      field::timestamp("slot_start")
          .required()
          .describe("in the future")
          .into(&SlotInput::slot_start),
      field::timestamp("slot_end")
          .required()
          .describe("after slot_start")
          .into(&SlotInput::slot_end),
      field::integer("capacity").range(1, 10000).required().into(&SlotInput::capacity)};
  return schema;
}

// An optional RFC 3339 query parameter in stored form; a problem when malformed.
std::optional<std::string> time_query(const http::Request& req, const char* name,
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

Result<LabSearch> lab_search(const http::Request& req) {
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
  const http::RouteGroup g(router, cursors, "Labs");
  const http::RouteGroup anyone = g.with(http::Access::kPublic);
  anyone.list({.path = "/v1/hosts", .summary = "Hosts that offer labs: users and organizations"},
              host_shape(),
              [&hosts](http::Request&, const PageRequest& page) { return hosts.list(page); });

  g.create({.path = "/v1/hosts",
            .summary = "Become a host, yourself or for an organization (labs:manage in it); 409 "
                       "HOST_EXISTS",
            .body = http::json_body(host_body()),
            .responses = {201, 403, 404, 409}},
           host_shape(), http::call(hosts, &HostService::create, http::body_as<HostInput>),
           "/v1/hosts/");

  anyone.get({.path = "/v1/hosts/:id", .summary = "One host", .responses = {200, 404}},
             host_shape(),
             [&hosts](http::Request& req) { return hosts.get(http::path_param(req)); });
}

void register_lab_crud_routes(http::Router& router, LabService& labs, const CursorCodec& cursors) {
  const http::RouteGroup g(router, "Labs");
  const http::RouteGroup anyone = g.with(http::Access::kPublic);
  anyone.add(
      {.method = http::Method::kGet,
       .path = "/v1/labs",
       .handler = [&labs, &cursors](http::Request& req) -> Result<http::Response> {
         DL_ASSIGN_OR_RETURN(LabSearch search, lab_search(req));
         DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
         DL_ASSIGN_OR_RETURN(auto result, labs.search(search, page));
         return http::page_response(result, lab_shape(), cursors);
       },
       .summary = "Search active labs by text, organization (and those below it), equipment, "
                  "and a window with a free seat in a slot not yet started",
       .query = http::page_query(
           {{"q", "string", "text in the name, description or location"},
            {"organization_id", "string", "labs of this organization or one below it"},
            {"equipment", "string", "labs listing this piece of equipment (any case)"},
            {"available_from", "string", "RFC 3339: a slot with a free seat starts at or after"},
            {"available_to", "string", "RFC 3339: ... and ends at or before this"}}),
       .returns = http::schema::page_of(lab_shape())});

  g.create(
      {.path = "/v1/labs",
       .summary = "Create a lab of a host you act for (its user, or labs:manage in its "
                  "organization)",
       .body = http::json_body(lab_body(/*create=*/true)),
       .responses = {201, 403, 404}},
      lab_shape(),
      [&labs](http::Request& req) {
        const auto in = http::body_as<LabBody>(req);
        return labs.create(req.caller(), in.host_id, in.fields());
      },
      "/v1/labs/");

  anyone.get({.path = "/v1/labs/:id", .summary = "One lab", .responses = {200, 404}}, lab_shape(),
             [&labs](http::Request& req) { return labs.get(http::path_param(req)); });

  g.patch({.path = "/v1/labs/:id",
           .summary = "Change a lab (its host and managers)",
           .body = http::json_body(lab_body(/*create=*/false)),
           .responses = {200, 403, 404}},
          lab_shape(),
          http::call(labs, &LabService::update, http::id, http::body_field(&LabBody::fields)));
}

void register_availability_routes(http::Router& router, LabService& labs,
                                  const CursorCodec& cursors) {
  const http::RouteGroup g(router, "Labs");
  const http::RouteGroup anyone = g.with(http::Access::kPublic);
  anyone.add({.method = http::Method::kGet,
              .path = "/v1/labs/:id/availability",
              .handler = [&labs, &cursors](http::Request& req) -> Result<http::Response> {
                std::vector<FieldError> problems;
                auto from = time_query(req, "from", problems);
                auto to = time_query(req, "to", problems);
                if (!problems.empty()) return Error::invalid("The query is not valid.", problems);
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, labs.slots(http::path_param(req), from, to, page));
                return http::page_response(result, slot_shape(), cursors);
              },
              .summary = "The lab's slots overlapping [from, to), in time order, with free seats",
              .query = http::page_query({{"from", "string", "RFC 3339: slots ending after this"},
                                         {"to", "string", "RFC 3339: slots starting before this"}}),
              .responses = {200, 404},
              .returns = http::schema::page_of(slot_shape())});

  g.post({.path = "/v1/labs/:id/availability",
          .summary = "Open a slot (the lab's host and managers); 409 SLOT_OVERLAP when it "
                     "overlaps another slot of the lab, also when two requests race",
          .body = http::json_body(slot_body()),
          .responses = {201, 403, 404, 409}},
         slot_shape(), http::call(labs, &LabService::add_slot, http::id, http::body_as<SlotInput>));
}

}  // namespace

void register_lab_routes(http::Router& router, HostService& hosts, LabService& labs,
                         const CursorCodec& cursors) {
  register_host_routes(router, hosts, cursors);
  register_lab_crud_routes(router, labs, cursors);
  register_availability_routes(router, labs, cursors);
}

}  // namespace deltalabs::labs
