#include "labs/lab_repository.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

namespace {

// The equipment column's JSON array; anything else reads as no equipment.
std::vector<std::string> equipment_from(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

std::string equipment_json(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return boost::json::serialize(out);
}

Lab lab_from(const Row& r) {
  Lab l = sql::kLabRow.read(r);
  l.equipment = equipment_from(r.text(sql::kLabRow.size()));  // l.equipment: the column after
  return l;
}

std::optional<std::string> like_pattern(const std::optional<std::string>& q) {
  if (!q || q->empty()) return std::nullopt;
  std::string pattern = "%";
  for (char ch : *q) {
    // LIKE wildcards in the query are matched as themselves would need an
    // ESCAPE clause; dropping them keeps the search a plain substring match.
    if (ch == '%' || ch == '_') continue;
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return pattern + "%";
}

std::optional<std::string> lowered(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string out;
  for (char ch : *text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

Result<Lab> LabRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("lab");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectLab, {id}));
  if (rows.empty()) return Error::not_found("lab");
  return lab_from(rows[0]);
}

Result<Page<Lab>> LabRepository::search(Connection& c, const LabSearch& s, TimePoint now,
                                        const PageRequest& page) {
  const std::string_view statement = c.dialect() == Dialect::kSqlite
                                         ? sql::kSearchLabsSqlite.view()
                                         : sql::kSearchLabsPostgres.view();
  // A window is searched from the later of its start and now: past slots cannot be booked.
  const bool window = s.available_from || s.available_to;
  std::string from = format_rfc3339(now);
  if (s.available_from && *s.available_from > from) from = *s.available_from;
  return query_page(c, statement,
                    {format_rfc3339(now), like_pattern(s.q).value_or(""),
                     s.organization_id.value_or(""), lowered(s.equipment).value_or(""),
                     window ? 1 : 0, from, s.available_to.value_or(sql::kEndOfTime)},
                    page, lab_from);
}

Result<std::string> LabRepository::insert(Connection& c, const std::string& host_id,
                                          const Lab& lab) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertLab,
                   {id, host_id, lab.organization_id, lab.name, lab.description, lab.location,
                    equipment_json(lab.equipment), lab.requires_approval, lab.price_amount_minor,
                    lab.currency, lab.status, format_rfc3339(now())}));
  return id;
}

Status LabRepository::update(Connection& c, const Lab& lab) {
  DL_TRY(c.execute(sql::kUpdateLab,
                   {lab.id, lab.organization_id, lab.name, lab.description, lab.location,
                    equipment_json(lab.equipment), lab.requires_approval, lab.price_amount_minor,
                    lab.currency, lab.status, format_rfc3339(now())}));
  return {};
}

Result<std::int64_t> LabRepository::count_hosted_by(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountLabsOfUser, {user_id}));
  return rows[0].integer(0);
}

}  // namespace deltalabs::labs
