import { useEffect, useState } from 'react';

/**
 * Whole seconds since `active` last turned true, counted once a second; 0 while inactive.
 * @example const seconds = useElapsedSeconds(busyNodes > 0);
 */
export function useElapsedSeconds(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const start = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? seconds : 0;
}
