import type { JSONContent } from '@tiptap/react';

/**
 * The body of a notice or article is plain text: the mini-program shows it line by line
 * (miniapp/src/components/NoticeCard/format.ts `paragraphs`), reads it aloud and cuts excerpts
 * from it, and the notice's pictures come after the text (`imageUploadIds`). The editor's
 * formatting is therefore written in plain-text conventions that citizens can see:
 *
 *   heading              →  a line 【小标题】
 *   bold                 →  【重点】 inside a line
 *   bullet list item     →  • 内容
 *   numbered list item   →  1. 内容
 *   link                 →  文字（https://…）, or the bare address when the text is the address
 *   image                →  nothing in the text; its upload id goes to imageUploadIds, in order
 *
 * and reading such text back gives the same formatting, so saving an unchanged notice
 * writes the same body.
 */

export interface EditorImage {
  uploadId: string;
  /** An object URL of the picture (fetched with the token), or '' while it loads. */
  src: string;
}

export interface PlainContent {
  body: string;
  imageUploadIds: string[];
}

const BULLET = '• ';
const HEADING_LINE = /^【([^【】]+)】$/;
const BULLET_LINE = /^[•·●]\s*(.+)$/;
const NUMBERED_LINE = /^(\d{1,3})\. (.+)$/;
const EMPHASIS_OR_URL = /【([^【】]+)】|(https?:\/\/[^\s（）()【】，。；]+)/g;

/** The same split as the mini-program's: lines, trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

// ── editor document → text ─────────────────────────────────────────────────────

const hasMark = (node: JSONContent, type: string) => node.marks?.some((mark) => mark.type === type) ?? false;
const linkOf = (node: JSONContent): string | null => {
  const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
  return typeof href === 'string' && href ? href : null;
};

/** A run of text nodes, with bold runs in 【】 (never inside a heading, which is one already). */
function inlineText(nodes: JSONContent[] = [], allowBold = true): string {
  let out = '';
  let bold = false;
  const closeBold = () => {
    if (bold) out += '】';
    bold = false;
  };
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (node.type === 'hardBreak') {
      closeBold();
      out += '\n';
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const wantsBold = allowBold && hasMark(node, 'bold');
    if (wantsBold && !bold) out += '【';
    if (!wantsBold) closeBold();
    bold = wantsBold;
    const href = linkOf(node);
    // Adjacent nodes of one link (split by bold) share its address: write it once, after the last.
    const nextHref = index + 1 < nodes.length ? linkOf(nodes[index + 1]) : null;
    out += node.text;
    if (href && nextHref !== href) {
      const linkText = collectLinkText(nodes, index, href);
      if (linkText !== href) {
        closeBold();
        out += `（${href}）`;
      }
    }
  }
  closeBold();
  return out;
}

/** The whole text of the link ending at `end` (it may span several nodes). */
function collectLinkText(nodes: JSONContent[], end: number, href: string): string {
  let text = '';
  for (let index = end; index >= 0 && linkOf(nodes[index]) === href; index -= 1)
    text = (nodes[index].text ?? '') + text;
  return text;
}

function listLines(list: JSONContent, ordered: boolean): string[] {
  const start = typeof list.attrs?.start === 'number' ? list.attrs.start : 1;
  const lines: string[] = [];
  (list.content ?? []).forEach((item, index) => {
    const children = item.content ?? [];
    const isList = (child: JSONContent) => child.type === 'bulletList' || child.type === 'orderedList';
    const text = children
      .filter((child) => !isList(child))
      .map((child) => inlineText(child.content).replace(/\n/g, ' '))
      .join(' ')
      .trim();
    if (text) lines.push(`${ordered ? `${start + index}. ` : BULLET}${text}`);
    // A nested list has no indentation in the mini-program: its items follow as lines of their own.
    lines.push(...blockLines(children.filter(isList)));
  });
  return lines;
}

function blockLines(blocks: JSONContent[] = []): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') lines.push(...inlineText(block.content).split('\n'));
    else if (block.type === 'heading') {
      const text = inlineText(block.content, false).replace(/\n/g, ' ').trim();
      if (text) lines.push(`【${text}】`);
    } else if (block.type === 'bulletList') lines.push(...listLines(block, false));
    else if (block.type === 'orderedList') lines.push(...listLines(block, true));
  }
  return lines;
}

function imagesOf(node: JSONContent): string[] {
  if (node.type === 'image') {
    const id = node.attrs?.uploadId;
    return typeof id === 'string' && id ? [id] : [];
  }
  return (node.content ?? []).flatMap(imagesOf);
}

/** What the server stores: the text as citizens will read it, and the pictures in order. */
export function toPlainContent(doc: JSONContent): PlainContent {
  const body = blockLines(doc.content)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  return { body, imageUploadIds: [...new Set(imagesOf(doc))] };
}

// ── text → editor document ─────────────────────────────────────────────────────

function inlineNodes(text: string, allowBold = true): JSONContent[] {
  const nodes: JSONContent[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS_OR_URL)) {
    const [whole, emphasis, url] = match;
    const at = match.index ?? 0;
    if (emphasis !== undefined && !allowBold) continue;
    if (at > last) nodes.push({ type: 'text', text: text.slice(last, at) });
    if (emphasis !== undefined)
      nodes.push(
        ...inlineNodes(emphasis, false).map((node) => ({ ...node, marks: [...(node.marks ?? []), { type: 'bold' }] })),
      );
    else nodes.push({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] });
    last = at + whole.length;
  }
  if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
}

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: inlineNodes(text) });
const listItem = (text: string): JSONContent => ({ type: 'listItem', content: [paragraph(text)] });

/** The editor document for a stored body, its pictures after the text as citizens see them. */
export function fromPlainContent(body: string, images: EditorImage[] = []): JSONContent {
  const blocks: JSONContent[] = [];
  let previousNumber = 0;
  for (const line of paragraphs(body)) {
    const last = blocks[blocks.length - 1];
    const heading = HEADING_LINE.exec(line);
    const bullet = BULLET_LINE.exec(line);
    const numbered = NUMBERED_LINE.exec(line);
    if (heading) blocks.push({ type: 'heading', attrs: { level: 2 }, content: inlineNodes(heading[1], false) });
    else if (bullet) {
      if (last?.type === 'bulletList') last.content?.push(listItem(bullet[1]));
      else blocks.push({ type: 'bulletList', content: [listItem(bullet[1])] });
    } else if (numbered) {
      const number = Number(numbered[1]);
      // Only a number that follows the previous item continues the list; any other starts a new one.
      if (last?.type === 'orderedList' && number === previousNumber + 1) last.content?.push(listItem(numbered[2]));
      else blocks.push({ type: 'orderedList', attrs: { start: number }, content: [listItem(numbered[2])] });
      previousNumber = number;
    } else blocks.push(paragraph(line));
  }
  for (const image of images) blocks.push({ type: 'image', attrs: { src: image.src, uploadId: image.uploadId } });
  if (blocks.length === 0) blocks.push({ type: 'paragraph' });
  return { type: 'doc', content: blocks };
}
