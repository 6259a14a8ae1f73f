import type { CitizenUser } from '@minqing/shared';
import type { PersonalDataCipher } from '../crypto/personalData';
import { maskPhone } from '../crypto/personalData';
import type { Citizen } from '../db/entities';

export function presentCitizen(citizen: Citizen, cipher: PersonalDataCipher): CitizenUser {
  return {
    id: citizen.id,
    nickname: citizen.nickname,
    villageCode: citizen.villageCode,
    phone: citizen.phoneEncrypted ? maskPhone(cipher.decrypt(citizen.phoneEncrypted)) : null,
    careMode: citizen.careMode,
  };
}
