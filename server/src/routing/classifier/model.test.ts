import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CategoryClassifier, type LabelledExample } from './model';
import { ClassifierFormatError, type ClassifierFile } from './modelFile';

/** A tiny, separable training set: three categories with their own words. */
const EXAMPLES: LabelledExample[] = [
  ...['停电了', '又停电了一整天', '电压太低灯不亮', '电线杆倒了', '电表坏了', '变压器响'].map((text) => ({
    text,
    categoryCode: 'power',
  })),
  ...['自来水停了', '水管爆了', '水是浑的', '没有水吃', '水压太小', '水龙头没水'].map((text) => ({
    text,
    categoryCode: 'water_supply',
  })),
  ...['申请低保', '低保被取消', '残疾补贴没发', '高龄补贴', '五保老人', '临时救助'].map((text) => ({
    text,
    categoryCode: 'social_aid',
  })),
];

const trainedAt = new Date('2026-11-22T12:00:00Z');
const train = () => CategoryClassifier.train(EXAMPLES, { trainedAt });

describe('CategoryClassifier', () => {
  const classifier = train();

  it('predicts the category with a confidence and the top three candidates, best first', () => {
    const prediction = classifier.predict({ text: '我家停电了' });
    expect(prediction.categoryCode).toBe('power');
    expect(prediction.candidates).toHaveLength(3);
    expect(prediction.candidates[0]).toEqual({
      categoryCode: prediction.categoryCode,
      confidence: prediction.confidence,
    });
    const confidences = prediction.candidates.map((candidate) => candidate.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const confidence of confidences) {
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(new Set(prediction.candidates.map((candidate) => candidate.categoryCode)).size).toBe(3);
  });

  it('reads title, text and transcript together', () => {
    expect(classifier.predict({ title: '反映问题', transcript: '水管爆了到处是水' }).categoryCode).toBe('water_supply');
    expect(classifier.predict({ text: '想申请低保' }).categoryCode).toBe('social_aid');
  });

  it('answers even for empty input (then every report goes to triage on its low confidence)', () => {
    const prediction = classifier.predict({});
    expect(prediction.candidates).toHaveLength(3);
    expect(prediction.confidence).toBeLessThan(0.6);
  });

  it('lists its labels and is deterministic: the same data gives the same model', () => {
    expect(classifier.labels()).toEqual(['power', 'social_aid', 'water_supply']);
    const again = train();
    expect(again.version).toBe(classifier.version);
    expect(again.toJSON()).toEqual(classifier.toJSON());
    expect(classifier.version).toMatch(/^2026-11-22T12:00:00Z#[0-9a-f]{12}$/);
  });

  it('changes its version when trained on other data', () => {
    const other = CategoryClassifier.train(EXAMPLES.slice(1), { trainedAt });
    expect(other.version).not.toBe(classifier.version);
  });

  it('gives identical predictions and version after a save and load round trip', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-classifier-'));
    const file = path.join(dir, 'nested', 'model.json');
    await classifier.saveFile(file);
    const loaded = await CategoryClassifier.loadFile(file);
    expect(loaded.version).toBe(classifier.version);
    for (const text of ['停电了', '水管爆了', '低保', '不相干的话']) {
      expect(loaded.predict({ text })).toEqual(classifier.predict({ text }));
    }
    expect(
      CategoryClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())) as ClassifierFile).predict({
        text: '停电',
      }),
    ).toEqual(classifier.predict({ text: '停电' }));
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a file of another format version with a clear error', () => {
    const file = { ...classifier.toJSON(), formatVersion: 2 } as unknown as ClassifierFile;
    expect(() => CategoryClassifier.fromJSON(file)).toThrow(ClassifierFormatError);
    expect(() => CategoryClassifier.fromJSON(file)).toThrow(/formatVersion 2 is not supported/);
    expect(() => CategoryClassifier.fromJSON({ format: 'other' } as unknown as ClassifierFile)).toThrow(
      /format is "other"/,
    );
    const truncated = { ...classifier.toJSON(), weights: 'AAAA' };
    expect(() => CategoryClassifier.fromJSON(truncated)).toThrow(/wrong length/);
  });

  it('weighs examples by their weight', () => {
    const conflicting: LabelledExample[] = [
      ...EXAMPLES,
      { text: '水电都没有', categoryCode: 'power', weight: 8 },
      { text: '水电都没有', categoryCode: 'water_supply', weight: 0.1 },
    ];
    expect(CategoryClassifier.train(conflicting, { trainedAt }).predict({ text: '水电都没有' }).categoryCode).toBe(
      'power',
    );
  });

  it('refuses to train on nothing', () => {
    expect(() => CategoryClassifier.train([])).toThrow(/no examples/);
  });
});
