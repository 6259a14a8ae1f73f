import type { CitizenUser, UpdateProfileRequest } from '@minqing/shared';
import { getMe, updateMe } from '../services/api';
import { toApiError } from '../services/apiError';
import { currentUser, onUserChange } from '../services/session';
import { createStore, useStore } from './createStore';

export interface UserState {
  /** The signed-in citizen's profile (phone masked), or null before the first sign-in. */
  user: CitizenUser | null;
  loading: boolean;
  /** A message to show when loading or saving failed. */
  error: string | null;
}

export const userStore = createStore<UserState>({ user: currentUser(), loading: false, error: null });

// Sign-in, profile edits and sign-out (anywhere) land here.
onUserChange((user) => userStore.set((state) => ({ ...state, user })));

/** Loads the profile from the server (signing in first if needed). */
export async function refreshUser(): Promise<CitizenUser | null> {
  userStore.set((state) => ({ ...state, loading: true, error: null }));
  try {
    const user = await getMe();
    userStore.set((state) => ({ ...state, loading: false }));
    return user;
  } catch (error) {
    userStore.set((state) => ({ ...state, loading: false, error: toApiError(error).message }));
    return null;
  }
}

/** Saves name / village / 关怀模式; throws ApiError (with `field`) for the form to show. */
export async function saveProfile(patch: UpdateProfileRequest): Promise<CitizenUser> {
  return updateMe(patch);
}

export const useUser = (): UserState => useStore(userStore);
