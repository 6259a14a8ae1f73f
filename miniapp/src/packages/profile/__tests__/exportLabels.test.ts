import { labelledExport } from '../privacy/exportLabels'
import { MY_DATA as DATA } from './exportFixture'

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
  return []
}

describe('导出我的数据: the file speaks Chinese', () => {
  it('labels every field in Chinese — no English field name anywhere in the file', () => {
    const labelled = labelledExport(DATA)
    const english = keysOf(labelled).filter((key) => /^[A-Za-z]/.test(key))
    expect(english).toEqual([])
    expect(Object.keys(labelled)).toEqual(['说明', '导出时间', '个人资料', '反映的问题', '消息', '上传的照片和语音', '看过的通知', '注销申请'])
  })

  it('says states, kinds and answers in words', () => {
    const labelled = labelledExport(DATA)
    expect(labelled.个人资料).toMatchObject({ 称呼: '王大娘', 所在村: '五一村', 手机号: '13912345678', 关怀模式: '已开启' })
    expect(labelled.反映的问题[0]).toMatchObject({
      编号: 'HY20261122-0001',
      状态: '已办结，请评价',
      事项类型: '民情直通',
      承办部门: '城关镇供电所',
      匿名举报: '否',
      评价: '未评价',
      位置: '五一村村口',
      照片: [{ 类型: '照片', '大小（字节）': 2048 }],
    })
    expect(labelled.反映的问题[0].办理进度[0]).toMatchObject({ 进度: '已办结，请评价', 办理方: '城关镇供电所', 说明: '已扶正' })
    expect(labelled.消息[0]).toMatchObject({ 标题: '已办结，请评价', 已读: '未读' })
    expect(labelled.上传的照片和语音[0]).toMatchObject({ 类型: '照片', 所属反映: 'HY20261122-0001' })
    expect(labelled.注销申请[0]).toMatchObject({ 状态: '处理中', 说明: '我们已收到您的注销申请。' })
    expect(labelled.导出时间).toMatch(/^2026年11月22日 \d\d:\d\d$/)
  })
})
