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
  type CategoryDto,
  type CaseDto,
  type CustomerDto,
} from './domain';
import { AGENT_IDLE_MINUTES, type AuthStatus } from './access';
import { LIMITS } from './limits';
import { calendarParts, EARLIEST_PURCHASE_DATE, isCalendarDate } from './dates';
import { textField, type TextRules } from './text';
import {
  STORE_NAME_MAX,
  type CounterSettings,
  type DemoInfo,
  type DisplayBoard,
  type PrintResult,
  type SlipDto,
} from './counter';
import {
  DATABASE_LIMITS,
  DEFAULT_POSTGRES_PORT,
  TLS_MODES,
  type ConnectionCheck,
  type DatabaseStatus,
  type MoveReport,
} from './database';
import { deskMessage as m } from './i18n/desk-messages';
import { LANGUAGE_SETTINGS, type DeskLanguage } from './i18n/languages';
import type { MessageId, MessageValues } from './i18n/translator';
import type { ChannelName } from './channels';
import { isRecord } from './is-record';
import { MAX_REPORT_DAYS, SERVICE_LEVEL_MINUTES, type Dashboard, type ServiceLevelSetting } from './reports';

export { CHANNEL_NAMES, isChannelName, type ChannelName } from './channels';
export { LIMITS } from './limits';

// ---- field builders: trimmed, bounded, with messages a person can act on ----
// Labels and messages are catalogue ids (src/shared/i18n/messages): zod formats them
// when it parses, in the desk's language (`deskMessage`).

/** Required single-line text (see `textField`: NFC, trimmed, nothing hidden). */
const text = (label: MessageId, max: number) => textField(label, max);

/** Optional free text: an empty or blank string means "not given". */
const optionalText = (label: MessageId, max: number, rules: Omit<TextRules, 'optional'> = {}) =>
  textField(label, max, { ...rules, optional: true }).optional();

/** A message formatted when zod reports it (so in the language the desk has then). */
const says = (id: MessageId, values?: MessageValues) => (): string => m(id, values);
const labelled = (id: MessageId, label: MessageId, values?: MessageValues) => () =>
  m(id, { ...values, label: m(label) });

const id = (label: MessageId) =>
  z
    .number({
      error: (issue) =>
        m(issue.input === undefined ? 'validation.required' : 'validation.mustBeNumber', { label: m(label) }),
    })
    .int({ error: labelled('validation.mustBeWhole', label) })
    .positive({ error: labelled('validation.mustBePositive', label) })
    .max(Number.MAX_SAFE_INTEGER, { error: labelled('validation.tooLarge', label) });

const oneOf = <const T extends readonly [string, ...string[]]>(label: MessageId, values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? m('validation.required', { label: m(label) })
        : m('validation.chooseValid', { label: m(label).toLocaleLowerCase() }),
  });

/** true or false, nothing else. */
const flag = (label: MessageId) => z.boolean({ error: labelled('validation.mustBeBoolean', label) });

const email = z
  .string({ error: labelled('validation.mustBeText', 'field.email') })
  .normalize('NFC')
  .trim()
  .max(LIMITS.email, { error: labelled('validation.tooLong', 'field.email', { max: LIMITS.email }) })
  .refine((v) => v === '' || z.email().safeParse(v).success, { error: says('validation.email') })
  .optional();

const phone = z
  .string({ error: labelled('validation.mustBeText', 'field.phone') })
  .normalize('NFC')
  .trim()
  .max(LIMITS.phone, { error: labelled('validation.tooLong', 'field.phone', { max: LIMITS.phone }) })
  .refine((v) => v === '' || /^\+?[0-9 ()./-]{5,}$/.test(v), { error: says('validation.phone') })
  .optional();

/** A real calendar day, not before 2000; "not in the future" needs the clock, so main checks it. */
const purchaseDate = z
  .string({ error: labelled('validation.mustBeText', 'field.purchaseDate') })
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), { error: says('validation.realDate') })
  .refine((v) => v === '' || !isCalendarDate(v) || v >= EARLIEST_PURCHASE_DATE, {
    error: says('validation.purchaseBefore2000'),
  })
  .optional();

const byId = z.strictObject({ id: id('field.id') });

/**
 * `cases.create`'s idempotency key (issue 16, "Exactly once"): a UUID the intake form makes once
 * per draft and sends again with every retry of it, so a call whose answer was lost is never
 * logged twice. Any version; letters in either case (kept in lower case).
 */
const intakeKey = z
  .string({ error: labelled('validation.mustBeUuid', 'field.intakeKey') })
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: labelled('validation.mustBeUuid', 'field.intakeKey'),
  });

/** An agent's skills: category ids (main checks each exists and drops repeats). */
const skills = z
  .array(id('field.skill'), { error: says('validation.skillsList') })
  .max(LIMITS.skills, { error: says('validation.skillsAtMost', { max: LIMITS.skills }) });

/** A local calendar day, YYYY-MM-DD (the workstation's time zone is applied in main). */
const day = (label: MessageId) =>
  z
    .string({
      error: (issue) =>
        m(issue.input === undefined ? 'validation.required' : 'validation.mustBeText', { label: m(label) }),
    })
    .trim()
    .refine((v) => isCalendarDate(v), { error: says('validation.realDate') });

const ymd = (date: string): [number, number, number] => {
  const { year, month, day } = calendarParts(date);
  return [year, month - 1, day];
};

/** A report's period: local days, inclusive; each defaults to today (main knows the date). */
const period = z
  .strictObject({ from: day('field.from').optional(), to: day('field.to').optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    path: ['to'],
    error: says('validation.endBeforeStart'),
  })
  .refine(
    (p) =>
      !p.from ||
      !p.to ||
      Date.UTC(...ymd(p.to)) - Date.UTC(...ymd(p.from)) < MAX_REPORT_DAYS * 24 * 60 * 60 * 1000,
    { path: ['to'], error: says('validation.periodTooLong', { days: MAX_REPORT_DAYS }) },
  )
  .optional();

/** A new customer: a name and a way to reach them. */
const newCustomer = z
  .strictObject({ name: text('field.name', LIMITS.name), email, phone })
  .refine((c) => Boolean(c.email) || Boolean(c.phone), {
    error: says('validation.emailOrPhone'),
    path: ['email'],
  });

/** A secret as typed at sign-in: not trimmed (spaces count), only bounded. */
const secret = (label: MessageId) =>
  z
    .string({ error: labelled('validation.required', label) })
    .min(1, { error: labelled('validation.required', label) })
    .max(LIMITS.secret, { error: labelled('validation.tooLong', label, { max: LIMITS.secret }) });
const passcode = secret('field.passcode').refine((v) => v.length >= LIMITS.passcodeMin, {
  error: says('validation.passcodeTooShort', { min: LIMITS.passcodeMin }),
});
const pin = z
  .string({ error: labelled('validation.required', 'field.pin') })
  .regex(/^\d{4,8}$/, { error: says('validation.pinDigits') });
const empty = z.strictObject({}).optional();

/** A shared PostgreSQL as typed in Admin → Database (issue 16). */
const sharedDatabase = z.strictObject({
  host: text('field.dbHost', DATABASE_LIMITS.host).refine((v) => /^[\p{L}\p{N}._:[\]-]+$/u.test(v), {
    error: says('validation.dbHost'),
  }),
  port: z
    .number({ error: labelled('validation.mustBeNumber', 'field.dbPort') })
    .int({ error: labelled('validation.mustBeWhole', 'field.dbPort') })
    .min(1, { error: says('validation.dbPort') })
    .max(65_535, { error: says('validation.dbPort') })
    .default(DEFAULT_POSTGRES_PORT),
  database: text('field.dbName', DATABASE_LIMITS.name),
  user: text('field.dbUser', DATABASE_LIMITS.user),
  /** Not trimmed: spaces in a password count. Empty where the server trusts the network. */
  password: z
    .string({ error: labelled('validation.mustBeText', 'field.dbPassword') })
    .max(DATABASE_LIMITS.password, {
      error: labelled('validation.tooLong', 'field.dbPassword', { max: DATABASE_LIMITS.password }),
    }),
  tls: oneOf('field.dbTls', TLS_MODES),
  caFile: optionalText('field.dbCaFile', DATABASE_LIMITS.caFile),
});

/** A setting in whole minutes within `bounds` (sent as a number; text is refused, not coerced). */
const wholeMinutes = ({ min, max }: { readonly min: number; readonly max: number }) =>
  z
    .number({
      error: (issue) =>
        m(
          issue.input === undefined || issue.input === null
            ? 'validation.minutesRequired'
            : 'validation.minutesNumber',
        ),
    })
    .int({ error: says('validation.minutesWhole') })
    .min(min, { error: says('validation.minutesAtLeast', { min }) })
    .max(max, { error: says('validation.minutesAtMost', { max }) });

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
  /** How many cases the filter finds; with `totalCapped`, at least this many. */
  total: number;
  /**
   * A text search counts its matches only up to a cap (the next multiple of 1,000 past the page):
   * `true` when more than `total` exist, so a pager shows "1,000+" and may still go forward.
   */
  totalCapped: boolean;
}

/** `cases.list`: a page, and which change events it already includes (as `ActiveCases.seq`). */
export interface ListedCases extends CasePage {
  /** Read at this change seq: events up to it are in the page; later ones patch it (`ChangeEvent.seq`). */
  seq: number;
}

/** `cases.active`: every open case, and which change events the answer already includes. */
export interface ActiveCases {
  /** Queued in serving order (with their queue positions), then assigned, oldest assignment first. */
  cases: CaseDto[];
  /** Read at this change seq: events up to it are in the answer; later ones patch it (`ChangeEvent.seq`). */
  seq: number;
}

export interface ResolveResult {
  resolved: CaseDto;
  /** The case the agent took next in the same commit, if one was waiting. */
  next: CaseDto | null;
  /**
   * That case in full (customer, timeline) as the commit leaves it, for the window that shows it
   * next: it needs no `cases.get` round trip first. Null when there is none or the window was
   * signed out.
   */
  nextDetail: CaseDetailDto | null;
  /** The desk signs agents out after each resolve, and this window was signed out. */
  signedOut: boolean;
}

/** An export: main made the file and the shell offered to save it (the system save dialog). */
export interface ExportResult {
  fileName: string;
  /** Data rows (cases) or lines (a report) in the file. */
  rows: number;
  bytes: number;
  /** False when the person closed the save dialog without saving. */
  saved: boolean;
  /** Where it was saved, to tell the person. */
  path: string | null;
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

export const PAGE_ERROR_KINDS = ['error', 'unhandledrejection', 'render'] as const;

export const contract = {
  'agents.list': channel<AgentDto[]>()(z.strictObject({ includeRemoved: z.boolean().optional() }).optional()),
  'agents.get': channel<AgentDto>()(byId),
  'agents.create': channel<AgentDto>()(
    z.strictObject({
      name: text('field.name', LIMITS.name),
      title: optionalText('field.title', LIMITS.title),
      /** Defaults to on duty, which needs a PIN: an agent on duty must be able to open their case. */
      onDuty: flag('field.onDuty').optional(),
      pin: pin.optional(),
      skills: skills.optional(),
    }),
  ),
  'agents.update': channel<AgentDto>()(
    z.strictObject({
      id: id('field.id'),
      name: text('field.name', LIMITS.name).optional(),
      title: optionalText('field.title', LIMITS.title),
      /** Replaces their skills; the engine runs in the same commit. */
      skills: skills.optional(),
    }),
  ),
  'agents.setOnDuty': channel<AgentDto>()(
    z.strictObject({ id: id('field.id'), onDuty: flag('field.onDuty') }),
  ),
  'agents.remove': channel<AgentDto>()(byId),
  'agents.setPin': channel<AgentDto>()(z.strictObject({ id: id('field.id'), pin })),

  /** The product categories in use (skills), by name. */
  'categories.list': channel<CategoryDto[]>()(empty),
  'categories.create': channel<CategoryDto>()(z.strictObject({ name: text('field.name', LIMITS.category) })),
  'categories.rename': channel<CategoryDto>()(
    z.strictObject({ id: id('field.id'), name: text('field.name', LIMITS.category) }),
  ),
  /** Refused while an open case names it; agents lose the skill. */
  'categories.remove': channel<CategoryDto>()(byId),

  'customers.search': channel<CustomerDto[]>()(
    z.strictObject({
      query: textField('field.search', LIMITS.search, { optional: true }),
      limit: z.number().int().min(1).max(50).optional(),
    }),
  ),
  'customers.get': channel<CustomerDto>()(byId),
  'customers.create': channel<CustomerDto>()(newCustomer),
  'customers.update': channel<CustomerDto>()(
    z.strictObject({ id: id('field.id'), name: text('field.name', LIMITS.name).optional(), email, phone }),
  ),

  'cases.create': channel<CaseDto>()(
    z
      .strictObject({
        /** An existing customer… */
        customerId: id('field.customer').optional(),
        /** …or a new one, saved in the same transaction as the case (or not at all). */
        customer: newCustomer.optional(),
        orderNumber: text('field.orderNumber', LIMITS.orderNumber),
        product: text('field.product', LIMITS.product),
        purchaseDate,
        reason: oneOf('field.reason', CASE_REASONS),
        description: optionalText('field.description', LIMITS.description, { multiLine: true }),
        priority: oneOf('field.priority', PRIORITIES).optional(),
        /** The product category it needs: only an agent with that skill takes it. Absent: any agent. */
        categoryId: id('field.category').optional(),
        /**
         * The draft's idempotency key: the same key again answers the case it logged, without
         * logging another; with other details it is refused (CONFLICT). The intake form always
         * sends one. Optional for callers that never retry a call whose outcome they did not
         * learn (demo seeding, fixtures, benchmarks, tools): each call without a key is a new case.
         */
        intakeKey: intakeKey.optional(),
      })
      .refine((c) => (c.customerId === undefined) !== (c.customer === undefined), {
        path: ['customerId'],
        error: (issue) =>
          !isRecord(issue.input) || issue.input.customerId === undefined
            ? m('validation.customerRequired')
            : m('validation.customerNotBoth'),
        // Said beside the other fields' messages, not only once they are all right.
        when: (payload) =>
          typeof payload.value === 'object' &&
          payload.value !== null &&
          !payload.issues.some((i) => i.path?.[0] === 'customerId' || i.path?.[0] === 'customer'),
      }),
  ),
  'cases.get': channel<CaseDetailDto>()(byId),
  'cases.list': channel<ListedCases>()(
    z
      .strictObject({
        status: z
          .union([oneOf('field.status', CASE_STATUSES), z.array(oneOf('field.status', CASE_STATUSES)).max(4)])
          .optional(),
        agentId: id('field.agent').optional(),
        customerId: id('field.customer').optional(),
        text: optionalText('field.search', LIMITS.search),
        limit: z.number().int().min(1).max(LIMITS.pageSize).optional(),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        sort: oneOf('field.sort', CASE_SORTS).optional(),
      })
      .optional(),
  ),
  'cases.active': channel<ActiveCases>()(empty),
  /** The cases of a filter (as `cases.list`, every page), as a CSV file saved through the shell. */
  'cases.exportCsv': channel<ExportResult>()(
    z
      .strictObject({
        status: z
          .union([oneOf('field.status', CASE_STATUSES), z.array(oneOf('field.status', CASE_STATUSES)).max(4)])
          .optional(),
        agentId: id('field.agent').optional(),
        customerId: id('field.customer').optional(),
        text: optionalText('field.search', LIMITS.search),
      })
      .optional(),
  ),
  'cases.resolve': channel<ResolveResult>()(
    z.strictObject({
      id: id('field.case'),
      agentId: id('field.agent'),
      outcome: oneOf('field.outcome', OUTCOMES),
      note: optionalText('field.note', LIMITS.note, { multiLine: true }),
    }),
  ),
  'cases.cancel': channel<CaseDto>()(
    z.strictObject({ id: id('field.case'), reason: text('field.cancelReason', LIMITS.cancelReason) }),
  ),
  'cases.reassign': channel<CaseDto>()(
    z.strictObject({
      id: id('field.case'),
      agentId: id('field.agent'),
      /** The agent is busy: swap their case with this one, in one commit. */
      swap: flag('field.swap').optional(),
    }),
  ),
  'cases.requeue': channel<CaseDto>()(
    z.strictObject({
      id: id('field.case'),
      /**
       * Nobody else can take it, so it would go straight back to its agent: do it anyway.
       * Without it, main refuses and says so (field `toSameAgent`), changing nothing.
       */
      toSameAgent: flag('field.toSameAgent').optional(),
    }),
  ),
  /** A supervisor corrects what was logged; the timeline keeps the previous values. */
  'cases.edit': channel<CaseDto>()(
    z.strictObject({
      id: id('field.case'),
      orderNumber: text('field.orderNumber', LIMITS.orderNumber).optional(),
      product: text('field.product', LIMITS.product).optional(),
      purchaseDate,
      reason: oneOf('field.reason', CASE_REASONS).optional(),
      description: optionalText('field.description', LIMITS.description, { multiLine: true }),
    }),
  ),
  /** A waiting case moves in the queue at once; the engine runs in the same commit. */
  'cases.setPriority': channel<CaseDto>()(
    z.strictObject({ id: id('field.case'), priority: oneOf('field.priority', PRIORITIES) }),
  ),
  /** A resolved case goes back into the queue, keeping its history. */
  'cases.reopen': channel<CaseDto>()(
    z.strictObject({ id: id('field.case'), reason: text('field.reopenReason', LIMITS.cancelReason) }),
  ),

  /** The supervisor's dashboard: the desk now, and the figures of a period of local days. */
  'reports.dashboard': channel<Dashboard>()(period),
  /** The same figures as a CSV file, saved through the shell. */
  'reports.exportCsv': channel<ExportResult>()(period),
  /** The service level's threshold: how soon a case should reach an agent, in whole minutes. */
  'reports.setServiceLevel': channel<ServiceLevelSetting>()(
    z.strictObject({ thresholdMinutes: wholeMinutes(SERVICE_LEVEL_MINUTES) }),
  ),

  'backup.now': channel<BackupInfo>()(empty),
  'backup.list': channel<BackupList>()(empty),
  'backup.restore': channel<RestoreResult>()(
    z.strictObject({
      name: z
        .string({
          error: (issue) =>
            m(issue.input === undefined ? 'validation.chooseBackup' : 'validation.mustBeText', {
              label: m('field.backup'),
            }),
        })
        .max(200, { error: says('validation.backupFromList') })
        // A bare file name from `backup.list`, named after the desk's file (which may have spaces,
        // `#` or accents): no folder separators, no drive or stream colon, no controls, no leading dot.
        .regex(/^(?![.\s])[^/\\:*?"<>|\p{Cc}]+\.sqlite$/u, { error: says('validation.backupFromList') }),
      /** The supervisor passcode, asked again even in an unlocked Admin. */
      passcode: secret('field.passcode'),
    }),
  ),
  'auth.status': channel<AuthStatus>()(empty),
  'auth.setup': channel<AuthStatus>()(z.strictObject({ passcode })),
  'auth.unlock': channel<AuthStatus>()(z.strictObject({ passcode: secret('field.passcode') })),
  'auth.lock': channel<AuthStatus>()(empty),
  'auth.signIn': channel<AuthStatus>()(
    z.strictObject({ agentId: id('field.agent'), pin: secret('field.pin') }),
  ),
  'auth.signOut': channel<AuthStatus>()(empty),
  /** The person at this window did something: keeps an unlocked Admin open. */
  'auth.touch': channel<AuthStatus>()(empty),
  'auth.changePasscode': channel<AuthStatus>()(
    z.strictObject({ current: secret('field.currentPasscode'), passcode }),
  ),
  /** The shared counter PC: when a signed-in agent is signed out (either part may be left out). */
  'auth.setAgentSignOut': channel<AuthStatus>()(
    z.strictObject({
      idleMinutes: wholeMinutes(AGENT_IDLE_MINUTES).optional(),
      afterResolve: flag('field.afterResolve').optional(),
    }),
  ),
  /** The desk's language: the setting, and the language it resolves to on this workstation. */
  'settings.language': channel<DeskLanguage>()(empty),
  /** A supervisor sets the desk's language (`system`: the workstation's); every window follows. */
  'settings.setLanguage': channel<DeskLanguage>()(
    z.strictObject({ language: oneOf('field.language', LANGUAGE_SETTINGS) }),
  ),
  /** An error thrown in the page, for the main log; `logged` is false when rate-limited. */
  'log.pageError': channel<{ logged: boolean }>()(
    z.strictObject({
      kind: oneOf('field.kind', PAGE_ERROR_KINDS),
      message: z.string().max(LIMITS.logMessage),
      stack: z.string().max(LIMITS.logStack).optional(),
      /** Where it was thrown (script URL and line), when the page knows. */
      source: z.string().max(LIMITS.logSource).optional(),
    }),
  ),

  // ---- the customer at the counter (issue 15) ----
  /** What the return slip shows: the case, its place in the queue and its estimated wait. */
  'slips.get': channel<SlipDto>()(byId),
  /** Prints the slip this window shows: the print dialog, or the default printer if the desk chose. */
  'slips.print': channel<PrintResult>()(byId),
  /** The slip this window shows, as a PDF, through the save dialog. */
  'slips.savePdf': channel<ExportResult>()(byId),
  'counter.settings': channel<CounterSettings>()(empty),
  'counter.setSettings': channel<CounterSettings>()(
    z.strictObject({
      storeName: text('field.storeName', STORE_NAME_MAX).optional(),
      printDirect: flag('field.printDirect').optional(),
    }),
  ),
  /** The waiting-area display: now serving, the waiting references and their estimated waits. */
  'display.board': channel<DisplayBoard>()(empty),
  /** Whether this is the demo desk, and its sign-ins to show on screen. */
  'demo.info': channel<DemoInfo>()(empty),
  /** Opens the demo desk (the app starts again on the demo database). */
  'demo.open': channel<{ opening: boolean }>()(empty),

  // ---- which database: this workstation's own file, or a shared PostgreSQL (issue 16) ----
  'database.status': channel<DatabaseStatus>()(empty),
  /** Connects to a shared database and says whether a desk is in it yet; nothing is saved. */
  'database.test': channel<ConnectionCheck>()(sharedDatabase),
  /** Keeps this shared database as this workstation's desk and starts the app again on it. */
  'database.use': channel<{ restarting: boolean }>()(sharedDatabase),
  /** Forgets the shared database and starts the app again on this workstation's own file. */
  'database.useLocal': channel<{ restarting: boolean }>()(empty),
  /** Copies this workstation's desk into an empty shared database; the file stays as it is. */
  'database.move': channel<MoveReport>()(sharedDatabase),
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
