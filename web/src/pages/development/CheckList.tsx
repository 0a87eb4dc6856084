/** The checks of the dates being entered, before saving: what the server will refuse, and what the rules will flag. */
import { Alert, Typography } from 'antd';
import type { Check } from './timeline';

const TITLES = { invalid: '无法保存', violation: '不符合规定', late: '超过期限' } as const;

export function CheckText({ check }: { check: Check }) {
  return (
    <span>
      {check.message}
      {check.citation ? <Typography.Text type="secondary">（依据：{check.citation}）</Typography.Text> : null}
    </span>
  );
}

export function CheckList({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  const invalid = checks.some((c) => c.level === 'invalid');
  return (
    <Alert
      role="alert"
      type={invalid || checks.some((c) => c.level === 'violation') ? 'error' : 'warning'}
      showIcon
      message={invalid ? '以下问题须先更正，否则无法保存' : '可以保存，但保存后将作为问题列入监测通报，请核对日期'}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {checks.map((c, i) => (
            <li key={i}>
              <Typography.Text strong>{TITLES[c.level]}：</Typography.Text>
              <CheckText check={c} />
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
