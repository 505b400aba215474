/**
 * Narrows what came from outside the type system (parsed JSON, a zod issue's raw input) to an
 * object whose fields can be read, each still `unknown` until checked: no cast needed to look.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
