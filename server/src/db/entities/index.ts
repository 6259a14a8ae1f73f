/** Every entity the data source maps, and nothing else: dataSource.ts maps all that this module exports. */
export { Attachment } from './attachment';
export { AuditLog, IdempotencyKey, SerialCounter, StaffActionKey } from './bookkeeping';
export { Category, RoutingRule, ServiceEntity } from './catalog';
export { Citizen } from './citizen';
export { ClassifierModelRow } from './classifierModel';
export { ContentCheck } from './contentCheck';
export { Article, Notice, NoticeRead } from './content';
export { ContentFileRow } from './contentFile';
export { Department } from './department';
export { Deputy } from './deputy';
export { HolidayDayRow } from './holidayDay';
export { Household, Visit } from './household';
export { Message } from './message';
export { Partner } from './partner';
export { PushFollow, PushOutboxMessage, PushSubscription } from './push';
export { TranscriptionJob } from './transcription';
export { WeeklyBriefRow } from './weeklyBrief';
export { CashLedgerRow, PayoutEventRow, PayoutRow } from './payout';
export { PointsEntryRow, PointsRuleRow, RedemptionRow, ShopItemRow } from './points';
export { Region } from './region';
export { Report } from './report';
export { ReportEvent } from './reportEvent';
export { ReportFollower } from './reportFollower';
export { ReportNote } from './reportNote';
export { ReplyTemplate } from './replyTemplate';
export { RoutingExample } from './routingExample';
export { Staff } from './staff';
export { StatsOpenDeadline } from './statsOpenDeadline';
export { StatsRepeatMonthSummary, StatsRepeatSummary } from './statsRepeatSummary';
export { StatsDueDay, StatsResolutionDay } from './statsTrendDay';
export {
  StatsDaySummary,
  StatsMonthSummary,
  StatsSummarisedDay,
  StatsSummarisedMonth,
  StatsSummaryState,
} from './statsSummary';
export { SchedulerLease, SupervisionMark } from './supervision';
