import { Attachment } from './attachment';
import { AuditLog, IdempotencyKey, SerialCounter, StaffActionKey } from './bookkeeping';
import { Category, RoutingRule, ServiceEntity } from './catalog';
import { Citizen } from './citizen';
import { ClassifierModelRow } from './classifierModel';
import { ContentCheck } from './contentCheck';
import { Article, Notice, NoticeRead } from './content';
import { ContentFileRow } from './contentFile';
import { Department } from './department';
import { Deputy } from './deputy';
import { HolidayDayRow } from './holidayDay';
import { Household, Visit } from './household';
import { Message } from './message';
import { Partner } from './partner';
import { PushFollow, PushOutboxMessage, PushSubscription } from './push';
import { TranscriptionJob } from './transcription';
import { WeeklyBriefRow } from './weeklyBrief';
import { CashLedgerRow, PayoutEventRow, PayoutRow } from './payout';
import { PointsEntryRow, PointsRuleRow, RedemptionRow, ShopItemRow } from './points';
import { Region } from './region';
import { Report } from './report';
import { ReportEvent } from './reportEvent';
import { ReportFollower } from './reportFollower';
import { ReportNote } from './reportNote';
import { ReplyTemplate } from './replyTemplate';
import { RoutingExample } from './routingExample';
import { Staff } from './staff';
import { StatsDaySummary, StatsSummarisedDay, StatsSummaryState } from './statsSummary';
import { SchedulerLease, SupervisionMark } from './supervision';

export {
  ClassifierModelRow,
  Partner,
  ContentFileRow,
  CashLedgerRow,
  PayoutEventRow,
  PayoutRow,
  ContentCheck,
  HolidayDayRow,
  Household,
  Visit,
  PointsEntryRow,
  PointsRuleRow,
  RedemptionRow,
  ShopItemRow,
  Article,
  Attachment,
  AuditLog,
  Category,
  Citizen,
  Department,
  Deputy,
  IdempotencyKey,
  Message,
  Notice,
  NoticeRead,
  PushFollow,
  PushOutboxMessage,
  PushSubscription,
  Region,
  Report,
  ReportEvent,
  ReportFollower,
  ReportNote,
  ReplyTemplate,
  RoutingExample,
  RoutingRule,
  SchedulerLease,
  SerialCounter,
  ServiceEntity,
  Staff,
  StaffActionKey,
  StatsDaySummary,
  StatsSummarisedDay,
  StatsSummaryState,
  SupervisionMark,
  TranscriptionJob,
  WeeklyBriefRow,
};

export const entities = [
  ClassifierModelRow,
  Partner,
  ContentFileRow,
  CashLedgerRow,
  PayoutEventRow,
  PayoutRow,
  ContentCheck,
  HolidayDayRow,
  Household,
  Visit,
  PointsEntryRow,
  PointsRuleRow,
  RedemptionRow,
  ShopItemRow,
  Article,
  Attachment,
  AuditLog,
  Category,
  Citizen,
  Department,
  Deputy,
  IdempotencyKey,
  Message,
  Notice,
  NoticeRead,
  PushFollow,
  PushOutboxMessage,
  PushSubscription,
  Region,
  Report,
  ReportEvent,
  ReportFollower,
  ReportNote,
  ReplyTemplate,
  RoutingExample,
  RoutingRule,
  SchedulerLease,
  SerialCounter,
  ServiceEntity,
  Staff,
  StaffActionKey,
  StatsDaySummary,
  StatsSummarisedDay,
  StatsSummaryState,
  SupervisionMark,
  TranscriptionJob,
  WeeklyBriefRow,
];
