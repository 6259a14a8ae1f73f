import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DeletionRequest } from '@minqing/shared';
import BigButton from '../../../components/BigButton';
import { formatDateTime } from '../../../components/NoticeCard/format';
import { toApiError } from '../../../services/apiError';
import { isWeapp } from '../../../services/config';
import {
  confirmAndRequestDeletion,
  prepareExport,
  shareExport,
  storedDeletionRequest,
  summarize,
  type PreparedExport,
} from './dataRights';

/** 导出我的数据 and 申请注销账号, with what happens at each step in words. */
export default function DataRights() {
  const [exporting, setExporting] = useState(false);
  const [prepared, setPrepared] = useState<PreparedExport | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deletion, setDeletion] = useState<DeletionRequest | null>(() => storedDeletionRequest());
  const [deletionError, setDeletionError] = useState<string | null>(null);

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      setPrepared(await prepareExport());
    } catch (error) {
      setExportError(toApiError(error).message);
    } finally {
      setExporting(false);
    }
  };

  const send = async () => {
    if (prepared && !(await shareExport(prepared)))
      void Taro.showToast({ title: '没有发送成功，可以再试一次', icon: 'none' });
  };

  const askDeletion = async () => {
    setDeletionError(null);
    try {
      // 请稍候… only once confirmed: while the question is open the button stays as it was.
      const result = await confirmAndRequestDeletion(() => setDeleting(true));
      if (result) setDeletion(result);
    } catch (error) {
      setDeletionError(toApiError(error).message);
    } finally {
      setDeleting(false);
    }
  };

  let exportResult = null;
  if (prepared) {
    const where = prepared.downloaded
      ? `已下载到您的设备，文件名：${prepared.fileName}`
      : prepared.filePath
        ? '已保存。点下面的按钮，可以发到微信聊天（例如「文件传输助手」）留存。'
        : '数据已准备好，但当前环境不能保存文件。';
    exportResult = (
      <View className="data-rights__result" role="status">
        <Text className="data-rights__result-text">包含：{summarize(prepared.data)}。</Text>
        <Text className="data-rights__result-text">{where}</Text>
        {isWeapp() && prepared.filePath ? (
          <BigButton icon="💬" label="发送到微信聊天" size="normal" variant="secondary" onClick={() => void send()} />
        ) : null}
      </View>
    );
  }

  const pending = deletion?.status === 'pending';

  return (
    <View className="data-rights" id="data-rights">
      <View className="data-rights__block" id="data-export">
        <Text className="data-rights__title">导出我的数据</Text>
        <Text className="data-rights__text">
          把我们保存的与您有关的全部信息（个人资料、反映的问题和办理进度、消息等）导出成一个文件。
        </Text>
        <BigButton
          icon="📤"
          label={prepared ? '重新导出' : '导出我的数据'}
          size="normal"
          variant="outline"
          loading={exporting}
          onClick={() => void runExport()}
        />
        {exporting ? <Text className="data-rights__text">正在整理您的数据，请稍候…</Text> : null}
        {exportError ? (
          <View className="data-rights__error" role="alert">
            {exportError}
          </View>
        ) : null}
        {exportResult}
      </View>

      <View className="data-rights__block" id="data-delete">
        <Text className="data-rights__title">申请注销账号</Text>
        <Text className="data-rights__text">注销后，您的个人资料将被删除且无法恢复。建议先导出数据留存。</Text>
        {pending && deletion ? (
          <View className="data-rights__result" role="status">
            <Text className="data-rights__result-text">您已于 {formatDateTime(deletion.requestedAt)} 申请注销。</Text>
            <Text className="data-rights__result-text">{deletion.message}</Text>
          </View>
        ) : (
          <BigButton
            icon="⚠️"
            label="申请注销账号"
            hint="会先请您确认"
            size="normal"
            variant="danger"
            loading={deleting}
            onClick={() => void askDeletion()}
          />
        )}
        {deletionError ? (
          <View className="data-rights__error" role="alert">
            {deletionError}
          </View>
        ) : null}
      </View>
    </View>
  );
}
