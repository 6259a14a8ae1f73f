/**
 * The field's own work on the 工作台: the households one looks after with their visits, and 代报.
 * A 三线 member has no report queue, so for them these entries are the whole 工作台.
 */
import { Text, View } from '@tarojs/components';
import type { StaffMe } from '@minqing/shared';
import { ROUTES, go } from '../../../pages/home/routes';
import { can } from '../services/abilities';

interface Entry {
  icon: string;
  label: string;
  hint: string;
  url: string;
}

function entriesFor(staff: StaffMe): Entry[] {
  if (!can(staff, 'visit')) return [];
  // A 三线 member (no report queue) looks after their own households only.
  const households = can(staff, 'queue') ? '住户走访' : '我的住户';
  return [
    { icon: '🏠', label: households, hint: '查看住户，记录走访，可同时代报', url: ROUTES.workbenchHouseholds },
    { icon: '🚶', label: '走访记录', hint: '最近的走访，点开可再次走访', url: ROUTES.workbenchVisits },
    { icon: '📝', label: '代报', hint: '替群众反映问题，说、写、拍都行', url: ROUTES.workbenchOnBehalf },
  ];
}

export default function FieldEntries({ staff }: { staff: StaffMe }) {
  return (
    <View className="workbench__entries">
      {entriesFor(staff).map((entry) => (
        <View
          key={entry.label}
          className="workbench__entry"
          role="button"
          aria-label={`${entry.label}：${entry.hint}`}
          hoverClass="workbench__row--pressed"
          onClick={() => go(entry.url)}
        >
          <Text className="workbench__entry-label">
            {entry.icon} {entry.label} ›
          </Text>
          <Text className="workbench__entry-hint">{entry.hint}</Text>
        </View>
      ))}
    </View>
  );
}
