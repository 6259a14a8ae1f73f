/**
 * Official public holidays (放假, including the bridge days the notice moves) and make-up
 * workdays (调休上班) of mainland China, as the State Council publishes them each year.
 * Dates are local dates in Asia/Shanghai, `YYYY-MM-DD`. Only published notices are entered:
 * a year missing here falls back to the plain weekday rule (see workingCalendar.ts), and the
 * scheduler logs a warning when the current year is missing.
 *
 * To add a year: copy the dates from the notice on www.gov.cn (usually published in
 * November for the following year), cite it, and extend workingCalendar.test.ts.
 */
export interface HolidayNotice {
  title: string;
  /** 文号 */
  number: string;
  issued: string;
  url: string;
}

export interface HolidayPeriod {
  name: string;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
}

export interface HolidayYear {
  year: number;
  notice: HolidayNotice;
  periods: readonly HolidayPeriod[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
}

/**
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）.
 *   一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。
 *   二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   三、清明节：4月4日至6日放假，共3天。
 *   四、劳动节：5月1日至5日放假调休，共5天。5月9日（周六）上班。
 *   五、端午节：6月19日至21日放假，共3天。
 *   六、中秋节：9月25日至27日放假，共3天。
 *   七、国庆节：10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
 *
 * 2027: not published when this file was written (2026-11-22): no 国务院办公厅关于2027年部分
 * 节假日安排的通知 could be found, so 2027 is deliberately absent. Add it once the notice is out.
 */
export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2026,
    notice: {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      number: '国办发明电〔2025〕7号',
      issued: '2025-11-04',
      url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    },
    periods: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
