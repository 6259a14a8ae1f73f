import { CategoryClassifier, type LabelledExample } from './model';
import { balancedPseudoLabels, selfTrainers } from './selfTraining';

const labelled = (code: string, count: number): LabelledExample[] =>
  Array.from({ length: count }, (_, index) => ({ text: `${code} ${index}`, categoryCode: code }));

const scored = (code: string, confidences: number[]) =>
  confidences.map((confidence, index) => ({ input: { text: `${code} u${index}` }, categoryCode: code, confidence }));

describe('self-training', () => {
  it('keeps only sure pseudo-labels, in the labelled classes’ proportions, surest first', () => {
    const chosen = balancedPseudoLabels(
      [
        ...scored('labor', [0.99, 0.95, 0.93, 0.92, 0.91, 0.5]),
        ...scored('health', [0.97, 0.96, 0.2]),
        ...scored('power', [0.99]),
      ],
      [...labelled('labor', 20), ...labelled('health', 10), ...labelled('power', 5)],
      0.9,
    );
    // health has 2 sure messages for a third of the labelled ones: 6 in all, labor 4, health 2;
    // power is not a TipDM class, so it is neither counted nor pseudo-labelled.
    expect(chosen.map((message) => [message.categoryCode, message.confidence])).toEqual([
      ['health', 0.97],
      ['health', 0.96],
      ['labor', 0.99],
      ['labor', 0.95],
      ['labor', 0.93],
      ['labor', 0.92],
    ]);
    expect(
      balancedPseudoLabels(scored('labor', [0.99]), [...labelled('labor', 3), ...labelled('health', 3)], 0.9),
    ).toEqual([]);
  });

  it('trains the first model once per training set and adds the pseudo-labels at their weight', () => {
    const trained: LabelledExample[][] = [];
    const examples: LabelledExample[] = [
      ...['学校乱收费', '学校补课收费', '学生入学难'].map((text) => ({ text, categoryCode: 'education' })),
      ...['拖欠工资', '社保断缴', '工资不发'].map((text) => ({ text, categoryCode: 'labor' })),
    ];
    const trainers = selfTrainers([{ text: '学校收费太高' }, { text: '老板拖欠工资' }], (training) => {
      trained.push(training);
      return CategoryClassifier.train(training, { temperature: 0.05 });
    });
    const plain = trainers.plain(examples);
    expect(trainers.plain([...examples])).toBe(plain);
    trainers.selfTrained({ threshold: 0.5, weight: 0.3 })(examples);
    expect(trained).toHaveLength(2);
    const pseudo = trained[1].slice(examples.length);
    expect(pseudo).toEqual([
      { title: undefined, text: '学校收费太高', categoryCode: 'education', weight: 0.3 },
      { title: undefined, text: '老板拖欠工资', categoryCode: 'labor', weight: 0.3 },
    ]);
    expect(trainers.lastPseudoLabels()).toBe(2);
  });
});
