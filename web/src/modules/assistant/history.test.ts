import { describe, expect, it } from 'vitest';
import { toExchanges } from './history';

const message = (turn: string, position: number, role: 'user' | 'assistant' | 'tool', content: string, tool?: string) => ({
  id: `${turn}-${position}`,
  turn_id: turn,
  position,
  role,
  content,
  tool_name: tool ?? null,
  tool_arguments: tool ? { query: 'SQL' } : null,
  // The generated schema types a tool's result as Record<string, never>.
  tool_result: tool ? ({ courses: [] } as unknown as Record<string, never>) : null,
  tool_ok: tool ? true : null,
  tokens: 10,
  latency_ms: 0,
  created_at: '2026-12-07T13:18:43.910Z',
});

describe('a stored conversation', () => {
  it('becomes one exchange per turn with its prompt, tool calls and answer', () => {
    const exchanges = toExchanges({
      id: 'c1',
      title: 't',
      provider: 'builtin',
      created_at: '',
      updated_at: '',
      messages: [
        message('t1', 0, 'user', 'find SQL'),
        message('t1', 1, 'tool', '{}', 'search_courses'),
        message('t1', 2, 'assistant', 'No course found.'),
        message('t2', 0, 'user', 'help'),
        message('t2', 1, 'assistant', 'I can…'),
      ],
    });
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]!.prompt).toBe('find SQL');
    expect(exchanges[0]!.turn?.tool_calls).toEqual([
      { name: 'search_courses', arguments: { query: 'SQL' }, result: { courses: [] }, ok: true },
    ]);
    expect(exchanges[0]!.turn?.answer).toBe('No course found.');
    expect(exchanges[1]!.turn?.answer).toBe('I can…');
    expect(exchanges[1]!.turn?.tool_calls).toEqual([]);
  });
});
