import sharp from 'sharp';
import { LIMITS, UploadResponseSchema } from '@minqing/shared';
import { Attachment, type Citizen, Report, type Staff } from '../../db/entities';
import { newId } from '../../db/ids';
import {
  REGIONS,
  type World,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';
import { testVoice } from '../../test/media';

const UNSUPPORTED = '只能上传照片（JPG/PNG/WebP）或语音（MP3/AAC/M4A/WAV/WebM/Ogg）';

/** A phone-style JPEG: landscape pixels shot in portrait (orientation 6) with a GPS position. */
function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#cc3333' } })
    .withExif({
      IFD0: { Make: 'VillagePhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 53/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 30/1 36/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** An ID3v2.4 tag followed by one silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz). */
function tinyMp3(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame]);
}

describe('uploads', () => {
  let app: TestApp;
  let world: World;
  let citizen: Citizen;
  let citizenAuth: Record<string, string>;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildWorld(app.dataSource);
    citizen = await buildCitizen(app.dataSource);
    citizenAuth = bearer(citizenToken(app.deps, citizen));
  });
  afterAll(() => app.close());

  const attachments = () => app.dataSource.getRepository(Attachment);
  const upload = (
    auth: Record<string, string>,
    bytes: Buffer,
    filename: string,
    contentType = 'application/octet-stream',
  ) => app.http.post('/api/v1/uploads').set(auth).attach('file', bytes, { filename, contentType });
  const download = (auth: Record<string, string>, url: string) => app.http.get(url).set(auth).responseType('blob');
  const storedBytes = async (id: string) =>
    app.deps.storage.get((await attachments().findOneByOrFail({ id })).storageKey);

  async function buildReport(overrides: Partial<Report> = {}): Promise<Report> {
    return app.dataSource.getRepository(Report).save({
      id: newId(),
      serialNo: `HY20260101-${newId().slice(-6)}`,
      serviceCode: 'direct',
      categoryCode: world.powerCategory.code,
      departmentId: world.power.id,
      countyCode: REGIONS.county,
      townshipCode: REGIONS.chengguan,
      villageCode: REGIONS.chengguanVillage,
      citizenId: citizen.id,
      anonymous: false,
      status: 'dispatched',
      tier: 'general',
      escalated: false,
      ...overrides,
    });
  }

  async function bindToReport(attachmentId: string, report: Report) {
    await attachments().update({ id: attachmentId }, { reportId: report.id });
  }

  describe('POST /api/v1/uploads', () => {
    it('re-encodes a photo upright as JPEG without EXIF or GPS and records it for the citizen', async () => {
      const original = await jpegWithGps();
      const originalMeta = await sharp(original).metadata();
      expect(originalMeta.exif?.includes(Buffer.from('VillagePhone'))).toBe(true);
      expect(originalMeta.orientation).toBe(6);

      const response = await upload(citizenAuth, original, 'IMG_0001.jpg', 'image/jpeg').field('durationSeconds', '7');

      expect(response.status).toBe(201);
      const body = UploadResponseSchema.parse(response.body);
      expect(body).toEqual({
        id: expect.any(String),
        kind: 'photo',
        contentType: 'image/jpeg',
        size: expect.any(Number),
        durationSeconds: null,
        url: `/api/v1/uploads/${body.id}/content`,
      });
      const row = await attachments().findOneByOrFail({ id: body.id });
      expect(row).toMatchObject({
        ownerType: 'citizen',
        ownerId: citizen.id,
        reportId: null,
        eventId: null,
        kind: 'photo',
        contentType: 'image/jpeg',
        durationSeconds: null,
      });
      expect(row.storageKey).toMatch(new RegExp(`^attachments/\\d{4}/\\d{2}/${body.id}\\.jpg$`));

      const stored = await app.deps.storage.get(row.storageKey);
      expect(row.size).toBe(stored.length);
      expect(body.size).toBe(stored.length);
      const storedMeta = await sharp(stored).metadata();
      expect(storedMeta).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
      expect(storedMeta.exif).toBeUndefined();
      expect(storedMeta.xmp).toBeUndefined();
      expect(storedMeta.iptc).toBeUndefined();
      expect(storedMeta.orientation).toBeUndefined();
      expect(stored.includes(Buffer.from('VillagePhone'))).toBe(false);
    });

    it('accepts a PNG and a WebP, stores them as JPEG and caps the longest side at 2560 px', async () => {
      const png = await sharp({
        create: { width: 3000, height: 1200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } },
      })
        .png()
        .toBuffer();
      const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
        .webp()
        .toBuffer();

      const fromPng = await upload(citizenAuth, png, 'screenshot.png', 'image/png');
      const fromWebp = await upload(citizenAuth, webp, 'photo.webp', 'image/webp');

      expect(fromPng.status).toBe(201);
      expect(fromPng.body).toMatchObject({ kind: 'photo', contentType: 'image/jpeg' });
      expect(await sharp(await storedBytes(fromPng.body.id)).metadata()).toMatchObject({
        format: 'jpeg',
        width: 2560,
        height: 1024,
      });
      expect(fromWebp.status).toBe(201);
      expect(fromWebp.body).toMatchObject({ kind: 'photo', contentType: 'image/jpeg' });
      expect(await sharp(await storedBytes(fromWebp.body.id)).metadata()).toMatchObject({
        format: 'jpeg',
        width: 64,
        height: 48,
      });
    });

    it('stores a WAV clip as is with its duration', async () => {
      const wav = testVoice(1, 8000);
      const response = await upload(citizenAuth, wav, 'recording.wav', 'audio/wav').field('durationSeconds', '1.5');

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'voice',
        contentType: 'audio/wav',
        size: wav.length,
        durationSeconds: 1.5,
      });
      const row = await attachments().findOneByOrFail({ id: response.body.id });
      expect(row).toMatchObject({ kind: 'voice', contentType: 'audio/wav', durationSeconds: 1.5, size: wav.length });
      expect(row.storageKey).toMatch(/\.wav$/);
      expect((await app.deps.storage.get(row.storageKey)).equals(wav)).toBe(true);
    });

    it('judges an MP3 by its bytes, not by the name or type the client gives, and records a staff uploader', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
      const mp3 = tinyMp3();
      const response = await upload(bearer(staffToken(app.deps, staff)), mp3, 'voice.jpg', 'image/jpeg').field(
        'durationSeconds',
        '12',
      );

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'voice',
        contentType: 'audio/mpeg',
        size: mp3.length,
        durationSeconds: 12,
      });
      const row = await attachments().findOneByOrFail({ id: response.body.id });
      expect(row).toMatchObject({ ownerType: 'staff', ownerId: staff.id, durationSeconds: 12 });
      expect(row.storageKey).toMatch(/\.mp3$/);
    });

    it('answers 415 for a text file renamed .jpg and writes nothing', async () => {
      const before = await attachments().count();
      const response = await upload(citizenAuth, Buffer.from('这不是照片\n'.repeat(50)), 'photo.jpg', 'image/jpeg');

      expect(response.status).toBe(415);
      expect(response.body).toEqual({ error: { code: 'unsupported_media_type', message: UNSUPPORTED, field: 'file' } });
      expect(await attachments().count()).toBe(before);
    });

    it('answers 400 naming the file for an image that cannot be decoded', async () => {
      const before = await attachments().count();
      const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x42)]);
      const response = await upload(citizenAuth, broken, 'broken.jpg', 'image/jpeg');

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'file' });
      expect(response.body.error.message).toMatch(/图片/);
      expect(await attachments().count()).toBe(before);
    });

    it('answers 413 for a file over 10 MB, whether refused by its declared length or while reading', async () => {
      const before = await attachments().count();
      const justOver = Buffer.alloc(LIMITS.uploadBytesMax + 1, 0x41);
      const wayOver = Buffer.alloc(LIMITS.uploadBytesMax + 512 * 1024, 0x41);

      for (const bytes of [justOver, wayOver]) {
        const response = await upload(citizenAuth, bytes, 'huge.jpg', 'image/jpeg');
        expect(response.status).toBe(413);
        expect(response.body).toEqual({
          error: { code: 'payload_too_large', message: '文件不能超过 10MB', field: 'file' },
        });
      }
      expect(await attachments().count()).toBe(before);
    });

    it('refuses a WAV clip longer than 60 s (what 一句话识别 hears) and voice whose base64 would pass 3 MB', async () => {
      const before = await attachments().count();
      const long = await upload(citizenAuth, testVoice(61, 8000), 'long.wav', 'audio/wav');
      expect(long.status).toBe(400);
      expect(long.body.error).toMatchObject({
        code: 'bad_request',
        field: 'file',
        message: '语音不能超过 60 秒，请分段录制',
      });

      const mp3Frames = Buffer.concat([tinyMp3(), Buffer.alloc(LIMITS.voiceBytesMax, 0)]);
      const big = await upload(citizenAuth, mp3Frames, 'big.mp3', 'audio/mpeg');
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({
        code: 'payload_too_large',
        field: 'file',
        message: '语音不能超过 2.25MB',
      });
      expect(await attachments().count()).toBe(before);

      const sixty = await upload(citizenAuth, testVoice(60, 16000), 'sixty.wav', 'audio/wav');
      expect(sixty.status).toBe(201);
      expect(Math.ceil((sixty.body.size * 4) / 3)).toBeLessThanOrEqual(3_000_000);
    });

    it('answers 400 naming the file when none, an empty one or two are sent', async () => {
      const onlyField = await app.http.post('/api/v1/uploads').set(citizenAuth).field('durationSeconds', '3');
      const json = await app.http.post('/api/v1/uploads').set(citizenAuth).send({ durationSeconds: 3 });
      const wrongField = await app.http
        .post('/api/v1/uploads')
        .set(citizenAuth)
        .attach('photo', testVoice(1, 8000), 'a.wav');

      const empty = await upload(citizenAuth, Buffer.alloc(0), 'empty.jpg');
      const twoFiles = await upload(citizenAuth, testVoice(1, 8000), 'a.wav').attach('file', tinyMp3(), 'b.mp3');

      const cases = [
        [onlyField, '请选择要上传的照片或语音'],
        [json, '请选择要上传的照片或语音'],
        [wrongField, '请选择要上传的照片或语音'],
        [empty, '文件是空的，请重新选择'],
        [twoFiles, '一次只能上传一个文件'],
      ] as const;
      for (const [response, message] of cases) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ error: { code: 'bad_request', message, field: 'file' } });
      }
    });

    it('answers 400 naming the file for a multipart body that breaks off', async () => {
      const response = await app.http
        .post('/api/v1/uploads')
        .set(citizenAuth)
        .set('Content-Type', 'multipart/form-data; boundary=cut')
        .send(
          '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\nRIFF',
        );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'file' });
    });

    it('answers 400 naming durationSeconds when it is out of range', async () => {
      const response = await upload(citizenAuth, testVoice(1, 8000), 'a.wav').field(
        'durationSeconds',
        String(LIMITS.voiceSecondsMax + 1),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', field: 'durationSeconds' });
    });

    it('answers 401 without a valid token or for a disabled staff member', async () => {
      const staff = await buildStaff(app.dataSource, { role: 'cadre', disabled: true });
      for (const auth of [{}, bearer('forged.token'), bearer(staffToken(app.deps, staff))]) {
        const response = await upload(auth, testVoice(1, 8000), 'a.wav');
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('unauthorized');
      }
    });
  });

  describe('GET /api/v1/uploads/:id/content', () => {
    it('serves the uploader the stored bytes with the right type and a private cache', async () => {
      const uploaded = await upload(citizenAuth, await jpegWithGps(), 'a.jpg');
      const response = await download(citizenAuth, uploaded.body.url);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toBe('private');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.isBuffer(response.body)).toBe(true);
      expect((response.body as Buffer).equals(await storedBytes(uploaded.body.id))).toBe(true);
      expect((await sharp(response.body as Buffer).metadata()).exif).toBeUndefined();
    });

    it('serves a voice clip as it was sent', async () => {
      const wav = testVoice(1, 8000);
      const uploaded = await upload(citizenAuth, wav, 'a.wav');
      const response = await download(citizenAuth, uploaded.body.url);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('audio/wav');
      expect((response.body as Buffer).equals(wav)).toBe(true);
    });

    it('answers 401 without a token and 404 for an unknown id', async () => {
      const uploaded = await upload(citizenAuth, testVoice(1, 8000), 'a.wav');
      const anonymous = await app.http.get(uploaded.body.url);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthorized');

      const unknown = await app.http.get(`/api/v1/uploads/${newId()}/content`).set(citizenAuth);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('not_found');
    });

    it('refuses another citizen and staff while the upload belongs to no report', async () => {
      const uploaded = await upload(citizenAuth, testVoice(1, 8000), 'a.wav');
      const neighbour = await buildCitizen(app.dataSource);
      const countyStaff = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });

      for (const auth of [bearer(citizenToken(app.deps, neighbour)), bearer(staffToken(app.deps, countyStaff))]) {
        const response = await download(auth, uploaded.body.url);
        expect(response.status).toBe(403);
        expect(JSON.parse((response.body as Buffer).toString('utf8')).error.code).toBe('forbidden');
      }
    });

    describe('once bound to a report', () => {
      let report: Report;
      let citizenPhotoUrl: string;

      beforeAll(async () => {
        report = await buildReport();
        const uploaded = await upload(citizenAuth, await jpegWithGps(), 'scene.jpg');
        await bindToReport(uploaded.body.id, report);
        citizenPhotoUrl = uploaded.body.url;
      });

      const statusFor = async (staff: Staff) =>
        (await download(bearer(staffToken(app.deps, staff)), citizenPhotoUrl)).status;

      it('serves staff who may view the report', async () => {
        expect(
          await statusFor(await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan })),
        ).toBe(200);
        expect(
          await statusFor(await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id })),
        ).toBe(200);
        expect(await statusFor(await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }))).toBe(
          200,
        );
      });

      it('refuses staff of another township and handlers of another department', async () => {
        const otherTownship = await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi });
        const response = await download(bearer(staffToken(app.deps, otherTownship)), citizenPhotoUrl);
        expect(response.status).toBe(403);
        expect(JSON.parse((response.body as Buffer).toString('utf8')).error.code).toBe('forbidden');

        expect(
          await statusFor(await buildStaff(app.dataSource, { role: 'handler', departmentId: world.agriculture.id })),
        ).toBe(403);
      });

      it('still refuses other citizens', async () => {
        const neighbour = await buildCitizen(app.dataSource);
        expect((await download(bearer(citizenToken(app.deps, neighbour)), citizenPhotoUrl)).status).toBe(403);
      });

      it("serves the report's citizen a photo staff attached to it", async () => {
        const handler = await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id });
        const reply = await upload(bearer(staffToken(app.deps, handler)), await jpegWithGps(), 'fixed.jpg');
        await bindToReport(reply.body.id, report);

        const response = await download(citizenAuth, reply.body.url);
        expect(response.status).toBe(200);
        expect((response.body as Buffer).equals(await storedBytes(reply.body.id))).toBe(true);
      });
    });
  });
});
