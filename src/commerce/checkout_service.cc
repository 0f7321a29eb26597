#include "commerce/checkout_service.h"

#include <algorithm>

#include "commerce/cart_repository.h"
#include "commerce/coupon_repository.h"
#include "commerce/funding_repository.h"
#include "commerce/offline_provider.h"
#include "commerce/order_fulfilment.h"
#include "commerce/order_repository.h"
#include "commerce/pricing.h"
#include "content/course_material_service.h"
#include "core/clock.h"

namespace deltalabs::commerce {

namespace {

// A cart line re-read at checkout, with what pricing needs.
struct Line {
  OrderItem item;
  PriceLine price;
  std::string currency;
};

Result<Line> course_line(Connection& c, catalog::CourseService& courses, const Actor& actor,
                         const CartItem& in) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses.visible(c, actor, in.item_id));
  if (course.status != "published") {
    return Error::conflict("COURSE_NOT_PUBLISHED",
                           "The course \"" + course.title + "\" is not on sale now.");
  }
  DL_ASSIGN_OR_RETURN(auto open,
                      OrderRepository::open_order_for_course(c, actor.user_id, course.id));
  if (open) {
    return Error::conflict("ORDER_PENDING", "Your order " + *open + " for \"" + course.title +
                                                "\" is still open: retry or finish it first.")
        .with("order_id", *open);
  }
  Line line;
  line.item = {"", "", "course",     course.id,    course.title, 1, course.price.amount_minor,
               0,  0,  std::nullopt, std::nullopt, false};
  line.price.unit_price_minor = course.price.amount_minor;
  DL_ASSIGN_OR_RETURN(auto aid, FundingRepository::usable_aid(c, actor.user_id, course.id));
  if (aid) {
    line.item.aid_application_id = aid->id;
    line.price.aid_percent = aid->discount_percent;
  }
  line.currency = course.price.currency;
  return line;
}

Result<Line> resource_line(Connection& c, const CartItem& in) {
  DL_ASSIGN_OR_RETURN(ResourceOffer offer, CartRepository::resource(c, in.item_id));
  DL_ASSIGN_OR_RETURN(bool taken,
                      content::CourseMaterialService::take_stock(c, offer.id, in.quantity));
  if (!taken) {
    return Error::conflict("OUT_OF_STOCK", "Only " + std::to_string(offer.stock) + " of \"" +
                                               offer.title + "\" are left.");
  }
  Line line;
  line.item = {"", "", "resource",   offer.id,     offer.title, in.quantity, offer.price_minor,
               0,  0,  std::nullopt, std::nullopt, false};
  line.price.unit_price_minor = offer.price_minor;
  line.price.quantity = in.quantity;
  line.currency = offer.currency;
  return line;
}

// The coupon named at checkout, counted once more for this buyer; errors
// when it is unknown, out of its window, in another currency or used up.
Result<Coupon> redeem_coupon(Connection& c, const std::string& raw_code, const std::string& user,
                             const std::string& currency) {
  std::string code = raw_code;
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  DL_ASSIGN_OR_RETURN(auto coupon, CouponRepository::find_by_code(c, code));
  const std::string at = format_rfc3339(now());
  if (!coupon || (coupon->valid_from && *coupon->valid_from > at) ||
      (coupon->valid_until && *coupon->valid_until <= at)) {
    return Error::unprocessable("COUPON_INVALID", "The coupon code is not valid now.");
  }
  if (coupon->currency && *coupon->currency != currency) {
    return Error::unprocessable("COUPON_INVALID",
                                "The coupon is for orders in " + *coupon->currency + ".");
  }
  DL_ASSIGN_OR_RETURN(bool counted, CouponRepository::redeem(c, coupon->id));
  if (!counted) return Error::conflict("COUPON_EXHAUSTED", "The coupon has been used up.");
  // The increment above holds the coupon's row lock, so this count is exact.
  DL_ASSIGN_OR_RETURN(std::int64_t mine, CouponRepository::user_redemptions(c, coupon->id, user));
  if (mine >= coupon->per_user_limit) {
    return Error::conflict("COUPON_LIMIT_REACHED", "You have used this coupon already.");
  }
  return *coupon;
}

// Every line of the cart re-read at checkout; 409 MIXED_CURRENCIES when they
// are not priced in one currency.
Result<std::vector<Line>> read_lines(Connection& c, catalog::CourseService& courses,
                                     const Actor& actor, const Cart& cart) {
  std::vector<Line> lines;
  for (const auto& in : cart.items) {
    DL_ASSIGN_OR_RETURN(Line line, in.item_type == "course" ? course_line(c, courses, actor, in)
                                                            : resource_line(c, in));
    if (!lines.empty() && line.currency != lines.front().currency) {
      return Error::conflict("MIXED_CURRENCIES",
                             "Every item of one order must be priced in one currency.");
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

PricedOrder price_lines(const std::vector<Line>& lines, const std::optional<Coupon>& coupon) {
  std::vector<PriceLine> to_price;
  for (const auto& l : lines) to_price.push_back(l.price);
  std::optional<CouponTerms> terms;
  if (coupon) terms = CouponTerms{coupon->percent_off, coupon->amount_off_minor};
  return Pricing::price(std::move(to_price), terms);
}

// Inserts the order with its priced items and the coupon's redemption; returns its id.
Result<std::string> insert_order(Connection& c, const OrderRow& row, const std::vector<Line>& lines,
                                 const PricedOrder& priced, const std::optional<Coupon>& coupon) {
  DL_ASSIGN_OR_RETURN(std::string order_id, OrderRepository::insert(c, row));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    OrderItem item = lines[i].item;
    item.discount_minor = priced.lines[i].discount_minor;
    item.total_minor = priced.lines[i].total_minor;
    DL_TRY(OrderRepository::insert_item(c, order_id, item, row.user_id));
  }
  if (coupon)
    DL_TRY(CouponRepository::record(c, coupon->id, order_id, row.user_id,
                                    priced.coupon_discount_minor));
  return order_id;
}

// Pays the new order in this transaction, through `provider` or, when that is
// an external processor (a zero total), the offline provider; settles it when
// the charge succeeded.
Result<Order> pay_now(Connection& c, PaymentProvider& provider, const std::string& order_id,
                      const OrderRow& row, const std::string& checkout_key) {
  DL_ASSIGN_OR_RETURN(Order order, OrderRepository::find(c, order_id));  // its number
  OfflineProvider offline;
  PaymentProvider& settler = provider.external() ? offline : provider;
  ChargeRequest request{order.id,       order.number, order.user_id, order.total_minor,
                        order.currency, std::nullopt, false,         checkout_key};
  DL_ASSIGN_OR_RETURN(ChargeOutcome outcome, settler.charge(request));
  DL_TRY(OrderRepository::insert_payment(c, order_id, row, outcome.method));
  DL_ASSIGN_OR_RETURN(order, OrderRepository::find(c, order_id));
  if (outcome.status == "succeeded") {
    DL_TRY(OrderFulfilment::settle(c, order, "order", std::nullopt));
    return OrderRepository::find(c, order_id);
  }
  return order;
}

// Puts an order's courses and resources back into the buyer's open cart.
Status restore_cart(Connection& c, const Order& order) {
  DL_ASSIGN_OR_RETURN(Cart cart, CartRepository::open_for(c, order.user_id));
  for (const auto& item : order.items) {
    if (item.item_type != "course" && item.item_type != "resource") continue;
    DL_TRY(CartRepository::restore_item(c, cart.id, {item.item_type, item.item_id, item.quantity},
                                        item.unit_price_minor, order.currency));
  }
  return {};
}

// A card payment that never happened (declined, or the request refused):
// the order is cancelled with stock and coupon given back, its lines go
// back into the cart, and its Idempotency-Key is free for a new attempt.
Status cancel_unpaid(Connection& c, const Order& order, const std::optional<std::string>& raw) {
  DL_TRY(OrderFulfilment::fail(c, order, raw));
  DL_TRY(OrderRepository::forget_checkout_key(c, order.id));
  return restore_cart(c, order);
}

}  // namespace

Result<Order> CheckoutService::checkout(const Actor& actor, const CheckoutInput& input) {
  auto found = providers_.find(input.provider);
  if (found == providers_.end()) {
    return Error::invalid("The request body is not valid.",
                          {{"provider", "must be one of the configured payment providers"}});
  }
  PaymentProvider& provider = *found->second;
  if (provider.external() && !input.payment_method) {
    return Error::invalid("The request body is not valid.",
                          {{"payment_method", "is required for card payments"}});
  }
  DL_ASSIGN_OR_RETURN(Order order, db_.transaction([&](Connection& c) -> Result<Order> {
    return place(c, actor, input, provider);
  }));
  DL_TRY(durable_.wait());
  PaymentProvider* processor = awaiting_processor(order);
  if (processor == nullptr) return order;
  return charge_outside(order, input, *processor);
}

PaymentProvider* CheckoutService::awaiting_processor(const Order& order) const {
  if (order.status != "pending" || !order.payment || order.payment->status != "pending" ||
      order.payment->provider_reference) {
    return nullptr;
  }
  auto found = providers_.find(order.provider);
  if (found == providers_.end() || !found->second->external()) return nullptr;
  return found->second;
}

Result<Order> CheckoutService::place(Connection& c, const Actor& actor, const CheckoutInput& input,
                                     PaymentProvider& provider) {
  DL_ASSIGN_OR_RETURN(auto earlier,
                      OrderRepository::find_by_key(c, actor.user_id, input.checkout_key));
  if (earlier) return std::move(*earlier);
  DL_ASSIGN_OR_RETURN(auto cart, CartRepository::find_open(c, actor.user_id));
  if (!cart || cart->items.empty())
    return Error::conflict("CART_EMPTY", "Your cart is empty: add courses or resources first.");
  DL_ASSIGN_OR_RETURN(bool locked, CartRepository::lock(c, cart->id));
  if (!locked) return Error::conflict("CART_EMPTY", "Your cart was checked out meanwhile.");

  DL_ASSIGN_OR_RETURN(std::vector<Line> lines, read_lines(c, courses_, actor, *cart));
  const std::string currency = lines.front().currency;
  std::optional<Coupon> coupon;
  if (input.coupon_code) {
    DL_ASSIGN_OR_RETURN(coupon, redeem_coupon(c, *input.coupon_code, actor.user_id, currency));
  }
  const PricedOrder priced = price_lines(lines, coupon);

  // A zero total needs no processor: the offline provider settles it.
  const bool free = priced.total_minor == 0;
  OrderRow row{
      actor.user_id,         currency,           priced.subtotal_minor,
      priced.discount_minor, priced.total_minor, free ? "offline" : std::string(provider.name()),
      std::nullopt,          std::nullopt,       input.checkout_key};
  if (coupon) row.coupon_id = coupon->id;
  DL_ASSIGN_OR_RETURN(std::string order_id, insert_order(c, row, lines, priced, coupon));
  DL_TRY(CartRepository::check_out(c, cart->id));

  if (!free && provider.external()) {
    DL_TRY(OrderRepository::insert_payment(c, order_id, row, "card"));
    return OrderRepository::find(c, order_id);
  }
  return pay_now(c, provider, order_id, row, input.checkout_key);
}

Result<std::string> CheckoutService::place_hold(Connection& c, const HoldRequest& hold) {
  const std::int64_t total = hold.unit_price_minor * hold.quantity;
  OrderRow row{hold.user_id, hold.currency, total,        0,           total,
               "offline",    std::nullopt,  std::nullopt, std::nullopt};
  DL_ASSIGN_OR_RETURN(std::string order_id, OrderRepository::insert(c, row));
  OrderItem item{"",
                 "",
                 "lab_booking",
                 hold.lab_booking_id,
                 hold.title,
                 hold.quantity,
                 hold.unit_price_minor,
                 0,
                 total,
                 std::nullopt,
                 std::nullopt,
                 false};
  DL_TRY(OrderRepository::insert_item(c, order_id, item));
  DL_TRY(OrderRepository::insert_payment(c, order_id, row, "bank_transfer"));
  return order_id;
}

Status CheckoutService::cancel_hold(Connection& c, const std::string& lab_booking_id) {
  DL_ASSIGN_OR_RETURN(auto order_id, OrderRepository::pending_lab_order(c, lab_booking_id));
  if (!order_id) return {};
  DL_TRY(OrderRepository::lock(c, *order_id));
  DL_ASSIGN_OR_RETURN(Order order, OrderRepository::find(c, *order_id));
  if (order.status != "pending" || !order.payment || order.payment->status != "pending") return {};
  return OrderFulfilment::fail(c, order, std::nullopt);
}

Result<Order> CheckoutService::charge_outside(const Order& order, const CheckoutInput& input,
                                              PaymentProvider& provider) {
  ChargeRequest request{order.id,       order.number,         order.user_id, order.total_minor,
                        order.currency, input.payment_method, false,         "order-" + order.id};
  auto outcome = provider.charge(request);
  if (!outcome.ok()) return refused(order, std::move(outcome).error());
  auto settled = db_.transaction([&](Connection& c) -> Result<Order> {
    DL_TRY(OrderRepository::lock(c, order.id));
    DL_ASSIGN_OR_RETURN(Order now_order, OrderRepository::find(c, order.id));
    if (outcome->reference)
      DL_TRY(OrderRepository::set_payment_reference(c, now_order.payment->id, *outcome->reference,
                                                    outcome->raw_event));
    // A webhook may have settled it first: then nothing is left to do.
    if (now_order.payment->status == "pending") {
      if (outcome->status == "succeeded") {
        DL_TRY(OrderFulfilment::settle(c, now_order, "order", std::nullopt));
      } else if (outcome->status == "failed") {
        DL_TRY(cancel_unpaid(c, now_order, std::nullopt));
      }
    }
    return OrderRepository::find(c, order.id);
  });
  return durable_.after(std::move(settled));
}

Result<Order> CheckoutService::refused(const Order& order, Error error) {
  error.members.emplace_back("order_id", order.id);
  if (error.kind == ErrorKind::kUnavailable) {
    // Nothing is known of the charge: the order stays pending, and a retry of
    // this checkout asks the processor again under the same key, which it dedupes.
    error.message += " Your order " + order.number +
                     " stays pending: retry the checkout with the same Idempotency-Key.";
    return error;
  }
  // The processor refused the request itself (or our credentials): nothing was charged.
  auto cancelled = db_.transaction([&](Connection& c) -> Result<bool> {
    DL_TRY(OrderRepository::lock(c, order.id));
    DL_ASSIGN_OR_RETURN(Order now_order, OrderRepository::find(c, order.id));
    if (!awaiting_processor(now_order)) return false;
    DL_TRY(cancel_unpaid(c, now_order, std::nullopt));
    return true;
  });
  DL_TRY(durable_.after(std::move(cancelled)));
  error.message += " Nothing was charged; your cart is kept.";
  return error;
}

}  // namespace deltalabs::commerce
