#pragma once

#include "content/content_item_service.h"
#include "content/section_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::content {

// GET /v1/courses/:id/intro; GET, POST /v1/courses/:id/sections; PATCH, DELETE
// /v1/sections/:id; GET, POST /v1/sections/:id/items.
void register_content_routes(http::Router& router, SectionService& sections,
                             ContentItemService& items, const CursorCodec& cursors);

}  // namespace deltalabs::content
