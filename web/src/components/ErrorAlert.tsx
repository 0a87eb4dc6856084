/** An API error as users read it: the message, and each field issue naming its field. */
import { Alert } from 'antd';
import { ApiError, errorMessage } from '../lib/api';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorMessage(error)}
      description={
        issues.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {issues.map((i, n) => (
              <li key={n}>{[i.sheet, i.row ? `第${i.row}行` : null, i.column ?? i.field, i.message].filter(Boolean).join('，')}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={onRetry ? <a onClick={onRetry}>重试</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
