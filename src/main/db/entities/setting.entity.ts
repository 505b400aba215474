import { EntitySchema } from 'typeorm';

export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'settings',
  columns: {
    key: { type: 'varchar', length: 60, primary: true },
    value: { type: 'text' },
    updated_at: { type: 'varchar', length: 30 },
  },
});
