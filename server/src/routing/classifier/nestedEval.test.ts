import { type EvalRow, repeatSeed } from './benchmarks';
import { groupedStratifiedFolds, sameMatterGroups } from './evaluation';
import { CategoryClassifier, type LabelledExample } from './model';
import { nestedCrossValidation, type TrainingCandidate, withTemperatureFactor } from './nestedEval';

const ENVIRONMENT = [
  '工厂排放废气',
  '河流污染严重',
  '夜间施工噪音',
  '垃圾焚烧冒黑烟',
  '养殖场污水直排',
  '化工厂气味刺鼻',
];
const EDUCATION = ['学校乱收费', '教师补课收费', '学生入学难', '幼儿园收费高', '学校食堂卫生差', '学区划分不合理'];

const rows: EvalRow[] = [
  ...ENVIRONMENT.map((text) => ({ text, categoryCode: 'environment', truth: '环境保护' })),
  ...EDUCATION.map((text) => ({ text, categoryCode: 'education', truth: '教育文体' })),
].map(({ text, categoryCode, truth }) => ({ input: { text }, example: { text, categoryCode }, truth }));

const POOL: LabelledExample[] = [
  { text: '空气污染', categoryCode: 'environment' },
  { text: '学校教育', categoryCode: 'education' },
];

const swapped = (code: string) => (code === 'environment' ? 'education' : 'environment');

describe('nested cross-validation', () => {
  it('chooses on the inner folds only, never training on an outer fold it then scores', () => {
    const trainings: { candidate: string; texts: string[] }[] = [];
    const recording = (name: string, relabel: (code: string) => string): TrainingCandidate => ({
      name,
      pool: () => POOL,
      train: (examples) => {
        trainings.push({ candidate: name, texts: examples.map((example) => example.text) });
        return CategoryClassifier.train(
          examples.map((example) => ({ ...example, categoryCode: relabel(example.categoryCode) })),
        );
      },
    });
    const lines: string[] = [];
    const result = nestedCrossValidation(
      rows,
      2,
      2,
      [recording('backwards', swapped), recording('plain', (code) => code)],
      (line) => lines.push(line),
    );

    // Per outer fold: 2 candidates × 3 inner folds, then the chosen one once.
    expect(trainings).toHaveLength(2 * 2 * (2 * 3 + 1));
    expect(result.folds.map((fold) => fold.chosen)).toEqual(['plain', 'plain', 'plain', 'plain']);
    for (const fold of result.folds) expect(fold.inner.backwards).toBeLessThan(fold.inner.plain);
    expect(lines.filter((line) => /^outer fold \d\.\d: .*→ plain/.test(line))).toHaveLength(4);

    const groupOf = sameMatterGroups(rows.map((row) => row.example)).groupOf;
    trainings.forEach((training, position) => {
      const repeat = Math.floor(position / 14);
      const fold = Math.floor((position % 14) / 7);
      const outer = groupedStratifiedFolds(
        rows.map((row) => row.truth),
        groupOf,
        2,
        repeatSeed(repeat),
      );
      const heldOut = rows.filter((_, index) => outer[index] === fold).map((row) => row.example.text);
      expect(heldOut.length).toBeGreaterThan(0);
      expect(training.texts.filter((text) => heldOut.includes(text))).toEqual([]);
      expect(training.texts).toContain('空气污染');
    });

    // Every row scored once per repeat, by a model that never saw it.
    expect(result.repetitions).toHaveLength(2);
    for (const scores of result.repetitions) expect(scores.filter(Boolean)).toHaveLength(rows.length);
    expect(result.models).toHaveLength(4);
    for (const fold of result.folds) expect(fold.temperature).toBeGreaterThan(0);
  });

  it('leaves out of every pool the copies of evaluated rows', () => {
    const seen: string[][] = [];
    nestedCrossValidation(
      rows,
      2,
      1,
      [
        {
          name: 'only',
          pool: () => [...POOL, { text: '工厂排放废气。', categoryCode: 'environment' }],
          train: (examples) => {
            seen.push(examples.map((example) => example.text));
            return CategoryClassifier.train(examples);
          },
        },
      ],
      () => undefined,
    );
    for (const texts of seen) expect(texts).not.toContain('工厂排放废气。');
  });

  it('tempers a model by a factor: the same ranking, softer or sharper confidences', () => {
    const model = CategoryClassifier.train(POOL.concat(rows.map((row) => row.example)));
    const softer = withTemperatureFactor(model, 2);
    const input = { text: '河流污染' };
    expect(softer.predict(input).categoryCode).toBe(model.predict(input).categoryCode);
    expect(softer.predict(input).confidence).toBeLessThan(model.predict(input).confidence);
    expect(withTemperatureFactor(model, 1)).toBe(model);
  });
});
