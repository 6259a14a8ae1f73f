import type { StaffReport, Visit } from '@minqing/shared'
import { ApiError, networkError } from '../../../services/apiError'
import { VisitQueue, type VisitDraft, type VisitQueueDeps } from './visitQueue'

const HOUSEHOLD = '01M81KNHEEZY3C4PCQ1HHZPW40'
const PHOTO = '01M81KNHEEZY3C4PCQ1HHZPW30'
const visit = { id: '01M81KNHEEZY3C4PCQ1HHZPW50' } as Visit
const report = { id: '01M81KNHEEZY3C4PCQ1HHZPW60', serialNo: 'HY20261206-0001' } as StaffReport
const input = { householdId: HOUSEHOLD, headName: '李大爷', villageCode: '610921100201', note: '屋顶漏雨', photos: ['tmp/a.jpg'], alsoReport: true }

function queueWith(transport: Partial<VisitQueueDeps['transport']>) {
  let saved: VisitDraft[] = []
  let clock = 1_000
  let ids = 0
  const deps: VisitQueueDeps = {
    store: { load: () => saved, save: (drafts) => ((saved = drafts), true) },
    transport: { upload: jest.fn().mockResolvedValue({ id: PHOTO }), logVisit: jest.fn(), fileOnBehalf: jest.fn(), ...transport },
    now: () => clock,
    newId: () => `id${(ids += 1)}`,
    sleep: () => Promise.resolve(),
  }
  return { queue: new VisitQueue(deps), deps, stored: () => saved, advance: (ms: number) => (clock += ms) }
}

describe('the 工作台 visit queue', () => {
  it('logs the visit, then files the 代报 with its note and photos for the household', async () => {
    const logVisit = jest.fn().mockResolvedValue(visit)
    const fileOnBehalf = jest.fn().mockResolvedValue(report)
    const { queue, stored } = queueWith({ logVisit, fileOnBehalf })

    await expect(queue.send(input)).resolves.toEqual({ status: 'done', visitId: visit.id, report })
    expect(logVisit).toHaveBeenCalledWith({ householdId: HOUSEHOLD, note: '屋顶漏雨', photoUploadIds: [PHOTO] })
    expect(fileOnBehalf).toHaveBeenCalledWith(
      { serviceCode: 'direct', villageCode: '610921100201', text: '屋顶漏雨', photoUploadIds: [PHOTO], onBehalfOf: { name: '李大爷', householdId: HOUSEHOLD } },
      'v-id1',
    )
    expect(stored()).toHaveLength(0)
  })

  it('keeps a visit whose 代报 found no signal, and retries only the 代报 with the same key', async () => {
    const logVisit = jest.fn().mockResolvedValue(visit)
    const fileOnBehalf = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(report)
    const upload = jest.fn().mockResolvedValue({ id: PHOTO })
    const { queue, stored, advance } = queueWith({ logVisit, fileOnBehalf, upload })

    await expect(queue.send(input)).resolves.toMatchObject({ status: 'saved', message: '已保存，联网后自动提交' })
    expect(stored()[0]).toMatchObject({ state: 'waiting', visitId: visit.id, photos: [{ uploadId: PHOTO }] })

    advance(60_000)
    await queue.retryDue()
    expect(stored()).toHaveLength(0)
    expect(upload).toHaveBeenCalledTimes(1)
    expect(logVisit).toHaveBeenCalledTimes(1)
    expect(fileOnBehalf.mock.calls.map((call) => call[1])).toEqual(['v-id1', 'v-id1'])
  })

  it('refuses a visit without a note before storing anything, naming the field', async () => {
    const { queue, stored, deps } = queueWith({})
    await expect(queue.send({ ...input, note: '  ' })).resolves.toEqual({ status: 'invalid', message: '请填写走访情况', field: 'note' })
    expect(stored()).toHaveLength(0)
    expect(deps.transport.logVisit).not.toHaveBeenCalled()
  })

  it('keeps a visit the server refused as failed, with its message, and files no 代报', async () => {
    const logVisit = jest.fn().mockRejectedValue(new ApiError('forbidden', '这户不在您负责的范围', 403))
    const { queue, stored, deps } = queueWith({ logVisit })
    await expect(queue.send({ ...input, alsoReport: false })).resolves.toMatchObject({ status: 'failed', message: '这户不在您负责的范围' })
    expect(stored()[0]).toMatchObject({ state: 'failed', lastError: { message: '这户不在您负责的范围' } })
    expect(deps.transport.fileOnBehalf).not.toHaveBeenCalled()
  })
})
