/**
 * After submitting: the report's number, who has it and what happens next in one line, an offer of
 * progress notifications (WeChat only, on the citizen's tap) and the way to 我的反映.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { withPageHeader } from '../../../components/PageHeader';
import { nextStepLine } from '../../../components/Timeline/dates';
import { useCareMode } from '../../../stores/careMode';
import { readSuccessParams } from './successParams';
import { SUBSCRIBE_MESSAGES, canSubscribe, requestProgressNotices, type SubscribeAnswer } from './subscribe';

import './index.scss';

export const MY_REPORTS_PAGE = '/packages/my-reports/list/index';

function ReportSuccessPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const info = readSuccessParams(params);
  const [answer, setAnswer] = useState<SubscribeAnswer | null>(null);
  const [asking, setAsking] = useState(false);

  const subscribe = async () => {
    setAsking(true);
    try {
      setAnswer(await requestProgressNotices());
    } finally {
      setAsking(false);
    }
  };

  const openMine = () => void Taro.redirectTo({ url: MY_REPORTS_PAGE }).catch(() => undefined);
  const done = () => void Taro.switchTab({ url: '/pages/report/index' }).catch(() => undefined);

  return (
    <View className={`page success ${care.className}`}>
      <View className="success__mark">✓</View>
      <Text className="success__title">提交成功</Text>
      {info ? (
        <View className="success__serial">
          <Text className="success__serial-label">您的反映编号</Text>
          <Text className="success__serial-no" userSelect>
            {info.serialNo}
          </Text>
        </View>
      ) : null}
      <Text className="success__next">
        {nextStepLine(info ?? { status: 'submitted', department: null, resolveDueAt: null })}
      </Text>

      {canSubscribe() && answer === null ? (
        <Button
          className="success__button success__button--primary"
          onClick={() => void subscribe()}
          disabled={asking || undefined}
        >
          {asking ? '请稍候…' : '有进展时通知我'}
        </Button>
      ) : null}
      {answer ? <Text className="success__answer">{SUBSCRIBE_MESSAGES[answer]}</Text> : null}

      <Button
        className={`success__button${canSubscribe() && answer === null ? '' : ' success__button--primary'}`}
        onClick={openMine}
      >
        查看我的反映
      </Button>
      <Button className="success__button success__button--plain" onClick={done}>
        完成
      </Button>
    </View>
  );
}

export default withPageHeader(ReportSuccessPage, '提交成功');
