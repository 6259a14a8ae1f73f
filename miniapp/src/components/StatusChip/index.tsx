/** A report's status in the citizen's words (已收到, 处理中, 已办结，请评价 …), coloured by what it asks of them. */
import { Text } from '@tarojs/components';
import { CITIZEN_STATUS_NAMES, type ReportStatus } from '@minqing/shared';

import './index.scss';

/** in progress (blue), being handled (orange), waiting for the citizen (green), finished (grey). */
export const STATUS_TONES: Record<ReportStatus, 'new' | 'busy' | 'act' | 'done' | 'stop'> = {
  submitted: 'new',
  dispatched: 'new',
  accepted: 'busy',
  reopened: 'busy',
  resolved: 'act',
  closed: 'done',
  merged: 'done',
  rejected: 'stop',
};

export interface StatusChipProps {
  status: ReportStatus;
  className?: string;
  /** Another wording of the status (a follower's 已办结: only the reporter is asked to rate). */
  label?: string;
}

export default function StatusChip({ status, className, label }: StatusChipProps) {
  return (
    <Text
      className={`status-chip status-chip--${STATUS_TONES[status]}${className ? ` ${className}` : ''}`}
      data-status={status}
    >
      {label ?? CITIZEN_STATUS_NAMES[status]}
    </Text>
  );
}
