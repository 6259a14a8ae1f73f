import { pageSlice, pageWindow } from './paging';

describe('paging', () => {
  it('skips the pages before the asked one', () => {
    expect(pageWindow({ page: 1, pageSize: 20 })).toEqual({ skip: 0, take: 20 });
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ skip: 40, take: 20 });
  });

  it('cuts rows in memory the same way, the last page short', () => {
    const rows = Array.from({ length: 45 }, (_, index) => index);
    expect(pageSlice(rows, { page: 3, pageSize: 20 })).toEqual([40, 41, 42, 43, 44]);
    expect(pageSlice(rows, { page: 4, pageSize: 20 })).toEqual([]);
  });
});
