import { useEffect } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useStore } from '../../stores/createStore';
import {
  AGREE_BUTTON_ID,
  agreePrivacy,
  disagreePrivacy,
  openPrivacyContract,
  privacyGateStore,
  registerSheet,
} from './privacyGate';

import './PrivacySheet.scss';

/**
 * The consent sheet WeChat requires before location, recording, photos or the phone number are
 * used (see privacyGate.ts). Render it on pages that may trigger those; it shows itself when needed.
 */
export default function PrivacySheet() {
  const { open, contractName } = useStore(privacyGateStore);
  useEffect(() => registerSheet(), []);
  if (!open) return null;
  return (
    <View className="privacy-sheet" role="dialog" aria-modal="true" aria-label="用户隐私保护提示">
      <View className="privacy-sheet__mask" />
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">用户隐私保护提示</Text>
        <Text className="privacy-sheet__text">
          感谢您使用"321
          民情在线"。为了让您能反映问题、查看本村通知，在您使用相关功能时我们会用到：位置（标出问题地点）、录音（说一说反映问题）、照片（拍一拍反映问题）、手机号（方便工作人员联系您）。这些信息只用于办理您反映的事情。
        </Text>
        <View className="privacy-sheet__link" role="link" onClick={openPrivacyContract}>
          阅读{contractName}
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className="privacy-sheet__agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={agreePrivacy}
        >
          同意并继续
        </Button>
        <View className="privacy-sheet__disagree" role="button" onClick={disagreePrivacy}>
          不同意
        </View>
        <Text className="privacy-sheet__note">不同意也可以浏览通知和文章；需要用到上述信息时会再次询问您。</Text>
      </View>
    </View>
  );
}
