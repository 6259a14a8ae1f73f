/**
 * What WeChat (and Taro's H5 build) accept in its system dialogs. Past these limits showModal and
 * showActionSheet fail instead of showing anything, and a toast with an icon cuts its text off:
 *
 * - showModal `confirmText` / `cancelText`: at most 4 Chinese characters (Taro H5 counts a Chinese
 *   character as 2 and allows 8);
 * - showActionSheet `itemList`: 1 to 6 items;
 * - showToast with an icon (`success` — the default —, `error`, `loading`): at most 7 Chinese
 *   characters of `title` (without an icon, two lines).
 *
 * The Taro mock rejects calls past them like WeChat does (test/mocks/taro.ts) and the source scan
 * (wechatLimits.test.ts) checks every literal text in miniapp/src.
 */

export const MODAL_BUTTON_MAX_WIDTH = 8;
export const ACTION_SHEET_MAX_ITEMS = 6;
export const ICON_TOAST_MAX_WIDTH = 14;

/** Width as Taro's H5 build counts it: a Chinese (full-width) character is 2, anything else 1. */
export const textWidth = (text: string): number => text.replace(/[\u0391-\uFFE5]/g, 'aa').length;

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function modalProblem(options: { confirmText?: unknown; cancelText?: unknown } = {}): string | null {
  for (const key of ['confirmText', 'cancelText'] as const) {
    const text = asText(options[key]);
    if (text !== null && textWidth(text) > MODAL_BUTTON_MAX_WIDTH)
      return `showModal:fail ${key} length should not larger than 4 Chinese characters: 「${text}」`;
  }
  return null;
}

export function actionSheetProblem(options: { itemList?: unknown } = {}): string | null {
  const items = Array.isArray(options.itemList) ? options.itemList : [];
  if (items.length < 1) return 'showActionSheet:fail parameter error: itemList should have at least 1 item';
  if (items.length > ACTION_SHEET_MAX_ITEMS)
    return `showActionSheet:fail parameter error: itemList should not be larger than 6 (${items.length})`;
  return null;
}

export function toastProblem(options: { title?: unknown; icon?: unknown } = {}): string | null {
  const title = asText(options.title) ?? '';
  const icon = asText(options.icon) ?? 'success';
  if (icon !== 'none' && textWidth(title) > ICON_TOAST_MAX_WIDTH)
    return `showToast: with icon "${icon}" the title shows at most 7 Chinese characters: 「${title}」`;
  return null;
}
