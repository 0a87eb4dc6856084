/**
 * One field of a described form (form-fields.ts) as an antd form item: the input for its type, its label (so the
 * input is found by its label), the required rule with the field's Chinese message, and a hint.
 */
import { DatePicker, Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { get } from '../../lib/api';
import { useOrgScope } from '../../lib/org-scope';
import type { MemberListItem, OrgTreeNode, Page } from '../../lib/types';
import { optionsOf, requiredMessage, type FieldSpec } from './form-fields';
import { DATE_FORMATS } from '../../lib/format';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function treeOptions(nodes: OrgTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: treeOptions(n.children) }));
}

/** A member of the chosen organization (and its subtree), searched by name. */
function MemberSelect({ id, value, onChange, org }: { id?: string; value?: number; onChange?: (v: number | undefined) => void; org: string | null }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (name: string) => {
    if (!org) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      get<Page<MemberListItem>>('/members', { org, name: name.trim() || undefined, limit: 30 })
        .then((page) => mine === seq.current && setOptions(page.items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))))
        .catch(() => mine === seq.current && setOptions([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={search}
      onOpenChange={(open) => open && options.length === 0 && search('')}
      loading={loading}
      options={options}
      placeholder="输入姓名查找党员"
      notFoundContent={loading ? '正在查找…' : '没有找到，请换个姓名试试'}
    />
  );
}

/** One of the records an API list returns (disclosure items, manual indicators). */
function RemoteSelect({ id, value, onChange, spec, org }: { id?: string; value?: unknown; onChange?: (v: unknown) => void; spec: FieldSpec; org: string | null }) {
  const remote = spec.remote!;
  const [rows, setRows] = useState<Record<string, unknown>[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    get<{ items: Record<string, unknown>[] }>(remote.path, { ...(remote.withOrg && org ? { org } : {}), ...remote.query })
      .then((r) => live && setRows(r.items))
      .catch(() => live && setRows([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [remote, org]);
  const options = useMemo(() => rows.map((r) => ({ value: r[remote.value] as string | number, label: remote.label(r) })), [rows, remote]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value as string | number | undefined}
      onChange={onChange}
      loading={loading}
      options={options}
      optionFilterProp="label"
      placeholder={`请选择${spec.label}`}
      notFoundContent={loading ? '正在加载…' : '没有可选的事项'}
    />
  );
}

function control(spec: FieldSpec, org: string | null, tree: TreeOption[], compact: boolean) {
  const ph = spec.placeholder;
  switch (spec.type) {
    case 'textarea':
      return compact ? <Input allowClear placeholder={ph} /> : <Input.TextArea rows={3} placeholder={ph} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} placeholder={ph} />;
    case 'year':
      return <InputNumber style={{ width: compact ? 110 : '100%' }} min={1949} max={2100} precision={0} placeholder={ph ?? '如 2026'} />;
    case 'period':
      return <Input allowClear placeholder={ph ?? '2026、2026Q1 或 2026-03'} style={compact ? { width: 170 } : undefined} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} format={DATE_FORMATS} placeholder="选择日期" />;
    case 'select':
    case 'bool':
      return (
        <Select
          allowClear={!spec.required}
          options={spec.type === 'bool' && !spec.options ? [{ value: 'true', label: spec.optionLabels?.true ?? '是' }, { value: 'false', label: spec.optionLabels?.false ?? '否' }] : optionsOf(spec)}
          placeholder={ph ?? (compact ? spec.label : `请选择${spec.label}`)}
          style={compact ? { minWidth: 140 } : undefined}
          popupMatchSelectWidth={false}
        />
      );
    case 'org':
      return (
        <TreeSelect
          showSearch
          allowClear={!spec.required}
          treeData={tree}
          treeNodeFilterProp="title"
          treeDefaultExpandedKeys={org ? [org] : undefined}
          placeholder={`请选择${spec.label}`}
          popupMatchSelectWidth={false}
        />
      );
    case 'member':
      return <MemberSelect org={org} />;
    case 'remote':
      return <RemoteSelect spec={spec} org={org} />;
    default:
      return <Input allowClear={compact} placeholder={ph} />;
  }
}

/** Dates read as 2026年3月5日; typed either way. */

/** Dates are kept as ISO text in the form's values; the picker shows them as dayjs. */
const dateProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export function FieldInput({ spec, compact = false }: { spec: FieldSpec; compact?: boolean }) {
  const { org, tree } = useOrgScope();
  const options = useMemo(() => treeOptions(tree), [tree]);
  if (spec.type === 'const') return null;
  const textual = spec.type === 'text' || spec.type === 'textarea' || spec.type === 'period';
  return (
    <Form.Item
      name={spec.field}
      label={spec.label}
      extra={compact ? undefined : spec.help}
      // `whitespace` only on text: any key beside `required` makes the validator treat the value as text, and a
      // number (a year) then fails as "not filled".
      rules={spec.required ? [{ required: true, ...(textual ? { whitespace: true } : {}), message: requiredMessage(spec) }] : undefined}
      {...(spec.type === 'date' ? dateProps : {})}
      style={compact ? { marginBottom: 8 } : undefined}
    >
      {control(spec, org, options, compact)}
    </Form.Item>
  );
}
