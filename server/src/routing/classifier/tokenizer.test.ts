import { characterNgrams, normalizeText, segmentWords, tokenize } from './tokenizer';

describe('tokenizer', () => {
  it('normalises width, case, digits and spaces', () => {
    expect(normalizeText('  ＡＢＣ１２３ 电压\t\n低 2019.5 ')).toBe('abc0 电压 低 0');
  });

  it('segments Chinese into dictionary words without punctuation', () => {
    const words = segmentWords(normalizeText('我们组停电了，电线杆也歪了！'));
    expect(words).toEqual(expect.arrayContaining(['停电', '电线杆']));
    expect(words.some((word) => /[，！]/.test(word))).toBe(false);
  });

  it('segments an unpunctuated voice transcript as well as a punctuated one', () => {
    const spoken = segmentWords(normalizeText('屋头停电两天了低保也没发下来咋个办'));
    expect(spoken).toEqual(expect.arrayContaining(['停电', '低保', '咋个']));
  });

  it('makes character n-grams within runs only, never across punctuation', () => {
    expect(characterNgrams('停电，没水', [2])).toEqual(['停电', '没水']);
    expect(characterNgrams('停电了', [1, 3])).toEqual(['停', '电', '了', '停电了']);
  });

  it('prefixes each feature family and keeps repeats', () => {
    const tokens = tokenize('停电停电');
    expect(tokens.filter((token) => token === 'w:停电')).toHaveLength(2);
    expect(tokens).toContain('c:停电');
    expect(tokens.every((token) => /^[wbc]:/.test(token))).toBe(true);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('，。！？')).toEqual([]);
  });
});
