import { z } from 'zod';

/**
 * Characters nobody means to type that make stored text read differently from what it holds:
 * C0 and C1 controls (NUL …) except tab and line breaks, DEL, the byte-order mark, and the
 * bidirectional marks, embeddings, overrides and isolates (U+202E turns "gpj.exe" into "exe.jpg"
 * on screen). They are invisible, so a citizen could not remove them: they are stripped, not refused.
 */
const HIDDEN_CONTROLS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function stripHiddenControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, '');
}

/**
 * Every free-text field a person fills in (nickname, report text, notes, titles …): hidden controls
 * stripped, then trimmed; chain `.min()` / `.max()` after, they count what is kept.
 */
export function freeText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripHiddenControls).trim();
}
