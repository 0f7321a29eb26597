#pragma once

#include <boost/json/object.hpp>

#include "catalog/model.h"

namespace deltalabs::catalog {

// The API shapes of catalog objects: one function per type, so every route
// renders the same object the same way.

// {id, slug, name, description, created_at}
boost::json::object reference_json(const ReferenceEntry& entry);
// {id, user_id, name, headline, bio, created_at}
boost::json::object instructor_json(const Instructor& instructor);
// {amount_minor, currency}
boost::json::object money_json(const Money& money);
// Every course field, price as money_json, instructor_ids as an array.
boost::json::object course_json(const Course& course);

}  // namespace deltalabs::catalog
