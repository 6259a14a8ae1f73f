/**
 * 导出我的数据 and 申请注销账号 (PIPL). The calls go through the shared request wrapper (token,
 * re-login, errors as ApiError with a message to show).
 */
import Taro from '@tarojs/taro';
import { type DeletionRequest, type MyDataFile, citizenApi } from '@minqing/shared';
import { isH5, isWeapp } from '../../../services/config';
import { call } from '../../../services/request';
import { readStored, writeStored } from '../../../services/storage';

/** The last deletion request, remembered on the phone so the page can say it is pending. */
export const DELETION_STORAGE_KEY = 'minqing:deletionRequest';

/** The file as the server labels it (Chinese field names, states in words), saved as it is. */
export const fetchMyData = () => call(citizenApi.me.exportData);

export const postDeletionRequest = (reason?: string) =>
  call(citizenApi.me.requestDeletion, { body: reason ? { reason } : {} });

const pad = (value: number) => String(value).padStart(2, '0');
const day = (now: Date) => `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;

/** 我的数据-20261122.json: the name the citizen sees. */
export const exportFileName = (now = new Date()) => `我的数据-${day(now)}.json`;

/** What the export holds, in one line. */
export function summarize(data: MyDataFile): string {
  return [
    '个人资料 1 份',
    `反映的问题 ${data.反映的问题.length} 件`,
    `消息 ${data.消息.length} 条`,
    `上传的照片和语音 ${data.上传的照片和语音.length} 个`,
    `看过的通知 ${data.看过的通知.length} 条`,
  ].join('、');
}

export interface PreparedExport {
  data: MyDataFile;
  fileName: string;
  /** weapp: the file written under USER_DATA_PATH, ready to send to a chat. */
  filePath?: string;
  /** H5: the browser was asked to download it. */
  downloaded?: boolean;
}

/** H5: hands the JSON to the browser as a download. */
export function downloadInBrowser(json: string, fileName: string): boolean {
  try {
    const blob = new Blob([json], { type: 'application/json;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return true;
  } catch {
    return false;
  }
}

function writeUserFile(name: string, json: string): Promise<string> {
  const base = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH;
  if (!base) return Promise.reject(new Error('no user data path'));
  const filePath = `${base}/${name}`;
  return new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: json,
      encoding: 'utf8',
      success: () => resolve(filePath),
      fail: reject,
    });
  });
}

/** Fetches everything the server holds about me and makes it a file (downloaded in H5, saved in WeChat). */
export async function prepareExport(now = new Date()): Promise<PreparedExport> {
  const data = await fetchMyData();
  const fileName = exportFileName(now);
  const json = JSON.stringify(data, null, 2);
  if (isH5()) return { data, fileName, downloaded: downloadInBrowser(json, fileName) };
  if (isWeapp()) {
    try {
      return { data, fileName, filePath: await writeUserFile(`minqing-my-data-${day(now)}.json`, json) };
    } catch {
      return { data, fileName };
    }
  }
  return { data, fileName };
}

/** WeChat: sends the saved file to a chat (e.g. 文件传输助手). Must run from a tap. */
export async function shareExport(prepared: PreparedExport): Promise<boolean> {
  if (!prepared.filePath) return false;
  try {
    await Taro.shareFileMessage({ filePath: prepared.filePath, fileName: prepared.fileName });
    return true;
  } catch {
    return false;
  }
}

export const DELETION_CONFIRM = {
  title: '确定申请注销账号吗？',
  content:
    '注销后，您的称呼、手机号、所在村等个人资料将被删除，无法恢复，也不能再在"我的"中查看反映过的问题。我们会在 15 个工作日内处理。',
  confirmText: '确定注销',
  cancelText: '再想想',
};

/**
 * Asks first — a clear, destructive-looking confirmation — and only then sends the request.
 * Resolves to null when the citizen changes their mind. A second request while one is pending
 * answers the same request (the server is idempotent).
 */
export async function confirmAndRequestDeletion(onConfirmed?: () => void): Promise<DeletionRequest | null> {
  let confirmed = false;
  try {
    const answer = await Taro.showModal({ ...DELETION_CONFIRM, confirmColor: '#c8102e' });
    confirmed = Boolean(answer?.confirm);
  } catch {
    confirmed = false;
  }
  if (!confirmed) return null;
  onConfirmed?.();
  const result = await postDeletionRequest();
  writeStored(DELETION_STORAGE_KEY, result);
  return result;
}

export const storedDeletionRequest = (): DeletionRequest | null => readStored<DeletionRequest>(DELETION_STORAGE_KEY);
