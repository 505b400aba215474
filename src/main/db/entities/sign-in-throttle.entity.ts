import { EntitySchema } from 'typeorm';

export interface SignInThrottleRow {
  target: string;
  wrong_tries: number;
  lockouts: number;
  locked_until: string | null;
  last_wrong_at: string;
}

export const SignInThrottleEntity = new EntitySchema<SignInThrottleRow>({
  name: 'SignInThrottle',
  tableName: 'sign_in_throttle',
  columns: {
    target: { type: 'varchar', length: 40, primary: true },
    wrong_tries: { type: 'integer' },
    lockouts: { type: 'integer' },
    locked_until: { type: 'varchar', length: 30, nullable: true },
    last_wrong_at: { type: 'varchar', length: 30 },
  },
});
