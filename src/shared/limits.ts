// Field length limits: the contract's schemas enforce them and the renderer's inputs
// show them. Dependency-free, so the renderer bundle does not pull in zod.

export const LIMITS = {
  name: 120,
  title: 80,
  /** A product category's name (a skill). */
  category: 60,
  /** Skills one agent may have. */
  skills: 50,
  email: 254,
  phone: 32,
  orderNumber: 40,
  product: 160,
  description: 2000,
  note: 2000,
  cancelReason: 500,
  search: 100,
  pageSize: 200,
  secret: 128,
  passcodeMin: 6,
  /** A page error sent to the main log (`log.pageError`); the renderer cuts longer text. */
  logMessage: 1000,
  logStack: 4000,
  logSource: 300,
} as const;
