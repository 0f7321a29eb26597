#pragma once

#include "http/json_shape.h"
#include "labs/model.h"

namespace deltalabs::labs {

// The API shapes of labs objects: one per type, so every route renders and
// documents the same object the same way. Prices are Money (catalog's shape).

// {id, user_id, organization_id, name, description, created_at}
const http::JsonShape<Host>& host_shape();
// Every lab field, price per seat and slot as Money.
const http::JsonShape<Lab>& lab_shape();
// A slot with its capacity, seats taken and free, and how many wait.
const http::JsonShape<Slot>& slot_shape();
// A booking with its slot's times, lab, state and amount.
const http::JsonShape<Booking>& booking_shape();
// A place in a slot's waitlist.
const http::JsonShape<WaitlistEntry>& waitlist_entry_shape();

}  // namespace deltalabs::labs
