/**
 * The sign-in form index.html paints before any script arrives (#sign-in-frame), so a clerk on a
 * slow line can type at once. Its own few lines of script send a submitted form straight away and
 * leave the request in `window.minqingSignIn` (null when a field was left empty), then announce it
 * with the `minqing-sign-in` event. The app picks the answer up here; a refused or empty form is
 * handed over to the React sign-in page, which takes what was typed (takeSignInFrame). Signed in,
 * the frame also asks for the work queue's first page and tab counts at once (`window.minqingLanding`),
 * which src/landing.ts takes if they are what it would have asked.
 */

/** The frame's submission: the login request it sent, or null when 账号 or 密码 was empty. */
export type FrameSubmission = Promise<Response> | null;

/** What the frame asked for once signed in: each GET's path (under /api/v1) and request, with the token it sent. */
export interface SentAhead {
  token: string;
  sent: Record<string, Promise<Response>>;
}

/** The frame's requests sent ahead, known once the login answers (null: none, the sign-in failed or another screen opens). */
export type FrameLanding = Promise<SentAhead | null> | null;

declare global {
  interface Window {
    minqingSignIn?: FrameSubmission;
    minqingLanding?: FrameLanding;
  }
}

const FRAME_ID = 'sign-in-frame';
const SUBMITTED_EVENT = 'minqing-sign-in';

function frameForm(): HTMLFormElement | null {
  return document.getElementById(FRAME_ID)?.querySelector('form') ?? null;
}

/** Whether index.html's sign-in form is on the page (not for a tab that is already signed in). */
export function signInFrameShown(): boolean {
  return frameForm() !== null;
}

/**
 * Calls `listener` with each submission of the frame, the one made before the app started first,
 * and what the frame asks for once that submission signs in.
 */
export function onFrameSubmit(listener: (submission: FrameSubmission, landing: FrameLanding) => void): () => void {
  const take = () => {
    const submission = window.minqingSignIn;
    if (submission === undefined) return;
    const landing = window.minqingLanding ?? null;
    window.minqingSignIn = undefined;
    window.minqingLanding = undefined;
    listener(submission, landing);
  };
  take();
  window.addEventListener(SUBMITTED_EVENT, take);
  return () => window.removeEventListener(SUBMITTED_EVENT, take);
}

export interface FrameValues {
  username: string;
  password: string;
  /** The field the cursor was in, so the React form puts it back there. */
  focused: 'username' | 'password' | null;
}

/** What was typed in the frame and where the cursor was; the frame is removed. Null without a frame. */
export function takeSignInFrame(): FrameValues | null {
  const form = frameForm();
  if (!form) return null;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const username = field('username');
  const password = field('password');
  const active = document.activeElement;
  const values: FrameValues = {
    username: username?.value ?? '',
    password: password?.value ?? '',
    focused: active === username ? 'username' : active === password ? 'password' : null,
  };
  removeSignInFrame();
  return values;
}

/** Takes the frame off the page (signed in, or handed over to the React sign-in page). */
export function removeSignInFrame(): void {
  document.getElementById(FRAME_ID)?.remove();
}
