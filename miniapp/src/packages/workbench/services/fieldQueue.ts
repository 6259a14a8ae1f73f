/**
 * 走访 on a weak signal — pure logic, no Taro (visitDrafts.ts wires it). A visit is stored before
 * anything is sent; its photos upload one by one, each upload id remembered at once; then the
 * visit is posted and its id remembered, so a retry never logs it again once the server confirmed
 * it. The visits route takes no Idempotency-Key: a reply lost after the server stored the visit can
 * log it twice on the retry. With 同时代报 the 代报 follows, with the visit's note and photos and its
 * own Idempotency-Key kept with the draft. No network keeps the draft for a retry; a refusal keeps
 * it as failed for the staff member to see; success removes it.
 */
import { StaffSubmitReportRequestSchema, VisitInputSchema, type StaffReport, type StaffSubmitReportRequest, type Visit, type VisitInput } from '@minqing/shared'
import { toApiError, type ApiError } from '../../../services/apiError'
import { FILE_RETRIES, backoffMs } from '../../../services/draftQueue'
import { SAVED_OFFLINE_MESSAGE, type DraftFile } from '../../../services/draftTypes'

/** What the household page hands over. */
export interface VisitFormInput {
  householdId: string
  headName: string
  /** The household's village, where a 代报 raised from the visit is filed. */
  villageCode: string
  note: string
  /** Local photo paths taken on the spot. */
  photos: string[]
  /** 同时代报: file a report for the household with the visit's note and photos. */
  alsoReport: boolean
}

export interface VisitDraft extends Omit<VisitFormInput, 'photos'> {
  id: string
  /** The 代报's Idempotency-Key, the same on every retry. */
  reportKey: string
  photos: DraftFile[]
  /** Set once the server confirmed the visit. */
  visitId?: string
  state: 'queued' | 'sending' | 'waiting' | 'failed'
  createdAt: number
  attempts: number
  nextAttemptAt?: number
  lastError?: { message: string; field?: string }
}

export type VisitOutcome =
  | { status: 'done'; visitId: string; report: StaffReport | null }
  | { status: 'saved'; message: string; draft: VisitDraft }
  | { status: 'invalid' | 'failed'; message: string; field?: string; draft?: VisitDraft }
  | { status: 'missing' }

export interface VisitQueueDeps {
  store: { load(): VisitDraft[]; save(drafts: VisitDraft[]): boolean }
  transport: {
    upload(localPath: string): Promise<{ id: string }>
    logVisit(body: VisitInput): Promise<Visit>
    fileOnBehalf(body: StaffSubmitReportRequest, idempotencyKey: string): Promise<StaffReport>
  }
  now(): number
  newId(): string
  sleep(ms: number): Promise<void>
}

const placeholderId = (index: number): string => String(index + 1).padStart(26, '0')

const visitBody = (draft: Pick<VisitFormInput, 'householdId' | 'note'>, photoIds: string[]): VisitInput => ({ householdId: draft.householdId, note: draft.note.trim(), photoUploadIds: photoIds })

const reportBody = (draft: Pick<VisitFormInput, 'householdId' | 'headName' | 'villageCode' | 'note'>, photoIds: string[]): StaffSubmitReportRequest => ({
  serviceCode: 'direct',
  villageCode: draft.villageCode,
  text: draft.note.trim(),
  ...(photoIds.length > 0 ? { photoUploadIds: photoIds } : {}),
  onBehalfOf: { name: draft.headName, householdId: draft.householdId },
})

/** The first problem with a visit (and its 代报), in the shared schemas' words; null when it can be sent. */
export function validateVisit(input: VisitFormInput): { message: string; field?: string } | null {
  const ids = input.photos.map((_path, index) => placeholderId(index))
  const visit = VisitInputSchema.safeParse(visitBody(input, ids))
  const report = input.alsoReport ? StaffSubmitReportRequestSchema.safeParse(reportBody(input, ids)) : null
  const issue = !visit.success ? visit.error.issues[0] : report && !report.success ? report.error.issues[0] : null
  if (!issue) return null
  return { message: issue.message, field: issue.path.length > 0 ? String(issue.path[0]) : undefined }
}

export class VisitQueue {
  private drafts: VisitDraft[]
  private readonly inFlight = new Map<string, Promise<VisitOutcome>>()
  private readonly listeners = new Set<(drafts: VisitDraft[]) => void>()

  constructor(private readonly deps: VisitQueueDeps) {
    this.drafts = deps.store.load().map((draft) => (draft.state === 'sending' ? { ...draft, state: 'queued' } : draft))
  }

  forHousehold(householdId: string): VisitDraft[] {
    return this.drafts.filter((draft) => draft.householdId === householdId)
  }

  /** Checks the visit, stores it, then sends it. */
  async send(input: VisitFormInput): Promise<VisitOutcome> {
    const invalid = validateVisit(input)
    if (invalid) return { status: 'invalid', ...invalid }
    const id = this.deps.newId()
    const draft: VisitDraft = {
      ...input,
      id,
      reportKey: `v-${id}`,
      photos: input.photos.map((path) => ({ localPath: path, sourcePath: path })),
      state: 'queued',
      createdAt: this.deps.now(),
      attempts: 0,
    }
    this.write([...this.drafts, draft])
    return this.submit(id)
  }

  /** Sends a stored visit now; concurrent calls share one attempt. */
  submit(id: string): Promise<VisitOutcome> {
    const running = this.inFlight.get(id)
    if (running) return running
    const attempt = this.run(id).finally(() => this.inFlight.delete(id))
    this.inFlight.set(id, attempt)
    return attempt
  }

  /** Sends what is queued or due (`force`: every waiting one, now). */
  async retryDue(force = false): Promise<void> {
    const now = this.deps.now()
    const due = this.drafts.filter((draft) => draft.state === 'queued' || (draft.state === 'waiting' && (force || (draft.nextAttemptAt ?? 0) <= now)))
    for (const draft of due) await this.submit(draft.id)
  }

  nextDueAt(): number | null {
    const times = this.drafts.filter((draft) => draft.state === 'waiting').map((draft) => draft.nextAttemptAt ?? 0)
    return times.length > 0 ? Math.min(...times) : null
  }

  remove(id: string): void {
    this.write(this.drafts.filter((draft) => draft.id !== id))
  }

  subscribe(listener: (drafts: VisitDraft[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async run(id: string): Promise<VisitOutcome> {
    if (!this.get(id)) return { status: 'missing' }
    this.patch(id, { state: 'sending', lastError: undefined })
    try {
      const ids: string[] = []
      for (const [index, photo] of (this.get(id)?.photos ?? []).entries()) {
        const uploadId = photo.uploadId ?? (await this.uploadWithRetry(photo.localPath))
        if (!photo.uploadId) this.rememberUpload(id, index, uploadId)
        ids.push(uploadId)
      }
      let draft = this.get(id)
      if (!draft) return { status: 'missing' }
      if (!draft.visitId) draft = this.patch(id, { visitId: (await this.deps.transport.logVisit(visitBody(draft, ids))).id })
      const report = draft.alsoReport ? await this.deps.transport.fileOnBehalf(reportBody(draft, ids), draft.reportKey) : null
      this.remove(id)
      return { status: 'done', visitId: draft.visitId as string, report }
    } catch (error) {
      return this.afterFailure(id, toApiError(error))
    }
  }

  private afterFailure(id: string, error: ApiError): VisitOutcome {
    const current = this.get(id)
    if (!current) return { status: 'missing' }
    if (error.retryable) {
      const attempts = current.attempts + 1
      const draft = this.patch(id, { state: 'waiting', attempts, nextAttemptAt: this.deps.now() + backoffMs(attempts), lastError: { message: SAVED_OFFLINE_MESSAGE } })
      return { status: 'saved', message: SAVED_OFFLINE_MESSAGE, draft }
    }
    const lastError = { message: error.message, ...(error.field ? { field: error.field } : {}) }
    return { status: 'failed', ...lastError, draft: this.patch(id, { state: 'failed', lastError }) }
  }

  private async uploadWithRetry(localPath: string): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (await this.deps.transport.upload(localPath)).id
      } catch (error) {
        const apiError = toApiError(error)
        if (!apiError.retryable || attempt >= FILE_RETRIES) throw apiError
        await this.deps.sleep(1_000 * (attempt + 1))
      }
    }
  }

  private rememberUpload(id: string, index: number, uploadId: string): void {
    const draft = this.get(id)
    if (draft) this.patch(id, { photos: draft.photos.map((photo, at) => (at === index ? { ...photo, uploadId } : photo)) })
  }

  private get(id: string): VisitDraft | undefined {
    return this.drafts.find((draft) => draft.id === id)
  }

  private patch(id: string, changes: Partial<VisitDraft>): VisitDraft {
    const next = { ...(this.get(id) as VisitDraft), ...changes }
    this.write(this.drafts.map((item) => (item.id === id ? next : item)))
    return next
  }

  private write(drafts: VisitDraft[]): void {
    this.drafts = drafts
    this.deps.store.save(drafts)
    this.listeners.forEach((listener) => listener(drafts))
  }
}
