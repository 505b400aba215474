import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../../shared/i18n/desk-messages';
import type { AssignmentNotice } from '../core';
import { addCustomer, logCase } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';
import { assignmentMessage, notifyAssignment, type NotificationClass } from './notifications';

/** A recording stand-in for Electron's Notification. */
function recordingNotification(supported: boolean) {
  const shown: { title: string; body: string; silent?: boolean }[] = [];
  const clicks: (() => void)[] = [];
  class Recording {
    static isSupported = () => supported;
    constructor(private readonly options: { title: string; body: string; silent?: boolean }) {}
    on(_event: 'click', listener: () => void) {
      clicks.push(listener);
      return this;
    }
    show() {
      shown.push(this.options);
    }
  }
  return { Notification: Recording satisfies NotificationClass, shown, clicks };
}

let core: TempCore;
let notices: AssignmentNotice[];
beforeEach(async () => {
  core = await openTempCore();
  notices = [];
  core.onAssigned((notice) => notices.push(notice));
});
afterEach(async () => core.dispose());

describe('assignment notifications', () => {
  it('the core tells the shell of each case that reaches an agent, after commit', async () => {
    const customer = await addCustomer(core);
    const tv = await core.ok('categories.create', { name: 'Electronics' });
    const waiting = await logCase(core, customer.id, { product: 'Radio', categoryId: tv.id });
    expect(notices).toEqual([]); // nobody to take it
    const bea = await core.ok('agents.create', { name: 'Bea', pin: '1234', skills: [tv.id] });
    expect(notices).toEqual([
      {
        caseId: waiting.id,
        reference: waiting.reference,
        product: 'Radio',
        categoryName: 'Electronics',
        agentId: bea.id,
        agentName: 'Bea',
      },
    ]);
    // A refused write tells nobody anything.
    notices.length = 0;
    await core.dispatch('cases.resolve', { id: waiting.id, agentId: bea.id + 1, outcome: 'refund' });
    expect(notices).toEqual([]);
    // A supervisor's hand-over is an assignment too.
    const cal = await core.ok('agents.create', { name: 'Cal', pin: '1234', skills: [tv.id] });
    await core.ok('cases.reassign', { id: waiting.id, agentId: cal.id });
    expect(notices.map((n) => [n.reference, n.agentName])).toEqual([[waiting.reference, 'Cal']]);
  });

  it('shows a silent desktop notification that brings the app forward when clicked', () => {
    const { Notification, shown, clicks } = recordingNotification(true);
    let focused = 0;
    const notice = {
      caseId: 7,
      reference: 'RMA-000007',
      product: 'Radio',
      categoryName: 'Electronics',
      agentId: 2,
      agentName: 'Bea',
    };
    expect(notifyAssignment(Notification, notice, () => focused++)).toBe(true);
    // Typed names are isolated (FSI…PDI), the plain-text form of <bdi>.
    expect(shown).toEqual([
      {
        title: 'New case for \u2068Bea\u2069',
        body: 'RMA-000007: \u2068Radio\u2069 (\u2068Electronics\u2069)',
        silent: true,
      },
    ]);
    clicks[0]!();
    expect(focused).toBe(1);
  });

  it('is written in the language the desk has chosen', () => {
    setDeskLanguage('es');
    try {
      const notice = { caseId: 3, reference: 'RMA-000003', product: 'Radio', categoryName: null };
      expect(assignmentMessage({ ...notice, agentId: 1, agentName: 'Bea' })).toEqual({
        title: 'Caso nuevo para \u2068Bea\u2069',
        body: 'RMA-000003: \u2068Radio\u2069',
      });
    } finally {
      setDeskLanguage('en');
    }
  });

  it('shows nothing where the system has no notifications', () => {
    const { Notification, shown } = recordingNotification(false);
    const notice = {
      caseId: 7,
      reference: 'RMA-000007',
      product: 'Radio',
      categoryName: null,
      agentId: 2,
      agentName: 'Bea',
    };
    expect(notifyAssignment(Notification, notice, () => undefined)).toBe(false);
    expect(shown).toEqual([]);
  });
});
