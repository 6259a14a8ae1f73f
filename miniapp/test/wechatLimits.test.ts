/**
 * Every system dialog of the mini-program stays within WeChat's limits (wechatLimits.ts): the texts
 * written in the source are checked here, and whatever a test opens is checked by the Taro mock.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import Taro from '@tarojs/taro';
import { taroMock, wechatLimitProblems } from './mocks/taro';
import { actionSheetProblem, modalProblem, toastProblem } from './wechatLimits';

const SRC = path.join(__dirname, '..', 'src');
/** Calls checked as a whole; showModal's limits are on its button texts, checked wherever they are written. */
const CALLS: Record<string, { problemOf: (options: Record<string, unknown>) => string | null; needs: string }> = {
  showToast: { problemOf: toastProblem, needs: 'title' },
  showActionSheet: { problemOf: actionSheetProblem, needs: 'itemList' },
};
const BUTTON_TEXTS = new Set(['confirmText', 'cancelText']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The texts an expression can be, when the source says so literally ('a', `a`, c ? 'a' : 'b'); null otherwise. */
function literalTexts(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) {
    const whenTrue = literalTexts(node.whenTrue);
    const whenFalse = literalTexts(node.whenFalse);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  return null;
}

/** What can be read literally from an options object: each property with every text it may take. */
function literalOptions(node: ts.ObjectLiteralExpression): Record<string, unknown>[] {
  let variants: Record<string, unknown>[] = [{}];
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    const { initializer } = property;
    const values: unknown[] | null = ts.isArrayLiteralExpression(initializer)
      ? [initializer.elements.map((element) => (ts.isExpression(element) ? literalTexts(element)?.[0] : undefined))]
      : literalTexts(initializer);
    if (values)
      variants = variants.flatMap((variant) =>
        values.map((value) => ({ ...variant, [property.name.getText()]: value })),
      );
  }
  return variants;
}

/** Every literal dialog text of one file that WeChat would refuse or cut off. */
export function scanSource(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const problems: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(SRC, fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node) => {
    // Taro.showToast({...}), Taro.showActionSheet({...}) with literal texts.
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression)
        ? node.expression.name.text
        : ts.isIdentifier(node.expression)
          ? node.expression.text
          : '';
      const call = CALLS[callee];
      const [options] = node.arguments;
      if (call && options && ts.isObjectLiteralExpression(options)) {
        for (const variant of literalOptions(options)) {
          const problem = variant[call.needs] === undefined ? null : call.problemOf(variant);
          if (problem) problems.push(`${where(node)} ${problem}`);
        }
      }
    }
    // showModal's button texts: in the call, in an options constant (DELETION_CONFIRM), as a helper's default (confirmAction).
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && BUTTON_TEXTS.has(node.name.text)) {
      for (const text of literalTexts(node.initializer) ?? []) {
        const problem = modalProblem({ [node.name.text]: text });
        if (problem) problems.push(`${where(node)} ${problem}`);
      }
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && BUTTON_TEXTS.has(node.name.text) && node.initializer) {
      for (const text of literalTexts(node.initializer) ?? []) {
        const problem = modalProblem({ [node.name.text]: text });
        if (problem) problems.push(`${where(node)} ${problem}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(problems)];
}

describe("WeChat's limits on system dialogs", () => {
  it('hold for every dialog text written in miniapp/src', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((file) => scanSource(file, fs.readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the scan finds a button, a toast and an action sheet that are too long', () => {
    const source = `
      const ASK = { title: '问', content: '', cancelText: '我再想一想' }
      async function f(ok: boolean, confirmText = '确定提交了吗') {
        await Taro.showModal({ title: '兑换成功', content: '', confirmText: '查看兑换码', cancelText: '继续逛逛' })
        Taro.showToast({ title: ok ? '已开启关怀模式啦' : '已关闭', icon: 'success' })
        Taro.showToast({ title: '这一句没有图标可以写两行那么长', icon: 'none' })
        Taro.showActionSheet({ itemList: ['一', '二', '三', '四', '五', '六', '七'] })
      }`;
    const problems = scanSource(path.join(SRC, 'example.tsx'), source);
    expect(problems).toEqual([
      expect.stringContaining('cancelText length should not larger than 4 Chinese characters: 「我再想一想」'),
      expect.stringContaining('confirmText length should not larger than 4 Chinese characters: 「确定提交了吗」'),
      expect.stringContaining('「查看兑换码」'),
      expect.stringContaining('「已开启关怀模式啦」'),
      expect.stringContaining('itemList should not be larger than 6 (7)'),
    ]);
  });

  it('the Taro mock fails a dialog WeChat would refuse, and names it for the test', async () => {
    await expect(Taro.showModal({ title: '兑换成功', content: '', confirmText: '查看兑换码' })).rejects.toEqual({
      errMsg: expect.stringContaining('confirmText length should not larger than 4 Chinese characters'),
    });
    await expect(
      Taro.showModal({ title: '兑换成功', content: '', confirmText: '看兑换码', cancelText: '继续逛逛' }),
    ).resolves.toMatchObject({ confirm: true });
    await expect(Taro.showActionSheet({ itemList: ['1', '2', '3', '4', '5', '6', '7'] })).rejects.toBeDefined();
    expect(wechatLimitProblems()).toHaveLength(2);
    // Leave this test clean: the refused calls were the point of it.
    taroMock.showModal.mockClear();
    taroMock.showActionSheet.mockClear();
  });
});
