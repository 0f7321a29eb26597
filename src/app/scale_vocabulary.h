#pragma once

#include <array>
#include <cstdint>
#include <string_view>

// The words and reference data the scale data set composes titles, names and
// catalogs from (see ScaleDataSet); fixed, so every run gives the same rows.
namespace deltalabs::scale_vocabulary {

inline constexpr std::array<std::string_view, 20> kAdjectives = {
    "Practical", "Modern",       "Applied",  "Complete",  "Essential",
    "Hands-on",  "Advanced",     "Intro to", "Mastering", "Fundamentals of",
    "Effective", "Professional", "Creative", "Rapid",     "Deep",
    "Visual",    "Scalable",     "Secure",   "Pragmatic", "Everyday"};
inline constexpr std::array<std::string_view, 40> kTopics = {
    "Python",     "Rust",       "Go",         "JavaScript",  "TypeScript", "SQL",     "Kubernetes",
    "Docker",     "Linux",      "React",      "Statistics",  "Calculus",   "Algebra", "Photography",
    "Watercolor", "Guitar",     "Piano",      "Spanish",     "French",     "German",  "Marketing",
    "Finance",    "Accounting", "Leadership", "Negotiation", "Nutrition",  "Yoga",    "Chemistry",
    "Physics",    "Biology",    "Data",       "Machine",     "Cloud",      "Network", "Security",
    "Design",     "Writing",    "Economics",  "Astronomy",   "History"};
inline constexpr std::array<std::string_view, 30> kNouns = {
    "Testing",      "Learning",  "Analysis",     "Visualization", "Engineering", "Architecture",
    "Programming",  "Basics",    "Patterns",     "Performance",   "Automation",  "Operations",
    "Modeling",     "Workflows", "Projects",     "Interviews",    "Theory",      "Practice",
    "Storytelling", "Strategy",  "Fundamentals", "Debugging",     "Systems",     "Pipelines",
    "Composition",  "Grammar",   "Conversation", "Techniques",    "Research",    "Design"};
inline constexpr std::array<std::string_view, 24> kFillers = {
    "build",    "real",      "projects", "step",  "by",    "from",  "scratch", "with",
    "examples", "exercises", "quizzes",  "and",   "a",     "final", "project", "that",
    "covers",   "the",       "core",     "ideas", "teams", "use",   "every",   "day"};
inline constexpr std::array<std::string_view, 12> kFirstNames = {"Ada",  "Ben",   "Chloe", "Dev",
                                                                 "Emma", "Farid", "Grace", "Hugo",
                                                                 "Iris", "Jonas", "Kemal", "Lea"};
inline constexpr std::array<std::string_view, 12> kLastNames = {
    "Ahmed",  "Brown",  "Costa", "Dubois", "Evans",    "Fischer",
    "Garcia", "Hansen", "Ito",   "Jensen", "Kowalski", "Lopez"};

// Reference data: slug and name.
struct Reference {
  std::string_view slug;
  std::string_view name;
};
inline constexpr std::array<Reference, 12> kCategories = {
    {{"programming", "Programming"},
     {"data-science", "Data science"},
     {"design", "Design"},
     {"business", "Business"},
     {"marketing", "Marketing"},
     {"languages", "Languages"},
     {"music", "Music"},
     {"photography", "Photography"},
     {"health", "Health"},
     {"mathematics", "Mathematics"},
     {"science", "Science"},
     {"personal-development", "Personal development"}}};
inline constexpr std::array<Reference, 4> kLevels = {{{"beginner", "Beginner"},
                                                      {"intermediate", "Intermediate"},
                                                      {"advanced", "Advanced"},
                                                      {"all-levels", "All levels"}}};
inline constexpr std::array<std::int64_t, 5> kPrices = {999, 1999, 2999, 4999, 9999};
inline constexpr std::array<std::string_view, 5> kItemTypes = {"video", "text", "file", "link",
                                                               "exercise_ref"};

// Word `h` of a list, wrapping around.
template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& words, std::uint64_t h) {
  return words[h % N];
}

}  // namespace deltalabs::scale_vocabulary
