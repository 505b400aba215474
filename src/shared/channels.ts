// Channel names alone, free of dependencies, so the sandboxed preload can
// refuse anything else. `contract.ts` is checked to define exactly these.

export const CHANNEL_NAMES = [
  'agents.list',
  'agents.get',
  'agents.create',
  'agents.update',
  'agents.setOnDuty',
  'agents.remove',
  'agents.setPin',
  'customers.search',
  'customers.get',
  'customers.create',
  'customers.update',
  'cases.create',
  'cases.get',
  'cases.list',
  'cases.active',
  'cases.resolve',
  'cases.cancel',
  'cases.reassign',
  'cases.requeue',
  'cases.edit',
  'cases.setPriority',
  'cases.reopen',
  'cases.exportCsv',
  'reports.dashboard',
  'reports.exportCsv',
  'reports.setServiceLevel',
  'backup.now',
  'backup.list',
  'backup.restore',
  'auth.status',
  'auth.setup',
  'auth.unlock',
  'auth.lock',
  'auth.signIn',
  'auth.signOut',
  'auth.touch',
  'auth.changePasscode',
  'auth.setAgentSignOut',
  'settings.language',
  'settings.setLanguage',
  'log.pageError',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

const known: ReadonlySet<string> = new Set(CHANNEL_NAMES);
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && known.has(name);
