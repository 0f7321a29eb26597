#include "learning/model.h"

#include <algorithm>

namespace deltalabs::learning {

int Roadmap::progress_percent() const {
  const auto required = std::count_if(sections.begin(), sections.end(),
                                      [](const RoadmapSection& s) { return s.is_required; });
  const auto done = std::count_if(sections.begin(), sections.end(), [](const RoadmapSection& s) {
    return s.is_required && s.status == "completed";
  });
  return required == 0 ? 0 : static_cast<int>(done * 100 / required);
}

bool Roadmap::completed() const {
  return std::any_of(sections.begin(), sections.end(),
                     [](const RoadmapSection& s) { return s.is_required; }) &&
         progress_percent() == 100;
}

}  // namespace deltalabs::learning
