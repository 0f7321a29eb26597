#pragma once

#include "ai/content_draft_service.h"
#include "ai/tool.h"
#include "assessment/grade_service.h"
#include "catalog/course_service.h"
#include "commerce/cart_service.h"
#include "engagement/question_service.h"
#include "labs/booking_service.h"
#include "labs/lab_service.h"
#include "learning/enrollment_service.h"

namespace deltalabs::ai {

// The domain services the tools call, each as the calling user.
struct ToolServices {
  catalog::CourseService& courses;
  learning::EnrollmentService& enrollments;
  assessment::GradeService& grades;
  engagement::QuestionService& questions;
  // The AI domain's own drafts, set by AiModule before its tools are made.
  ContentDraftService* drafts = nullptr;
  // Labs: finding a lab by name and booking its slots as the caller.
  labs::LabService* lab_catalog = nullptr;
  labs::BookingService* lab_bookings = nullptr;
  // Commerce: the caller's cart.
  commerce::CartService* carts = nullptr;
};

// One factory per tool, each in its own file under ai/tools/.

// The public catalog, newest (or most popular, or cheapest) first.
Tool list_courses_tool(ToolServices& services);
// Relevance search over published courses' titles and descriptions.
Tool search_courses_tool(ToolServices& services);
// The caller's own enrollments with course title and progress.
Tool get_my_enrollments_tool(ToolServices& services);
// Enrolls the caller as a student into a free published course.
Tool enroll_in_course_tool(ToolServices& services);
// The caller's grades in a course (a grader's: everyone's).
Tool get_course_grades_tool(ToolServices& services);
// Asks a question in a course's Q&A as the caller.
Tool ask_question_tool(ToolServices& services);
// Writes a content draft for a course the caller edits (source assistant).
Tool create_content_draft_tool(ToolServices& services);
// Adds a course or resource to the caller's own cart.
Tool add_to_cart_tool(ToolServices& services);
// Books seats in a lab slot as the caller.
Tool book_lab_tool(ToolServices& services);
// Tells the client which page of the web app to open.
Tool navigate_to_route_tool(ToolServices& services);

}  // namespace deltalabs::ai
