import fs from 'node:fs';
import path from 'node:path';
import { demoCategories } from '../../db/seed/categories';
import {
  CATEGORY_BY_TIPDM_NAME,
  CATEGORY_BY_VILLAGE_KIND,
  TIPDM_CLASSES,
  TIPDM_CLASS_BY_CATEGORY,
} from './categoryMap';
import { NearDuplicateIndex } from './evaluation';
import { CategoryClassifier, DEFAULT_MODEL_PATH, RECOMMENDED_CONFIDENCE_THRESHOLD } from './index';
import { exampleText, shippedTrainingExamples } from './trainingData';

/** The held-out village concerns (the repository's sibling shared/data folder), when present. */
const VILLAGE_EXAMPLES = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'village',
  'examples.jsonl',
);

/**
 * The committed model. The sentences are written for this test — none is from
 * data/village/examples.jsonl, which is evaluation data.
 */
describe('the shipped model', () => {
  let model: CategoryClassifier;
  const categories = demoCategories();

  beforeAll(async () => {
    model = await CategoryClassifier.loadFile(DEFAULT_MODEL_PATH);
  });

  it('is committed, small, and predicts only categories of the seeded tree', () => {
    expect(fs.statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(5 * 1024 * 1024);
    expect(model.version).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ#[0-9a-f]{12}$/);
    const codes = new Set(categories.map((category) => category.code));
    expect(model.labels().filter((label) => !codes.has(label))).toEqual([]);
  });

  it.each([
    ['昨天半夜开始停电到现在都没来电', 'power'],
    ['我们家想申请低保', 'social_aid'],
    ['村口那根电线杆歪了', 'power'],
    ['屋头自来水停了三天了', 'water_supply'],
    ['河边的垃圾堆了好久没人清', 'sanitation'],
    ['老板欠了我半年工资不给', 'labor'],
    ['有人天天晚上聚在一起赌钱', 'police_security'],
  ])('routes %s to %s with confidence', (text, categoryCode) => {
    const prediction = model.predict({ text });
    expect(prediction.categoryCode).toBe(categoryCode);
    expect(prediction.confidence).toBeGreaterThanOrEqual(RECOMMENDED_CONFIDENCE_THRESHOLD);
  });

  it('classifies a county letter into its TipDM class', () => {
    const prediction = model.predict({
      title: '小区附近工地夜间施工噪音扰民',
      text: '每天晚上十二点以后还在施工，噪音太大，严重影响居民休息，请环保部门查处。',
    });
    expect(TIPDM_CLASS_BY_CATEGORY[prediction.categoryCode]).toBe('环境保护');
  });
});

describe('the held-out village concerns', () => {
  (fs.existsSync(VILLAGE_EXAMPLES) ? it : it.skip)('are never among the shipped training examples', () => {
    const heldOut = fs
      .readFileSync(VILLAGE_EXAMPLES, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(heldOut.length).toBeGreaterThan(50);
    const copies = new NearDuplicateIndex(heldOut);
    const trained = shippedTrainingExamples().map(exampleText);
    expect(trained.filter((text) => copies.isCopy(text, 0.3))).toEqual([]);
    expect(trained.filter((text) => heldOut.includes(text))).toEqual([]);
  });
});

describe('category maps', () => {
  const kindOf = new Map(demoCategories().map((category) => [category.code, category.departmentKind]));
  const nameOf = new Map(demoCategories().map((category) => [category.code, category.name]));

  it('map the TipDM names to the government categories of the same name', () => {
    for (const [name, code] of Object.entries(CATEGORY_BY_TIPDM_NAME)) expect(nameOf.get(code)).toBe(name);
  });

  it('map categories only to the seven TipDM classes', () => {
    for (const [code, tipdmClass] of Object.entries(TIPDM_CLASS_BY_CATEGORY)) {
      expect(kindOf.has(code)).toBe(true);
      expect(TIPDM_CLASSES).toContain(tipdmClass);
    }
    for (const tipdmClass of TIPDM_CLASSES)
      expect(TIPDM_CLASS_BY_CATEGORY[CATEGORY_BY_TIPDM_NAME[tipdmClass]]).toBe(tipdmClass);
  });

  it('map each village kind to a category whose department kind is that kind', () => {
    for (const [kind, code] of Object.entries(CATEGORY_BY_VILLAGE_KIND)) expect(kindOf.get(code)).toBe(kind);
  });
});
