import { Attachment } from './attachment';
import { AuditLog, IdempotencyKey, SerialCounter } from './bookkeeping';
import { Category, RoutingRule, ServiceEntity } from './catalog';
import { Citizen } from './citizen';
import { Article, Notice, NoticeRead } from './content';
import { Department } from './department';
import { Region } from './region';
import { Report } from './report';
import { ReportEvent } from './reportEvent';
import { Staff } from './staff';

export {
  Article,
  Attachment,
  AuditLog,
  Category,
  Citizen,
  Department,
  IdempotencyKey,
  Notice,
  NoticeRead,
  Region,
  Report,
  ReportEvent,
  RoutingRule,
  SerialCounter,
  ServiceEntity,
  Staff,
};

export const entities = [
  Article,
  Attachment,
  AuditLog,
  Category,
  Citizen,
  Department,
  IdempotencyKey,
  Notice,
  NoticeRead,
  Region,
  Report,
  ReportEvent,
  RoutingRule,
  SerialCounter,
  ServiceEntity,
  Staff,
];
