/**
 * The OpenAPI document, generated from the routes' own zod schemas (STYLE §3): JSON at /api/openapi.json, the
 * Swagger UI at /api/docs.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const TAGS = [
  { name: '账户与登录', description: '登录、退出、修改密码、访问令牌' },
  { name: '用户管理', description: '用户账户与角色（按组织范围管理）' },
  { name: '组织', description: '党组织及其树形结构' },
  { name: '党员', description: '党员信息、组织关系转接、离开' },
  { name: '发展党员', description: '发展党员全过程纪实' },
  { name: '组织生活', description: '三会一课、主题党日等会议记录' },
  { name: '导入导出', description: 'Excel工作簿导入与导出' },
  { name: '监测通报', description: '按党内法规检查：监测通报、问题清单、待办事项' },
  { name: '规则', description: '规则集、规则的依据与可信度、本系统的规则设置' },
  { name: '系统', description: '运行状态' },
];

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '党建工作平台接口',
        description:
          '县委及所属各级党组织的党建工作数据接口。错误统一为 { error: { code, message, issues } }。' +
          '除运行状态和登录外，每个接口都需要身份凭据：会话Cookie（修改数据时另加请求头 X-CSRF-Token），或访问令牌（Authorization: Bearer djt_…）。',
        version: '0.1.0',
      },
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dj_session', description: '登录（POST /api/auth/login）后浏览器保存的会话Cookie' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: '以会话Cookie发送的修改请求（非GET）须带上登录时返回的CSRF令牌' },
          token: { type: 'http', scheme: 'bearer', description: '访问令牌（POST /api/auth/tokens 创建，形如 djt_…），供系统对接，无需CSRF令牌' },
        },
      },
      // Every operation needs one of these unless it says otherwise (health, login: `security: []`).
      security: [{ session: [], csrf: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => describeResponses(pruneComponents(jsonSchemaTransformObject(input) as Record<string, unknown>)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/**
 * The zod registry yields each named schema twice, as input and as output (`OrgView`, `OrgViewInput`); keep only the
 * components the paths actually reference, directly or through another component.
 */
function pruneComponents<T extends Record<string, unknown>>(doc: T): T {
  const components = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  const schemas = components.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  const queue = [JSON.stringify(doc.paths ?? {})];
  while (queue.length > 0) {
    const text = queue.pop()!;
    for (const m of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = m[1]!;
      if (used.has(name) || !(name in schemas)) continue;
      used.add(name);
      queue.push(JSON.stringify(schemas[name]));
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...components, schemas: kept } };
}

const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: '成功',
  201: '已创建',
  400: '输入有误（code 说明原因，issues 逐项列出字段）',
  401: '未登录，或登录已过期、访问令牌无效',
  403: '无权执行此操作，或CSRF令牌缺失、错误',
  404: '记录不存在',
  409: '与已有数据冲突',
  429: '尝试过于频繁，或账户已锁定',
  500: '服务器内部错误',
};

/**
 * Words for the answers the schemas leave undescribed ("Default Response"), and error answers always as JSON (a
 * route that `produces` a file, like the export, answers its errors in JSON all the same).
 */
function describeResponses<T extends Record<string, unknown>>(doc: T): T {
  type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
  const paths = (doc.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, Response> }>>;
  for (const operations of Object.values(paths)) {
    for (const op of Object.values(operations)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (response.description === 'Default Response' && RESPONSE_DESCRIPTIONS[status]) response.description = RESPONSE_DESCRIPTIONS[status];
        const content = Object.values(response.content ?? {})[0];
        if (Number(status) >= 400 && content) response.content = { 'application/json': content };
      }
    }
  }
  return doc;
}
