import { describe, expect, it } from 'vitest';
import type { ContentItem } from './api';
import { firstOpenItem, formatDuration, readItem, safeUrl } from './content';

const item = (id: string, item_type: string, body: Record<string, unknown>): ContentItem => ({
  id,
  section_id: 's',
  item_type,
  title: id,
  body: body as ContentItem['body'],
  is_required: true,
  position: 1,
  created_at: '2026-12-07T00:00:00Z',
  updated_at: '2026-12-07T00:00:00Z',
});

describe('readItem', () => {
  it('reads each item type from its body', () => {
    expect(readItem(item('a', 'text', { markdown: 'Hello' }))).toEqual({ kind: 'text', text: 'Hello' });
    expect(readItem(item('b', 'video', { url: 'https://v.example/1', seconds: 600 }))).toMatchObject({
      kind: 'video',
      url: 'https://v.example/1',
      seconds: 600,
    });
    expect(readItem(item('c', 'file', { url: 'https://f.example/a.pdf', name: 'a.pdf' }))).toMatchObject({
      kind: 'file',
      label: 'a.pdf',
    });
    expect(readItem(item('d', 'link', { url: 'https://example.com' }))).toMatchObject({ kind: 'link', label: undefined });
    expect(readItem(item('e', 'exercise_ref', { exercise_id: 'x1' }))).toMatchObject({ kind: 'exercise', exerciseId: 'x1' });
  });

  it('never hands out a script or data URL', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,hi')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(42)).toBeUndefined();
    expect(readItem(item('f', 'link', { url: 'javascript:alert(1)' })).url).toBeUndefined();
  });
});

describe('player helpers', () => {
  it('opens the first item not completed, else the first', () => {
    const items = [item('a', 'text', {}), item('b', 'text', {}), item('c', 'text', {})];
    expect(firstOpenItem(items, (id) => (id === 'a' ? 'completed' : undefined))?.id).toBe('b');
    expect(firstOpenItem(items, () => 'completed')?.id).toBe('a');
    expect(firstOpenItem([], () => undefined)).toBeUndefined();
  });

  it('writes durations in minutes and hours', () => {
    expect(formatDuration(540)).toBe('9 min');
    expect(formatDuration(20)).toBe('1 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(7200)).toBe('2 h');
  });
});
