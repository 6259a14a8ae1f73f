/**
 * Measures what a villager sees on the page on screen: the computed font size of every visible
 * piece of text and every input, and the height of every tappable element (buttons, role=button,
 * anything React gave a click handler, the tab bar's items). Used by the 关怀模式 walk over every page.
 */
import type { Page } from 'playwright-core';

export interface SizeOffender {
  /** tag.class — enough to find the rule in the page's scss. */
  selector: string;
  text: string;
  /** The computed font size, or the tappable box's height, in CSS px. */
  px: number;
}

export interface SizeAudit {
  smallText: SizeOffender[];
  smallTargets: SizeOffender[];
}

export interface SizeLimits {
  minFontPx: number;
  minTargetPx: number;
  /** Only inputs and textareas (for normal mode: the typed text must be comfortable too). */
  inputsOnly?: boolean;
}

/** Audits the Taro page on screen and, when shown, the H5 tab bar. */
export function auditSizes(page: Page, limits: SizeLimits): Promise<SizeAudit> {
  return page.evaluate(({ minFontPx, minTargetPx, inputsOnly }) => {
    const TAPPABLE =
      'button, taro-button-core, [role="button"], [role="link"], [role="radio"], [role="checkbox"], .weui-tabbar__item';

    function visible(element: Element): boolean {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    }

    function describe(element: Element): string {
      const classes = Array.from(element.classList)
        .filter((name) => !name.startsWith('hover'))
        .slice(0, 2);
      return [element.tagName.toLowerCase(), ...classes].join('.');
    }

    function clip(text: string): string {
      const flat = text.replace(/\s+/g, ' ').trim();
      return flat.length > 24 ? `${flat.slice(0, 24)}…` : flat;
    }

    /** React keeps an element's props on it: a click handler makes it tappable even without a role. */
    function hasClickHandler(element: Element): boolean {
      const key = Object.keys(element).find((name) => name.startsWith('__reactProps$'));
      if (!key) return false;
      const props = (element as unknown as Record<string, { onClick?: unknown; onTap?: unknown } | undefined>)[key];
      return typeof props?.onClick === 'function' || typeof props?.onTap === 'function';
    }

    const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
      (element) => getComputedStyle(element).display !== 'none',
    );
    const roots: Element[] = pages.slice(-1);
    const tabBar = document.querySelector('.weui-tabbar');
    if (tabBar && visible(tabBar)) roots.push(tabBar);

    const smallText: { selector: string; text: string; px: number }[] = [];
    const smallTargets: { selector: string; text: string; px: number }[] = [];
    const seen = new Set<Element>();

    for (const root of roots) {
      const inputs = Array.from(root.querySelectorAll('input, textarea')).filter(visible);
      for (const input of inputs) {
        const px = parseFloat(getComputedStyle(input).fontSize);
        const label = (input as HTMLInputElement).placeholder || (input as HTMLInputElement).value || '(输入框)';
        if (px < minFontPx) smallText.push({ selector: describe(input), text: clip(label), px });
      }
      if (inputsOnly) continue;

      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || seen.has(parent) || !visible(parent)) continue;
        seen.add(parent);
        const px = parseFloat(getComputedStyle(parent).fontSize);
        if (px < minFontPx) smallText.push({ selector: describe(parent), text: clip(text), px });
      }

      const targets = Array.from(root.querySelectorAll('*')).filter(
        (element) => (element.matches(TAPPABLE) || hasClickHandler(element)) && visible(element),
      );
      for (const target of targets) {
        const { height } = target.getBoundingClientRect();
        if (height < minTargetPx)
          smallTargets.push({
            selector: describe(target),
            text: clip(target.textContent ?? ''),
            px: Math.round(height * 10) / 10,
          });
      }
    }
    return { smallText, smallTargets };
  }, limits);
}

/** One line per offender, for a failure message: `page  selector  "text"  13.3px`. */
export function describeOffenders(pagePath: string, offenders: SizeOffender[]): string[] {
  return offenders.map((offender) => `${pagePath}  ${offender.selector}  "${offender.text}"  ${offender.px}px`);
}
