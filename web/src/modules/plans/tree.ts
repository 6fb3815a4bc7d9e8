import type { PlanItem, Status } from '@lantu/core';

/** A plan item with its children, ready for antd's tree Table (`children` absent on leaves). */
export interface ItemNode extends PlanItem {
  children?: ItemNode[];
}

/**
 * Builds the tree from the API's flat rows (already in tree order). A row whose parent is not in
 * the list (a filtered view) becomes a root, so every match stays visible.
 */
export function buildItemTree(items: readonly PlanItem[]): ItemNode[] {
  const nodes = new Map<string, ItemNode>();
  for (const i of items) nodes.set(i.id, { ...i });
  const roots: ItemNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The chain from the top-level item down to the item itself (breadcrumbs). */
export function ancestorsOf(items: readonly PlanItem[], id: string): PlanItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const chain: PlanItem[] = [];
  for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    chain.unshift(cur);
    if (chain.length > 20) break; // a broken tree must not hang the page
  }
  return chain;
}

/** Ids of an item and everything under it (an item cannot move below itself). */
export function subtreeIds(items: readonly PlanItem[], id: string): Set<string> {
  const out = new Set<string>([id]);
  // rows come in tree order: a descendant always follows its ancestor
  for (const i of items) if (i.parentId && out.has(i.parentId)) out.add(i.id);
  return out;
}

/** How many items have each status. */
export function countByStatus(items: readonly PlanItem[]): Record<Status, number> {
  const counts: Record<Status, number> = { done: 0, green: 0, yellow: 0, red: 0, nodata: 0 };
  for (const i of items) counts[i.status] += 1;
  return counts;
}

/** Ids of the rows with children at depth ≤ `depth` (the default expansion of the plan table). */
export function expandedTo(nodes: readonly ItemNode[], depth: number): string[] {
  const out: string[] = [];
  const walk = (list: readonly ItemNode[]) => {
    for (const n of list) {
      if (!n.children?.length) continue;
      if (n.depth <= depth) out.push(n.id);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Ids of the ancestors of an item in the tree (top first), or null when the item is not in it. */
export function ancestorIds(nodes: readonly ItemNode[], id: string): string[] | null {
  for (const n of nodes) {
    if (n.id === id) return [];
    const below = n.children ? ancestorIds(n.children, id) : null;
    if (below) return [n.id, ...below];
  }
  return null;
}

/** Ids of every row with children (filtered views open fully). */
export function allParents(nodes: readonly ItemNode[]): string[] {
  return expandedTo(nodes, Number.MAX_SAFE_INTEGER);
}

/** The deepest level a plan tree may have (the server's rule, mirrored so the move dialog greys out what it would refuse). */
export const MAX_ITEM_DEPTH = 12;

/** Everyone the plan already names as 分管领导 or owner, by name (the form's choices). */
export function peopleOf(items: readonly PlanItem[]): { id: string; name: string }[] {
  const people = new Map<string, string>();
  for (const i of items) {
    if (i.leaderId && i.leaderName) people.set(i.leaderId, i.leaderName);
    if (i.ownerId && i.ownerName) people.set(i.ownerId, i.ownerName);
  }
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
