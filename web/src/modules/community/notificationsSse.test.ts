import { describe, expect, it } from 'vitest';
import { createSseParser } from './notificationsSse';

describe('the SSE parser', () => {
  it('reads id, event and data, skipping heartbeats and keeping retry', () => {
    const p = createSseParser();
    const events = p.push('retry: 2000\n: connected\n\nid: n1\nevent: answer.created\ndata: {"a":1}\n\n: heartbeat\n\n');
    expect(events).toEqual([{ id: 'n1', event: 'answer.created', data: '{"a":1}' }]);
    expect(p.retryMs).toBe(2000);
  });

  it('joins events split across chunks, and multi-line data', () => {
    const p = createSseParser();
    expect(p.push('id: n2\r\nda')).toEqual([]);
    expect(p.push('ta: one\r\ndata: two\r\n')).toEqual([]);
    expect(p.push('\r\n')).toEqual([{ id: 'n2', event: 'message', data: 'one\ntwo' }]);
  });

  it('keeps the last id for the next event that has none', () => {
    const p = createSseParser();
    p.push('id: n3\ndata: x\n\n');
    expect(p.push('data: y\n\n')).toEqual([{ id: 'n3', event: 'message', data: 'y' }]);
  });
});
