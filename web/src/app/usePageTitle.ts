import { useEffect } from 'react';

/** Sets document.title to "<title> · Delta Labs". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Delta Labs` : 'Delta Labs';
  }, [title]);
}
