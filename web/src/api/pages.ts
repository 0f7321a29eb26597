// Reading a whole cursor list, for the short lists a page shows at once (a
// course's sections, exercises, my attempts): every page, 100 at a time.

/** Every item of a cursor list, asking `page` for each page in turn. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items?: T[]; next_cursor?: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...(p.items ?? []));
    cursor = p.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

/** The query of one page of such a list: the largest page, after `cursor`. */
export const pageQuery = (cursor: string | undefined) => ({ limit: 100, ...(cursor ? { cursor } : {}) });
