// themePreference.css repeats index.css's light and dark tokens (a stored
// theme must beat the system's media query). This keeps the copies in step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const read = (path: string) => readFileSync(resolve(here, path), 'utf8');

/** The --dl-* custom properties declared in a CSS block's text. */
function tokens(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/(--dl-[\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim().toLowerCase();
  return out;
}

/** The text between the first `{` after `start` and its matching `}`. */
function blockAfter(css: string, start: string): string {
  const at = css.indexOf(start);
  expect(at, `${start} in the CSS`).toBeGreaterThanOrEqual(0);
  const open = css.indexOf('{', at);
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) return css.slice(open + 1, i);
  }
  throw new Error(`unclosed block after ${start}`);
}

describe('the stored theme overrides', () => {
  const index = read('../../index.css');
  const override = read('./themePreference.css');

  it('use the same light tokens as index.css', () => {
    const light = tokens(blockAfter(index, '\n:root'));
    expect(Object.keys(light).length).toBeGreaterThan(5);
    expect(tokens(blockAfter(override, ":root[data-theme='light']"))).toEqual(light);
  });

  it('use the same dark tokens as index.css', () => {
    const dark = tokens(blockAfter(index, '@media (prefers-color-scheme: dark)'));
    expect(Object.keys(dark).length).toBeGreaterThan(5);
    expect(tokens(blockAfter(override, ":root[data-theme='dark']"))).toEqual(dark);
  });
});
