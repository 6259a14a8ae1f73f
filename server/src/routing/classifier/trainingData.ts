import fs from 'node:fs';
import path from 'node:path';
import { categoryCodeOf, villageCategoryOf } from './categoryMap';
import type { LabelledExample } from './model';

/**
 * Training data: the files shipped in server/src/routing/data (resolved from this file, so
 * the same path works from src under jest and from dist in production — never ../shared,
 * which production does not have) and files a county supplies to the train command.
 */
export const SHIPPED_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'routing', 'data');

/** A row of any supported JSONL file: ours, TipDM's (title, detail, label) or the village examples'. */
interface RawRow {
  text?: unknown;
  title?: unknown;
  detail?: unknown;
  categoryCode?: unknown;
  label?: unknown;
  kind?: unknown;
  weight?: unknown;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Title and detail joined as CategoryClassifier.predict joins a report's fields. */
export function rowText(row: { text?: unknown; title?: unknown; detail?: unknown }): string {
  const text = asText(row.text);
  if (text) return text;
  return [asText(row.title), asText(row.detail)].filter(Boolean).join('。');
}

function rowCategory(row: RawRow): string {
  const code = asText(row.categoryCode);
  if (code) return code;
  const label = asText(row.label);
  if (label) return categoryCodeOf(label);
  return villageCategoryOf(asText(row.kind), rowText(row)) ?? '';
}

export function parseJsonl(content: string, source: string): LabelledExample[] {
  const examples: LabelledExample[] = [];
  content.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let row: RawRow;
    try {
      row = JSON.parse(line) as RawRow;
    } catch {
      throw new Error(`${source}:${index + 1}: not valid JSON`);
    }
    const example: LabelledExample = { text: rowText(row), categoryCode: rowCategory(row) };
    if (!example.text || !example.categoryCode) throw new Error(`${source}:${index + 1}: needs text (or title/detail) and categoryCode (or label/kind)`);
    if (typeof row.weight === 'number' && row.weight > 0) example.weight = row.weight;
    examples.push(example);
  });
  return examples;
}

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsvRecords(content: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const text = content.replace(/^\uFEFF/, '');
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      if (record.some((value) => value.trim())) records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  record.push(field);
  if (record.some((value) => value.trim())) records.push(record);
  return records;
}

/** CSV with a header naming `text` (or title/detail) and `categoryCode` (or label). */
export function parseCsv(content: string, source: string): LabelledExample[] {
  const [header, ...records] = parseCsvRecords(content);
  if (!header) return [];
  const columns = header.map((name) => name.trim());
  return records.map((values, index) => {
    const row: Record<string, string> = {};
    columns.forEach((column, position) => {
      row[column] = values[position] ?? '';
    });
    const example = { text: rowText(row), categoryCode: rowCategory(row) };
    if (!example.text || !example.categoryCode) throw new Error(`${source}: row ${index + 2} needs text and categoryCode`);
    return example;
  });
}

export function readExamplesFile(filePath: string): LabelledExample[] {
  const content = fs.readFileSync(filePath, 'utf8');
  return filePath.toLowerCase().endsWith('.csv') ? parseCsv(content, filePath) : parseJsonl(content, filePath);
}

/** Every shipped training file, in name order so that training sees the same sequence each run. */
export function shippedTrainingFiles(): string[] {
  return fs
    .readdirSync(SHIPPED_DATA_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(SHIPPED_DATA_DIR, name));
}

export function shippedTrainingExamples(): LabelledExample[] {
  return shippedTrainingFiles().flatMap((file) => readExamplesFile(file));
}
