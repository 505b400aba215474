import { describe, expect, it } from 'vitest';
import { displayPlacement } from './display-placement';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const monitor = { id: 2, bounds: { x: 1920, y: -200, width: 3840, height: 2160 } };

describe('displayPlacement', () => {
  it('goes full screen on the second display when there is one', () => {
    expect(displayPlacement([laptop, monitor], 1)).toEqual({ bounds: monitor.bounds, fullscreen: true });
    // Whichever is primary, the other one faces the customers.
    expect(displayPlacement([laptop, monitor], 2)).toEqual({ bounds: laptop.bounds, fullscreen: true });
  });

  it('is a window centred on the only display otherwise, never larger than it', () => {
    expect(displayPlacement([laptop], 1)).toEqual({
      bounds: { x: 320, y: 180, width: 1280, height: 720 },
      fullscreen: false,
    });
    const small = { id: 7, bounds: { x: 0, y: 0, width: 1024, height: 600 } };
    expect(displayPlacement([small], 7).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });
});
