import fs from 'node:fs';
import path from 'node:path';

const INDEX_HTML = fs.readFileSync(path.join(__dirname, '..', 'index.html'), 'utf8');

/** Loads index.html as the browser does before any module arrives: its markup, then its inline scripts. */
export function openIndexHtml(): void {
  const parsed = new DOMParser().parseFromString(INDEX_HTML, 'text/html');
  document.documentElement.className = '';
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const script of [...parsed.querySelectorAll('script:not([type])')]) new Function(script.textContent ?? '')();
}

/** The sign-in frame's input that a label names. */
export function frameField(label: string): HTMLInputElement {
  const owner = [...document.querySelectorAll('#sign-in-frame label')].find((element) => element.textContent === label);
  return document.getElementById((owner as HTMLLabelElement | undefined)?.htmlFor ?? '') as HTMLInputElement;
}

export function submitFrame(): void {
  document.querySelector('#sign-in-frame form')?.dispatchEvent(new Event('submit', { cancelable: true }));
}
