import type { CitizenUser } from '@minqing/shared';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from './storage';

/** The signed-in citizen: token and profile, kept in storage so a restart stays signed in. */
export interface Session {
  token: string;
  user: CitizenUser;
}

type Listener = (user: CitizenUser | null) => void;
const listeners = new Set<Listener>();

export function currentToken(): string | null {
  return readStored<string>(STORAGE_KEYS.token);
}

export function currentUser(): CitizenUser | null {
  return readStored<CitizenUser>(STORAGE_KEYS.user);
}

export function saveSession(session: Session): void {
  writeStored(STORAGE_KEYS.token, session.token);
  saveUser(session.user);
}

export function saveUser(user: CitizenUser): void {
  writeStored(STORAGE_KEYS.user, user);
  listeners.forEach((listener) => listener(user));
}

export function clearSession(): void {
  removeStored(STORAGE_KEYS.token);
  removeStored(STORAGE_KEYS.user);
  listeners.forEach((listener) => listener(null));
}

/** Called whenever the stored profile changes (sign-in, profile edit, sign-out). */
export function onUserChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
