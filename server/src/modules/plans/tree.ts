/** Pure helpers over a plan's item tree: order, codes derived from positions, depth, descendants. */

export interface TreeNode {
  id: string;
  parentId: string | null;
  position: number;
}

/** Deepest nesting an item tree may have (level labels go up to 6; deeper levels reuse the last label). */
export const MAX_DEPTH = 12;

/** Children of every parent (null = top level), each list sorted by position. */
export function childrenOf<T extends TreeNode>(nodes: T[]): Map<string | null, T[]> {
  const byParent = new Map<string | null, T[]>();
  for (const n of nodes) {
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position);
  return byParent;
}

/** The nodes in tree order (pre-order: a parent, then its children by position). Orphans are dropped. */
export function preorder<T extends TreeNode>(nodes: T[], rootId: string | null = null): T[] {
  const byParent = childrenOf(nodes);
  const out: T[] = [];
  const stack = [...(byParent.get(rootId) ?? [])].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    const kids = byParent.get(n.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Codes 1, 1.2, 1.2.3 from the order among siblings (1-based, whatever the stored positions). */
export function codesOf(nodes: TreeNode[]): Map<string, string> {
  const byParent = childrenOf(nodes);
  const codes = new Map<string, string>();
  const assign = (parentId: string | null, prefix: string) => {
    (byParent.get(parentId) ?? []).forEach((n, i) => {
      const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      codes.set(n.id, code);
      assign(n.id, code);
    });
  };
  assign(null, '');
  return codes;
}

/** Depth of an item: 1 for a top-level item. */
export const depthOfCode = (code: string): number => code.split('.').length;

/** The level label for a depth: the plan's label for that level, or its deepest label below that. */
export const levelLabelOf = (labels: string[], depth: number): string => labels[Math.min(depth, labels.length) - 1] ?? '';

/** Ids of a node and everything below it. */
export function subtreeIds(nodes: TreeNode[], rootId: string): Set<string> {
  const byParent = childrenOf(nodes);
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const c of byParent.get(stack.pop()!) ?? []) {
      if (out.has(c.id)) continue;
      out.add(c.id);
      stack.push(c.id);
    }
  }
  return out;
}

/** Height of a subtree: 1 for a leaf. */
export function heightOf(nodes: TreeNode[], rootId: string): number {
  const byParent = childrenOf(nodes);
  const h = (id: string, guard: number): number => (guard > MAX_DEPTH * 2 ? guard : 1 + Math.max(0, ...(byParent.get(id) ?? []).map((c) => h(c.id, guard + 1))));
  return h(rootId, 0);
}

/** Orders dotted codes numerically (1.2 < 1.10). */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
