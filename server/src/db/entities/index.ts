import { Attachment } from './attachment';
import { AuditLog, IdempotencyKey, SerialCounter } from './bookkeeping';
import { Category, RoutingRule, ServiceEntity } from './catalog';
import { Citizen } from './citizen';
import { Article, Notice, NoticeRead } from './content';
import { Department } from './department';
import { Deputy } from './deputy';
import { Message } from './message';
import { Region } from './region';
import { Report } from './report';
import { ReportEvent } from './reportEvent';
import { RoutingExample } from './routingExample';
import { Staff } from './staff';
import { SchedulerLease, SupervisionMark } from './supervision';

export {
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
  Region,
  Report,
  ReportEvent,
  RoutingExample,
  RoutingRule,
  SchedulerLease,
  SerialCounter,
  ServiceEntity,
  Staff,
  SupervisionMark,
};

export const entities = [
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
  Region,
  Report,
  ReportEvent,
  RoutingExample,
  RoutingRule,
  SchedulerLease,
  SerialCounter,
  ServiceEntity,
  Staff,
  SupervisionMark,
];
