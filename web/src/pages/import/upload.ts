/**
 * Sending a workbook to POST /api/import as the raw file body (the route takes no multipart form), with the upload's
 * progress: XMLHttpRequest reports upload progress, fetch does not. Errors come back as the same ApiError as every
 * other call, with the row issues (sheet, row, column, message) of a rejected workbook.
 */
import { ApiError, get, type FieldIssue } from '../../lib/api';
import type { ImportReport } from '../../lib/types';
import { contentTypeFor } from './import-logic';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** The whole file was sent: the server is reading, checking and writing it. */
  sent: boolean;
}

/** The session's CSRF token (api.ts keeps its own copy private); the server answers it with the signed-in user. */
async function csrfToken(): Promise<string | null> {
  const me = await get<{ csrfToken: string | null }>('/auth/me');
  return me.csrfToken;
}

function failure(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code: string; message: string; issues?: FieldIssue[] } };
    if (body.error) return new ApiError(status, body.error.code, body.error.message, body.error.issues ?? []);
  } catch {
    // not JSON: fall through
  }
  if (status === 413) return new ApiError(status, 'FILE_TOO_LARGE', '文件太大，无法上传');
  return new ApiError(status, 'HTTP_ERROR', `服务器返回错误（${status}）`);
}

export async function uploadWorkbook(file: File, opts: { dryRun: boolean; onProgress: (p: UploadProgress) => void }): Promise<ImportReport> {
  const type = contentTypeFor(file.name);
  if (!type) throw new ApiError(0, 'FILE_TYPE', '只能导入 .xlsx 工作簿或 .csv 文件');
  const token = await csrfToken();
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import${opts.dryRun ? '?dryRun=true' : ''}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', type);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => opts.onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size, sent: false });
    xhr.upload.onload = () => opts.onProgress({ loaded: file.size, total: file.size, sent: true });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch {
          reject(new ApiError(xhr.status, 'HTTP_ERROR', '服务器的回答无法读取'));
        }
      } else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    xhr.send(file);
  });
}
