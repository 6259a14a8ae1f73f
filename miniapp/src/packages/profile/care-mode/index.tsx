import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import BigButton from '../../../components/BigButton';
import { withPageHeader } from '../../../components/PageHeader';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';

import './index.scss';

const WHAT_CHANGES = [
  { icon: '🔠', text: '字更大：正文比平时大一半，标题更大' },
  { icon: '👆', text: '按钮更大，更好点，颜色更分明' },
  { icon: '🏠', text: '首页只留三个大按钮：「说一说」「拍一拍」「听通知」' },
  { icon: '🔊', text: '通知和文章可以点「读给我听」' },
];

/** 关怀模式: what it changes, a preview, and one big switch. */
function CareModePage() {
  const care = useCareMode();

  const toggle = () => {
    const next = !care.enabled;
    care.setEnabled(next);
    void Taro.showToast({ title: next ? '已开启关怀模式' : '已关闭关怀模式', icon: 'success' });
  };

  return (
    <View className={`page care-mode-page ${care.className}`}>
      <Text className="care-mode-page__title">关怀模式</Text>
      <View className="care-mode-page__state" role="status">
        现在：{care.enabled ? '已开启' : '未开启'}
      </View>
      {care.suggested && !care.enabled ? (
        <Text className="care-mode-page__suggest">我们发现您的微信字体调得比较大，建议开启关怀模式，看得更清楚。</Text>
      ) : null}

      <View className="care-mode-page__list">
        {WHAT_CHANGES.map((item) => (
          <View key={item.text} className="care-mode-page__item">
            <Text className="care-mode-page__icon" aria-hidden="true">
              {item.icon}
            </Text>
            <Text className="care-mode-page__text">{item.text}</Text>
          </View>
        ))}
      </View>

      {care.enabled ? null : (
        <View className="care-mode-page__preview" aria-label="关怀模式字号预览">
          <Text className="care-mode-page__preview-label">开启后的字这么大：</Text>
          <Text className="care-mode-page__preview-text">您反映的问题已收到</Text>
        </View>
      )}

      <BigButton
        icon={care.enabled ? '↩️' : '👓'}
        label={care.enabled ? '关闭关怀模式' : '开启关怀模式'}
        hint={care.enabled ? '回到标准版' : '字更大，操作更简单'}
        variant={care.enabled ? 'outline' : 'primary'}
        onClick={toggle}
      />
      {care.enabled ? (
        <BigButton icon="🏠" label="回首页看看" variant="secondary" onClick={() => go(ROUTES.homeTab)} />
      ) : null}
      {care.suggested && !care.enabled ? (
        <View className="care-mode-page__dismiss" role="button" onClick={care.dismissSuggestion}>
          不用了，保持现在的样子
        </View>
      ) : null}
    </View>
  );
}

export default withPageHeader(CareModePage, '关怀模式');
