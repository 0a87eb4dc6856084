/**
 * A filter bar from described fields (form-fields.ts): the fields, 查询 and 重置. A choice (a select, a date) applies
 * at once; typed text (text, a period, a year) waits for 查询 or Enter.
 */
import { Button, Form, Space, type FormInstance } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';
import { FieldInput } from './FieldInput';
import type { FieldSpec, FormValues } from './form-fields';

const TYPED = ['text', 'period', 'year'];

export function FilterBar({
  form,
  name,
  filters,
  onApply,
  style,
}: {
  form: FormInstance<FormValues>;
  name: string;
  filters: readonly FieldSpec[];
  onApply: (values: FormValues) => void;
  style?: CSSProperties;
}) {
  return (
    <Form<FormValues>
      form={form}
      name={name}
      layout="inline"
      onFinish={onApply}
      onValuesChange={(changed, all) => {
        const f = filters.find((x) => x.field === Object.keys(changed)[0]);
        if (f && !TYPED.includes(f.type)) onApply(all);
      }}
      style={{ rowGap: 0, ...style }}
      aria-label="筛选"
    >
      {filters.map((f) => (
        <FieldInput key={f.field} spec={f} compact />
      ))}
      <Form.Item style={{ marginBottom: 8 }}>
        <Space>
          <Button htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
