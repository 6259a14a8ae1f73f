import type { DataSource } from 'typeorm';
import type { PersonalDataCipher } from '../../crypto/personalData';

export interface SeedSummary {
  regions: number;
  departments: number;
  staff: number;
}

export async function seedDemo(dataSource: DataSource, _options: { cipher: PersonalDataCipher }): Promise<SeedSummary> {
  void dataSource;
  return { regions: 0, departments: 0, staff: 0 };
}
