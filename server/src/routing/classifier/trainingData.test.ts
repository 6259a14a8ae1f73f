import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseCsv,
  parseJsonl,
  readExamplesFile,
  SHIPPED_DATA_DIR,
  shippedTrainingExamples,
  trainingCandidates,
} from './trainingData';
import {
  NearDuplicateIndex,
  classificationScores,
  groupedStratifiedFolds,
  sameMatterGroups,
  stratifiedFolds,
} from './evaluation';

describe('training files', () => {
  it('reads JSONL rows of our codes, TipDM class names and village kinds', () => {
    const examples = parseJsonl(
      [
        '{"text":"停电了","categoryCode":"power"}',
        '{"title":"噪音扰民","detail":"工地夜里施工","label":"环境保护"}',
        '',
        '{"text":"想问结婚登记要什么材料","kind":"civil"}',
        '{"text":"低保没发","kind":"civil","weight":2}',
      ].join('\n'),
      'test.jsonl',
    );
    expect(examples).toEqual([
      { text: '停电了', categoryCode: 'power' },
      { title: '噪音扰民', text: '工地夜里施工', categoryCode: 'environment' },
      { text: '想问结婚登记要什么材料', categoryCode: 'marriage' },
      { text: '低保没发', categoryCode: 'social_aid', weight: 2 },
    ]);
  });

  it('says which line is wrong', () => {
    expect(() => parseJsonl('{"text":"停电了","categoryCode":"power"}\nnot json', 'x.jsonl')).toThrow('x.jsonl:2');
    expect(() => parseJsonl('{"text":"停电了"}', 'x.jsonl')).toThrow(/x.jsonl:1: needs/);
  });

  it('reads CSV with quoted fields, commas and newlines', () => {
    const csv = '\uFEFFtext,categoryCode\r\n停电了,power\r\n"水管爆了，""哗哗""流\n没人修",water_supply\r\n';
    expect(parseCsv(csv, 'x.csv')).toEqual([
      { text: '停电了', categoryCode: 'power' },
      { text: '水管爆了，"哗哗"流\n没人修', categoryCode: 'water_supply' },
    ]);
  });

  it('picks the parser by extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-training-'));
    fs.writeFileSync(path.join(dir, 'extra.csv'), 'text,categoryCode\n停电了,power\n');
    expect(readExamplesFile(path.join(dir, 'extra.csv'))).toEqual([{ text: '停电了', categoryCode: 'power' }]);
    fs.rmSync(dir, { recursive: true });
  });

  it('ships its data inside the server, weighted by file', () => {
    expect(SHIPPED_DATA_DIR).toBe(path.resolve(__dirname, '..', 'data'));
    const examples = shippedTrainingExamples();
    expect(examples.length).toBeGreaterThan(3000);
    const taxonomy = examples.find((example) => example.text === '物价监督');
    expect(taxonomy).toMatchObject({ categoryCode: 'commerce', weight: 4 });
  });
});

describe('candidates of nested cross-validation', () => {
  it('names grids and single candidates, the shipped setting first', () => {
    expect(trainingCandidates('knobs').map((candidate) => candidate.name)).toEqual(['shipped', 'taxonomy8', 'l2-1e-4']);
    expect(
      trainingCandidates('self-training', { unlabelled: [{ text: '停电了' }] }).map((candidate) => candidate.name),
    ).toEqual(['shipped', 'self-0.9', 'self-0.8']);
    expect(() => trainingCandidates('self-training')).toThrow(/--unlabeled/);
    expect(() => trainingCandidates('shipped,extra-1')).toThrow(/--extra/);
    expect(() => trainingCandidates('bogus')).toThrow(/unknown candidate "bogus"/);
  });

  it('weighs the sources as each candidate says', () => {
    const [shipped, taxonomy8, extra2] = trainingCandidates('shipped,taxonomy8,extra-2', {
      extra: [{ text: '景区门票乱涨价', categoryCode: 'commerce' }],
    });
    const taxonomyWeight = (pool: { text: string; weight?: number }[]) =>
      pool.find((example) => example.text === '物价监督')?.weight;
    expect(taxonomyWeight(shipped.pool())).toBe(4);
    expect(taxonomyWeight(taxonomy8.pool())).toBe(8);
    expect(extra2.pool().filter((example) => example.text === '景区门票乱涨价')).toEqual([
      { text: '景区门票乱涨价', categoryCode: 'commerce', weight: 2 },
    ]);
    expect(shipped.pool().some((example) => example.text === '景区门票乱涨价')).toBe(false);
  });
});

describe('evaluation helpers', () => {
  it('spreads every label evenly over stratified folds, the same way each time', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b')] as string[];
    const folds = stratifiedFolds(labels, 5);
    expect(stratifiedFolds(labels, 5)).toEqual(folds);
    for (let fold = 0; fold < 5; fold += 1) {
      expect(labels.filter((label, index) => label === 'a' && folds[index] === fold)).toHaveLength(2);
      expect(labels.filter((label, index) => label === 'b' && folds[index] === fold)).toHaveLength(1);
    }
  });

  it('groups rows telling the same matter and keeps each group in one fold', () => {
    const rows = [
      { title: '同升湖山庄重回邮政盲区', text: '快递和信件都送不到小区，请邮政部门恢复投递。' },
      { title: '同升湖山庄完全是邮政盲区', text: '我们小区收不到任何邮件，希望解决。' },
      { title: '小区垃圾站长期不清理', text: '夏天臭气熏天，严重影响居民生活，请有关部门尽快处理。' },
      { title: '垃圾问题', text: '夏天臭气熏天，严重影响居民生活，请有关部门尽快处理，谢谢。' },
      { title: '学校乱收费', text: '学校收取资料费和补课费，家长负担很重。' },
      { title: '工资拖欠', text: '工地老板拖欠农民工工资半年了。' },
    ];
    const { groupOf, pairs } = sameMatterGroups(rows);
    expect(pairs).toBe(2);
    expect(groupOf[0]).toBe(groupOf[1]);
    expect(groupOf[2]).toBe(groupOf[3]);
    expect(new Set(groupOf).size).toBe(4);
    const labels = ['交通', '交通', '环境', '环境', '教育', '劳动'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const folds = groupedStratifiedFolds(labels, groupOf, 3, seed);
      expect(folds[1]).toBe(folds[0]);
      expect(folds[3]).toBe(folds[2]);
    }
  });

  it('computes accuracy and macro-F1', () => {
    const scores = classificationScores(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(scores.accuracy).toBe(0.75);
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('recognises copies of evaluated messages despite punctuation and an added sentence', () => {
    const original = '小区门口的垃圾站长期不清理，夏天臭气熏天，严重影响居民生活，请有关部门尽快处理。';
    const index = new NearDuplicateIndex([original]);
    expect(index.isCopy(original.replace(/[，。]/g, ' '))).toBe(true);
    expect(index.isCopy(`标题：垃圾站问题。${original}谢谢！`)).toBe(true);
    expect(index.isCopy('学校门口的道路坑洼不平，下雨天积水严重，学生上学很不方便，希望尽快修复。')).toBe(false);
  });
});
