import { Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import { LIMITS, PHOTO_TYPES } from '@minqing/shared';
import type { UploadResponse } from '@minqing/shared';
import { useState } from 'react';
import { uploadPhoto } from './queueApi';

export interface PhotoUploaderProps {
  /** The uploaded photos' ids, in order; a Form.Item passes value/onChange. */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Defaults to POST /uploads; tests pass a fake. */
  upload?: (file: File) => Promise<UploadResponse>;
}

/** 办结 photos: each uploaded on choosing it (re-encoded by the server); only finished uploads count. */
export function PhotoUploader({ onChange, upload = uploadPhoto }: PhotoUploaderProps) {
  const [files, setFiles] = useState<UploadFile<UploadResponse>[]>([]);

  function report(next: UploadFile<UploadResponse>[]) {
    setFiles(next);
    onChange?.(
      next
        .filter((file) => file.status === 'done' && file.response)
        .map((file) => (file.response as UploadResponse).id),
    );
  }

  return (
    <Upload<UploadResponse>
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      fileList={files}
      maxCount={LIMITS.reportPhotosMax}
      beforeUpload={(file) => {
        if (file.size > LIMITS.uploadBytesMax) {
          message.error(`照片不能超过 ${LIMITS.uploadBytesMax / 1024 / 1024}MB`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        upload(file as File).then(
          (uploaded) => onSuccess?.(uploaded),
          (error: Error) => {
            message.error(error.message);
            onError?.(error);
          },
        );
      }}
      onChange={({ fileList }) => report(fileList)}
    >
      {files.length < LIMITS.reportPhotosMax && <div>＋ 添加照片</div>}
    </Upload>
  );
}
