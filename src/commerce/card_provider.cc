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
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(s.timeout_ms));
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS,
                   std::min(5000L, static_cast<long>(s.timeout_ms)));
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl.get());
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE",
                              "The card processor did not answer; try again in a moment.",
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

// The processor's own words about a refusal, kept short for a problem body.
std::string processor_message(const boost::json::value& json) {
  std::string message = text_at(json, {"error", "message"});
  if (message.empty()) message = text_at(json, {"error", "code"});
  if (message.size() > 300) message.resize(300);
  return message;
}

// What an answer other than success or a card decline means. 401 and 403
// say our key is wrong: nothing works until an operator fixes it. 409 (a
// request with the same key still running there), 429 and 5xx pass. Any other
// 4xx says this request was wrong, and repeating it will not help: then
// `rejected` is the answer, with the processor's words added.
Error refusal(const Answer& a, const boost::json::value& json, bool parsed, Error rejected) {
  const std::string cause = "HTTP " + std::to_string(a.status);
  if (a.status == 401 || a.status == 403) {
    return Error::misconfigured("CARD_PROCESSOR_MISCONFIGURED",
                                "Card payments are unavailable: the card processor refused this "
                                "platform's credentials.",
                                cause);
  }
  const bool transient =
      !parsed || a.status >= 500 || a.status == 409 || a.status == 429 || a.status < 400;
  if (transient) {
    return Error::unavailable("CARD_PROCESSOR_UNAVAILABLE",
                              "The card processor did not answer; try again in a moment.", cause);
  }
  const std::string message = processor_message(json);
  if (!message.empty()) rejected.message += " The processor said: " + message;
  rejected.cause = cause;
  return rejected;
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
  if (ec || (a.status != 200 && a.status != 402)) {
    return refusal(
        a, json, !ec,
        Error::unprocessable("PAYMENT_REJECTED", "The card processor rejected the payment."));
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
                                           {"amount", std::to_string(r.amount_minor)},
                                           {"metadata[order_id]", r.order_id},
                                           {"metadata[order_item_ids]", r.item_ids}}));
  if (a.status == 200) return {};
  boost::system::error_code ec;
  const boost::json::value json = boost::json::parse(a.body, ec);
  return refusal(a, json, !ec,
                 Error::conflict("REFUND_REFUSED", "The card processor refused the refund."));
}

}  // namespace deltalabs::commerce
