// Follows GET /v1/notifications/stream. The API authenticates it with the
// bearer header only (no cookie, no token in the query), so it is read with
// fetch through the shared client, which also refreshes an expired access
// token once for every caller. A dropped stream reconnects after the server's
// `retry:` delay, resuming after the last notification seen (Last-Event-ID,
// as EventSource would send it).
import { api, ApiError } from '../../api';
import { toApiError } from '../../api/errors';
import type { components } from '../../api';
import { createSseParser } from './notificationsSse';

export type Notification = components['schemas']['Notification'];

export interface StreamHandlers {
  onNotification(n: Notification): void;
  /** true while the stream is open, false while it waits to reconnect. */
  onConnected?(connected: boolean): void;
}

const DEFAULT_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

function isNotification(v: unknown): v is Notification {
  return typeof v === 'object' && v !== null && typeof (v as Notification).id === 'string' && typeof (v as Notification).kind === 'string';
}

/** Opens one connection: its body, or throws the ApiError of a refusal. */
export type OpenStream = (lastEventId: string | undefined, signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;

const openStream: OpenStream = async (lastEventId, signal) => {
  const { data, response, error } = await api.GET('/v1/notifications/stream', {
    headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
    parseAs: 'stream',
    signal,
  });
  if (!response.ok || !data) throw toApiError(response, error);
  return data;
};

/** Reads one connection until it ends; returns the server's retry delay. */
async function readOnce(
  signal: AbortSignal,
  lastId: { value: string | undefined },
  handlers: StreamHandlers,
  open: OpenStream,
): Promise<number | undefined> {
  const data = await open(lastId.value, signal);
  handlers.onConnected?.(true);
  const parser = createSseParser();
  const decoder = new TextDecoder();
  const reader = data.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return parser.retryMs;
      for (const e of parser.push(decoder.decode(value, { stream: true }))) {
        if (e.id) lastId.value = e.id;
        const parsed: unknown = JSON.parse(e.data);
        if (isNotification(parsed)) handlers.onNotification(parsed);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Waits `ms`, or less if `signal` aborts meanwhile. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((ok) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      ok();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Keeps the stream open until `signal` aborts. Stops for good on 401/403 (the
 * session ended: the client has already sent the user to sign in).
 */
export async function followNotifications(
  signal: AbortSignal,
  handlers: StreamHandlers,
  open: OpenStream = openStream,
): Promise<void> {
  const lastId = { value: undefined as string | undefined };
  let failures = 0;
  const counting: StreamHandlers = {
    ...handlers,
    onConnected(connected) {
      if (connected) failures = 0; // it answered: back off from scratch next time
      handlers.onConnected?.(connected);
    },
  };
  while (!signal.aborted) {
    let delay = DEFAULT_RETRY_MS;
    try {
      delay = (await readOnce(signal, lastId, counting, open)) ?? DEFAULT_RETRY_MS;
    } catch (e) {
      if (signal.aborted) return;
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return;
      failures++;
      // Back off while the server stays unreachable, up to 30 s.
      delay = Math.min(MAX_RETRY_MS, DEFAULT_RETRY_MS * 2 ** Math.min(failures - 1, 4));
    }
    handlers.onConnected?.(false);
    await sleep(delay, signal);
  }
}
