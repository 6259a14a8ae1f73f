import { Column, type ColumnOptions, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Column helpers that mean the same on SQLite and MySQL/MariaDB. */
export const ID_LENGTH = 26;

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: ID_LENGTH });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: ID_LENGTH, ...options });
export const DateTimeColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const CreatedAtColumn = () => CreateDateColumn({ type: 'datetime', precision: 3 });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: 'datetime', precision: 3 });
export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', default: false, ...options });

/** JSON kept as text: portable, and never queried inside. */
export const jsonText = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};
