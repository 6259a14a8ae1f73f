import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCliArgs, UsageError } from './cliArgs';
import { runEval } from './evalCommand';
import { CategoryClassifier, type LabelledExample } from './model';
import { runTrain } from './trainCommand';

/** A small pool standing in for the shipped data, so the commands run in milliseconds. */
const POOL: LabelledExample[] = [
  ...['小区噪音扰民', '工厂排放废气', '河流污染严重', '夜间施工噪音', '垃圾焚烧冒黑烟'].map((text) => ({
    text,
    categoryCode: 'environment',
  })),
  ...['学校乱收费', '教师工资拖欠', '学生入学难', '幼儿园收费高', '学校食堂卫生差'].map((text) => ({
    text,
    categoryCode: 'education',
  })),
  ...['停电了', '电压低', '电线杆歪了', '变压器坏了', '电表不准'].map((text) => ({ text, categoryCode: 'power' })),
];

const TIPDM_ROWS = [
  { title: '噪音扰民', detail: '工地夜间施工噪音很大', label: '环境保护' },
  { title: '废气污染', detail: '工厂排放废气刺鼻', label: '环境保护' },
  { title: '学校收费', detail: '学校乱收资料费', label: '教育文体' },
  { title: '入学问题', detail: '孩子入学难怎么办', label: '教育文体' },
];

/** Messages of another source: one is also in the pool, one has no seven-class label. */
const REPLIES: LabelledExample[] = [
  { text: '工厂排放废气', categoryCode: 'environment' },
  { title: '学费', text: '学校收取补课费', categoryCode: 'education' },
  { text: '邻里纠纷调解', categoryCode: 'legal' },
];

const VILLAGE_ROWS = [
  { text: '我们组停电了', kind: 'power' },
  { text: '电线杆子歪了', kind: 'power' },
  { text: '河里被排了污水', kind: 'environment' },
  { text: '有人烧垃圾冒黑烟', kind: 'environment' },
];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-commands-'));
}

function writeJsonl(file: string, rows: readonly object[]): void {
  fs.writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
}

/** Runs a command, returning what it printed; its last line must be one JSON object. */
async function lastJsonLine(
  run: (print: (line: string) => void) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  await run((line) => lines.push(line));
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

describe('command line', () => {
  it('parses --cv with and without a count, --village, --out and --model', () => {
    expect(parseCliArgs(['a.jsonl', '--cv'])).toMatchObject({ files: ['a.jsonl'], folds: 5 });
    expect(parseCliArgs(['--cv', '10', 'a.jsonl', '--village'])).toMatchObject({
      files: ['a.jsonl'],
      folds: 10,
      village: true,
    });
    expect(parseCliArgs(['--cv=3', '--model', 'm.json', '--out', 'o.json'])).toMatchObject({
      folds: 3,
      model: 'm.json',
      out: 'o.json',
    });
    expect(parseCliArgs(['a.jsonl', '--cv', '--repeat', '3', '--village-file', 'v.jsonl'])).toMatchObject({
      folds: 5,
      repeat: 3,
      villageFile: 'v.jsonl',
    });
    expect(parseCliArgs(['a.jsonl', '--nested', '--grid', 'self-training', '--unlabeled', 'u.jsonl'])).toMatchObject({
      folds: 5,
      nested: true,
      grid: 'self-training',
      unlabeled: 'u.jsonl',
    });
    expect(parseCliArgs(['a.jsonl', '--cv', '3'])).toMatchObject({ nested: false, grid: 'knobs', unlabeled: null });
    expect(() => parseCliArgs(['--repeat', '0'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--cv', '1'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--out'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError);
  });
});

describe('evalCommand', () => {
  let dir: string;
  let modelPath: string;

  beforeAll(async () => {
    dir = tempDir();
    modelPath = path.join(dir, 'model.json');
    await CategoryClassifier.train(POOL).saveFile(modelPath);
    writeJsonl(path.join(dir, 'tipdm.jsonl'), TIPDM_ROWS);
    writeJsonl(path.join(dir, 'village.jsonl'), VILLAGE_ROWS);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('prints accuracy, per-class precision and recall, the confusion matrix and calibration, then one JSON line', async () => {
    const lines: string[] = [];
    await runEval([path.join(dir, 'tipdm.jsonl'), '--model', modelPath], { print: (line) => lines.push(line) });
    const result = JSON.parse(lines[lines.length - 1]);
    expect(Object.keys(result)).toEqual([
      'n',
      'accuracy',
      'accuracySd',
      'macroF1',
      'ece',
      'temperatureFit',
      'threshold',
      'msPerReport',
    ]);
    expect(result).toMatchObject({ n: 4, accuracy: 1, accuracySd: 0 });
    expect(result.msPerReport).toBeGreaterThan(0);
    expect(lines.find((line) => line.trim().startsWith('环境保护'))).toMatch(/1\.000\s+1\.000\s+2$/);
    expect(lines.find((line) => line.trim().startsWith('商贸旅游'))).toMatch(/0\.000\s+0\.000\s+0$/);
    const matrix = lines.indexOf('confusion matrix (pooled over repeats):');
    expect(matrix).toBeGreaterThan(0);
    // Rows follow TIPDM_CLASSES: 城乡建设, 环境保护, …; both 环境保护 rows predicted right.
    expect(lines[matrix + 3].trim().split(/\s+/)).toEqual(['环境', '0', '2', '0', '0', '0', '0', '0']);
    expect(lines.some((line) => /^calibration .*ECE \d\.\d{3}/.test(line))).toBe(true);
  });

  it('repeats the cross-validation and reports the spread, and routes village concerns as the API does', async () => {
    const lines: string[] = [];
    const trainings: string[][] = [];
    await runEval(
      [path.join(dir, 'tipdm.jsonl'), '--cv', '2', '--repeat', '3', '--village-file', path.join(dir, 'village.jsonl')],
      {
        print: (line) => lines.push(line),
        trainingPool: () => POOL,
        train: (examples) => {
          trainings.push(examples.map((example) => example.text));
          return CategoryClassifier.train(examples);
        },
        heldOutReplies: () => REPLIES,
      },
    );
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result).toMatchObject({ n: 4 });
    // Six fold models saw the pool's 工厂排放废气; the model that scores the replies did not, as
    // it is one of them. The reply without a seven-class label is held out but not scored.
    expect(trainings).toHaveLength(7);
    expect(trainings[0]).toContain('工厂排放废气');
    const heldOutTraining = trainings[6];
    expect(heldOutTraining).toContain('学校乱收资料费');
    expect(REPLIES.filter((reply) => heldOutTraining.includes(reply.text))).toEqual([]);
    expect(result.heldOutReplies).toMatchObject({ n: 2 });
    expect(result.heldOutReplies.accuracy).toBeGreaterThanOrEqual(0);
    expect(
      lines.some((line) => /^held-out replies \(2 messages .*accuracy \d\.\d{4}, macro-F1 \d\.\d{4}$/.test(line)),
    ).toBe(true);
    expect(lines.filter((line) => /^repeat \d\/3: accuracy/.test(line))).toHaveLength(3);
    expect(lines.some((line) => /^3× grouped stratified 2-fold CV: accuracy \d\.\d{4} ± \d\.\d{4}/.test(line))).toBe(
      true,
    );
    expect(typeof result.accuracySd).toBe('number');
    expect(result.village.n).toBe(4);
    expect(result.village.right + result.village.wrong + result.village.triage).toBeCloseTo(1);
    expect(lines.some((line) => line.includes('routed as the API routes them'))).toBe(true);
    expect(lines.some((line) => /threshold from calibrated confidence .*: \d\.\d{3}$/.test(line))).toBe(true);
  }, 60_000);

  it('--nested reports the outer folds: chosen candidates, spread, per class and confusion matrix, village by outer models', async () => {
    const file = path.join(dir, 'tipdm-nested.jsonl');
    writeJsonl(file, [
      ...['工地夜间施工噪音', '工厂排放废气刺鼻', '河流污染严重', '垃圾焚烧冒黑烟', '养殖场污水直排', '化工厂气味'].map(
        (detail) => ({ title: '环境问题', detail, label: '环境保护' }),
      ),
      ...['学校乱收资料费', '孩子入学难', '教师补课收费', '幼儿园收费高', '学校食堂卫生差', '学区划分'].map(
        (detail) => ({
          title: '教育问题',
          detail,
          label: '教育文体',
        }),
      ),
    ]);
    const lines: string[] = [];
    const grids: string[] = [];
    const candidate = (name: string, relabel: (code: string) => string) => ({
      name,
      pool: () => POOL,
      train: (examples: LabelledExample[]) =>
        CategoryClassifier.train(
          examples.map((example) => ({ ...example, categoryCode: relabel(example.categoryCode) })),
        ),
    });
    await runEval(
      [file, '--nested', '--cv', '2', '--grid', 'test', '--village-file', path.join(dir, 'village.jsonl')],
      {
        print: (line) => lines.push(line),
        candidates: (grid) => {
          grids.push(grid);
          return [
            candidate('plain', (code) => code),
            candidate('backwards', (code) => (code === 'environment' ? 'education' : 'environment')),
          ];
        },
      },
    );
    expect(grids).toEqual(['test']);
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result.nested).toMatchObject({ grid: 'test', chosen: { plain: 2, backwards: 0 } });
    expect(result.nested.inner.plain).toBeGreaterThan(result.nested.inner.backwards);
    expect(typeof result.nested.foldAccuracySd).toBe('number');
    expect(lines.filter((line) => /^outer fold 1\.\d: inner 3-fold accuracy plain/.test(line))).toHaveLength(2);
    expect(lines.some((line) => /^nested 1× grouped stratified 2-fold CV \(outer folds\): accuracy/.test(line))).toBe(
      true,
    );
    expect(lines.some((line) => /^outer folds: accuracy \d\.\d{4} ± \d\.\d{4} \(sd over 2 folds/.test(line))).toBe(
      true,
    );
    const matrix = lines.indexOf('confusion matrix (pooled over repeats):');
    expect(matrix).toBeGreaterThan(lines.findIndex((line) => line.trim().startsWith('环境保护')));
    expect(lines.some((line) => line.includes('by each of 2 outer-fold models (pooled)'))).toBe(true);
    expect(result.village.n).toBe(8);
  }, 60_000);

  it('--nested refuses an unknown grid and the self-training grid without unlabelled messages', async () => {
    const file = path.join(dir, 'tipdm.jsonl');
    await expect(runEval([file, '--nested', '--grid', 'nonsense'], { print: () => undefined })).rejects.toThrow(
      UsageError,
    );
    await expect(runEval([file, '--nested', '--grid', 'self-training'], { print: () => undefined })).rejects.toThrow(
      /--unlabeled/,
    );
  });

  it('measures village routing: straight, wrong and triage shares at the threshold', async () => {
    const result = await lastJsonLine((print) =>
      runEval([path.join(dir, 'village.jsonl'), '--village', '--cv', '2'], { print, trainingPool: () => POOL }),
    );
    expect(Object.keys(result)).toEqual(['n', 'straight', 'wrong', 'triage', 'threshold']);
    expect(result.n).toBe(4);
    expect(Number(result.straight) + Number(result.wrong) + Number(result.triage)).toBeCloseTo(1);
  });

  it('rejects a file with labels outside the seven TipDM classes', async () => {
    const file = path.join(dir, 'bad.jsonl');
    writeJsonl(file, [{ title: 'x', detail: 'y', label: '政法' }]);
    await expect(runEval([file, '--model', modelPath], { print: () => undefined })).rejects.toThrow(
      /not one of the seven/,
    );
  });
});

describe('trainCommand', () => {
  it('trains on the shipped examples plus extra files and writes a loadable model', async () => {
    const dir = tempDir();
    const extra = path.join(dir, 'corrections.csv');
    fs.writeFileSync(extra, 'text,categoryCode\n自来水停了,water_supply\n水管爆了,water_supply\n');
    const out = path.join(dir, 'out', 'model.json');
    const lines: string[] = [];
    const corrections = async () => [{ text: '河里有人电鱼', categoryCode: 'police_security' }];
    const trained = await runTrain([extra, '--out', out], {
      print: (line) => lines.push(line),
      shippedExamples: () => POOL,
      corrections,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('water_supply 2');
    expect(lines[0]).toContain("1 of them dispatchers' corrections");
    expect(trained.labels()).toContain('police_security');
    expect(lines[0]).toContain(trained.version);
    const loaded = await CategoryClassifier.loadFile(out);
    expect(loaded.version).toBe(trained.version);
    expect(loaded.labels()).toContain('water_supply');
    fs.rmSync(dir, { recursive: true });
  });
});
