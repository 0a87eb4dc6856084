import { auditRoutes } from '../modules/audit/audit.routes.js';
import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { developmentRoutes } from '../modules/development/development.routes.js';
import { duesRoutes } from '../modules/dues/dues.routes.js';
import { figuresRoutes } from '../modules/figures/figures.routes.js';
import { reportsRoutes } from '../reports/reports.routes.js';
import { figureSetRoutes } from '../modules/figure-sets/figure-sets.routes.js';
import { serviceRoutes } from '../modules/service/service.routes.js';
import { honorRoutes } from '../modules/honors/honors.routes.js';
import { donationRoutes } from '../modules/donations/donations.routes.js';
import { ratingRoutes } from '../modules/ratings/ratings.routes.js';
import { inspectionRoutes } from '../modules/inspections/inspections.routes.js';
import { studyRoutes } from '../modules/study/study.routes.js';
import { taskRoutes } from '../modules/tasks/tasks.routes.js';
import { disclosureRoutes } from '../modules/disclosures/disclosures.routes.js';
import { cadreRoutes } from '../modules/cadres/cadres.routes.js';
import { publicityRoutes } from '../modules/publicity/publicity.routes.js';
import { meetingRoutes } from '../modules/meetings/meetings.routes.js';
import { memberRoutes } from '../modules/members/members.routes.js';
import { orgRoutes } from '../modules/orgs/orgs.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import { rulesRoutes } from '../rules/rules.routes.js';
import { errorResponses, type RouteOptions } from './http.js';
import { workbookRoutes } from './workbook.routes.js';

export interface ApiOptions extends RouteOptions {
  engine?: 'sqlite' | 'postgres' | undefined;
}

const health = z.object({ ok: z.boolean(), engine: z.enum(['sqlite', 'postgres']).optional() });

/**
 * Is the service up and its database answering? For load balancers and monitoring, so it is public, and it reads
 * nothing: the server's own context is enough for `select 1`.
 */
const healthRoutes: FastifyPluginAsyncZod<ApiOptions> = async (app, { ctx, engine }) => {
  app.get(
    '/health',
    { schema: { tags: ['系统'], summary: '运行状态（含数据库连接）', security: [], response: { 200: health, ...errorResponses } } },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { ok: true, ...(engine && { engine }) };
    },
  );
};

/** Every routes plugin of the API, registered under /api. */
export const API_ROUTES: FastifyPluginAsyncZod<ApiOptions>[] = [
  healthRoutes,
  authRoutes,
  userRoutes,
  orgRoutes,
  memberRoutes,
  developmentRoutes,
  meetingRoutes,
  duesRoutes,
  figuresRoutes,
  reportsRoutes,
  figureSetRoutes,
  serviceRoutes,
  honorRoutes,
  donationRoutes,
  ratingRoutes,
  inspectionRoutes,
  studyRoutes,
  taskRoutes,
  disclosureRoutes,
  cadreRoutes,
  publicityRoutes,
  workbookRoutes,
  rulesRoutes,
  auditRoutes,
];
