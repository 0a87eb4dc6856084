/**
 * Every error the HTTP API answers, mapped in this one place (STYLE §11): an AppError keeps its code and its status
 * comes from httpStatusOf; request validation and body parsing become the same field issues the services give;
 * anything else is a 500 with a generic Chinese message, logged (without bodies, ID numbers or phone numbers).
 */
import { isPageRequest } from './web.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, httpStatusOf, type FieldIssue } from '../shared/errors.js';
import { zodIssues } from '../shared/validation.js';
import { RequestValidationError, type ErrorBody } from './http.js';

const BODY_FIELD = '(请求体)';

/** `webIndex`: the web UI's index.html, answered for page requests outside /api that match no route. */
export function registerErrorHandling(app: FastifyInstance, webIndex: Buffer | null = null): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err, request);
    if (httpStatusOf(appError.kind) >= 500) {
      request.log.error({ err }, 'request failed');
    } else {
      // The code only: a message can quote what the user typed.
      request.log.info({ code: appError.code }, 'request rejected');
    }
    return sendError(reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A page of the web UI (/dashboard, /reports …): the application's index.html, when the UI is served.
    if (webIndex && isPageRequest(request.method, path, request.headers.accept)) {
      return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(webIndex);
    }
    return sendError(reply, new AppError('ROUTE_NOT_FOUND', `未找到接口：${request.method} ${path}`));
  });
}

function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  const body: ErrorBody = { error: { code: err.code, message: err.message, issues: err.issues } };
  return reply.code(httpStatusOf(err.kind)).type('application/json; charset=utf-8').send(body);
}

/** The AppError an error stands for; an unexpected error becomes INTERNAL, its details kept out of the answer. */
export function toAppError(err: unknown, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof RequestValidationError) {
    return AppError.fromIssues(requestIssues(err.zodError, request.routeOptions.config.labels ?? {}));
  }
  const code = (err as Partial<FastifyError> | null)?.code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return single('FIELD_INVALID', '请求体不是有效的JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return single('FIELD_REQUIRED', '缺少请求体（应为JSON对象）');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return single('PAYLOAD_TOO_LARGE', `请求体过大，上限为${formatBytes(request.routeOptions.bodyLimit)}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return single('UNSUPPORTED_MEDIA_TYPE', `不支持的请求体类型：${request.headers['content-type'] ?? '(未指定)'}`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return single('FIELD_INVALID', '请求体长度与Content-Length不符');
    default:
      break;
  }
  const status = (err as Partial<FastifyError> | null)?.statusCode;
  if (status === 404) return new AppError('ROUTE_NOT_FOUND', '未找到接口');
  if (status !== undefined && status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', '请求无效');
  return new AppError('INTERNAL', '服务器内部错误，请稍后重试；如仍出错，请联系系统管理员');
}

function single(code: FieldIssue['code'], message: string): AppError {
  return new AppError(code, message, [{ code, field: BODY_FIELD, message }]);
}

/**
 * Field issues of a request that failed its schema, each naming the field by its Chinese label. Two cases read
 * better than zod's own words: no body at all, and a field a PATCH may not change (the schemas of PATCH are strict,
 * so that `{ parentCode }` or `{ idNumber }` is refused rather than silently ignored).
 */
export function requestIssues(error: z.ZodError, labels: Record<string, string>): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.path.length === 0 && (issue.input === undefined || issue.input === null)) {
      return [{ code: 'FIELD_REQUIRED', field: BODY_FIELD, message: '缺少请求体' }];
    }
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.map(String).join('.');
      return issue.keys.map((key) => {
        const label = labels[key];
        const message = label ? `${label}不能在此修改` : `无法识别的字段：${key}`;
        return { code: 'FIELD_INVALID', field: prefix ? `${prefix}.${key}` : key, message };
      });
    }
    return zodIssues(new z.ZodError([issue]), labels);
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))}MB` : `${Math.round(n / 1024)}KB`;
}
