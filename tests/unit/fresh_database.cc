#include "fresh_database.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/crypto.h"

namespace deltalabs {

namespace {

const char* postgres_url() {
  const char* url = std::getenv("DELTALABS_TEST_PG");
  return url != nullptr && *url != '\0' ? url : nullptr;
}

}  // namespace

bool FreshDatabase::postgres_available() { return postgres_url() != nullptr; }

std::string FreshDatabase::server_url() {
  const char* url = postgres_url();
  return url != nullptr ? url : "";
}

Result<std::unique_ptr<FreshDatabase>> FreshDatabase::create(const std::string& backend,
                                                             const std::string& prefix,
                                                             std::size_t pool) {
  crypto_init();
  std::unique_ptr<FreshDatabase> fresh(new FreshDatabase());
  std::string url;
  if (backend == "postgresql") {
    if (!postgres_available())
      return Error::unavailable("NO_SERVER", "DELTALABS_TEST_PG is not set.");
    DL_ASSIGN_OR_RETURN(fresh->admin_,
                        open_database({postgres_url(), 1, std::chrono::milliseconds(5000)}));
    fresh->name_ = prefix + "_" + random_token(6);
    for (char& c : fresh->name_)
      c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    DL_ASSIGN_OR_RETURN(auto conn, fresh->admin_->write());
    DL_TRY(conn->execute_script("CREATE DATABASE " + fresh->name_));
    const std::string server(postgres_url());
    url = server.substr(0, server.rfind('/') + 1) + fresh->name_;
  } else {
    fresh->path_ =
        (std::filesystem::temp_directory_path() / (prefix + "-" + random_token(6) + ".db"))
            .string();
    url = "sqlite:" + fresh->path_;
  }
  fresh->url_ = url;
  DL_ASSIGN_OR_RETURN(fresh->db_, open_database({url, pool, std::chrono::milliseconds(10000)}));
  return fresh;
}

FreshDatabase::~FreshDatabase() {
  db_.reset();  // PostgreSQL drops no database that has connections
  if (admin_ && !name_.empty()) {
    auto conn = admin_->write();
    if (conn.ok()) static_cast<void>((*conn)->execute_script("DROP DATABASE IF EXISTS " + name_));
  }
  if (!path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm", "-owners"}) {
      std::error_code ignored;
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
}

}  // namespace deltalabs
