#pragma once

#include "commerce/cart_service.h"
#include "commerce/checkout_service.h"
#include "commerce/order_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::commerce {

// /v1/cart, /v1/cart/items, /v1/orders and the order actions (refund, mark-paid).
void register_order_routes(http::Router& router, CartService& carts, CheckoutService& checkout,
                           OrderService& orders, const CursorCodec& cursors);

}  // namespace deltalabs::commerce
