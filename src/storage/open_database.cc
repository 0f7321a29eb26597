#include "storage/database.h"
#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

namespace deltalabs {

bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options) {
  const std::string& url = options.url;
  if (is_postgres_url(url)) return PostgresDatabase::open(url, options);
  if (url.rfind("sqlite:", 0) == 0) return SqliteDatabase::open(url.substr(7), options);
  if (url.find("://") == std::string::npos && !url.empty())
    return SqliteDatabase::open(url, options);
  return Error::bad_request(
      "UNSUPPORTED_DATABASE_URL",
      "Database URLs start with sqlite: or postgresql://, not '" + url + "'.");
}

}  // namespace deltalabs
