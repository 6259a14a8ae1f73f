import { render, screen } from '@testing-library/react';
import { CITIZEN_STATUS_NAMES, REPORT_STATUSES } from '@minqing/shared';
import StatusChip from '.';

describe('StatusChip', () => {
  it('names every status in the citizen’s words', () => {
    render(REPORT_STATUSES.map((status) => <StatusChip key={status} status={status} />));
    for (const status of REPORT_STATUSES) expect(screen.getByText(CITIZEN_STATUS_NAMES[status])).toBeInTheDocument();
    expect(screen.getByText('已办结，请评价')).toHaveClass('status-chip--act');
    expect(screen.getByText('已收到')).toHaveClass('status-chip--new');
  });
});
