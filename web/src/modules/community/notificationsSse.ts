// A Server-Sent Events parser (the text/event-stream format of the HTML
// standard) for streams read with fetch: EventSource cannot send the
// Authorization header the API requires, so the bytes are parsed here.

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk: string): SseEvent[];
  /** The last `retry:` the server asked for, in ms. */
  readonly retryMs: number | undefined;
}

export function createSseParser(): SseParser {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retryMs: number | undefined;

  function field(line: string): SseEvent | null {
    if (line === '') {
      // A blank line dispatches the event collected so far (if it has data).
      const done = data.length > 0 ? { id, event: event || 'message', data: data.join('\n') } : null;
      data = [];
      event = '';
      return done;
    }
    if (line.startsWith(':')) return null; // a comment: the heartbeat
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    else if (name === 'id' && !value.includes('\0')) id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    return null;
  }

  return {
    push(chunk) {
      buffer += chunk;
      const out: SseEvent[] = [];
      // Lines end in CRLF, LF or CR; the last piece may be incomplete.
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const e = field(line);
        if (e) out.push(e);
      }
      return out;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
