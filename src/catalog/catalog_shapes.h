#pragma once

#include <boost/json/object.hpp>

#include "catalog/model.h"
#include "http/json_shape.h"

namespace deltalabs::catalog {

// The API shapes of catalog objects: one shape per type, so every route
// renders and documents the same object the same way.

// {id, slug, name, description, created_at}: a course category or level.
const http::JsonShape<ReferenceEntry>& reference_shape();
// {id, user_id, name, headline, bio, created_at}
const http::JsonShape<Instructor>& instructor_shape();
// {amount_minor, currency}
const http::JsonShape<Money>& money_shape();
// Every course field, price as Money, instructor_ids as an array.
const http::JsonShape<Course>& course_shape();

// money_shape().render(money).
boost::json::object money_json(const Money& money);
// course_shape().render(course).
boost::json::object course_json(const Course& course);

}  // namespace deltalabs::catalog
