// The IPC contract: the single source of truth for every channel's name, its
// input schema (zod, parsed in main) and its output type. Main, preload and
// renderer all derive their types from this object.
import { z } from 'zod';
import {
  CASE_REASONS,
  CASE_STATUSES,
  OUTCOMES,
  PRIORITIES,
  type AgentDto,
  type CaseDetailDto,
  type CaseDto,
  type CustomerDto,
} from './domain';
import type { AuthStatus } from './access';
import { LIMITS } from './limits';
import type { ChannelName } from './channels';

export { CHANNEL_NAMES, isChannelName, type ChannelName } from './channels';
export { LIMITS } from './limits';

// ---- field builders: trimmed, bounded, with messages a person can act on ----

const text = (label: string, max: number) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/** Optional free text: an empty or blank string means "not given". */
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional();

const id = (label: string) =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`),
    })
    .int(`${label} must be a whole number`)
    .positive(`${label} must be positive`)
    .max(Number.MAX_SAFE_INTEGER, `${label} is too large`);

const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? `${label} is required` : `Choose a valid ${label.toLowerCase()}`,
  });

const email = z
  .string({ error: 'Email must be text' })
  .trim()
  .max(LIMITS.email, `Email must be at most ${LIMITS.email} characters`)
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address')
  .optional();

const phone = z
  .string({ error: 'Phone must be text' })
  .trim()
  .max(LIMITS.phone, `Phone must be at most ${LIMITS.phone} characters`)
  .refine((v) => v === '' || /^\+?[0-9 ()./-]{5,}$/.test(v), 'Enter a valid phone number')
  .optional();

const isoDate = z
  .string({ error: 'Purchase date must be text' })
  .trim()
  .refine(
    (v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
    'Enter the date as YYYY-MM-DD',
  )
  .optional();

const byId = z.strictObject({ id: id('Id') });

/** A secret as typed at sign-in: not trimmed (spaces count), only bounded. */
const secret = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .min(1, `${label} is required`)
    .max(LIMITS.secret, `${label} must be at most ${LIMITS.secret} characters`);
const passcode = secret('Passcode').refine(
  (v) => v.length >= LIMITS.passcodeMin,
  `Passcode must be at least ${LIMITS.passcodeMin} characters`,
);
const pin = z.string({ error: 'PIN is required' }).regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');
const empty = z.strictObject({}).optional();

// ---- the channels ----

/** A channel: its input schema, and its output type carried as a phantom. */
interface Channel<I extends z.ZodType, O> {
  input: I;
  output?: O;
}
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

export const CASE_SORTS = ['newest', 'oldest', 'queue'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CasePage {
  items: CaseDto[];
  total: number;
}

export interface ResolveResult {
  resolved: CaseDto;
  /** The case the agent took next in the same commit, if one was waiting. */
  next: CaseDto | null;
}

export type BackupKind = 'auto' | 'manual';

/** One backup file in `backups/` beside the database. */
export interface BackupInfo {
  /** The file name; `backup.restore` takes it back. */
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

export interface BackupList {
  /** The folder the backups are in, to show the person where to find them. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
}

export interface RestoreResult {
  restored: string;
  /** Where the database it replaced was kept. */
  replacedFile: string | null;
}

export const contract = {
  'agents.list': channel<AgentDto[]>()(z.strictObject({ includeRemoved: z.boolean().optional() }).optional()),
  'agents.get': channel<AgentDto>()(byId),
  'agents.create': channel<AgentDto>()(
    z.strictObject({
      name: text('Name', LIMITS.name),
      title: optionalText('Title', LIMITS.title),
      /** Defaults to on duty, which needs a PIN: an agent on duty must be able to open their case. */
      onDuty: z.boolean({ error: 'On duty must be true or false' }).optional(),
      pin: pin.optional(),
    }),
  ),
  'agents.update': channel<AgentDto>()(
    z.strictObject({
      id: id('Id'),
      name: text('Name', LIMITS.name).optional(),
      title: optionalText('Title', LIMITS.title),
    }),
  ),
  'agents.setOnDuty': channel<AgentDto>()(
    z.strictObject({ id: id('Id'), onDuty: z.boolean({ error: 'On duty must be true or false' }) }),
  ),
  'agents.remove': channel<AgentDto>()(byId),
  'agents.setPin': channel<AgentDto>()(z.strictObject({ id: id('Id'), pin })),

  'customers.search': channel<CustomerDto[]>()(
    z.strictObject({
      query: z
        .string({ error: 'Search must be text' })
        .trim()
        .max(LIMITS.search, `Search must be at most ${LIMITS.search} characters`),
      limit: z.number().int().min(1).max(50).optional(),
    }),
  ),
  'customers.get': channel<CustomerDto>()(byId),
  'customers.create': channel<CustomerDto>()(
    z
      .strictObject({ name: text('Name', LIMITS.name), email, phone })
      .refine((c) => Boolean(c.email) || Boolean(c.phone), {
        message: 'Give an email or a phone number',
        path: ['email'],
      }),
  ),
  'customers.update': channel<CustomerDto>()(
    z.strictObject({ id: id('Id'), name: text('Name', LIMITS.name).optional(), email, phone }),
  ),

  'cases.create': channel<CaseDto>()(
    z.strictObject({
      customerId: id('Customer'),
      orderNumber: text('Order number', LIMITS.orderNumber),
      product: text('Product', LIMITS.product),
      purchaseDate: isoDate,
      reason: oneOf('Reason', CASE_REASONS),
      description: optionalText('Description', LIMITS.description),
      priority: oneOf('Priority', PRIORITIES).optional(),
    }),
  ),
  'cases.get': channel<CaseDetailDto>()(byId),
  'cases.list': channel<CasePage>()(
    z
      .strictObject({
        status: z
          .union([oneOf('Status', CASE_STATUSES), z.array(oneOf('Status', CASE_STATUSES)).max(4)])
          .optional(),
        agentId: id('Agent').optional(),
        customerId: id('Customer').optional(),
        text: optionalText('Search', LIMITS.search),
        limit: z.number().int().min(1).max(LIMITS.pageSize).optional(),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        sort: oneOf('Sort', CASE_SORTS).optional(),
      })
      .optional(),
  ),
  'cases.active': channel<CaseDto[]>()(empty),
  'cases.resolve': channel<ResolveResult>()(
    z.strictObject({
      id: id('Case'),
      agentId: id('Agent'),
      outcome: oneOf('Outcome', OUTCOMES),
      note: optionalText('Note', LIMITS.note),
    }),
  ),
  'cases.cancel': channel<CaseDto>()(
    z.strictObject({ id: id('Case'), reason: text('Reason for cancelling', LIMITS.cancelReason) }),
  ),
  'cases.reassign': channel<CaseDto>()(
    z.strictObject({
      id: id('Case'),
      agentId: id('Agent'),
      /** The agent is busy: swap their case with this one, in one commit. */
      swap: z.boolean({ error: 'Swap must be true or false' }).optional(),
    }),
  ),
  'cases.requeue': channel<CaseDto>()(
    z.strictObject({
      id: id('Case'),
      /**
       * Nobody else can take it, so it would go straight back to its agent: do it anyway.
       * Without it, main refuses and says so (field `toSameAgent`), changing nothing.
       */
      toSameAgent: z.boolean({ error: 'To same agent must be true or false' }).optional(),
    }),
  ),

  'backup.now': channel<BackupInfo>()(empty),
  'backup.list': channel<BackupList>()(empty),
  'backup.restore': channel<RestoreResult>()(
    z.strictObject({
      name: z
        .string({ error: (issue) => (issue.input === undefined ? 'Choose a backup' : 'Backup must be text') })
        .max(200, 'Choose a backup from the list')
        // A bare file name from `backup.list`: no folders, so the page cannot point at other files.
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'Choose a backup from the list'),
    }),
  ),
  'auth.status': channel<AuthStatus>()(empty),
  'auth.setup': channel<AuthStatus>()(z.strictObject({ passcode })),
  'auth.unlock': channel<AuthStatus>()(z.strictObject({ passcode: secret('Passcode') })),
  'auth.lock': channel<AuthStatus>()(empty),
  'auth.signIn': channel<AuthStatus>()(z.strictObject({ agentId: id('Agent'), pin: secret('PIN') })),
  'auth.signOut': channel<AuthStatus>()(empty),
  /** The person at this window did something: keeps an unlocked Admin open. */
  'auth.touch': channel<AuthStatus>()(empty),
  'auth.changePasscode': channel<AuthStatus>()(
    z.strictObject({ current: secret('Current passcode'), passcode }),
  ),
} as const satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
// Both directions: no channel without a schema, no schema without a listed channel.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractMatchesChannelList: Exact<keyof Contract, ChannelName> = true;
/** What the caller sends (before defaults and trimming). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What the handler receives, after parsing. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>;
