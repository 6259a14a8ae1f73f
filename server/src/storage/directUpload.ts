import type { DirectUploadPolicy } from '@minqing/shared';
import type { Storage } from './storage';

export interface PostPolicyRequest {
  /** Every key the policy allows starts with this. */
  keyPrefix: string;
  /** The key the client is told to use (inside keyPrefix). */
  key: string;
  maxBytes: number;
  contentTypes: readonly string[];
  expiresAt: Date;
  now: Date;
}

export interface StoredObjectHead {
  size: number;
  contentType: string;
}

/** Object storage the client uploads to directly, with a signed post policy. */
export interface DirectUploadStorage extends Storage {
  postPolicy(request: PostPolicyRequest): Promise<DirectUploadPolicy>;
  /** Size and type of an object, or null when there is none. */
  head(key: string): Promise<StoredObjectHead | null>;
}

export function supportsDirectUpload(storage: Storage): storage is DirectUploadStorage {
  return (
    typeof (storage as Partial<DirectUploadStorage>).postPolicy === 'function' &&
    typeof (storage as Partial<DirectUploadStorage>).head === 'function'
  );
}
