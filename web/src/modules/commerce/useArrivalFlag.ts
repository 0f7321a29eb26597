import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * A flag the previous page passed in the location state (e.g. "booked"),
 * kept for this visit and then cleared from history, so a reload or a later
 * visit does not announce it again.
 */
export function useArrivalFlag(name: string): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const passed = (location.state as Record<string, unknown> | null)?.[name] === true;
  const [flag] = useState(passed);
  useEffect(() => {
    if (passed) navigate(location.pathname + location.search, { replace: true, state: null });
  }, [passed, navigate, location.pathname, location.search]);
  return flag;
}
