import { render, screen } from '@testing-library/react';
import type { TimelineEvent } from '@minqing/shared';
import Timeline from '.';
import { departmentText, dueText, formatDay, nextStepLine, RECEIVED_LINE } from './dates';

const department = { id: 'D1', name: '城关镇供电所' };
const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  id: overrides.type ?? 'x',
  type: 'submitted',
  at: '2026-11-22T04:28:33.102Z',
  status: 'submitted',
  note: null,
  department: null,
  actor: null,
  attachments: [],
  public: true,
  ...overrides,
});

describe('Timeline', () => {
  it('tells the public story newest first, without staff-only events', () => {
    render(
      <Timeline
        events={[
          event({ type: 'submitted', actor: '您' }),
          event({ type: 'route', status: 'dispatched', department }),
          event({ type: 'remind', public: false, department }),
          event({ type: 'reply', status: 'accepted', department, note: '已安排电工明天上午到现场' }),
        ]}
      />,
    );
    const items = screen.getAllByTestId('timeline-event');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('城关镇供电所答复您');
    expect(items[0]).toHaveTextContent('已安排电工明天上午到现场');
    expect(items[1]).toHaveTextContent('已分派给城关镇供电所');
    expect(items[2]).toHaveTextContent('您提交了反映');
  });

  it('tells a 代报 settled on the spot and rated on a return visit', () => {
    render(
      <Timeline
        events={[
          event({ type: 'submitted', actor: '网格员 王强 代 李大爷 反映' }),
          event({ type: 'resolve_on_spot', status: 'resolved', actor: '五一村第一网格', note: '已帮忙扶正电线杆' }),
          event({ type: 'rate_on_behalf', status: 'closed', actor: '五一村第一网格' }),
        ]}
      />,
    );
    const items = screen.getAllByTestId('timeline-event');
    expect(items[0]).toHaveTextContent('工作人员回访时代为评价');
    expect(items[1]).toHaveTextContent('五一村第一网格已就地办结');
    expect(items[1]).toHaveTextContent('已帮忙扶正电线杆');
    expect(items[2]).toHaveTextContent('网格员 王强 代 李大爷 反映');
  });
});

describe('who and when', () => {
  const now = new Date('2026-11-22T12:00:00+08:00');

  it('names the department and the due day while the report is open', () => {
    const report = { status: 'dispatched' as const, department, resolveDueAt: '2026-11-25T15:59:59.999Z' };
    expect(departmentText(report)).toBe('城关镇供电所');
    expect(dueText(report, now)).toBe(`预计 ${formatDay(report.resolveDueAt, now)}前办结`);
    expect(departmentText({ status: 'submitted', department: null, resolveDueAt: null })).toBe('正在分派给负责部门');
    expect(dueText({ ...report, status: 'closed' }, now)).toBe('');
  });

  it('says what happens next after submitting', () => {
    expect(nextStepLine({ status: 'submitted', department: null, resolveDueAt: null }, now)).toBe(RECEIVED_LINE);
    expect(nextStepLine({ status: 'dispatched', department, resolveDueAt: '2026-11-25T08:00:00Z' }, now)).toBe(
      '已交给城关镇供电所办理，预计 11月25日前办结。',
    );
  });
});
