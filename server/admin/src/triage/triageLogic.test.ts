import { bulkOutcome, oneClickSuggestion, percent } from './triageLogic';

const suggestion = (categoryCode: string, confidence: number, departmentId: string | null) => ({
  categoryCode,
  confidence,
  departmentId,
  categoryName: categoryCode,
  departmentName: departmentId ? `部门${departmentId}` : null,
  // The tests' routing threshold.
  confident: confidence >= 0.25,
});

describe('triage', () => {
  it('offers the one-click dispatch only when the server says the first suggestion reaches the threshold', () => {
    const placed = suggestion('power', 0.3, 'D1');
    expect(oneClickSuggestion({ oneClick: true, suggestions: [placed, suggestion('agri', 0.1, 'D2')] })).toBe(placed);
    // Below the threshold nothing is put forward, even with a department.
    expect(oneClickSuggestion({ oneClick: false, suggestions: [suggestion('agri', 0.1, 'D2')] })).toBeNull();
    // A confident first suggestion without a department is not dispatchable in one click.
    expect(oneClickSuggestion({ oneClick: true, suggestions: [suggestion('sanitation', 0.6, null)] })).toBeNull();
    expect(oneClickSuggestion({ oneClick: false, suggestions: [] })).toBeNull();
    expect(percent(0.456)).toBe('46%');
  });

  it('sums up a bulk dispatch and names each refused report with the server reason', () => {
    const outcome = bulkOutcome({
      succeeded: 1,
      failed: 2,
      results: [
        { reportId: 'A', ok: true, serialNo: 'HY1', status: 'dispatched', error: null },
        {
          reportId: 'B',
          ok: false,
          serialNo: 'HY2',
          status: 'dispatched',
          error: { code: 'invalid_transition', message: '当前状态下不能派单' },
        },
        {
          reportId: 'C',
          ok: false,
          serialNo: null,
          status: null,
          error: { code: 'forbidden', message: '该事项不在您的管辖范围内' },
        },
      ],
    });
    expect(outcome).toEqual({
      summary: '已派出 1 件，2 件未派出',
      failures: ['HY2：当前状态下不能派单', 'C：该事项不在您的管辖范围内'],
    });
    expect(bulkOutcome({ succeeded: 3, failed: 0, results: [] }).summary).toBe('已派出 3 件');
  });
});
