/**
 * The organization tree as a materialized path of ids ('/1/17/230/'). "This organization and everything under it"
 * is the half-open range [path, upper(path)), which both engines answer from the unique index on `path`
 * ('/' is 0x2F and '0' is 0x30, so every descendant sorts before the upper bound and nothing else falls inside).
 */
export function subtreeUpperBound(path: string): string {
  return `${path.slice(0, -1)}0`;
}

export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isInSubtree(rootPath: string, path: string): boolean {
  return path.startsWith(rootPath);
}

export interface TreeNode<T> {
  node: T;
  children: TreeNode<T>[];
}

/** Builds nested nodes from rows sorted by path (parents before children). */
export function buildTree<T extends { id: number; parentId: number | null }>(rows: T[]): TreeNode<T>[] {
  const byId = new Map<number, TreeNode<T>>();
  const roots: TreeNode<T>[] = [];
  for (const row of rows) {
    const tn: TreeNode<T> = { node: row, children: [] };
    byId.set(row.id, tn);
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent) parent.children.push(tn);
    else roots.push(tn);
  }
  return roots;
}
