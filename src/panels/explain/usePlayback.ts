import { useEffect, useRef } from 'react';
import { useInspect, useInspectStore } from '../inspect/useInspect.ts';

/** While playing, move the focus along `walk` at the chosen speed (steps per second). */
export function usePlayback(walk: readonly number[]): void {
  const store = useInspectStore();
  const playing = useInspect((s) => s.playing);
  const speed = useInspect((s) => s.speed);
  const latest = useRef(walk);
  useEffect(() => {
    latest.current = walk;
  }, [walk]);
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => store.step(latest.current, 'tick'), 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, store]);
}
