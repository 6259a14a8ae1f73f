import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import type { Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/**
 * A picture uploaded through /uploads, known by its upload id. Only such pictures are parsed
 * (a pasted web image has no id, would not reach citizens, and is dropped instead).
 */
export const UploadedImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      uploadId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-upload-id'),
        renderHTML: (attributes: { uploadId?: string | null }) =>
          attributes.uploadId ? { 'data-upload-id': attributes.uploadId } : {},
      },
    };
  },
  parseHTML() {
    return [{ tag: 'img[data-upload-id]' }];
  },
});

/**
 * Only what the plain-text body can carry (plainText.ts): anything else (italics, code, quotes,
 * rules) would vanish on saving, so the editor does not offer it and drops it from pasted text.
 */
export function editorExtensions(withImages: boolean): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2] },
      link: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      italic: false,
      strike: false,
      underline: false,
    }),
    Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https'], defaultProtocol: 'https' }),
    ...(withImages ? [UploadedImage] : []),
  ];
}
