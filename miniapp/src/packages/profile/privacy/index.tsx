import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { withPageHeader } from '../../../components/PageHeader';
import { isWeapp } from '../../../services/config';
import { useCareMode } from '../../../stores/careMode';
import PrivacySheet from '../../../pages/me/PrivacySheet';
import { installPrivacyGate, openPrivacyContract } from '../../../pages/me/privacyGate';
import DataRights from './DataRights';

import './index.scss';

interface Item {
  what: string;
  why: string;
}

/** What we collect and why — in the words a villager would use. */
export const COLLECTED: readonly Item[] = [
  { what: '微信身份标识', why: '登录时由微信自动提供，用来认出您的账号，让您看到自己反映过的问题。' },
  { what: '称呼和所在村（社区）', why: '由您自己填写。用来显示本村的公告，反映问题时默认选这个村。' },
  {
    what: '位置',
    why: '只在您反映问题、点"选择位置"时使用，用来标出问题在哪里，方便工作人员找到现场。不会在后台一直获取您的位置。',
  },
  { what: '录音（麦克风）', why: '只在您按住"说话"按钮时录音，用来用语音反映问题；语音可能会转成文字，方便办理。' },
  {
    what: '照片（相机、相册）',
    why: '只在您拍照或选照片时使用，用来说明问题。上传时会去掉照片里的拍摄地点等附加信息。',
  },
  {
    what: '手机号',
    why: '经您同意后由微信提供，或在反映问题时自己填写。只用于工作人员联系您核实情况、告诉您办理结果。加密保存，工作人员只能看到隐去中间四位的号码。',
  },
  {
    what: '您反映的内容、评价和补充说明',
    why: '用来交给负责的部门办理、回复您，并用于考核各部门办事是否及时、是否让您满意。',
  },
  { what: '您看过哪些通知', why: '只用来统计每条通知有多少人看过。' },
];

const RIGHTS: readonly Item[] = [
  { what: '查阅、复制', why: '在"我的"里查看资料和反映记录，也可以用下面的"导出我的数据"把全部信息导出。' },
  { what: '更正、补充', why: '在"我的—个人信息"里修改称呼和所在村。' },
  { what: '删除、注销', why: '用下面的"申请注销账号"，我们在 15 个工作日内处理。' },
  {
    what: '撤回同意',
    why: '在微信里点右上角"…"—"设置"，可以关掉位置、麦克风、相册的权限。撤回后，不影响撤回前已经办理的事情。',
  },
  { what: '要求解释', why: '对我们怎样使用您的信息有疑问，可以通过"民情直达—民情直通"留言，或到所在村（社区）询问。' },
];

/** 隐私政策: what is collected and why, who sees it, how long it is kept, your rights (PIPL), your data. */
function PrivacyPage() {
  const care = useCareMode();
  const { params } = useRouter();

  useEffect(() => {
    installPrivacyGate();
    const section = params.section === 'export' ? '#data-export' : params.section === 'delete' ? '#data-delete' : null;
    if (!section) return;
    const timer = setTimeout(
      () => void Taro.pageScrollTo({ selector: section, duration: 300 }).catch(() => undefined),
      300,
    );
    return () => clearTimeout(timer);
  }, [params.section]);

  return (
    <View className={`page privacy ${care.className}`}>
      <Text className="privacy__title">"321 民情在线"隐私政策</Text>
      <Text className="privacy__lead">
        我们只收集办理您反映的事情所必需的信息，只用于办理、回复和改进工作，不出售，不做广告。下面用大白话说清楚。
      </Text>

      <View className="privacy__section">
        <Text className="privacy__heading">一、我们收集哪些信息，为什么</Text>
        {COLLECTED.map((item) => (
          <View key={item.what} className="privacy__item">
            <Text className="privacy__what">{item.what}</Text>
            <Text className="privacy__why">{item.why}</Text>
          </View>
        ))}
      </View>

      <View className="privacy__section">
        <Text className="privacy__heading">二、谁能看到</Text>
        <Text className="privacy__para">
          只有负责办理您所反映问题的镇、村和部门工作人员，在各自职责范围内查看；他们的每一次操作都有记录。
        </Text>
        <Text className="privacy__para">"违法举报"可以匿名，办理人员看不到您是谁。</Text>
        <Text className="privacy__para">
          您的文字、照片和语音会经过微信的内容安全检测。除法律法规规定的情形外，我们不会把您的信息提供给其他单位或个人。
        </Text>
      </View>

      <View className="privacy__section">
        <Text className="privacy__heading">三、保存多久</Text>
        <Text className="privacy__para">
          账号资料保存到您注销为止。反映的问题和办理记录按政务工作的有关规定保存，用于核查和统计；注销后不再与您的身份关联。
        </Text>
      </View>

      <View className="privacy__section">
        <Text className="privacy__heading">四、您的权利</Text>
        <Text className="privacy__para">依照《中华人民共和国个人信息保护法》，您对自己的信息享有以下权利：</Text>
        {RIGHTS.map((item) => (
          <View key={item.what} className="privacy__item">
            <Text className="privacy__what">{item.what}</Text>
            <Text className="privacy__why">{item.why}</Text>
          </View>
        ))}
        <Text className="privacy__para">不满十四周岁的孩子，请在家长陪同下使用。</Text>
      </View>

      <View className="privacy__section">
        <Text className="privacy__heading">五、联系我们</Text>
        <Text className="privacy__para">
          运营单位：汉阴县"321"基层治理指挥中心。有问题可以通过"民情直达—民情直通"留言，或联系所在村（社区）。
        </Text>
        {isWeapp() ? (
          <View className="privacy__link" role="link" onClick={openPrivacyContract}>
            查看微信《用户隐私保护指引》
          </View>
        ) : null}
      </View>

      <DataRights />
      <PrivacySheet />
    </View>
  );
}

export default withPageHeader(PrivacyPage, '隐私政策');
