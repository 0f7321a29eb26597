#include "commerce/payment_webhook_service.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>
#include <chrono>

#include "commerce/order_fulfilment.h"
#include "commerce/order_refunds.h"
#include "commerce/order_repository.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

// 404: a server without a card processor has no webhook; retrying cannot help.
Error card_payments_disabled() {
  Error e = Error::not_found("card payments");
  e.code = "CARD_PAYMENTS_DISABLED";
  e.message = "Card payments are not configured here.";
  return e;
}

Error bad_signature(const std::string& why) {
  return Error::bad_request("WEBHOOK_SIGNATURE_INVALID",
                            "The webhook signature is not valid: " + why);
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

const boost::json::value* at(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* p = &v;
  for (const char* key : path) {
    if (!p->is_object()) return nullptr;
    p = p->as_object().if_contains(key);
    if (p == nullptr) return nullptr;
  }
  return p;
}

std::string text(const boost::json::value& v, std::initializer_list<const char*> path) {
  const auto* p = at(v, path);
  return p && p->is_string() ? std::string(p->as_string()) : "";
}

// The payment an event is about: by the processor's id, or by the
// order id in its metadata (the event may come before the charge call returned).
Result<std::optional<Order>> order_of(Connection& c, const boost::json::value& event) {
  // A charge names its PaymentIntent, the payment's reference here.
  std::string reference = text(event, {"data", "object", "payment_intent"});
  if (reference.empty()) reference = text(event, {"data", "object", "id"});
  if (!reference.empty()) {
    DL_ASSIGN_OR_RETURN(auto payment, OrderRepository::payment_by_reference(c, reference));
    if (payment) {
      DL_TRY(OrderRepository::lock(c, payment->order_id));
      DL_ASSIGN_OR_RETURN(Order o, OrderRepository::find(c, payment->order_id));
      return std::optional<Order>{std::move(o)};
    }
  }
  const std::string order_id = text(event, {"data", "object", "metadata", "order_id"});
  if (!is_uuid(order_id)) return std::optional<Order>{};
  auto locked = OrderRepository::lock(c, order_id);
  if (!locked.ok()) return std::optional<Order>{};
  DL_ASSIGN_OR_RETURN(Order o, OrderRepository::find(c, order_id));
  if (!o.payment || o.payment->provider != "card") return std::optional<Order>{};
  if (!o.payment->provider_reference && !reference.empty()) {
    DL_TRY(OrderRepository::set_payment_reference(c, o.payment->id, reference,
                                                  boost::json::serialize(event)));
    DL_ASSIGN_OR_RETURN(o, OrderRepository::find(c, order_id));
  }
  return std::optional<Order>{std::move(o)};
}

}  // namespace

Result<bool> PaymentWebhookService::apply_refund(Connection& c, const Order& order,
                                                 const boost::json::value& event) {
  const auto* refunded = at(event, {"data", "object", "amount_refunded"});
  if (refunded == nullptr || !refunded->is_int64()) return false;
  DL_ASSIGN_OR_RETURN(bool applied, OrderRefunds::apply_processor_refund(
                                        c, order, refunded->as_int64(), {}, labs_));
  if (!applied) {
    spdlog::warn(R"({{"msg":"processor refund not applied","order_id":"{}","amount_refunded":{}}})",
                 order.id, refunded->as_int64());
  }
  return applied;
}

Status PaymentWebhookService::verify(const std::string& payload,
                                     const std::string& signature) const {
  if (settings_.webhook_secret.empty()) return card_payments_disabled();
  std::string t;
  std::vector<std::string> v1;
  std::size_t start = 0;
  while (start <= signature.size()) {
    const std::size_t end = std::min(signature.find(',', start), signature.size());
    const std::string part = signature.substr(start, end - start);
    if (part.rfind("t=", 0) == 0) t = part.substr(2);
    if (part.rfind("v1=", 0) == 0) v1.push_back(part.substr(3));
    start = end + 1;
  }
  if (t.empty() || v1.empty() || t.size() > 12 ||
      t.find_first_not_of("0123456789") != std::string::npos)
    return bad_signature("the header needs t= and v1=");
  const auto sent = std::chrono::seconds(std::stoll(t));
  const auto age =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()) - sent;
  if (age > std::chrono::seconds(settings_.webhook_tolerance_s) ||
      age < -std::chrono::seconds(settings_.webhook_tolerance_s))
    return bad_signature("its timestamp is outside the tolerance window");
  const std::string expected = hex(hmac_sha256(settings_.webhook_secret, t + "." + payload));
  for (const auto& candidate : v1) {
    if (constant_time_equal(candidate, expected)) return {};
  }
  return bad_signature("no v1 signature matches");
}

Result<WebhookReceipt> PaymentWebhookService::receive(const std::string& payload,
                                                      const std::string& signature) {
  DL_TRY(verify(payload, signature));
  boost::system::error_code ec;
  const boost::json::value event = boost::json::parse(payload, ec);
  const std::string id = ec ? "" : text(event, {"id"});
  const std::string type = ec ? "" : text(event, {"type"});
  const auto* created = ec ? nullptr : at(event, {"created"});
  if (id.empty() || type.empty() || created == nullptr || !created->is_int64())
    return Error::bad_request("WEBHOOK_EVENT_INVALID", "The event needs id, type and created.");
  auto done = db_.transaction([&](Connection& c) -> Result<WebhookReceipt> {
    WebhookReceipt receipt{id, false, false};
    DL_ASSIGN_OR_RETURN(auto order, order_of(c, event));
    std::optional<std::string> payment_id;
    if (order && order->payment) payment_id = order->payment->id;
    DL_ASSIGN_OR_RETURN(bool stored, OrderRepository::record_payment_event(
                                         c, id, payment_id, type, created->as_int64(), payload));
    if (!stored) {
      receipt.duplicate = true;
      return receipt;
    }
    if (type == "charge.refunded") {
      if (!order || !order->payment) return receipt;
      DL_ASSIGN_OR_RETURN(receipt.applied, apply_refund(c, *order, event));
      return receipt;
    }
    if (!order || !order->payment || order->payment->status != "pending") return receipt;
    if (type == "payment_intent.succeeded") {
      DL_TRY(OrderFulfilment::settle(c, *order, "order", payload));
      receipt.applied = true;
    } else if (type == "payment_intent.payment_failed") {
      DL_TRY(OrderFulfilment::fail(c, *order, payload));
      receipt.applied = true;
    }
    return receipt;
  });
  // The processor retries until it gets a 2xx: acknowledge only what is durable.
  return durable_.after(std::move(done));
}

}  // namespace deltalabs::commerce
