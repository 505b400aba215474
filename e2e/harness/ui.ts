// How a person drives the desk: by tab names, field labels and button names.
// Specs and the screenshot script share these steps; nothing here reads a CSS class.
import type { Locator, Page } from 'playwright-core';
import type { ViewName } from '../../src/shared/api';

export const VIEW_LABELS: Record<ViewName, string> = { intake: 'Intake', agent: 'Agent', admin: 'Admin' };

/** Waits (polling) until the locator is visible; the default timeout suits a slow CI box. */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Clicks the view's tab and returns its panel. */
export async function openView(page: Page, view: ViewName): Promise<Locator> {
  await page.getByRole('tab', { name: VIEW_LABELS[view] }).click();
  const panel = page.getByRole('tabpanel', { name: VIEW_LABELS[view] });
  await visible(panel.getByRole('heading', { level: 1 }));
  return panel;
}

export interface IntakeCase {
  /** An existing customer to find by name, or a new one to create inline. */
  customer: string | { name: string; email?: string; phone?: string };
  orderNumber: string;
  product: string;
  reason?: string;
  priority?: 'Normal' | 'High' | 'Urgent';
  description?: string;
}

/** Fills the intake form and presses Log case; the form's status line answers. */
export async function fillIntake(panel: Locator, input: IntakeCase): Promise<void> {
  const changeCustomer = panel.getByRole('button', { name: 'Change customer' });
  if (await changeCustomer.isVisible()) await changeCustomer.click();
  if (typeof input.customer === 'string') {
    await panel.getByRole('combobox', { name: 'Find customer' }).fill(input.customer);
    const name = input.customer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await panel.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  } else {
    await panel.getByRole('button', { name: 'Add new customer' }).click();
    await panel.getByLabel('Customer name').fill(input.customer.name);
    if (input.customer.email) await panel.getByLabel('Email').fill(input.customer.email);
    if (input.customer.phone) await panel.getByLabel('Phone').fill(input.customer.phone);
  }
  await panel.getByLabel('Order number').fill(input.orderNumber);
  await panel.getByLabel('Product').fill(input.product);
  if (input.reason) await panel.getByLabel('Reason').selectOption({ label: input.reason });
  if (input.priority) await panel.getByRole('radio', { name: input.priority }).check();
  if (input.description) await panel.getByLabel('Description').fill(input.description);
}

/** Logs a case through the intake form and returns what the status line says. */
export async function logCase(panel: Locator, input: IntakeCase): Promise<string> {
  await fillIntake(panel, input);
  await panel.getByRole('button', { name: 'Log case' }).click();
  const status = panel.getByRole('status').filter({ hasText: /logged for/ });
  return textOf(await visible(status));
}

/** A region's text as one line, as a person reads it. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.first().innerText()).replace(/\s+/g, ' ').trim();
}

/** Adds an agent (on duty, so with a PIN typed twice) through the Admin view's form; waits for its row. */
export async function addAgent(panel: Locator, name: string, title?: string, pin = '1234'): Promise<void> {
  const form = panel.getByRole('form', { name: 'Add agent' });
  await form.getByLabel('Name').fill(name);
  if (title) await form.getByLabel('Title').fill(title);
  await form.getByLabel('PIN', { exact: true }).fill(pin);
  await form.getByLabel('Confirm PIN').fill(pin);
  await form.getByRole('button', { name: 'Add agent' }).click();
  await visible(agentRow(panel, name));
}

/** The agent's row in the Admin view's Agents table. */
export const agentRow = (panel: Locator, name: string): Locator =>
  panel
    .getByRole('table', { name: 'Agents' })
    .getByRole('row')
    .filter({ has: panel.page().getByRole('rowheader', { name, exact: true }) });

/** Opens Admin and unlocks it with the supervisor passcode; returns the panel, content showing. */
export async function unlockAdmin(page: Page, passcode: string): Promise<Locator> {
  const panel = await openView(page, 'admin');
  await typePasscode(panel, passcode);
  await visible(panel.getByRole('region', { name: 'Agents' }));
  return panel;
}

/** Types a passcode into Admin's locked form and presses Unlock Admin (it may be refused). */
export async function typePasscode(panel: Locator, passcode: string): Promise<void> {
  const form = await visible(panel.getByRole('form', { name: 'Admin is locked' }));
  await form.getByLabel('Supervisor passcode').fill(passcode);
  await form.getByRole('button', { name: 'Unlock Admin' }).click();
}

/** Presses Lock in the header and waits for Admin's locked form. */
export async function lockAdmin(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock Admin' }).click();
  await visible(page.getByRole('form', { name: 'Admin is locked' }));
}

/** In an unlocked Admin, sets (or resets) an agent's PIN through its row's dialog. */
export async function setPin(panel: Locator, name: string, pin: string): Promise<void> {
  await agentRow(panel, name)
    .getByRole('button', { name: new RegExp(`^(Set|Reset) PIN for ${name}$`) })
    .click();
  const dialog = await visible(panel.page().getByRole('dialog', { name: new RegExp(`PIN`) }));
  await dialog.getByLabel('New PIN').fill(pin);
  await dialog.getByLabel('Confirm PIN').fill(pin);
  await dialog.getByLabel('Confirm PIN').press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await visible(panel.getByRole('status').filter({ hasText: `PIN set for ${name}` }));
}

/** In the Agent view, taps the agent's name in the list, types the PIN and waits for "Signed in as …". */
export async function signIn(panel: Locator, name: string, pin: string): Promise<void> {
  const form = await visible(panel.getByRole('form', { name: 'Sign in' }));
  await form.getByRole('list', { name: 'Agents' }).getByRole('button', { name, exact: true }).click();
  await form.getByLabel('PIN').fill(pin);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await visible(panel.getByText(`Signed in as ${name}`));
}

/** In the Agent view, signs the agent out and waits for the sign-in form. */
export async function signOut(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await visible(panel.getByRole('form', { name: 'Sign in' }));
}

/** In the Agent view, resolves the current case with an outcome; returns the status text. */
export async function resolveMyCase(panel: Locator, outcome: string, note?: string): Promise<string> {
  await panel.getByLabel('Outcome').selectOption({ label: outcome });
  if (note) await panel.getByLabel('Note').fill(note);
  await panel.getByRole('button', { name: 'Resolve case' }).click();
  return textOf(await visible(panel.getByRole('status').filter({ hasText: /Resolved RMA-/ })));
}

/** The text of whatever the control's aria-describedby points at: its field message and hint. */
export function description(control: Locator): Promise<string> {
  return control.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  });
}
