import { useEffect, useState } from 'react';

/**
 * Whole seconds since `phase` last changed to a non-null value, counted once a second; 0
 * while it is null.
 * @example const seconds = useElapsedSeconds(busyNodes > 0 ? 'computing' : null);
 */
export function useElapsedSeconds(phase: string | null): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (phase === null) return;
    const start = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [phase]);
  return phase === null ? 0 : seconds;
}
