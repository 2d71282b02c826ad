import { useEffect, useState } from 'react';

/** Whether an instant has passed; re-renders when it does (a page left open sees a window open). */
export function useReached(instant: string | null): boolean {
  const [now, setNow] = useState(Date.now);
  const at = instant === null ? Infinity : Date.parse(instant);
  useEffect(() => {
    const wait = at - Date.now();
    if (wait <= 0 || wait > 2 ** 31 - 1) return;
    const timer = setTimeout(() => setNow(Date.now()), wait + 50);
    return () => clearTimeout(timer);
  }, [at]);
  return now >= at;
}
