import fs from 'node:fs';
import path from 'node:path';
import { CATEGORY_BY_TIPDM_NAME } from './categoryMap';
import { categoryOfReply } from './replyDepartments';
import { SHIPPED_DATA_DIR } from './trainingData';

/**
 * Regenerates the derived training files in server/src/routing/data from the shared data
 * folder (a developer's step, run by hand; the server and the train command only read the
 * copies): `node server/dist/routing/classifier/prepareDataCommand.js ../shared/data`.
 * village-seed.jsonl is written by hand and left alone. village/examples.jsonl is never copied
 * here: it is the held-out estimate of village routing (routing:eval --village-file).
 */

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
  fs.writeFileSync(path.join(SHIPPED_DATA_DIR, name), `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  console.log(`${name}: ${rows.length} rows`);
}

function tipdmCode(label: unknown): string {
  const code = typeof label === 'string' ? CATEGORY_BY_TIPDM_NAME[label] : undefined;
  if (!code) throw new Error(`unknown TipDM class ${JSON.stringify(label)}`);
  return code;
}

/** train.jsonl: the seven-class labelled messages; the title is kept apart, as it weighs more. */
function tipdmMessages(sharedData: string): object[] {
  return readJsonl(path.join(sharedData, 'tipdm2020', 'train.jsonl')).map((row) => ({
    title: row.title,
    text: row.detail,
    categoryCode: tipdmCode(row.label),
  }));
}

/**
 * taxonomy.jsonl: every second- and third-level name as a short example of its first-level
 * class (weighed by SHIPPED_FILE_WEIGHTS).
 */
function taxonomyNames(sharedData: string): object[] {
  const seen = new Set<string>();
  const rows: object[] = [];
  for (const row of readJsonl(path.join(sharedData, 'tipdm2020', 'taxonomy.jsonl'))) {
    const categoryCode = tipdmCode(row.l1);
    for (const name of [row.l3, row.l2]) {
      if (typeof name !== 'string' || name === '其他' || seen.has(`${name}|${categoryCode}`)) continue;
      seen.add(`${name}|${categoryCode}`);
      rows.push({ text: name, categoryCode });
    }
  }
  return rows;
}

/** replies.jsonl: messages labelled by the department that answered them (weakly: see replyDepartments). */
function repliedMessages(sharedData: string): object[] {
  const rows: object[] = [];
  for (const row of readJsonl(path.join(sharedData, 'tipdm2020', 'replies.jsonl'))) {
    const categoryCode = typeof row.reply === 'string' ? categoryOfReply(row.reply) : null;
    if (categoryCode && typeof row.detail === 'string' && row.detail.trim())
      rows.push({ title: row.title, text: row.detail, categoryCode });
  }
  return rows;
}

function main(): void {
  const sharedData = process.argv[2];
  if (!sharedData) {
    console.error('usage: prepareDataCommand.js SHARED_DATA_DIR   (the folder holding tipdm2020/ and village/)');
    process.exit(2);
  }
  writeJsonl('tipdm-train.jsonl', tipdmMessages(sharedData));
  writeJsonl('tipdm-taxonomy.jsonl', taxonomyNames(sharedData));
  writeJsonl('tipdm-replies.jsonl', repliedMessages(sharedData));
}

if (require.main === module) main();
