// What the desk says about a case's events is stored as data (a catalogue id and domain
// codes), apart from what a person typed, so each window can say it in its own language
// (issue 18). The desk's language at the time of writing changes nothing that is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../../shared/i18n/desk-messages';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore | undefined;
afterEach(async () => {
  setDeskLanguage('en');
  await core?.dispose();
  core = undefined;
});

/** The event's stored columns, as main wrote them. */
const stored = (id: number) =>
  core!.query<{ type: string; detail: string | null; detail_message: string | null }>(
    `SELECT type, detail, detail_message FROM case_events WHERE case_id = ${id} ORDER BY id`,
  );

describe('timeline messages', () => {
  it('keep the desk’s words as codes and the person’s text as typed', async () => {
    core = await openTempCore();
    setDeskLanguage('es'); // a Spanish desk stores the same codes
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const kettle = await logCase(core, ana.id); // Bea takes it
    const toaster = await logCase(core, ana.id); // it waits

    await core.ok('cases.setPriority', { id: toaster.id, priority: 'high' });
    await core.ok('cases.resolve', {
      id: kettle.id,
      agentId: bea!.id,
      outcome: 'store_credit',
      note: 'Voucher 88',
    });
    // Bea took the toaster on resolving; the supervisor sends it back.
    await core.ok('cases.requeue', { id: toaster.id, toSameAgent: true });

    const kettleEvents = (await core.ok('cases.get', { id: kettle.id })).timeline;
    expect(kettleEvents.at(-1)).toMatchObject({
      type: 'resolved',
      detail: 'Voucher 88',
      messages: [{ id: 'timeline.detailOutcome', values: { outcome: 'store_credit' } }],
    });
    const toasterEvents = (await core.ok('cases.get', { id: toaster.id })).timeline;
    expect(toasterEvents.find((e) => e.type === 'priority_changed')).toMatchObject({
      detail: null,
      messages: [{ id: 'timeline.detailPriority', values: { from: 'normal', to: 'high' } }],
    });
    expect(toasterEvents.find((e) => e.type === 'requeued')).toMatchObject({
      detail: null,
      messages: [{ id: 'timeline.detailSentBack', values: {} }],
    });
    // In the file: JSON with codes, no words in any language; the note as typed.
    expect((await stored(kettle.id)).at(-1)).toEqual({
      type: 'resolved',
      detail: 'Voucher 88',
      detail_message: '[{"id":"timeline.detailOutcome","values":{"outcome":"store_credit"}}]',
    });
    expect((await stored(toaster.id)).find((e) => e.type === 'priority_changed')?.detail_message).toBe(
      '[{"id":"timeline.detailPriority","values":{"from":"normal","to":"high"}}]',
    );
    // Events the desk says nothing more about store no message.
    expect((await stored(kettle.id))[0]).toEqual({ type: 'created', detail: null, detail_message: null });
  });
});
