import { describe, expect, it } from 'vitest';
import { staleKeys, toolLabel, toolSummary, webRoute } from './tools';

const call = (name: string, ok: boolean, result: Record<string, unknown> = {}) =>
  ({ name, ok, arguments: {}, result }) as Parameters<typeof staleKeys>[0][number];

describe('assistant tool calls', () => {
  it('makes the enrollments stale after an enrollment, once, and nothing after a failed or read-only call', () => {
    expect(staleKeys([call('search_courses', true), call('enroll_in_course', true)])).toContainEqual(['enrollments']);
    expect(staleKeys([call('enroll_in_course', false)])).toEqual([]);
    expect(staleKeys([call('get_my_enrollments', true)])).toEqual([]);
    const twice = staleKeys([call('enroll_in_course', true), call('enroll_in_course', true)]);
    expect(twice.filter((k) => k[0] === 'enrollments')).toHaveLength(1);
  });

  it('describes results and refusals', () => {
    expect(toolSummary(call('search_courses', true, { courses: [{ title: 'SQL' }, { title: 'Rust' }] }))).toBe(
      'Found 2: SQL, Rust.',
    );
    expect(toolSummary(call('enroll_in_course', true, { enrollment: { course_title: 'SQL' } }))).toBe('Enrolled in SQL.');
    expect(toolSummary(call('enroll_in_course', false, { error: { status: 409, message: 'Already enrolled.' } }))).toBe(
      'Failed: Already enrolled.',
    );
    expect(toolLabel('enroll_in_course')).toBe('Enroll in a course');
    expect(toolLabel('brand_new_tool')).toBe('brand new tool');
  });

  it("maps the assistant's page names onto the app's routes", () => {
    expect(webRoute('/courses')).toBe('/catalog');
    expect(webRoute('/enrollments/')).toBe('/my-learning');
    expect(webRoute('/courses/0190-x')).toBe('/courses/0190-x');
    expect(webRoute('/')).toBe('/');
    expect(webRoute('/assistant')).toBeNull();
    expect(webRoute('https://elsewhere.example')).toBeNull();
    expect(webRoute('//elsewhere.example')).toBeNull();
  });
});
