import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { QueueIndexes1763900000000 } from './1763900000000-QueueIndexes';
import { RankingColumns1763950000000 } from './1763950000000-RankingColumns';
import { Routing1764000000000 } from './1764000000000-Routing';
import { Supervision1764100000000 } from './1764100000000-Supervision';
import { RankingIndexes1764200000000 } from './1764200000000-RankingIndexes';
import { DeletionRequests1764300000000 } from './1764300000000-DeletionRequests';
import { VillageRecentIndex1764400000000 } from './1764400000000-VillageRecentIndex';
import { Deputies1764500000000 } from './1764500000000-Deputies';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations = [InitialSchema1763800000000, QueueIndexes1763900000000, RankingColumns1763950000000, Routing1764000000000, Supervision1764100000000, RankingIndexes1764200000000, DeletionRequests1764300000000, VillageRecentIndex1764400000000, Deputies1764500000000];
