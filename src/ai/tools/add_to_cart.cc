#include "ai/tools/tools.h"
#include "commerce/commerce_shapes.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

// As POST /v1/cart/items by the caller: their own open cart; a course they
// are enrolled in, one already in the cart or out of stock is a tool error.
Tool add_to_cart_tool(ToolServices& services) {
  return {
      "add_to_cart",
      "Add a course or a resource to the signed-in user's cart (checkout is theirs to do).",
      BodySchema{field::string("item_type", 16).one_of({"course", "resource"}).required(),
                 field::uuid("item_id").required().describe("The course's or resource's id"),
                 field::integer("quantity").range(1, 100).describe("Resources only (default 1)")},
      [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
        if (services.carts == nullptr) return Error::internal("carts are not wired");
        commerce::CartItemInput input{http::required_string(args, "item_type"),
                                      http::required_string(args, "item_id"),
                                      http::optional_int(args, "quantity").value_or(1)};
        DL_ASSIGN_OR_RETURN(commerce::Cart cart, services.carts->add(actor, input));
        return tool_data({{"cart", commerce::cart_shape().render(cart)}});
      }};
}

}  // namespace deltalabs::ai
