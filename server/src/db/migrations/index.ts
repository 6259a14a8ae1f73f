import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { QueueIndexes1763900000000 } from './1763900000000-QueueIndexes';
import { RankingColumns1763950000000 } from './1763950000000-RankingColumns';
import { Routing1764000000000 } from './1764000000000-Routing';
import { Supervision1764100000000 } from './1764100000000-Supervision';
import { RankingIndexes1764200000000 } from './1764200000000-RankingIndexes';
import { DeletionRequests1764300000000 } from './1764300000000-DeletionRequests';
import { VillageRecentIndex1764400000000 } from './1764400000000-VillageRecentIndex';
import { Deputies1764500000000 } from './1764500000000-Deputies';
import { Configuration1764600000000 } from './1764600000000-Configuration';
import { StaffAccounts1764610000000 } from './1764610000000-StaffAccounts';
import { ReportNotesAndReplyTemplates1764630000000 } from './1764630000000-ReportNotesAndReplyTemplates';
import { ContentFiles1764640000000 } from './1764640000000-ContentFiles';
import { ContentChecks1764650000000 } from './1764650000000-ContentChecks';
import { PushMessages1764660000000 } from './1764660000000-PushMessages';
import { Points1764670000000 } from './1764670000000-Points';
import { Payouts1764680000000 } from './1764680000000-Payouts';
import { OnePhonePerCitizen1764690000000 } from './1764690000000-OnePhonePerCitizen';
import { StaffWechat1764701200000 } from './1764701200000-StaffWechat';
import { StaffActionKeys1764701300000 } from './1764701300000-StaffActionKeys';
import { Households1764710000000 } from './1764710000000-Households';
import { ReportsOnBehalf1764720000000 } from './1764720000000-ReportsOnBehalf';
import { ReportHousehold1764730000000 } from './1764730000000-ReportHousehold';
import { VisitClientKeys1764740000000 } from './1764740000000-VisitClientKeys';
import { ReportPublic1764780000000 } from './1764780000000-ReportPublic';
import { Partners1764790000000 } from './1764790000000-Partners';
import { LocationSystem1764820000000 } from './1764820000000-LocationSystem';
import { StatsIndexes1764830000000 } from './1764830000000-StatsIndexes';
import { DuplicateSearchIndexes1764840000000 } from './1764840000000-DuplicateSearchIndexes';
import { ReportFollowers1764800000000 } from './1764800000000-ReportFollowers';
import { ClassifierModels1764770000000 } from './1764770000000-ClassifierModels';
import { ReportGrid1764750000000 } from './1764750000000-ReportGrid';
import { SpeechTranscripts1764760000000 } from './1764760000000-SpeechTranscripts';
import { WeeklyBriefs1764810000000 } from './1764810000000-WeeklyBriefs';
import { StatsSummaries1764850000000 } from './1764850000000-StatsSummaries';
import { FiledOnBehalfIndex1764860000000 } from './1764860000000-FiledOnBehalfIndex';
import { StatsSummaryDepartmentIndex1764870000000 } from './1764870000000-StatsSummaryDepartmentIndex';
import { StatsOpenDeadlines1764885000000 } from './1764885000000-StatsOpenDeadlines';
import { StatsRepeatSummaries1764890000000 } from './1764890000000-StatsRepeatSummaries';
import { StatsMonthSummaries1764900000000 } from './1764900000000-StatsMonthSummaries';
import { StatsTrendDays1764910000000 } from './1764910000000-StatsTrendDays';
import { StatsHotspots1764920000000 } from './1764920000000-StatsHotspots';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations = [
  InitialSchema1763800000000,
  QueueIndexes1763900000000,
  RankingColumns1763950000000,
  Routing1764000000000,
  Supervision1764100000000,
  RankingIndexes1764200000000,
  DeletionRequests1764300000000,
  VillageRecentIndex1764400000000,
  Deputies1764500000000,
  Configuration1764600000000,
  StaffAccounts1764610000000,
  ReportNotesAndReplyTemplates1764630000000,
  ContentFiles1764640000000,
  ContentChecks1764650000000,
  PushMessages1764660000000,
  Points1764670000000,
  Payouts1764680000000,
  OnePhonePerCitizen1764690000000,
  StaffWechat1764701200000,
  StaffActionKeys1764701300000,
  Households1764710000000,
  ReportsOnBehalf1764720000000,
  ReportHousehold1764730000000,
  VisitClientKeys1764740000000,
  ReportGrid1764750000000,
  SpeechTranscripts1764760000000,
  ClassifierModels1764770000000,
  ReportPublic1764780000000,
  Partners1764790000000,
  ReportFollowers1764800000000,
  WeeklyBriefs1764810000000,
  LocationSystem1764820000000,
  StatsIndexes1764830000000,
  DuplicateSearchIndexes1764840000000,
  StatsSummaries1764850000000,
  FiledOnBehalfIndex1764860000000,
  StatsSummaryDepartmentIndex1764870000000,
  StatsOpenDeadlines1764885000000,
  StatsRepeatSummaries1764890000000,
  StatsMonthSummaries1764900000000,
  StatsTrendDays1764910000000,
  StatsHotspots1764920000000,
];
