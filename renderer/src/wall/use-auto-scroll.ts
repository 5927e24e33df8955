import { useEffect, type RefObject } from 'react';

const PIXELS_PER_SECOND = 40;
const PAUSE_MS = 6_000;

/**
 * Scrolls a box that holds more than it shows, slowly, to the end and back to the top, pausing at
 * both ends: a TV on the wall has no one to scroll it. A box that fits stays still.
 */
export function useAutoScroll(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    let pausedUntil = last + PAUSE_MS;
    let position = 0;
    const step = (now: number) => {
      const element = box.current;
      const elapsed = now - last;
      last = now;
      if (element && now >= pausedUntil) {
        const room = element.scrollHeight - element.clientHeight;
        if (room <= 0) position = 0;
        else if (position >= room) {
          position = 0;
          pausedUntil = now + PAUSE_MS;
        } else {
          position = Math.min(room, position + (PIXELS_PER_SECOND * elapsed) / 1_000);
          if (position >= room) pausedUntil = now + PAUSE_MS;
        }
        element.scrollTop = position;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [box]);
}
