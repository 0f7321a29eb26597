// What the assistant's tool calls mean for the app (pure, unit-tested): which
// cached data they change, how to describe their results, and which page of
// this app a `navigate` answer names.
import type { Schemas } from '../../api/types';

export type ToolCall = Schemas['AiToolCall'];

/**
 * The React Query keys (prefixes) a successful tool call makes stale: the tools
 * act as the user through the same API, so what they write must be read again
 * (an enrollment made in the chat shows up in My learning at once).
 */
const changes: Record<string, string[][]> = {
  enroll_in_course: [['enrollments'], ['course-intro'], ['courses'], ['notifications']],
  add_to_cart: [['cart']],
  book_lab: [['bookings'], ['labs'], ['notifications']],
  ask_question: [['questions']],
  create_content_draft: [['content-drafts']],
};

export function staleKeys(calls: ToolCall[]): string[][] {
  const keys = calls.filter((c) => c.ok).flatMap((c) => changes[c.name] ?? []);
  return keys.filter((k, i) => keys.findIndex((o) => o.join('/') === k.join('/')) === i);
}

const names: Record<string, string> = {
  list_courses: 'List courses',
  search_courses: 'Search courses',
  get_my_enrollments: 'My enrollments',
  enroll_in_course: 'Enroll in a course',
  get_course_grades: 'Course grades',
  add_to_cart: 'Add to cart',
  book_lab: 'Book a lab',
  ask_question: 'Ask a question',
  navigate_to_route: 'Open a page',
  create_content_draft: 'Draft content',
};

/** A tool's name in words ("enroll_in_course" → "Enroll in a course"). */
export function toolLabel(name: string): string {
  return names[name] ?? name.replace(/_/g, ' ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function titles(list: unknown[], key: string): string {
  return list
    .filter(isObject)
    .map((x) => x[key])
    .filter((t): t is string => typeof t === 'string')
    .join(', ');
}

/** One line on what a tool call did, read from its result. */
export function toolSummary(call: Pick<ToolCall, 'ok' | 'result'>): string {
  const r: unknown = call.result;
  if (!isObject(r)) return call.ok ? 'Done.' : 'Failed.';
  const error = r.error;
  if (isObject(error)) return `Failed: ${typeof error.message === 'string' ? error.message : 'the tool refused.'}`;
  if (Array.isArray(r.courses)) {
    return r.courses.length === 0 ? 'No course found.' : `Found ${r.courses.length}: ${titles(r.courses, 'title')}.`;
  }
  if (Array.isArray(r.enrollments)) {
    return r.enrollments.length === 0 ? 'No enrollments.' : `${r.enrollments.length}: ${titles(r.enrollments, 'course_title')}.`;
  }
  if (isObject(r.enrollment) && typeof r.enrollment.course_title === 'string') {
    return `Enrolled in ${r.enrollment.course_title}.`;
  }
  if (Array.isArray(r.grades)) return r.grades.length === 0 ? 'No grades yet.' : `${r.grades.length} grade items.`;
  if (typeof r.navigate === 'string') return `Page ${r.navigate}.`;
  if (isObject(r.cart)) return 'The cart is updated.';
  if (isObject(r.question) && typeof r.question.title === 'string') return `Posted "${r.question.title}".`;
  if (isObject(r.booking)) return 'Booked.';
  return call.ok ? 'Done.' : 'Failed.';
}

/**
 * The assistant names pages by the API's resources (/courses, /enrollments);
 * this is where they live in the web app. null: stay (the assistant is this panel).
 */
export function webRoute(route: string): string | null {
  const path = route.length > 1 ? route.replace(/\/+$/, '') : route;
  switch (path) {
    case '/courses':
      return '/catalog';
    case '/enrollments':
      return '/my-learning';
    case '/assistant':
      return null;
    default:
      // Only a path of this app: never "//host" (another site) or a full URL.
      return path.startsWith('/') && !path.startsWith('//') ? path : null;
  }
}
