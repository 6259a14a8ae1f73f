import path from 'node:path';
import type { ContentFileType } from '@minqing/shared';
import { CONTENT_FILE_NAME_MAX, CONTENT_FILE_TYPES, CONTENT_FILES_MAX } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import type { Staff } from '../db/entities';
import { ContentFileRow } from '../db/entities';
import type { ContentFileTarget } from '../db/entities/contentFile';
import { newId } from '../db/ids';
import { badRequest, unsupportedMediaType } from '../errors';
import { recordAudit } from './auditRecorder';
import { sniffDocument } from '../storage/documentSniffer';

export const UNSUPPORTED_DOCUMENT_MESSAGE = '附件只能是 PDF、Word（doc/docx）或 Excel（xls/xlsx）文件';

interface Target {
  type: ContentFileTarget;
  id: string;
}

/**
 * The name shown to citizens: the author's, without any folder part or control characters,
 * shortened if needed, and always ending in the extension of what the file really is.
 */
export function displayName(original: string | null | undefined, type: ContentFileType): string {
  const extension = CONTENT_FILE_TYPES[type];
  const base = path
    .basename((original ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem =
    (base.toLowerCase().endsWith(`.${extension}`)
      ? base.slice(0, -extension.length - 1)
      : base.replace(/\.[A-Za-z0-9]{1,5}$/, '')
    ).trim() || '附件';
  return `${stem.slice(0, CONTENT_FILE_NAME_MAX - extension.length - 1)}.${extension}`;
}

function storageKeyFor(id: string, extension: string, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `content-files/${at.getUTCFullYear()}/${month}/${id}.${extension}`;
}

/** Stores one document for a notice or article the caller has already been authorised for. */
export async function storeContentFile(
  deps: AppDeps,
  props: { staff: Staff; target: Target; fileName: string | null; bytes: Buffer; ip: string },
): Promise<ContentFileRow> {
  const type = sniffDocument(props.bytes);
  if (!type) throw unsupportedMediaType(UNSUPPORTED_DOCUMENT_MESSAGE);
  const repository = deps.dataSource.getRepository(ContentFileRow);
  if ((await repository.countBy({ targetType: props.target.type, targetId: props.target.id })) >= CONTENT_FILES_MAX) {
    throw badRequest(`最多${CONTENT_FILES_MAX}个附件`, 'file');
  }
  const now = deps.clock();
  const id = newId();
  const storageKey = storageKeyFor(id, CONTENT_FILE_TYPES[type], now);
  await deps.storage.put(storageKey, props.bytes, type);
  try {
    return await transaction(deps.dataSource, async (manager) => {
      const row = manager.getRepository(ContentFileRow).create({
        id,
        targetType: props.target.type,
        targetId: props.target.id,
        fileName: displayName(props.fileName, type),
        contentType: type,
        size: props.bytes.length,
        storageKey,
        uploaderId: props.staff.id,
        createdAt: now,
      });
      await manager.getRepository(ContentFileRow).insert(row);
      await recordAudit(manager, {
        staff: props.staff,
        action: `${props.target.type}.file_add`,
        targetType: props.target.type,
        targetId: props.target.id,
        ip: props.ip,
        detail: row.fileName,
        at: now,
      });
      return row;
    });
  } catch (error) {
    // Bytes without their row could never be read or cleaned up: take them back out.
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/** Removes a document from its notice or article; the bytes go once the row is gone. */
export async function removeContentFile(
  deps: AppDeps,
  props: { staff: Staff; file: ContentFileRow; ip: string },
): Promise<void> {
  const { file } = props;
  await transaction(deps.dataSource, async (manager) => {
    await manager.getRepository(ContentFileRow).delete({ id: file.id });
    await recordAudit(manager, {
      staff: props.staff,
      action: `${file.targetType}.file_remove`,
      targetType: file.targetType,
      targetId: file.targetId,
      ip: props.ip,
      detail: file.fileName,
      at: deps.clock(),
    });
  });
  await deps.storage.delete(file.storageKey).catch(() => undefined);
}
