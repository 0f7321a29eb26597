// The design tokens in src/index.css: every colour token holds a light and a
// dark value, so the theme (the system's, or the one stored in Preferences)
// is switched by color-scheme alone and no copy of the palette can drift.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../index.css'), 'utf8');

/** The text of the first block opened by `selector`. */
function block(selector: string): string {
  const at = css.indexOf(`${selector} {`);
  expect(at, `${selector} in index.css`).toBeGreaterThanOrEqual(0);
  return css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
}

describe('the colour tokens', () => {
  const root = block('\n:root');
  const tokens = [...root.matchAll(/(--dl-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()] as const);

  it('each hold a light and a dark value', () => {
    expect(tokens.length).toBeGreaterThan(10);
    for (const [name, value] of tokens) {
      expect(value, name).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/);
    }
  });

  it('follow the system unless a stored theme picks one', () => {
    expect(root).toContain('color-scheme: light dark;');
    expect(block(":root[data-theme='light']")).toContain('color-scheme: light;');
    expect(block(":root[data-theme='dark']")).toContain('color-scheme: dark;');
    expect(css).not.toContain('@media (prefers-color-scheme');
  });

  it('every colour Tailwind names is one of them', () => {
    const names = new Set(tokens.map(([name]) => name));
    for (const m of block('@theme inline').matchAll(/--color-[\w-]+:\s*var\((--dl-[\w-]+)\)/g)) {
      expect(names.has(m[1]!), m[1]).toBe(true);
    }
  });
});
