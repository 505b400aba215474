import { readFileSync, writeFileSync } from 'node:fs';
import { isRecord } from '../../shared/is-record';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800, maximized: false };

const isSize = (n: unknown, min: number): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= min && n < 20000;
const isCoord = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 20000;

/** Reads remembered bounds, falling back to the default for anything missing or odd. */
export function parseWindowState(text: string | null): WindowBounds {
  if (!text) return DEFAULT_BOUNDS;
  try {
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw) || !isSize(raw.width, 800) || !isSize(raw.height, 600)) return DEFAULT_BOUNDS;
    const bounds: WindowBounds = { width: raw.width, height: raw.height, maximized: raw.maximized === true };
    if (isCoord(raw.x) && isCoord(raw.y)) Object.assign(bounds, { x: raw.x, y: raw.y });
    return bounds;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function loadWindowState(file: string): WindowBounds {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveWindowState(file: string, bounds: WindowBounds): void {
  try {
    writeFileSync(file, JSON.stringify(bounds));
  } catch {
    // Losing the window position is not worth interrupting a quit.
  }
}
