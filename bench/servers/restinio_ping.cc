// The RESTinio side of the HTTP server comparison (docs/decisions/0001): the
// smallest RESTinio 0.6 server that answers every request like GET /health.
// Built and run only by bench/compare-servers.sh.
#include <restinio/all.hpp>

#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  const auto port = static_cast<std::uint16_t>(argc > 1 ? std::atoi(argv[1]) : 8090);
  const std::size_t threads = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 2;
  restinio::run(restinio::on_thread_pool(threads)
                    .port(port)
                    .address("127.0.0.1")
                    .request_handler([](auto req) {
                      return req->create_response()
                          .append_header(restinio::http_field::content_type, "application/json")
                          .set_body(R"({"status":"ok"})")
                          .done();
                    }));
  return 0;
}
