import fs from 'node:fs';
import path from 'node:path';
import { CATEGORY_BY_TIPDM_NAME, villageCategoryOf } from './categoryMap';
import { SHIPPED_DATA_DIR, rowText } from './trainingData';

/**
 * Regenerates the derived training files in server/src/routing/data from the shared data
 * folder (a developer's step, run by hand; the server and the train command only read the
 * copies): `node server/dist/routing/classifier/prepareDataCommand.js ../shared/data`.
 * village-seed.jsonl is written by hand and left alone.
 */

/**
 * How much a taxonomy name counts against a full message. The names are two- to six-character
 * phrases ("物价监督", "特种设备管理", "公共汽车") that say which class a topic belongs to —
 * knowledge 445 messages cannot cover — so they weigh several messages each (4 measured best
 * in cross-validation on train.jsonl: 1 → 0.84, 2 → 0.84, 4 → 0.87, 8 → 0.86, 16 → 0.81).
 */
export const TAXONOMY_WEIGHT = 4;

interface JsonRow {
  [key: string]: unknown;
}

function readJsonl(filePath: string): JsonRow[] {
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as JsonRow);
}

function writeJsonl(name: string, rows: readonly object[]): void {
  fs.writeFileSync(path.join(SHIPPED_DATA_DIR, name), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  console.log(`${name}: ${rows.length} rows`);
}

function tipdmCode(label: unknown): string {
  const code = typeof label === 'string' ? CATEGORY_BY_TIPDM_NAME[label] : undefined;
  if (!code) throw new Error(`unknown TipDM class ${JSON.stringify(label)}`);
  return code;
}

/** train.jsonl: the seven-class labelled messages, title and detail as one text. */
function tipdmMessages(sharedData: string): object[] {
  return readJsonl(path.join(sharedData, 'tipdm2020', 'train.jsonl')).map((row) => ({ text: rowText(row), categoryCode: tipdmCode(row.label) }));
}

/** taxonomy.jsonl: every second- and third-level name as a short example of its first-level class. */
function taxonomyNames(sharedData: string): object[] {
  const seen = new Set<string>();
  const rows: object[] = [];
  for (const row of readJsonl(path.join(sharedData, 'tipdm2020', 'taxonomy.jsonl'))) {
    const categoryCode = tipdmCode(row.l1);
    for (const name of [row.l3, row.l2]) {
      if (typeof name !== 'string' || name === '其他' || seen.has(`${name}|${categoryCode}`)) continue;
      seen.add(`${name}|${categoryCode}`);
      rows.push({ text: name, categoryCode, weight: TAXONOMY_WEIGHT });
    }
  }
  return rows;
}

/** village/examples.jsonl, each concern under its kind's category. */
function villageExamples(sharedData: string): object[] {
  return readJsonl(path.join(sharedData, 'village', 'examples.jsonl')).map((row) => {
    const text = rowText(row);
    const categoryCode = villageCategoryOf(typeof row.kind === 'string' ? row.kind : '', text);
    if (!categoryCode) throw new Error(`unknown village kind ${JSON.stringify(row.kind)}`);
    return { text, categoryCode };
  });
}

function main(): void {
  const sharedData = process.argv[2];
  if (!sharedData) {
    console.error('usage: prepareDataCommand.js SHARED_DATA_DIR   (the folder holding tipdm2020/ and village/)');
    process.exit(2);
  }
  writeJsonl('tipdm-train.jsonl', tipdmMessages(sharedData));
  writeJsonl('tipdm-taxonomy.jsonl', taxonomyNames(sharedData));
  writeJsonl('village-examples.jsonl', villageExamples(sharedData));
}

if (require.main === module) main();
