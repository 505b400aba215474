// Where the waiting-area display's window goes (issue 15): on a second display when there is
// one (full screen, for a monitor facing the customers), else a window on the desk's own screen.
// Plain data, so it is tested without Electron.

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface DisplayPlacement {
  bounds: { x: number; y: number; width: number; height: number };
  /** Full screen on the customers' monitor; a normal window when it shares the desk's screen. */
  fullscreen: boolean;
}

const WINDOWED = { width: 1280, height: 720 };

export function displayPlacement(displays: readonly DisplayInfo[], primaryId: number): DisplayPlacement {
  const second = displays.find((d) => d.id !== primaryId);
  if (second) return { bounds: { ...second.bounds }, fullscreen: true };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const area = primary?.bounds ?? { x: 0, y: 0, ...WINDOWED };
  const width = Math.min(WINDOWED.width, area.width);
  const height = Math.min(WINDOWED.height, area.height);
  return {
    bounds: {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    },
    fullscreen: false,
  };
}
