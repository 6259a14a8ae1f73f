import {
  NEED_CONTENT_MESSAGE,
  NEED_VILLAGE_MESSAGE,
  draftInputOf,
  emptyForm,
  firstError,
  formOfDraft,
  validateCompose,
  withoutLostFiles,
} from './composeForm';
import type { ReportDraft } from '../../../services/draftTypes';

const VILLAGE = '610921100201';

describe('compose form checks', () => {
  it('needs a voice, some text or a photo — the message sits by the voice button', () => {
    const errors = validateCompose(emptyForm('direct', VILLAGE));
    expect(errors).toEqual({ voice: NEED_CONTENT_MESSAGE });
    expect(NEED_CONTENT_MESSAGE).toBe('请说一段话、写几句话或拍一张照片');
  });

  it('any one of voice, text or photo is enough', () => {
    const base = emptyForm('direct', VILLAGE);
    expect(validateCompose({ ...base, text: '路灯坏了' })).toEqual({});
    expect(validateCompose({ ...base, voice: { localPath: 'tmp/a.mp3', durationSeconds: 3 } })).toEqual({});
    expect(validateCompose({ ...base, photos: ['tmp/a.jpg'] })).toEqual({});
    // Spaces are not text.
    expect(validateCompose({ ...base, text: '   ' })).toEqual({ voice: NEED_CONTENT_MESSAGE });
  });

  it('allows anonymity for 违法举报 only', () => {
    expect(validateCompose({ ...emptyForm('direct', VILLAGE), text: '有人赌博', anonymous: true })).toEqual({
      anonymous: '只有违法举报可以匿名',
    });
    expect(validateCompose({ ...emptyForm('illegal', VILLAGE), text: '有人赌博', anonymous: true })).toEqual({});
  });

  it('needs the village, in plain words', () => {
    const errors = validateCompose({ ...emptyForm('direct', null), text: '路灯坏了' });
    expect(errors).toEqual({ villageCode: NEED_VILLAGE_MESSAGE });
    expect(firstError(errors)).toEqual({ field: 'villageCode', message: '请选择问题所在的村（社区）' });
  });

  it('lists problems top to bottom', () => {
    const errors = validateCompose({ ...emptyForm('direct', null), anonymous: true });
    expect(firstError(errors)?.field).toBe('voice');
    expect(errors.villageCode).toBe(NEED_VILLAGE_MESSAGE);
    expect(errors.anonymous).toBe('只有违法举报可以匿名');
  });

  it('checks a typed contact phone, sends it with the report, and never with an anonymous one', () => {
    const base = { ...emptyForm('illegal', VILLAGE), text: '河边有人电鱼' };
    expect(validateCompose({ ...base, contactPhone: '1380013' })).toEqual({ contactPhone: '请输入正确的手机号' });
    expect(draftInputOf({ ...base, contactPhone: ' 13800138000 ' })).toMatchObject({ contactPhone: '13800138000' });
    expect(draftInputOf({ ...base, contactPhone: '13800138000', anonymous: true })).not.toHaveProperty('contactPhone');
    expect(draftInputOf({ ...base, contactPhone: null })).not.toHaveProperty('contactPhone');
  });

  it('round-trips through a draft', () => {
    const form = {
      ...emptyForm('illegal', VILLAGE),
      text: ' 河里有人电鱼 ',
      voice: { localPath: 'tmp/a.mp3', durationSeconds: 4, transcript: '有人电鱼' },
      photos: ['tmp/1.jpg'],
      location: { lat: 32.89, lng: 108.5, address: '月河边' },
      categoryCode: 'environment',
      anonymous: true,
    };
    const input = draftInputOf(form);
    expect(input).toEqual({
      serviceCode: 'illegal',
      villageCode: VILLAGE,
      text: '河里有人电鱼',
      voice: { localPath: 'tmp/a.mp3', durationSeconds: 4, transcript: '有人电鱼' },
      photos: ['tmp/1.jpg'],
      location: { lat: 32.89, lng: 108.5, address: '月河边' },
      categoryCode: 'environment',
      anonymous: true,
    });
    const draft = {
      id: 'd1',
      idempotencyKey: 'r-d1',
      state: 'editing',
      createdAt: 0,
      updatedAt: 0,
      attempts: 0,
      ...input,
      voice: { ...input.voice, sourcePath: 'tmp/a.mp3' },
      photos: [{ localPath: 'wxfile://usr/draft-d1-1.jpg', sourcePath: 'tmp/1.jpg' }],
    } as ReportDraft;
    expect(formOfDraft(draft)).toEqual({ ...form, text: '河里有人电鱼', photos: ['wxfile://usr/draft-d1-1.jpg'] });
  });
});

describe('files lost after an H5 reload', () => {
  it('drops blob: files the browser no longer has and counts them', async () => {
    const form = {
      ...emptyForm('direct', VILLAGE),
      photos: ['blob:alive', 'blob:dead', 'wxfile://kept.jpg'],
      voice: { localPath: 'blob:dead-voice', durationSeconds: 3 },
    };
    const { form: checked, lost } = await withoutLostFiles(form, async (path) => path === 'blob:alive');
    expect(lost).toBe(2);
    expect(checked.photos).toEqual(['blob:alive', 'wxfile://kept.jpg']);
    expect(checked.voice).toBeNull();
  });
});
