import { Button, message } from 'antd';
import { useState } from 'react';
import { downloadFile } from './download';

interface ExportButtonProps {
  /** Under /api/v1, with its query (urlOf a contract with a binary answer). */
  path: string;
  /** Used when the server names no file. */
  fallbackName: string;
  label?: string;
  disabled?: boolean;
  /** Injected by tests; the real download by default. */
  download?: (path: string, fallbackName: string) => Promise<string>;
}

/** 导出 Excel: downloads an .xlsx the server builds, showing progress and the server's message on failure. */
export function ExportButton({
  path,
  fallbackName,
  label = '导出 Excel',
  disabled,
  download = downloadFile,
}: ExportButtonProps) {
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      await download(path, fallbackName);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '导出失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button loading={busy} disabled={disabled} onClick={() => void run()}>
      {busy ? '正在导出…' : label}
    </Button>
  );
}
