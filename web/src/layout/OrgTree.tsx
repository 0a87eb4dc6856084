/** The organization tree on the left: search by name or code, long names wrap, choosing one sets the pages' scope. */
import { Input, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOrgScope } from '../lib/org-scope';
import type { OrgTreeNode } from '../lib/types';

interface Node {
  key: string;
  title: string;
  children: Node[];
}

function toNodes(list: OrgTreeNode[], filter: string): Node[] {
  const out: Node[] = [];
  for (const o of list) {
    const children = toNodes(o.children, filter);
    if (!filter || o.name.includes(filter) || o.code.includes(filter) || children.length) out.push({ key: o.code, title: o.name, children });
  }
  return out;
}

function ancestors(code: string | null): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

export function OrgTree() {
  const { tree, treeLoading, org, setOrg } = useOrgScope();
  const [filter, setFilter] = useState('');
  const nodes = useMemo(() => toNodes(tree, filter.trim()), [tree, filter]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const defaultExpanded = useMemo(() => [...(tree[0] ? [tree[0].code] : []), ...ancestors(org)], [tree, org]);
  return (
    <div style={{ padding: '8px 12px' }} aria-label="组织树">
      <Typography.Text type="secondary">组织</Typography.Text>
      <Input.Search allowClear placeholder="按名称或代码查找" size="small" onChange={(e) => setFilter(e.target.value)} style={{ margin: '6px 0' }} />
      {treeLoading ? (
        <Spin size="small" />
      ) : (
        <Tree
          blockNode
          treeData={nodes}
          selectedKeys={org ? [org] : []}
          expandedKeys={filter ? undefined : (expanded ?? defaultExpanded)}
          defaultExpandAll={!!filter}
          onExpand={(keys) => setExpanded(keys.map(String))}
          onSelect={(keys) => keys[0] !== undefined && setOrg(String(keys[0]))}
          titleRender={(n) => <span style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>{n.title}</span>}
        />
      )}
    </div>
  );
}
