import { UpdateProfileRequestSchema } from './auth';
import { NoticeInputSchema } from './content';
import { SubmitReportRequestSchema } from './reports';
import { freeText, stripHiddenControls } from './text';

const RLO = '\u202E';
const NUL = '\u0000';

describe('free text', () => {
  it('strips NUL, other controls, DEL, the byte-order mark and bidirectional overrides, marks and isolates', () => {
    expect(stripHiddenControls(`a${NUL}b\u0007c\u007Fd\u0085e\uFEFFf`)).toBe('abcdef');
    expect(stripHiddenControls(`${RLO}gpj.exe\u202A\u202B\u202C\u202D`)).toBe('gpj.exe');
    expect(stripHiddenControls('\u2066\u2067\u2068x\u2069\u200E\u200F\u061C')).toBe('x');
  });

  it('keeps line breaks, tabs, Chinese, emoji and the zero-width joiner inside emoji', () => {
    const typed = '路灯坏了\n第二行\r\n\t缩进 👨\u200D👩\u200D👧';
    expect(stripHiddenControls(typed)).toBe(typed);
  });

  it('counts the length of what is kept and trims after stripping', () => {
    const schema = freeText().min(1, '请填写').max(3);
    expect(schema.parse(` ${RLO}abc${NUL} `)).toBe('abc');
    const onlyControls = schema.safeParse(`${RLO}${NUL}`);
    expect(onlyControls.success).toBe(false);
    expect(onlyControls.error?.issues[0].message).toBe('请填写');
  });

  it('is what the nickname, report text and notice title are parsed with', () => {
    expect(UpdateProfileRequestSchema.parse({ nickname: `张${RLO}三${NUL}` }).nickname).toBe('张三');
    expect(
      SubmitReportRequestSchema.parse({ serviceCode: 'direct', villageCode: '610921100201', text: `路灯${RLO}坏了` })
        .text,
    ).toBe('路灯坏了');
    expect(
      NoticeInputSchema.parse({
        title: `${RLO}停水通知`,
        body: '明天停水',
        category: 'village',
        regionCode: '610921100201',
      }).title,
    ).toBe('停水通知');
  });

  it('refuses a field that held nothing but controls, naming it', () => {
    const result = UpdateProfileRequestSchema.safeParse({ nickname: `${RLO}${NUL}` });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['nickname']);
  });
});
