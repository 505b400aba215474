import { AgentEntity } from './agent.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { CustomerEntity } from './customer.entity';
import { SettingEntity } from './setting.entity';
import { SignInThrottleEntity } from './sign-in-throttle.entity';

export const ENTITIES = [
  AgentEntity,
  CustomerEntity,
  CaseEntity,
  CaseEventEntity,
  SettingEntity,
  SignInThrottleEntity,
];
export type { AgentRow } from './agent.entity';
export type { CaseEventRow } from './case-event.entity';
export type { CaseRow } from './case.entity';
export type { CustomerRow } from './customer.entity';
export type { SettingRow } from './setting.entity';
export type { SignInThrottleRow } from './sign-in-throttle.entity';
