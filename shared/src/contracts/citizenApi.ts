import type { catalogRoutes } from './catalog';
import type { citizenAuthRoutes } from './citizenAuth';
import { CITIZEN_ENDPOINTS } from './citizenEndpoints';
import type { articleRoutes, noticeRoutes } from './content';
import type { contentFileRoutes } from './contentFiles';
import type { followingRoutes } from './following';
import type { meRoutes } from './me';
import type { messageRoutes } from './messages';
import type { openDataRoutes } from './openData';
import type { myRewardRoutes, pointsRoutes } from './points';
import type { pushRoutes } from './push';
import type { citizenReportRoutes } from './reports';
import type { uploadRoutes } from './uploads';
import type { RouteContract } from './route';

/** The contract of each route of CITIZEN_ENDPOINTS, by the same family and name (types only: no zod at run time). */
interface CitizenContracts {
  catalog: typeof catalogRoutes;
  auth: typeof citizenAuthRoutes;
  me: typeof meRoutes;
  reports: typeof citizenReportRoutes;
  notices: typeof noticeRoutes;
  articles: typeof articleRoutes;
  contentFiles: {
    notices: typeof contentFileRoutes.notice.published;
    articles: typeof contentFileRoutes.article.published;
  };
  messages: typeof messageRoutes;
  following: typeof followingRoutes;
  push: typeof pushRoutes;
  points: typeof pointsRoutes;
  rewards: typeof myRewardRoutes;
  openData: typeof openDataRoutes;
  uploads: typeof uploadRoutes;
}

/** An endpoint that knows, in its type only, the contract it belongs to: a client call infers params, query, body and answer from it. */
export interface ContractEndpoint<C extends RouteContract> {
  readonly method: C['method'];
  readonly path: C['path'];
  readonly access: C['access'];
  /** Never set: it carries the contract's type, not its schemas. */
  readonly contract?: C;
}

type Endpoints = typeof CITIZEN_ENDPOINTS;
type CitizenApi = {
  readonly [F in keyof Endpoints]: {
    readonly [R in keyof Endpoints[F]]: R extends keyof CitizenContracts[F]
      ? CitizenContracts[F][R] extends RouteContract
        ? ContractEndpoint<CitizenContracts[F][R]>
        : never
      : never;
  };
};

/**
 * The citizen mini-program's routes, typed by their contracts: `citizenApi.me.update` is
 * `PATCH /me`, its body UpdateProfileRequest and its answer CitizenUser.
 */
export const citizenApi: CitizenApi = CITIZEN_ENDPOINTS;
