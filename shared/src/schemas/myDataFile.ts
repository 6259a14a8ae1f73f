import { z } from 'zod';

/**
 * 导出我的数据 as the villager saves it (GET /me/export): every field under a Chinese label, states
 * and kinds in words, times as 2026年11月20日 09:30 (Beijing time), '' where there is nothing.
 */
const text = z.string();

const SavedFileSchema = z.object({
  类型: z.enum(['照片', '语音']),
  文件格式: text,
  '大小（字节）': z.number().int(),
  '时长（秒）': z.number().nullable(),
  地址: text,
});

const ProgressStepSchema = z.object({
  时间: text,
  进度: text,
  办理方: text,
  说明: text,
  附件: z.array(SavedFileSchema),
});

const ReportEntrySchema = z.object({
  编号: text,
  状态: text,
  事项类型: text,
  所在村: text,
  反映内容: text,
  语音文字: text,
  语音: SavedFileSchema.nullable(),
  照片: z.array(SavedFileSchema),
  位置: text,
  问题类别: text,
  承办部门: text,
  反映给代表: text,
  匿名举报: z.enum(['是', '否']),
  联系电话: text,
  提交时间: text,
  应办结时间: text,
  评价: text,
  评价内容: text,
  办理进度: z.array(ProgressStepSchema),
});

export const MyDataFileSchema = z.object({
  说明: text,
  导出时间: text,
  个人资料: z.object({
    用户编号: text,
    称呼: text,
    所在村: text,
    所在村代码: text,
    /** In full: this file goes only to its owner. */
    手机号: text,
    关怀模式: z.enum(['已开启', '未开启']),
    微信OpenID: text,
    微信UnionID: text,
    注册时间: text,
  }),
  反映的问题: z.array(ReportEntrySchema),
  消息: z.array(z.object({ 标题: text, 内容: text, 时间: text, 已读: text })),
  上传的照片和语音: z.array(SavedFileSchema.extend({ 所属反映: text, 上传时间: text })),
  看过的通知: z.array(z.object({ 通知标题: text, 阅读时间: text })),
  注销申请: z.array(z.object({ 状态: text, 申请时间: text, 处理期限: text, 处理时间: text, 原因: text, 说明: text })),
});
export type MyDataFile = z.infer<typeof MyDataFileSchema>;
