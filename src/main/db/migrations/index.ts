import { InitialSchema1764115200000 } from './1764115200000-initial-schema';
import { AccessControl1764201600000 } from './1764201600000-access-control';
import { SignInThrottle1764892800000 } from './1764892800000-sign-in-throttle';
import { CaseSearch1764979200000 } from './1764979200000-case-search';
import { SupervisorDesk1765065600000 } from './1765065600000-supervisor-desk';
import { Skills1765152000000 } from './1765152000000-skills';
import { EventMessages1765238400000 } from './1765238400000-event-messages';
import { IntakeKeys1765324800000 } from './1765324800000-intake-keys';

/** Every migration, oldest first. A new one is appended here and never edited after release. */
export const MIGRATIONS = [
  InitialSchema1764115200000,
  AccessControl1764201600000,
  SignInThrottle1764892800000,
  CaseSearch1764979200000,
  SupervisorDesk1765065600000,
  Skills1765152000000,
  EventMessages1765238400000,
  IntakeKeys1765324800000,
];
