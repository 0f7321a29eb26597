import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { followNotifications, type Notification, type OpenStream } from './notificationsStream';

function body(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  });
}

const note = (id: string) => ({ id, kind: 'answer.created', payload: {}, read_at: null, created_at: '2026-12-07T10:00:00Z' });
const event = (id: string) => `id: ${id}\nevent: answer.created\ndata: ${JSON.stringify(note(id))}\n\n`;

describe('followNotifications', () => {
  it('delivers each notification and reconnects after the last one seen', async () => {
    const stop = new AbortController();
    const seen: string[] = [];
    const asked: Array<string | undefined> = [];
    const open: OpenStream = vi.fn(async (last) => {
      asked.push(last);
      if (asked.length === 1) return body(`retry: 5\n: connected\n\n${event('n1')}${event('n2')}`);
      stop.abort(); // the second connection is the one under test: stop after it
      return body(event('n3'));
    });
    await followNotifications(stop.signal, { onNotification: (n: Notification) => seen.push(n.id) }, open);
    expect(asked).toEqual([undefined, 'n2']);
    expect(seen).toEqual(['n1', 'n2', 'n3']);
  });

  it('stops when the session is refused (401)', async () => {
    const stop = new AbortController();
    const open: OpenStream = vi.fn(async () => {
      throw new ApiError({ status: 401, code: 'UNAUTHORIZED', message: 'no' });
    });
    await followNotifications(stop.signal, { onNotification: () => undefined }, open);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
