// Main's refusals are written in the desk's language: once a supervisor sets it, the
// sentence and the field's message both come from that language's catalogue, with
// names, counts (Arabic plural forms) and waits (Intl's duration format) put in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_WRONG_TRIES } from '../shared/access';
import { deskMessage, onDeskLanguage } from '../shared/i18n/desk-messages';
import type { Language } from '../shared/i18n/languages';
import ar from '../shared/i18n/messages/ar.json';
import es from '../shared/i18n/messages/es.json';
import { createTranslator, type Catalogue } from '../shared/i18n/translator';
import { addAgents, addCustomer, logCase } from './test/fixtures';
import { openTempCore, testDriver, type TempCore } from './test/temp-core';

let core: TempCore;
beforeEach(async () => {
  core = await openTempCore();
});
afterEach(async () => core.dispose());

const say = (language: Language, catalogue: Catalogue) => createTranslator(language, catalogue).t;

async function speak(language: 'es' | 'ar'): Promise<void> {
  await core.ok('settings.setLanguage', { language });
}

describe("refusals in the desk's language", () => {
  it('says a conflict and its field in Spanish once the desk is in Spanish', async () => {
    await addAgents(core, 'Dana');
    await speak('es');
    const t = say('es', es);
    expect(await core.dispatch('agents.create', { name: 'dana', pin: '1234' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: t('refusal.agentNameTaken', { name: 'Dana' }),
        fields: { name: t('refusal.agentNameTakenField', { name: 'Dana' }) },
      },
    });
    // The catalogue's own words, so a message still in English would not pass.
    expect(t('refusal.agentNameTaken', { name: 'Dana' })).toBe('Ya hay un agente llamado Dana');
  });

  it('counts in Arabic with its plural forms', async () => {
    const category = await core.ok('categories.create', { name: 'Garden' });
    const ana = await addCustomer(core);
    await logCase(core, ana.id, { categoryId: category.id });
    await logCase(core, ana.id, { categoryId: category.id });
    await speak('ar');
    const refused = await core.dispatch('categories.remove', { id: category.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: say('ar', ar)('refusal.categoryInUse', { name: 'Garden', count: 2 }),
      },
    });
    // Two is its own form in Arabic (the dual), not "2 cases".
    expect(refused.ok || refused.error.message).toContain('طلبين مفتوحين');
  });

  it('names who a channel needs in Spanish, joined as Spanish joins alternatives', async () => {
    await speak('es');
    const desk = { session: core.openSession() };
    expect(await core.dispatch('agents.create', { name: 'Eli', pin: '1234' }, desk)).toMatchObject({
      error: { code: 'FORBIDDEN', message: 'Para esto hace falta un supervisor.' },
    });
    expect(await core.dispatch('agents.setOnDuty', { id: 1, onDuty: false }, desk)).toMatchObject({
      error: {
        code: 'FORBIDDEN',
        message: 'Para esto hace falta un agente con la sesión iniciada o un supervisor.',
      },
    });
  });

  it('says a sign-in lock in Spanish and Arabic with its wait formatted by Intl', async () => {
    const [dana] = await addAgents(core, 'Dana');
    await speak('es');
    const signIn = (pin: string) =>
      core.dispatch('auth.signIn', { agentId: dana!.id, pin }, { session: core.openSession() });
    for (let i = 1; i < MAX_WRONG_TRIES; i++) await signIn('0000');
    expect(await signIn('0000')).toMatchObject({
      error: {
        code: 'FORBIDDEN',
        message: 'PIN incorrecto. Bloqueado durante 60 s tras demasiados intentos fallidos.',
        fields: { pin: 'PIN incorrecto: bloqueado durante 60 s tras demasiados intentos fallidos' },
      },
    });
    core.clock.advance(15_000);
    expect(await signIn('1234')).toMatchObject({
      error: { message: 'Demasiados intentos fallidos. Vuelva a intentarlo dentro de 45 s.' },
    });
    // Arabic's units are its own ("ث" for seconds), which no hand-made "45 s" would give.
    await speak('ar');
    expect(await signIn('1234')).toMatchObject({
      error: { message: 'محاولات خاطئة كثيرة جدًا. حاول مرة أخرى بعد 45 ث.' },
    });
  });

  it('refuses a restore with a wrong passcode in Arabic, on the passcode field', async () => {
    // A PostgreSQL desk makes no backups (the server's job, said in the desk's language); the
    // passcode is checked before that, so a wrong one is refused the same on both engines.
    const name = testDriver() === 'sqlite' ? (await core.ok('backup.now')).name : 'any.sqlite';
    await speak('ar');
    if (testDriver() === 'postgres') {
      expect(await core.dispatch('backup.now', undefined)).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: say('ar', ar)('refusal.backupsOnServer') },
      });
    }
    expect(await core.dispatch('backup.restore', { name, passcode: 'not the one' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: say('ar', ar)('refusal.wrongSecret', { secret: 'passcode' }),
        fields: { passcode: 'رمز مرور خاطئ' },
      },
    });
  });

  it('tells the shell when the language changes, so its menus are built again in it', async () => {
    const heard: Language[] = [];
    const stop = onDeskLanguage((language) => heard.push(language));
    try {
      await speak('es');
      expect(heard).toEqual(['es']);
      expect(deskMessage('menu.file')).toBe('Archivo');
      // The same language again changes nothing: no rebuild.
      await speak('es');
      expect(heard).toEqual(['es']);
    } finally {
      stop();
    }
  });
});
