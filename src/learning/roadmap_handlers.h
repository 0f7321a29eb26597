#pragma once

#include "http/router.h"
#include "learning/roadmap_service.h"

namespace deltalabs::learning {

// Adds /v1/courses/:id/roadmap (read, record progress) and its milestones.
void register_roadmap_routes(http::Router& router, RoadmapService& roadmaps);

}  // namespace deltalabs::learning
