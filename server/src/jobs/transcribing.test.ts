import type { EntityManager } from 'typeorm';
import { reportsBeingTranscribed } from './transcribing';

describe('reportsBeingTranscribed', () => {
  it('asks nothing of the database for reports without a voice clip, which can have no job', async () => {
    const manager = {
      getRepository: () => {
        throw new Error('no statement expected');
      },
    } as unknown as EntityManager;
    const page = [
      { id: '01M00000000000000000000001', voiceAttachmentId: null },
      { id: '01M00000000000000000000002', voiceAttachmentId: null },
    ];
    await expect(reportsBeingTranscribed(manager, page)).resolves.toEqual(new Set());
    await expect(
      reportsBeingTranscribed(manager, [...page, { id: '01M00000000000000000000003', voiceAttachmentId: 'clip' }]),
    ).rejects.toThrow('no statement expected');
  });
});
