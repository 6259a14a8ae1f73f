import { fromPlainContent, paragraphs, toPlainContent } from './plainText';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});

describe('editor document → plain-text body', () => {
  it('writes headings, bold, lists and links in conventions citizens can read', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('办理时间')] },
        { type: 'paragraph', content: [text('请于'), text('12月1日前', [{ type: 'bold' }]), text('到村委会办理。')] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('身份证')] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('户口本')] }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('填表')] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [text('盖章')] }] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            text('详见'),
            text('县政府网站', [{ type: 'link', attrs: { href: 'https://www.hanyin.gov.cn/a' } }]),
          ],
        },
        { type: 'paragraph', content: [text('https://x.cn/b', [{ type: 'link', attrs: { href: 'https://x.cn/b' } }])] },
      ],
    };
    expect(toPlainContent(doc).body).toBe(
      [
        '【办理时间】',
        '请于【12月1日前】到村委会办理。',
        '• 身份证',
        '• 户口本',
        '1. 填表',
        '2. 盖章',
        '详见县政府网站（https://www.hanyin.gov.cn/a）',
        'https://x.cn/b',
      ].join('\n'),
    );
  });

  it('keeps the pictures out of the text, in document order and once each', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('现场照片如下')] },
        { type: 'image', attrs: { src: 'blob:1', uploadId: 'B' } },
        { type: 'image', attrs: { src: 'blob:2', uploadId: 'A' } },
        { type: 'image', attrs: { src: 'blob:1', uploadId: 'B' } },
      ],
    };
    expect(toPlainContent(doc)).toEqual({ body: '现场照片如下', imageUploadIds: ['B', 'A'] });
  });

  it('turns line breaks into lines, drops empty paragraphs and lists nested items after their parent', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('第一行'), { type: 'hardBreak' }, text('第二行')] },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [text('低保')] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('城市')] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(toPlainContent(doc).body).toBe('第一行\n第二行\n• 低保\n• 城市');
  });
});

describe('plain-text body → editor document', () => {
  it('reads back what the editor writes, so an unchanged notice saves the same body', () => {
    const bodies = [
      '【办理时间】\n请于【12月1日前】到村委会办理。\n• 身份证\n• 户口本\n1. 填表\n2. 盖章\n详见县政府网站（https://www.hanyin.gov.cn/a）',
      '3. 从三开始\n4. 接着\n7. 另起一段',
      '普通文字，没有格式。\n第二段',
      '【未闭合的括号\n2025.12.01 开会',
    ];
    for (const body of bodies) expect(toPlainContent(fromPlainContent(body)).body).toBe(body);
  });

  it('recognises each convention', () => {
    const doc = fromPlainContent('【通知】\n• 一项\n1. 第一\n看【这里】 https://a.cn', [
      { uploadId: 'P', src: 'blob:p' },
    ]);
    expect(doc.content?.map((block) => block.type)).toEqual([
      'heading',
      'bulletList',
      'orderedList',
      'paragraph',
      'image',
    ]);
    const inline = doc.content?.[3].content ?? [];
    expect(inline).toEqual([
      text('看'),
      text('这里', [{ type: 'bold' }]),
      text(' '),
      text('https://a.cn', [{ type: 'link', attrs: { href: 'https://a.cn' } }]),
    ]);
    expect(doc.content?.[4].attrs).toEqual({ src: 'blob:p', uploadId: 'P' });
  });

  it('gives an empty editor one empty paragraph', () => {
    expect(fromPlainContent('  \n ')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('splits paragraphs exactly like the mini-program', () => {
    expect(paragraphs(' a \r\n\n b\n')).toEqual(['a', 'b']);
  });
});
