// Reading a content item's free-form JSON body. The API types it as an open
// object; these helpers pick the fields each item type uses, defensively.
import type { ContentItem } from './api';

export type ItemStatus = 'started' | 'completed' | undefined;

type Body = Record<string, unknown>;

function text(body: Body, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = body[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

/** An http(s) URL from the body, never a javascript: or data: one. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "10 min" or "1 h 5 min" from seconds. */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

export interface ItemView {
  kind: 'text' | 'video' | 'file' | 'link' | 'exercise' | 'other';
  text?: string | undefined;
  url?: string | undefined;
  label?: string | undefined;
  seconds?: number | undefined;
  exerciseId?: string | undefined;
}

/** What a content item shows, by its type. */
export function readItem(item: ContentItem): ItemView {
  const body = item.body as Body;
  const seconds = typeof body.seconds === 'number' ? body.seconds : undefined;
  const description = text(body, 'description', 'text', 'markdown');
  switch (item.item_type) {
    case 'text':
      return { kind: 'text', text: text(body, 'markdown', 'text', 'content') };
    case 'video':
      return { kind: 'video', url: safeUrl(body.url), seconds, text: description };
    case 'file':
      return { kind: 'file', url: safeUrl(body.url), label: text(body, 'name', 'filename', 'label'), text: description };
    case 'link':
      return { kind: 'link', url: safeUrl(body.url), label: text(body, 'label', 'name'), text: description };
    case 'exercise_ref':
      return { kind: 'exercise', exerciseId: text(body, 'exercise_id'), text: description };
    default:
      return { kind: 'other', text: description };
  }
}

export const typeLabel: Record<string, string> = {
  text: 'Reading',
  video: 'Video',
  file: 'File',
  link: 'Link',
  exercise_ref: 'Exercise',
};

export const statusLabel = (s: ItemStatus) => (s === 'completed' ? 'Completed' : s === 'started' ? 'Started' : 'Not started');

/** The item to open first: the first one not completed, else the first. */
export function firstOpenItem(items: ContentItem[], status: (id: string) => ItemStatus): ContentItem | undefined {
  return items.find((i) => status(i.id) !== 'completed') ?? items[0];
}
