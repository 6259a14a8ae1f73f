import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONTENT_FILE_TYPES } from '@minqing/shared';
import type { ContentFile } from '@minqing/shared';
import { attachmentLocalPath, getContentFiles } from '../../services/api';
import { useAsync } from '../../pages/home/useAsync';
import './index.scss';

const TYPE_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'Word', doc: 'Word', xlsx: 'Excel', xls: 'Excel' };

export function fileTypeOf(file: ContentFile): string {
  return (CONTENT_FILE_TYPES as Record<string, string>)[file.contentType] ?? 'pdf';
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Opens a file: WeChat shows it with openDocument after downloading it with the token; the H5
 * build opens the downloaded copy in a new tab.
 */
async function openFile(file: ContentFile): Promise<void> {
  const path = await attachmentLocalPath(file.url);
  if (process.env.TARO_ENV === 'h5') {
    window.open(path, '_blank');
    return;
  }
  await Taro.openDocument({ filePath: path, fileType: fileTypeOf(file) as 'pdf', showMenu: true });
}

/** 附件: the documents of a notice or article, each opened with one tap. Nothing shows when there are none. */
export default function ContentFiles({ kind, id }: { kind: 'notices' | 'articles'; id: string }) {
  const files = useAsync<ContentFile[]>(`${kind}-files:${id}`, () => getContentFiles(kind, id), Boolean(id));
  const [opening, setOpening] = useState<string | null>(null);
  if (!files.data || files.data.length === 0) return null;

  async function open(file: ContentFile) {
    if (opening) return;
    setOpening(file.id);
    try {
      await openFile(file);
    } catch {
      void Taro.showToast({ title: '附件暂时打不开，请稍后再试', icon: 'none' });
    } finally {
      setOpening(null);
    }
  }

  return (
    <View className="content-files">
      <Text className="content-files__title">附件</Text>
      {files.data.map((file) => (
        <View
          key={file.id}
          className="content-files__item"
          role="button"
          aria-label={`打开附件 ${file.fileName}`}
          onClick={() => void open(file)}
        >
          <Text className="content-files__type">{TYPE_NAMES[fileTypeOf(file)] ?? '文件'}</Text>
          <Text className="content-files__name">{file.fileName}</Text>
          <Text className="content-files__size">{opening === file.id ? '正在打开…' : sizeLabel(file.size)}</Text>
        </View>
      ))}
    </View>
  );
}
