#include "commerce/card_provider.h"

#include <curl/curl.h>

#include <algorithm>
#include <boost/json.hpp>
#include <memory>

namespace deltalabs::commerce {

namespace {

// One HTTP answer of the processor.
struct Answer {
  long status = 0;
  std::string body;
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  std::string out;
  for (const auto& [name, value] : fields) {
    char* escaped = curl_easy_escape(curl.get(), value.c_str(), static_cast<int>(value.size()));
    if (!out.empty()) out += '&';
    out += name + "=" + (escaped != nullptr ? escaped : "");
    curl_free(escaped);
  }
  return out;
}

Result<Answer> post_form(const CardSettings& s, const std::string& path, const std::string& key,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl)
    return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE", "The card processor is unreachable.");
  const std::string url = s.api_url + path;
  const std::string body = form(fields);
  const std::string auth = "Authorization: Bearer " + s.api_key;
  const std::string idem = "Idempotency-Key: " + key;
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, auth.c_str());
  headers = curl_slist_append(headers, idem.c_str());
  headers = curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded");
  Answer answer;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl.get());
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE", "The card processor is unreachable.",
                              curl_easy_strerror(rc));
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

std::string text_at(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* at = &v;
  for (const char* key : path) {
    if (!at->is_object()) return "";
    at = at->as_object().if_contains(key);
    if (at == nullptr) return "";
  }
  return at->is_string() ? std::string(at->as_string()) : "";
}

}  // namespace

Result<ChargeOutcome> CardProvider::charge(const ChargeRequest& r) {
  std::string currency = r.currency;
  std::transform(currency.begin(), currency.end(), currency.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  DL_ASSIGN_OR_RETURN(Answer a, post_form(settings_, "/v1/payment_intents", r.idempotency_key,
                                          {{"amount", std::to_string(r.amount_minor)},
                                           {"currency", currency},
                                           {"payment_method", r.payment_method.value_or("")},
                                           {"confirm", "true"},
                                           {"metadata[order_id]", r.order_id},
                                           {"metadata[order_number]", r.order_number}}));
  boost::system::error_code ec;
  const boost::json::value json = boost::json::parse(a.body, ec);
  if (ec || a.status >= 500 || (a.status != 200 && a.status != 402)) {
    return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE", "The card processor did not answer.",
                              "HTTP " + std::to_string(a.status));
  }
  ChargeOutcome out;
  out.method = "card";
  out.raw_event = a.body;
  if (a.status == 402) {
    out.status = "failed";
    out.failure_message = text_at(json, {"error", "message"});
    const std::string id = text_at(json, {"error", "payment_intent", "id"});
    if (!id.empty()) out.reference = id;
    return out;
  }
  const std::string id = text_at(json, {"id"});
  if (!id.empty()) out.reference = id;
  const std::string status = text_at(json, {"status"});
  if (status == "succeeded") {
    out.status = "succeeded";
  } else if (status == "requires_payment_method" || status == "canceled") {
    out.status = "failed";
  } else {
    out.status = "pending";
  }
  return out;
}

Status CardProvider::refund(const RefundRequest& r) {
  if (!r.reference)
    return Error::conflict("PAYMENT_NOT_CAPTURED", "The card payment has no processor reference.");
  DL_ASSIGN_OR_RETURN(Answer a, post_form(settings_, "/v1/refunds", r.idempotency_key,
                                          {{"payment_intent", *r.reference},
                                           {"amount", std::to_string(r.amount_minor)}}));
  if (a.status == 200) return {};
  if (a.status >= 400 && a.status < 500)
    return Error::conflict("REFUND_REFUSED", "The card processor refused the refund.");
  return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE", "The card processor did not answer.",
                            "HTTP " + std::to_string(a.status));
}

}  // namespace deltalabs::commerce
